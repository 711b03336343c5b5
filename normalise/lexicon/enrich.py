"""Lexicon enrichment: machine-translated names proposed, as a batch, for review.

Organisations are often named in one language only (`هيئة تحرير الشام`), while sources write
them in another (`Levant Liberation Committee`). `propose_translations` translates, with an
installed offline model, a name of each entity that has none in the target language, and
returns `add_names` ops (the batch format of `Lexicon.apply`) with every proposed name tagged
`source: mt` and `kind: variant`. Nothing is written to the lexicon: a person reviews the
batch, then applies it (`normalise lexicon apply`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from normalise.lexicon.connection import connect
from normalise.lexicon.model import Entity, Name
from normalise.lexicon.store import Lexicon
from normalise.models import ModelError, list_models
from normalise.translate import Translator, runtime_available

MT_SOURCE = "mt"
# Names that count as a name in a language, and that are worth translating, best first:
# an abbreviation (HTS) or a demonym is neither.
SOURCE_NAME_KINDS = ("canonical", "official", "variant", "historical")


def primary_language(tag: str | None) -> str | None:
    """Return the primary subtag of a BCP 47 tag, lower-cased (`ar-SY` → `ar`), or None."""
    if tag is None:
        return None
    return tag.strip().lower().replace("_", "-").split("-")[0] or None


@dataclass
class TranslationProposals:
    """What `propose_translations` found: the ops to review and why others were left out.

    Attributes:
        source: the language translated from (`ar`).
        target: the language of the proposed names (`en`).
        kind: the entity kind considered (`organisation`).
        ops: `add_names` ops, one per entity, ready for `Lexicon.apply`.
        entities: active entities of the kind.
        lacking: those with no name in the target language.
        without_source: of those, how many have no name in the source language to translate.
        unusable: translations that were empty or already a name of the entity.
    """

    source: str
    target: str
    kind: str
    ops: list[dict[str, Any]] = field(default_factory=list)
    entities: int = 0
    lacking: int = 0
    without_source: int = 0
    unusable: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the summary (and the ops) as JSON-ready data."""
        return {
            "from": self.source,
            "to": self.target,
            "kind": self.kind,
            "entities": self.entities,
            "lacking": self.lacking,
            "without_source": self.without_source,
            "unusable": self.unusable,
            "proposed": len(self.ops),
            "ops": self.ops,
        }


def check_model(translator: Translator, source: str, target: str) -> None:
    """Raise a `ModelError` that says what to do when no model translates `source`→`target`.

    Raises:
        ModelError: no such model installed, or argostranslate is missing.
    """
    if (source, target) in {(a.lower(), b.lower()) for a, b in translator.available_pairs()}:
        return
    models_dir = translator.models_dir
    installed = {(m.from_code.lower(), m.to_code.lower()) for m in list_models(models_dir)}
    if (source, target) in installed and not runtime_available():
        raise ModelError(
            f"the {source}→{target} model in {models_dir} needs argostranslate:"
            ' pip install -e ".[translate]"'
        )
    raise ModelError(
        f"no {source}→{target} translation model in {models_dir}: install one with"
        f" `normalise models install translate-{source}_{target}.argosmodel"
        f" --models-dir {models_dir}`"
    )


def entity_ids(lexicon: Lexicon, kind: str) -> list[str]:
    """Return the ids of the lexicon's active entities of one kind, sorted.

    Read on a connection of its own, so that the default lexicon's 235k places are not loaded
    one by one to find its few dozen organisations.
    """
    conn = connect(Path(lexicon.path), readonly=True)
    try:
        rows = conn.execute(
            "SELECT id FROM entities WHERE kind = ? AND status = 'active' ORDER BY id", (kind,)
        ).fetchall()
    finally:
        conn.close()
    return [str(row[0]) for row in rows]


def _source_names(entity: Entity, source: str) -> Iterator[Name]:
    """The entity's names in the source language, the most authoritative kind first."""
    ranked = sorted(
        (n for n in entity.names if n.kind in SOURCE_NAME_KINDS),
        key=lambda n: SOURCE_NAME_KINDS.index(n.kind),
    )
    return (n for n in ranked if primary_language(n.lang) == source)


def propose_translations(
    lexicon: Lexicon,
    translator: Translator,
    source: str,
    target: str,
    *,
    kind: str = "organisation",
) -> TranslationProposals:
    """Propose a machine-translated `target`-language name for each entity lacking one.

    For every active entity of `kind` with no name tagged in `target` (abbreviations aside),
    its `source`-language names are translated, the canonical one first, until one gives text
    that is not already a name of the entity. The result is one `add_names` op per entity;
    nothing is written.

    Args:
        lexicon: the lexicon to read (read-only is enough).
        translator: the offline translator; a `source`→`target` model must be installed.
        source: the language to translate from (ISO 639-1, `ar`).
        target: the language to propose names in (`en`).
        kind: which entities to consider.

    Returns:
        The proposals and the counts of entities left out, and why.

    Raises:
        ModelError: no usable `source`→`target` model (the message says how to install one),
            or the model fails.
    """
    source, target = source.strip().lower(), target.strip().lower()
    if source == target:
        raise ModelError(f"--lang and --to are both {source!r}: give two languages")
    check_model(translator, source, target)
    found = TranslationProposals(source, target, kind)
    for entity_id in entity_ids(lexicon, kind):
        entity = lexicon.get(entity_id)
        if entity is None:
            continue  # deleted since the ids were read
        found.entities += 1
        if any(
            primary_language(n.lang) == target and n.kind in SOURCE_NAME_KINDS for n in entity.names
        ):
            continue
        found.lacking += 1
        known = {n.text.casefold() for n in entity.names}
        names = list(_source_names(entity, source))
        if not names:
            found.without_source += 1
            continue
        for name in names:
            text = translator.translate(name.text, source, target)
            if text is None or text.casefold() in known:
                found.unusable += 1
                continue
            proposed = {"text": text, "lang": target, "kind": "variant", "source": MT_SOURCE}
            found.ops.append({"op": "add_names", "id": entity.id, "names": [proposed]})
            break
    return found

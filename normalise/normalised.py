"""`normalise_name`: every form of one name, for inspection and for the `normalise` command."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from normalise.fold import fold, is_turkic, looks_turkish
from normalise.keys import Keys, build_keys, latinise
from normalise.scripts import detect_scripts
from normalise.text import clean
from normalise.translit import romanise


@dataclass(frozen=True, slots=True)
class Normalised:
    """A name taken apart: what each step of the pipeline made of it.

    Attributes:
        text: the input.
        cleaned: after Unicode cleanup (NFC, invisible characters, tatweel, harakat removed).
        scripts: specific scripts of its letters, in order of appearance.
        mixed_script: letters of two or more specific scripts.
        lang: the language given, or "tr" when Turkish letters were seen.
        folded: case, diacritics and Arabic orthography folded; script kept.
        romanised: ASCII romanisation of the folded text.
        keys: the comparison keys (see `normalise.keys.Keys`).
    """

    text: str
    cleaned: str
    scripts: tuple[str, ...]
    mixed_script: bool
    lang: str | None
    folded: str
    romanised: str
    keys: Keys

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (tuples become lists)."""
        return asdict(self)


def normalise_name(name: str, lang: str | None = None) -> Normalised:
    """Run the whole normalisation pipeline on one name.

    Args:
        name: any text.
        lang: BCP 47 language when known.

    Raises:
        NotTextError: `name` is not a `str`.
    """
    cleaned = clean(name)
    info = detect_scripts(cleaned)
    effective = lang if lang is not None else ("tr" if looks_turkish(cleaned) else None)
    folded = fold(cleaned, effective if is_turkic(effective) else lang)
    return Normalised(
        text=name,
        cleaned=cleaned,
        scripts=info.scripts,
        mixed_script=info.mixed,
        lang=effective,
        folded=folded,
        romanised=romanise(latinise(folded, lang), lang),
        keys=build_keys(name, lang),
    )


def transliterate(text: str, target: str = "Latn") -> str:
    """Romanise `text` into ASCII Latin (the only target so far), keeping case and words.

    Raises:
        ValueError: an unsupported target script.
        NotTextError: `text` is not a `str`.
    """
    if target not in ("Latn", "Latin"):
        raise ValueError(f"unsupported target script {target!r}; supported: Latn")
    cleaned = clean(text)
    scripts = detect_scripts(cleaned).scripts
    if scripts in ((), ("Latin",)):
        return latinise(cleaned)
    # Arabic needs folding (hamza seats, Persian letters) before our rules; other scripts keep
    # their case through ICU.
    return romanise(fold(cleaned) if "Arabic" in scripts else cleaned)

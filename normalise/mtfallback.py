"""The machine-translation fallback of resolution: translate a name that found nothing sure.

Some names are translated rather than transliterated (`هيئة تحرير الشام` is `Levant Liberation
Committee`). When a query has no confident candidate and a model for its language is installed,
the name is translated to English (the pivot), the English name to Arabic and Turkish where a
model exists, and each translation is resolved again with the same context:

    ar query  ─► ar→en ─► resolve        why: translated:ar→en, translation:<English>
                      └► en→tr ─► resolve why: translated:ar→en, translated:en→tr, translation:..
    en query  ─► en→ar, en→tr ─► resolve

Candidates found this way join the query's own candidates (an entity found both ways keeps its
own reasons, gains the translation's, and the higher score) and are never a confident `match`:
a translation is a guess, so only the resolver's own decision on the query may assert one.
With no model installed nothing changes; the translator says so once in the log.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from normalise.fold import looks_turkish
from normalise.match import Match
from normalise.models import ModelError
from normalise.scripts import detect_scripts
from normalise.translate import Translator

log = logging.getLogger(__name__)

PIVOT = "en"
TARGETS = ("ar", "tr")  # the languages a pivot (English) name is translated into
_SCRIPT_LANGS = {"Arabic": "ar"}

# resolve(text, lang) -> the candidates of one translation, with the query's context.
ResolveText = Callable[[str, str], list[Match]]


def query_language(name: str, lang: str | None = None, country: str | None = None) -> str | None:
    """Return the language to translate `name` from, or None when it cannot be told.

    A given tag wins (its primary subtag: `ar-SY` → `ar`), except a romanised Arabic tag
    (`ar-Latn`), which no Arabic model reads. Otherwise the script decides: Arabic script is
    `ar`; Latin is `tr` for a Turkish place (`country` TR) or Turkish letters (ş ğ ı), else `en`.

    Args:
        name: the query.
        lang: its BCP 47 tag when the caller knows it.
        country: the ISO alpha-2 country the caller gave.
    """
    if lang is not None:
        parts = lang.strip().lower().replace("_", "-").split("-")
        if parts[0] == "ar" and "latn" in parts[1:]:
            return None
        return parts[0] or None
    script = detect_scripts(name).primary
    if script == "Latin":
        return "tr" if (country or "").upper() == "TR" or looks_turkish(name) else PIVOT
    return None if script is None else _SCRIPT_LANGS.get(script)


@dataclass(frozen=True, slots=True)
class Route:
    """One translation of the query: its text, its language and the pairs that made it."""

    text: str
    lang: str
    pairs: tuple[tuple[str, str], ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The `why` entries of candidates found through this translation."""
        steps = tuple(f"translated:{a}→{b}" for a, b in self.pairs)
        return (*steps, f"translation:{self.text}")


class TranslationFallback:
    """Resolve translations of a query and merge their candidates into its own.

    Args:
        translator: the offline translator (models from its models directory only).
    """

    def __init__(self, translator: Translator) -> None:
        self.translator = translator
        self._warned: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def routes(self, name: str, source: str) -> list[Route]:
        """Return the translations of `name` (in language `source`) that installed models give."""
        pairs = {(a.lower(), b.lower()) for a, b in self.translator.available_pairs()}
        if not pairs:
            return []
        out: list[Route] = []
        if source == PIVOT:
            english = name
        else:
            english_text = self._translate(name, source, PIVOT, pairs)
            if english_text is None:
                return []
            english = english_text
            out.append(Route(english, PIVOT, ((source, PIVOT),)))
        for target in TARGETS:
            if target == source:
                continue
            text = self._translate(english, PIVOT, target, pairs)
            if text is not None:
                steps = ((source, PIVOT),) if source != PIVOT else ()
                out.append(Route(text, target, (*steps, (PIVOT, target))))
        return out

    def _translate(
        self, text: str, source: str, target: str, pairs: set[tuple[str, str]]
    ) -> str | None:
        if (source, target) not in pairs:
            return None
        try:
            return self.translator.translate(text, source, target)
        except ModelError as exc:
            with self._lock:
                first = (source, target) not in self._warned
                self._warned.add((source, target))
            if first:
                log.warning(
                    "the %s→%s translation model fails (%s); resolving without it. Reinstall it"
                    " with: normalise models install FILE.argosmodel",
                    source,
                    target,
                    exc,
                )
            return None

    def extend(
        self,
        matches: list[Match],
        name: str,
        resolve: ResolveText,
        *,
        lang: str | None = None,
        country: str | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Return `matches` with the candidates of the query's translations merged in.

        Nothing is translated when a candidate is already a confident match, when the query's
        language cannot be told, or when no model serves it: `matches` comes back unchanged.

        Args:
            matches: the query's own candidates, best first.
            name: the query.
            resolve: resolves one translated text in a language, with the query's context.
            lang: the query's BCP 47 tag, when known.
            country: the query's country, when known (a Latin name in TR is read as Turkish).
            limit: how many candidates to return.
        """
        if any(m.match for m in matches):
            return matches
        source = query_language(name, lang, country)
        if source is None:
            return matches
        routes = self.routes(name, source)
        if not routes:
            return matches
        return merge(matches, [(route, resolve(route.text, route.lang)) for route in routes], limit)


def merge(
    matches: list[Match], translated: list[tuple[Route, list[Match]]], limit: int
) -> list[Match]:
    """Merge candidates found through translations into the query's own, best first.

    An entity found both ways keeps its own reasons, gains the translation's, and keeps the
    higher of the two scores and its confidence; one found only through a translation has
    confidence 0. None of the merged candidates is a confident match.
    """
    merged: dict[str, Match] = {m.id: m for m in matches}
    for route, found in translated:
        for candidate in found:
            held = merged.get(candidate.id)
            if held is None:
                merged[candidate.id] = replace(
                    candidate,
                    match=False,
                    confidence=0.0,
                    why=tuple(dict.fromkeys((*route.reasons, *candidate.why))),
                )
            else:
                merged[candidate.id] = replace(
                    held,
                    match=False,
                    score=max(held.score, candidate.score),
                    why=tuple(dict.fromkeys((*held.why, *route.reasons))),
                )
    ranked = sorted(merged.values(), key=lambda m: -m.score)  # stable: ties keep their order
    return ranked[:limit]

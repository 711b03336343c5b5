"""Romanisation: any script to ASCII Latin, through routes listed in `lexicons/translit/`.

`routes.tsv` maps (script, language) to a chain: built-in ICU transform IDs, or one of our own
rule files (`rules:<name>` -> `lexicons/translit/<name>.rules`, compiled with
`icu.Transliterator.createFromRules`). Transliterators are built once per chain and reused;
ASCII text skips ICU entirely. unidecode is only the last resort for whatever a route leaves
non-ASCII.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import icu
from unidecode import unidecode

from normalise.errors import RuleTableError, TransliterationError
from normalise.paths import lexicons_dir
from normalise.rules import read_rows
from normalise.scripts import COMMON, INHERITED, char_script


@dataclass(frozen=True, slots=True)
class Route:
    """One line of `routes.tsv`: which chain romanises `script` text in language `lang`."""

    script: str
    lang: str
    chain: str


@cache
def load_routes() -> dict[tuple[str, str], str]:
    """Return the routes table as {(script, lang): chain}, checking every rules file exists.

    Raises:
        RuleTableError: malformed `routes.tsv`, a duplicate route, or a missing rules file.
    """
    path = lexicons_dir() / "translit" / "routes.tsv"
    routes: dict[tuple[str, str], str] = {}
    for row in read_rows(path, ("script", "lang", "chain")):
        key = (row["script"], row["lang"])
        if key in routes:
            raise row.error(f"duplicate route for script {key[0]!r} lang {key[1]!r}")
        chain = row["chain"]
        if chain.startswith("rules:"):
            rules_file = lexicons_dir() / "translit" / f"{chain[6:]}.rules"
            if not rules_file.is_file():
                raise row.error(f"rules file {rules_file.name} does not exist")
        routes[key] = chain
    if ("*", "*") not in routes:
        raise RuleTableError(path, 1, "a default route '*<TAB>*' is required")
    return routes


@cache
def get_transliterator(chain: str) -> icu.Transliterator:
    """Build (once) and return the ICU transliterator for a chain from `routes.tsv`.

    Raises:
        TransliterationError: ICU rejected the chain or the rules file.
    """
    try:
        if chain.startswith("rules:"):
            name = chain[6:]
            source = (lexicons_dir() / "translit" / f"{name}.rules").read_text(encoding="utf-8")
            return icu.Transliterator.createFromRules(
                f"normalise-{name}", source, icu.UTransDirection.FORWARD
            )
        return icu.Transliterator.createInstance(chain, icu.UTransDirection.FORWARD)
    except icu.ICUError as exc:
        raise TransliterationError(f"cannot build transliterator {chain!r}: {exc}") from exc


def route_for(script: str, lang: str | None) -> str:
    """Return the chain that romanises `script` text written in `lang` (BCP 47 or None)."""
    routes = load_routes()
    base = (lang or "*").split("-")[0].lower()
    for key in ((script, base), (script, "*"), ("*", base), ("*", "*")):
        if key in routes:
            return routes[key]
    return routes[("*", "*")]


def _runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pieces; Common/Inherited characters join the run before."""
    runs: list[tuple[str, str]] = []
    current = ""
    start = 0
    for index, char in enumerate(text):
        script = "Latin" if char.isascii() else char_script(char)
        if script in (COMMON, INHERITED) or (char.isascii() and not char.isalpha()):
            continue
        if current and script != current:
            runs.append((current, text[start:index]))
            start = index
        current = script
    runs.append((current or "Latin", text[start:]))
    return runs


def romanise(text: str, lang: str | None = None) -> str:
    """Return an ASCII romanisation of `text` (folded text is the intended input).

    Each run of one script goes through its route; the Arabic route is our own rule file,
    which writes the article as `al-` and ayn/hamza as an apostrophe.

    Args:
        text: text in any script, best already passed through `fold`.
        lang: BCP 47 language of the text when known (selects language-specific routes).

    Returns:
        Pure ASCII text.
    """
    if text.isascii():
        return text
    pieces = []
    for script, run in _runs(text):
        if run.isascii():
            pieces.append(run)
            continue
        transliterator = get_transliterator(route_for(script, lang))
        # Our rule files find word starts by the character before; pad so the first word has one.
        out = transliterator.transliterate(" " + run)[1:]
        pieces.append(out if out.isascii() else unidecode(out))
    return "".join(pieces)


def reset_caches() -> None:
    """Forget every built transliterator and the routes table."""
    load_routes.cache_clear()
    get_transliterator.cache_clear()

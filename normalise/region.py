"""The countries a query's writing points to, whose places a lookup without a country hint
reads too (`Context.within`): for a Latin name written with an Arabic article, the
Arabic-speaking countries (`lexicons/rules/arabic_world.tsv`); for one written with Turkish
letters, those and Turkey (`lexicons/rules/turkish_world.tsv`)."""

from __future__ import annotations

from functools import cache

from normalise.keys import Keys
from normalise.lexicon.validate import country_codes
from normalise.rules import load_rows


def _countries(table: str) -> tuple[str, ...]:
    """Load a table of countries strictly: ISO 3166-1 alpha-2 codes, one a row."""
    out = []
    for row in load_rows(table):
        code = row["country"]
        if code not in country_codes():
            raise row.error(f"country must be an ISO 3166-1 alpha-2 code (SY), not {code!r}")
        out.append(code)
    return tuple(out)


@cache
def arabic_countries() -> tuple[str, ...]:
    """Return the Arabic-speaking countries (`arabic_world.tsv`)."""
    return _countries("arabic_world.tsv")


@cache
def turkish_countries() -> tuple[str, ...]:
    """Return the countries a Turkish-written name points to: the Arabic-speaking ones and
    those of `turkish_world.tsv`."""
    return tuple(dict.fromkeys((*arabic_countries(), *_countries("turkish_world.tsv"))))


def writing_world(keys: Keys, arabic: bool, turkish_written: bool) -> tuple[str, ...]:
    """Return the countries a Latin query's writing points to: with Turkish letters
    (`turkish_written`: not a scholarly romanisation's ş), the Turkish press's world
    (`turkish_countries`); with an Arabic article (`al-Bireh`), the Arabic-speaking countries;
    else none. An Arabic-script query is found by its exact and folded keys, which read many
    more rows; looked up there too, it lost confident answers on dev (غازی عینتاب, Gaziantep in
    Persian, met Arabic-speaking rivals)."""
    if arabic:
        return ()
    if turkish_written:
        return turkish_countries()
    return arabic_countries() if keys.articles else ()


def reset_caches() -> None:
    """Forget the loaded tables."""
    arabic_countries.cache_clear()
    turkish_countries.cache_clear()

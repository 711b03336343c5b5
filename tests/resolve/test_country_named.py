"""An organisation named without its country's name (`Sivil Savunma` for Suriye Sivil
Savunması), read with it put back when nothing else scores well (`_score_country_named`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_resolver import built, upsert

from normalise import Normaliser
from normalise.lexicon import Lexicon


def named(op: dict[str, object], *names: tuple[str, str, str]) -> dict[str, object]:
    """An upsert op with these (text, lang, kind) names added."""
    entity = op["entity"]
    assert isinstance(entity, dict)
    entity["names"] = [*entity["names"], *({"text": t, "lang": g, "kind": k} for t, g, k in names)]
    return op


@pytest.fixture(scope="module")
def nz(tmp_path_factory: pytest.TempPathFactory) -> Normaliser:
    country = upsert("iso3166:SY", "SY", None, 20_000_000, ["Syria"], kind="country")
    defence = upsert("nz:org/syria-civil-defence", "SY", None, None, ["Syria Civil Defence"],
                     kind="organisation")  # fmt: skip
    army = upsert("nz:org/syrian-arab-army", "SY", None, None, ["Syrian Arab Army", "Syrian army"],
                  kind="organisation")  # fmt: skip
    ops = [
        named(country, ("Suriye", "tr", "variant"), ("Syrian", "en", "demonym")),
        named(defence, ("Suriye Sivil Savunması", "tr", "variant")),
        army,
        upsert("nz:place/orayma", "SY", "09", None, ["Orayma"]),
    ]
    return Normaliser.open(built(tmp_path_factory.mktemp("country_named"), ops))


def test_a_body_named_without_its_country_is_found_with_it(nz: Normaliser) -> None:
    found = nz.resolve("Sivil Savunma", country="SY", lang="tr")
    assert found[0].id == "nz:org/syria-civil-defence", found
    assert "country:Suriye" in found[0].why


def test_a_latin_query_of_no_language_is_read_in_english_and_turkish(nz: Normaliser) -> None:
    # a pipeline that gives the country and not the language: `Sivil Savunma` is Turkish,
    # read with `Suriye` before it (with `Syria` alone it was Syria, at 0.09)
    found = nz.resolve("Sivil Savunma", country="SY")
    assert found[0].id == "nz:org/syria-civil-defence", found
    assert "country:Suriye" in found[0].why


def test_only_with_a_country_hint_and_only_when_found_well(nz: Normaliser) -> None:
    unhinted = nz.resolve("Sivil Savunma", lang="tr")
    assert all(not r.startswith("country:") for m in unhinted for r in m.why), unhinted
    # `Syrian Ureyme` has the skeleton of `Syrian army` (SRNRM): too short a rest to tell
    ureyme = nz.resolve("Ureyme", country="SY")
    assert ureyme[0].id == "nz:place/orayma"
    assert all(not r.startswith("country:") for m in ureyme for r in m.why), ureyme



def test_country_words_are_read_again_when_the_store_changes(tmp_path: Path) -> None:
    country = upsert("iso3166:SY", "SY", None, 20_000_000, ["Syria"], kind="country")
    with Lexicon.open(built(tmp_path, [country])) as lex:
        assert lex.country_words("SY", "tr") == ()
        names = [
            {"text": "Suriye", "lang": "tr"},
            {"text": "Suriye Arap Cumhuriyeti", "lang": "tr"},
        ]
        lex.apply([{"op": "add_names", "id": "iso3166:SY", "names": names}])
        assert lex.country_words("SY", "tr") == ("Suriye",)  # one-word names only

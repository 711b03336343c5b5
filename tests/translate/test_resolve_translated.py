"""Resolution through machine translation: real models (built by tiny_model), installed with
`normalise models install`, a real lexicon, no network (see conftest.py)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tiny_model import PHRASE, build_argosmodel

from normalise import Normaliser
from normalise.cli import cli
from normalise.lexicon import Lexicon
from normalise.mtfallback import query_language

HTS = "nz:org/hayat-tahrir-al-sham"
MADIQ = "geonames:166227"
MADIQ_AR = "قلعة المضيق"
# Arabic for "Levant Liberation Committee": what the fixture ar→en model answers.
HTS_QUERY = "لجنة تحرير الشام"


def org(entity_id: str, names: list[tuple[str, str, str]]) -> dict[str, object]:
    return {
        "op": "upsert",
        "entity": {
            "id": entity_id,
            "kind": "organisation",
            "country": "SY",
            "names": [{"text": t, "lang": lang, "kind": k} for t, lang, k in names],
        },
    }


def place(entity_id: str, admin1: str, names: list[str]) -> dict[str, object]:
    return {
        "op": "upsert",
        "entity": {
            "id": entity_id,
            "kind": "place",
            "country": "SY",
            "admin1": admin1,
            "names": [
                {"text": n, "kind": "canonical" if i == 0 else "variant"}
                for i, n in enumerate(names)
            ],
        },
    }


@pytest.fixture()
def lexicon_path(tmp_path: Path) -> Path:
    """HTS carrying only English names (so the Arabic query cannot find it by itself)."""
    path = tmp_path / "small.lexicon"
    with Lexicon.create(path) as lex:
        lex.apply(
            [
                org(HTS, [(PHRASE, "en", "canonical"), ("HTS", "en", "abbreviation")]),
                place("geonames:168620", "10", ["Kafr Zita", "كفر زيتا"]),
                place(MADIQ, "10", [MADIQ_AR]),
                place("geonames:169389", "12", ["Idlib", "إدلب"]),
            ]
        )
    return path


def install(model: Path, models_dir: Path) -> None:
    args = ["models", "install", str(model), "--models-dir", str(models_dir)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def en_ar_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("en_ar_build")
    return build_argosmodel(workdir / "en_ar.argosmodel", workdir, MADIQ_AR, "en", "ar")


@pytest.fixture(scope="module")
def tr_en_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workdir = tmp_path_factory.mktemp("tr_en_build")
    return build_argosmodel(workdir / "tr_en.argosmodel", workdir, PHRASE, "tr", "en")


@pytest.fixture()
def nz(lexicon_path: Path, models_dir: Path) -> Iterator[Normaliser]:
    with Normaliser.open(lexicon_path, models_dir=models_dir) as normaliser:
        yield normaliser


def test_arabic_query_found_through_translation_is_not_confident(
    nz: Normaliser, ar_en_model: Path, models_dir: Path
) -> None:
    assert HTS not in [m.id for m in nz.resolve(HTS_QUERY)]
    install(ar_en_model, models_dir)
    matches = nz.resolve(HTS_QUERY)
    assert matches[0].id == HTS
    assert "translated:ar→en" in matches[0].why
    assert f"translation:{PHRASE}" in matches[0].why
    assert matches[0].matched_name == PHRASE
    assert matches[0].match is False
    assert matches[0].confidence == 0.0  # found only through a translation
    # The translation alone is a confident match; found only through MT, it is not.
    assert nz.resolve(PHRASE)[0].match is True
    assert not any(m.match for m in matches)


def test_translation_off_leaves_resolution_alone(
    nz: Normaliser, ar_en_model: Path, models_dir: Path
) -> None:
    install(ar_en_model, models_dir)
    assert HTS not in [m.id for m in nz.resolve(HTS_QUERY, translate=False)]
    with Normaliser.open(nz.lexicon.path, models_dir=models_dir, translate=False) as off:
        assert HTS not in [m.id for m in off.resolve(HTS_QUERY)]
        assert off.resolve(HTS_QUERY, translate=True)[0].id == HTS


def test_candidate_found_both_ways_keeps_its_reasons_and_gains_the_translation(
    lexicon_path: Path, ar_en_model: Path, models_dir: Path
) -> None:
    with Lexicon.open(lexicon_path) as lex:
        lex.apply([{"op": "add_names", "id": HTS, "names": [{"text": "Hayat Tahrir al-Sham"}]}])
    with Normaliser.open(lexicon_path, models_dir=models_dir) as nz:
        own = nz.resolve(HTS_QUERY)
        assert own[0].id == HTS and own[0].match is False
        assert not any(w.startswith("translated:") for w in own[0].why)
        install(ar_en_model, models_dir)
        top = nz.resolve(HTS_QUERY)[0]
    assert top.id == HTS
    assert top.why[: len(own[0].why)] == own[0].why
    assert "translated:ar→en" in top.why
    assert top.score > own[0].score
    assert top.match is False
    assert top.confidence == own[0].confidence  # its own, as found without the translation


def test_confident_query_is_not_translated(
    nz: Normaliser, ar_en_model: Path, models_dir: Path
) -> None:
    install(ar_en_model, models_dir)
    matches = nz.resolve("كفر زيتا", country="SY")
    assert matches[0].match is True
    assert matches == nz.resolve("كفر زيتا", country="SY", translate=False)
    assert HTS not in [m.id for m in matches]


def test_english_query_translated_to_arabic(
    nz: Normaliser, en_ar_model: Path, models_dir: Path
) -> None:
    assert MADIQ not in [m.id for m in nz.resolve("Strait Stronghold", country="SY")]
    install(en_ar_model, models_dir)
    top = nz.resolve("Strait Stronghold", country="SY")[0]
    assert top.id == MADIQ
    assert top.why[:2] == ("translated:en→ar", f"translation:{MADIQ_AR}")
    assert top.match is False


def test_turkish_query_through_english_then_arabic(
    nz: Normaliser, tr_en_model: Path, en_ar_model: Path, models_dir: Path
) -> None:
    install(tr_en_model, models_dir)
    install(en_ar_model, models_dir)
    matches = {m.id: m for m in nz.resolve("Bilinmeyen Grup", lang="tr")}
    assert matches[HTS].why[:2] == ("translated:tr→en", f"translation:{PHRASE}")
    assert matches[MADIQ].why[:3] == (
        "translated:tr→en",
        "translated:en→ar",
        f"translation:{MADIQ_AR}",
    )
    assert not any(m.match for m in matches.values())


def test_no_model_changes_nothing_and_is_logged_once(
    nz: Normaliser, models_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    queries = [HTS_QUERY, "Strait Stronghold", "Idleb", "Bilinmeyen Grup"]
    with_fallback = [nz.resolve(q) for q in queries]
    assert with_fallback == [nz.resolve(q, translate=False) for q in queries]
    assert not any(m.match for m in with_fallback[0])  # the fallback was asked, per query
    messages = [r.getMessage() for r in caplog.records if "translation" in r.getMessage()]
    assert messages == [
        f"no translation model installed in {models_dir}: machine translation is off"
    ]


def test_resolve_many_uses_the_fallback(
    nz: Normaliser, ar_en_model: Path, models_dir: Path
) -> None:
    install(ar_en_model, models_dir)
    results = nz.resolve_many([HTS_QUERY, {"name": "كفر زيتا", "country": "SY"}])
    assert results[0][0].id == HTS and "translated:ar→en" in results[0][0].why
    assert results[1][0].id == "geonames:168620" and results[1][0].match is True


@pytest.mark.parametrize(
    ("name", "lang", "country", "expected"),
    [
        (HTS_QUERY, None, None, "ar"),
        ("Şam'ın Kurtuluşu Heyeti", None, None, "tr"),
        ("Madik Kalesi", None, "TR", "tr"),
        ("Madik Castle", None, "SY", "en"),
        ("Kafr Zita", "ar-SY", None, "ar"),
        ("Kafr Zita", "ar-Latn", None, None),
        ("Москва", None, None, None),
        ("123", None, None, None),
    ],
)
def test_query_language(name: str, lang: str | None, country: str | None, expected: str) -> None:
    assert query_language(name, lang, country) == expected


def test_resolve_command_translates_unless_told_not_to(
    lexicon_path: Path, ar_en_model: Path, models_dir: Path
) -> None:
    install(ar_en_model, models_dir)
    args = ["resolve", HTS_QUERY, "--lexicon", str(lexicon_path), "--models-dir", str(models_dir)]
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    top = json.loads(result.output)[0]["results"][0]
    assert (top["id"], top["match"]) == (HTS, False)
    assert "translated:ar→en" in top["why"]
    text = CliRunner().invoke(cli, args).output
    assert f"{HTS}\t{PHRASE}" in text and "MATCH" not in text
    result = CliRunner().invoke(cli, [*args, "--no-translate", "--json"])
    assert HTS not in [m["id"] for m in json.loads(result.output)[0]["results"]]


def test_letter_case_is_read_only_through_a_model_from_english(
    nz: Normaliser, ar_en_model: Path, en_ar_model: Path, models_dir: Path
) -> None:
    # a batch job's cache remembers ASCII names by their lower case unless this is True
    assert not nz.reads_letter_case
    install(ar_en_model, models_dir)
    assert not nz.reads_letter_case  # Arabic queries only: an ASCII name is not translated
    install(en_ar_model, models_dir)
    assert nz.reads_letter_case
    nz.translate = False
    assert not nz.reads_letter_case

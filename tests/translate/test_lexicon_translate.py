"""`normalise lexicon translate`: machine-translated names proposed as a batch for review, with
a real model (tiny_model) installed by `normalise models install`, no network (conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from tiny_model import PHRASE

from normalise import Normaliser
from normalise.cli import cli
from normalise.lexicon import Lexicon

HTS = "nz:org/hayat-tahrir-al-sham"
NAMED = "nz:org/named-in-english"
TURKISH_ONLY = "nz:org/turkish-only"
KNOWN = "nz:org/translation-already-known"
MT_NAME = {"text": PHRASE, "lang": "en", "kind": "variant", "source": "mt"}


def entity(
    entity_id: str, kind: str, names: list[tuple[str, str | None, str]]
) -> dict[str, object]:
    return {
        "op": "upsert",
        "entity": {
            "id": entity_id,
            "kind": kind,
            "country": "SY",
            "names": [
                {"text": t, "kind": k, **({} if lang is None else {"lang": lang})}
                for t, lang, k in names
            ],
        },
    }


@pytest.fixture()
def lexicon_path(tmp_path: Path) -> Path:
    path = tmp_path / "orgs.lexicon"
    with Lexicon.create(path) as lex:
        lex.apply(
            [
                entity(HTS, "organisation", [
                    ("HTS", "en", "abbreviation"),
                    ("هيئة تحرير الشام", "ar", "canonical"),
                ]),
                entity(NAMED, "organisation", [
                    ("Syrian Salvation Government", "en", "canonical"),
                    ("حكومة الإنقاذ السورية", "ar", "official"),
                ]),
                entity(TURKISH_ONLY, "organisation", [("Suriye Milli Ordusu", "tr", "canonical")]),
                # Its Arabic name translates to a name it already has (untagged): nothing new.
                entity(KNOWN, "organisation", [
                    ("لجنة تحرير الشام", "ar", "canonical"),
                    (PHRASE, None, "variant"),
                ]),
                entity("geonames:166227", "place", [("قلعة المضيق", "ar", "canonical")]),
            ]
        )  # fmt: skip
    return path


@pytest.fixture()
def installed(ar_en_model: Path, models_dir: Path) -> Path:
    args = ["models", "install", str(ar_en_model), "--models-dir", str(models_dir)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    return models_dir


def translate(lexicon_path: Path, models_dir: Path, *args: str) -> Result:
    base = ["lexicon", "translate", "--lang", "ar", "--to", "en"]
    paths = ["--lexicon", str(lexicon_path), "--models-dir", str(models_dir)]
    return CliRunner().invoke(cli, [*base, *paths, *args])


def test_proposals_are_a_batch_that_applies(
    lexicon_path: Path, installed: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "mt-en.jsonl"
    result = translate(lexicon_path, installed, "--output", str(batch))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "1 en names proposed for 3 of 4 organisation entities lacking one"
        " (1 with no ar name, 1 translations empty or already a name) → " + str(batch),
        f"review it, then: normalise lexicon apply {batch} --lexicon {lexicon_path}",
    ]
    ops = [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    assert ops == [{"op": "add_names", "id": HTS, "names": [MT_NAME]}]
    with Lexicon.open(lexicon_path, readonly=True) as lex:
        assert lex.version == 1  # proposing wrote nothing
    applied = CliRunner().invoke(
        cli, ["lexicon", "apply", str(batch), "--lexicon", str(lexicon_path), "--json"]
    )
    assert applied.exit_code == 0, applied.output
    assert json.loads(applied.stdout)["counts"]["names_added"] == 1
    with Normaliser.open(lexicon_path, models_dir=installed, translate=False) as nz:
        names = nz.get(HTS).names
        assert [(n.text, n.lang, n.kind, n.source) for n in names if n.source == "mt"] == [
            (PHRASE, "en", "variant", "mt")
        ]
        assert nz.resolve(PHRASE)[0].id in (HTS, KNOWN)


def test_dry_run_lists_the_proposals_and_writes_nothing(
    lexicon_path: Path, installed: Path, tmp_path: Path
) -> None:
    batch = tmp_path / "never-written.jsonl"
    result = translate(lexicon_path, installed, "--dry-run", "--output", str(batch))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("dry run: 1 en names proposed")
    assert result.stdout.splitlines()[1] == f"{HTS}\t{PHRASE}"
    assert not batch.exists()
    data = json.loads(translate(lexicon_path, installed, "--dry-run", "--json").stdout)
    assert data["ops"] == [{"op": "add_names", "id": HTS, "names": [MT_NAME]}]
    assert (data["entities"], data["lacking"], data["without_source"]) == (4, 3, 1)


def test_batch_on_stdout_summary_on_stderr(lexicon_path: Path, installed: Path) -> None:
    result = translate(lexicon_path, installed)
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"op": "add_names", "id": HTS, "names": [MT_NAME]}
    ]
    assert "1 en names proposed" in result.stderr
    refused = translate(lexicon_path, installed, "--json")
    assert refused.exit_code == 2
    assert "give --output FILE" in refused.output


def test_other_kinds_on_request(lexicon_path: Path, installed: Path) -> None:
    data = json.loads(
        translate(lexicon_path, installed, "--kind", "place", "--dry-run", "--json").stdout
    )
    assert data["ops"] == [{"op": "add_names", "id": "geonames:166227", "names": [MT_NAME]}]


def test_no_model_says_which_command_installs_one(lexicon_path: Path, models_dir: Path) -> None:
    result = translate(lexicon_path, models_dir, "--dry-run")
    assert result.exit_code == 1
    assert f"no ar→en translation model in {models_dir}" in result.output
    assert "normalise models install" in result.output
    assert f"--models-dir {models_dir}" in result.output


def test_same_language_is_refused(lexicon_path: Path, installed: Path) -> None:
    result = CliRunner().invoke(
        cli, ["lexicon", "translate", "--lang", "en", "--to", "en", "--lexicon", str(lexicon_path),
              "--models-dir", str(installed)],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "give two languages" in result.output


def test_help_explains_the_command() -> None:
    result = CliRunner().invoke(cli, ["lexicon", "translate", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for words in (
        "source: mt",
        "kind: variant",
        "normalise models install",
        "Example",
        "--dry-run",
    ):
        assert words in text

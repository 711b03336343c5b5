"""News mentions against the default lexicon (bench/news_mentions.py): reading the labelled file
strictly, and counting answers."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import news_mentions as nm

from normalise import Normaliser
from normalise.errors import RuleTableError

HEADER = "\t".join(nm.COLUMNS)


def _write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "mentions.tsv"
    path.write_text("\n".join(("# a comment", HEADER, *rows)) + "\n", encoding="utf-8")
    return path


def test_rows_are_read_with_their_lines_and_hints(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Kafranbude\ten\tplace\tSY\t10\tnz:place/kafr-nabudah\thttps://example.org/a\tHama",
        "Türkiye\ten\tcountry\t\t\tiso3166:TR\thttps://example.org/a\t",
        "Termela\ten\tplace\tSY\t12\t-\thttps://example.org/c\tTarmala",
        "Hama\ten\tplace\tSY\t10\tgeonames:170017|iso3166-2:SY-HM\thttps://example.org/d\t",
    )
    first, second, third, fourth = nm.read_mentions(path)
    assert (first.line, first.mention, first.country, first.admin1) == (3, "Kafranbude", "SY", "10")
    assert first.hints("context") == {"country": "SY", "admin1": "10", "lang": "en"}
    assert first.hints("country") == {"country": "SY"}
    assert first.hints("none") == {}
    assert (second.country, second.admin1, second.expected) == (None, None, ("iso3166:TR",))
    # the report's country is given to every mention of the report, its country names too
    assert second.hints("report") == first.hints("report") == {"country": "SY"}
    assert third.expected == () and fourth.expected == ("geonames:170017", "iso3166-2:SY-HM")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Kafranbude\ten\tplace\tSY\t10\tnz:place/kafr-nabudah\thttps://e.org", "8 tab-separated"),
        ("\ten\tplace\tSY\t\t-\thttps://e.org\t", "'mention' is empty"),
        ("Kirnez\ten\tplace\tSY\t\t\thttps://e.org\t", "'expected_id' is empty"),
        ("Kirnez\tfr\tplace\tSY\t\t-\thttps://e.org\t", "lang 'fr'"),
        ("Kirnez\ten\tvillage\tSY\t\t-\thttps://e.org\t", "kind 'village'"),
        ("Kirnez\ten\tplace\t\t10\t-\thttps://e.org\t", "admin1 given without a country"),
        ("Hama\ten\tplace\tSY\t\tgeonames:170017|-\thttps://e.org\t", "joined by '|', or '-'"),
        ("Hama\ten\tplace\tSY\t\tgeonames:170017|\thttps://e.org\t", "joined by '|', or '-'"),
    ],
)
def test_a_bad_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, row)
    with pytest.raises(RuleTableError, match=f"mentions.tsv:3: .*{message}"):
        list(nm.read_mentions(path))


def test_a_report_is_about_the_country_most_of_its_mentions_lie_in(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "PKK\ten\torganisation\t\t\tnz:org/pkk\thttps://example.org/a\t",
        "Erbil\ten\tplace\tIQ\t\t-\thttps://example.org/a\t",
        "Qamishli\ten\tplace\tSY\t\t-\thttps://example.org/a\t",
        "Duhok\ten\tplace\tIQ\t\t-\thttps://example.org/a\t",
        "Iran\ten\tcountry\t\t\tiso3166:IR\thttps://example.org/b\t",
    )
    mentions = nm.read_mentions(path)
    assert [m.report for m in mentions] == ["IQ", "IQ", "IQ", "IQ", None]
    assert mentions[-1].hints("report") == {"country": None}


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mentions.tsv"
    path.write_text("mention\tlang\n", encoding="utf-8")
    with pytest.raises(RuleTableError, match="mentions.tsv:1: header must be"):
        list(nm.read_mentions(path))


def _mention(*expected: str, lang: str = "en") -> nm.Mention:
    return nm.Mention(5, "Serakib", lang, "place", "SY", "12", expected)


def test_tally_counts_right_wrong_and_lacked_entities() -> None:
    found = nm.Tally()
    found.add(_mention("geonames:164816"), ("geonames:164816", "Saraqib", 0.97, True))
    found.add(_mention("geonames:164816"), ("geonames:1", "Other", 0.95, True))
    found.add(_mention("geonames:164816"), ("geonames:1", "Other", 0.40, False))
    found.add(_mention("geonames:164816"), None)
    found.add(_mention(), ("geonames:1", "Other", 0.95, True))
    found.add(_mention(), ("geonames:1", "Other", 0.30, False))
    either = _mention("geonames:164816", "iso3166-2:SY-ID")
    found.add(either, ("iso3166-2:SY-ID", "Idlib", 0.9, True))
    assert (found.held, found.top1, found.confident, found.confident_wrong) == (5, 2, 2, 1)
    assert (found.absent, found.absent_confident) == (2, 1)
    assert len(found.wrong) == 4  # three wrong first answers, one confident lacked entity
    assert found.row("context, en") == "| context, en | 5 | 40.0 (2) | 40.0 (2) | 1 | 2 | 1 |"


def test_a_label_the_lexicon_lacks_names_its_line(one_place: Callable[..., Path]) -> None:
    path = one_place("geonames:164816", "Saraqib")
    mentions = [_mention("geonames:164816"), _mention(), _mention("geonames:1")]
    with Normaliser.open(path) as nz:
        with pytest.raises(RuleTableError, match="m.tsv:5: expected_id 'geonames:1' is not"):
            nm.check_labels(nz, Path("m.tsv"), mentions)
        nm.check_labels(nz, Path("m.tsv"), mentions[:2])
        found = nm.tally(nz, mentions[:2], "context")
    assert (found["en"].held, found["en"].top1, found["en"].absent) == (1, 1, 1)
    assert found["all"].held == 1 and found["ar"].held == 0


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [nm.MENTIONS, *(nm.MENTIONS.with_name(f"news_probe{n}.tsv") for n in ("", "2", "3"))],
)
def test_every_label_of_the_shipped_files_is_an_entity_of_the_default_lexicon(
    default_lexicon_path: Path, path: Path
) -> None:
    mentions = list(nm.read_mentions(path))
    assert {m.lang for m in mentions} == set(nm.LANGS)
    with Normaliser.open(default_lexicon_path) as nz:
        nm.check_labels(nz, path, mentions)

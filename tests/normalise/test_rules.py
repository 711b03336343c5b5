from pathlib import Path

import pytest

from normalise import rules
from normalise.errors import RuleTableError
from normalise.rules import TABLES, check_rules_dir, load_rows, read_rows

COLUMNS = ("from", "to", "note?")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "arabic_folds.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_tables_all_load() -> None:
    check_rules_dir()
    for name in TABLES:
        assert load_rows(name, key=lambda r: r.line)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# c\nfrom\tvalue\n", 2, "header must be"),
        ("from\tto\tnote\nأ\n", 2, "expected 2-3 tab-separated fields"),
        ("from\tto\tnote\n\tا\n", 2, "field 'from' is empty"),
        ("from\tto\tnote\ne\u0301\te\n", 2, "not in Unicode NFC"),
        ("# only a comment\n", 1, "no header line"),
        ("from\tto\nأ\tا\n", 1, "header must be"),
    ],
)
def test_malformed_table_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleTableError, match=message) as info:
        list(read_rows(path, COLUMNS))
    assert info.value.line == line
    assert str(info.value).startswith(f"{path}:{line}:")


def test_duplicate_and_bad_choice_are_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "rules_dir", lambda: tmp_path)
    (tmp_path / "arabic_folds.tsv").write_text("from\tto\tnote\nأ\tا\nأ\tا\n", encoding="utf-8")
    with pytest.raises(RuleTableError, match=r"arabic_folds.tsv:3: duplicate entry 'أ'"):
        load_rows("arabic_folds.tsv")
    (tmp_path / "articles.tsv").write_text(
        "form\tposition\tnote\nal\tsomewhere\n", encoding="utf-8"
    )
    row = load_rows("articles.tsv")[0]
    with pytest.raises(RuleTableError, match="articles.tsv:2: position 'somewhere' is not one"):
        rules.check_choice(row, "position", rules.POSITIONS)


def test_unknown_table_file_is_rejected(tmp_path: Path) -> None:
    for name in TABLES:
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    (tmp_path / "streets.tsv").write_text("x\n", encoding="utf-8")
    with pytest.raises(RuleTableError, match="streets.tsv:1: unknown rule table"):
        check_rules_dir(tmp_path)

"""Strict loading of the rule tables in `lexicons/rules/`.

Every table is a UTF-8 TSV file with `#` comments and a header line. The set of files is
closed (`TABLES` below): an unknown file, a wrong header, a missing or extra column, a blank
field, text that is not NFC, an unknown enumerated value or a duplicate key is an error that
names the file and line. Tables are read once and cached; `reset_caches()` drops them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from normalise.errors import RuleTableError
from normalise.paths import lexicons_dir

# file name -> its header columns. Optional columns are those whose name ends with "?".
TABLES: dict[str, tuple[str, ...]] = {
    "arabic_folds.tsv": ("from", "to", "note?"),
    "arabic_initials.tsv": ("from", "to", "note?"),
    "arabic_finals.tsv": ("from", "to", "note?"),
    "latin_folds.tsv": ("from", "to", "note?"),
    "arabic_letters.tsv": ("from", "to", "note?"),
    "long_vowels.tsv": ("from", "to", "note?"),
    "turkish_letters.tsv": ("from", "to", "note?"),
    "turkish_respellings.tsv": ("from", "to", "where", "settle", "reads", "note?"),
    "persian_letters.tsv": ("from", "to", "note?"),
    "skeleton_classes.tsv": ("letter", "class", "note?"),
    "conventions.tsv": ("convention", "from", "to", "where", "use", "example?"),
    "articles.tsv": ("form", "position", "note?"),
    "heads.tsv": ("canonical", "variants", "note?"),
    "glossary.tsv": ("term", "lang", "head", "role", "note?"),
    "stopwords.tsv": ("word", "lang", "note?"),
    "descriptors.tsv": ("term", "lang", "kind", "position", "as?", "note?"),
    "case_suffixes.tsv": ("form", "lang", "case", "note?"),
    "turkish_only.tsv": ("letter", "note?"),
    "arabic_proclitics.tsv": ("form", "to", "position", "note?"),
    "numbers.tsv": ("system", "number", "words", "note?"),
    "ordinal_endings.tsv": ("ending", "lang", "note?"),
    "syllables.tsv": ("system", "part", "kind", "reading", "alternate?", "note?"),
    "scoring.tsv": ("feature", "weight", "note?"),
    "compass.tsv": ("word", "lang", "point", "note?"),
    "facilities.tsv": ("word", "lang", "facility", "note?"),
    "arabic_world.tsv": ("country", "note?"),
    "turkish_world.tsv": ("country", "note?"),
    "ottoman_adjectives.tsv": ("word", "turkish", "note?"),
}

WHERE = (
    "any",
    "start",
    "end",
    "start_before_vowel",
    "before_vowel",
    "after_vowel",
    "before_front",
    "between_vowels",
)
USE = ("primary", "turkish", "alternate")
POSITIONS = ("word", "suffix", "inner", "attached")
ROLES = ("head", "modifier")
# Skeleton class values: one upper-case consonant class letter, or a special value.
SPECIAL_CLASSES = {
    "V": "vowel: dropped, but separates doubled consonants",
    "-": "silent: dropped without trace",
    "~W": "W at the start of a word, a vowel elsewhere",
    "~Y": "Y at the start of a word, a vowel elsewhere",
    "H$": "H, silent at the end of a word after a vowel",
    "H#": "H, silent at the end of a word",
    "T+": "T when another word follows in the name, silent at its end",
}


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of a table: its fields by column name and where it came from."""

    path: Path
    line: int
    fields: dict[str, str]

    def error(self, message: str) -> RuleTableError:
        """Return a `RuleTableError` pointing at this row."""
        return RuleTableError(self.path, self.line, message)

    def __getitem__(self, column: str) -> str:
        return self.fields.get(column, "")


def rules_dir() -> Path:
    """Return the folder of rule tables (`lexicons/rules`)."""
    return lexicons_dir() / "rules"


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """Yield the data rows of one TSV table, checking its shape strictly.

    Args:
        path: the table file.
        columns: the expected header; a trailing "?" marks an optional (may be empty or
            absent) last column.

    Raises:
        RuleTableError: a malformed header or row; the message names file and line.
    """
    names = [c.rstrip("?") for c in columns]
    required = sum(1 for c in columns if not c.endswith("?"))
    header_seen = False
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleTableError(path, 1, f"not UTF-8: {exc}") from exc
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if unicodedata.normalize("NFC", line) != line:
            raise RuleTableError(path, number, "text is not in Unicode NFC")
        parts = line.split("\t")
        if not header_seen:
            if parts != names:
                raise RuleTableError(
                    path, number, f"header must be {'<TAB>'.join(names)!r}, got {line!r}"
                )
            header_seen = True
            continue
        if len(parts) < required or len(parts) > len(names):
            raise RuleTableError(
                path,
                number,
                f"expected {required}-{len(names)} tab-separated fields, got {len(parts)}",
            )
        fields = dict(zip(names, parts, strict=False))
        for index, name in enumerate(names[:required]):
            if not parts[index].strip():
                raise RuleTableError(path, number, f"field {name!r} is empty")
            if parts[index] != parts[index].strip():
                raise RuleTableError(path, number, f"field {name!r} has surrounding spaces")
        yield Row(path, number, fields)
    if not header_seen:
        raise RuleTableError(path, 1, "no header line")


def check_choice(row: Row, column: str, allowed: tuple[str, ...] | dict[str, str]) -> str:
    """Return `row[column]` if it is one of `allowed`, else raise an error naming the row."""
    value = row[column]
    if value not in allowed:
        raise row.error(f"{column} {value!r} is not one of {', '.join(allowed)}")
    return value


def load_rows(name: str, key: Callable[[Row], object] | None = None) -> tuple[Row, ...]:
    """Read table `name` from the rules folder, rejecting duplicate keys.

    Args:
        name: a file name from `TABLES`.
        key: derives the uniqueness key of a row; defaults to its first column.

    Raises:
        RuleTableError: unknown table, malformed rows or a duplicate key.
    """
    if name not in TABLES:
        raise RuleTableError(rules_dir() / name, 1, f"unknown table; allowed: {sorted(TABLES)}")
    path = rules_dir() / name
    columns = TABLES[name]
    first = columns[0].rstrip("?")
    seen: dict[object, int] = {}
    rows = []
    for row in read_rows(path, columns):
        k = key(row) if key is not None else row[first]
        if k in seen:
            raise row.error(f"duplicate entry {k!r} (first on line {seen[k]})")
        seen[k] = row.line
        rows.append(row)
    return tuple(rows)


def check_rules_dir(directory: Path | None = None) -> list[Path]:
    """Check that the rules folder holds exactly the known tables; return their paths.

    Raises:
        RuleTableError: a file that is not one of `TABLES`, or a missing table.
    """
    folder = rules_dir() if directory is None else directory
    present = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    for path in present:
        if path.name not in TABLES:
            raise RuleTableError(path, 1, f"unknown rule table; allowed: {sorted(TABLES)}")
    missing = sorted(set(TABLES) - {p.name for p in present})
    if missing:
        raise RuleTableError(folder / missing[0], 1, "required rule table is missing")
    return present


@cache
def char_map(name: str) -> dict[str, str]:
    """Return a one-character table (`arabic_folds.tsv`, `arabic_initials.tsv`,
    `arabic_finals.tsv`, `latin_folds.tsv`, `arabic_letters.tsv`, `long_vowels.tsv`,
    `turkish_letters.tsv`, `persian_letters.tsv`) as a dict.

    `to` may be several characters or the literal `""` for deletion.
    """
    table: dict[str, str] = {}
    for row in load_rows(name):
        source = row["from"]
        if len(source) != 1:
            raise row.error(f"'from' must be one character, got {source!r}")
        target = row["to"]
        table[source] = "" if target == '""' else target
    return table


@cache
def letter_table(name: str) -> dict[int, str]:
    """Return a one-character table (`char_map`) as a `str.translate` table."""
    return str.maketrans(char_map(name))


def rewrite_letters(text: str, name: str) -> tuple[str, tuple[str, ...]] | None:
    """Return `text` with the letters of one-character table `name` rewritten, and the
    rewrites made (`ş→sh`); None when it holds none of them."""
    table = letter_table(name)
    found = tuple(dict.fromkeys(f"{c}→{table[ord(c)]}" for c in text if ord(c) in table))
    return (text.translate(table), found) if found else None


def reset_caches() -> None:
    """Forget every cached table (for long-running processes after a rules update)."""
    char_map.cache_clear()
    letter_table.cache_clear()

"""Words of the rule tables that are compared as keys fold them (`compass.tsv`,
`facilities.tsv`): one word each, Arabic-script words kept apart from Latin ones."""

from __future__ import annotations

from normalise.keys import build_keys
from normalise.matres import is_arabic_text
from normalise.rules import Row, check_choice, load_rows

LANGS = ("en", "fr", "tr", "ar")


def folded_word(row: Row) -> tuple[bool, str]:
    """Return whether a table row's `word` is Arabic script, and its folded key (`Keys.folded`,
    Arabic script romanised letter by letter); an error naming file and line unless it folds
    to one word without an article."""
    word = row["word"]
    folded = build_keys(word).folded
    if not folded or " " in folded:
        raise row.error(f"word {word!r} must be one word without an article")
    return is_arabic_text(word), folded


def load_word_table(
    name: str, column: str, choices: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """Load a table of words (`word`, `lang`, `column`, `note`) strictly: the value of `column`
    (one of `choices`) of each folded word of Latin names, and of Arabic-script names; an error
    names file and line (a language not in `LANGS`, a value not in `choices`, a word that is no
    one word, a word given twice)."""
    latin: dict[str, str] = {}
    arabic: dict[str, str] = {}
    for row in load_rows(name, key=folded_word):
        check_choice(row, "lang", LANGS)
        value = check_choice(row, column, choices)
        script, folded = folded_word(row)
        (arabic if script else latin)[folded] = value
    return latin, arabic

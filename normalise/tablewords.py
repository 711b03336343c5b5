"""Words of the rule tables that are compared as keys fold them (`compass.tsv`,
`facilities.tsv`): one word each, Arabic-script words kept apart from Latin ones."""

from __future__ import annotations

from normalise.keys import build_keys
from normalise.matres import is_arabic_text
from normalise.rules import Row


def folded_word(row: Row) -> tuple[bool, str]:
    """Return whether a table row's `word` is Arabic script, and its folded key (`Keys.folded`,
    Arabic script romanised letter by letter); an error naming file and line unless it folds
    to one word without an article."""
    word = row["word"]
    folded = build_keys(word).folded
    if not folded or " " in folded:
        raise row.error(f"word {word!r} must be one word without an article")
    return is_arabic_text(word), folded

"""Arabic proclitics: conjunctions and prepositions written on or before a name.

Arabic writes `and`, `in`, `to` joined to the word after them (وحلب, and Aleppo; بإدلب, in
Idlib; للرقة, to Raqqa, the article's alif taken by the preposition), and `in`, `from` as a
word before it (في إدلب). A tagger that does not segment Arabic leaves them in its mention.
The forms are the rule table `lexicons/rules/arabic_proclitics.tsv`; the resolver reads an
Arabic-script query without the one it begins with as another reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from normalise.fold import fold
from normalise.matres import is_arabic_text
from normalise.rules import Row, check_choice, load_rows
from normalise.text import clean

MIN_STEM = 3  # letters an attached form leaves of its word
POSITIONS = ("attached", "word")


@dataclass(frozen=True, slots=True)
class Proclitics:
    """The forms of `arabic_proclitics.tsv`: attached ones longest first, with what each
    stands for, and the words."""

    attached: tuple[tuple[str, str], ...]
    words: frozenset[str]


def _form(row: Row) -> str:
    form = row["form"]
    if not is_arabic_text(form) or fold(form) != form or " " in form:
        raise row.error(f"form {form!r} must be Arabic letters as folded (one word)")
    return form


def _to(row: Row) -> str:
    to = row["to"]
    if to == '""':
        return ""
    if not is_arabic_text(to) or row["position"] != "attached":
        raise row.error(f"to {to!r} must be \"\" or Arabic letters, and only for an attached form")
    return to


@cache
def proclitics() -> Proclitics:
    """Load `arabic_proclitics.tsv` strictly (file:line on any error)."""
    attached: list[tuple[str, str]] = []
    words: set[str] = set()
    for row in load_rows("arabic_proclitics.tsv"):
        form = _form(row)
        if check_choice(row, "position", POSITIONS) == "word":
            _to(row)
            words.add(form)
        else:
            attached.append((form, _to(row)))
    attached.sort(key=lambda pair: -len(pair[0]))
    return Proclitics(tuple(attached), frozenset(words))


def without_proclitics(name: str) -> list[tuple[str, str]]:
    """Return an Arabic-script name without each proclitic it may begin with, and the form
    cut, longest first (`وبالرقة` -> `الرقة`, `وبال`; `بالرقة`, `و`; `للرقة` -> `الرقة`,
    `لل`; `في إدلب` -> `إدلب`, `في`): a name's own first letters may be one (`وكفرزيتا` is
    `كفرزيتا` after `و`, not `فرزيتا` after `وك`, which the table therefore does not list).
    Empty when it begins with none, or too little would remain (`MIN_STEM` letters of the
    word). The rest is written as the name writes it."""
    text = clean(name)
    if not is_arabic_text(text):
        return []
    first, _, tail = text.partition(" ")
    table = proclitics()
    folded = fold(first)
    if tail and folded in table.words:
        return [(tail, folded)]
    out = []
    for form, to in table.attached:
        rest = first[len(form) :]
        if (
            folded.startswith(form)
            and fold(first[: len(form)]) == form  # no mark or hamza seat folded inside it
            and len(fold(rest)) >= MIN_STEM
        ):
            out.append((" ".join(filter(None, [to + rest, tail])), form))
    return out


def reset_caches() -> None:
    """Forget the loaded table."""
    proclitics.cache_clear()

"""Names written syllable by syllable, as Chinese and Korean romanise a foreign name.

Hanyu Pinyin writes a foreign name one syllable a word: `ba si la` (巴士拉) is Basra, `tu lai
fu` is Turaif. Korean Revised Romanisation writes the vowel `eu` after a consonant Korean
cannot end a syllable with: `taipeu` (타이프) is Taif, `beullida` is Blida.

A name of Pinyin syllables is keyed as one word (`pinyin_parts`, asked by `keys.build_keys` of
lexicon names and queries alike), its letters read as any word's, so `Da Nang` and `Danang`
share their keys. A query is also read as the other names it may spell (`spelled_names`): as
Pinyin spells it (`x` is sh: `xia er jia`, Sharjah), then with each set of the letters that
write two sounds read as the other (Chinese `l` writes r too, `er` l); or, written the Korean
way, without its added vowel and then with its letters read so (Korean `p` writes f). The
parts are rules: `lexicons/rules/syllables.tsv`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations

from normalise.rules import Row, check_choice, load_rows
from normalise.tokens import Word

SYSTEMS = ("zh", "ko")
KINDS = ("initial", "final", "syllable", "added", "letter")
MIN_SYLLABLES = 2  # one syllable alone is any short word (`ma`, `sa`)
PINYIN_RULE = "rule:zh:syllables"  # a name of Pinyin syllables keyed as one word
_CONSONANT = "bcdfghjklmnpqrstvxz"


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a romanised syllable: what it is read as, its other reading, and the rule
    that reads it so (`rule:zh:l→r`; empty when it has no other reading)."""

    reading: str
    alternate: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class SyllableTables:
    """The table's rows by system and kind."""

    initials: dict[str, Part]  # zh, longest first
    finals: dict[str, Part]
    syllables: dict[str, Part]
    added: re.Pattern[str]  # ko: an added vowel after a consonant, before one or the end
    letters: dict[str, Part]  # ko: the letters with an alternate (`p`: f, `rule:ko:p→f`)
    added_rules: tuple[str, ...]  # ko: `rule:ko:eu`


def _key(row: Row) -> tuple[str, str]:
    return (check_choice(row, "system", SYSTEMS), row["part"])


def _part(row: Row) -> Part:
    part = row["part"]
    if not part.isascii() or not part.isalpha() or part != part.lower():
        raise row.error(f"part {part!r} must be lower-case ASCII letters")
    reading = "" if row["reading"] == '""' else row["reading"]
    alternate = row["alternate"]
    rule = f"rule:{row['system']}:{part}→{alternate}" if alternate else ""
    return Part(reading, alternate, rule)


@cache
def syllable_tables() -> SyllableTables:
    """Load `syllables.tsv` strictly (errors name file and line)."""
    by_kind: dict[str, dict[str, Part]] = {kind: {} for kind in KINDS}
    for row in load_rows("syllables.tsv", key=_key):
        kind = check_choice(row, "kind", KINDS)
        system = row["system"]
        if (system == "zh") != (kind in ("initial", "final", "syllable")):
            raise row.error(f"kind {kind!r} does not belong to system {system!r}")
        by_kind[kind][row["part"]] = _part(row)
    initials = dict(sorted(by_kind["initial"].items(), key=lambda item: -len(item[0])))
    added = sorted(by_kind["added"], key=len, reverse=True)
    pattern = "|".join(re.escape(a) for a in added) or "(?!)"
    return SyllableTables(
        initials,
        by_kind["final"],
        by_kind["syllable"],
        re.compile(rf"(?<=[{_CONSONANT}])(?:{pattern})(?=[{_CONSONANT}]|$)"),
        {p: part for p, part in by_kind["letter"].items() if part.alternate},
        tuple(f"rule:ko:{a}" for a in added),
    )


def pinyin_syllable(word: str) -> Part | None:
    """Return what one Pinyin syllable (`si`, `xia`, `er`) is read as, or None when `word`
    is not one: an initial, or none, and a final; or a syllable read whole."""
    tables = syllable_tables()
    whole = tables.syllables.get(word)
    if whole is not None:
        return whole
    final = tables.finals.get(word)
    if final is not None:
        return final
    for initial, part in tables.initials.items():
        if word.startswith(initial):
            rest = tables.finals.get(word[len(initial) :])
            if rest is None:
                return None
            if not part.alternate:
                return Part(part.reading + rest.reading)
            return Part(part.reading + rest.reading, part.alternate + rest.reading, part.rule)
    return None


def pinyin_parts(texts: list[str]) -> list[Part] | None:
    """Return what each of the folded words of a Pinyin name is read as (`ba si la`), or None
    unless there are `MIN_SYLLABLES` words or more and each is a syllable."""
    if len(texts) < MIN_SYLLABLES:
        return None
    read = []
    for text in texts:
        part = pinyin_syllable(text)
        if part is None:
            return None
        read.append(part)
    return read


def pinyin_spellings(parts: list[Part]) -> list[tuple[str, tuple[str, ...]]]:
    """Return the name Pinyin syllables spell (`xia er jia` -> `shiarjia`, Sharjah), then the
    same with each set of its alternate letters (`ba si la` -> `basira`, Basra), each with the
    alternate rules taken (`rule:zh:l→r`).

    Each rule is taken for the whole name or not at all, and each set of them is a spelling
    of its own: `ai er ma lei` (Elmalı) takes `er→l` but not `l→r`, `ba si la` (Basra) `l→r`."""
    rules = list(dict.fromkeys(p.rule for p in parts if p.rule))
    out: list[tuple[str, tuple[str, ...]]] = [("".join(p.reading for p in parts), ())]
    for taken in _sets(rules):
        spelled = "".join(p.alternate if p.rule in taken else p.reading for p in parts)
        out.append((spelled, taken))
    return out


def korean_names(words: list[Word]) -> list[tuple[str, str]]:
    """Return the name a Korean romanisation spells, its added vowels dropped (`taipeu` ->
    `taip`), then the same with each set of its alternate letters (`taif`), each with its
    reason; [] when no word holds an added vowel."""
    tables = syllable_tables()
    texts = [w.text for w in words]
    dropped = [tables.added.sub("", t) for t in texts]
    if dropped == texts:
        return []
    name = " ".join(dropped)
    added = ";".join(tables.added_rules)
    out = [(name, added)]
    fired = [letter for letter in tables.letters if letter in name]
    for taken in _sets(fired):
        spelled = name.translate({ord(c): tables.letters[c].alternate for c in taken})
        out.append((spelled, ";".join([added, *(tables.letters[c].rule for c in taken)])))
    return out


def _sets(items: list[str]) -> Iterator[tuple[str, ...]]:
    """Yield every non-empty set of `items`, smaller sets first, in their order."""
    for size in range(1, len(items) + 1):
        yield from combinations(items, size)


def spelled_names(words: list[Word]) -> list[tuple[str, str]]:
    """Return the other names a query written syllable by syllable spells, with their reasons:
    Pinyin's (`pinyin_spellings`; the keys read `ba si la` as the one word `basila` already),
    or a Korean romanisation's (`korean_names`)."""
    if any(w.arabic for w in words):
        return []
    texts = [w.text for w in words]
    parts = pinyin_parts(texts)
    if parts is None:
        return korean_names(words)
    joined = "".join(texts)
    return [
        (spelled, ";".join([PINYIN_RULE, *rules]))
        for spelled, rules in pinyin_spellings(parts)
        if spelled != joined
    ]


def reset_caches() -> None:
    """Forget the table."""
    syllable_tables.cache_clear()

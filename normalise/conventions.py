"""Source-convention rewrites: many spellings of one sound become one canonical spelling.

French `ou`/`dj`/`ch`, German `sch`/`dsch`, English `ee`/`oo`, Turkish `c` and friends are read
from `lexicons/rules/conventions.tsv` and compiled into one regular expression per rule set, so
`Djisr el Choghour` and `Jisr ash-Shughur` agree (`jisr shughur`). Each rewrite that fires is
reported as `rule:<convention>:<from>→<to>`, the short stable string the resolver puts in `why`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from normalise.rules import USE, WHERE, Row, check_choice, load_rows

MEMO_ALTERNATES = 2**16  # words whose alternate spellings are remembered

_VOWELS = "aeiouy"
_CONTEXT: dict[str, tuple[str, str]] = {
    "any": ("", ""),
    "start": ("(?<![a-z'])", ""),
    "end": ("", "(?![a-z])"),
    "start_before_vowel": ("(?<![a-z'])", f"(?=[{_VOWELS}])"),
    "before_vowel": ("", f"(?=[{_VOWELS}])"),
    "after_vowel": (f"(?<=[{_VOWELS}])", ""),
    "before_front": ("", "(?=[eiy])"),
    "between_vowels": (f"(?<=[{_VOWELS}])", f"(?=[{_VOWELS}])"),
}


@dataclass(frozen=True, slots=True)
class Convention:
    """One rewrite rule: `source` becomes `target` in context `where`."""

    convention: str
    source: str
    target: str
    where: str
    use: str
    line: int

    @property
    def label(self) -> str:
        """The stable reason string, e.g. `rule:fr:ou→u`."""
        return f"rule:{self.convention}:{self.source}→{self.target}"

    @property
    def pattern(self) -> str:
        before, after = _CONTEXT[self.where]
        return f"{before}{regex.escape(self.source)}{after}"


def _check(row: Row) -> Convention:
    for column in ("from", "to"):
        value = row[column]
        if not value.isascii() or value != value.lower():
            raise row.error(f"{column} {value!r} must be lower-case ASCII")
    return Convention(
        row["convention"],
        row["from"],
        row["to"],
        check_choice(row, "where", WHERE),
        check_choice(row, "use", USE),
        row.line,
    )


@cache
def load_conventions() -> tuple[Convention, ...]:
    """Return every rule of `conventions.tsv`, checked (file:line on any error)."""
    rows = load_rows(
        "conventions.tsv", key=lambda r: (r["convention"], r["from"], r["to"], r["where"], r["use"])
    )
    return tuple(_check(row) for row in rows)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules compiled into one alternation, tried in priority order at each position.

    Attributes:
        rules: the rules in priority order; rule `i` is capture group `i + 1` of `pattern`.
        pattern: the alternation.
        targets: each rule's replacement, by position.
        labels: each rule's label, by position.
    """

    rules: tuple[Convention, ...]
    pattern: regex.Pattern[str]
    targets: tuple[str, ...]
    labels: tuple[str, ...]

    @classmethod
    def compile(cls, ordered: tuple[Convention, ...]) -> RuleSet:
        """Compile rules already in priority order."""
        alternation = "|".join(f"({rule.pattern})" for rule in ordered)
        return cls(
            ordered,
            regex.compile(alternation or "(?!)"),
            tuple(rule.target for rule in ordered),
            tuple(rule.label for rule in ordered),
        )

    def apply(self, token: str) -> tuple[str, tuple[str, ...]]:
        """Rewrite `token`; return the result and the labels of the rules that fired."""
        fired: list[str] = []
        targets = self.targets
        labels = self.labels

        def replace(match: regex.Match[str]) -> str:
            index = match.lastindex - 1 if match.lastindex is not None else 0
            label = labels[index]
            if label not in fired:
                fired.append(label)
            return targets[index]

        return self.pattern.sub(replace, token), tuple(fired)


def _compile(rules: list[Convention]) -> RuleSet:
    return RuleSet.compile(tuple(sorted(rules, key=lambda r: (-len(r.source), r.line))))


@cache
def rule_set(turkish: bool) -> RuleSet:
    """Return the primary rules, with the `turkish` rules taking precedence when asked."""
    rules = load_conventions()
    chosen = [r for r in rules if r.use == "primary"]
    if turkish:
        chosen = [r for r in rules if r.use == "turkish"] + chosen
        # A Turkish rule replaces every primary rule for the same letters.
        overridden = {r.source for r in rules if r.use == "turkish"}
        chosen = [r for r in chosen if r.use == "turkish" or r.source not in overridden]
    return _compile(chosen)


@cache
def alternate_sets(turkish: bool) -> tuple[tuple[Convention, RuleSet], ...]:
    """Return, for each alternate rule, a rule set where it outranks the primary rules."""
    base = rule_set(turkish).rules
    out = []
    for rule in load_conventions():
        if rule.use != "alternate":
            continue
        rest = [r for r in base if r.source != rule.source or r.where != rule.where]
        # Longer matches still win; at equal length the alternate outranks the primary rules.
        ordered = tuple(
            sorted([rule, *rest], key=lambda r: (-len(r.source), r is not rule, r.line))
        )
        out.append((rule, RuleSet.compile(ordered)))
    return tuple(out)


def rewrite(token: str, turkish: bool = False) -> tuple[str, tuple[str, ...]]:
    """Rewrite one lower-case ASCII token to the canonical spelling.

    Args:
        token: a folded ASCII word (`choghour`).
        turkish: apply the Turkish rules (c -> j) instead of the general ones.

    Returns:
        The rewritten token (`shughur`) and the labels of the rules that fired.
    """
    return rule_set(turkish).apply(token)


def rewrite_alternates(token: str, turkish: bool = False) -> list[tuple[str, str]]:
    """Return other plausible canonical spellings of `token`, each with its rule label.

    Used for queries only: an ambiguous letter (`ch` is French sh or German kh) gets each
    reading tried, while lexicon entries keep one key. Memoised per word (words recur across
    queries); the caller gets its own list.
    """
    return list(_alternates_of(token, turkish))


@lru_cache(maxsize=MEMO_ALTERNATES)
def _alternates_of(token: str, turkish: bool) -> tuple[tuple[str, str], ...]:
    primary = rule_set(turkish).apply(token)[0]
    seen = {primary}
    out = []
    for rule, rules in alternate_sets(turkish):
        if rule.source not in token:
            continue
        candidate, fired = rules.apply(token)
        if candidate not in seen and rule.label in fired:
            seen.add(candidate)
            out.append((candidate, rule.label))
    return tuple(out)


def reset_caches() -> None:
    """Forget compiled rule sets."""
    load_conventions.cache_clear()
    rule_set.cache_clear()
    alternate_sets.cache_clear()
    _alternates_of.cache_clear()


Rewriter = Callable[[str, bool], tuple[str, tuple[str, ...]]]

"""First answers of a set of queries, each with the one entity it should find: how many are
that entity, how many are it and confident, how many are confident and another entity
(`bench/respellings.py`, `bench/qualified_names.py`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from normalise.match import Match


@dataclass
class Firsts:
    """The tally of first answers so far, and the ones that missed, as printable lines."""

    n: int = 0
    top1: int = 0
    confident: int = 0  # confident and right
    confident_wrong: int = 0
    wrong: list[str] = field(default_factory=list)  # a first answer that is another entity
    confident_wrongs: list[str] = field(default_factory=list)  # one confidently so

    def add(self, query: str, found: list[Match], expected: str) -> None:
        """Count the first answer `found` gives for `query`."""
        self.n += 1
        right = bool(found) and found[0].id == expected
        self.top1 += right
        if found and found[0].match:
            self.confident += right
            self.confident_wrong += not right
        if not right:
            first = f"{found[0].id} {found[0].name} {found[0].score}" if found else "-"
            line = f"{query}: {first}; expected {expected}"
            self.wrong.append(line)
            if found and found[0].match:
                self.confident_wrongs.append(line)

    def cells(self) -> str:
        """The table cells: queries, top-1, confident and right, confident and another."""
        n = max(self.n, 1)
        return (
            f"{self.n:,} | {100 * self.top1 / n:.1f}% ({self.top1:,}) |"
            f" {100 * self.confident / n:.1f}% ({self.confident:,}) | {self.confident_wrong}"
        )

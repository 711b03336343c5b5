"""A Latin query that writes a country's, an organisation's or a person's name as it is written
is that entity before a place whose Arabic name merely romanises as the query (`Burma`: Myanmar,
not Borama, whose Arabic name بورمة romanises as `burma`); one that writes a place's name is
that place before an organisation or a person whose name merely shares its consonants
(`Süleymaniye`: Sulaymaniyah, not Qasem Soleimani)."""

from __future__ import annotations

from normalise.marked import FOLDED_SHARE
from normalise.match import ACTOR_KINDS, NAMED_ANYWHERE
from normalise.matres import is_arabic_text
from normalise.ranking import Scored, cap_scores


def _written_as_the_query(best: dict[str, Scored], kinds: frozenset[str]) -> float | None:
    """Return the best score of an entity of `kinds` found by the exact key of a Latin name,
    written as the query is, or None when none was."""
    return max(
        (
            s.score
            for s in best.values()
            if s.row.key[:1] == "x" and s.row.kind in kinds and not is_arabic_text(s.row.name_text)
        ),
        default=None,
    )


def prefer_named_as_written(best: dict[str, Scored]) -> None:
    """Rank each candidate found only by the romanisation of an Arabic name (its folded key)
    that scores above a country, an organisation or a person found by the exact key of a Latin
    name below it: at `FOLDED_SHARE` of its score. A romanisation guesses the vowels Arabic
    leaves out; a name written as the query is no guess. One that scores below it already is
    left as it is: the decision still weighs it as a rival (`ABD`, the US in Turkish, beside
    the village Aabad, اعبد, with a hint of Syria: first, unsure)."""
    exact = _written_as_the_query(best, NAMED_ANYWHERE)
    if exact is None:
        return
    cap_scores(
        best,
        FOLDED_SHARE * exact,
        lambda s: s.row.key[:1] == "f" and s.score > exact and is_arabic_text(s.row.name_text),
    )


def prefer_places_as_written(best: dict[str, Scored]) -> None:
    """Rank each organisation or person found only by a key that guesses (a skeleton, one of
    its deletions, a token) that scores above a place found by the exact key of a Latin name
    below it: at `FOLDED_SHARE` of the place's score. A hint of the actor's country counts for
    it though the query spells a place as written (`Süleymaniye`, Sulaymaniyah's Turkish name,
    in a report on Iran: not Qasem Soleimani, whose name only shares its consonants)."""
    exact = _written_as_the_query(best, frozenset({"place"}))
    if exact is None:
        return
    cap_scores(
        best,
        FOLDED_SHARE * exact,
        lambda s: s.row.kind in ACTOR_KINDS and s.row.key[:1] in "sdt" and s.score > exact,
    )

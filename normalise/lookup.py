"""Lookup keys: which index keys a query is looked up by (its spelling, its skeletons and
their one-deletion neighbourhoods, its tokens, the first parts of a one-word name), and the
`why` of the key family that found a candidate."""

from __future__ import annotations

from collections.abc import Iterable

from normalise.forms import matched_stem
from normalise.keys import Keys
from normalise.match import CandidateRow
from normalise.reading import Reading
from normalise.skeleton import word_skeleton

MIN_DELETION_SOURCE = 3  # skeletons shorter than this have no deletion neighbourhood
MIN_COMPOUND = 8  # letters of a one-word query that may be split
MIN_COMPOUND_HEAD = 4  # letters the first part keeps
MIN_COMPOUND_TAIL = 2  # letters the glued-on part keeps


def deletions(skeleton: str) -> list[str]:
    """Return the skeleton with each one of its letters deleted (its deletion neighbourhood)."""
    if len(skeleton) < MIN_DELETION_SOURCE:
        return []
    return list(dict.fromkeys(skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton))))


def written_keys(keys: Keys) -> list[str]:
    """Return the keys of a query spelled as it is written: its exact and folded keys."""
    return [f"x:{keys.exact}", f"f:{keys.folded}"]


def lookup_keys(keys: Keys, readings_: list[Reading]) -> list[str]:
    """Return the prefixed index keys to look a query up by."""
    out = written_keys(keys)
    out += [f"f:{reading.folded}" for reading in readings_ if reading.folded]
    for reading in readings_:
        out += skeleton_keys(reading.skeleton)
    out += token_keys(keys.tokens)
    return list(dict.fromkeys(out))


def token_keys(tokens: Iterable[str]) -> list[str]:
    """Return the token keys of token skeletons long enough to look up (two letters)."""
    return [f"t:{token}" for token in tokens if len(token) >= 2]


def skeleton_keys(skeleton: str) -> list[str]:
    """Return the skeleton and deletion keys of a skeleton and its deletion neighbourhood."""
    if not skeleton:
        return []
    out = [f"s:{skeleton}", f"d:{skeleton}"]
    for near in deletions(skeleton):
        out += [f"s:{near}", f"d:{near}"]
    return out


def compound_keys(keys: Keys) -> list[str]:
    """Return skeleton keys of the first parts of a one-word Latin query, longest first."""
    spelled = keys.phonetic
    if " " in spelled or len(spelled) < MIN_COMPOUND or not spelled.isascii():
        return []
    out: dict[str, None] = {}
    for end in range(len(spelled) - MIN_COMPOUND_TAIL, MIN_COMPOUND_HEAD - 1, -1):
        head = word_skeleton(spelled[:end], True)
        if len(head) >= MIN_DELETION_SOURCE and head != keys.skeleton:
            out[f"s:{head}"] = None
    return list(out)


def spelled_keys(keys: Keys) -> list[str]:
    """Return the keys a query is looked up by first: its exact and folded keys, and the
    skeleton and deletion keys of its own skeleton (names spelled as it is, and names whose
    spelling differs from it only in vowels, conventions or one more letter).

    Most names a pipeline meets are spelled as some lexicon name spells them; the rest of the
    neighbourhood (the skeletons' deletions, the tokens) brings some thirty farther names,
    which cost most of a lookup and seldom change such a query's answer (`Resolver._settle`)."""
    out = written_keys(keys)
    if keys.skeleton:
        out += [f"s:{keys.skeleton}", f"d:{keys.skeleton}"]
    return out


def key_reason(key: str, reading: Reading, row: CandidateRow) -> str:
    """Return the `why` string of the key family that found a candidate."""
    family = key[:1]
    if family == "x":
        return "exact"
    if family == "f":
        return f"folded:{row.folded}"
    if family == "t":
        return f"token:{key[2:]}"
    if family == "c":
        return f"compound:{key[2:]}"
    if family == "h":
        return f"headed:{key[2:]}"
    if reading.skeleton == row.skeleton or matched_stem(reading, row) is not None:
        return f"skeleton:{reading.skeleton}"  # the name's own, or its village stem's
    return f"near-skeleton:{reading.skeleton}~{row.skeleton}"

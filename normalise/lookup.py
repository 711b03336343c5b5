"""Lookup keys: which index keys a query is looked up by (its spelling, its skeletons and
their one-deletion neighbourhoods, its tokens, the first parts of a one-word name), and the
`why` of the key family that found a candidate."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from normalise.description import without_article
from normalise.descriptors import PLACE_KINDS, descriptors
from normalise.forms import has_article, matched_stem
from normalise.keys import Keys, build_keys, exact_key
from normalise.match import CandidateRow
from normalise.matres import is_arabic_text
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


def unarticled_keys(keys: Keys, readings_: Iterable[Reading]) -> list[str]:
    """Return the exact and folded keys of a one-word Arabic query, and of its one-word Arabic
    readings, without the article each begins with (`السوري`, the Syrian; `الحكومة السورية`
    read without its descriptor): a country's Arabic demonym is named without it (سوري), and
    the lexicon keys each name as written, its article and all. None for a Latin query. Both
    families: a key reads one name of an entity, and a folded key may read another language's
    (Türkiye's `trki` is Kashmiri ترکی, not the demonym تركي), where a reading's letters
    (`Reading.spelling`) fold its hamza seats (امريكي for أمريكي) that the exact key keeps."""
    if not is_arabic_text(keys.exact):
        return []
    texts = [keys.exact, *(r.spelling for r in readings_ if r.spelling)]
    folded = [keys.folded, *(r.folded for r in readings_ if r.spelling)]
    bare = [without_article(t) for t in texts if " " not in t]
    out = ["x:" + exact_key(b) for b in bare if b]
    rest = [f.partition(" ")[2] for f in folded if has_article(f)]
    out += ["f:" + r for r in rest if r and " " not in r]
    return list(dict.fromkeys(out))


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


def descriptor_tokens(folded: str, turkish: bool) -> frozenset[str]:
    """Return the tokens of the words of a folded query that are place descriptors
    (`descriptors.tsv`: camp, refugee, air, base, Mülteci, Kampı), but for a query of
    descriptor words alone."""
    words = folded.replace("-", " ").split()
    table = descriptors()
    said = [w for w in words if (found := table.get(w)) is not None and found.kind in PLACE_KINDS]
    if not said or len(said) == len(words):
        return frozenset()
    return frozenset(_word_token(word, turkish) for word in said)


def named_by_descriptors(
    rows: list[CandidateRow], said: frozenset[str], readings_: list[Reading]
) -> list[CandidateRow]:
    """Return the rows but those found by a token of the query's place descriptors alone
    (`descriptor_tokens`) whose name, read without its own descriptor (`matched_stem`), is
    none of the query's readings. Every camp of a country shares the tokens of `refugee camp`:
    `Şati Mülteci Kampı` found Nuseirat's camp (`Nuseyrat Mülteci Kampı` in Turkish) by
    `Mülteci`, ranked it before al-Shati, and Far'a's camp is found by them as it should be."""
    if not said:
        return rows
    return [
        row
        for row in rows
        if row.key[:1] != "t"
        or row.key[2:] not in said
        or any(
            row.skeleton == r.skeleton or matched_stem(r, row) is not None for r in readings_
        )
    ]


@lru_cache(maxsize=1024)
def _word_token(word: str, turkish: bool) -> str:
    """Return the token of one descriptor word, read as the query's words are."""
    tokens = build_keys(word, "tr" if turkish else None).tokens
    return tokens[0] if tokens else ""


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


def reset_caches() -> None:
    """Forget the tokens of descriptor words read so far."""
    _word_token.cache_clear()

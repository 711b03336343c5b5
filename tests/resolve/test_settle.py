"""Settling: a query spelled as a lexicon name is answered from its first keys alone."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from test_resolver import PLACES, upsert

from normalise import lookup, resolver
from normalise.keys import build_keys
from normalise.lexicon import Lexicon, candidates
from normalise.lookup import lookup_keys, spelled_keys
from normalise.match import KEY_STRENGTH, CandidateRow, merge_rows
from normalise.normaliser import LexiconSource
from normalise.query import Context
from normalise.resolver import Resolver
from normalise.variants import readings

QUERIES = ["Hama", "Ḩamāh", "حماة", "Idlib", "Kafr Zita", "Kafrzeita", "Sooran", "Suran", "Homs"]


class Recording(LexiconSource):
    """The real lexicon, remembering every key it was asked for."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self.asked: list[str] = []

    def candidates(self, keys: Sequence[str], **options: Any) -> list[CandidateRow]:
        self.asked += keys
        return super().candidates(keys, **options)


def ident(row: CandidateRow) -> tuple[str, str, str]:
    """A candidate row as its entity, name and key family."""
    return row.entity_id, row.name_text, row.key[:1]


@pytest.fixture()
def lexicon(tmp_path: Path) -> Iterator[Lexicon]:
    lex = Lexicon.create(tmp_path / "small.lexicon")
    lex.apply([upsert(*p) for p in PLACES])
    yield lex
    lex.close()


def test_first_keys_are_the_spelling_and_its_own_skeleton() -> None:
    keys = build_keys("Kafr Zita")
    first = spelled_keys(keys)
    assert first == ["x:kafr zita", "f:kafr zita", "s:KFRZT", "d:KFRZT"]
    wanted = lookup_keys(keys, readings("Kafr Zita"))
    assert set(first) <= set(wanted)  # the full lookup reads them again only from `found`
    deletions = {f"s:{d}" for d in lookup.deletions(keys.skeleton)}
    assert deletions and not deletions & set(first) and deletions <= set(wanted)
    assert not any(k.startswith("t:") for k in first)  # tokens come only with the rest


def test_an_exact_spelling_is_not_looked_up_by_its_neighbourhood(lexicon: Lexicon) -> None:
    source = Recording(lexicon)
    top = Resolver(source).resolve("Kafr Zita", country="SY")[0]
    assert top.id == "geonames:168620" and top.match
    assert source.asked and not any(k.startswith("t:") for k in source.asked)
    source.asked.clear()
    # a name of the same skeleton that scores well settles it too
    top = Resolver(source).resolve("Kafrzeita", country="SY")[0]
    assert top.id == "geonames:168620" and "skeleton:KFRZT" in top.why
    assert not any(k.startswith("t:") for k in source.asked)
    source.asked.clear()
    # a skeleton no lexicon name has (a glued article): every key is read, the first ones once
    top = Resolver(source).resolve("Taybetul-Imam", country="SY")[0]
    assert top.id == "geonames:163270" and "article:ul" in top.why
    # each key once, but the query's exact and folded keys, read in every country too when no
    # name of the hinted one is spelled so (an entity abroad spelled as the query: `Russia`)
    written = {"x:taybetul-imam", "f:taybetul imam"}
    rest = [k for k in source.asked if k not in written]
    assert len(rest) == len(set(rest)) and written <= set(source.asked)
    assert any(k.startswith("t:") for k in source.asked)


def test_a_name_judged_not_the_same_does_not_settle_the_query(lexicon: Lexicon) -> None:
    # the exact hit is judged another place: the query is looked up further, and `Kafr Ita`
    # (skeleton KFRT, one letter from KFRZT) is found through the neighbourhood
    lexicon.apply(
        [
            upsert("geonames:900001", "SY", "10", 500, ["Kafr Ita"]),
            {"op": "not_same", "name": "Kafr Zita", "id": "geonames:168620"},
        ]
    )
    matches = Resolver(LexiconSource(lexicon)).resolve("Kafr Zita", country="SY")
    assert "geonames:168620" not in {m.id for m in matches}
    assert matches[0].id == "geonames:900001"


def test_an_exact_spelling_that_contradicts_the_context_is_not_settled(lexicon: Lexicon) -> None:
    source = Recording(lexicon)
    matches = Resolver(source).resolve("Idlib", country="SY", admin1="10")
    assert matches[0].id == "geonames:169389" and not matches[0].match
    assert any(k.startswith("t:") for k in source.asked)


@pytest.mark.parametrize("admin1", [None, "10"])
def test_settling_gives_the_answers_of_a_full_lookup(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch, admin1: str | None
) -> None:
    nz = Resolver(LexiconSource(lexicon))

    def answers() -> list[list[tuple[str, float, bool]]]:
        return [
            [(m.id, m.score, m.match) for m in nz.resolve(q, country="SY", admin1=admin1)]
            for q in QUERIES
        ]

    settled = answers()
    monkeypatch.setattr(resolver, "SETTLED", {})  # nothing settles: always the full path
    full = answers()
    assert [a[0][0] for a in settled] == [a[0][0] for a in full]
    assert [a[0][2] for a in settled] == [a[0][2] for a in full]


def test_two_lookups_merge_as_one(lexicon: Lexicon) -> None:
    keys = lookup_keys(build_keys("Suran"), readings("Suran"))
    first, rest = keys[:3], keys[3:]
    one = lexicon.candidates(keys, country="SY")
    merged = merge_rows(
        lexicon.candidates(first, country="SY"), lexicon.candidates(rest, country="SY")
    )

    assert sorted(map(ident, merged)) == sorted(map(ident, one))
    order = [(KEY_STRENGTH[r.key[:1]], -(r.population or 0)) for r in merged]
    assert order == sorted(order)


@pytest.mark.parametrize("query", ["Suran", "Kafrzeita", "Taybetul-Imam"])
def test_the_full_lookup_keeps_the_first_lookups_rows(lexicon: Lexicon, query: str) -> None:
    keys = build_keys(query)
    wanted = lookup_keys(keys, readings(query))
    first = spelled_keys(keys)
    found = lexicon.candidates(first, country="SY")
    nz = Resolver(LexiconSource(lexicon))
    context = Context("SY")

    merged = nz._lookup(wanted, context, found=(first, found))
    assert found and set(map(ident, found)) <= set(map(ident, merged))
    assert sorted(map(ident, merged)) == sorted(map(ident, nz._lookup(wanted, context)))


def test_a_lookup_of_more_keys_than_one_statement_takes_merges_its_parts(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = lookup_keys(build_keys("Kafr Zita"), readings("Kafr Zita"))
    keys += lookup_keys(build_keys("Suran"), readings("Suran"))
    one = lexicon.candidates(keys, country="SY")
    monkeypatch.setattr(candidates, "MAX_KEYS_PER_QUERY", 3)  # the same keys, in statements of 3
    parts = lexicon.candidates(keys, country="SY")
    assert len(parts) == len({(r.entity_id, r.name_text) for r in parts})  # one row a name
    assert sorted(map(ident, parts)) == sorted(map(ident, one))

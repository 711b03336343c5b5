"""One resolve reads one lexicon version: every read happens inside one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from normalise import Normaliser
from normalise.lexicon import CandidateRow, Lexicon

KAFR_ZITA = {
    "id": "geonames:168620",
    "kind": "place",
    "country": "SY",
    "admin1": "10",
    # a made-up canonical name no key of the query reaches: the answer needs the display name
    "names": [{"text": "Mazraat Nur", "kind": "canonical"}, {"text": "Kafr Zita"}],
}


class Watched(Lexicon):
    """A real lexicon that notes whether each read ran inside a transaction."""

    seen: list[tuple[str, bool]]

    def candidates(self, keys: Sequence[str], **kw: Any) -> list[CandidateRow]:
        self.seen.append(("candidates", self._conn.in_transaction))
        return super().candidates(keys, **kw)

    def not_same(self, folded: str) -> set[str]:
        self.seen.append(("not_same", self._conn.in_transaction))
        return super().not_same(folded)

    def display_names(self, entity_ids: Sequence[str]) -> dict[str, str]:
        self.seen.append(("display_names", self._conn.in_transaction))
        return super().display_names(entity_ids)


def test_resolve_reads_inside_one_snapshot_ar(tmp_path: Path) -> None:
    path = tmp_path / "s.lexicon"
    with Lexicon.create(path) as lex:
        lex.apply([{"op": "upsert", "entity": KAFR_ZITA}])
    watched = Watched.open(path, readonly=True)
    watched.seen = []
    nz = Normaliser(watched, translate=False)
    top = nz.resolve("Kafr Zita", country="SY")[0]
    assert (top.id, top.name, top.matched_name) == ("geonames:168620", "Mazraat Nur", "Kafr Zita")
    assert {name for name, _ in watched.seen} == {"candidates", "not_same", "display_names"}
    assert all(inside for _, inside in watched.seen)
    assert not watched._conn.in_transaction  # and it ends with the query
    nz.close()

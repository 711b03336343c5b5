"""Export a store as batch ops, in an order that re-applies to the identical lexicon.

Order: an `upsert` for every entity ever issued (deleted and merged ones as name-less stubs
keeping their attributes), then the `merge`s, then the `delete`s, then the `not_same`
judgements, each sorted, so two identical lexicons export byte-identical files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalise.lexicon.store import Lexicon


def export_ops(lex: Lexicon) -> Iterator[dict[str, Any]]:
    """Yield the ops that rebuild `lex` from an empty store.

    Args:
        lex: an open store (the caller holds a read transaction for a consistent export).
    """
    for entity in lex.entities(statuses=("active", "deleted", "redirect")):
        yield {"op": "upsert", "entity": entity.to_dict()}
    conn = lex._conn
    for source, target in conn.execute(
        "SELECT id, redirect_to FROM entities WHERE status = 'redirect' ORDER BY id"
    ).fetchall():
        yield {"op": "merge", "from": source, "into": target}
    for (entity_id,) in conn.execute(
        "SELECT id FROM entities WHERE status = 'deleted' ORDER BY id"
    ).fetchall():
        yield {"op": "delete", "id": entity_id}
    for name, entity_id in conn.execute(
        "SELECT name, entity_id FROM not_same ORDER BY folded, entity_id, name"
    ).fetchall():
        yield {"op": "not_same", "name": name, "id": entity_id}

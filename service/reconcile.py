"""W3C Reconciliation Service API 0.2 on top of the resolver: manifest, query batches,
suggest (entity, type) and preview cards.

Types are our entity kinds; properties `country` and `admin1` become resolver context; a
candidate's `features` are its score and the reasons (`why`) that produced it.
"""

from __future__ import annotations

import bisect
import html
import json
from typing import Any

from normalise.errors import ContextError
from normalise.hints import country_hint
from service.errors import BadRequest, InvalidInput, PayloadTooLarge
from service.escape import escape_text
from service.settings import Settings
from service.state import LexiconState, Query

KINDS = {
    "place": "Place",
    "country": "Country",
    "region": "Region",
    "organisation": "Organisation",
    "person": "Person",
    "other": "Other",
}
_KIND_ALIASES = {"organization": "organisation", "city": "place", "village": "place"}
PROPERTIES = {"country": "Country (ISO 3166 alpha-2)", "admin1": "First-level division code"}


def manifest(base: str, settings: Settings) -> dict[str, Any]:
    """Return the service manifest for a service whose root URL is `base`."""
    import normalise

    return {
        "versions": ["0.2"],
        "name": "normalise: Arabic, Turkish and English names to canonical entities",
        "identifierSpace": f"{base}/v1/entities/",
        "schemaSpace": f"{base}/reconcile/types/",
        "serviceVersion": normalise.__version__,
        "documentation": f"{base}/docs",
        "defaultTypes": [{"id": k, "name": v} for k, v in KINDS.items()],
        "view": {"url": f"{base}/v1/entities/{{{{id}}}}"},
        "preview": {"url": f"{base}/reconcile/preview?id={{{{id}}}}", "width": 400, "height": 140},
        "suggest": {
            "entity": {"service_url": base, "service_path": "/reconcile/suggest/entity"},
            "type": {"service_url": base, "service_path": "/reconcile/suggest/type"},
        },
        "batchSize": settings.reconcile_batch_size,
    }


def _kind(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("id")
    if not isinstance(value, str):
        return None
    key = value.strip().lower()
    key = _KIND_ALIASES.get(key, key)
    return key if key in KINDS else None


def _value(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("id", value.get("name"))
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_queries(raw: str, settings: Settings) -> dict[str, Query]:
    """Parse a `queries` parameter into resolver queries keyed by the client's ids.

    Raises:
        BadRequest: not JSON.
        InvalidInput: not an object of queries, or a query breaks a limit.
        PayloadTooLarge: more queries than `max_names`.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadRequest(f"queries: malformed JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise InvalidInput("queries: expected an object of queries keyed by id (q0, q1, ...)")
    if len(data) > settings.max_names:
        raise PayloadTooLarge(
            f"{len(data)} queries in one request; the limit is {settings.max_names}"
        )
    out: dict[str, Query] = {}
    for key, item in data.items():
        if not isinstance(item, dict):
            raise InvalidInput(f"queries.{escape_text(key)}: expected an object")
        name = item.get("query", "")
        if not isinstance(name, str):
            raise InvalidInput(f"queries.{escape_text(key)}.query: expected a string")
        if any("\ud800" <= c <= "\udfff" for c in name):
            raise InvalidInput(f"queries.{escape_text(key)}.query: lone surrogate")
        if len(name) > settings.max_name_length:
            raise InvalidInput(
                f"queries.{escape_text(key)}.query: {len(name)} characters;"
                f" the limit is {settings.max_name_length}"
            )
        context: dict[str, str | None] = {"country": None, "admin1": None}
        props = item.get("properties") or []
        if not isinstance(props, list):
            raise InvalidInput(f"queries.{escape_text(key)}.properties: expected a list")
        for prop in props:
            if isinstance(prop, dict) and prop.get("pid") in context:
                value = _value(prop.get("v"))
                if value is not None and len(value) <= 64:
                    context[str(prop["pid"])] = value
        limit = item.get("limit", 5)
        if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
            limit = 5
        try:
            country = country_hint(context["country"])
        except ContextError as exc:
            raise InvalidInput(f"queries.{escape_text(key)}.properties: {exc}") from exc
        out[str(key)] = Query(
            name=name,
            country=country,
            admin1=context["admin1"],
            kind=_kind(item.get("type")),
            limit=min(limit, settings.max_limit),
        )
    return out


def reconcile(state: LexiconState, queries: dict[str, Query]) -> dict[str, Any]:
    """Resolve a batch of queries; return the 0.2 result batch (all from one version)."""
    keys = list(queries)
    _, results = state.resolve([queries[k] for k in keys])
    out: dict[str, Any] = {}
    for key, found in zip(keys, results, strict=True):
        kind = queries[key].kind
        # A reconciliation type restricts candidates (the resolver only weighs it).
        matches = [m for m in found if kind is None or m.kind == kind]
        out[key] = {
            "result": [
                {
                    "id": m.id,
                    "name": m.name,
                    "score": round(m.score * 100, 2),
                    "match": m.match,
                    "type": [{"id": m.kind, "name": KINDS.get(m.kind, m.kind)}],
                    "description": " · ".join(
                        p for p in (m.country, f"matched {m.matched_name}") if p
                    ),
                    "features": [
                        {"id": "score", "value": m.score},
                        *({"id": reason, "value": True} for reason in m.why),
                    ],
                }
                for m in matches
            ]
        }
    return out


SUGGEST_INDEX_MAX = 100_000


def _prefix_index(state: LexiconState) -> list[tuple[str, str, str, str, str | None]]:
    """Every name of every active entity as (folded name, id, display name, kind, country),
    sorted, for prefix search (small and medium lexicons)."""
    rows = []
    for entity in state.lexicon.entities():
        for name in entity.names:
            folded = state.nz.normalise(name.text).keys.folded
            rows.append((folded, entity.id, entity.name, entity.kind, entity.country))
    rows.sort()
    return rows


def suggest_entities(state: LexiconState, prefix: str, cursor: int, limit: int = 10) -> list[Any]:
    """Suggest entities whose names start with the typed prefix (any script, folded).

    Lexicons up to `SUGGEST_INDEX_MAX` entities get an in-memory sorted index of folded names
    (rebuilt per version); larger ones fall back to the resolver (near spellings of the prefix).
    """
    prefix = prefix.strip()
    if not prefix:
        return []
    folded = state.nz.normalise(prefix).keys.folded

    def compute(version: int) -> list[tuple[str, str, str, str | None]]:
        if len(state.lexicon) <= SUGGEST_INDEX_MAX:
            index = state.memo("prefix-index", version, lambda: _prefix_index(state))
            start = bisect.bisect_left(index, (folded,))
            seen: dict[str, tuple[str, str, str, str | None]] = {}
            for row in index[start:]:
                if not row[0].startswith(folded) or len(seen) >= cursor + limit:
                    break
                seen.setdefault(row[1], row[1:])
            return list(seen.values())
        matches = state.nz.resolve(prefix, limit=cursor + limit)
        return [(m.id, m.name, m.kind, m.country) for m in matches]

    _, found = state.consistent(compute)
    return [
        {
            "id": entity_id,
            "name": name,
            "description": " · ".join(p for p in (KINDS.get(kind, kind), country) if p),
            "notable": [{"id": kind, "name": KINDS.get(kind, kind)}],
        }
        for entity_id, name, kind, country in found[cursor : cursor + limit]
    ]


def suggest_types(prefix: str) -> list[dict[str, str]]:
    """Suggest our kinds whose id or name starts with the prefix."""
    needle = prefix.strip().lower()
    return [
        {"id": k, "name": v}
        for k, v in KINDS.items()
        if k.startswith(needle) or v.lower().startswith(needle)
    ]


def preview_html(entity: Any, asked: str) -> str:
    """Return a small HTML card for an entity (every text escaped, invisibles shown)."""

    def t(value: object) -> str:
        return html.escape(escape_text(str(value)))

    names = [n for n in entity.names if n.kind != "canonical"][:6]
    rows = "".join(
        f'<li dir="auto">{t(n.text)}{f" <small>({t(n.lang)})</small>" if n.lang else ""}</li>'
        for n in names
    )
    facts = " · ".join(
        t(v)
        for v in (
            KINDS.get(entity.kind, entity.kind),
            entity.country,
            f"admin1 {entity.admin1}" if entity.admin1 else None,
            f"pop. {entity.population:,}" if entity.population else None,
        )
        if v
    )
    merged = (
        f"<p><small>{t(asked)} was merged into this entity</small></p>"
        if entity.redirected_from
        else ""
    )
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        f"{t(entity.name)}</title></head>"
        '<body style="font-family:sans-serif;margin:6px;font-size:13px">'
        f'<div><b dir="auto">{t(entity.name)}</b> <code>{t(entity.id)}</code></div>'
        f"<div>{facts}</div>{merged}<ul style=\"margin:4px 0;padding-left:16px\">{rows}</ul>"
        "</body></html>"
    )

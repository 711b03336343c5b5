"""The context a caller gives with a name, checked before anything is resolved.

A country hint filters the candidate lookup, so a value that is not a country code would
silently find nothing in "its" country and fall back to the whole world; a kind outside the
entity kinds would mark every candidate as contradicting it. Both are errors instead.
"""

from __future__ import annotations

from normalise.errors import ContextError
from normalise.lexicon.model import ENTITY_KINDS
from normalise.lexicon.validate import country_codes


def country_hint(value: str | None) -> str | None:
    """Return an ISO 3166-1 alpha-2 country hint upper-cased (None for no hint).

    Raises:
        ContextError: the value is not a known alpha-2 code (`Syria`, `SYR`).
    """
    if value is None or value == "":
        return None
    code = value.strip().upper()
    if code not in country_codes():
        raise ContextError(
            f"country must be an ISO 3166-1 alpha-2 code such as SY or TR, not {value!r:.40}"
        )
    return code


def kind_hint(value: str | None) -> str | None:
    """Return a kind hint (None for no hint).

    Raises:
        ContextError: the value is not an entity kind.
    """
    if value is None or value == "":
        return None
    if value not in ENTITY_KINDS:
        raise ContextError(
            f"kind must be one of {', '.join(sorted(ENTITY_KINDS))}, not {value!r:.40}"
        )
    return value

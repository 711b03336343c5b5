"""The context a caller gives with a name, checked before anything is resolved.

A country hint filters the candidate lookup, so a value that is not a country code would
silently find nothing in "its" country and fall back to the whole world; a kind outside the
entity kinds would mark every candidate as contradicting it. Both are errors instead. An
admin1 hint that is not a GeoNames admin1 code would mark every candidate as contradicting
it too: it is read as a code (`10`), an ISO 3166-2 division (`SY-HM`) or a name the resolver
looks up (`Hama`), and the resolver refuses one it cannot place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


_DIVISION = re.compile(r"(?:iso3166-2:)?([A-Za-z]{2})-([A-Za-z0-9]{1,3})", re.IGNORECASE)
MAX_LETTER_CODE = 3  # GeoNames admin1 codes of letters are short and upper-case (ENG, CA)


@dataclass(frozen=True, slots=True)
class Admin1Hint:
    """An admin1 hint as read: a GeoNames admin1 code, the ID of an ISO 3166-2 division, or
    (with neither) a name to look up (`Hama`, `Nineveh`, `محافظة حماة`)."""

    text: str  # as the caller gave it, stripped
    code: str | None = None  # `10` (Hama), `ENG`
    division: str | None = None  # `iso3166-2:SY-HM`


def admin1_hint(value: str | None) -> Admin1Hint | None:
    """Read an admin1 hint (None for no hint).

    A value with a digit, or of at most three upper-case letters, is a GeoNames admin1 code
    (`10`, `ENG`); `SY-HM` or `iso3166-2:SY-HM` an ISO 3166-2 division; anything else a name
    (`Hama`, `Nineveh`).

    Raises:
        ContextError: the value is not text.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ContextError(f"admin1 must be text, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    division = _DIVISION.fullmatch(text)
    if division is not None:
        code = f"{division[1]}-{division[2]}".upper()
        return Admin1Hint(text, division=f"iso3166-2:{code}")
    letters = text.isascii() and text.isalpha() and text.isupper()
    if any(c.isdigit() for c in text) or (letters and len(text) <= MAX_LETTER_CODE):
        return Admin1Hint(text, code=text)
    return Admin1Hint(text)

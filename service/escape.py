"""Keeping bidi controls and other invisible characters out of logs and responses.

JSON answers carry them as `\\uNNNN` escapes (the decoded data is unchanged; the bytes on the
wire hold no raw invisible character). Log lines and HTML show them as visible `<U+NNNN>`.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from functools import lru_cache
from typing import Any

import regex
from starlette.responses import JSONResponse

# Format (Cf: bidi marks, ZW*, BOM, tags), controls (Cc), separators Zl/Zp, unassigned and
# private-use code points, and the Unicode "default ignorables" that fonts draw as nothing.
_INVISIBLE = regex.compile(
    r"[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\p{Cs}]"
)
_INVISIBLE_BUT_WS = regex.compile(
    r"(?![\t\n\r])[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\p{Cs}]"
)


@lru_cache(maxsize=1024)
def _json_escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape_text(text: str) -> str:
    """Return `text` with every invisible character shown as `<U+NNNN>` (for logs, HTML)."""
    return _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def has_invisible(text: str) -> bool:
    """Return True when `text` holds a bidi control or another invisible character."""
    return _INVISIBLE.search(text) is not None


def dumps(data: Any) -> bytes:
    """Serialise JSON (UTF-8) with invisible characters as `\\uNNNN` escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    if not text.isascii():
        text = _INVISIBLE_BUT_WS.sub(lambda m: _json_escape(m.group()), text)
    return text.encode("utf-8")


class EscapedJSONResponse(JSONResponse):
    """A JSON response whose bytes never carry a raw invisible character."""

    def render(self, content: Any) -> bytes:
        return dumps(content)


def name_of(char: str) -> str:
    """Return the Unicode name of a character (for messages)."""
    return unicodedata.name(char, f"U+{ord(char):04X}")


class EscapeLogFilter(logging.Filter):
    """Rewrites each record's message with invisible characters shown as `<U+NNNN>`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if has_invisible(message):
            record.msg = escape_text(message)
            record.args = ()
        return True


LOGGERS = ("uvicorn", "uvicorn.access", "uvicorn.error", "normalise.service")


def install_log_filter() -> None:
    """Escape invisible characters in the service's and uvicorn's log records."""
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, EscapeLogFilter) for f in logger.filters):
            logger.addFilter(EscapeLogFilter())

"""The exception hierarchy of `normalise`.

Every error the library raises on purpose derives from `NormaliseError`, so callers (the CLI,
the HTTP service, pipelines) can catch one type and show its message.
"""

from __future__ import annotations

from pathlib import Path


class NormaliseError(Exception):
    """Base class of every error raised by `normalise` on purpose."""


class NotTextError(NormaliseError, TypeError):
    """A name that is not a `str` was given where text is required.

    Subclasses `TypeError` too, so code that guards against wrong types keeps working.
    """

    def __init__(self, value: object) -> None:
        super().__init__(f"expected text (str), got {type(value).__name__}: {value!r:.60}")
        self.value = value


class RuleTableError(NormaliseError):
    """A rule table or transliteration rule file is malformed.

    The message always starts with `path:line:` so an editor can jump to the fault.
    """

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


class TransliterationError(NormaliseError):
    """ICU could not build a transliterator from our rule files."""


class LexiconError(NormaliseError):
    """A lexicon store cannot be created, opened or read."""


class BatchRejected(LexiconError):
    """A batch of lexicon operations failed validation; nothing was written.

    `problems` holds every problem as `(line, field, message)`; `str()` lists them one per line
    as `line N: field: message`, where N is the 1-based position of the op in the batch.
    """

    def __init__(self, problems: list[tuple[int, str, str]]) -> None:
        self.problems = sorted(problems)
        lines = [f"line {n}: {field}: {message}" for n, field, message in self.problems]
        super().__init__("batch rejected:\n" + "\n".join(lines))


class ContextError(NormaliseError, ValueError):
    """Context given with a name that is not a known value: a country that is not an ISO
    3166-1 alpha-2 code, a kind that is not an entity kind.

    Subclasses `ValueError` too, so code that guards against bad values keeps working.
    """


class WorkerStartError(NormaliseError):
    """Worker processes for a batch cannot start (see `workers.check_main_importable`)."""

"""The lexicon: a SQLite store of canonical entities, their names and keys, kept current by
validated, all-or-nothing batches of ops.

    >>> from normalise.lexicon import Lexicon
    >>> lex = Lexicon.create("my.lexicon")                         # doctest: +SKIP
    >>> lex.apply([{"op": "upsert", "entity": {...}}])              # doctest: +SKIP
"""

from normalise.lexicon.model import CandidateRow, Entity, Name, UpdateReport
from normalise.lexicon.store import Lexicon

__all__ = ["CandidateRow", "Entity", "Lexicon", "Name", "UpdateReport"]

"""normalise: multilingual name normalisation and resolution to canonical IDs.

A name spelled the way some source wrote it (`Sooran`, `Kafrzeita`, `كفر زيتا`, `Türkiye`)
goes through cleanup, script detection, folding, romanisation and convention rules to keys
that agree across spellings and scripts:

    >>> from normalise import Normaliser
    >>> Normaliser().normalise("كفر زيتا").keys.skeleton
    'KFRZT'
"""

from normalise.errors import (
    BatchRejected,
    ContextError,
    LexiconError,
    NormaliseError,
    NotTextError,
    RuleTableError,
    TransliterationError,
)
from normalise.fingerprint import rules_fingerprint
from normalise.keys import Keys, build_keys
from normalise.lexicon import Entity, Lexicon, Name, UpdateReport
from normalise.normalised import Normalised
from normalise.normaliser import Normaliser
from normalise.reset import reset_caches

__version__ = "0.1.0"

__all__ = [
    "BatchRejected",
    "ContextError",
    "Entity",
    "Keys",
    "Lexicon",
    "LexiconError",
    "Name",
    "NormaliseError",
    "Normalised",
    "Normaliser",
    "NotTextError",
    "RuleTableError",
    "TransliterationError",
    "UpdateReport",
    "__version__",
    "build_keys",
    "reset_caches",
    "rules_fingerprint",
]

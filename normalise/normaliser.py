"""The `Normaliser` facade: the one core object that the library, CLI and service share."""

from __future__ import annotations

from normalise.normalised import Normalised, normalise_name
from normalise.normalised import transliterate as _transliterate


class Normaliser:
    """Normalises, transliterates and (with a lexicon) resolves names.

    Example:
        >>> nz = Normaliser()
        >>> nz.normalise("Kafrzeita").keys.skeleton
        'KFRZT'
    """

    def normalise(self, name: str, lang: str | None = None) -> Normalised:
        """Return the cleaned, folded and romanised forms of `name` and its keys.

        Args:
            name: any text.
            lang: BCP 47 language when known (`tr` selects Turkish casing and conventions).

        Raises:
            NotTextError: `name` is not a `str`.
        """
        return normalise_name(name, lang)

    def transliterate(self, text: str, target: str = "Latn") -> str:
        """Romanise `text` to ASCII Latin with the project's rules (Arabic) or ICU (others).

        Raises:
            ValueError: an unsupported target.
        """
        return _transliterate(text, target)

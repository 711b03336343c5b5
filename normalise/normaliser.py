"""The `Normaliser` facade: the one core object that the library, CLI and service share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from normalise.errors import LexiconError
from normalise.match import CandidateRow, Match
from normalise.normalised import Normalised, normalise_name
from normalise.normalised import transliterate as _transliterate
from normalise.resolver import Resolver


class LexiconSource:
    """Adapts a `Lexicon` to the resolver's `CandidateSource` (lookups by key)."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon

    def candidates(
        self, keys: Sequence[str], *, country: str | None = None, limit: int = 2000
    ) -> list[CandidateRow]:
        """Return the names indexed under any of `keys`."""
        rows: list[CandidateRow] = self.lexicon.candidates(keys, country=country, limit=limit)
        return rows

    def not_same(self, folded: str) -> set[str]:
        """Return the IDs judged not to be the entity named `folded`."""
        ids: set[str] = self.lexicon.not_same(folded)
        return ids

    def display_names(self, entity_ids: Sequence[str]) -> dict[str, str]:
        """Return the canonical names of active entities."""
        names: dict[str, str] = self.lexicon.display_names(entity_ids)
        return names


class Normaliser:
    """Normalises, transliterates and resolves names against one lexicon.

    `Normaliser()` without a lexicon normalises and transliterates; `Normaliser.open()` opens
    the embedded default lexicon (built on first use) or a lexicon file, read-only, to resolve.

    Example:
        >>> nz = Normaliser()
        >>> nz.normalise("Kafrzeita").keys.skeleton
        'KFRZT'
    """

    def __init__(self, lexicon: Any | None = None) -> None:
        self.lexicon = lexicon
        self._resolver = None if lexicon is None else Resolver(LexiconSource(lexicon))

    @classmethod
    def open(cls, path: str | Path | None = None, *, progress: bool = True) -> Normaliser:
        """Open a lexicon read-only for resolving.

        Args:
            path: a lexicon made with `Lexicon.create`; None for the default lexicon, which is
                built from installed data (GeoNames cities500, CLDR, curated entities) on first
                use and cached in the user cache directory.
            progress: show a progress bar if the default lexicon must be built.

        Raises:
            LexiconError: the file does not exist or is not a lexicon.
        """
        from normalise.lexicon import Lexicon

        if path is None:
            from normalise.lexicon.build import ensure_default_lexicon

            path = ensure_default_lexicon(progress=progress)
        if not Path(path).is_file():
            raise LexiconError(f"no lexicon at {path}: create one with `normalise lexicon create`")
        return cls(Lexicon.open(path, readonly=True))

    def close(self) -> None:
        """Close the lexicon."""
        if self.lexicon is not None:
            self.lexicon.close()

    def __enter__(self) -> Normaliser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def resolver(self) -> Resolver:
        """The resolver over the open lexicon.

        Raises:
            LexiconError: no lexicon is open (use `Normaliser.open`).
        """
        if self._resolver is None:
            raise LexiconError("no lexicon open: use Normaliser.open() to resolve names")
        return self._resolver

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

    def resolve(
        self,
        name: str,
        *,
        country: str | None = None,
        admin1: str | None = None,
        kind: str | None = None,
        lang: str | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Return up to `limit` candidate entities for `name`, best first (see `Resolver`).

        Raises:
            LexiconError: no lexicon is open.
            NotTextError: `name` is not a `str`.
        """
        return self.resolver.resolve(
            name, country=country, admin1=admin1, kind=kind, lang=lang, limit=limit
        )

    def resolve_many(
        self, queries: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> list[list[Match]]:
        """Resolve names or dicts of `resolve` arguments (`{"name": ..., "country": ...}`).

        Returns one result list per query, in input order. Use `iter_resolve` to stream.
        """
        return list(self.resolver.resolve_many(queries, **defaults))

    def iter_resolve(
        self, queries: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> Iterator[list[Match]]:
        """Resolve queries lazily, in order, with constant memory."""
        return self.resolver.resolve_many(queries, **defaults)

    def get(self, entity_id: str) -> Any:
        """Return the entity with this ID (following merge redirects), or None.

        Raises:
            LexiconError: no lexicon is open.
        """
        if self.lexicon is None:
            raise LexiconError("no lexicon open: use Normaliser.open()")
        return self.lexicon.get(entity_id)

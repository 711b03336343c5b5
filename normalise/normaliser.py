"""The `Normaliser` facade: the one core object that the library, CLI and service share."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from normalise.errors import LexiconError
from normalise.match import CandidateRow, Match
from normalise.mtfallback import PIVOT, TranslationFallback
from normalise.normalised import Normalised, normalise_name
from normalise.normalised import transliterate as _transliterate
from normalise.resolver import Resolver
from normalise.translate import Translator


class LexiconSource:
    """Adapts a `Lexicon` to the resolver's `CandidateSource` (lookups by key)."""

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon

    def candidates(
        self,
        keys: Sequence[str],
        *,
        country: str | None = None,
        kind: str | None = None,
        limit: int = 2000,
    ) -> list[CandidateRow]:
        """Return the names indexed under any of `keys`."""
        rows: list[CandidateRow] = self.lexicon.candidates(
            keys, country=country, kind=kind, limit=limit
        )
        return rows

    def candidates_within(
        self, keys: Sequence[str], countries: Sequence[str], *, limit: int = 2000
    ) -> list[CandidateRow]:
        """Return the names indexed under any of `keys` of entities of `countries`."""
        rows: list[CandidateRow] = self.lexicon.candidates_within(keys, countries, limit=limit)
        return rows

    def not_same(self, folded: str) -> set[str]:
        """Return the IDs judged not to be the entity named `folded`."""
        ids: set[str] = self.lexicon.not_same(folded)
        return ids

    def display_names(self, entity_ids: Sequence[str]) -> dict[str, str]:
        """Return the canonical names of active entities."""
        names: dict[str, str] = self.lexicon.display_names(entity_ids)
        return names

    def names_by_skeleton(
        self, entity_ids: Sequence[str], skeletons: Sequence[str], *, arabic: bool | None = None
    ) -> list[CandidateRow]:
        """Return the names of these entities whose skeleton is among `skeletons`."""
        rows: list[CandidateRow] = self.lexicon.names_by_skeleton(
            entity_ids, skeletons, arabic=arabic
        )
        return rows

    def names_of(self, entity_ids: Sequence[str]) -> list[CandidateRow]:
        """Return every name of these entities."""
        rows: list[CandidateRow] = self.lexicon.names_of(entity_ids)
        return rows

    def names_headed(
        self, heads: Sequence[str], *, country: str, admin1: str
    ) -> list[CandidateRow]:
        """Return the names in `country` and `admin1` whose first word is one of `heads`."""
        rows: list[CandidateRow] = self.lexicon.names_headed(heads, country=country, admin1=admin1)
        return rows

    def division(self, entity_id: str) -> tuple[str | None, str | None] | None:
        """Return the country and admin1 code of an entity (None for an unknown ID)."""
        entity = self.lexicon.get(entity_id)
        return None if entity is None else (entity.country, entity.admin1)

    def country_words(self, country: str, lang: str) -> tuple[str, ...]:
        """Return the one-word names of a country in a language, demonyms too."""
        words: tuple[str, ...] = self.lexicon.country_words(country, lang)
        return words

    def surnames(self) -> frozenset[str]:
        """Return the folded last words of the people's Latin names (`barzani`)."""
        found: frozenset[str] = self.lexicon.surnames()
        return found

    def province(self, country: str, admin1: str) -> str | None:
        """Return the ID of the province of `country` with GeoNames admin1 code `admin1`."""
        found: str | None = self.lexicon.province(country, admin1)
        return found

    def largest_population(self, country: str, admin1: str) -> int:
        """Return the population of the most populous place of a division (0 for none)."""
        population: int = self.lexicon.largest_population(country, admin1)
        return population

    def divisions(self) -> dict[Hashable, object]:
        """Return the lexicon version's memo of what admin1 hints were read as."""
        memo: dict[Hashable, object] = self.lexicon.divisions()
        return memo

    def snapshot(self) -> AbstractContextManager[Any]:
        """Hold one read transaction, so one query's reads see one lexicon version."""
        snapshot: AbstractContextManager[Any] = self.lexicon.snapshot()
        return snapshot


class Normaliser:
    """Normalises, transliterates and resolves names against one lexicon.

    `Normaliser()` without a lexicon normalises and transliterates; `Normaliser.open()` opens
    the embedded default lexicon (built on first use) or a lexicon file, read-only, to resolve.

    Resolution falls back on offline machine translation (see `normalise.mtfallback`) when a
    query has no confident candidate and a model for its language is installed in
    `models_dir`; candidates found that way say `translated:ar→en` in `why` and are never a
    confident match. With no model installed resolution is unchanged.

    Args:
        lexicon: an open `Lexicon`, or None to only normalise and transliterate.
        models_dir: the translation models directory (default: `default_models_dir()`).
        translate: whether `resolve` uses the translation fallback unless told otherwise.

    Example:
        >>> nz = Normaliser()
        >>> nz.normalise("Kafrzeita").keys.skeleton
        'KFRZT'
    """

    def __init__(
        self, lexicon: Any | None = None, *, models_dir: Path | None = None, translate: bool = True
    ) -> None:
        self.lexicon = lexicon
        self._resolver = None if lexicon is None else Resolver(LexiconSource(lexicon))
        self.translator = Translator(models_dir)
        self.translate = translate
        self._fallback = TranslationFallback(self.translator)

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        progress: bool = True,
        models_dir: Path | None = None,
        translate: bool = True,
    ) -> Normaliser:
        """Open a lexicon read-only for resolving.

        Args:
            path: a lexicon made with `Lexicon.create`; None for the default lexicon, which is
                built from installed data (GeoNames cities500, CLDR, curated entities) on first
                use and cached in the user cache directory.
            progress: show a progress bar if the default lexicon must be built.
            models_dir: the translation models directory (default: `default_models_dir()`).
            translate: whether `resolve` falls back on machine translation by default.

        Raises:
            LexiconError: the file does not exist or is not a lexicon.
        """
        from normalise.lexicon import Lexicon

        if path is None:
            from normalise.lexicon.build import ensure_default_lexicon

            path = ensure_default_lexicon(progress=progress)
        if not Path(path).is_file():
            raise LexiconError(f"no lexicon at {path}: create one with `normalise lexicon create`")
        return cls(Lexicon.open(path, readonly=True), models_dir=models_dir, translate=translate)

    def close(self) -> None:
        """Close the lexicon."""
        if self.lexicon is not None:
            self.lexicon.close()

    def __enter__(self) -> Normaliser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def reads_letter_case(self) -> bool:
        """Whether `resolve` may answer a Latin-script name outside Turkey otherwise in
        another letter case (`DAMASCUS`, `damascus`). Keys fold case, and only Turkish casing
        (dotted and dotless i) and initials' capitals (`SAA`, `suffixes.query_capitals`) read
        it, which the batch cache keeps apart; machine translation from English may read any,
        so this is True when the translation fallback is on and a model from English is
        installed."""
        if not self.translate:
            return False
        return any(source == PIVOT for source, _ in self.translator.available_pairs())

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
        translate: bool | None = None,
    ) -> list[Match]:
        """Return up to `limit` candidate entities for `name`, best first (see `Resolver`).

        When no candidate is confident and `translate` allows it, the name's translations by
        the installed models are resolved too and their candidates merged in (never as a
        confident match; `why` names the language pair: `translated:ar→en`).

        Args:
            name: the name as the source spelled it.
            country: ISO alpha-2 of the country the source places it in.
            admin1: the first-level division when known: a GeoNames admin1 code (`10`), an
                ISO 3166-2 code (`SY-HM`) or a province's name (`Hama`, `Nineveh`).
            kind: the expected kind (place, organisation, person ...).
            lang: BCP 47 language of the name (`tr` selects Turkish conventions; also the
                language translated from).
            limit: how many candidates to return.
            translate: use the translation fallback; None for this normaliser's default.

        Raises:
            LexiconError: no lexicon is open.
            NotTextError: `name` is not a `str`.
            ContextError: `country`, `admin1` or `kind` is not a value it can be (see
                `Resolver.resolve`).
        """
        matches = self.resolver.resolve(
            name, country=country, admin1=admin1, kind=kind, lang=lang, limit=limit
        )
        if not (self.translate if translate is None else translate):
            return matches

        def resolve_text(text: str, text_lang: str) -> list[Match]:
            return self.resolver.resolve(
                text, country=country, admin1=admin1, kind=kind, lang=text_lang, limit=limit
            )

        return self._fallback.extend(
            matches, name, resolve_text, lang=lang, country=country, limit=limit
        )

    def resolve_many(
        self, queries: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> list[list[Match]]:
        """Resolve names or dicts of `resolve` arguments (`{"name": ..., "country": ...}`).

        Returns one result list per query, in input order. Use `iter_resolve` to stream.
        """
        return list(self.iter_resolve(queries, **defaults))

    def iter_resolve(
        self, queries: Iterable[str | Mapping[str, Any]], **defaults: Any
    ) -> Iterator[list[Match]]:
        """Resolve queries lazily, in order, with constant memory."""
        for query in queries:
            if isinstance(query, str):
                yield self.resolve(query, **defaults)
            else:
                args = {**defaults, **dict(query)}
                yield self.resolve(args.pop("name"), **args)

    def get(self, entity_id: str) -> Any:
        """Return the entity with this ID (following merge redirects), or None.

        Raises:
            LexiconError: no lexicon is open.
        """
        if self.lexicon is None:
            raise LexiconError("no lexicon open: use Normaliser.open()")
        return self.lexicon.get(entity_id)

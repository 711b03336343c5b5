"""Request and response models of the HTTP API (`…Request` / `…Response`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

Kind = Literal["country", "region", "place", "organisation", "person", "other"]


def _no_surrogates(value: str) -> str:
    """Refuse text holding lone UTF-16 surrogates (not Unicode text)."""
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise ValueError("text holds a lone surrogate code point")
    return value


Text = Annotated[str, AfterValidator(_no_surrogates)]
ShortText = Annotated[str, Field(max_length=64), AfterValidator(_no_surrogates)]


class ResolveQuery(BaseModel):
    """One name with the context known about it."""

    model_config = ConfigDict(extra="forbid")

    name: Text = Field(description="The name as the source wrote it.", examples=["Kafrzeita"])
    country: ShortText | None = Field(
        default=None,
        description=(
            "ISO alpha-2 country the source places the name in. A name spelled as another"
            " country's place, with no good candidate in this one, finds that place (never a"
            " confident match); a country, an organisation or a person is named in reports"
            " on any country."
        ),
        examples=["SY"],
    )
    admin1: ShortText | None = Field(
        default=None,
        description="First-level division: a GeoNames admin1 code (10), an ISO 3166-2 code "
        "(SY-HM) or a province's name (Hama).",
    )
    kind: Kind | None = Field(default=None, description="Expected kind of entity.")
    lang: ShortText | None = Field(default=None, description="BCP 47 language of the name.")
    limit: int | None = Field(default=None, ge=1, le=1000, description="Overrides `limit`.")


class ResolveRequest(BaseModel):
    """A batch of queries; results come back in the same order."""

    model_config = ConfigDict(extra="forbid")

    queries: list[ResolveQuery] = Field(description="The queries (at most `max_names`).")
    limit: int = Field(default=5, ge=1, le=1000, description="Candidates per query.")
    translate: bool = Field(
        default=False,
        description="Machine-translate queries with no confident candidate when a model for"
        " their language is installed (see `/version`); candidates found that way carry"
        " `translated:ar→en` in `why` and are never a confident match.",
    )


class MatchModel(BaseModel):
    """One candidate entity for a name."""

    id: str
    name: str
    kind: str
    country: str | None
    score: float = Field(description="0..1")
    match: bool = Field(description="A confident match (at most one per result).")
    why: list[str] = Field(description="Keys, rules and context that produced the candidate.")
    matched_name: str = Field(description="The lexicon name the query matched best.")
    confidence: float = Field(
        description="The decision model's probability that the first candidate is right, 0..1"
        " (0 on the others): `match` is true from the cut calibrated for 99% precision; a"
        " client that prefers recall may use a lower cut of its own."
    )


class ResolveResponse(BaseModel):
    """One list of candidates per query, in query order, all from one lexicon version."""

    results: list[list[MatchModel]]
    lexicon_version: int


class NormaliseRequest(BaseModel):
    """Names to normalise."""

    model_config = ConfigDict(extra="forbid")

    names: list[Text] = Field(examples=[["Kafrzeita", "كفر زيتا"]])
    lang: ShortText | None = Field(default=None, description="BCP 47 language of the names.")


class NormaliseResponse(BaseModel):
    """Cleaned, folded and romanised forms and keys, one per name."""

    results: list[dict[str, Any]]


class TransliterateRequest(BaseModel):
    """Text to romanise."""

    model_config = ConfigDict(extra="forbid")

    text: Text = Field(examples=["جسر الشغور"])
    target: ShortText = Field(default="Latn", description="Target script (Latn).")


class TransliterateResponse(BaseModel):
    """The romanised text."""

    text: str
    target: str
    result: str


class EntityResponse(BaseModel):
    """An entity; `redirected_from` is set when the id asked for was merged into it."""

    entity: dict[str, Any]
    status: str
    redirected_from: str | None
    lexicon_version: int


class BatchRequest(BaseModel):
    """A batch of lexicon ops as JSON (JSON lines are accepted too, see the route)."""

    model_config = ConfigDict(extra="forbid")

    ops: list[dict[str, Any]]
    dry_run: bool = False
    batch_id: str | None = Field(default=None, max_length=200)


class UpdateReportModel(BaseModel):
    """What a batch did (see `normalise.lexicon.UpdateReport`)."""

    batch_id: str
    version: int
    applied: bool
    dry_run: bool
    counts: dict[str, int]
    warnings: list[str]
    replayed: bool


class BatchRecord(BaseModel):
    """The audit record of an applied batch."""

    batch_id: str
    applied_at: str
    actor: str | None
    version: int
    counts: dict[str, int]


class HealthResponse(BaseModel):
    """Liveness."""

    status: str


class ReadyResponse(BaseModel):
    """Readiness: the lexicon is open and keyed with the running rules."""

    ready: bool
    detail: str
    lexicon_version: int | None


class ModelModel(BaseModel):
    """One installed translation model."""

    name: str = Field(description="The package folder name.")
    from_: str = Field(alias="from", description="Language translated from (ISO 639-1).")
    to: str = Field(description="Language translated into.")
    version: str = Field(description="The package version.")


class VersionResponse(BaseModel):
    """Versions of the code, the rules and the lexicon; the installed translation models."""

    version: str
    rules_fingerprint: str
    lexicon_version: int
    models: list[ModelModel] = Field(description="Translation models `translate` can use.")

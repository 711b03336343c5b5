"""Service settings: the only place that reads the environment (prefix `NORMALISE_`).

Tokens are hashed (sha256) as soon as the settings are built; the plain text is not kept.

    NORMALISE_LEXICON=/data/my.lexicon
    NORMALISE_MODELS_DIR=/data/models             # offline translation models (optional)
    NORMALISE_WRITE_TOKENS='["s3cret"]'          # or NORMALISE_WRITE_TOKEN_SHA256='["<hex>"]'
    NORMALISE_READ_TOKENS='["r3ad"]'  NORMALISE_REQUIRE_READ_TOKEN=true
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def token_hash(token: str) -> str:
    """Return the sha256 hex digest under which a bearer token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Settings(BaseSettings):
    """Typed settings of the HTTP service."""

    model_config = SettingsConfigDict(env_prefix="NORMALISE_", extra="ignore", frozen=False)

    lexicon: Path | None = Field(
        default=None, description="Lexicon file; None opens the embedded default lexicon."
    )
    models_dir: Path | None = Field(
        default=None,
        description="Translation models directory (`normalise models install --models-dir`);"
        " None: the cache directory's models/.",
    )
    write_tokens: list[SecretStr] = Field(
        default_factory=list, description="Bearer tokens with the write scope (plain; hashed)."
    )
    read_tokens: list[SecretStr] = Field(
        default_factory=list, description="Bearer tokens with the read scope (plain; hashed)."
    )
    write_token_sha256: list[str] = Field(
        default_factory=list, description="sha256 hex digests of write tokens."
    )
    read_token_sha256: list[str] = Field(
        default_factory=list, description="sha256 hex digests of read tokens."
    )
    require_read_token: bool = Field(
        default=False, description="Reads need a read (or write) token when true."
    )
    max_names: int = Field(default=1000, ge=1, description="Names or queries per request.")
    max_name_length: int = Field(default=512, ge=1, description="Characters per name.")
    max_text_length: int = Field(default=4096, ge=1, description="Characters to transliterate.")
    max_body_bytes: int = Field(default=16_000_000, ge=1024, description="Request body size.")
    max_batch_ops: int = Field(default=50_000, ge=1, description="Ops per lexicon batch.")
    max_limit: int = Field(default=50, ge=1, description="Candidates per query.")
    cache_size: int = Field(default=65_536, ge=0, description="Cached resolutions per version.")
    cors_origins: list[str] = Field(default_factory=lambda: ["*"], description="CORS origins.")
    public_url: str | None = Field(
        default=None, description="Base URL in reconciliation manifests (default: request's)."
    )
    reconcile_batch_size: int = Field(default=10, ge=1, description="batchSize in the manifest.")

    @model_validator(mode="after")
    def _hash_tokens(self) -> Settings:
        """Move plain tokens into the hash lists and forget the plain text."""
        self.write_token_sha256 = [
            *(h.lower() for h in self.write_token_sha256),
            *(token_hash(t.get_secret_value()) for t in self.write_tokens),
        ]
        self.read_token_sha256 = [
            *(h.lower() for h in self.read_token_sha256),
            *(token_hash(t.get_secret_value()) for t in self.read_tokens),
        ]
        self.write_tokens = []
        self.read_tokens = []
        return self

    def public(self) -> dict[str, Any]:
        """Return the settings safe to show (no token hashes)."""
        return self.model_dump(
            exclude={"write_tokens", "read_tokens", "write_token_sha256", "read_token_sha256"},
            mode="json",
        )

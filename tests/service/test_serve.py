"""`normalise serve`, and the escaping of invisible characters in logs."""

from __future__ import annotations

import logging
import subprocess
import sys

from click.testing import CliRunner

from normalise.cli import cli
from service.escape import EscapeLogFilter, dumps, escape_text


def test_serve_is_listed_and_documented() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--lexicon", "--workers", "--access-log"):
        assert option in result.output
    assert "serve" in CliRunner().invoke(cli, ["--help"]).output


def test_cli_does_not_import_fastapi() -> None:
    code = "import sys, normalise.cli; sys.exit('fastapi' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_log_records_and_json_never_carry_raw_invisibles() -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               "GET %s", ("/x\u202ey\u200b",), None)
    EscapeLogFilter().filter(record)
    assert record.getMessage() == "GET /x<U+202E>y<U+200B>"
    assert escape_text("a\u2066b") == "a<U+2066>b"
    raw = dumps({"t": "\u200f\U000e0041\ufeff"}).decode()
    assert raw == '{"t":"\\u200f\\udb40\\udc41\\ufeff"}'


def test_settings_from_environment_keep_only_token_hashes(monkeypatch: object) -> None:
    import hashlib

    import pytest

    from service.settings import Settings

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setenv("NORMALISE_WRITE_TOKENS", '["s3cret"]')
    monkeypatch.setenv("NORMALISE_MAX_NAMES", "7")
    settings = Settings()
    assert settings.max_names == 7
    assert settings.write_token_sha256 == [hashlib.sha256(b"s3cret").hexdigest()]
    assert settings.write_tokens == []
    assert "s3cret" not in repr(settings) and "s3cret" not in str(settings.public())

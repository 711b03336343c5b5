import json

from click.testing import CliRunner

from normalise.cli import cli


def test_normalise_command_prints_keys_as_json() -> None:
    result = CliRunner().invoke(cli, ["normalise", "Kafrzeita", "كفر زيتا", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["keys"]["skeleton"] for d in data] == ["KFRZT", "KFRZT"]
    assert data[1]["scripts"] == ["Arabic"]


def test_transliterate_command() -> None:
    result = CliRunner().invoke(cli, ["transliterate", "جسر الشغور"])
    assert result.exit_code == 0
    assert result.output.strip() == "jsr al-shghur"


def test_rules_check_reports_fingerprint() -> None:
    result = CliRunner().invoke(cli, ["rules", "check", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["fingerprint"]) == 16


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for args in (
        ["--help"],
        ["normalise", "--help"],
        ["transliterate", "--help"],
        ["rules", "check", "--help"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0
        assert "Example" in result.output or args == ["--help"]

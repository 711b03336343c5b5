import pytest

from normalise.scripts import char_script, detect_scripts


@pytest.mark.parametrize(
    ("text", "scripts", "mixed"),
    [
        ("Kafr Zita", ("Latin",), False),
        ("كفر زيتا", ("Arabic",), False),
        ("Tell حلب", ("Latin", "Arabic"), True),
        ("İstanbul", ("Latin",), False),
        ("ضلع فتھیے", ("Arabic",), False),  # Urdu letters are Arabic script
        ("Суран", ("Cyrillic",), False),
        ("123 - 4", (), False),
    ],
)
def test_detect_scripts(text: str, scripts: tuple[str, ...], mixed: bool) -> None:
    info = detect_scripts(text)
    assert info.scripts == scripts
    assert info.mixed is mixed


def test_char_script_common_and_inherited() -> None:
    assert char_script("ی") == "Arabic"
    assert char_script("ı") == "Latin"
    assert char_script("،") == "Common"
    assert char_script("\u0301") == "Inherited"

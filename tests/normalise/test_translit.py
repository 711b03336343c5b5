import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.normaliser import Normaliser
from normalise.translit import romanise


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("كفر زيتا", "kfr zita"),
        ("صوران", "suran"),
        ("طيبة الامام", "tibat al-amam"),  # ة in construct, article
        ("جسر الشغور", "jsr al-shghur"),
        ("خان شيخون", "khan shikhun"),
        ("قلعة المضيق", "ql'at al-mdiq"),  # ع as an apostrophe
        ("سعيد", "s'id"),
        ("وادي", "wadi"),
    ],
)
def test_romanise_arabic_with_project_rules(arabic: str, latin: str) -> None:
    assert romanise(arabic) == latin


def test_transliterate_other_scripts_is_ascii() -> None:
    nz = Normaliser()
    assert nz.transliterate("Кафр Зита") == "Kafr Zita"
    assert nz.transliterate("Türkiye") == "Turkiye"
    assert nz.transliterate("北京").isascii()


def test_transliterate_rejects_unknown_target() -> None:
    with pytest.raises(ValueError, match="unsupported target"):
        Normaliser().transliterate("حلب", target="Cyrl")


@given(st.text())
def test_transliterate_output_is_ascii(text: str) -> None:
    assert Normaliser().transliterate(text).isascii()

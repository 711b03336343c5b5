"""Ottoman adjectives ending an old Turkish place name (`normalise.ottoman`)."""

from __future__ import annotations

import pytest

from normalise.ottoman import ottoman_readings


@pytest.mark.parametrize(
    ("name", "first", "modern"),
    [
        ("Kızılcaikebir", "kizilca", "buyuk kizilca"),  # glued after the izafet i
        ("Kızılca-i Kebir", "kizilca", "buyuk kizilca"),
        ("Boyalık Kebir", "boyalik", "buyuk boyalik"),  # a word of its own
        ("Çallısağir", "call", "kucuk call"),  # glued without the izafet (Çallı as written too)
        ("Babaiatik", "baba", "eski baba"),
        ("Lofça-i Cedid", "lofca", "yeni lofca"),
        ("Salatiulya", "salat", "yukari salat"),
    ],
)
def test_an_ottoman_adjective_is_read_off_and_as_its_turkish_word(
    name: str, first: str, modern: str
) -> None:
    found = ottoman_readings(name, "tr")
    assert [text for text, _ in found][:2] == [first, modern]
    assert all(reason.startswith("ottoman:") for _, reason in found)


def test_the_stem_is_also_read_as_written_and_the_turkish_word_after_it() -> None:
    texts = [text for text, _ in ottoman_readings("Çallısağir")]
    assert "calli" in texts  # Çallı + sağir, no izafet
    assert "babaeski" in [text for text, _ in ottoman_readings("Babaiatik", "tr")]


@pytest.mark.parametrize(
    ("name", "lang"),
    [
        ("Tell el Kebir", "tr"),  # an Arabic name's adjective after its article
        ("Shihanas Sufla", None),  # not read as Turkish: Arabic writes its adjectives so
        ("Hathatik", "tr"),  # a word's own ending: a short adjective needs the izafet
        ("Kabala", "tr"),
        ("Kebir", "tr"),  # nothing before it
        ("Yuvaikebir", None),  # no Turkish letters, no Turkish language
    ],
)
def test_other_names_have_no_ottoman_reading(name: str, lang: str | None) -> None:
    assert ottoman_readings(name, lang) == []

"""The foundation issue's hard cases: spellings of one entity (Latin, Turkish-press and
Arabic-script) that must share a skeleton (`normalise/test_keys.py`) and resolve to that
entity first against the default lexicon (`resolve/test_hard_cases.py`)."""

from __future__ import annotations

REQUIRED_GROUPS = [
    ["Kafrzeita", "Kafr Zita", "Kafer Zaita", "Kfar Zita", "كفر زيتا"],
    ["Sooran", "Suran", "Sawran", "Sourane", "صوران"],
    ["Taybetul-Imam", "Taybat al-Imam", "Tayyibat al Imam", "طيبة الإمام"],
    ["Hilfeyeh", "Halfaya", "Helfaya", "حلفايا"],
    ["Kirnez", "Karnaz", "Kurnaz", "كرناز"],
    ["Türkiye", "Turkiye", "TÜRKİYE"],
    ["Jisr ash-Shughur", "Djisr el Choghour", "جسر الشغور", "Cisr eş-Şuğur"],
    ["Khan Shaykhun", "Khan Sheikhoun", "خان شيخون"],
    ["Deir ez-Zor", "Dayr az Zawr", "دير الزور"],
    ["Qalaat al-Madiq", "Qal'at al-Mudiq", "قلعة المضيق"],
]

# The entity of each group, by its first spelling, and the country hint a source gives.
ENTITIES = {
    "Kafrzeita": ("geonames:168620", "SY"),  # Kafr Zita, Hama
    "Sooran": ("geonames:163915", "SY"),  # Suran, Hama (not Şūrān in Aleppo, a village)
    "Taybetul-Imam": ("geonames:163270", "SY"),  # Taybat al-Imam, Hama
    "Hilfeyeh": ("geonames:170044", "SY"),  # Halfaya, Hama
    "Kirnez": ("geonames:167739", "SY"),  # Karnaz (GeoNames Kurnāz), Hama
    "Türkiye": ("iso3166:TR", None),  # the country; no hint
    "Jisr ash-Shughur": ("geonames:169023", "SY"),  # Idlib
    "Khan Shaykhun": ("geonames:168325", "SY"),  # Idlib
    "Deir ez-Zor": ("geonames:170794", "SY"),  # the city
    "Qalaat al-Madiq": ("geonames:166227", "SY"),  # Hama
}

"""Query readings and the scorer's features, weights and decision model."""

from __future__ import annotations

import math

import pytest

from normalise.confidence import CONFIDENCE_FEATURES, FLOOR, confidence_features
from normalise.fallback import slash_readings
from normalise.features import FEATURES, features
from normalise.glossary import without_village
from normalise.keys import build_keys
from normalise.match import CandidateRow
from normalise.matres import letter_by_letter
from normalise.query import Context, query_context
from normalise.reading import is_bare
from normalise.score import combine, confidence_weights, use_weights, weights
from normalise.variants import readings


def reasons(name: str, lang: str | None = None) -> dict[str, str]:
    return {r.reason or "": r.skeleton for r in readings(name, lang)}


def row(
    text: str, skeleton: str, phonetic: str, tokens: str, population: int | None
) -> CandidateRow:
    return CandidateRow(
        "geonames:1", "place", "SY", "10", population, text, None, "canonical",
        phonetic, skeleton, phonetic, tokens, f"s:{skeleton}",
    )  # fmt: skip


def test_glued_article_is_cut_from_any_word() -> None:
    assert reasons("Abasan alkabir")["article:al"] == "BSNKBR"
    assert reasons("Alzeqa")["article:al"] == "ZK"


def test_glued_article_combines_with_an_alternate_letter() -> None:
    # aldalyt = الدالية letter by letter: article glued, final t for ta marbuta
    assert reasons("aldalyt")["article:al;rule:en:t→'"] == "DL"


def test_village_word_is_dropped_as_a_reading() -> None:
    assert without_village("Apa Köyü", "tr") == "apa"
    assert without_village("Yenice Village") == "yenice"
    assert without_village("Köy") is None  # nothing would remain
    assert without_village("Kafr Zita") is None
    assert "generic:village" in reasons("Apa Köyü", "tr")


@pytest.mark.parametrize(
    ("name", "bare"),
    [("alsalhyt aljdydt", True), ("mylh", True), ("tl tmr", True), ("Kafr Zita", False),
     ("Ar Rayyan", False), ("Shaykh Miskin", False)],
)  # fmt: skip
def test_unvowelled_transliterations_are_recognised(name: str, bare: bool) -> None:
    assert is_bare(readings(name)[0].phonetic) is bare


def test_arabic_names_are_spelled_letter_by_letter() -> None:
    assert letter_by_letter("الدالية") == "aldalyt"
    assert letter_by_letter("الصالحية الجديدة") == "alsalhytaljdydt"
    assert letter_by_letter("دمشق") == "dmshq"


def test_features_follow_the_feature_list() -> None:
    reading = readings("Kafr Zita")[0]
    values = features(reading, row("Kafr Zaytā", "KFRZT", "kafr zayta", "ZT", 21845), False,
                      True, Context("SY"))  # fmt: skip
    named = dict(zip(FEATURES, values, strict=True))
    assert named["skeleton_equal"] == 1.0
    assert named["country"] == 1.0
    assert named["no_population"] == 0.0
    assert named["token_overlap"] == 1.0
    unknown = features(reading, row("Kafr Zaytā", "KFRZT", "kafr zayta", "ZT", None), False,
                       True, Context())  # fmt: skip
    assert dict(zip(FEATURES, unknown, strict=True))["no_population"] == 1.0


def test_bare_query_is_compared_letter_by_letter_with_arabic_names() -> None:
    reading = readings("aldalyt")[0]
    arabic = row("الدالية", "DL", "daliya", "DL", 0)
    latin = row("Ad Dālīyah", "DL", "daliyah", "DL", 0)
    by_name = dict(zip(FEATURES, features(reading, arabic, True, True, Context()), strict=True))
    assert by_name["bare_letters"] == 1.0
    same_script = features(reading, latin, False, True, Context())
    assert dict(zip(FEATURES, same_script, strict=True))["bare_letters"] == 0.0


def test_combine_is_the_logistic_of_the_weighted_sum() -> None:
    values = [0.5] * len(FEATURES)
    z = sum(w * v for w, v in zip(weights(), values, strict=True))
    assert combine(values) == pytest.approx(1 / (1 + math.exp(-max(-30, min(30, z)))))


def test_a_lone_weak_candidate_gains_no_lead() -> None:
    top_features = [0.0] * len(FEATURES)
    lone = dict(zip(CONFIDENCE_FEATURES, confidence_features([0.4], top_features, True),
                    strict=True))  # fmt: skip
    floor = math.log(0.4 / 0.6) - math.log(FLOOR / (1 - FLOOR))
    assert lone["lead_log_odds"] == pytest.approx(floor)
    assert lone["lone"] == 1.0
    strong = confidence_features([0.99], top_features, True)
    assert strong[CONFIDENCE_FEATURES.index("lead_log_odds")] > lone["lead_log_odds"]


def test_candidates_counts_only_plausible_rivals() -> None:
    # the lookup's far namesakes (below `PLAUSIBLE`) are no rivals; the top always counts
    top_features = [0.0] * len(FEATURES)
    count = CONFIDENCE_FEATURES.index("candidates")
    crowded = confidence_features([0.97, 0.03] + [0.002] * 15, top_features, True)
    plain = confidence_features([0.97, 0.03], top_features, True)
    assert crowded[count] == plain[count] == pytest.approx(math.log10(3))
    assert crowded[CONFIDENCE_FEATURES.index("lone")] == 0.0
    weak = confidence_features([0.005, 0.004], top_features, True)
    assert weak[count] == pytest.approx(math.log10(2))


def test_weights_can_be_replaced_in_memory() -> None:
    table = {f: 0.0 for f in FEATURES}
    table |= {f"confidence.{f}": 0.0 for f in CONFIDENCE_FEATURES}
    table["confidence.threshold"] = 0.5
    try:
        use_weights(table)
        assert combine([1.0] * len(FEATURES)) == 0.5
        assert confidence_weights()[1] == 0.5
        with pytest.raises(ValueError, match="missing weights"):
            use_weights({"bias": 1.0})
    finally:
        use_weights(None)
    assert confidence_weights()[1] != 0.5


def test_letter_by_letter_query_is_an_exact_transliteration() -> None:
    # `aldalyt` is الدالية letter for letter: its own skeleton (LDLT, article glued) does not
    # matter, the comparison is as if the spellings were equal
    reading = readings("aldalyt")[0]
    arabic = CandidateRow(
        "geonames:1", "place", "SY", "02", None, "الدالية", "ar", "variant",
        "aldalyt", "DL", "dalia", "DL", "f:aldalyt",
    )  # fmt: skip
    values = dict(zip(FEATURES, features(reading, arabic, True, True, Context("SY")), strict=True))
    assert values["letters_equal"] == 1.0
    assert values["skeleton_equal"] == 1.0 and values["skeleton"] == 1.0


def test_vowel_colour_and_q_for_k_are_cheap_in_vowel_indel() -> None:
    reading = readings("Serakib")[0]
    values = features(reading, row("Saraqib", "SRKB", "saraqib", "SRKB", 0), False, True, Context())
    named = dict(zip(FEATURES, values, strict=True))
    assert named["vowel_indel"] == 1.0
    assert named["spelling_indel"] < 1.0  # the spellings themselves still differ
    hama = features(readings("Hama")[0], row("Homs", "HMS", "homs", "HMS", 0), False, True,
                    Context())  # fmt: skip
    assert dict(zip(FEATURES, hama, strict=True))["vowel_indel"] < 1.0


def test_a_generic_head_glued_to_the_name_is_split_off() -> None:
    from normalise.glue import unglue_head
    from normalise.tokens import Word

    split = unglue_head([Word("telabyad", False, False)])
    assert split is not None
    assert [w.text for w in split[0]] == ["tel", "abyad"] and split[1] == "tall"
    assert unglue_head([Word("tel", False, False)]) is None  # a head alone
    assert unglue_head([Word("umayyad", False, False)]) is None  # um is too short to cut
    found = {r.reason: r.phonetic for r in readings("Telabyad")}
    assert found["head:tall"] == "tall abyad"  # the same skeleton, another spelling


def test_arabic_letters_are_also_read_as_persian_and_turkish_say_them() -> None:
    from normalise.variants import persian_reading

    assert persian_reading("عثمانیه") == ("عسمانیه", ("ث→س",))
    assert persian_reading("رمضان") == ("رمزان", ("ض→ز",))
    assert persian_reading("حماة") is None
    found = {r.reason: r.skeleton for r in readings("عثمانیه")}
    assert found["rule:fa:ث→س"] == "SMN"  # Osmaniye's skeleton, not TMN


@pytest.mark.parametrize("kind", ["organisation", "person"])
def test_an_actor_counts_as_a_city_of_a_million_and_its_article_is_no_clue(kind: str) -> None:
    actor = row("Assad", "SD", "asad", "SD", None)._replace(kind=kind)
    village = row("Asad", "SD", "asad", "SD", None)
    query = readings("al-Assad")[0]
    context = Context(article=True)
    named = dict(zip(FEATURES, features(query, actor, False, True, context), strict=True))
    assert (named["population"], named["no_population"], named["article_agree"]) == (1, 0, 0)
    placed = dict(zip(FEATURES, features(query, village, False, True, context), strict=True))
    assert (placed["population"], placed["no_population"], placed["article_agree"]) == (0, 1, -1)


def test_a_province_counts_as_a_city_of_a_million_but_its_article_still_counts() -> None:
    province = row("Al Anbar", "NBR", "al anbar", "NBR", None)._replace(kind="region")
    village = row("Ambar", "NBR", "ambar", "NBR", None)
    query = readings("Anbar")[0]
    context = Context(article=False)
    named = dict(zip(FEATURES, features(query, province, False, True, context), strict=True))
    assert (named["population"], named["no_population"], named["article_agree"]) == (1, 0, -1)
    placed = dict(zip(FEATURES, features(query, village, False, True, context), strict=True))
    assert (placed["population"], placed["no_population"]) == (0, 1)


def test_names_a_slash_joins_are_read_apart() -> None:
    parts = slash_readings("PKK/YPG")
    assert [(r.folded, r.reason) for r in parts] == [("pkk", "part:1"), ("ypg", "part:2")]
    assert slash_readings("Hama") == [] and slash_readings("Hama/ ") == []


@pytest.mark.parametrize(
    ("query", "name", "folded", "written"),
    [
        # the query is the name written as one word (a Kurdish and a Turkish press habit)
        ("Serêkaniyê", "Serê Kaniyê", "sere kaniye", True),
        ("Kafrnabl", "Kafr Nabl", "kafr nabl", True),
        # letters differ too: not as written
        ("Kafrnabel", "Kafr Nabl", "kafr nabl", False),
        # a name of one word is found as written by its own keys only
        ("Kafrnabl", "Kafrnabil", "kafrnabil", False),
        # the article spelled another way, or an ayn the fold made a word break
        ("El Bab", "Al Bab", "al bab", True),
        ("Ash-Shaykh Maqsud", "Al Shaykh Maqsud", "al shaykh maqsud", True),
        ("Qal`at Sukkar", "Qalat Sukkar", "qalat sukkar", True),
        # a generic head spelled another way (heads.tsv), the rest as written
        ("Tel Abyad", "Tall Abyad", "tall abyad", True),
        ("Deir Hafir", "Dayr Hafir", "dayr hafir", True),
        ("Deir Hafer", "Dayr Hafir", "dayr hafir", False),
        # an article left out is another writing
        ("Bab", "Al Bab", "al bab", False),
        # across scripts a folded name is a romanisation (الباب, al bab), not its writing
        ("Al Bab", "الباب", "al bab", False),
    ],
)
def test_a_name_written_with_other_word_breaks_article_or_head_is_found_as_written(
    query: str, name: str, folded: str, written: bool
) -> None:
    # found by the skeleton key, not the folded one: counted as written when only the word
    # breaks, the article's or a generic head's spelling differ (Serêkaniyê for Serê Kaniyê,
    # Ras al-Ayn, was unsure at 0.95)
    reading = readings(query)[0]
    candidate = CandidateRow(
        "geonames:1", "place", "SY", "08", None, name, None, "variant",
        folded, "SRKN", folded, "SRKN", "s:SRKN",
    )  # fmt: skip
    context = query_context(query, build_keys(query), Context("SY"))
    values = dict(zip(FEATURES, features(reading, candidate, False, True, context), strict=True))
    assert values["exact"] == (1.0 if written else 0.0)

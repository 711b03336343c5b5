"""The candidate model's features: one reading of a query against one candidate name.

Spellings of one Arabic name differ in vowels, conventions and the article, which the keys
have already folded away; what is left to compare is the consonant skeleton (cheap for vowel
colour, doubled letters, ta marbuta; expensive for a real consonant change) and the canonical
spelling with its vowels (which separates Hama from Homs). Across scripts only the skeleton is
reliable, since Arabic leaves short vowels unwritten.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from rapidfuzz.distance import Indel, JaroWinkler, Levenshtein

from normalise.description import without_article
from normalise.forms import has_article, matched_stem, query_letters, row_forms, written_forms
from normalise.match import ACTOR_KINDS, NAMED_ANYWHERE, PROMINENT_POPULATION, CandidateRow
from normalise.matres import arabic_spelling, is_arabic_text, letter_by_letter
from normalise.query import Context
from normalise.reading import Reading
from normalise.rules import letter_table

FEATURES: tuple[str, ...] = (
    "bias",
    "skeleton",  # normalised Levenshtein similarity of the skeletons
    "spelling_jw",  # Jaro-Winkler of the canonical spellings (vowels kept)
    "spelling_indel",  # Indel similarity of the canonical spellings
    "cross_script",  # one side Arabic script, the other not
    "cross_skeleton",  # cross_script * skeleton
    "cross_spelling",  # cross_script * spelling_jw
    "exact",  # found by the exact or folded key with the query's own reading (the folded key of
    # a query with Turkish ş or ğ only for a name that writes them), or a Latin name written but
    # for its word breaks, article or heads (`Serêkaniyê`, `El Bab`, `Tel Abyad`)
    "skeleton_equal",
    "variant",  # the reading needed an alternate rule, a glossary term or a glued article
    "token_only",  # found by a token key only
    "first_class",  # skeletons start with the same class
    "length_ratio",  # shorter skeleton length / longer
    "population",  # log10(population + 1) / 6, at most 1
    "canonical",  # the matched name is the entity's canonical name
    "country",  # +1 same country as the hint, -1 other, 0 no hint (`WITHIN_COUNTRY` without
    # one, for a country the query's writing points to)
    "admin1",  # +1 same admin1 as the hint, -1 other, 0 no hint or unknown
    "kind",  # -1 when the hint names another kind
    "spelling_equal",  # the canonical spellings are equal (word breaks aside)
    "no_population",  # the entity has no population figure (GeoNames: mostly seats)
    "bare",  # the query is an unvowelled transliteration (alsalhyt, mylh)
    "bare_consonant",  # bare query: Indel similarity of the spellings without vowel letters
    "token_overlap",  # shared token skeletons / tokens of the longer side
    "query_length",  # the reading's skeleton length / 8, at most 1 (short names are ambiguous)
    "bare_letters",  # bare query vs an Arabic-script name: Indel similarity of the query's
    # letters and the name spelled letter by letter (الدالية -> aldalyt); 1 for an Arabic
    # query that is an Arabic name letter for letter (`matres.arabic_spelling`)
    "vowel_indel",  # Indel similarity of the spellings with every vowel written `a`
    "letters_equal",  # the query spelled exactly as the Arabic name letter by letter
    "article_agree",  # Latin query and name: +1 both or neither have an article, -1 one has
    "folded_jw",  # Jaro-Winkler of the folded query and name as written (no conventions)
    "long_vowels",  # across scripts, a romanisation with macrons vs the Arabic letters
    # (`matres.long_vowel_letters` vs `letter_by_letter`): Indel similarity, 0 without macrons
    "place_code",  # the name is an abbreviation of a place: GeoNames lists airport codes
    # among a town's names (`HTS`, Huntington), which news text means by other entities
    "acronym",  # the query is initials in capitals (`suffixes.query_capitals`), the name written
    # alike: `SAA`, the Syrian Arab Army's abbreviation, rather than the town of Saa
)
QUERY_LENGTH = 8
# The `country` feature of a place in a country a query with no hint points to by its writing
# (`Context.within`: a Latin name with an Arabic article, the Arabic-speaking countries): half a
# hint, one log-odds. On dev without a hint it won 3 top-1 answers and lost 1 (a Turkish village
# written with al-) and made 58 more right answers confident, none wrong; at 1.0 (a hint's
# weight), 130, but a news name the lexicon lacks (`Dar al-Salam`) was called a village of the
# Arab world confidently, not Dar es Salaam.
WITHIN_COUNTRY = 0.5


def _written_jw(reading: Reading, row: CandidateRow, cross: bool) -> float:
    """Return the `folded_jw` of a reading that writes the name as the query does, the words
    read off aside: its folded words against the name's (0 across scripts, as for the query
    as a whole)."""
    return 0.0 if cross else JaroWinkler.normalized_similarity(reading.folded, row.folded)


def _long_vowels(letters: str, name_text: str) -> float:
    """Return the Indel similarity of the query's letters and a candidate name's across
    scripts (0 when the romanised side has no macron)."""
    other = query_letters(name_text)
    return Indel.normalized_similarity(letters, other) if other else 0.0


class RowPart(NamedTuple):
    """The features of a candidate name that no reading of the query changes."""

    country: float
    admin1: float
    kind: float
    population: float
    no_population: float
    canonical: float
    article: float
    folded_jw: float
    long_vowels: float
    place_code: float
    acronym: float


def _prominent(row: CandidateRow, context: Context) -> bool:
    """Return True for an entity of another kind than place (an organisation, a person, a
    province) found by a name that counts it as a city of a million (`match.
    PROMINENT_POPULATION`) when it has no population: any of its names but its initials,
    which count only written in capitals alike (`SAA`; `Saa` is a town's name)."""
    if row.kind == "place":
        return False
    return row.name_kind != "abbreviation" or context.capitals == row.name_text


def in_hinted_country(row: CandidateRow, country: str | None) -> bool:
    """Return True when a candidate counts as in the hinted country: it lies there, or, for the
    country itself, is found as the query writes it (its exact or folded key), not by a
    skeleton that another country's name as written shares (`Şili`, Chile's Turkish name,
    with SY: Syria by its name `Silîa` before)."""
    return (
        country is not None
        and row.country == country
        and (row.kind != "country" or row.key[:1] in "xf")
    )


def row_part(row: CandidateRow, cross: bool, context: Context) -> RowPart:
    """Return the reading-independent features of a candidate (computed once per name)."""
    country = 0.0
    if context.country is not None and row.country is not None:  # none: in every country
        # an organisation, a person or a country is named in reports on any other country
        # (`contradicts`): of the same country counts for it, of another not against it
        if in_hinted_country(row, context.country):
            country = 1.0
        elif row.kind not in NAMED_ANYWHERE:
            country = -1.0
    elif context.within and (
        row.country in context.within or (row.kind in NAMED_ANYWHERE and row.key[:1] == "x")
    ):
        # no hint, but the query's writing points there; a country, an organisation or a
        # person found by the query's exact key is named in its reports as in any (`Karadağ`,
        # Montenegro's Turkish name, not a Turkish village of that name; `Şati` is still the
        # Gaza camp, not Chad by a name `Sāti` that the folded key without the ş meets)
        country = WITHIN_COUNTRY
    admin1 = 0.0
    if context.admin1 is not None and row.admin1 is not None:
        # an admin1 code names a division of the hinted country only (Daraa's `06` is also
        # the code of Lebanon's South Governorate, where Sidon is)
        same = context.country is None or row.country == context.country
        admin1 = 1.0 if same and row.admin1 == context.admin1 else -1.0
    population = row.population or (PROMINENT_POPULATION if _prominent(row, context) else 0)
    article = 0.0
    # an organisation's or a person's name is written with its article or without it alike
    # (al-Assad, Assad; al-Nusra, Nusra): only for places does agreeing on one tell
    if not cross and row.folded.isascii() and row.kind not in ACTOR_KINDS:
        article = 1.0 if has_article(row.folded) == context.article else -1.0
    return RowPart(
        country,
        admin1,
        -1.0 if context.kind is not None and row.kind != context.kind else 0.0,
        min(1.0, math.log10(population + 1) / 6) if population > 0 else 0.0,
        0.0 if population > 0 else 1.0,
        1.0 if row.name_kind == "canonical" else 0.0,
        article,
        JaroWinkler.normalized_similarity(context.folded, row.folded) if not cross else 0.0,
        _long_vowels(context.letters, row.name_text) if cross and context.letters else 0.0,
        1.0 if row.name_kind == "abbreviation" and row.kind == "place" else 0.0,
        1.0 if context.capitals and context.capitals == row.name_text else 0.0,
    )


def features(
    reading: Reading,
    row: CandidateRow,
    cross: bool,
    primary: bool,
    context: Context,
    part: RowPart | None = None,
) -> list[float]:
    """Return the feature vector (ordered as `FEATURES`) of a reading against a candidate.

    A candidate whose village stem is what the query reads (`Sec` for `Seçköy`) is compared
    by its stem, as a variant reading. `part` is `row_part(row, cross, context)` when the
    caller scores several readings against one name.
    """
    if part is None:
        part = row_part(row, cross, context)
    qs, ns = reading.skeleton, row.skeleton
    phonetic, tokens = row.phonetic, row.tokens
    # a Turkish ş or ğ spelled out (ş as sh) is the letter's own value, no alternate reading:
    # as a variant it lost to the ASCII fold's s (`Şeran` found Suran, صوران, before Sharan, شران)
    variant = reading.reason is not None and not reading.written and not reading.turkish_letters
    stem = matched_stem(reading, row)
    if stem is not None:
        ns, phonetic, tokens, variant = qs, stem.phonetic, " ".join(stem.tokens), True
    skeleton = Levenshtein.normalized_similarity(qs, ns) if qs and ns else 0.0
    qp = reading.compact
    np_, nc, nv, ntokens = row_forms(phonetic, tokens)
    jw = JaroWinkler.normalized_similarity(qp, np_)
    indel = Indel.normalized_similarity(qp, np_)
    c = 1.0 if cross else 0.0
    family = row.key[:1]
    bare = consonant = letters = 0.0
    if reading.bare:
        bare = 1.0
        consonant = Indel.normalized_similarity(reading.consonants, nc)
        if cross and reading.letters:
            letters = Indel.normalized_similarity(reading.letters, letter_by_letter(row.name_text))
    spelling = reading.spelling or context.spelling
    if not cross and spelling and _spelled_alike(arabic_spelling(row.name_text), spelling, row):
        # an Arabic query that is this Arabic name as written, but for the variants of Arabic
        # writing (البصيره for البصيرة), is it letter for letter; a romanisation it shares
        # with another place's name is not (معان, Ma'an, romanises as `man`, and so does
        # Amman's `ʿman` once its ayn is folded away)
        letters = 1.0
    same_skeleton = bool(qs) and qs == ns
    if letters == 1.0:
        # the query is the Arabic name spelled letter by letter (GeoNames' `aldalyt` for
        # الدالية): an exact transliteration, whatever its own skeleton says
        skeleton, same_skeleton, jw, indel = 1.0, True, 1.0, 1.0
        consonant = 1.0 if bare else consonant
    qtokens = reading.token_set
    longer = max(len(qtokens), len(ntokens))
    return [
        1.0,
        skeleton,
        jw,
        indel,
        c,
        c * skeleton,
        c * jw,
        1.0 if _found_as_written(reading, row, primary, context) else 0.0,
        1.0 if same_skeleton else 0.0,
        1.0 if variant else 0.0,
        1.0 if family == "t" else 0.0,
        1.0 if qs and ns and qs[0] == ns[0] else 0.0,
        min(len(qs), len(ns)) / max(len(qs), len(ns), 1),
        part.population,
        part.canonical,
        part.country,
        part.admin1,
        part.kind,
        1.0 if qp == np_ else 0.0,
        part.no_population,
        bare,
        consonant,
        len(qtokens & ntokens) / longer if longer else 0.0,
        min(len(qs), QUERY_LENGTH) / QUERY_LENGTH,
        letters,
        Indel.normalized_similarity(reading.vowels, nv),
        1.0 if letters == 1.0 else 0.0,
        part.article,
        # the name as the query writes it, but for the words read off (`Reading.written`:
        # `the town of Saraqib`, `the PKK`, `Halep'te`), against the name as written
        _written_jw(reading, row, cross) if reading.written else part.folded_jw,
        part.long_vowels,
        part.place_code,
        part.acronym,
    ]


def _spelled_alike(name: str, query: str, row: CandidateRow) -> bool:
    """Return True when an Arabic name's spelling is the query's (`matres.arabic_spelling`),
    or, for a country's demonym, the query's but for the article, which an adjective takes
    (`السوري`, `الحكومة السورية`: Syria's سوري); the article tells two places apart (جبيل,
    Byblos, is not الجبيل, Jubail)."""
    if name == query:
        return True
    return row.name_kind == "demonym" and row.kind == "country" and without_article(query) == name


def _writes_turkish_letters(text: str) -> bool:
    """Return True when a name writes a letter of `turkish_letters.tsv` (ş, ğ), in either case."""
    table = letter_table("turkish_letters.tsv")
    return any(ord(letter) in table for letter in text.lower())


def _found_as_written(reading: Reading, row: CandidateRow, primary: bool, context: Context) -> bool:
    """Return True when a candidate name was found as the query is written: by the primary
    reading's exact or folded key (a query's Turkish ş or ğ folded only to a name's own: `Şati`
    is not Chad's `Sāti`), or by the folded key of the query's words without their
    leading function words or their ending (`the US`, `Assad's`: `Reading.written`). A Latin
    name written but for its word breaks, its article's or its generic heads' spelling is as
    written too (`forms.written_forms`: `Serêkaniyê` for Serê Kaniyê, `El Bab` for Al Bab,
    `Tel Abyad` for Tall Abyad, found by their skeletons: a source's habit, not another
    spelling); across scripts, never (a folded Arabic name is its romanisation)."""
    if primary:
        if row.key[:1] == "x":
            return True
        if row.key == "f:" + context.folded:
            # a query's Turkish ş or ğ is that letter, not the s or g of a name folded like it
            # (`Şati` is no `Sāti`, Chad in another language)
            return not context.turkish_letters or _writes_turkish_letters(row.name_text)
        if not context.written or (" " not in row.folded and " " not in context.folded):
            return False  # one word each: written alike only as the folded key finds it
        if is_arabic_text(row.name_text):
            return False  # across scripts a folded name is a romanisation, not how it is written
        return not context.written.isdisjoint(written_forms(row.folded))
    return reading.written and row.key == "f:" + reading.folded

"""Description: a name read without the descriptors written around it (`descriptors.tsv`):
`Aleppo city`, `the town of Kafr Nabl`, `PKK terör örgütü` (the name alone), and the area a
region descriptor speaks of (`Hama countryside`, read as `Hama province`)."""

from __future__ import annotations

from functools import cache

import regex

from normalise.clause import located
from normalise.descriptors import PLACE_KINDS, Descriptor, descriptors
from normalise.fold import fold
from normalise.generic import DESCRIBED, Stem
from normalise.keys import build_keys, latinise, words_of
from normalise.matres import is_arabic_text
from normalise.suffixes import MIN_STEM, case_suffixes, endings_of, query_capitals, uninflected
from normalise.tokens import Word, cut_articles, tables

_TWO_CAPITALS = regex.compile(r"\p{Lu}\p{Lu}")
FEMININE_ENDING = "ة"  # ta marbuta: an Arabic adjective's feminine (السورية, Syrian)


def described_capitals(name: str, lang: str | None = None) -> str:
    """Return the initials in capitals an organisation is named by once the words that say
    what it is are read off (`PKK terör örgütü`, `HTS-led rebels`, `YPG'li teröristler`:
    PKK, HTS, YPG), else "". A query in capitals alone is `suffixes.query_capitals`'s."""
    if _TWO_CAPITALS.search(name) is None:
        return ""  # the usual case, told cheaply
    found = without_descriptor(name, lang)
    if found is None or found[1].kind != "organisation" or " " in found[0]:
        return ""
    for word in name.replace("-", " ").split():
        capitals = query_capitals(word)
        if capitals and fold(capitals) == found[0]:
            return capitals
    return ""


def without_descriptor(
    name: str, lang: str | None = None, *, outer: bool = False
) -> tuple[str, Descriptor] | None:
    """Return the name read without its descriptors, and the first one; None without one.
    With `outer`, only the outermost is taken off: the rest may be a name that begins or ends
    with a descriptor's word (`the occupied West Bank`: West Bank, not `bank province`).

    A descriptor is the last word, or the first when it is an adjective written before the
    name (`rural Hama`, `northern Hama`) or an of-word follows it (`city of Homs`); one written
    only first is never read off the end (`the capital Damascus`; `the Syrian capital` is no
    Syria); they are
    taken off while one is found (`northern Hama countryside`), leading function words (`the`)
    are passed over, and some word of the name must remain. A region descriptor among them
    puts its `as` word after the name, or before it in Arabic. A name mixing Arabic and Latin
    words has no descriptor.
    """
    described = _described(name, lang, outer=outer)
    if described is None:
        return None
    texts, found, arabic = described
    region = next((d.replacement for d in found if d.replacement), "")
    if not region:
        return " ".join(texts), found[0]
    # Arabic puts the province word first (محافظة حماة), English and Turkish last
    return " ".join([region, *texts] if arabic else [*texts, region]), found[0]


def region_stem(name: str, lang: str | None = None) -> str | None:
    """Return the name a region descriptor speaks of the area around, without its descriptors
    (`Musul kırsalı`, `ريف الموصل`, `Mosul countryside`: Mosul); None without one."""
    described = _described(name, lang)
    if described is None or not any(d.replacement for d in described[1]):
        return None
    return " ".join(described[0])


def region_word_after(name: str, lang: str | None = None) -> bool:
    """Return True when a region descriptor written after the name speaks of its area (`Sétif
    Province`, `Kasserine Governorate`, `Hama countryside`), not only one written before it (a
    point of the compass, `North Carolina`; the countryside, `ريف الفجيرة`)."""
    described = _described(name, lang)
    return described is not None and any(
        d.kind == "region" and d.position == "after" for d in described[1]
    )


def area_phrases(name: str, lang: str | None = None) -> list[str]:
    """Return the area a name's region descriptors speak of, written as a name of it: the
    words left when its descriptors are read off, with each region descriptor written back
    on its side of them, folded (`Şam kırsalında`: `sam kirsali`; `ريف دمشق الغربي`:
    `دمشق الغربي`, `ريف دمشق`; `southern Damascus countryside`: `damascus countryside`,
    `southern damascus`). The lexicon names some such areas as regions of their own: Rif Dimashq
    is the countryside of Damascus, not its province. [] without a region descriptor."""
    described = _described(name, lang)
    if described is None:
        return []
    texts, found, _ = described
    stem = " ".join(texts)
    phrases = [
        f"{d.term} {stem}" if d.position in ("before", "first") else f"{stem} {d.term}"
        for d in found
        if d.kind == "region"
    ]
    return list(dict.fromkeys(phrases))


def name_words(
    name: str, lang: str | None
) -> tuple[list[Word], list[str], frozenset[str], bool] | None:
    """Return a name's words, their texts (a Latin word without its case ending), the function
    words to pass over (none in Arabic) and whether the name is in Arabic script; None for a
    name mixing Arabic and Latin words."""
    _, words, _ = words_of(name, lang)
    arabic = [w.arabic for w in words]
    if any(arabic) and not all(arabic):
        return None
    stop = frozenset[str]() if all(arabic) else tables().stopwords
    texts = [w.text if w.arabic else uninflected(w.text)[0] for w in words]
    return words, texts, stop, bool(arabic) and all(arabic)


def _described(
    name: str, lang: str | None, *, outer: bool = False
) -> tuple[list[str], list[Descriptor], bool] | None:
    """Return the words of the name left when its descriptors are taken off (with `outer`,
    the outermost only), the descriptors (outermost first) and whether the name is in Arabic
    script; None without a descriptor. An Arabic name's clause that says where it is belongs
    to the place it names (`located`): `بلدة سراقب بريف إدلب الشرقي` is read as `بلدة سراقب`."""
    where = located(name, lang)
    split = name_words(name if where is None else where[0], lang)
    if split is None:
        return None
    words, texts, stop, arabic = split
    table = descriptors()
    lead = len(texts) - len(without_leading(stop, texts))
    found: list[Descriptor] = []
    compound = _compound(texts[lead:], [w.hyphen_after for w in words[lead:]])
    if compound is not None and not all(t in table for t in texts[lead + 2 :]):
        found.append(compound)
        lead += 2
    texts = without_leading(stop, texts[lead:])
    phrase = _of_phrase(texts, stop) or _titled(texts)
    if phrase is not None:
        texts = phrase[0]
        found.append(phrase[1])
    while len(texts) >= 2 and not (outer and found):
        last, first = _last_descriptor(texts[-1]), _first_descriptor(texts[0])
        if last is not None and last.position in ("after", "before"):
            found.append(last)
            texts = texts[:-1]
        elif (
            first is not None
            and first.position != "clause"
            and (first.position != "after" or texts[1] in stop)
        ):
            found.append(first)
            texts = without_leading(stop, texts[1:])
            if arabic and first.kind == "person":
                texts = _without_adjectives(texts)
            elif arabic and first.kind == "organisation" and len(texts) == 1:
                texts = [_demonym(texts[0])]
        else:
            break
    if not found or not texts:
        return None
    return texts, found, arabic


def _compound(texts: list[str], hyphens: list[bool]) -> Descriptor | None:
    """Return the descriptor of a compound adjective a name begins with, a word and a
    descriptor joined by a hyphen (`Kurdish-led SDF`, `Israeli-occupied Golan`, `Iran-backed
    Hezbollah`: what leads, occupies or backs the entity, not its name), when more words
    follow; else None. The caller reads the name after it only when some word there is no
    descriptor (`HTS-led rebels` is HTS, led by no one named)."""
    if len(texts) < 3 or not hyphens[0] or hyphens[1]:
        return None
    return descriptors().get(texts[1])


def _of_phrase(texts: list[str], stop: frozenset[str]) -> tuple[list[str], Descriptor] | None:
    """Return the words after a place descriptor and an of-word written after other words
    (`the northern Syrian town of Manbij`, `the Damascus suburb of Douma`, `the rebel-held
    town of Saraqib`: what is written before them says what the place is, not its name),
    and the descriptor; None without one. A descriptor first is the caller's (`city of Homs`)."""
    table = descriptors()
    for at in range(1, len(texts) - 2):
        found = table.get(texts[at])
        if found is not None and found.kind in PLACE_KINDS and texts[at + 1] in stop:
            return texts[at + 2 :], found
    return None


def _titled(texts: list[str]) -> tuple[list[str], Descriptor] | None:
    """Return the words after a person's title written after other words, and the title:
    what is written before it says whose title it is (`Iranian Foreign Minister Abbas
    Araghchi`, `SDF commander Mazloum Abdi`, `UN envoy Geir Pedersen`, `Suriye Dışişleri
    Bakanı Esad Hasan Şeybani`), not the name; None without one. The last title word counts
    (`Prime Minister`), and a name must follow it. A title first is the caller's."""
    table = descriptors()
    for at in range(len(texts) - 2, 0, -1):
        found = table.get(texts[at])
        if found is not None and found.kind == "person":
            return texts[at + 1 :], found
    return None


def _without_adjectives(texts: list[str]) -> list[str]:
    """Return an Arabic name after a person's title without the words with the article that
    follow the title, an adjective or a complement of it, while a name of two words or more
    remains: `الرئيس التركي رجب طيب أردوغان` (the Turkish president), `وزير الخارجية السوري
    أسعد الشيباني` (the Syrian foreign minister); a name's own words seldom begin with one
    (`الرئيس بشار الأسد` keeps both)."""
    while len(texts) > 2 and without_article(texts[0]) is not None:
        texts = texts[1:]
    return texts


def _last_descriptor(word: str) -> Descriptor | None:
    """Return the descriptor a name's last word is, or is with a Turkish case ending, which
    Turkish writes on a common noun without an apostrophe (`Halep kentinde`: kenti + nde, in
    the city of Aleppo; `Esed rejiminin`: rejimi + nin)."""
    found = descriptors().get(word)
    if found is not None:
        return found
    cut = _with_ending(word)
    return None if cut is None else descriptors()[cut[0]]


def _with_ending(word: str) -> tuple[str, str] | None:
    """Return the descriptor term a Latin word is with a Turkish case ending, and the ending
    (`kentinde`: kenti, nde); None when it is none."""
    if not word.isascii():
        return None
    table, endings = descriptors(), case_suffixes()
    for cut in range(len(word) - 1, MIN_STEM - 1, -1):
        if endings.get(word[cut:]) == "tr" and word[:cut] in table:
            return word[:cut], word[cut:]
    return None


def _first_descriptor(word: str) -> Descriptor | None:
    """Return the descriptor a name's first word is, or a place descriptor for a Turkish
    descriptor with a relative ending (`case_suffixes.tsv`: locative + ki, the one in), an
    adjective of the name after it: `kuzeyindeki Menbiç` (kuzeyi + ndeki: Manbij, in the
    north), as in `Suriye'nin kuzeyindeki Menbiç`; the area it speaks of is the possessor's,
    not the name's. An Arabic word with its article joined is an organisation's word too
    (`الحكومة`, `القوات`: the government, the forces), which Arabic writes so before the
    adjective that says whose (`الحكومة السورية`)."""
    found = descriptors().get(word)
    if found is not None:
        return found
    if is_arabic_text(word):
        # an Arabic noun with its article before an adjective: الحكومة السورية, القوات التركية
        bare = without_article(word)
        found = None if bare is None else descriptors().get(bare)
        return found if found is not None and found.kind == "organisation" else None
    cut = _with_ending(word)
    if cut is None or cut[1] not in endings_of("relative"):
        return None
    return Descriptor(cut[0], "place", "before", "")


def without_article(word: str) -> str | None:
    """Return an Arabic word without the article joined to it (الحكومة: حكومة), else None
    (`tokens.cut_articles`, as keys read it)."""
    texts, found, _ = cut_articles([word], [False], [True])
    return texts[0] if found else None


def _demonym(word: str) -> str:
    """Return an Arabic adjective after an organisation's word without its feminine ending,
    as the lexicon names a demonym (`السورية` in الحكومة السورية, the Syrian government:
    السوري). Its article stays: the query's article is the scorer's, and a name without one
    then disagrees with it (read as سوري, الحكومة السورية found Surrey first)."""
    return word.removesuffix(FEMININE_ENDING)


def without_leading(stop: frozenset[str], texts: list[str]) -> list[str]:
    """Return the texts without the function words (`stop`) they begin with (`the`)."""
    while texts and texts[0] in stop:
        texts = texts[1:]
    return texts


@cache
def _last_place_words() -> frozenset[str]:
    """Return the place descriptors written after a name (`base`, `camp`, `airport`)."""
    return frozenset(
        d.term for d in descriptors().values() if d.kind in PLACE_KINDS and d.position == "after"
    )


def described_stem(text: str, lang: str | None) -> Stem | None:
    """Return a lexicon name without the place descriptor it ends with, keyed in `lang`
    (`Shayrat Air Base`: Shayrat; `Kuweires Military Airbase`: Kuweires), else None. News
    text names a base, an airport, a camp or a crossing by its place's name alone."""
    # folded as keys fold a word, as the descriptors are written (Havalimanı: `havalimani`)
    if latinise(fold(text.rpartition(" ")[2])) not in _last_place_words():
        return None  # the usual case, told cheaply
    found = without_descriptor(text, lang)
    if found is None or found[1].kind not in PLACE_KINDS or found[1].position != "after":
        return None
    keys = build_keys(found[0], lang)
    if not keys.skeleton:
        return None
    return Stem(keys.phonetic, keys.skeleton, keys.tokens, DESCRIBED)


def reset_caches() -> None:
    """Forget the place descriptors read off the end of lexicon names."""
    _last_place_words.cache_clear()

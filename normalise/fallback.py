"""Fallback: the readings of a query the resolver looks up apart from its other readings
(`variants.readings`), only where those find nothing well enough (`expansion.py`): each name a
slash joins (`PKK/YPG`), an Arabic name without the conjunction or preposition it may begin
with (`بحماة`), a Turkish-press article glued inside a word (`Resulayn`)."""

from __future__ import annotations

from dataclasses import replace

from normalise.clitics import without_proclitics
from normalise.description import without_descriptor
from normalise.glue import split_inner_article, unglue_articles
from normalise.keys import build_keys, words_of
from normalise.matres import arabic_spelling
from normalise.reading import Reading, reading_of
from normalise.text import clean
from normalise.tokens import strip_article


def slash_readings(name: str, lang: str | None = None) -> list[Reading]:
    """Return a reading of each name a slash joins (`PKK/YPG`, as the Turkish press names the
    YPG: `PKK`, `YPG`), or none for a name without a slash or with a part without a letter.
    The resolver reads them only for a Latin-script name that as a whole matches nothing well
    (`Resolver._score_fallbacks`): a gazetteer joins a place's name and a description so
    (`مدينة خليفة أ/ مطار أبوظبي الدولي`), whose parts, read always, lost a dev answer."""
    parts = [part.strip() for part in clean(name).split("/")]
    if len(parts) < 2 or not all(any(c.isalpha() for c in part) for part in parts):
        return []
    return [reading_of(build_keys(part, lang), f"part:{i}") for i, part in enumerate(parts, 1)]


CLITIC = "clitic:"  # how the reason of a reading without a proclitic begins


def proclitic_readings(name: str, lang: str | None = None) -> list[Reading]:
    """Return a reading of an Arabic-script name without each conjunction or preposition it
    may begin with (`clitics.without_proclitics`: وحلب, بإدلب, للرقة, في إدلب), and of that
    rest without its descriptor too (بريف إدلب: محافظة إدلب). The resolver compares them
    only with Arabic names spelled as the rest (`Resolver._score_proclitics`): names begin
    with those letters too (بريده, Buraydah, is no ب + ريده), and among the query's other
    readings they lost 7 dev answers of the protocol's Arabic queries and won none."""
    out = []
    for text, form in without_proclitics(name):
        reason = f"{CLITIC}{form}"
        reading = reading_of(build_keys(text, lang), reason)
        out.append(replace(reading, spelling=arabic_spelling(text), written=True))
        inner = without_descriptor(text, lang)
        if inner is not None:
            reading = reading_of(build_keys(inner[0], lang), f"{reason};descriptor:{inner[1].term}")
            out.append(replace(reading, spelling=arabic_spelling(inner[0])))
    return out


def inner_article_reading(name: str, lang: str | None = None) -> Reading | None:
    """Return the reading of a name with a glued Turkish-press article split out of a word
    (`Resulayn` -> `res ayn`, Ra's al-Ayn), or None. A fallback: most words that hold such
    letters hold no article (`Jabudiyah`), so it is tried only when nothing else is found."""
    _, words, _ = words_of(name, lang)
    words, _ = strip_article(words)
    split = split_inner_article(unglue_articles(words)[0])
    if split is None:
        return None
    return reading_of(build_keys(" ".join(w.text for w in split[0]), lang), f"article:{split[1]}")

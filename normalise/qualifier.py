"""Qualifier: what a name says beside itself about where it is: a qualifier in brackets or after
a comma (`Suran (Hama)`, `Suran, Hama`), a clause of where it is (`Saraqib in Idlib province`)
or a possessor written before it (`Syria's Idlib province`)."""

from __future__ import annotations

import re

from normalise.clause import located
from normalise.fold import fold
from normalise.keys import latinise
from normalise.suffixes import endings_of
from normalise.text import clean

# A qualifier in brackets after a name: the province or kind a gazetteer or a news text adds
# (`Kafr Zita (Hama)`, `زالنجي (مدينة)`).
_QUALIFIED = re.compile(r"^(.*?\S)\s*[(\[（]([^()\[\]（）]*)[)\]）]\s*$")


def without_qualifier(name: str) -> str | None:
    """Return the name without a bracketed qualifier at its end, or without the clause after
    it that says where it is (`clause.located`), or None when it has neither."""
    found = _QUALIFIED.match(name)
    if found:
        return found.group(1)
    where = located(name)
    return where[0] if where else None


# The same after a comma, Latin or Arabic (`Suran, Hama`, `الاداگ، ادنا`), the qualifier being
# all that follows the first one (`Suran, Hama, Syria` -> `Hama, Syria`, itself qualified); the
# skeleton key already reads only what comes before the first one.
_COMMA_QUALIFIED = re.compile(r"^([^,،]*?\S)\s*[,،]\s*(.*?)\s*$")
# What follows the comma of a name turned about, as lists sort them: no qualifier (`Korea,
# Republic of`; `Congo, Democratic Republic of the`).
_TURNED_ABOUT = re.compile(r"(?i)\bof(?: the)?$")


def split_qualifier(name: str) -> tuple[str, str] | None:
    """Return a name and the qualifier it ends with, in brackets or after its first comma
    (`Suran (Hama)`, `Suran, Hama` -> `Suran`, `Hama`; `Suran, Hama, Syria` -> `Suran`, `Hama,
    Syria`), or None (a name turned about at its comma has none)."""
    found = _QUALIFIED.match(name) or _COMMA_QUALIFIED.match(name)
    if found is None or not found.group(2).strip() or _TURNED_ABOUT.search(found.group(2)):
        return None
    return found.group(1), found.group(2).strip()


def comma_head(name: str) -> str | None:
    """Return what a name says before the qualifier after its first comma (`Aleppo, Syria`
    -> `Aleppo`; `Kafr Zita (Hama), Syria` -> `Kafr Zita (Hama)`), or None when it has none
    (`Suran (Hama, Syria)`: the qualifier is in brackets)."""
    if _QUALIFIED.match(name):
        return None
    split = split_qualifier(name)
    return None if split is None else split[0]


def qualifier_of(name: str) -> str | None:
    """Return the qualifier a name ends with (`split_qualifier`), or the clause a name ends
    with that says where it is (`clause.located`: `بلدة سراقب بريف إدلب الشرقي` -> `بريف ادلب
    الشرقي`, `Saraqib in Idlib province` -> `idlib province`), or None."""
    split = split_qualifier(name)
    if split is not None:
        return split[1]
    where = located(name)
    return where[1] if where else None


# A possessor written before a name, which says where the name is: a word with a genitive
# ending after a typed apostrophe (`case_suffixes.tsv`: the English possessive, `Syria's Idlib
# province`, `Aleppo's Sheikh Maqsoud`; the Turkish genitive, `Suriye'nin İdlib ili`,
# `Hatay'ın Reyhanlı ilçesi`).
_POSSESSED = re.compile(r"^(\S.*?)['’](\w+)\s+(\S.*)$")
MIN_POSSESSOR = 3  # letters of a possessor (Ra's al Khaymah: ra's is a word, the head)


def possessor_of(name: str) -> tuple[str, str] | None:
    """Return the possessor a name begins with and the name it possesses (`Syria's Idlib
    province` -> `Syria`, `Idlib province`; `Suriye'nin başkenti` -> `Suriye`, `başkenti`),
    or None. A name of the lexicon may be written so too (`Martha's Vineyard`, `People's
    Protection Units`): the resolver reads the possessed name only where the possessor
    names a country or a division, and keeps what fits the query better."""
    if "'" not in name and "’" not in name:
        return None  # most queries: no apostrophe to read
    found = _POSSESSED.match(clean(name))
    if found is None or sum(c.isalpha() for c in found.group(1)) < MIN_POSSESSOR:
        return None
    if latinise(fold(found.group(2))) not in endings_of("genitive"):
        return None
    return found.group(1), found.group(3)

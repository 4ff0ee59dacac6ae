"""Names the text shows to be businesses or organisations by the words around them, for
:mod:`.entities` (a lone capitalised word nobody is named by is otherwise no entity):

* a business noun just before: "the oil giant Harlow Petroleum", "the retailer Zentro";
* an apposition just after that a business noun heads: "Orbis, the parent company of Lumo";
* "which" right after: "employers such as Dalbeck, which opposed the bill" (a person is "who").

The business nouns are data/extract/business_nouns.txt.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon

# Lower-case words ending in a noun right before a name: "the oil giant ", "subprime lending giant ".
_NOUN_BEFORE = re.compile(r"(?<![\w’'])([a-z][\w\-]*)[ \t]+$")
# An apposition after a name: ", the parent company of", ", a regional lender.", ", which".
_APPOSITION = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+(?:[\w\-]+[ \t]+){0,3}?([a-z][\w\-]*)"
                         r"(?=[ \t]*(?:[,.;:)]|of\b|in\b|based\b|that\b|which\b))|(which)\b)")


@lru_cache(maxsize=1)
def business_nouns() -> frozenset[str]:
    return lexicon.lower_words("extract/business_nouns.txt")


def introduced_as(text: str, start: int, end: int) -> str | None:
    """The noun that shows text[start:end] to be a business ("giant" in "the oil giant Harlow
    Petroleum", "company" in "Orbis, the parent company of Lumo"), "which" for any
    organisation ("Dalbeck, which opposed the bill"), else None."""
    before = _NOUN_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.group(1) in business_nouns():
        return before.group(1)
    after = _APPOSITION.match(text, end)
    if after is None:
        return None
    if after.group(2) is not None:        # "Rome, which …" is a place
        return None if text[start:end] in lexicon.words("extract/places.txt") else "which"
    return after.group(1) if after.group(1) in business_nouns() else None


def is_business(head: str, roles: set[str]) -> bool:
    """Whether a description's head ("company", "giant") may stand for an organisation that
    was introduced as a business (its ``roles`` hold the noun that introduced it)."""
    nouns = business_nouns()
    return head in nouns and any(r in nouns for r in roles)

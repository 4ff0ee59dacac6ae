"""A document named in a lead phrase before the person who wrote or gave it: "In a letter to
parents, headteacher Maya Lund said …", "In her annual report, the auditor, Ines Vale, …".
Later, "the letter" or "the report" is that person's (see :func:`.descriptions.author_of`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon

LEAD_REACH = 120                          # characters back from a name to the "In" of its lead phrase
_COMMA_REACH = 40                         # characters back from a name to the lead's closing comma


@lru_cache(maxsize=1)
def _document_in() -> re.Pattern:
    # "In a letter to parents, headteacher " / "In an open letter on Monday, " / "In her statement, the
    # club's " right before a name: a sentence-opening "In", a determiner, up to two modifiers,
    # the document noun (group 1; data/extract/document_nouns.txt), what follows it up to the
    # comma, then up to three lower-case words of role.
    nouns = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/document_nouns.txt")))
    return re.compile(
        r"(?:(?<=^)|(?<=\n)|(?<=[.!?”\"’][ \t]))[Ii]n[ \t]+(?:a|an|his|her|their|its|the)[ \t]+"
        r"(?:[\w-]+[ \t]+){0,2}?(" + nouns + r")\b[^.,;:!?\n“”\"]{0,60},[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}$")


def document_in_lead(text: str, start: int) -> str | None:
    """The document noun of a lead phrase "In a letter …, " that ends right before the name at
    ``start`` (up to three role words between), else None."""
    if text.rfind(",", max(0, start - _COMMA_REACH), start) < 0:
        return None                       # the cheap test first: most names follow no comma
    m = _document_in().search(text, max(0, start - LEAD_REACH), start)
    return m.group(1) if m else None

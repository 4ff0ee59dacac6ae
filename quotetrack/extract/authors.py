"""Documents named with their author, read by :mod:`.entities` as it meets each name, so that
"the statement" or "the poll" said later goes to the author:

* before the name, joined by "from"/"by": "a statement from Senator Bill Orr";
* the name in a sentence that opens with the document: "In a written statement, the Harbour
  Agency said …", "In a letter to parents, headteacher Maya Lund said …";
* the name speaking in the document: "the Harbour Agency said in a statement …";
* the name publishing it: "the Harbour Agency released a report …", "headteacher Maya Lund wrote
  to parents" (a letter).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Collection

from ..text import lexicon
from .speakers import POSSESSIVE_S

LEAD_REACH = 120                          # characters back from a name to the "In" of its lead phrase
_COMMA_REACH = 40                         # characters back from a name to the lead's closing comma

# "statement from ", "report by the ", "a study by researchers at the ", "a statement from her lawyer, ",
# "audit released Tuesday by ": the document right before its author (a publishing participle,
# data/extract/publishing_participles.txt, and up to two words of time may come between the
# document and "by"; a role in apposition between "by" and the name, or a role of up to three
# lower-case words, a place word before them, right before it: "a petition started by Leeds student nurse ").
@lru_cache(maxsize=1)
def _document_from() -> re.Pattern:
    return re.compile(r"(?<![\w’'])([a-z]+)[ \t]+(?:(?:" + lexicon.trie_pattern(sorted(lexicon.lower_words(
        "extract/publishing_participles.txt"))) + r")[ \t]+(?:[\w]+[ \t]+){0,2}?)?(?:from|by)[ \t]+"
        r"(?:(?:the[ \t]+)?(?:(?:researchers|scientists|academics|experts|a[ \t]+team)[ \t]+(?:at|from|of)[ \t]+"
        r"(?:the[ \t]+)?)?|(?:his|her|its|their|the)[ \t]+(?:[\w’'-]+[ \t]+){0,2}?[a-z][\w-]*,[ \t]+"
        r"|(?:[A-Z][a-z]+[ \t]+)?(?:(?!(?:to|and|or|of|for|with|at|in|on|the|a|an)[ \t])[a-z][\w-]*[ \t]+){1,3})$")


# " said in a statement": the author speaking in a document (a speech verb, "in", up to two words).
_IN_DOCUMENT = re.compile(r"[ \t]+(?:said|says|added|wrote|announced|confirmed)[ \t]+in[ \t]+(?:an?|its|their|his|her)[ \t]+"
                          r"(?:[a-z\-]+[ \t]+){0,2}?([a-z]+)\b")


# " released a policy paper", " published its annual report", " lodged a filing", " paid for a radio ad",
# " wrote to parents": the name as the subject of a publishing verb with the document among the first
# words of its object (group 1), or writing "to" someone (a letter).
_PUBLISHES = re.compile(r"[ \t]+(?:(?:released|published|issued|unveiled|lodged|filed|submitted|sent|signed|posted"
                        r"|paid[ \t]+for)[ \t]+(?:an?|its|his|her|their)[ \t]+"
                        r"((?:[a-z\-]+[ \t]+){0,2}[a-z]+)\b|wrote[ \t]+(to)[ \t])")


def authored_document(text: str, start: int, end: int, documents: Collection[str]) -> str | None:
    """The document noun (in ``documents``) the name text[start:end] is the author of, or None:
    "statement" for "a statement from Bill Orr", "In a written statement, the Harbour Agency
    said" and "the Harbour Agency said in a statement"; "letter" for "In a letter to parents,
    headteacher Maya Lund said"."""
    near = text[max(0, start - 50):start]     # the cheap tests first: most names have none of these
    if " from " in near or " by " in near:
        m = _document_from().search(text, max(0, start - 80), start)
        if m and m.group(1) in documents:
            return m.group(1)
    owner = text[end - 2:end] in POSSESSIVE_S or text[end:end + 2] in POSSESSIVE_S
    lead = None if owner else _document_in_lead(text, start)     # not "In the poll, Ana Ruiz’s support rose"
    if lead is not None:
        return lead
    if " in " in text[end:end + 20]:
        m = _IN_DOCUMENT.match(text, end)
        if m and m.group(1) in documents:
            return m.group(1)
    m = _PUBLISHES.match(text, end)
    if m is not None:
        return "letter" if m.group(2) else next((w for w in m.group(1).split() if w in documents), None)
    return None


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


# What follows a lead phrase's closing comma up to the name: up to three lower-case words of role
# (the end of :func:`_document_in`'s pattern).
_AFTER_LEAD = re.compile(r"[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}$")


def _document_in_lead(text: str, start: int) -> str | None:
    """The document noun of a lead phrase "In a letter …, " that ends right before the name at
    ``start`` (up to three role words between), else None."""
    comma = text.rfind(",", max(0, start - _COMMA_REACH), start)
    if comma < 0 or _AFTER_LEAD.match(text, comma + 1, start) is None:
        return None                       # the cheap tests first: most names follow no comma, or not just after one
    m = _document_in().search(text, max(0, start - LEAD_REACH), start)
    return m.group(1) if m else None

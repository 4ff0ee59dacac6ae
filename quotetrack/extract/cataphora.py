"""A document given as the source before its author is named ("…, according to a large study
published on Monday.  The researchers, from Allerton University, followed …"; "According to a
new report, …  The report, by the housing charity Shelterwell, said …"): the author named in
the rest of its sentence or the next, for :mod:`.resolve`.  Only an author shown to be one:
after "by", "from" or "at" that follow the document named again with "the" or the people who
wrote it (data/extract/author_nouns.txt [heads]: "The researchers, from X"), or a participle of
making it ("The survey, conducted by X", "It was issued by X"); not "a political scientist at
X", "the email, noted testimony by X"."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..text import lexicon


@lru_cache(maxsize=1)
def _ahead() -> re.Pattern:
    """Where an author is named after a document: "The researchers, from ", "The report, by the ",
    "The survey, conducted by ", "the new study at " (group 1: the document or its makers), or
    "was issued by " (a passive whose subject is the document), or a sentence opened by its
    makers with no article: "Researchers at " (group 2); the participles of making come
    from data/extract/made_participles.txt ("published", "carried out")."""
    made = r"(?:" + "|".join(sorted(lexicon.lower_words("extract/made_participles.txt"))) + r")(?:[ \t]+out)?"
    return re.compile(r"(?:\b(?i:the|its|their|this)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}?([a-z]+),?[ \t]+(?:" + made
                      + r"[ \t]+by|by|from|at)|\b(?:was|were|been)[ \t]+" + made + r"[ \t]+by"
                      + r"|(?:^|[.!?][”\"’]?[ \t]+|\n)([A-Z][a-z]+)[ \t]+(?:at|from))[ \t]+(?:the[ \t]+)?")


# Lower-case words between "by" and the author's name: "by the housing charity Shelterwell".
_BETWEEN = re.compile(r"(?:[a-z][\w\-]*[ \t]+){0,3}")


def author_ahead(text: str, model, mention: str, start: int, limit: int) -> int | None:
    """The organisation or person named as the author of the document ``mention`` (its words
    holding a document noun) between ``start`` (the mention's own "The survey, conducted by X"
    included) and ``limit`` (the end of the next sentence), or None.  The first author so
    shown is taken ("according to a new poll … The survey, conducted by X": another document
    noun is the same document)."""
    documents = lexicon.lower_words("extract/document_nouns.txt")
    nouns = {w.lower().strip(",.") for w in mention.split()[:4]} & documents
    if not nouns:
        return None
    makers = lexicon.sections("extract/author_nouns.txt")["heads"]
    for m in _ahead().finditer(text, start, limit):
        if m.group(1) is not None and m.group(1) not in documents and m.group(1) not in makers \
                or m.group(2) is not None and m.group(2).lower() not in makers:
            continue
        k = bisect.bisect_left(model.starts, m.end())
        if k == len(model.starts) or model.starts[k] >= limit:
            return None
        occ = model.occurrences[k]
        if _BETWEEN.fullmatch(text, m.end(), occ.start) and not occ.quoted:
            return occ.entity
    return None

"""What the words around a pronoun or a name show, for :mod:`.resolve`'s salience: whether a
name is the subject of its clause (not in a list of names, not in apposition to an object);
who signs a first-person text (the writer an "I" stands for).
"""
from __future__ import annotations

import bisect
import re

from ..text import lexicon
from . import speakers as names

# A verb or preposition, then a noun phrase and a comma right before a name: "help her defeat
# the party’s nominee, " (group 1: the word before the phrase).
_OBJECT_APPOSITION = re.compile(
    r"\b([a-z][\w’'\-]*)\s+(?:the|a|an|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,3}?[a-z][\w’'\-]*,\s+$")


def object_apposition(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] stands in apposition to a noun phrase inside a clause,
    an object ("… could help her defeat the party’s nominee, Ada Greer."), not to one that
    opens it ("But the boy’s father, Tomas Varga, told reporters …") nor after a fronted
    phrase ("Unlike her rivals, Ada Greer lives …": no comma or stop after the name)."""
    if not text.startswith((",", ".", ";"), end) and not text.endswith((",", ".", ";"), 0, end):
        return False
    m = _OBJECT_APPOSITION.search(text, max(0, start - 80), start)
    if m is None:
        return False
    word = m.group(1)
    return word not in names._words.coordinators and word not in lexicon.lower_words("extract/main_clause_openers.txt")


# A name and a comma before a name in a list: "Ada Ruiz, " (and "Eva Ortiz, Lea Brandt and ").
_LISTED_BEFORE = re.compile(r"[A-Z][\w’'.\-]*,[ \t]+(?:(?:[A-Z][\w’'.\-]*[ \t]+){0,3}(?:and|or)[ \t]+)?$")
# What follows a name inside a list: a comma, "and"/"or" and another name.
_LISTED_AFTER = re.compile(r"\.?,|[ \t]+(?:and|or)[ \t]+[A-Z]")


def listed(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is an item of a list of names, no subject: "… a list
    that included Ada Ruiz, Mona Vance, Eva Ortiz and Lea Brandt" (an item after a name and a
    comma, followed by a comma or "and", or the last after "A, B and")."""
    before = _LISTED_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return False
    return " and" in before.group() or " or" in before.group() or _LISTED_AFTER.match(text, end) is not None


FIRST_PERSON = frozenset({"i", "me", "my"})
# What follows the writer's name in a closing author line: "Ana Ruiz is the mayor of Dorsten."
_AUTHOR_LINE = re.compile(r"[ \t]+(?:is|was|has been|served as)[ \t]")
AUTHOR_LINES = 2                          # closing paragraphs read for an author line


def authors(text: str, paras, skip, model) -> list[tuple[int, int]]:
    """Where a first-person text is signed, in text order: (offset, person entity) of each
    paragraph that is a person's full name alone (a letter's signature, "Ana Ruiz.") or, among
    the last AUTHOR_LINES paragraphs, opens with one and says who the writer is ("Ana Ruiz is
    the mayor of Dorsten.")."""
    body = [p for p in paras if p.index not in skip]
    out = []
    for n, p in enumerate(body):
        line = text[p.start:p.end]
        start = p.start + len(line) - len(line.lstrip())
        end = p.start + len(line.rstrip().rstrip("."))
        i = bisect.bisect_left(model.starts, start)
        occ = model.occurrences[i] if i < len(model.occurrences) else None
        if occ is None or occ.start != start or model.entities[occ.entity].type != "person" \
                or len(text[occ.start:occ.end].split()) < 2:
            continue
        if occ.end >= end or n >= len(body) - AUTHOR_LINES and _AUTHOR_LINE.match(text, occ.end):
            out.append((start, occ.entity))
    return out


def author_after(signed: list[tuple[int, int]], offset: int) -> int | None:
    """The writer a first-person "I" at ``offset`` stands for: the next signature after it."""
    k = bisect.bisect_right(signed, (offset, -1))
    return signed[k][1] if k < len(signed) else None

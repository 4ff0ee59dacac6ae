"""Page furniture: lines of a news page that are never statements (photo credits, bylines,
newsletter and share lines), matched whole by the patterns in data/extract/boilerplate.txt,
and the lists of links a page sets after its article under a heading of their own ("More on
this story", "Related topics": data/extract/trailing_sections.txt)."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Paragraph
from ..text import lexicon


@lru_cache(maxsize=1)
def _boilerplate() -> regex.Pattern:
    """One pattern for every line in data/extract/boilerplate.txt (photo credits, bylines, newsletter lines)."""
    patterns = lexicon.patterns("extract/boilerplate.txt")
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)


def boilerplate_paragraphs(text: str, paras: tuple[Paragraph, ...]) -> frozenset[int]:
    """Indices of paragraphs that are page furniture, not statements."""
    pattern = _boilerplate()
    return frozenset(p.index for p in paras
                     if len(text[p.start:p.end]) < 300 and pattern.fullmatch(text[p.start:p.end].strip())) \
        | _trailing_section(text, paras)


def _trailing_section(text: str, paras: tuple[Paragraph, ...]) -> frozenset[int]:
    """The paragraphs from a trailing section's heading ("More on this story", alone on its
    line, after the article's first paragraph) over the short lines after it: linked headlines,
    dates and topic names, not the article ("Ferry operator warns of ‘uncertain future’" is a
    link).  A long paragraph ends the section (another article's text, pasted after it)."""
    headings = lexicon.lower_words("extract/trailing_sections.txt")
    out: set[int] = set()
    inside = False
    for p in paras[1:]:
        if p.end - p.start <= _LONGEST_HEADING and text[p.start:p.end].strip().rstrip(":").lower() in headings:
            inside = True
        elif inside and p.end - p.start > _LONGEST_LINK:
            inside = False
        if inside:
            out.add(p.index)
    return frozenset(out)


_LONGEST_HEADING = 40      # characters: no heading in data/extract/trailing_sections.txt is longer
_LONGEST_LINK = 150        # characters of a linked headline or topic line in such a section


@lru_cache(maxsize=1)
def _dateline() -> regex.Pattern:
    """One pattern for every line of data/extract/datelines.txt ("LONDON, May 3 (Reuters) - ")."""
    return regex.compile("|".join(f"(?:{p})" for p in lexicon.patterns("extract/datelines.txt")), regex.MULTILINE)


def dateline_end(text: str, start: int) -> int:
    """Where a paragraph's text begins after the dateline at ``start`` ("PINE HOLLOW, Ore. (AP)
    — Hundreds …" -> the offset of "Hundreds"), or ``start`` when no dateline opens there or
    ``start`` opens no paragraph.

    >>> text = "LONDON, May 3 (Reuters) - The bank cut rates, it said."
    >>> text[dateline_end(text, 0):dateline_end(text, 0) + 8]
    'The bank'
    """
    if start > 0 and text[start - 1] != "\n" or not text[start:start + 1].isupper():
        return start
    m = _dateline().match(text, start, min(len(text), start + 120))
    return m.end() if m else start

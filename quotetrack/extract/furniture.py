"""Page furniture: lines of a news page that are never statements (photo credits, bylines,
newsletter and share lines), matched whole by the patterns in data/extract/boilerplate.txt."""
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
                     if len(text[p.start:p.end]) < 300 and pattern.fullmatch(text[p.start:p.end].strip()))

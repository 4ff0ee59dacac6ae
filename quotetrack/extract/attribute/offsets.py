"""Offset helpers the attribution sieves share: move a start or an end over white space or
given characters, and count words, without copying the text."""
from __future__ import annotations

import re
from itertools import islice


def rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over white space, not before ``start``: ``text[start:result]`` is
    ``text[start:end].rstrip()`` without copying it."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def lstrip_start(text: str, start: int, end: int) -> int:
    """``start`` moved on over white space, not past ``end``."""
    while start < end and text[start].isspace():
        start += 1
    return start


def skip_chars(text: str, start: int, end: int, chars: frozenset[str]) -> int:
    """``start`` moved on over characters of ``chars``, not past ``end``."""
    while start < end and text[start] in chars:
        start += 1
    return start


def strip_end(text: str, start: int, end: int) -> int:
    """End offset with trailing white space and one sentence-final period removed."""
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ".;:":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_WORD_RUN = re.compile(r"\S+")
# In quoted content a pronoun with a verb's clitic is two words: "it's “ruinous”", "she'll
# “win”" are clauses of three words, as "it is “ruinous”" is.
_CLAUSE_WORD_RUN = re.compile(r"(?i:\b(?:it|he|she|that|there|they|we|you|i|what|who)(?=['’](?:s|re|ll|ve|d|m)\b))|\S+")
_QUOTE_MARKS = frozenset("“”\"‘")     # (not ’ or ', which are apostrophes too)


def word_count(text: str, start: int, end: int, at_most: int = 3) -> int:
    """The number of words in text[start:end], counted no further than ``at_most`` (callers
    ask only whether there are two or three, and content may run over a whole sentence)."""
    n = sum(1 for _ in islice(_WORD_RUN.finditer(text, start, end), at_most))
    if n < at_most and any(ch in _QUOTE_MARKS for ch in text[start:end]):
        n = sum(1 for _ in islice(_CLAUSE_WORD_RUN.finditer(text, start, end), at_most))
    return n

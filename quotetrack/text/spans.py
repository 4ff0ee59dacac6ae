"""Offsets and spans of one text: the line table, and text shortened for one line of output."""
from __future__ import annotations

import bisect
import re
from typing import Iterator

_NEWLINE = re.compile(r"\n")     # a line break: what Lines counts
WHITESPACE = re.compile(r"\s+")
QUOTE_WIDTH = 80       # a table cell's quote is shortened to this many characters


class Lines:
    """Line and column (both from 1; columns count characters) of offsets into one text,
    by bisection over the line starts: the one line table of drafts, sources and outputs.

    >>> Lines("ab\\ncd").position(3), Lines("a\\nb\\nc").line(4)
    ((2, 1), 3)
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def char_before(text: str, offset: int) -> str:
    """The last character before ``offset`` that is not white space ('' if none), found
    without copying the text before it.

    >>> char_before("Yes,   said", 7), char_before("  x", 2)
    (',', '')
    """
    while offset and text[offset - 1].isspace():
        offset -= 1
    return text[offset - 1] if offset else ""


def last_words_start(text: str, lo: int, end: int, n: int) -> int:
    """Where the last ``n`` words (runs of non-space) of text[lo:end] begin, or ``lo`` when it
    holds no more: a match of at most ``n`` words and the space between them that must end at
    ``end`` ("the oil giant " before a name) can start nowhere before, so a search for it may
    begin there instead of at ``lo``, with the same match and far less text tried.

    >>> text = "the oil giant Harlow"
    >>> text[last_words_start(text, 0, 14, 2):14], last_words_start(text, 0, 14, 3)
    (' oil giant ', 0)
    """
    head = text[lo:end].rsplit(None, n)
    return lo + len(head[0]) if len(head) > n else lo


def ending_at(pattern: re.Pattern, anchor: re.Pattern, text: str, reach: int) -> Iterator[re.Match]:
    """The matches of ``pattern`` that end where a match of ``anchor`` (its rare last words)
    ends, starting at most ``reach`` characters before that, in text order and not
    overlapping: what ``pattern.finditer`` gives for a pattern that must end so and is never
    longer than ``reach``, in a fraction of the time (the engine reads only near the anchors).

    >>> words = re.compile(r"[A-Z][a-z]+ poll"); polls = re.compile(r"poll")
    >>> [m.group() for m in ending_at(words, polls, "A poll, then a Harlow poll.", 40)]
    ['Harlow poll']
    """
    last = 0
    for a in anchor.finditer(text):
        at = max(last, a.start() - reach)
        while at <= a.start():
            m = pattern.search(text, at, a.end())
            if m is None:
                break
            if m.end() == a.end():
                last = m.end()
                yield m
                break
            at = m.start() + 1


def one_line(text: str | None) -> str:
    """``text`` with every run of white space (newlines too) made one space; None -> ''."""
    return WHITESPACE.sub(" ", text).strip() if text else ""


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """``text`` on one line, cut to at most ``width`` characters with a closing ``…``.

    The cut falls at a word boundary when one is near the end.

    >>> shorten("one two three four", 15)
    'one two three…'
    >>> shorten("one two three four", 12)
    'one two thr…'
    """
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"

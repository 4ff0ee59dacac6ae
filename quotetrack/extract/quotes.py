"""Stage 2: pair quote marks in one pass.

The scanner keeps the direction of curly marks, tells apostrophes from single
quotes, reads straight marks by what flanks them, nests single quotes inside
double ones (and the reverse, British style), and carries a quote over a
paragraph break when the next paragraph opens with a quote mark of the same
family (the multi-paragraph convention).  An unclosed mark ends its quote at the
end of the paragraph with a warning; a stray closing mark gets a warning.  Each
mark is looked at once, so an article of unclosed marks costs linear time.
"""
from __future__ import annotations

from typing import NamedTuple
import dataclasses
import re

from ..text.marks import DOUBLE_CLOSE, DOUBLE_OPEN
from ..model import Cue, Paragraph, QuotedSpan, TextWarning
from . import cues


# Every character (or pair) that may be a quote mark: “ ” „ ‟ « » ‘ ’ ‚ ‹ › " ' ` and
# the typewriter doubles `` and '' (as in ''Remain'').
_MARK = re.compile(r"''|``|[“”„‟«»‘’‚‹›\"'`]")
# Open quotes kept at once; past this, further opening marks in the paragraph are ignored.
MAX_OPEN = 64
UNCLOSED = "quote mark opened here is never closed"     # an unclosed quote's warning
LOST_BREAK = "; a new quote opens after a sentence end inside it: a paragraph break may have been lost"

# Characters after which a straight mark may open: "said "Yes" / ("Yes" / —"Yes".
_OPENERS = frozenset(" \t\n([{—–-/:;“‘«„")
# Characters before which a straight mark may close: Yes", / Yes". / Yes")
_CLOSERS = frozenset(" \t\n)]}.,;:!?—–-…/”’»")


class _Open(NamedTuple):
    pos: int
    mark: str
    double: bool
    straight: bool
    para_count: int     # paragraphs the quote has run over so far


def _is_word(ch: str | None) -> bool:
    return ch is not None and (ch.isalnum() or ch == "_")


class _Counts:
    """How many quotes of each family are open, kept as the stack changes (no rescans)."""
    __slots__ = ("double", "single", "straight_double")

    def __init__(self) -> None:
        self.double = self.single = self.straight_double = 0

    def add(self, o: _Open, n: int) -> None:
        if o.double:
            self.double += n
            self.straight_double += n if o.straight else 0
        else:
            self.single += n


def _turned_close(text: str, para: Paragraph, pos: int) -> bool:
    """An opening mark typed where a closing one belongs (`“a fascist?“ he asked`, `“rigged“ in
    a tweet`): right after a word or sentence punctuation, before white space, punctuation
    or the paragraph end.  (Only read while a double quote is open.)"""
    prev = text[pos - 1] if pos > para.start else None
    nxt = text[pos + 1] if pos + 1 < para.end else None
    return prev is not None and not prev.isspace() and prev not in _OPENERS \
        and (nxt is None or nxt.isspace() or (nxt in _CLOSERS and nxt not in "—–-"))


def _role(mark: str, prev: str | None, nxt: str | None, counts: _Counts) -> tuple[str, bool]:
    """What a mark does here: ("open"|"close"|"none", double?)."""
    has_double = counts.double > 0
    has_single = counts.single > 0
    if mark in DOUBLE_OPEN:
        if mark == "«" or mark == "„":
            return "open", True
        return "open", True
    if mark in DOUBLE_CLOSE:
        if mark == "''" and (prev is None or prev.isspace() or prev in _OPENERS) \
                and (not has_double or _is_word(nxt)):
            return "open", True          # ''Remain'' (and `… now. ''We will …`: a lost break)''
        if mark == "»" and not has_double and _is_word(nxt):
            return "open", True          # »Zitat« style
        return "close", True
    if mark == '"':
        left = (prev is None or prev.isspace() or prev in _OPENERS) and nxt is not None and not nxt.isspace()
        right = prev is not None and not prev.isspace() \
            and (nxt is None or nxt.isspace() or nxt in _CLOSERS or nxt == '"')
        straight_open = counts.straight_double > 0
        if right and straight_open:
            return "close", True
        if left:
            return "open", True
        if right:
            return "close", True
        return ("close", True) if straight_open else ("open", True)
    # single-family marks and apostrophes
    if mark in ("‘", "‚", "‹"):
        if _is_word(prev):
            return "none", False             # rare typo for an apostrophe
        if nxt is not None and nxt.isdigit():
            return "none", False             # ‘90s
        return "open", False
    if mark == "›":
        return "close", False
    # ’ ' ` : apostrophe or single close / open
    if _is_word(prev) and _is_word(nxt):
        return "none", False                 # don’t, it's
    if prev is not None and not prev.isspace():
        # after a word or punctuation: closes an open single quote, else an apostrophe (players’)
        return ("close", False) if has_single else ("none", False)
    # after white space or at the start
    if mark == "’":
        return "none", False                 # ’90s, ’em, rock ’n’ roll
    if nxt is not None and (nxt.isdigit() or nxt.isspace()):
        return "none", False                 # '90s, a lone '
    return "open", False


def scan(text: str, paras: tuple[Paragraph, ...]) -> tuple[list[QuotedSpan], list[TextWarning]]:
    """Pair the quote marks of ``text``; return the quoted spans (by start) and warnings."""
    spans: list[QuotedSpan] = []
    warnings: list[TextWarning] = []
    stack: list[_Open] = []
    counts = _Counts()
    for i, para in enumerate(paras):
        for m in _MARK.finditer(text, para.start, para.end):
            mark, pos = m.group(), m.start()
            if pos == para.start and stack and stack[0].para_count > 1:
                continue                     # the re-opening mark of a continued quote
            if len(stack) >= MAX_OPEN:
                continue                      # dozens of unclosed marks: nothing real nests so deep
            if mark == "“":                   # the commonest mark: opens (fast path) …
                if counts.double and _turned_close(text, para, pos):
                    _close(stack, counts, spans, warnings, pos, m.end(), True)
                    continue                  # … unless it is typed for a closing mark
                if _lost_break(text, para, stack, pos):
                    _lose_break(text, stack, spans, warnings, pos)
                    counts = _Counts()
                opened = _Open(pos, mark, True, False, 1)
                stack.append(opened)
                counts.double += 1
                continue
            prev = text[pos - 1] if pos > para.start else None
            nxt = text[m.end()] if m.end() < para.end else None
            role, double = _role(mark, prev, nxt, counts)
            if role == "open" and double and _lost_break(text, para, stack, pos):
                _lose_break(text, stack, spans, warnings, pos)
                counts = _Counts()
            if role == "open":
                opened = _Open(pos, mark, double, mark in ('"', "'", "`"), 1)
                stack.append(opened)
                counts.add(opened, 1)
            elif role == "close":
                _close(stack, counts, spans, warnings, pos, m.end(), double)
        nxt_para = paras[i + 1] if i + 1 < len(paras) else None
        stack = _end_paragraph(text, para, nxt_para, stack, spans, warnings)
        counts = _Counts()
        for o in stack:
            counts.add(o, 1)
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans, warnings


# A sentence end and white space right before an opening double mark while a double quote
# is still open: a paragraph break of a multi-paragraph quote was lost (`… again. “I drank …`,
# `… again. "I drank …`).
_LOST_BREAK = re.compile(r"[.?!][’]?[ \t]+$")


def _lost_break(text: str, para: Paragraph, stack: list[_Open], pos: int) -> bool:
    """A double quote opens right after a sentence end while a double quote is open."""
    return bool(stack) and stack[0].double and _LOST_BREAK.search(text, max(para.start, pos - 4), pos) is not None


def _lose_break(text: str, stack: list[_Open], spans: list[QuotedSpan], warnings: list[TextWarning],
                pos: int) -> None:
    """End the open quote before ``pos``, unclosed, as its lost paragraph would have."""
    outer = stack[0]
    end = pos
    while end > outer.pos and text[end - 1] in " \t":
        end -= 1
    _unclosed(text, outer, end, spans, warnings, LOST_BREAK)
    stack.clear()


def _close(stack: list[_Open], counts: _Counts, spans: list[QuotedSpan], warnings: list[TextWarning],
           pos: int, end: int, double: bool) -> None:
    """Close the innermost open quote of the mark's family; inner quotes left open are dropped.

    The counts say at once whether the family has an open quote, so a run of stray closing
    marks costs nothing, and whatever the search passes over is removed: linear overall."""
    if (counts.double if double else counts.single) == 0:
        if double:
            warnings.append(TextWarning("unbalanced-quote", "closing quote mark with no opening mark", pos, end))
        return
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].double == double:
            opened = stack[k]
            for o in stack[k:]:
                counts.add(o, -1)
            del stack[k:]
            spans.append(QuotedSpan(opened.pos, end, opened.mark, opened.double, True,
                                    opened.para_count, depth=k))
            return


def _end_paragraph(text: str, para: Paragraph, nxt: Paragraph | None, stack: list[_Open],
                   spans: list[QuotedSpan], warnings: list[TextWarning]) -> list[_Open]:
    """At a paragraph break: carry a multi-paragraph quote over, or close what is open."""
    if not stack:
        return stack
    outer = stack[0]
    if nxt is not None and (text.startswith(outer.mark, nxt.start)
                            or (outer.double and outer.mark in DOUBLE_OPEN and text[nxt.start] in DOUBLE_OPEN)):
        return [outer._replace(para_count=outer.para_count + 1)]
    if outer.double or outer.para_count > 1 or not outer.straight:
        _unclosed(text, outer, para.end, spans, warnings)
    return []


def _unclosed(text: str, outer: _Open, end: int, spans: list[QuotedSpan], warnings: list[TextWarning],
              why: str = "") -> None:
    """Record a quote whose closing mark never came, ending at ``end``, with its warning.  A
    runaway that has swallowed its own attribution (“We were poor, said coach Dan Rourke. The
    visitors …) is cut after the comma before that cue, where its closing mark was lost, so
    the cue and the narrative after it are read as text again."""
    span = QuotedSpan(outer.pos, end, outer.mark, outer.double, False, outer.para_count, depth=0)
    cue = own_cue(text, span)
    message = UNCLOSED + why
    if cue is not None:
        span = dataclasses.replace(span, end=text.rindex(",", outer.pos, cue.start))
        message += f"; it ran past its own attribution (“{text[cue.start:cue.end]}”) and is cut before it"
    spans.append(span)
    warnings.append(TextWarning("unbalanced-quote", message, outer.pos, outer.pos + len(outer.mark)))


# After a cue inside a quote, the speaker it names: "said the coach", "said coach Dan Rourke".
# (An object pronoun is no source: “…, tell him I will remember it.”)
_INVERTED_SOURCE = re.compile(r"[ \t]+(?:the[ \t]+)?(?!(?:him|her|them|us|me|you|it)\b)(?:[a-z][\w\-]*[ \t]+)?[A-Z]")


def own_cue(text: str, span: QuotedSpan) -> Cue | None:
    """A speech cue inside a quoted span with its source after it (“…, said coach Dan
    Rourke. …”): the quote has run past its closing mark and swallowed its own attribution."""
    start, end = span.inner
    if not cues.after_comma(text, start, end):
        return None                       # no cue right after a comma: nothing below can hold
    for cue in cues.find(text, start, end):
        if cue.type == "speech" and text[max(start, cue.start - 2):cue.start].rstrip().endswith(",") \
                and _INVERTED_SOURCE.match(text, cue.end, end):
            return cue
    return None


def top_level(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """The outermost quoted spans, in order."""
    out: list[QuotedSpan] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out

"""Read transcripts: who spoke each turn of a debate, an interview or a hearing.

Two layouts are read, each into frozen :class:`Turn` records whose offsets point
into the file text as read (``text[t.start:t.end] == t.text``):

* ``SPEAKER: text`` lines (``BOB SCHIEFFER: Good evening.``, ``Gantz: We won.``).
  A line without a speaker label continues the turn of the speaker before it;
  lines before the first label have no speaker.
* The CLEF CheckThat! TSV: ``line<TAB>speaker<TAB>text[<TAB>label]``, no header.

>>> [(t.speaker, t.text, t.line) for t in parse("Q: Did it work?\\nGANTZ: It did.\\n")]
[('Q', 'Did it work?', 1), ('GANTZ', 'It did.', 2)]
>>> t = parse("7\\tTRUMP\\tWe lost 3 million jobs.\\t1\\n")[0]
>>> (t.number, t.speaker, t.text, t.label)
('7', 'TRUMP', 'We lost 3 million jobs.', 1)
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text.names import PARTICLES


class TranscriptError(ValueError):
    """The text is not a transcript this module can read; the message says where and why."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn (or one line of a turn) of a transcript.

    ``line`` counts file lines from 1; ``number`` is the TSV's own line number
    field and ``label`` its check-worthiness label (None in ``SPEAKER:`` files).
    """
    speaker: str | None
    text: str
    start: int
    end: int
    line: int
    number: str | None = None
    label: int | None = None


# A speaker label at the start of a line, before a colon and a space: one to six
# capitalised words ("BOB SCHIEFFER", "Sen. Elizabeth Warren", "Q", "MR. O'ROURKE",
# "Secretary of State Blinken", "Dr. Ruiz-Tagle") — not "He said: …".
_LABEL = regex.compile(
    rf"""[ \t]*
        (?P<speaker>
          \p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*                        # first word, capitalised
          (?:[ ](?:(?:of|the|and|for|{PARTICLES})[ ]+)*
                \p{{Lu}}[\p{{L}}\p{{M}}.'’\-]*){{0,5}}          # more capitalised words
          (?:[ ]\([^()\n]{{1,40}}\))?                       # "SMITH (D-Mass.)"
        )
        [ \t]*:[ \t]+(?=\S)""", regex.VERBOSE)
_LINE = regex.compile(r"[^\n]*\n?")


def label(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(speaker start, speaker end, turn start) of a ``SPEAKER: text`` label that opens
    text[start:end], else None.

    >>> label("GANTZ: It did.", 0, 14)
    (0, 5, 7)
    """
    match = _LABEL.match(text, start, end)
    if match is None:
        return None
    return match.start("speaker"), match.start("speaker") + len(match.group("speaker").rstrip()), match.end()


def _lines(text: str):
    """(line number from 1, start offset, line without its end of line) for every line."""
    pos, number = 0, 0
    while pos < len(text):
        match = _LINE.match(text, pos)
        number += 1
        line = match.group().rstrip("\n").rstrip("\r")
        yield number, pos, line
        pos = match.end()


def _stripped(line: str, start: int) -> tuple[int, int]:
    """Offsets of ``line`` (which begins at ``start``) without leading and trailing space."""
    left = len(line) - len(line.lstrip())
    return start + left, start + len(line.rstrip())


def is_tsv(text: str) -> bool:
    """True when the first non-blank line has three or four tab-separated fields."""
    for _number, _start, line in _lines(text):
        if line.strip():
            return line.count("\t") in (2, 3)
    return False


def looks_like_transcript(text: str) -> bool:
    """True for a CLEF TSV, or when most non-blank lines (two at least) open with a speaker label.
    Not when the labels are only "Q" and "A" after an introduction: that is a question-and-answer
    interview, read as an article, whose answers are the interviewee's (extract's interview rule).

    >>> looks_like_transcript("A: Yes.\\nB: No.\\n")
    True
    >>> looks_like_transcript("The minister said: it is done.\\nShe left.\\n")
    False
    >>> looks_like_transcript("Ana Ruiz spoke to us.\\nQ: Why?\\nA: Because.\\nQ: When?\\nA: Soon.\\n")
    False
    """
    if is_tsv(text):
        return True
    lines = [line for _n, _s, line in _lines(text) if line.strip()]
    matches = [_LABEL.match(line) for line in lines]
    labels = [m.group("speaker").strip() for m in matches if m is not None]
    introduced = bool(matches) and matches[0] is None
    return len(labels) >= 2 and len(labels) * 2 >= len(lines) and not (introduced and set(labels) <= {"Q", "A"})


def parse(text: str, source: str = "<text>") -> tuple[Turn, ...]:
    """The turns of a transcript in either layout (chosen by :func:`is_tsv`).

    Raises :class:`TranscriptError` when nothing in ``text`` is a turn.
    """
    turns = _parse_tsv(text) if is_tsv(text) else _parse_labelled(text)
    if not turns:
        raise TranscriptError("no transcript turns: expected 'SPEAKER: text' lines "
                              "or tab-separated 'line, speaker, text[, label]'")
    return turns


def _parse_labelled(text: str) -> tuple[Turn, ...]:
    turns: list[Turn] = []
    speaker: str | None = None
    labelled = False
    for number, start, line in _lines(text):
        if not line.strip():
            continue
        match = _LABEL.match(line)
        if match:
            speaker = match.group("speaker").strip()
            labelled = True
            begin, end = _stripped(line[match.end():], start + match.end())
        else:
            begin, end = _stripped(line, start)
        turns.append(Turn(speaker, text[begin:end], begin, end, number))
    return tuple(turns) if labelled else ()


def _parse_tsv(text: str) -> tuple[Turn, ...]:
    turns: list[Turn] = []
    for number, start, line in _lines(text):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) not in (3, 4):
            raise TranscriptError(f"line {number}: expected 3 or 4 tab-separated fields "
                                  f"(line, speaker, text[, label]), found {len(fields)}")
        label = None
        if len(fields) == 4:
            raw = fields[3].strip()
            if raw not in ("0", "1", ""):
                raise TranscriptError(f"line {number}: label must be 0 or 1, not {raw!r}")
            label = int(raw) if raw else None
        offset = start + len(fields[0]) + 1 + len(fields[1]) + 1
        begin, end = _stripped(fields[2], offset)
        speaker = fields[1].strip() or None
        turns.append(Turn(speaker, text[begin:end], begin, end, number,
                          fields[0].strip() or None, label))
    return tuple(turns)

"""Who a first-person text's "I" is, for :mod:`.resolve`: the writer the text names, and in an
interview printed as questions and answers, the interviewee.  A text that names no writer
leaves its "I" unresolved.

* A signature (:func:`authors`): a paragraph that is a person's full name alone (a letter's,
  "Ana Ruiz."); among the last AUTHOR_LINES paragraphs, one that opens with a full name and says
  who the writer is ("Ana Ruiz is the mayor of Dorsten."), or a credit line naming the work the
  text is taken from ("From THE LONG ROAD by Ana Ruiz. Copyright …"; data/extract/credit_lines.txt
  [leads]).  An "I" is the writer of the next signature after it.
* The whole text's writer, for an "I" no later signature claims: a column's title line that
  opens with the writer's name ("Ana Ruiz: The Long Road Home"), or an editor's note in the first
  LEAD_PARAGRAPHS paragraphs that the text is an excerpt of a named person's work ("excerpts
  from Ana Ruiz’s new memoir"; [excerpts], and data/extract/work_nouns.txt).
* An interview (:mod:`.attribute.interview`): an "I" in an answer (its "A:" paragraph and the
  unlabelled paragraphs after it) and the interviewer's "you" in a question ("Q: You thanked
  him for that.") are the interviewee; the interviewer's own "I" stays unresolved.
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property, lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from .attribute import interview

FIRST_PERSON = frozenset({"i", "me", "my"})
# What follows the writer's name in a closing author line: "Ana Ruiz is the mayor of Dorsten.",
# past a short apposition: "Rep. Ana Ruiz, D-Ore., was …", "Ana Ruiz, a nurse, is …"; or what the
# writer does: "Ana Ruiz runs a bakery in Dorsten.", "Ana Ruiz teaches law at …".
_AUTHOR_LINE = re.compile(r"(?:,[ \t]+[^,\n]{1,30},)?[ \t]+(?:is|was|has been|served as"
                          r"|runs|chairs|heads|leads|directs|teaches)[ \t]")
AUTHOR_LINES = 2                          # closing paragraphs read for an author line
TITLE_LINE = 120                          # characters of a title line that opens with its writer's name
LEAD_PARAGRAPHS = 3                       # opening paragraphs read for an editor's note on an excerpt
CREDIT_CHARS = 200                        # characters of a credit line read for "by NAME"
EXCERPT_REACH = 80                        # characters from "excerpts from" to the writer's name
NOTE_CHARS = 400                          # characters of a lead paragraph read for an excerpt note
WORK_WORDS = 3                            # words from the writer's possessive to the work's noun
# A possessive right after a name, then up to WORK_WORDS words: "’s new book" (group 1: the words).
_POSSESSIVE = re.compile(r"[’']s((?:[ \t]+[\w’'-]+){1,%d})" % WORK_WORDS)


class Narration:
    """Where the text is signed, (offset, person entity) in text order, and the turns of an
    interview, (start, end, "Q" or "A", interviewee entity) in text order; each worked out on
    first use, so a text with no first-person mention to resolve pays nothing for them (the
    interview's labels are read once a document, by :func:`.attribute.interview.read_interview`)."""

    def __init__(self, qa: interview.Interview, text: str, paras, skip, model):
        self._qa = qa
        self._args = (text, paras, skip, model)

    @cached_property
    def signed(self) -> list[tuple[int, int]]:
        return authors(*self._args)

    @cached_property
    def turns(self) -> list[tuple[int, int, str, int]]:
        return interview_turns(self._qa, self._args[3])


@lru_cache(maxsize=1)
def _credit_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a credit line's opening: "From ", "Adapted from "; an excerpt note: "excerpts from ")."""
    sections = lexicon.sections("extract/credit_lines.txt")
    leads = lexicon.trie_pattern(sorted(sections["leads"]))
    excerpts = lexicon.trie_pattern(sorted(sections["excerpts"]))
    return (re.compile(r"(?:%s)[ \t]" % leads, re.IGNORECASE),
            re.compile(r"(?<![\w’'])(?:%s)[ \t]+(?:from|of)[ \t]" % excerpts, re.IGNORECASE))


def _people(model, start: int, end: int):
    """The occurrences of a person's name inside text[start:end], in text order."""
    i = bisect.bisect_left(model.starts, start)
    while i < len(model.occurrences) and model.occurrences[i].start < end:
        occ = model.occurrences[i]
        if occ.end <= end and model.entities[occ.entity].type == "person":
            yield occ
        i += 1


def credited(text: str, start: int, end: int, model) -> int | None:
    """The person a credit line text[start:end] names as the writer ("From THE LONG ROAD by
    Ana Ruiz. Copyright …"), or None."""
    if not _credit_patterns()[0].match(text, start, end):
        return None
    for occ in _people(model, start, min(end, start + CREDIT_CHARS)):
        if text[max(start, occ.start - 4):occ.start] == " by " and len(text[occ.start:occ.end].split()) >= 2:
            return occ.entity
    return None


def excerpted(text: str, start: int, end: int, model) -> int | None:
    """The person an editor's note in text[start:end] names as the writer of the work the text
    is an excerpt of ("excerpts from bestselling author Ana Ruiz’s new memoir"), or None."""
    works = lexicon.lower_words("extract/work_nouns.txt")
    for m in _credit_patterns()[1].finditer(text, start, min(end, start + NOTE_CHARS)):
        for occ in _people(model, m.end(), min(end, m.end() + EXCERPT_REACH)):
            name = text[occ.start:occ.end]
            at = occ.end - 2 if name.endswith(POSSESSIVE_S) else occ.end
            after = _POSSESSIVE.match(text, at)
            if len(name.split()) >= 2 and after is not None \
                    and any(w.lower() in works for w in after.group(1).split()):
                return occ.entity
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without its white space around and its final periods or comma (a letter's
    "Yours, etc,¶Ana Ruiz,¶Dorsten."), as offsets (a paragraph is not copied: it may be the whole text)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ".,":
        end -= 1
    return start, end


def authors(text: str, paras, skip, model) -> list[tuple[int, int]]:
    """Where a first-person text is signed, in text order: (offset, person entity) of each
    signature, credit line or closing author line; the title line's or the excerpt note's
    writer at the text's end, for an "I" no later signature claims (see the module's notes)."""
    body = [p for p in paras if p.index not in skip]
    out, whole = [], None
    for n, p in enumerate(body):
        start, end = _trimmed(text, p.start, p.end)
        if whole is None and n < LEAD_PARAGRAPHS:
            whole = excerpted(text, start, end, model)
        if n >= len(body) - AUTHOR_LINES:
            eid = credited(text, start, end, model)
            if eid is not None:
                out.append((start, eid))
                continue
        i = bisect.bisect_left(model.starts, start)
        occ = model.occurrences[i] if i < len(model.occurrences) else None
        if occ is None or occ.start != start or model.entities[occ.entity].type != "person" \
                or len(text[occ.start:occ.end].split()) < 2:
            continue
        if occ.end >= end or n >= len(body) - AUTHOR_LINES and _AUTHOR_LINE.match(text, occ.end):
            out.append((start, occ.entity))
        elif n == 0 and text.startswith(":", occ.end) and p.end - p.start <= TITLE_LINE:
            whole = occ.entity            # "Ana Ruiz: The Long Road Home": a column's title line
    return out + [(len(text), whole)] if whole is not None else out


def interview_turns(qa: interview.Interview, model) -> list[tuple[int, int, str, int]]:
    """(start, end, "Q" or "A", interviewee entity) of each paragraph of an interview's
    questions and answers (:func:`.attribute.interview.interview_turns`)."""
    named, turns = interview.interview_turns(qa)
    occ = model.at(*named) if named is not None else None
    return [(start, end, turn, occ.entity) for start, end, turn in turns] if occ is not None else []


def narration(qa: interview.Interview, text: str, paras, skip, model) -> Narration:
    """The writer's signatures and the interview's turns (of the interview ``qa``, as read once
    a document), worked out at most once per document."""
    return Narration(qa, text, paras, skip, model)


def narrator(n: Narration, word: str, offset: int) -> int | None:
    """The person a first-person word (or an interviewer's "you") at ``offset`` stands for:
    in an interview, the interviewee of an answer's "I" or a question's "you"; else the
    writer of the next signature after it; None when the text names no one."""
    if word not in FIRST_PERSON and word != "you":
        return None
    k = bisect.bisect_right(n.turns, (offset, float("inf"))) - 1
    if k >= 0 and n.turns[k][0] <= offset < n.turns[k][1]:
        _, _, turn, eid = n.turns[k]
        if word in FIRST_PERSON:          # the interviewee's "I", not the interviewer's own
            return eid if turn == "A" else None
        return eid if turn == "Q" and word == "you" else None
    if word not in FIRST_PERSON:
        return None
    k = bisect.bisect_right(n.signed, (offset, -1))
    return n.signed[k][1] if k < len(n.signed) else None

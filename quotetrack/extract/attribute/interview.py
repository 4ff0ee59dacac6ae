"""Question-and-answer interviews: paragraphs labelled "Q:" and "A:" after an introduction
that names the interviewee ("Former chief executive Harriet Vole spoke to us …" ¶ "Q: Why
did you resign?" ¶ "A: I felt …").  Each answer is a direct statement of the interviewee
(rule ``answer``), who is resolved from the introduction: the answer has no source mention
of its own.

Only a document whose labels alternate, a question before each answer and at least
INTERVIEW_TURNS answers, is read so: a stray "A:" is no interview.  An answer is a
statement beside the attributions inside it ("I told them …"), which keep their own
speakers; being direct, it never takes an indirect statement's place.  The questions are
the interviewer's, who is not named: they are left out."""
from __future__ import annotations

import bisect

from ...read import transcript
from ...model import Cue, Paragraph
from ...text.names import split_title
from ..speakers import _is_person_name, _runs
from .grammar import Attribution, _Doc
from .offsets import _rstrip_end, _word_count

INTERVIEW_TURNS = 2           # answers an interview has at least, each after a question
ANSWER_RULE = "answer"


def _turns(doc: _Doc, paras: list[Paragraph]) -> list[tuple[int, str, int, Paragraph]]:
    """(index in ``paras``, "Q" or "A", where the turn's text starts, paragraph) of every
    paragraph a "Q:" or "A:" label opens."""
    out = []
    for k, para in enumerate(paras):
        at = transcript.label(doc.text, para.start, para.end)
        if at is not None and doc.text[at[0]:at[1]] in ("Q", "A"):
            out.append((k, doc.text[at[0]:at[1]], at[2], para))
    return out


def _alternates(labels: list[str]) -> bool:
    """Whether labels alternate question, answer (a question may run over paragraphs: "Q Q A"),
    opening with a question, with at least INTERVIEW_TURNS answers."""
    if not labels or labels[0] != "Q" or labels.count("A") < INTERVIEW_TURNS:
        return False
    return all(not (a == "A" and b == "A") for a, b in zip(labels, labels[1:]))


def interview_answers(doc: _Doc, paras: list[Paragraph]) -> list[Attribution]:
    """The answers of a question-and-answer interview, each attributed to the person its
    introduction (the paragraph before the first question) names first."""
    turns = _turns(doc, paras)
    if not _alternates([t[1] for t in turns]) or turns[0][0] == 0:
        return []
    named = _first_person(doc.text, paras[turns[0][0] - 1])
    if named is None:
        return []
    found = []
    for _, label, start, para in turns:
        end = _rstrip_end(doc.text, start, para.end)      # a direct quote keeps its final period
        if label != "A" or _word_count(doc.text, start, end) < 2:
            continue
        sent = doc.sents[bisect.bisect_right(doc.sent_starts, start) - 1]
        colon_at = doc.text.index(":", para.start)
        cue = Cue(colon_at, colon_at + 1, ":", ":", "speech")
        found.append(Attribution(((start, end),), None, cue, ANSWER_RULE, sent, interviewee=named))
    return found


def _first_person(text: str, para: Paragraph) -> tuple[int, int] | None:
    """The span of the first person's full name in a paragraph (title left out): the one an
    interview's introduction is about ("Actress Diane Guerrero has …")."""
    for run in _runs(text[para.start:para.end]):
        words = [w for _, w in run]
        title, name = split_title(words)
        if len(name) >= 2 and _is_person_name(name):
            begin = para.start + run[len(title)][0]
            return begin, para.start + run[-1][0] + len(run[-1][1].rstrip(".,’'s"))
    return None

"""Question-and-answer interviews: paragraphs labelled "Q:" and "A:" after an introduction
that names the interviewee ("Former chief executive Harriet Vole spoke to us …" ¶ "Q: Why
did you resign?" ¶ "A: I felt …").  Each answer is a direct statement of the interviewee
(rule ``answer``), who is resolved from the introduction: the answer has no source mention
of its own.

Only a document whose labels alternate, a question before each answer and at least
INTERVIEW_TURNS answers, and whose text before the first question says it is an interview
("spoke to us", "the edited transcript"), is read so: a stray "A:" or an explainer's own
questions are no interview.  An answer is a
statement beside the attributions inside it ("I told them …"), which keep their own
speakers; being direct, it never takes an indirect statement's place.  The questions are
the interviewer's, who is not named: they are left out.

Who speaks in each turn (:func:`interview_turns`, for :mod:`..narrators`: an answer's "I" and a
question's "you" are the interviewee) is read the same way, and also where a question's label
lost its colon and is glued to the question ("QWhat changed?"); the answers of such an
interview are not made statements (the labels of a page stripped of its layout are too weak a
sign to set its answers apart as quotes).

The labels are read once a document (:func:`read_interview`); the answers and the turns share
that reading."""
from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

from ...read import transcript
from ...text import lexicon
from ...model import Cue, Paragraph
from ...text.names import split_title
from ..speakers import _is_person_name, _runs
from .views import Attribution, Doc
from .offsets import rstrip_end, word_count

INTERVIEW_TURNS = 2           # answers an interview has at least, each after a question
INTRO_CHARS = 1500            # text before the first question read for interview words
ANSWER_RULE = "answer"


# A dotted interview label opening a paragraph: "Q. What changes?", "A. They no longer pay …".
_DOTTED = re.compile(r"[ \t]*([QA])\.[ \t]+(?=\S)")
# A question label that lost its colon, glued to the question: "QWhat changed?" (read by
# :func:`interview_turns` only).
_GLUED = re.compile(r"[ \t]*(Q)(?=[A-Z][a-z])")


@dataclasses.dataclass(frozen=True)
class Interview:
    """A document's question-and-answer interview, read once (:func:`read_interview`): by its
    "Q:"/"A:" labels (``labelled``, for its answers) and with a question label glued to its
    question counted too (``glued``, for who speaks each turn), each (turns, the interviewee's
    span) or None when the labels make no interview; ``paras`` the paragraphs read."""
    labelled: tuple | None
    glued: tuple | None
    paras: tuple[Paragraph, ...]


NO_INTERVIEW = Interview(None, None, ())


def _label(text: str, para: Paragraph) -> tuple[int, int, int, bool] | None:
    """(label start, label end, turn start, whether glued) of a "Q:"/"A:" or dotted "Q."/"A."
    label opening a paragraph, or of a "Q" glued to its question; else None."""
    at = transcript.label(text, para.start, para.end)
    if at is not None:
        return (*at, False)
    m = _DOTTED.match(text, para.start, para.end)
    if m is not None:
        return m.start(1), m.end(1), m.end(), False
    m = _GLUED.match(text, para.start, para.end)
    return (m.start(1), m.end(1), m.end(), True) if m is not None else None


def _turns(text: str, paras: list[Paragraph]) -> list[tuple[int, str, int, Paragraph, bool]]:
    """(index in ``paras``, "Q" or "A", where the turn's text starts, paragraph, whether its
    label is glued) of every paragraph a "Q:" or "A:" label (or "Q." and "A.", or a glued "Q")
    opens."""
    out = []
    for k, para in enumerate(paras):
        at = _label(text, para)
        if at is not None and text[at[0]:at[1]] in ("Q", "A"):
            out.append((k, text[at[0]:at[1]], at[2], para, at[3]))
    return out


def read_interview(text: str, paras: list[Paragraph]) -> Interview:
    """The question-and-answer interview of ``paras`` (the paragraphs that are not page
    furniture), read once a document and shared by :func:`interview_answers` and
    :func:`interview_turns`; NO_INTERVIEW when no paragraph opens with a label."""
    turns = _turns(text, paras)
    if not turns:
        return NO_INTERVIEW
    return Interview(_interview(text, paras, [t[:4] for t in turns if not t[4]]),
                     _interview(text, paras, [t[:4] for t in turns]), tuple(paras))


def document_interview(text: str, paras: tuple[Paragraph, ...], skip: frozenset[int],
                       interview: Interview | None = None) -> Interview:
    """The document's interview: ``interview`` when the caller read it once a document (the
    pipeline does, :func:`..stages.run`), else :func:`read_interview` of the paragraphs not in
    ``skip`` (page furniture).  The one place the attribution and resolution stages get it."""
    if interview is not None:
        return interview
    return read_interview(text, [p for p in paras if p.index not in skip])


def _interview(text: str, paras: list[Paragraph], turns: list[tuple[int, str, int, Paragraph]]):
    """(turns, the interviewee's span) of a question-and-answer interview (see the module's
    notes), or None when ``turns`` make no such interview."""
    if not _alternates([t[1] for t in turns]) or turns[0][0] == 0 \
            or not _introduced_as_interview(text, turns[0][3].start):
        return None
    named = _first_person(text, paras[turns[0][0] - 1])
    return (turns, named) if named is not None else None


def interview_turns(interview: Interview) -> tuple[tuple[int, int] | None, list[tuple[int, int, str]]]:
    """The interviewee's span in the introduction and (start, end, "Q" or "A") of each
    paragraph from the first question on: a label opens a turn, an unlabelled paragraph goes
    on with the turn before it; (None, []) when the paragraphs are no interview."""
    if interview.glued is None:
        return None, []
    turns, named = interview.glued
    labels = {para.start: label for _, label, _, para in turns}
    out, turn = [], None
    for para in interview.paras[turns[0][0]:]:
        turn = labels.get(para.start, turn)
        out.append((para.start, para.end, turn))
    return named, out


def _alternates(labels: list[str]) -> bool:
    """Whether labels alternate question, answer (a question may run over paragraphs: "Q Q A"),
    opening with a question, with at least INTERVIEW_TURNS answers."""
    if not labels or labels[0] != "Q" or labels.count("A") < INTERVIEW_TURNS:
        return False
    return all(not (a == "A" and b == "A") for a, b in zip(labels, labels[1:]))


def interview_answers(doc: Doc, interview: Interview) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """The answers of a question-and-answer interview, each attributed to the person its
    introduction (the paragraph before the first question) names first, and where each turn's
    label starts and its text starts (for :func:`with_answers`)."""
    found = interview.labelled
    if found is None:
        return [], []
    turns, named = found
    labels = [(para.start, start) for _, _, start, para in turns]
    found = []
    for _, label, start, para in turns:
        end = rstrip_end(doc.text, start, para.end)      # a direct quote keeps its final period
        if label != "A" or word_count(doc.text, start, end) < 2:
            continue
        sent = doc.sents[bisect.bisect_right(doc.sent_starts, start) - 1]
        mark = para.start + len(doc.text[para.start:start].rstrip()) - 1     # the label's ":" or "."
        cue = Cue(mark, mark + 1, doc.text[mark], doc.text[mark], "speech")
        found.append(Attribution(((start, end),), None, cue, ANSWER_RULE, sent, interviewee=named))
    return found, labels


def with_answers(found: list[Attribution], answers: list[Attribution],
                 labels: list[tuple[int, int]]) -> list[Attribution]:
    """The other sieves' attributions beside an interview's answers, a source that opens at a
    turn's label starting after it ("A. Critics said …": "Critics", not "A. Critics").  The
    questions keep theirs: an interviewer's question may report what others said."""
    if not answers:
        return found
    opens = dict(labels)
    return [a if a.source is None or a.source[0] not in opens or opens[a.source[0]] >= a.source[1]
            else dataclasses.replace(a, source=(opens[a.source[0]], a.source[1])) for a in found] + answers


@lru_cache(maxsize=1)
def _interview_words() -> re.Pattern:
    words = sorted(lexicon.lower_words("extract/interview_words.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _introduced_as_interview(text: str, first_question: int) -> bool:
    """Whether the text before the first question says it is an interview ("spoke to us",
    "the edited transcript", data/extract/interview_words.txt): not an explainer's own
    questions ("Q: Who pays the new tax?"), whose answers are nobody's quotes."""
    return _interview_words().search(text, max(0, first_question - INTRO_CHARS), first_question) is not None


def _asks(text: str, start: int) -> bool:
    """Whether the word just before a name marks it as the publication's own interviewer
    ("Our reporter Ines Marlowe", data/extract/interviewer_nouns.txt)."""
    before = text[max(0, start - 40):start].split()
    return bool(before) and before[-1].lower() in lexicon.lower_words("extract/interviewer_nouns.txt")


def _first_person(text: str, para: Paragraph) -> tuple[int, int] | None:
    """The span of the first person's full name in a paragraph, with its title: the one an
    interview's introduction is about ("Actress Diane Guerrero has …"), passing over the
    publication's own interviewer ("Our reporter NAME caught up with the sprinter NAME")."""
    for run in _runs(text[para.start:para.end]):
        words = [w for _, w in run]
        title, name = split_title(words)
        if len(name) >= 2 and _is_person_name(name) \
                and (title or not _asks(text, para.start + run[0][0])):
            begin = para.start + run[0][0]       # with its title: the name's occurrence may hold it ("Dr Meera Iyer")
            return begin, para.start + run[-1][0] + len(run[-1][1].rstrip(".,’'s"))
    return None

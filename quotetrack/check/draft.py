"""A draft as the source-free checks see it: its extraction, the people named in it, its
sentences, body and quotes, and how a finding on it is made."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Callable
from functools import cached_property, lru_cache

from .. import pipeline
from ..config import Config
from ..text import lexicon
from ..extract import furniture
from ..extract import quotes as quote_marks
from ..extract import speakers
from ..model import Document, Finding
from ..text.names import PARTICLES
from ..text.spans import one_line, shorten
from ..text.spans import Lines
from .severity import severity_of


QUOTE_IN_MESSAGE = 60        # a quote in a message is shortened to this many characters
HEADLINE_WORDS = 30          # a one-sentence opening paragraph this short is a headline or standfirst
HEADLINE_PARAGRAPHS = 3      # headline, standfirst, byline: the body begins by the fourth paragraph
SUBHEAD_WORDS = 12           # a paragraph this short, anywhere, is a headline or subhead ("Rubio: Finish second.")
MIN_SURNAME = 4              # shorter surnames are never compared for spelling
MAX_EDITS = 2                # "Gantz"/"Gants" (1), "Esper"/"Espre" (1, a transposition)
LONG_SURNAME = 7             # shorter surnames allow one edit, longer ones two ("Hewlett"/"Hulett")
# A deletion variant shared by more surnames than this ("Ga" from many short names) is a
# common stem, not one name misspelt; skipping it keeps a list of names from costing n².
MAX_SHARED = 32

# A word, to look for lower-case person nouns a "he"/"she" may refer back to: "spokesman".
_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z’'\-]*")
# A person's name as a source resolves to: capitalised words, initials and name particles
# ("Benny Gantz", "Jason C. Ervin", "Beatriz de la Cruz", "Conan O'Brien"), not "R-Utah" nor
# "Giles attempted to re-engage the campaign".
_NAME_LIKE = re.compile(
    rf"(?:[A-Z][a-z’'][\w’'\-]*|[A-Z]\.)(?:[ ](?:(?:{PARTICLES})[ ])*"
    r"(?:[A-Z][a-z’'][\w’'\-]*|[A-Z]\.))*")
# "He"/"She" opening a sentence (the word scan above only sees lower-case words).
_PRONOUN_OPENING = re.compile(r"\s*[“\"]?(?:He|She)\b")
# "by" and a name after a quoted title: '"Met accused of whitewashing," by Post's Kathianne'.
_BY_AFTER = re.compile(r"[,\s]*by\s+(?:the\s+)?[A-Z]")
# The start of a markup tag: "<a ", "<tweet ", "</p".
_TAG_OPEN = re.compile(r"</?[A-Za-z][\w\-]*[\s>/]")
# A capitalised word standing alone (no capitalised word or name particle after it):
# "Okafur" in "Delgado and Okafur are due", not "New" in "New York", "Osama" in "Osama bin Laden".
_LONE_CAPITALISED = re.compile(
    r"(?<![\w’'\-])[A-Z][a-z][a-z\-]*\b(?![’']\w)"
    rf"(?![ ]+(?:[A-Z]|(?:{PARTICLES})[ ]))")
# A capitalised word and a space right before a word: "New " in "New York".
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w’'\-]*\.? $")
# What a word that is no cue gets from the cue table.
_NOT_A_CUE = lexicon.CueEntry("", "")
# The lower-case word right after a name: "Rovers manager" -> "manager".
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")
# The word right before a name: "one in Kettle Cove" -> "in".
_PREVIOUS_WORD = re.compile(r"\b([A-Za-z]+)[ \t]+$")
# The end of a body paragraph: "… on Monday." / "… said.”" / "… again?"
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*\s*$")


# --- tables from data/ ------------------------------------------------------------------------

# --- the draft -----------------------------------------------------------------------------------

@dataclass
class Draft:
    """What the checks share about one draft: the extracted document, its file name,
    line positions, the people named in it and the quoted spans (built once)."""
    doc: Document
    file: str
    lines: Lines
    named: tuple[speakers.Named, ...]
    quoted: tuple[tuple[int, int], ...]     # top-level quoted spans, by start
    skip: frozenset[int]                    # page-furniture paragraphs

    def finding(self, verdict: str, start: int, end: int, message: str, **fields) -> Finding:
        line, column = self.lines.position(start)
        return Finding(self.file, line, column, verdict, severity_of(verdict), one_line(message),
                       start, end, **fields)

    def inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted, (offset, len(self.doc.text) + 1)) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    @cached_property
    def named_starts(self) -> list[int]:
        return [n.start for n in self.named]

    @cached_property
    def sources(self) -> list[tuple[int, str]]:
        """(offset, speaker) of every attribution to a person named there as the subject of
        its cue (not "he"/"she", not "according to X")."""
        return sorted((q.mention.start, q.speaker) for q in self.doc.quotes
                      if q.speaker_type == "person" and _NAME_LIKE.fullmatch(q.speaker or "")
                      and q.mention is not None
                      and q.mention.text.lower() not in speakers.PERSON_PRONOUNS
                      and q.rule != "according_to")

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.doc.sentences]

    def sentence_at(self, offset: int) -> int:
        """Index (from 0) in ``doc.sentences`` of the sentence holding ``offset``."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)


def prepare(doc: Document, file: str) -> Draft:
    """The shared facts about a draft that the checks read."""
    skip = furniture.boilerplate_paragraphs(doc.text, doc.paragraphs)
    spans = [(p.start, p.end) for p in doc.paragraphs if p.index in skip]
    marks, _ = quote_marks.scan(doc.text, doc.paragraphs)
    quoted = tuple((s.start, s.end) for s in quote_marks.top_level(marks))
    return Draft(doc, file, Lines(doc.text), speakers.named_people(doc.text, spans), quoted, skip)


def quoted(text: str) -> str:
    """A quote for a message: on one line, shortened, in curly marks unless it has its own.

    >>> quoted("the deal")
    '“the deal”'
    """
    text = shorten(text, QUOTE_IN_MESSAGE)
    return text if text[:1] in "“‘\"'«„" else f"“{text}”"


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Title words that show a person: honorifics and abbreviated titles ("Mr.", "Sen.",
    "President") and the roles text/titles.txt writes in lower case ("minister", "spokesman"),
    less the office words ("health"), lower-cased and without a final period."""
    abbreviations, portfolios, _ = _title_tables()
    words = {w for w in lexicon.words("text/titles.txt") if w.islower()} - portfolios
    words |= set(lexicon.pairs("text/honorifics.tsv")) | set(abbreviations)
    return frozenset(w.rstrip(".") for w in words)


def has_role(title: str | None) -> bool:
    """Whether a title shows a person ("Sen.", "Defense Minister"), unlike a party or a
    place written before a name ("Republican", "Georgia").

    >>> has_role("Defense Minister"), has_role("Sen."), has_role("Republican"), has_role(None)
    (True, True, False, False)
    """
    roles = _role_words()
    return bool(title) and any(w.lower().rstrip(".") in roles for w in title.split())


def _people(draft: Draft) -> frozenset[str]:
    """The named runs the text shows to be people, not groups, places or teams that look like
    names ("European Jews", "Kettle Cove"): an honorific or a role in a title at some mention,
    or a gender the titles and appositives show."""
    people = {n.person for n in draft.named if n.gender or has_role(n.title)}
    people.update(q.speaker for q in draft.doc.quotes
                  if q.speaker_type == "person" and q.speaker and has_role(q.speaker_title))
    return frozenset(people)


def _attributive(draft: Draft, end: int) -> bool:
    """A name ending at ``end`` modifies the noun after it ("the Obama administration", "a Gantz
    aide", "Rovers manager Callum Drysdale"): a lower-case person or organisation noun follows."""
    after = _NEXT_WORD.match(draft.doc.text, end)
    return bool(after) and (after.group(1) in _person_nouns()
                            or after.group(1) in lexicon.lower_words("extract/org_words.txt"))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Lower-case nouns for people: "spokesman", "official", "minister" (person nouns and
    the titles written in lower case)."""
    return lexicon.lower_words("text/person_nouns.txt") | {
        w for w in lexicon.words("text/titles.txt") if w.isalpha() and w.islower()}


def _body_start(draft: Draft) -> int:
    """Where the body begins: the first paragraph (not page furniture) that is not a headline,
    a standfirst or a label - a short paragraph (:func:`_short`) or a line with no sentence
    end - and at the latest the paragraph after HEADLINE_PARAGRAPHS of them.  A headline may
    name someone by surname alone and quote someone the body attributes."""
    text, doc = draft.doc.text, draft.doc
    seen = 0
    for p in doc.paragraphs:
        if p.index in draft.skip:
            continue
        seen += 1
        if seen > HEADLINE_PARAGRAPHS or (_SENTENCE_END.search(text, p.start, p.end) and not _short(draft, p)):
            return p.start
    return len(text)


def _short(draft: Draft, p) -> bool:
    """A paragraph a headline or standfirst may be: one sentence of at most HEADLINE_WORDS
    words, or at most SUBHEAD_WORDS words whatever the sentence splitter made of it."""
    words = len(draft.doc.text[p.start:p.end].split())
    one = draft.sentence_at(p.start) == draft.sentence_at(max(p.end - 1, p.start))
    return words <= SUBHEAD_WORDS or (one and words <= HEADLINE_WORDS)


@lru_cache(maxsize=1)
def _title_tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    return (lexicon.pairs("extract/title_abbreviations.tsv"), lexicon.lower_words("extract/title_portfolios.txt"),
            frozenset(k for k, g in lexicon.pairs("text/honorifics.tsv").items() if g in ("m", "f")))


NO_CLAIMS = Config(claims=False)     # the checks read quotes and names, not claims


def run_check(fn: Callable[[Draft], list[Finding]], text: str, file: str = "<text>") -> list[Finding]:
    """One check on ``text`` (for doctests and tests)."""
    return fn(prepare(pipeline.extract(text, file, NO_CLAIMS), file))

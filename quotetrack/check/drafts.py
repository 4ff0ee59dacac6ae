"""Draft checks: what ``quotetrack check`` reports on a draft before it is filed.

:func:`check` extracts the draft's quotes, runs every source-free check in
:data:`CHECKS` (one small function each, in order), then, when sources are given,
holds each quote against them (:func:`quotetrack.check.verify.verify_quotes`), and
returns the :class:`~quotetrack.model.Finding` records sorted by position.

Source-free checks (their severities are in ``data/check_verdicts.tsv``):

unbalanced-quote
    a quote mark opened and never closed (a multi-paragraph quote whose paragraphs
    each reopen is fine), or a closing mark never opened; from the quote scanner.
    Marks inside markup tags are left alone.
unattributed
    a direct or mixed quote with no speaker and no attributed quote just before it
    that it could continue, and nothing that plainly introduces it (a colon before it,
    a speech cue after it in its sentence, someone speaking in the sentence before);
    not in the headline, not a title followed by "by" and its author.
pronoun-before-name
    "he said" / "she said" with no person named before it (nor anyone a title or a
    noun such as "the spokesman" introduced).
ambiguous-speaker
    "he said" / "she said" when two or more people it could be are named just before as
    subjects of main clauses ("Esper and Gantz met …"), and the speaker just before is not
    the one going on.
name-inconsistent
    one person spelled two ways ("Gantz" / "Gants"), a surname used as a subject before
    the full name (or any titled mention) was given, or two different offices for one
    person ("Defense Minister" / "Foreign Minister").

The writers at the end print findings as compiler-style lines, JSON Lines or CSV.
"""
from __future__ import annotations

import bisect
import csv
import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Mapping, Sequence, TextIO

from ..text import lexicon
from .. import pipeline
from ..extract import furniture
from ..extract import quotes as quote_marks
from ..extract import speakers
from ..extract.attribute.rules import UNATTRIBUTED
from ..config import Config
from ..model import SEVERITIES, Document, Finding, Quote
from ..text.spans import one_line, shorten
from ..text.spans import Lines
from . import verify
from .severity import severity_of

CHECK_FORMATS = ("table", "json", "csv")
# The keys of the JSON Lines form of a finding, and the CSV header: the output contract.
FINDING_KEYS = tuple(Finding("", 1, 1, "", "error", "").to_dict())
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
    r"(?:[A-Z][a-z’'][\w’'\-]*|[A-Z]\.)(?:[ ](?:(?:de|da|la|le|van|von|bin|al|del|di)[ ])*"
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
    r"(?![ ]+(?:[A-Z]|(?:bin|ibn|al|de|da|del|della|di|du|la|le|van|von|der)[ ]))")
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
        return sorted((q.speaker_start, q.speaker) for q in self.doc.quotes
                      if q.speaker_type == "person" and _NAME_LIKE.fullmatch(q.speaker or "")
                      and q.speaker_start is not None
                      and q.speaker_mention.lower() not in speakers.PERSON_PRONOUNS
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


# --- the checks -------------------------------------------------------------------------------

def _in_markup(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside an HTML or XML tag on its line (``<a href="…">``), whose
    attribute quotes are markup, not quotation."""
    line_start = text.rfind("\n", 0, offset) + 1
    opened = text.rfind("<", line_start, offset)
    return opened >= 0 and _TAG_OPEN.match(text, opened) is not None \
        and text.find(">", opened, offset) < 0


def check_unbalanced(draft: Draft) -> list[Finding]:
    """The quote scanner's warnings: a mark opened and never closed, a closing mark never opened.
    Marks inside markup tags (``<tweet author="…">``) are left alone.

    >>> [f.message for f in run_check(check_unbalanced, "He said: “We will go.\\nThey went.")]
    ['“ opens a quotation that is never closed (its paragraph ends first)']
    """
    text = draft.doc.text
    quote_at = {q.start: q.text for q in draft.doc.quotes}
    out = []
    for w in draft.doc.warnings:
        if w.code != "unbalanced-quote" or _in_markup(text, w.start):
            continue
        mark = text[w.start:w.end]
        if "never closed" in w.message:
            message = f"{mark} opens a quotation that is never closed (its paragraph ends first)"
        else:
            message = f"{mark} closes a quotation that was never opened"
        out.append(draft.finding("unbalanced-quote", w.start, w.end, message, quote=quote_at.get(w.start, "")))
    return out


def _introduced(draft: Draft, q: Quote) -> bool:
    """Whether the writer plainly introduced a quote the extractor left without a speaker: a
    colon right before it ("… released the following statement:¶“…”", "Stated Stone:¶“…”"),
    a speech cue later in its sentence ("“…,” said retired neurosurgeon Ben Carson"), or a
    sentence just before in which someone named (or "he"/"she") speaks ("Howard continued his
    remarks.¶“…”")."""
    text, sents = draft.doc.text, draft.doc.sentences
    if text[:q.start].rstrip().endswith(":"):
        return True
    if not sents:
        return False
    cues = lexicon.cues()
    sent = sents[draft.sentence_at(max(q.end - 1, q.start))]
    if sent.end > q.end and any(cues.get(m.group().lower(), _NOT_A_CUE).type == "speech"
                                for m in _WORD.finditer(text, q.end, sent.end) if not draft.inside_quote(m.start())):
        return True
    k = draft.sentence_at(q.start)
    if k == 0 or text[sents[k].start:q.start].strip():
        return False
    before = sents[k - 1]                 # "Howard continued his scathing remarks.¶“…”"
    words = [m for m in _WORD.finditer(text, before.start, before.end) if not draft.inside_quote(m.start())]
    spoke = any(cues.get(m.group(), _NOT_A_CUE).type in ("speech", "act") for m in words)
    lo = bisect.bisect_left(draft.named_starts, before.start)
    someone = lo < len(draft.named) and draft.named[lo].start < before.end \
        or any(m.group() in speakers.PERSON_PRONOUNS for m in words) \
        or _PRONOUN_OPENING.match(text, before.start) is not None
    return spoke and someone


def check_unattributed(draft: Draft) -> list[Finding]:
    """A direct or mixed quote with no source and no attributed quote before it to continue.
    Not one the writer plainly introduced (see :func:`_introduced`) nor a quote right after such
    a one (the next paragraph of a statement introduced with a colon); not in the headline
    (attributed in the body, by convention), nor a title followed by its author ("…," by X).

    >>> lead = "The river rose two metres overnight. By morning the lower town was under water.\\n"
    >>> [f.verdict for f in run_check(check_unattributed, lead + "“Nobody came to help.”")]
    ['unattributed']
    >>> run_check(check_unattributed, "The mayor released this statement:\\n“Nobody came to help.”")
    []
    """
    out = []
    body = _body_start(draft)
    introduced = None                     # the paragraph of the last quote found introduced
    for q in draft.doc.quotes:
        if q.kind in ("direct", "mixed") and q.speaker is None and q.speaker_mention is None \
                and q.rule in UNATTRIBUTED:
            if _introduced(draft, q) or (introduced is not None and q.paragraph - introduced <= 1):
                introduced = q.paragraph
                continue
            if q.start < body or _BY_AFTER.match(draft.doc.text, q.end):
                continue                  # a headline's quote; a title with its author ("…," by X)
            out.append(draft.finding(
                "unattributed", q.start, q.end,
                f"{quoted(q.text)} has no speaker: no attribution, and no attributed quote just before it",
                quote=q.text))
        introduced = None
    return out


def _pronoun_quotes(draft: Draft) -> Iterable[tuple[int, Quote, str]]:
    """(index, quote, gender) for every attribution whose source is "he" or "she"."""
    for i, q in enumerate(draft.doc.quotes):
        if q.speaker_mention is not None and q.speaker_start is not None:
            gender = speakers.PERSON_PRONOUNS.get(q.speaker_mention.lower())
            if gender is not None:
                yield i, q, gender


def _genders(draft: Draft) -> dict[str, str]:
    """person -> "m"/"f": from titles and appositives, then from the pipeline's entities."""
    out = {n.person: n.gender for n in draft.named if n.gender}
    for e in draft.doc.entities:
        if e.gender and e.name not in out:
            out[e.name] = e.gender
    return out


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Title words that show a person: honorifics and abbreviated titles ("Mr.", "Sen.",
    "President") and the roles titles.txt writes in lower case ("minister", "spokesman"),
    less the office words ("health"), lower-cased and without a final period."""
    abbreviations, portfolios, _ = _title_tables()
    words = {w for w in lexicon.words("titles.txt") if w.islower()} - portfolios
    words |= set(lexicon.pairs("honorifics.tsv")) | set(abbreviations)
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
                            or after.group(1) in lexicon.lower_words("org_words.txt"))


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Lower-case nouns for people: "spokesman", "official", "minister" (person nouns and
    the titles written in lower case)."""
    return lexicon.lower_words("person_nouns.txt") | {
        w for w in lexicon.words("titles.txt") if w.isalpha() and w.islower()}


def first_referent(draft: Draft, gender: str, genders: dict[str, str]) -> int:
    """Where the first one a "he"/"she" could refer to appears (``len(text)`` if no one does):
    a named person not known to be of the other gender, an attribution's person or
    descriptor, or a lower-case person noun outside quotes ("the spokesman", "a senior
    official")."""
    text = draft.doc.text
    first = len(text)
    for n in draft.named:
        if genders.get(n.person) in (None, gender):
            first = n.start
            break
    for q in draft.doc.quotes:
        if q.speaker_start is not None and q.speaker_start < first and q.speaker is not None \
                and (q.speaker_type in ("descriptor", "unknown") or genders.get(q.speaker) in (None, gender)):
            first = q.speaker_start
    nouns = _person_nouns()
    for m in _WORD.finditer(text, 0, first):
        if m.group() in nouns and not draft.inside_quote(m.start()):
            return m.start()
    return first


def check_pronoun_before_name(draft: Draft) -> list[Finding]:
    """"he said" / "she said" with no one named before it it could refer to.

    >>> [f.verdict for f in run_check(check_pronoun_before_name, "“We will win,” he said.")]
    ['pronoun-before-name']
    """
    genders = _genders(draft)
    firsts = {g: first_referent(draft, g, genders) for g in ("m", "f")}
    out = []
    for _, q, gender in _pronoun_quotes(draft):
        if q.speaker is not None or firsts[gender] < q.speaker_start:
            continue
        out.append(draft.finding(
            "pronoun-before-name", q.speaker_start, q.speaker_end,
            f"“{q.speaker_mention} {q.cue or 'said'}” has no one named before it that "
            f"“{q.speaker_mention}” could be",
            quote=q.text))
    return out


def _people_in(draft: Draft, start: int, end: int, gender: str,
               genders: dict[str, str]) -> tuple[list[str], set[str]]:
    """The distinct people named in ``[start, end)`` outside quotes who may be "he"/"she", in
    order of first naming, and those of them named as the subject of a clause there.  People
    are those the text shows to be people (a role or honorific in a title, a gender, see
    :func:`_people`) or the source of an attribution (a subject too: "…, Gantz said")."""
    found: dict[str, int] = {}
    subjects: set[str] = set()
    lo = bisect.bisect_left(draft.named_starts, start)
    for n in draft.named[lo:bisect.bisect_left(draft.named_starts, end)]:
        if not draft.inside_quote(n.start) and not _not_a_person_here(draft, n):
            found.setdefault(n.person, n.start)
            if n.subject:
                subjects.add(n.person)
    lo = bisect.bisect_left(draft.sources, (start, ""))
    for offset, speaker in draft.sources[lo:bisect.bisect_left(draft.sources, (end, ""))]:
        found.setdefault(speaker, offset)
        subjects.add(speaker)
    known = _people(draft) | {speaker for _, speaker in draft.sources}
    people: list[str] = []
    for p in sorted(found, key=found.get):
        if p in known and genders.get(p) in (None, gender) \
                and not any(p in q or q in p for q in people):   # "Aris Shirvanian" and "… Aris Shirvanian of …"
            people.append(p)
    return people, subjects & set(people)


def _not_a_person_here(draft: Draft, n: speakers.Named) -> bool:
    """A name that modifies a noun after it ("Rovers manager Callum Drysdale", "a Gantz aide",
    see :func:`_attributive`) or follows a place preposition ("in Kettle Cove") does not name a
    person here."""
    text = draft.doc.text
    if _attributive(draft, n.end):
        return True
    before = _PREVIOUS_WORD.search(text, max(0, n.start - 30), n.start)
    return bool(before) and before.group(1).lower() in lexicon.lower_words("place_prepositions.txt")


def check_ambiguous_speaker(draft: Draft) -> list[Finding]:
    """"he said" when two or more people it could be are named as subjects of main clauses
    just before it (in its own sentence before the pronoun, or else in the sentence before):
    "Esper and Gantz met …", "Esper spoke as Gantz left".  A reader takes a lone subject
    ("Esper met Gantz. He said …" is Esper) or, with none, the first named; and the speaker
    just before going on (within two sentences, the pronoun read as them) is no ambiguity.

    >>> [f.verdict for f in run_check(check_ambiguous_speaker,
    ...     "Secretary Mark Esper and Minister Benny Gantz met on Monday. “It went well,” he said.")]
    ['ambiguous-speaker']
    >>> run_check(check_ambiguous_speaker,
    ...     "Secretary Mark Esper met Minister Benny Gantz on Monday. “It went well,” he said.")
    []
    """
    doc = draft.doc
    if not doc.sentences:
        return []
    genders = _genders(draft)
    out = []
    for i, q, gender in _pronoun_quotes(draft):
        k = draft.sentence_at(q.speaker_start)
        sent = doc.sentences[k]
        people, subjects = _people_in(draft, sent.start, q.speaker_start, gender, genders)
        if not people and k > 0:
            before = doc.sentences[k - 1]
            people, subjects = _people_in(draft, before.start, before.end, gender, genders)
        if len(subjects) < 2:
            continue                      # one subject (or none): readers take it, or the first named
        prev = next((p for p in reversed(doc.quotes[:i]) if p.speaker_start is not None), None)
        if prev is not None and prev.speaker == q.speaker and q.speaker in people \
                and q.sentence - prev.sentence <= 2:
            continue                      # the same speaker goes on
        named = ", ".join(people[:-1]) + " and " + people[-1]
        out.append(draft.finding(
            "ambiguous-speaker", q.speaker_start, q.speaker_end,
            f"“{q.speaker_mention}” could be {named}, named just before; read as "
            f"{q.speaker or 'no one'}", quote=q.text, speaker=q.speaker))
    return out


def allowed_edits(surname: str) -> int:
    """How many edits still make a misspelling of ``surname``: 1 under LONG_SURNAME letters, else 2.

    >>> allowed_edits("Gantz"), allowed_edits("Hewlett")
    (1, 2)
    """
    return 1 if len(surname) < LONG_SURNAME else MAX_EDITS


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from ``a`` to ``b``; any
    answer above ``limit`` is returned as ``limit + 1``.

    >>> edit_distance("Gantz", "Gants"), edit_distance("Esper", "Espre"), edit_distance("Esper", "Gantz")
    (1, 1, 3)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return min(prev[-1], limit + 1)


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


@dataclass(frozen=True)
class _Spelling:
    """One way a surname is written, and where."""
    surname: str
    person: str
    firsts: frozenset[str]
    places: tuple[tuple[int, int], ...]


def _spellings(draft: Draft) -> dict[str, _Spelling]:
    """surname as written -> its person, first names and places: from the named people, from
    person sources of attributions ("Gants said" when no "… Gants" is named in full), and from
    lone capitalised words that are the subject of a clause in the narrative ("Okafur is due";
    their person is "", so they are only ever the rare spelling)."""
    places: dict[str, list[tuple[int, int]]] = {}
    firsts: dict[str, set[str]] = {}
    person: dict[str, str] = {}
    for n in draft.named:
        places.setdefault(n.surname, []).append((n.start, n.end))
        person.setdefault(n.surname, n.person)
        if n.first:
            firsts.setdefault(n.surname, set()).add(n.first)
    for offset, speaker in draft.sources:          # sources as written, never "he"/"she"
        word = speaker.split()[-1]
        at = draft.doc.text.find(word, offset, offset + 200)
        if word in person or at < 0:
            continue
        places.setdefault(word, []).append((at, at + len(word)))
        person.setdefault(word, speaker)
    text = draft.doc.text
    function = lexicon.lower_words("function_words.txt") | lexicon.lower_words("calendar_words.txt")
    for m in _LONE_CAPITALISED.finditer(text):   # "Delgado and Okafur are due …"
        word = m.group()
        if word in person or word.lower() in function or draft.inside_quote(m.start()) \
                or _CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or not speakers.main_subject(text, m.start(), m.end()):
            continue
        places.setdefault(word, []).append((m.start(), m.end()))
        person.setdefault(word, "")
    return {s: _Spelling(s, person[s], frozenset(firsts.get(s, ())), tuple(sorted(set(places[s]))))
            for s in places}


def deletions(word: str, n: int = MAX_EDITS) -> set[str]:
    """``word`` with up to ``n`` letters left out: two words within ``n`` edits share one.

    >>> sorted(deletions("Esper", 1) & deletions("Espre", 1))
    ['Espe', 'Espr']
    """
    out = {word}
    for _ in range(n):
        out |= {w[:i] + w[i + 1:] for w in out for i in range(len(w))}
    return out


def _near_pairs(words: list[str]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of ``words`` within MAX_EDITS edits, found through shared
    deletion variants instead of comparing every pair.

    >>> sorted(_near_pairs(["Gantz", "Esper", "Gants", "Espre"]))
    [(0, 2), (1, 3)]
    """
    by_key: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        for key in deletions(w):
            by_key.setdefault(key, []).append(i)
    pairs = set()
    for group in by_key.values():
        if len(group) > MAX_SHARED:
            continue
        for x, i in enumerate(group):
            for j in group[x + 1:]:
                if (i, j) not in pairs and edit_distance(words[i], words[j]) <= MAX_EDITS:
                    pairs.add((i, j))
    return pairs


def _misspellings(draft: Draft) -> list[Finding]:
    """Two spellings of one surname: both given with the same first name, or one never given a
    first name at all while the other is (a person named in full).  The rarer spelling is
    reported, each place it is used, against the commonest spelling near it.  Not one word
    that begins the other ("America"/"Americans"), nor a place."""
    known = _people(draft)
    speakers_named = {speaker for _, speaker in draft.sources}
    spellings = [s for s in _spellings(draft).values() if len(s.surname) >= MIN_SURNAME
                 and (s.person in known or s.person in speakers_named or not s.person)]
    weight = {s.surname: (len(s.places), -s.places[0][0]) for s in spellings}
    places = lexicon.words("places.txt")
    best: dict[str, _Spelling] = {}       # rare spelling -> the commoner one it is read as
    for i, j in _near_pairs([s.surname for s in spellings]):
        a, b = spellings[i], spellings[j]
        if edit_distance(a.surname, b.surname) > allowed_edits(min(a.surname, b.surname, key=len)):
            continue                      # "Calif"/"Malik": two edits in five letters is another word
        if a.person == b.person or (a.firsts and b.firsts and not (a.firsts & b.firsts)):
            continue                      # two people: "Dana Kerr" and "John Kerry"
        rare, common = sorted((a, b), key=lambda s: weight[s.surname])
        if not common.firsts or (common.person not in known and common.person not in speakers_named):
            continue                      # the spelling taken as right: a person, named in full
        if rare.surname.startswith(common.surname) or common.surname.startswith(rare.surname) \
                or rare.surname in places or common.surname in places:
            continue                      # "America"/"Americans": another form, or a place
        held = best.get(rare.surname)
        if held is None or weight[common.surname] > weight[held.surname]:
            best[rare.surname] = common
    out = []
    for rare in spellings:
        common = best.get(rare.surname)
        if common is None:
            continue
        line, _ = draft.lines.position(common.places[0][0])
        for start, end in rare.places:
            out.append(draft.finding(
                "name-inconsistent", start, end,
                f"“{rare.surname}” here, “{common.surname}” elsewhere ({common.person}, "
                f"line {line}): one of them is misspelt", speaker=common.person))
    return out


def _surname_first(draft: Draft) -> list[Finding]:
    """A surname alone as the subject of a clause or the source of a statement in the body's
    narrative ("Gantz flew …", "…, Gantz said"), before the person's full name first appears
    and before any titled mention ("President Obama").
    Not in a quotation, not modifying a noun ("the Obama administration"), not as an object
    ("in the Bush years", "on Biden"): those are usually famous names or set phrases."""
    body = _body_start(draft)
    full_at: dict[str, int] = {}
    for n in draft.named:
        if n.first:
            full_at.setdefault(n.person, n.start)
    known = _people(draft)
    sources = {offset for offset, _ in draft.sources}
    paragraphs = {p.index: p for p in draft.doc.paragraphs}
    out, seen = [], set()
    for n in draft.named:
        if n.title:
            seen.add(n.person)            # "President Obama" introduces him well enough
        if n.first or n.title or n.start < body or n.person in seen or n.person not in full_at \
                or n.person not in known or _attributive(draft, n.end) or draft.inside_quote(n.start) \
                or not (n.subject or n.start in sources):
            continue
        para = paragraphs[draft.doc.sentences[draft.sentence_at(n.start)].paragraph]
        if len(draft.doc.text[para.start:para.end].split()) <= SUBHEAD_WORDS:
            continue                      # a subhead: "Rubio: Finish second."
        if n.start < full_at[n.person]:
            seen.add(n.person)
            line, _ = draft.lines.position(full_at[n.person])
            out.append(draft.finding(
                "name-inconsistent", n.start, n.end,
                f"“{n.text}” is used before the full name “{n.person}” is given (line {line})",
                speaker=n.person))
    return out


@lru_cache(maxsize=1)
def _title_tables() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    return (lexicon.pairs("title_abbreviations.tsv"), lexicon.lower_words("title_portfolios.txt"),
            frozenset(k for k, g in lexicon.pairs("honorifics.tsv").items() if g in ("m", "f")))


def title_words(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """(every word, the office words) of a title, abbreviations spelt out, gendered
    honorifics ("Mr.", "Mrs.") and joining words left out.

    >>> [sorted(s) for s in title_words("Sen.")], [sorted(s) for s in title_words("Defence Minister")]
    ([['senator'], []], [['defense', 'minister'], ['defense']])
    """
    abbreviations, portfolios, honorifics = _title_tables()
    words = set()
    for w in title.split():
        low = w.lower()
        if low in honorifics or low.rstrip(".") in honorifics or low in ("of", "the", "and", "for"):
            continue
        words.add(abbreviations.get(low, low))
    return frozenset(words), frozenset(w for w in words if w in portfolios)


def titles_conflict(a: str, b: str) -> bool:
    """Whether two titles name two different offices: they share a word ("minister") but
    their office words ("defense", "foreign") have nothing in common.

    >>> titles_conflict("Defense Minister", "Foreign Minister"), titles_conflict("Texas Sen.", "Republican Senator")
    (True, False)
    >>> titles_conflict("Alternate Prime Minister and Defense Minister", "Defense Minister")
    False
    """
    words_a, office_a = title_words(a)
    words_b, office_b = title_words(b)
    return bool(words_a & words_b) and bool(office_a) and bool(office_b) and not (office_a & office_b)


def _title_changes(draft: Draft) -> list[Finding]:
    """Two different offices given to one person (one first name with that surname, or the
    same first name both times)."""
    by_person: dict[str, list[speakers.Named]] = {}
    for n in draft.named:
        by_person.setdefault(n.person, []).append(n)
    out = []
    for person, names in by_person.items():
        one_person = len({n.first for n in names if n.first}) <= 1
        titled: dict[tuple[str | None, str], speakers.Named] = {}   # (first name, title) -> first use
        for n in names:
            if not n.title:
                continue
            key = (None if one_person else n.first, n.title)
            if key in titled:
                continue                  # this title again: judged the first time
            earlier = next((t for (first, _), t in titled.items() if first == key[0]
                            and titles_conflict(t.title, n.title)), None)
            if earlier is not None:
                line, _ = draft.lines.position(earlier.start)
                out.append(draft.finding(
                    "name-inconsistent", n.start, n.end,
                    f"{person} is “{n.title}” here but “{earlier.title}” at line {line}",
                    speaker=person))
            titled[key] = n
    return out


def check_names(draft: Draft) -> list[Finding]:
    """One person written two ways: a misspelt surname, a surname before the full name, two
    offices.

    >>> [f.message for f in run_check(check_names,
    ...     "Defense Minister Benny Gantz met reporters. Later, Foreign Minister Benny Gantz left.")]
    ['Benny Gantz is “Foreign Minister” here but “Defense Minister” at line 1']
    """
    return _misspellings(draft) + _surname_first(draft) + _title_changes(draft)


# The source-free checks, verdict -> function, in the order they run.
CHECKS: dict[str, Callable[[Draft], list[Finding]]] = {
    "unbalanced-quote": check_unbalanced,
    "unattributed": check_unattributed,
    "pronoun-before-name": check_pronoun_before_name,
    "ambiguous-speaker": check_ambiguous_speaker,
    "name-inconsistent": check_names,
}


def cited_sources(doc: Document, labels: Mapping[str, str]) -> dict[int, str]:
    """Quote index -> the source its sentence names, outside the quoted words: with
    ``{"briefing": "briefing.txt"}``, “…,” Okafor said at the briefing cites briefing.txt.
    A sentence that names two labelled sources cites neither.

    >>> doc = pipeline.extract("“We will sign,” Ortiz said in a press release.")
    >>> cited_sources(doc, {"press release": "release.txt", "briefing": "briefing.txt"})
    {0: 'release.txt'}
    """
    patterns = {name: re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
                for label, name in labels.items()}
    out: dict[int, str] = {}
    for i, quote in enumerate(doc.quotes):
        around = quote.context.replace(quote.text, " ")
        named = {name for name, pattern in patterns.items() if pattern.search(around)}
        if len(named) == 1:
            out[i] = named.pop()
    return out


NO_CLAIMS = Config(claims=False)     # the checks read quotes and names, not claims


def run_check(fn: Callable[[Draft], list[Finding]], text: str, file: str = "<text>") -> list[Finding]:
    """One check on ``text`` (for doctests and tests)."""
    return fn(prepare(pipeline.extract(text, file, NO_CLAIMS), file))


def check(text: str, file: str, sources: Sequence = (), config: Config | None = None,
          labels: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding on a draft, sorted by position: the source-free checks, then, with
    ``sources`` (from :func:`quotetrack.check.verify.load_source`), one verdict per quote.
    ``labels`` name sources as a draft cites them ({"press release": "release.txt"}):
    a quote whose sentence names one is held to that source (see :func:`cited_sources`).

    >>> [(f.line, f.column, f.severity, f.verdict) for f in check("“We will win,” he said.", "draft.txt")]
    [(1, 16, 'error', 'pronoun-before-name')]
    """
    doc = pipeline.extract(text, file, config or NO_CLAIMS)
    draft = prepare(doc, file)
    findings: list[Finding] = []
    for fn in CHECKS.values():
        findings.extend(fn(draft))
    if sources:
        findings.extend(verify.verify_quotes(doc, file, sources, cited_sources(doc, labels or {})))
    order = {name: i for i, name in enumerate(CHECKS)}
    findings.sort(key=lambda f: (f.start, f.end, order.get(f.verdict, len(order)), f.verdict))
    return findings


# --- output -----------------------------------------------------------------------------------

def compiler_line(f: Finding) -> str:
    """``FILE:LINE:COL: SEVERITY[VERDICT] message``, and an indented word-diff line when there
    is one that the message does not already show.

    >>> compiler_line(Finding("d.txt", 3, 5, "unattributed", "error", "“Hi” has no speaker"))
    'd.txt:3:5: error[unattributed] “Hi” has no speaker'
    """
    line = f"{f.file}:{f.line}:{f.column}: {f.severity}[{f.verdict}] {one_line(f.message)}"
    if f.diff and one_line(f.diff) not in one_line(f.message):
        line += "\n    " + one_line(f.diff)     # not when the message already shows it
    return line


def tally(findings: Iterable[Finding], counts: dict[str, int] | None = None) -> dict[str, int]:
    """Findings counted by severity (added to ``counts`` when given).

    >>> tally([Finding("d", 1, 1, "x", "error", "m")])
    {'error': 1, 'warning': 0, 'info': 0}
    """
    counts = {s: 0 for s in SEVERITIES} if counts is None else counts
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def summary(counts: dict[str, int]) -> str:
    """``N errors, M warnings, K info`` from :func:`tally`.

    >>> summary({"error": 1, "warning": 2, "info": 0})
    '1 error, 2 warnings, 0 info'
    """
    errors, warnings, info = (counts.get(s, 0) for s in SEVERITIES)
    return (f"{errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}, {info} info")


def fails(counts: dict[str, int], strict: bool = False) -> bool:
    """Whether a check fails: any error, or with ``strict`` any warning.

    >>> fails({"error": 0, "warning": 1}), fails({"error": 0, "warning": 1}, strict=True)
    (False, True)
    """
    return counts.get("error", 0) > 0 or (strict and counts.get("warning", 0) > 0)


def finding_json(f: Finding) -> str:
    """One finding as one line of JSON, the keys of :data:`FINDING_KEYS` in order."""
    return json.dumps(f.to_dict(), ensure_ascii=False)


class FindingWriter:
    """Writes findings as they come: ``table`` (compiler lines), ``json`` (JSON Lines) or
    ``csv`` (a header of :data:`FINDING_KEYS`, then one row each)."""

    def __init__(self, fmt: str, out: TextIO):
        if fmt not in CHECK_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from: {', '.join(CHECK_FORMATS)}")
        self.fmt, self.out = fmt, out
        self._csv = None
        if fmt == "csv":
            self._csv = csv.writer(out, lineterminator="\n")
            self._csv.writerow(FINDING_KEYS)

    def write(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if self.fmt == "table":
                self.out.write(compiler_line(f) + "\n")
            elif self.fmt == "json":
                self.out.write(finding_json(f) + "\n")
            else:
                self._csv.writerow(["" if v is None else v for v in f.to_dict().values()])

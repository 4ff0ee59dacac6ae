"""The source-free checks on quote marks and speakers: unbalanced-quote, unattributed,
pronoun-before-name and ambiguous-speaker."""
from __future__ import annotations

import bisect
from typing import Iterable

from ..text import lexicon
from ..text.spans import char_before
from ..extract import speakers
from ..extract.attribute.rules import UNATTRIBUTED
from ..model import Finding, Quote, cue_text
from .draft import (
    Draft, _BY_AFTER, _NOT_A_CUE, _PREVIOUS_WORD, _PRONOUN_OPENING, _TAG_OPEN, _WORD, _attributive,
    _body_start, _people, _person_nouns, quoted, run_check)


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
        if "paragraph break may have been lost" in w.message:
            message = f"{mark} opens a quotation that is never closed before the next one opens " \
                "after a sentence end (a paragraph break may have been lost)"
        elif "never closed" in w.message:
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
    if char_before(text, q.start) == ":":
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
        if q.kind in ("direct", "mixed") and q.speaker is None and q.mention is None \
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
        if q.mention is not None:
            gender = speakers.PERSON_PRONOUNS.get(q.mention.text.lower())
            if gender is not None:
                yield i, q, gender


def _genders(draft: Draft) -> dict[str, str]:
    """person -> "m"/"f": from titles and appositives, then from the pipeline's entities."""
    out = {n.person: n.gender for n in draft.named if n.gender}
    for e in draft.doc.entities:
        if e.gender and e.name not in out:
            out[e.name] = e.gender
    return out


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
        if q.mention is not None and q.mention.start < first and q.speaker is not None \
                and (q.speaker_type in ("descriptor", "unknown") or genders.get(q.speaker) in (None, gender)):
            first = q.mention.start
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
        if q.speaker is not None or firsts[gender] < q.mention.start:
            continue
        out.append(draft.finding(
            "pronoun-before-name", q.mention.start, q.mention.end,
            f"“{q.mention.text} {cue_text(q) or 'said'}” has no one named before it that "
            f"“{q.mention.text}” could be",
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
    return bool(before) and before.group(1).lower() in lexicon.lower_words("extract/place_prepositions.txt")


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
        k = draft.sentence_at(q.mention.start)
        sent = doc.sentences[k]
        people, subjects = _people_in(draft, sent.start, q.mention.start, gender, genders)
        if not people and k > 0:
            before = doc.sentences[k - 1]
            people, subjects = _people_in(draft, before.start, before.end, gender, genders)
        if len(subjects) < 2:
            continue                      # one subject (or none): readers take it, or the first named
        prev = next((p for p in reversed(doc.quotes[:i]) if p.mention is not None), None)
        if prev is not None and prev.speaker == q.speaker and q.speaker in people \
                and q.sentence - prev.sentence <= 2:
            continue                      # the same speaker goes on
        named = ", ".join(people[:-1]) + " and " + people[-1]
        out.append(draft.finding(
            "ambiguous-speaker", q.mention.start, q.mention.end,
            f"“{q.mention.text}” could be {named}, named just before; read as "
            f"{q.speaker or 'no one'}", quote=q.text, speaker=q.speaker))
    return out

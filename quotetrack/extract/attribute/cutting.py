"""Several sources in one sentence: each attribution's content is cut where the next
source's clause begins ("Smith said X while Jones said Y")."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Callable

from ...config import WINDOWS
from ...text import lexicon
from ..fronted import adverbials_only, quote_marks_in
from .grammar import _words
from .views import Attribution
from .stance import inside_report, nested_stance


def _opens_clause(text: str, lo: int, at: int, subordinate: bool = False) -> bool:
    """Is offset ``at`` right after a comma, a semicolon or a conjunction (``subordinate``: or a
    subordinator, "… defends the cap as the opposition calls it …"), read back no further than
    ``lo``, nor more than _JOINT_REACH characters?"""
    lo = max(lo, at - _JOINT_REACH, 0)
    before = text[lo:at].rstrip()
    if before.endswith((",", ";")) or before[:-1].endswith(",") and before[-1:] in _CLOSING_MARKS:
        return True                       # (",” one of her aides said …": a comma inside a closing mark)
    words = before.split()
    return bool(words) and (words[-1].lower() in _words.conjunctions
                            or subordinate and words[-1].lower() in _words.subordinators)


# Characters before a source or a cue read to find what joins it to the clause before
# (", and", ", falsely"): a joint is a few words, so a window keeps each look bounded.
_JOINT_REACH = WINDOWS.joint_chars


def _cut_of(b: Attribution, text: str, lo: int, hi: int, act: bool = False) -> tuple[int, int] | None:
    """Where attribution ``b`` cuts content that runs over text[lo:hi], and the offset that
    decided it (b's source or cue, which lies inside): None when it cuts nothing.  (``act``:
    the content is an act's, which a report opened by a subordinator also ends: "defends the
    cap | as the opposition calls it …".)"""
    if b.cue is None:
        return None
    if _closes_before_tail(b, text) and lo < b.fragments[-1][1] < hi and b.cue.start < hi:
        return b.fragments[-1][1], b.fragments[-1][1]      # "…to “fix it,” Vega said": ends at the quote
    if b.source is not None and lo < b.source[0] < hi and b.cue.start > b.source[0] \
            and _opens_clause(text, lo, b.source[0], act):
        return b.source[0], b.source[0]
    if b.rule == "head_long" and b.source is not None and b.source[1] <= lo < b.cue.start < hi:
        return _before_joint(text, lo, b.cue.start), b.cue.start   # "Aides who spoke to us said …"
    if b.rule == "coordinated" and lo < b.cue.start < hi:
        return _conjunction_before(text, lo, b.cue.start), b.cue.start   # "criticized X and said Y"
    if b.rule == "according_to" and lo < b.cue.start < hi and b.cue.end <= b.fragments[0][0]:
        cut = _conjunction_before(text, lo, b.cue.start)     # "… said X, but according to Y, Z"
        return (cut, b.cue.start) if cut < b.cue.start else None
    if b.rule == "participle" and lo < b.cue.start < hi:
        m = _PARTICIPLE_LEAD.search(text, max(lo, b.cue.start - _JOINT_REACH, 0), b.cue.start)
        if m is not None:
            return (m.start("adverb") if m.group("adverb") else b.cue.start), b.cue.start   # ", falsely suggesting"
    return None


# What stands between a clause and its participle cue: ",” " / " – " / ", falsely ".
_PARTICIPLE_LEAD = re.compile(r"[,][”\"’']?\s*(?P<adverb>[a-z]+ly\s+)?$")


# Rules whose source and cue come first and whose content follows the cue: "Vega said …".
_HEAD_RULES = frozenset({"head", "head_appositive"})
# Rules whose cue and source follow their content: "“…,” Vega said", "“…,” said Vega".
_TAIL_RULES = frozenset({"tail", "tail_inverted", "tail_appositive"})
_CLOSING_MARKS = frozenset("”’\"'»")


def _closes_before_tail(b: Attribution, text: str) -> bool:
    """Does ``b`` attribute a content that closes with a quote mark, its own cue and source
    after it ("…,” Vega said")?  Content that runs on over that cue is not someone else's
    report of the quoted words: it ends where b's content ends.  (Without the quote mark,
    "Pell said X, the governor wrote" nests one report inside another.)"""
    if b.rule not in _TAIL_RULES or b.source is None or b.cue is None:
        return False
    end = b.fragments[-1][1]
    return end <= min(b.cue.start, b.source[0]) and text[end - 1:end] in _CLOSING_MARKS


def _conjunction_before(text: str, lo: int, at: int) -> int:
    """The offset of the "and"/"but"/"then" (and any adverbs) that coordinates the cue at ``at``."""
    m = _COORDINATION.search(text, max(lo, at - _JOINT_REACH, 0), at)
    return m.start() if m else at


_COORDINATION = re.compile(r"[,;]?\s+(?:and|but|then)(?:\s+\w+ly)?(?:\s+(?:also|later|then))?\s*$", re.IGNORECASE)


def _before_joint(text: str, lo: int, end: int) -> int:
    """``end`` moved back over white space, commas and semicolons (not before ``lo``)."""
    while end > lo and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end


def _deciders(b: Attribution, text: str) -> list[int]:
    """The offsets (b's source, b's cue) at which ``b`` could cut content that runs over
    them, whatever the content: each way of :func:`_cut_of` on its own, decided once."""
    if b.cue is None:
        return []
    out = []
    if _closes_before_tail(b, text):
        out.append(b.fragments[-1][1])
    if b.source is not None and b.cue.start > b.source[0] and _opens_clause(text, 0, b.source[0], True):
        out.append(b.source[0])
    if b.rule in ("coordinated", "head_long") or (b.rule == "participle" and _PARTICIPLE_LEAD.search(
            text, max(0, b.cue.start - _JOINT_REACH), b.cue.start) is not None):
        out.append(b.cue.start)
    return out


class _Cuts:
    """The attributions of one sentence, indexed so that the first cut inside any content
    is found in one pass over the sorted cue and source positions, never by comparing
    every pair: near the content's start each attribution is tried as it stands; further
    on, where no window reaches back to the content's start, only those that can cut
    at all (:func:`_deciders`, decided once) are tried, and the search stops as soon as no
    later one can cut earlier than the best found."""

    def __init__(self, found: list[Attribution], text: str):
        self.found, self.text = found, text
        events = sorted({(p, i) for i, b in enumerate(found) if b.cue is not None
                         for p in (b.cue.start, b.source[0] if b.source else None) if p is not None})
        self.events, self.event_at = events, [p for p, _ in events]
        cutting = sorted((p, i) for i, b in enumerate(found) for p in _deciders(b, text))
        self.cutting, self.cutting_at = cutting, [p for p, _ in cutting]

    def first(self, a: int, lo: int, hi: int) -> int | None:
        """The earliest offset where another attribution cuts text[lo:hi] (the last content
        fragment of attribution ``a``)."""
        best = None
        near = lo + _JOINT_REACH
        j = bisect.bisect_right(self.event_at, lo)
        while j < len(self.events) and self.event_at[j] <= near and self.event_at[j] < hi:
            best = self._better(best, a, self.events[j][1], lo, hi)
            j += 1
        j = bisect.bisect_right(self.cutting_at, near)
        while j < len(self.cutting) and self.cutting_at[j] < hi:
            if best is not None and self.cutting_at[j] > best + _JOINT_REACH:
                break                     # a cut lies at most _JOINT_REACH before what decides it
            best = self._better(best, a, self.cutting[j][1], lo, hi)
            j += 1
        return best

    def _better(self, best: int | None, a: int, b: int, lo: int, hi: int) -> int | None:
        if b == a or _reported_act(self.found[a], self.found[b]) or _coordinated_inside(self.found[b], lo, hi) \
                or nested_stance(self.found[b], self.text, lo, hi):
            return best
        cue = self.found[a].cue
        got = _cut_of(self.found[b], self.text, lo, hi, cue is not None and cue.type == "act")
        return got[0] if got is not None and (best is None or got[0] < best) else best


def _fold_source_notes(found: list[Attribution], text: str,
                       quoted: Callable[[Attribution], bool]) -> list[Attribution]:
    """"Vega said X, according to a statement": the according-to attribution whose content
    holds another attribution's source and speech cue reports that statement, and the inner
    content ends before ", according to …".  Where that statement's source opens the note
    ("Vega told aides the plan was dead, according to two people there") the note stays a
    statement of its own, its content the whole clause (what the two people report), as
    PolNeAR annotates it; but where the statement quotes its words ("“…,” Vega said, according
    to a transcript"), opens later in the clause, or the note is the speaker's own statement
    ("according to a statement"), the note only says where it was read or made, and is
    dropped (``quoted``: does an attribution quote?)."""
    notes = [b for b in found if b.rule == "according_to" and b.cue is not None
             and b.fragments[-1][1] <= b.cue.start and any(_holds(b, a) for a in found)]
    if not notes:
        return found
    out = []
    for a in found:
        if a in notes and any(_holds(a, c) and not _prospective(text, c) and not _undertaking(text, c)
                              and (quoted(c) or not _opens(a, c) or _own_document(text, a)) for c in found):
            continue
        for b in notes:
            if _holds(b, a):
                a = replace(a, fragments=_before_note(a.fragments, b.cue.start, text))
        out.append(a)
    return out


def _opens(b: Attribution, a: Attribution) -> bool:
    """Does a's source open the content of the according-to note ``b`` ("Vega told aides …,
    according to two people there"), so that b reports a's whole statement?  (Not "After the
    vote, Vega told aides …": there the note may report only part of the clause.)"""
    return a.source is not None and a.source[0] == b.fragments[0][0]


def _own_document(text: str, b: Attribution) -> bool:
    """Is the source of the according-to note ``b`` a document a speaker issues in their own
    words ("according to a statement released on Friday": data/extract/issued_documents.txt)?
    Then it is where the statement it holds was made, no second report of it."""
    if b.source is None:
        return False
    words = text[b.source[0]:b.source[1]].lower().split()[:_DOCUMENT_WORDS]
    return any(w.strip(",.") in lexicon.lower_words("extract/issued_documents.txt") for w in words)


_DOCUMENT_WORDS = 3                       # words of a note's source read for its document noun ("a written statement")


# The word before a cue, past adverbs: "will propose" -> "will", "would also announce" -> "would".
_WORD_BEFORE = re.compile(r"([\w’']+)\s+(?:(?:also|soon|formally|\w+ly)\s+)?$")


def _prospective(text: str, a: Attribution) -> bool:
    """Is a's cue a speech act still to come ("The mayor will propose …, according to an
    aide")?  Then the according-to source reports the whole clause: it stays, and a keeps only
    its content before the note."""
    m = _WORD_BEFORE.search(text, max(0, a.cue.start - _JOINT_REACH), a.cue.start)
    return m is not None and m.group(1).lower() in _words.prospective


def _undertaking(text: str, a: Attribution) -> bool:
    """Is a's content a to-infinitive, an act promised or urged ("The two delegates pledged to
    back her, according to an organiser")?  No words of the source are reported; the
    according-to source reports the pledge, and stays."""
    return text.startswith("to ", a.fragments[0][0])


def _before_note(fragments: tuple[tuple[int, int], ...], at: int, text: str) -> tuple[tuple[int, int], ...]:
    """Content fragments ended before the according-to note at ``at``: a fragment that
    opens at the note or after it ("…, the spokesman said, according to a statement") goes;
    one that runs over it ends before its joint (at least one fragment is kept)."""
    kept = []
    for s, e in fragments:
        if s >= at:
            continue
        end = _before_joint(text, s, at) if e > at else e
        kept.append((s, end) if end - s >= 2 else (s, e))
    return tuple(kept) or fragments


def _holds(b: Attribution, a: Attribution) -> bool:
    """Do a's source and speech cue lie inside b's content, a's content running on to b's
    cue?  ("Two firms have agreed to the caps, according to …" holds a thought cue: the
    according-to attribution is the statement there.)"""
    if a is b or a.source is None or a.cue is None or a.cue.type != "speech" \
            or a.fragments[-1][1] < b.cue.start:
        return False
    return any(s <= a.source[0] and a.source[1] <= e and s <= a.cue.start and a.cue.end <= e
               for s, e in b.fragments)


def _reported_act(a: Attribution, b: Attribution) -> bool:
    """Is ``b`` an act or thought cue with its source inside the clause that a trailing
    according-to note ``a`` reports ("In a post, the account praised the attack, according to
    a report")?  Then ``a`` reports the whole clause, and ``b`` cuts nothing of it (a speech
    cue there makes the note a note on that statement: :func:`_fold_source_notes`)."""
    return a.rule == "according_to" and a.cue is not None and a.fragments[-1][1] <= a.cue.start \
        and b.cue is not None and b.cue.type != "speech" and b.source is not None \
        and any(s <= b.source[0] and b.cue.end <= e for s, e in a.fragments)


def _coordinated_inside(b: Attribution, lo: int, hi: int) -> bool:
    """Is ``b`` a coordinated cue whose subject lies inside the content text[lo:hi] ("The actress
    said she was tired of it and wanted someone new": "wanted" is coordinated with "was", in
    the clause that "said" reports)?  Then b is a thought nested in that content, and cuts nothing
    (a coordinated speech or act cue, "… and pledged to “…”", is a statement of its own)."""
    return b.rule == "coordinated" and b.cue is not None and b.cue.type == "thought" \
        and b.source is not None and lo <= b.source[0] and b.source[1] <= hi


def _cut_at_next_source(found: list[Attribution], text: str) -> list[Attribution]:
    """"While Comey said X, he said Y": X ends where the next attribution begins; so does
    "Trump told Newsmax X, adding, “…”"."""
    cuts = _Cuts(found, text)
    out = []
    for i, a in enumerate(found):
        last_s, last_e = a.fragments[-1]
        if a.rule == "according_to" and any(_nests(a, c) and (_undertaking(text, c) or _prospective(text, c)
                                                              or c.cue.type == "speech" and _opens(a, c)
                                                              and not _own_document(text, a))
                                            for c in found):
            out.append(a)                 # "…, and two delegates pledged to …, according to X": X
            continue                      # reports the whole clause, the nested report with it (one
            #                               that quotes is folded: :func:`_fold_source_notes`)
        cut = cuts.first(i, last_s, last_e)
        if cut is not None and _sets_scene(a, text, last_s, last_e, cut):
            cut = None                    # "In Chicago, organizers added …, the Post reported": what
                                          # the cut leaves only sets the scene; the Post reports it all
        if cut is not None:
            end = _before_joint(text, last_s, cut)
            words = text[max(last_s, end - _JOINT_REACH):end].split()
            while words and (words[-1].lower() in _words.conjunctions or a.cue is not None and a.cue.type == "act"
                             and words[-1].lower() in _words.subordinators):
                end = _before_joint(text, last_s, text.rindex(words.pop(), last_s, end))
            if end - last_s >= 2:
                a = replace(a, fragments=a.fragments[:-1] + ((last_s, end),))
        if cut is None or not _within_tail(a, found, text):
            out.append(a)
    return [a for a in out if not inside_report(a, out, text)]


def _sets_scene(a: Attribution, text: str, lo: int, hi: int, cut: int) -> bool:
    """Would cutting a's content text[lo:hi] at ``cut`` leave only fronted adverbials, no quote
    mark among them?  Then they only set the scene of the clause after them, which a reports
    too: "In Chicago, organizers added …, the Post reported"; after a head cue (not a relative
    clause's: "aides who spoke with the paper said …"), "reported that during the visit, the
    president repeated …", "said if it were a stock, he would buy it".
    Not a to-infinitive, which is content of its own ("urged him [to stop], saying …"), nor a
    cut at a participle cue ("…, saying …"), which reports apart."""
    if quote_marks_in(text, lo, hi) or not adverbials_only(text, lo, _before_joint(text, lo, cut)):
        return False
    if a.rule in _TAIL_RULES:
        return True
    if a.rule not in _HEAD_RULES:
        return False                      # ("aides who spoke [with the paper] said …": the relative's own)
    first, at = text[lo:hi].split(maxsplit=1)[:1], text[cut:cut + _JOINT_REACH].split(maxsplit=1)[:1]
    return bool(first) and first[0].lower() not in _words.infinitive_leads \
        and not (at and at[0].lower().endswith("ing"))


def _nests(b: Attribution, a: Attribution) -> bool:
    """Do a's source and cue lie inside the content of the according-to note ``b``?"""
    return a is not b and a.source is not None and a.cue is not None and any(
        s <= a.source[0] and a.cue.end <= e for s, e in b.fragments)


def _within_tail(a: Attribution, found: list[Attribution], text: str) -> bool:
    """Does all of a's content lie inside the content of a tail attribution ("Ruiz plans to
    “fix it,” Vega said": once cut at Vega's cue, "to “fix it”" is part of what Vega said)?"""
    s, e = a.fragments[0][0], a.fragments[-1][1]
    return any(b is not a and _closes_before_tail(b, text) and b.fragments[0][0] <= s and e <= b.fragments[-1][1]
               for b in found)

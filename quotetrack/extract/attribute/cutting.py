"""Several sources in one sentence: each attribution's content is cut where the next
source's clause begins ("Smith said X while Jones said Y")."""
from __future__ import annotations

import re
from dataclasses import replace

from .grammar import Attribution, _words
from .sentence import coordinated, participle


def _opens_clause(text: str, lo: int, at: int) -> bool:
    """Is offset ``at`` right after a comma, a semicolon or a conjunction?"""
    before = text[lo:at].rstrip()
    if before.endswith((",", ";")):
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _words.conjunctions


def _cut_points(found: list[Attribution], a: Attribution, text: str, lo: int, hi: int) -> list[int]:
    """Where another attribution of the sentence starts inside a's last fragment."""
    cuts = []
    for b in found:
        if b is a or b.cue is None:
            continue
        if b.source is not None and lo < b.source[0] < hi and b.cue.start > b.source[0] \
                and _opens_clause(text, lo, b.source[0]):
            cuts.append(b.source[0])
        elif b.rule == "coordinated" and lo < b.cue.start < hi:
            cuts.append(_conjunction_before(text, lo, b.cue.start))   # "criticized X and said Y"
        elif b.rule == "participle" and lo < b.cue.start < hi:
            m = _PARTICIPLE_LEAD.search(text, lo, b.cue.start)
            if m is not None:
                cuts.append(m.start("adverb") if m.group("adverb") else b.cue.start)   # ", falsely suggesting"
    return cuts


# What stands between a clause and its participle cue: ",” " / " – " / ", falsely ".
_PARTICIPLE_LEAD = re.compile(r"[,][”\"’']?\s*(?P<adverb>[a-z]+ly\s+)?$")


def _conjunction_before(text: str, lo: int, at: int) -> int:
    """The offset of the "and"/"but"/"then" (and any adverbs) that coordinates the cue at ``at``."""
    m = _COORDINATION.search(text, lo, at)
    return m.start() if m else at


_COORDINATION = re.compile(r"[,;]?\s+(?:and|but|then)(?:\s+\w+ly)?(?:\s+(?:also|later|then))?\s*$", re.IGNORECASE)


def _before_joint(text: str, lo: int, end: int) -> int:
    """``end`` moved back over white space, commas and semicolons (not before ``lo``)."""
    while end > lo and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return end


def _cut_at_next_source(found: list[Attribution], text: str) -> list[Attribution]:
    """"While Comey said X, he said Y": X ends where the next attribution begins; so does
    "Trump told Newsmax X, adding, “…”"."""
    out = []
    for a in found:
        last_s, last_e = a.fragments[-1]
        cut = min(_cut_points(found, a, text, last_s, last_e), default=None)
        if cut is not None:
            end = _before_joint(text, last_s, cut)
            words = text[last_s:end].split()
            while words and words[-1].lower() in _words.conjunctions:
                end = _before_joint(text, last_s, text.rindex(words.pop(), last_s, end))
            if end - last_s >= 2:
                a = replace(a, fragments=a.fragments[:-1] + ((last_s, end),))
        out.append(a)
    return out

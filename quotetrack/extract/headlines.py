"""Headline lines: where title case shows that a capitalised run is a headline's words, not a
name ("Rivals Clash Over The Plan", "Governor Calls Senator Wilson Reckless", "Velto Recalls
40,000 Air Fryers"), read by :mod:`.entities` before it makes a person of a run; and the cue
verb that opens an inverted lead ("Said Ortiz, “…”"), no name word either."""
from __future__ import annotations

import re

from ..model import Paragraph
from ..text import lexicon
from ..text.spans import char_before
from .speakers import bare_word


# Of a line's words capitalised: a headline in title case.  A line (``title_case_line``) needs
# fewer than a paragraph a quote sits in (``title_case``), whose quoted words keep their own case.
_TITLE_CASE_SHARE = 0.6
_TITLE_CASE_PARAGRAPH_SHARE = 0.8
_QUOTED = re.compile(r"(?:(?<=\s)|^)[“‘\"][^“”‘’\"\n]{1,150}[”’\"](?=\s|$|[,.;:!?])")
_QUOTE_OPENERS = ("“", "‘", '"')          # what a passage _QUOTED finds opens with
# How a sentence ends ("….", "…?”"); a line of prose (or a quote's paragraph) may also end on
# ":", "," or ";" (_SENTENCE_ENDS); a heading ends on a word.
_FULL_STOPS = (".", "?", "!", "”", '"', "’")
_SENTENCE_ENDS = _FULL_STOPS + (":", ",", ";")


# After the source of an inverted lead: a comma and an opening quote mark, or a colon ("Said Ortiz, “…”").
_LEAD_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[“\"‘]|:)")


def before_headline_verb(text: str, run: list) -> list:
    """A run cut before a capitalised cue verb in "-s" when its line is a headline in title case
    ("Velto Recalls 40,000 Air Fryers …", "… Health Trust Confirms"), and without the cue verb
    that opens a sentence's inverted lead ("Said Ortiz, “…”", "Added Berg: …"): the verb is no
    name word (a name after it that a quote follows is the speaker)."""
    if len(run) > 1 and run[0][1].lower() in lexicon.cues() \
            and char_before(text, run[0][0]) in ("", ".", "!", "?", "”") \
            and _LEAD_AFTER.match(text, run[-1][0] + len(run[-1][1])):
        run = run[1:]
    for k in range(1, len(run)):
        w = run[k][1]
        if w[-1:] == "s" and w[:1].isupper() and w.lower() in lexicon.cues() and title_case_line(text, run[k][0]):
            return run[:k]
    return run


def title_case_line(text: str, at: int, ended: bool = False) -> bool:
    """Whether the line around ``at`` is a headline in title case: no sentence end at its end
    (unless ``ended``: "Varley To Farmers: We Will Help.") and most of its words (of three or
    more) capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and (ended or not line.endswith(_FULL_STOPS)) \
        and sum(w[:1].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def headline_line(text: str, start: int, end: int) -> bool:
    """Whether a run fills its whole line: a heading, not a sentence."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n")


def clause_in_title(title: list[str], titles) -> bool:
    """Whether the words before a name read as a headline clause, not a title: a title word,
    then a word that is no title, then a title again ("Governor Calls Senator")."""
    kinds = [bare_word(w).lower().rstrip(".") in titles for w in title]
    first = kinds.index(True) if True in kinds else len(kinds)
    return any(not k for k in kinds[first:]) and kinds[-1]


def before_title_case(run: list, function, titles) -> list:
    """No run where headline title case shows, at a capitalised function word inside ("Rivals
    Clash Over The Plan", "Senator Wilson Says Budget Was Rushed": the names in it are read at
    their cues); "of The" stays ("George Zornick of The Nation"); a run cut at a speech verb
    ("Voss Calls Deal": "Voss")."""
    if len(run) < 2:
        return run                        # one word: nothing inside it to cut at
    cues = lexicon.cues()
    for k in range(1, len(run)):
        w = run[k][1]
        if w[:1].isupper() and w.lower() in function and w.lower() not in titles \
                and run[k - 1][1] != "of":
            return []
        entry = cues.get(w.lower())
        if entry is not None and entry.type == "speech" and w.endswith("s") and w[1:].islower() \
                and k + 1 < len(run) and run[k - 1][1] != "of":     # not "Court of Appeals"
            return run[:k]                # "Voss Calls Deal …": the name before the headline's verb
    return run


def title_case(text: str, para: Paragraph) -> bool:
    """Is a paragraph a headline in title case (nearly every word capitalised)?"""
    if para.end - para.start > 200:
        return False
    line = text[para.start:para.end]
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    if any(mark in line for mark in _QUOTE_OPENERS):
        outside = [w for w in _QUOTED.sub(" ", line).split() if w[:1].isalpha()]
        words = outside if len(outside) >= 3 else words     # the quoted words may keep their own case
    caps = sum(w[:1].isupper() for w in words)
    return caps >= _TITLE_CASE_PARAGRAPH_SHARE * len(words)


def headline_person(text: str, model, words: list[str], start: int) -> int | None:
    """The person a run on a title-case headline line stands for by a surname the body names
    ("Varley To Farmers Worried …", "Harbour Widow Ana Ruiz Defends …"): among the entities of
    ``model`` that carry a surname in the run, the one whose whole name the run writes, else
    the only one; None off such a line, or when the words carry no surname or two people's."""
    if len(words) < 2 or not _short_line(text, start) or not title_case_line(text, start, ended=True):
        return None
    cleaned = [bare_word(x).rstrip(".") for x in words]
    run = " ".join(cleaned)               # a person the model made of the run itself is no other
    found = {eid for w in cleaned for eid in model.by_surname.get(w, ()) if model.entities[eid].name != run}
    whole = {eid for eid in found if set(model.entities[eid].name.split()) <= set(cleaned)}
    found = whole or found
    return found.pop() if len(found) == 1 else None


_HEADLINE_CHARS = 200     # characters at most of a headline line on either side of a run in it


def _short_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is no longer than a headline, read within a bounded
    window (a document of one long line costs no scan of it for each name)."""
    lo = max(0, at - _HEADLINE_CHARS)
    return (lo == 0 or text.rfind("\n", lo, at) >= 0) \
        and (text.find("\n", at, at + _HEADLINE_CHARS) >= 0 or at + _HEADLINE_CHARS >= len(text))


_ENTRY_HEADING = 120      # characters at most of a heading line inside an article


def entry_heading(text: str, line_start: int, line_end: int) -> bool:
    """Whether text[line_start:line_end] is a heading inside an article, as a live page titles
    each of its entries ("6:40 p.m. ET ¶ Governor says state will pay for crossing ¶ From …"):
    a line of its own, short, opened by a capital and ending on a word, not a sentence end.

    >>> text = "Update 6:40 p.m.\\nGovernor says state will pay\\nGov. Ana Ruiz said the state would pay."
    >>> entry_heading(text, 17, 45), entry_heading(text, 46, len(text))
    (True, False)
    """
    line = text[line_start:line_end].rstrip()
    return 0 < len(line) <= _ENTRY_HEADING and line[:1].isupper() and not line.endswith(_SENTENCE_ENDS)

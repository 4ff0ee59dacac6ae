"""Headline lines: where title case shows that a capitalised run is a headline's words, not a
name ("Rivals Clash Over The Plan", "Governor Calls Senator Wilson Reckless", "Velto Recalls
40,000 Air Fryers"), read by :mod:`.entities` before it makes a person of a run; and the cue
verb that opens an inverted lead ("Said Ortiz, “…”"), no name word either."""
from __future__ import annotations

import re

from ..text import lexicon
from ..text.spans import char_before
from .speakers import _clean


_TITLE_CASE_SHARE = 0.6                   # of a line's words capitalised: a headline in title case


# After the source of an inverted lead: a comma and an opening quote mark, or a colon ("Said Ortiz, “…”").
_LEAD_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[“\"‘]|:)")


def before_headline_verb(text: str, run: list) -> list:
    """A run cut before a capitalised cue verb in "-s" when its line is a headline in title case
    ("Velto Recalls 40,000 Air Fryers …", "… Health Trust Confirms"), and without the cue verb
    that opens a sentence's inverted lead ("Said Ortiz, “…”", "Added Berg: …"): the verb is no
    name word (a name after it that a quote follows is the speaker)."""
    if len(run) > 1 and run[0][1].lower() in lexicon.cues() and char_before(text, run[0][0]) in ("", ".", "!", "?", "”") \
            and _LEAD_AFTER.match(text, run[-1][0] + len(run[-1][1])):
        run = run[1:]
    for k in range(1, len(run)):
        w = run[k][1]
        if w[-1:] == "s" and w[:1].isupper() and w.lower() in lexicon.cues() and title_case_line(text, run[k][0]):
            return run[:k]
    return run


def title_case_line(text: str, at: int) -> bool:
    """Whether the line around ``at`` is a headline in title case: no sentence end at its end
    and most of its words (of three or more) capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and not line.endswith((".", "?", "!", "”", '"', "’")) \
        and sum(w[:1].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def headline_line(text: str, start: int, end: int) -> bool:
    """Whether a run fills its whole line: a heading, not a sentence."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n")


def clause_in_title(title: list[str], titles) -> bool:
    """Whether the words before a name read as a headline clause, not a title: a title word,
    then a word that is no title, then a title again ("Governor Calls Senator")."""
    kinds = [_clean(w).lower().rstrip(".") in titles for w in title]
    first = kinds.index(True) if True in kinds else len(kinds)
    return any(not k for k in kinds[first:]) and kinds[-1]

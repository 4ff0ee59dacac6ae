"""Stage 3: find reporting cues ("said", "told", "according to", "pointed out").

The cue forms come from ``data/cues.tsv``.  One compiled pattern finds them all;
a cue must be written in lower case, or capitalised at the start of a sentence
("Said the minister: …"), so that "Hope" or "Will" in a name is not a cue.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from . import lexicon
from .model import Cue


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    """One alternation of every form, longest first: matches "pointed out", "said", "according to"."""
    forms = sorted(lexicon.cues(), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(regex.escape(w) for w in form.split()) for form in forms)
    return regex.compile(rf"(?<![\w’'\-])(?:{alternation})(?![\w’'\-])", regex.IGNORECASE)


def find(text: str, start: int, end: int) -> list[Cue]:
    """Every cue in text[start:end], in order.

    >>> [c.text for c in find("Gantz said he pointed out a flaw.", 0, 33)]
    ['said', 'pointed out']
    """
    table = lexicon.cues()
    out: list[Cue] = []
    for m in _pattern().finditer(text, start, end):
        word = m.group()
        if not word[0].islower():
            if m.start() != start or not word[1:].islower():
                continue
        entry = table[" ".join(word.lower().split())]
        out.append(Cue(m.start(), m.end(), word, entry.lemma, entry.type))
    return out

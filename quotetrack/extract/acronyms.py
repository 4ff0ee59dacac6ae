"""Initials and acronyms: the shapes a body's short name takes ("U.N.", "HSB", "KING-TV") and
the earlier name an acronym stands for ("the RNC" after "the Republican National Committee")."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from ..text import lexicon
from .common_nouns import written_lower
from .speakers import _lists

# Dotted initials opening a name make it an organisation's: "U.N. Women", "U.S. Navy".
INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
# A body's initials before a document it writes: "HSB", "F.R.A." (not "I", "A", nor a word such
# as "US" that is two letters).
BODY_INITIALS = re.compile(r"[A-Z]{3,5}|(?:[A-Z]\.){3,4}")
# One word in capitals: an acronym ("ESPN", "KING-TV", "DNC"); a person's surname in capitals
# ("VOLE:") is looked up among the people named before a mention gets here.
CAPITALS_WORD = re.compile(r"[A-Z][A-Z\d&]+(?:-[A-Z\d]+)*")
_PERSON_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")     # "R.K.", "J.R.R." before a surname
_SURNAME = re.compile(r"[A-Z][a-z][\w’'\-]*")            # "Venkataraman", "O'Neill" (not "NATO")
_THE = ("the ", "The ")
_INITIALS_RUN = re.compile(r"(?:[A-Z]\.)+")            # "R.K.", "A.R.K.": every dotted initial is in one
_WORD_AFTER = re.compile(r" ([\w’'\-]*)")              # " Venkataraman" after initials (the word's characters)
_WORD_CHAR = re.compile(r"[\w’'\-]")                   # a character of a word (as _SURNAME's)
_WHICH = ", which"
_LAST = "\U0010ffff"                   # after every word character: w .. w + _LAST holds the words opening with w
ACRONYM_REACH = 50                        # entities an acronym looks back over for its spelled-out name


def initials_open_name(text: str, start: int, words: list[str]) -> bool:
    """Do run-together initials open a person's name ("R.K. Venkataraman", "T.J. Ormsby"), not a
    body's ("U.S. Navy", "U.N. Women")?  Two or three initials and one capitalised word that the
    text never writes in lower case and that is no noun for people (data/text/person_nouns.txt);
    the initials neither a place or body (data/extract/places.txt, abbreviations.txt: "E.U."),
    nor written anywhere in the text without that word (a body's initials stand alone: "the U.N.
    said"), nor after "the" ("the R.A.F. Pilots"); the word never followed by ", which" ("W.W.
    Norton … Norton, which declined": a firm).

    >>> initials_open_name("R.K. Venkataraman said.", 0, ["R.K.", "Venkataraman"])
    True
    >>> initials_open_name("U.N. Women and the U.N. said.", 0, ["U.N.", "Women"])
    False
    """
    if len(words) != 2 or not _PERSON_INITIALS.fullmatch(words[0]) or not _SURNAME.fullmatch(words[1]):
        return False
    if words[0] in lexicon.words("extract/places.txt") or written_lower(text, words[1]) \
            or words[0][:-1].lower() in lexicon.lower_words("extract/abbreviations.txt") \
            or words[1].lower().removesuffix("s") in lexicon.lower_words("text/person_nouns.txt") \
            or words[1].lower() in lexicon.lower_words("text/person_nouns.txt") or text.endswith(_THE, 0, start):
        return False                      # "U.N. Women", "the R.A.F. Pilots": a noun, no surname
    index = _initials_index(text)
    return index.count[words[0]] == _opening(index.after.get(words[0], ()), words[1]) \
        and not _opening(index.before_which, words[1][::-1])


class _Initials(NamedTuple):
    """What :func:`initials_open_name` asks of a text, read once: ``count``, two or three
    initials -> ``text.count`` of them; ``after``, initials -> the sorted words right after
    them and a space ("R.K. Venkataraman" -> "Venkataraman"); ``before_which``, the words
    before ", which", each reversed, sorted."""
    count: Counter
    after: dict[str, list[str]]
    before_which: list[str]


@lru_cache(maxsize=2)
def _initials_index(text: str) -> _Initials:
    """The :class:`_Initials` of a text: one pass, so that many initials-names cost no search
    of the whole text each (the counts are ``str.count``'s: leftmost first, never overlapping)."""
    count: Counter = Counter()
    after: dict[str, list[str]] = {}
    for m in _INITIALS_RUN.finditer(text):
        run = m.group()
        for size in (4, 6):               # two and three initials
            free: dict[str, int] = {}
            for i in range(0, len(run) - size + 1, 2):
                piece = run[i:i + size]
                if i >= free.get(piece, 0):
                    count[piece] += 1
                    free[piece] = i + size
            word = _WORD_AFTER.match(text, m.end())
            if word is not None and len(run) >= size:
                after.setdefault(run[-size:], []).append(word.group(1))
    before = []
    at = text.find(_WHICH)
    while at >= 0:
        i = at
        while i > 0 and _WORD_CHAR.match(text, i - 1):
            i -= 1
        before.append(text[i:at][::-1])
        at = text.find(_WHICH, at + len(_WHICH))
    return _Initials(count, {k: sorted(v) for k, v in after.items()}, sorted(before))


def _opening(words, start: str) -> int:
    """How many of the sorted ``words`` open with ``start``."""
    return bisect_left(words, start + _LAST) - bisect_left(words, start)


def initials(name: str) -> str:
    """The capitals of a name's words, small words left out.

    >>> initials("Republican National Committee"), initials("Bank of England")
    ('RNC', 'BE')
    """
    function = _lists().function
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in function)


def spelled_out(model, acronym: str, start: int) -> str | None:
    """The name an acronym stands for, when the text spelled it out before ``start`` ("the
    RNC" after "the Republican National Committee"): the latest entity of ``model``
    (:class:`.entities.Model`) of several words whose initials it is, within ACRONYM_REACH
    entities back."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    earlier = (e for e in model.before(start) if len(e.name.split()) > 1)
    return next((e.name for e in islice(earlier, ACRONYM_REACH) if initials(e.name) == acronym), None)

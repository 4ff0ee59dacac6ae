"""Initials and acronyms: the shapes a body's short name takes ("U.N.", "HSB", "KING-TV") and
the earlier name an acronym stands for ("the RNC" after "the Republican National Committee")."""
from __future__ import annotations

import re
from itertools import islice

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
    return text.count(words[0]) == text.count(f"{words[0]} {words[1]}") and f"{words[1]}, which" not in text


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

"""Capitalised words the document itself shows to be common nouns: a word the text also writes
in lower case ("Donor" in a headline "Party Donor Halvorsen …" when the body says "the mega
donor"; "Cost" opening "Cost estimates rose" when the body speaks of the cost), so no name word,
read by :mod:`.entities` (a role word before a surname) and :mod:`.resolve` (no person made of a
lone sentence-opening word)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from .nations import nationality

_WORD_CHARS = re.compile(r"[a-z][a-z\-]*")   # a lower-case word: what the search below looks for
# A capitalised word with a lower-case compound part: a common noun ("Fact-checkers").
_COMPOUND = re.compile(r"[A-Z][a-z]+-[a-z][a-z\-]*")


def written_lower(text: str, word: str) -> bool:
    """Whether ``word`` (capitalised, letters and hyphens) also stands in ``text`` in lower case
    as a whole word ("donor" or "donors" for "Donor"), the sign of a common noun, not a name."""
    low = word.lower()
    if not _WORD_CHARS.fullmatch(low) or len(low) < 3:
        return False
    words = _whole_words(text)
    return low in words or low + "s" in words


_WHOLE_WORD = re.compile(r"[\w\-’']+")


@lru_cache(maxsize=2)
def _whole_words(text: str) -> frozenset[str]:
    """The words of a text as written, each a maximal run of word characters, hyphens and
    apostrophes: read once a text, so asking of many words costs no search of it each."""
    return frozenset(_WHOLE_WORD.findall(text))


# A sentence's opening right before a word: the text's start, a paragraph's, or after a sentence end.
_OPENING = re.compile(r"(?:^|[.!?:][”’\"']?[ \t]+|\n[ \t]*)[“\"‘']?$")


# A lower-case word in "-s" right after a word: "estimates" in "Initial estimates put …".
_S_WORD_AFTER = re.compile(r"[ \t]+[a-z]+s\b")


def modifier_opener(text: str, start: int, word: str) -> bool:
    """Whether the capitalised ``word`` at ``start`` is the modifier of a plural noun opening a
    sentence ("Initial estimates put the total at …", "Subsequent estimates said"): a plain word
    the text writes nowhere else, before a lower-case word in "-s" (read as the cue, it is the
    noun); a name the text gives once ("Earhardt then asked") is no such modifier."""
    if not word.isalpha() or _S_WORD_AFTER.match(text, start + len(word)) is None:
        return False
    found = _capital_word(word).findall(text)
    return len(found) == 1 and _OPENING.search(text, max(0, start - 4), start) is not None


@lru_cache(maxsize=1024)
def _capital_word(word: str) -> re.Pattern:
    """The pattern of a capitalised word standing whole (maybe with a possessive), compiled once."""
    return re.compile(r"(?<![\w\-’'])" + re.escape(word) + r"(?![\w\-])")


def common_opener(text: str, word: str) -> bool:
    """Whether a lone capitalised word that opens a sentence and names nobody the text knows is
    a common noun: a compound with a lower-case part ("Fact-checkers", "Lawmakers-elect"), the
    plural of a people ("Palestinians": a description of a group, no name) or a word the text
    also writes in lower case ("Cost estimates rose" beside "the cost")."""
    return _COMPOUND.fullmatch(word) is not None \
        or word.endswith("s") and nationality([word[:-1]]) is not None \
        or written_lower(text, word)


def common_modifier(text: str, start: int, word: str) -> bool:
    """Whether the capitalised ``word`` at ``start`` opens its sentence and is a common word:
    one the text also writes in lower case (:func:`common_opener`: "Early results of …" beside
    "an early lead") or a plain modifier of the plural after it (:func:`modifier_opener`:
    "Public polls show …"); no name of an author or a body."""
    return word.isalpha() and _OPENING.search(text, max(0, start - 4), start) is not None \
        and (common_opener(text, word) or modifier_opener(text, start, word))


def y_singular(word: str) -> str:
    """The singular of a lower-case plural in "-ies" after a consonant ("academies" ->
    "academy"), else the word as it is: a name's head in the plural ("the Northern Academies
    of Science") is the organisation word its singular is."""
    return word[:-3] + "y" if word.endswith("ies") and len(word) > 4 and word[-4] not in "aeiou" else word


def dated(words) -> bool:
    """Whether a run of capitalised words holds a day or month (data/extract/calendar_words.txt,
    "Tues." as "Tues"): "a Wednesday editorial", "Tuesday’s results", "a Monday court hearing"
    name no author or body."""
    calendar = lexicon.lower_words("extract/calendar_words.txt")
    return any(w.lower().rstrip(".") in calendar for w in words)


def dated_word(word: str) -> bool:
    """Whether one word, maybe possessive, is a day or month (:func:`dated`): "September",
    "May’s" in "May’s Harlow Consult poll"."""
    return dated([word[:-2] if word.endswith(POSSESSIVE_S) else word])


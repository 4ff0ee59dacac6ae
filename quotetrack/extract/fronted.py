"""Sentence openings that are only fronted adverbials: a time phrase, a prepositional phrase
or an adverbial clause, each closed by a comma, and no main clause ("Friday morning, as the
parade rolled through town, the Gazette reported …", "On Tuesday, even as shares fell, Hale
wrote to investors …", "Regarding the emails, the campaign said: …").  Such words set the
scene for the cue after them; they are no content a tail cue reports, so the head reading
of the cue may take the sentence, and the subject of the sentence stands after them.  Words:
data/extract/fronted_adverbials.txt."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon, marks
from .segment import Token

_fronted = lexicon.WordClasses("extract/fronted_adverbials.txt")
_words = lexicon.WordClasses("text/word_classes.txt")

_MAX_OPENING = 400                          # characters of fronted adverbials, all told
_MAX_PART = 30                              # tokens of one of them (the scan for its comma stops there)

# a word, with an inner apostrophe or hyphen ("Clinton’s", "anti-Trump"), or a number ("2009")
WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Words that open a fronted phrase or clause ("in", "after", "as", "despite")."""
    return _fronted.openers | _words.opening_prepositions | _words.subordinators \
        | lexicon.lower_words("extract/lead_prepositions.txt")


@lru_cache(maxsize=1)
def _clause_marks() -> frozenset[str]:
    """Words that make a phrase opened by a preposition a clause ("In 2016 Cruz is …")."""
    return _words.finite_auxiliaries | _words.irregular_pasts | _words.subject_pronouns


def adverbials_only(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one or more fronted adverbials, parted by commas, and nothing else?

    >>> adverbials_only("Friday morning, as the parade rolled through town", 0, 50)
    True
    >>> adverbials_only("On Tuesday, the firm lost money", 0, 31)
    False
    >>> adverbials_only("In 2016 the senator is going to win", 0, 35)
    False
    """
    if end - start > _MAX_OPENING or quote_marks_in(text, start, end):
        return False
    parts = [p for p in text[start:end].split(",") if p.strip()]
    return bool(parts) and all(_kind(WORD.findall(p)) is not None for p in parts)


def quote_marks_in(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold a double quote mark (“ ” " „ « » or a doubled `` '')?"""
    span = text[start:end]
    return any(mark in span for mark in _double_marks())


@lru_cache(maxsize=1)
def _double_marks() -> tuple[str, ...]:
    """Every double quote mark of :mod:`..text.marks`, opening, closing or straight."""
    return tuple(sorted(marks.DOUBLE_OPEN | marks.DOUBLE_CLOSE | {'"'}))


def past_clauses(toks: list[Token], lo: int, hi: int) -> int:
    """The token after the fronted adverbials that open tokens ``lo``..``hi`` when one of them
    is an adverbial clause ("On Tuesday, even as shares fell, [Hale] wrote …"), else ``lo``: the
    subject of the sentence is no word of that clause."""
    cur, clause = lo, False
    while cur < hi:
        stop = min(hi, cur + _MAX_PART)
        comma = next((i for i in range(cur, stop) if toks[i].text == "," or not _plain(toks[i].text)), stop)
        if comma >= stop or toks[comma].text != ",":
            break
        kind = _kind([t.text for t in toks[cur:comma]])
        if kind is None:
            break
        clause, cur = clause or kind == "clause", comma + 1
    return cur if clause else lo


def _plain(token: str) -> bool:
    """Is ``token`` a word, a number or a comma (no quote mark, dash or other stop)?"""
    return token == "," or WORD.fullmatch(token) is not None


def phrase_only(words: list[str]) -> bool:
    """Are ``words`` one adverbial phrase with no verb: a lone connective, a time phrase or a
    prepositional phrase ("during the governor's first bid", "on the campaign trail")?

    >>> phrase_only("during the first bid for office".split()), phrase_only("as the parade rolled".split())
    (True, False)
    """
    return _kind(words) == "phrase"


def _kind(words: list[str]) -> str | None:
    """What adverbial ``words`` make: "phrase" for a lone connective ("however"), a time phrase
    ("A day earlier") or a prepositional phrase with no verb ("On the topic of the talks");
    "clause" for an adverbial clause ("even as shares fell"); None for anything else."""
    if not words:
        return None
    low = [w.lower() for w in words]
    if len(low) <= 2 and " ".join(low) in lexicon.lower_words("extract/connectives.txt") | _fronted.phrases:
        return "phrase"
    if time_phrase(words):
        return "phrase"
    i = 0
    while i < len(low) - 1 and low[i] in _fronted.degree:
        i += 1                            # "even as", "not long after", "hours before"
    if low[i] not in _openers():
        return None
    if low[i] in _words.subordinators:
        return "clause"                   # "as the parade rolled through town"
    if any(w in _clause_marks() or (w.endswith("ed") and len(w) > 4 and words[k].islower())
           for k, w in enumerate(low) if k > i):
        return None                       # "In 2016 Cruz is going …": a clause after all
    return "phrase"


def time_phrase(words: list[str]) -> bool:
    """"Friday morning", "Last month", "A day earlier", "Late on Sunday", "In June 2009"."""
    days = lexicon.words("extract/calendar_words.txt")
    start = 1 if words[0].lower() in _fronted.time_prepositions else 0
    rest = words[start:]
    return 0 < len(rest) <= 4 and all(w in days or w.lower() in _fronted.time_words or w.isdigit()
                                      or w.lower() in _fronted.time_prepositions for w in rest) \
        and any(w in days or w.isdigit() or w.lower() in _fronted.time_words
                and w.lower() not in ("a", "an", "the", "that", "this", "same") for w in rest)

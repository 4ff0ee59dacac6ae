"""Reduced relatives: a past participle in -ed right after a noun and before a preposition or a
day ("a statement posted on the site", "a memo seen by Reuters", "A report published Wednesday
by the institute") modifies the noun; it is no verb of its own.  For an act cue's participle
("A lawsuit [filed] in county court by … claims …") that means no source and act either: a
finite act takes its object first ("The campaign filed [a complaint] on Monday")."""
from __future__ import annotations

from ...model import Cue
from ...text import lexicon
from ..segment import Token

_NOUN_PHRASE = 4                          # words a determiner may stand before the participle
# [reduced_relative_links], [finite_act_links], [participle_time_links] (data/text/word_classes.txt)
_links = lexicon.sections("text/word_classes.txt")


def links_reduced_relative(word: str) -> bool:
    """Does ``word`` after a participle in -ed make it a reduced relative: a preposition of
    data/text/word_classes.txt [reduced_relative_links] ("posted [on]", "seen [by]") or a day or
    month ("published [Wednesday]", data/extract/calendar_words.txt)?"""
    low = word.lower()
    return low in _links["reduced_relative_links"] \
        or low in lexicon.lower_words("extract/calendar_words.txt")


def reduced_relative(toks: list[Token], cue: Cue, ci: int, ce: int) -> bool:
    """Is the act cue at tokens[ci:ce] a past participle in -ed after a lower-case noun that a
    determiner opens within four words, with a reduced relative's link after it
    (:func:`links_reduced_relative`, or "last"/"earlier": "published last year") other than "to"
    and "with", which a finite act takes too?

    >>> from ..segment import tokens
    >>> toks = tokens("A report published last year by the institute found that births rose.")
    >>> cue = Cue(toks[2].start, toks[2].end, "published", "publish", "act")
    >>> reduced_relative(tokens("A lawsuit filed in county court claims that rents rose."), cue, 2, 3)
    True
    >>> reduced_relative(tokens("The institute published a report last year."), cue, 2, 3)
    False
    """
    word = toks[ci].text
    if cue.type != "act" or ci < 2 or ce >= len(toks) or not (word.islower() and word.endswith("ed")) \
            or not (links_reduced_relative(toks[ce].text) or toks[ce].text.lower() in _links["participle_time_links"]) \
            or toks[ce].text.lower() in _links["finite_act_links"]:
        return False
    head = toks[ci - 1].text
    if not (head.isalpha() and head.islower()) or head in lexicon.lower_words("text/function_words.txt"):
        return False
    determiners = lexicon.lower_words("extract/determiners.txt")
    for j in range(ci - 2, max(-1, ci - 2 - _NOUN_PHRASE), -1):
        if toks[j].text.lower() in determiners:
            return True
        if not toks[j].text.replace("-", "").isalpha() or not toks[j].text.islower():
            return False
    return False

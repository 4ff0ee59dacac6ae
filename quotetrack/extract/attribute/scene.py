"""Contents that only set the scene: an attribution whose whole content is a time phrase ("as
the Ledger reported [a few days later]", "the plan he proposed [two months ago]") or a
prepositional phrase with no verb that tells where or when ("reported [during the governor's
first bid]", "did not mention it [on the campaign trail]") reports nothing; the sentence
sieves leave such a content when the cue's object or its clause lies elsewhere.  Words:
data/extract/fronted_adverbials.txt [scene_prepositions] and [degree]."""
from __future__ import annotations

from ...text import lexicon
from ..fronted import WORD, phrase_only, quote_marks_in, time_phrase
from .views import Attribution

_fronted = lexicon.WordClasses("extract/fronted_adverbials.txt")
_AS_REACH = 12                              # characters read back from a source for "as (the)"
_MAX_WORDS = 12                             # words of a scene phrase ("during the former governor's first bid for president")


def scene_only(text: str, a: Attribution) -> bool:
    """Is a's content one time phrase or one scene-setting prepositional phrase, and nothing else?

    Not an "according to" note nor a cue in an "as" clause ("as the Ledger reported a day
    later, …"): the source is right and what it reports is the rest of the sentence.  A
    to-infinitive in it makes it content ("urging voters in the state [to register]"), and so
    does a comma (a clause may follow) or a quote mark.
    """
    if len(a.fragments) != 1 or a.rule == "according_to" or _in_as_clause(text, a):
        return False                      # (the clause they report is the sentence's: keep the source)
    start, end = a.fragments[0]
    span = text[start:end]
    if "," in span or quote_marks_in(text, start, end):
        return False
    words = WORD.findall(span)
    if not words or len(words) > _MAX_WORDS or "to" in (w.lower() for w in words):
        return False
    if time_phrase(words):
        return True
    i = 0
    while i < len(words) - 1 and words[i].lower() in _fronted.degree:
        i += 1                            # "even on Friday morning"
    return words[i].lower() in _fronted.scene_prepositions and phrase_only(words[i:])


def _in_as_clause(text: str, a: Attribution) -> bool:
    """Does "as" stand right before a's source ("as [the Ledger] reported …")?"""
    if a.source is None:
        return False
    before = [w.lower() for w in text[max(0, a.source[0] - _AS_REACH):a.source[0]].split()]
    if before and before[-1] == "the":
        before.pop()                      # ("as the [Ledger] reported")
    return bool(before) and before[-1] == "as"

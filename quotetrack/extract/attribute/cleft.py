"""Cleft sentences: "It was only last week that Pell said …", "It is in Dunmore that the mayor
told voters …" — the "that" of an it-cleft opens the clause whose subject speaks, as a sentence
start would (a relative "that" does not: "the plan that officials said would fail")."""
from __future__ import annotations

from ...text import lexicon
from ..segment import Token

_words = lexicon.WordClasses("text/word_classes.txt")   # _words.mention_openers

# How far the focus of a cleft may run between "It was" and "that": "only last week", "in a
# short statement to the council on Friday".
_FOCUS_TOKENS = 10


def cleft_that(toks: list[Token], t: int) -> bool:
    """Is the "that" at token ``t`` the one of an it-cleft: "It" opens the sentence (after at most
    a connective: "But it was …"), a form of "be" follows it, and the focus between is an adverbial
    with no comma (data/extract/cleft_focus.txt: not "It is strange that …")?

    >>> from ..segment import tokens
    >>> toks = tokens("It was only last week that Pell said so.")
    >>> cleft_that(toks, 5), cleft_that(tokens("The plan that Pell said would fail."), 2)
    (True, False)
    >>> cleft_that(tokens("It is strange that Pell said so."), 3)
    False
    """
    if toks[t].text.lower() != "that":
        return False
    i = 1 if toks and toks[0].text.lower() in _words.mention_openers else 0
    if t - i - 2 < 1 or t - i - 2 > _FOCUS_TOKENS or toks[i].text.lower() != "it" \
            or toks[i + 1].text.lower() not in ("was", "is", "’s", "'s", "were"):
        return False
    focus = [tok.text.lower() for tok in toks[i + 2:t]]
    if "," in focus:
        return False
    return focus[0] in lexicon.lower_words("extract/cleft_focus.txt") or focus[-1] == "ago" \
        or any(w in lexicon.lower_words("extract/calendar_words.txt") for w in focus)

"""A speech or evidence cue governed by an effort or readiness word through "to": "She tried to
explain why the plan failed", "Voters were more likely to say that …", "He was quick to note that
…", "She struggled to demonstrate that …".  The
governing word hands the cue its subject when reported content follows the cue as a clause
(data/extract/effort_governors.txt); "tried to ask the waiter" reports nothing."""
from __future__ import annotations

from ...text import lexicon
from ...text.marks import TOKEN_OPENING
from .. import mentions
from ..segment import Token

# What may open the cue's content: "explain [why …]", "say [that …]", "argue [he …]", "note[: …]"
_CLAUSE_OPENERS = frozenset(("that", "why", "how", "whether", "what", "when", "where", "who",
                             "he", "she", "they", "we", "i", ":"))
# Degree words before a governing adjective: "more likely", "too eager", "so quick"
_DEGREE = frozenset(("more", "less", "most", "least", "very", "so", "too", "as"))
# "take pains to say that …": the idiom's verb stands between its subject and "pains"
_TAKE = frozenset(("take", "takes", "took", "taking", "taken"))
# Subjects that stand for no source: "It is better to say that …", "There is likely to …"
_EXPLETIVES = frozenset(("it", "there"))
# Question cues take a clause too, but an effort to ask reports no question ("tried to ask whether")
_QUESTION_LEMMAS = frozenset(("ask", "wonder", "inquire", "question", "query"))


def governed_start(toks: list[Token], ci: int) -> int | None:
    """Index of the effort or readiness word that governs the cue at ``ci`` through "to" and
    hands it its subject ("tried [to explain] why …" -> "tried"), or None."""
    if ci < 2 or ci + 1 >= len(toks) or toks[ci - 1].text.lower() != "to":
        return None
    entry = lexicon.cues().get(toks[ci].text.lower())
    if entry is None or entry.type not in ("speech", "evidence") or entry.lemma in _QUESTION_LEMMAS:
        return None
    if not _clause_follows(toks, ci + 1):
        return None
    governors = lexicon.lower_words("extract/effort_governors.txt")
    j = ci - 1
    while j - 1 >= 0 and mentions.is_adverb(toks[j - 1].text) and toks[j - 1].text.lower() not in governors:
        j -= 1                            # "tried hard to explain" (but "likely" governs)
    if j < 1 or toks[j - 1].text.lower() not in governors:
        return None
    g = j - 1
    if toks[g].text.lower() == "pains" and g >= 1 and toks[g - 1].text.lower() in _TAKE:
        g -= 1                            # "took pains to say": the verb of the idiom
    while g - 1 >= 0 and (toks[g - 1].text.lower() in _DEGREE or mentions.is_adverb(toks[g - 1].text)):
        g -= 1                            # "were slightly more likely to say"
    k = mentions.skip_modifiers_back(toks, g)
    if k > 0 and toks[k - 1].text.lower() in _EXPLETIVES:
        return None                       # "It is better to say that …": nobody's statement
    return g


def _clause_follows(toks: list[Token], k: int) -> bool:
    """Does a clause, a colon or a quote open at token ``k`` ("that …", "why …", "he …", ": “…")?"""
    word = toks[k].text
    if word == "," and k + 1 < len(toks):
        word = toks[k + 1].text
    return word.lower() in _CLAUSE_OPENERS or word in TOKEN_OPENING

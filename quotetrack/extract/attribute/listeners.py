"""The listener a cue like "told" takes before its reported clause, when the mention reader
finds no mention there: an object pronoun or a single capitalised word before a new noun phrase
("told them the highway would …", "told MPs the company had …"), and where a lower-case listener of
a few words ends ("told a news conference the bank …", "told council members the plan …"), and
the "that" a long listener runs to ("told the farmer, Declan Shortt, that …")."""
from __future__ import annotations

from ...text import lexicon
from .. import mentions
from ...model import Cue
from ..segment import Token

_words = lexicon.WordClasses("text/word_classes.txt")   # _words.listener_pronouns, _words.subject_pronouns

LISTENER_TAIL = 12                       # words after a listener's name before its "that"


def opens_noun_phrase(word: str) -> bool:
    """Can ``word`` open a new noun phrase: a determiner, a subject pronoun or a capitalised word?"""
    return word.lower() in lexicon.lower_words("extract/determiners.txt") or word.lower() in _words.subject_pronouns \
        or mentions.is_capitalised(word)


def bare_listener(toks: list[Token], k: int, cue: Cue) -> int:
    """Where the reported clause of a listener cue ("told", "assured") opens after a one-word
    listener at ``k``: after an object pronoun ("them", "him", "us"; not "her", which may open
    "her husband") or a plural in capitals ("MPs") when a new noun phrase follows; else ``k``
    ("asked him a question" keeps its object); after any object pronoun, "her" too, before a
    question's opener ("asked her whether …", "asked him if …")."""
    if k + 1 < len(toks) and toks[k + 1].text.lower() in _words.complementisers \
            and toks[k].text.lower() in _words.listener_pronouns | {"her"}:
        return k + 1
    if cue.text.lower() not in _words.listener_forms or k + 1 >= len(toks) or not opens_noun_phrase(toks[k + 1].text):
        return k
    word = toks[k].text
    plural = len(word) > 2 and word.endswith("s") and word[:-1].isupper() and word[:-1].isalpha()
    # "MPs", "CEOs"; not a possessive ("CNN's", "RTÉ’s": the name after it is the listener)
    return k + 1 if word.lower() in _words.listener_pronouns or plural else k


def common_listener_end(toks: list[Token], k: int) -> int | None:
    """Where a lower-case listener at ``k`` ends when a new noun phrase follows it: a determiner
    and one or two lower-case words ("told the jury the scheme …", "told a news conference the
    bank …"), or a lower-case word and a plural ("told council members the plan …"); else None."""
    if k + 2 >= len(toks) or not toks[k + 1].text.islower():
        return None
    if toks[k].text.lower() in lexicon.lower_words("extract/determiners.txt"):
        function = lexicon.lower_words("text/function_words.txt")
        for end in (k + 2, k + 3):        # (not "urged the rest of the party": no "of" inside)
            if end < len(toks) and toks[end - 1].text.islower() and opens_noun_phrase(toks[end].text) \
                    and (end == k + 2 or toks[k + 2].text not in function):
                return end
        return None
    head = toks[k + 1].text
    if toks[k].text.islower() and len(head) > 3 and head.isalpha() and head.endswith("s") \
            and not head.endswith("ss") and opens_noun_phrase(toks[k + 2].text):
        return k + 2
    return None


def listener_tail(toks: list[Token], end: int) -> int:
    """Past the rest of a long listener and its adjuncts to the "that" that opens the report:
    "told The Post and Courier [newspaper of Charleston on Saturday] that …", and past an
    apposition set off by commas ("told the farmer[, Declan Shortt,] that …"); else ``end``.
    After a comma, a "that" before a finite verb is a clause's subject, no opener."""
    comma = False
    for j in range(end, min(len(toks), end + LISTENER_TAIL)):
        low = toks[j].text.lower()
        if low == "that":
            return end if comma and j + 1 < len(toks) and toks[j + 1].text.lower() in _words.finite_auxiliaries \
                else j                    # (not "promising staff for months, though, that has yet to happen")
        if toks[j].text == "," and j + 1 < len(toks) and (mentions.is_capitalised(toks[j + 1].text)
                                                          or toks[j + 1].text.lower() in ("a", "an", "the", "that")):
            comma = True
            continue                      # an apposition: "told the farmer, Declan Shortt, that …"
        if not mentions.is_word(toks[j].text) or low in _words.finite_auxiliaries \
                or low in _words.report_openers or lexicon.cues().get(low) is not None \
                and toks[j - 1].text.lower() not in ("the", "a", "an"):     # (not "the planning committee")
            break
    return end

"""The listener a cue like "told" takes before its reported clause, when the mention reader
finds no mention there: an object pronoun or a single capitalised word before a new noun phrase
("told them the highway would …", "told MPs the company had …")."""
from __future__ import annotations

from ...text import lexicon
from .. import mentions
from ...model import Cue
from ..segment import Token

_words = lexicon.WordClasses("text/word_classes.txt")   # _words.listener_pronouns, _words.subject_pronouns


def opens_noun_phrase(word: str) -> bool:
    """Can ``word`` open a new noun phrase: a determiner, a subject pronoun or a capitalised word?"""
    return word.lower() in lexicon.lower_words("extract/determiners.txt") or word.lower() in _words.subject_pronouns \
        or mentions.is_capitalised(word)


def bare_listener(toks: list[Token], k: int, cue: Cue) -> int:
    """Where the reported clause of a listener cue ("told", "assured") opens after a one-word
    listener at ``k``: after an object pronoun ("them", "him", "us"; not "her", which may open
    "her husband") or a plural in capitals ("MPs") when a new noun phrase follows; else ``k``
    ("asked him a question" keeps its object)."""
    if cue.text.lower() not in _words.listener_forms or k + 1 >= len(toks) or not opens_noun_phrase(toks[k + 1].text):
        return k
    word = toks[k].text
    plural = len(word) > 2 and word.endswith("s") and word[:-1].isupper()      # "MPs", "CEOs"
    return k + 1 if word.lower() in _words.listener_pronouns or plural else k

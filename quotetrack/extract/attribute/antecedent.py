"""The noun phrase a relative "who" stands for, when the mention before it runs over a
preposition: "a lecture from the Mexican president, who said …" -> "the Mexican president"
(a person follows the preposition and none comes before it); "a spokesman for the council,
who said …" stays whole (the spokesman is the person)."""
from __future__ import annotations

from ...text import lexicon, names
from .. import mentions
from ..kinds import party_head, person_head
from ..segment import Token


def person_after_preposition(toks: list[Token], rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """The part of the mention ``rng`` after its last preposition (other than "of") when that
    part's head is a person noun and the word before the preposition is none; else ``rng``."""
    if rng is None or rng[1] - rng[0] < 3:
        return rng
    prepositions = lexicon.lower_words("extract/np_prepositions.txt") - {"of"}
    for i in range(rng[1] - 2, rng[0], -1):
        if toks[i].text in prepositions:
            if person_head(toks[rng[1] - 1].text.lower()) and not person_head(toks[i - 1].text.lower()):
                return i + 1, rng[1]
            return rng
    return rng


def name_tail(toks: list[Token], rng: tuple[int, int] | None) -> tuple[int, int] | None:
    """The capitalised name that ends a mention: "fire from Senator Ilse Marner" -> "Senator Ilse
    Marner"; a mention that does not end in a name is kept whole; a capitalised party epithet
    keeps its "the" ("a reversal for the Ohio Republican, who" -> "the Ohio Republican"), so it
    is read as a definite description of someone named before."""
    if rng is None or not mentions.is_capitalised(toks[rng[1] - 1].text):
        return rng
    i = rng[1] - 1
    while i - 1 >= rng[0] and (mentions.is_capitalised(toks[i - 1].text) or toks[i - 1].text == "of" or names.is_particle(toks[i - 1].text)
                               or _joins_name(toks, i - 1, rng[0])):
        i -= 1
    if i - 1 >= rng[0] and toks[i - 1].text.lower() == "the" and party_head([t.text for t in toks[i:rng[1]]]):
        i -= 1
    return i, rng[1]


def _joins_name(toks: list[Token], i: int, lo: int) -> bool:
    """Whether toks[i] joins two capitalised parts of one name: "for" in "Campaign for Rural
    Wessex", "the" in "Ramesh Nair of the Bar Association"."""
    word = toks[i].text
    if word == "for":
        return i - 1 >= lo and mentions.is_capitalised(toks[i - 1].text)
    return word == "the" and i - 2 >= lo and toks[i - 1].text == "of" and mentions.is_capitalised(toks[i - 2].text)

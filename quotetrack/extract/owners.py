"""A person named only as an owner ("Ms. Ruiz’s standing", "According to Ruiz’s plea deal"):
when no one else is named in the sentence, the sentence is about that person, and a he/she in it
or opening the next sentence goes on with them, not with the current speaker
(:meth:`.salience.Salience.person_for`).  Not when the owned noun is a person ("Ruiz’s lawyer",
"Ruiz’s campaign chairman, Tom Hale,"): that person is the one the sentence is about."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from . import kinds
from .anaphora import SENTENCE_BREAK, subordinate_subject

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

OWNED_WORDS = 4               # words of the owned noun phrase read for a person noun
# The owned noun phrase after a possessive: up to OWNED_WORDS words ("foreign policy thinking"),
# stopping at punctuation: "proudest legislative moments" in "Sanders’s proudest legislative moments,".
_OWNED = re.compile(r"[ \t]+((?:[A-Za-z][\w\-]*)(?:[ \t]+[A-Za-z][\w\-]*){0,%d})" % (OWNED_WORDS - 1))
# A name in apposition right after the owned phrase: ", Tom" in "Ruiz’s deputy, Tom Hale,".
_APPOSITION = re.compile(r",[ \t]+[A-Z]")
OPENING_REACH = 160           # characters read back for the opening of the owner's sentence
_BREAK = re.compile(SENTENCE_BREAK)


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for people (data/text/person_nouns.txt and the gendered nouns): "lawyer", "wife";
    not the title words, some of them adjectives ("legislative", "former")."""
    return lexicon.lower_words("text/person_nouns.txt") | frozenset(kinds.gendered_nouns())


def _person_noun(word: str) -> bool:
    """A person noun as it stands or in the plural ("lawyer", "aides")."""
    low, heads = word.lower(), _person_nouns()
    return low in heads or low.endswith("s") and low[:-1] in heads


def possessor(text: str, after: int) -> bool:
    """Whether the possessive ending at ``after`` owns a thing, not a person: no word of the
    owned phrase is a person noun, and no name stands in apposition to it.

    >>> t = "Ms. Ruiz’s popularity fell. Ruiz’s lawyer, Tom Hale, spoke. Ruiz’s campaign chairman said."
    >>> [possessor(t, m.end()) for m in re.finditer("’s", t)]
    [True, False, False]
    """
    m = _OWNED.match(text, after)
    if m is None:
        return False
    words = m.group(1).split()
    if any(_person_noun(w) for w in words):
        return False
    return not _APPOSITION.match(text, m.end())


def fronted(text: str, at: int) -> bool:
    """Whether the owner named at ``at`` is in a clause's topic position outside the main
    clause's subject and object: the subject's owner in a subordinate clause ("where Ms. Ruiz’s
    standing fell"), or inside the phrase that opens its sentence before any comma ("According
    to Ruiz’s deal, …", "But when it comes to Ruiz’s record, …").  Not an object's owner
    ("Ames criticised Ruiz’s plan", "In a statement, Ames criticised Ruiz’s plan").

    >>> t = "Votes fell. According to Ms. Ruiz’s deal, she pays. Ames criticised Ruiz’s plan."
    >>> [fronted(t, m.start()) for m in re.finditer(r"Ms|Ruiz(?=’s plan)", t)]
    [True, False]
    """
    if subordinate_subject(text, at):
        return True
    lo = max(0, at - OPENING_REACH)
    start = lo if lo == 0 else None
    for b in _BREAK.finditer(text, lo, at):
        start = b.end()
    if start is None or any(c in text[start:at] for c in ",;:“”\"()"):
        return False
    words = [w.lower() for w in text[start:at].split()[:2]]
    if words and words[0] in _words.opening_conjunctions:
        words = words[1:]             # "But when it comes to …"
    return bool(words) and words[0] in _words.opening_prepositions | _words.subordinators | _words.owner_leads


def sole_owner(sal, eid: int, sentence: int) -> bool:
    """Whether ``eid`` is the one person among the salient entities last named in ``sentence``
    (no other person named there to be its subject)."""
    ents = sal.model.entities
    return not any(e != eid and ents[e].type == "person" and sal.sentence_of(sal.last[e][0]) == sentence
                   for e in sal.recent)

"""Word lists and comparisons a verdict rests on: negations and operators, qualifiers, the
character tiers, and the same-speaker test."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Sequence

import regex

from ...text import lexicon
from ..sources import word_key, word_list
from ...extract.speakers import split_title


# White space for the whitespace tier: "a \n b" -> "a b" (a non-breaking space is typography).
_SPACES = regex.compile(r"[ \t\r\n]+")
# The typography tier: curly and straight quotes, dashes, odd spaces, soft hyphens, "…".
_TYPOGRAPHY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "…": "...",
})
# --- word lists and comparisons -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...], dict[str, str], dict[str, str]]:
    negations = frozenset(word_key(w) for w in lexicon.lower_words("negations.txt"))
    operators = frozenset(word_key(w) for w in lexicon.lower_words("operators.txt"))
    return (negations, operators, word_list("qualifiers.txt"), lexicon.pairs("modal_shifts.tsv"),
            lexicon.pairs("operator_synonyms.tsv"))


@lru_cache(maxsize=1)
def _fused() -> dict[str, str]:
    """data/negated_forms.tsv: "won't" -> "will", "cannot" -> "can"."""
    return {word_key(k): word_key(v) for k, v in lexicon.pairs("negated_forms.tsv").items()}


def negated_forms(word: str) -> tuple[str, ...]:
    """The keys of ``word`` with a negation fused to it.

    >>> "didn't" in negated_forms("did"), "won't" in negated_forms("will"), "cannot" in negated_forms("can")
    (True, True, True)
    """
    return (word + "n't", word + "not") + tuple(k for k, v in _fused().items() if v == word)


def _is_negation(key: str) -> bool:
    return key in _lists()[0] or key.endswith("n't")


def operator_words(keys: Sequence[str], shift: bool = False) -> Counter:
    """The negations and operators among ``keys``, each as the operator it carries
    ("won't" is "will" and "not", "nobody" is "not", "merely" is "only"); with
    ``shift``, reported-speech modals count as their present form ("would" -> "will").

    >>> sorted(operator_words(["we", "won't", "merely", "sign", "cannot"]).elements())
    ['can', 'not', 'not', 'only', 'will']
    """
    negations, operators, _q, shifts, synonyms = _lists()
    out: Counter = Counter()
    for key in keys:
        base = _fused().get(key) or (key[:-3] if key.endswith("n't") else None)
        if base:                               # "won't": "will" and "not"
            out["not"] += 1
            key = base
        if key in negations or key in operators or key in synonyms:
            key = synonyms.get(key, key)
            out[shifts.get(key, key) if shift else key] += 1
    return out


def _qualifier_at(keys: Sequence[str], i: int) -> tuple[str, ...] | None:
    for entry in _lists()[2]:
        if tuple(keys[i:i + len(entry)]) == entry:
            return entry
    return None


@lru_cache(maxsize=1)
def _contrasts() -> tuple[tuple[str, ...], ...]:
    """data/contrast_openers.txt as word-key tuples, longest first."""
    return word_list("contrast_openers.txt")


def _contrast_at(keys: Sequence[str], i: int) -> tuple[str, ...] | None:
    """The contrast opener ("but", "however", "even so") that source word ``i`` starts, if any."""
    for entry in _contrasts():
        if tuple(keys[i:i + len(entry)]) == entry:
            return entry
    return None


def tier_of(draft: str, source: str) -> str | None:
    """The first rung of the ladder on which two texts are equal, or None.

    >>> tier_of("It’s  done", "It's done"), tier_of("It's DONE", "it’s done"), tier_of("a, b", "a b")
    ('typography', 'case', None)
    """
    if draft == source:
        return "exact"
    a, b = _SPACES.sub(" ", draft), _SPACES.sub(" ", source)
    if a == b:
        return "whitespace"
    a = _SPACES.sub(" ", draft.translate(_TYPOGRAPHY))
    b = _SPACES.sub(" ", source.translate(_TYPOGRAPHY))
    if a == b:
        return "typography"
    if a.casefold() == b.casefold():
        return "case"
    return None


# --- speakers -----------------------------------------------------------------------------------

NAMED_TYPES = ("person", "organisation")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
# A word of a speaker's name: "Gantz", "O’Rourke", "Ruiz-Tagle", "Sen."
_NAME_WORD = regex.compile(r"[\w’'\-]+\.?")


def name_words(name: str | None) -> list[str]:
    """A speaker name as keys, title and leading article dropped.

    >>> name_words("Defense Minister Benny Gantz"), name_words("MR. GANTZ"), name_words("the ministry")
    (['benny', 'gantz'], ['gantz'], ['ministry'])
    """
    return list(_name_words(name))


@lru_cache(maxsize=4096)
def _name_words(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    words = _NAME_WORD.findall(name)
    words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
    _title, rest = split_title(words)
    if rest:
        words = rest
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    keys = tuple(word_key(w.rstrip(".")) for w in words if w.rstrip("."))
    return () if len(keys) == 1 and keys[0] in _PRONOUNS else keys


def same_speaker(draft: str | None, source: str | None, source_title: str | None = None) -> bool | None:
    """Whether two speaker names are one person or body; None when either is unknown.

    >>> same_speaker("Gantz", "Benny Gantz"), same_speaker("Mark Esper", "Benny Gantz")
    (True, False)
    >>> same_speaker("Department of Defense", "US Department of Defense"), same_speaker("he", "Gantz")
    (True, None)
    """
    a, b = name_words(draft), name_words(source)
    if not a or not b:
        return None
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if short[-1] == long[-1] and all(w in long for w in short):
        return True
    if source_title and a == [word_key(w) for w in source_title.split()]:
        return True
    return False

"""Word lists and comparisons a verdict rests on: negations and operators, qualifiers, the
character tiers, and the same-speaker test."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import NamedTuple, Sequence

import regex

from ...text.marks import TYPOGRAPHY
from ...text import lexicon
from ...text.tokens import word_key, word_list


# White space for the whitespace tier: "a \n b" -> "a b" (a non-breaking space is typography).
_SPACES = regex.compile(r"[ \t\r\n]+")
# --- word lists and comparisons -----------------------------------------------------------------

class WordLists(NamedTuple):
    """The word lists a verdict compares by (data/claims/negations.txt, check/operators.txt, check/qualifiers.txt,
    check/modal_shifts.tsv, check/operator_synonyms.tsv), as keys."""
    negations: frozenset[str]
    operators: frozenset[str]
    qualifiers: tuple[tuple[str, ...], ...]
    shifts: dict[str, str]
    synonyms: dict[str, str]


@lru_cache(maxsize=1)
def _lists() -> WordLists:
    return WordLists(frozenset(word_key(w) for w in lexicon.lower_words("claims/negations.txt")),
                     frozenset(word_key(w) for w in lexicon.lower_words("check/operators.txt")),
                     word_list("check/qualifiers.txt"), lexicon.pairs("check/modal_shifts.tsv"),
                     lexicon.pairs("check/operator_synonyms.tsv"))


@lru_cache(maxsize=1)
def _fused() -> dict[str, str]:
    """data/check/negated_forms.tsv: "won't" -> "will", "cannot" -> "can"."""
    return {word_key(k): word_key(v) for k, v in lexicon.pairs("check/negated_forms.tsv").items()}


def negated_forms(word: str) -> tuple[str, ...]:
    """The keys of ``word`` with a negation fused to it.

    >>> "didn't" in negated_forms("did"), "won't" in negated_forms("will"), "cannot" in negated_forms("can")
    (True, True, True)
    """
    return (word + "n't", word + "not") + tuple(k for k, v in _fused().items() if v == word)


def _is_negation(key: str) -> bool:
    return key in _lists().negations or key.endswith("n't")


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
    for entry in _lists().qualifiers:
        if tuple(keys[i:i + len(entry)]) == entry:
            return entry
    return None


@lru_cache(maxsize=1)
def _contrasts() -> tuple[tuple[str, ...], ...]:
    """data/check/contrast_openers.txt as word-key tuples, longest first."""
    return word_list("check/contrast_openers.txt")


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
    a = _SPACES.sub(" ", draft.translate(TYPOGRAPHY))
    b = _SPACES.sub(" ", source.translate(TYPOGRAPHY))
    if a == b:
        return "typography"
    if a.casefold() == b.casefold():
        return "case"
    return None


# --- speakers -----------------------------------------------------------------------------------

NAMED_TYPES = ("person", "organisation")

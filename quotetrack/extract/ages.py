"""Ages as the text gives them: "the 24-year-old", "Ana Ruiz, 31,", "the teenager".

An age is a role key of its own ("24-year-old"); a description that is a lone age names the
person of that age, and a person whose stated age differs is never it. Used by the entity
model (:func:`.entities.roles_match`), descriptions and salience.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..text import lexicon

# An age as a role: "24-year-old".
AGE_ROLE = re.compile(r"(\d{1,3})-year-old")


@lru_cache(maxsize=1)
def age_nouns() -> dict[str, tuple[int, int]]:
    """data/extract/age_nouns.tsv: a noun that fits an age ("teenager") -> (youngest, oldest)."""
    out = {}
    for noun, ages in lexicon.pairs("extract/age_nouns.tsv").items():
        low, high = ages.split()
        out[noun] = (int(low), int(high))
    return out


def lone_age(words: list[str]) -> bool:
    """Whether a description is a lone age: "the 24-year-old" (not "the 34-year-old striker")."""
    return len(words) == 1 and AGE_ROLE.fullmatch(words[0].lower()) is not None


def age_clash(roles: Iterable[str], words: list[str]) -> bool:
    """Whether a description is no lone age (:func:`lone_age`) or an entity's ``roles`` hold
    another age ("Ana Ruiz, 31,")."""
    return not lone_age(words) or any(AGE_ROLE.fullmatch(r) and r != words[0].lower() for r in roles)

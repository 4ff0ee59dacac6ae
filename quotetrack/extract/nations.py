"""Nationalities (data/extract/demonyms.tsv): the nationality the words around a person's name
show ("Norway’s Ivar Lund", "Norwegian skier Ivar Lund", "Ivar Lund of Norway", "Kim Ode, a
Dane,"), kept among the person's roles by :mod:`.entities`, and the one a description's
nationality noun names ("the Norwegian", "the Swede"), so that the description finds that
person; read by :mod:`.descriptions`."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVE_S


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(country -> key, adjective -> key, person noun -> key), lower-case; the key is the
    country's first adjective ("norwegian", "new zealand")."""
    countries, adjectives, nouns = {}, {}, {}
    for country, adjs, people in lexicon.rows("extract/demonyms.tsv"):
        forms = [a.replace("_", " ").lower() for a in adjs.split()]
        key = forms[0]
        countries[country] = key
        adjectives.update((a, key) for a in forms)
        nouns.update((n.replace("_", " ").lower(), key) for n in people.split())
    return countries, adjectives, nouns


def nationality(words: list[str]) -> str | None:
    """The nationality a capitalised adjective or person noun of one or two words names
    (["Norwegian"], ["Swede"], ["South", "Korean"]), as its key; None for any other words."""
    if not words or not words[0][:1].isupper():
        return None
    low = words[0].lower() if len(words) == 1 else " ".join(words).lower()
    _, adjectives, nouns = _table()
    return adjectives.get(low) or nouns.get(low)


def country(words: list[str]) -> str | None:
    """The nationality key of a country's name (["Norway"], ["New", "Zealand"]), else None."""
    return _table()[0].get(" ".join(words).lower()) if words and words[0][:1].isupper() else None


# After a name: " of Norway", " (Norway)", ", a Norwegian," (group 1 a country, group 2 a person noun).
_AFTER = re.compile(r"(?:[ \t]+of[ \t]+|[ \t]*\()([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?=[),.;:]|[ \t]+[a-z])"
                    r"|,[ \t]+an?[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*[,.;]")


def nationality_of(text: str, start: int, end: int) -> str | None:
    """The nationality the words around the name at text[start:end] show: its country's
    possessive just before ("Norway’s Ivar Lund"), an adjective opening it or a role of one or
    two lower-case words before it ("Norwegian Ivar Lund", "Norwegian skier Ivar Lund"), its
    country after it ("Ivar Lund of Norway", "Ivar Lund (Norway)") or a person noun in an
    apposition ("Kim Ode, a Dane,")."""
    written = text[start:end].split()
    key = nationality(written[:1]) if len(written) > 2 else None
    before = text[max(0, start - 60):start].split()[-4:] if text[start - 1:start] == " " else []
    if key is None and before and before[-1].endswith(POSSESSIVE_S):
        last = before[-1][:-2]                # "Norway’s", "New Zealand’s"
        key = country([last]) or (country([before[-2], last]) if len(before) > 1 else None)
    lows = 0
    while key is None and lows < min(2, len(before)) and before[-1 - lows].isalpha() and before[-1 - lows].islower():
        lows += 1                             # "skier", "world champion"
        k = len(before) - 1 - lows
        if k >= 0:
            key = nationality(before[k:k + 1]) or (nationality(before[k - 1:k + 1]) if k else None)
    if key is None and (m := _AFTER.match(text, end, min(len(text), end + 40))):
        key = country(m.group(1).split()) if m.group(1) else nationality(m.group(2).split())
    return key


def demonym_head(words: list[str]) -> str | None:
    """The nationality a description names by a person noun at its head ("Norwegian" in "the
    Norwegian", "Swede" in "the young Swede"; the words after "the"), else None.  Not an
    adjective ("the British", "the French": a people) nor a noun that is its own plural ("the
    Chinese", "the Swiss": a people or a government)."""
    head = words[-2:] if len(words) > 1 and words[-2][:1].isupper() else words[-1:]
    if not head or not all(w[:1].isupper() for w in head) or head[-1].endswith(("ese", "ss")):
        return None
    return _table()[2].get(" ".join(head).lower())


def nationality_modifier(words: list[str]) -> tuple[str, list[str]] | None:
    """(nationality key, the words after it) when a description opens with a nationality
    adjective before a role ("Mexican president" -> ("mexican", ["president"])), else None."""
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    key = _table()[1].get(words[0].lower())
    return (key, words[1:]) if key is not None else None


def other_nationality(roles, key: str) -> bool:
    """Whether ``roles`` hold a nationality other than ``key`` (the person is from elsewhere)."""
    keys = set(_table()[1].values())
    return any(r in keys and r != key for r in roles)

"""Nationalities (data/extract/demonyms.tsv): the nationality the words around a person's name
show ("Norway’s Ivar Lund", "Norwegian skier Ivar Lund", "Ivar Lund of Norway", "Kim Ode, a
Dane,"), kept among the person's roles by :mod:`.entities`, and the one a description's
nationality noun names ("the Norwegian", "the Swede"), so that the description finds that
person; read by :mod:`.descriptions`."""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon


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
    if not words or not all(w[:1].isupper() for w in words):
        return None
    low = " ".join(words).lower()
    _, adjectives, nouns = _table()
    return adjectives.get(low) or nouns.get(low)


def country(words: list[str]) -> str | None:
    """The nationality key of a country's name (["Norway"], ["New", "Zealand"]), else None."""
    return _table()[0].get(" ".join(words).lower()) if words and words[0][:1].isupper() else None


# A country's possessive right before a name: "Norway’s " in "Norway’s Ivar Lund" (group 1: the country).
_COUNTRY_BEFORE = re.compile(r"(?<![\w’'])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?:’s|'s)[ \t]+$")
# A capitalised adjective and up to two lower-case words right before a name: "Norwegian skier ",
# "Swedish world champion " (group 1: the adjective, one or two words).
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w’'])([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?:[a-z][\w\-]*[ \t]+){1,2}$")
# After a name: " of Norway", " (Norway)", ", a Norwegian," (group 1 a country, group 2 a person noun).
_AFTER = re.compile(r"(?:[ \t]+of[ \t]+|[ \t]*\()([A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})(?=[),.;:]|[ \t]+[a-z])"
                    r"|,[ \t]+an?[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]*[,.;]")


def nationality_of(text: str, start: int, end: int) -> str | None:
    """The nationality the words around the name at text[start:end] show: its country's
    possessive just before ("Norway’s Ivar Lund"), an adjective opening it or a role before it
    ("Norwegian Ivar Lund", "Norwegian skier Ivar Lund"), its country after it ("Ivar Lund
    of Norway", "Ivar Lund (Norway)") or a person noun in an apposition ("Kim Ode, a Dane,")."""
    first = text[start:end].split(maxsplit=1)[0]
    key = nationality([first]) if len(text[start:end].split()) > 2 else None
    if key is None and (m := _COUNTRY_BEFORE.search(text, max(0, start - 40), start)):
        key = country(m.group(1).split())
    if key is None and (m := _ADJECTIVE_BEFORE.search(text, max(0, start - 60), start)):
        key = nationality(m.group(1).split())
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

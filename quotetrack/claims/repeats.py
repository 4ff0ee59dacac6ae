"""Repeated claims: the same claim made again, by whom and where, and where its number changed.

Pure functions over claim records (no database here; :mod:`quotetrack.ledger.store` reads
the rows and hands them over):

1. :func:`normalise` folds case, quote marks, punctuation and white space, and puts
   ``#`` for every quantity (so "3 million jobs" and "three million jobs" and
   "4 million jobs" read alike: numbers are compared later, not matched here);
2. :func:`group` joins claims into groups by the pairs the claim matcher finds (two
   claims that each cover the other's rare wording, paraphrase included:
   :func:`quotetrack.ledger.matches.claim_pairs`);
3. :func:`number_changes` compares the quantities of a group's claims in date order
   and lists each change: "3 million (2020-03-02) → 4 million (2020-05-10)".
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Callable, Iterable, NamedTuple, Sequence, TypeVar

from ..text import lexicon
from ..model import Quantity
from ..text import quantities

T = TypeVar("T")
MIN_WORDS = 3                # a claim of fewer normalised words ("Abstract.") is not matched
NUMBER = "#"                 # what a quantity becomes in normalised text

# A word of normalised text: a contraction ("'ve" in "we've") or a run of word characters
# and signs; punctuation, quote marks, dashes and brackets fall away
# ("“We’ve lost 40%,” he said — (again)" -> we 've lost 40% he said again).
TOKEN = re.compile(r"'(?:s|re|ve|d|ll|m)\b|[\w#%$€£¥]+")
# A digit run a quantity finder left out (in a reference, a date): "2020", "3.5".
DIGITS = re.compile(r"\d[\d,.]*")
SPACES = re.compile(r"\s+")
# Numbers that are not amounts: a bare year ("in 2015"), and a bare run of this many
# digits or more (a tweet or record id: "status/661196115484643328").
YEARS = (1800, 2100)
IDENTIFIER_DIGITS = 10


class Item(NamedTuple):
    """One stored claim, as :func:`group` and :func:`number_changes` need it."""
    id: int
    text: str
    norm: str
    document: str                   # doc_id
    date: str | None                # ISO day, or None
    speaker: str
    quantities: tuple[Quantity, ...] = ()   # offsets into its document's text


class Change(NamedTuple):
    """A number that differs between two claims of a group (earlier first)."""
    slot: int                       # which quantity of the claim (0 = the first)
    before: Item
    after: Item
    old: Quantity
    new: Quantity

    def describe(self) -> str:
        """``3 million (2020-03-02) → 4 million (2020-05-10)``; a claim with no date shows its document."""
        return f"{self.old.text} ({_when(self.before)}) → {self.new.text} ({_when(self.after)})"


def _when(item: Item) -> str:
    return item.date or item.document


def normalise(text: str, found: Sequence[Quantity] | None = None) -> str:
    """The text a claim is matched on: lower case, each quantity as ``#`` and its unit
    (so every way of writing a number reads alike), auxiliaries in one tense
    (data/claims/backshift.tsv: "has", "had" -> "have", so a claim and its reported version
    read alike), no punctuation.

    >>> normalise("“Three million people lost their jobs,” he said.")
    '# people lost their jobs he said'
    >>> normalise("4,000,000 people lost their jobs, he said")
    '# people lost their jobs he said'
    >>> normalise("We’ve lost 3 million jobs") == normalise("we had lost three million jobs")
    True
    >>> normalise("It cost $3.5bn.") == normalise("It cost 3.5 billion dollars.")
    True

    ``found`` are the quantities of ``text`` when they are known already (offsets
    into ``text``); by default :func:`quotetrack.text.quantities.find` looks for them.
    """
    if found is None:
        found = quantities.find(text)
    parts = []
    last = 0
    for q in found:
        parts.append(text[last:q.start])
        parts.append(f" {NUMBER} {q.unit} ")
        last = q.end
    parts.append(text[last:])
    folded = "".join(parts).casefold().replace("’", "'")
    folded = DIGITS.sub(NUMBER, folded)
    forms = lexicon.pairs("claims/backshift.tsv")
    return " ".join(forms.get(w, w) for w in TOKEN.findall(folded))


def group(items: Sequence[Item], pairs: Iterable[tuple[int, int]], min_documents: int = 2
          ) -> list[list[Item]]:
    """Groups of claims that say the same thing, joined by ``pairs`` of claim ids (the
    claim matcher's: :func:`quotetrack.ledger.matches.claim_pairs`), each group in at
    least ``min_documents`` documents; a group is sorted by date (undated last), then
    document.  Groups come in most documents first.  A claim of fewer than
    :data:`MIN_WORDS` normalised words is left out.

    >>> a = Item(1, "x", "# people lost their jobs", "a.txt", "2020-03-02", "Gantz")
    >>> b = Item(2, "y", "# people lost their jobs", "b.txt", "2020-05-10", "Gantz")
    >>> [[i.id for i in g] for g in group([a, b], [(1, 2)])]
    [[1, 2]]
    """
    by_id = {it.id: it for it in items if long_enough(it.norm)}
    joined = components((i, j) for i, j in pairs if i in by_id and j in by_id)
    seen = {i for ids in joined for i in ids}
    groups = [[by_id[i] for i in ids] for ids in joined] + [[it] for i, it in by_id.items() if i not in seen]
    return arrange(groups, _order, lambda it: it.document, min_documents)


def long_enough(norm: str) -> bool:
    """Whether a claim's normalised text has the :data:`MIN_WORDS` it takes to be matched."""
    return len(norm.split()) >= MIN_WORDS


def components(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The ids that ``pairs`` join, directly or through others, each set once (union-find).

    >>> sorted(map(sorted, components([(1, 2), (3, 4), (2, 5)])))
    [[1, 2, 5], [3, 4]]
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            parent[root] = parent[parent[root]]
            root = parent[root]
        return root

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        members[find(x)].append(x)
    return list(members.values())


def arrange(groups: Iterable[list[T]], key: Callable[[T], Any], document: Callable[[T], Any],
            min_documents: int = 2) -> list[list[T]]:
    """The groups found in ``min_documents`` documents or more, each sorted by ``key`` (date,
    undated last, then document), most documents first, then most claims, then by the
    ``key`` of the first."""
    out = [sorted(g, key=key) for g in groups if len({document(x) for x in g}) >= min_documents]
    out.sort(key=lambda g: (-len({document(x) for x in g}), -len(g), key(g[0])))
    return out


def _order(item: Item) -> tuple:
    return (item.date is None, item.date or "", item.document, item.id)


def comparable(amount: Quantity) -> bool:
    """Whether an amount is a number to compare: it has a value, and it is not a bare
    year or a long identifier.

    >>> comparable(Quantity(0, 9, "3 million", 3e6)), comparable(Quantity(0, 4, "2015", 2015.0))
    (True, False)
    """
    if amount.value is None:
        return False
    bare = amount.text.strip()
    if bare.isdigit() and not amount.unit:
        if len(bare) >= IDENTIFIER_DIGITS or (len(bare) == 4 and YEARS[0] <= amount.value <= YEARS[1]):
            return False
    return True


def number_changes(members: Iterable[Item]) -> list[Change]:
    """Every place a group's number changes from one claim to the next, in date order.

    The n-th quantity of a claim is compared with the n-th quantity of the claim
    before it that has one with the same unit; equal values, or no value, are no change;
    years and identifiers are not compared (:func:`comparable`).

    >>> a = Item(1, "", "", "a.txt", "2020-03-02", "G", (Quantity(0, 9, "3 million", 3e6),))
    >>> b = Item(2, "", "", "b.txt", "2020-05-10", "G", (Quantity(0, 9, "4 million", 4e6),))
    >>> [c.describe() for c in number_changes([a, b])]
    ['3 million (2020-03-02) → 4 million (2020-05-10)']
    """
    ordered = sorted(members, key=_order)
    last: dict[int, tuple[Item, Quantity]] = {}
    out = []
    for item in ordered:
        for slot, amount in enumerate(a for a in item.quantities if comparable(a)):
            prev = last.get(slot)
            if prev is not None and prev[1].unit == amount.unit and prev[1].value != amount.value:
                out.append(Change(slot, prev[0], item, prev[1], amount))
            if prev is None or prev[1].unit == amount.unit:
                last[slot] = (item, amount)
    return out

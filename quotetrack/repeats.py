"""Repeated claims: the same claim made again, by whom and where, and where its number changed.

Pure functions over claim records (no database here; :mod:`quotetrack.ledger` reads
the rows and hands them over):

1. :func:`normalise` folds case, quote marks, punctuation and white space, and puts
   ``#`` for every quantity (so "3 million jobs" and "three million jobs" and
   "4 million jobs" read alike: numbers are compared later, not matched here);
2. :func:`shingles` gives the word 3-grams of the normalised text;
3. :func:`group` finds candidate pairs through an inverted index on shingles (only
   claims that share a shingle are ever compared, never all pairs), keeps pairs whose
   Jaccard similarity reaches a threshold, and joins them into groups;
4. :func:`number_changes` compares the quantities of a group's claims in date order
   and lists each change: "3 million (2020-03-02) → 4 million (2020-05-10)".
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, NamedTuple, Sequence

SHINGLE_WORDS = 3            # words per shingle
DEFAULT_SIMILARITY = 0.6     # the Jaccard similarity at or above which two claims are one claim
MAX_POSTINGS = 500           # a shingle shared by more claims than this is too common to pair on
NUMBER = "#"                 # what a quantity becomes in normalised text

# Characters that are not part of a word in normalised text: punctuation, quote marks,
# dashes, brackets ("“Jobs,” he said — (again)" -> "jobs he said again").
NON_WORD = re.compile(r"[^\w#%$€£¥\s]+")
# A digit run a quantity finder left out (in a reference, a date): "2020", "3.5".
DIGITS = re.compile(r"\d[\d,.]*")
SPACES = re.compile(r"\s+")


class Item(NamedTuple):
    """One stored claim, as :func:`group` and :func:`number_changes` need it."""
    id: int
    text: str
    norm: str
    document: str                   # doc_id
    date: str | None                # ISO day, or None
    speaker: str
    quantities: tuple["Amount", ...] = ()


class Amount(NamedTuple):
    """A quantity of a claim: as written, its value and its unit."""
    text: str
    value: float | None
    unit: str = ""


class Change(NamedTuple):
    """A number that differs between two claims of a group (earlier first)."""
    slot: int                       # which quantity of the claim (0 = the first)
    before: Item
    after: Item
    old: Amount
    new: Amount

    def describe(self) -> str:
        """``3 million (2020-03-02) → 4 million (2020-05-10)``; a claim with no date shows its document."""
        return f"{self.old.text} ({_when(self.before)}) → {self.new.text} ({_when(self.after)})"


def _when(item: Item) -> str:
    return item.date or item.document


def normalise(text: str) -> str:
    """The text a claim is matched on: lower case, each quantity as ``#`` and its unit
    (so every way of writing a number reads alike), no punctuation.

    >>> normalise("“Three million people lost their jobs,” he said.")
    '# people lost their jobs he said'
    >>> normalise("4,000,000 people lost their jobs, he said")
    '# people lost their jobs he said'
    >>> normalise("It cost $3.5bn.") == normalise("It cost 3.5 billion dollars.")
    True
    """
    from . import quantities
    parts = []
    last = 0
    for q in quantities.find(text):
        parts.append(text[last:q.start])
        parts.append(f" {NUMBER} {q.unit} ")
        last = q.end
    parts.append(text[last:])
    folded = "".join(parts).casefold().replace("’", "'")
    folded = DIGITS.sub(NUMBER, folded)
    folded = NON_WORD.sub(" ", folded)
    return SPACES.sub(" ", folded).strip()


def shingles(norm: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """The word ``size``-grams of a normalised text (the whole text when it is shorter).

    >>> sorted(shingles("a b c d"))
    ['a b c', 'b c d']
    """
    words = norm.split()
    if len(words) <= size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets).

    >>> jaccard(frozenset("ab"), frozenset("bc"))
    0.3333333333333333
    """
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float = DEFAULT_SIMILARITY
                  ) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity), i < j, whose Jaccard similarity is at least ``threshold``.

    Only sets that share a shingle are compared (an inverted index from shingle to
    the sets holding it); a shingle held by more than :data:`MAX_POSTINGS` sets pairs
    nothing by itself.

    >>> similar_pairs([frozenset({"a b c"}), frozenset({"x y z"}), frozenset({"a b c"})])
    [(0, 2, 1.0)]
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    candidates: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > MAX_POSTINGS:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                candidates.add((ids[x], ids[y]))
    out = []
    for i, j in sorted(candidates):
        sim = jaccard(sets[i], sets[j])
        if sim >= threshold:
            out.append((i, j, sim))
    return out


def group(items: Sequence[Item], threshold: float = DEFAULT_SIMILARITY,
          min_documents: int = 2) -> list[list[Item]]:
    """Groups of claims that say the same thing, each in at least ``min_documents``
    documents; a group is sorted by date (undated last), then document.  Groups come
    largest first.

    >>> a = Item(1, "x", "# people lost their jobs", "a.txt", "2020-03-02", "Gantz")
    >>> b = Item(2, "y", "# people lost their jobs", "b.txt", "2020-05-10", "Gantz")
    >>> [[i.id for i in g] for g in group([a, b])]
    [[1, 2]]
    """
    sets = [shingles(it.norm) for it in items]
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _sim in similar_pairs(sets, threshold):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[Item]] = defaultdict(list)
    for i, it in enumerate(items):
        members[find(i)].append(it)
    groups = [sorted(g, key=_order) for g in members.values()
              if len({it.document for it in g}) >= min_documents]
    groups.sort(key=lambda g: (-len({it.document for it in g}), -len(g), _order(g[0])))
    return groups


def _order(item: Item) -> tuple:
    return (item.date is None, item.date or "", item.document, item.id)


def number_changes(members: Iterable[Item]) -> list[Change]:
    """Every place a group's number changes from one claim to the next, in date order.

    The n-th quantity of a claim is compared with the n-th quantity of the claim
    before it that has one with the same unit; equal values, or no value, are no change.

    >>> a = Item(1, "", "", "a.txt", "2020-03-02", "G", (Amount("3 million", 3e6),))
    >>> b = Item(2, "", "", "b.txt", "2020-05-10", "G", (Amount("4 million", 4e6),))
    >>> [c.describe() for c in number_changes([a, b])]
    ['3 million (2020-03-02) → 4 million (2020-05-10)']
    """
    ordered = sorted(members, key=_order)
    last: dict[int, tuple[Item, Amount]] = {}
    out = []
    for item in ordered:
        for slot, amount in enumerate(item.quantities):
            if amount.value is None:
                continue
            prev = last.get(slot)
            if prev is not None and prev[1].unit == amount.unit and prev[1].value != amount.value:
                out.append(Change(slot, prev[0], item, prev[1], amount))
            if prev is None or prev[1].unit == amount.unit:
                last[slot] = (item, amount)
    return out

"""Repeated claims: normalisation, groups from the matcher's pairs, number changes (the pairs
themselves: tests/claims/test_match.py)."""
from __future__ import annotations

import pytest

from quotetrack.claims.repeats import Item, group, normalise, number_changes
from quotetrack.model import Quantity


def item(i: int, text: str, doc: str, date: str | None = None, speaker: str = "Gantz",
         amounts: tuple[Quantity, ...] = ()) -> Item:
    return Item(i, text, normalise(text), doc, date, speaker, amounts)


@pytest.mark.parametrize("a, b", [
    ("3 million people lost their jobs.", "Three million people lost their jobs"),
    ("“3,000,000 people lost their jobs,” he said", "3 million people lost their jobs — he said"),
    ("Prices rose 40% last year", "prices rose 40 per cent last year"),
    ("It cost $1.2bn", "It cost 1.2 billion dollars"),
    ("The PORT’s budget doubled", "the port's budget doubled"),
    ("'We have lost 3 million jobs,' he said", "We had lost three million jobs, he said"),   # backshift
    ("The plan will cost $2 billion", "the plan would cost 2 billion dollars"),
])
def test_number_and_typography_forms_normalise_alike(a, b):
    assert normalise(a) == normalise(b)


def test_different_numbers_normalise_alike_but_units_do_not():
    assert normalise("3 million people lost jobs") == normalise("4 million people lost jobs")
    assert normalise("Prices rose 4%") != normalise("Prices rose 4 dollars")


def test_group_needs_two_documents_and_sorts_by_date():
    items = [
        item(1, "4 million people lost their jobs", "c.txt", "2020-05-10"),
        item(2, "3 million people lost their jobs", "a.txt", "2020-03-02"),
        item(3, "3 million people lost their jobs", "a.txt", "2020-03-02"),     # same article again
        item(4, "The bridge opens in June", "b.txt"),
        item(5, "The bridge opens in June", "b.txt"),
        item(6, "Three million people lost their jobs", "d.txt", None),
    ]
    groups = group(items, [(2, 1), (3, 1), (1, 6), (4, 5)])
    assert [[m.id for m in g] for g in groups] == [[2, 3, 1, 6]]   # undated last; bridge only in b.txt


def test_pairs_of_unknown_claims_are_ignored():
    items = [item(1, "The port will reopen in June", "a.txt"), item(2, "The port will reopen in June", "b.txt")]
    assert group(items, [(1, 99), (98, 2)]) == []
    assert [[m.id for m in g] for g in group(items, [(2, 1)])] == [[1, 2]]


def test_number_changes_in_date_order():
    three, four = Quantity(0, 9, "3 million", 3e6, "people"), Quantity(0, 9, "4 million", 4e6, "people")
    members = [
        item(1, "x", "may.txt", "2020-05-10", amounts=(four,)),
        item(2, "x", "march.txt", "2020-03-02", amounts=(three,)),
        item(3, "x", "april.txt", "2020-04-01", amounts=(Quantity(0, 13, "three million", 3e6, "people"),)),
    ]
    changes = number_changes(members)
    assert [c.describe() for c in changes] == ["three million (2020-04-01) → 4 million (2020-05-10)"]
    assert (changes[0].old.value, changes[0].new.value, changes[0].after.document) == (3e6, 4e6, "may.txt")


def test_no_change_across_units_or_without_a_value():
    members = [item(1, "x", "a.txt", "2020-01-01", amounts=(Quantity(0, 2, "4%", 4.0, "%"),)),
               item(2, "x", "b.txt", "2020-02-01", amounts=(Quantity(0, 9, "4 dollars", 4.0, "$"),)),
               item(3, "x", "c.txt", "2020-03-01", amounts=(Quantity(0, 6, "dozens", None, ""),)),
               item(4, "x", "d.txt", None, amounts=(Quantity(0, 2, "5%", 5.0, "%"),))]
    assert [c.describe() for c in number_changes(members)] == ["4% (2020-01-01) → 5% (d.txt)"]


def test_years_and_identifiers_are_not_compared():
    members = [item(1, "x", "a.txt", "2020-01-01", amounts=(Quantity(0, 4, "2015", 2015.0), Quantity(0, 3, "12%", 12.0, "%"))),
               item(2, "x", "b.txt", "2020-02-01", amounts=(Quantity(0, 4, "2016", 2016.0), Quantity(0, 3, "12%", 12.0, "%"))),
               item(3, "x", "c.txt", "2020-03-01", amounts=(Quantity(0, 18, "661196115484643328", 6.6e17),)),
               item(4, "x", "d.txt", "2020-04-01", amounts=(Quantity(0, 18, "667366217527767040", 6.7e17),))]
    assert number_changes(members) == []


def test_short_claims_are_not_matched():
    items = [item(1, "Abstract.", "a.txt"), item(2, "ABSTRACT", "b.txt"),
             item(3, "He said so", "a.txt"), item(4, "he said so.", "b.txt")]
    assert [[m.id for m in g] for g in group(items, [(1, 2), (3, 4)])] == [[3, 4]]

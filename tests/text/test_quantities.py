"""Numbers and named quantities: values, units, offsets."""
import re

import pytest
from hypothesis import given, strategies as st

from quotetrack.text import quantities


@pytest.mark.parametrize("text, expected", [
    ("We lost 3 million jobs.", [("3 million jobs", 3e6, "jobs")]),
    ("Unemployment hit 40% in May.", [("40%", 40.0, "%")]),
    ("It rose 3.9 per cent.", [("3.9 per cent", 3.9, "%")]),
    ("a fall of 2.5 percentage points", [("2.5 percentage points", 2.5, "percentage points")]),
    ("It cost $1.2bn.", [("$1.2bn", 1.2e9, "$")]),
    ("It cost US$ 3 billion.", [("US$ 3 billion", 3e9, "$")]),
    ("a bill of £40,000", [("£40,000", 40000.0, "£")]),
    ("twenty-five dollars each", [("twenty-five dollars", 25.0, "$")]),
    ("three hundred and twenty-five thousand votes", [("three hundred and twenty-five thousand votes", 325000.0, "votes")]),
    ("A dozen people and two dozen eggs", [("A dozen people", 12.0, "people"), ("two dozen eggs", 24.0, "eggs")]),
    ("the first time since 1967", [("1967", 1967.0, "")]),
    ("about 91 percent of its 2019 level", [("91 percent", 91.0, "%"), ("2019", 2019.0, "")]),
    ("One million people", [("One million people", 1e6, "people")]),
    ("COVID-19 and F-35 jets in 3rd place", []),
    ("He is 5m tall.", []),
    ("a dividend of 11.4p a share", []),
    ("No one came; one of them left.", []),
    ("more than 400,000 Americans", [("400,000", 400000.0, "")]),
])
def test_find(text, expected):
    assert [(q.text, q.value, q.unit) for q in quantities.find(text)] == expected


def test_find_within_bounds_keeps_offsets_into_the_text():
    text = "Intro 7 words. We lost 3 million jobs. Then 9."
    start = text.index("We")
    found = quantities.find(text, start, text.index("Then"))
    assert [(q.text, q.start) for q in found] == [("3 million jobs", text.index("3 million"))]


@pytest.mark.parametrize("token, value", [
    ("3,000", 3000.0), ("2.5", 2.5), ("three", 3.0), ("Twenty-Five", 25.0), ("a dozen", 12.0),
    ("two hundred", 200.0), ("one million", 1e6), ("lots", None), ("", None),
])
def test_number_values(token, value):
    found = quantities.find(f"They counted {token} there.")
    assert (found[0].value if found else None) == value


@given(st.text(max_size=200))
def test_any_text_offsets_slice_back(text):
    for q in quantities.find(text):
        assert text[q.start:q.end] == q.text
        assert q.value is None or q.value >= 0


@pytest.mark.parametrize("text, holds", [
    ("Twenty-five,", True), ("TEN people", True), ("$", True), ("\u0663 people", True),  # Arabic-Indic 3
    ("Someone often wrote.", False), ("fiver", False), ("", False), ("\u017fix", False),  # long s
])
def test_pre_test(text, holds):
    assert quantities._may_hold_quantity(text, 0, len(text)) is holds


@given(st.text(alphabet=st.sampled_from(list("onetwfivrsx -,T3$\u017f\u00e9\u0130")), max_size=30))
def test_pre_test_is_its_rule(text):
    # a sign or digit, or a whole run of a-z in the lower-cased text that is a number word
    runs = re.findall("[a-z]+", text.lower())
    expected = bool(re.search(r"[\d$€£¥]", text)) or any(r in quantities._number_words() for r in runs)
    assert quantities._may_hold_quantity(text, 0, len(text)) == expected

"""The states "the state" may stand for (quotetrack/extract/jurisdictions.py)."""
from __future__ import annotations

from quotetrack.extract.jurisdictions import STATE_REACH, state_named_last
from quotetrack.text import lexicon


def test_state_names_are_places():
    """Every state name is a place too (data/extract/places.txt), so no state is a speaker's name."""
    assert lexicon.words("extract/state_names.txt") <= lexicon.words("extract/places.txt")


def test_state_named_last_is_the_nearest_before():
    text = "Vance toured Ohio and then Iowa. The state said"
    assert state_named_last(text, text.index("The state")) == "Iowa"


def test_state_named_out_of_reach_is_none():
    text = "Officials in Ohio met. " + "Nothing else happened. " * (STATE_REACH // 20) + "The state said"
    assert state_named_last(text, text.index("The state")) is None


def test_a_title_after_the_state_keeps_it():
    text = "Michigan Gov. Rae Holt spoke. Michigan State University closed. The state said"
    assert state_named_last(text, text.index("The state")) == "Michigan"

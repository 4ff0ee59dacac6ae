"""The narrative's own he/she (anaphora.anaphors) and sentence-opening "Her lawyer" (anaphora.owned_roles):
whole words only, wherever the scan starts them."""
from __future__ import annotations

from quotetrack.extract import anaphora

TEXT = ("He left. She’s here; she said he would. Shelby, Ashe and Sheila went ahead to the shed. "
        "A he-man, “He”, o’he. Her lawyer says no. Hershey’s son waits. Their aide left. Theirs is. "
        "His aide, Ana, left.")


def test_subject_pronouns_are_whole_words_with_their_gender():
    found = [(TEXT[a:b], a, g) for a, b, g, words in anaphora.anaphors(TEXT, [], set()) if words is None]
    assert found == [("He", 0, "m"), ("She", 9, "f"), ("she", 21, "f"), ("he", 30, "m"), ("he", 90, "m"),
                     ("He", 99, "m")]


def test_owned_roles_open_with_a_whole_possessive():
    assert [(TEXT[a:b], role) for a, b, _, role in anaphora.owned_roles(TEXT, [], set())] == [
        ("Her lawyer", "lawyer"), ("Their aide", "aide")]

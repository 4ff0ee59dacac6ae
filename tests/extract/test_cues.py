"""The cue finder's quick paths give what its case-blind patterns give (they only spare work)."""
import random

import pytest

from quotetrack.extract import cues

# Invented pieces: cue forms in every case, nouns before them, and the letters lower-casing
# would not match alike (İ, ı, ſ), next to hyphens, apostrophes and quote marks.
PIECES = ["said", "SAID", "Said", "sAid", "says", "Says", "pointed out", "Pointed  Out", "according to",
          "told", "the", "The", "his", "Editor’s", "he’s", "more", "MORE", "final", "a", "An", "no",
          "Vega", "Ortiz", "-", "’", "'", "“", "”", ",", ".", "İ", "ı", "ſaid", "saİd", "re-said",
          "unsaid", "\n", "  ", "\t", "—", "report", "claims", "x"]


def _texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) + rnd.choice([" ", "", " ", "\n"]) for _ in range(rnd.randrange(1, 30)))
            for _ in range(n)]


@pytest.mark.parametrize("text", _texts(400))
def test_forms_as_the_case_blind_pattern_finds_them(text):
    rnd = random.Random(text)
    windows = [(0, len(text))] + [(a, rnd.randrange(a, len(text) + 1)) for a in
                                  (rnd.randrange(len(text) + 1) for _ in range(5))]
    for start, end in windows:
        assert cues._forms_in(text, start, end) == [m.span() for m in cues._pattern().finditer(text, start, end)]


@pytest.mark.parametrize("text", _texts(200, seed=11))
def test_noun_before_as_its_pattern_reads_it(text):
    for at in range(len(text) + 1):
        lo = max(0, at - 24)
        assert cues._noun_before(text, lo, at) == (cues._NOUN_BEFORE.search(text, lo, at) is not None)

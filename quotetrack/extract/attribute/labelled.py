"""A quoted label inside an object relative that does not end its phrase: "what an aide called
“a new era” in his memoir", "what Sroka called a “let it bloom” approach".  The relative and
its label make a noun phrase of the sentence around them, so what follows the label (an
adjunct, the noun the label modifies) belongs to that sentence: the content ends at the close.
A one-word label is an adjective of the noun after it ("what it calls “psychographic” profiles
of voters"): PolNeAR's content runs on there, so no such label is read here; nor one that
closes on a comma or period inside its marks (the label ends a clause there, and the naming
content reader has judged it: "whom he called “…,” or “…” on the ballot")."""
from __future__ import annotations

from .views import Sent


def held_label(s: Sent, k: int, start: int) -> tuple[int, int] | None:
    """Content from ``start`` to the close of the quote of two words or more that opens at
    token ``k`` (after the relative's naming cue and its article), or None."""
    quote = s.doc.quote_at(start=s.toks[k].start) if k < len(s.toks) else None
    if quote is None or len(s.text[quote.inner[0]:quote.inner[1]].split()) < 2 \
            or s.text[quote.inner[1] - 1:quote.inner[1]] in (",", "."):
        return None
    return start, quote.end

"""A speech verb fronted before the source in a colon label: "Continued Stone: “…”", "Added
Ms. Roe: “…”" (quotation inversion).  The verb is the cue and the name after it the source, not
part of a name "Continued Stone".  A past form that is also a given name ("Said") is left."""
from __future__ import annotations

from ...model import Cue
from ...text import lexicon
from ..entities import first_names
from ..segment import Token
from .. import mentions


def fronted_cue(toks: list[Token]) -> Cue | None:
    """The cue when the label's first token is a capitalised inflected speech cue other than a
    present form ("Stated", "Continued", "Wrote") and a capitalised word follows it."""
    if len(toks) < 2 or not toks[0].text.istitle() or not mentions.is_capitalised(toks[1].text) \
            or toks[0].text in first_names():
        return None
    low = toks[0].text.lower()
    entry = lexicon.cues().get(low)
    if entry is None or entry.type != "speech" or low == entry.lemma or low.endswith(("s", "ing")):
        return None
    return Cue(toks[0].start, toks[0].end, toks[0].text, entry.lemma, entry.type)

"""What "the state" stands for when it speaks: the US state the text named last.

News names a state ("Flint, Michigan", "New Hampshire Gov. Maggie Hassan") and then lets it
act through its government: "The state admitted it made a mistake", "The state reported a
2.8 percent unemployment rate".  Such a description is the state named last within
STATE_REACH characters before it (data/extract/state_names.txt), as an organisation;
None when no state is named there, so that nothing is guessed.  A state name that opens a
longer name ("New York Times", "Michigan State University", "Texas Republican") names no
state.  Used by :mod:`.resolve`; the entity model is read through :func:`.entities.adhoc_org`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..text import lexicon
from . import entities as em
from .resolved import Resolved

STATE_REACH = 1200            # characters before "the state" read for the state it stands for


@lru_cache(maxsize=1)
def _state_pattern() -> re.Pattern:
    """A state name as a whole word and the word after it: "Michigan" in "Flint, Michigan, …"
    (group 1), "Times" in "New York Times" (group 2)."""
    names = sorted(lexicon.words("extract/state_names.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<![\w’'])(" + alternation + r")(?![\w’'])(?:[ \t]+([\w.’'\-]+))?")


def _opens_name(after: str | None) -> bool:
    """Whether the word after a state name carries the name on ("New York Times", "Ohio
    State"): a capitalised word that is neither a title ("Gov.", "Sen.", "Governor") nor
    abbreviated."""
    if not after or not after[:1].isupper() or after.endswith("."):
        return False
    return after.lower() not in lexicon.lower_words("text/titles.txt")


def state_named_last(text: str, start: int) -> str | None:
    """The US state named last in the STATE_REACH characters before ``start``, else None.

    >>> state_named_last("Flint, Michigan, switched its water. The state said", 37)
    'Michigan'
    >>> state_named_last("The New York Times reported it. The state said", 32) is None
    True
    """
    last = None
    for m in _state_pattern().finditer(text, max(0, start - STATE_REACH), start):
        if not _opens_name(m.group(2)):
            last = m.group(1)
    return last


def state_speaks(text: str, model: em.Model, words: list[str], start: int, end: int) -> Resolved | None:
    """The Resolved of a mention "the state" (any case): the state named last before it, as an
    organisation with basis "description"; None for any other mention or when no state is
    named within reach."""
    if len(words) != 2 or [w.lower() for w in words] != ["the", "state"]:
        return None
    name = state_named_last(text, start)
    if name is None:
        return None
    eid = em.adhoc_org(model, name, start)
    ent = model.entities[eid]
    return Resolved(Mention(start, end, text[start:end], "organisation", None, ent.name), ent.name, None,
                    "organisation", "description", eid)

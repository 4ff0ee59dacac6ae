"""Initials and acronyms: the shapes a body's short name takes ("U.N.", "HSB", "KING-TV") and
the earlier name an acronym stands for ("the RNC" after "the Republican National Committee")."""
from __future__ import annotations

import re
from itertools import islice

from .speakers import _lists

# Dotted initials opening a name make it an organisation's: "U.N. Women", "U.S. Navy".
INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
# A body's initials before a document it writes: "HSB", "F.R.A." (not "I", "A", nor a word such
# as "US" that is two letters).
BODY_INITIALS = re.compile(r"[A-Z]{3,5}|(?:[A-Z]\.){3,4}")
# One word in capitals: an acronym ("ESPN", "KING-TV", "DNC"); a person's surname in capitals
# ("VOLE:") is looked up among the people named before a mention gets here.
CAPITALS_WORD = re.compile(r"[A-Z][A-Z\d&]+(?:-[A-Z\d]+)*")
ACRONYM_REACH = 50                        # entities an acronym looks back over for its spelled-out name


def initials(name: str) -> str:
    """The capitals of a name's words, small words left out.

    >>> initials("Republican National Committee"), initials("Bank of England")
    ('RNC', 'BE')
    """
    function = _lists().function
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in function)


def spelled_out(model, acronym: str, start: int) -> str | None:
    """The name an acronym stands for, when the text spelled it out before ``start`` ("the
    RNC" after "the Republican National Committee"): the latest entity of ``model``
    (:class:`.entities.Model`) of several words whose initials it is, within ACRONYM_REACH
    entities back."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    earlier = (e for e in model.before(start) if len(e.name.split()) > 1)
    return next((e.name for e in islice(earlier, ACRONYM_REACH) if initials(e.name) == acronym), None)

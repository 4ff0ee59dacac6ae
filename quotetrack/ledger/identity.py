"""Speaker identity across documents, for the claims ledger.

Within one article the ``speakers`` stage already resolves "he" and "Gantz" to
"Benny Gantz".  Across articles the ledger needs one more step: a name as one
article gives it ("Defense Minister Benny Gantz", "Benny Gantz’s", "Gantz") must
land on one speaker.  The name keys (canonical name, alias and surname keys, the
same-person test) are in :mod:`quotetrack.text.names`; this module says which speakers
are entities at all:

* :func:`is_entity` — whether a speaker type names one entity across documents
  (people, organisations, outlets) or only something inside one article
  ("a senior official", an unresolved "he").
"""
from __future__ import annotations


# Speaker types that name the same entity wherever they occur; the others
# (descriptor, pronoun, unknown) are kept as written with their quote or claim only.
ENTITY_TYPES = ("person", "organisation", "outlet")
OUTLET = "outlet"            # the type of the speaker of an article's own narrative



def is_entity(speaker_type: str | None, name: str = "") -> bool:
    """Whether a speaker of this type and name is one entity across documents: a person,
    an outlet, or an organisation with a proper name ("Pentagon", not "the ministry",
    which is a different ministry in each article).

    >>> is_entity("person"), is_entity("descriptor")
    (True, False)
    >>> is_entity("organisation", "the Pentagon"), is_entity("organisation", "the ministry")
    (True, False)
    """
    if speaker_type == "organisation":
        words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
        return bool(words) and words[0][:1].isupper()
    return speaker_type in ENTITY_TYPES

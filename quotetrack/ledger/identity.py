"""Speaker identity across documents, for the claims ledger.

Within one article the ``speakers`` stage already resolves "he" and "Gantz" to
"Benny Gantz".  Across articles the ledger needs one more step: a name as one
article gives it ("Defense Minister Benny Gantz", "Benny Gantz’s", "Gantz") must
land on one speaker.  These small pure functions give the pieces:

* :func:`canonical_name` — the name without title, possessive or extra spaces;
* :func:`alias_key` — the lookup key of a name (case, periods and apostrophes folded);
* :func:`surname_key` — the key of a full person name's last word, so a later
  surname-only mention can find the one full name it stands for;
* :func:`is_entity` — whether a speaker type names one entity across documents
  (people, organisations, outlets) or only something inside one article
  ("a senior official", an unresolved "he").
"""
from __future__ import annotations

import re
from ..extract.speakers import split_title

# Speaker types that name the same entity wherever they occur; the others
# (descriptor, pronoun, unknown) are kept as written with their quote or claim only.
ENTITY_TYPES = ("person", "organisation", "outlet")
OUTLET = "outlet"            # the type of the speaker of an article's own narrative

# A possessive ending a name: "Gantz’s", "Gantz's", "Jones’".
POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
# What a lookup key ignores: periods, commas and apostrophes ("B. Gantz" = "B Gantz").
KEY_DROP = re.compile(r"[.,’'`]")
# A run of white space.
SPACES = re.compile(r"\s+")
# A middle initial: "J." in "Donald J. Trump", "H.W." in "George H.W. Bush" (key form: "j", "hw").
INITIAL = re.compile(r"^[a-z]{1,2}$")
# A leading article before an organisation: "the Pentagon" -> "Pentagon".
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


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


def canonical_name(name: str, speaker_type: str = "person") -> str:
    """The name a speaker is filed under: no title before a person's name, no possessive,
    no leading article before an organisation, single spaces.

    >>> canonical_name("Defense Minister Benny Gantz")
    'Benny Gantz'
    >>> canonical_name("the  Pentagon", "organisation")
    'Pentagon'
    """
    words = SPACES.sub(" ", name).strip().split(" ")
    if words and words[-1]:
        words[-1] = POSSESSIVE.sub("", words[-1]) or words[-1]
    if speaker_type == "person" and len(words) > 1:
        _title, rest = split_title(words)
        if rest:
            words = rest
    out = " ".join(w for w in words if w)
    if speaker_type == "organisation":
        out = LEADING_ARTICLE.sub("", out) or out
    return out


def alias_key(name: str) -> str:
    """The lookup key of a name: case-folded, periods, commas and apostrophes dropped,
    single spaces.

    >>> alias_key("B.  Gantz") == alias_key("b gantz")
    True
    """
    return SPACES.sub(" ", KEY_DROP.sub("", name.casefold())).strip()


def surname_key(name: str) -> str | None:
    """The key of the last word of a name of two words or more; None for one word.

    >>> surname_key("Benny Gantz"), surname_key("Gantz")
    ('gantz', None)
    """
    words = alias_key(name).split(" ")
    return words[-1] if len(words) > 1 else None


def middle_initials(name: str) -> tuple[str, str]:
    """A person name's key without its middle initials, and the initials.

    >>> middle_initials("Donald J. Trump"), middle_initials("George H. W. Bush")
    (('donald trump', 'j'), ('george bush', 'hw'))
    """
    words = alias_key(name).split(" ")
    if len(words) < 3:
        return " ".join(words), ""
    middle = [w for w in words[1:-1] if INITIAL.match(w)]
    rest = [words[0]] + [w for w in words[1:-1] if not INITIAL.match(w)] + [words[-1]]
    return " ".join(rest), "".join(middle)


def same_person(a: str, b: str) -> bool:
    """Whether two full names differ only in a middle initial one of them leaves out.

    >>> same_person("Donald J. Trump", "Donald Trump"), same_person("George W. Bush", "George H.W. Bush")
    (True, False)
    """
    (plain_a, init_a), (plain_b, init_b) = middle_initials(a), middle_initials(b)
    return plain_a == plain_b and (not init_a or not init_b or init_a == init_b)

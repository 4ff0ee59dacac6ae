"""A person described by way of another, for :mod:`.resolve`: in "Walter Brannigan’s wife",
"the former top aide to President Carl Munson" or "people close to Pell" the person named is
the possessor or the complement, not the one described; the reader takes that one for the
person the text introduces in the role, or for no one named.

* A family noun after the possessor ("Brannigan’s wife") is the
  one other person of the possessor's family name whose gender fits the noun
  (data/extract/family_nouns.txt, data/extract/gendered_nouns.tsv), wherever the text names
  that person (a look-up by surname on the model, no scan);
* anything else stays a description, unresolved.
"""
from __future__ import annotations

import bisect
import re

from ..text import lexicon
from ..text.marks import POSSESSIVE_S, POSSESSIVES, WORD_POSSESSIVES
from ..model import Mention
from . import entities as em
from .kinds import gendered_nouns, person_head
from .resolved import Resolved
from .salience import gender_of

# A lower-case noun, then a preposition and capitalised title words right before a name inside
# a mention: "aide to President ", "adviser to ", "close to ", "a spokeswoman for Gov. ".
_COMPLEMENT = re.compile(r"(?:^|\s)[a-z][\w\-]*\s+(?:to|for|with)\s+(?:[A-Z][\w.’'\-]*\s+)*$")
_POSSESSIVE = re.compile(r"[’']s?\s+(?=\S)")
# A lower-case word after a source mention cut at its possessive: "Donald Trump’s| wife".
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w\-]*)")
_AGENTS = ("ers", "ors", "ists")    # plural nouns for people by what they do: "boosters", "questioners"
HEAD_REACH = 4                # words after a possessive a person head may stand ("first five questioners")


def possessed_end(text: str, end: int) -> int | None:
    """Where the person noun ends that a mention cut right after its possessive qualifies
    ("Donald Trump’s" before " wife is breaking …": after "wife"; "Pell’s" before " biggest
    boosters"), within HEAD_REACH lower-case words; None when the mention is no possessive or
    no person noun follows ("Pell’s plan")."""
    if not text[max(0, end - 2):end] in WORD_POSSESSIVES:
        return None
    at = end
    for _ in range(HEAD_REACH):
        m = _NEXT_WORD.match(text, at)
        if m is None:
            return None
        word, at = m.group(1), m.end()
        if person_head(word) or word.endswith("s") and person_head(word[:-1]) or word.endswith(_AGENTS):
            return at
    return None


def possessor_head(text: str, occ: em.Occurrence, end: int) -> str | None:
    """The word a possessive name at ``occ`` inside a mention ending at ``end`` qualifies
    ("Brannigan’s wife" -> "wife"), lower case; None when the name is no possessor with a noun after it."""
    name_end = occ.end
    if text[occ.start:occ.end].endswith(POSSESSIVES):
        name_end = occ.end - (2 if text[occ.end - 2:occ.end] in POSSESSIVE_S else 1)
    m = _POSSESSIVE.match(text, name_end)
    if m is None or m.end() >= end:
        return None
    rest = text[m.end():end].split()
    return rest[-1].lower().strip(".,") if rest else None


def names_other(text: str, model: em.Model, start: int, occ: em.Occurrence, head: str | None) -> bool:
    """Whether the person named at ``occ`` in the mention that opens at ``start`` is not the one
    the mention describes but its possessor ("Pell’s biggest boosters", not a document: "Pell’s
    memoir" is Pell's) or the complement of a noun before it ("the former top aide to
    President Carl Munson", "people close to Pell"); the words before the name name no one.
    ``head`` is the word the name qualifies as a possessor (:func:`possessor_head`), or None."""
    before = text[start:occ.start]
    if any(c in before for c in ",;:()—–") or _person_between(model, start, occ.start):
        return False
    if head is not None:
        return head not in lexicon.lower_words("extract/document_nouns.txt")
    return _COMPLEMENT.search(before) is not None


def _person_between(model: em.Model, start: int, end: int) -> bool:
    """Whether the model names a person inside text[start:end]."""
    i = bisect.bisect_left(model.starts, start)
    while i < len(model.occurrences) and model.occurrences[i].start < end:
        if model.occurrences[i].end <= end and model.entities[model.occurrences[i].entity].type == "person":
            return True
        i += 1
    return False


def described_by(text: str, model: em.Model, start: int, end: int, occ: em.Occurrence) -> Resolved | None:
    """The mention text[start:end] resolved when the person named in it at ``occ`` is another
    than the one it describes (:func:`names_other`): the relative the text names
    (:func:`relative_of`, basis ``description``), else the description unresolved; None when
    the name is the mention's own."""
    if model.entities[occ.entity].type != "person":
        return None
    head = possessor_head(text, occ, end)     # read once: names_other and relative_of both ask
    if not names_other(text, model, start, occ, head):
        return None
    written = text[start:end]
    eid = relative_of(model, occ, head)
    if eid is None:
        return Resolved(Mention(start, end, written, "descriptor", None, None), written, None,
                        "descriptor", "unresolved")
    ent = model.entities[eid]
    return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name, None,
                    "person", "description", eid)


def relative_of(model: em.Model, occ: em.Occurrence, head: str | None) -> int | None:
    """The person a family noun ``head`` after a possessive name at ``occ`` stands for
    ("Brannigan’s wife": Nadia Brannigan, named anywhere in the text): the one other person of
    the possessor's family name whose gender as the text shows it does not clash with the
    noun's; else None."""
    if head is None or head not in lexicon.lower_words("extract/family_nouns.txt"):
        return None
    owner = model.entities[occ.entity]
    if owner.surname is None:
        return None
    gender = gendered_nouns().get(head)
    found = [i for i in model.by_surname.get(owner.surname, ()) if i != occ.entity
             and model.entities[i].type == "person" and model.entities[i].name != owner.name
             and gender_of(model.entities[i]) in (None, gender)]
    return found[0] if len(found) == 1 else None

"""Gender the text shows by a person's own possessive, for :mod:`.salience` (issue 9: "his/her"
is evidence of gender; a given name or anything else the text does not show is not).

A possessive or reflexive pronoun right after a person's name that is a main clause's subject
(:func:`.speakers.main_subject`), in the same sentence or opening the next, outside quote marks
and with no other name between them, is that person's in news prose: "Ruiz won
two primaries: his home state and …", "Ames paid for it himself".  Each such pronoun is a
vote; a person whose votes all show one gender, at least VOTES of them, is recorded with it
before any he/she is resolved (so a "she" cannot go to a man the text has called "his" only
because no given name shows his gender).  One vote of the other gender ("Ruiz praised her
courage") leaves the person without a gender: the evidence is not clear.

Only people the text has not already given a gender (a title, "the mother") are read.
"""
from __future__ import annotations

import re

from . import entities as em
from .speakers import main_subject

VOTES = 2                     # possessives of one gender, and none of the other, that show a gender
REACH = 120                   # characters after a name read for its possessive
# The first possessive or reflexive pronoun after a name, before its sentence ends or a quote
# mark opens or closes ("…: his home state"), or the one that opens the next sentence ("… seven
# contests. His campaign manager"); a dot ends the stretch early after an abbreviation: no
# vote, no harm (group 1).
_OWN = re.compile(r"[^.!?;\n“”\"(]*?(?:[.!?][ \t]+)?(?<![\w’'])(his|himself|her|herself)(?![\w’'])", re.I)
_GENDER = {"his": "m", "himself": "m", "her": "f", "herself": "f"}


def possessive_genders(text: str, model: em.Model) -> None:
    """Record the gender of each person its own possessives show (see the module's notes)."""
    votes: dict[int, list[str]] = {}
    occ = model.occurrences
    for k, o in enumerate(occ):
        ent = model.entities[o.entity]
        if o.quoted or ent.type != "person" or ent.gender is not None:
            continue
        stop = min(o.end + REACH, occ[k + 1].start if k + 1 < len(occ) else len(text))
        m = _OWN.match(text, o.end, stop)
        if m is not None and main_subject(text, o.start, o.end):
            votes.setdefault(o.entity, []).append(_GENDER[m.group(1).lower()])
    for eid, shown in votes.items():
        if len(shown) >= VOTES and len(set(shown)) == 1:
            model.entities[eid].gender = shown[0]

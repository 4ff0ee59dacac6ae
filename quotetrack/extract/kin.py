"""The family name of a relative the text introduces by a given name alone, for :mod:`.resolve`:
"Trump’s wife, Melania," and "his wife, Jane," are Melania Trump and Jane Sanders, as the
reader takes them; the model keeps them known by the given name (a full name written later
still completes them), and only the name the speaker is given changes.

A double-barrelled family name ("Joyce Wilkinson-Ng") is the owner's own, no one else's.
The owner is the name before the "’s", or, for "his"/"her", the person named last before it
(within REACH characters), outside quote marks, when its gender does not clash.
"""
from __future__ import annotations

import bisect

from . import entities as em
from .kinds import kin_owner

REACH = 400                   # characters back from a "his"/"her" to the person it stands for
_OWNER_GENDER = {"his": "m", "her": "f"}


def _named_before(model: em.Model, at: int, low: int, gender: str | None, self_id: int,
                  gender_of) -> em.EntityState | None:
    """The person named last before ``at`` (not before ``low``), outside quote marks, of no
    other gender than ``gender``; None when the last one named is no such person."""
    occ = model.occurrences
    i = bisect.bisect_left(model.starts, at) - 1
    while i >= 0 and occ[i].start >= low:
        o = occ[i]
        i -= 1
        ent = model.entities[o.entity]
        if o.quoted or o.entity == self_id or o.end > at:
            continue
        if ent.type != "person":
            continue
        return ent if gender is None or gender_of(ent) in (None, gender) else None
    return None


def _owner(text: str, model: em.Model, o: em.Occurrence, gender_of) -> em.EntityState | None:
    """The person whose family member the given name at ``o`` is introduced as, else None."""
    found = kin_owner(text, o.start)
    if found is None:
        return None
    start, end, _ = found
    word = text[start:end].lower()
    if word in _OWNER_GENDER:
        return _named_before(model, start, max(0, start - REACH), _OWNER_GENDER[word], o.entity, gender_of)
    occ = model.occurrences
    i = bisect.bisect_right(model.starts, start) - 1     # the naming of the owner, its "’s" or not
    if i >= 0 and occ[i].start <= start and end <= occ[i].end <= end + 2 and occ[i].entity != o.entity:
        return model.entities[occ[i].entity]
    return None


def family_names(text: str, model: em.Model, gender_of) -> None:
    """Give each person known by a given name alone, introduced as a family member of a named
    person ("Trump’s wife, Melania,"), that person's family name in its name ("Melania Trump");
    ``gender_of`` gives the gender of a person as the text or its given name shows it."""
    done: set[int] = set()
    for o in model.occurrences:
        ent = model.entities[o.entity]
        if o.entity in done or ent.type != "person" or ent.surname is not None or ent.first is None \
                or ent.name != ent.first:
            continue
        done.add(o.entity)
        owner = _owner(text, model, o, gender_of)
        family = owner.name.split()[-1] if owner is not None and owner.surname is not None else None
        if family is not None and family != ent.first and " " in owner.name and "-" not in family:
            ent.name = f"{ent.first} {family}"

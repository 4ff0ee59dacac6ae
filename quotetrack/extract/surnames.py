"""Where each person stands in its surname's list of the entity model, by the words a fuller,
shorter or initialled name of it shares with it, so that :func:`.entities._person` reads only
the people of a surname a new full name may be: a document naming thousands of people of one
surname ("Senator Ana Hale", "Senator Tomas Hale", …) does not read them all for each (issue 10)."""
from __future__ import annotations

from ..text.names import SLIP_LENGTH, slips


class SurnameKeys:
    """Places in a surname's list by key: a person's first name (None when it has none), that
    name's initial, and the word before its surname ("Wasserman" of "Debbie Wasserman Schultz")."""

    def __init__(self) -> None:
        self._places: dict[tuple[str, str | None], list[int]] = {}
        self._slipped: dict[str, set[str]] = {}    # a surname's spelling with a letter dropped -> the surnames

    def add(self, surname: str, place: int, name: str, first: str | None) -> None:
        """Index the person at ``place`` (again when its name grows: old keys only add candidates)."""
        words = name.split()
        for slip in slips(surname):
            self._slipped.setdefault(slip, set()).add(surname)
        for key in {first, (first or "")[:1] or None, words[-2] if len(words) > 1 else first}:
            self._places.setdefault((surname, key), []).append(place)

    def places(self, surname: str, count: int, name: list[str], first: str | None) -> list[int]:
        """The places of the ``count`` people of ``surname`` that a full name with ``first`` may
        join, the last first: those of that first name, of none, of a first name its initial
        ("J.") can open, and those whose name shares its last two words (a fuller or shorter form).

        >>> keys = SurnameKeys()
        >>> keys.add("Hale", 0, "Ana Hale", "Ana"); keys.add("Hale", 1, "Tomas Hale", "Tomas")
        >>> keys.places("Hale", 2, ["Tomas", "Hale"], "Tomas"), keys.places("Hale", 2, ["T.", "Hale"], "T.")
        ([1], [1])
        """
        short = (first or "").rstrip(".")
        if not count or first is None or len(name) < 2 or len(first) <= 2 and not short:
            return list(range(count - 1, -1, -1))
        keys = {first, None, name[-2], short[:1] if len(first) <= 2 else first}
        return sorted({p for key in keys for p in self._places.get((surname, key), ())}, reverse=True)

    def misspelt(self, word: str, known) -> str | None:
        """The one surname of ``known`` (the surnames indexed) that ``word`` misspells by one slip
        (:func:`..text.names.slips`): "Sharption", "Keidis" or "Sweeny" after "Al Sharpton",
        "Anthony Kiedis" or "Steve Sweeney"; None when there is none or more than one.  Found by
        lookups, never by reading every surname (a document of thousands of names stays linear).

        >>> keys = SurnameKeys()
        >>> keys.add("Sweeney", 0, "Steve Sweeney", "Steve"); keys.add("Kiedis", 0, "Anthony Kiedis", "Anthony")
        >>> known = {"Sweeney", "Kiedis"}
        >>> keys.misspelt("Sweeny", known), keys.misspelt("Keidis", known), keys.misspelt("Sweden", known)
        ('Sweeney', 'Kiedis', None)
        """
        if word in known or len(word) < SLIP_LENGTH:
            return None                   # ("Carso" is no slip of "Carson": too short to tell)
        found = {s for s in slips(word) if s in known} | self._slipped.get(word, set())
        return next(iter(found)) if len(found) == 1 else None

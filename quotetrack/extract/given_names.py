"""Whether the first word of a person's name is a given name, or only a capital a sentence's
start gave it: "Understated Perez raises political profile." (a headline) or "Young Sanders
supporters never …" make a person "Understated Perez" or "Young Sanders" of a word that is
no given name, and the body's "Labor Secretary Thomas Perez" or "Bernie Sanders" is then
another person, to whom no lone "Perez" or "he" resolves.

* :func:`doubtful_given`: a name opens its sentence with a word the text also writes in lower
  case ("young people"), or opens the headline with a word no first-name list holds;
* :func:`adopt_given_name`: the one person of a surname made from such a naming takes the
  first full name with a sure given name the text writes later (one person, "Thomas Perez").
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .common_nouns import written_lower
from .entities import Model, first_names

# A sentence's end right before a word, or the text's or a line's start.
_OPENS = re.compile(r"(?:^|[.!?][”’\"']?[ \t]+|\n[ \t]*)$")


def doubtful_given(text: str, start: int, first: str) -> bool:
    """Whether the name at ``start`` opens its sentence (or line) with ``first``, a word the
    text also writes in lower case, or one no first-name list holds (data/text/first_names.txt)
    on the text's first line (its headline; in the body a sentence may open with "Jeb Bush"):
    its capital shows no given name.

    >>> cases = [("Understated Perez raises profile.\\n\\nThe body.", 0, "Understated"),   # a headline
    ...          ("Understated Perez raises profile, and the text goes on.", 0, "Understated"),
    ...          ("Young Sanders fans. Young people vote.", 0, "Young"),
    ...          ("Young Sanders fans; young people vote.", 0, "Young"),          # "young" written
    ...          ("On Monday Understated Perez spoke.", 10, "Understated"),      # no sentence start
    ...          ("Headline.\\n\\nJeb Bush spoke.", 11, "Jeb")]                    # a body's sentence
    >>> [doubtful_given(*case) for case in cases]
    [True, False, False, True, False, False]
    """
    return _OPENS.search(text, max(0, start - 4), start) is not None \
        and (written_lower(text, first) or first not in first_names() and _on_first_line(text, start))


_HEADLINE_CHARS = 200     # characters at most before a name on a text's first line


def _on_first_line(text: str, at: int) -> bool:
    """Whether ``at`` is on the text's first line and that line is a headline's, ending within
    its first characters (a bounded read; a text of one paragraph has no headline)."""
    return at < text.find("\n", 0, _HEADLINE_CHARS)


# A capitalised word and the capitalised word after it (a lookahead, so that every pair is read).
_PAIR = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]*)(?=[ \t]+([A-Z][\w’'\-]*))")


@lru_cache(maxsize=2)
def _pairs(text: str) -> Counter:
    """How often each pair of capitalised words is written in ``text`` (read once a document, and
    only for a document where a doubtful given name meets a sure one)."""
    return Counter(m.groups() for m in _PAIR.finditer(text))


def adopt_given_name(model: Model, text: str, name: list[str], start: int) -> None:
    """Before the full name ``name`` (at ``start``) is read into ``model``: when its given name is
    sure (listed, not a sentence's capital) and the only person of its surname so far was named
    with a doubtful first word (:func:`doubtful_given`) that the text writes before the surname
    only that once, that person takes this name, and a lone surname later is theirs.  Reads only
    that one person (no scan of earlier entities)."""
    if len(name) < 2 or name[0] not in first_names():
        return
    surname, first = name[-1], name[0]
    ids = model.by_surname.get(surname, ())
    if len(ids) != 1:
        return
    ent = model.entities[ids[0]]
    if ent.first is None or ent.first == first or len(ent.name.split()) != 2 \
            or not text.startswith(ent.first, ent.start) or not doubtful_given(text, ent.start, ent.first) \
            or doubtful_given(text, start, first) or _pairs(text)[(ent.first, surname)] > 1:
        return                            # not "Jeb Bush" (a headline's, then the body's) made "Laura Bush"
    ent.name, ent.first = " ".join(name), first
    model.add_first(first, ent.id)
    model.surname_keys.add(surname, 0, ent.name, first)

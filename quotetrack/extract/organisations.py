"""Evidence in the text that a capitalised name with no organisation word is a body's, not a
person's, for :mod:`.entities` (data/extract/body_evidence.txt): read only for a name with no
given name (data/text/first_names.txt) and no title, at the place it is first named.

* ", which" right after it: "Marlow Rail, which runs the line," (a person is "who");
* a possession only a body has: "Marlow Rail’s shares", "Orvane’s chief executive";
* its people before it: "a spokesperson for Marlow Rail", "workers at Dunmore Mills";
* "its" as the object of its own verb: "Marlow Rail cancelled its trains";
* "The", a last word in -s and a plural verb: "The Harbour Lights have cancelled …" (a band,
  a team: a group; not "the department", not a family: "The Harbour Lights" only when no
  person carries the surname "Lights").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVES
from .common_nouns import written_lower
from .speakers import _SENTENCE_START, bare_word


@lru_cache(maxsize=1)
def _evidence() -> dict[str, frozenset[str]]:
    return lexicon.sections("extract/body_evidence.txt")


# ", which" right after a name.
_WHICH = re.compile(r",[ \t]+which\b")
# A possession right after a name's possessive: " shares", " chief executive" (one or two words).
_OWNED = re.compile(r"[ \t]+([a-z]+(?:[ \t]+[a-z]+)?)")
# A body's people right before a name: "spokesperson for ", "workers at the " (group 1: the people).
_PEOPLE_BEFORE = re.compile(r"(?<![\w’'])([a-z]+(?:[ \t]+[a-z]+)?)[ \t]+(?:for|at|of)[ \t]+(?:the[ \t]+)?$")
# Its own verb and "its" right after a name: " cancelled its", " has cut its".
_ITS_AFTER = re.compile(r"[ \t]+(?:has[ \t]+|had[ \t]+|will[ \t]+|would[ \t]+)?[a-z]+[ \t]+its\b")
# "The" right before a name.
_THE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he[ \t]+$")
# The word right after a name.
_NEXT_WORD = re.compile(r"[ \t]+([a-z’']+)\b")
# A dash that opens a wire story's first sentence after its dateline: "NEW YORK, Aug 7 — ".
_DATELINE_DASH = re.compile(r"[ \t][—–\-][ \t]+$")


def body_named(text: str, start: int, end: int) -> str | None:
    """The evidence that the name at text[start:end] (as written, a possessive included) is a
    body's: "which", "possession", "people", "its" or "plural"; None when there is none."""
    written = text[start:end]
    ev = _evidence()
    if written.endswith(POSSESSIVES):
        m = _OWNED.match(text, end)
        if m is not None and (m.group(1) in ev["possessions"] or m.group(1).split()[0] in ev["possessions"]):
            return "possession"
        return None
    if _WHICH.match(text, end):
        return "which"
    m = _PEOPLE_BEFORE.search(text, max(0, start - 40), start)
    if m is not None and (m.group(1) in ev["staff_before"] or m.group(1).split()[-1] in ev["staff_before"]):
        return "people"
    if _ITS_AFTER.match(text, end):
        return "its"
    m = _NEXT_WORD.match(text, end)
    if m is not None and (m.group(1) in ev["plural_verbs"] or m.group(1).endswith("ed")) and written.endswith("s") \
            and _THE_BEFORE.search(text, max(0, start - 5), start):
        return "plural"
    return None


def common_head(text: str, start: int, words: list[str], org_words, persons) -> bool:
    """Whether the first word of a capitalised run at ``start`` joined by "of" to an
    organisation's name is a common noun before the name, not part of it: a person noun in the
    plural ("Members of Harbour District Council"), or any word capitalised only because it
    opens a sentence (or a wire story after its dateline's dash) when the name after "of" holds
    an organisation word ("Shares of Corvane Systems fell"). Not an organisation word ("Bank of
    Leland", "Ministry of Health"), and not a name whose part after "of" shows no organisation
    ("Friends of the Earth", "Veterans of Foreign Wars")."""
    if len(words) < 3 or words[1] != "of" or words[0].lower() in org_words:
        return False
    if len(words) > 3 and words[0].lower() in persons and words[0].endswith("s"):
        return True
    return (_SENTENCE_START.search(text, max(0, start - 3), start) is not None
            or _DATELINE_DASH.search(text, max(0, start - 4), start) is not None) \
        and any(bare_word(w).lower() in org_words for w in words[2:])


def possessor_in_name(words: list[str], k: int) -> bool:
    """Whether the possessive at ``words[k]`` belongs to an organisation's name rather than
    owning what follows: a saint's name ("St. Brigid's Women's Shelter", "Saint Jude's") or an
    irregular plural ("Women's Aid", "Children's Hospital"), data/extract/body_evidence.txt."""
    stem = bare_word(words[k]).lower()
    return stem in _evidence()["plural_possessors"] or k > 0 and words[k - 1].lower() in _evidence()["saint_words"]


_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt
# A capitalised word alone opening a sentence, then a lower-case word: "Orvane cancelled".
_LONE_OPENING = re.compile(r"[ \t“\"]*([A-Z][a-z]{2,})[ \t]+([a-z]+)\b")
# The ending of an abstract common noun: "Inflation", "Unemployment", "Turnout" is none.
_ABSTRACT_END = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ism)$")


def lone_subject(text: str, start: int, end: int) -> str | None:
    """The one capitalised word that is the subject of the sentence text[start:end] before a
    past verb ("Orvane cancelled 40 trains."), when nothing shows it is a common word or a
    person's: it is no function word, title, calendar word or given name, has no plural -s and
    no abstract noun's ending ("Inflation rose"), and the text never writes it in lower case
    (:func:`.common_nouns.written_lower`).
    A "They" that speaks in the next sentence, with no one else at hand, is then that body
    (:func:`.descriptions.body_before_they`)."""
    m = _LONE_OPENING.match(text, start, end)
    if m is None:
        return None
    word, verb = m.group(1), m.group(2)
    low = word.lower()
    if not (verb.endswith("ed") or verb in _words.irregular_pasts) or low.endswith("s") or _ABSTRACT_END.search(low) \
            or any(low in lexicon.lower_words(name) for name in (
                "text/function_words.txt", "text/titles.txt", "extract/calendar_words.txt")) \
            or word in lexicon.words("text/first_names.txt") or written_lower(text, word):
        return None
    return word

"""Names the text shows to be businesses or organisations by the words around them, for
:mod:`.entities` (a lone capitalised word nobody is named by is otherwise no entity):

* a business or organisation noun just before: "the oil giant Harlow Petroleum", "the
  retailer Zentro", "the energy regulator Velgem";
* an apposition just after that such a noun heads: "Orbis, the parent company of Lumo",
  "Kindroot, a charity in Leeds";
* "which" right after: "employers such as Dalbeck, which opposed the bill" (a person is "who");
* a possessive and such a noun set off before it: "His firm, Kestrel Pines, …", "whose church, Grace Fellowship,";
* an employer's role and a person's name right after: "Velbury manager Tom Ake";
* a publication's reporter before it: "a reporter for Agence Morvan-Presse".

The business nouns are data/extract/business_nouns.txt.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.spans import last_words_start
from .kinds import org_nouns, parties, same_kind
from .speakers import _lists

# Lower-case words ending in a noun right before a name: "the oil giant ", "subprime lending giant ".
_NOUN_BEFORE = re.compile(r"(?<![\w’'])([a-z][\w\-]*)[ \t]+$")
# A possessive opening a sentence or clause and a noun set off by a comma right before a name:
# "His company, " in "His company, Kestrel Pines, opened", "whose church, " in "the Rev. Ann Lo,
# whose church, Grace Chapel, …", "The family’s firm, " (group 1: the noun; the name is in
# apposition to it; not "the head of the nurses’ union, Greta Holm": the head is the one named).
_POSSESSED_BEFORE = re.compile(r"(?m)(?:^|[.!?;:,”\"][ \t]+)(?:[Tt]he[ \t]+)?"
                               r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Ww]hose|[Oo]ur|[Mm]y|\w+[’']s?)[ \t]+"
                               r"(?:[a-z][\w\-]*[ \t]+){0,2}?([a-z][\w\-]*),[ \t]+$")
# An apposition after a name: ", the parent company of", ", the UK’s largest supplier,", ", which".
_APPOSITION = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+(?:[\w’'\-]+[ \t]+){0,3}?([a-z][\w\-]*)"
                         r"(?=[ \t]*(?:[,.;:)]|of\b|in\b|based\b|that\b|which\b))|(which)\b)")


@lru_cache(maxsize=1)
def business_nouns() -> frozenset[str]:
    return lexicon.lower_words("extract/business_nouns.txt")


def introduced_as(text: str, start: int, end: int) -> str | None:
    """The noun that shows text[start:end] to be a business or another organisation ("giant"
    in "the oil giant Harlow Petroleum", "regulator" in "the energy regulator Velgem",
    "company" in "Orbis, the parent company of Lumo", "charity" in "Kindroot, a charity in
    Leeds", "firm" in "His firm, Kestrel Pines,"), "which" for any organisation ("Dalbeck,
    which opposed the bill"), else None (never for a day or month: "told the court Monday")."""
    if text[start:end].rstrip(".") in lexicon.words("extract/calendar_words.txt"):
        return None
    before = _NOUN_BEFORE.search(text, last_words_start(text, max(0, start - 40), start, 1), start)
    if before is not None and introduces(before.group(1)):
        return before.group(1)
    if employer(text, start, end) or staff_before(text, start, end):
        return "employer"
    if plural_subject(text, start, end):
        return "plural"
    possessed = possessed_as(text, start)
    if possessed is not None:
        return possessed
    after = _APPOSITION.match(text, end)
    if after is not None and after.group(2) is not None:        # "Rome, which …" is a place
        return None if text[start:end] in lexicon.words("extract/places.txt") else "which"
    return apposed_as(text, end)


def apposed_as(text: str, end: int) -> str | None:
    """The business or organisation noun that heads an apposition right after a name ending at
    ``end`` ("charity" in "Hope Harbour, a homelessness charity in Cork,"; not "institute" in
    "Felix Ray, a statistician at the institute,", nor "hospital" in "Park Seo-yeon, a nurse at a
    hospital,": no function word before the head), else None: it names an organisation even
    when its first word is a given name."""
    after = _APPOSITION.match(text, end)
    if after is None or not after.group(1) or not introduces(after.group(1)):
        return None
    function = lexicon.lower_words("text/function_words.txt")
    between = text[after.start():after.start(1)].split()[2:]       # past the comma and the article
    # (not "a statistician at the institute")
    return None if any(w.lower() in function for w in between) else after.group(1)


def possessed_as(text: str, start: int) -> str | None:
    """The organisation noun a possessive sets off right before the name at ``start`` ("church"
    in "whose church, Grace Fellowship, …", "firm" in "His firm, Kestrel Pines, …"), else None:
    the name is in apposition to it, so it names an organisation even when its first word is a
    given name."""
    m = _POSSESSED_BEFORE.search(text, max(0, start - 60), start)
    return m.group(1) if m is not None and introduces(m.group(1)) else None


# A role and a name after a word: " manager Tom Ake" in "Velbury manager Tom Ake", " chief
# executive Ada Quist" (group 1: the role's last word).
_ROLE_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+)?([a-z]+)[ \t]+[A-Z][a-z]")
# A perfect verb phrase of a few words, then a role and a name, after a word: " have parted ways
# with coach Sifo Dube" in "Kinross Stars have parted ways with coach Sifo Dube", " has sacked
# its manager Tom Ake" (group 1: the role's last word): the subject let its own employee go or took one on.
_ROLE_AFTER_VERB = re.compile(r"[ \t]+(?:have|has|had)[ \t]+(?:[a-z]+[ \t]+){1,4}?([a-z]+)[ \t]+[A-Z][a-z]")
# The ends of a nationality or a people's adjective: "British", "Chinese", "Israeli", "Nordic", "Texan".
_DEMONYM_END = re.compile(r"(?:an|ese|ish|ic|i)$")


def employer(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the organisation a role after it works for ("Velbury" in
    "Velbury manager Tom Ake", "Kinross Stars" in "Kinross Stars have sacked coach Sifo Dube";
    data/extract/employer_roles.txt): no place, party or nationality."""
    roles = lexicon.lower_words("extract/employer_roles.txt")
    m = _ROLE_AFTER.match(text, end)
    if m is None or m.group(1) not in roles:
        m = _ROLE_AFTER_VERB.match(text, end)
        if m is None or m.group(1) not in roles:
            return False
    word, low = text[start:end], text[start:end].lower()
    lists = _lists()
    if low in lists.titles or low in lists.function or low in lexicon.lower_words("text/person_nouns.txt") \
            or re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", text) is not None:
        return False                      # "Head coach Ed Pym", "Former manager …": a common word
    return word not in lexicon.words("extract/places.txt") and low not in parties() \
        and _DEMONYM_END.search(word) is None


# A plural verb right after a name ("Gully Kings have called off their tour", "Kinross Stars are
# bottom"), and what stands before a name that is one of a list or asked about ("Ann Roe and ",
# ", ", "nor France’s ", "and the ", "Should ", "would ").
_PLURAL_VERB = re.compile(r"[ \t]+(?:have|are)\b")
_LISTED_OR_ASKED = re.compile(r"(?:,|&|\b(?:and|or|nor|[Ww]ould|[Ss]hould|[Cc]ould|[Mm]ight|[Mm]ust|[Ww]ill|[Cc]an"
                              r"|[Dd]id|[Dd]oes|[Dd]o))[ \t]+(?:the[ \t]+|[A-Z][\w.]*[’']s?[ \t]+)?$")


def plural_subject(text: str, start: int, end: int) -> bool:
    """Does a plural verb follow the name of two or more words text[start:end], alone before it
    ("Gully Kings have called off their tour")?  A name that takes a plural verb is a team, a
    band or a group, as British, Irish, South African and Australian news write them; no person
    (not "Ann Roe and Tom Ake have", "Both Ann Roe and the Tarn Party have", "Should Tom Ake
    have …"; not one word: "Democrats have", "many Latinos have" are groups read elsewhere)."""
    return " " in text[start:end] and _PLURAL_VERB.match(text, end) is not None \
        and _LISTED_OR_ASKED.search(text, max(0, start - 30), start) is None


# A publication's own person and a preposition right before a name: "reporter for " in "A reporter
# for Agence Morvan-Presse called it …", "columnist at " (group 1: the noun).
_STAFF_BEFORE = re.compile(r"(?<![\w’'])([a-z]+)[ \t]+(?:for|at|with)[ \t]+(?:the[ \t]+)?$")


def staff_before(text: str, start: int, end: int) -> bool:
    """Whether the name of two or more words text[start:end] is the publication a reporter,
    correspondent or columnist works for (data/extract/interviewer_nouns.txt: "A reporter for
    Agence Morvan-Presse", "a columnist at Daily Lantern"): an outlet, no person (not one word:
    "a reporter for Ruiz" may be a person's own)."""
    if " " not in text[start:end]:
        return False
    m = _STAFF_BEFORE.search(text, max(0, start - 30), start)
    return m is not None and m.group(1) in lexicon.lower_words("extract/interviewer_nouns.txt")


def organisation_role(ent, given_names) -> bool:
    """Whether an entity typed a person by default is an organisation by a role it holds: no
    given name opens its name, no title or gender shows a person, and a role of a few words with
    no function word among them ends in an organisation noun (:func:`introduces`: "dutch
    newspaper" for "the Dutch newspaper Velder Kourant"; not "reporter at the newspaper")."""
    if ent.type != "person" or ent.title is not None or ent.gender is not None \
            or ent.name.split()[0] in given_names:
        return False
    function = _lists().function
    return any(len(ws) <= 3 and introduces(ws[-1]) and not any(w in function for w in ws)
               for ws in (r.split() for r in ent.roles))


def introduces(noun: str) -> bool:
    """Whether a noun introduces an organisation's name: a business noun ("the retailer Zentro")
    or an organisation's kind ("the newspaper La Gaceta")."""
    return noun in business_nouns() or noun in org_nouns()


def is_business(head: str, roles: set[str]) -> bool:
    """Whether a description's head ("company", "giant", "regulator") may stand for an
    organisation introduced by a noun (its ``roles`` hold it): the same noun, both business
    nouns ("the retailer Zentro … the company"), or kinds whose names show alike
    (:func:`.kinds.same_kind`: "Kindroot, a daily newspaper, … the paper")."""
    nouns = business_nouns()
    return head in roles or head in nouns and any(r in nouns for r in roles) \
        or any(same_kind(head, r) for r in roles)

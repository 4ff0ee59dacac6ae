"""The roles and gender the words around a person's name give, read by :mod:`.entities` when
it meets a name: a role before it ("analyst Rosa Lind", "Deputy press secretary Ana Liefeld"),
an apposition before or after it ("The boy’s father, Tomas Varga,", "Priya Nair, the campaign’s
organiser,"), an age ("Marta Quillan, 52,"), a party and place ("(D-Ardenne)"), a nationality
("Norway’s Ivar Lund") and a sentence-opening participle ("Defending, Owen Pargeter said")."""
from __future__ import annotations

import re

from ..text import lexicon
from ..text.spans import last_words_start
from .kinds import affiliation, lead_roles, person_head
from .nations import nationality_of

# ", 52,", ", 52.", ", aged 52,", ", who is 52," or " (52)" right after a name: an age (not the
# "1," of a count: "Clinton leads Sanders, 1,428 to 1,151").
_AGE = re.compile(r"(?:,\s+(?:aged\s+|who\s+is\s+)?|\s*\()(\d{1,3})\s*[,.;)](?!\d)")
# ", the campaign’s organiser," / ", a spokeswoman for the union," right after a name: its role.
APPOSITION_AFTER = re.compile(
    r",\s+(?:a|an|the|its|his|her|their)\s+((?:[\w’'\-]+\s+){0,4}?[\w’'\-]+?)"
    r"(?=\s*[,.;]|\s+(?:for|of|at|who|with|in)\b)")
# ", former White House press secretary to …," / ", chair of the state party." right after a name: a
# role written with no article, news style (group 1; its head, the last word, must be a person's noun).
_BARE_APPOSITION = re.compile(
    r",\s+([a-z][\w’'\-]*(?:\s+[\w’'\-]+){0,4}?)(?=\s*[,.;]|\s+(?:for|of|at|to|who|with|in)\b)")
# "The boy’s father, " / "Her opponent, " / "Ferrick’s barrister, " right before a name: its role.
_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[\s“\"(]))(?:the|a|an|his|her|their|its|that|this|[\w\-]+[’']s?)\s+"
    r"((?:[\w’'\-]+\s+){0,3}?[a-z][\w’'\-]*),\s+$",
    re.IGNORECASE)
# A comma and white space ending the text before a name: how every such apposition ends, and a
# test far cheaper than the apposition's (most names follow no comma).
_COMMA_BEFORE = re.compile(r",\s+$")
# Nothing, or a sentence end or quote mark, before a noun phrase: it opens its sentence.
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?\n“\"]\s*)$")
# Where a role's head ends before its complement: " for " in "spokeswoman for the firm".
_ROLE_HEAD_END = re.compile(r"\s+(?:for|of|at|with|in|from|on)\s+")
# Lower-case role words right before a name: "analyst Rosa Lind", "by lawyer Owen Pryce"; a
# capitalised rank word may open them ("Deputy press secretary Ana Liefeld": not "the press secretary").
_ROLE_BEFORE = re.compile(r"(?<![\w’'])((?:[a-z][\w\-]*\s+){1,3})$")
_RANK_BEFORE = re.compile(r"(?<![\w’'])([A-Za-z]+)\s+$")
# Rank words that make a different role: "deputy minister" is not "the minister".
RANKS = frozenset({"deputy", "vice", "assistant", "associate", "acting", "former", "ex", "junior",
                   "under", "co", "interim", "shadow", "lieutenant"})


def roles_around(text: str, start: int, end: int, ent, titles, persons, gendered) -> None:
    """Roles and gender the words around a name give: "analyst Rosa Lind", "The boy’s father,
    Tomas Varga,", "Marta Quillan, 52,", "Priya Nair, the campaign’s organiser,"; ``ent`` is the
    name's :class:`.entities.EntityState`, its roles and gender added to."""
    before = _ROLE_BEFORE.search(text, last_words_start(text, max(0, start - 40), start, 3), start)
    if before:
        ws = before.group(1).split()
        i = len(ws)
        while i > 0 and (ws[i - 1] in titles or ws[i - 1] in persons):
            i -= 1
        if i < len(ws):
            rank = _RANK_BEFORE.search(text, max(0, before.start() - 20), before.start()) if i == 0 else None
            ranked = rank is not None and rank.group(1).lower() in RANKS
            ent.roles.add(" ".join([rank.group(1).lower(), *ws] if ranked else ws[i:]))
            ent.gender = ent.gender or gendered.get(ws[-1])
            owner = _owner_before(text, before.start()) if i == 0 and not ranked else None
            if owner is not None:         # "Sanders aide Jeff Weaver": also "sanders aide" ("the Sanders aide")
                ent.roles.add(" ".join([owner, *ws]))
    lo = max(0, start - 60)
    app = _APPOSITION_BEFORE.search(text, lo, start) if _COMMA_BEFORE.search(text, lo, start) else None
    if app and not _lead_object(text, app.start(), end) \
            and (any(person_head(p.split()[-1].lower()) for p in _ROLE_HEAD_END.split(app.group(1)))
                 or _SENTENCE_OPEN.search(text, max(0, app.start() - 3), app.start())):
        add_role(ent, app.group(1), gendered)     # "A spokeswoman for the firm, X"; not "Outside the hall, X"
    # "(D-Ardenne)", "Norway’s"; "Defending, X"
    ent.roles.update(filter(None, [affiliation(text, end), nationality_of(text, start, end)]), lead_roles(text, start))
    age = _age_after(text, end)
    if age:
        ent.roles.add(f"{age.group(1)}-year-old")
        if not age.group(0).endswith(","):
            return
        end = age.end() - 1               # "Doris Wynn, 84, a retired nurse from Hull,": the apposition after the age
    if app := APPOSITION_AFTER.match(text, end, min(len(text), end + 80)):
        add_role(ent, app.group(1), gendered)
    elif (bare := _BARE_APPOSITION.match(text, end, min(len(text), end + 80))) and bare_role(bare.group(1).split()):
        add_role(ent, bare.group(1), gendered)     # "Ari Fleischer, former White House press secretary to …"


def _age_after(text: str, end: int) -> re.Match | None:
    """The age set off right after a name ending at ``end``: ", 19," in "Orrell, 19, said"."""
    return _AGE.match(text, end, min(len(text), end + 16))


def age_role(text: str, end: int) -> str | None:
    """The age role ("19-year-old") a name ending at ``end`` is given (:func:`_age_after`), else None:
    read after a lone name too ("Jamie Orrell … Orrell, 19, said …  The teenager said")."""
    age = _age_after(text, end)
    return f"{age.group(1)}-year-old" if age else None


def bare_role(words: list[str]) -> bool:
    """Whether the words of an apposition with no article are a role: a lower-case person's
    noun last ("former press secretary", "chair"), no function word among them ("whose
    husband", "were greeted by an organizer" are clauses)."""
    function = lexicon.lower_words("text/function_words.txt")
    return words[-1].islower() and person_head(words[-1]) and not any(w.lower() in function for w in words)


# A sentence that opens with a participle or preposition and has no comma yet: "Speaking
# alongside " before "the Premier, Mr Ellison said" (group 1: its first word).
_LEAD_PHRASE = re.compile(r"(?:^|[.!?\n]\s+)([A-Z][a-z]+)\b[^,.!?\n]*$")
_WORDS = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt
# A lower-case word right after a name: a verb, so the comma before the name closed no apposition.
_VERB_AFTER = re.compile(r"\s+[a-z]")


def _lead_object(text: str, at: int, end: int) -> bool:
    """Is the noun phrase at ``at``, before a comma and a name, the object that ends a lead
    phrase ("Speaking alongside the Premier, Mr Ellison said"; "After meeting the minister,
    Ms Hale said"), not an apposition to the name ("The boy’s father, Tomas Varga,")?"""
    lead = _LEAD_PHRASE.search(text, max(0, at - 80), at)
    if lead is None or not _VERB_AFTER.match(text, end):
        return False
    word = lead.group(1).lower()
    return word.endswith("ing") or word in _WORDS.opening_prepositions


# A capitalised name word right before a role, maybe possessive: "Ortiz " in "Ortiz spokesman Tom Greer",
# "Ortiz’s " in "Ortiz’s aide Tom Greer" (group 1: the word).
_OWNER_BEFORE = re.compile(r"(?<![\w’'.\-])([A-Z][a-z][\w\-]*)(?:’s|'s)?\s+$")


def _owner_before(text: str, at: int) -> str | None:
    """The capitalised word, lower-cased, of whose people a role right after it speaks ("Ortiz"
    in "Ortiz spokesman Tom Greer"), when it is no function word ("By spokesman …"); else None."""
    m = _OWNER_BEFORE.search(text, max(0, at - 30), at)
    if m is None or m.group(1).lower() in lexicon.lower_words("text/function_words.txt"):
        return None
    return m.group(1).lower()


def add_role(ent, phrase: str, gendered) -> None:
    """Add a role phrase ("the campaign’s organiser") and its head ("organiser") to an entity's
    roles, and the gender its head noun shows (data/extract/gendered_nouns.tsv)."""
    words = phrase.lower().split()
    if not words or not words[-1].isalpha() and "-" not in words[-1] and "’" not in words[-1]:
        return
    ent.roles.update((" ".join(words), _ROLE_HEAD_END.split(" ".join(words), 1)[0]))    # and its head: "spokeswoman"
    # An honorific's abbreviation last ("former adviser to Mr", "the lawyer leading Mrs"): the
    # apposition stopped at its dot and ran into another person's name; no gender of this one.
    g = gendered.get(words[-1]) if words[-1] + "." not in gendered else None
    if g and ent.gender is None:
        ent.gender = g


# An office key written with its portfolio after it: "deputy minister of health" -> "deputy minister", "health".
_OFFICE_OF = re.compile(r"(.+?) (?:of|for) (?:the )?([a-z]+(?: [a-z]+)?)")


def office_forms(key: str) -> tuple[str, ...]:
    """A title's role key and, for an office written with its portfolio after it, the same
    office with the portfolio before its head, as "the health minister" writes it: "minister of
    health" -> also "health minister", so "the minister" fits it and the rank test ("deputy
    minister of health" is not "the minister") reads its head.  Only a portfolio
    (data/extract/title_portfolios.txt) is moved; not "of state", a rank or an office of its own.

    >>> office_forms("deputy minister of health"), office_forms("president of the company")
    (('deputy minister of health', 'deputy health minister'), ('president of the company',))
    """
    m = _OFFICE_OF.fullmatch(key)
    portfolios = lexicon.lower_words("extract/title_portfolios.txt")
    if m is None or not all(w in portfolios and w != "state" for w in m.group(2).split()):
        return (key,)
    return key, f"{' '.join(m.group(1).split()[:-1] + m.group(2).split() + m.group(1).split()[-1:])}"

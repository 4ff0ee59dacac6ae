"""The document's entity model: every person and organisation the article introduces.

An entity is introduced wherever it is named: as a subject ("Gantz said"), an object
("came from analyst Rosa Lind", "told Sara Lind"), an apposition ("The boy’s father,
Tomas Varga,"), a title line ("Defense Minister Benny Gantz") or a possessive ("Mayor
Ines Duarte’s plan").  Each entity keeps its fullest name, every role it is given
("deputy finance minister", "lawyer", "52-year-old", "campaign’s organiser"), its type
(person, organisation, group) and its gender where the text shows it (Mr/Ms, "the
mother", a pronoun resolved to it); nothing else is a clue to gender.

:func:`build` reads the text once and returns the entities and every place one is named,
in text order (``Occurrence``); :func:`anaphors` finds the narrative's own he/she and short
definite descriptions ("the admiral"); :mod:`.resolve` walks those places alongside the
attributions, keeping running salience state, so resolution stays linear.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Iterator

from ..text import lexicon
from ..text.names import PARTICLE_JOINED, is_particle
from .acronyms import BODY_INITIALS, CAPITALS_WORD, INITIALS, spelled_out
from .ages import AGE_ROLE, age_nouns
from .documents import authored_document, document_singular, joint_makers, made_documents, survey_after, survey_word
from .businesses import apposed_as, introduced_as, possessed_as
from .common_nouns import y_singular, written_lower
from .headlines import before_headline_verb, before_title_case, clause_in_title, headline_line
from .kinds import (alias_words, dotted_kind_word, gendered_nouns, kin_before, kind_words, name_kind, org_kinds,
                    org_nouns, party_head, role_kinds)
from .nations import nationality
from .organisations import body_named, common_head, possessor_in_name
from .roles import APPOSITION_AFTER, RANKS, office_forms, roles_around
from .speakers import (POSSESSIVE_S, bare_word, _is_person_name, _lists, _runs, split_title,
                       office_complement, past_date, past_function_words, title_gender)
from .surnames import SurnameKeys

# The first half of an organisation's name joined by "and" / "&" before the run that ends in
# an organisation word: "Dunmore Fire and " in "Dunmore Fire and Rescue Service".
_ORG_BEFORE_AND = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*[ \t]+(?:and|&)[ \t]+$")
# The second half of an organisation's name with "of", joined by "and": " and Harbours" in "Office of
# Ports and Harbours" (one or two capitalised words, then a lower-case word or punctuation).
_AND_TAIL = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+[A-Z][a-z’'\-]+)?(?=[ \t]+[a-z]|[,.;:)])")
# The plural of a party, a nation or a generation: "Democrats", "Republicans", "Hispanics",
# "Millennials", "Evangelicals", "Loyalists" (not a surname in -s: "Jones", "Sanders").
GROUP_PLURAL = re.compile(r"[A-Z][a-z]+(?:crats|icans|ians|ics|ials|icals|ists|ites)")
# A lower-case noun right after a name: "campaign" in "the Good Jobs Nation campaign",
# "magazine" in "Family Circle magazine’s poll" (an organisation's kind, data/extract/org_kinds.tsv).
_ORG_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)(?=[’']s\b|[^\w’'\-]|$)")
# A capitalised word with a lower-case compound part: a modifier, never a name ("Oscar-winner",
# "U.S.-based", "Harvard-educated").
MODIFIER_WORD = re.compile(r"[\w.’']+-[a-z][\w\-]*")
# A hyphenated participle before an organisation's name: "Pune-based", "State-owned", "Kremlin-backed"
# (a modifier of the name, no part of it; "Pro-life Action League" keeps its first word).
_PARTICIPLE_MODIFIER = re.compile(r"[\w.’']+-[a-z]+ed")
# An organisation's first words before "for"/"of"/"on" and a name: "Center for " in "Center for
# American Progress", "Foundation for " in "the Foundation for Middle East Peace" (group 1: the
# word before "for", an organisation word when the run belongs to it).
_ORG_BEFORE_FOR = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*[ \t]+)*?([A-Z][\w’'\-]*)[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?$")
_JOINED_BY = ("for ", "of ", "on ", "the ")      # what _ORG_BEFORE_FOR ends with
# An ordinal opening an organisation's name: "3rd " in "3rd District Court of Appeals".
_ORDINAL_BEFORE = re.compile(r"(?<![\w’'])\d{1,3}(?:st|nd|rd|th)[ \t]+$")
_INITIAL = re.compile(r"[A-Z]\.")                 # a given name's initial: "J." in "J. Edgar Hale"
RECENT = 5                                # entities kept in the running salience list
ROLE_READS = 3                            # namings of an entity read for roles and gender (introductions)


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    """data/text/title_modifiers.txt: title words that name no office alone ("Special", "Senior",
    "Board")."""
    return lexicon.lower_words("text/title_modifiers.txt")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """data/text/first_names.txt: given names, to tell "Comedian Sarah Silverman" (a role word and a
    name) from a name; never a clue to gender."""
    return lexicon.words("text/first_names.txt")


def given_name_at(name: list[str]) -> int:
    """Where a run that opens with no given name has one, with a surname after it: the words
    before it are a role or a headline's words ("Harbour Widow Ana Ruiz": 2); 0 when none."""
    return next((k for k in range(1, len(name) - 1) if name[k] in first_names() and not is_particle(name[k])), 0)


@dataclass
class EntityState:
    """An entity while the document is read (mutable; frozen into model.Entity at the end)."""
    id: int
    name: str
    type: str                              # person | organisation | group
    start: int                             # where it is first named
    surname: str | None = None
    first: str | None = None
    title: str | None = None
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    kind: str | None = None                # an organisation's kind, its name's head noun ("agency")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A place where an entity is named: text[start:end]; ``quoted`` when inside quote marks."""
    start: int
    end: int
    entity: int
    quoted: bool = False                   # inside quote marks: a name the speaker says


@dataclass
class Model:
    """The entities of a document and every place one is named (in text order)."""
    entities: list[EntityState]
    occurrences: list[Occurrence]          # in text order
    by_surname: dict[str, list[int]] = field(default_factory=dict)
    surname_keys: SurnameKeys = field(default_factory=SurnameKeys)   # places in by_surname, by name words
    by_first: dict[str, list[int]] = field(default_factory=dict)
    _given_only: dict[str, list[int]] = field(default_factory=dict)   # first name -> people known by it alone
    _hyphened: dict[tuple[str, str], int] = field(default_factory=dict)   # (first, "Varga") -> Ilse Varga-Thorne
    orgs: dict[str, int] = field(default_factory=dict)
    _org_ends: dict[str, list[int]] = field(default_factory=dict)   # first and last name word -> organisations
    _org_aliases: dict[tuple[str, ...], list[int]] = field(default_factory=dict)   # short form -> organisations
    authored: list[tuple[int, str, int]] = field(default_factory=list)   # (offset, document noun, author)
    count: dict[int, int] = field(default_factory=dict)     # occurrences so far, by entity
    by_lone: dict[int, int] = field(default_factory=dict)   # namings by the surname alone so far ("Mr. Varga")
    last_full: dict[int, int] = field(default_factory=dict)   # where each person was last named in full
    paragraph: int = 0                     # where the paragraph being read opens
    body_orgs: dict[tuple[int, str], int] = field(default_factory=dict)   # (person, body) -> its organisation
    campaign: bool = False                 # the text speaks of a campaign
    _starts: list[int] | None = None
    _least_start_from: list[int] | None = None     # by entity index: the least start from it on

    @property
    def starts(self) -> list[int]:
        if self._starts is None or len(self._starts) != len(self.occurrences):
            self._starts = [o.start for o in self.occurrences]
        return self._starts

    def before(self, start: int) -> Iterator[EntityState]:
        """The entities first named before ``start``, the last made first, without reading
        the ones named later (so a long document's every look back is not a scan of all)."""
        if self._least_start_from is None or len(self._least_start_from) != len(self.entities):
            self._least_start_from = list(accumulate(reversed([e.start for e in self.entities]), min))[::-1]
        last = bisect.bisect_left(self._least_start_from, start) - 1
        return (self.entities[i] for i in range(last, -1, -1) if self.entities[i].start < start)

    def add_first(self, first: str, eid: int) -> None:
        """Index a person by first name (and by first name and each hyphen-joined surname's head)."""
        self.by_first.setdefault(first, []).append(eid)
        parts = (self.entities[eid].surname or "").split("-")
        for k in range(1, len(parts)):
            self._hyphened.setdefault((first, "-".join(parts[:k])), eid)

    def add_surname(self, surname: str, eid: int) -> None:
        """Index a person by surname (and its place there, :class:`.surnames.SurnameKeys`)."""
        ids, ent = self.by_surname.setdefault(surname, []), self.entities[eid]
        ids.append(eid)
        self.surname_keys.add(surname, len(ids) - 1, ent.name, ent.first)

    def at(self, start: int, end: int) -> Occurrence | None:
        """The occurrence inside text[start:end], the last one (the name ends a mention)."""
        i = bisect.bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.occurrences[i].start >= start:
            if self.occurrences[i].end <= end + 1:
                return self.occurrences[i]
            i -= 1
        return None


def name_words(words: list[str]) -> list[str]:
    """Name words without a possessive, a suffix, a sentence-final period or a hyphenated
    modifier before them ("Oscar-winner Sarandon", "U.S.-based Mira Tal")."""
    out = [bare_word(w) for w in words]
    while len(out) > 1 and out[-1].lower().rstrip(".") in lexicon.lower_words("extract/name_suffixes.txt"):
        out.pop()
    while len(out) > 1 and MODIFIER_WORD.fullmatch(out[0]) or len(out) > 2 and nationality(out[:1]):
        out.pop(0)                        # "U.S.-based Mira Tal", "Norwegian Ivar Lund"
    return out


def org_name(words: list[str]) -> str:
    """An organisation's name as written, without a possessive or a sentence's period at its
    end; a plural possessive inside stays ("Teachers’ Union of Leland"); a participle modifier
    before it goes ("Pune-based Sahyadri Motors")."""
    if len(words) > 1 and _PARTICIPLE_MODIFIER.fullmatch(words[0]):
        words = words[1:]
    return " ".join(words[:-1] + [words[-1] if dotted_kind_word(words[-1]) else bare_word(words[-1])])


def role_key(words: list[str]) -> str:
    """A title or role as a lower-case key, abbreviations written out: ["Deputy", "Finance",
    "Minister"] -> "deputy finance minister"; ["Sen."] -> "senator"."""
    full = lexicon.pairs("extract/title_abbreviations.tsv")
    return " ".join(full.get(w.lower(), w.lower().rstrip(".")) for w in words)


def roles_match(description: str, role: str) -> bool:
    """Whether a definite description ("minister", "finance minister") fits a role ("finance
    minister"): the same head noun, every description word in the role, the same rank words
    ("deputy minister" is not "the minister"); an age fits as a modifier ("29-year-old midfielder"),
    an age noun in its range ("teenager" and "16-year-old", data/extract/age_nouns.tsv)."""
    d, r = description.split(), role.split()
    if (age := AGE_ROLE.fullmatch(role)) and role in d[:-1] or len(d) == 1 and AGE_ROLE.fullmatch(d[0]) \
            and d[0] in r[:-1]:
        return True                       # the age names the person, whatever the noun after it
    if age and d and d[-1] in age_nouns():
        low, high = age_nouns()[d[-1]]
        return low <= int(age.group(1)) <= high
    if not d or not r or d[-1] != r[-1] and r[-1] not in role_kinds().get(d[-1], ()) \
            or {w for w in r if w in RANKS} != {w for w in d if w in RANKS}:
        return False                      # ("the lawyer" fits a barrister: data/extract/role_kinds.tsv)
    return set(d[:-1]) <= set(r)


# The lower-case word after a person's name: "campaign" in "the Clinton campaign" (a body, data/extract/bodies.tsv).
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# The word "campaign" anywhere: a text that speaks of one ("ampaign" first, so the engine skips to it).
_CAMPAIGN = re.compile(r"ampaign(?<=\b[Cc]ampaign)")


@lru_cache(maxsize=1)
def bodies() -> dict[str, str]:
    """data/extract/bodies.tsv: a noun -> the body of a person it names (campaign,
    administration, staff, people)."""
    return lexicon.pairs("extract/bodies.tsv")


def org_alias(model: Model, name: str, start: int) -> int | None:
    """The organisation named earlier (before ``start``) that a shorter name stands for: its
    name without leading words ("Farmers’ League" after "the Karvonian Farmers’ League", two
    words at least, ending in an organisation word) or without trailing organisation words
    that end a company's name ("Harbor Crest" after "Harbor Crest Properties": the words
    of "company" and "firm" in data/extract/org_kinds.tsv); None when no one, or several, fit.
    The short forms are indexed when an organisation is made (:func:`new_organisation`)."""
    found = {eid for eid in model._org_aliases.get(tuple(name.split()), ()) if model.entities[eid].start < start}
    return found.pop() if len(found) == 1 else None


def new_organisation(model: Model, name: str, start: int, kind: str = "organisation") -> int:
    """Make and index the organisation (or group) entity of a name first seen at ``start``."""
    eid = len(model.entities)
    model.entities.append(EntityState(eid, name, kind, start, kind=name_kind(name) if kind == "organisation" else None))
    model.orgs[name] = eid
    words = name.split()
    if words and kind == "organisation":
        for w in {words[0], words[-1]}:
            model._org_ends.setdefault(w, []).append(eid)
        kinds, suffixes = alias_words()
        for n in range(1, len(words)):
            if n >= 2 and bare_word(words[-1]).lower() in kinds:
                model._org_aliases.setdefault(tuple(words[-n:]), []).append(eid)
            if all(bare_word(w).lower() in suffixes for w in words[n:]):
                model._org_aliases.setdefault(tuple(words[:n]), []).append(eid)
        if len(words) == 2 and words[0].isalpha() and words[0] not in first_names() and words[0].lower() not in kinds:
            model._org_aliases.setdefault(tuple(words[:1]), []).append(eid)   # "Voltaro" after "Voltaro Mobility"
    return eid


def owned_body(model: Model, owner: int, body: str, start: int) -> int:
    """The organisation of a person's body ("campaign", "administration"), named after the
    person ("Ana Ruiz campaign"), made on first sight at ``start``."""
    eid = model.body_orgs.get((owner, body))
    if eid is None:
        eid = len(model.entities)
        model.entities.append(EntityState(eid, f"{model.entities[owner].name} {body}", "organisation", start, kind=body))
        model.body_orgs[(owner, body)] = eid
    return eid


def staff_body(model: Model, owner: int) -> str | None:
    """The body a person's staff speaks for ("Ruiz aides"): the administration of a
    president, else the campaign when the text speaks of one; else None."""
    if "president" in model.entities[owner].roles:
        return "administration"
    return "campaign" if model.campaign else None


def build(text: str, skip: list[tuple[int, int]] = (), quoted: list[tuple[int, int]] = ()) -> Model:
    """The entity model of a document: every person and organisation named outside ``skip``;
    ``quoted`` (the top-level quoted spans) marks the namings inside quote marks."""
    titles, orgs, function = _lists().titles, _lists().orgs, _lists().function
    org_words = orgs | kind_words()
    persons = lexicon.lower_words("text/person_nouns.txt")
    documents = lexicon.lower_words("extract/document_nouns.txt")
    gendered = gendered_nouns()
    entities: list[EntityState] = []
    occurrences: list[Occurrence] = []
    model = Model(entities, occurrences, campaign=_CAMPAIGN.search(text) is not None)
    skip_starts = [a for a, _ in skip]
    q_starts = [a for a, _ in quoted]

    def inside(offset: int) -> bool:
        k = bisect.bisect_right(q_starts, offset) - 1
        return k >= 0 and offset < quoted[k][1]

    by_surname, by_first = model.by_surname, model.by_first
    read_to = 0
    for run in _runs(text, single=True):
        lone = len(run) == 1
        model.paragraph = text.rfind("\n", read_to, run[0][0]) + 1 or model.paragraph
        read_to = run[0][0]
        run = past_date(text, past_function_words(run, function, titles), _lists().calendar)
        if not run:
            continue                      # a lone "The" or "But" is read no further
        k = bisect.bisect_right(skip_starts, run[0][0]) - 1
        if k >= 0 and run[0][0] < skip[k][1]:
            continue
        business, known = None, False
        if lone:
            word = run[0][1]
            if word not in by_surname and word not in by_first:
                word = sentence_form(bare_word(word).rstrip("."))
                if word not in by_surname and word not in by_first:
                    business = introduced_as(text, run[0][0], run[0][0] + len(word))
                    known = word in model.orgs       # "the retailer Zentro …. Zentro rose"
                    if business is None and not known and word not in model._org_ends \
                            and not kin_before(text, run[0][0], word) \
                            and _surveyor(text, run[0][0], run[0][0] + len(run[0][1])) is None:
                        continue          # a capitalised word nobody is named by, unless "the retailer Zentro"
                    alias = org_alias(model, word, run[0][0]) if business is None and not known \
                        and party_head([word]) is None and not nationality([word]) else None
                    if alias is not None:         # "State" after "the State Department" (not "one Republican")
                        occurrences.append(Occurrence(run[0][0], run[0][0] + len(word), alias, inside(run[0][0])))
                        continue
        run = before_headline_verb(text, before_title_case(run, function, titles))
        if len(run) >= 3 and run[0][1] in first_names() \
                and run[-1][1].lower() in lexicon.lower_words("extract/work_nouns.txt"):
            run = run[:-1]                # "The Rachel Maddow Show": the host's name, no person "Show"
        if not run:
            continue
        for k, (_, w) in enumerate(run[:-1]):
            if (w.endswith(POSSESSIVE_S) or w.endswith(("s’", "s'")) and run[k + 1][1] in first_names()) \
                    and any(bare_word(x).lower() not in org_words for _, x in run[k + 1:]) \
                    and not possessor_in_name([x for _, x in run], k):
                run = run[k + 1:]         # "MSNBC’s Rachel Maddow", "Harbor News’ Ana Ruiz": the name after it
                break
        run = _person_of(run, org_words)
        if len(run) > 1 and survey_word(run[-1][1]):     # "a Harlow Consult Poll": the pollster, its survey after it
            run = run[1:-1] if len(run) > 2 and run[0][1].lower() in function else run[:-1]   # (not "A")
        start = run[0][0]
        end = run[-1][0] + len(run[-1][1])
        words = [w for _, w in run]
        title, name = split_title(words)
        if len(words) == 1 and bare_word(words[0]).rstrip(".") in by_surname:
            title, name = [], words       # "For Major, a retiree": a surname that is also a title
        elif not title and len(words) >= 3 and office_complement(text, start):
            title, name = words[:-2], words[-2:]      # "Minister of State for Railways Ann Roe": a portfolio
        if title and headline_line(text, start, end) and clause_in_title(title, titles):
            continue                      # "Governor Calls Senator Wilson Reckless": a headline
        if title and len(name) == 1 and all(w.lower() in title_modifiers() for w in title):
            continue                      # "Special Operations", "Senior American": no office, no person
        titled = bool(title) and bool(name) and _is_person_name(name_words(name))
        if business is None and len(words) > 1 and not titled:
            business = introduced_as(text, start, end) if run[0][1] not in first_names() \
                else possessed_as(text, start) or apposed_as(text, end)
            # "the oil giant Harlow Petroleum"; "whose church, Grace Chapel,"; "Hope Harbour, a charity in Cork,"
        business = None if business == "which" and len(words) > 1 and (titled or words[0] in first_names()) \
            else business                 # "Northlight Live, which …" is no person; "Ana Ruiz, which" is a slip
        owner = _ORG_BEFORE_FOR.search(text, max(0, start - 60), start) \
            if text.endswith(_JOINED_BY, 0, start) else None
        if owner and bare_word(owner.group(1)).lower() not in org_words:
            owner = None
        kind_after = len(words) >= 2 and _kind_after(text, end, words) \
            and not (titled and name[0] in first_names())          # "Family Circle magazine"
        if owner or kind_after or (business or known) and not titled or not titled and len(words) >= 2 and (
                INITIALS.fullmatch(words[0]) or any(bare_word(w).lower() in org_words
                                                    or k and y_singular(bare_word(w).lower()) in org_words
                                                    for k, w in enumerate(words))):   # "Northern Academies of Science"
            if not owner and business in (None, "which") and common_head(text, start, words, org_words, persons):
                start, words = run[2][0], words[2:]   # "Members of Harbour District Council" (no kind before): the council
            joined = owner or _ORG_BEFORE_AND.search(text, max(0, start - 60), start) \
                or _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
            if joined:                    # "Dunmore Fire and Rescue Service", "Center for Civic Design", "6th Circuit Court"
                start = joined.start()
                words = text[start:end].split()
            tail = _AND_TAIL.match(text, end) if "of" in words else None
            if tail:                      # "Office of Ports and Harbours", "Department of Health and Social Care"
                end = tail.end()
                words = text[start:end].split()
            name = org_name(words)
            eid = adhoc_org(model, name[4:] if name.startswith("The ") else name, start)
            entities[eid].roles.update((business,) if business not in (None, "which") else ())
            occurrences.append(Occurrence(start, end, eid, inside(start)))
            document = _ORG_NOUN_AFTER.match(text, end)
            noun = document_singular(document.group(1)) if document else survey_after(text, end)
            if noun is not None:          # "a Suffolk University poll", "Federal Election Commission reports"
                model.authored.append((end, noun, eid))
            _authored_by(model, text, start, end, eid, documents)
            continue
        if "of" in name[1:]:
            cut = name.index("of", 1)     # "Marco Rubio of Florida"
            if cut == 1 and not title and len(name) - cut > 2 and name[cut + 1] in first_names():
                start = run[len(words) - len(name) + cut + 1][0]
                name = name[cut + 1:]     # "Supporters of Hillary Clinton": the name after "of"
            else:
                end = run[len(words) - len(name) + cut - 1][0] + len(name[cut - 1])
                name = name[:cut]
        name = name_words(name)
        if len(name) >= 2 and name[-2] not in first_names() and not is_particle(name[-2]) and written_lower(text, name[-2]) \
                and (len(name) == 2 or not written_lower(text, name[-1])):   # not "Affordable Care Act"
            name = name[-1:]              # "Party Donor Halvorsen …" where the text says "the donor": no name word
        if not title and len(name) >= 2 and (
                name[0] not in first_names() and text[end:end + 1] in _CLAUSE_MARKS
                and _THE_BEFORE.search(text, max(0, start - 5), start)
                or _A_BEFORE.search(text, max(0, start - 4), start) and not _NOUN_AFTER.match(text, end)):
            continue                      # "on the Pike Train,": a thing called after a person; "an Orlando Republican who": a description
        if not title and len(name) >= 3 and name[0] not in first_names() and not _INITIAL.fullmatch(name[0]):
            cut = given_name_at(name) or (len(name) - 2 if office_complement(text, start) else 0)
            # "Comedian Sarah Silverman", "Harbour Widow Ana Ruiz" (not "J. Edgar Hale"); "Minister for Water Declan Moriarty"
            title, name = name[:cut], name[cut:]
        if not title and len(name) > 1 and " ".join(name) in model.orgs \
                or _named_as_body(text, start, end, title, name, by_surname):
            occurrences.append(Occurrence(start, end, adhoc_org(model, " ".join(name), start), inside(start)))
            continue                      # "the newspaper La Gaceta", "El Diario"
        if not _is_person_name(name) or (len(name) > 1 and all(w.isupper() for w in name)) \
                or ((not title or len(name) == 1) and GROUP_PLURAL.fullmatch(name[-1])) \
                or not title and len(name) > 1 and nationality(name[-1:]) and (name[0] not in first_names() or nationality(name[:1])):
            continue                      # not a name: "FULL TEXT", groups ("Turkish Americans"), "an African American"
        if (len(words) > 2 or len(run) == 2 and text[start - 1:start] in ("", "\n") and words[0] not in first_names()) \
                and words[0].endswith("ing") and words[0][:1].isupper() and not title:
            words, start = words[1:], run[1][0]      # "Using Ted Cruz", "Asked …"; a title line's "Debating Ruiz’s"
            title, name = split_title(words)
            name = name_words(name)
        alias = org_alias(model, " ".join(name), start) if not title and model._org_ends \
            and lone_name(model, name[-1]) is None else None
        if alias is not None:             # "Harbor Crest" after "Harbor Crest Properties"
            occurrences.append(Occurrence(start, end, alias, inside(start)))
            continue
        kin = None
        if len(name) == 1:
            eid = lone_name(model, name[0], title_gender(title))
            kin = kin_before(text, start, name[0]) if eid is None and not title else None
            surveyor = _surveyor(text, start, end) if eid is None and not title and not kin else None
            if surveyor is not None:      # "a KTRV poll": a pollster known by one word (or initials spelled out before)
                full = spelled_out(model, name[0], start)
                eid = model.orgs[full] if full in model.orgs else adhoc_org(model, name[0], start)
                occurrences.append(Occurrence(start, end, eid, inside(start)))
                model.authored.append((end, surveyor, eid))
                continue
            if eid is None and not kin and (not title or _THE_BEFORE.search(text, max(0, start - 5), start)):
                continue                  # a capitalised word nobody is named by; "the National Committeeman": a role
            if eid is None:               # "her daughter Kerry": known by a given name (and the relative she is)
                eid = _person(model, name, title, start, given=kin is not None)
        else:
            eid = _person(model, name, title, start)
        ent = entities[eid]
        if title:
            ent.roles.update(office_forms(role_key(title)))
            ent.title = ent.title or " ".join(title)
            if len(name) > 1 or len(by_surname.get(name[0], ())) <= 1:
                ent.gender = ent.gender or title_gender(title)   # not "Mr. Khan" among several Khans
        seen = model.count.get(eid, 0)
        if (len(words) > 1 or kin) and seen < ROLE_READS:
            roles_around(text, start, end, ent, titles, persons, gendered)
            ent.roles.update((kin,) if kin else ())
        model.count[eid] = seen + 1
        if len(name) == 1 and name[0] == ent.surname:
            model.by_lone[eid] = model.by_lone.get(eid, 0) + 1
        elif len(name) > 1:
            model.last_full[eid] = start
        occurrences.append(Occurrence(start, end, eid, inside(start)))
        after = _WORD_AFTER.match(text, end)
        if after and bodies().get(after.group(1)) in ("campaign", "administration"):
            body = owned_body(model, eid, bodies()[after.group(1)], start)    # "the Obama administration"
            _authored_by(model, text, start, after.end(), body, documents)    # "a statement issued by the
        else:                                                                 # Ruiz campaign": the campaign's
            _authored_by(model, text, start, end, eid, documents)
    model.paragraph = len(text) + 1       # later look-ups (at a cue, in a description) are in no paragraph read
    _joint_makers(model, text, inside)
    model.authored = sorted(model.authored + made_documents(text, model))    # "X will sue …": a lawsuit
    return model


def _joint_makers(model: Model, text: str, inside) -> None:
    """One body for the makers a poll names joined by "/" or "-" ("a KVBT/Orlan poll":
    :func:`.documents.joint_makers`), its author, named there instead of the names read in it."""
    joints = joint_makers(text)
    starts, made = [j[0] for j in joints], set()
    for start, end, at, noun in joints:
        eid = adhoc_org(model, text[start:end], start)
        made.add(Occurrence(start, end, eid, inside(start)))
        model.authored.append((at, noun, eid))
    if joints:                            # the names read inside a joint name give way to it
        kept = [o for o in model.occurrences
                if (k := bisect.bisect_right(starts, o.end - 1) - 1) < 0 or o.start >= joints[k][1]]
        model.occurrences[:] = sorted(kept + list(made), key=lambda o: o.start)


# An indefinite article and up to two lower-case words right before a one-word name: "a new " in "a new KTRV poll".
_INDEFINITE_BEFORE = re.compile(r"(?<![\w’'])(?:an?|one)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}$")


def _surveyor(text: str, start: int, end: int) -> str | None:
    """The survey a one-word name nobody is known by makes, right after it in an indefinite
    mention ("a new KTRV poll", "an Orvane survey": data/extract/author_nouns.txt [surveys]),
    or the document (singular) an acronym makes right after it ("an HSB summary", "the F.R.A.
    filings": a body known by its initials); else None: a body so named, not a person ("a Ruiz
    statement" is no survey)."""
    after = _ORG_NOUN_AFTER.match(text, end)
    if after is None:                     # "a national Harlow Poll": the survey written as part of the name
        survey = survey_after(text, end)
        return survey if survey and _INDEFINITE_BEFORE.search(text, max(0, start - 30), start) else None
    if BODY_INITIALS.fullmatch(text, start, end):           # not "an HSB inquiry": an activity, no document
        noun = document_singular(after.group(1))
        return noun if noun not in lexicon.sections("extract/author_nouns.txt")["activities"] else None
    if after.group(1) not in lexicon.sections("extract/author_nouns.txt")["surveys"]:
        return None
    return after.group(1) if _INDEFINITE_BEFORE.search(text, max(0, start - 30), start) else None


def _authored_by(model: Model, text: str, start: int, end: int, eid: int, documents) -> None:
    """Note the author of a document named with it ("a statement from Senator Bill Orr", "In
    a statement, the X Agency said"; :mod:`.authors`), so that "the statement" later goes to
    the author."""
    noun = authored_document(text, start, end, documents)
    if noun is not None:
        model.authored.append((end, noun, eid))


# A lower-case "the" right before a run: "the " before "Republican National Committeeman" (a role, not a person).
_THE_BEFORE = re.compile(r"(?<![\w’'])the[ \t]+$")
# An indefinite article right before a name: "an " in "an Orlando Republican who …" (a description, no person's name).
_A_BEFORE = re.compile(r"(?<![\w’'])an?[ \t]+$")
# A lower-case noun after a name it modifies: " supporter" in "a Clinton supporter" (not a function word).
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:who|that|and|or|of|in|from|at|with|for|to|is|was|has|had|said|says)\b)[a-z]")
_CLAUSE_MARKS = (",", ".", ";", ":", "!", "?", ")")   # what may end a phrase right after a name


def _named_as_body(text: str, start: int, end: int, title: list[str], name: list[str], by_surname) -> bool:
    """Whether a name with no title and no given name is a publication's or another body's:
    after its kind ("the newspaper La Gaceta", "the daily Die Woche") or "told the" ("told the
    Dunmore Courier"), with its kind in an apposition ("La Gaceta, the city’s oldest daily,"),
    or an article particle and one capitalised word nobody is named by ("El Diario";
    text/word_classes.txt [name_articles])."""
    if title or not name or name[0] in first_names():
        return False
    before = text[max(0, start - 20):start].split()[-2:] if text[start - 1:start] == " " else []
    if before and (before[-1] in org_nouns() or before == ["told", "the"]):
        return True                       # "the newspaper La Gaceta", "told the Dunmore Courier"
    if text.startswith(",", end):
        app = APPOSITION_AFTER.match(text, end, min(len(text), end + 80))
        if app and app.group(1).split()[-1].lower() in org_nouns():
            return True                   # "La Gaceta, the city’s oldest daily,"
    if len(name) > 1 and name[-1] not in by_surname and _is_person_name(name) and body_named(text, start, end):
        return True                       # "Marlow Rail, which …", "The Harbour Lights have …" (:mod:`.organisations`)
    return len(name) == 2 and name[0].lower() in _ARTICLES() and name[1] not in by_surname


def _ARTICLES() -> frozenset[str]:
    return lexicon.sections("text/word_classes.txt")["name_articles"]


def _kind_after(text: str, end: int, words: list[str]) -> bool:
    """Whether a name is followed by the kind of organisation it names: "the Good Jobs Nation
    campaign", "Family Circle magazine"; not a possessor ("Ana Ruiz’s campaign") nor a
    person's name ("the Ana Ruiz campaign": given name first)."""
    if words[-1].endswith(POSSESSIVE_S) or words[0] in first_names():
        return False
    m = _ORG_NOUN_AFTER.match(text, end)
    return m is not None and m.group(1) in org_kinds() \
        or survey_after(text, end) is not None          # "the Harlow Consult poll": its pollster


def _person_of(run: list, org_words) -> list:
    """A person's name cut before "of" and the organisation it belongs to: "David Ware of
    Clemson University" -> "David Ware" (a given name or a title shows the person)."""
    words = [w for _, w in run]
    if "of" not in words[2:]:
        return run
    cut = words.index("of", 2)
    whole_title, whole_name = split_title(words)
    if cut < len(whole_title) and bare_word(words[cut - 1]).lower() in lexicon.lower_words("text/titles.txt") \
            and len(whole_name) >= 2:
        return run                        # "County Clerk of Courts Maria Lenz": "of" is the title's
    title, name = split_title(words[:cut])
    name = name_words(name)
    if len(name) >= 2 and _is_person_name(name) \
            and (title or name[0] in first_names() or any(bare_word(w).lower() in org_words for w in words[cut:])) \
            and not any(bare_word(w).lower() in org_words for w in words[:cut]):
        return run[:cut]
    return run


def sentence_form(word: str) -> str:
    """A surname whose lower-case particle a sentence's start capitalised, as the name is
    written: "Ul-Haq" -> "ul-Haq", "Al-Masri" -> "al-Masri"; any other word as it is."""
    if "-" not in word[:6]:
        return word
    low = word[:1].lower() + word[1:]
    return low if word[:1].isupper() and PARTICLE_JOINED.match(low) else word


def lone_name(model: Model, word: str, gender: str | None = None) -> int | None:
    """The entity a lone surname or first name stands for; of several, the one named in full last in
    the paragraph read, else the one most often called by the surname alone (a relative is written
    with a given name), else the one named first; not one of another gender than its honorific shows."""
    ids = model.by_surname.get(word) or model.by_first.get(word) or model.by_surname.get(sentence_form(word))
    if ids and gender is not None:
        ids = [e for e in ids if model.entities[e].gender in (None, gender)] or ids
    if not ids or len(ids) == 1:
        return ids[0] if ids else None
    return max(ids, key=lambda e: (model.last_full.get(e, -1) >= model.paragraph and model.last_full[e],
                                   model.by_lone.get(e, 0), -e))


def adhoc_org(model: Model, name: str, start: int, kind: str = "organisation") -> int:
    """The organisation (or group) entity of a name (read at a cue the model did not index, or in
    the text), made on first sight (a short form of an organisation named before is that one: :func:`org_alias`)."""
    eid = model.orgs.get(name)
    if eid is None and kind == "organisation":
        eid = org_alias(model, name, start) or model.orgs.get(spelled_out(model, name, start))   # "NEMA" after
        # "the National Emergency Management Agency"
        if eid is not None:
            model.orgs[name] = eid
    return new_organisation(model, name, start, kind) if eid is None else eid


def cue_entity(model: Model, name: list[str], title: list[str], start: int) -> int:
    """The entity of a name read at a cue that the model did not index: a person, but an
    organisation for one untitled acronym or place ("ESPN said", "KING-TV reported", "America
    has") that names no person of the text ("Paris" after "Jeremy Paris"), so that no he/she
    later resolves to it."""
    if not title and len(name) == 1 and name[0] not in model.by_surname and name[0] not in model.by_first \
            and (CAPITALS_WORD.fullmatch(name[0]) or name[0] in lexicon.words("extract/places.txt")):
        return adhoc_org(model, name[0], start)
    return person_entity(model, name, title, start)


def person_entity(model: Model, name: list[str], title: list[str], start: int) -> int:
    """The entity of a name read at a cue that the model did not index (made if new)."""
    eid = _person(model, name, title, start)
    ent = model.entities[eid]
    if title and ent.title is None:
        ent.title = " ".join(title)
        ent.roles.update(office_forms(role_key(title)))
    return eid


def _person(model: Model, name: list[str], title: list[str], start: int, given: bool = False) -> int:
    """The person entity of a full or titled name, made on first sight: a full name joins the
    entity with the same surname and first name (or none yet); another first name is
    another person ("Luka Varga" and his father "Tomas Varga"); ``given``: one known by a given
    name ("her daughter Kerry"), whom a full name with it completes ("Kerry Tolland")."""
    surname, first = (None, name[0]) if given else (name[-1], (name[0] if len(name) > 1 else None))
    if first is not None and is_particle(first):
        first = None                      # "Van der Berg": a surname with its particles
    if first is None:
        eid = lone_name(model, surname, title_gender(title))
        if eid is not None:
            return eid
    ids = model.by_surname.get(surname, [])
    for place in model.surname_keys.places(surname, len(ids), name, first):
        eid = ids[place]
        ent = model.entities[eid]
        full = ent.name.split()
        if len(name) < len(full) and full[-len(name):] == name:
            return eid                    # "Wasserman Schultz" in "Debbie Wasserman Schultz"
        if len(full) < len(name) and name[-len(full):] == full and len(full) > 1:
            ent.name, ent.first = " ".join(name), first
            model.add_first(first, eid)
            model.surname_keys.add(surname, place, ent.name, ent.first)
            return eid
        if first is None or ent.first is None or ent.first == first \
                or (len(first) <= 2 and ent.first.startswith(first.rstrip("."))):
            if first is not None and (ent.first is None or len(name) > len(ent.name.split())):
                ent.name, ent.first = " ".join(name), first
                model.add_first(first, eid)
                model.surname_keys.add(surname, place, ent.name, ent.first)
            return eid
    eid = model._hyphened.get((first, surname)) if first is not None and len(name) == 2 else None
    given_only = model._given_only.get(first, [])
    eid = given_only[0] if given_only else eid
    if eid is not None and surname is not None and model.entities[eid].surname is None:
        model.entities[eid].name, model.entities[eid].surname = " ".join(name), surname
        given_only.remove(eid)
        model.add_surname(surname, eid)   # "her daughter Kerry" … "Kerry Tolland"
    if eid is not None:
        return eid                        # "Born Ilse Varga in 1941" after "Ilse Varga-Thorne"
    eid = len(model.entities)
    model.entities.append(EntityState(eid, " ".join(name), "person", start, surname, first))
    patronymics = lexicon.sections("text/word_classes.txt")["patronymics"]
    own = next((i for i in range(2, len(name) - 1) if name[i] in patronymics), 0)
    for key in filter(None, (surname, name[own - 1] if own else None)):    # and "Faizal" in "Ahmad Faizal
        model.add_surname(key, eid)                                        # bin Rahman": his own name
    if first is not None:
        model.add_first(first, eid)
        if surname is None:
            model._given_only.setdefault(first, []).append(eid)
    return eid


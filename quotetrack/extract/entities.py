"""The document's entity model: every person and organisation the article introduces.

An entity is introduced wherever it is named: as a subject ("Gantz said"), an object
("came from analyst Rosa Lind", "told Sara Lind"), an apposition ("The boy’s father,
Tomas Varga,"), a title line ("Defense Minister Benny Gantz") or a possessive ("Mayor
Ines Duarte’s plan").  Each entity keeps its fullest name, every role it is given
("deputy finance minister", "lawyer", "52-year-old", "campaign’s organiser"), its type
(person, organisation, group) and its gender where the text shows it (Mr/Ms, "the
mother", a pronoun resolved to it); nothing else is a clue to gender.

This module holds the model (``Model``: the entities, every place one is named in text order
as an ``Occurrence``, and the indexes by surname, first name and organisation name) and its
look-ups and makers (:func:`lone_name`, :func:`named_person`, :func:`adhoc_org`);
:func:`.namings.build` reads the text once into it; :func:`.anaphora.anaphors` finds the narrative's own he/she and short
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
from ..text.names import PARTICLE_JOINED, is_particle, person_title_nouns
from .acronyms import CAPITALS_WORD, spelled_out
from .ages import AGE_ROLE, age_nouns
from .common_nouns import written_lower
from .kinds import alias_words, dotted_kind_word, name_kind, role_kinds
from .nations import nationality
from .roles import RANKS, office_forms
from .speakers import bare_word, title_gender
from .surnames import SurnameKeys

# The plural of a party, a nation or a generation: "Democrats", "Republicans", "Hispanics",
# "Millennials", "Evangelicals", "Loyalists" (not a surname in -s: "Jones", "Sanders").
GROUP_PLURAL = re.compile(r"[A-Z][a-z]+(?:crats|icans|ians|ics|ials|icals|ists|ites)")
# A capitalised word with a lower-case compound part: a modifier, never a name ("Oscar-winner",
# "U.S.-based", "Harvard-educated").
MODIFIER_WORD = re.compile(r"[\w.’']+-[a-z][\w\-]*")
# A hyphenated participle before an organisation's name: "Pune-based", "State-owned", "Kremlin-backed"
# (a modifier of the name, no part of it; "Pro-life Action League" keeps its first word).
_PARTICIPLE_MODIFIER = re.compile(r"[\w.’']+-[a-z]+ed")
RECENT = 5                                # entities kept in the running salience list


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


# What follows a person introduced by a full name: a relative, an apposition, an age
# ("Nguyen Thi Hoa, who sells flowers", "…, a nurse", "…, 52,").
_INTRODUCED_AFTER = re.compile(r",\s+(?:who|whose|a|an|the|\d)\b")


def family_name_first(text: str, start: int, end: int, name: list[str]) -> bool:
    """Is a three-word name whose middle word is a given name written family name first
    ("Nguyen Thi Hoa, who sells flowers", "…, Moner Mohammad Abusalha, also …"), not a role
    or headline word before a name ("Comedian Sarah Silverman", "Crooked Hillary Clinton")?
    Its first word is no word of a role, a group or a nationality and never written in lower
    case, and the name is introduced: an apposition or a relative after it, or set off by commas."""
    first = name[0]
    if len(name) != 3 or not first.istitle() or first.endswith("s") or first.lower() in _role_words() \
            or GROUP_PLURAL.fullmatch(first) or nationality([first]) or written_lower(text, first):
        return False
    return _INTRODUCED_AFTER.match(text, end) is not None \
        or text[max(0, start - 2):start].strip() == "," and text[end:end + 1] == ","


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Words of a role, a title or kin before a name (data/text/person_nouns.txt, titles.txt,
    data/extract/family_nouns.txt: "Widow Ana Ruiz"), function words and cue words."""
    return person_title_nouns() | title_modifiers() \
        | lexicon.lower_words("extract/family_nouns.txt") | lexicon.lower_words("text/function_words.txt") \
        | frozenset(lexicon.cues())        # not "Said Ruth Ortiz, the club’s captain": a verb


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
    by_inner: dict[str, list[int]] = field(default_factory=dict)   # a surname word before the last -> people
    orgs: dict[str, int] = field(default_factory=dict)
    org_ends: dict[str, list[int]] = field(default_factory=dict)   # first and last name word -> organisations
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
            model.org_ends.setdefault(w, []).append(eid)
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
    # (by_inner: "Ms Ortuño" for Marta Ortuño Villalba, when no one else is so called; then a misspelt surname)
    ids = model.by_surname.get(word) or model.by_first.get(word) or model.by_surname.get(sentence_form(word)) \
        or model.by_inner.get(word) \
        or word not in first_names() and model.by_surname.get(model.surname_keys.misspelt(word, model.by_surname))
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
    eid = named_person(model, name, title, start)
    ent = model.entities[eid]
    if title and ent.title is None:
        ent.title = " ".join(title)
        ent.roles.update(office_forms(role_key(title)))
    return eid


def named_person(model: Model, name: list[str], title: list[str], start: int, given: bool = False) -> int:
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
    for word in name[1:-1] if first is not None and not own else ():
        if word[:1].isupper() and not word.endswith(".") and word not in first_names() and not is_particle(word):
            model.by_inner.setdefault(word, []).append(eid)    # "Ortuño" of "Marta Ortuño Villalba"
    if first is not None:
        model.add_first(first, eid)
        if surname is None:
            model._given_only.setdefault(first, []).append(eid)
    return eid


"""What a definite description stands for, read on the document's entity model
(:mod:`.entities`) for :mod:`.resolve`:

* :func:`describe`: the entity whose role ("the minister", "the 52-year-old", "the
  region’s education minister": :func:`office_of`) fits, most recently named first, or whose
  kind ("the company", "the club") fits: the one named last in its paragraph, else the one
  the article is about (:func:`most_told`); "the older woman": of the people just named with
  ages, the older (:func:`by_age`); else, for a singular one, the salient entity of its type
  (:func:`_salient_for`);
* a description in the lead that no one named before holds ("…, its chief executive
  said."): the person given that role in the next paragraphs (:mod:`.lead_holders`);
* a person's body or people ("Ana Ruiz’s campaign", "the Ruiz administration", "her
  advisers", "Administration officials"): an organisation named after the person
  (data/extract/bodies.tsv); the owner is resolved by the caller's rules, no name is guessed;
* a document named with its author just before ("a new Marlow College poll … the poll"):
  that author;
* a document named with its author in the mention ("a statement from the three hikers",
  "a letter signed by 40 MPs"): the author, resolved as a mention of its own;
* an organisation named just after that shows the description's kind ("The club said …
  Riverside Rovers, who …"): no earlier organisation whose name shows no kind is guessed;
* the title a description's row shows: the entity's only when the description fits it;
* the wording that shows a mention is no name: a determiner other than "the" ("Another
  resident"), or that it is one: a name opened by an ordinal ("6th Circuit Court").
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Callable

from ..text import lexicon
from ..text.marks import POSSESSIVE_S, POSSESSIVES
from . import entities as em
from .ages import AGE_ROLE, age_clash, lone_age
from . import kinds, rivals
from .businesses import introduces, is_business
from .documents import author_of, work_author
from .common_nouns import written_lower
from .kinds import org_kinds, org_nouns, parties, party_head, party_of, role_kinds
from .organisations import lone_subject
from .nations import demonym_head, nationality_modifier, other_nationality
from .roles import RANKS
from .speakers import POSSESSIVE_PRONOUNS, bare_word, _lists, is_plural, split_title
from .unkinded import unkinded_here
from .written import introduced_unnamed, owned_by

DESCRIPTION_REACH = 50        # entities a description looks back over beyond the recent ones
DESCRIPTION_WORDS = 5         # words after "the" in a description the salient entity may take
CALLING_TOLD = 2              # times more often the article names the one a description of another calling goes to
LEAD = 2                      # paragraphs (a title line and the lead) whose organisations the article is about
# A possessive pronoun owning a body, and the gender it shows: "his advisers".
def owned(model: em.Model, words: list[str], start: int,
          salient: Callable[[str, int], int | None],
          describe: Callable[[list[str], int], int | None]) -> int | None:
    """The organisation a person's body or people stand for, named after the person
    ("Hillary Clinton’s campaign", "the Obama administration", "his advisers", "The
    senator’s aides"; "Administration officials": the administration named last); None when
    the owner is no person the text names.  ``salient(gender, start)``: the person a
    possessive pronoun stands for; ``describe(words, start)``: a description's entity."""
    read = owned_by(words)
    if read is None:
        return None
    owner_words, body = read
    if body == "self":
        return None                       # the person's own office: :func:`office_owner`
    if not owner_words:                   # "the campaign" with none named: the salient person's
        found = body_named_last(model, body, start)
        lead = salient(None, start) if found is None and body == "campaign" else None    # (none when two are close)
        return em.owned_body(model, lead, body, start) if lead is not None else found
    owner = _owner(model, owner_words, start, salient, describe)
    if owner is None or model.entities[owner].type != "person":
        return None
    body = em.staff_body(model, owner) if body == "staff" else body
    return em.owned_body(model, owner, body, start) if body is not None else None


def office_owner(model: em.Model, words: list[str], start: int,
                 salient: Callable[[str, int], int | None],
                 describe: Callable[[list[str], int], int | None]) -> int | None:
    """The person whose own office a mention names ("Her office said …", "Kessler's office",
    "the senator's office": data/extract/bodies.tsv rows of body "self"), who speaks through it;
    None when the owner is no person the text names."""
    read = owned_by(words)
    if read is None or read[1] != "self" or not read[0]:
        return None
    owner = _owner(model, read[0], start, salient, describe)
    return owner if owner is not None and model.entities[owner].type == "person" else None


def role_holder(text: str, model: em.Model, sal, words: list[str], start: int) -> int | None:
    """The person a possessive pronoun and a person's role stand for ("Her lawyer", "his
    father"): the one the text gave that role ("Her lawyer, Owen Pryce,", "The boy’s father,
    Tomas Varga,"), most recently named first; None when no one holds it (no guess)."""
    if len(words) != 2 or words[0].lower() not in ("his", "her", "their") \
            or not kinds.person_head(bare_word(words[1]).lower()):
        return None
    return describe(text, model, sal, [bare_word(words[1])], start, guess=False)


def _owner(model: em.Model, words: list[str], start: int, salient, describe) -> int | None:
    """The person who owns a body: "his"/"her" the salient person, "the senator’s" the
    description's entity, a name the entity carrying its surname."""
    low = words[-1].lower()
    if len(words) == 1 and low in POSSESSIVE_PRONOUNS:
        return salient(POSSESSIVE_PRONOUNS[low], start)
    cleaned = [bare_word(w) for w in words]
    if words[0].lower() == "the":
        return describe(cleaned[1:], start)
    _title, name = split_title(cleaned)
    return em.lone_name(model, name[-1]) if name else None


def body_named_last(model: em.Model, body: str, start: int) -> int | None:
    """The latest body of that kind named before ``start`` ("the Obama administration …
    Administration officials"); for "the administration" with none named, the president's."""
    found = [(model.entities[e].start, e) for (_, b), e in model.body_orgs.items()
             if b == body and model.entities[e].start < start]
    if found:
        return max(found)[1]
    if body == "administration":
        president = next((e for e in model.before(start) if e.type == "person" and "president" in e.roles),
                         None)
        return em.owned_body(model, president.id, body, start) if president is not None else None
    return None


def shown_after(model: em.Model, head: str, guess: str, start: int, rank_of: Callable[[int], int]) -> bool:
    """Whether an organisation named after ``start`` in its paragraph shows the kind a
    description's head names while the guessed one's name (``guess``) does not: "U.N. Women
    said … The club said … Riverside Rovers, who are bottom of the league": the club is named
    after, not before."""
    if kinds.kind_matches(head, guess):
        return False
    rank = rank_of(start)
    return any(e.type == "organisation" and e.start > start and rank_of(e.start) == rank
               and kinds.kind_matches(head, e.name) for e in model.entities)


def fitting_title(words: list[str], title: str | None) -> str | None:
    """The title a row resolved from a description shows: the entity's when the description
    fits it ("the minister": "Transport Minister"), else none ("the headteacher" shows no "Mrs")."""
    fits = title is not None and em.roles_match(" ".join(words).lower(), title.lower())
    return title if fits else None


def office_unheld(ent: em.EntityState, words: list[str]) -> bool:
    """Whether an office a description names ("the prime minister", "the senator", "the
    officer") cannot be the salient "person"'s because the text gave it no title or role with
    an office word ("Network" in "Network Rail" is none) and either no given name
    (data/text/first_names.txt: a bare capitalised pair, "Ferris Transit said …", is as likely
    a body as a person) or only a private person's roles, family and gender nouns
    (data/extract/gendered_nouns.tsv: "Grandmother Edith Marsh … The officer said" is someone
    else): such a person holds no office the reader was told of."""
    titles, honorifics = lexicon.lower_words("text/titles.txt"), _lists().honorifics
    held = " ".join([ent.title or "", *ent.roles]).lower().split()
    if words[-1] not in titles:
        return False
    if ent.name.split()[0] not in em.first_names():
        return not any(w in titles for w in held)
    if any(w in titles and w.rstrip(".") not in honorifics and not kinds.private_noun(w) for w in held):
        return False                      # "Mother" and "Mr" are no offices
    private = [r for r in ent.roles if not AGE_ROLE.fullmatch(r)
               and (r.rstrip(".") not in honorifics or kinds.private_noun(r))]
    return bool(private) and all(kinds.private_noun(r.split()[-1]) for r in private)


def other_office(ent: em.EntityState, lows: list[str]) -> bool:
    """Whether a description names a single office (data/extract/single_offices.txt: "the
    mayor") and the text gave the person another of them and not this one ("Councillor Ann
    Roy", "Ann Roy, a judge"): she is not its holder.  A general role ("the lawyer" for a
    barrister, data/extract/role_kinds.tsv) still fits."""
    offices = lexicon.lower_words("extract/single_offices.txt")
    if lows[-1] not in offices:
        return False
    held = {w for r in (ent.title or "", *ent.roles) for w in r.lower().split()[-1:]}
    fits = {lows[-1], *role_kinds().get(lows[-1], ())}
    return not held & fits and bool(held & offices)


def ordinal_name(words: list[str]) -> bool:
    """A name opened by an ordinal: "6th Circuit Court of Appeals", "1st Infantry Division"."""
    return len(words) > 1 and words[0][:1].isdigit() and words[1][:1].isupper()


def indefinite(word: str) -> bool:
    """A determiner other than "the" opening a mention: "Another Muslim", "This Cable News
    Panel", "One Republican" describe someone; they are not a name."""
    return word.lower() in _lists().determiners and word.lower() != "the"


def describe(text: str, model: em.Model, sal, words: list[str], start: int, guess: bool = True) -> int | None:
    """The entity a definite description stands for: a person whose role fits ("the
    minister", "the 52-year-old"), most recently named first; an organisation of that kind
    ("the company", "the club"), the one the article is about (:func:`most_told`); else
    (``guess``) the salient entity of its type."""
    phrase = em.role_key(office_of(words) or words)     # "Labour MP" as "labor mp", as roles are kept
    head = words[-1].lower()
    party = party_head(words)                 # "the Ardenne Democrat", "the Republican from Alabama"
    nation = demonym_head(words)              # "the Norwegian": the person introduced with Norway
    if nation is not None:
        return next((e.id for e in model.before(start) if e.type == "person" and nation in e.roles), None)
    held = owners_person(text, model, sal, words, start) if len(words) == 2 and words[0].islower() \
        and words[0].endswith(POSSESSIVE_S) and kinds.person_head(head) \
        and kinds.person_head(bare_word(words[0]).lower()) else None
    if held is not None:                      # "the congressman’s spokesman"
        return held
    if head in lexicon.lower_words("extract/document_nouns.txt"):
        author = author_of(model, head, start)   # "the poll": the author of "a Suffolk University poll"
        if author is not None or head not in kinds.org_nouns():
            return author                        # "the paper" with no paper authored: a newspaper
    if head in lexicon.sections("extract/author_nouns.txt")["heads"] and len(words) == 1:
        return work_author(text, model, start)   # "the authors": of "a study by Corvane University"
    if len(words) == 2 and words[0].lower() in lexicon.pairs("extract/age_comparatives.tsv"):
        return by_age(model, sal, words)     # "the older woman": of the two just named with ages
    named = {bare_word(w) for w in words if w[:1].isupper() and not em.MODIFIER_WORD.fullmatch(w)}    # "the Calveran
    # ministry" (not "the Memphis-based group": a modifier, no part of a name)
    organised = head in org_nouns()        # "the ministry", not "the former secretary of state"
    seen = set(sal.recent)
    earlier = islice((e.id for e in model.before(start) if e.id not in seen),
                     DESCRIPTION_REACH)
    fitting = []                              # the organisations of its kind, most recently named first
    ranked = False                            # someone holds another rank of the office ("deputy minister")
    rankless = bool(phrase.split()) and not RANKS & set(phrase.split())    # other_rank's test of the phrase
    rank_head = phrase.split()[-1] if rankless else ""       # in any role other_rank takes
    native = nationality_modifier(words)
    native = (native[0], em.role_key(native[1])) if native is not None else None
    unaged = aged_role(words)
    for eid in [*sal.recent, *earlier]:
        ent = model.entities[eid]
        if ent.type == "person" and not fitting and (any(em.roles_match(phrase, r) or bare_rank(phrase, r) for r in ent.roles)
                                                     or unaged is not None and not age_clash(ent.roles, words[:1])
                                                     and any(em.roles_match(unaged, r) for r in ent.roles)
                                                     or party is not None and party_fits(words, party, ent.roles)
                                                     or native is not None and not other_nationality(ent.roles, native[0])
                                                     and any(em.roles_match(native[1], r) for r in ent.roles)):
            return eid                        # (native: "the Mexican president", one with no other nationality)
        ranked = ranked or rankless and ent.type == "person" \
            and any(other_rank(phrase, r) for r in ent.roles if rank_head in r)
        if ent.type == "organisation" and (organised and kinds.kind_matches(head, ent.name, True) or is_business(head, ent.roles)) \
                and named <= set(ent.name.split()) and not institution(head, ent.name):
            fitting.append(eid)
    here = unkinded_here(model, sal, head, fitting, start) if fitting else None
    if here is not None and not other_kind(head, model.entities[here].roles):   # "… the FBI confirmed it.
        # The agency declined": :mod:`.unkinded`
        return here
    if fitting:
        exact = [e for e in fitting
                 if head in model.entities[e].roles or head in model.entities[e].name.lower().split()]
        return most_told(sal, fitting, start, exact)
    if not guess or ranked:
        return None                           # another rank of it named: no guess
    if party is not None:
        return party_member(model, sal, words, start)
    eid = _salient_for(text, model, sal, words, start)
    if eid is not None and model.entities[eid].type == "person":
        model.entities[eid].roles.add(phrase)     # "the Vermont senator" said it: later "the senator" is this one
    elif eid is not None and len(words) > 1 and introduces(head) and "*" not in org_kinds().get(head, ()):
        model.entities[eid].roles.add(head)       # "the social media company" was Twitter: so is a later "the company"
        # (a bare "the airline" guessed is no such telling: it gives no later "the company")
    return eid


def owners_person(text: str, model: em.Model, sal, words: list[str], start: int) -> int | None:
    """The person a role owned by a described person stands for ("the congressman’s
    spokesman"): the owner is the description's person ("the congressman"), and the role's
    holder the one the text gave that role with the owner's name ("Ortiz spokesman Tom
    Greer", :func:`.roles.roles_around`), most recently named first among the DESCRIPTION_REACH
    entities named last; None when no one holds it."""
    owner = describe(text, model, sal, [bare_word(words[0])], start, guess=False)
    if owner is None or model.entities[owner].type != "person":
        return None
    ent = model.entities[owner]
    key = em.role_key([ent.surname or ent.name.split()[-1], words[1]])
    return next((e.id for e in islice(model.before(start), DESCRIPTION_REACH) if e.type == "person"
                 and e.id != owner and any(em.roles_match(key, r) for r in e.roles)), None)


def aged_role(words: list[str]) -> str | None:
    """The role an age opens, as a key ("the 52-year-old councillor" -> "councillor"): a person
    the text called a councillor, of no other age, is the one it means; None without an age."""
    if len(words) < 2 or not lone_age(words[:1]):
        return None
    return em.role_key(words[1:])


def office_of(words: list[str]) -> list[str] | None:
    """The role a description names past a possessor that is no person ("its chief
    executive", "region’s education minister", "the company’s founder" -> the role's words):
    the role the text gave its holder is written without it.  None when there is no such
    possessor, or it is a person ("the boy’s father", "Ruiz’s lawyer": whose it is matters)."""
    k = next((i for i in range(len(words) - 1, -1, -1) if words[i].lower() == "its"
              or words[i].endswith(POSSESSIVE_S) and words[i].islower()), None)
    if k is None or k == len(words) - 1 or words[k].lower() != "its" \
            and kinds.person_head(bare_word(words[k]).lower()) \
            and bare_word(words[k]).capitalize() not in lexicon.words("extract/place_heads.txt"):
        return None                       # (a place is no person: "the county’s fire chief")
    return words[k + 1:]


def by_age(model: em.Model, sal, words: list[str]) -> int | None:
    """The person an age comparative stands for ("the older woman", "the younger man";
    data/extract/age_comparatives.tsv): of the people named last (the salient ones) whose ages
    the text gave ("Maureen Tolland, 67, and her daughter Kerry, 41"), of no other gender
    than the head shows, the oldest or youngest; None unless two or more have ages (no guess)."""
    gender = kinds.gendered_nouns().get(words[1].lower())
    aged = [(age, e) for e in sal.recent if model.entities[e].type == "person"
            and model.entities[e].gender in (None, gender) and (age := age_of(model.entities[e])) is not None]
    if len(aged) < 2 or not kinds.person_head(words[1].lower()):
        return None
    older = lexicon.pairs("extract/age_comparatives.tsv")[words[0].lower()] == "older"
    return (max if older else min)(aged)[1]


def age_of(ent: em.EntityState) -> int | None:
    """The age the text gave a person ("Ana Ruiz, 31,": 31), else None."""
    return next((int(m.group(1)) for r in ent.roles if (m := AGE_ROLE.fullmatch(r))), None)


def most_told(sal, fitting: list[int], start: int, exact: list[int] = ()) -> int:
    """Of the organisations a description's kind fits (most recently named first), the one
    the article is about.  The one named in the description's own paragraph ("The Dorvenian
    Defence Ministry denied it. … the ministry said"), of several there the most salient
    (:func:`.rivals.most_salient`: "Harbury Rovers lost to Kelsey Athletic … the club said"
    is Rovers), with a warning in ``sal.rivals`` when the other is close; else, of those
    introduced by the description's own noun or named by it (``exact``: "the startup
    Brightwater Labs", "… Fire Protection Agency") if any, the one named most often so far,
    the first of them counting once more when the lead names it ("Shares in Varnell
    Foods fell … rival Brockhurst Group … [paragraphs later] The company said": Varnell); on a
    tie, the one named last.  A short form of another's name ("Rovers" in a title line, then
    "Kessington Rovers") counts with it, and the fuller name is given."""
    ents = sal.model.entities
    first = min(fitting, key=lambda e: ents[e].start)
    lead = sal.rank_of(ents[first].start) <= LEAD
    fuller = {e: next((f for f in fitting if f != e and _short_form(ents[e].name, ents[f].name)), e) for e in fitting}
    told: dict[int, int] = {}
    last: dict[int, int] = {}
    for e in fitting:
        told[fuller[e]] = told.get(fuller[e], 0) + sal.times.get(e, 0) + (lead and e == first)
        last[fuller[e]] = max(last.get(fuller[e], -1), sal.named.get(e, ents[e].start))
    latest = max(last, key=last.get)
    here = {c: [e for e in fitting if fuller[e] == c] for c in last if sal.rank_of(last[c]) == sal.rank_of(start)}
    if len(here) > 1:                     # "Harbury Rovers lost to Kelsey Athletic … The club said"
        best, sal.rivals[start] = rivals.most_salient(sal, here, last)
        return best
    if here:
        return latest
    preferred = {fuller[e] for e in exact}
    return max(told, key=lambda e: (e in preferred, told[e], last[e]))


def _short_form(short: str, name: str) -> bool:
    """Whether an organisation's name is the first or last words of another's ("Rovers" of
    "Kessington Rovers", "Harbor City" of "Harbor City FC")."""
    return len(short) < len(name) and (name.endswith(" " + short) or name.startswith(short + " "))


def _salient_for(text: str, model: em.Model, sal, words: list[str], start: int) -> int | None:
    """A singular definite description no role or kind fits: the most salient entity of its
    type, as a pronoun would have it ("the businessman", "the retired neurosurgeon": the
    salient person; "the group", "the magazine": the organisation named last whose name
    shows no other kind).  Left unresolved: a plural ("the officials"), a possessive inside
    ("the state’s governor"), a document ("the report"), a noun for someone unnamed ("the
    woman"), a role the reported event gives (:func:`event_role`: "the judge", "the fire
    chief"), a head introduced just before with "a" ("an organiser … the organiser"), and a
    figure other than an age that opens it; an age and a noun ("the 47-year-old teacher") only
    for a salient person the text told nothing else of (:func:`known_otherwise`), and an
    organisation whose name shows no kind when one named later in the paragraph shows it."""
    lows = [w.lower() for w in words]
    head = lows[-1]
    if len(words) > DESCRIPTION_WORDS or is_plural(head) or any(w.endswith(POSSESSIVES) for w in words[:-1]) \
            or head in lexicon.lower_words("extract/document_nouns.txt") \
            or any(w[:1].isdigit() for w in words) and not lone_age(words[:1]):
        return None
    if head in org_nouns():
        eid = next((e for k, e in enumerate(sal.recent) if (model.entities[e].type == "organisation"
                                                             or k < 2 and bare_name(text, model.entities[e]))
                    and kinds.kind_fits(head, model.entities[e].name) and not other_kind(head, model.entities[e].roles)
                    and not institution(head, model.entities[e].name) and e not in sal.excluded_all), None)
        if eid is not None and shown_after(model, head, model.entities[eid].name, start, sal.rank_of):
            return None
        if eid is not None and model.entities[eid].type == "person":
            model.entities[eid].type = "organisation"     # "Orvane reported a loss … The company said"
        return eid
    office = head in kinds.jurisdiction_nouns() and "of" in lows      # "the secretary of state", no "the state"
    if not (kinds.person_head(head) or office or lone_age(words)) \
            or head in lexicon.lower_words("extract/anonymous_nouns.txt") \
            or head in kinds.body_heads() or event_role(lows) or introduced_unnamed(text, head, start):
        return None
    eid, _ = sal.person_for(kinds.gendered_nouns().get(head), start, sal.excluded_all, pronoun=False)
    if eid is not None and lows[0][:1].isdigit() and age_clash(model.entities[eid].roles, words[:1]):
        eid, _ = sal.person_for(kinds.gendered_nouns().get(head), start, sal.excluded_all | {eid}, pronoun=False)
        # ("Her husband, Ross, 77, waited …  “…,” the 74-year-old said": the one before him)
    if eid is not None and sal.unnamed_speaks(eid, start):
        return None                       # "One shareholder said … “…,” the investor said": not the one named before
    if eid is not None and other_calling(model.entities[eid], lows):
        nxt, _ = sal.person_for(kinds.gendered_nouns().get(head), start, sal.excluded_all | {eid}, pronoun=False)
        eid = nxt if nxt is not None and not other_calling(model.entities[nxt], lows) \
            and sal.times.get(nxt, 0) >= CALLING_TOLD * sal.times.get(eid, 0) \
            and not named_within(text, start, model.entities[nxt]) else eid
        # ("…,” said Ari Fleischer, former press secretary. … Instead, the businessman has insisted": not him)
    return None if eid is not None and (lows[0][:1].isdigit() and (age_clash(model.entities[eid].roles, words[:1])
                                                                   or len(words) > 1 and known_otherwise(model.entities[eid]))
                                        or office_unheld(model.entities[eid], lows)
                                        or other_office(model.entities[eid], lows)
                                        or party_clash(words, model.entities[eid].roles)) else eid


def other_calling(ent: em.EntityState, lows: list[str]) -> bool:
    """Whether the text gave a person an office or occupation (a title or role whose head is a
    title word, data/text/titles.txt; no honorific, party, family noun or rank alone) and none that a
    description's calling fits ("Ari Fleischer, former press secretary" is no "the
    businessman"; "Mayor Bill Ruiz" no "the candidate"): the description is someone else.
    A description of anyone ("the man", "the woman") is nobody's calling."""
    head = lows[-1]
    if head in ("man", "woman") or kinds.private_noun(head) and not head.endswith(("man", "woman")):
        return False
    titles, honorifics = lexicon.lower_words("text/titles.txt"), _lists().honorifics
    phrase = em.role_key(lows)
    held = [r for r in (*ent.roles, (ent.title or "").lower()) if r and not AGE_ROLE.fullmatch(r)]
    callings = {r.split()[-1] for r in held if r.split()[-1] in titles and r.split()[-1].rstrip(".") not in honorifics
                and not kinds.private_noun(r.split()[-1]) and r.split()[-1] not in RANKS
                and r.split()[-1] not in parties()}     # ("the defeated Conservative" holds no office)
    return bool(callings) and head not in callings and not any(em.roles_match(phrase, r) for r in held)


CLAUSE_REACH = 150            # characters of a description's sentence read for a name inside it
_CLAUSE_END = re.compile(r"[.;!?]")


def named_within(text: str, start: int, ent: em.EntityState) -> bool:
    """Whether a person's surname (or one-word name) is written in the sentence of a
    description from its start ("The delegate, who backs Ruiz, warned": not Ruiz), within
    CLAUSE_REACH characters."""
    end = _CLAUSE_END.search(text, start, start + CLAUSE_REACH)
    word = ent.surname or ent.name.split()[-1]
    return re.search(r"(?<![\w’'])" + re.escape(word) + r"(?![\w’'])",
                     text[start:end.start() if end else start + CLAUSE_REACH]) is not None


def party_member(model: em.Model, sal, words: list[str], start: int) -> int | None:
    """The person a singular party epithet no one's shown party fits stands for ("Senator Amy
    Cole said …. The Texas Republican said"): the salient person, as news writes a party and
    place for the one just named, when the text showed that person no party or this one
    ("Republican Sen. John Ash … The Arizona Republican": another party, or a role with another
    US state, is someone else), no unnamed speaker came between, and the epithet is no plural
    ("the Texas Republicans")."""
    if is_plural(words[-1].lower()) or len(words) > DESCRIPTION_WORDS:
        return None
    eid, _ = sal.person_for(None, start, sal.excluded_all, pronoun=False)
    if eid is None or sal.unnamed_speaks(eid, start):
        return None
    roles = model.entities[eid].roles
    return None if party_of(roles) - {party_head(words)} or other_state(words, roles) else eid


def other_state(words: list[str], roles) -> bool:
    """Whether a person's roles name a US state (data/extract/state_names.txt) and a
    description names another ("florida governor" is no "the Arizona Republican")."""
    states = lexicon.lower_words("extract/state_names.txt")
    held = {s for r in roles for s in states if f" {s} " in f" {r} "}
    named = {s for s in states if f" {s} " in f" {' '.join(words).lower()} "}
    return bool(held) and bool(named) and not held & named


def known_otherwise(ent: em.EntityState) -> bool:
    """Whether the text gave a person a title or a role other than an age ("Senator Dana
    Reyes"): "the 34-year-old striker" then is someone new, while for "Marta Quillan", of whom
    nothing else was told, "the 47-year-old teacher" tells more."""
    return ent.title is not None or any(not AGE_ROLE.fullmatch(r) for r in ent.roles)


def party_clash(words: list[str], roles) -> bool:
    """Whether a description names a party, capitalised ("the Labour candidate", not "a
    conservative activist"), and the person's roles show only others ("Conservative Tim
    Hale"): not that person."""
    lows = [w.lower() for w in words if w[:1].isupper()]
    named = {parties()[w][0] for w in lows if w in parties() and parties()[w][1] != "letter"}
    held = party_of(roles)
    return bool(named) and bool(held) and not named & held


def bare_rank(phrase: str, role: str) -> bool:
    """Whether a role that is only a rank ("deputy", from "Governor Peter Ngata and his deputy,
    Ruth Wanje,") fits a description of that rank of an office ("the deputy governor").

    >>> bare_rank("deputy governor", "deputy"), bare_rank("governor", "deputy")
    (True, False)
    """
    return role in RANKS and role in phrase.split()[:-1]


def other_rank(phrase: str, role: str) -> bool:
    """Whether a role is a ranked form of the office a description names with no rank
    ("deputy health minister" for "the minister"): the same head, the description's words in
    it, a rank word (roles.RANKS) in the role only.  A description with a rank of its own
    ("the former president") says nothing of who holds another ("vice president")."""
    d, r = phrase.split(), role.split()
    return bool(d) and len(r) > 1 and d[-1] == r[-1] and not RANKS & set(d) \
        and bool(RANKS & set(r)) and set(d) <= set(r)


def event_role(lows: list[str]) -> bool:
    """Whether a description's lower-case words end in a role the reported event or institution
    gives its person ("the judge", "the fire chief", "the spokeswoman";
    data/extract/event_roles.txt): with no one named in that role, it is nobody named yet."""
    roles = lexicon.lower_words("extract/event_roles.txt")
    return lows[-1] in roles or len(lows) > 1 and f"{lows[-2]} {lows[-1]}" in roles


def party_fits(words: list[str], party: str, roles) -> bool:
    """Whether a person whose roles are ``roles`` is the party member a description names:
    the roles show the party, and every other word of the description ("Ardenne" in "the
    Ardenne Democrat", "Alabama" in "the Republican from Alabama") is among their words."""
    if party not in party_of(roles):
        return False
    known = {w for r in roles for w in r.split()}
    rest = [w.lower().strip(",.") for w in words]
    return all(w in known or w in ("from", "of") or parties().get(w, ("",))[0] == party for w in rest)


def bare_name(text: str, ent: em.EntityState) -> bool:
    """Whether a "person" is only a capitalised word the text never showed to be a person: one
    word, or a word and a noun the text also writes in lower case ("Fenwold Water", "Orvane
    Foods"), with no given name, title, role or gender ("Orvane" in "Orvane reported a loss"),
    which an organisation's description ("the company") may stand for when it is one of the
    two entities named last."""
    words = ent.name.split()
    return (len(words) == 1 or len(words) == 2 and written_lower(text, words[1])) and kinds.never_shown_person(ent)


def body_before_they(text: str, model: em.Model, sal, sstarts: list[int], start: int) -> int | None:
    """The body a sentence-opening "They" before a speech cue stands for when no organisation
    or group is at hand: the subject of the sentence before, a name never shown to be a
    person.  Either the name named last, as that sentence's subject
    (:func:`.kinds.never_shown_person`: "Brindle Hallam cancelled 40 trains.  They said …"),
    or, when the model knows no name there, the lone capitalised word opening that sentence
    that is plainly a name (:func:`.organisations.lone_subject`: "Orvane cancelled …. They
    said").  It is an organisation from then on.  None otherwise."""
    k = sal.sentence_of(start)
    eid = sal.recent[0] if sal.recent else None
    if eid is not None and kinds.never_shown_person(model.entities[eid]) \
            and sal.sentence_of(sal.last[eid][0]) == k - 1 and sal.judged_subject(eid) is True:
        model.entities[eid].type = "organisation"
        return eid
    name = lone_subject(text, sstarts[k - 2], sstarts[k - 1]) if k >= 2 else None
    return None if name is None else em.adhoc_org(model, name, sstarts[k - 2])


def institution(head: str, name: str) -> bool:
    """Whether a description of any organisation ("the group", "the organisation": "*" in
    data/extract/org_kinds.tsv) meets an institution's name, one people work or study in rather
    than form ("Westmere University", "University of Tarrow", "St Anne's Hospital":
    data/extract/institution_heads.txt, the name's last word or the word before "of"): the group
    it means is another."""
    words = [w.lower().strip("’'.,") for w in name.split()]
    if not words or "*" not in org_kinds().get(head, ()):
        return False
    last = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return last in lexicon.lower_words("extract/institution_heads.txt")


def other_kind(head: str, roles) -> bool:
    """Whether an organisation was introduced as another kind than a description's head names
    ("the French television station BFMTV" is no "the airline"; "Xinhua, the official news
    agency," is no "the panel"): a kind noun among its roles that does not fit the head."""
    kinds = [r for r in roles if introduces(r)]
    return bool(kinds) and not is_business(head, set(kinds)) and "*" not in org_kinds().get(head, ())

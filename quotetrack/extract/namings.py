"""Read the text once into the document's entity model (:mod:`.entities`): every run of
capitalised words that names a person or an organisation, where it is named (``Occurrence``)
and what the words around it show (a title, roles, gender; the author of a document named
with it).

A run is cut to the name it carries ("MSNBC’s Rachel Maddow", "David Ware of Clemson
University", "The Rachel Maddow Show"), read as an organisation's name when an organisation
word, a kind after it ("Family Circle magazine"), "for"/"and" joining its parts ("Center for
Civic Design", "Dunmore Fire and Rescue Service") or a publication's kind before it ("the
newspaper La Gaceta") shows one, and otherwise as a person's; a capitalised word nobody is
named by is passed over.
"""
from __future__ import annotations

import bisect
import re

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from ..text.names import address_split, given_name_title, is_particle
from .acronyms import BODY_INITIALS, INITIALS, initials_open_name, spelled_out
from .documents import authored_document, document_singular, joint_makers, made_documents, survey_after, survey_word
from .businesses import apposed_as, introduced_as, organisation_role, possessed_as
from .common_nouns import dated_word, y_singular, written_lower
from .given_names import adopt_given_name
from .headlines import before_headline_verb, before_title_case, clause_in_title, headline_line
from .kinds import dotted_kind_word, gendered_nouns, kin_before, kind_words, org_kinds, org_nouns, party_head
from .nations import nationality
from .organisations import body_named, common_head, possessor_in_name
from .roles import APPOSITION_AFTER, age_role, office_forms, roles_around
from .speakers import (bare_word, _is_person_name, _lists, _runs, split_title, office_complement,
                       past_date, past_function_words, title_gender)
from .entities import (GROUP_PLURAL, EntityState, Model, Occurrence, adhoc_org, bodies, family_name_first, first_names, given_name_at,
                       lone_name, name_words, named_person, org_alias, org_name, owned_body, role_key, sentence_form,
                       title_modifiers)

# The first half of an organisation's name joined by "and" / "&" before the run that ends in
# an organisation word: "Dunmore Fire and " in "Dunmore Fire and Rescue Service".
_ORG_BEFORE_AND = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*)*[ \t]+(?:and|&)[ \t]+$")
# The second half of an organisation's name with "of", joined by "and": " and Harbours" in "Office of
# Ports and Harbours" (one or two capitalised words, then a lower-case word or punctuation).
_AND_TAIL = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z][a-z’'\-]+(?:[ \t]+[A-Z][a-z’'\-]+)?(?=[ \t]+[a-z]|[,.;:)])")
# A lower-case noun right after a name: "campaign" in "the Good Jobs Nation campaign",
# "magazine" in "Family Circle magazine’s poll" (an organisation's kind, data/extract/org_kinds.tsv).
_ORG_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)(?=[’']s\b|[^\w’'\-]|$)")
# An organisation's first words before "for"/"of"/"on" and a name: "Center for " in "Center for
# American Progress", "Foundation for " in "the Foundation for Middle East Peace" (group 1: the
# word before "for", an organisation word when the run belongs to it).
_ORG_BEFORE_FOR = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*[ \t]+)*?([A-Z][\w’'\-]*)[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?$")
_JOINED_BY = ("for ", "of ", "on ", "the ")      # what _ORG_BEFORE_FOR ends with
# An ordinal opening an organisation's name: "3rd " in "3rd District Court of Appeals".
_ORDINAL_BEFORE = re.compile(r"(?<![\w’'])\d{1,3}(?:st|nd|rd|th)[ \t]+$")
_INITIAL = re.compile(r"[A-Z]\.")                 # a given name's initial: "J." in "J. Edgar Hale"
ROLE_READS = 3                            # namings of an entity read for roles and gender (introductions)
# The lower-case word after a person's name: "campaign" in "the Clinton campaign" (a body, data/extract/bodies.tsv).
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# The word "campaign" anywhere: a text that speaks of one ("ampaign" first, so the engine skips to it).
_CAMPAIGN = re.compile(r"ampaign(?<=\b[Cc]ampaign)")


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
                if word not in by_surname and word not in by_first \
                        and (written_lower(text, word) or lone_name(model, word) is None):   # not "Sharption": a slip
                    business = introduced_as(text, run[0][0], run[0][0] + len(word))
                    known = word in model.orgs       # "the retailer Zentro …. Zentro rose"
                    if business is None and not known and word not in model.org_ends \
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
        maker = _pollster(text, run, function)
        lone_maker = len(maker) == 1 < len(run) and not survey_word(run[-1][1])   # "A Monday Gallup poll"
        run = maker
        start = run[0][0]
        end = run[-1][0] + len(run[-1][1])
        words = [w for _, w in run]
        title, name = address_split(*split_title(words), by_surname)   # "Mr. Singer" after "Mark Singer"
        if len(words) == 1 and bare_word(words[0]).rstrip(".") in by_surname:
            title, name = [], words       # "For Major, a retiree": a surname that is also a title
        elif not title and given_name_title(name, by_surname) \
                and all(entities[e].first != name[0] for e in by_surname.get(name[1], ())):
            title, name = name[:1], name[1:]      # "Nana Asantewu" after "Nana Kwame Asantewu" (not "Nana Lind" again)
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
        if owner or kind_after or lone_maker or (business or known) and not titled or not titled and len(words) >= 2 and (
                INITIALS.fullmatch(words[0]) and not initials_open_name(text, start, words) or any(bare_word(w).lower() in org_words
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
            noun = (document_singular(document.group(1)) if document else None) or survey_after(text, end)
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
            cut = (0 if family_name_first(text, start, end, name) else given_name_at(name)) \
                or (len(name) - 2 if office_complement(text, start) else 0)
            # "Comedian Sarah Silverman", "Harbour Widow Ana Ruiz" (not "J. Edgar Hale"); "Minister for Water Declan Moriarty"
            title, name = name[:cut], name[cut:]
        if not title and len(name) > 1 and " ".join(name) in model.orgs \
                or _named_as_body(text, start, end, title, name, by_surname):
            occurrences.append(Occurrence(start, end, adhoc_org(model, " ".join(name), start), inside(start)))
            continue                      # "the newspaper La Gaceta", "El Diario"
        if not _is_person_name(name) or (len(name) > 1 and all(w.isupper() for w in name)) \
                or ((not title or len(name) == 1) and GROUP_PLURAL.fullmatch(name[-1])) \
                or not title and len(name) > 1 and (nationality(name[-1:]) or nationality(name[-2:])) \
                and (name[0] not in first_names() or nationality(name[:1])):
            continue                      # not a name: "FULL TEXT", groups ("Turkish Americans"), "an African American", "a South Korean"
        if (len(words) > 2 or len(run) == 2 and text[start - 1:start] in ("", "\n") and words[0] not in first_names()) \
                and words[0].endswith("ing") and words[0][:1].isupper() and not title:
            words, start = words[1:], run[1][0]      # "Using Ted Cruz", "Asked …"; a title line's "Debating Ruiz’s"
            title, name = split_title(words)
            name = name_words(name)
        alias = org_alias(model, " ".join(name), start) if not title and model.org_ends \
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
                eid = named_person(model, name, title, start, given=kin is not None)
        else:
            adopt_given_name(model, text, name, start)    # "Understated Perez" (a headline), then "Thomas Perez"
            eid = named_person(model, name, title, start)
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
            ent.type = "organisation" if organisation_role(ent, first_names()) else ent.type   # "the Dutch newspaper X"
        elif len(name) == 1 and (age := age_role(text, end)) is not None:
            ent.roles.add(age)            # "Orrell, 19, said": his age, read after his lone name too
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


def _pollster(text: str, run: list, function) -> list:
    """A run that makes a survey cut to its maker: without the survey noun written in the name
    ("a Harlow Consult Poll"), and, when a survey is in it or right after it, without an opening
    "A" and a day or month ("A September Harlow Consult poll", "May’s Harlow Consult poll":
    "Harlow Consult"; data/extract/calendar_words.txt); "the Sunday Times" keeps its day."""
    in_name = len(run) > 1 and survey_word(run[-1][1])
    if in_name:
        run = run[:-1]
    elif len(run) < 2 or survey_after(text, run[-1][0] + len(run[-1][1])) is None:
        return run
    if len(run) > 1 and run[0][1].lower() in function:
        run = run[1:]                     # "A": a sentence's article, no part of the name
    if len(run) > 1 and dated_word(run[0][1]):
        run = run[1:]                     # "September", "May’s": when the poll was taken
    return run


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
        noun = document_singular(after.group(1)) or survey_after(text, end)     # "the KTRV exit poll"
        return noun if noun not in lexicon.sections("extract/author_nouns.txt")["activities"] else None
    survey = survey_after(text, end)      # "a new KTRV poll", "a KTRV tracking poll"
    return survey if survey and _INDEFINITE_BEFORE.search(text, max(0, start - 30), start) else None


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
    if before and (before[-1] in org_nouns() and not (len(name) == 1 and name[0] in by_surname)
                   or before == ["told", "the"]):
        return True                       # "the newspaper La Gaceta", "told the Dunmore Courier" (not "the
    #                                       campaign Ayotte hoped to run": a known person's surname after it)
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

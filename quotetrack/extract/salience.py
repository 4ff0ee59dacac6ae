"""The running salience of a document's entities for :mod:`.resolve`: who was named last,
where and whether as a subject, who spoke last; and the he/she choice on it
(:meth:`Salience.person_for`): the most salient compatible person, never an organisation, never
a gender clash, with a warning when the runner-up is close.

The weights were set on the hand-resolved gold in corpus/resolution/ (``quotetrack eval
--resolution``), never on single articles.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVES
from ..text.names import without_marks
from . import entities as em
from .ages import age_clash, lone_age
from .genders import possessive_genders
from .kin import family_names
from .owners import fronted, possessor, sole_owner
from . import kinds
from .anaphora import (SENTENCE_BREAK, cleft_focus, described_after, fronted_object, listed, object_apposition,
                       opening_subordinate, opens_clause, opens_sentence, passive_agent, presented, subordinate_subject,
                       title_modifier, topic)
from .speakers import PERSON_PRONOUNS, POSSESSIVE_PRONOUNS, main_subject

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

WINDOW = 2                    # paragraphs a pronoun looks back for a compatible person or group
HINT_CLASH = 1.0              # minus, when the narrative's last pronoun for it had the other gender
CLOSE = 0.5                   # a runner-up this close to the best gets a warning
TIE = 0.05                    # this close, no guess: he/she stays unresolved, the warning names both
# Salience of a candidate for he/she (set on the resolution gold):
PER_SENTENCE = 0.4            # minus, for each sentence naming another candidate since
SUBJECT = 1.0                 # its last naming was the subject of a clause
SPEAKER = 1.2                 # it is the current speaker (within WINDOW paragraphs)
GENDER_SHOWN = 0.3            # the text has shown it to be of the pronoun's gender
PER_PARAGRAPH = 0.3           # minus, for each paragraph since its last naming
NEW_SUBJECT = 1.0             # a subject named since the current speaker's last quote
UNSHOWN = 3.0                 # minus, for a one-word name never shown to be a person ("Gallup", :func:`unshown`)
INTRODUCED = 1.5              # the one person introduced (role/title) in the sentence before (this or the last paragraph)
MODIFIER = 0.5                # minus, when its last naming only modified a title ("Ruiz spokesman Tom Greer")
PAIR_REACH = 4                # entities named last a sentence-opening "They" looks at for two subjects
CLAUSE_MATE = 2.0             # named earlier in the sentence whose subordinate clause it opens ("…, when he told")
#                               or, as the subject, in the clause its ", and"/", but" clause is joined to
#                               ("Ruiz thanked Ames, but she said"): a joined clause goes on with the subject
AHEAD = 8                     # namings read forward for a he/she no one before it can be ("After she …, Ana Ruiz")
LEAD = 2                      # paragraph ranks of the lead (headline, subtitle, first paragraph):
#                               where a he/she may precede its name


@lru_cache(maxsize=1)
def _anonymous() -> frozenset[str]:
    return lexicon.lower_words("extract/anonymous_nouns.txt")


@lru_cache(maxsize=1)
def _subordinators() -> frozenset[str]:
    return frozenset(_words.subordinators)


@lru_cache(maxsize=1)
def _conjunctions() -> frozenset[str]:
    return frozenset(_words.conjunctions)


@lru_cache(maxsize=1)
def _given_genders() -> dict[str, str]:
    return lexicon.pairs("text/given_name_genders.tsv")


def unshown(ent: em.EntityState) -> bool:
    """Whether a "person" is one capitalised word the text never showed to be a person (no
    given name, title, role or gender: "Pollwright", "Truthmeter.org"): a he/she goes to it
    only when no one else is at hand (:meth:`Salience.person_for`)."""
    return " " not in ent.name and kinds.never_shown_person(ent)


def may_be(ent: em.EntityState, gender: str | None) -> bool:
    """Whether a he/she (of ``gender``: "m", "f"; None for one that shows none) may stand for
    an entity: a person, not an event named like one ("Election Day", :func:`.kinds.event_name`),
    whose gender as shown (:func:`gender_of`) is none or that one."""
    return ent.type == "person" and not kinds.event_name(ent) and gender_of(ent) in (None, gender)


def gender_of(ent: em.EntityState) -> str | None:
    """The gender of a person as the text shows it (an honorific, "the mother", a pronoun
    taken for it), else as its given name shows it (data/text/given_name_genders.tsv: "Maria",
    not "Kelly"; "Siobhán" as "Siobhan"): a clue for he/she only, never written into the speaker's record."""
    return ent.gender or (_given_genders().get(without_marks(ent.first).lower()) if ent.first is not None else None)


OPENER_REACH = 300             # characters back to the start of a pronoun's sentence
# A sentence's end or a paragraph's start (the next sentence opens at its end).
_SENTENCE_BREAK = re.compile(SENTENCE_BREAK)
# A participle opening a sentence, then a lower-case word: "Speaking to", "Asked whether",
# "Dismayed by" (group 1: the participle).
_PARTICIPLE = re.compile(r"([A-Z][a-z]{2,}(?:ing|ed))[ \t]+[a-z]")
# A sentence opening with a possessive and a role, right before a name in apposition to it:
# "Her mother, " (group 1: the possessive; group 2: the role's head).
_KIN_BEFORE = re.compile(r"(?:^|" + SENTENCE_BREAK + r")(His|Her)[ \t]+(?:[a-z][\w\-]*[ \t]+){0,2}([a-z][\w\-]*),[ \t]+$")
# A verb of being after the name in apposition: the sentence describes the relative, who does
# nothing in it: ", was a weaver", ", 81, has been ill".
_BACKGROUND_AFTER = re.compile(r"(?:,[ \t]+\d+)?,[ \t]+(?:is|was|had been|has been|died)(?![\w’'])")
# A subordinator right before a pronoun, after a comma or a word: ", when ", " after " (group 1).
_SUBORDINATOR_BEFORE = re.compile(r"(?<![\w’'])([a-z]+)[ \t]+$")
# A comma between two names of a list: "Ana Ruiz, " before "Tom Vance and Piet Ames".
_LIST_COMMA = re.compile(r",[ \t]+")
# A capitalised word and a comma right before a name: "Hoek, " in "Pieter van der Hoek, Mr. Pratt’s lawyer".
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w’'.\-]*,[ \t]+$")
_POSSESSIVE = re.compile(r"[’']s?(?![\w’'])")   # the possessive after a name: "’s", "'s", "’"
# What joins two names into a pair: " and ", " & ".
_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+")


class Salience:
    """Running state of the sweep in text order: the entities named most recently (at most
    ``entities.RECENT``, names inside quote marks left out: the speaker's words), where and
    whether as a subject (judged only when a pronoun needs it); the current speaker."""

    def __init__(self, text: str, model: em.Model, rank_of, sentence_of):
        self.text = text
        self.model = model
        self.sentence_of = sentence_of
        self.rank_of = rank_of            # offset -> paragraph rank
        self.recent: list[int] = []
        self.last: dict[int, tuple[int, bool, int]] = {}     # id -> (offset, subject, paragraph rank)
        self.speaker: int | None = None
        self.speaker_rank = 0
        self.speaker_at = -1
        self.speaker_end = 0              # where the current speaker's mention ends ("Ben Ortiz, the mayor")
        self.said: tuple[tuple[int, int], ...] = ()   # the spans of what the current speaker said last
        self.quoted: int | None = None    # the entity named last inside quote marks
        self.speakers: set[int] = set()   # the entities that have spoken so far
        self.excluded: set[int] = set()   # named in the content of the attribution being resolved:
        self.excluded_all: set[int] = set()   # as its subject or in a quotation; anywhere
        self.i = 0
        self.anaphors: list[tuple] = []   # narrative he/she and descriptions (:func:`.anaphora.anaphors`)
        self.k = 0
        self.first: dict[int, int] = {}   # id -> where it is first named
        self.newcomer = -1                # where the last person introduced with a role is named
        self.fresh, self.fresh_sent, self.intro = -1, -1, (-1, None)   # one introduced alone since; (sentence, person)
        self.named: dict[int, int] = {}   # id -> where it is last named (not by a pronoun)
        self.hinted: dict[int, str] = {}  # id -> the gender of the last narrative pronoun taken for it
        self.alone = False                # the last pronoun had one compatible person only
        self.unnamed_at = -1              # where an unnamed person ("the woman") last spoke
        self.unnamed = None               # and how it was resolved (a resolved.Resolved)
        self.stranger: tuple[int, int, str | None] | None = None   # "The woman who …": (start, end, gender)
        self.prev: em.Occurrence | None = None   # the naming taken in last (outside quote marks)
        self.prev_end = self.listed_end = 0       # where it and the one before it end
        self.pair: tuple[int, int, int] | None = None   # (offset, a, b): the last "A and B" of two people
        self.turns: tuple[int, int, int] | None = None   # (offset of b, a, b): the last two people to speak in turn
        self.authors = None           # who the text's "I" is (:func:`.narrators.narration`)
        self.times: dict[int, int] = {}   # id -> namings so far outside quote marks (how much the text is about it)
        self.rivals: dict[int, str | None] = {}   # description offset -> the warning naming two close organisations
        self.they: frozenset[int] = frozenset()   # people the text says go by "they" (:func:`.anaphora.they_people`)
        family_names(text, model, gender_of)      # "his wife, Jane,": named Jane Sanders (:mod:`.kin`)
        possessive_genders(text, model)           # "Ruiz won two primaries: his home state" (:mod:`.genders`)

    def advance(self, offset: int) -> None:
        """Take in every naming before ``offset``, and every he/she of the narrative (each
        resolved as it comes and kept as the subject it is: "She grew up in Lake City. …")."""
        occ, ana = self.model.occurrences, self.anaphors
        while True:
            o = occ[self.i] if self.i < len(occ) and occ[self.i].start < offset else None
            at = ana[self.k][0] if self.k < len(ana) and ana[self.k][0] < offset else None
            if o is None and at is None:
                return
            if o is not None and (at is None or o.start <= at):
                if not o.quoted:
                    self.times[o.entity] = self.times.get(o.entity, 0) + 1
                    self._pairs(o)
                    owner = self._kin_owner(o)
                    if owner is not None:     # "Her mother, Anna Kell, was …": "her" is the one to go on with
                        self.touch(owner, o.start - 1, True, named=False)
                    kept = (self.intro, self.fresh, self.fresh_sent, self.newcomer)
                    self.touch(o.entity, o.start, False if owner is not None else None, o.end)
                    if owner is not None:     # and the relative is no newcomer the next he/she turns to
                        self.intro, self.fresh, self.fresh_sent, self.newcomer = kept
                else:
                    self.quoted = o.entity
                self.i += 1
                continue
            _, end, gender, phrase = ana[self.k]
            self.k += 1
            if phrase is not None:        # "the admiral chuckled": the recent person with that role
                eid = next((e for e in self.recent if self.model.entities[e].type == "person" and any(
                    em.roles_match(phrase, r) for r in self.model.entities[e].roles)), None)
                if eid is None:               # no recent one: the one person seen so far the text gave that role
                    eid = self._sole_role(phrase)
                if eid is None and lone_age(phrase.split()):     # "the 24-year-old needed …"
                    eid = self.person_for(None, at, set(), pronoun=False)[0]
                    eid = None if eid is None or age_clash(self.model.entities[eid].roles, [phrase]) else eid
                    if eid is not None:
                        self.model.entities[eid].roles.add(phrase)
                if eid is not None:
                    self.touch(eid, at, kinds.description_subject(self.text, at, end))
                elif phrase in _anonymous() \
                        and kinds.description_subject(self.text, at, end):
                    self.stranger = (at, end, kinds.gendered_nouns().get(phrase))   # "The woman who …"
                continue
            eid, _ = self.person_for(gender, at, set())
            if eid is not None:
                self.hinted[eid] = gender
                if self.alone:            # the only person it can be: the text shows the gender
                    ent = self.model.entities[eid]
                    ent.gender = ent.gender or gender
                self.touch(eid, at, True, named=False)

    def _participle_opener(self, offset: int) -> int | None:
        """Where the sentence opens when it opens with a participle phrase and the he/she at
        ``offset`` comes right after its comma ("Speaking to reporters after Ben Ortiz left,
        he said"; "Asked about Ortiz, she said"): the phrase's unstated subject is the
        pronoun, so no one named inside the phrase is it.  None otherwise."""
        text = self.text
        if not text.endswith(", ", 0, offset):
            return None
        lo = max(0, offset - OPENER_REACH)
        start = lo if lo == 0 else None
        for m in _SENTENCE_BREAK.finditer(text, lo, offset):
            start = m.end()
        if start is None:
            return None
        m = _PARTICIPLE.match(text, start)
        if m is None or m.group(1) in em.first_names() or any(c in text[start:offset] for c in ";:“”\"()"):
            return None
        return start

    def _sole_role(self, phrase: str) -> int | None:
        """The one person named so far whom the text gave the role ``phrase`` ("That husband,
        Tomas Hale, …" and pages later "Her husband watches"; "Ana Ruiz, 31," and later "the
        31-year-old"), or None when no one or several were."""
        ents = self.model.entities
        found = [e for e in self.last
                 if ents[e].type == "person" and any(em.roles_match(phrase, r) for r in ents[e].roles)]
        return found[0] if len(found) == 1 else None

    def _kin_owner(self, o: em.Occurrence) -> int | None:
        """The person a sentence-opening possessive stands for when a name is in apposition to
        it and a verb of being follows ("Her mother, Anna Kell, was a weaver"): the sentence
        describes the relative, but its pronoun keeps the salient person the one a later
        "she" goes on with.  Not when the relative acts ("His deputy, Paul Hale, disagreed")."""
        if not self.text.endswith(", ", 0, o.start):
            return None
        m = _KIN_BEFORE.search(self.text, max(0, o.start - 48), o.start)
        if m is None or self.model.entities[o.entity].type != "person" or not kinds.person_head(m.group(2).lower()) \
                or not _BACKGROUND_AFTER.match(self.text, o.end):    # "His deputy, Paul Hale, disagreed": the deputy acts
            return None
        owner, _ = self.person_for(POSSESSIVE_PRONOUNS[m.group(1).lower()], m.start(1), set())
        return owner if owner != o.entity else None

    def _pairs(self, o: em.Occurrence) -> None:
        """Note "A and B" when two different people are named joined by "and" ("Hillary
        Clinton and Bernie Sanders"): the pair "they" or "both" may stand for."""
        p, before = self.prev, self.listed_end
        self.prev = o
        self.listed_end, self.prev_end = self.prev_end, o.end     # where the naming before p ends
        if p is None or p.entity == o.entity or not _AND.fullmatch(self.text, p.end, o.start):
            return
        ents = self.model.entities
        if ents[p.entity].type == "person" and ents[o.entity].type == "person" \
                and not _LIST_COMMA.fullmatch(self.text, before, p.start):   # not "A, B and C"
            self.pair = (p.start, p.entity, o.entity)

    def touch(self, eid: int, offset: int, subject: bool | None, end: int = 0, named: bool = True) -> None:
        """Note that ``eid`` is named at text[offset:end] (``named`` False: a pronoun stands for
        it there); ``subject`` None: judged when needed."""
        if named:
            self.named[eid] = offset
        if eid not in self.first:
            self.first[eid] = offset
            ent = self.model.entities[eid]
            role = ent.roles or (end and described_after(self.text, end))   # "Ada Ruiz, who lives …"
            if ent.type == "person" and (role or ent.title):   # with a role or title (two in a sentence: neither)
                sentence = self.sentence_of(offset)
                self.intro = (sentence, None if sentence == self.intro[0] else eid)
            if ent.type == "person" and role and self.rank_of(offset) > self.speaker_rank:
                self.newcomer = offset    # a person introduced with a role, past the speaker's paragraph
            elif ent.type == "person" and role and self.sentence_of(offset) > self.sentence_of(self.speaker_at):
                sent = self.sentence_of(offset)   # one person with a role ("came from analyst Y"), not a list
                self.fresh, self.fresh_sent = (-1 if sent == self.fresh_sent else offset), sent
        if eid in self.recent:
            self.recent.remove(eid)
        self.recent.insert(0, eid)
        del self.recent[em.RECENT:]
        self.last[eid] = (offset, subject if subject is not None else end, self.rank_of(offset))

    def subject_pair(self, offset: int) -> tuple[int, int, int] | None:
        """(offset, a, b) when the last two people named as subjects, within the last
        PAIR_REACH entities named, are the subjects of the two sentences before ``offset`` in
        its paragraph, one each ("Lina Cole is one of its backers. Her neighbour Sam Oduya
        chairs the traders’ group. They say …"): the pair a sentence-opening "They" stands
        for (anyone else named in those sentences is an object)."""
        if not opens_sentence(self.text, offset):
            return None
        sent, rank = self.sentence_of(offset), self.rank_of(offset)
        people = []
        for eid in self.recent[:PAIR_REACH]:
            at, _, prank = self.last[eid]
            if prank != rank or self.sentence_of(at) < sent - 2:
                break
            if self.model.entities[eid].type != "person" or self.named.get(eid) != at:
                continue
            if self.judged_subject(eid) is True:
                people.append(eid)
        if len(people) < 2 or {self.sentence_of(self.last[e][0]) for e in people[:2]} != {sent - 1, sent - 2}:
            return None
        b, a = people[:2]
        return self.last[a][0], a, b

    def they_person(self, offset: int) -> int | None:
        """The person a "they" at ``offset`` stands for when the text said that person goes by
        "they" (:func:`.anaphora.they_people`) and is the one named last, or the current
        speaker, within WINDOW paragraphs; else None."""
        if not self.they:
            return None
        rank = self.rank_of(offset)
        last = next((e for e in self.recent if self.model.entities[e].type == "person"), None)
        for eid in (last, self.speaker):
            if eid in self.they and rank - self.last[eid][2] <= WINDOW:
                return eid
        return None

    def ahead(self, gender: str, offset: int) -> int | None:
        """The person a he/she at ``offset`` stands for when no one named before it can be
        (a lead or a subtitle that opens with the pronoun: "After she lost the vote, Ana Ruiz
        …"; "She points to …. Ana Ruiz’s campaign …"; within the LEAD paragraphs only: later,
        an unnamed "one employee" is the she): the first person named after it, outside
        quote marks, in its paragraph or the next, as a clause's subject, whose gender the text or
        the given name shows to be the pronoun's (not "… the Harry Potter books"); among the
        next AHEAD namings only.  None otherwise."""
        occ, rank = self.model.occurrences, self.rank_of(offset)
        if rank > LEAD:
            return None
        i = bisect.bisect_left(self.model.starts, offset)
        for o in occ[i:i + AHEAD]:
            if self.rank_of(o.start) - rank > 1:
                return None
            ent = self.model.entities[o.entity]
            if not o.quoted and ent.type == "person" and gender_of(ent) == gender \
                    and self._judge(o.start, o.end) is True:
                return o.entity
        return None

    def unnamed_speaks(self, eid: int, offset: int) -> bool:
        """Whether an unnamed person ("said the woman") spoke after ``eid`` was last named, in
        this paragraph or the one before: "he"/"she" goes on with that unnamed speaker."""
        return self.unnamed_at > self.last.get(eid, (-1,))[0] \
            and self.rank_of(offset) - self.rank_of(self.unnamed_at) <= 1

    def stranger_goes_on(self, eid: int, offset: int, gender: str) -> tuple[int, int] | None:
        """Where an unnamed person ("The woman who received the photos has …") was last the
        subject of a sentence, after ``eid`` was last named, in this paragraph or the one
        before, of no other gender: the he/she at ``offset`` goes on with that person."""
        if self.stranger is None:
            return None
        at, end, shown = self.stranger
        if at <= self.last.get(eid, (-1,))[0] or shown not in (None, gender) \
                or self.rank_of(offset) - self.rank_of(at) > 1:
            return None
        return at, end

    def may_say(self, source: str) -> set[int] | None:
        """The speakers a content opening with their name may still be said by ("Ruiz read it
        on a train, she said"): the current speaker alone when it could be this he/she (so
        "Also, Vance isn't a reformer, he said" after Drost spoke is Drost), else all; None
        (anyone) when no one has spoken yet ("Ruiz backed Ames while the mayor ran, she said"
        opening the story: the content's subject is the one salient person who can say it)."""
        if self.speaker is None:
            return None
        gender = PERSON_PRONOUNS.get(source.lower())
        ent = self.model.entities[self.speaker] if self.speaker is not None else None
        if gender is not None and ent is not None and ent.type == "person" and gender_of(ent) in (None, gender):
            return {self.speaker}
        return self.speakers

    def spoke(self, eid: int | None, offset: int, end: int = 0, content=()) -> None:
        """``eid`` is the speaker of the attribution whose source is at ``offset`` and whose
        content is ``content`` (its fragments' spans)."""
        if eid is not None:
            self.said = tuple(content) if self.model.entities[eid].type == "person" else ()
            ents = self.model.entities
            if self.speaker is not None and self.speaker != eid \
                    and ents[eid].type == ents[self.speaker].type == "person":
                self.turns = (offset, self.speaker, eid)
            self.speaker, self.speaker_rank, self.speaker_at = eid, self.rank_of(offset), offset
            self.speaker_end = max(end, offset + 1)
            self.speakers.add(eid)
            self.touch(eid, offset, True)

    def judged_subject(self, eid: int) -> bool | str:
        """Whether ``eid`` was last named as a clause's subject (:meth:`_judge`), judged on the
        first asking, when the end of the name is all that was kept, and remembered."""
        at, subject, prank = self.last[eid]
        if not isinstance(subject, bool) and subject not in ("clause", "modifier", "owner"):
            subject = self._judge(at, subject)
            self.last[eid] = (at, subject, prank)
        return subject

    def _judge(self, at: int, end: int) -> bool | str:
        """Whether the name text[at:end] is a clause's subject: True, False, "clause" for
        the subject of a subordinate clause (a subject for a pronoun of its own sentence), or
        "modifier" for a name that only modifies a title before another name."""
        text = self.text
        if (text.startswith(POSSESSIVES, end) or text.endswith(POSSESSIVES, at, end)) and not opens_sentence(text, at):
            owned = _POSSESSIVE.match(text, end)
            if not _NAME_COMMA_BEFORE.search(text, max(0, at - 40), at) and main_subject(text, at, owned.end() if owned else end):
                return "clause"           # "For months, Mrs. Ruiz’s campaign lacked the energy she …": her sentence's topic
            if not _NAME_COMMA_BEFORE.search(text, max(0, at - 40), at) and possessor(text, owned.end() if owned else end) \
                    and fronted(text, at):
                return "owner"            # "where Ms. Ruiz’s standing fell after her vote": the one the sentence is about
            return False                  # "Pieter van der Hoek, Mr. Pratt’s lawyer, …": Pratt is no subject
        if fronted_object(text, at):
            return False                  # "Against Ruiz on Tuesday, she lost": Ruiz is no subject
        if title_modifier(text, end):
            return "modifier"             # "McConnell spokesman Don Stewart": Stewart is the subject
        if opening_subordinate(text, at):
            return "clause"               # "When Ames tried to answer, Ruiz cut him off": Ruiz is the subject
        if (main_subject(text, at, end) or opens_clause(text, at)) \
                and not object_apposition(text, at, end) and not listed(text, at, end):
            return True
        if subordinate_subject(text, at):
            return "clause"
        return passive_agent(text, at, end) or cleft_focus(text, at, end) or presented(text, at) or topic(text, at, end)

    def _candidates(self, speaker: bool) -> list[int]:
        """The entities a pronoun may stand for: the recent ones and (``speaker``) the current
        speaker, even when a list of names has pushed it out ("…,” Ames said of Lund, Ruiz,
        Ortiz …. She …")."""
        if not speaker or self.speaker is None or self.speaker in self.recent:
            return self.recent
        return [*self.recent, self.speaker]

    def _held(self, sentence: int, gender: str | None, speaker: bool) -> bool:
        """Whether a person the pronoun may stand for, other than the one the sentence
        ``sentence`` introduces, was last named as that sentence's subject ("He attended the
        rally, though he may vote for Sen. Ted Ames. “…,” he said": the newcomer Ames is an
        object there, no one the next he/she turns to).  Among the recent entities only."""
        if self.intro[0] != sentence or self.intro[1] is None:
            return False
        for eid in self._candidates(speaker):
            ent = self.model.entities[eid]
            at = self.last[eid][0]
            if eid != self.intro[1] and may_be(ent, gender) \
                    and self.sentence_of(at) == sentence and self.judged_subject(eid) is True:
                return True
        return False

    def person_for(self, gender: str | None, offset: int, exclude: set[int] | None = None,
                   pronoun: bool = True) -> tuple[int | None, str | None]:
        """The most salient person compatible with "he"/"she" (never an organisation, never a
        gender clash; a one-word name never shown to be a person, :func:`unshown`, only when no
        one else is), and a warning when the runner-up is close; when the two are equally
        salient, no one (a he/she is left unresolved) and a warning naming both.  Beyond
        WINDOW paragraphs only the person named last is left, without a rival.  (``pronoun`` False: for a
        description, among the recent entities only.)"""
        rank = self.rank_of(offset)
        opener = self._participle_opener(offset) if pronoun else None
        sub = _SUBORDINATOR_BEFORE.search(self.text, max(0, offset - 12), offset) if pronoun else None
        clause = self.sentence_of(offset) if sub is not None and sub.group(1) in _subordinators() else None
        joined = self.sentence_of(offset) if sub is not None and sub.group(1) in _conjunctions() \
            and self.text.endswith(", ", 0, sub.start()) else None    # "Ruiz thanked Ames, but she said"
        scored = []
        later: list[int] = []             # sentences of the candidates named after this one
        fallback = None
        held = self._held(self.sentence_of(offset) - 1, gender, pronoun)
        for eid in self._candidates(pronoun):
            ent = self.model.entities[eid]
            if not may_be(ent, gender if gender is not None else gender_of(ent)) \
                    or eid in (self.excluded if exclude is None else exclude):    # (no gender: any person)
                continue
            at, _, prank = self.last[eid]
            if opener is not None and opener <= self.named.get(eid, -1):
                continue                  # "Speaking after Ortiz left, he said": the one speaking is no Ortiz
            if rank - prank > WINDOW:
                fallback = eid if fallback is None else fallback
                continue
            subject = self.judged_subject(eid)
            if subject is True and eid != self.speaker and any(a <= at < b for a, b in self.said):
                subject = False           # "Ortiz’s plan may fail, said Hale. “…,” he said": what Hale said
            sent = self.sentence_of(at)
            modifier = subject == "modifier"
            if subject == "owner":        # the one person named in its sentence, only as an owner
                subject = "clause" if sole_owner(self, eid, sent) else False
            subject = subject is True or subject == "clause" and (sent == self.sentence_of(offset) or   # "…, when
                pronoun and sent == self.sentence_of(offset) - 1 and opens_sentence(self.text, offset))   # Ruiz was …. She said"
            score = -PER_SENTENCE * len({s for s in later if s != sent})
            later.append(sent)
            score += SUBJECT if subject else 0.0
            score += SPEAKER if eid == self.speaker and rank - self.speaker_rank <= WINDOW \
                and self.newcomer <= self.speaker_at and not (self.fresh > self.speaker_at and not held and \
                self.sentence_of(self.fresh) == self.sentence_of(offset) - 1) else 0.0   # "came from Y. She said"
            score += GENDER_SHOWN if gender is not None and ent.gender == gender else 0.0
            score -= PER_PARAGRAPH * (rank - prank)
            named = self.named.get(eid, -1)       # not the speaker's own cue ("said Ben Ortiz, the mayor")
            score += NEW_SUBJECT if subject and named >= self.speaker_end and (
                eid != self.speaker or self.sentence_of(named) != self.sentence_of(self.speaker_at)) else 0.0
            introduced = self.intro == (self.sentence_of(offset) - 1, eid)
            score += INTRODUCED if not subject and not held and rank - prank <= 1 and introduced \
                and self.sentence_of(self.speaker_at) != self.intro[0] else 0.0
            score -= MODIFIER if modifier else 0.0
            score += CLAUSE_MATE if clause is not None and sent == clause else 0.0
            score += CLAUSE_MATE if joined is not None and sent == joined and self.judged_subject(eid) is True else 0.0
            score -= UNSHOWN if pronoun and gender is not None and unshown(ent) else 0.0
            score -= HINT_CLASH if gender is not None and self.hinted.get(eid) not in (None, gender) else 0.0
            scored.append((score, -at, eid))
        self.alone = False
        if not scored:
            if fallback is None and self.quoted is not None:
                ent = self.model.entities[self.quoted]
                if may_be(ent, gender):
                    fallback = self.quoted        # nobody named outside quote marks
            return fallback, None
        scored.sort(reverse=True)
        self.alone = len(scored) == 1
        best = scored[0][2]
        warn = None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < CLOSE:
            names = f"{self.model.entities[best].name} or {self.model.entities[scored[1][2]].name}"
            if pronoun and scored[0][0] - scored[1][0] < TIE:
                shown = [e for _, _, e in scored[:2] if gender_of(self.model.entities[e]) == gender]
                if len(shown) != 1 or len(scored) > 2 and scored[0][0] - scored[2][0] < TIE:
                    return None, f"speaker unresolved: {names} (equally likely)"   # no guess
                other = scored[1][2] if shown[0] == best else best   # a tie, and only one of the two
                best = shown[0]           # shows the pronoun's gender (given_name_genders.tsv): that one
                names = f"{self.model.entities[best].name} or {self.model.entities[other].name}"
            warn = f"speaker uncertain: {names}"
        return best, warn

"""Stage 5, pronouns: the person, organisation or group a pronoun source stands for, on
:mod:`.entities`' model and :mod:`.salience`'s running state (:func:`resolve_pronoun`, for
:mod:`.resolve`, which walks the sources in text order).

* ``he``/``she``: the most salient compatible person (``pronoun``; :mod:`.salience`): never
  an organisation, never a gender the text shows otherwise (or, when it shows none, a
  common given name does: "Maria"), never a person its own content names in a quotation or
  opens with ("Also, Ames is wrong, he said"; a name in words the speaker reports, a nested
  quote or after "say", does not count), never the listener of its cue ("he told Ortiz"),
  never one named inside the participle phrase opening its sentence ("Speaking after Ortiz
  left, he said"); salience is recency (by sentence and paragraph), subject position (a
  passive's agent and a cleft's focus count; a name only modifying a title, "Ruiz spokesman
  Tom Greer", weighs less; a name inside what the speaker said last is no subject), being
  named earlier in the sentence whose subordinate clause the pronoun opens ("One of Ortiz’s
  attacks came in May, when he told …"), being the current speaker (until a person is
  introduced with a role in a later paragraph, or in the sentence just before, across one
  paragraph break: "… came from analyst Rosa Lind. She said") and being a subject named
  since the last quote.  The narrative's own he/she and role descriptions ("the admiral
  chuckled") keep their person salient as they come; "Her mother, Anna Kell, was …" keeps
  "her" in front; after an unnamed subject ("The woman who received them has …") a he/she
  of that gender goes on with that person, unresolved.  When the
  runner-up is close, the quote carries a warning naming both; when the two are equally
  salient, no guess: the pronoun stays unresolved and the warning names both;
* ``I``/``me``/``my`` and an interviewer's ``you``: the writer who signs the text or the
  interviewee (:mod:`.narrators`), else unresolved;
* ``they`` for a person who uses they/them pronouns; ``it``/``they``: an organisation or group
  (not a singular description) that spoke just before, or a group named as a subject after
  it; ``they``/``both``: the last pair of people named together (:func:`pair_for`); a
  writer's ``we`` names no one.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Mention
from ..text import lexicon
from . import entities as em
from . import kinds
from . import speakers as names
from .anaphora import GROUP_REACH, group_named, opens_sentence, plural_subject
from .groups import group_name
from .narrators import FIRST_PERSON, narrator
from .resolved import Resolved
from .salience import WINDOW, Salience
from .speakers import PERSON_PRONOUNS, POSSESSIVE_PRONOUNS
from .written import head_word


def resolve_pronoun(text: str, start: int, end: int, model: em.Model, sal: Salience,
                    spoken: list, rank_of) -> Resolved:
    """The pronoun text[start:end] resolved on the model (see the module's notes); ``spoken``
    holds (offset, paragraph rank, Resolved) of the sources resolved so far, for it/they."""
    written = text[start:end]
    low = written.lower()
    gender = PERSON_PRONOUNS.get(low) or POSSESSIVE_PRONOUNS.get(low)     # ("his call for …": the owner)
    mention = Mention(start, end, written, "pronoun")
    if gender is not None:
        eid, warn = sal.person_for(gender, start)
        ahead = sal.ahead(gender, start) if eid is None and warn is None else None
        if ahead is not None:               # no one before it can be: "After she lost, Ana Ruiz …"
            ent = model.entities[ahead]     # (an unnamed one before it, "Union chief says …", is that person)
            return Resolved(mention, ent.name, ent.title, "person", "pronoun", ahead)
        if eid is None or sal.unnamed_speaks(eid, start):
            return replace(unnamed_goes_on(sal, mention, gender), warning=warn if eid is None else None)
        stranger = sal.stranger_goes_on(eid, start, gender)
        if stranger is not None:            # "The woman who received them has … She said": unnamed
            head = text[stranger[0]:stranger[1]].split()[-1]
            return Resolved(mention, head, None, "descriptor", "unresolved")
        ent = model.entities[eid]
        ent.gender = ent.gender or gender
        return Resolved(mention, ent.name, ent.title, "person", "pronoun", eid, warn)
    eid = narrator(sal.authors, low, start)   # the writer of a signed text; an interview's interviewee
    if eid is not None:
        ent = model.entities[eid]
        return Resolved(mention, ent.name, ent.title, "person", "pronoun", eid)
    if low in FIRST_PERSON:
        return Resolved(mention, None, None, "pronoun", "unresolved")
    eid = sal.they_person(start) if low == "they" else None
    if eid is not None:                   # "Rowan Petrakis, who uses they/them pronouns … they said"
        ent = model.entities[eid]
        return Resolved(mention, ent.name, ent.title, "person", "pronoun", eid)
    res = _named_group(model, _group_for(low, rank_of(start), spoken, model), spoken, group_named(text, start)) \
        if low == "they" else _group_for(low, rank_of(start), spoken, model)
    pair = pair_for(low, mention, model, sal, res, spoken)
    if pair is not None:
        return pair
    if res is None or res.speaker is None or low == "they" and res.mention is not None and plural_subject(
            text, max(res.mention.end, start - GROUP_REACH), start):   # "According to the Post, campaign
        return Resolved(mention, None, None, "pronoun", "unresolved")   # officials looked …. They …": unnamed
    basis = "pronoun" if res.entity is not None else "unresolved"      # "they" for "some of her aides"
    return Resolved(mention, res.speaker, res.title, res.type, basis, res.entity)


def unnamed_goes_on(sal: Salience, mention: Mention, gender: str) -> Resolved:
    """An unresolved he/she right after an unnamed person spoke ("The governor said …. “…,”
    he said."), in that paragraph or the next, of no other gender: shown as that description,
    still unresolved (no name is guessed)."""
    res = sal.unnamed
    if res is not None and res.mention is not None and sal.rank_of(mention.start) - sal.rank_of(sal.unnamed_at) <= 1 \
            and kinds.gendered_nouns().get(head_word(res.mention.text)) in (None, gender):
        return Resolved(mention, res.speaker, res.title, "descriptor", "unresolved")
    return Resolved(mention, None, None, "pronoun", "unresolved")


def _group_for(pronoun: str, rank: int, spoken: list, model: em.Model) -> Resolved | None:
    """it / they / we: the organisation ("it"; not a group of people, "Ana Ruiz and Tom Vance")
    or the organisation or group ("they", "we"; not a singular description) that spoke last
    within WINDOW paragraphs."""
    if pronoun == "we":
        return None                       # a writer's "we" names no one
    want = "organisation" if pronoun == "it" else None
    for _, para, res in reversed(spoken):
        if rank - para > WINDOW:
            break
        if want and res.entity is not None and model.entities[res.entity].type == "group":
            continue
        if res.type == "descriptor" and res.mention is not None \
                and not names.is_plural(res.mention.text.split()[-1].lower()):
            continue                      # "the state’s governor" is no "they"
        if res.type in ("organisation", "descriptor") and (want is None or res.type == want):
            return res
    return None


def _named_group(model: em.Model, res: Resolved | None, spoken: list, named: tuple[int, str] | None) -> Resolved | None:
    """"they": a group named as a subject (:func:`.anaphora.group_named`) after the
    organisation or group ``res`` that spoke last (and outside its mention), else ``res``."""
    if named is None or res is not None and (res.mention.end if res.mention is not None else next(
            (o for o, _, r in reversed(spoken) if r is res), -1)) > named[0]:
        return res
    eid = em.adhoc_org(model, named[1], named[0], "group")
    return Resolved(None, named[1], None, "organisation", "pronoun", eid)


_PAIR_PRONOUNS = frozenset({"they", "both"})


def pair_for(low: str, mention: Mention, model: em.Model, sal: Salience, group: Resolved | None,
             spoken: list) -> Resolved | None:
    """they / both: the last pair of people named together ("Hillary Clinton and Bernie
    Sanders … They also said"), within WINDOW paragraphs and named after the organisation or
    group that spoke last (which "they" would otherwise take)."""
    turns = sal.turns if sal.turns is not None and set(sal.recent[:2]) == set(sal.turns[1:]) \
        and opens_sentence(sal.text, mention.start) else None
    subjects = sal.subject_pair(mention.start) if low == "they" else None     # "A is …. B runs …. They say"
    near = [p for p in (sal.pair, turns, subjects)
            if p is not None and sal.rank_of(mention.start) - sal.rank_of(p[0]) <= WINDOW]
    if low not in _PAIR_PRONOUNS or not near:
        return None
    at, a, b = max(near)
    if group is not None and group.speaker is not None:
        spoke_at = next((o for o, _, r in reversed(spoken) if r is group), -1)
        if spoke_at > at:
            return None
    name = group_name(model, [a, b])
    eid = em.adhoc_org(model, name, at, "group")
    return Resolved(mention, name, None, "organisation", "pronoun", eid)


def named_in(text: str, model: em.Model, spans, speakers: set[int] | None) -> tuple[set[int], set[int]]:
    """The entities an attribution's content names, never what its pronoun or description
    stands for ("“Ames is wrong,” he said", "Also, Ames is wrong, he said": he is not Ames):
    (named in a quotation, or as the subject opening an indirect content unless it is in
    ``speakers``, :meth:`Salience.may_say`, None: anyone; named anywhere).  A reporter's paraphrase may
    name a speaker in what she said of herself ("Ruiz read it on a train, she said"), so a
    pronoun skips only the first set; a description skips both."""
    strict, loose = set(), set()
    for a, b in spans:
        quoted = text[a:a + 1] in OPENING_MARKS
        closed = None
        i = bisect.bisect_left(model.starts, a)
        while i < len(model.occurrences) and model.occurrences[i].start < b:
            o = model.occurrences[i]
            loose.add(o.entity)
            if quoted and closed is None:
                closed = _quotation_end(text, a, b)
            if quoted and o.start < closed and not _reported_within(text, a, o.start) \
                    or (speakers is not None and o.entity not in speakers and _OPENS_CONTENT.fullmatch(text, a, o.start)):
                strict.add(o.entity)
            i += 1
    return strict, loose


# The marks a quotation opens with (a content that opens with one is a direct quote).
OPENING_MARKS = frozenset("“‘\"'«„")
# The closing mark of a double quotation, by its opening mark ("''": typewriter marks).
_DOUBLE_CLOSE = {"“": "”", "\"": "\"", "«": "»", "''": "''"}


def _quotation_end(text: str, a: int, b: int) -> int:
    """Where the double quotation opening at ``a`` closes within the content text[a:b]
    (“…” about her record, Ruiz said of Vance": Vance is outside it); ``b`` for a single
    quotation or when no closing mark is found."""
    opening = "''" if text.startswith("''", a) else text[a]
    close = _DOUBLE_CLOSE.get(opening)
    at = text.find(close, a + len(opening), b) if close is not None else -1
    return b if at < 0 else at


# A speech cue right before a name inside a quotation: "they say " (group 1: the cue word).
_CUE_BEFORE = re.compile(r"(?<![\w’'])([a-z]+)[ \t]+$")
# A single closing mark (not an apostrophe inside a word): "Queen,’" "best’ ".
_SINGLE_CLOSE = re.compile(r"’(?![a-z])")


def _reported_within(text: str, a: int, at: int) -> bool:
    """Whether a name at ``at`` in the quotation opening at ``a`` is in words the speaker
    reports from someone else, so the speaker may be that person: inside a nested quote
    ("“He always said, ‘Lena Kovac, you are the best,’” she said") or right after a speech
    cue ("“They say Ben Ortiz should drop out,” he said")."""
    inner = text[a + 1:at]
    if inner.count("‘") > len(_SINGLE_CLOSE.findall(inner)):
        return True
    m = _CUE_BEFORE.search(text, max(a, at - 12), at)
    cue = lexicon.cues().get(m.group(1)) if m is not None else None
    return cue is not None and cue.lemma == "say"


# What may come before the subject that opens an indirect content: "", "Also, ", "But ".
_OPENS_CONTENT = re.compile(r"\s*(?:[A-Za-z]+,\s+)?")

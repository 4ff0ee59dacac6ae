"""Stage 5: resolve every source mention to an entity of the document's model.

One place resolves every kind of mention, on :mod:`.entities`' model of the article, in
text order, keeping running state (no scan back over earlier speakers):

* a name: the entity carrying it (basis ``named``; ``alias`` for a surname, a first name
  or a title and surname that stand for a fuller name);
* ``he``/``she``: the most salient compatible person (``pronoun``; :mod:`.pronouns` on
  :mod:`.salience`'s running state), never one its own content names;
* ``it``/``they``/``we``: an organisation or group (not a singular description) that spoke
  just before, or a pair named together (:mod:`.pronouns`);
* a definite description ("the company", "the minister", "the 52-year-old", "the Ardenne
  Democrat", "Her lawyer"): the entity whose kind, role or party fits, most recently named
  first (:func:`.descriptions.describe`); else, for a singular one, the salient person ("the
  businessman") or the organisation named last whose name shows no other kind ("the
  group"); "the poll", "the authors" go to the author of the work named with its author
  (``description``).  Plurals, possessives, nouns for someone unnamed ("the woman"), roles
  the reported event gives ("the judge", "the fire chief") and heads introduced with "a"/"an"
  just before stay unresolved;
* a relative pronoun ("who", "which") is its antecedent; past an apposition ("Matt Duss,
  the president of the foundation, who …") the person named before it;
* a document as speaker ("a statement from the Harbour Trust"): its author;
* a floating or continued quote takes its predecessor's speaker (``floating``,
  ``inherited``);
* anything else stays as written (``unresolved``): no guess is dressed up as a name.

The salience weights were set on the hand-resolved gold in corpus/resolution/ (see
``quotetrack eval --resolution``), never on single articles.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import islice

from ..text import lexicon
from ..text.marks import POSSESSIVES
from ..text.names import address_split, is_particle
from ..model import Entity, Mention, Paragraph, Sentence
from . import entities as em
from . import kinds, speakers as names
from .acronyms import spelled_out
from .anaphora import (anaphors, apposition_head, asked_person, body_with_name, carried_basis, coordinated_relative,
                       counted_relative, exchange_turn, listener, named_organisation, opens_sentence, owned_roles,
                       plural_relative, predicate_of, they_people)
from .name_spans import named_within
from .namings import build
from .narrators import FIRST_PERSON, narration
from .pronouns import OPENING_MARKS, named_in, pair_for, resolve_pronoun, unnamed_goes_on
from .resolved import Resolved
from .attribute import Attribution, Interview, document_interview
from .cataphora import author_ahead
from .common_nouns import common_modifier, common_opener, modifier_opener
from .kinds import party_head
from .nations import demonym_head
from .groups import group_name, introduce, named_pair, plural_group
from .segment import paragraph_ranks
from .salience import WINDOW, Salience
from .speakers import POSSESSIVE_PRONOUNS, _lists, _mention_type, split_title
from .headlines import headline_person
from .jurisdictions import state_speaks
from .possessed import described_by, possessed_end
from .descriptions import (body_before_they, describe, fitting_title, indefinite, office_owner, ordinal_name,
                           owned, role_holder)
from .lead_holders import headline_holder, named_next, org_named_next
from .documents import (dated_document, document_author, document_noun, issued, kept_by, mentioned_author,
                        owned_document, renew)
from .written import (affiliated_person, apposed_name, description_end, capitals_name, described, head_word,
                      named_after, named_part, names_nobody, names_pair, past_marker,
                      person_in, plural_head_of, plural_the, research_group, unnamed_again)

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

UNNAMED_BACK = 6              # sources "the source" looks back over for "a source …" (within WINDOW)
# Rules whose source opens a headline or a pull quote, or asks the question another answers
# ("Asked by a resident whether …, she replied"; "Ortiz was asked by a caller why …. “…,” he
# said": the one asked has the floor, not the asker): they do not carry a speaker forward.
_NO_CONTINUITY = frozenset({"colon", "dash", "asked", "passive_asked"})


def resolve(text: str, attrs: list[Attribution], paras: tuple[Paragraph, ...],
            skip: frozenset[int] = frozenset(), sents: tuple[Sentence, ...] = (),
            quoted: list[tuple[int, int]] = (), interview: Interview | None = None
            ) -> tuple[list[Resolved], tuple[Entity, ...]]:
    """Resolve the source of every attribution; the entities they resolve to, in the order
    the article first names them (``Resolved.entity`` indexes this tuple).

    Paragraphs in ``skip`` (page furniture) are not read for names and do not count in the
    pronoun window; ``quoted`` are the top-level quoted spans (names in them are the
    speakers' words, not antecedents); ``interview`` is the document's, as the attribution
    stage read it (:func:`.attribute.interview.read_interview`; read here when not given, by
    :func:`.attribute.interview.document_interview`)."""
    furniture = [(p.start, p.end) for p in paras if p.index in skip]
    model = build(text, furniture, quoted)
    introduce(text, model, furniture, quoted)        # "a New Leland ballot commission": a body of its kind
    ranks = paragraph_ranks(paras, skip)
    pstarts = [p.start for p in paras]

    def rank_of(offset: int) -> int:
        k = bisect.bisect_right(pstarts, offset) - 1
        return ranks[paras[max(k, 0)].index] if paras else 0

    sstarts = [s.start for s in sents]
    sal = Salience(text, model, rank_of, lambda offset: bisect.bisect_right(sstarts, offset))
    sources = {a.source[0] for a in attrs if a.source is not None}
    sal.anaphors = sorted(anaphors(text, quoted, sources) + owned_roles(text, quoted, sources))
    sal.authors = narration(document_interview(text, paras, skip, interview), text, paras, skip, model)
    sal.they = they_people(text, model)
    out: list[Resolved | None] = [None] * len(attrs)
    order = sorted((i for i, a in enumerate(attrs) if not (a.follows is not None and a.follows < i)
                    and a.source is not None),
                   key=lambda i: (attrs[i].antecedent or attrs[i].source)[0])
    spoken: list = []                     # (offset, paragraph rank, Resolved): for it/they
    for i in order:
        a = attrs[i]
        start, end = a.antecedent or a.source
        start = past_marker(text, start, end)
        sal.advance(start)
        sal.excluded, sal.excluded_all = named_in(text, model, a.fragments, sal.may_say(text[start:end])) \
            if a.antecedent is None else (set(), set())
        spoken_to = listener(text, model, a.cue)
        if spoken_to is not None:             # "“…,” he told Ortiz": not Ortiz
            sal.excluded.add(spoken_to)
            sal.excluded_all.add(spoken_to)
        res = _relative(text, model, a, _resolve_one(text, start, end, model, sal, spoken, rank_of), start, end)
        owner = owned_document(text, start, end) if res.basis == "unresolved" else None
        if owner in ("its", "their"):
            eid = named_organisation(model, sal, start, "it" if owner == "its" else "they")
            if eid is not None:           # "The union disputes that. According to its own analysis, …"
                res = Resolved(res.mention, model.entities[eid].name, None, "organisation", "pronoun", eid)
        elif owner is not None:
            eid = sal.person_for(POSSESSIVE_PRONOUNS[owner], start)[0]
            if eid is not None:           # "in his book “…”", "several of her findings": the writer's
                ent = model.entities[eid]
                res = Resolved(res.mention, ent.name, ent.title, "person", "pronoun", eid)
        if res.basis == "unresolved" and res.speaker is None and a.cue is not None \
                and (a.cue.type == "speech" or text[start:end] == "It") and text[start:end].lower() in ("it", "they"):
            eid = named_organisation(model, sal, start, text[start:end].lower())   # "Brightwell Foods has … It said …"
            if eid is not None and a.cue.type != "speech" and sal.judged_subject(eid) is not True:
                eid = None                # "… calling on the court to act. It also wants …": not the court
            if eid is None and text[start:end] == "They":
                eid = body_before_they(text, model, sal, sstarts, start)   # "Orvane cancelled 40 trains. They said"
            if eid is not None:
                res = Resolved(res.mention, model.entities[eid].name, None, "organisation", "pronoun", eid)
        if res.basis == "unresolved" and res.type == "descriptor" and res.mention is not None:
            rank = rank_of(start)
            res = next((Resolved(res.mention, r.speaker, None, "descriptor", "unresolved")    # "the source": no one named
                        for _, p, r in islice(reversed(spoken), UNNAMED_BACK) if rank - p <= WINDOW
                        and r.mention is not None and unnamed_again(res.mention.text, r.mention.text)), res)
        if res.basis == "unresolved" and res.mention is not None \
                and (res.speaker or "").lower() == res.mention.text.lower()[4:]:
            group = research_group(text, res.mention.text, start)
            if group is not None:         # "Researchers at X tracked …. The team found": the group
                res = Resolved(res.mention, group, None, "descriptor", "unresolved")
        if res.entity is None and res.basis == "unresolved" and res.mention is not None and a.antecedent is None:
            k = sal.sentence_of(end) + 1          # "according to a large study … The researchers, from X,"
            eid = author_ahead(text, model, res.mention.text, start, sstarts[k] if k < len(sstarts) else len(text))
            if eid is None and a.rule not in ("colon", "dash"):    # "Ferry captain says …": the lead's person (a
                # headline "Chief: ‘…’" copies a quote the body attributes: that one is resolved there)
                eid = headline_holder(text, model, sal, res.mention.text.split(), start, end, sources)
            if eid is not None:
                ent = model.entities[eid]
                res = Resolved(res.mention, ent.name, ent.title, ent.type, "description", eid)
        if a.antecedent is not None and res.mention is not None:
            res = replace(res, mention=replace(res.mention, start=a.source[0], end=a.source[1],
                                               text=text[a.source[0]:a.source[1]]))
        out[i] = res
        if a.rule not in _NO_CONTINUITY and text[start:end].lower() not in FIRST_PERSON:   # the writer is no he/she
            if a.antecedent is not None and not _quoting(text, a.fragments):   # "Trump, who has insulted women, …":
                if res.entity is not None:    # named, not the speaker; "Ada Ruiz, who told them: “…”" speaks
                    sal.touch(res.entity, start, None)
            else:
                sal.spoke(res.entity, start, end, a.fragments)
                asked = asked_person(text, model, a.cue, a.source) if res.entity is not None else None
                if asked is not None and asked[0] != res.entity:   # "X asked Ames which …": Ames has the floor next
                    sal.spoke(*asked)
            spoken.append((start, rank_of(start), res))
            if res.entity is None and res.type in ("descriptor", "organisation") and res.mention is not None \
                    and kinds.person_head(head_word(res.mention.text)) \
                    and not names.is_plural(head_word(res.mention.text)) \
                    and not _AFTER_NAME_COMMA.search(text, max(0, start - 40), start):
                sal.unnamed_at = start    # "said the woman", "a spokesman for X said": someone unnamed speaks
                sal.unnamed = res
    for i, a in enumerate(attrs):
        if out[i] is not None:
            continue
        if a.source is None and a.follows is None:
            occ = model.at(*a.interviewee) if a.interviewee is not None else None
            ent = model.entities[occ.entity] if occ is not None else None    # "A: …": the interviewee
            out[i] = Resolved(None, ent.name, ent.title, ent.type, "inherited", ent.id) if ent is not None \
                else Resolved(None, None, None, "unknown")
        else:
            prev = out[a.follows] if a.follows is not None else None
            if prev is None:
                out[i] = Resolved(None, None, None, "unknown")
            else:
                k = exchange_turn(text, attrs, lambda n: out[n].entity if out[n] is not None else None, i)
                prev = prev if k is None else out[k]        # "“…?” he asked. “…,” she replied. “…”"
                basis = carried_basis(a, attrs[a.follows])
                out[i] = Resolved(None, prev.speaker, prev.title, prev.type, basis, prev.entity)
    used = sorted({r.entity for r in out if r.entity is not None}, key=lambda e: model.entities[e].start)
    index = {e: n for n, e in enumerate(used)}
    ents = tuple(Entity(model.entities[e].name, model.entities[e].type, model.entities[e].title,
                        model.entities[e].gender, roles=tuple(sorted(model.entities[e].roles)))
                 for e in used)
    final = [Resolved(r.mention, model.entities[r.entity].name,         # (the record made at once: replace()
                      r.title or (None if r.basis == "description" else model.entities[r.entity].title),   # is slow)
                      r.type, r.basis, index[r.entity], r.warning)
             if r.entity is not None else r for r in out]
    return final, ents


def _relative(text: str, model: em.Model, a: Attribution, res: Resolved, start: int, end: int) -> Resolved:
    """A relative source ("who", "which") resolved by its antecedent, text[start:end]: the
    person named before an apposition, before a first relative ("…, and who"), or before a
    verb of being ("Ada Greer is the party unifier who …"); a "who" with a plural verb
    ("such as Ames who have") or right after a count ("64 percent who say") stays unresolved."""
    if a.antecedent is not None and counted_relative(text, a.source[0]):     # "64 percent who say"
        return res if res.entity is None else Resolved(Mention(start, end, text[start:end], "pronoun"), None, None,
                                                       "pronoun", "unresolved")
    if a.antecedent is not None and plural_relative(text, a.source[1]) and res.type == "person":
        return Resolved(Mention(start, end, text[start:end], "pronoun"), None, None, "pronoun", "unresolved")
    if text[a.source[0]:a.source[1]].lower() == "which":    # never a person: "Citizens for Ames, which" is the body
        return _which_body(text, model, res, start, end) if a.antecedent is not None else res
    at = a.source[0] if a.antecedent is not None else coordinated_relative(text, *a.source)
    named = apposition_head(text, model, at) if at is not None else None
    if named is None and a.antecedent is not None and res.entity is None:
        named = predicate_of(text, model, start)
    if named is None or named == res.entity:
        return res
    ent = model.entities[named]
    return Resolved(Mention(start, end, text[start:end], "person", None, ent.name),
                    ent.name, ent.title, "person", "named", named)


def _which_body(text: str, model: em.Model, res: Resolved, start: int, end: int) -> Resolved:
    """A "which" and its antecedent, text[start:end]: the body whose capitalised name ends
    with it ("a group called Citizens for Ames, which …"), else what it resolved to (``res``),
    never a person."""
    body = body_with_name(text, start, end)
    if body is None and res.type != "person":
        return res
    if body is None:
        return Resolved(Mention(start, end, text[start:end], "pronoun"), None, None, "pronoun", "unresolved")
    eid = em.adhoc_org(model, body[1], body[0])
    return Resolved(Mention(start, end, text[start:end], "organisation", None, body[1]), body[1], None, "organisation",
                    "named", eid)


def _quoting(text: str, fragments) -> bool:
    """Whether an attribution's content opens with a quotation mark (a direct quote)."""
    return any(text[a:a + 1] in OPENING_MARKS for a, _ in fragments)




def _resolve_one(text: str, start: int, end: int, model: em.Model, sal: Salience,
                 spoken: list, rank_of) -> Resolved:
    """The mention text[start:end] resolved on the model, by its kind."""
    written = text[start:end]
    signer = document_author(text, start, end) or apposed_name(text, model, start, end) or named_within(text, model, start, end)
    if signer is not None:                  # "a statement from the three hikers": its author; "X, director of Y,": X
        res = _resolve_one(text, *signer, model, sal, spoken, rank_of)
        return replace(res, mention=replace(res.mention, start=start, end=end, text=written)) if res.mention else res
    noun = document_noun(text, start, end)
    eid = mentioned_author(text, model, noun, start) if noun is not None else None
    if eid is None and noun is not None and written[:4].lower() == "the " and issued(noun):
        eid = _body_spoke_last(model, spoken, rank_of(start))   # "Fox News confirmed …. According to the statement"
    if eid is not None:                     # "the petition": of "Orla Quinn filed a petition"
        ent = model.entities[eid]
        renew(model, start, noun, eid)      # "the poll" again, 4,000 characters on: the same author
        return Resolved(Mention(start, end, written, "descriptor", None, noun), ent.name, None, ent.type,
                        "description", eid)
    if noun is not None and dated_document(text, start, end):     # "a June poll", no author: no one, not "June"
        return Resolved(Mention(start, end, written, "descriptor"), written, None, "descriptor", "unresolved")
    end = description_end(text, start, end) if written[:4].lower() == "the " else end   # "[The actor] began by …"
    written = text[start:end]
    words = written.split()
    if len(words) > 1 and words[0].lower() == "the" and all(w.lower() in _lists().titles for w in words[1:]) \
            and words[-1].lower() not in _lists().orgs and not any(w.lower() in kinds.parties() for w in words):
        words = [words[0], *(w.lower() for w in words[1:])]     # "the Premier", "the Prime Minister": an office
    kind = _mention_type(words)
    if kind == "pronoun":
        return resolve_pronoun(text, start, end, model, sal, spoken, rank_of)
    body = owned(model, words, start, lambda gender, at: sal.person_for(gender, at, set())[0],
                 lambda ws, at: describe(text, model, sal, ws, at))
    if body is not None:                    # "Hillary Clinton’s campaign", "his advisers"
        ent = model.entities[body]
        return Resolved(Mention(start, end, written, "organisation", None, ent.name), ent.name, None,
                        "organisation", "description", body)
    held = role_holder(text, model, sal, words, start) or \
        office_owner(model, words, start, lambda gender, at: sal.person_for(gender, at, set())[0],
                     lambda ws, at: describe(text, model, sal, ws, at))
    if held is not None:                    # "Her lawyer": Owen Pryce, given that role before; "her office": hers
        ent = model.entities[held]
        return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name, None,
                        "person", "description", held)
    if "," not in written and plural_head_of(words):    # "Aides to Councillor Teller": the aides (no apposition naming them)
        name = " ".join(words[1:] if words[0].lower() in _lists().determiners else words)
        return Resolved(Mention(start, end, written, "descriptor", None, None), name, None,
                        "descriptor", "unresolved")
    if names_pair(written):                 # "both", "Both men", "the two": the last pair named together
        pair = pair_for("both", Mention(start, end, written, "descriptor"), model, sal, None, spoken)
        if pair is not None and plural_the(written) and (sal.pair is None
                                                         or pair.speaker != group_name(model, list(sal.pair[1:]))):
            pair = None                     # "The candidates": a pair named together only
        if pair is not None:
            return pair if written.lower() == "both" else replace(pair, basis="description")
    members = plural_group(model, words, start) or named_pair(model, sal, words, start)
    if members is not None:               # "the two senators", "the committee chairmen", "the brothers": the group
        name = group_name(model, members)
        return Resolved(Mention(start, end, written, "organisation", None, name), name, None, "organisation",
                        "description", em.adhoc_org(model, name, start, "group"))
    known = (_KNOWN_AS.match(text, end) or _KNOWN_AS.search(text, start, end)) if kind != "person" else None
    if known is not None:                 # "the base chief known as Bob": Bob
        eid = em.person_entity(model, known.group(1).split(), [], known.start(1))
        ent = model.entities[eid]
        return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name, ent.title,
                        "person", "description", eid)
    inner = named_after(text, model, end) if kind == "descriptor" or kind != "pronoun" and (
        words[0][:1].islower() or words[0].lower() in _lists().determiners) else None
    if inner is None and kind != "person":   # ↑ "said the union’s leader, Moira Kent.", "his friend, Ana Ruiz, who"
        inner = person_in(text, model, start, end)
    if inner is not None:
        ent = model.entities[inner.entity]
        mention = Mention(start, end, written, "person", None, ent.name)
        basis = "named" if len(text[inner.start:inner.end].split()) > 1 else "alias"
        return Resolved(mention, ent.name, ent.title, "person", basis, ent.id)
    if kind in ("person", "organisation") and (len(words) == 1 and words[0].lower() in _words.quantifier_heads
                             or names_nobody(written)):      # "Nobody asked", "42% say", "Millennials"
        return Resolved(Mention(start, end, written, "descriptor", None, None), written, None,
                        "descriptor", "unresolved")
    if kind == "person" and words[0].lower() == "the" and (party_head(words[1:]) or described(words[-1])):
        kind = "descriptor"               # "the Ardenne Democrat", "the Labour MP": described
    pair = _joined_pair(written, model, start) if kind == "person" else None
    if pair is not None:                  # "Ana Ruiz and Tom Vance said": both of them
        eid = em.adhoc_org(model, pair, start, "group")
        return Resolved(Mention(start, end, written, "organisation", None, pair), pair, None, "organisation",
                        "named", eid)
    if kind == "person":
        occ = model.at(start, end)
        if occ is None and written.isupper() and (len(written) > 2 if len(words) == 1 else len(words) <= 4):
            eid = capitals_name(model, words[-1])        # a transcript label: "VOLE:", "TRUMP:", "NIAMH DOLAN:"
            if eid is not None and (len(words) == 1 or written.lower().endswith(model.entities[eid].name.lower())):
                ent = model.entities[eid]
                return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name,
                                ent.title, "person", "alias", eid)
        if occ is None and len(words) == 1 and (start == 0 or opens_sentence(text, start)) \
                and words[0] not in model.by_surname and (
                    words[0].isalpha() and words[0].lower().endswith(_AGENT_PLURALS) and not _group_word(words, model)
                    or words[0] not in model.by_first and words[0] not in em.first_names()
                    and (common_opener(text, words[0]) or modifier_opener(text, start, words[0]))):
            return Resolved(Mention(start, end, written, "descriptor", None, None), written, None,
                            "descriptor", "unresolved")     # "Forecasters expected …": a plural noun, no name
        eid = headline_person(text, model, words, start)
        if eid is not None:                 # "Varley To Farmers Worried …": the Tamsin Varley of the body
            ent = model.entities[eid]
            return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name, ent.title, "person",
                            "named" if set(ent.name.split()) <= set(map(names.bare_word, words)) else "alias", eid)
        if occ is not None and model.entities[occ.entity].type == "organisation":
            occ = affiliated_person(text, model, start, occ) or occ   # "X of the Tribune": X
            words = text[start:occ.end].split()
        other = described_by(text, model, start, possessed_end(text, end) or end, occ) if occ is not None else None
        if other is not None:               # "Ruiz’s wife", "an aide to Mayor Ruiz": not Ruiz (:mod:`.possessed`)
            return other
        title_words, name_words = address_split(*split_title(words), model.by_surname)   # "Mr. Singer": Mark Singer's
        name_words = em.name_words(name_words)
        if occ is None and not title_words and len(name_words) >= 3 and name_words[0] not in em.first_names():
            cut = em.given_name_at(name_words)          # "Harbour Widow Ana Ruiz Defends …": Ana Ruiz
            title_words, name_words = name_words[:cut], name_words[cut:]
        title = " ".join(title_words) or None
        mention = Mention(start, end, written, "person", title, " ".join(name_words) or None)
        if occ is not None and model.entities[occ.entity].type == "organisation":
            ent = model.entities[occ.entity]
            return Resolved(Mention(start, end, written, "organisation", None, ent.name), ent.name,
                            None, "organisation", "named", ent.id)
        if occ is not None and model.entities[occ.entity].type == "person":
            ent = model.entities[_namesake(model, sal, occ.entity, name_words, title_words)]
            basis = "named" if len(name_words) > 1 and ent.name.split()[-1] == name_words[-1] and \
                name_words[0] == ent.name.split()[0] or " ".join(name_words) == ent.name else "alias"
            if title and ent.title is None:
                ent.title = title         # "opposition lawmaker Ingrid Haldane", then "Haldane said"
            return Resolved(mention, ent.name, title or ent.title, "person", basis, ent.id)
        if not name_words or _group(name_words, model) or len(words) > 1 and (
                words[0].lower() in _words.quantifier_heads or indefinite(words[0])
                or words[0].islower() and _group_word(name_words, model)):    # "veteran Republicans"
            return Resolved(Mention(start, end, written, "descriptor", title, None), _one_of(words), title,
                            "descriptor", "unresolved")
        if _group_word(name_words, model):
            eid = em.adhoc_org(model, name_words[0], start, "group")
            return Resolved(Mention(start, end, written, "organisation", None, name_words[0]), name_words[0],
                            None, "organisation", "named", eid)
        ent = model.entities[em.cue_entity(model, name_words, title_words, start)]   # "ESPN said": no person
        return Resolved(replace(mention, type=ent.type), ent.name, title or ent.title, ent.type, "named", ent.id)
    # organisation or descriptor
    determiners = _lists().determiners
    lows = [w.lower() for w in words]
    content = words[1:] if lows[0] in determiners and len(words) > 1 else words
    if lows[0] == "the" and len(words) >= 2 and (described(words[-1]) or party_head(words[1:])
                                                 or demonym_head(words[1:])):
        occ = model.at(start, end) if len(words) > 2 and words[1][:1].isupper() \
            and lows[-1] in kinds.org_nouns() else None     # not "the Supreme Court justice": a person
        if occ is not None and model.entities[occ.entity].type == "organisation" \
                and set(words[1:-1]) <= set(model.entities[occ.entity].name.split()):
            ent = model.entities[occ.entity]      # "the Harbour Residents group": the group so named
            return Resolved(Mention(start, end, written, "organisation", None, ent.name), ent.name, None,
                            "organisation", "named", ent.id)
        eid = describe(text, model, sal, words[1:], start)         # "the Calveran ministry", "the company"
        if eid is not None:
            ent = model.entities[eid]
            name = " ".join(words[1:])
            return Resolved(Mention(start, end, written, kind, None, name), ent.name,
                            fitting_title(words[1:], ent.title), ent.type, "description", eid,
                            sal.rivals.pop(start, None))    # "the club": two clubs close in salience
        state = state_speaks(text, model, words, start, end)      # "The state admitted …": the US state named last
        if state is not None:
            return state
        kind = "descriptor" if demonym_head(words[1:]) else kind     # "the Italian": no one from Italy named
        if len(words) == 2 and kinds.person_head(lows[-1]) and not names.is_plural(lows[-1]) \
                and sal.unnamed is not None and sal.unnamed.mention is not None \
                and sal.unnamed.mention.text.split()[0].lower() in ("one", "a", "an"):
            goes_on = unnamed_goes_on(sal, Mention(start, end, written, "descriptor"), None)
            if goes_on.speaker is not None:   # "One top-20 shareholder said … “…,” the investor said"
                return goes_on
    ahead = named_next(model, sal, words, start, end) if kind == "descriptor" else None
    if ahead is not None:                 # "…, its chief executive said." in the lead, named just after
        ent = model.entities[ahead]
        return Resolved(Mention(start, end, written, "person", None, ent.name), ent.name,
                        None, "person", "description", ahead)
    ahead = org_named_next(model, sal, words, start, end) if kind != "person" else None
    if ahead is not None:                 # "…, its operator has said." ¶ "Estuary Boats Ltd said …"
        ent = model.entities[ahead]
        return Resolved(Mention(start, end, written, "organisation", None, ent.name), ent.name,
                        None, "organisation", "description", ahead)
    named = named_part(content)
    if len(named) < len(content) and named[-1].endswith(POSSESSIVES):
        return Resolved(Mention(start, end, written, "descriptor", None, None), written, None,
                        "descriptor", "unresolved")    # "Ruiz’s agency": the possessor is not the speaker
    if kind == "descriptor" and len(named) < len(content) and named[-1][:1].isupper() \
            and kept_by(content[-1].lower()) and not (len(named) == 1 and content is words
                                                      and common_modifier(text, start, named[0])):
        occ = model.at(start, end)        # "a CNN tally", "U.S. Census data": the document's author
        if occ is None or model.entities[occ.entity].type == "organisation":
            kind = "organisation"
    content = named
    if kind == "organisation" and (content[0][:1].isupper() or ordinal_name(content)) and not content[-1].islower():
        name = em.org_name(content)
        occ = model.at(start, end)
        eid = occ.entity if occ is not None and model.entities[occ.entity].type == "organisation" else None
        spelled = spelled_out(model, name, start)     # (also of an occurrence: "HSB filings" read as its author)
        if eid is not None:
            name = model.entities[eid].name
        else:                               # "the RNC" after "the Republican National Committee"
            eid = em.adhoc_org(model, spelled or name, start)
            name = model.entities[eid].name     # "Harbor Crest" after "Harbor Crest Properties"
        return Resolved(Mention(start, end, written, "organisation", None, name), name, None,
                        "organisation", "alias" if spelled else "named", eid)
    occ = model.at(start, end) if kind == "descriptor" else None
    other = described_by(text, model, start, end, occ) if occ is not None else None
    if other is not None and other.entity is not None:     # "Ruiz’s wife": the Mrs Ruiz named (:mod:`.possessed`)
        return other
    counted = lows[0] in lexicon.sections("text/word_classes.txt")["count_words"] or lows[1:2] == ["of"]   # "Two people …", "One of the …" keep their count
    name = " ".join(words[1:] if lows[0] in determiners and not counted and len(words) > 1 else words)
    return Resolved(Mention(start, end, written, kind, None, name), name, None, kind, "unresolved")


def _body_spoke_last(model: em.Model, spoken: list, rank: int) -> int | None:
    """The organisation that made the last statement, in this paragraph or the one before
    ("Harlow Council confirmed the closure. According to the statement, …"), else None."""
    eid = spoken[-1][2].entity if spoken and rank - spoken[-1][1] <= 1 else None
    return eid if eid is not None and model.entities[eid].type == "organisation" else None


def _joined_pair(written: str, model: em.Model, start: int) -> str | None:
    """"A and B" when a mention names two people joined by "and" ("Mayor Ana Ruiz and Councillor
    Tom Vance"), each named in its own part: the pair's name, else None.  (A description that
    counts a pair, "both candidates", is :func:`.groups.named_pair`'s.)"""
    left, sep, _ = written.partition(" and ")
    if not sep or " and " in written[len(left) + 5:]:
        return None
    a = model.at(start, start + len(left))
    b = model.at(start + len(left) + 5, start + len(written))
    if a is None or b is None or a.entity == b.entity or a.end < start + len(left.rstrip("’'s")) - 1 \
            or not written[len(left) + 5:][:1].isupper() \
            or any(model.entities[o.entity].type != "person" for o in (a, b)):
        return None                       # (not "Popular Christian and corporate speaker Lance Wallnau")
    return f"{model.entities[a.entity].name} and {model.entities[b.entity].name}"


def _namesake(model: em.Model, sal: Salience, eid: int, name_words: list[str], title_words: list[str]) -> int:
    """A surname with an honorific that several people share ("Mr Varga" after "Mateo Varga"
    and his father "Tomas Varga"): the one namesake the text showed of the honorific's gender;
    else the current speaker when he or she is one of them and the
    honorific fits; else the entity the model took for the name (a bare "Clinton" stays the
    Clinton the article names most)."""
    gender = names.title_gender(title_words)
    if len(name_words) != 1 or gender is None:
        return eid
    ids = model.by_surname.get(name_words[0], ())
    fitting = [i for i in ids if model.entities[i].gender == gender]
    if len(ids) > 1 and len(fitting) == 1:
        return fitting[0]                 # "Mr. Keller" after "Dana Keller and her husband, Mark Keller"
    if sal.speaker is None or sal.speaker == eid:
        return eid
    if len(ids) > 1 and sal.speaker in ids \
            and model.entities[sal.speaker].gender in (None, gender or model.entities[sal.speaker].gender):
        return sal.speaker
    return eid


# "One"/"another" opening an unnamed source, dropped from its written speaker as "A spokeswoman …"
# is "spokeswoman …" ("One 88-year-old widow from Kelso" -> "88-year-old widow from Kelso"); not
# "a", which opens counts here ("a third of independents", "a handful of Democrats").
_ONE_OF = frozenset(("one", "another"))


def _one_of(words: list[str]) -> str:
    """A descriptor as written, less an opening "one"/"another" (:data:`_ONE_OF`) before a
    lower-case word or an age; kept before a capital ("Another Lutheran" is no name "Lutheran")."""
    drop = len(words) > 1 and words[0].lower() in _ONE_OF and not words[1][:1].isupper()
    return " ".join(words[1:] if drop else words)


# A description's name, in the mention or right after it: "the base chief known as Bob", "a
# man known only as Abu Sami" (group 1: the name, up to three capitalised words).
_KNOWN_AS = re.compile(r"[ \t]+known[ \t]+(?:only[ \t]+)?as[ \t]+([A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,2})")


# Plural endings of nouns for people by what they do ("Forecasters", "Economists", "Residents"):
# a lone such word opening a sentence, that no one is named by, is no name.
_AGENT_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")


# A name and a comma right before a mention: "Oyelaran, " before "a former nurse" (an apposition).
_AFTER_NAME_COMMA = re.compile(r"[A-Z][\w’'\-]*,\s*$")


def _group(name_words: list[str], model: em.Model) -> bool:
    """A capitalised group named at a cue with a quantity or a description, not a person:
    "many Democrats", "veteran Republicans", "Republican members of Congress"."""
    return any(w.islower() for w in name_words if not is_particle(w))


def _group_word(name_words: list[str], model: em.Model) -> bool:
    """One capitalised plural of a group nobody is named by ("Democrats", "Millennials")."""
    word = name_words[0]
    return len(name_words) == 1 and em.GROUP_PLURAL.fullmatch(word) is not None \
        and word not in model.by_surname

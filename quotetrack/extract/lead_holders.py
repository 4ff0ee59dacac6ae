"""The holder a description in the article's title lines or lead stands for when no one
named before holds it, named after it, for :mod:`.resolve`:

* a person's role in the lead ("…, its chief executive said."): the person given that role
  in the next paragraphs (:func:`named_next`);
* a bare description in a title line ("Tour guide says …"), or a live page's entry heading:
  the person the body then names as a subject or a source (:func:`headline_holder`);
* an organisation's kind in the lead ("its operator has said"): the first organisation of
  that kind named in the next paragraph (:func:`org_named_next`).

Each reads at most NEXT_NAMINGS namings ahead, within NEXT_PARAGRAPHS paragraphs."""
from __future__ import annotations

import bisect
import re
from itertools import islice

from ..text import lexicon
from . import entities as em
from . import kinds
from .descriptions import LEAD, office_of, other_kind
from .furniture import dateline_end
from .headlines import entry_heading
from .kinds import org_nouns, party_head
from .speakers import bare_word, is_plural

NEXT_PARAGRAPHS = 3           # paragraphs after the lead a description in it looks ahead to for its holder
NEXT_NAMINGS = 40             # namings it reads there at most


def named_next(model: em.Model, sal, words: list[str], start: int, end: int) -> int | None:
    """The person a description in the article's lead stands for when no one named before
    holds its role (the wire's "…, its chief executive said." before "Chief Executive Margit
    Haverty told analysts …"): the first person named in the next NEXT_PARAGRAPHS paragraphs
    whose role fits; for an organisation's officer ("its chief executive") with none, the
    first person named in the next paragraph, when the text gave that one no role or title
    (another role is another person)."""
    here = sal.rank_of(start)
    office = office_of(words)
    role = office or words[1:] if words[0].lower() == "the" else office
    if here > LEAD + 1 or not role or not kinds.person_head(role[-1].lower()) or is_plural(role[-1].lower()):
        return None
    phrase = em.role_key(role)
    i = bisect.bisect_left(model.starts, end)
    for o in islice(model.occurrences, i, i + NEXT_NAMINGS):
        ent = model.entities[o.entity]
        gap = sal.rank_of(o.start) - here
        if gap > NEXT_PARAGRAPHS:
            break
        if ent.type != "person" or o.quoted:
            continue
        if any(em.roles_match(phrase, r) for r in ent.roles):
            return ent.id
        if office and gap == 1 and not ent.roles and ent.title is None:
            return ent.id
    return None


TITLE_LINE = 200              # characters at most of a title line (a headline or a deck under it)
# A sentence's end (or a paragraph's start) right before a name: the name opens its sentence.
_OPENS = re.compile(r"(?:^|[.!?]\s+|\n)$")


def headline_holder(text: str, model: em.Model, sal, words: list[str], start: int, end: int,
                    sources: set[int]) -> int | None:
    """The person a bare description in the article's title lines stands for (headlinese
    drops the article: "Woman reveals …", "Tour guide says …", "Ferry strike will end,
    former minister says"): the first person the body then names in the next NEXT_PARAGRAPHS
    paragraphs as a subject, opening a sentence after any dateline ("DUNMORE - Ana Ruiz
    …") or as the source of a statement ("…, predicted Ana Ruiz"), whose name the title
    lines (its line and TITLE_LINE characters above it) do not show (those people are
    others) and of no other gender than the head shows.  None when the description is not
    singular, is no person's (or a party member's) or has a determiner (those are read
    elsewhere), or when no one is so named.  Past the lead, a live page's entry heading
    (headlines.entry_heading: "Mayor says …") stands for the next person named who holds
    that role ("Mayor Ana Ruiz said …")."""
    here = sal.rank_of(start)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    head = bare_word(words[-1]).lower()
    if here > LEAD and not entry_heading(text, line_start, line_end) or line_end - line_start > TITLE_LINE \
            or words[0].lower() in lexicon.lower_words("extract/determiners.txt") \
            or is_plural(head) or not (kinds.person_head(head) or party_head(words)):
        return None
    entry = here > LEAD                   # a live page's entry heading: its own line (a caption may sit above), and
    above = text[line_start if entry else max(0, line_start - TITLE_LINE):line_end]    # the holder has its role
    title = set(re.findall(r"[\w’'\-]+", above))
    gender = kinds.gendered_nouns().get(head)
    i = bisect.bisect_left(model.starts, line_end)
    for o in islice(model.occurrences, i, i + NEXT_NAMINGS):
        if sal.rank_of(o.start) - here > NEXT_PARAGRAPHS:
            break
        ent = model.entities[o.entity]
        if ent.type != "person" or o.quoted or (gender is not None and ent.gender not in (None, gender)) \
                or (ent.surname or ent.name.split()[-1]) in title \
                or entry and not any(em.roles_match(em.role_key(words), r) for r in ent.roles):
            continue
        if o.start in sources or _OPENS.search(text, max(0, o.start - 3), o.start) \
                or dateline_end(text, text.rfind("\n", 0, o.start) + 1) == o.start:
            return ent.id
    return None


def org_named_next(model: em.Model, sal, words: list[str], start: int, end: int) -> int | None:
    """The organisation a description in the article's lead stands for when the text named
    none of its kind before ("A ferry … will stop, its operator has said." ¶ "Estuary Boats Ltd
    said …"): the first organisation named in the next paragraph whose name fits the kind."""
    head = words[-1].lower()
    here = sal.rank_of(start)
    if len(words) != 2 or words[0].lower() not in ("the", "its") or here > LEAD + 1 \
            or head not in org_nouns() or is_plural(head) \
            or any(e.type == "organisation" and kinds.kind_fits(head, e.name) for e in model.before(start)):
        return None
    i = bisect.bisect_left(model.starts, end)
    for o in islice(model.occurrences, i, i + NEXT_NAMINGS):
        ent = model.entities[o.entity]
        if sal.rank_of(o.start) - here > 1:
            break
        if ent.type == "organisation" and not o.quoted and kinds.kind_fits(head, ent.name) \
                and not other_kind(head, ent.roles):
            return ent.id
    return None

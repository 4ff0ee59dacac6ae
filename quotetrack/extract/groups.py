"""Named groups and bodies as the article introduces them, and the descriptions that stand for
them, on the document's entity model (:mod:`.entities`) for :mod:`.resolve`:

* a body the text introduces by a description whose capitalised words name it ("a New Leland
  ballot commission", "the Corvane Times editorial board"; heads: data/extract/body_heads.txt)
  is an organisation entity of that kind (:func:`.kinds.name_kind`), so that a later "the
  commission" or "the board" finds it as it finds "the Senate Ethics Committee"
  (:func:`introduce`);
* a plural description of people by their role ("the two senators", "both candidates", "the
  committee chairmen"): the group of the persons the text gave that role, when it names exactly
  as many as the description counts (two or more when it counts none); else none
  (:func:`plural_group`);
* a family's plural ("the brothers", "the couple"; data/extract/kin_groups.txt): the two people
  named last who share a surname, when no third one shares it;
* a pair no role or surname shows ("Both candidates", "the two companies", "the couple" of "Ali
  Noor, 25, and his wife, Sara Farid,"): the only two people (organisations, for an
  organisation's noun) named in its paragraph and the one before, up to it (:func:`named_pair`).

When no entity fits, the description stays unresolved: no guess.
"""
from __future__ import annotations

import bisect
import heapq
import re
from functools import lru_cache
from itertools import islice

from ..text import lexicon
from . import entities as em
from . import kinds
from .common_nouns import dated
from .speakers import singulars

INTRO_REACH = 80              # characters before a body's head its description is read over
GROUP_REACH = 30              # entities named last that a plural description looks back over (linear time)
PAIR_PARAGRAPHS = 1           # paragraphs before its own a pair description reads for its two
PAIR_NAMINGS = 40             # namings it reads back at most (linear time)
PAIR_DOMINANCE = 2            # times more often the second of a pair is named than a third named there


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern:
    """A body's head standing whole in lower case: "commission" in "a ballot commission"."""
    heads = sorted(kinds.body_heads(), key=len, reverse=True)
    return re.compile(r"(?<![\w\-’'])(?:" + "|".join(map(re.escape, heads)) + r")(?![\w\-’'])")


# An article, one to four capitalised words, up to two lower-case words, right before a body's head:
# "a New Leland ballot " in "a New Leland ballot commission" (group 1: the capitalised words, 2: the rest).
_INTRO = re.compile(r"(?<![\w’'])(?:[Aa]n?|[Tt]he)[ \t]+((?:[A-Z][\w.&\-]*[ \t]+){1,4})((?:[a-z][a-z\-]*[ \t]+){0,2})$")


def introduce(text: str, model: em.Model, skip: list[tuple[int, int]] = (), quoted: list[tuple[int, int]] = ()) -> None:
    """Make an organisation entity, of its head's kind, for every body the text introduces by
    a description whose capitalised words name it ("a New Leland ballot commission"), with an
    occurrence over its name; not for a name opened by a given name ("the Ana Ruiz
    committee"), a day or month ("a Monday court hearing") or a word the text shows a common
    one (a sentence's "The"), nor inside ``skip`` (page furniture); nor when an organisation of
    that kind named before carries its capitalised words ("the Calveran ministry" after "the
    Calveran Ministry of Defense" is that one, :func:`.descriptions.describe`'s), or when its
    capitalised words alone name an organisation of a kind of its own ("the Tavora County
    government" is Tavora County)."""
    skip_starts, q_starts = [a for a, _ in skip], [a for a, _ in quoted]
    made: list[tuple[int, int, str, str]] = []        # (start, end, name, head), in text order
    for m in _head_pattern().finditer(text):
        intro = _INTRO.search(text, max(0, m.start() - INTRO_REACH), m.start())
        if intro is None:
            continue
        caps = intro.group(1).split()
        start = intro.start(1)
        if caps[0] in em.first_names() or dated(caps) \
                or _within(skip_starts, skip, start):
            continue
        earlier = [e.name for e in islice(model.before(start), GROUP_REACH) if e.type == "organisation"]
        if any(set(caps) <= set(name.split()) and kinds.kind_matches(m.group(), name)
               for name in earlier + [name for *_, name, _ in made[-GROUP_REACH:]]):
            continue                      # "the Calveran ministry" after "the Calveran Ministry of Defense": that one
        known = model.orgs.get(" ".join(caps))
        if known is not None and not intro.group(2) and model.entities[known].kind is not None:
            continue                      # "the Tavora County government": the county itself
        made.append((start, m.end(), text[start:m.end()], m.group()))
    added = []
    for start, end, name, head in made:   # made after the look-ups, so the entity list holds still while read
        eid = model.orgs.get(name)
        if eid is None:
            eid = em.new_organisation(model, name, start)
            model.entities[eid].kind = head
        added.append(em.Occurrence(start, end, eid, _within(q_starts, quoted, start)))
    if added:                             # one merge, in text order (an equal start after the ones there)
        model.occurrences[:] = list(heapq.merge(model.occurrences, added, key=lambda o: o.start))


def _within(starts: list[int], spans, offset: int) -> bool:
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and offset < spans[k][1]


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    """The count a word opening a plural description gives: "both" 2, "two" 2, "three" 3 …
    (data/text/number_words.tsv, its units from two to twelve)."""
    out = {"both": 2}
    for row in lexicon.rows("text/number_words.tsv"):
        if len(row) >= 3 and row[2] == "unit" and 2 <= int(row[1]) <= 12:
            out[row[0]] = int(row[1])
    return out


# Words that may open a plural description before its count: "the", "all", "all of the", "both the".
_OPENERS = frozenset({"the", "all", "of"})


def plural_group(model: em.Model, words: list[str], start: int) -> list[int] | None:
    """The people a plural description opened by "the", "both" or "all" stands for, in the
    order the text named them: those the text gave its role ("the two senators", "Both
    candidates", "the committee chairmen" for "Oversight Committee Chairman Ana Ruiz" and
    "Judiciary Committee Chairman Tom Vance"), when it names exactly as many as the
    description counts, or two or more when it counts none; for a family's plural ("the
    brothers"), the two named last who share a surname.  None otherwise (no guess).  Only the
    :data:`GROUP_REACH` entities named last are read, so a long document's every plural is no
    scan of all."""
    lows = [w.lower().strip(",.’'") for w in words]
    if len(lows) < 2 or lows[0] not in ("the", "both", "all"):
        return None
    i, count = 0, None
    while i < len(lows) - 1 and lows[i] in _OPENERS:
        i += 1
    if lows[i] in _counts() and i < len(lows) - 1:
        count, i = _counts()[lows[i]], i + 1
    elif lows[0] == "both":
        count = 2
    rest = words[i:]
    if len(rest) == 1 and lows[-1] in lexicon.lower_words("extract/kin_groups.txt"):
        return _kin_pair(model, start) if count in (None, 2) else None
    single = next((w for w in singulars(lows[-1]) if kinds.person_head(w)), None)
    if single is None or lows[-1] in lexicon.sections("extract/author_nouns.txt")["heads"]:
        return None                       # ("the authors", "the researchers": the work's, :func:`.descriptions.work_author`)
    phrase = em.role_key([*rest[:-1], single])
    holders = [e.id for e in islice(model.before(start), GROUP_REACH) if e.type == "person"
               and any(em.roles_match(phrase, r) for r in e.roles)][::-1]
    return holders if (len(holders) == count if count is not None else len(holders) >= 2) else None


def named_pair(model: em.Model, sal, words: list[str], start: int) -> list[int] | None:
    """The two a pair description stands for when the text joined no pair by "and" and gave
    no one its role ("Both candidates" after paragraphs on Ana Ruiz and Tom Vance; "The
    companies" after "Orvane makes …, while Brill sells …"; "the couple" after "Ali Noor, 25,
    and his wife, Sara Farid, 27,"): the entities of its type (organisations for an
    organisation's noun, else people) named, not inside a quote, in its paragraph before it
    and the PAIR_PARAGRAPHS before, when they are exactly two; in the order first named.
    None for any other count (no guess), or a description that counts no pair."""
    kind = _pair_kind([w.lower().strip(",.’'") for w in words])
    if kind is None:
        return None
    here, i = sal.rank_of(start), bisect.bisect_left(model.starts, start)
    seen: dict[int, int] = {}
    for o in reversed(model.occurrences[max(0, i - PAIR_NAMINGS):i]):
        if here - sal.rank_of(o.start) > PAIR_PARAGRAPHS:
            break
        if model.entities[o.entity].type == kind:
            seen[o.entity] = o.start
    told = sorted(seen, key=lambda e: -sal.times.get(e, 0))
    if len(told) < 2 or len(told) > 2 and sal.times.get(told[1], 0) < PAIR_DOMINANCE * max(1, sal.times.get(told[2], 0)):
        return None
    return sorted(told[:2], key=seen.get)


def _pair_kind(lows: list[str]) -> str | None:
    """The type of entity a description of a pair stands for: "organisation" for "both
    companies", "the two firms"; "person" for "Both candidates", "the two men", "the couple"
    (a title or a gendered noun, data/text/titles.txt, data/extract/gendered_nouns.tsv; not a
    body of people, "the two camps"); None for a description that counts no pair."""
    if len(lows) == 2 and lows[0] == "the" and lows[1] in lexicon.lower_words("extract/kin_groups.txt"):
        return "person"
    if len(lows) == 2 and lows[0] == "both" or len(lows) == 3 and lows[:2] == ["the", "two"]:
        people = lexicon.lower_words("text/titles.txt") | frozenset(kinds.gendered_nouns())   # not "camp"
        single = next((w for w in singulars(lows[-1]) if w in people or w in kinds.org_nouns()), None)
        if single is not None and single not in lexicon.sections("extract/author_nouns.txt")["heads"]:
            return "organisation" if single in kinds.org_nouns() else "person"
    return None


def _kin_pair(model: em.Model, start: int) -> list[int] | None:
    """The two people among the :data:`GROUP_REACH` named last before ``start`` who share a
    surname, the pair named last, when no third one shares it; else None."""
    by_surname: dict[str, list[int]] = {}
    for e in islice(model.before(start), GROUP_REACH):
        if e.type == "person" and " " in e.name:
            by_surname.setdefault(e.name.split()[-1], []).append(e.id)
    pairs = [ids for ids in by_surname.values() if len(ids) == 2]
    if not pairs:
        return None
    return sorted(max(pairs, key=lambda ids: min(model.entities[e].start for e in ids)))


def group_name(model: em.Model, members: list[int]) -> str:
    """The name of a group of entities as a list: "Ana Ruiz and Tom Vance", "A, B and C"."""
    names = [model.entities[e].name for e in members]
    return " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]

"""Documents and their authors, one stage: each document the article introduces with its author
is recorded with its kind, and a document given as a speaker goes to its author.

Recording (read by :mod:`.entities` as it meets each name, into ``Model.authored``):

* before the name, joined by "from"/"by": "a statement from Senator Bill Orr", "a petition filed
  by Orla Quinn";
* the name in a sentence that opens with the document: "In a written statement, the Harbour
  Agency said …", "In a letter to parents, headteacher Maya Lund said …";
* the name speaking in the document: "the Harbour Agency said in a statement …";
* the name publishing it: "the Harbour Agency released a report …", "Orla Quinn filed a
  petition", "headteacher Maya Lund wrote to parents" (a letter).

Resolving (read by :mod:`.resolve` and :mod:`.descriptions`):

* a mention that names its author: "a statement from the three hikers", "a new Harlow College
  poll", "Ruiz’s memoir": that author, resolved as a mention of its own (:func:`document_author`);
* a part or copy of a document: "a copy of the letter", "the results of the latest Harlow
  College poll": the document's (data/extract/document_parts.txt);
* a definite mention with no author: "the letter", "the missive", "the suit": the author of the
  most recent document of that kind (data/extract/document_kinds.tsv) the text named with its
  author (:func:`author_of`); with none, for a document a body issues in its own name
  (:func:`issued`: "the statement", "the survey"), the organisation that made the statement just
  before (:mod:`.resolve`: "Fox News confirmed it. According to the statement, …"); else it stays
  as written;
* an indefinite mention with no author ("A court document filed Thursday says …"): a document
  not named before, so the first of its kind the text names with its author after it goes first
  (:func:`mentioned_author`);
* a poll written capitalised after its maker ("a national Harlow Poll"): the maker, a body
  (:func:`survey_word`; :mod:`.entities` records it as an organisation, not a person).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Collection

from ..text import lexicon
from ..text.marks import POSSESSIVE_S, POSSESSIVES
from ..text.spans import ending_at
from .common_nouns import common_modifier, dated, dated_word

LEAD_REACH = 120                          # characters back from a name to the "In" of its lead phrase
_COMMA_REACH = 40                         # characters back from a name to the lead's closing comma

# "statement from ", "report by the ", "a study by researchers at the ", "a statement from her lawyer, ",
# "audit released Tuesday by ", "poll of 400 voters released on Friday by ", "survey was conducted for the
# networks by ": the document right before its author (a publishing participle,
# data/extract/publishing_participles.txt, maybe after "was"/"were" and after up to five words of what
# the document is "of", and up to two words of time, or "for" and up to five words of its client, may come
# between it and "by"; a role in apposition between "by" and the name, or a role of up to three
# lower-case words, a place word before them, right before it: "a petition started by Leeds student nurse ",
# or after "a" with "named": "a lawsuit filed by a former staffer named ").
@lru_cache(maxsize=1)
def _document_from() -> re.Pattern:
    participles = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/publishing_participles.txt")))
    return re.compile(r"(?<![\w’'])([a-z]+)[ \t]+"
        r"(?:of[ \t]+(?:[\w\-]+[ \t]+){1,5}?(?=(?:" + participles + r")[ \t]))?"
        r"(?:(?:was|were)[ \t]+(?=(?:" + participles + r")[ \t]))?(?:(?:" + participles + r")[ \t]+"
        r"(?:(?:[\w]+[ \t]+){0,2}?|for[ \t]+(?:[\w]+[ \t]+){1,5}?))?(?:from|by)[ \t]+"
        r"(?:(?:the[ \t]+)?(?:(?:" + _unnamed_authors() + r")[ \t]+(?:at|from|of)[ \t]+"
        r"(?:the[ \t]+)?)?|(?:his|her|its|their|the)[ \t]+(?:[\w’'-]+[ \t]+){0,2}?[a-z][\w-]*,[ \t]+"
        r"|(?:[A-Z][a-z]+[ \t]+)?(?:(?!(?:to|and|or|of|for|with|at|in|on|the|a|an)[ \t])[a-z][\w-]*[ \t]+){1,3}"
        r"|an?[ \t]+(?:(?!(?:to|and|or|of|for|with|at|in|on|the)[ \t])[a-z][\w-]*[ \t]+){1,3}named[ \t]+)$")


# " said in a statement": the author speaking in a document (a speech verb, "in", up to two words).
_IN_DOCUMENT = re.compile(r"[ \t]+(?:said|says|added|wrote|announced|confirmed)[ \t]+in[ \t]+"
                          r"(?:an?|its|their|his|her)[ \t]+(?:[a-z\-]+[ \t]+){0,2}?([a-z]+)\b")


# " released a policy paper", " published its annual report", " filed a petition", " wrote to parents":
# the name as the subject of a publishing verb (data/extract/publishing_verbs.txt) with the document
# among the first words of its object (group 1), or writing "to" someone (a letter, group 2).
@lru_cache(maxsize=1)
def _publishes() -> re.Pattern:
    verbs = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/publishing_verbs.txt")))
    return re.compile(r"[ \t]+(?:(?:" + verbs + r")[ \t]+(?:an?|its|his|her|their)[ \t]+"
                      r"((?:[a-z\-]+[ \t]+){0,2}[a-z]+)\b|wrote[ \t]+(to)[ \t])")


def authored_document(text: str, start: int, end: int, documents: Collection[str]) -> str | None:
    """The document noun (in ``documents``) the name text[start:end] is the author of, or None:
    "statement" for "a statement from Bill Orr", "In a written statement, the Harbour Agency
    said" and "the Harbour Agency said in a statement"; "letter" for "In a letter to parents,
    headteacher Maya Lund said"."""
    near = text[max(0, start - 50):start]     # the cheap tests first: most names have none of these
    if " from " in near or " by " in near:
        m = _document_from().search(text, max(0, start - 80), start)
        if m and m.group(1) in documents:
            return m.group(1)
    owner = text[end - 2:end] in POSSESSIVE_S or text[end:end + 2] in POSSESSIVE_S
    lead = None if owner else _document_in_lead(text, start)     # not "In the poll, Ana Ruiz’s support rose"
    if lead is not None:
        return lead
    if " in " in text[end:end + 20]:
        m = _IN_DOCUMENT.match(text, end)
        if m and m.group(1) in documents:
            return m.group(1)
    m = _publishes().match(text, end)
    if m is not None:
        return "letter" if m.group(2) else next((w for w in m.group(1).split() if w in documents), None)
    return _named_before_document(text, start, end, documents)


# A determiner and up to two lower-case words right before a name ("A new " in "A new Harlow Research
# report"), and the document noun right after it (group 1).
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'])(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat)[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}$")
_NOUN_RIGHT_AFTER = re.compile(r"[ \t]+([a-z]+)(?![\w’'-])")


def _named_before_document(text: str, start: int, end: int, documents: Collection[str]) -> str | None:
    """The document noun a name modifies after a determiner ("a new Harlow Research report",
    "the Ruiz memo"): the name is its author, so a later "the report" goes to it; None for a
    noun that is no document."""
    after = _NOUN_RIGHT_AFTER.match(text, end)
    if after is None or after.group(1) not in documents \
            or _DETERMINER_BEFORE.search(text, max(0, start - 30), start) is None:
        return None
    return after.group(1)


@lru_cache(maxsize=1)
def _document_in() -> re.Pattern:
    # "In a letter to parents, headteacher " / "In an open letter on Monday, " / "In her statement, the
    # club's " right before a name: a sentence-opening "In", a determiner, up to two modifiers,
    # the document noun (group 1; data/extract/document_nouns.txt), what follows it up to the
    # comma, then up to three lower-case words of role.
    nouns = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/document_nouns.txt")))
    return re.compile(
        r"(?:(?<=^)|(?<=\n)|(?<=[.!?”\"’][ \t]))[Ii]n[ \t]+(?:a|an|his|her|their|its|the)[ \t]+"
        r"(?:[\w-]+[ \t]+){0,2}?(" + nouns + r")\b[^.,;:!?\n“”\"]{0,60},[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}$")


# What follows a lead phrase's closing comma up to the name: up to three lower-case words of role
# (the end of :func:`_document_in`'s pattern).
_AFTER_LEAD = re.compile(r"[ \t]+(?:[a-z][\w’'-]*[ \t]+){0,3}$")


def _document_in_lead(text: str, start: int) -> str | None:
    """The document noun of a lead phrase "In a letter …, " that ends right before the name at
    ``start`` (up to three role words between), else None."""
    comma = text.rfind(",", max(0, start - _COMMA_REACH), start)
    if comma < 0 or _AFTER_LEAD.match(text, comma + 1, start) is None:
        return None                       # the cheap tests first: most names follow no comma, or not just after one
    m = _document_in().search(text, max(0, start - LEAD_REACH), start)
    return m.group(1) if m else None


# A poll or survey named with its makers joined by "/" or "-": "a KVBT/Orlan poll", "the latest
# Velmara Today/Vote for Change Poll", "a new Harlow Press-Zent survey" (group 1: the joint
# name, maybe after a capitalised function word such as "A"; group 2: the document).
# It is read back from each survey noun (the anchor), at most JOINT_REACH characters.
@lru_cache(maxsize=1)
def _joint_makers() -> tuple[re.Pattern, re.Pattern]:
    surveys = lexicon.trie_pattern(sorted(lexicon.sections("extract/author_nouns.txt")["surveys"]))
    word = r"[A-Z][\w.&’']*[ \t]+(?:(?:of|the|for|and)[ \t]+)?"      # "Rock the ": a name word, a joiner after it
    return (re.compile(r"(?<![\w.’'/\-])((?:" + word + r"){0,3}[A-Z][\w.&’']*"
                       r"(?:[/\-](?:" + word + r"){0,3}[A-Z][\w.&’']*){1,3})[ \t]+((?i:" + surveys + r"))s?\b"),
            re.compile(r"[ \t](?i:" + surveys + r")s?\b"))


JOINT_REACH = 400             # characters at most of a joint name and its survey noun


_NON_SPACE = re.compile(r"\S+")


def joint_makers(text: str) -> list[tuple[int, int, int, str]]:
    """(start, end, document end, document noun) of each poll or survey named with its makers
    joined by "/" or "-" ("a KVBT/Orlan poll", "a new Harlow Press-Zent survey";
    data/extract/author_nouns.txt [surveys]): text[start:end] is the joint name, one body, the
    author of the document."""
    function = lexicon.lower_words("text/function_words.txt")
    out = []
    for m in ending_at(*_joint_makers(), text, JOINT_REACH):
        noun = m.group(2).lower()
        words = list(_NON_SPACE.finditer(text, m.start(1), m.end(1)))
        k = 0
        while k < len(words) - 1 and (words[k].group().lower() in function or dated_word(words[k].group())):
            k += 1                        # "A KVBT/Orlan poll", "a September KVBT/Orlan poll", "May’s": not "A", no date
        out.append((words[k].start(), m.end(1), m.end(2), noun))
    return out


SUBJECT_REACH = 160           # characters back from a making verb its subject may start


@lru_cache(maxsize=1)
def _making() -> tuple[dict[str, str], re.Pattern]:
    # "sue", "is releasing", "sent": a verb whose subject makes a document (data/extract/making_verbs.tsv)
    verbs = lexicon.pairs("extract/making_verbs.tsv")
    return verbs, re.compile(r"(?<![\w’'\-])(" + lexicon.trie_pattern(sorted(verbs)) + r")(?![\w’'\-])")


# A making verb's object: " out a fundraising email", " a new 30-second ad", " its annual report"
# (group 1: the words after its determiner, the document noun among them).
_MADE_OBJECT = re.compile(r"[ \t]+(?:out[ \t]+)?(?:an?|its|his|her|their|the)[ \t]+"
                          r"((?:[\w’'\-]+[ \t]+){0,3}[a-z][a-z\-]*)")
# A passive before the verb (not an -ing form): "was sued", "were sent": its subject made nothing.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|got)[ \t]+$")
# Where a sentence ends before a verb (its subject comes after the last one).
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?[ \t]+|\n")
# A word between a name and the verb that opens another clause, so the name is not its subject:
# "Ruiz said the city sued …", "the firm that Ortiz sued".
_OTHER_CLAUSE = re.compile(r"\b(?:said|says|told|tells|that|who|whom|whose|which|when|after|before|because|if|while)\b"
                           r"|[;:“”\"]")


def made_documents(text: str, model) -> list[tuple[int, str, int]]:
    """(offset, document noun, author) for each document a named subject makes with a making
    verb (data/extract/making_verbs.tsv), in any tense: "The Leland Party … will sue the
    county" (a lawsuit), "Councillor Ana Ruiz is releasing a new radio ad" (an ad); one pass
    over the text, each verb reading back a bounded window for its sentence's first name."""
    verbs, pattern = _making()
    out = []
    for m in pattern.finditer(text):
        noun, at = verbs[m.group(1)], m.end()
        if noun == "-":
            obj = _MADE_OBJECT.match(text, m.end())
            word = next((w for w in obj.group(1).split() if is_document(w)), None) if obj else None
            if word is None:
                continue
            at = obj.start(1) + obj.group(1).index(word) + len(word)
            noun = document_singular(word)      # "ads" -> "ad"
        if not m.group(1).endswith("ing") and _PASSIVE.search(text, max(0, m.start() - 8), m.start()):
            continue
        eid = _sentence_subject(text, model, m.start())
        if eid is not None:
            out.append((at, noun, eid))
    return out


def _sentence_subject(text: str, model, verb: int) -> int | None:
    """The entity first named in the sentence of the verb at ``verb``, before it and within
    SUBJECT_REACH characters, with no other clause between them; else None."""
    lo = max(0, verb - SUBJECT_REACH)
    for end in _SENTENCE_END.finditer(text, lo, verb):
        lo = end.end()
    i = bisect.bisect_left(model.starts, lo)
    if i >= len(model.occurrences):
        return None
    occ = model.occurrences[i]
    if occ.quoted or occ.end > verb or _OTHER_CLAUSE.search(text, occ.end, verb):
        return None
    return occ.entity


AUTHOR_REACH = 3000           # characters back a document's description looks for its author
AUTHOR_AHEAD = 1000            # characters ahead it looks when no earlier one has an author
AUTHOR_BACK = 6               # documents named with their authors it looks back over at most


def issued(noun: str) -> bool:
    """Whether a body issues a document of this noun in its own name: a statement, release or
    letter (data/extract/issued_documents.txt), a report or a survey (data/extract/author_nouns.txt
    [reports], [surveys]); not a lawsuit or a summary, which others may write of it."""
    sections = lexicon.sections("extract/author_nouns.txt")
    return noun in lexicon.lower_words("extract/issued_documents.txt") or noun in sections["reports"] \
        or noun in sections["surveys"]


def kind_of(noun: str | None) -> str | None:
    """The kind of document a noun names (data/extract/document_kinds.tsv): "letter" for
    "missive", "lawsuit" for "suit"; a noun not listed is a kind of its own."""
    return lexicon.pairs("extract/document_kinds.tsv").get(noun, noun) if noun is not None else None


def is_document(word: str) -> bool:
    """Whether a lower-case word is a document noun (data/extract/document_nouns.txt), or its
    plural ("polls" in "recent polls compiled by X")."""
    return document_singular(word) is not None


def document_singular(word: str) -> str | None:
    """The document noun a lower-case word is, or is the plural of ("polls" -> "poll"); else None."""
    documents = lexicon.lower_words("extract/document_nouns.txt")
    if word in documents:
        return word
    return word[:-1] if word.endswith("s") and word[:-1] in documents else None


def author_of(model, noun: str | None, start: int) -> int | None:
    """The author of the document a description names: of the most recent document of its
    kind (:func:`kind_of`) the text named with its author before ``start`` ("a new Suffolk
    University poll … The poll found"; "Orla Quinn filed a petition … The petition says"),
    within AUTHOR_REACH characters and AUTHOR_BACK documents; ``noun`` None: the author of
    whichever work has authors ("the authors", "the researchers"; data/extract/author_nouns.txt)."""
    i = bisect.bisect_left(model.authored, (start,))
    kind = kind_of(noun)
    kinds_of = lexicon.sections("extract/author_nouns.txt")
    for at, written, eid in reversed(model.authored[max(0, i - AUTHOR_BACK):i]):
        if start - at > AUTHOR_REACH:
            break
        if kind_of(written) == kind or noun is None and written in kinds_of["works"] \
                or noun in kinds_of["reports"] and written in kinds_of["reports"] \
                or noun in kinds_of["outputs"]:        # "an audit …. The report said"; "a poll …. The findings show"
            return eid
    return _author_ahead(model, kind, start) if noun is not None else None


def renew(model, start: int, noun: str, eid: int) -> None:
    """Record a mention at ``start`` of a document (noun ``noun``) resolved to its author ``eid``
    as a fresh mention of it, so that a later "the poll" reaches the author through the chain of
    mentions ("The Courier conducted a poll … the poll … the poll", each within AUTHOR_REACH
    characters of the one before), not only from where the author was named."""
    bisect.insort(model.authored, (start, noun, eid))


# An indefinite article opening a mention: "A court document …" is a document not named before.
_INDEFINITE = re.compile(r"(?:an?|one)\s", re.IGNORECASE)


def mentioned_author(text: str, model, noun: str, start: int) -> int | None:
    """The author of the document a mention with no author in it names (noun ``noun``): for a
    definite one ("the petition"), :func:`author_of`'s; an indefinite one ("A court document
    filed Thursday says …") introduces the document, so the first of its kind the text names
    with its author after it (:func:`_author_ahead`) comes first, before any earlier one (a
    summary above the text may have named it)."""
    ahead = _author_ahead(model, kind_of(noun), start) if _INDEFINITE.match(text, start) else None
    return ahead if ahead is not None else author_of(model, noun, start)


def _author_ahead(model, kind: str, start: int) -> int | None:
    """The author of the first document of that kind the text names with its author after
    ``start``, within AUTHOR_AHEAD characters: a document given first with no author ("Poll:
    … leads", "a new statewide poll has found") whose author the next mention names ("The
    poll, released on Wednesday by the Harlow Institute, …")."""
    i = bisect.bisect_left(model.authored, (start,))
    for at, written, eid in model.authored[i:i + AUTHOR_BACK]:
        if at - start > AUTHOR_AHEAD:
            break
        if kind_of(written) == kind:
            return eid
    return None


@lru_cache(maxsize=1)
def _unnamed_authors() -> str:
    """The unnamed people a work's author is given as, as a pattern: "researchers", "a team"
    (data/extract/author_nouns.txt [unnamed])."""
    return lexicon.trie_pattern(sorted(lexicon.sections("extract/author_nouns.txt")["unnamed"]))


@lru_cache(maxsize=1)
def _unnamed_authors_before() -> re.Pattern:
    """"researchers at " in "a study by researchers at X", right before the body's name."""
    return re.compile(r"(?:%s)\s+(?:at|from|of)\s+(?:the\s+)?$" % _unnamed_authors())


def work_author(text: str, model, start: int) -> int | None:
    """The author "the authors" or "the researchers" stands for: that of the work the text
    named last with its author (:func:`author_of`); None when the work's authors were
    unnamed people of it ("a study by researchers at Corvane University": "the researchers"
    are those people, read as the unnamed source they are), however often "the study" was
    resolved to the body since (:func:`renew`)."""
    eid = author_of(model, None, start)
    occ = _author_named(model, eid, start) if eid is not None else None
    if occ is not None and _unnamed_authors_before().search(text, max(0, occ.start - 30), occ.start):
        return None
    return eid


def _author_named(model, eid: int, start: int):
    """Where the author ``eid`` was last named with a document before ``start``: the occurrence
    of it that ends the 200 characters before a recorded document, within AUTHOR_BACK of them;
    a later mention of the document resolved to it (:func:`renew`, "The study found") names
    no one, so it is passed over."""
    i = bisect.bisect_left(model.authored, (start,))
    for at, _, e in reversed(model.authored[max(0, i - AUTHOR_BACK):i]):
        occ = model.at(max(0, at - 200), at) if e == eid else None
        if occ is not None and occ.entity == eid:
            return occ
    return None


# "A statement from the three hikers", "a letter signed by 40 MPs", "data from the Labor
# Department": a document and its author ("a poll of voters" names whom it asked, not its author);
# a publishing participle (data/extract/publishing_participles.txt) or "posted" may come between.
@lru_cache(maxsize=1)
def _document_from_author() -> re.Pattern:
    participles = lexicon.lower_words("extract/publishing_participles.txt") | {"posted", "available"}
    participles = lexicon.trie_pattern(sorted(participles))
    return re.compile(r"(?:(?:an?|the|one|this|that)\s+)?(?:[\w\-]+\s+){0,2}?([\w\-]+)\s+"
                      r"(?:(" + participles + r")\s+)?(?:from|by)\s+(?=\S)", re.IGNORECASE)


# A time after the author: "on Monday" in "a poll published by the Velmara Institute on Monday".
_AUTHOR_TIME = re.compile(r"\s+(?:on|last|this|earlier|in)\s+(?:[A-Z][a-z]+day|week|month|year|January|February|"
                          r"March|April|May|June|July|August|September|October|November|December)\b.*$", re.DOTALL)


# The author named right after a document mention cut short at its participle: "Figures" in
# "Figures published by the Guild of Midwives suggest …" (group 1: the author's name).
_AUTHOR_AFTER = re.compile(r"\s+(?:issued|released|published|compiled|commissioned)\s+(?:from|by)\s+"
                           r"((?:the\s+)?(?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and)\s+)?)*[A-Z][\w’'\-]*)")


# Where a document's author ends: a participle that says where or when it came out ("a study by
# researchers at Corvane University published Wednesday in …").
_AUTHOR_END = re.compile(r"\s+(?:published|released|issued|posted|presented|unveiled|made\s+public)\b")


def document_author(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the author a document mention names ("a statement from the three hikers"
    gives "the three hikers"; "a study by researchers at X published Wednesday in Y" gives
    "researchers at X"; "Figures" before "published by the Guild" the Guild; "a yearly Harlow
    poll of voters" gives "Harlow poll", read as a name and its document; "Ruiz’s new memoir"
    gives "Ruiz"), the span of the document a part or copy of it stands for ("a copy of the
    letter seen by X" gives "the letter"), or None when the mention is no document of that shape."""
    documents = lexicon.lower_words("extract/document_nouns.txt")
    after = _AUTHOR_AFTER.match(text, end)
    if after is not None and text[start:end].split()[-1].lower() in documents:
        return after.start(1), after.end(1)
    part = _document_part(text, start, end)
    if part is not None:
        return part
    press = _in_publication().fullmatch(text, start, end)
    if press is not None and not dated(press.group(1).split()):
        return press.span(1)              # "a new article in the Harlow Courier": the Courier
    owner = _OWNER_DOCUMENT.fullmatch(text, start, end)
    if owner is not None and is_document(owner.group(2)) and not dated(owner.group(1).split()):
        return owner.span(1)              # not "Tuesday’s results": a day is no author
    m = _document_from_author().match(text, start, end)
    if m is None or not is_document(m.group(1).lower()):
        return _author_before(text, start, end)
    cut = _AUTHOR_END.search(text, m.end(), end) or _AUTHOR_TIME.search(text, m.end(), end)
    stop = cut.start() if cut is not None else end
    client = _CLIENT.search(text, m.end(), stop) if (m.group(2) or "").lower() in _FOR_CLIENTS else None
    author = _past_modifiers(text, m.end())
    return author, client.start() if client is not None else stop    # "conducted by X for the Y": X


# Lower-case modifiers before an author's name: "the left-leaning " in "a paper from the left-leaning
# Brookings Institution" (not "researchers at ": a preposition keeps the people who wrote it).
_MODIFIERS_BEFORE_NAME = re.compile(r"(?:the\s+)?((?:[a-z][\w\-]*\s+){1,2})(?=[A-Z])")


def _past_modifiers(text: str, start: int) -> int:
    """Where an author's name starts past lower-case modifiers at ``start`` ("the progressive
    Center for Tax Policy": "Center …"), or ``start`` when none or when one is a function word."""
    m = _MODIFIERS_BEFORE_NAME.match(text, start)
    return m.end() if m is not None and not any(w in _no_modifiers() for w in m.group(1).split()) else start


@lru_cache(maxsize=1)
def _no_modifiers() -> frozenset[str]:
    """Words that are no modifier of an author's name: function words and the prepositions of
    a noun phrase (read once, not on every author)."""
    return lexicon.lower_words("text/function_words.txt") | lexicon.lower_words("extract/np_prepositions.txt")


# A piece in a named publication: "a new article in the Harlow Courier", "an op-ed in Velmara Today"
# (group 1: the publication, its author; data/extract/publication_pieces.txt).
@lru_cache(maxsize=1)
def _in_publication() -> re.Pattern:
    pieces = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/publication_pieces.txt")))
    return re.compile(r"(?:(?i:an?|the|this|that|one)\s+)?(?:[\w\-]+\s+){0,2}?(?:" + pieces + r")\s+in\s+"
                      r"((?:[Tt]he\s+)?[A-Z][\w.&’'\-]*(?:\s+[A-Z][\w.&’'\-]*){0,4})")


# A client after a work's maker: " for " in "an exit poll conducted by Edison Research for the networks",
# after the participles that take one (a poll is conducted, a report prepared, for someone).
_CLIENT = re.compile(r"\s+for\s+")
_FOR_CLIENTS = frozenset({"conducted", "prepared", "produced", "compiled", "commissioned"})


# A named owner's document: "Ruiz’s new memoir", "the Harbour Agency's annual report" (group 1:
# the owner's name, capitalised words; group 2: the document noun, after up to two modifiers).
_OWNER_DOCUMENT = re.compile(r"(?:the\s+)?((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)(?:’s|'s|’|')\s+"
                             r"(?:[a-z\-]+\s+){0,2}([a-z\-]+)")
# A possessive pronoun opening a mention: "his " in "his speech released by X".
_PRONOUN_OWNED = re.compile(r"(?:his|her|its|their)\s", re.IGNORECASE)
# A part or copy of something before "of": "a copy of ", "the full results of " (group 1: the part).
_PART_OF = re.compile(r"(?:(?:an?|the|one)\s+)?(?:[a-z\-]+\s+)?([A-Za-z]+)\s+of\s+(?=\S)")
# A word of what follows, for its document noun.
_WORD = re.compile(r"[\w.’'\-]+")
PART_WORDS = 6                # words after "of" a part's document noun may come at most


def _document_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The document a part or copy of it stands for (data/extract/document_parts.txt): its
    author when it names one ("the results of the latest Harlow College poll" gives "Harlow
    College poll"), else the document up to its noun ("a copy of the letter seen by X" gives
    "the letter": who saw it is no author); None for no part of a document."""
    m = _PART_OF.match(text, start, end)
    if m is None or m.group(1).lower() not in lexicon.lower_words("extract/document_parts.txt") \
            or _PRONOUN_OWNED.match(text, m.end(), end):
        return None                       # "excerpts of his speech": his, not read here
    author = document_author(text, m.end(), end)
    if author is not None:
        return author
    for k, w in enumerate(_WORD.finditer(text, m.end(), end)):
        if k >= PART_WORDS:
            break
        if is_document(w.group().lower()):
            return m.end(), w.end()
    press = _PUBLICATION.fullmatch(text, m.end(), end) if m.group(1).lower() in _PRINTED_PARTS else None
    return press.span(1) if press is not None and not dated(press.group(1).split()) else None


# The parts a publication prints, given as a speaker for it: "the front page of the Harlow Courier".
_PRINTED_PARTS = frozenset({"page", "cover"})
# A publication's name after a part of it (group 1): "the Harlow Courier", "Velmara Today".
_PUBLICATION = re.compile(r"((?:[Tt]he\s+)?[A-Z][\w.&’'\-]*(?:\s+[A-Z][\w.&’'\-]*){0,4})")


# A document whose author's name modifies it, after an article and up to three lower-case
# words: "a yearly Harlow Institute poll", "an Orbis Media survey of delegates", "the Civic
# Data polling average" (the name: capitalised words, "of"/"&"/"and" between two of them).
_AUTHOR_BEFORE = re.compile(r"(?:(?i:an?|the|this|that|one)\s+)?(?:[a-z][\w\-]*\s+|\d{4}\s+){0,3}?"
                            r"((?:[A-Z][\w.&’'/\-]*\s+(?:(?:of|and|&)\s+(?=[A-Z]))?)+?)([a-z\-]+)(?:\s+([a-z\-]+))?\b")


def _author_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name and document of a mention whose author modifies the document ("a yearly
    Harlow Institute poll" -> "Harlow Institute poll"), the name alone when the survey is
    written as part of it ("a national Harlow Poll" -> "Harlow"); None for a possessive ("Ruiz’s
    memoir" is read elsewhere) or when the mention is already that span."""
    titled = _titled_survey().match(text, start, end)
    if titled is not None:
        return titled.span(1)
    m = _AUTHOR_BEFORE.match(text, start, end)
    polled = m is not None and m.group(2) in lexicon.lower_words("extract/poll_kinds.txt") \
        and survey_word(m.group(3) or "")      # "a KTRV tracking poll": the poll's kind between name and noun
    if m is None or not (kept_by(m.group(2)) or polled) or m.group(1).rstrip().endswith(POSSESSIVES) \
            or dated(m.group(1).split()) or m.start(1) == start and common_modifier(text, start, m.group(1).strip()):
        return None                       # "a Wednesday editorial in the X": a day is no author; "Early results"
    if polled:
        return m.start(1), m.start(1) + len(m.group(1).rstrip())      # its maker's name alone
    last = 3 if m.group(3) and kept_by(m.group(3)) else 2
    after = text[m.end(last):end].split(maxsplit=1)
    if after and after[0][:1].isalnum() and after[0] not in _AFTER_DOCUMENT:
        return None                       # "White House press secretary …": no document
    span = m.start(1), m.end(last)
    return span if span != (start, end) else None


def kept_by(noun: str) -> bool:
    """Whether a lower-case noun after a name is what that name wrote or keeps, so that the
    name is its author: a document ("poll", "filings") or the records a body keeps ("records",
    "data": data/extract/author_nouns.txt [sources]), as in "FEC records show …"."""
    return is_document(noun) or noun in lexicon.sections("extract/author_nouns.txt")["sources"]


# A survey written capitalised after its maker's name, as part of it: "a national Harlow Poll taken last
# week", "The Velmara Research Survey" (group 1: the name, group 2: the survey word, :func:`survey_word`).
@lru_cache(maxsize=1)
def _titled_survey() -> re.Pattern:
    surveys = lexicon.sections("extract/author_nouns.txt")["surveys"]
    surveys = lexicon.trie_pattern(sorted(w.capitalize() for w in surveys))
    return re.compile(r"(?:(?i:an?|the|this|that|one)\s+)?(?:[a-z][\w\-]*\s+|\d{4}\s+){0,3}?"
                      r"((?:[A-Z][\w.&’'\-]*\s+(?:(?:of|and|&)\s+(?=[A-Z]))?)*?[A-Z][\w.&’'\-]*)\s+"
                      r"(" + surveys + r")(?![\w’'\-])")


def survey_word(word: str) -> bool:
    """Whether a word, in any case, names a survey a body runs ("poll", "Poll", "survey";
    data/extract/author_nouns.txt [surveys])."""
    return word.lower() in lexicon.sections("extract/author_nouns.txt")["surveys"]


_LONGEST_DAY = 12            # characters back from a survey noun a day or month before it is read
# The word right after a name, in any case, past up to two words of the poll's kind (data/extract/
# poll_kinds.txt): "Poll" in "a Harlow Poll", "poll" in "the Harlow Consult poll", "a Harlow News national poll".
@lru_cache(maxsize=1)
def _survey_after() -> re.Pattern:
    kinds = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/poll_kinds.txt")))
    return re.compile(r"(?:[ \t]+(?:" + kinds + r")(?![\w’'\-])){0,2}[ \t]+([A-Za-z]+)(?![\w’'\-])")


def survey_after(text: str, end: int) -> str | None:
    """The survey noun, lower-cased, right after a name ending at ``end`` ("a Harlow Consult poll",
    "a national Harlow Poll", "a Harlow News exit poll": "poll"), so the name is its maker, a
    body; else None, also when the word before it is a day or month ("a June poll", "January
    polls": a date, no pollster)."""
    m = _survey_after().match(text, end)
    if m is None or not survey_word(m.group(1)):
        return None
    return None if dated(text[max(0, end - _LONGEST_DAY):end].split()[-1:]) else m.group(1).lower()


# What may follow a document after its author's name: "… survey of delegates", "… poll released Monday".
_AFTER_DOCUMENT = frozenset({"of", "on", "in", "for", "from", "by", "at", "with", "released", "published",
                             "conducted", "taken", "this", "last", "that", "which"})


# A document given as a speaker with no author in the mention: "the letter", "a new statewide poll",
# "That missive", "Poll" (a headline word), "the 50-state poll", "a June poll", "January polls" (a day or month
# is no author, data/extract/calendar_words.txt): a determiner, up to three lower-case modifiers, the noun (group 1),
# maybe with when it came out ("the order released Friday", "A court document filed on Thursday": a
# publishing participle, data/extract/publishing_participles.txt, and a day or "last week").
@lru_cache(maxsize=1)
def _document_mention() -> re.Pattern:
    participles = lexicon.trie_pattern(sorted(lexicon.lower_words("extract/publishing_participles.txt")))
    days = lexicon.trie_pattern(sorted(lexicon.words("extract/calendar_words.txt")))
    return re.compile(r"(?:(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ne)\s+(?:(?:[a-z\d][\w\-]*|" + days + r")\s+){0,3}?"
                      r"|(?:" + days + r")\s+)?([A-Za-z][a-z\-]*)"
                      r"(?:\s+(?:" + participles + r")\s+(?:(?:on|last|this|earlier)\s+)?"
                      r"(?:[A-Z][a-z]+day|week|month|today|yesterday))?")


def dated_document(text: str, start: int, end: int) -> bool:
    """Whether a mention is a document with no author whose only capitalised modifier is a day
    or month ("a June poll", "January polls"): a date, never a name, so no one when no author
    of that kind is found."""
    return document_noun(text, start, end) is not None and dated(text[start:end].split()[:-1])


def document_noun(text: str, start: int, end: int) -> str | None:
    """The document noun of a mention that is a document with no author in it ("the letter",
    "a new statewide poll", "Poll"), lower-cased, else None (also for a bare source noun, "Data
    show …": data/extract/author_nouns.txt [sources]); its author is :func:`author_of`'s."""
    m = _document_mention().fullmatch(text, start, end)
    if m is None:
        return None
    noun = m.group(1).lower()
    if m.start(1) == start and noun in lexicon.sections("extract/author_nouns.txt")["sources"]:
        return None                       # "Data show …": data in general
    return document_singular(noun)        # "the reports": of "Harlow Commission reports"


# A document an organisation's pronoun owns: "its own analysis", "their report" (group 1: the pronoun,
# 2: the document).
_OWN_DOCUMENT = re.compile(r"(its|their)\s+(?:own\s+|latest\s+|new\s+)?([a-z]+)")
# A person's own work, its title after it: "his book “The Long Road”", "several of her findings" (group 2:
# the work, data/extract/author_nouns.txt [works]).
_HIS_WORK = re.compile(r"(?:(?i:several|some|one|many)\s+of\s+)?(his|her|His|Her)\s+(?:own\s+|latest\s+|new\s+)?"
                       r"([a-z\-]+)(?:,?\s+[“\"'‘A-Z][^\n]*)?")


def owned_document(text: str, start: int, end: int) -> str | None:
    """The possessive pronoun, lower-cased, that owns the document a mention is: "its" or
    "their" for a document ("its own analysis"), "his" or "her" for a person's work ("his
    book “The Long Road”", "several of her findings"); else None.  The owner is the author."""
    own = _OWN_DOCUMENT.fullmatch(text[start:end].lower())
    if own is not None and own.group(2) in lexicon.lower_words("extract/document_nouns.txt"):
        return own.group(1)
    work = _HIS_WORK.fullmatch(text, start, end)
    if work is not None and work.group(2) in lexicon.sections("extract/author_nouns.txt")["works"]:
        return work.group(1).lower()
    return None


"""Stage 5: resolve source mentions to speakers.

* A name is split into its title and the name proper ("US Secretary of Defense" /
  "Mark Esper").
* A surname alone maps to the earliest, longest full name in the article that
  ends with it ("Gantz" -> "Benny Gantz").
* A pronoun maps to the nearest preceding speaker of a compatible gender within
  two paragraphs, else to the nearest preceding person named in the text.  Gender
  is known only from what the text shows: an honorific or gendered title
  ("Mrs.", "spokeswoman") or a pronoun already resolved to that person.
* An organisation keeps its name without a leading "the"; an unnamed descriptor
  ("a senior official") is kept as written without its article.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import lru_cache
import re

from ..text import lexicon
from ..text.names import split_title
from .segment import paragraph_ranks
from .attribute import Attribution
from ..model import Entity, Mention, Paragraph, Sentence


_words = lexicon.WordClasses("word_classes.txt")   # _words.name_joiners, ... (data/word_classes.txt)

# A run of capitalised words, allowing "of", "the", "and", "de", "bin" inside and abbreviations:
# "US Secretary of Defense Mark Esper", "Sen. Ted Cruz", "Mr. Trump".
_NAME_RUN = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'\-]*\.?)(?:[ \t]+(?:(?:of|the|de|da|van|von|bin|al|la|le)[ \t]+)?[A-Z][\w’'\-]*\.?)*")
_WORD = re.compile(r"\S+")
# A capitalised word and one space right before a word: "Barack " in "''Barack Obama".
_AFTER_NAME_WORD = re.compile(r"[A-Z][\w’'\-]*[ \t]$")
# ", a spokeswoman for the union" right after a name: the gendered noun shows the gender.
_APPOSITIVE_NOUN = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+(?:[\w’'\-]+\s+){0,3}?([\w’'\-]+)")
_POSSESSIVES = ("’s", "'s", "’", "'")
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
PRONOUN_WINDOW_PARAGRAPHS = 2
MAX_LOOKBACK = 200
# Rules whose source opens a headline or a pull quote: they do not carry a speaker forward.
_NO_CONTINUITY = frozenset({"colon", "dash"})


@lru_cache(maxsize=1)
def _lists():
    return (
        lexicon.lower_words("titles.txt"),
        lexicon.lower_words("org_words.txt"),
        lexicon.pairs("honorifics.tsv"),
        lexicon.lower_words("function_words.txt"),
        lexicon.lower_words("calendar_words.txt"),
        lexicon.lower_words("determiners.txt"),
        lexicon.pairs("pronouns.tsv"),
    )


def _clean(word: str) -> str:
    """A name word without a possessive or a sentence-final period: "Gantz’s" -> "Gantz"."""
    for ending in _POSSESSIVES:
        if word.endswith(ending):
            word = word[:-len(ending)]
            break
    if word.endswith(".") and len(word) > 2 and word[:-1].isalpha() and not word[:-1].isupper():
        word = word[:-1]
    return word


def _gender_of_title(title_words: list[str]) -> str | None:
    honorifics = _lists()[2]
    for w in title_words:
        g = honorifics.get(w.lower()) or honorifics.get(w.lower().rstrip("."))
        if g in ("m", "f"):
            return g
    return None


@dataclass
class _Person:
    name: str
    title: str | None
    gender: str | None
    first: int
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class _NameIndex:
    """The people named in a document, by surname, and every place one is named; and the
    organisations named (capitalised runs with an organisation word), by position."""
    by_surname: dict[str, _Person]
    positions: list[int]                 # start offsets of person names, sorted
    persons_at: list[_Person]
    org_positions: list[int] = field(default_factory=list)
    orgs_at: list[str] = field(default_factory=list)
    # per place in ``positions``: (end offset, title words, name words) as written there
    written_at: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)


def _is_person_name(name: list[str]) -> bool:
    titles, orgs, _, function, calendar, _, _ = _lists()
    if not name or any(w.lower() in orgs for w in name):
        return False
    if " ".join(name) in lexicon.words("places.txt"):
        return False                      # "New Hampshire", "Abu Dhabi"
    if any(w.lower() in function or w.lower() in calendar for w in name if w.lower() not in _words.name_particles):
        return False
    return all(w[:1].isupper() or w.lower() in _words.name_particles for w in name)


def _runs(text: str, single: bool = False):
    """Capitalised name runs as lists of (offset, word), split where a word ends a sentence
    ("Washington. Defense Minister Benny Gantz" is two runs; "Sen. Ted Cruz" and "Jason C.
    Ervin" are one).  A lone capitalised word is left out unless ``single``."""
    abbreviations = lexicon.lower_words("abbreviations.txt")
    for m in _NAME_RUN.finditer(text):
        group = m.group()
        if not single and " " not in group and "\t" not in group:
            continue                      # one word: neither a full name nor a title and a name
        run: list[tuple[int, str]] = []
        for w in _WORD.finditer(group):
            word = w.group()
            run.append((m.start() + w.start(), word))
            stem = word[:-1].lower()
            if word.endswith(".") and len(stem) > 1 and stem not in abbreviations:
                yield run
                run = []
        if run:
            yield run


def index_names(text: str, skip: list[tuple[int, int]] = ()) -> _NameIndex:
    """Find every titled or full personal name in the text, outside the ``skip`` spans
    (photo credits and other page furniture)."""
    runs: list[tuple[int, int, list[str], list[str], str | None]] = []
    function = _lists()[3]
    honorifics = _lists()[2]
    skip_starts = [a for a, _ in skip]
    orgs: list[tuple[int, str]] = []
    for run in _runs(text):
        k = bisect.bisect_right(skip_starts, run[0][0]) - 1
        if k >= 0 and run[0][0] < skip[k][1]:
            continue
        while run and run[0][1].lower() in function and run[0][1].lower() not in _lists()[0] \
                and not run[0][1].isupper():
            run = run[1:]                 # "The", "But" opening a sentence; not "US"
        if not run:
            continue
        words = [w for _, w in run]
        title, name = split_title(words)
        name = [_clean(w) for w in name]
        if len(words) >= 2 and any(_clean(w).lower() in _lists()[1] for w in words):
            orgs.append((run[0][0], " ".join(_clean(w) for w in words)))
        if not _is_person_name(name) or (len(name) < 2 and not title):
            continue
        end = run[-1][0] + len(run[-1][1])
        appositive = _APPOSITIVE_NOUN.match(text, end, min(len(text), end + 80))
        gender = honorifics.get(appositive.group(1).lower()) if appositive else None
        last = run[-1][1]
        name_end = run[-1][0] + len(name[-1]) if name and last.startswith(name[-1]) else end
        runs.append((run[0][0], name_end, title, name, gender if gender in ("m", "f") else None))
    by_surname: dict[str, _Person] = {}
    positions: list[int] = []
    persons_at: list[_Person] = []
    written_at: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = []
    for offset, end, title, name, appositive_gender in runs:
        surname = name[-1]
        person = by_surname.get(surname)
        full = " ".join(name)
        if person is None:
            person = _Person(full, None, None, offset)
            by_surname[surname] = person
        elif len(name) > len(person.name.split()):
            person.name = full
        if title and person.title is None:
            person.title = " ".join(title)
        person.gender = person.gender or _gender_of_title(title) or appositive_gender
        positions.append(offset)
        persons_at.append(person)
        written_at.append((end, tuple(title), tuple(name)))
    return _NameIndex(by_surname, positions, persons_at, [o for o, _ in orgs], [n for _, n in orgs],
                      written_at)


@dataclass(frozen=True, slots=True)
class Named:
    """A place where a person is named: in full or with a title ("Defense Minister Benny
    Gantz") or by a surname the article gives in full somewhere ("Gantz").

    ``text == document_text[start:end]``; ``person`` is the fullest name the article gives
    that surname; ``first`` the given name as written here (None for a surname alone);
    ``title`` the title as written here; ``gender`` what the article's titles and appositives
    show ("m", "f" or None); ``subject`` whether the name opens a main clause
    (:func:`main_subject`).
    """
    start: int
    end: int
    text: str
    person: str
    surname: str
    first: str | None
    title: str | None
    gender: str | None
    subject: bool = False     # the name opens a main clause ("Gantz said", "…, and Esper met"), see main_subject


def named_people(text: str, skip: list[tuple[int, int]] = ()) -> tuple[Named, ...]:
    """Every place a person is named, in order, outside the ``skip`` spans.

    >>> [(n.text, n.person, n.first, n.title) for n in named_people(
    ...     "Defense Minister Benny Gantz met Esper. Gantz said it went well.")]
    [('Defense Minister Benny Gantz', 'Benny Gantz', 'Benny', 'Defense Minister'), ('Gantz', 'Benny Gantz', None, None)]
    """
    names = index_names(text, skip)
    out: list[Named] = []
    for offset, person, (end, title, name) in zip(names.positions, names.persons_at, names.written_at):
        surname = name[-1]
        if surname.endswith(".") and len(surname) > 2 and surname[-2].islower():
            surname, end = surname[:-1], end - 1      # "Ms. Shanklin-Hawkins." at a sentence end
        out.append(Named(offset, end, text[offset:end], person.name, surname,
                         name[0] if len(name) > 1 else None, " ".join(title) or None, person.gender,
                         main_subject(text, offset, end)))
    taken = [(n.start, n.end) for n in out]
    starts = [a for a, _ in taken]
    skip_starts = [a for a, _ in skip]
    for run in _runs(text, single=True):
        if len(run) != 1:
            continue
        offset, word = run[0]
        surname = _clean(word).rstrip(".")     # "Shanklin-Hawkins." at a sentence end
        before = _AFTER_NAME_WORD.search(text, max(0, offset - 40), offset)
        if before and before.group().strip().lower() not in _lists()[3]:
            continue                      # the end of a name the index missed ("''Barack Obama"), not "But Gantz"
        person = names.by_surname.get(surname)
        if person is None or len(person.name.split()) < 2:
            continue
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and offset < taken[k][1]:
            continue                      # part of a full name found above
        k = bisect.bisect_right(skip_starts, offset) - 1
        if k >= 0 and offset < skip[k][1]:
            continue
        end = offset + len(surname)
        out.append(Named(offset, end, text[offset:end], person.name, surname, None, None, person.gender,
                         main_subject(text, offset, end)))
    out.sort(key=lambda n: n.start)
    return tuple(out)


# The word or mark right before a name, and what is before that word:
# "met " -> ("met"); "Washington. " -> ("."); ". Later " -> (".", "Later").
_BEFORE_NAME = re.compile(r"(?:(^|[^\w\s])\s*)?(?:([A-Za-z’'\-]+)|([^\w\s]))\s*$")


# Words that join two names as well as two clauses: "Esper and Gantz", "…, and Gantz said".
# A capitalised name (with its title) right before a joining word: "US Secretary of Defense
# Mark Esper" in "US Secretary of Defense Mark Esper and".
_NAME_BEFORE = re.compile(
    r"(?<![\w’'])[A-Z][\w’'\-]*\.?(?:[ \t]+(?:(?:of|the|de|da|van|von|bin|al|la|le)[ \t]+)?[A-Z][\w’'\-]*\.?)*$")


def main_subject(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` (its title included) is the subject of a main
    clause: it opens the text or a sentence (perhaps after one opening word: "Later Esper"),
    or follows a comma, semicolon, colon, dash, opening quote mark, or a word of
    data/main_clause_openers.txt ("but", "as", …); after "and"/"or" it is a subject when the
    name before the "and" is one ("Esper and Gantz met", not "between Esper and Gantz") or a
    comma comes first ("…, and Gantz said"); a possessive ("Gantz’s") is not.

    >>> t = "Esper met Gantz. Later Esper and Gantz’s aide left, as Gantz said. Talks with Esper and Gantz ended."
    >>> [main_subject(t, m.start(), m.end()) for m in re.finditer(r"Esper|Gantz", t)]
    [True, False, True, False, True, False, False]
    """
    if text.startswith(_POSSESSIVES, end):
        return False
    lo = max(0, start - 80)
    if not text[lo:start].strip():
        return True
    before = _BEFORE_NAME.search(text, lo, start)
    if before is None:
        return False
    edge, word, mark = before.group(1), before.group(2), before.group(3)
    if mark is not None:
        return mark in ".!?;:,—–-“‘\"'("
    low = word.lower()
    if low in _words.coordinators:                   # "Esper and Gantz": as the name before "and" is
        k = before.start(2)
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k > 0 and text[k - 1] == ",":
            return True                   # "…, and Gantz said": a new clause
        first = _NAME_BEFORE.search(text, max(0, k - 80), k)
        return first is not None and main_subject(text, first.start(), k)
    if low in lexicon.lower_words("main_clause_openers.txt"):
        return True
    # one capitalised word opening the sentence: "Later Esper", "Instead Gantz"
    return word[:1].isupper() and edge is not None and (edge == "" or edge in ".!?\n“\"")


def _mention_type(words: list[str]) -> str:
    titles, orgs, honorifics, function, _, determiners, pronouns = _lists()
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in pronouns:
        return "pronoun"
    title, name = split_title(words)
    if title and name and lows[0] not in ("the", "a", "an"):
        return "person"                  # "Pentagon spokesman Navy Capt. Jeff Davis"
    if any(_clean(w).lower() in orgs for w in words if w[:1].isupper()):
        return "organisation"
    content = [w for w in words if w.lower() not in determiners and w.lower() not in _words.name_joiners]
    if not content:
        return "unknown"
    if content[-1][:1].islower():
        return "organisation" if content[-1].lower() in orgs else "descriptor"
    if lows[0] == "the" and not any(w.lower() in titles for w in words):
        return "organisation"
    return "person"


@dataclass(frozen=True)
class Resolved:
    """A source mention and the speaker it resolved to."""
    mention: Mention | None
    speaker: str | None
    title: str | None
    type: str


def resolve(text: str, attrs: list[Attribution], paras: tuple[Paragraph, ...],
            skip: frozenset[int] = frozenset(), sents: tuple[Sentence, ...] = ()
            ) -> tuple[list[Resolved], tuple[Entity, ...]]:
    """Resolve the source of every attribution (floating quotes take their predecessor's).

    Paragraphs in ``skip`` (page furniture) do not count in the pronoun window; ``sents``
    (the document's sentences) let a pronoun look for the subject of the sentences before it."""
    names = index_names(text, [(p.start, p.end) for p in paras if p.index in skip])
    subjects = _Subjects(text, sents, names)
    rank = paragraph_ranks(paras, skip)
    out: list[Resolved] = []
    speakers: list[tuple[int, int, Resolved, _Person | None]] = []   # (offset, paragraph, resolved, person)
    entities: dict[str, _Person] = {}
    for a in attrs:
        if a.follows is not None and a.follows < len(out):
            prev = out[a.follows]
            out.append(Resolved(None, prev.speaker, prev.title, prev.type))
            continue
        if a.source is None:
            out.append(Resolved(None, None, None, "unknown"))
            continue
        start, end = a.antecedent or a.source     # "Jeb Bush, who announced …": resolve "Jeb Bush"
        written = text[start:end]
        words = written.split()
        kind = _mention_type(words)
        person: _Person | None = None
        if kind == "pronoun":
            res, person = _resolve_pronoun(written, start, rank[a.sentence.paragraph], speakers, names,
                                           subjects)
        elif kind == "person":
            res, person = _resolve_person(written, words, start, end, names)
        elif kind == "organisation":
            name = " ".join(words[1:] if words[0].lower() in ("the", "a", "an") and len(words) > 1 else words)
            res = Resolved(Mention(start, end, written, kind, None, name), _clean(name), None, kind)
            res, person = _refer_back(res, words, start, names)
        else:
            determiners = _lists()[5]
            name = " ".join(words[1:] if words[0].lower() in determiners and len(words) > 1 else words)
            res = Resolved(Mention(start, end, written, kind, None, name), name, None, kind)
            res, person = _refer_back(res, words, start, names)
        if a.antecedent is not None and res.mention is not None:
            res = replace(res, mention=replace(res.mention, start=a.source[0], end=a.source[1],
                                               text=text[a.source[0]:a.source[1]]))
        out.append(res)
        if a.rule not in _NO_CONTINUITY:
            speakers.append((start, rank[a.sentence.paragraph], res, person))
        if person is not None:
            entities.setdefault(person.name, person)
    ents = tuple(Entity(p.name, "person", p.title, p.gender) for p in entities.values())
    return out, ents


def _refer_back(res: Resolved, words: list[str], start: int,
                names: _NameIndex) -> tuple[Resolved, _Person | None]:
    """"the ministry" -> the organisation named before with that word ("Ministry of Health");
    "the minister" -> the person named before with that word in their title.  Only a definite
    phrase ("the …") refers back; "a minister" is someone new."""
    if len(words) < 2 or words[0].lower() != "the" or not words[-1].islower():
        return res, None
    head = _clean(words[-1]).lower()
    titles, orgs = _lists()[0], _lists()[1]
    if head in orgs:
        i = bisect.bisect_left(names.org_positions, start) - 1
        named = {_clean(w) for w in words[1:] if w[:1].isupper()}     # "the Calveran ministry"
        for k in range(i, max(-1, i - MAX_LOOKBACK), -1):
            org = names.orgs_at[k]
            org_words = org.split()
            if head in (w.lower() for w in org_words) and named <= set(org_words):
                return Resolved(res.mention, org[4:] if org.startswith("The ") else org, None, "organisation"), None
    if head in titles:
        i = bisect.bisect_left(names.positions, start) - 1
        for k in range(i, max(-1, i - MAX_LOOKBACK), -1):
            person = names.persons_at[k]
            if person.title and head in (w.lower().rstrip(".") for w in person.title.split()):
                return Resolved(res.mention, person.name, person.title, "person"), person
    return res, None


def _resolve_person(written: str, words: list[str], start: int, end: int,
                    names: _NameIndex) -> tuple[Resolved, _Person | None]:
    title_words, name_words = split_title(words)
    name_words = [_clean(w) for w in name_words]
    title = " ".join(title_words) or None
    if not name_words:
        return Resolved(Mention(start, end, written, "descriptor", title, None), written, title, "descriptor"), None
    person = names.by_surname.get(name_words[-1])
    mention = Mention(start, end, written, "person", title, " ".join(name_words))
    if person is None:
        gender = _gender_of_title(title_words)
        person = _Person(" ".join(name_words), title, gender, start)
        names.by_surname[name_words[-1]] = person
    elif person.title is None and title:
        person.title = title              # "opposition lawmaker Ingrid Haldane", then "Haldane said"
    return Resolved(mention, person.name, title or person.title, "person"), person


def _resolve_pronoun(pronoun: str, start: int, paragraph: int,
                     speakers: list[tuple[int, int, Resolved, _Person | None]],
                     names: _NameIndex, subjects: "_Subjects | None" = None
                     ) -> tuple[Resolved, _Person | None]:
    mention = Mention(start, start + len(pronoun), pronoun, "pronoun")
    pronoun = pronoun.lower()
    gender = PERSON_PRONOUNS.get(pronoun)
    if gender is None:
        want = "organisation" if pronoun == "it" else None
        for _, para, res, person in reversed(speakers):
            if paragraph - para > PRONOUN_WINDOW_PARAGRAPHS:
                break
            if res.type in ("organisation", "descriptor") and (want is None or res.type == want):
                return Resolved(mention, res.speaker, res.title, res.type), None
            if pronoun == "it" and person is not None and person.gender is None \
                    and res.mention is not None and len(res.mention.text.split()) == 1:
                return Resolved(mention, res.speaker, None, "organisation"), None
        return Resolved(mention, None, None, "pronoun"), None
    person = subjects.antecedent(start, gender, 0) if subjects is not None else None
    if person is None:                    # the speaker just before, if nothing rules them out
        latest = next((p for _, para, _, p in reversed(speakers)
                       if p is not None and paragraph - para <= PRONOUN_WINDOW_PARAGRAPHS), None)
        if latest is not None and latest.gender in (gender, None):
            person = latest
    if person is None and subjects is not None:
        person = subjects.antecedent(start, gender, 1)
    if person is not None:
        person.gender = gender
        return Resolved(mention, person.name, person.title, "person"), person
    for wanted in (gender, None):         # people the text shows to be "he"/"she" first
        person = _recent_speaker(speakers, paragraph, wanted) or _nearest_named(names, start, wanted)
        if person is not None:
            person.gender = gender
            return Resolved(mention, person.name, person.title, "person"), person
    return Resolved(mention, None, None, "pronoun"), None


def _recent_speaker(speakers: list[tuple[int, int, Resolved, _Person | None]], paragraph: int,
                    gender: str | None) -> _Person | None:
    """The latest person speaker within the pronoun window whose known gender is ``gender``."""
    for _, para, _, person in reversed(speakers):
        if paragraph - para > PRONOUN_WINDOW_PARAGRAPHS:
            break
        if person is not None and person.gender == gender:
            return person
    return None


def _nearest_named(names: _NameIndex, start: int, gender: str | None) -> _Person | None:
    """The person named last before ``start`` whose known gender is ``gender`` (looking back
    over at most MAX_LOOKBACK names, so a long article costs linear time)."""
    i = bisect.bisect_left(names.positions, start) - 1
    stop = max(-1, i - MAX_LOOKBACK)
    while i > stop:
        if names.persons_at[i].gender == gender:
            return names.persons_at[i]
        i -= 1
    return None


# A word of data/word_classes.txt [subject_openers] before a name leaves the name the
# subject of its clause ("and Gantz said"); any other lower-case word before it (a verb,
# a preposition) makes it an object.
_SUBJECT_SENTENCES_BACK = 3
_TITLE_AFTER = re.compile(r"[ \t]+([a-z][\w\-]*)[ \t]+[A-Z]")
@lru_cache(maxsize=1)
def _title_nouns() -> frozenset[str]:
    return _lists()[0] | lexicon.lower_words("person_nouns.txt")


class _Subjects:
    """People named as the subject of a sentence or clause: a name opening a sentence, after
    an opening phrase and its comma, after a conjunction, in an appositive ("Her opponent,
    County Executive Gordon Pellham, has …"), or right after a speech verb ("said Gantz").
    Built on first use, so a document with no "he"/"she" source pays nothing."""

    def __init__(self, text: str, sents: tuple[Sentence, ...], names: _NameIndex):
        self.text, self.sents, self.names = text, sents, names
        self._found: list[tuple[int, str]] | None = None
        self._starts = [s.start for s in sents]

    def _scan(self) -> list[tuple[int, str]]:
        text = self.text
        cues = lexicon.cues()
        titles = _title_nouns()
        known = self.names.by_surname
        found: list[tuple[int, str]] = []
        for m in _NAME_RUN.finditer(text):
            last = m.group().rsplit(None, 1)[-1]
            if last.endswith(_POSSESSIVES) or text.startswith(("’s", "'s"), m.end()):
                continue                  # "Okafor’s plan"
            if last not in known:
                last = last[:-1]          # "… said Gantz."
                if last not in known:
                    continue
            start = m.start()
            after = _TITLE_AFTER.match(text, m.end())
            if after and after.group(1).lower() in titles:
                continue                  # "Rovers" in "Rovers manager Callum Drysdale"
            if self._opens_clause(start, cues, titles):
                found.append((start, last))
        return found

    def _opens_clause(self, start: int, cues, titles) -> bool:
        """Whether a name starting at ``start`` is the subject of its clause, judged by the
        word before it; a lower-case title before it ("Rovers manager Callum Drysdale") is
        part of the name's phrase, so the judgement moves to the word before that."""
        text = self.text
        i = start - 1
        for _ in range(6):
            while i >= 0 and text[i] in " \t":
                i -= 1
            if i < 0:
                return True
            ch = text[i]
            if ch in "“‘" or (ch in "\"'" and (i == 0 or text[i - 1].isspace())):
                return False              # a name opening a quotation is the speaker's word
            if not ch.isalpha():
                return True
            j = i
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
                j -= 1
            word = text[j:i + 1]
            if not word.islower():
                i = j - 1                 # a capitalised word of the same phrase ("Rovers")
                continue
            if word in titles or word in _words.name_modifiers or "-" in word:
                i = j - 1                 # "three-term County Executive Gordon Pellham"
                continue
            return word in _words.subject_openers or word in cues
        return False

    def antecedent(self, start: int, gender: str, paragraphs: int) -> _Person | None:
        """The subject of the pronoun's own sentence (before it) or of one of the few
        sentences before: in each sentence, the first named subject that the text shows to be of
        ``gender``, else the first whose gender the text has not shown ("Quintero told jurors
        that Larrimore had … She called …" is Quintero).  The sentences searched stay in the
        pronoun's paragraph, or go ``paragraphs`` paragraphs further back."""
        if not self.sents:
            return None
        if self._found is None:
            self._found = self._scan()
        found = self._found
        k = bisect.bisect_right(self._starts, start) - 1
        if k < 0:
            return None
        para = self.sents[k].paragraph
        hi = bisect.bisect_left(found, (start, ""))
        for j in range(k, max(-1, k - _SUBJECT_SENTENCES_BACK - 1), -1):
            sent = self.sents[j]
            if para - sent.paragraph > paragraphs:
                break
            lo = bisect.bisect_left(found, (sent.start, ""))
            unknown = None
            for pos, word in found[lo:hi]:     # the main clause's subject comes first
                person = self.names.by_surname.get(word)
                if person is None:
                    continue
                if person.gender == gender:
                    return person
                if person.gender is None and unknown is None:
                    unknown = person
            if unknown is not None:
                return unknown
            hi = lo
        return None

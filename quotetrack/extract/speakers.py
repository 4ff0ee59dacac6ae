"""Names in the text: the helpers speaker resolution (:mod:`.entities`, :mod:`.resolve`) and
the draft checks read names with.

* A capitalised run is split into its title and the name proper ("US Secretary of
  Defense" / "Mark Esper"); a name ending in a title word after a given name stays a
  name ("Charlie King").
* :func:`named_people`: every place a person is named, a surname mapped to the fullest
  name the article gives it; :func:`main_subject`: whether a name opens a clause.
* :func:`_mention_type`: whether a source mention is a pronoun, a person, an
  organisation or a descriptor.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
import re
from typing import NamedTuple

from ..text import lexicon
from ..text.marks import POSSESSIVES
from ..text.names import CAPITALS, PARTICLES, address_split, is_name_word, is_particle, split_title


_words = lexicon.WordClasses("text/word_classes.txt")   # _words.name_joiners, ... (data/text/word_classes.txt)

# A run of capitalised words, allowing "of", "the", "and", "de", "bin" inside and abbreviations:
# "US Secretary of Defense Mark Esper", "Sen. Ted Cruz", "Mr. Trump".
# Dotted initials count as one word ("U.N. Women", not "N. Women"); a particle joined by a
# hyphen is a name word ("Karim al-Masri", "al-Masri said"); a name word may open with a
# capital outside A-Z ("Órla Uí Bhriain").
# A nickname in quote marks inside a name: ' “Ricky”' in "Ricardo “Ricky” Lontayo" (a capitalised
# word follows it); no word of the run (:func:`_runs` passes over it).
_NICKNAME = r"[ \t]+[“\"][A-Z][a-z’'\-]+[”\"](?=[ \t]+[A-Z])"
_NAME_RUN = re.compile(
    rf"(?<![\w’'.])(?:[A-Z]\.(?:[A-Z]\.)+|[{CAPITALS}][\w’'\-]*\.?|(?:{PARTICLES})-[{CAPITALS}][\w’'\-]*)"
    rf"(?:(?:{_NICKNAME})?[ \t]+(?:(?:of|the|{PARTICLES})[ \t]+){{0,2}}(?:[A-Z]\.(?:[A-Z]\.)+|[{CAPITALS}][\w’'\-]*\.?"
    rf"|(?:{PARTICLES})-[{CAPITALS}][\w’'\-]*))*")
_WORD = re.compile(r"\S+")
_QUOTE_OPENS = ("“", '"')
# Run-together initials of a name ("J.R.", "J.R.R."): they end no run ("Author J.R. Pendleton").
_RUN_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# A capitalised word and one space right before a word: "Barack " in "''Barack Obama".
_AFTER_NAME_WORD = re.compile(rf"[{CAPITALS}][\w’'\-]*[ \t]$")
# ", a spokeswoman for the union" right after a name: the gendered noun shows the gender.
_APPOSITIVE_NOUN = re.compile(r",\s+(?:a|an|the|its|his|her|their)\s+(?:[\w’'\-]+\s+){0,3}?([\w’'\-]+)")
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
POSSESSIVE_PRONOUNS = {"his": "m", "her": "f"}     # the owner's gender


class WordLists(NamedTuple):
    """The word lists names are read with (data/text/titles.txt, extract/org_words.txt, text/honorifics.tsv,
    text/function_words.txt, extract/calendar_words.txt, extract/determiners.txt, extract/pronouns.tsv)."""
    titles: frozenset[str]
    orgs: frozenset[str]
    honorifics: dict[str, str]
    function: frozenset[str]
    calendar: frozenset[str]
    determiners: frozenset[str]
    pronouns: dict[str, str]


@lru_cache(maxsize=1)
def _lists() -> WordLists:
    return WordLists(
        lexicon.lower_words("text/titles.txt"),
        lexicon.lower_words("extract/org_words.txt"),
        lexicon.pairs("text/honorifics.tsv"),
        lexicon.lower_words("text/function_words.txt"),
        lexicon.lower_words("extract/calendar_words.txt"),
        lexicon.lower_words("extract/determiners.txt"),
        lexicon.pairs("extract/pronouns.tsv"),
    )


_HYPHENS = re.compile(r"[\-’']")       # inside a name word: "Smith-Jones.", "O’Brien."


@lru_cache(maxsize=8192)
def bare_word(word: str) -> str:
    """A name word without a possessive or a sentence-final period: "Gantz’s" -> "Gantz",
    "Smith-Jones." -> "Smith-Jones"
    (cached: the same name words are cleaned again at every naming)."""
    for ending in POSSESSIVES:
        if word.endswith(ending):
            word = word[:-len(ending)]
            break
    if word.endswith(".") and len(word) > 2 and _HYPHENS.sub("", word[:-1]).isalpha() and not word[:-1].isupper():
        word = word[:-1]
    return word


def title_gender(title_words: list[str]) -> str | None:
    """The gender an honorific in a title shows ("Mr.", "Mrs", "Ms"), else None."""
    honorifics = _lists().honorifics
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
    return _person_name(tuple(name))


@lru_cache(maxsize=8192)
def _person_name(name: tuple[str, ...]) -> bool:
    """Whether name words can be a person's name: no organisation, place, function or calendar
    word, every word capitalised or a particle (cached: the same names recur)."""
    titles, orgs, _, function, calendar, _, _ = _lists()
    if not name or any(w.lower() in orgs for w in name):
        return False
    if " ".join(name) in lexicon.words("extract/places.txt") \
            or len(name) > 1 and (name[-1] in lexicon.words("extract/place_heads.txt")
                                  or name[0] in lexicon.words("extract/place_openers.txt")):
        return False                      # "New Hampshire", "Abu Dhabi", "Main Street", "Port Washington"
    if any(w.lower() in function or w.lower() in calendar for w in name if not is_particle(w)):
        return False
    return all(is_name_word(w) for w in name)


def _runs(text: str, single: bool = False):
    """Capitalised name runs as lists of (offset, word), split where a word ends a sentence
    ("Washington. Defense Minister Benny Gantz" is two runs; "Sen. Ted Cruz", "Jason C.
    Ervin" and "J.R. Pendleton" are one).  A lone capitalised word is left out unless ``single``."""
    abbreviations = lexicon.lower_words("extract/abbreviations.txt")
    for m in _NAME_RUN.finditer(text):
        group = m.group()
        if " " not in group and "\t" not in group:
            if single:
                yield [(m.start(), group)]
            continue                      # one word: neither a full name nor a title and a name
        run: list[tuple[int, str]] = []
        for w in _WORD.finditer(group):
            word = w.group()
            if word[0] in _QUOTE_OPENS:   # a nickname after a given name: "Ricardo “Ricky” Lontayo" is
                if run and run[-1][1] in lexicon.words("text/first_names.txt"):   # "Ricardo Lontayo"
                    continue
                yield run                 # else no name goes on: "Vote “Rigged” Says Party" (a headline)
                run = []
                continue
            run.append((m.start() + w.start(), word))
            if word.endswith(".") and len(word) > 2 and word[:-1].lower() not in abbreviations \
                    and not _RUN_INITIALS.fullmatch(word):
                yield run
                run = []
        if run and run[0][1].lower() in _words.finite_auxiliaries and _asks(text, run[0][0], m.end()):
            run = run[1:]                 # "Will Ortiz step aside?": "Will" asks, no given name
        if run:
            yield run


# An office word (maybe with its own "of" complement, group 1) and "for"/"of" right before a
# capitalised run: "Minister for " before "Water Declan Moriarty", "Minister of State for " before
# "Railways Ann Roe" (group 2: the word before "for"); a portfolio of several parts may stand
# between, up to its "and": "Minister of Water and " before "Sanitation Nomvula Khumalo",
# "Secretary of Health and " before "Human Services Tom Price".
_OFFICE_FOR = re.compile(r"(?:([A-Za-z]+)[ \t]+of[ \t]+)?([A-Za-z]+)[ \t]+(?:for|of)[ \t]+"
                         r"(?:[A-Z][a-z]+,?[ \t]+(?:[A-Z][a-z]+,?[ \t]+){0,3}(?:and|&)[ \t]+)?$")


def office_complement(text: str, start: int) -> bool:
    """Does an office word and "for"/"of" come right before the capitalised run at ``start``
    ("Assistant Minister for Water Declan Moriarty", "Minister of State for Railways Ann Roe")?
    Then the run opens with the office's portfolio, and only its last two words are the name."""
    m = _OFFICE_FOR.search(text, max(0, start - 60), start)
    titles = _lists().titles
    return m is not None and (m.group(2).lower() in titles or m.group(1) is not None and m.group(1).lower() in titles)


# A sentence's start before a word: the text's, a paragraph's, or after ". ", "? ", ": ".
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?:][”’\"']?[ \t]+)$")
# A lower-case word after a name run, then the rest of its sentence up to a question mark.
_QUESTION_REST = re.compile(r"[ \t]+[a-z][^.!?\n]*\?")


def _asks(text: str, start: int, end: int) -> bool:
    """Whether the run text[start:end] opens a question with its first word, an auxiliary:
    "Will Ortiz step aside?" ("Will" asks; in "Will Ortiz said …" it is a given name)."""
    return _SENTENCE_START.search(text, max(0, start - 3), start) is not None \
        and _QUESTION_REST.match(text, end) is not None


def past_function_words(run: list, function, titles) -> list:
    """A run without the function words that open it: "The", "But" opening a sentence (not a
    title word, not "US")."""
    while run and run[0][1].lower() in function and run[0][1].lower() not in titles and not run[0][1].isupper():
        run = run[1:]
    return run


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")


def past_date(text: str, run: list, calendar) -> list:
    """A run without a day or month that opens it after a date preposition ("on Sunday
    Ballinure County Council said": "Ballinure County Council"); "April Ryan", "the Sunday
    Times" keep theirs."""
    if len(run) > 1 and run[0][1].lower() in calendar:
        before = _WORD_BEFORE.search(text, max(0, run[0][0] - 12), run[0][0])
        if before and before.group(1).lower() in _words.date_prepositions:
            return run[1:]
    return run


def index_names(text: str, skip: list[tuple[int, int]] = ()) -> _NameIndex:
    """Find every titled or full personal name in the text, outside the ``skip`` spans
    (photo credits and other page furniture)."""
    runs: list[tuple[int, int, list[str], list[str], str | None]] = []
    function = _lists().function
    honorifics = _lists().honorifics
    skip_starts = [a for a, _ in skip]
    orgs: list[tuple[int, str]] = []
    addressed: list[tuple[list, list[str]]] = []
    for run in _runs(text):
        k = bisect.bisect_right(skip_starts, run[0][0]) - 1
        if k >= 0 and run[0][0] < skip[k][1]:
            continue
        run = past_date(text, past_function_words(run, function, _lists().titles), _lists().calendar)
        if not run:
            continue
        words = [w for _, w in run]
        title, name = split_title(words)
        name = [bare_word(w) for w in name]
        if len(words) >= 2 and any(bare_word(w).lower() in _lists().orgs for w in words):
            orgs.append((run[0][0], " ".join(bare_word(w) for w in words)))
        if not name and len(title) == 2:
            addressed.append((run, title))     # "Mr. Singer": a surname, if someone is named in full by it
        if not _is_person_name(name) or (len(name) < 2 and not title):
            continue
        end = run[-1][0] + len(run[-1][1])
        appositive = _APPOSITIVE_NOUN.match(text, end, min(len(text), end + 80))
        gender = honorifics.get(appositive.group(1).lower()) if appositive else None
        last = run[-1][1]
        name_end = run[-1][0] + len(name[-1]) if name and last.startswith(name[-1]) else end
        runs.append((run[0][0], name_end, title, name, gender if gender in ("m", "f") else None))
    known = {name[-1] for *_, name, _ in runs if len(name) > 1}
    for run, words in addressed:
        title, name = address_split(words, [], known)     # "Mr. Singer" after "Mark Singer"
        if name:
            runs.append((run[0][0], run[-1][0] + len(bare_word(run[-1][1])), title, [bare_word(name[0]).rstrip(".")],
                         title_gender(title)))
    runs.sort(key=lambda r: r[0])
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
        person.gender = person.gender or title_gender(title) or appositive_gender
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
    >>> [(n.text, n.person, n.title) for n in named_people(
    ...     "Columnist Owen Singer wrote it. Mr. Singer said so, Mr. President.")]
    [('Columnist Owen Singer', 'Owen Singer', 'Columnist'), ('Mr. Singer', 'Owen Singer', 'Mr.')]
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
        surname = bare_word(word).rstrip(".")     # "Shanklin-Hawkins." at a sentence end
        before = _AFTER_NAME_WORD.search(text, max(0, offset - 40), offset)
        if before and before.group().strip().lower() not in _lists().function:
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
    rf"(?<![\w’'])[{CAPITALS}][\w’'\-]*\.?(?:[ \t]+(?:(?:of|the|{PARTICLES})[ \t]+)?[{CAPITALS}][\w’'\-]*\.?)*$")


_BEFORE_NAME_NEAR = 24                    # characters _before_name searches first


def _before_name(text: str, lo: int, start: int) -> re.Match | None:
    """``_BEFORE_NAME.search(text, lo, start)``, trying the last few characters first.  A match
    is the last word or mark, the spaces after it and perhaps an edge before; one found in the
    near window that starts past its start after something that is no space is the leftmost of
    the whole window too (none further left can reach over that word or mark); otherwise the
    whole window is searched."""
    near = max(lo, start - _BEFORE_NAME_NEAR)
    if near > lo:
        m = _BEFORE_NAME.search(text, near, start)
        if m is not None and m.start() > near and not text[near:m.start()].isspace():
            return m
    return _BEFORE_NAME.search(text, lo, start)


def main_subject(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` (its title included) is the subject of a main
    clause: it opens the text or a sentence (perhaps after one opening word: "Later Esper"),
    or follows a comma, semicolon, colon, dash, opening quote mark, or a word of
    data/extract/main_clause_openers.txt ("but", "as", …); after "and"/"or" it is a subject when the
    name before the "and" is one ("Esper and Gantz met", not "between Esper and Gantz") or a
    comma comes first ("…, and Gantz said"); a possessive ("Gantz’s") is not.

    >>> t = "Esper met Gantz. Later Esper and Gantz’s aide left, as Gantz said. Talks with Esper and Gantz ended."
    >>> [main_subject(t, m.start(), m.end()) for m in re.finditer(r"Esper|Gantz", t)]
    [True, False, True, False, True, False, False]
    """
    if text.startswith(POSSESSIVES, end):
        return False
    lo = max(0, start - 80)
    if not text[lo:start].strip():
        return True
    before = _before_name(text, lo, start)
    if before is None:
        return False
    edge, word, mark = before.group(1), before.group(2), before.group(3)
    if mark is not None:
        return mark in ".!?;:,—–-“‘\"'("
    low = word.lower()
    if low in _words.subject_lead_words and low not in _words.coordinators \
            and low not in lexicon.lower_words("extract/main_clause_openers.txt"):
        return main_subject(text, before.start(2), end)   # "…, and even Gantz came": judged past "even"
    if low in _words.coordinators:                   # "Esper and Gantz": as the name before "and" is
        if word[:1].isupper() and edge is not None and (edge == "" or edge in ".!?\n“\""):
            return True                   # "And Gantz said": a sentence opens with it
        k = before.start(2)
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k > 0 and text[k - 1] == ",":
            return True                   # "…, and Gantz said": a new clause
        first = _NAME_BEFORE.search(text, max(0, k - 80), k)
        return first is not None and main_subject(text, first.start(), k)
    if low in lexicon.lower_words("extract/main_clause_openers.txt"):
        return True
    # one capitalised word opening the sentence: "Later Esper", "Instead Gantz"
    return word[:1].isupper() and edge is not None and (edge == "" or edge in ".!?\n“\"")


def is_plural(head: str) -> bool:
    """Whether a description's head noun is plural: "officials", "women", "police"; not
    "boss", "campus", "analysis"."""
    return head in _words.plural_heads or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def singulars(plural: str) -> tuple[str, ...]:
    """The singulars a lower-case plural noun may have, the likeliest first (none for a word no
    plural); the caller keeps the first its lexicon knows ("witness", not "witnesse").

    >>> singulars("chairmen"), singulars("secretaries"), singulars("witnesses"), singulars("boss")
    (('chairman',), ('secretary', 'secretarie'), ('witnesse', 'witness'), ())
    """
    if plural.endswith("men"):
        return (plural[:-3] + "man",)
    if not plural.endswith("s") or plural.endswith(("ss", "us", "is")):
        return ()
    return ((plural[:-3] + "y",) if plural.endswith("ies") else ()) + (plural[:-1],) \
        + ((plural[:-2],) if plural.endswith(("sses", "xes", "zes", "ches", "shes")) else ())


# Prepositions that open a description's post-modifier: its head is the word before ("spokeswoman" in
# "a spokeswoman for the company", "head" in "the head of the union").
_HEAD_PREPOSITIONS = frozenset({"to", "of", "for", "from", "at", "with"})


def _mention_type(words: list[str]) -> str:
    return _type_of(tuple(words))


@lru_cache(maxsize=8192)
def _type_of(words: tuple[str, ...]) -> str:
    """:func:`_mention_type` (cached: the same mentions recur, "Trump said" after "said Trump")."""
    titles, orgs, honorifics, function, _, determiners, pronouns = _lists()
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in pronouns:
        return "pronoun"
    title, name = split_title(words)
    if title and name and lows[0] not in ("the", "a", "an"):
        return "person"                  # "Pentagon spokesman Navy Capt. Jeff Davis"
    if any(bare_word(w).lower() in orgs for w in words if w[:1].isupper()):
        return "organisation"
    content = [w for w in words if w.lower() not in determiners and w.lower() not in _words.name_joiners]
    if not content:
        return "unknown"
    if content[-1][:1].islower():
        head = next((words[k - 1] for k in range(1, len(words) - 1)
                     if lows[k] in _HEAD_PREPOSITIONS and words[k - 1][:1].islower()), content[-1])
        return "organisation" if head.lower() in orgs else "descriptor"    # "a spokeswoman for the company": a person
    if lows[0] == "the" and not any(w.lower() in titles for w in words):
        return "organisation"
    return "person"


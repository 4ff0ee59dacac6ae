"""Stage 3: find reporting cues ("said", "told", "according to", "pointed out").

The cue forms come from ``data/text/cues.tsv``.  One compiled pattern finds them all;
a cue must be written in lower case, or capitalised at the start of a sentence
("Said the minister: …"), so that "Hope" or "Will" in a name is not a cue.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from ..model import Cue
from .kinds import org_kinds


# A determiner or possessive right before a cue form makes it a noun: "the report", "his claims",
# "Editor’s note" (not a pronoun's contracted "is"/"has": "He’s said").
_DETERMINERS_BEFORE = ("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these",
                       "those", "every", "each", "no")
_NOUN_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(_DETERMINERS_BEFORE)})"
    r"|\b(?!(?:he|she|who)[’']s)\w+[’']s)\s+$",
    re.IGNORECASE)
# How a window that _NOUN_BEFORE matches ends before its white space (lower-cased): a quick
# test that spares the search where no determiner or possessive can stand ("Gantz said").
_NOUN_ENDINGS = _DETERMINERS_BEFORE + POSSESSIVE_S


# A preposition right before a cue form in -s makes it a plural noun: "months of talks", "amid
# claims", "in comments" (not "of saying": a gerund may still report).
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|for|with|after|amid|during|despite|over)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _forms() -> str:
    """Every cue form as one trie-shaped alternation: "pointed out", "said", "according to"
    (the standard library engine runs this shape about ten times faster than a flat one)."""
    return lexicon.trie_pattern(list(lexicon.cues()))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """Every cue form, not inside a word, in any case."""
    return re.compile(rf"(?<![\w’'\-])(?:{_forms()})(?![\w’'\-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lower_pattern() -> re.Pattern:
    """Every cue form in a lower-cased text, after the character before it (one that ends no
    word; group 1 is the form): the same forms as :func:`_pattern` in half the time, as the
    engine compares characters as they are and tries a form only after such a character."""
    return re.compile(rf"[^\w’'\-]({_forms()})(?![\w’'\-])")


# Letters that match a lower-case Latin letter when the case is ignored but do not lower-case
# to it (or change length when lower-cased): "İ", "ı", "ſ".
_CASE_ODDITIES = "İıſ"


def _lowers_alike(part: str) -> bool:
    """Does a lower-cased copy of ``part`` match the cue forms as ignoring case would (no İ, ı, ſ)?"""
    return part.isascii() or not any(c in part for c in _CASE_ODDITIES)


def _forms_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of every cue form in text[start:end], in any case: searched in a
    lower-cased copy of the window and the character before it (a space at the text's start),
    unless the window holds a letter lower-casing would not match alike.

    >>> _forms_in("Said he. SAID Gantz, then said more.", 0, 36)
    [(0, 4), (9, 13), (26, 30)]
    """
    window = text[start - 1:end] if start > 0 else " " + text[:end]
    low = window.lower()
    if len(low) != len(window) or not _lowers_alike(window):
        return [m.span() for m in _pattern().finditer(text, start, end)]
    return [(start - 1 + m.start(1), start - 1 + m.end(1)) for m in _lower_pattern().finditer(low)]


@lru_cache(maxsize=1)
def _comma_then_cue() -> re.Pattern:
    """A comma, at most one white space and a cue form: ", said", ",told"."""
    return re.compile(rf",\s?(?:{_forms()})", re.IGNORECASE)


def after_comma(text: str, start: int, end: int) -> bool:
    """Whether a cue form follows a comma and at most one white space in text[start:end]
    ("…, said the coach"): a quick test that :func:`find` may be spared where only such a cue
    counts (the pattern starts with the comma, so the engine skips from comma to comma).

    >>> after_comma("We won, said Gantz.", 0, 19), after_comma("We won. Gantz said.", 0, 19)
    (True, False)
    """
    return _comma_then_cue().search(text, start, end) is not None


# The word after a cue, a whole word: not the first part of "down-ballot" or "over-the-top"
# ("said down-ballot races …" is a report; "played down" and "wrote off" are not).
_NEXT_WORD = re.compile(r"\s+(\w+)(?![\w\-])")
# "in" right before a cue form, which makes it a noun: "the nurse in charge", "in reply".
_IN_BEFORE = re.compile(r"(?<![\w’'\-])in\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")

# The two words before a cue: "residents more" in "giving residents more say".
_TWO_BEFORE = re.compile(r"(?:\b([\w’'\-]+)\s+)?\b(\w+)\s+$")

# A naming participle after an indefinite noun phrase: "a group called Citizens First", "one
# firm dubbed Apex" (the noun's last word is group 1; a person noun there, not an organisation's,
# is a subject that speaks: "a spokesman called Ortiz a liar").
_NAMED_THING = re.compile(r"\b(?:a|an|one|another)\s+(?:[\w\-’']+\s+){0,3}?([a-z][\w\-]*)\s+$", re.IGNORECASE)
_NAMING_LEMMAS = frozenset({"call", "dub", "term", "label", "brand"})


def find(text: str, start: int, end: int, sentence_starts: frozenset[int] | set[int] = frozenset(),
         capitalised: bool = False) -> list[Cue]:
    """Every cue in text[start:end], in order.  A capitalised form counts only at ``start``
    or at one of ``sentence_starts`` — anywhere when ``capitalised`` is set (a headline in
    title case: "Trump Says He Never Pledged …").

    >>> [c.text for c in find("Gantz said he pointed out a flaw.", 0, 33)]
    ['said', 'pointed out']
    """
    table = lexicon.cues()
    particles = lexicon.lower_words("extract/particles.txt")
    particle_free = lexicon.lower_words("extract/particle_free_lemmas.txt")
    non_cues = lexicon.lower_words("extract/non_cue_phrases.txt")
    out: list[Cue] = []
    for at, to in _forms_in(text, start, end):
        word = text[at:to]
        if not word[0].islower():
            if not (capitalised or at == start or at in sentence_starts) or not word[1:].islower():
                continue
        if _noun_before(text, max(start, at - 24), at):
            continue                  # "the report", "his claims", "Editor’s note": a noun
        if word[-1:] == "s" and _PREPOSITION_BEFORE.search(text, max(start, at - 10), at):
            continue                  # "months of talks": a noun
        if _quantified(text, start, at):
            continue                  # "giving residents more say": a noun
        if text[at - 3:at].lower() == "in " and _IN_BEFORE.search(text, max(start, at - 4), at) \
                and not word.split()[0].endswith("ing") and not _OF_AFTER.match(text, to):
            continue                  # "the nurse in charge", "in reply": a noun (not "in favor of X": a stance)
        entry = table[" ".join(word.lower().split())]
        if entry.lemma in _NAMING_LEMMAS and _names_a_thing(text, start, at, to, entry.lemma):
            continue                  # "a group called Citizens First": a name, not a cue
        after = _NEXT_WORD.match(text, to, end)
        if after and after.group(1).lower() in particles and entry.lemma not in particle_free:
            continue                  # "did not add up": a phrasal verb, not the cue ("said over the phone" is)
        if after and f"{entry.lemma} {after.group(1).lower()}" in non_cues \
                and not text[after.end() + 1:after.end() + 2].isupper():
            continue                  # "adding to her lead" (not "added to People")
        act = _performatives().get(entry.lemma)
        if act is not None and act.match(text, to, end):
            continue                  # "declared a state of emergency": an act, not a report
        out.append(Cue(at, to, word, entry.lemma, entry.type))
    return out


def _noun_before(text: str, lo: int, at: int) -> bool:
    """Does a determiner or a possessive end text[lo:at] before its white space (:data:`_NOUN_BEFORE`)?"""
    tail = text[lo:at].rstrip()[-6:]
    if not tail.lower().endswith(_NOUN_ENDINGS) and _lowers_alike(tail):
        return False
    return _NOUN_BEFORE.search(text, lo, at) is not None


@lru_cache(maxsize=1)
def _performatives() -> dict[str, re.Pattern]:
    """For each lemma in data/extract/performative_objects.txt, a pattern for a short noun phrase
    after the cue that ends in one of its act objects: " a state of emergency", " war"
    (not a clause: "declared that the war was over")."""
    out = {}
    for lemma, heads in lexicon.sections("extract/performative_objects.txt").items():
        alternation = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
        out[lemma] = re.compile(rf"\s+(?!(?:that|it|he|she|they|we|there|this)\b)(?:[\w\-]+\s+){{0,3}}?"
                                rf"(?:{alternation})\b(?![\w\-])", re.IGNORECASE)
    return out


@lru_cache(maxsize=1)
def _quantifiers() -> tuple[str, ...]:
    """The quantifiers of data/extract/noun_quantifiers.txt ("more", "final")."""
    return tuple(lexicon.lower_words("extract/noun_quantifiers.txt"))


@lru_cache(maxsize=1)
def _quantifier_before() -> re.Pattern:
    """A quantifier of data/extract/noun_quantifiers.txt and white space at the end of a window."""
    words = "|".join(sorted(lexicon.lower_words("extract/noun_quantifiers.txt"), key=len, reverse=True))
    return re.compile(rf"(?<![\w’'\-])(?:{words})\s+$", re.IGNORECASE)


def _quantified(text: str, start: int, at: int) -> bool:
    """Is the cue form at ``at`` a noun after a quantifier ("more say", "the final say") rather
    than a verb whose subject counts people ("many more say", "two more said")?

    >>> _quantified("giving residents more say", 0, 22), _quantified("Many more say so", 0, 10)
    (True, False)
    """
    lo = max(start, at - 12)
    tail = text[lo:at].rstrip()
    if not tail.lower().endswith(_quantifiers()) and _lowers_alike(tail):
        return False              # (a quick test: no quantifier ends the window)
    if _quantifier_before().search(text, lo, at) is None:
        return False
    before = _TWO_BEFORE.search(text, max(start, at - 40), at)
    lead = (before.group(1) or "").lower()
    return not (lead[:1].isdigit() or lead in lexicon.lower_words("extract/counting_leads.txt")
                or lead in lexicon.lower_words("extract/quantity_words.txt"))


def _names_a_thing(text: str, start: int, at: int, to: int, lemma: str) -> bool:
    """Is the cue form text[at:to] a naming participle after an indefinite thing, a capitalised
    name after it ("a new group called Citizens First", not "a spokesman called Ortiz a liar")?"""
    if lemma not in _NAMING_LEMMAS or not text[at:to].endswith("ed") or not text[to + 1:to + 2].isupper():
        return False
    before = _NAMED_THING.search(text, max(start, at - 60), at)
    if before is None:
        return False
    noun = before.group(1).lower()
    return noun not in lexicon.lower_words("text/person_nouns.txt") or noun in org_kinds()   # "company", "group"

"""Has this claim been made, or checked, before?  The claim matcher.

One matcher for every place that compares claims (``track match``, ``claims --against``,
``track repeats``, ``eval-matching``).  It works in two steps:

1. **Candidates** come from an SQLite FTS5 index (:mod:`quotetrack.claims.index`) ranked
   by FTS5's ``bm25()``: the query's :func:`terms` joined by ``OR``, so nothing is
   compared all-pairs and an index of millions of claims answers in milliseconds.
2. **Rerank by named rules** (:data:`RULES`, weights in ``data/claims/match_rules.tsv``): each
   rule is a small pure function of the query and one candidate, and every match keeps
   the rules that fired, as the claim scorer does.

Text is read the same way on both sides (:func:`clean`, then :func:`terms`): URLs,
``@handles`` (split into their words: "@JoeBiden" -> "Joe Biden"), ``#hashtags``
(likewise) and a tweet's signature tail ("— Name (@handle) January 6, 2020", whose
name is kept) are cleaned; words are folded to Snowball stems (nltk, offline); function
words (``data/text/function_words.txt``, ``data/claims/match_stopwords.txt``) are dropped.

>>> q = query("We lost 3 million jobs last year")
>>> c = candidate(1, "3 million jobs were lost in 2019.", bm25=12.0)
>>> m = score(q, c, idf_mass=12.0)
>>> round(m.score, 2), [name for name, _ in m.rules]
(0.68, ['overlap', 'evidence', 'same_number'])
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Sequence

from ..model import Quantity
from ..text import lexicon, nltk_light, quantities
from .repeats import comparable

RULES_FILE = "claims/match_rules.tsv"
STOPWORDS_FILE = "claims/match_stopwords.txt"
CANDIDATES = 50          # how many bm25 candidates the rules rerank
EVIDENCE_SCALE = 10.0    # bm25 is divided by this for the rule "evidence" (values near 0..2)

# --- compiled patterns -------------------------------------------------------------------------
# A link: "https://t.co/TPX0dF5Dil", "pic.twitter.com/f5BGxpJA85" (also glued to a word,
# "#onassignmentpic.twitter.com/x"), "www.snopes.com/x".
URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S*|\bwww\.\S+")
# A tweet's signature tail, as embedded tweets print it (the name is group 1):
# "— Ilhan Omar (@IlhanMN) January 6, 2020".
SIGNATURE = re.compile(r"[—–]\s*([^—–\n()@]{1,80}?)\s*\(@\w+\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?")
# A handle or hashtag, its word in group 1: "@JoeBiden", "#MAGA".
TAG = re.compile(r"[@#](\w+)")
# Where a CamelCase tag splits: "JoeBiden" -> "Joe Biden", "tentCity" -> "tent City".
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|_")
# A year, the one number kept among the terms: "1961", "2019" (amounts are compared by
# the rules same_number and number_changed, so "3 million" and "4 million" still match).
YEAR = re.compile(r"1[89]\d\d|20\d\d")
# A word: letters and digits, inner apostrophes kept ("don't", "Biden’s").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A capitalised word that is not the first of a sentence: a name word ("Obama", "ALDI").
NAME = re.compile(r"(?<![.!?:\"“]\s)(?<!^)(?<![.!?]\s\s)\b[A-Z][\w'’-]*[a-zA-Z]")


class Rule(NamedTuple):
    name: str
    weight: float
    description: str


@dataclass(frozen=True)
class Text:
    """A claim or query as the rules read it."""
    text: str                           # as given
    terms: tuple[str, ...]              # stems in order, function words out
    names: frozenset[str]               # stems of capitalised words inside sentences
    amounts: tuple[Quantity, ...]         # comparable quantities
    negated: bool                       # a negation word ("not", "never", "n't")


@dataclass(frozen=True)
class Candidate:
    """One candidate from the index: its id there, its text (and title) and its bm25."""
    id: int
    body: Text
    title_terms: frozenset[str]
    bm25: float                         # positive: larger is better


@dataclass(frozen=True)
class Scored:
    """A candidate with its score (0..1) and the rules that fired, as (rule, weight)."""
    candidate: Candidate
    score: float
    rules: tuple[tuple[str, float], ...]
    flags: tuple[str, ...]              # number-changed, negation-differs, names-differ


# --- tables ------------------------------------------------------------------------------------

class Tables(NamedTuple):
    rules: dict[str, Rule]
    bias: float
    threshold: float            # a match at or above it: made or checked before
    repeat_threshold: float     # two claims that overlap both ways this much: one claim said again


SPECIAL = ("bias", "threshold", "repeat_threshold")


@lru_cache(maxsize=None)
def tables() -> Tables:
    """The rules, bias and thresholds of ``data/claims/match_rules.tsv``."""
    rules: dict[str, Rule] = {}
    special: dict[str, float] = {}
    for row in lexicon.rows(RULES_FILE):
        if len(row) != 3:
            raise ValueError(f"quotetrack/data/{RULES_FILE}: bad line {row!r}: "
                             "want rule<TAB>weight<TAB>description")
        name, weight, description = row
        if name in SPECIAL:
            special[name] = float(weight)
        else:
            rules[name] = Rule(name, float(weight), description)
    missing = set(SPECIAL) - set(special) | set(RULE_FUNCTIONS) - set(rules)
    if missing:
        raise ValueError(f"quotetrack/data/{RULES_FILE}: missing rows {sorted(missing)}")
    return Tables(rules, special["bias"], special["threshold"], special["repeat_threshold"])


def default_threshold() -> float:
    """The score at or above which a match counts as made or checked before (calibrated
    on the CLEF CheckThat! 2020 dev split; see the rules file)."""
    return tables().threshold


def repeat_threshold() -> float:
    """The ``overlap`` that two claims reach both ways to be one claim said again (``track
    repeats``; judged on pairs of a PolNeAR ledger; see the rules file)."""
    return tables().repeat_threshold


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return lexicon.lower_words("text/function_words.txt") | lexicon.lower_words(STOPWORDS_FILE)


@lru_cache(maxsize=None)
def _negations() -> frozenset[str]:
    return lexicon.lower_words("claims/negations.txt")


@lru_cache(maxsize=1)
def _stemmer():
    # nltk is loaded on the first word stemmed: importing it costs a second or more, and
    # what reads only stored stems (track repeats) never needs it (as extract/segment's Punkt)
    return nltk_light.load("nltk.stem.snowball").SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word.

    >>> stem("claimed"), stem("claims")
    ('claim', 'claim')
    """
    return _stemmer().stem(word)


# --- reading a text ----------------------------------------------------------------------------

def _split_tag(m: re.Match) -> str:
    return " " + CAMEL.sub(" ", m[1]) + " "


def clean(text: str) -> str:
    """The words of a text that say what it claims: no links, handles and hashtags as
    words, a signature tail reduced to its name.

    >>> clean("Stop it https://t.co/x — Morgan Eastwood (@MorganEastwood) November 9, 2016").split()
    ['Stop', 'it', 'Morgan', 'Eastwood']
    >>> clean("#MAGA @JoeBiden lives here").split()
    ['MAGA', 'Joe', 'Biden', 'lives', 'here']
    """
    text = SIGNATURE.sub(lambda m: " " + m[1] + " ", text)
    text = URL.sub(" ", text)
    return TAG.sub(_split_tag, text)


def terms(text: str) -> tuple[str, ...]:
    """The stems of a cleaned text's words, in order, function words left out.

    >>> terms("Obama's wall was built in 2019")
    ('obama', 'wall', 'built', '2019')
    """
    stop = _stopwords()
    out = []
    for word in WORD.findall(text):
        w = word.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w in stop or len(w) < 2 or (w[0].isdigit() and not YEAR.fullmatch(w)):
            continue
        out.append(stem(w.replace("'", "")))
    return tuple(out)


def names(text: str) -> frozenset[str]:
    """Stems of the capitalised words inside sentences (not the first word), less
    function words: what the ``names`` rules compare.

    >>> sorted(names("A video shows Joe Biden in Ohio."))
    ['biden', 'joe', 'ohio']
    """
    stop = _stopwords()
    out = set()
    for m in NAME.finditer(text):
        w = m[0].lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if w not in stop:
            for part in WORD.findall(w):
                out.add(stem(part.replace("'", "")))
    return frozenset(out)


def _amounts(text: str) -> tuple[Quantity, ...]:
    return tuple(q for q in quantities.find(text) if comparable(q))


def amounts(text: str) -> tuple[Quantity, ...]:
    """The comparable quantities of a text as the rules read them (:func:`read`'s, without
    reading the rest).

    >>> [a.text for a in amounts("We lost 3 million jobs in 2019 https://t.co/4x")]
    ['3 million jobs']
    """
    return _amounts(clean(text))


def _negated(text: str) -> bool:
    neg = _negations()
    return any(w in neg or w.endswith(("n't", "n’t")) for w in WORD.findall(text.lower()))


def read(text: str, stems: tuple[str, ...] | None = None) -> Text:
    """A text as the rules read it (cleaned first); ``stems`` are its :func:`terms` when
    known already (an index holds them)."""
    cleaned = clean(text)
    return Text(text, terms(cleaned) if stems is None else stems, names(cleaned), _amounts(cleaned),
                _negated(cleaned))


def query(text: str) -> Text:
    """The query side: the same reading as a candidate's (one home for both)."""
    return read(text)


def candidate(cid: int, text: str, title: str = "", bm25: float = 0.0,
              stems: tuple[str, ...] | None = None, title_stems: tuple[str, ...] | None = None) -> Candidate:
    """A candidate row of the index, read for the rules (``stems``, ``title_stems``: the
    terms the index holds for it, so they are not found again)."""
    title_terms = terms(clean(title)) if title_stems is None else title_stems
    return Candidate(cid, read(text, stems), frozenset(title_terms), bm25)


def fts_expression(terms: Iterable[str]) -> str:
    """The FTS5 MATCH expression of search terms: each quoted, joined by OR.

    >>> fts_expression(query("Obama built a wall").terms)
    '"obama" OR "built" OR "wall"'
    """
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


# --- rules -------------------------------------------------------------------------------------
# Each rule: (query, candidate, idf_mass) -> a value in [0, 1]; the rule fires when the
# value is not 0, and adds weight * value to the score.

def _overlap(q: Text, c: Candidate, idf_mass: float) -> float:
    """idf-weighted overlap with containment: the candidate's bm25 over the most the
    query's terms could give (:func:`quotetrack.claims.index.idf_mass`): the share of
    what the query says, weighted by rarity, that the candidate covers (0..1)."""
    return c.bm25 / idf_mass if idf_mass > 0 else 0.0


def _evidence(q: Text, c: Candidate, idf_mass: float) -> float:
    """How much rare wording the two share, whatever the query's length: the bm25 of the
    candidate itself (over :data:`EVIDENCE_SCALE`).  A long article sentence that holds a
    short claim has a low ``overlap`` and a high ``evidence``."""
    return c.bm25 / EVIDENCE_SCALE


def _same_number(q: Text, c: Candidate, idf_mass: float) -> float:
    """A quantity of the candidate has the value of one of the query."""
    values = {a.value for a in q.amounts}
    return 1.0 if any(a.value in values for a in c.body.amounts) else 0.0


def _number_changed(q: Text, c: Candidate, idf_mass: float) -> float:
    """Both give a quantity of the same unit, and no value agrees (flagged number-changed)."""
    for a in c.body.amounts:
        for b in q.amounts:
            if a.unit == b.unit and a.value != b.value \
                    and not any(x.value == a.value for x in q.amounts):
                return 1.0
    return 0.0


def _negation_differs(q: Text, c: Candidate, idf_mass: float) -> float:
    """One says "not" (never, n't, ...) and the other does not."""
    return 1.0 if q.negated != c.body.negated else 0.0


def _names_missing(q: Text, c: Candidate, idf_mass: float) -> float:
    """The candidate names people, places or bodies, and the query has none of them."""
    if not c.body.names:
        return 0.0
    have = set(q.terms)
    return 0.0 if c.body.names & have else 1.0


RULE_FUNCTIONS: dict[str, Callable[[Text, Candidate, float], float]] = {
    "overlap": _overlap,
    "evidence": _evidence,
    "same_number": _same_number,
    "number_changed": _number_changed,
    "negation_differs": _negation_differs,
    "names_missing": _names_missing,
}
FLAGS = {"number_changed": "number-changed", "negation_differs": "negation-differs",
         "names_missing": "names-differ"}


def score(q: Text, c: Candidate, idf_mass: float) -> Scored:
    """Score one candidate: the logistic of the bias plus each fired rule's weight times
    its value; the rules that fired and the flags they raise."""
    t = tables()
    rules, total = t.rules, t.bias
    fired = []
    flags = []
    for name, fn in RULE_FUNCTIONS.items():
        value = fn(q, c, idf_mass)
        if value:
            weight = rules[name].weight * value
            if weight:
                total += weight
                fired.append((name, round(weight, 4)))
            if name in FLAGS:
                flags.append(FLAGS[name])
    return Scored(c, 1.0 / (1.0 + math.exp(-total)), tuple(fired), tuple(flags))


def rank(q: Text, candidates: Sequence[Candidate], idf_mass: float) -> list[Scored]:
    """Candidates scored and sorted, best first (ties by bm25, then id)."""
    scored = [score(q, c, idf_mass) for c in candidates]
    scored.sort(key=lambda s: (-s.score, -s.candidate.bm25, s.candidate.id))
    return scored


def explain(scored: Scored) -> str:
    """The rules of a match as one line: ``overlap +5.12, same_number +0.40``."""
    return ", ".join(f"{name} {weight:+.2f}" for name, weight in scored.rules)

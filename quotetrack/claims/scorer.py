"""How check-worthy is a sentence?  A transparent, rule-based claim scorer.

Every rule has a name, a claim type and a weight, listed in ``data/claims/claim_rules.tsv``;
the words and phrases of the word-list rules are in ``data/claims/claim_phrases.tsv``.  A
sentence's score is the logistic of the bias plus the weights of the rules that fire
(each rule counts once)::

    score = 1 / (1 + exp(-(bias + sum(weight of each rule that fired))))

and it is check-worthy when the score reaches the default threshold (the ``threshold``
row of the rules file).  Each rule has a type: the claim types (:data:`CLAIM_TYPES`:
quantity, comparison, trend, causal, prediction, law, absolute, historical, said_or_did,
specific) are what ``ClaimScore.types`` reports; the other types (tense, subject,
opinion, intention, question, greeting, procedural, vague, ...) only move the score.
The weights were fitted on labelled sentences by ``scripts/fit_claim_weights.py``
(a logistic regression over these named rules and nothing else).

>>> s = score_claim("Unemployment has fallen to 4.1 percent, the lowest rate since 2000.")
>>> s.check_worthy, s.types[:3]
(True, ('quantity', 'comparison', 'trend'))
>>> score_claim("Thank you very much.").check_worthy
False

The scorer reads one sentence and nothing around it; it never raises on any string.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

import regex

from ..text import lexicon
from ..text.marks import POSSESSIVE_S
from ..model import ClaimScore

RULES_FILE = "claims/claim_rules.tsv"
PHRASES_FILE = "claims/claim_phrases.tsv"
NGRAMS_FILE = "claims/claim_ngrams.tsv"                 # the stacked model's word 1-2-gram weights
WORDS_RULE = "words"                             # the n-grams' sum, as ClaimScore.rules shows it
ED_ADJECTIVES_FILE = "claims/claim_ed_adjectives.txt"   # "-ed" words that past_tense skips


class Rule(NamedTuple):
    name: str
    type: str
    weight: float
    description: str


class Tables(NamedTuple):
    rules: dict[str, Rule]                       # in file order
    bias: float
    threshold: float
    anywhere: dict                               # word trie of phrases matched anywhere
    at_start: dict                               # word trie of ^phrases (sentence start only)
    names: dict                                  # case-kept trie of place and institution names
    not_past: frozenset[str]                     # "-ed" adjectives past_tense skips
    position: dict[str, int]                     # rule -> its place among the rules (file order)
    pairs: tuple[tuple[str, float], ...]         # (rule, weight) by place, as ClaimScore.rules holds them
    kinds: tuple[str, ...]                       # the rule's type by place
    weights: tuple[float, ...]                   # the rule's weight by place


# A word trie: {word: (rules a phrase ending at this word fires, {next word: ...})}.
_Trie = dict


# --- compiled patterns (built at first use) -------------------------------------------------------

@lru_cache(maxsize=None)
def _patterns() -> dict:
    return {
        # a word or number with inner apostrophes, dots or commas:
        # "don't", "didn’t", "700,000", "1.5", "U.S", "Romney" ("co-sponsored" is two words);
        # stdlib re, whose \w (less "_") is Unicode letters and digits: a quarter faster
        # here than the regex module's [\p{L}\p{N}] on the ClaimBuster sentences
        "token": re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*"),
        # the same on ASCII text, where [^\W_] is [A-Za-z0-9] (and no ’ occurs): a table
        # lookup a character instead of a Unicode category test, a fifth faster
        "ascii_token": re.compile(r"[A-Za-z0-9]+(?:['.,][A-Za-z0-9]+)*"),
        # a year in figures, or a decade: "1967", "2008", "1990s"
        "year": regex.compile(r"(?:1[6-9]\d\d|20\d\d)s?"),
        # any digit: a sentence without one needs no digit folding for the n-grams
        "digit": re.compile(r"\d"),
    }


# Leading words skipped before a ^phrase is tried ("And what ...", "Well, why ...").
_OPENERS = frozenset(("and", "but", "so", "well", "now", "oh", "look", "yes", "no", "then",
                      "okay", "ok", "uh", "um", "sir"))
_NOT_COMPARATIVE = frozenset(("rather", "other"))
_FIRST_PERSON_I = frozenset(("i", "i'm", "i've", "i'll", "i'd"))
_SHORT = 5          # fewer words than this fire the rule "short"
_LONG = 25          # this many words or more fire the rule "long"
# The claim types ClaimScore.types reports, in this order; other rule types (opinion,
# question, greeting, ...) only lower or raise the score.
CLAIM_TYPES = ("quantity", "comparison", "trend", "causal", "prediction", "law", "absolute",
               "historical", "said_or_did", "specific")
# text/number_words.tsv (shared with quantities.py) roles -> the rule a word fires
_NUMBER_ROLES = {"unit": "number_word", "hundred": "number_word", "dozen": "number_word",
                 "scale": "multiplier"}


# --- tables ---------------------------------------------------------------------------------------

def _add(trie: _Trie, phrase: str, rule: str) -> None:
    words = phrase.split(" ")
    node = trie
    for k, word in enumerate(words):
        names, children = node.setdefault(word, ((), {}))
        if k == len(words) - 1:
            if rule not in names:
                node[word] = (names + (rule,), children)
        node = children


@lru_cache(maxsize=None)
def tables() -> Tables:
    """The rules and phrase tries, read once from the data files.

    Number words come from ``text/number_words.tsv``, the list :mod:`quotetrack.text.quantities`
    reads, so the scorer and the quantity finder agree on what a number is.

    >>> tables().rules["digits"].type
    'quantity'
    """
    rules: dict[str, Rule] = {}
    bias = threshold = None
    for row in lexicon.rows(RULES_FILE):
        if len(row) != 4:
            raise ValueError(f"quotetrack/data/{RULES_FILE}: bad line {row!r}: "
                             "want rule<TAB>type<TAB>weight<TAB>description")
        name, kind, weight, description = row
        value = float(weight)
        if name == "bias":
            bias = value
        elif name == "threshold":
            threshold = value
        else:
            rules[name] = Rule(name, kind, value, description)
    if bias is None or threshold is None:
        raise ValueError(f"quotetrack/data/{RULES_FILE}: needs a 'bias' and a 'threshold' row")
    anywhere: _Trie = {}
    at_start: _Trie = {}
    for row in lexicon.rows(PHRASES_FILE):
        name, forms = row[0], row[-1]
        if name not in rules or len(row) != 2:
            raise ValueError(f"quotetrack/data/{PHRASES_FILE}: bad line {row!r}: want a rule "
                             f"of {RULES_FILE}<TAB>phrase|phrase|...")
        for form in forms.split("|"):
            form = " ".join(form.lower().replace("’", "'").split())
            if form.startswith("^"):
                _add(at_start, form[1:].strip(), name)
            elif form:
                _add(anywhere, form, name)
    for row in lexicon.rows("text/number_words.tsv"):
        rule = _NUMBER_ROLES.get(row[2])
        if rule in rules:
            _add(anywhere, row[0], rule)
    names: _Trie = {}
    for list_name, rule in (("extract/places.txt", "place"), ("extract/org_words.txt", "institution")):
        if rule in rules:
            for entry in lexicon.words(list_name):
                entry = " ".join(word.rstrip(".") for word in entry.split())
                if entry[:1].isupper():
                    _add(names, entry, rule)
    return Tables(rules, bias, threshold,
                  anywhere, at_start, names, lexicon.lower_words(ED_ADJECTIVES_FILE),
                  {name: i for i, name in enumerate(rules)},
                  tuple((name, r.weight) for name, r in rules.items()),
                  tuple(r.type for r in rules.values()),
                  tuple(r.weight for r in rules.values()))


@lru_cache(maxsize=None)
def ngram_weights() -> dict[str, float]:
    """The stacked model's word 1- and 2-gram weights (``data/claims/claim_ngrams.tsv``; empty
    when the file has no rows, and the rules alone score)."""
    out = {}
    for row in lexicon.rows(NGRAMS_FILE):
        if len(row) != 2:
            raise ValueError(f"quotetrack/data/{NGRAMS_FILE}: bad line {row!r}: want ngram<TAB>weight")
        out[row[0]] = float(row[1])
    return out


@lru_cache(maxsize=None)
def _ngram_table() -> dict[str, tuple[float, dict[str, float] | None]]:
    """:func:`ngram_weights` by word: (its unigram weight, or 0; the weights of the bigrams
    it starts, by second word, or None), so each word is looked up once and no bigram
    string is built."""
    table: dict[str, tuple[float, dict[str, float] | None]] = {}
    for gram, weight in ngram_weights().items():
        first, _, second = gram.partition(" ")
        own, following = table.get(first, (0.0, None))
        if second:
            following = following if following is not None else {}
            following[second] = weight
        else:
            own = weight
        table[first] = (own, following)
    return table


def _lexical(words: list[str]) -> float:
    """The sum of the weights of the distinct n-grams of ``words`` (:func:`ngrams`), exactly
    rounded (``math.fsum``: the same float whatever the order)."""
    table = _ngram_table()
    entries = list(map(table.get, words))          # one lookup a word, in C
    found: dict[object, float] = {}
    prev = None
    after = None
    for w, entry in zip(words, entries):
        if after is not None:
            weight = after.get(w)
            if weight is not None:
                found[(prev, w)] = weight
        if entry is None:
            after = None
        else:
            if entry[0]:
                found[w] = entry[0]
            after = entry[1]
        prev = w
    return math.fsum(found.values())


def default_threshold() -> float:
    """The score at or above which a sentence is check-worthy (from the rules file).

    >>> 0 < default_threshold() < 1
    True
    """
    return tables().threshold


# --- rules ---------------------------------------------------------------------------------------

def _walk(trie: _Trie, words: list[str], i: int, fired: set[str]) -> None:
    """Add the rules of every phrase of ``trie`` that starts at ``words[i]``."""
    node = trie
    for j in range(i, len(words)):
        entry = node.get(words[j])
        if entry is None:
            return
        names, node = entry
        if names:
            fired.update(names)
        if not node:
            return


def fired_rules(sentence: str) -> frozenset[str]:
    """The names of the rules that fire on ``sentence``.

    >>> sorted(fired_rules("Taxes rose 40% since 1967."))  # doctest: +NORMALIZE_WHITESPACE
    ['digits', 'historical', 'measure_noun', 'past_irregular', 'percent_sign', 'policy_topic',
     'trend', 'year']

    Besides the phrase lists: a number in figures (``digits``, ``year``), ``%`` and
    currency signs, ``than`` after a comparative, capitalised words inside the sentence
    (``proper_noun``; ``proper_nouns`` for two or more; ``place`` and ``institution``
    from extract/places.txt and extract/org_words.txt), a regular past ``-ed`` form, a final ``?``,
    and the length (``short`` under 5 words, ``long`` from 25).
    """
    return frozenset(_fired(sentence)[0])


def _words(sentence: str) -> tuple[list[str], list[str]]:
    """The tokens of a sentence as written, and the same lower-cased (’ as ')."""
    raw = _patterns()["ascii_token" if sentence.isascii() else "token"].findall(sentence)
    if "’" in sentence:
        return raw, [w.lower().replace("’", "'") for w in raw]
    return raw, [w.lower() for w in raw]


def ngrams(sentence: str) -> set[str]:
    """The word 1- and 2-grams the stacked weights are looked up by: lower-cased tokens,
    a token that starts with a digit as ``0``.

    >>> sorted(ngrams("Taxes rose 40%"))
    ['0', 'rose', 'rose 0', 'taxes', 'taxes rose']
    """
    return _grams(_words(sentence)[1])


def _folded(words: list[str]) -> list[str]:
    """``words`` with each token that starts with a digit as ``0``."""
    return ["0" if w[:1].isdigit() else w for w in words]


def _grams(words: list[str]) -> set[str]:
    folded = _folded(words)
    grams = set(folded)
    grams.update([a + " " + b for a, b in zip(folded, folded[1:])])
    return grams


def _fired(sentence: str) -> tuple[set[str], list[str]]:
    """:func:`fired_rules` as a set, and the lower-cased words (what :func:`score_claim` reads)."""
    t = tables()
    raw, words = _words(sentence)
    lowered = words
    fired = _sentence_rules(sentence, len(words))
    first = 0
    while first < len(words) and words[first] in _OPENERS:
        first += 1
    if "May" in raw or "March" in raw:
        words = _months_kept(raw, words, first)
    if first < len(words) and words[first] in t.at_start:
        _walk(t.at_start, words, first, fired)
    _word_rules(t, sentence, raw, words, first, fired)
    if "than" in words:
        if any(w == "than" and (i == 0 or words[i - 1] not in _NOT_COMPARATIVE)
               for i, w in enumerate(words)):
            fired.add("than")
    not_past = t.not_past
    # the cheap test first, in a list comprehension: few words end in "ed"
    if any(len(w) > 4 and w[-3] != "e" and w not in not_past
           for w in [w for w in words if w[-2:] == "ed"]):
        fired.add("past_tense")
    return fired, lowered


def _months_kept(raw: list[str], words: list[str], first: int) -> list[str]:
    """``words`` with a capitalised month inside the sentence kept as written, so that
    "in May" is not the modal "may" nor "in March" the verb "march".

    >>> _months_kept(["It", "rose", "in", "May"], ["it", "rose", "in", "may"], 0)
    ['it', 'rose', 'in', 'May']
    """
    months = lexicon.words("extract/calendar_words.txt")
    return [r if i != first and r in months else w for i, (r, w) in enumerate(zip(raw, words))]


def _sentence_rules(sentence: str, n: int) -> set[str]:
    """The rules of the sentence as a whole: its length ``n`` in words, a final ``?``,
    ``%`` and currency signs."""
    fired = set()
    if n < _SHORT:
        fired.add("short")
    elif n >= _LONG:
        fired.add("long")
    if sentence.rstrip().endswith("?"):
        fired.add("question_mark")
    if "%" in sentence:
        fired.add("percent_sign")
    if "$" in sentence or "€" in sentence or "£" in sentence:
        fired.add("currency_sign")
    return fired


def _word_rules(t: Tables, sentence: str, raw: list[str], words: list[str], first: int,
                fired: set[str]) -> None:
    """Add the rules found word by word: the phrases of the ``anywhere`` trie, numbers
    in figures (``digits``, ``year``) and capitalised words (``proper_noun(s)``, and
    ``place`` and ``institution`` from the ``names`` trie).  ``raw`` are the tokens as
    written, ``words`` the same lower-cased; ``first`` is the first word after the
    openers, where a capital says nothing.  ``t``: the :func:`tables`."""
    anywhere, names = t.anywhere, t.names
    year = _patterns()["year"].fullmatch
    keys = raw       # tokens as written, less a possessive 's, to look up names
    if "'s" in sentence or "’s" in sentence:
        keys = [k[:-2] if k.endswith(POSSESSIVE_S) else k for k in raw]
    after = words[1:]
    after.append("")
    capitals = 0
    # one loop for all three (faster than a pass each); a phrase trie is walked only
    # where the next word continues a phrase
    for i, w in enumerate(words):
        entry = anywhere.get(w)
        if entry is not None:
            found, children = entry
            if found:
                fired.update(found)
            if after[i] in children:
                _walk(children, words, i + 1, fired)
        c = raw[i][0]
        if c.islower():
            continue
        if c.isdigit():
            fired.add("year" if year(w) else "digits")
        elif c.isupper() and w not in _FIRST_PERSON_I and w != "than":
            if i > first:
                capitals += 1
            if keys[i] in names:
                _walk(names, keys, i, fired)
    if capitals:
        fired.add("proper_noun" if capitals == 1 else "proper_nouns")


def score_claim(sentence: str) -> ClaimScore:
    """Score one sentence: how check-worthy it is (0..1), which claim types and rules.

    >>> s = score_claim("The bill would cut taxes for 3 million families.")
    >>> s.check_worthy, s.types[:3]
    (True, ('quantity', 'trend', 'prediction'))
    >>> [name for name, weight in s.rules][:3]
    ['multiplier', 'trend', 'prediction']
    >>> score_claim("What do you think?").check_worthy
    False
    """
    t = tables()
    found, words = _fired(sentence)
    # places in file order (integers sort faster than names by a key)
    fired = sorted(map(t.position.__getitem__, found))
    rules = tuple(map(t.pairs.__getitem__, fired))
    total = t.bias + sum(map(t.weights.__getitem__, fired))   # in file order: the same float every time
    if ngram_weights():
        lexical = _lexical(_folded(words) if _patterns()["digit"].search(sentence) else words)
        if lexical:
            rules += ((WORDS_RULE, round(lexical, 4)),)
            total += lexical
    score = 1.0 / (1.0 + math.exp(-total))
    kinds = t.kinds
    fired_types = {kinds[i] for i in fired}
    types = tuple([kind for kind in CLAIM_TYPES if kind in fired_types])
    return ClaimScore(score, score >= t.threshold, types, rules)


def explain(score: ClaimScore) -> str:
    """The rules of a score as one line, strongest first: what ``--explain`` shows.

    >>> explain(ClaimScore(0.9, True, ("quantity",), (("digits", 2.15), ("first_person", -0.87))))
    'digits +2.15, first_person -0.87'
    """
    ranked = sorted(score.rules, key=lambda rule: (-abs(rule[1]), rule[0]))
    return ", ".join(f"{name} {weight:+.2f}" for name, weight in ranked)


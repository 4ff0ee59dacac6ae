"""How check-worthy is a sentence?  A transparent, rule-based claim scorer.

Every rule has a name, a claim type and a weight, listed in ``data/claim_rules.tsv``;
the words and phrases of the word-list rules are in ``data/claim_phrases.tsv``.  A
sentence's score is the logistic of the bias plus the weights of the rules that fire
(each rule counts once)::

    score = 1 / (1 + exp(-(bias + sum(weight of each rule that fired))))

and it is check-worthy when the score reaches the default threshold (the ``threshold``
row of the rules file).  Rules with a positive weight stand for claim types (quantity,
comparison, trend, causal, prediction, law, absolute, historical, said_or_did,
specific); negative rules mark opinions, intentions, questions, greetings, procedural
and vague talk.

>>> s = score_claim("Unemployment has fallen to 4.1 percent, the lowest rate since 2000.")
>>> s.check_worthy, s.types[:3]
(True, ('quantity', 'comparison', 'trend'))
>>> score_claim("Thank you very much.").check_worthy
False

The scorer reads one sentence and nothing around it; it never raises on any string.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import regex

from . import lexicon
from .model import ClaimScore

RULES_FILE = "claim_rules.tsv"
PHRASES_FILE = "claim_phrases.tsv"


class Rule(NamedTuple):
    name: str
    type: str
    weight: float
    description: str


class Tables(NamedTuple):
    rules: dict[str, Rule]                       # in file order
    order: dict[str, int]                        # rule -> position, to report in file order
    bias: float
    threshold: float
    anywhere: dict[str, tuple[str, ...]]         # phrase -> rules it fires, at any position
    at_start: dict[str, tuple[str, ...]]         # phrase -> rules, only at the sentence start
    longest: int                                 # words in the longest phrase
    number_words: frozenset[str]


# --- compiled patterns (built at first use) -------------------------------------------------------

@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    return {
        # a word or number with inner apostrophes, dots, commas or hyphens:
        # "don't", "didn’t", "700,000", "1.5", "U.S", "co-sponsored", "Romney"
        "token": regex.compile(r"[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*"),
        # a year in figures, or a decade: "1967", "2008", "1990s"
        "year": regex.compile(r"(?:1[6-9]\d\d|20\d\d)s?"),
    }


# Leading words skipped before a ^phrase is tried ("And what ...", "Well, why ...").
_OPENERS = frozenset(("and", "but", "so", "well", "now", "oh", "look", "yes", "no", "then",
                      "okay", "ok", "uh", "um", "sir", "senator", "governor", "mr"))
_NOT_COMPARATIVE = frozenset(("rather", "other"))
_FIRST_PERSON_I = frozenset(("i", "i'm", "i've", "i'll", "i'd"))
_SHORT = 5          # fewer words than this fire the rule "short"


# --- tables ---------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def tables() -> Tables:
    """The rules and phrase index, read once from the data files.

    >>> tables().rules["digits"].type
    'quantity'
    """
    rules: dict[str, Rule] = {}
    bias = threshold = None
    for line in lexicon.patterns(RULES_FILE):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 4:
            raise ValueError(f"quotetrack/data/{RULES_FILE}: bad line {line!r}: "
                             "want rule<TAB>type<TAB>weight<TAB>description")
        name, kind, weight, description = parts
        value = float(weight)
        if name == "bias":
            bias = value
        elif name == "threshold":
            threshold = value
        else:
            rules[name] = Rule(name, kind, value, description)
    if bias is None or threshold is None:
        raise ValueError(f"quotetrack/data/{RULES_FILE}: needs a 'bias' and a 'threshold' row")
    anywhere: dict[str, list[str]] = {}
    at_start: dict[str, list[str]] = {}
    longest = 1
    for line in lexicon.patterns(PHRASES_FILE):
        name, _, forms = (p.strip() for p in line.partition("\t"))
        if name not in rules:
            raise ValueError(f"quotetrack/data/{PHRASES_FILE}: rule {name!r} is not in {RULES_FILE}")
        for form in forms.split("|"):
            form = " ".join(form.lower().replace("’", "'").split())
            if not form:
                continue
            target = at_start if form.startswith("^") else anywhere
            form = form.lstrip("^").strip()
            longest = max(longest, form.count(" ") + 1)
            names = target.setdefault(form, [])
            if name not in names:
                names.append(name)
    number_words = frozenset(p for p, names in anywhere.items() if "number_word" in names)
    return Tables(rules, {name: i for i, name in enumerate(rules)}, bias, threshold,
                  {k: tuple(v) for k, v in anywhere.items()},
                  {k: tuple(v) for k, v in at_start.items()}, longest, number_words)


def default_threshold() -> float:
    """The score at or above which a sentence is check-worthy (from the rules file).

    >>> 0 < default_threshold() < 1
    True
    """
    return tables().threshold


# --- rules ---------------------------------------------------------------------------------------

def fired_rules(sentence: str) -> frozenset[str]:
    """The names of the rules that fire on ``sentence``.

    >>> sorted(fired_rules("Taxes rose 40% since 1967."))
    ['digits', 'historical', 'measure_noun', 'percent_sign', 'trend', 'year']
    """
    t = tables()
    pats = _patterns()
    raw = pats["token"].findall(sentence)
    words = [w.lower().replace("’", "'") for w in raw]
    fired: set[str] = set()
    n = len(words)
    if n < _SHORT:
        fired.add("short")
    if sentence.rstrip().endswith("?"):
        fired.add("question_mark")
    if "%" in sentence:
        fired.add("percent_sign")
    if "$" in sentence or "€" in sentence or "£" in sentence:
        fired.add("currency_sign")
    first = 0
    while first < n and words[first] in _OPENERS:
        first += 1
    anywhere, at_start, longest = t.anywhere, t.at_start, t.longest
    for i in range(n):
        w = words[i]
        # phrases of 1..longest words starting here
        gram = w
        for j in range(i, min(n, i + longest)):
            if j > i:
                gram = gram + " " + words[j]
            names = anywhere.get(gram)
            if names:
                fired.update(names)
            if i == first:
                names = at_start.get(gram)
                if names:
                    fired.update(names)
        if w[0].isdigit():
            fired.add("year" if pats["year"].fullmatch(w) else "digits")
        elif w == "than":
            if i == 0 or words[i - 1] not in _NOT_COMPARATIVE:
                fired.add("than")
        elif i > first and raw[i][0].isupper() and w not in _FIRST_PERSON_I:
            fired.add("proper_noun")
        if len(w) > 4 and w.endswith("ed") and not w.endswith("eed") and w not in t.number_words:
            fired.add("past_tense")
    return frozenset(fired)


def score_claim(sentence: str) -> ClaimScore:
    """Score one sentence: how check-worthy it is (0..1), which claim types and rules.

    >>> s = score_claim("The bill would cut taxes for 3 million families.")
    >>> s.check_worthy, "quantity" in s.types, ("digits", 1.5) in s.rules or True
    (True, True, True)
    >>> score_claim("What do you think?").check_worthy
    False
    """
    t = tables()
    names = sorted(fired_rules(sentence), key=t.order.__getitem__)
    rules = tuple((name, t.rules[name].weight) for name in names)
    total = t.bias + sum(w for _, w in rules)
    score = 1.0 / (1.0 + math.exp(-total))
    types: list[str] = []
    for name, weight in rules:
        kind = t.rules[name].type
        if weight > 0 and kind not in types:
            types.append(kind)
    return ClaimScore(score=score, check_worthy=score >= t.threshold, types=tuple(types),
                      rules=rules)

"""Numbers and named quantities in text: "3 million jobs", "40%", "$1.2bn", "three".

:func:`find` returns frozen :class:`~quotetrack.model.Quantity` records with
offsets into the text and the number each stands for; :func:`number_value`
reads one number token.  The claims scorer, the ledger's repeated-claim
comparison and the draft checker's ``number-changed`` verdict all read numbers
here, so "three" and 3 compare equal everywhere.

>>> [(q.text, q.value, q.unit) for q in find("We lost 3 million jobs, up 40% since 1967.")]
[('3 million jobs', 3000000.0, 'jobs'), ('40%', 40.0, '%'), ('1967', 1967.0, '')]
>>> [(q.text, q.value, q.unit) for q in find("It cost $1.2bn, or twenty-five dollars each.")]
[('$1.2bn', 1200000000.0, '$'), ('twenty-five dollars', 25.0, '$')]
"""
from __future__ import annotations

import re
from functools import lru_cache


from . import lexicon
from ..model import Quantity

# Multipliers written right after a currency amount ("$5m", "£2bn", "€30k").
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, tuple[float, str]]:
    """data/text/number_words.tsv: word -> (value, role)."""
    return {row[0]: (float(row[1]), row[2]) for row in lexicon.rows("text/number_words.tsv")}


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    """data/text/quantity_units.tsv: sign or word -> unit."""
    return {row[0]: row[1] for row in lexicon.rows("text/quantity_units.tsv")}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """One pattern for a quantity, built from the data files on first use.

    Matches "3", "3,000", "2.5", "three", "twenty-five", "three hundred thousand",
    "a dozen", each optionally with a currency sign before ("$5", "US$ 3"), a scale
    after ("3 million", "$5m"), a percent sign or word ("40%", "40 per cent"), and
    the word after it as a candidate unit ("jobs").
    """
    words = _number_words()
    word = lexicon.trie_pattern(sorted(words, key=len, reverse=True))
    scales = lexicon.trie_pattern([w for w, (_v, role) in words.items()
                                   if role in ("scale", "hundred", "dozen")])
    units = _units()
    signs = "|".join(re.escape(s) for s in sorted(units, key=len, reverse=True)
                     if not s[0].isalpha())
    after = lexicon.trie_pattern([u for u in units if u[0].isalpha() or u == "%"])
    short = "|".join(sorted(_SHORT_SCALES, key=len, reverse=True))
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    letter = r"[^\W\d_]"          # re has no \p{L}: a word character that is no digit or _
    # The standard library's re: about twice as fast as the regex module on this pattern.
    return re.compile(
        rf"""(?<![\w\-.,/])
        (?:(?P<sign>{signs}|US\$)[ ]?)?
        (?:
            (?P<digits>{digits})(?:(?P<short>{short})\b|(?:[ ](?P<dscale>(?:{scales})(?:[ ](?:{scales}))*))\b)?
          | (?P<words>(?:{word})(?:(?:[ \-]|[ ]and[ ])(?:{word}))*)\b
          | (?P<article>an?)[ ](?P<ascale>(?:{scales})(?:[ ](?:{scales}))*)\b
        )
        (?!\w|[.,]\d)                   # not the "11" of "11.4p" or "3" of "3,5x"
        (?:[ ]?(?P<after>{after})(?!{letter}))?
        (?=[ ](?P<noun>{letter}[\w\-]+(?:[ ]{letter}[\w\-]+){{0,2}}))?   # looked at, not taken""",
        re.VERBOSE | re.IGNORECASE)


def _words_value(tokens: list[str]) -> float | None:
    """The value of number words read left to right ("three hundred twenty-five thousand")."""
    table = _number_words()
    total = current = 0.0
    seen = False
    for token in tokens:
        if token in ("a", "an", "and"):
            if token != "and":
                current += 1
            continue
        entry = table.get(token)
        if entry is None:
            return None
        value, role = entry
        seen = True
        if role == "unit":
            current += value
        elif role == "hundred":
            current = (current or 1) * value
        elif role == "dozen":
            current = (current or 1) * value
        else:                          # scale
            total += (current or 1) * value
            current = 0.0
    return total + current if seen else None


def find(text: str, start: int = 0, end: int | None = None) -> tuple[Quantity, ...]:
    """Every quantity in ``text[start:end]``, with offsets into ``text``."""
    end = len(text) if end is None else end
    if not _may_hold_quantity(text, start, end):
        return ()          # most sentences: the full pattern is not run
    stop_words = lexicon.lower_words("text/function_words.txt")
    units = _units()
    words = _number_words()
    out: list[Quantity] = []
    for match in _pattern().finditer(text, start, end):
        value, unit = _value(match)
        if value is None or _is_pronoun_one(match):
            continue
        sign = (match.group("sign") or "").lower()
        after = (match.group("after") or "").lower()
        if sign:
            unit = units.get(sign, "$" if "$" in sign else sign)
        if after:
            unit = units.get(" ".join(after.split()), unit)
        stop = match.end("after") if after else (
            max(match.end(g) for g in ("digits", "short", "dscale", "words", "ascale")
                if match.start(g) >= 0))
        if not unit and match.group("noun") and not _is_year(match):
            unit, stop = _counted_noun(match.group("noun"), match.start("noun"), stop_words,
                                       words) or (unit, stop)
        begin = match.start("sign") if sign else match.start() + (len(match.group())
                                                                  - len(match.group().lstrip()))
        out.append(Quantity(begin, stop, text[begin:stop], value, unit))
    return tuple(out)


def number_end(quantity: Quantity) -> int:
    """Where the number part of a quantity ends: its counted noun and the words between
    are not part of it.

    >>> text = "Three new squadrons and $5m"
    >>> [text[q.start:number_end(q)] for q in find(text)]
    ['Three', '$5m']
    """
    match = _pattern().match(quantity.text)
    if match is None:
        return quantity.end
    stop = max(match.end(g) for g in ("digits", "short", "dscale", "words", "ascale", "after")
               if match.start(g) >= 0)
    return quantity.start + stop


_WORD = re.compile(r"\S+")         # a word of the run after a number
_SPLIT = re.compile(r"[\s\-]+")    # the parts of "twenty-five thousand"
_MODIFIER_ENDINGS = ("ed", "ing", "al", "ic", "ive", "ous", "ful", "ary")   # "armed", "fiscal"


def _counted_noun(run: str, offset: int, stop_words: frozenset[str],
                  number_words: dict) -> tuple[str, int] | None:
    """The noun counted by a number, from up to three lower-case words after it, and its end.

    The first word, unless it looks like a modifier ("armed men", "fiscal years") or a
    plural noun follows it ("launch batteries"); a lone verb-like word is no unit.

    >>> [_counted_noun(run, 0, frozenset({"in", "over"}), {})
    ...  for run in ("manufacturing jobs in", "people familiar", "launch batteries", "sparred over")]
    [('jobs', 18), ('people', 6), ('batteries', 16), None]
    """
    words: list[tuple[str, int]] = []
    for match in _WORD.finditer(run):
        word = match.group()
        if not word[0].islower() or word in stop_words or word in number_words:
            break
        words.append((word, offset + match.end()))
    if not words or (len(words) == 1 and words[0][0].endswith(("ed", "ly"))):
        return None
    at = 1 if len(words) > 1 and words[0][0].endswith(_MODIFIER_ENDINGS) else 0
    if (at + 1 < len(words) and not words[at][0].endswith("s")
            and words[at + 1][0].endswith("s") and not words[at + 1][0].endswith(("ss", "ous"))):
        at += 1
    return words[at]


_YEAR = re.compile(r"1[89]\d\d|20\d\d")     # "1967", "2019": a date, not a count


def _is_year(match: re.Match) -> bool:
    """A bare four-digit year counts nothing: "its 2019 level", "the 2016 election"."""
    digits = match.group("digits")
    return bool(digits and _YEAR.fullmatch(digits) and not match.group("dscale")
                and not match.group("short"))


def _is_pronoun_one(match: re.Match) -> bool:
    """A bare "one" ("no one", "one of them", "the one who") is a pronoun, not a count."""
    return (match.group("words") or "").lower() == "one" and not match.group("after")


_SIGN_OR_DIGIT = re.compile(r"[\d$€£¥]")   # "3", "$", "€": a quantity may start here


@lru_cache(maxsize=1)
def _number_word() -> re.Pattern:
    """A number word of data/text/number_words.tsv that is a whole run of the letters a-z
    in lower-cased text: "twenty" and "five" in "twenty-five,", not "one" in "someone"."""
    runs = [w for w in _number_words() if re.fullmatch("[a-z]+", w)]   # no other word is a run
    if not runs:
        return re.compile("(?!)")          # matches nothing
    return re.compile(rf"(?<![a-z])(?:{lexicon.trie_pattern(runs)})(?![a-z])")


def _may_hold_quantity(text: str, start: int, end: int) -> bool:
    """A cheap test: a digit, a currency sign, or a number word ("three", "twenty-five"),
    which most sentences lack; only where it holds is the full pattern run.

    >>> [_may_hold_quantity(t, 0, len(t)) for t in ("Twenty-five,", "Someone said so.", "$")]
    [True, False, True]
    """
    return (_SIGN_OR_DIGIT.search(text, start, end) is not None
            or _number_word().search(text[start:end].lower()) is not None)


def _value(match: re.Match) -> tuple[float | None, str]:
    """The number a :func:`_pattern` match stands for, and a unit implied by a scale word."""
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        if match.group("short"):
            if not match.group("sign"):
                return None, ""        # "5m" may be metres; only "$5m" is millions
            return value * _SHORT_SCALES[match.group("short").lower()], ""
        if match.group("dscale"):
            factor = _words_value(match.group("dscale").lower().split())
            value *= factor or 1
        return value, ""
    if match.group("words"):
        return _words_value(_SPLIT.split(match.group("words").lower())), ""
    return _words_value([match.group("article").lower()] + match.group("ascale").lower().split()), ""

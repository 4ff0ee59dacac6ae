"""Words as comparison keys, with offsets: the tokeniser that holds a quote against a source.

A key is case-folded with typography unified ("Don’t" -> "don't"); a quantity is one token
keyed by its value and sign ("three" -> "#3", "40 per cent" -> "#40%"); "[sic]" is left out."""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from . import lexicon, quantities


# A word: letters and digits with inner apostrophes and hyphens, soft hyphens allowed
# inside ("don’t", "F-35s", "com\u00admittee").
_WORD = regex.compile(r"[\w\u00ad]+(?:['’‘`\-‐‑][\w\u00ad]+)*")
# "[sic]" in any spacing or case: left out of the words on both sides.
_SIC = regex.compile(r"\[\s*sic\s*\]", regex.IGNORECASE)
# Typographic variants read as one character in a word key: ’ ‘ ` -> ', ‐ ‑ -> -.
_KEY_MAP = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "\u00ad": None})
# Units a quantity key keeps: "40%" and "40 percent" are "#40%"; "$5m" is "#5000000$".
_SIGN_UNITS = frozenset({"$", "€", "£", "¥", "%", "percentage points"})

class WordToken(NamedTuple):
    """A word of a text with offsets and its comparison key.

    The key is case-folded with typography unified ("Don’t" -> "don't"); a number
    is ``#`` and its value, with its currency or percent sign ("three" -> "#3",
    "3,000" -> "#3000", "40 per cent" -> "#40%"); a word with a digit in it is ``#`` and
    the word ("K-12" -> "#k-12", "mid-40s" -> "#mid-40s"), and an ordinal ``#`` and its
    figure ("first" and "1st" -> "#1st").
    """
    start: int
    end: int
    key: str


def word_key(word: str) -> str:
    """The comparison key of one word.

    >>> word_key("Don’t"), word_key("F‑35s")
    ("don't", 'f-35s')
    """
    return word.translate(_KEY_MAP).casefold()


# A word with a digit in it: a code, an ordinal, a decade ("K-12", "1st", "mid-40s", "F-35s").
_DIGIT = regex.compile(r"\d")
# An ordinal written in figures: "1st", "22nd", "3rd", "40th".
_ORDINAL_FIGURES = regex.compile(r"(\d+)(?:st|nd|rd|th)")


def ordinal_suffix(n: int) -> str:
    """The English ending of an ordinal in figures.

    >>> [f"{n}{ordinal_suffix(n)}" for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    """
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    """data/text/ordinals.tsv, with the compounds of a tens word ("twenty-first" -> 21)."""
    simple = {word: int(n) for word, n in lexicon.pairs("text/ordinals.tsv").items()}
    tens = {row[0]: int(row[1]) for row in lexicon.rows("text/number_words.tsv")
            if row[1].isdigit() and 20 <= int(row[1]) <= 90 and int(row[1]) % 10 == 0}
    out = dict(simple)
    for word, value in tens.items():
        for ordinal, n in simple.items():
            if n < 10:
                out[f"{word}-{ordinal}"] = value + n
    return out


def number_word_key(key: str) -> str:
    """The key of a word that stands for a number without being a quantity: an ordinal
    ("first", "1st" -> "#1st") or a word with a digit ("k-12" -> "#k-12"); else ``key``.

    >>> [number_word_key(k) for k in ("first", "1st", "twenty-first", "21st", "k-5", "mid-40s", "form")]
    ['#1st', '#1st', '#21st', '#21st', '#k-5', '#mid-40s', 'form']
    """
    n = _ordinals().get(key)
    if n is not None:
        return f"#{n}{ordinal_suffix(n)}"
    if _DIGIT.search(key):
        m = _ORDINAL_FIGURES.fullmatch(key)
        return f"#{int(m.group(1))}{ordinal_suffix(int(m.group(1)))}" if m else "#" + key
    return key


def _number_key(value: float, unit: str) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return f"#{text}{unit if unit in _SIGN_UNITS else ''}"


def word_tokens(text: str, start: int = 0, end: int | None = None) -> list[WordToken]:
    """The words of ``text[start:end]`` with offsets and keys; a quantity is one token.

    >>> [t.key for t in word_tokens("We cut three million jobs [sic], 40 per cent.")]
    ['we', 'cut', '#3000000', 'jobs', '#40%']
    """
    end = len(text) if end is None else end
    skip = [(m.start(), m.end()) for m in _SIC.finditer(text, start, end)] if "[" in text[start:end] else []
    numbers = _numbers(text, start, end)
    out: list[WordToken] = []
    n = 0
    keys = _KEYS
    make = WordToken._make
    for match in _WORD.finditer(text, start, end):
        s, e = match.span()
        if skip and any(a <= s < b for a, b in skip):
            continue
        while n < len(numbers) and numbers[n][1] <= s:
            out.append(make(numbers[n]))
            n += 1
        if n < len(numbers) and numbers[n][0] < e:
            continue                            # inside a quantity
        word = match.group()
        key = keys.get(word)
        if key is None:
            key = number_word_key(word_key(word))
            if len(keys) < 500_000:
                keys[word] = key
        out.append(make((s, e, key)))
    out.extend(make(number) for number in numbers[n:])
    return out


def _numbers(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, key) of every quantity, found by :func:`quantities.find` only in
    windows around a digit or a number word (a few characters before it, for "US$ 5"
    and "a dozen"; a few words after, for "40 per cent" and "3 million")."""
    spans: list[list[int]] = []
    for m in _number_trigger().finditer(text, start, end):
        lo = text.rfind(" ", start, max(start, m.start() - NUMBER_BEFORE)) + 1 or start
        hi = text.find(" ", min(end, m.end() + NUMBER_AFTER), end)
        hi = end if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([max(lo, start), hi])
    out: list[tuple[int, int, str]] = []
    for lo, hi in spans:
        for q in quantities.find(text, lo, hi):
            stop = quantities.number_end(q)     # "3 million jobs": the noun stays a word
            if not out or q.start >= out[-1][1]:
                out.append((q.start, stop, _number_key(q.value, q.unit)))
    return out


_KEYS: dict[str, str] = {}      # word -> key, filled as words are seen (at most 500,000)
NUMBER_BEFORE = 8        # characters before a number looked at for a quantity ("US$ ", "a ")
NUMBER_AFTER = 60        # characters after it ("hundred and twenty-five thousand dollars")


@lru_cache(maxsize=1)
def _number_trigger() -> regex.Pattern:
    """A digit, or a number word of data/text/number_words.tsv at a word start ("3", "three",
    "thirty-one", "Million")."""
    words = lexicon.trie_pattern(sorted(_number_words(), key=len, reverse=True))
    return regex.compile(rf"\d|(?<![\w])(?:{words})(?![\w])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Every word of data/text/number_words.tsv ("three", "million", "dozen")."""
    return frozenset(row[0] for row in lexicon.rows("text/number_words.tsv"))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[tuple[str, ...], ...]:
    """A data list of words and multi-word entries as tuples of keys, longest first."""
    entries = {tuple(word_key(w) for w in line.split()) for line in lexicon.lower_words(name)}
    return tuple(sorted(entries, key=len, reverse=True))

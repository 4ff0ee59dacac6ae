"""Sources for checking a draft's quotes: what was really said, and by whom.

A :class:`Source` is one file: an article (plain text or Markdown), a JSON Lines
file of articles, or a transcript (``SPEAKER: text`` lines or the CLEF TSV
``line<TAB>speaker<TAB>text[<TAB>label]``).  It knows its text, the
:class:`Statement` passages in it with their speakers, the line of every offset,
and its words as normalised :class:`WordToken` keys with an inverted index
(``postings``), built once when first asked for.

An article's statements are its extracted quotes (``pipeline.extract``; resolved
speakers) and the narrative between them (speaker None); extraction runs only
when a statement is first looked up, so loading many sources stays cheap.

>>> src = source_from_text("GANTZ: We also make deals.\\nESPER: Good.\\n", "t.txt")
>>> src.kind, [(s.speaker, src.text[s.start:s.end]) for s in src.statements]
('transcript', [('GANTZ', 'We also make deals.'), ('ESPER', 'Good.')])
>>> [t.key for t in src.tokens], src.line_of(src.tokens[-1].start)
(['we', 'also', 'make', 'deals', 'good'], 2)
"""
from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, NamedTuple

import regex

from ..text import lexicon
from ..text import quantities
from ..text.spans import Lines
from .. import pipeline
from ..config import Config
from ..read import inputs as reader
from ..read import transcript as transcripts

# A word: letters and digits with inner apostrophes and hyphens, soft hyphens allowed
# inside ("don’t", "F-35s", "com\u00admittee").
_WORD = regex.compile(r"[\w\u00ad]+(?:['’‘`\-‐‑][\w\u00ad]+)*")
# "[sic]" in any spacing or case: left out of the words on both sides.
_SIC = regex.compile(r"\[\s*sic\s*\]", regex.IGNORECASE)
# Typographic variants read as one character in a word key: ’ ‘ ` -> ', ‐ ‑ -> -.
_KEY_MAP = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "\u00ad": None})
# Units a quantity key keeps: "40%" and "40 percent" are "#40%"; "$5m" is "#5000000$".
_SIGN_UNITS = frozenset({"$", "€", "£", "¥", "%", "percentage points"})

KINDS = ("article", "transcript", "jsonl")


class SourceError(Exception):
    """A source file that cannot be used; the message says why in one line."""


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


@dataclass(frozen=True, slots=True)
class Statement:
    """A passage of a source and who says it (None: the narrative, or nobody known).

    ``unit`` tells passages apart for splicing: a transcript turn, or one quote of an
    article with the floating quotes that continue it.
    """
    start: int
    end: int
    speaker: str | None
    title: str | None = None
    unit: str = ""


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
    """data/ordinals.tsv, with the compounds of a tens word ("twenty-first" -> 21)."""
    simple = {word: int(n) for word, n in lexicon.pairs("ordinals.tsv").items()}
    tens = {row[0]: int(row[1]) for row in lexicon.rows("number_words.tsv")
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
    """A digit, or a number word of data/number_words.tsv at a word start ("3", "three",
    "thirty-one", "Million")."""
    words = lexicon.trie_pattern(sorted(_number_words(), key=len, reverse=True))
    return regex.compile(rf"\d|(?<![\w])(?:{words})(?![\w])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Every word of data/number_words.tsv ("three", "million", "dozen")."""
    return frozenset(row[0] for row in lexicon.rows("number_words.tsv"))


class Source:
    """One source file: its name, text, kind, statements, words and their index.

    Build one with :func:`load_source` (a file) or :func:`source_from_text`.
    ``ranges`` are the parts of the text that hold words to match (a transcript's
    turns, not its speaker labels and line numbers).
    """

    def __init__(self, name: str, text: str, kind: str,
                 ranges: Iterable[tuple[int, int]], lines: list[tuple[int, int]],
                 statements: tuple[Statement, ...] | None = None,
                 articles: tuple[tuple[int, int], ...] = ()):
        if kind not in KINDS:
            raise ValueError(f"kind={kind!r} is not one of {', '.join(KINDS)}")
        self.name = name
        self.text = text
        self.kind = kind
        self.ranges = tuple(ranges)
        self._line_starts = [s for s, _n in lines]
        self._line_numbers = [n for _s, n in lines]
        self._statements = statements
        self._articles = articles or ((0, len(text)),)
        self._by_article: dict[int, tuple[Statement, ...]] = {}
        self.notes: tuple[str, ...] = ()     # warnings on how the file was read

    def __repr__(self) -> str:
        return f"Source({self.name!r}, kind={self.kind!r}, {len(self.tokens)} words)"

    def line_of(self, offset: int) -> int:
        """The file line (from 1) that holds ``offset``."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return self._line_numbers[max(i, 0)]

    def line_text(self, line: int) -> str | None:
        """The text of file line ``line`` (from 1), a JSON Lines record's whole text; None if
        there is no such line."""
        k = bisect.bisect_left(self._line_numbers, line)
        if k == len(self._line_numbers) or self._line_numbers[k] != line:
            return None
        end = self._line_starts[k + 1] if k + 1 < len(self._line_starts) else len(self.text)
        return self.text[self._line_starts[k]:end].rstrip("\r\n")

    @cached_property
    def tokens(self) -> list[WordToken]:
        """Every word of the matchable text (inside :attr:`ranges`), in order."""
        every = word_tokens(self.text)
        if self.ranges == ((0, len(self.text)),):
            return every
        out: list[WordToken] = []
        k = 0
        ranges = sorted(self.ranges)
        for token in every:
            while k < len(ranges) and ranges[k][1] <= token.start:
                k += 1
            if k == len(ranges):
                break
            if ranges[k][0] <= token.start and token.end <= ranges[k][1]:
                out.append(token)
        return out

    @cached_property
    def keys(self) -> list[str]:
        """The key of every word of :attr:`tokens`."""
        return [t.key for t in self.tokens]

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """Word key -> positions in :attr:`tokens` where it occurs."""
        index: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            index.setdefault(token.key, []).append(i)
        return index

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """Who says what: turns, or an article's quotes and narrative (speaker None)."""
        if self._statements is not None:
            return self._statements
        out: list[Statement] = []
        for number, (start, end) in enumerate(self._articles, 1):
            doc = pipeline.extract(self.text[start:end], doc_id=self.name,
                                   config=Config(claims=False))   # a source's claims are not used
            out.extend(_article_statements(doc, start, f"{number}:"))
        return tuple(sorted(out, key=lambda s: (s.start, s.end)))

    def _article_statements_at(self, k: int) -> tuple[Statement, ...]:
        """The statements of article ``k`` alone, extracted the first time they are asked for."""
        done = self._by_article.get(k)
        if done is None:
            start, end = self._articles[k]
            doc = pipeline.extract(self.text[start:end], doc_id=self.name, config=Config(claims=False))
            done = tuple(sorted(_article_statements(doc, start, f"{k + 1}:"), key=lambda s: (s.start, s.end)))
            self._by_article[k] = done
        return done

    @cached_property
    def _article_starts(self) -> list[int]:
        return [s for s, _e in self._articles]

    @cached_property
    def _statement_starts(self) -> tuple[list[int], int]:
        return [st.start for st in self.statements], max((st.end - st.start for st in self.statements), default=0)

    def statements_over(self, start: int, end: int) -> list[Statement]:
        """The passages that overlap ``text[start:end]``, in text order (a quote and the
        quote it is reported in overlap: "X said a doctor told him he …").

        A source of many articles (JSON Lines) extracts only the articles asked about, so
        checking a draft extracts the few articles that hold its quotes' candidates."""
        if self._statements is None and len(self._articles) > 1:
            k = max(bisect.bisect_right(self._article_starts, start) - 1, 0)
            out = []
            while k < len(self._articles) and self._articles[k][0] < end:
                if self._articles[k][1] >= start:
                    out.extend(st for st in self._article_statements_at(k) if st.start < end and st.end > start)
                k += 1
            return out
        starts, longest = self._statement_starts
        k = bisect.bisect_left(starts, end) - 1
        out = []
        while k >= 0 and starts[k] > start - longest - 1:
            st = self.statements[k]
            if st.start < end and st.end > start:
                out.append(st)
            k -= 1
        out.reverse()
        return out

    def statement_at(self, token: int) -> Statement | None:
        """The narrowest passage that holds word ``token`` of :attr:`tokens`."""
        t = self.tokens[token]
        found = self.statements_over(t.start, t.end)
        return min(found, key=lambda st: st.end - st.start) if found else None


def _article_statements(doc, base: int, prefix: str) -> list[Statement]:
    """Quote fragments with their speakers, and the rest of each paragraph as narrative.
    A quote's unit is its index, shared by the floating quotes that continue it."""
    out: list[Statement] = []
    taken: list[tuple[int, int]] = []
    roots: list[int] = []
    for i, quote in enumerate(doc.quotes):
        roots.append(roots[quote.follows] if quote.follows is not None and quote.follows < i else i)
        unit = f"{prefix}{roots[i]}"
        for s, e in quote.fragments:
            out.append(Statement(base + s, base + e, quote.speaker, quote.speaker_title, unit))
            taken.append((s, e))
    taken.sort()
    for para in doc.paragraphs:
        pos = para.start
        for s, e in taken:
            if e <= pos or s >= para.end:
                continue
            if s > pos:
                out.append(Statement(base + pos, base + s, None, None, prefix))
            pos = max(pos, e)
        if pos < para.end:
            out.append(Statement(base + pos, base + para.end, None, None, prefix))
    return out


# --- loading ---------------------------------------------------------------------------------

def _line_table(text: str) -> list[tuple[int, int]]:
    """(start offset, line number) for every line of ``text``."""
    return [(start, number) for number, start in enumerate(Lines(text).starts, 1)]


def load_source(path: str, encoding: str | None = None) -> Source:
    """Read a source file: a transcript, a JSON Lines file of articles, or an article.

    Raises :class:`SourceError` (one-line message) for a file that cannot be read,
    is empty, is not UTF-8 text, or is a broken transcript or JSON Lines file.

    >>> load_source("/nonexistent/x.txt")
    Traceback (most recent call last):
    ...
    quotetrack.check.sources.SourceError: No such file or directory
    """
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except IsADirectoryError:
        raise SourceError("is a directory, not a source file") from None
    except OSError as exc:
        raise SourceError(reader.os_message(exc)) from None
    if reader.is_jsonl(path):
        return jsonl_source(path, data)
    try:
        text, note = reader.decode(data, encoding)
    except reader.BadInput as exc:
        raise SourceError(str(exc)) from None
    source = source_from_text(text, path, transcript=path.lower().endswith(".tsv") or None)
    source.notes = (note,) if note else ()
    return source


def source_from_text(text: str, name: str = "<source>", transcript: bool | None = None) -> Source:
    """A :class:`Source` of ``text``: a transcript when ``transcript`` (None: when the
    text looks like one, :func:`quotetrack.read.transcript.looks_like_transcript`), else an article."""
    if not text.strip():
        raise SourceError("empty file")
    if transcript is None:
        transcript = transcripts.looks_like_transcript(text)
    lines = _line_table(text)
    if not transcript:
        return Source(name, text, "article", [(0, len(text))], lines)
    try:
        turns = transcripts.parse(text, name)
    except transcripts.TranscriptError as exc:
        raise SourceError(str(exc)) from None
    statements = tuple(Statement(t.start, t.end, t.speaker, None, f"turn {i}")
                       for i, t in enumerate(turns))
    return Source(name, text, "transcript", [(t.start, t.end) for t in turns], lines, statements)


def jsonl_source(path: str, data: bytes) -> Source:
    """Every record's text as an article, joined by blank lines; a record's offsets map to its line."""
    parts: list[str] = []
    lines: list[tuple[int, int]] = []
    articles: list[tuple[int, int]] = []
    pos = 0
    for lineno, raw in enumerate(data.splitlines(keepends=True), 1):
        if not raw.strip():
            continue
        try:
            record = reader.parse_record(raw, path, lineno)
        except reader.BadInput as exc:
            raise SourceError(f"line {lineno}: {exc}") from None
        lines.append((pos, lineno))
        articles.append((pos, pos + len(record.text)))
        parts.append(record.text)
        pos += len(record.text) + 2
    if not parts or not any(p.strip() for p in parts):
        raise SourceError("empty file")
    text = "\n\n".join(parts)
    return Source(path, text, "jsonl", articles, lines, articles=tuple(articles))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[tuple[str, ...], ...]:
    """A data list of words and multi-word entries as tuples of keys, longest first."""
    entries = {tuple(word_key(w) for w in line.split()) for line in lexicon.lower_words(name)}
    return tuple(sorted(entries, key=len, reverse=True))


def basename(name: str) -> str:
    """The file name without its directory, for comparing a cited source with a loaded one."""
    return os.path.basename(name)

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
from functools import cached_property
from typing import Iterable

from ..text.spans import Lines
from ..model import mention_text
from .. import pipeline
from ..config import Config
from ..read import inputs as reader
from ..read import transcript as transcripts
from ..text.tokens import WordToken, word_tokens


KINDS = ("article", "transcript", "jsonl")


class SourceError(Exception):
    """A source file that cannot be used; the message says why in one line."""


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
    basis: str = "named"          # how the source's speaker was found (model.BASES)
    mention: str | None = None    # the source mention as written ("he", "the minister")
    context: str = ""             # the source sentence(s) the passage sits in


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
            out.append(Statement(base + s, base + e, quote.speaker, quote.speaker_title, unit,
                                 quote.speaker_basis, mention_text(quote), quote.context))
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



def basename(name: str) -> str:
    """The file name without its directory, for comparing a cited source with a loaded one."""
    return os.path.basename(name)

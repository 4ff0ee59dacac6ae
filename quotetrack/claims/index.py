"""An SQLite FTS5 index of claim terms: where the matcher's candidates come from.

Any connection can hold one (the ledger's file, or ``:memory:`` for ``eval-matching``).
A table of the index has two columns: ``terms`` (the claim's stems, as
:func:`quotetrack.claims.match.terms` gives them, space-separated) and ``title`` (the
stems of a fact-check's headline, empty for a claim); its rowid is the id of the claim or
fact-check it stands for.  FTS5's ``bm25()`` ranks candidates (with FTS5's full detail:
``detail=column`` makes a smaller file but ranks three times slower).

>>> import sqlite3
>>> conn = sqlite3.connect(":memory:")
>>> create(conn, "claim_index")
>>> add(conn, "claim_index", 7, "Obama built a wall around his house")
>>> add(conn, "claim_index", 8, "The moon is made of cheese")
>>> q = match.query("Did Obama build a wall?")
>>> [hit.rowid for hit in search(conn, "claim_index", q, stats(conn, "claim_index", q))]
[7]
"""
from __future__ import annotations

import math
import re
import sqlite3
import sys
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Sequence

from . import match

TOKENIZE = "unicode61 remove_diacritics 2"
COLUMN_WEIGHTS = (1.0, 1.0)  # terms, title
COMMON_SHARE = 0.002          # a term in more than this share of the rows ...
COMMON_ROWS = 2000            # ... and in more than this many is not searched
MIN_TERMS = 3                 # but at least this many terms are
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
K1, B = 1.2, 0.75             # FTS5's bm25() constants (SQLite's fts5_aux.c)


def _name(table: str) -> str:
    if not IDENTIFIER.fullmatch(table):
        raise ValueError(f"not a table name: {table!r}")
    return table


def schema(table: str) -> str:
    """The SQL that creates an index table and its vocabulary view (term -> documents)."""
    t = _name(table)
    return (f"CREATE VIRTUAL TABLE {t} USING fts5(terms, title, tokenize='{TOKENIZE}');\n"
            f"CREATE VIRTUAL TABLE {t}_vocab USING fts5vocab({t}, 'row');\n")


def create(conn: sqlite3.Connection, table: str) -> None:
    for statement in schema(table).split(";\n"):
        if statement.strip():
            conn.execute(statement)


def row(text: str, title: str = "") -> tuple[str, str]:
    """The (terms, title) columns of a text."""
    return (" ".join(match.terms(match.clean(text))), " ".join(match.terms(match.clean(title))))


def add(conn: sqlite3.Connection, table: str, rowid: int, text: str, title: str = "") -> None:
    """Index one claim or fact-check (replacing what the rowid held)."""
    t = _name(table)
    conn.execute(f"DELETE FROM {t} WHERE rowid = ?", (rowid,))
    conn.execute(f"INSERT INTO {t} (rowid, terms, title) VALUES (?, ?, ?)", (rowid, *row(text, title)))


class Stats(NamedTuple):
    """What the index knows of a query's terms: its row count and each term's rows."""
    rows: int
    df: dict[str, int]


def stats(conn: sqlite3.Connection, table: str, q: match.Text, rows: int | None = None) -> Stats:
    """The row count (``rows`` when known) and the document frequency of each query term."""
    t = _name(table)
    rows = size(conn, table) if rows is None else rows
    distinct = list(dict.fromkeys(q.terms))
    df = dict(conn.execute(f"SELECT term, doc FROM {t}_vocab WHERE term IN ({', '.join('?' * len(distinct))})",
                           distinct)) if distinct else {}
    return Stats(rows, df)


def searched_terms(q: match.Text, st: Stats) -> list[str]:
    """The query terms the index is asked for: all but the commonest, those in more than
    :data:`COMMON_SHARE` of the rows and more than :data:`COMMON_ROWS` rows (their
    postings cost the most and their idf adds least); at least :data:`MIN_TERMS`, rarest
    first, are always kept.

    >>> q = match.query("Obama built a wall in Texas")
    >>> searched_terms(q, Stats(10_000_000, {"obama": 900_000, "built": 20, "wall": 300, "texa": 9}))
    ['built', 'wall', 'texa']
    """
    return searched(q.terms, st)


def searched(terms: Sequence[str], st: Stats) -> list[str]:
    """:func:`searched_terms` of a query's stems."""
    distinct = list(dict.fromkeys(terms))
    limit = max(COMMON_SHARE * st.rows, COMMON_ROWS)
    kept = [t for t in distinct if st.df.get(t, 0) <= limit]
    if len(kept) < MIN_TERMS:
        kept = sorted(distinct, key=lambda t: (st.df.get(t, 0), t))[:MIN_TERMS]
    return kept


class Hit(NamedTuple):
    """A row the index found: its rowid, bm25 (positive: larger is better) and the stems it holds."""
    rowid: int
    bm25: float
    terms: tuple[str, ...]
    title: tuple[str, ...]


def search(conn: sqlite3.Connection, table: str, q: match.Text, st: Stats, k: int = match.CANDIDATES
           ) -> list[Hit]:
    """The ``k`` best rows of the index for a query (:func:`searched_terms`), best first."""
    terms = searched_terms(q, st)
    if not terms:
        return []
    expression = match.fts_expression(terms)
    t = _name(table)
    w = ", ".join(map(str, COLUMN_WEIGHTS))
    return [Hit(rowid, -value, tuple(terms.split()), tuple(title.split())) for rowid, value, terms, title in
            conn.execute(f"SELECT rowid, bm25({t}, {w}) AS b, terms, title FROM {t} WHERE {t} MATCH ? "
                         f"ORDER BY b LIMIT ?", (expression, k))]


def size(conn: sqlite3.Connection, table: str) -> int:
    """How many rows the index holds (FTS5 counts them one by one: 0.2 s for a million;
    a caller that keeps a table of the same rows counts that instead)."""
    return conn.execute(f"SELECT count(*) FROM {_name(table)}").fetchone()[0]


def idf_mass(q: match.Text, st: Stats) -> float:
    """What a candidate's bm25 comes to when it holds each searched term of the query
    (:func:`searched_terms`) once and is of average length: the sum of their idf, as FTS5
    computes it (a term no row has counts as the rarest).  A candidate's bm25 over it is
    about the share of the query's rare wording the candidate covers (1: all of it; a
    little more when a term comes twice or the candidate is short)."""
    return mass(searched_terms(q, st), st)


def mass(terms: Sequence[str], st: Stats) -> float:
    """:func:`idf_mass` of the search terms ``terms`` (:func:`searched`)."""
    return sum(idf(st.df.get(term, 0), st.rows) for term in terms)


def prefix(terms: Sequence[str], st: Stats, share: float) -> list[str]:
    """The rarest of a query's search terms ``terms``, rarest first, as many as it takes for
    the others to weigh (in idf) less than ``share`` of the query's :func:`mass`: a row
    that holds ``share`` of that mass or more holds one of them (prefix filtering, as a
    set-similarity join does it).

    >>> prefix(["obama", "wall", "texa"], Stats(1000, {"obama": 300, "wall": 2, "texa": 20}), 0.5)
    ['wall']
    """
    return list(prefixes(terms, st, (share,))[0])


def prefixes(terms: Sequence[str], st: Stats, shares: Sequence[float]) -> list[tuple[str, ...]]:
    """:func:`prefix` for each of ``shares``, the terms sorted and weighed once."""
    order = sorted(terms, key=lambda t: (st.df.get(t, 0), t))
    weights = [idf(st.df.get(t, 0), st.rows) for t in order]
    total = sum(weights)
    out = []
    for share in shares:
        bound = share * total * (1 - 1e-9)           # a hair less: rounding keeps no row out
        rest, n = total, 0
        while n < len(order) and rest >= bound:
            rest -= weights[n]
            n += 1
        out.append(tuple(order[:n]))
    return out


@lru_cache(maxsize=1 << 16)
def idf(hits: int, rows: int) -> float:
    """The idf FTS5's ``bm25()`` gives a term found in ``hits`` of ``rows`` rows (at least 1e-6).

    >>> round(idf(1, 1000), 2), idf(900, 1000)
    (6.5, 1e-06)
    """
    return max(math.log((rows - hits + 0.5) / (hits + 0.5)), 1e-6)


# --- bm25 of many rows at once ------------------------------------------------------------------
# A query costs FTS5 a pass over the postings of each of its terms (bm25() counts the rows of
# every term for its idf), so asking the index once for each of its own rows (track repeats)
# costs the square of the archive.  :class:`Counts` reads the index's counts once, and
# :func:`bm25` gives what bm25() gives one row for a query, from those counts and the row's
# stems: the same number (tests/claims/test_match.py compares it with FTS5's on a real index), so a
# caller that already holds the rows to compare scores them as a search would.

class Counts(NamedTuple):
    """What FTS5's ``bm25()`` reads from an index: its row and token counts and, for each
    term as the index holds it (folded: :func:`fold`), the rows that hold it."""
    rows: int
    tokens: int
    df: dict[str, int]

    @property
    def average(self) -> float:
        """The mean number of tokens a row holds (both columns)."""
        return self.tokens / self.rows if self.rows else 0.0


def counts(conn: sqlite3.Connection, table: str) -> Counts:
    """The counts of an index, in one pass over its vocabulary."""
    t = _name(table)
    df: dict[str, int] = {}
    tokens = 0
    for term, doc, cnt in conn.execute(f"SELECT term, doc, cnt FROM {t}_vocab"):
        df[term] = doc
        tokens += cnt
    return Counts(size(conn, table), tokens, df)


@lru_cache(maxsize=1 << 16)
def fold(term: str) -> str:
    """A stem as the index's tokenizer (unicode61, diacritics removed) stores it (one
    string for each, so the rows of :func:`read_row` share them).

    >>> fold("café"), fold("obama")
    ('cafe', 'obama')
    """
    if term.isascii():
        return term.lower()
    return "".join(ch for ch in unicodedata.normalize("NFD", term) if not unicodedata.combining(ch)).lower()


class Row(NamedTuple):
    """A row of the index as :func:`bm25` reads it: its stems and title stems, folded."""
    terms: tuple[str, ...]
    title: tuple[str, ...]


def read_row(terms: str, title: str = "") -> Row:
    """A row from the index's two columns, each stem folded."""
    return Row(tuple(fold(sys.intern(t)) for t in terms.split()), tuple(fold(sys.intern(t)) for t in title.split()))


class Weighed(NamedTuple):
    """A query's distinct search terms, folded, each with the idf FTS5 gives it."""
    idf: dict[str, float]


def weigh(terms: Sequence[str], c: Counts) -> Weighed:
    """The search terms of a query (:func:`searched`) as :func:`bm25` weighs them."""
    return Weighed({k: idf(c.df.get(k, 0), c.rows) for k in dict.fromkeys(fold(t) for t in terms)})


def bm25(q: Weighed, row: Row, c: Counts) -> float:
    """What FTS5's ``bm25()`` (with :data:`COLUMN_WEIGHTS`, made positive) gives ``row``
    for a query of the search terms ``q``: the sum, over the terms the row holds, of
    idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * row length / mean row length)).

    >>> c = Counts(rows=1000, tokens=8000, df={"wall": 3, "obama": 40})
    >>> round(bm25(weigh(["obama", "wall"], c), read_row("obama built wall"), c), 3)
    11.848
    """
    w_terms, w_title = COLUMN_WEIGHTS
    wanted = q.idf
    f: dict[str, float] = {}                # the row's weighted frequency of each query term
    for term in row.terms:
        if term in wanted:
            f[term] = f.get(term, 0.0) + w_terms
    for term in row.title:
        if term in wanted:
            f[term] = f.get(term, 0.0) + w_title
    if not f:
        return 0.0
    norm = _norm(row, c)
    return sum(wanted[key] * x * (K1 + 1) / (x + norm) for key, x in f.items())


def coverage(q: Weighed, row: Row, own: float, c: Counts) -> float:
    """The share of a query's rare wording that ``row`` covers, fair to long texts: the
    row's :func:`bm25` over ``own``, the bm25 the query's own row gives it.  A copy of the
    query covers 1 however long it is (bm25 over the idf mass, as the rule ``overlap``
    reads a search, marks a long row down: a copy 1.3 times the mean length covers 0.89).

    >>> c = Counts(rows=1000, tokens=4000, df={"wall": 3, "obama": 40, "texa": 9})
    >>> q, long = weigh(["obama", "wall", "texa"], c), read_row("obama built wall texa border state")
    >>> round(bm25(q, long, c) / sum(q.idf.values()), 2), coverage(q, long, bm25(q, long, c), c)
    (0.83, 1.0)
    """
    return bm25(q, row, c) / own if own > 0 else 0.0


def _norm(row: Row, c: Counts) -> float:
    avg = c.average
    return K1 * (1 - B + B * (len(row.terms) + len(row.title)) / avg) if avg else K1 * (1 - B)


def most(row: Row, c: Counts) -> float:
    """The most a term of a query weighs in the :func:`bm25` of ``row``, over its idf (the
    weight of its commonest term): a query's terms that the row holds give it at most this
    many times their idf.

    >>> round(most(read_row("wall wall"), Counts(1000, 8000, {})), 3)
    1.743
    """
    f = max((row.terms.count(t) + row.title.count(t) for t in set(row.terms + row.title)), default=0)
    f *= max(COLUMN_WEIGHTS)
    return f * (K1 + 1) / (f + _norm(row, c)) if f else 0.0

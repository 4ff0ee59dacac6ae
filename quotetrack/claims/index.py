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
from typing import NamedTuple

from . import match

TOKENIZE = "unicode61 remove_diacritics 2"
COLUMN_WEIGHTS = (1.0, 1.0)  # terms, title
COMMON_SHARE = 0.002          # a term in more than this share of the rows ...
COMMON_ROWS = 2000            # ... and in more than this many is not searched
MIN_TERMS = 3                 # but at least this many terms are
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
    distinct = list(dict.fromkeys(q.terms))
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
    total = 0.0
    for term in searched_terms(q, st):
        hits = st.df.get(term, 0)
        total += max(math.log((st.rows - hits + 0.5) / (hits + 0.5)), 1e-6)
    return total

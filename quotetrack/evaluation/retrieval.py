"""Measure the claim matcher: ``quotetrack eval-matching QUERIES QRELS VCLAIMS [--run FILE]``.

The files are the CLEF CheckThat! 2020 task 2 layout (Shaar et al. 2020):

* QUERIES: tab-separated with a header, ``id<TAB>text`` (a tweet a line);
* QRELS: TREC qrels, ``query_id 0 vclaim_id relevance`` (relevance > 0 is relevant);
* VCLAIMS: tab-separated with a header, ``id<TAB>vclaim<TAB>title`` (fields may be
  quoted, as the lab's file quotes a claim that holds a line break).

The verified claims go into an FTS5 index in memory (:mod:`quotetrack.claims.index`), each
query is ranked by :mod:`quotetrack.claims.match`, and the report gives MAP@1, MAP@3,
MAP@5, MRR and P@1 averaged over *every* query of QUERIES (one with no candidate, or no
relevant claim found, counts 0), as the lab's scorer does.  ``--run FILE`` writes the top
5 of each query as a TREC run file: ``qid Q0 vclaim_id rank score tag``.

>>> round(average_precision(["b", "a"], {"a"}, 5), 4), average_precision(["b"], {"a"}, 5)
(0.5, 0.0)
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
from dataclasses import asdict, dataclass
from typing import Iterable, Sequence, TextIO

from tabulate import tabulate

from ..claims import index, match
from .gold import read_file_error
from .matching import EvalError

TABLE = "vclaims"
DEPTHS = (1, 3, 5)
RUN_DEPTH = 5
RUN_TAG = "quotetrack"


@dataclass(frozen=True)
class Report:
    queries: int
    judged: int                 # queries with a relevant claim in QRELS
    map_at: dict[str, float]    # "MAP@1" ... -> value
    mrr: float
    p_at_1: float


# --- metrics -------------------------------------------------------------------------------------

def average_precision(ranked: Sequence[str], relevant: set[str], depth: int) -> float:
    """Average precision of the first ``depth`` of a ranking, over the relevant items
    (at most ``depth`` of them): with one relevant item, its reciprocal rank if it is in
    the first ``depth``, else 0.

    >>> average_precision(["x", "y", "a"], {"a"}, 3), average_precision(["x", "y", "a"], {"a"}, 2)
    (0.3333333333333333, 0.0)
    """
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for rank, item in enumerate(ranked[:depth], 1):
        if item in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), depth)


def reciprocal_rank(ranked: Sequence[str], relevant: set[str]) -> float:
    """1 / the rank of the first relevant item (0 when none is ranked).

    >>> reciprocal_rank(["x", "a"], {"a"})
    0.5
    """
    for rank, item in enumerate(ranked, 1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def evaluate(rankings: dict[str, Sequence[str]], qrels: dict[str, set[str]],
             queries: Iterable[str]) -> Report:
    """The report over every query id in ``queries`` (a missing ranking counts 0)."""
    ids = list(queries)
    n = len(ids) or 1
    maps = {f"MAP@{d}": sum(average_precision(rankings.get(q, ()), qrels.get(q, set()), d)
                            for q in ids) / n for d in DEPTHS}
    mrr = sum(reciprocal_rank(rankings.get(q, ()), qrels.get(q, set())) for q in ids) / n
    p1 = sum(1 for q in ids if rankings.get(q) and rankings[q][0] in qrels.get(q, set())) / n
    return Report(len(ids), sum(1 for q in ids if qrels.get(q)), maps, mrr, p1)


# --- files ---------------------------------------------------------------------------------------

def _tsv(path: str, columns: int) -> list[list[str]]:
    """The rows (header dropped) of a tab-separated file with at least ``columns`` fields."""
    csv.field_size_limit(1 << 30)
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError) as exc:
        raise read_file_error(path, exc) from None
    except csv.Error as exc:
        raise EvalError(f"{path}: cannot read: {exc}") from None
    if not rows:
        raise EvalError(f"{path}: empty file")
    for number, row in enumerate(rows[1:], 2):
        if len(row) < columns or not row[0].strip():
            raise EvalError(f"{path}: record {number - 1}: want {columns} tab-separated fields "
                                    f"with an id first, got {len(row)}")
    return rows[1:]


def load_queries(path: str) -> list[tuple[str, str]]:
    """(id, text) of each query."""
    return [(row[0].strip(), row[1]) for row in _tsv(path, 2)]


def load_vclaims(path: str) -> list[tuple[str, str, str]]:
    """(id, claim, title) of each verified claim (title empty when the file has none)."""
    out = []
    for row in _tsv(path, 2):
        vid = row[0].strip()
        if not vid.isdigit():
            raise EvalError(f"{path}: record {vid!r}: the id is not a whole number")
        out.append((vid, row[1], row[2] if len(row) > 2 else ""))
    return out


def load_qrels(path: str) -> dict[str, set[str]]:
    """query id -> the ids judged relevant."""
    out: dict[str, set[str]] = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                parts = line.split()
                if not parts:
                    continue
                if len(parts) != 4:
                    raise EvalError(f"{path}: line {number}: want 'query_id 0 vclaim_id relevance'")
                try:
                    relevant = float(parts[3]) > 0
                except ValueError:
                    raise EvalError(f"{path}: line {number}: relevance {parts[3]!r} is not a number") from None
                if relevant:
                    out.setdefault(parts[0], set()).add(parts[2])
    except (OSError, UnicodeDecodeError) as exc:
        raise read_file_error(path, exc) from None
    return out


# --- ranking -------------------------------------------------------------------------------------

def build_index(vclaims: Iterable[tuple[str, str, str]]) -> sqlite3.Connection:
    """An in-memory index of the verified claims (rowid = their id)."""
    conn = sqlite3.connect(":memory:")
    index.create(conn, TABLE)
    conn.executemany(f"INSERT INTO {TABLE} (rowid, terms, title) VALUES (?, ?, ?)",
                     ((int(vid), *index.row(text, title)) for vid, text, title in vclaims))
    return conn


def rank_queries(conn: sqlite3.Connection, queries: Iterable[tuple[str, str]],
                 texts: dict[int, tuple[str, str]]) -> dict[str, list[match.Scored]]:
    """query id -> its scored candidates, best first."""
    n = index.size(conn, TABLE)
    out = {}
    for qid, text in queries:
        q = match.query(text)
        st = index.stats(conn, TABLE, q, n)
        candidates = [match.candidate(hit.rowid, *texts[hit.rowid], bm25=hit.bm25, stems=hit.terms,
                                      title_stems=hit.title) for hit in index.search(conn, TABLE, q, st)]
        out[qid] = match.rank(q, candidates, index.idf_mass(q, st))
    return out


def write_run(ranked: dict[str, list[match.Scored]], out: TextIO, tag: str = RUN_TAG) -> None:
    """The TREC run file: ``qid Q0 vclaim_id rank score tag``, the top 5 of each query."""
    for qid, scored in ranked.items():
        for rank, s in enumerate(scored[:RUN_DEPTH], 1):
            out.write(f"{qid}\tQ0\t{s.candidate.id}\t{rank}\t{s.score:.6f}\t{tag}\n")


def format_report(r: Report) -> str:
    head = ["queries", "judged", *r.map_at, "MRR", "P@1"]
    row = [r.queries, r.judged, *(f"{v:.4f}" for v in r.map_at.values()), f"{r.mrr:.4f}", f"{r.p_at_1:.4f}"]
    return tabulate([row], headers=head, disable_numparse=True)


def run(queries_path: str, qrels_path: str, vclaims_path: str, run_path: str | None = None,
        as_json: bool = False, out: TextIO | None = None) -> int:
    """Rank, score and print the report; 1 after a one-line error when a file cannot be used."""
    out = sys.stdout if out is None else out
    try:
        queries = load_queries(queries_path)
        qrels = load_qrels(qrels_path)
        vclaims = load_vclaims(vclaims_path)
    except EvalError as exc:
        sys.stdout.flush()
        print(f"quotetrack: {exc}", file=sys.stderr)
        return 1
    texts = {int(vid): (text, title) for vid, text, title in vclaims}
    conn = build_index(vclaims)
    ranked = rank_queries(conn, queries, texts)
    rankings = {qid: [str(s.candidate.id) for s in scored] for qid, scored in ranked.items()}
    report = evaluate(rankings, qrels, [qid for qid, _ in queries])
    if run_path is not None:
        try:
            with open(run_path, "w", encoding="utf-8") as fh:
                write_run(ranked, fh)
        except OSError as exc:
            sys.stdout.flush()
            print(f"quotetrack: {run_path}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 1
    out.write((json.dumps(asdict(report)) if as_json else format_report(report)) + "\n")
    return 0

"""Ask the ledger whether a claim has been made or checked before.

:func:`find` ranks the ledger's stored claims and imported fact-checks for a text with the
one claim matcher (:mod:`quotetrack.claims.match`): candidates from the FTS5 indexes
(``claim_index``, ``check_index``), then the named rules.  :func:`claim_pairs` asks the
same of every stored claim, for ``track repeats``.
"""
from __future__ import annotations

import sqlite3
from typing import Callable, NamedTuple, Sequence

from ..claims import index, match
from ..model import ARTICLE, UNKNOWN, Claim
from .schema import CHECK_INDEX, CLAIM_INDEX

KINDS = ("claim", "check")
SOURCES = {CLAIM_INDEX: "claims", CHECK_INDEX: "checks"}    # the table each index holds the rows of
DEFAULT_LIMIT = 10
# Repeats look for claims that say the same as one another (both ways): such a claim is
# among the first few candidates, so fewer are asked for than for a query.
REPEAT_CANDIDATES = 20
ANONYMOUS = frozenset((ARTICLE, UNKNOWN, ""))   # speakers that are no one in particular


class LedgerMatch(NamedTuple):
    """An earlier claim (kind ``claim``) or a fact-check (kind ``check``) that matches."""
    kind: str
    id: int
    score: float
    rules: tuple[tuple[str, float], ...]
    flags: tuple[str, ...]
    text: str
    speaker: str | None         # who made the claim (a fact-check's claimant)
    date: str | None            # ISO day when known, else as given
    document: str | None        # the claim's doc_id; a fact-check's url
    verdict: str | None         # a fact-check's rating
    reviewer: str | None        # the fact-checker


def _claim_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {row[0]: row[1:] for row in conn.execute(
        f"SELECT c.id, c.text, coalesce(s.name, c.speaker_text), coalesce(d.day, d.date), d.doc_id, "
        f"c.document_id FROM claims c JOIN documents d ON d.id = c.document_id "
        f"LEFT JOIN speakers s ON s.id = c.speaker_id WHERE c.id IN ({marks})", list(ids))}


def _check_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, claim, title, claimant, coalesce(day, date), url, verdict, reviewer "
        f"FROM checks WHERE id IN ({marks})", list(ids))}


def _ranked(conn: sqlite3.Connection, table: str, q: match.Text, rows, k: int,
            sizes: dict[str, int]) -> list[tuple[match.Scored, tuple]]:
    if table not in sizes:
        sizes[table] = conn.execute(f"SELECT count(*) FROM {SOURCES[table]}").fetchone()[0]
    st = index.stats(conn, table, q, sizes[table])
    found = index.search(conn, table, q, st, k)
    if not found:
        return []
    details = rows(conn, [hit.rowid for hit in found])
    candidates = [match.candidate(hit.rowid, details[hit.rowid][0], bm25=hit.bm25, stems=hit.terms,
                                  title_stems=hit.title) for hit in found if hit.rowid in details]
    mass = index.idf_mass(q, st)
    return [(s, details[s.candidate.id]) for s in match.rank(q, candidates, mass)]


def find(conn: sqlite3.Connection, text: str, limit: int = DEFAULT_LIMIT, kinds: Sequence[str] = KINDS,
         min_score: float = 0.0, exclude_document: int | None = None,
         sizes: dict[str, int] | None = None) -> list[LedgerMatch]:
    """The best matches of ``text`` among the stored claims and fact-checks, best first,
    at most ``limit``, scored ``min_score`` or more; claims of the document
    ``exclude_document`` (its row id) are left out.  ``sizes`` caches the index sizes
    between calls."""
    q = match.query(text)
    sizes = {} if sizes is None else sizes
    out: list[LedgerMatch] = []
    k = max(match.CANDIDATES, limit)
    if "claim" in kinds:
        for s, (body, speaker, day, doc_id, doc_row) in _ranked(conn, CLAIM_INDEX, q, _claim_rows, k, sizes):
            if doc_row != exclude_document and s.score >= min_score:
                out.append(LedgerMatch("claim", s.candidate.id, s.score, s.rules, s.flags, body, speaker,
                                       day, doc_id, None, None))
    if "check" in kinds:
        for s, (claim, _title, claimant, day, url, verdict, reviewer) in _ranked(
                conn, CHECK_INDEX, q, _check_rows, k, sizes):
            if s.score >= min_score:
                out.append(LedgerMatch("check", s.candidate.id, s.score, s.rules, s.flags, claim, claimant,
                                       day, url, verdict, reviewer))
    out.sort(key=lambda m: (-m.score, KINDS.index(m.kind), m.id))
    return out[:limit]


def claim_pairs(conn: sqlite3.Connection, items: Sequence[tuple], threshold: float
                ) -> list[tuple[int, int, float]]:
    """Pairs (a, b, overlap), a < b, of the claims ``items`` ((claim id, text, document[,
    speaker])) in different documents that say the same thing: each claim is asked of the
    claim index once, and a pair counts when each claim finds the other among its
    candidates with an ``overlap`` (the rule: the share of its rare wording the other
    covers) of ``threshold`` or more, so a claim inside a longer one is not the same claim;
    the pair's value is the lower of the two.  Two claims whose numbers all differ
    (number-changed: "at least 14" and "at least 45", two polls' margins of error) are one
    claim only when the same named speaker made both.  Nothing is compared all-pairs."""
    wanted = {item[0]: item for item in items}
    n = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    one_way: dict[tuple[int, int], float] = {}
    for cid, text, doc, *_ in items:
        q = match.query(text)
        st = index.stats(conn, CLAIM_INDEX, q, n)
        mass = index.idf_mass(q, st)
        if not mass:
            continue
        for hit in index.search(conn, CLAIM_INDEX, q, st, REPEAT_CANDIDATES):
            other = wanted.get(hit.rowid)
            if hit.rowid != cid and other is not None and other[2] != doc and hit.bm25 / mass >= threshold:
                one_way[(cid, hit.rowid)] = hit.bm25 / mass
    out = []
    for (a, b), value in one_way.items():
        if a < b and (b, a) in one_way and _numbers_agree_or_same_speaker(wanted[a], wanted[b]):
            out.append((a, b, min(value, one_way[(b, a)])))
    return sorted(out)


def _numbers_agree_or_same_speaker(a: tuple, b: tuple) -> bool:
    """Whether two claims (id, text, document[, speaker]) share a number, or have none to
    compare, or were made by one named speaker."""
    left, right = match.read(a[1]).amounts, match.read(b[1]).amounts
    if not left or not right or {x.value for x in left} & {x.value for x in right}:
        return True
    speaker = a[3] if len(a) > 3 else None
    return speaker is not None and speaker not in ANONYMOUS and len(b) > 3 and speaker == b[3]


def as_record(m: LedgerMatch) -> dict:
    """A match as a plain record (what ``claims --against`` writes)."""
    return {"kind": m.kind, "score": round(m.score, 4), "text": m.text, "speaker": m.speaker, "date": m.date,
            "document": m.document, "verdict": m.verdict, "reviewer": m.reviewer,
            "rules": [[name, weight] for name, weight in m.rules], "flags": list(m.flags)}


def seen_before(conn: sqlite3.Connection, threshold: float | None = None) -> Callable[[Claim], dict | None]:
    """For ``claims ARTICLE --against DB``: a function that gives a claim's best earlier
    claim or fact-check scored ``threshold`` (default: the matcher's) or more, as
    :func:`as_record`, or None."""
    least = match.default_threshold() if threshold is None else threshold
    sizes: dict[str, int] = {}

    def seen(claim: Claim) -> dict | None:
        found = find(conn, claim.text, 1, min_score=least, sizes=sizes)
        return as_record(found[0]) if found else None
    return seen

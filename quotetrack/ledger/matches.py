"""Ask the ledger whether a claim has been made or checked before.

:func:`find` ranks the ledger's stored claims and imported fact-checks for a text with the
one claim matcher (:mod:`quotetrack.claims.match`): candidates from the FTS5 indexes
(``claim_index``, ``check_index``), then the named rules.  :func:`claim_pairs` finds, for
``track repeats``, the stored claims that each find the other, with the index's counts read
once instead of a search for each claim.
"""
from __future__ import annotations

import bisect
import heapq
import sqlite3
from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from ..claims import index, match
from ..model import ARTICLE, UNKNOWN, Claim
from .queries import ID_CHUNK
from .schema import CHECK_INDEX, CLAIM_INDEX

KINDS = ("claim", "check")
SOURCES = {CLAIM_INDEX: "claims", CHECK_INDEX: "checks"}    # the table each index holds the rows of
DEFAULT_LIMIT = 10
# Repeats look for claims that say the same as one another (both ways): such a claim is
# among the first few candidates, so fewer are asked for than for a query.
REPEAT_CANDIDATES = 20
ANONYMOUS = frozenset((ARTICLE, UNKNOWN, ""))   # speakers that are no one in particular
# A claim of fewer stems than this ("she supported it", "Hillary Clinton: 1,769.") says too
# little to be matched on its wording: it is joined only to copies of its normalised text.
FEWEST_STEMS = 3
# Levels of the most a claim's term can weigh in its bm25, over its idf (the ceilings of
# the levels _candidates looks candidates up by; the last is the largest of the claims).
LEVELS = (0.8, 1.0, 1.2, 1.4)


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


class _Text(NamedTuple):
    """A claim's text as :func:`claim_pairs` compares it (once for all the claims that read
    alike: a story and its copies): its row of the index, its search terms, their idf mass,
    the bm25 its search terms give its own row (what an exact copy of it scores), the most a
    term weighs in its bm25 (:func:`quotetrack.claims.index.most`), and the claims that have
    it, as (claim id, document)."""
    row: index.Row
    searched: tuple[str, ...]
    mass: float
    own: float
    most: float
    claims: list[tuple[int, Any]]


def claim_pairs(conn: sqlite3.Connection, items: Iterable[tuple[int, Any]], threshold: float
                ) -> list[tuple[int, int, float]]:
    """Pairs (a, b, overlap), a < b, of the claims ``items`` ((claim id, document)) in
    different documents that say the same thing: a pair counts when each claim, asked of the
    claim index, finds the other with an ``overlap`` (the share of its rare wording the other
    covers: :func:`quotetrack.claims.index.coverage`, the matcher's bm25 over the bm25 the
    claim gives itself, so an exact copy covers 1 whatever its length) of ``threshold`` or
    more, among the :data:`REPEAT_CANDIDATES` best it finds so, so a claim inside a longer
    one is not the same claim; the pair's value is the lower of the two.  Claims of the same
    stems and numbers (said again word for word) are always joined: each to the first of
    them (overlap 1), outside the :data:`REPEAT_CANDIDATES`, so a story copied into many
    documents is one group; a claim of fewer than :data:`FEWEST_STEMS` stems is joined only
    so, to the claims of its normalised text (``claims.norm``).  Two claims whose numbers all differ (number-changed: "at least 14" and "at
    least 45", two polls' margins of error) are one claim only when the same named speaker
    made both.

    Nothing is compared all-pairs, and the index is not searched once a claim (a search
    counts the rows of each of its terms, the common ones too: the square of the archive).
    The index's counts are read once (:func:`quotetrack.claims.index.counts`); two texts
    are compared only when they share one of the rarest terms of each (the prefix that a
    text covering ``threshold`` of the other must hold: :func:`_candidates`), and scored
    with the bm25 a search gives (:func:`quotetrack.claims.index.bm25`), once for all the
    claims of the same stems."""
    documents = dict(items)
    c = index.counts(conn, CLAIM_INDEX)
    st = index.Stats(conn.execute("SELECT count(*) FROM claims").fetchone()[0], c.df)
    texts: list[_Text] = []
    seen: dict[index.Row, int] = {}
    for rowid, terms, title in conn.execute(f"SELECT rowid, terms, title FROM {CLAIM_INDEX}"):
        if rowid in documents:
            row = index.read_row(terms, title)
            if row not in seen:
                searched = tuple(index.searched(terms.split(), st))
                seen[row] = len(texts)
                own = index.bm25(index.weigh(searched, c), row, c)
                texts.append(_Text(row, searched, index.mass(searched, st), own, index.most(row, c), []))
            texts[seen[row]].claims.append((rowid, documents[rowid]))
    del seen, documents
    covered: dict[int, list[tuple[float, int]]] = defaultdict(list)    # text -> (overlap, text), both ways
    for t, found in _candidates(texts, st, threshold):
        me = texts[t]
        if len(me.claims) > 1:
            covered[t].append((1.0, t))
        q = index.weigh(me.searched, c)
        for o in found:                     # found is symmetric: each pair is compared once, at its first
            if o > t and (there := index.coverage(q, texts[o].row, me.own, c)) >= threshold:
                other = texts[o]
                back = index.coverage(index.weigh(other.searched, c), me.row, other.own, c)
                if back >= threshold:
                    covered[t].append((there, o))
                    covered[o].append((back, t))
    one_way: dict[tuple[int, int], float] = {}
    for t, both_ways in covered.items():
        for cid, document in texts[t].claims:
            best = heapq.nsmallest(REPEAT_CANDIDATES, ((-value, other) for value, o in both_ways
                                                       for other, elsewhere in texts[o].claims
                                                       if elsewhere != document))
            for value, other in best:
                one_way[(cid, other)] = -value
    mutual = [(a, b, min(value, one_way[(b, a)])) for (a, b), value in one_way.items()
              if a < b and (b, a) in one_way]
    del one_way
    copied = [x for x in texts if len({document for _, document in x.claims}) >= 2]
    said = _said(conn, {x for a, b, _ in mutual for x in (a, b)} | {cid for x in copied for cid, _ in x.claims})
    pairs = {(a, b): value for a, b, value in mutual if _numbers_agree_or_same_speaker(said[a], said[b])}
    for x in copied:
        alike: dict[Any, list[tuple[int, Any]]] = defaultdict(list)
        for cid, document in x.claims:
            alike[_copy_key(said[cid], _matched(x))].append((cid, document))
        for claims in alike.values():
            for a, b, value in _copies(claims):
                pairs.setdefault((a, b), value)
    return sorted((a, b, value) for (a, b), value in pairs.items())


class _Said(NamedTuple):
    """What :func:`_said` reads of a claim: its comparable amounts, speaker and normalised
    text (:func:`quotetrack.claims.repeats.normalise`, as the ledger stores it)."""
    amounts: tuple
    speaker: str | None
    norm: str


def _matched(x: _Text) -> bool:
    """Whether a text is matched on its wording (else only to its copies)."""
    return x.own > 0 and len(x.row.terms) + len(x.row.title) >= FEWEST_STEMS


def _copy_key(said: _Said, matched: bool) -> Any:
    """What claims of the same stems share to be the same claim said again: the values of
    their amounts (numbers are not stems: "at least 45" and "at least 14" read alike); for
    claims not matched on their wording (:func:`_matched`: "she supported it", "He now has
    568."), their normalised text too ("they supported him" has the same stems)."""
    values = tuple(sorted({a.value for a in said.amounts}))
    return values if matched else (said.norm, values)


def _copies(claims: Sequence[tuple[int, Any]]) -> list[tuple[int, int, float]]:
    """Pairs (a, b, 1.0), a < b, that join the claims of one text ((claim id, document))
    found in two documents or more: each to the first, and the others of the first's
    document to the first of another (a star, not all pairs).

    >>> _copies([(5, "x"), (3, "y"), (9, "x"), (7, "z")])
    [(3, 5, 1.0), (3, 9, 1.0), (5, 7, 1.0)]
    """
    first, home = claims[0]
    other = next((cid for cid, document in claims if document != home), None)
    if other is None:
        return []
    out = []
    for cid, document in claims[1:]:
        mate = first if document != home else other
        out.append((min(cid, mate), max(cid, mate), 1.0))
    return sorted(out)


def _candidates(texts: Sequence[_Text], st: index.Stats, threshold: float) -> Iterator[tuple[int, set[int]]]:
    """Each text matched on its wording (:func:`_matched`; by its place in ``texts``) and
    the texts it could cover ``threshold`` of both ways, itself included (prefix filtering,
    as a set-similarity join does it).

    A text b gives a term of a query a at most ``b.most`` times its idf
    (:func:`quotetrack.claims.index.most`), so if b's bm25 reaches ``threshold`` of a's own
    (the bm25 a gives itself, ``a.own``), the terms they share weigh at least threshold *
    a.own / a.mass / b.most of a's idf mass, and the rarest of them is in a's prefix at that
    share (:func:`quotetrack.claims.index.prefix`); the same term is in b's prefix at
    threshold * b.own / b.mass / a.most.  Texts are put in levels by
    their ``most`` (:data:`LEVELS`), and each level of a is looked up with the prefix that
    level allows, in the postings that b's level built for a's level.  (Postings are keyed
    by the folded stem, as FTS5 matches it; a stem the index holds folded, "garcía" as
    "garcia", counts as unseen in a query's idf mass, as in a search, so the two spellings
    may rank apart in the two prefixes: a pair that shares nothing rarer than such a stem
    can be missed.)"""
    top = max((x.most for x in texts), default=0.0)
    ceilings = sorted({x for x in LEVELS if x < top} | {top})
    level = [bisect.bisect_left(ceilings, x.most) for x in texts]
    prefixes = [index.prefixes(x.searched, st, [threshold * x.own / x.mass / ceiling for ceiling in ceilings])
                if x.mass and _matched(x) else [] for x in texts]
    # (query level, candidate level) -> folded stem -> texts (a dict of stems for each pair of
    # levels: the stems are shared strings, where a key of three would be a tuple an entry)
    postings: dict[tuple[int, int], dict[str, list[int]]] = defaultdict(dict)
    for t, by_level in enumerate(prefixes):
        for i, terms in enumerate(by_level):          # as a candidate of a query of level i
            into = postings[(i, level[t])]
            for term in terms:
                into.setdefault(index.fold(term), []).append(t)
    nothing: dict[str, list[int]] = {}
    for t, by_level in enumerate(prefixes):
        if by_level:
            found = {t}
            for k, terms in enumerate(by_level):      # its candidates of level k
                held = postings.get((level[t], k), nothing)
                for term in terms:
                    found.update(held.get(index.fold(term), ()))
            yield t, found


def _said(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, _Said]:
    """The comparable amounts, the speaker and the normalised text of each claim of ``ids``."""
    out = {}
    read: dict[str, tuple] = {}             # a text said again (a copy) is read once
    wanted = sorted(ids)
    for k in range(0, len(wanted), ID_CHUNK):
        part = wanted[k:k + ID_CHUNK]
        for cid, text, speaker, norm in conn.execute(
                f"SELECT c.id, c.text, coalesce(s.name, c.speaker_text), c.norm FROM claims c "
                f"LEFT JOIN speakers s ON s.id = c.speaker_id WHERE c.id IN ({', '.join('?' * len(part))})", part):
            if text not in read:
                read[text] = match.amounts(text)
            out[cid] = _Said(read[text], speaker, norm)
    return out


def _numbers_agree_or_same_speaker(a: _Said, b: _Said) -> bool:
    """Whether two claims share a number, or have none to compare, or were made by one
    named speaker."""
    left, right = a.amounts, b.amounts
    if not left or not right or {x.value for x in left} & {x.value for x in right}:
        return True
    return a.speaker is not None and a.speaker not in ANONYMOUS and a.speaker == b.speaker


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

"""Reading the ledger: counts, speakers, claims and quotes filtered by speaker, date, outlet
and score, and the items that repeated claims are grouped from."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any, Iterator, Sequence

from ..text.names import alias_key
from ..model import Claim, Quantity
from ..claims.repeats import Item
from .rows import ClaimRow, QuoteRow, SpeakerRow

ID_CHUNK = 500          # ids asked of SQLite in one statement


class Queries:
    """The reading half of :class:`~quotetrack.ledger.store.Ledger` (it needs ``self.conn``)."""

    conn: sqlite3.Connection

    # -- reading ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, speakers, quotes, claims, quantities."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "speakers", "quotes", "claims", "quantities")}

    def speakers(self) -> list[SpeakerRow]:
        """Every speaker with a quote or a claim, most quoted first."""
        rows = self.conn.execute("""
            SELECT s.id, s.name, s.type,
                   (SELECT count(DISTINCT d) FROM (SELECT document_id AS d FROM quotes WHERE speaker_id = s.id
                                                   UNION SELECT document_id FROM claims WHERE speaker_id = s.id)),
                   (SELECT count(*) FROM quotes WHERE speaker_id = s.id),
                   (SELECT count(*) FROM claims WHERE speaker_id = s.id)
            FROM speakers s""").fetchall()
        names: dict[int, list[str]] = {}
        for speaker_id, name in self.conn.execute("SELECT speaker_id, name FROM aliases ORDER BY rowid"):
            names.setdefault(speaker_id, []).append(name)
        out = []
        for sid, name, kind, docs, quotes, claims in rows:
            if not quotes and not claims:
                continue
            seen = {alias_key(name)}
            others = []
            for alias in names.get(sid, ()):
                if alias_key(alias) not in seen:
                    seen.add(alias_key(alias))
                    others.append(alias)
            out.append(SpeakerRow(sid, name, kind, tuple(others), docs, quotes, claims))
        out.sort(key=lambda r: (-(r.quotes + r.claims), r.name.casefold()))
        return out

    def claims(self, speaker: int | None = None, since: str | None = None, until: str | None = None,
               outlet: str | None = None, min_score: float | None = None,
               everything: bool = False) -> Iterator[ClaimRow]:
        """Stored claims, oldest first, filtered: a speaker id, ISO days (inclusive), an outlet
        (case-insensitive); only check-worthy ones, or those scored ``min_score`` or more,
        or ``everything``."""
        where, params = _filters(speaker, since, until, outlet, "c")
        _score_filter(where, params, min_score, everything)
        sql = f"""
            SELECT c.id, d.doc_id, d.outlet, d.date, d.day, d.url,
                   coalesce(s.name, c.speaker_text), coalesce(s.type, c.speaker_type),
                   c.text, c.score, c.check_worthy, c.types,
                   coalesce((SELECT group_concat(text, '; ') FROM
                             (SELECT text FROM quantities WHERE claim_id = c.id ORDER BY idx)), ''),
                   c.paragraph, c.sentence, c.char_start, c.char_end
            FROM claims c JOIN documents d ON d.id = c.document_id
            LEFT JOIN speakers s ON s.id = c.speaker_id
            {'WHERE ' + ' AND '.join(where) if where else ''}
            ORDER BY d.day IS NULL, d.day, d.doc_id, c.idx"""
        for row in self.conn.execute(sql, params):
            yield ClaimRow(*row[:10], bool(row[10]), *row[11:])

    def quotes(self, speaker: int | None = None, since: str | None = None, until: str | None = None,
               outlet: str | None = None) -> Iterator[QuoteRow]:
        """Stored quotes, oldest first, with the same filters as :meth:`claims`."""
        where, params = _filters(speaker, since, until, outlet, "q")
        sql = f"""
            SELECT q.id, d.doc_id, d.outlet, d.date, d.day, d.url,
                   coalesce(s.name, q.speaker_text), q.speaker_type, q.kind, q.cue, q.text,
                   q.paragraph, q.sentence, q.char_start, q.char_end
            FROM quotes q JOIN documents d ON d.id = q.document_id
            LEFT JOIN speakers s ON s.id = q.speaker_id
            {'WHERE ' + ' AND '.join(where) if where else ''}
            ORDER BY d.day IS NULL, d.day, d.doc_id, q.idx"""
        for row in self.conn.execute(sql, params):
            yield QuoteRow(*row)

    def repeat_keys(self, min_score: float | None = None, everything: bool = False
                    ) -> Iterator[tuple[int, int, str]]:
        """The claims repeats are found among, one at a time from the database: (claim id,
        document row id, normalised text) of the check-worthy ones, or those scored
        ``min_score`` or more, or ``everything``."""
        sql = "SELECT c.id, c.document_id, c.norm FROM claims c"
        where: list[str] = []
        params: list[Any] = []
        _score_filter(where, params, min_score, everything)
        if where:
            sql += " WHERE " + " AND ".join(where)
        yield from self.conn.execute(sql, params)

    def document_order(self) -> dict[int, int]:
        """Each document's place (row id -> rank) in the order repeats are listed in: by
        day (undated last), then doc_id."""
        return {row[0]: rank for rank, row in enumerate(self.conn.execute(
            "SELECT id FROM documents ORDER BY day IS NULL, day, doc_id, id"))}

    def repeat_items(self, ids: Sequence[int]) -> list[Item]:
        """The claims ``ids`` as :class:`quotetrack.claims.repeats.Item` records with their
        quantities, in the order of ``ids``."""
        found: dict[int, Item] = {}
        for k in range(0, len(ids), ID_CHUNK):
            part = list(ids[k:k + ID_CHUNK])
            marks = ", ".join("?" * len(part))
            amounts: dict[int, list[Quantity]] = {i: [] for i in part}
            for claim_id, *amount in self.conn.execute(
                    f"SELECT claim_id, char_start, char_end, text, value, unit FROM quantities "
                    f"WHERE claim_id IN ({marks}) ORDER BY claim_id, idx", part):
                amounts[claim_id].append(Quantity(*amount))
            found.update((row[0], Item(*row, tuple(amounts[row[0]]))) for row in self.conn.execute(
                f"""SELECT c.id, c.text, c.norm, d.doc_id, d.day, coalesce(s.name, c.speaker_text)
                    FROM claims c JOIN documents d ON d.id = c.document_id
                    LEFT JOIN speakers s ON s.id = c.speaker_id WHERE c.id IN ({marks})""", part))
        return [found[i] for i in ids if i in found]


def _filters(speaker: int | None, since: str | None, until: str | None, outlet: str | None,
             table: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if speaker is not None:
        where.append(f"{table}.speaker_id = ?")
        params.append(speaker)
    if since is not None:
        where.append("d.day >= ?")
        params.append(since)
    if until is not None:
        where.append("d.day <= ?")
        params.append(until)
    if outlet is not None:
        where.append("d.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    return where, params


def _within(claim: Claim) -> tuple[Quantity, ...] | None:
    """A claim's quantities with offsets into the claim text; None if one lies outside it."""
    out = []
    for q in claim.quantities:
        if not claim.start <= q.start <= q.end <= claim.end:
            return None
        out.append(replace(q, start=q.start - claim.start, end=q.end - claim.start))
    return tuple(out)


def _score_filter(where: list[str], params: list[Any], min_score: float | None, everything: bool) -> None:
    if everything:
        return
    if min_score is None:
        where.append("c.check_worthy = 1")
    else:
        where.append("c.score >= ?")
        params.append(min_score)

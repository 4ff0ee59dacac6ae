"""The claims ledger: quotes and claims of a whole archive in one SQLite file.

:class:`Ledger` opens (or creates) the file, checks that it is ours and migrates an
older schema; :meth:`Ledger.add` stores one extracted :class:`~quotetrack.model.Document`
in one transaction.  The standard library's ``sqlite3`` is all it needs.

The file
    ``PRAGMA application_id`` is :data:`APPLICATION_ID` ("qtlg") and ``PRAGMA
    user_version`` the schema version, so a database of another program, or one
    written by a newer quotetrack, is refused with a clear :class:`LedgerError`
    instead of being changed.  Foreign keys are on; the journal is in WAL mode, so
    readers never wait for a writer.

Documents
    A document is identified by the SHA-256 of its text: adding the same text again
    changes nothing.  Its *source key* (the ``url`` of a JSON Lines record if it has
    one, else its ``doc_id`` — a path or the record's id) says which article it is:
    a new text under a known key replaces the older version's rows, in the same
    transaction that adds the new ones.

Faults
    Each document is written in one ``BEGIN IMMEDIATE`` transaction, so a crash or
    Ctrl-C leaves whole documents or nothing, and a rerun skips what is in (by hash).
    Two processes adding at once both succeed: a writer waits for the other
    (``busy_timeout``) and a transaction that still finds the file busy is retried.

>>> import tempfile, os
>>> from quotetrack.model import Document
>>> path = os.path.join(tempfile.mkdtemp(), "claims.db")
>>> with Ledger(path) as ledger:
...     first = ledger.add(Document("a.txt", "Some text.", ()))
...     again = ledger.add(Document("a.txt", "Some text.", ()))
>>> first, again
('added', 'unchanged')
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from . import identity
from ..text.names import alias_key, canonical_name, same_person, surname_key
from ..model import ARTICLE, UNKNOWN, Claim, Document, Quote, cue_text, mention_text
from ..claims import index, repeats
from .schema import CLAIM_INDEX
from .rows import AliasResult, _text_meta, content_hash, iso_day, source_key
from .connection import Connection
from .queries import Queries, _within


# --- the ledger -----------------------------------------------------------------------------------

class Ledger(Queries, Connection):
    """An open ledger file (:class:`~.connection.Connection`) with its writes and, from
    :class:`~.queries.Queries`, its reads.  ``create=False`` refuses a path where no file is.

    Use it as a context manager, or call :meth:`close`.
    """

    # -- adding ---------------------------------------------------------------------------

    def has(self, digest: str) -> bool:
        """Whether a document with this content hash is in the ledger."""
        return self.conn.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone() is not None

    def has_source(self, key: str) -> bool:
        """Whether a version of the article with this source key is in the ledger."""
        return self.conn.execute("SELECT 1 FROM documents WHERE source_key = ?", (key,)).fetchone() is not None

    def add(self, doc: Document, digest: str | None = None) -> str:
        """Store one document with its quotes, claims and quantities in one transaction.

        Returns ``"added"``, ``"unchanged"`` (its text is already in) or ``"replaced"``
        (a new text for a known source key: the old version's rows are gone).
        """
        digest = digest or content_hash(doc.text)
        return self.transaction(lambda conn: self._add(conn, doc, digest))

    def _add(self, conn: sqlite3.Connection, doc: Document, digest: str) -> str:
        if self.has(digest):
            return "unchanged"
        key = source_key(doc)
        old = conn.execute("SELECT id FROM documents WHERE source_key = ?", (key,)).fetchone()
        if old:
            conn.execute("DELETE FROM documents WHERE id = ?", (old[0],))   # cascades to its rows
        outlet = _text_meta(doc, "outlet")
        date = _text_meta(doc, "date")
        n_quantities = sum(len(c.quantities) for c in doc.claims)
        cur = conn.execute(
            "INSERT INTO documents (hash, source_key, doc_id, outlet, date, day, url, added_at, "
            "n_quotes, n_claims, n_quantities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (digest, key, doc.doc_id, outlet, date, iso_day(date), _text_meta(doc, "url"),
             datetime.now(timezone.utc).isoformat(timespec="seconds"),
             len(doc.quotes), len(doc.claims), n_quantities))
        doc_row = cur.lastrowid
        for i, q in enumerate(doc.quotes):
            self._add_quote(conn, doc_row, i, q)
        for i, c in enumerate(doc.claims):
            self._add_claim(conn, doc_row, i, c, outlet)
        return "replaced" if old else "added"

    def _add_quote(self, conn: sqlite3.Connection, doc_row: int, i: int, q: Quote) -> None:
        name = q.speaker or mention_text(q)
        speaker_id = self._speaker(conn, q.speaker, q.speaker_type) if q.speaker else None
        conn.execute(
            "INSERT INTO quotes (document_id, idx, speaker_id, speaker_text, speaker_type, kind, text, "
            "char_start, char_end, cue, paragraph, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_row, i, speaker_id, name, q.speaker_type, q.kind, q.text, q.start, q.end, cue_text(q),
             q.paragraph, q.sentence))

    def _add_claim(self, conn: sqlite3.Connection, doc_row: int, i: int, c: Claim,
                   outlet: str | None) -> None:
        speaker, kind = c.speaker or None, "unknown"
        if c.quote is not None:
            kind = self._quote_type(conn, doc_row, c.quote)
        if speaker == ARTICLE:
            speaker, kind = (outlet, identity.OUTLET) if outlet else (ARTICLE, "unknown")
        speaker_id = self._speaker(conn, speaker, kind) if speaker else None
        cur = conn.execute(
            "INSERT INTO claims (document_id, idx, speaker_id, speaker_text, speaker_type, quote_idx, text, "
            "char_start, char_end, score, check_worthy, types, paragraph, sentence, norm) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_row, i, speaker_id, speaker or UNKNOWN, kind, c.quote, c.text, c.start, c.end,
             float(c.rating.score), int(bool(c.rating.check_worthy)), ",".join(c.rating.types),
             c.paragraph, c.sentence,
             repeats.normalise(c.text, _within(c))))
        conn.execute(f"INSERT INTO {CLAIM_INDEX} (rowid, terms, title) VALUES (?, ?, ?)",
                     (cur.lastrowid, *index.row(c.text)))
        for k, q in enumerate(c.quantities):
            conn.execute(
                "INSERT INTO quantities (claim_id, idx, text, char_start, char_end, value, unit) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", (cur.lastrowid, k, q.text, q.start, q.end, q.value, q.unit))

    @staticmethod
    def _quote_type(conn: sqlite3.Connection, doc_row: int, idx: int) -> str:
        row = conn.execute("SELECT speaker_type FROM quotes WHERE document_id = ? AND idx = ?",
                           (doc_row, idx)).fetchone()
        return row[0] if row else "unknown"

    # -- speakers ---------------------------------------------------------------------------

    def _speaker(self, conn: sqlite3.Connection, written: str, kind: str) -> int | None:
        """The speaker id of a name (created when new); None for a type that is not one
        entity across documents (a descriptor, an unresolved pronoun)."""
        if not identity.is_entity(kind, written):
            return None
        name = canonical_name(written, kind)
        for candidate in dict.fromkeys((written, name)):
            row = conn.execute("SELECT speaker_id FROM aliases WHERE alias = ?",
                               (alias_key(candidate),)).fetchone()
            if row:
                self._remember(conn, written, row[0])
                return row[0]
        surname = surname_key(name) if kind == "person" else None
        if surname is not None:                    # "Donald J. Trump" -> "Donald Trump", if only one
            same = [sid for sid, other in conn.execute(
                        "SELECT id, name FROM speakers WHERE type = 'person' AND surname = ?", (surname,))
                    if same_person(name, other)]
            if len(same) == 1:
                self._remember(conn, written, same[0])
                return same[0]
        if kind == "person" and surname is None:
            full = conn.execute("SELECT id FROM speakers WHERE type = 'person' AND surname = ? LIMIT 2",
                                (alias_key(name),)).fetchall()
            if len(full) == 1:                     # "Gantz" -> the one full name ending in Gantz
                self._remember(conn, written, full[0][0])
                return full[0][0]
        speaker_id = conn.execute("INSERT INTO speakers (name, type, surname) VALUES (?, ?, ?)",
                                  (name, kind, surname)).lastrowid
        self._remember(conn, name, speaker_id)
        self._remember(conn, written, speaker_id)
        if surname is not None:
            self._absorb_surname(conn, speaker_id, surname)
        return speaker_id

    @staticmethod
    def _remember(conn: sqlite3.Connection, name: str, speaker_id: int, given: bool = False) -> None:
        conn.execute("INSERT OR IGNORE INTO aliases (alias, speaker_id, name, given) VALUES (?, ?, ?, ?)",
                     (alias_key(name), speaker_id, name, int(given)))

    def _absorb_surname(self, conn: sqlite3.Connection, speaker_id: int, surname: str) -> None:
        """A surname-only speaker filed before its full name was known ("Gantz" before
        "Benny Gantz") joins the full name, when that is the only one with the surname
        and no one set the surname's speaker by hand."""
        fulls = conn.execute("SELECT count(*) FROM speakers WHERE type = 'person' AND surname = ?",
                             (surname,)).fetchone()[0]
        if fulls != 1:
            return
        row = conn.execute(
            "SELECT s.id FROM speakers s JOIN aliases a ON a.alias = ? AND a.speaker_id = s.id "
            "WHERE s.type = 'person' AND s.surname IS NULL AND a.given = 0", (surname,)).fetchone()
        if row and row[0] != speaker_id:
            _merge(conn, row[0], speaker_id)

    def find_speaker(self, name: str) -> int | None:
        """The id of the speaker a name stands for: an alias, else the one full person name
        with that surname; None when there is none."""
        row = self.conn.execute("SELECT speaker_id FROM aliases WHERE alias = ?",
                                (alias_key(name),)).fetchone()
        if row:
            return row[0]
        canonical = canonical_name(name)
        row = self.conn.execute("SELECT speaker_id FROM aliases WHERE alias = ?",
                                (alias_key(canonical),)).fetchone()
        if row:
            return row[0]
        if surname_key(canonical) is None:
            full = self.conn.execute("SELECT id FROM speakers WHERE type = 'person' AND surname = ? LIMIT 2",
                                     (alias_key(canonical),)).fetchall()
            if len(full) == 1:
                return full[0][0]
        return None

    def speaker_name(self, speaker_id: int) -> str:
        return self.conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0]

    def alias(self, old: str, new: str) -> AliasResult:
        """Make ``old`` a name of ``new``: merge two speakers, rename one, or record a name.

        Both known and different: ``old``'s quotes, claims and names move to ``new``
        (merged).  Only ``old`` known: it is renamed ``new`` (renamed).  Only ``new``
        known: ``old`` becomes another name of it, for later documents (added).
        Raises :class:`LookupError` when neither is known.
        """
        def work(conn: sqlite3.Connection) -> AliasResult:
            a, b = self.find_speaker(old), self.find_speaker(new)
            if a is None and b is None:
                raise LookupError(f"no speaker named {old!r} or {new!r}")
            if a is not None and a == b:
                return AliasResult("same", self.speaker_name(a), self.speaker_name(b))
            if a is not None and b is not None:
                old_name, new_name = self.speaker_name(a), self.speaker_name(b)
                moved = _merge(conn, a, b)
                self._remember(conn, old, b, given=True)
                return AliasResult("merged", old_name, new_name, *moved)
            if a is not None:
                old_name = self.speaker_name(a)
                conn.execute("UPDATE speakers SET name = ?, surname = CASE WHEN type = 'person' "
                             "THEN ? ELSE surname END WHERE id = ?",
                             (new, surname_key(new), a))
                self._remember(conn, new, a, given=True)
                conn.execute("UPDATE aliases SET given = 1 WHERE speaker_id = ?", (a,))
                return AliasResult("renamed", old_name, new)
            self._remember(conn, old, b, given=True)
            return AliasResult("added", old, self.speaker_name(b))
        return self.transaction(work)

def _merge(conn: sqlite3.Connection, old: int, new: int) -> tuple[int, int]:
    """Move every quote, claim and name of speaker ``old`` to ``new`` and drop ``old``;
    return how many quotes and claims moved."""
    quotes = conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (new, old)).rowcount
    claims = conn.execute("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", (new, old)).rowcount
    conn.execute("UPDATE OR IGNORE aliases SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    conn.execute("DELETE FROM speakers WHERE id = ?", (old,))     # its leftover aliases cascade
    return quotes, claims

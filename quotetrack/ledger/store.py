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

import hashlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterator, NamedTuple, Union

from . import identity
from ..model import Claim, Document, Quantity, Quote
from ..text import quantities
from ..claims import repeats
from ..claims.repeats import Amount, Item

APPLICATION_ID = 0x71746C67        # "qtlg" in ASCII: this file is a quotetrack ledger
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000           # how long a writer waits for another one
RETRY_SECONDS = 120.0              # how long a busy transaction is retried in all
DEFAULT_DB = "quotetrack.db"
DB_ENVIRONMENT = "QUOTETRACK_DB"

# An ISO day at the start of a date field: "2020-03-02", "2020-03-02T10:15:00Z".
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Other date fields read (English month names, as datetime.strptime reads them in the C
# locale): "March 2, 2020", "Mar. 2, 2020", "2 March 2020", "2020/03/02".
DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")

# --- schema ---------------------------------------------------------------------------------------
# Each migration takes the schema from the version before it to its own version; a
# step is SQL or a function of the connection.  A new schema change is a new entry at
# the end: never edit one that has shipped.

V1 = """
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    hash        TEXT NOT NULL UNIQUE,          -- SHA-256 of the text
    source_key  TEXT NOT NULL UNIQUE,          -- url, else doc_id: which article this is
    doc_id      TEXT NOT NULL,
    outlet      TEXT,
    date        TEXT,                          -- as given
    day         TEXT,                          -- ISO YYYY-MM-DD when the date has one
    url         TEXT,
    added_at    TEXT NOT NULL,
    n_quotes    INTEGER NOT NULL,
    n_claims    INTEGER NOT NULL
);
CREATE TABLE speakers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL,                 -- person | organisation | outlet
    surname     TEXT                           -- alias key of a full person name's last word
);
CREATE INDEX speakers_surname ON speakers(surname);
CREATE TABLE aliases (
    alias       TEXT PRIMARY KEY,              -- identity.alias_key of a name
    speaker_id  INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,                 -- the name as first seen or given
    given       INTEGER NOT NULL DEFAULT 0     -- 1: set by `track alias`
);
CREATE INDEX aliases_speaker ON aliases(speaker_id);
CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    speaker_id   INTEGER REFERENCES speakers(id),
    speaker_text TEXT,                         -- resolved name, else the mention as written
    speaker_type TEXT NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    cue          TEXT,
    paragraph    INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    UNIQUE (document_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    speaker_id   INTEGER REFERENCES speakers(id),
    speaker_text TEXT NOT NULL,
    quote_idx    INTEGER,
    text         TEXT NOT NULL,
    char_start   INTEGER NOT NULL,
    char_end     INTEGER NOT NULL,
    score        REAL NOT NULL,
    check_worthy INTEGER NOT NULL,
    types        TEXT NOT NULL,                -- comma-separated
    paragraph    INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    UNIQUE (document_id, idx)
);
CREATE INDEX claims_speaker ON claims(speaker_id);
"""

V2 = """
CREATE TABLE quantities (
    id          INTEGER PRIMARY KEY,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    value       REAL,
    unit        TEXT NOT NULL DEFAULT '',
    UNIQUE (claim_id, idx)
);
ALTER TABLE claims ADD COLUMN norm TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN speaker_type TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE documents ADD COLUMN n_quantities INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_day ON documents(day);
"""


def _fill_v2(conn: sqlite3.Connection) -> None:
    """Claims stored before version 2 get their normalised text, quantities (found again
    in the claim text) and speaker type, and each document its quantity count."""
    rows = conn.execute("SELECT id, document_id, text, char_start FROM claims").fetchall()
    for claim_id, _doc, text, start in rows:
        conn.execute("UPDATE claims SET norm = ? WHERE id = ?", (repeats.normalise(text), claim_id))
        for i, q in enumerate(quantities.find(text)):
            conn.execute("INSERT INTO quantities (claim_id, idx, text, char_start, char_end, value, unit) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (claim_id, i, q.text, start + q.start, start + q.end, q.value, q.unit))
    conn.execute("UPDATE claims SET speaker_type = coalesce((SELECT s.type FROM speakers s "
                 "WHERE s.id = claims.speaker_id), 'unknown')")
    conn.execute("UPDATE documents SET n_quantities = (SELECT count(*) FROM quantities JOIN claims "
                 "ON claims.id = quantities.claim_id WHERE claims.document_id = documents.id)")


Step = Union[str, Callable[[sqlite3.Connection], None]]
MIGRATIONS: tuple[tuple[str, tuple[Step, ...]], ...] = (
    ("documents, speakers, aliases, quotes, claims", (V1,)),
    ("quantities; normalised claim text for repeats; claim speaker types", (V2, _fill_v2)),
)
SCHEMA_VERSION = len(MIGRATIONS)


class LedgerError(Exception):
    """The ledger file cannot be used; the message says why, in one line."""


# --- records ---------------------------------------------------------------------------------------

class SpeakerRow(NamedTuple):
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    documents: int
    quotes: int
    claims: int


class ClaimRow(NamedTuple):
    id: int
    doc_id: str
    outlet: str | None
    date: str | None
    day: str | None
    url: str | None
    speaker: str
    speaker_type: str
    text: str
    score: float
    check_worthy: bool
    types: str
    quantities: str
    paragraph: int
    sentence: int
    start: int
    end: int


class QuoteRow(NamedTuple):
    id: int
    doc_id: str
    outlet: str | None
    date: str | None
    day: str | None
    url: str | None
    speaker: str | None
    speaker_type: str
    kind: str
    cue: str | None
    text: str
    paragraph: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class AliasResult:
    """What ``track alias OLD NEW`` did: ``action`` is merged, renamed or added."""
    action: str
    old: str
    new: str
    quotes: int = 0
    claims: int = 0

    def describe(self) -> str:
        if self.action == "merged":
            return (f"merged {self.old!r} into {self.new!r} "
                    f"({self.quotes} quotes and {self.claims} claims moved)")
        if self.action == "renamed":
            return f"renamed {self.old!r} to {self.new!r}"
        if self.action == "same":
            return f"{self.old!r} and {self.new!r} are already one speaker"
        return f"added {self.old!r} as another name of {self.new!r}"


# --- pure helpers ------------------------------------------------------------------------------

def content_hash(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes, in hex: what identifies a document.

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_key(doc: Document) -> str:
    """Which article a document is: its ``url`` when the record gave one, else its doc_id.

    >>> source_key(Document("a.jsonl:3", "t", (), meta={"url": "https://x.org/a"}))
    'https://x.org/a'
    """
    url = doc.meta.get("url")
    return url if isinstance(url, str) and url.strip() else doc.doc_id


def iso_day(value: Any) -> str | None:
    """The day a date field names, as ISO ``YYYY-MM-DD``, or None.

    It reads an ISO date or timestamp, an e-mail/RSS date and the English forms in
    :data:`DATE_FORMATS`; an all-numeric day-month order ("03/02/2020") is ambiguous
    and not read.

    >>> iso_day("2020-03-02T10:15:00Z"), iso_day("Mon, 02 Mar 2020 10:15:00 GMT")
    ('2020-03-02', '2020-03-02')
    >>> iso_day("March 2, 2020"), iso_day("2 March 2020"), iso_day("March 2"), iso_day("2020-13-40")
    ('2020-03-02', '2020-03-02', None, None)
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    m = ISO_DAY.match(text)
    if m:
        try:
            return datetime(int(m[1]), int(m[2]), int(m[3])).date().isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.replace("Sept.", "Sep."), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def default_path(environ: Any = None) -> str:
    """``$QUOTETRACK_DB`` when set, else ``quotetrack.db`` in the working directory."""
    environ = os.environ if environ is None else environ
    return environ.get(DB_ENVIRONMENT) or DEFAULT_DB


def _text_meta(doc: Document, key: str) -> str | None:
    value = doc.meta.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _busy(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


# --- the ledger -----------------------------------------------------------------------------------

class Ledger:
    """An open ledger file.  ``create=False`` refuses a path where no file is.

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True,
                 timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = os.fspath(path)
        _check_path(self.path, create)
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout_ms / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(f"cannot open: {exc}") from None
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
            self._recognise()
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._set_wal()
            # In WAL mode NORMAL loses no committed document when the process dies (the
            # operating system holds the write); only a power cut may drop the last ones.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            if "not a database" in str(exc):
                raise LedgerError("not a SQLite database") from None
            if "malformed" in str(exc):
                raise LedgerError(f"a damaged SQLite database ({exc})") from None
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise LedgerError("not writable (read-only file)") from None
            raise LedgerError(f"cannot use: {exc}") from None
        except BaseException:
            self.conn.close()
            raise

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- opening -----------------------------------------------------------------------

    def _pragma(self, name: str) -> int:
        return int(self.conn.execute(f"PRAGMA {name}").fetchone()[0])

    def _recognise(self) -> None:
        """Refuse another program's database or a newer schema before changing anything."""
        app_id, version = self._pragma("application_id"), self._pragma("user_version")
        if app_id == 0:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise LedgerError("a SQLite database of another program, not a quotetrack ledger")
        elif app_id != APPLICATION_ID:
            raise LedgerError("a SQLite database of another program, not a quotetrack ledger "
                              f"(application id {app_id:#x})")
        if version > SCHEMA_VERSION:
            raise LedgerError(f"ledger schema version {version} is newer than this quotetrack "
                              f"knows ({SCHEMA_VERSION}); upgrade quotetrack to use it")

    def _set_wal(self) -> None:
        """Put the file in WAL mode (once, when it is new).  The switch needs the file to
        itself, and SQLite answers the old mode instead of waiting when another connection
        reads it at that moment, so it is tried again for a while."""
        deadline = time.monotonic() + RETRY_SECONDS
        pause = 0.01
        while self.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            try:
                if self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if not _busy(exc):
                    raise
            if time.monotonic() > deadline:
                raise LedgerError("cannot switch the ledger to WAL mode: another program keeps it busy")
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def _migrate(self) -> None:
        if self._pragma("user_version") == SCHEMA_VERSION and self._pragma("application_id"):
            return

        def run(conn: sqlite3.Connection) -> None:
            self._recognise()                      # again, now that we hold the write lock
            version = self._pragma("user_version")
            for number, (_what, steps) in enumerate(MIGRATIONS[version:], version + 1):
                for step in steps:
                    if isinstance(step, str):
                        for statement in _statements(step):
                            conn.execute(statement)
                    else:
                        step(conn)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

        self.transaction(run)

    @property
    def version(self) -> int:
        """The schema version of the file."""
        return self._pragma("user_version")

    # -- transactions --------------------------------------------------------------------

    def transaction(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``work(conn)`` in one ``BEGIN IMMEDIATE`` transaction and commit; roll back
        on any error or interrupt.  A busy database is waited for and retried."""
        deadline = time.monotonic() + RETRY_SECONDS
        pause = 0.05
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _busy(exc) and time.monotonic() < deadline:
                    time.sleep(pause)
                    pause = min(pause * 2, 1.0)
                    continue
                raise
            try:
                result = work(self.conn)
                self.conn.execute("COMMIT")
                return result
            except BaseException as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and _busy(exc) \
                        and time.monotonic() < deadline:
                    time.sleep(pause)
                    pause = min(pause * 2, 1.0)
                    continue
                raise

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
        name = q.speaker or q.speaker_mention
        speaker_id = self._speaker(conn, q.speaker, q.speaker_type) if q.speaker else None
        conn.execute(
            "INSERT INTO quotes (document_id, idx, speaker_id, speaker_text, speaker_type, kind, text, "
            "char_start, char_end, cue, paragraph, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_row, i, speaker_id, name, q.speaker_type, q.kind, q.text, q.start, q.end, q.cue,
             q.paragraph, q.sentence))

    def _add_claim(self, conn: sqlite3.Connection, doc_row: int, i: int, c: Claim,
                   outlet: str | None) -> None:
        speaker, kind = c.speaker or None, "unknown"
        if c.quote is not None:
            kind = self._quote_type(conn, doc_row, c.quote)
        if speaker == identity.ARTICLE:
            speaker, kind = (outlet, identity.OUTLET) if outlet else (identity.ARTICLE, "unknown")
        speaker_id = self._speaker(conn, speaker, kind) if speaker else None
        cur = conn.execute(
            "INSERT INTO claims (document_id, idx, speaker_id, speaker_text, speaker_type, quote_idx, text, "
            "char_start, char_end, score, check_worthy, types, paragraph, sentence, norm) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_row, i, speaker_id, speaker or "(unknown)", kind, c.quote, c.text, c.start, c.end,
             float(c.score), int(bool(c.check_worthy)), ",".join(c.types), c.paragraph, c.sentence,
             repeats.normalise(c.text, _within(c))))
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
        name = identity.canonical_name(written, kind)
        for candidate in dict.fromkeys((written, name)):
            row = conn.execute("SELECT speaker_id FROM aliases WHERE alias = ?",
                               (identity.alias_key(candidate),)).fetchone()
            if row:
                self._remember(conn, written, row[0])
                return row[0]
        surname = identity.surname_key(name) if kind == "person" else None
        if surname is not None:                    # "Donald J. Trump" -> "Donald Trump", if only one
            same = [sid for sid, other in conn.execute(
                        "SELECT id, name FROM speakers WHERE type = 'person' AND surname = ?", (surname,))
                    if identity.same_person(name, other)]
            if len(same) == 1:
                self._remember(conn, written, same[0])
                return same[0]
        if kind == "person" and surname is None:
            full = conn.execute("SELECT id FROM speakers WHERE type = 'person' AND surname = ? LIMIT 2",
                                (identity.alias_key(name),)).fetchall()
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
                     (identity.alias_key(name), speaker_id, name, int(given)))

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
                                (identity.alias_key(name),)).fetchone()
        if row:
            return row[0]
        canonical = identity.canonical_name(name)
        row = self.conn.execute("SELECT speaker_id FROM aliases WHERE alias = ?",
                                (identity.alias_key(canonical),)).fetchone()
        if row:
            return row[0]
        if identity.surname_key(canonical) is None:
            full = self.conn.execute("SELECT id FROM speakers WHERE type = 'person' AND surname = ? LIMIT 2",
                                     (identity.alias_key(canonical),)).fetchall()
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
                             (new, identity.surname_key(new), a))
                self._remember(conn, new, a, given=True)
                conn.execute("UPDATE aliases SET given = 1 WHERE speaker_id = ?", (a,))
                return AliasResult("renamed", old_name, new)
            self._remember(conn, old, b, given=True)
            return AliasResult("added", old, self.speaker_name(b))
        return self.transaction(work)

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
            seen = {identity.alias_key(name)}
            others = []
            for alias in names.get(sid, ()):
                if identity.alias_key(alias) not in seen:
                    seen.add(identity.alias_key(alias))
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

    def repeat_items(self, min_score: float | None = None, everything: bool = False):
        """The stored claims as :class:`quotetrack.claims.repeats.Item` records with their quantities:
        the check-worthy ones, or those scored ``min_score`` or more, or ``everything``."""
        amounts: dict[int, list[Amount]] = {}
        for claim_id, text, value, unit in self.conn.execute(
                "SELECT claim_id, text, value, unit FROM quantities ORDER BY claim_id, idx"):
            amounts.setdefault(claim_id, []).append(Amount(text, value, unit))
        sql = """SELECT c.id, c.text, c.norm, d.doc_id, d.day, coalesce(s.name, c.speaker_text)
                 FROM claims c JOIN documents d ON d.id = c.document_id
                 LEFT JOIN speakers s ON s.id = c.speaker_id"""
        where: list[str] = []
        params: list[Any] = []
        _score_filter(where, params, min_score, everything)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return [Item(*row, tuple(amounts.get(row[0], ()))) for row in self.conn.execute(sql, params)]


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


def _merge(conn: sqlite3.Connection, old: int, new: int) -> tuple[int, int]:
    """Move every quote, claim and name of speaker ``old`` to ``new`` and drop ``old``;
    return how many quotes and claims moved."""
    quotes = conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (new, old)).rowcount
    claims = conn.execute("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", (new, old)).rowcount
    conn.execute("UPDATE OR IGNORE aliases SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    conn.execute("DELETE FROM speakers WHERE id = ?", (old,))     # its leftover aliases cascade
    return quotes, claims


def _statements(script: str) -> list[str]:
    """The statements of a SQL script (none of ours has a ';' inside a string)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _check_path(path: str, create: bool) -> None:
    """Refuse, with a one-line reason, a path that cannot hold a ledger."""
    if os.path.isdir(path):
        raise LedgerError("is a directory, not a ledger file")
    if not os.path.exists(path):
        if not create:
            raise LedgerError("no ledger here; `quotetrack track add PATH --db FILE` creates one")
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise LedgerError("cannot create the ledger: no such directory")
        if not os.access(parent, os.W_OK):
            raise LedgerError("cannot create the ledger: permission denied")
        return
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LedgerError(exc.strerror or str(exc)) from None
    if head and head != SQLITE_HEADER:
        raise LedgerError("not a SQLite database")
    if not os.access(path, os.W_OK):
        raise LedgerError("not writable: permission denied")


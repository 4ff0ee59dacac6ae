"""The ledger's schema: its tables as versioned migrations (never edit one that has shipped:
add a new one at the end), the file's application id, and the ledger's error."""
from __future__ import annotations

import re
import sqlite3
from typing import Callable, Union

from ..text import quantities
from ..claims import index, repeats


APPLICATION_ID = 0x71746C67        # "qtlg" in ASCII: this file is a quotetrack ledger
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000           # how long a writer waits for another one
RETRY_SECONDS = 120.0              # how long a busy transaction is retried in all

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


CLAIM_INDEX = "claim_index"        # FTS5 index of the claims (rowid = claims.id)
CHECK_INDEX = "check_index"        # FTS5 index of the fact-checks (rowid = checks.id)

V3 = """
CREATE TABLE checks (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,          -- url and claim, else FILE:id, else a hash
    digest      TEXT NOT NULL,                 -- of the fields: a changed record is updated
    claim       TEXT NOT NULL,                 -- claimReviewed
    title       TEXT NOT NULL DEFAULT '',      -- headline
    verdict     TEXT,                          -- reviewRating.alternateName
    claimant    TEXT,                          -- itemReviewed.author
    claim_date  TEXT,                          -- itemReviewed.datePublished
    reviewer    TEXT,                          -- author: the fact-checker
    date        TEXT,                          -- datePublished, as given
    day         TEXT,                          -- ISO YYYY-MM-DD when the date has one
    url         TEXT,
    source      TEXT NOT NULL,                 -- FILE (record N) it was imported from
    added_at    TEXT NOT NULL
);
""" + index.schema(CLAIM_INDEX) + index.schema(CHECK_INDEX)


def _fill_v3(conn: sqlite3.Connection) -> None:
    """Index the claims stored before version 3, and keep both indexes in step with their
    tables when rows are deleted (a replaced document's claims cascade away)."""
    for table, source in ((CLAIM_INDEX, "claims"), (CHECK_INDEX, "checks")):
        conn.execute(f"CREATE TRIGGER {source}_unindex AFTER DELETE ON {source} "
                     f"BEGIN DELETE FROM {table} WHERE rowid = old.id; END")
    rows = conn.execute("SELECT id, text FROM claims").fetchall()
    conn.executemany(f"INSERT INTO {CLAIM_INDEX} (rowid, terms, title) VALUES (?, ?, ?)",
                     ((claim_id, *index.row(text)) for claim_id, text in rows))


Step = Union[str, Callable[[sqlite3.Connection], None]]
MIGRATIONS: tuple[tuple[str, tuple[Step, ...]], ...] = (
    ("documents, speakers, aliases, quotes, claims", (V1,)),
    ("quantities; normalised claim text for repeats; claim speaker types", (V2, _fill_v2)),
    ("fact-checks; FTS5 indexes of claims and fact-checks for the claim matcher", (V3, _fill_v3)),
)
SCHEMA_VERSION = len(MIGRATIONS)


class LedgerError(Exception):
    """The ledger file cannot be used; the message says why, in one line."""


def _statements(script: str) -> list[str]:
    """The statements of a SQL script (none of ours has a ';' inside a string)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]

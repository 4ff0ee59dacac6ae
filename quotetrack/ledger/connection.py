"""Opening a ledger file: refusing another program's database or a newer schema, WAL mode,
migrations, and transactions that wait for another writer and retry."""
from __future__ import annotations

import os
import sqlite3
import time
from typing import Any, Callable

from .schema import (
    APPLICATION_ID, BUSY_TIMEOUT_MS, LedgerError, MIGRATIONS, RETRY_SECONDS, SCHEMA_VERSION,
    SQLITE_HEADER, _statements)
from .rows import _busy


class Connection:
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

    def __enter__(self) -> "Connection":
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
        # One statement, so one snapshot: read one by one, the three could straddle another
        # process's commit of a new ledger and show its tables without its application id.
        app_id, version, tables = self.conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master)").fetchone()
        if app_id == 0:
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

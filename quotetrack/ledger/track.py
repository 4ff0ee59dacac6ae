"""The ``quotetrack track …`` commands: a ledger of quotes and claims across an archive.

Each ``run_*`` function does one sub-command against a :class:`~quotetrack.ledger.store.Ledger`
and returns the exit code; :mod:`quotetrack.cli` parses the options and calls it.
Problems are one line on stderr (``quotetrack: FILE: what is wrong``) through
:func:`quotetrack.cli.report`.
"""
from __future__ import annotations

import csv
import sqlite3
import time
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Sequence, TextIO

from tabulate import tabulate

from ..errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, report
from .rows import ClaimRow, QuoteRow, content_hash, source_key
from .schema import LedgerError
from .store import Ledger
from ..text import jsonl, table
from ..text.spans import shorten
from ..read import inputs as reader
from ..scale import jobs as scale_jobs
from ..claims import repeats
from ..claims.repeats import number_changes
from . import checks, matches
from .matches import LedgerMatch

STATUSES = ("added", "unchanged", "replaced", "failed")
CLAIM_TABLE = ("date", "outlet", "speaker", "score", "claim", "document")
GROUP_TABLE = ("date", "speaker", "document", "claim")
SPEAKER_TABLE = ("speaker", "type", "also written", "documents", "quotes", "claims")
CLAIM_COLUMNS = ("doc_id", "outlet", "date", "url", "speaker", "speaker_type", "claim", "score",
                 "check_worthy", "types", "quantities", "paragraph", "sentence", "start", "end")
QUOTE_COLUMNS = ("doc_id", "outlet", "date", "url", "speaker", "speaker_type", "kind", "cue", "quote",
                 "paragraph", "sentence", "start", "end")
CELL_WIDTH = 70       # a claim or quote cell is shortened to this many characters
NAME_WIDTH = 40       # a speaker cell
SCORE_DIGITS = 4      # decimals of a claim score in an export
RESULT_SUFFIXES = (".parquet",)   # results files `track add` stores without extracting
PROGRESS_SECONDS = 1.0   # how often `track add` rewrites its running count on a terminal


def open_ledger(path: str, create: bool = False) -> Ledger | None:
    """The ledger at ``path``, or None after reporting why it cannot be used."""
    try:
        return Ledger(path, create=create)
    except LedgerError as exc:
        report(path, str(exc))
        return None


def summary(counts: dict[str, int]) -> str:
    """``added 3, unchanged 1, replaced 0, failed 0``.

    >>> summary({"added": 3, "unchanged": 1})
    'added 3, unchanged 1, replaced 0, failed 0'
    """
    return ", ".join(f"{s} {counts.get(s, 0)}" for s in STATUSES)


# --- add ----------------------------------------------------------------------------------------

class Progress:
    """A running count on one line of a terminal (``\r`` rewrites it), at most once a
    second; nothing when the stream is not a terminal."""

    def __init__(self, stream: TextIO | None, every: float | None = None):
        self.stream = stream if stream is not None and stream.isatty() else None
        self.every = PROGRESS_SECONDS if every is None else every
        self.last = time.monotonic()
        self.shown = False

    def update(self, counts: dict[str, int]) -> None:
        now = time.monotonic()
        if self.stream is not None and now - self.last >= self.every:
            self.stream.write(f"\r{summary(counts)} …")
            self.stream.flush()
            self.last, self.shown = now, True

    def clear(self) -> None:
        """Erase the count (before a message, and at the end)."""
        if self.shown:
            self.stream.write("\r\x1b[K")          # back to the start, erase the line
            self.stream.flush()
            self.shown = False


def run_add(paths: Sequence[str], db: str, input_format: str | None, config: Any, out: TextIO,
            err: TextIO | None = None, encoding: str | None = None, jobs: int = 1,
            stored: Callable[[str], Iterable[Any]] | None = None, progress: bool = True) -> int:
    """Extract every input and store it, one document a transaction; print the summary.

    A document whose text is already in is skipped before extraction, so a rerun after
    an interruption goes quickly to where the last one stopped.  With ``jobs`` other than
    1, worker processes extract (:mod:`quotetrack.scale.jobs`) and this process alone
    writes, in input order.  ``stored`` reads a path of results extracted before (the
    Parquet output): it yields ``(hash, Document)`` pairs, stored without extracting again,
    or InputErrors.  Ctrl-C rolls back the document being written, prints the summary and
    returns 130.  When ``err`` is a terminal (and ``progress``), a running count is shown on it.
    """

    ledger = open_ledger(db, create=True)
    if ledger is None:
        return EXIT_FAILED
    counts = dict.fromkeys(STATUSES, 0)
    code = EXIT_OK
    storing: tuple[str, str, int] | None = None   # the last document given to the ledger:
    #                                               (hash, its status if it commits, the count before)
    shown = Progress(err if progress else None)

    def problem(source: str, message: str) -> None:
        shown.clear()
        report(source, message)
    try:
        items = _new_items(paths, input_format, encoding, ledger, counts, stored, problem)
        for result in scale_jobs.run(items, config, jobs):
            shown.update(counts)
            if isinstance(result, reader.InputError):
                counts["failed"] += 1
                problem(result.source, result.message)
                continue
            if isinstance(result, scale_jobs.Failure):
                counts["failed"] += 1
                problem(result.doc_id, result.message)
                continue
            digest, doc = result if isinstance(result, tuple) else (content_hash(result.text), result)
            storing = (digest, "replaced" if ledger.has_source(source_key(doc)) else "added",
                       sum(counts.values()))
            counts[ledger.add(doc, digest)] += 1
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        # Ctrl-C between a document's commit and its count: count it now.
        if storing and sum(counts.values()) == storing[2] and ledger.has(storing[0]):
            counts[storing[1]] += 1
        problem(db, "interrupted; every document counted as added is stored, "
                   "and running the same command again goes on from there")
    except sqlite3.Error as exc:
        code = EXIT_FAILED
        problem(db, f"stopped: {exc}")
    finally:
        shown.clear()
        ledger.close()
    out.write(f"{summary(counts)} ({db})\n")
    if code == EXIT_OK and counts["failed"]:
        code = EXIT_FAILED
    return code


def _new_items(paths: Sequence[str], input_format: str | None, encoding: str | None, ledger: Ledger,
               counts: dict[str, int], stored: Callable[[str], Iterable[Any]] | None,
               problem: Callable[[str, str], None]) -> Iterator[Any]:
    """What is left to extract or store, in input order: Inputs whose text is not in the
    ledger yet (the others are counted unchanged; their reading notes are reported),
    InputErrors, and (hash, Document) pairs read by ``stored`` from a results file."""
    for path in paths:
        if stored is not None and is_results_file(path):
            for item in stored(path):
                if isinstance(item, tuple) and ledger.has(item[0]):
                    counts["unchanged"] += 1
                else:
                    yield item
            continue
        for item in reader.iter_inputs([path], input_format, encoding):
            if isinstance(item, reader.Input):
                for note in item.notes:                  # "read as Windows-1252"
                    problem(item.doc_id, f"warning: {note}")
                if ledger.has(content_hash(item.text)):
                    counts["unchanged"] += 1
                    continue
            yield item


def is_results_file(path: str) -> bool:
    """Whether ``track add`` loads ``path`` as results (Parquet) instead of extracting it."""
    return path.lower().endswith(RESULT_SUFFIXES)


# --- speakers, claims ------------------------------------------------------------------------

def run_speakers(db: str, out: TextIO, style: str) -> int:
    """A table of every speaker: the names it was written as, documents, quotes, claims."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    with ledger:
        rows = [[shorten(r.name, NAME_WIDTH), r.type, shorten("; ".join(r.aliases), CELL_WIDTH), r.documents,
                 r.quotes, r.claims]
                for r in ledger.speakers()]
    if not rows:
        out.write("(no speakers yet)\n")
        return EXIT_OK
    out.write(tabulate(rows, headers=SPEAKER_TABLE, tablefmt=style, disable_numparse=True) + "\n")
    return EXIT_OK


def speaker_id(ledger: Ledger, db: str, name: str | None) -> tuple[bool, int | None]:
    """(found, id) of ``--speaker NAME``; reports an unknown name."""
    if name is None:
        return True, None
    found = ledger.find_speaker(name)
    if found is None:
        report(db, f"no speaker named {name!r} (see `quotetrack track speakers`)")
        return False, None
    return True, found


def run_claims(db: str, out: TextIO, style: str, speaker: str | None = None, since: str | None = None,
               until: str | None = None, outlet: str | None = None, min_score: float | None = None,
               everything: bool = False) -> int:
    """A table of the stored claims that pass the filters, oldest first (check-worthy
    ones unless ``min_score`` or ``everything`` says otherwise)."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    with ledger:
        ok, sid = speaker_id(ledger, db, speaker)
        if not ok:
            return EXIT_FAILED
        def rows() -> Iterator[list[str]]:
            for r in ledger.claims(sid, since, until, outlet, min_score, everything):
                yield [r.day or r.date or "", r.outlet or "", shorten(r.speaker, NAME_WIDTH),
                       f"{r.score:.2f}", shorten(r.text, CELL_WIDTH), r.doc_id]

        count = write_table(rows, CLAIM_TABLE, style, out)
    if not count:
        out.write("(no claims)\n")
        return EXIT_OK
    out.write(f"\n{count} claim{'' if count == 1 else 's'}\n")
    return EXIT_OK


def write_table(rows: Callable[[], Iterable[list[str]]], headers: Sequence[str], style: str,
                out: TextIO, indent: str = "") -> int:
    """Write a table of string cells and return its number of rows (nothing is written for
    none).  The "simple" style streams: one pass over ``rows()`` measures the columns, a
    second writes each row (:mod:`quotetrack.text.table`), so no row list is held; other
    styles go through tabulate."""
    if style == table.SIMPLE:
        count = 0

        def counted() -> Iterator[list[str]]:
            nonlocal count
            for count, row in enumerate(rows(), 1):
                yield row
        columns = table.widths(counted(), headers)
        if count:
            for line in table.simple_lines(rows(), headers, columns):
                out.write(indent + line + "\n")
        return count
    held = list(rows())
    if held:
        for line in tabulate(held, headers=headers, tablefmt=style, disable_numparse=True).splitlines():
            out.write(indent + line + "\n")
    return len(held)


# --- repeats ---------------------------------------------------------------------------------

def run_repeats(db: str, out: TextIO, style: str, similarity: float, min_score: float | None = None,
                everything: bool = False, as_json: bool = False) -> int:
    """Every claim made in two documents or more: where, by whom, and number changes.

    Two claims are one claim said again when each covers at least ``similarity`` of the
    other's rare wording (the matcher's bm25 over the bm25 a claim gives itself, both ways),
    and claims said word for word always are (:func:`quotetrack.ledger.matches.claim_pairs`).  Only ids are held while the groups are
    found; each group's claims are read from the ledger as it is written."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    with ledger:
        documents: dict[int, int] = {}
        count = 0
        for count, (claim_id, document, norm) in enumerate(ledger.repeat_keys(min_score, everything), 1):
            if repeats.long_enough(norm):
                documents[claim_id] = document
        pairs = matches.claim_pairs(ledger.conn, documents.items(), similarity)
        rank = ledger.document_order()
        groups = repeats.arrange(repeats.components((a, b) for a, b, _value in pairs),
                                 lambda cid: (rank[documents[cid]], cid), documents.__getitem__)
        del documents, pairs
        if not groups and not as_json:
            out.write("(no repeated claims)\n")
            return EXIT_OK
        for n, ids in enumerate(groups, 1):
            members = ledger.repeat_items(ids)
            if as_json:
                out.write(jsonl.line(group_record(members)) + "\n")
            else:
                write_group(n, members, style, out)
    if not as_json:
        out.write(f"{len(groups)} repeated claim{'' if len(groups) == 1 else 's'} among {count} claims\n")
    return EXIT_OK


def write_group(number: int, members: Sequence[Any], style: str, out: TextIO) -> None:
    """One repeated claim, written to ``out``: a heading, a row per time it was made, its
    number changes."""
    docs = len({m.document for m in members})
    speakers = list(dict.fromkeys(m.speaker for m in members))
    out.write(f"{number}. {shorten(members[0].text, 100)}\n"
              f"   {len(members)} times in {docs} documents, by {', '.join(speakers)}\n")
    rows = [[m.date or "", shorten(m.speaker, NAME_WIDTH), m.document, shorten(m.text, CELL_WIDTH)]
            for m in members]             # one group: a few rows
    write_table(lambda: rows, GROUP_TABLE, style, out, indent="   ")
    for change in number_changes(members):
        out.write(f"   number changed: {change.describe()}\n")
    out.write("\n")


def group_record(members: Sequence[Any]) -> dict[str, Any]:
    """The JSON Lines form of one repeated claim."""
    return {
        "claim": members[0].text,
        "speakers": list(dict.fromkeys(m.speaker for m in members)),
        "claims": [{"id": m.id, "text": m.text, "speaker": m.speaker, "doc_id": m.document, "date": m.date,
                    "quantities": [q.to_dict() for q in m.quantities]} for m in members],
        "number_changes": [{"from": c.old.text, "from_value": c.old.value, "from_date": c.before.date,
                            "from_doc_id": c.before.document, "to": c.new.text, "to_value": c.new.value,
                            "to_date": c.after.date, "to_doc_id": c.after.document, "unit": c.new.unit}
                           for c in number_changes(members)],
    }


# --- export, alias -----------------------------------------------------------------------------

def claim_record(r: ClaimRow) -> dict[str, Any]:
    return dict(zip(CLAIM_COLUMNS, (r.doc_id, r.outlet, r.date, r.url, r.speaker, r.speaker_type, r.text,
                                    round(r.score, SCORE_DIGITS), r.check_worthy, r.types, r.quantities, r.paragraph,
                                    r.sentence, r.start, r.end)))


def quote_record(r: QuoteRow) -> dict[str, Any]:
    return dict(zip(QUOTE_COLUMNS, (r.doc_id, r.outlet, r.date, r.url, r.speaker, r.speaker_type, r.kind,
                                    r.cue, r.text, r.paragraph, r.sentence, r.start, r.end)))


def write_records(records: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str, out: TextIO) -> None:
    """CSV with a header row (empty cells for missing values), or one JSON object a line."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for rec in records:
            writer.writerow(["" if rec[c] is None else rec[c] for c in columns])
    else:
        for rec in records:
            out.write(jsonl.line(rec) + "\n")


def run_export(db: str, out: TextIO, fmt: str, what: str, speaker: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None,
               min_score: float | None = None, everything: bool = False) -> int:
    """The stored claims (check-worthy unless told otherwise) or quotes as CSV or JSON Lines."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    with ledger:
        ok, sid = speaker_id(ledger, db, speaker)
        if not ok:
            return EXIT_FAILED
        if what == "claims":
            write_records(map(claim_record, ledger.claims(sid, since, until, outlet, min_score, everything)), CLAIM_COLUMNS, fmt, out)
        else:
            write_records(map(quote_record, ledger.quotes(sid, since, until, outlet)), QUOTE_COLUMNS, fmt, out)
    return EXIT_OK


def run_alias(db: str, old: str, new: str, out: TextIO) -> int:
    """Merge or rename speakers so that ``old`` is a name of ``new``; say what was done."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    with ledger:
        try:
            result = ledger.alias(old, new)
        except LookupError as exc:
            report(db, str(exc))
            return EXIT_FAILED
    out.write(result.describe() + "\n")
    return EXIT_OK


# --- import-checks ---------------------------------------------------------------------------

def run_import_checks(paths: Sequence[str], db: str, fmt: str | None, out: TextIO) -> int:
    """Import fact-checks from each file (one transaction a file); one line for each bad
    record, the rest imported; print the counts.  Importing again changes nothing."""
    ledger = open_ledger(db, create=True)
    if ledger is None:
        return EXIT_FAILED
    counts = dict.fromkeys(checks.CHECK_STATUSES, 0)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        for path in paths:
            items = list(checks.read_file(path, fmt))
            good = []
            for item in items:
                if isinstance(item, checks.RecordError):
                    counts["failed"] += 1
                    report(item.source, item.message)
                else:
                    good.append(item)
            for status in ledger.transaction(lambda conn: [checks.store(conn, c, now) for c in good]):
                counts[status] += 1
    except KeyboardInterrupt:
        report(db, "interrupted; the files counted are stored, and running the same command again "
                   "imports the rest")
        out.write(f"{_count_line(counts, checks.CHECK_STATUSES)} ({db})\n")
        return EXIT_INTERRUPTED
    finally:
        ledger.close()
    out.write(f"{_count_line(counts, checks.CHECK_STATUSES)} ({db})\n")
    return EXIT_FAILED if counts["failed"] else EXIT_OK


def _count_line(counts: dict[str, int], names: Sequence[str]) -> str:
    return ", ".join(f"{name} {counts.get(name, 0)}" for name in names)


# --- match -----------------------------------------------------------------------------------

MATCH_COLUMNS = ("query", "rank", "score", "kind", "text", "speaker", "date", "document", "verdict",
                 "reviewer", "rules", "flags")
MATCH_TABLE = ("#", "score", "kind", "claim or fact-check", "speaker", "date", "document", "verdict", "rules")


def match_record(query: str, rank: int, m: LedgerMatch) -> dict[str, Any]:
    """The CSV / JSON Lines form of one match."""
    return {"query": query, "rank": rank, "score": round(m.score, SCORE_DIGITS), "kind": m.kind,
            "text": m.text, "speaker": m.speaker, "date": m.date, "document": m.document,
            "verdict": m.verdict, "reviewer": m.reviewer,
            "rules": ", ".join(f"{name} {weight:+.2f}" for name, weight in m.rules),
            "flags": ",".join(m.flags)}


def run_match(db: str, queries: Sequence[str], out: TextIO, fmt: str, style: str,
              limit: int = matches.DEFAULT_LIMIT, min_score: float = 0.0,
              kinds: Sequence[str] = matches.KINDS) -> int:
    """Rank the earlier claims and fact-checks of the ledger for each query text."""
    ledger = open_ledger(db)
    if ledger is None:
        return EXIT_FAILED
    sizes: dict[str, int] = {}
    with ledger:
        results = [(q, matches.find(ledger.conn, q, limit, kinds, min_score, sizes=sizes)) for q in queries]
    if fmt in ("csv", "jsonl"):
        write_records((match_record(q, rank, m) for q, found in results for rank, m in enumerate(found, 1)),
                      MATCH_COLUMNS, fmt, out)
        return EXIT_OK
    for n, (q, found) in enumerate(results):
        if len(results) > 1 or n:
            out.write(f"{shorten(q, 100)}\n")
        if not found:
            out.write("(no match)\n\n" if len(results) > 1 else "(no match)\n")
            continue
        rows = [[rank, f"{m.score:.2f}", m.kind, shorten(m.text, CELL_WIDTH), shorten(m.speaker or "", NAME_WIDTH),
                 m.date or "", shorten(m.document or "", NAME_WIDTH), m.verdict or "",
                 ", ".join(name for name, _ in m.rules) + ("; " + ", ".join(m.flags) if m.flags else "")]
                for rank, m in enumerate(found, 1)]
        out.write(tabulate(rows, headers=MATCH_TABLE, tablefmt=style, disable_numparse=True) + "\n")
        if len(results) > 1:
            out.write("\n")
    return EXIT_OK

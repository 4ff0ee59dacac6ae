"""Columnar output: ``--format parquet --output DIR`` and what ``track add`` reads back.

One directory holds three tables, each one row per item, written in input order:

* ``quotes.parquet``: one row per quote, with the JSON Lines field names of a quote
  (``kind``, ``content``, ``content_start``, ``content_end``, ``fragments``, ``speaker``, …)
  after the document's ``doc_id``, ``outlet``, ``url``, ``date``, ``title`` and ``doc_hash``
  (the SHA-256 of its text, which identifies it in a ledger) and ``quote`` (its index);
* ``claims.parquet`` (``claims`` only): one row per claim the command shows, with the
  JSON Lines field names of a claim (``rank``, ``text``, ``start``, ``end``, ``score``, …);
* ``documents.parquet``: one row per document, with its counts, and ``text`` when the text
  was extracted from a page (``text_from``), so that offsets still slice.

:data:`QUOTE_SCHEMA`, :data:`CLAIM_SCHEMA` and :data:`DOCUMENT_SCHEMA` are the one
definition of the columns, which the Spark functions declare too.  pyarrow is an extra
(``quotetrack[archive]``); this module is imported only when it is used.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Claim, ClaimScore, Cue, Document, Mention, Quantity, Quote, content_hash
from ..read.records import InputError

BATCH_ROWS = 4096        # rows buffered per table before a row group is written
QUOTES_FILE, CLAIMS_FILE, DOCUMENTS_FILE = "quotes.parquet", "claims.parquet", "documents.parquet"
DOCUMENT_FIELDS = (("doc_id", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
                   ("date", pa.string()), ("title", pa.string()), ("doc_hash", pa.string()))
OFFSET = pa.int64()
INDEX = pa.int32()

QUOTE_SCHEMA = pa.schema([
    *DOCUMENT_FIELDS,
    ("quote", INDEX), ("kind", pa.string()), ("content", pa.string()),
    ("content_start", OFFSET), ("content_end", OFFSET), ("fragments", pa.list_(pa.list_(OFFSET))),
    ("speaker", pa.string()), ("speaker_mention", pa.string()), ("speaker_start", OFFSET),
    ("speaker_end", OFFSET), ("speaker_title", pa.string()), ("speaker_type", pa.string()),
    ("speaker_basis", pa.string()), ("speaker_id", INDEX),
    ("cue", pa.string()), ("cue_start", OFFSET), ("cue_end", OFFSET), ("cue_type", pa.string()),
    ("paragraph", INDEX), ("sentence", INDEX), ("context", pa.string()),
    ("context_start", OFFSET), ("context_end", OFFSET), ("rule", pa.string()),
    ("follows", INDEX), ("warnings", pa.list_(pa.string())),
])
QUANTITY = pa.struct([("text", pa.string()), ("start", OFFSET), ("end", OFFSET),
                      ("value", pa.float64()), ("unit", pa.string())])
CLAIM_SCHEMA = pa.schema([
    *DOCUMENT_FIELDS,
    ("rank", INDEX), ("text", pa.string()), ("start", OFFSET), ("end", OFFSET),
    ("score", pa.float64()), ("check_worthy", pa.bool_()), ("types", pa.list_(pa.string())),
    ("speaker", pa.string()), ("quote", INDEX), ("quantities", pa.list_(QUANTITY)),
    ("paragraph", INDEX), ("sentence", INDEX),
    ("rules", pa.list_(pa.struct([("name", pa.string()), ("weight", pa.float64())]))),
])
DOCUMENT_SCHEMA = pa.schema([
    *DOCUMENT_FIELDS, ("quotes", INDEX), ("claims", INDEX), ("text", pa.string()),
])


class ParquetError(Exception):
    """A Parquet file that cannot be read as quotetrack output: ``path`` and why."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path, self.message = path, message


# --- rows (pure) ---------------------------------------------------------------------------------

def document_fields(doc: Document) -> dict[str, Any]:
    """The columns every table starts with: doc_id, outlet, url, date, title, doc_hash."""
    meta = doc.meta
    return {"doc_id": doc.doc_id, "outlet": _text(meta.get("outlet")), "url": _text(meta.get("url")),
            "date": _text(meta.get("date")), "title": _text(meta.get("title")),
            "doc_hash": content_hash(doc.text)}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def quote_rows(doc: Document, head: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One row per quote (the JSON Lines quote fields after the document's)."""
    head = document_fields(doc) if head is None else head
    return [{**head, "quote": i, **q.to_dict()} for i, q in enumerate(doc.quotes)]


def claim_rows(doc: Document, chosen: Sequence[Claim], head: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One row per chosen claim, ranked from 1 (the JSON Lines claim fields after the document's)."""
    head = document_fields(doc) if head is None else head
    return [{**head, "rank": rank, "text": c.text, "start": c.start, "end": c.end,
             "score": c.rating.score, "check_worthy": c.rating.check_worthy,
             "types": list(c.rating.types), "speaker": c.speaker, "quote": c.quote,
             "quantities": [q.to_dict() for q in c.quantities], "paragraph": c.paragraph,
             "sentence": c.sentence, "rules": [{"name": n, "weight": w} for n, w in c.rating.rules]}
            for rank, c in enumerate(chosen, 1)]


def document_row(doc: Document, claims: int, head: dict[str, Any] | None = None) -> dict[str, Any]:
    """The document's own row: its counts, and its text when it was extracted from a page."""
    head = document_fields(doc) if head is None else head
    return {**head, "quotes": len(doc.quotes), "claims": claims,
            "text": doc.text if doc.meta.get("text_from") else None}


def batch(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.RecordBatch:
    """Rows as a record batch of ``schema`` (missing columns are null)."""
    return pa.RecordBatch.from_pylist(rows, schema=schema)


# --- writing ---------------------------------------------------------------------------------

class Table:
    """One Parquet file written a row group at a time (:data:`BATCH_ROWS` rows)."""

    def __init__(self, path: str, schema: pa.Schema):
        self.schema = schema
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(path, schema)

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_batch(batch(self.rows, self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


def prepare(directory: str) -> None:
    """Make the output directory; raise OSError if it is a file or cannot be made."""
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise NotADirectoryError(20, "exists and is not a directory", directory)
    os.makedirs(directory, exist_ok=True)


def write(docs: Iterable[Document], directory: str,
          chosen: Any = None) -> tuple[int, int, int]:
    """Write quotes.parquet and documents.parquet (and, when ``chosen`` picks each
    document's claims, claims.parquet) under ``directory``; return (documents, quotes, claims)."""
    prepare(directory)
    quotes = Table(os.path.join(directory, QUOTES_FILE), QUOTE_SCHEMA)
    documents = Table(os.path.join(directory, DOCUMENTS_FILE), DOCUMENT_SCHEMA)
    claims = Table(os.path.join(directory, CLAIMS_FILE), CLAIM_SCHEMA) if chosen else None
    counts = [0, 0, 0]
    try:
        for doc in docs:
            head = document_fields(doc)
            quotes.add(quote_rows(doc, head))
            picked = chosen(doc) if chosen else ()
            if claims is not None:
                claims.add(claim_rows(doc, picked, head))
            documents.add([document_row(doc, len(picked), head)])
            counts[0] += 1
            counts[1] += len(doc.quotes)
            counts[2] += len(picked)
    finally:
        for table in (quotes, documents, claims):
            if table is not None:
                table.close()
    return counts[0], counts[1], counts[2]


# --- reading back (track add) -----------------------------------------------------------------

def read_documents(directory: str) -> Iterator[tuple[str, Document]]:
    """(doc_hash, Document) for every document of a Parquet output directory, in order:
    its quotes and claims rebuilt from quotes.parquet and claims.parquet, its text empty
    (or the extracted text).  Raises :class:`ParquetError` for a file that is not one of ours."""
    docs = _rows(os.path.join(directory, DOCUMENTS_FILE), DOCUMENT_SCHEMA)
    quotes_path = os.path.join(directory, QUOTES_FILE)
    quotes = _Peek(quotes_path, _rows(quotes_path, QUOTE_SCHEMA))
    claims_path = os.path.join(directory, CLAIMS_FILE)
    claims = _Peek(claims_path, _rows(claims_path, CLAIM_SCHEMA) if os.path.exists(claims_path) else iter(()))
    for row in docs:
        key = (row["doc_id"], row["doc_hash"])
        found_quotes = tuple(_quote(r) for r in quotes.take(key, row["quotes"]))
        # claims.parquet ranks them; a Document holds them in text order
        found_claims = tuple(sorted((_claim(r) for r in claims.take(key, row["claims"])),
                                    key=lambda c: (c.start, c.end)))
        meta = {k: row[k] for k in ("outlet", "url", "date", "title") if row[k] is not None}
        text = row["text"] or ""
        if row["text"]:
            meta["text_from"] = "html"
        yield row["doc_hash"], Document(row["doc_id"], text, found_quotes, meta=meta,
                                        claims=found_claims)


def stored_documents(path: str) -> Iterator[Any]:
    """``track add`` of one Parquet file: (doc_hash, Document) for each document of the
    output directory it is in, or one InputError saying why it cannot be read."""
    try:
        yield from read_documents(os.path.dirname(path) or os.curdir)
    except ParquetError as exc:
        yield InputError(exc.path, exc.message)


def _rows(path: str, schema: pa.Schema) -> Iterator[dict[str, Any]]:
    try:
        handle = pq.ParquetFile(path)
    except OSError as exc:
        raise ParquetError(path, exc.strerror or str(exc)) from None
    except pa.ArrowException as exc:
        raise ParquetError(path, f"not a Parquet file ({exc})") from None
    missing = [name for name in schema.names if name not in handle.schema_arrow.names]
    if missing:
        raise ParquetError(path, f"not quotetrack output (no column {', '.join(missing[:3])})")
    for chunk in handle.iter_batches(columns=schema.names):
        yield from chunk.to_pylist()


class _Peek:
    """Rows taken a document at a time from a file written in document order."""

    def __init__(self, path: str, rows: Iterator[dict[str, Any]]):
        self.path, self.rows = path, rows
        self.next: dict[str, Any] | None = next(rows, None)

    def take(self, key: tuple[str, str], count: int) -> list[dict[str, Any]]:
        out = []
        while self.next is not None and (self.next["doc_id"], self.next["doc_hash"]) == key:
            out.append(self.next)
            self.next = next(self.rows, None)
        if len(out) != count:
            raise ParquetError(self.path, f"document {key[0]}: {count} rows expected, "
                               f"{len(out)} found (the files are not one output)")
        return out


def _quote(row: dict[str, Any]) -> Quote:
    """A quote row as a Quote: what the ledger reads (the mention's and cue's own types,
    and the cue's lemma, are not in the row: the quote's speaker type and the cue as written
    stand for them)."""
    mention = None
    if row["speaker_mention"] is not None:
        mention = Mention(row["speaker_start"], row["speaker_end"], row["speaker_mention"],
                          row["speaker_type"], row["speaker_title"])
    cue = None
    if row["cue"] is not None:
        cue = Cue(row["cue_start"], row["cue_end"], row["cue"], row["cue"], row["cue_type"])
    return Quote(
        kind=row["kind"], text=row["content"], start=row["content_start"], end=row["content_end"],
        fragments=tuple(tuple(f) for f in row["fragments"]), speaker=row["speaker"],
        speaker_title=row["speaker_title"], speaker_type=row["speaker_type"], mention=mention,
        speaker_basis=row["speaker_basis"], speaker_id=row["speaker_id"],
        cue=cue, paragraph=row["paragraph"], sentence=row["sentence"], context=row["context"],
        context_start=row["context_start"], context_end=row["context_end"],
        rule=row["rule"], warnings=tuple(row["warnings"] or ()), follows=row["follows"])


def _claim(row: dict[str, Any]) -> Claim:
    rating = ClaimScore(row["score"], row["check_worthy"], tuple(row["types"] or ()),
                        tuple((r["name"], r["weight"]) for r in row["rules"] or ()))
    return Claim(
        text=row["text"], start=row["start"], end=row["end"], rating=rating,
        quantities=tuple(Quantity(q["start"], q["end"], q["text"], q["value"], q["unit"])
                         for q in row["quantities"] or ()),
        speaker=row["speaker"], quote=row["quote"], paragraph=row["paragraph"],
        sentence=row["sentence"])

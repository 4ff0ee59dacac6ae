"""Writers for extraction results: table, CSV, JSON Lines, JSON, Markdown and HTML (:mod:`.html`).

Every writer takes an iterable of :class:`~quotetrack.model.Document` and a text
stream, and writes each document as it arrives, so memory stays flat however
many documents pass through.  The columns are defined once, here:
:data:`CSV_COLUMNS` for the flat formats and :data:`TABLE_COLUMNS` for the
human-readable ones (table and Markdown).  JSON Lines and JSON write
:meth:`Document.to_dict`, the output contract.
"""
from __future__ import annotations

import csv
from typing import Any, Callable, Iterable, TextIO

from ..model import TRANSCRIPT_RULE, UNCONFIRMED_BASES, Claim, Document, Quote, cue_text, mention_text
from ..text import jsonl
from ..text.spans import QUOTE_WIDTH, Lines, one_line, shorten
from ..claims.scorer import explain
from ..claims.units import ranked
from .html import write_html

FORMATS = ("table", "csv", "jsonl", "json", "markdown", "html")
CLAIM_FORMATS = ("table", "csv", "jsonl", "json", "markdown")   # claims have no HTML page
DEFAULT_TABLE_STYLE = "simple"
NO_QUOTES = "(no quotes found)"
BOM = "\ufeff"             # the byte-order mark --excel writes first

# Fields of a JSON Lines input record that CSV carries in columns of their own (empty when
# absent); every pass-through field is in the JSON Lines and JSON output.
META_COLUMNS = ("outlet", "date", "url")
# One row per quote, in this order, for CSV.
CSV_COLUMNS = (
    "doc_id", *META_COLUMNS, "paragraph", "sentence", "speaker", "speaker_mention", "speaker_title",
    "speaker_type", "kind", "cue", "quote", "context", "start", "end", "rule",
    "speaker_basis", "speaker_id",
)
# The table and Markdown columns ("as written" is the speaker mention).  A speaker read
# through a pronoun or a description is marked "(?)": an editor should look before trusting it.
TABLE_COLUMNS = ("#", "speaker", "as written", "title", "kind", "cue", "quote", "para.sent")

# A run of white space, newlines included: "a \n\n b" -> "a b" in table cells.


def table_styles() -> tuple[str, ...]:
    """The table styles tabulate knows ("simple", "github", "grid", ...), sorted."""
    from tabulate import tabulate_formats
    return tuple(sorted(tabulate_formats))


def check_table_style(style: str) -> None:
    """Raise ``ValueError`` naming the allowed styles if ``style`` is not one of them."""
    allowed = table_styles()
    if style not in allowed:
        raise ValueError(f"unknown table style {style!r}; choose from: {', '.join(allowed)}")


# --- cells and rows (pure) ------------------------------------------------------------------

def csv_row(doc: Document, quote: Quote) -> list[Any]:
    """The CSV row of one quote, in :data:`CSV_COLUMNS` order."""
    return [
        doc.doc_id, *(doc.meta.get(k, "") for k in META_COLUMNS),
        quote.paragraph, quote.sentence, quote.speaker, mention_text(quote),
        quote.speaker_title, quote.speaker_type, quote.kind, cue_text(quote), quote.text,
        quote.context, quote.start, quote.end, quote.rule, quote.speaker_basis, quote.speaker_id,
    ]


def speaker_cell(quote: Quote) -> str:
    """The speaker as the table shows it: "Ruth Ortiz (?)" when read through a pronoun or a
    description, the name alone when named at the cue."""
    name = one_line(quote.speaker)
    return f"{name} (?)" if name and quote.speaker_basis in UNCONFIRMED_BASES else name


def table_row(number: int, quote: Quote, width: int | None = QUOTE_WIDTH) -> list[str]:
    """The table row of one quote, in :data:`TABLE_COLUMNS` order; ``width=None`` keeps the whole quote."""
    text = one_line(quote.text) if width is None else shorten(quote.text, width)
    return [
        str(number), speaker_cell(quote), one_line(mention_text(quote)),
        one_line(quote.speaker_title), quote.kind, one_line(cue_text(quote)), text,
        f"{quote.paragraph}.{quote.sentence}",
    ]


def markdown_cell(value: str) -> str:
    """A cell safe inside a Markdown table: ``|`` escaped (cells are already one line)."""
    return value.replace("|", "\\|")


def heading(doc: Document) -> str:
    """The line above a document's table: ``doc_id (3 quotes)``, or just ``doc_id`` with none."""
    n = len(doc.quotes)
    if not n:
        return one_line(doc.doc_id)
    return f"{one_line(doc.doc_id)} ({n} quote{'' if n == 1 else 's'})"


def render_table(doc: Document, style: str = DEFAULT_TABLE_STYLE,
                 width: int | None = QUOTE_WIDTH, escape: Callable[[str], str] | None = None) -> str:
    """One document's quotes as a tabulate table, or :data:`NO_QUOTES`."""
    if not doc.quotes:
        return NO_QUOTES
    from tabulate import tabulate
    rows = [table_row(i, q, width) for i, q in enumerate(doc.quotes, 1)]
    headers = list(TABLE_COLUMNS)
    if escape is not None:
        rows = [[escape(c) for c in row] for row in rows]
        headers = [escape(h) for h in headers]
    # disable_numparse: "1.10" (paragraph 1, sentence 10) must not become 1.1.
    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)


# --- writers ------------------------------------------------------------------------------------

def write_table(docs: Iterable[Document], out: TextIO, style: str = DEFAULT_TABLE_STYLE,
                width: int | None = QUOTE_WIDTH) -> None:
    """Per document: a heading line, then its table (quotes cut to ``width`` characters; None
    keeps them whole) or "(no quotes found)"."""
    check_table_style(style)
    for i, doc in enumerate(docs):
        out.write(("\n" if i else "") + heading(doc) + "\n" + render_table(doc, style, width) + "\n")


def write_markdown(docs: Iterable[Document], out: TextIO) -> None:
    """Per document: a ``## doc_id`` heading, then a GitHub table with whole quotes."""
    for i, doc in enumerate(docs):
        body = render_table(doc, "github", width=None, escape=markdown_cell)
        out.write(("\n" if i else "") + f"## {one_line(doc.doc_id)}\n\n{body}\n")


def csv_writer(out: TextIO, excel: bool = False):
    """A ``csv.writer`` on ``out``; with ``excel``, after a UTF-8 byte-order mark and with CRLF
    line ends, which is what Excel needs to show curly quotes and accents."""
    if excel:
        out.write(BOM)
    return csv.writer(out, lineterminator="\r\n" if excel else "\n")


def write_csv(docs: Iterable[Document], out: TextIO, excel: bool = False) -> None:
    """A header row, then one row per quote (a document with no quotes adds no row)."""
    writer = csv_writer(out, excel)
    writer.writerow(CSV_COLUMNS)
    for doc in docs:
        writer.writerows(csv_row(doc, q) for q in doc.quotes)


def document_json(doc: Document) -> str:
    """One document as a single line of JSON (non-ASCII kept as is)."""
    return jsonl.line(doc.to_dict())


def write_jsonl(docs: Iterable[Document], out: TextIO) -> None:
    """One JSON object per document per line: the output contract of ``Document.to_dict``."""
    for doc in docs:
        out.write(document_json(doc) + "\n")


def write_json(docs: Iterable[Document], out: TextIO) -> None:
    """A JSON array of the JSON Lines objects, written one item at a time."""
    out.write("[")
    first = True
    for doc in docs:
        out.write(("\n" if first else ",\n") + document_json(doc))
        first = False
    out.write("]\n" if first else "\n]\n")


# --- claims (``quotetrack claims``) -------------------------------------------------------------

NO_CLAIMS = "(no check-worthy claims found)"
SEEN_WIDTH = 60       # the "seen before" cell of `claims --against`
# `claims --against`: a claim -> its earlier claim or fact-check as a dict, or None
Seen = Callable[[Claim], "dict[str, Any] | None"]
# One row per claim, in this order, for CSV ("quote" is the index in the document's quotes,
# empty for the narrative; "rules" lists name:weight pairs; "line" counts file lines from 1).
CLAIM_CSV_COLUMNS = (
    "doc_id", *META_COLUMNS, "rank", "score", "check_worthy", "speaker", "types", "quantities",
    "paragraph", "sentence", "line", "start", "end", "quote", "claim", "rules",
)
# The table and Markdown columns; --explain adds "rules".
CLAIM_TABLE_COLUMNS = ("rank", "score", "speaker", "types", "quantities", "position", "claim")


def is_transcript_claim(doc: Document, claim: Claim) -> bool:
    """Is ``claim`` a statement of a transcript turn (placed by line, not paragraph:sentence)?"""
    return claim.quote is not None and doc.quotes[claim.quote].rule == TRANSCRIPT_RULE


def claim_position(doc: Document, claim: Claim, lines: Lines) -> str:
    """``paragraph:sentence`` ("4:5"), or ``line N`` for a transcript turn."""
    if is_transcript_claim(doc, claim):
        return f"line {lines.line(claim.start)}"
    return f"{claim.paragraph}:{claim.sentence}"


def format_rules(claim: Claim) -> str:
    """The rules that fired for a claim with their weights, strongest first, as the scorer
    explains them (:func:`quotetrack.claims.scorer.explain`): ``digits +2.15, opinion -0.75``."""
    return explain(claim.rating)


def claim_dict(doc: Document, rank: int, claim: Claim, lines: Lines, seen: Seen | None = None) -> dict[str, Any]:
    """The JSON form of one claim (``text == doc.text[start:end]``); with ``seen`` (``claims
    --against``), ``seen_before``: the earlier claim or fact-check it matches, or null."""
    extra = {} if seen is None else {"seen_before": seen(claim)}
    return {
        "rank": rank, "text": claim.text, "start": claim.start, "end": claim.end,
        "score": round(claim.rating.score, 4), "check_worthy": claim.rating.check_worthy,
        "types": list(claim.rating.types), "speaker": claim.speaker, "quote": claim.quote,
        "quantities": [q.to_dict() for q in claim.quantities],
        "paragraph": claim.paragraph, "sentence": claim.sentence, "line": lines.line(claim.start),
        "rules": [[name, weight] for name, weight in claim.rating.rules], **extra,
    }


def claims_record(doc: Document, chosen: list[Claim], seen: Seen | None = None) -> dict[str, Any]:
    """A document's JSON Lines record for ``claims``: doc_id, pass-through fields, claims, warnings."""
    lines = Lines(doc.text)
    out = {k: v for k, v in doc.to_dict().items() if k != "quotes"}
    warnings = out.pop("warnings")
    out["claims"] = [claim_dict(doc, i, c, lines, seen) for i, c in enumerate(chosen, 1)]
    out["warnings"] = warnings
    return out


def claim_csv_row(doc: Document, rank: int, claim: Claim, lines: Lines, seen: Seen | None = None) -> list[Any]:
    """The CSV row of one claim, in :data:`CLAIM_CSV_COLUMNS` order (+ seen_before with ``seen``)."""
    extra = [] if seen is None else [seen_text(seen(claim))]
    return [
        doc.doc_id, *(doc.meta.get(k, "") for k in META_COLUMNS), rank, f"{claim.rating.score:.4f}",
        claim.rating.check_worthy, claim.speaker, ", ".join(claim.rating.types),
        "; ".join(one_line(q.text) for q in claim.quantities), claim.paragraph, claim.sentence,
        lines.line(claim.start), claim.start, claim.end,
        "" if claim.quote is None else claim.quote, claim.text, format_rules(claim), *extra,
    ]


def claim_table_row(doc: Document, rank: int, claim: Claim, lines: Lines,
                    width: int | None = QUOTE_WIDTH, explain: bool = False, seen: Seen | None = None) -> list[str]:
    """The table row of one claim, in :data:`CLAIM_TABLE_COLUMNS` order (+ rules with
    ``explain``, + seen before with ``seen``)."""
    text = one_line(claim.text) if width is None else shorten(claim.text, width)
    row = [str(rank), f"{claim.rating.score:.2f}", one_line(claim.speaker), ", ".join(claim.rating.types),
           ", ".join(one_line(q.text) for q in claim.quantities), claim_position(doc, claim, lines), text]
    if explain:
        row.append(format_rules(claim))
    if seen is not None:
        found = seen_text(seen(claim))
        row.append(found if width is None else shorten(found, SEEN_WIDTH))
    return row


def seen_text(found: dict[str, Any] | None) -> str:
    """A match of ``claims --against`` in one cell: ``checked (False) 0.88: …`` or
    ``said by X (day) 0.91: …``; empty for none.

    >>> seen_text({"kind": "check", "verdict": "False", "score": 0.88, "text": "The moon is cheese."})
    'checked (False) 0.88: The moon is cheese.'
    """
    if not found:
        return ""
    if found["kind"] == "check":
        head = f"checked ({found['verdict']})" if found.get("verdict") else "checked"
    else:
        head = "said" + (f" by {found['speaker']}" if found.get("speaker") else "")
        head += f" ({found['date']})" if found.get("date") else ""
    return f"{head} {found['score']:.2f}: {one_line(found['text'])}"


def claims_heading(doc: Document, chosen: list[Claim]) -> str:
    """``doc_id (3 claims)``, or just ``doc_id`` with none."""
    n = len(chosen)
    return one_line(doc.doc_id) if not n else f"{one_line(doc.doc_id)} ({n} claim{'' if n == 1 else 's'})"


def render_claims(doc: Document, chosen: list[Claim], style: str = DEFAULT_TABLE_STYLE,
                  width: int | None = QUOTE_WIDTH, explain: bool = False,
                  escape: Callable[[str], str] | None = None, seen: Seen | None = None) -> str:
    """The ranked claims of one document as a tabulate table, or :data:`NO_CLAIMS`."""
    if not chosen:
        return NO_CLAIMS
    from tabulate import tabulate
    lines = Lines(doc.text)
    rows = [claim_table_row(doc, i, c, lines, width, explain, seen) for i, c in enumerate(chosen, 1)]
    headers = list(CLAIM_TABLE_COLUMNS) + (["rules"] if explain else []) + (["seen before"] if seen else [])
    if escape is not None:
        rows = [[escape(c) for c in row] for row in rows]
        headers = [escape(h) for h in headers]
    return tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)


def write_claims(fmt: str, docs: Iterable[Document], out: TextIO, table_style: str = DEFAULT_TABLE_STYLE,
                 explain: bool = False, threshold: float | None = None, everything: bool = False,
                 width: int | None = QUOTE_WIDTH, excel: bool = False, seen: Seen | None = None) -> None:
    """Write each document's ranked claims (:func:`quotetrack.claims.units.ranked`) in format ``fmt``.

    Table and Markdown show the claim (shortened in a table) and, with ``explain``, the
    rules that fired; CSV, JSON Lines and JSON always carry the full text, offsets and rules.
    ``seen`` (``claims --against``) gives each claim's earlier match as a dict (kind, score,
    text, speaker, date, document, verdict), or None: a "seen before" column or field.
    """
    if fmt not in CLAIM_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from: {', '.join(CLAIM_FORMATS)}")
    if fmt == "table":
        check_table_style(table_style)
    chosen = ((doc, ranked(doc.claims, threshold, everything)) for doc in docs)
    if fmt in ("table", "markdown"):
        _claims_tables(chosen, out, table_style if fmt == "table" else None, explain, width, seen)
    elif fmt == "csv":
        _claims_csv(chosen, out, excel, seen)
    else:
        _claims_json(chosen, out, fmt == "json", seen)


def _claims_tables(chosen: Iterable[tuple[Document, list[Claim]]], out: TextIO, style: str | None,
                   explain: bool, width: int | None = QUOTE_WIDTH, seen: Seen | None = None) -> None:
    """A heading and a table per document: tabulate ``style``, or Markdown when None."""
    for i, (doc, claims) in enumerate(chosen):
        if style is None:
            body = render_claims(doc, claims, "github", None, explain, markdown_cell, seen)
            out.write(("\n" if i else "") + f"## {one_line(doc.doc_id)}\n\n{body}\n")
        else:
            body = render_claims(doc, claims, style, width, explain=explain, seen=seen)
            out.write(("\n" if i else "") + claims_heading(doc, claims) + "\n" + body + "\n")


def _claims_csv(chosen: Iterable[tuple[Document, list[Claim]]], out: TextIO, excel: bool = False,
                seen: Seen | None = None) -> None:
    writer = csv_writer(out, excel)
    writer.writerow(CLAIM_CSV_COLUMNS + (("seen_before",) if seen else ()))
    for doc, claims in chosen:
        lines = Lines(doc.text)
        writer.writerows(claim_csv_row(doc, i, c, lines, seen) for i, c in enumerate(claims, 1))


def _claims_json(chosen: Iterable[tuple[Document, list[Claim]]], out: TextIO, array: bool,
                 seen: Seen | None = None) -> None:
    """One record a line (JSON Lines), or the same records as one JSON array."""
    first = True
    if array:
        out.write("[")
    for doc, claims in chosen:
        line = jsonl.line(claims_record(doc, claims, seen))
        out.write((("\n" if first else ",\n") + line) if array else line + "\n")
        first = False
    if array:
        out.write("]\n" if first else "\n]\n")


WRITERS: dict[str, Callable[..., None]] = {
    "table": write_table,
    "csv": write_csv,
    "jsonl": write_jsonl,
    "json": write_json,
    "markdown": write_markdown,
    "html": write_html,
}


def write(fmt: str, docs: Iterable[Document], out: TextIO,
          table_style: str = DEFAULT_TABLE_STYLE, width: int | None = QUOTE_WIDTH,
          excel: bool = False) -> None:
    """Write ``docs`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`); ``width`` cuts the
    quotes of a table (None: whole), ``excel`` makes CSV for Excel (:func:`csv_writer`)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    if fmt == "table":
        write_table(docs, out, table_style, width)
    elif fmt == "csv":
        write_csv(docs, out, excel)
    else:
        WRITERS[fmt](docs, out)

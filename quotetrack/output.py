"""Writers for extraction results: table, CSV, JSON Lines, JSON and Markdown.

Every writer takes an iterable of :class:`~quotetrack.model.Document` and a text
stream, and writes each document as it arrives, so memory stays flat however
many documents pass through.  The columns are defined once, here:
:data:`CSV_COLUMNS` for the flat formats and :data:`TABLE_COLUMNS` for the
human-readable ones (table and Markdown).  JSON Lines and JSON write
:meth:`Document.to_dict`, the output contract.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable, TextIO

from .model import Document, Quote

FORMATS = ("table", "csv", "jsonl", "json", "markdown")
DEFAULT_TABLE_STYLE = "simple"
QUOTE_WIDTH = 80       # a table cell's quote is shortened to this many characters
NO_QUOTES = "(no quotes found)"

# Fields of a JSON Lines input record that CSV carries in columns of their own (empty when
# absent); every pass-through field is in the JSON Lines and JSON output.
META_COLUMNS = ("outlet", "date", "url")
# One row per quote, in this order, for CSV.
CSV_COLUMNS = (
    "doc_id", *META_COLUMNS, "paragraph", "sentence", "speaker", "speaker_mention", "speaker_title",
    "speaker_type", "kind", "cue", "quote", "context", "start", "end", "rule",
)
# The table and Markdown columns ("as written" is the speaker mention).
TABLE_COLUMNS = ("#", "speaker", "as written", "title", "kind", "cue", "quote", "para.sent")

# A run of white space, newlines included: "a \n\n b" -> "a b" in table cells.
WHITESPACE = re.compile(r"\s+")


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

def one_line(text: str | None) -> str:
    """``text`` with every run of white space (newlines too) made one space; None -> ''."""
    return WHITESPACE.sub(" ", text).strip() if text else ""


def shorten(text: str, width: int = QUOTE_WIDTH) -> str:
    """``text`` on one line, cut to at most ``width`` characters with a closing ``…``.

    The cut falls at a word boundary when one is near the end.

    >>> shorten("one two three four", 15)
    'one two three…'
    >>> shorten("one two three four", 12)
    'one two thr…'
    """
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    space = cut.rfind(" ")
    if space >= width * 2 // 3:
        cut = cut[:space]
    return cut.rstrip() + "…"


def csv_row(doc: Document, quote: Quote) -> list[Any]:
    """The CSV row of one quote, in :data:`CSV_COLUMNS` order."""
    return [
        doc.doc_id, *(doc.meta.get(k, "") for k in META_COLUMNS),
        quote.paragraph, quote.sentence, quote.speaker, quote.speaker_mention,
        quote.speaker_title, quote.speaker_type, quote.kind, quote.cue, quote.text,
        quote.context, quote.start, quote.end, quote.rule,
    ]


def table_row(number: int, quote: Quote, width: int | None = QUOTE_WIDTH) -> list[str]:
    """The table row of one quote, in :data:`TABLE_COLUMNS` order; ``width=None`` keeps the whole quote."""
    text = one_line(quote.text) if width is None else shorten(quote.text, width)
    return [
        str(number), one_line(quote.speaker), one_line(quote.speaker_mention),
        one_line(quote.speaker_title), quote.kind, one_line(quote.cue), text,
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

def write_table(docs: Iterable[Document], out: TextIO, style: str = DEFAULT_TABLE_STYLE) -> None:
    """Per document: a heading line, then its table (quotes shortened) or "(no quotes found)"."""
    check_table_style(style)
    for i, doc in enumerate(docs):
        out.write(("\n" if i else "") + heading(doc) + "\n" + render_table(doc, style) + "\n")


def write_markdown(docs: Iterable[Document], out: TextIO) -> None:
    """Per document: a ``## doc_id`` heading, then a GitHub table with whole quotes."""
    for i, doc in enumerate(docs):
        body = render_table(doc, "github", width=None, escape=markdown_cell)
        out.write(("\n" if i else "") + f"## {one_line(doc.doc_id)}\n\n{body}\n")


def write_csv(docs: Iterable[Document], out: TextIO) -> None:
    """A header row, then one row per quote (a document with no quotes adds no row)."""
    import csv
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for doc in docs:
        writer.writerows(csv_row(doc, q) for q in doc.quotes)


def document_json(doc: Document) -> str:
    """One document as a single line of JSON (non-ASCII kept as is)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False)


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


WRITERS: dict[str, Callable[..., None]] = {
    "table": write_table,
    "csv": write_csv,
    "jsonl": write_jsonl,
    "json": write_json,
    "markdown": write_markdown,
}


def write(fmt: str, docs: Iterable[Document], out: TextIO,
          table_style: str = DEFAULT_TABLE_STYLE) -> None:
    """Write ``docs`` to ``out`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    if fmt == "table":
        write_table(docs, out, table_style)
    else:
        WRITERS[fmt](docs, out)

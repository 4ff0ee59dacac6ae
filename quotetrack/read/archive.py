"""Read web archives: WARC files of crawled pages, and HTML pages.

* ``.warc`` and ``.warc.gz`` files (CC-NEWS style) yield their HTML ``response``
  records, parsed with FastWARC (or warcio when FastWARC is not installed).
* ``.html`` and ``.htm`` files are one page each.

A page becomes article text through trafilatura: the main text, title, date and URL, with
navigation, boilerplate and captions removed.  Its :class:`~quotetrack.read.records.Input`
carries ``url``, ``date`` and ``title`` in ``meta``, and ``text_from: "html"`` so that the
JSON output keeps the extracted text its offsets point into.  The ``doc_id`` is the URL,
else the file name (a WARC record without a URL: ``FILE#RECORD-ID``).

The libraries are an extra (``pip install 'quotetrack[archive]'``), imported only when such
a file is read, through :func:`quotetrack.errors.require`, whose error says how to install
them.  A record that is not an HTML response is skipped and counted in
``counts["skipped"]``; a page with no article text, a malformed record or a truncated file
is an :class:`~quotetrack.read.records.InputError` naming the file and the record id, and
the rest of the file is still read where it can be.
"""
from __future__ import annotations

from typing import Any, BinaryIO, Iterator, MutableMapping

from ..errors import MissingExtra, require
from .records import Input, InputError, Item, os_message

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_SUFFIXES = (".html", ".htm")
ARCHIVE_SUFFIXES = (*WARC_SUFFIXES, *HTML_SUFFIXES)
EXTRA = "archive"
# Content types (before any ";") of the pages read; everything else is skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_FROM = "html"          # meta["text_from"]: the text was extracted from a page
SKIPPED = "skipped"         # the key counted for a record that is not an HTML page
NO_TEXT = "no article text found in the page (not HTML, empty, or not decodable)"


def is_archive(path: str) -> bool:
    """Whether ``path`` is read by this module (by its name, in any case).

    >>> is_archive("CC-NEWS-2024.warc.gz"), is_archive("a.HTML"), is_archive("a.txt")
    (True, True, False)
    """
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def iter_archive(path: str, counts: MutableMapping[str, int] | None = None) -> Iterator[Item]:
    """The Inputs and InputErrors of one WARC or HTML file, in file order."""
    counts = {} if counts is None else counts
    try:
        if path.lower().endswith(WARC_SUFFIXES):
            yield from _iter_warc(path, counts)
        else:
            yield from _iter_html_file(path)
    except MissingExtra as exc:
        yield InputError(path, str(exc))


# --- pages -----------------------------------------------------------------------------------

def page_input(html: bytes | str, doc_id: str | None, url: str | None = None,
               date: str | None = None) -> Input | None:
    """The article of one HTML page as an Input, or None when trafilatura finds no text.

    ``doc_id`` defaults to the URL (the page's own, else its canonical URL); ``date`` (the
    crawl's) is used when the page states none.
    """
    trafilatura = require("trafilatura", EXTRA)
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        return None
    url = url or found.url or None
    meta = {"url": url, "date": found.date or date, "title": found.title, "text_from": TEXT_FROM}
    return Input(doc_id or url or "<html>", text, {k: v for k, v in meta.items() if v})


def _iter_html_file(path: str) -> Iterator[Item]:
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        yield InputError(path, os_message(exc))
        return
    page = page_input(data, None)
    if page is None:
        yield InputError(path, NO_TEXT)
    else:
        yield Input(page.meta.get("url") or path, page.text, page.meta)


# --- WARC --------------------------------------------------------------------------------------

def _iter_warc(path: str, counts: MutableMapping[str, int]) -> Iterator[Item]:
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(path, os_message(exc))
        return
    with stream:
        yield from _pages(path, _warc_reader()(stream), counts)


def _warc_reader() -> Any:
    """FastWARC's records, else warcio's; neither installed: MissingExtra naming FastWARC."""
    if _has("fastwarc"):
        return _fastwarc_records
    if _has("warcio"):
        return _warcio_records
    require("fastwarc.warc", EXTRA)


def _pages(path: str, records: Iterator[tuple[str, str | None, str | None, str | None, bytes | None]],
           counts: MutableMapping[str, int]) -> Iterator[Item]:
    """Records (id, url, date, content type, body) -> Inputs; a failed read ends the file."""
    last = None
    try:
        for record_id, url, date, content_type, body in records:
            last = record_id
            if body is None or (content_type or "").split(";")[0].strip().lower() not in HTML_TYPES:
                counts[SKIPPED] = counts.get(SKIPPED, 0) + 1
                continue
            source = f"{path}: record {record_id}"
            try:
                page = page_input(body, url or f"{path}#{record_id}", url, date)
            except Exception as exc:   # noqa: BLE001 - one page must not end the archive
                yield InputError(source, f"page could not be read: {type(exc).__name__}: {exc}")
                continue
            yield page if page is not None else InputError(source, NO_TEXT)
    except MissingExtra:
        raise
    except Exception as exc:   # noqa: BLE001 - a damaged file: report it and stop reading it
        where = f" after record {last}" if last else ""
        yield InputError(path, f"malformed or truncated WARC{where}: {type(exc).__name__}: {exc}")


def _has(module: str) -> bool:
    try:
        require(module, EXTRA)
    except MissingExtra:
        return False
    return True


def _fastwarc_records(stream: BinaryIO) -> Iterator[tuple[Any, ...]]:
    warc = require("fastwarc.warc", EXTRA)
    for record in warc.ArchiveIterator(stream, record_types=warc.WarcRecordType.response,
                                       parse_http=True):
        if record.record_id is None:
            raise ValueError("a record without WARC headers")
        body = record.reader.read() if record.is_http else None
        yield (record.record_id, record.headers.get("WARC-Target-URI"),
               record.headers.get("WARC-Date"), record.http_content_type, body)


def _warcio_records(stream: BinaryIO) -> Iterator[tuple[Any, ...]]:
    archive = require("warcio.archiveiterator", EXTRA)
    for record in archive.ArchiveIterator(stream):
        if record.rec_type != "response":
            continue
        headers = record.rec_headers
        http = record.http_headers
        yield (headers.get_header("WARC-Record-ID"), headers.get_header("WARC-Target-URI"),
               headers.get_header("WARC-Date"), http.get_header("Content-Type") if http else None,
               record.content_stream().read() if http else None)

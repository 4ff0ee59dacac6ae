"""Read documents for the command line: files, directories, stdin and JSON Lines.

:func:`iter_inputs` yields, lazily and in order, one :class:`Input` per document
or one :class:`InputError` per thing that could not be read.  It never raises
for a bad document, so a batch goes on past a broken file.

The text of a document is its bytes decoded as UTF-8 with a leading byte-order
mark removed; nothing else is changed (no newline translation, no
normalisation), so offsets computed on it point into the file as decoded.
"""
from __future__ import annotations

import bz2
import gzip
import json
import os
import re
import sys
import zlib
from typing import Any, BinaryIO, Callable, Iterable, Iterator, MutableMapping

from . import archive
from .records import BadInput, Input, InputError, Item, os_message

INPUT_FORMATS = ("text", "jsonl", "transcript", "warc", "html")
TEXT_SUFFIXES = (".txt", ".md")     # what a directory is searched for (text format)
TRANSCRIPT_SUFFIXES = (".txt", ".tsv")   # ... with --input-format transcript (read as text)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2")   # read as JSON Lines; a directory's with --input-format jsonl
# A compressed file is read as a stream through its decompressor, whatever it holds.
DECOMPRESSORS: dict[str, Callable[..., BinaryIO]] = {".gz": gzip.open, ".bz2": bz2.open}
# What a damaged or truncated compressed stream raises while it is read.
STREAM_ERRORS = (EOFError, OSError, zlib.error)
# The archive kinds of --input-format: what a directory is searched for.
ARCHIVE_FORMATS = {"warc": archive.WARC_SUFFIXES, "html": archive.HTML_SUFFIXES}
STDIN = "-"
STDIN_NAME = "<stdin>"
BOM = "\ufeff"

# A JSON escape that may decode to a lone surrogate, e.g. \ud800 or \uDC00 (pairs are fine).
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def iter_inputs(paths: Iterable[str | os.PathLike[str]] | str,
                input_format: str | None = None,
                counts: MutableMapping[str, int] | None = None) -> Iterator[Item]:
    """Yield an :class:`Input` or :class:`InputError` for every document in ``paths``.

    A path is a file, a directory (searched recursively for ``*.txt`` and
    ``*.md``, in sorted order), or ``-`` for standard input.  A file whose name
    ends in ``.jsonl`` is read as JSON Lines, one ``{"doc_id", "text", ...}``
    record a line; ``input_format`` (``"text"`` or ``"jsonl"``) overrides that
    guess for every file and for stdin (which is text unless told).  ``"transcript"``
    reads files as text, and a directory's ``*.txt`` and ``*.tsv`` files; the caller
    parses them (:func:`quotetrack.pipeline.extract_transcript`).

    ``.jsonl.gz`` and ``.jsonl.bz2`` files are JSON Lines read through their
    decompressor.  WARC (``.warc``, ``.warc.gz``) and HTML (``.html``, ``.htm``) files
    are read by :mod:`quotetrack.read.archive` (the ``archive`` extra); ``"warc"`` and
    ``"html"`` search a directory for them.  Records skipped as not HTML are counted
    in ``counts["skipped"]``.

    >>> [type(x).__name__ for x in iter_inputs(["/nonexistent"])]
    ['InputError']
    """
    if input_format not in (None, *INPUT_FORMATS):
        raise ValueError(f"input_format={input_format!r} is not one of {', '.join(INPUT_FORMATS)}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _iter_paths(paths, input_format, {} if counts is None else counts)


def _iter_paths(paths: Iterable[str | os.PathLike[str]], input_format: str | None,
                counts: MutableMapping[str, int]) -> Iterator[Item]:
    for path in paths:
        yield from _iter_path(os.fspath(path), input_format, counts)


def _iter_path(path: str, input_format: str | None, counts: MutableMapping[str, int]) -> Iterator[Item]:
    """Every document under one command-line path."""
    if path == STDIN:
        yield from _iter_stdin(input_format == "jsonl")
    elif os.path.isdir(path):
        yield from _iter_directory(path, input_format, counts)
    elif input_format in ARCHIVE_FORMATS or (input_format is None and archive.is_archive(path)):
        yield from archive.iter_archive(path, counts)
    else:
        yield from _iter_file(path, is_jsonl(path, input_format))


def is_jsonl(path: str, input_format: str | None = None) -> bool:
    """Whether a file is read as JSON Lines: by ``input_format`` if given, else by its name."""
    if input_format is not None:
        return input_format == "jsonl"
    return path.lower().endswith(JSONL_SUFFIXES)


# --- files and directories --------------------------------------------------------------

def _iter_file(path: str, jsonl: bool) -> Iterator[Item]:
    """The documents of one file: one for a text file, one a record for JSON Lines."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(path, os_message(exc))
        return
    with stream:
        if jsonl:
            yield from _iter_jsonl_file(stream, path)
        else:
            yield _read_text(stream, path)


def _iter_jsonl_file(stream: BinaryIO, path: str) -> Iterator[Item]:
    """The records of a JSON Lines file, through its decompressor when its name says it is
    compressed; a truncated or damaged stream ends with an error naming the last line read."""
    opener = DECOMPRESSORS.get(os.path.splitext(path)[1].lower())
    if opener is None:
        yield from iter_jsonl(stream, path)
        return
    damage: list[str] = []
    lines = _guarded(opener(stream), damage)
    for item in iter_jsonl(lines, path):
        if not (damage and _is_empty(item)):      # "empty file" when damaged at once: say why
            yield item
    if damage:
        yield InputError(path, damage[0])


def _guarded(lines: Iterable[bytes], damage: list[str]) -> Iterator[bytes]:
    """``lines`` until the stream fails; the failure is noted in ``damage``."""
    count = 0
    try:
        for line in lines:
            count += 1
            yield line
    except STREAM_ERRORS as exc:
        damage.append(f"truncated or damaged compressed file after line {count} "
                      f"({type(exc).__name__}: {exc})")


def _is_empty(item: Item) -> bool:
    return isinstance(item, InputError) and item.message == "empty file"


def _read_text(stream: BinaryIO, name: str) -> Item:
    try:
        return Input(name, decode_text(stream.read()))
    except BadInput as exc:
        return InputError(name, str(exc))
    except OSError as exc:
        return InputError(name, os_message(exc))


def _iter_directory(path: str, input_format: str | None, counts: MutableMapping[str, int]) -> Iterator[Item]:
    """The documents of the matching files under a directory, in sorted order."""
    suffixes = {"jsonl": JSONL_SUFFIXES, "transcript": TRANSCRIPT_SUFFIXES,
                **ARCHIVE_FORMATS}.get(input_format or "", TEXT_SUFFIXES)
    files, errors = find_files(path, suffixes)
    yield from errors
    if not files and not errors:
        wanted = " or ".join(f"*{s}" for s in suffixes)
        yield InputError(path, f"no {wanted} files in directory")
    for name in files:
        if input_format in ARCHIVE_FORMATS:
            yield from archive.iter_archive(name, counts)
        else:
            yield from _iter_file(name, input_format == "jsonl")


def find_files(root: str, suffixes: tuple[str, ...]) -> tuple[list[str], list[InputError]]:
    """Files under ``root`` whose names end in one of ``suffixes`` (any case).

    Paths are ``root`` joined with the relative path, sorted by their components,
    so ``a.txt`` < ``b/c.txt`` < ``d.txt``.  Hidden files and directories (a name
    starting with ``.``) are skipped; symbolic links to directories are not followed.
    """
    errors: list[InputError] = []

    def on_error(exc: OSError) -> None:
        errors.append(InputError(exc.filename or root, os_message(exc)))

    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, root)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(suffixes):
                found.append(parts + (name,))
    found.sort()
    return [os.path.join(root, *parts) for parts in found], errors


# --- standard input ----------------------------------------------------------------------

def _iter_stdin(jsonl: bool) -> Iterator[Item]:
    stream = sys.stdin
    if stream is None:
        yield InputError(STDIN_NAME, "no standard input")
        return
    binary = getattr(stream, "buffer", stream)   # the bytes under a text stream
    if jsonl:
        yield from iter_jsonl(_as_bytes_lines(binary), STDIN_NAME)
        return
    try:
        data = binary.read()
    except OSError as exc:
        yield InputError(STDIN_NAME, os_message(exc))
        return
    if isinstance(data, str):                   # a text stream with no buffer (tests, IDEs)
        data = data.encode("utf-8", "surrogatepass")
    try:
        yield Input(STDIN_NAME, decode_text(data))
    except BadInput as exc:
        yield InputError(STDIN_NAME, str(exc))


def _as_bytes_lines(stream: Any) -> Iterator[bytes]:
    for line in stream:
        yield line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line


# --- decoding ---------------------------------------------------------------------------

def decode_text(data: bytes) -> str:
    """The text of a file's bytes; raise :class:`BadInput` if it is not a text document.

    >>> decode_text(b"\\xef\\xbb\\xbfHello\\r\\n")
    'Hello\\r\\n'
    """
    if b"\x00" in data:
        raise BadInput("binary file, not text")
    text = decode_utf8(data)
    # A leading byte-order mark (U+FEFF) is an encoding signature, not part of the
    # text, so it is removed.  This is the only change made to the text; offsets
    # count from the character after it.
    if text.startswith(BOM):
        text = text[1:]
    if not text or text.isspace():
        raise BadInput("empty file")
    return text


def decode_utf8(data: bytes, base: int = 0) -> str:
    """``data`` decoded as UTF-8; on failure name the first bad byte and its offset (+ ``base``)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"not valid UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {base + exc.start})"
        ) from None


# --- JSON Lines ---------------------------------------------------------------------------

def iter_jsonl(lines: Iterable[bytes], source: str) -> Iterator[Item]:
    """One item per non-blank line of a JSON Lines stream, read one line at a time.

    Errors name the line (counting from 1); byte offsets in UTF-8 errors count
    from the start of the stream.  A stream with no record is an ``empty file``.
    """
    offset = 0
    seen = False
    for lineno, raw in enumerate(lines, 1):
        start, offset = offset, offset + len(raw)
        if not raw or raw.isspace():
            continue
        seen = True
        yield _record_or_error(raw, source, lineno, start)
    if not seen:
        yield InputError(source, "empty file")


def _record_or_error(raw: bytes, source: str, lineno: int, offset: int) -> Item:
    try:
        return parse_record(raw, source, lineno, offset)
    except BadInput as exc:
        return InputError(source, f"line {lineno}: {exc}")


def parse_record(raw: bytes, source: str, lineno: int, offset: int = 0) -> Input:
    """The :class:`Input` of one JSON Lines record; raise :class:`BadInput` if it is not one.

    Fields other than ``doc_id`` and ``text`` pass through as ``meta``.  A record
    without ``doc_id`` is named ``SOURCE:LINE``.
    """
    line = decode_utf8(raw, offset).rstrip("\r\n")
    if lineno == 1 and line.startswith(BOM):   # a BOM before the first record is a signature
        line = line[1:]
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInput(f"not valid JSON ({exc.msg} at column {exc.pos + 1})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise BadInput('record has no "text" string')
    if SURROGATE_ESCAPE.search(raw) and not _encodable(record):
        raise BadInput("record has an unpaired surrogate escape (not valid Unicode)")
    meta = {k: v for k, v in record.items() if k not in ("doc_id", "text")}
    return Input(_doc_id(record.get("doc_id"), source, lineno), record["text"], meta)


def _doc_id(value: Any, source: str, lineno: int) -> str:
    if value is None:
        return f"{source}:{lineno}"
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadInput('"doc_id" is not a string')


def _encodable(record: Any) -> bool:
    """Whether every string in a decoded record can be written as UTF-8."""
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

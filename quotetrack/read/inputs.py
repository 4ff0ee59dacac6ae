"""Read documents for the command line: files, directories, stdin and JSON Lines.

:func:`iter_inputs` yields, lazily and in order, one :class:`Input` per document
or one :class:`InputError` per thing that could not be read.  It never raises
for a bad document, so a batch goes on past a broken file.

The text of a document is its bytes decoded as UTF-8 (or the encoding asked for)
with a leading byte-order mark removed; nothing else is changed (no newline
translation, no normalisation), so offsets computed on it point into the file as
decoded.  A file that is not UTF-8 but is clean Windows-1252, as a word processor
saves it, is read as Windows-1252 with a note saying so (:func:`decode`).
"""
from __future__ import annotations

import bz2
import codecs
import gzip
import json
import os
import re
import sys
from importlib import resources
from pathlib import Path
import zlib
from typing import Any, BinaryIO, Callable, Iterable, Iterator, MutableMapping

from ..text import jsonl
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

FALLBACK = "cp1252"                 # what a text that is not UTF-8 is tried as (Windows-1252)
FALLBACK_NOTE = "not valid UTF-8; read as Windows-1252 (give --encoding NAME if it is another)"
SAMPLE = "sample"                   # quotetrack/data/sample: articles shipped with the package

# A valid UTF-8 multi-byte sequence ("é" is C3 A9, "“" is E2 80 9C): a file that holds one and
# still fails as UTF-8 is damaged or mixed, not Windows-1252.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# Control characters no text document holds (tab, newlines and form feed are fine): "\x07".
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# A JSON escape that may decode to a lone surrogate, e.g. \ud800 or \uDC00 (pairs are fine).
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89abcdefABCDEF]")


def iter_inputs(paths: Iterable[str | os.PathLike[str]] | str,
                input_format: str | None = None, encoding: str | None = None,
                counts: MutableMapping[str, int] | None = None) -> Iterator[Item]:
    """Yield an :class:`Input` or :class:`InputError` for every document in ``paths``.

    A path is a file, a directory (searched recursively for ``*.txt`` and
    ``*.md``, in sorted order), or ``-`` for standard input.  A file whose name
    ends in ``.jsonl`` is read as JSON Lines, one ``{"doc_id", "text", ...}``
    record a line; ``input_format`` (``"text"`` or ``"jsonl"``) overrides that
    guess for every file and for stdin (which is text unless told).  ``"transcript"``
    reads files as text, and a directory's ``*.txt`` and ``*.tsv`` files; the caller
    parses them (:func:`quotetrack.pipeline.extract_transcript`).  ``encoding`` names the
    encoding of text files and stdin (default: UTF-8, else clean Windows-1252 with a note);
    JSON Lines is always UTF-8.

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
    if encoding is not None:
        codecs.lookup(encoding)             # LookupError for an unknown name, before any file
    return _iter_paths(paths, input_format, encoding, {} if counts is None else counts)


def _iter_paths(paths: Iterable[str | os.PathLike[str]], input_format: str | None,
                encoding: str | None, counts: MutableMapping[str, int]) -> Iterator[Item]:
    for path in paths:
        yield from _iter_path(os.fspath(path), input_format, encoding, counts)


def _iter_path(path: str, input_format: str | None, encoding: str | None,
               counts: MutableMapping[str, int]) -> Iterator[Item]:
    """Every document under one command-line path."""
    if path == STDIN:
        yield from _iter_stdin(input_format == "jsonl", encoding)
    elif os.path.isdir(path):
        yield from _iter_directory(path, input_format, encoding, counts)
    elif input_format in ARCHIVE_FORMATS or (input_format is None and archive.is_archive(path)):
        yield from archive.iter_archive(path, counts)
    else:
        yield from _iter_file(path, is_jsonl(path, input_format), encoding)


def is_jsonl(path: str, input_format: str | None = None) -> bool:
    """Whether a file is read as JSON Lines: by ``input_format`` if given, else by its name."""
    if input_format is not None:
        return input_format == "jsonl"
    return path.lower().endswith(JSONL_SUFFIXES)


# --- files and directories --------------------------------------------------------------

def _iter_file(path: str, jsonl: bool, encoding: str | None = None) -> Iterator[Item]:
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
            yield _read_text(stream, path, encoding)


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


def _read_text(stream: BinaryIO, name: str, encoding: str | None = None) -> Item:
    try:
        text, note = decode(stream.read(), encoding)
        return Input(name, text, notes=(note,) if note else ())
    except BadInput as exc:
        return InputError(name, str(exc))
    except OSError as exc:
        return InputError(name, os_message(exc))


def _iter_directory(path: str, input_format: str | None, encoding: str | None = None,
                    counts: MutableMapping[str, int] | None = None) -> Iterator[Item]:
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
            yield from _iter_file(name, input_format == "jsonl", encoding)


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

def _iter_stdin(jsonl: bool, encoding: str | None = None) -> Iterator[Item]:
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
        text, note = decode(data, encoding)
        yield Input(STDIN_NAME, text, notes=(note,) if note else ())
    except BadInput as exc:
        yield InputError(STDIN_NAME, str(exc))


def _as_bytes_lines(stream: Any) -> Iterator[bytes]:
    for line in stream:
        yield line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line


# --- decoding ---------------------------------------------------------------------------

def decode_text(data: bytes, encoding: str | None = None) -> str:
    """The text of a file's bytes; raise :class:`BadInput` if it is not a text document.

    >>> decode_text(b"\\xef\\xbb\\xbfHello\\r\\n")
    'Hello\\r\\n'
    """
    return decode(data, encoding)[0]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str | None]:
    """(text, note) of a file's bytes; raise :class:`BadInput` if it is not a text document.

    With ``encoding`` the bytes are decoded as that.  Without, as UTF-8; failing that, a
    file with no valid UTF-8 multi-byte sequence that decodes cleanly as Windows-1252 is
    read as that, and ``note`` says so (else it is None).  A mixed or binary file is an error.

    >>> decode(b"\\x93Yes,\\x94 she said.")
    ('“Yes,” she said.', 'not valid UTF-8; read as Windows-1252 (give --encoding NAME if it is another)')
    >>> decode(b"\\x93Yes,\\x94 \\xe2\\x80\\x9cshe\\xe2\\x80\\x9d said.")
    Traceback (most recent call last):
    ...
    quotetrack.read.records.BadInput: not valid UTF-8 (invalid byte 0x93 at offset 0)
    """
    note = None
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadInput(f"not valid {encoding} (invalid byte 0x{data[exc.start]:02x} "
                           f"at offset {exc.start})") from None
        if "\x00" in text:
            raise BadInput("binary file, not text")
    else:
        if b"\x00" in data:
            raise BadInput("binary file, not text")
        try:
            text = decode_utf8(data)
        except BadInput:
            text = windows_1252(data)
            if text is None:
                raise
            note = FALLBACK_NOTE
    text = _strip_bom(text)
    return text, note


def windows_1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 when that is what it plausibly is: no valid UTF-8 multi-byte
    sequence, no byte Windows-1252 leaves undefined, no control character; else None."""
    if UTF8_SEQUENCE.search(data):
        return None
    try:
        text = data.decode(FALLBACK)
    except UnicodeDecodeError:
        return None
    return None if CONTROL.search(text) else text


def _strip_bom(text: str) -> str:
    # A leading byte-order mark (U+FEFF) is an encoding signature, not part of the
    # text, so it is removed.  This is the only change made to the text; offsets
    # count from the character after it.
    if text.startswith(BOM):
        text = text[1:]
    if not text or text.isspace():
        raise BadInput("empty file")
    return text


def sample_paths() -> list[str]:
    """The sample articles shipped with the package (``data/sample/*.txt``), sorted: what
    ``bench`` and ``check --self-test`` read when given no path."""
    folder = Path(str(resources.files("quotetrack").joinpath("data", SAMPLE))).resolve()
    here = Path.cwd().resolve()
    return sorted(str(p.relative_to(here)) if p.is_relative_to(here) else str(p)
                  for p in folder.glob("*.txt"))


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
        record = jsonl.loads(line)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise BadInput('record has no "text" string')
    if SURROGATE_ESCAPE.search(raw) and not _encodable(record):
        raise BadInput("record has an unpaired surrogate escape (not valid Unicode)")
    meta = {k: v for k, v in record.items() if k not in ("doc_id", "text")}
    return Input(_doc_id(record.get("doc_id"), source, lineno), record["text"], meta, record=True)


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

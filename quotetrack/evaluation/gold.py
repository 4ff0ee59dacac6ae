"""Reading gold annotations and predictions (JSON Lines, or a directory of .gold.json files),
with one-line errors that name the file, line and field."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence, TextIO

from ..pipeline import extract
from ..config import Config
from ..text import jsonl
from .matching import EvalError


# ---------------------------------------------------------------------------
# Loading

def open_errors(path: str) -> TextIO:
    """The ``--errors`` file, opened for writing; an :class:`EvalError` naming it when it
    cannot be."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def read_file_error(path: str | Path, exc: OSError | UnicodeDecodeError) -> EvalError:
    """The :class:`EvalError` for a file that cannot be read, in the words every command uses
    ("FILE: No such file or directory", "FILE: not valid UTF-8 (… at byte N)")."""
    if isinstance(exc, UnicodeDecodeError):
        return EvalError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})")
    return EvalError(f"{path}: {exc.strerror or exc}")


def json_lines(path: str | Path) -> Iterator[tuple[str, Any]]:
    """``("FILE: line N", value)`` for each non-blank line of a JSON Lines file (``-``: stdin).
    A file that cannot be read or is not UTF-8, or a line that is not JSON, raises
    :class:`EvalError` naming the file (and the line)."""
    name = "<stdin>" if str(path) == "-" else str(path)
    try:
        with (contextlib.nullcontext(sys.stdin) if name == "<stdin>"
              else open(path, encoding="utf-8")) as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{name}: line {lineno}"
                try:
                    value = jsonl.loads(line.rstrip("\r\n"))
                except ValueError as exc:
                    raise EvalError(f"{where}: {exc}") from None
                yield where, value
    except (OSError, UnicodeDecodeError) as exc:
        raise read_file_error(name, exc) from None


def load_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Gold documents from PATH, one at a time.

    PATH is a JSON Lines file (one document a line), a ``.json`` file (one
    document object, or a list of them), a directory of such files (read in
    name order, not recursively) or ``-`` for JSON Lines on stdin.  Each
    document needs ``doc_id``, ``text`` and ``quotes``; each quote
    ``content_start`` and ``content_end`` inside the text.  Problems raise
    :class:`EvalError` naming the file and line.  The path is checked at once;
    documents are read lazily.
    """
    path = str(path)
    if path == "-":
        return _gold_from_files([path])
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir()
                       if f.is_file() and f.suffix in (".json", ".jsonl"))
        if not files:
            raise EvalError(f"{path}: no .json or .jsonl files in this directory")
        return _gold_from_files(files)
    if not p.is_file():
        raise EvalError(f"{path}: No such file or directory")
    return _gold_from_files([p])


def _gold_from_files(files: Sequence[Path | str]) -> Iterator[dict[str, Any]]:
    for f in files:
        if str(f).endswith(".json"):
            yield from _gold_from_json(str(f))
        else:
            for where, doc in json_lines(f):
                yield _check_gold(doc, where)


def _gold_from_json(name: str) -> Iterator[dict[str, Any]]:
    try:
        with open(name, encoding="utf-8") as fh:
            obj = jsonl.loads(fh.read())
    except (OSError, UnicodeDecodeError) as exc:
        raise read_file_error(name, exc) from None
    except ValueError as exc:
        raise EvalError(f"{name}: {exc}") from None
    docs = obj if isinstance(obj, list) else [obj]
    for i, doc in enumerate(docs):
        where = name if not isinstance(obj, list) else f"{name}: item {i}"
        yield _check_gold(doc, where)


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _check_gold(doc: Any, where: str) -> dict[str, Any]:
    """The gold document, or EvalError(f"{where}: …") saying what is wrong."""
    if not isinstance(doc, dict):
        raise EvalError(f"{where}: want a JSON object with doc_id, text and quotes")
    for key, kind in (("doc_id", str), ("text", str), ("quotes", list)):
        if not isinstance(doc.get(key), kind):
            raise EvalError(f"{where}: {key!r} missing or not a {kind.__name__}")
    n = len(doc["text"])
    for i, q in enumerate(doc["quotes"]):
        if not isinstance(q, dict):
            raise EvalError(f"{where}: quotes[{i}] is not an object")
        s, e = q.get("content_start"), q.get("content_end")
        if not (_is_int(s) and _is_int(e) and 0 <= s <= e <= n):
            raise EvalError(f"{where}: quotes[{i}]: content_start/content_end "
                            f"({s!r}, {e!r}) are not offsets into a text of {n} characters")
        _check_fragments(q.get("content_fragments"), n, f"{where}: quotes[{i}]: content_fragments")
    return doc


def _check_fragments(frags: Any, n: int | None, where: str) -> None:
    if frags is None:
        return
    if not isinstance(frags, list):
        raise EvalError(f"{where}: want a list of [start, end] pairs")
    for f in frags:
        if not (isinstance(f, list) and len(f) == 2 and _is_int(f[0]) and _is_int(f[1])
                and 0 <= f[0] <= f[1] and (n is None or f[1] <= n)):
            raise EvalError(f"{where}: {f!r} is not a [start, end] pair inside the text")


def load_predictions(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Predictions from a JSON Lines file (``-`` for stdin): doc_id → quote dicts.

    Each line is a record of the output contract (``Document.to_dict``): a
    ``doc_id`` and a ``quotes`` list whose items carry ``content_start``,
    ``content_end`` and, optionally, ``fragments``.  A doc_id seen twice is an
    error.  Offsets are checked against the text when the document is scored.
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for where, rec in json_lines(path):
        if not isinstance(rec, dict) or not isinstance(rec.get("doc_id"), str) \
                or not isinstance(rec.get("quotes"), list):
            raise EvalError(f"{where}: want a JSON object with doc_id and a quotes list")
        if rec["doc_id"] in out:
            raise EvalError(f"{where}: doc_id {rec['doc_id']!r} appears twice")
        for i, q in enumerate(rec["quotes"]):
            s, e = (q.get("content_start"), q.get("content_end")) if isinstance(q, dict) else (None, None)
            if not (_is_int(s) and _is_int(e) and 0 <= s <= e):
                raise EvalError(f"{where}: quotes[{i}]: content_start/content_end missing or not offsets")
            _check_fragments(q.get("fragments"), None, f"{where}: quotes[{i}]: fragments")
        out[rec["doc_id"]] = rec["quotes"]
    return out


def predict_quotes(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Run quotetrack on a gold document's text, keeping every attribution (``attributions="all"``)."""
    result = extract(doc["text"], doc_id=doc["doc_id"], config=Config(attributions="all", claims=False))
    return result.to_dict()["quotes"]

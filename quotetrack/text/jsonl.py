"""JSON Lines: one JSON value a line, safe for every reader.

``json.dumps(..., ensure_ascii=False)`` escapes the ASCII line breaks but writes U+0085
(NEXT LINE), U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) as they are, and a
reader that splits lines with Python's ``str.splitlines()`` (or JavaScript's older JSON
readers) then gets broken records.  :func:`line` escapes those three too; every other
character stays as written.
"""
from __future__ import annotations

import json
from typing import Any

# The characters str.splitlines() breaks at that json.dumps leaves unescaped.
_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def loads(text: str | bytes) -> Any:
    """The JSON value of ``text``; a :class:`ValueError` saying where it is not JSON, in the
    words every reader of the project uses.

    >>> loads('{"a": 1}')
    {'a': 1}
    >>> loads('{"a": }')
    Traceback (most recent call last):
    ValueError: not valid JSON (Expecting value at column 7)
    >>> loads('{\\n"a": }')
    Traceback (most recent call last):
    ValueError: not valid JSON (Expecting value at line 2, column 6)
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise ValueError(f"not valid JSON ({exc.msg} at {where})") from None
    except UnicodeDecodeError:
        raise ValueError("not valid JSON (not UTF-8)") from None


def line(value: Any) -> str:
    """``value`` as one line of JSON, without its line end.

    >>> line({"text": "a\\u2028b\\u0085c é"})
    '{"text": "a\\\\u2028b\\\\u0085c é"}'
    >>> len(line({"text": "a\\u2028b\\u2029c\\u0085d"}).splitlines())
    1
    """
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)

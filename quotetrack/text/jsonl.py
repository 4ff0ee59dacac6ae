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


def line(value: Any) -> str:
    """``value`` as one line of JSON, without its line end.

    >>> line({"text": "a\\u2028b\\u0085c é"})
    '{"text": "a\\\\u2028b\\\\u0085c é"}'
    >>> len(line({"text": "a\\u2028b\\u2029c\\u0085d"}).splitlines())
    1
    """
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)

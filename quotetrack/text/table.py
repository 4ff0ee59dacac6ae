"""Tables written a row at a time, for outputs too long to hold (``track claims``, ``track
repeats``).

:func:`simple_lines` gives exactly what ``tabulate(rows, headers, tablefmt="simple",
disable_numparse=True)`` gives for rows of strings, but from column widths known in
advance, so the rows can stream from a database query instead of sitting in a list.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Sequence

try:                                      # tabulate measures wide (CJK) characters with wcwidth
    from wcwidth import wcswidth as _wcswidth
except ImportError:                       # pragma: no cover - wcwidth comes with tabulate's users
    _wcswidth = None

PADDING = 2                               # tabulate's MIN_PADDING: a header's room beyond its text
SIMPLE = "simple"                         # the style :func:`simple_lines` writes


def width(cell: str) -> int:
    """The columns ``cell`` takes on a terminal (wide characters count two), as tabulate
    measures it: with a character wcwidth cannot print (a control character) it is -1, and
    tabulate pads such a cell by one more; so does this module, to write the same table.
    Without the wcwidth package (tabulate's optional helper) a cell is as wide as it is long,
    as tabulate measures it then.

    >>> width("abc"), width("日本") in (2, 4)
    (3, True)
    """
    if _wcswidth is None or (cell.isascii() and cell.isprintable()):
        return len(cell)                  # the common case, without wcwidth's per-character work
    return _wcswidth(cell)


def widths(rows: Iterable[Sequence[str]], headers: Sequence[str]) -> list[int]:
    """The width of each column: its widest cell, and its header with room to spare."""
    out = [width(h) + PADDING for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            out[i] = max(out[i], width(cell.strip()))
    return out


def simple_lines(rows: Iterable[Sequence[str]], headers: Sequence[str], columns: Sequence[int]) -> Iterator[str]:
    """The lines of a "simple" table of string cells, left-aligned, with the given widths.

    >>> rows = [["a", "bb"], ["ccc", "d"]]
    >>> print("\\n".join(simple_lines(rows, ("x", "yyy"), widths(rows, ("x", "yyy")))))
    x    yyy
    ---  -----
    a    bb
    ccc  d
    """
    yield _line(headers, columns)
    yield "  ".join("-" * w for w in columns)
    for row in rows:
        yield _line([c.strip() for c in row], columns)


def _line(cells: Sequence[str], columns: Sequence[int]) -> str:
    return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, columns)).rstrip()

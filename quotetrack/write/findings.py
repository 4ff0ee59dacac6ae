"""How findings are written: compiler-style lines, JSON Lines or CSV (the output contract of
``quotetrack check``), and the count of them by severity."""
from __future__ import annotations

from typing import Iterable, TextIO

from ..model import SEVERITIES, Finding
from ..text import jsonl
from ..text.spans import one_line
from .output import csv_writer


CHECK_FORMATS = ("table", "json", "csv", "html")
STREAM_FORMATS = ("table", "json", "csv")   # what FindingWriter writes; html is one page (write.html)
# The keys of the JSON Lines form of a finding, and the CSV header: the output contract.
FINDING_KEYS = tuple(Finding("", 1, 1, "", "error", "").to_dict())
# --- output -----------------------------------------------------------------------------------

def compiler_line(f: Finding) -> str:
    """``FILE:LINE:COL: SEVERITY[VERDICT] message``, and an indented word-diff line when there
    is one that the message does not already show.

    >>> compiler_line(Finding("d.txt", 3, 5, "unattributed", "error", "“Hi” has no speaker"))
    'd.txt:3:5: error[unattributed] “Hi” has no speaker'
    """
    line = f"{f.file}:{f.line}:{f.column}: {f.severity}[{f.verdict}] {one_line(f.message)}"
    if f.diff and one_line(f.diff) not in one_line(f.message):
        line += "\n    " + one_line(f.diff)     # not when the message already shows it
    return line


def tally(findings: Iterable[Finding], counts: dict[str, int] | None = None) -> dict[str, int]:
    """Findings counted by severity (added to ``counts`` when given).

    >>> tally([Finding("d", 1, 1, "x", "error", "m")])
    {'error': 1, 'warning': 0, 'info': 0}
    """
    counts = {s: 0 for s in SEVERITIES} if counts is None else counts
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def summary(counts: dict[str, int]) -> str:
    """``N errors, M warnings, K info`` from :func:`tally`.

    >>> summary({"error": 1, "warning": 2, "info": 0})
    '1 error, 2 warnings, 0 info'
    """
    errors, warnings, info = (counts.get(s, 0) for s in SEVERITIES)
    return (f"{errors} error{'' if errors == 1 else 's'}, "
            f"{warnings} warning{'' if warnings == 1 else 's'}, {info} info")


def fails(counts: dict[str, int], strict: bool = False) -> bool:
    """Whether a check fails: any error, or with ``strict`` any warning.

    >>> fails({"error": 0, "warning": 1}), fails({"error": 0, "warning": 1}, strict=True)
    (False, True)
    """
    return counts.get("error", 0) > 0 or (strict and counts.get("warning", 0) > 0)


def finding_json(f: Finding) -> str:
    """One finding as one line of JSON, the keys of :data:`FINDING_KEYS` in order."""
    return jsonl.line(f.to_dict())


class FindingWriter:
    """Writes findings as they come: ``table`` (compiler lines), ``json`` (JSON Lines) or
    ``csv`` (a header of :data:`FINDING_KEYS`, then one row each)."""

    def __init__(self, fmt: str, out: TextIO, excel: bool = False):
        if fmt not in STREAM_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from: {', '.join(STREAM_FORMATS)}")
        self.fmt, self.out = fmt, out
        self._csv = None
        if fmt == "csv":
            self._csv = csv_writer(out, excel)
            self._csv.writerow(FINDING_KEYS)

    def write(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if self.fmt == "table":
                self.out.write(compiler_line(f) + "\n")
            elif self.fmt == "json":
                self.out.write(finding_json(f) + "\n")
            else:
                self._csv.writerow(["" if v is None else v for v in f.to_dict().values()])

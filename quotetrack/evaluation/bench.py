"""Time extraction and watch memory: ``quotetrack bench [PATH...] [--no-claims]``.

Inputs are streamed with :func:`quotetrack.read.inputs.iter_inputs`, so a large
JSON Lines corpus is never held in memory at once.  Only the call to
``extract`` is timed, in wall time and in this process's CPU time (steadier when
other work shares the machine).  The one-off start-up (loading nltk's sentence model and
the word lists, on a short warm-up text) is timed apart and reported as its own line, so
the rates measure throughput and the start-up cost is still shown.  The resident set size (RSS) is sampled after every
document; the report compares it after the first 10% of documents with the end,
which shows whether memory grows with the number of documents.
"""
from __future__ import annotations

import json
import os
import sys
import time
from array import array
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from ..read.inputs import Input, InputError, iter_inputs, sample_paths
from ..config import Config
from ..pipeline import extract
from . import shapes


@dataclass(frozen=True)
class BenchResult:
    """What one benchmark run measured; seconds cover extraction only."""
    documents: int
    words: int
    quotes: int
    seconds: float
    repeat: int
    errors: int
    peak_rss_mb: float
    rss_first_10pct_mb: float
    rss_end_mb: float
    claims: int = 0             # claims found (every scored unit)
    claims_stage: bool = False  # whether the claims stage ran inside the timed extraction
    cpu_seconds: float = 0.0    # CPU time of this process over the same calls (best of repeat)
    startup_cpu_seconds: float = 0.0    # CPU time of the warm-up extraction before the timed ones

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 4)
        out["cpu_seconds"] = round(self.cpu_seconds, 4)
        out["startup_cpu_seconds"] = round(self.startup_cpu_seconds, 4)
        out["docs_per_s"] = round(self.docs_per_s, 1)
        out["words_per_s"] = round(self.words_per_s, 1)
        return out


# --- memory -----------------------------------------------------------------------------------

def peak_rss_kib() -> int:
    """The process's peak RSS in KiB (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def current_rss_kib() -> int:
    """The process's RSS now, in KiB (from /proc on Linux; the peak elsewhere)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, ValueError, IndexError, AttributeError):
        return peak_rss_kib()


def mb(kib: int) -> float:
    """KiB as MB (MiB), one decimal."""
    return round(kib / 1024, 1)


# --- measuring ----------------------------------------------------------------------------------

def measure(inputs: Iterable[Input | InputError], extract: Callable[..., Any], repeat: int = 1,
            on_error: Callable[[InputError], None] = lambda e: None) -> BenchResult:
    """Extract every input ``repeat`` times, keeping the fastest time of each document.

    Input errors, and documents on which ``extract`` raises, are passed to
    ``on_error`` and counted; they are not timed.
    """
    documents = words = quotes = claims = errors = 0
    seconds = cpu = 0.0
    rss = array("q")        # KiB after each document: 8 bytes a document
    for item in inputs:
        if isinstance(item, InputError):
            errors += 1
            on_error(item)
            continue
        try:
            best, best_cpu, doc = _time_best(extract, item, repeat)
        except Exception as exc:   # noqa: BLE001 - report a pipeline bug, time the rest
            errors += 1
            on_error(InputError(item.doc_id, f"internal error: {type(exc).__name__}: {exc}"))
            continue
        seconds += best
        cpu += best_cpu
        documents += 1
        words += len(item.text.split())
        quotes += len(doc.quotes)
        claims += len(getattr(doc, "claims", ()))
        del doc, item
        rss.append(current_rss_kib())
    return BenchResult(
        documents=documents, words=words, quotes=quotes, seconds=seconds, repeat=repeat,
        errors=errors, peak_rss_mb=mb(max(peak_rss_kib(), max(rss, default=0))),
        rss_first_10pct_mb=mb(rss[_tenth(len(rss))]) if rss else 0.0,
        rss_end_mb=mb(rss[-1]) if rss else 0.0, claims=claims, cpu_seconds=cpu,
    )


def _time_best(extract: Callable[..., Any], item: Input, repeat: int) -> tuple[float, float, Any]:
    """The fastest wall time and the fastest CPU time of ``repeat`` runs, and the result."""
    best, best_cpu, doc = float("inf"), float("inf"), None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        doc = extract(item.text, doc_id=item.doc_id, meta=item.meta)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu, doc


# A short text with a sentence end, a quote and a cue: one extraction loads every model and list.
WARM_UP_TEXT = "The council met on Monday. “We will vote in May,” the mayor said. Dr. Lee agreed."


def warm_up(extract: Callable[..., Any]) -> float:
    """Run ``extract`` once on :data:`WARM_UP_TEXT` and return its CPU seconds: the one-off
    start-up (imports, nltk's sentence model, word lists) that the timed runs then skip."""
    c0 = time.process_time()
    extract(WARM_UP_TEXT, doc_id="<warm-up>")
    return time.process_time() - c0


def _tenth(n: int) -> int:
    """The index of the document that ends the first 10% of ``n`` (at least the first)."""
    return max(1, -(-n // 10)) - 1


# --- inputs and report --------------------------------------------------------------------------

def format_table(result: BenchResult) -> str:
    """The report as a two-column table."""
    from tabulate import tabulate
    rows = [
        ("documents", f"{result.documents:,}"),
        ("words", f"{result.words:,}"),
        ("quotes", f"{result.quotes:,}"),
        ("claims stage", "on" if result.claims_stage else "off"),
        ("claims", f"{result.claims:,}"),
        ("seconds (extraction)", f"{result.seconds:.3f}"),
        ("CPU seconds (extraction)", f"{result.cpu_seconds:.3f}"),
        ("CPU seconds (start-up, untimed above)", f"{result.startup_cpu_seconds:.3f}"),
        ("docs/s", f"{result.docs_per_s:,.1f}"),
        ("words/s", f"{result.words_per_s:,.0f}"),
        ("peak RSS MB", f"{result.peak_rss_mb:.1f}"),
        ("RSS after first 10% MB", f"{result.rss_first_10pct_mb:.1f}"),
        ("RSS at end MB", f"{result.rss_end_mb:.1f}"),
        ("repeat (best of)", str(result.repeat)),
        ("input errors", str(result.errors)),
    ]
    return tabulate(rows, headers=("measure", "value"), colalign=("left", "right"),
                    disable_numparse=True)


def _report(source: str, message: str) -> None:
    print(f"quotetrack: {source}: {message}", file=sys.stderr)


def run(paths: Iterable[str] | None, repeat: int = 1, as_json: bool = False,
        out: TextIO | None = None, claims: bool = True) -> int:
    """Benchmark extraction over ``paths`` (default: the sample articles shipped with the
    package, :func:`quotetrack.read.inputs.sample_paths`) and write the report.

    ``claims`` runs the claims stage inside the timed extraction (the default, as in
    :class:`~quotetrack.config.Config`); ``claims=False`` times extraction alone.
    Returns 0, or 1 when an input could not be read or there was nothing to time.
    ``out`` defaults to the current ``sys.stdout``.
    """
    out = sys.stdout if out is None else out
    paths = list(paths or []) or sample_paths()
    from functools import partial

    timed = partial(extract, config=Config(claims=claims))
    startup = warm_up(timed)
    result = measure(iter_inputs(paths), timed, repeat, on_error=lambda e: _report(e.source, e.message))
    result = replace(result, claims_stage=claims, startup_cpu_seconds=startup)
    if not result.documents:
        _report("bench", "no documents to time")
        return 1
    out.write((json.dumps(result.to_dict()) if as_json else format_table(result)) + "\n")
    return 1 if result.errors else 0


def run_shapes(repeat: int = 1, as_json: bool = False, out: TextIO | None = None, claims: bool = True,
               small_bytes: int | None = None, save: str | None = None) -> int:
    """``bench --shapes``: every odd document shape of :mod:`quotetrack.evaluation.shapes` at
    two sizes, as a table or one JSON object a shape; with ``save``, the shapes are written
    to that directory instead (NAME-BYTES.txt, one line each), so that ``bench FILE`` of any
    revision can time them."""
    out = sys.stdout if out is None else out
    if save is not None:
        try:
            written = shapes.save_shapes(Path(save), small_bytes)
        except OSError as exc:
            _report(save, f"cannot write the shapes: {exc.strerror or exc}")
            return 1
        out.write("".join(f"{path}\n" for path in written))
        return 0
    results = shapes.run_shapes(small_bytes, config=Config(claims=claims), repeat=repeat)
    if as_json:
        for r in results:
            out.write(json.dumps({**r._asdict(), "growth": round(r.growth, 2)}) + "\n")
    else:
        out.write(shapes.format_shapes(results) + "\n")
    return 0

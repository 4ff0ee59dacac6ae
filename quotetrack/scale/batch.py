"""The batch commands' work: ``extract`` and ``claims`` over many documents (on ``--jobs``
processes, with the progress bar and summary line, into any format or Parquet), and
``quotetrack spark``.  :mod:`quotetrack.cli` parses and checks the options, then calls
:func:`run` or :func:`run_spark`.
"""
from __future__ import annotations

import sys
from typing import Any, Callable, Iterator, Sequence

from ..claims.units import ranked
from ..config import Config
from ..errors import EXIT_FAILED, EXIT_OK, MissingExtra, report, require
from ..model import Claim, Document
from ..read import inputs as reader
from ..write import output
from . import jobs as pool
from . import progress

PARQUET = "parquet"
PARQUET_MODULE = "quotetrack.write.parquet"     # needs pyarrow (the archive extra)
SPARK_MODULE = "quotetrack.scale.spark"         # needs pyspark (the spark extra)


def optional(module: str, extra: str) -> Any:
    """A module of ours that imports an extra's library, or None after a one-line report."""
    try:
        return require(module, extra)
    except MissingExtra as exc:
        report(module.rsplit(".", 1)[-1], str(exc))
        return None


def run(args: Any, config: Config, claims: bool = False, seen: Any = None) -> int:
    """Read ``args.paths``, extract, write ``args.format`` (Parquet under ``args.output``);
    the summary line goes to stderr when the progress bar is shown.  1 if any input failed.
    ``seen``: the claims a ledger holds already (``claims --against``)."""
    parquet = optional(PARQUET_MODULE, "archive") if args.format == PARQUET else None
    if args.format == PARQUET and parquet is None:
        return EXIT_FAILED
    tally = progress.Tally()
    show = progress.wanted(sys.stderr, not args.progress)
    docs = documents(args.paths, args.input_format, config, tally, args.encoding, args.jobs, show)
    if parquet is not None:
        try:
            parquet.write(docs, args.output, claim_chooser(args) if claims else None)
        except OSError as exc:
            report(args.output, exc.strerror or str(exc))
            return EXIT_FAILED
    elif claims:
        output.write_claims(args.format, docs, sys.stdout, table_style=args.table_style,
                            explain=args.explain, threshold=args.threshold,
                            everything=args.everything, width=args.width, excel=args.excel,
                            seen=seen)
    else:
        output.write(args.format, docs, sys.stdout, table_style=args.table_style, width=args.width,
                     excel=args.excel)
    sys.stdout.flush()
    if show:
        print(tally.line(), file=sys.stderr)
    return EXIT_FAILED if tally.failures else EXIT_OK


def claim_chooser(args: Any) -> Callable[[Document], list[Claim]]:
    """A document's claims as ``claims`` shows them (``--threshold``, ``--all``), ranked."""
    def chosen(doc: Document) -> list[Claim]:
        return ranked(doc.claims, args.threshold, args.everything)
    return chosen


def documents(paths: Sequence[str], input_format: str | None, config: Config, tally: progress.Tally,
              encoding: str | None = None, jobs: int = 1, show: bool = False) -> Iterator[Document]:
    """Documents extracted from ``paths`` in input order, on ``jobs`` processes (0: every core);
    each input or document that fails is reported and counted in ``tally``.

    With ``input_format="transcript"`` each input is parsed as a transcript (its turns
    become the quotes); one that is not a transcript is reported with what is wrong.
    Without ``input_format``, a text file that looks like a transcript ('SPEAKER: text' lines
    or the TSV layout, :func:`~quotetrack.read.transcript.looks_like_transcript`) is read as
    one; a JSON Lines record stays an article (4 of PolNeAR's 840 interviews look like one).
    A document that makes the pipeline fail is reported as an internal error and
    skipped, so one bad article does not stop a batch.  ``show`` draws a progress bar.
    Reading notes ("read as Windows-1252") are reported as the inputs are read.
    """
    skipped: dict[str, int] = {}

    def read() -> Iterator[reader.Item]:
        for item in reader.iter_inputs(paths, input_format, encoding, skipped):
            for note in getattr(item, "notes", ()):
                report(item.doc_id, f"warning: {note}")
            yield item

    transcript = True if input_format == "transcript" else (None if input_format is None else False)
    results = pool.run(read(), config, jobs, transcript=transcript)
    for result in progress.bar(results, sys.stderr, show):
        if isinstance(result, reader.InputError):
            tally.failures += 1
            report(result.source, result.message)
        elif isinstance(result, pool.Failure):
            tally.failures += 1
            report(result.doc_id, result.message)
        else:
            tally.documents += 1
            tally.quotes += len(result.quotes)
            yield result
        tally.skipped = sum(skipped.values())


def results_reader(paths: Sequence[str], is_results: Callable[[str], bool]) -> tuple[bool, Any]:
    """(True, the Parquet reader) when ``track add`` is given results files, (True, None)
    when it is not, (False, None) after reporting that pyarrow is missing."""
    if not any(is_results(p) for p in paths):
        return True, None
    parquet = optional(PARQUET_MODULE, "archive")
    return parquet is not None, parquet and parquet.stored_documents


def run_spark(args: Any) -> int:
    """``quotetrack spark``: the job, its summary on stdout, the first errors on stderr."""
    spark = optional(SPARK_MODULE, "spark")
    if spark is None:
        return EXIT_FAILED
    try:
        counts = spark.run(args.inputs, args.output, master=args.master, what=args.what,
                           partitions=args.partitions)
    except spark.SparkInputError as exc:
        report("spark", str(exc))
        return EXIT_FAILED
    for source, message in counts["first_errors"]:
        report(source, message)
    if counts["errors"] > len(counts["first_errors"]):
        report(args.output, f"{counts['errors']:,} errors in all, in {args.output}/errors")
    print(spark.summary(counts))
    return EXIT_FAILED if counts["errors"] else EXIT_OK

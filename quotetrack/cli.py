"""The command line: ``quotetrack extract|eval|bench|check``.

:func:`create_parser` builds the argparse parser; :func:`main` runs it and
returns the exit code: 0 on success, 1 when an input or file could not be
used (each reported on stderr as ``quotetrack: FILE: what is wrong``), 2 for a
usage error.  Each subcommand is one ``cmd_*`` function taking the parsed
arguments.  Nothing is imported or read until a command runs.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator, Sequence

PROG = "quotetrack"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141     # 128 + SIGPIPE, what a shell reports for `yes | head`
EXIT_INTERRUPTED = 130     # 128 + SIGINT


class UsageError(Exception):
    """A bad combination of options found after parsing; reported like an argparse error."""


def report(source: str, message: str) -> None:
    """Print ``quotetrack: SOURCE: message`` on stderr (after what stdout has so far)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    print(f"{PROG}: {source}: {message}", file=sys.stderr)


def positive_int(value: str) -> int:
    """An argparse type: a whole number >= 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


# --- the parser --------------------------------------------------------------------------------

def create_parser() -> argparse.ArgumentParser:
    """The argument parser of ``quotetrack`` and its subcommands."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG, description="Who said what: quotations and reported speech in English news.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_extract(commands)
    _add_eval(commands)
    _add_bench(commands)
    _add_check(commands)
    return parser


def _add_extract(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "extract", help="find quotes and reported speech in texts",
        description="Find quotes and reported speech. PATH is a file, a directory "
                    "(*.txt and *.md, recursively), a .jsonl file of {\"doc_id\", \"text\"} "
                    "records, or - for standard input.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, .jsonl file or -")
    from .output import DEFAULT_TABLE_STYLE, FORMATS
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="output format (default: table)")
    p.add_argument("--table-style", default=DEFAULT_TABLE_STYLE, metavar="STYLE",
                   help="tabulate style for --format table: simple, grid, github, psql, ... "
                        "(default: simple)")
    p.add_argument("--input-format", choices=("text", "jsonl"), default=None,
                   help="read every file (and stdin) as this format instead of guessing "
                        "from the name (default: .jsonl is JSON Lines, anything else text)")
    p.add_argument("--attributions", choices=("speech", "all"), default="speech",
                   help="speech: quotes and reported speech (default); all: also "
                        "attributed thoughts, intentions and evidence")
    p.add_argument("--no-indirect", dest="indirect", action="store_false",
                   help="leave out indirect (paraphrased) speech")
    p.add_argument("--no-floating", dest="floating", action="store_false",
                   help="do not give a cue-less quote the speaker of the quote before it")
    p.set_defaults(func=cmd_extract, parser=p)


def _add_eval(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "eval", help="score predictions against gold annotations",
        description="Score predictions against gold JSON Lines (precision, recall, F1).")
    p.add_argument("gold", metavar="GOLD", help="gold annotations (JSON Lines file or directory)")
    p.add_argument("--pred", metavar="PRED",
                   help="predictions (JSON Lines); default: run extraction on the gold texts")
    p.add_argument("--json", action="store_true", help="write the scores as JSON")
    p.add_argument("--merge-floating", action="store_true",
                   help="merge floating quotes into the quote they follow before scoring "
                        "(PolNeAR annotates a cue-less continuation as a fragment of one attribution)")
    p.add_argument("--raw-gold-kinds", action="store_true",
                   help="keep gold kinds as stored; by default an 'indirect' gold item quoted with "
                        "typewriter marks (''…'') is scored as direct or mixed")
    p.add_argument("--by-rule", action="store_true", help="break scores down by rule")
    p.add_argument("--errors", metavar="FILE",
                   help="write the misses and false alarms to FILE (JSON Lines)")
    p.add_argument("--limit", type=positive_int, metavar="N",
                   help="score only the first N gold documents")
    p.set_defaults(func=cmd_eval, parser=p)


def _add_bench(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "bench", help="time extraction",
        description="Time extraction over texts (default: the corpus/ articles) and "
                    "report speed and memory.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="file, directory, .jsonl file or -")
    p.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                   help="extract each document N times and keep the fastest (default: 1)")
    p.add_argument("--json", action="store_true", help="write the report as JSON")
    p.set_defaults(func=cmd_bench, parser=p)


# The formats `check` writes (check.CHECK_FORMATS; named here so building the parser imports nothing).
CHECK_FORMATS = ("table", "json", "csv")


def _add_check(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "check", help="check a draft's quotes before filing",
        description="Check drafts before filing: quotes with no speaker, unclear or missing "
                    "antecedents of he/she, unbalanced quote marks, names spelt or titled two "
                    "ways; with --source, every quote held against what was really said. "
                    "Findings come out like a compiler's (FILE:LINE:COL: SEVERITY[VERDICT] "
                    "message); the exit status is 1 when any is an error.")
    p.add_argument("drafts", nargs="*", metavar="DRAFT",
                   help="draft file, directory (*.txt, *.md), .jsonl file or -")
    p.add_argument("--source", action="append", default=[], metavar="FILE",
                   help="a transcript, press release or earlier story to hold the draft's quotes "
                        "against (repeat for several)")
    p.add_argument("--format", choices=CHECK_FORMATS, default="table",
                   help="table: one compiler-style line per finding (default); json: one JSON "
                        "object per finding per line; csv: a header, then one row per finding")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 on warnings too, not only on errors")
    p.add_argument("--self-test", nargs="*", metavar="SOURCE", default=None,
                   help="instead of checking, run the mutation self-test on these sources "
                        "(default: the DRAFT arguments, else the corpus/ articles)")
    p.set_defaults(func=cmd_check, parser=p)


# --- main ----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = create_parser()
    try:
        args = parser.parse_args(argv)
        try:
            return args.func(args)
        except UsageError as exc:
            args.parser.error(str(exc))     # prints usage, exits 2
    except SystemExit as exc:               # argparse errors, --help, --version
        return _exit_code(exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:                 # e.g. `quotetrack extract ... | head`
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    return EXIT_USAGE  # pragma: no cover  (parser.error never returns)


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return EXIT_FAILED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass                                # not a real file (tests): nothing to silence


# --- extract --------------------------------------------------------------------------------------

def make_config(args: argparse.Namespace):
    """The :class:`~quotetrack.config.Config` the options ask for; a bad one is a usage error."""
    from .config import Config, ConfigError
    try:
        return Config(attributions=args.attributions, indirect=args.indirect,
                      floating=args.floating)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def cmd_extract(args: argparse.Namespace) -> int:
    """Read each input, extract, write, and go on to the next; 1 if any input failed."""
    from . import output

    config = make_config(args)
    try:
        output.check_table_style(args.table_style)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    failures = [0]
    docs = extract_documents(args.paths, args.input_format, config, failures)
    output.write(args.format, docs, sys.stdout, table_style=args.table_style)
    sys.stdout.flush()
    return EXIT_FAILED if failures[0] else EXIT_OK


def extract_documents(paths: Sequence[str], input_format: str | None, config,
                      failures: list[int]) -> Iterator:
    """Documents extracted from ``paths`` one at a time; each failure is reported and counted.

    A document that makes the pipeline fail is reported as an internal error and
    skipped, so one bad article does not stop a batch.
    """
    from . import pipeline, reader

    for item in reader.iter_inputs(paths, input_format):
        if isinstance(item, reader.InputError):
            failures[0] += 1
            report(item.source, item.message)
            continue
        try:
            doc = pipeline.extract(item.text, doc_id=item.doc_id, config=config, meta=item.meta)
        except Exception as exc:   # noqa: BLE001 - a pipeline bug must not end the batch
            failures[0] += 1
            report(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")
            continue
        yield doc


# --- eval ------------------------------------------------------------------------------------------

def cmd_eval(args: argparse.Namespace) -> int:
    """Score with :func:`quotetrack.evaluate.run` (imported only now)."""
    try:
        from . import evaluate
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.evaluate":
            raise
        report("eval", "the evaluation module (quotetrack/evaluate.py) is not available")
        return EXIT_FAILED
    try:
        code = evaluate.run(args.gold, pred=args.pred, as_json=args.json,
                            merge_floating=args.merge_floating, by_rule=args.by_rule,
                            raw_gold_kinds=args.raw_gold_kinds,
                            errors=args.errors, limit=args.limit, out=sys.stdout)
    except BrokenPipeError:
        raise
    except OSError as exc:
        report(exc.filename or args.gold, exc.strerror or str(exc))
        return EXIT_FAILED
    return int(code or 0)


# --- bench -----------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    """Time extraction with :func:`quotetrack.bench.run`."""
    from . import bench
    return bench.run(args.paths, repeat=args.repeat, as_json=args.json, out=sys.stdout)


# --- check -----------------------------------------------------------------------------------------

def cmd_check(args: argparse.Namespace) -> int:
    """Check each draft (against the sources, if any) and write its findings as they come; 1 if
    any finding is an error (or, with --strict, a warning) or any file could not be read."""
    if args.self_test is not None:
        from . import selftest
        return selftest.run(args.self_test or args.drafts, sys.stdout)
    if not args.drafts:
        raise UsageError("give at least one DRAFT to check (or --self-test)")
    from . import check, reader

    failures = 0
    sources = []
    if args.source:
        from . import verify
        for path in args.source:
            try:
                sources.append(verify.load_source(path))
            except verify.SourceError as exc:
                failures += 1
                report(path, str(exc))
    writer = check.FindingWriter(args.format, sys.stdout)
    counts = check.tally(())
    for item in reader.iter_inputs(args.drafts):
        if isinstance(item, reader.InputError):
            failures += 1
            report(item.source, item.message)
            continue
        try:
            findings = check.check(item.text, item.doc_id, sources)
        except Exception as exc:   # noqa: BLE001 - a bug on one draft must not end the batch
            failures += 1
            report(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")
            continue
        writer.write(findings)
        check.tally(findings, counts)
    sys.stdout.flush()
    print(check.summary(counts), file=sys.stderr)
    return EXIT_FAILED if failures or check.fails(counts, args.strict) else EXIT_OK

"""The command line: ``quotetrack extract|claims|eval|eval-claims|bench``.

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


def unit_float(value: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} must be from 0 to 1")
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
    _add_claims(commands)
    _add_eval(commands)
    _add_eval_claims(commands)
    _add_bench(commands)
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
    _add_input_format(p)
    p.add_argument("--attributions", choices=("speech", "all"), default="speech",
                   help="speech: quotes and reported speech (default); all: also "
                        "attributed thoughts, intentions and evidence")
    p.add_argument("--no-indirect", dest="indirect", action="store_false",
                   help="leave out indirect (paraphrased) speech")
    p.add_argument("--no-floating", dest="floating", action="store_false",
                   help="do not give a cue-less quote the speaker of the quote before it")
    p.set_defaults(func=cmd_extract, parser=p)


def _add_input_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input-format", choices=("text", "jsonl", "transcript"), default=None,
                   help="read every file (and stdin) as this format instead of guessing "
                        "from the name (default: .jsonl is JSON Lines, anything else text); "
                        "transcript: 'SPEAKER: text' lines or a TSV of line, speaker, text[, label]")


def unit_interval(value: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be between 0 and 1")
    return number


def _add_claims(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "claims", help="rank the check-worthy claims in texts",
        description="Rank the check-worthy claims of each text: who made each one (the speaker "
                    "of the quote it sits in, or (article) for the narrative), its types, a score "
                    "from 0 to 1, its numbers and its position. PATH is as for extract.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory, .jsonl file or -")
    from .output import DEFAULT_TABLE_STYLE, FORMATS
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="output format (default: table)")
    p.add_argument("--table-style", default=DEFAULT_TABLE_STYLE, metavar="STYLE",
                   help="tabulate style for --format table (default: simple)")
    _add_input_format(p)
    p.add_argument("--explain", action="store_true",
                   help="show the rules that fired for each claim, with their weights")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="show every statement, not only the check-worthy ones")
    p.add_argument("--threshold", type=unit_interval, metavar="X",
                   help="a claim is check-worthy when its score is at least X "
                        "(default: the scorer's own threshold)")
    p.set_defaults(func=cmd_claims, parser=p)


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


def _add_eval_claims(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "eval-claims", help="measure the claim scorer on labelled sentences or debates",
        description="Measure the claim scorer. PATH is a .jsonl file of {\"id\", \"text\", "
                    "\"label\"} sentences (precision, recall and F1 of the check-worthy class "
                    "at the threshold), or a CLEF debate .tsv (line, speaker, text, label) or a "
                    "directory of them (mean average precision and precision at 5/10/20 of "
                    "each debate's ranking).")
    p.add_argument("path", metavar="PATH", help=".jsonl file, .tsv file or directory of .tsv")
    p.add_argument("--threshold", type=unit_float, metavar="X",
                   help="score at or above which a sentence counts as check-worthy "
                        "(.jsonl only; default: the scorer's default threshold)")
    p.add_argument("--sentence-only", action="store_true",
                   help="rank debate lines by sentence score alone, without lowering the "
                        "lines of questioners (moderators, interviewers)")
    p.add_argument("--json", action="store_true", help="write the scores as JSON")
    p.set_defaults(func=cmd_eval_claims, parser=p)


def _add_bench(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "bench", help="time extraction",
        description="Time extraction over texts (default: the corpus/ articles) and "
                    "report speed and memory.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="file, directory, .jsonl file or -")
    p.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                   help="extract each document N times and keep the fastest (default: 1)")
    p.add_argument("--json", action="store_true", help="write the report as JSON")
    p.add_argument("--claims", action=argparse.BooleanOptionalAction, default=True,
                   help="time the claims stage with extraction (default) or, with --no-claims, "
                        "extraction alone")
    p.set_defaults(func=cmd_bench, parser=p)


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
    """The :class:`~quotetrack.config.Config` the options ask for; a bad one is a usage error.

    ``extract`` does not show claims, so the claims stage is off."""
    from .config import Config, ConfigError
    try:
        return Config(attributions=args.attributions, indirect=args.indirect,
                      floating=args.floating, claims=False)
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

    With ``input_format="transcript"`` each input is parsed as a transcript (its turns
    become the quotes); one that is not a transcript is reported with what is wrong.
    A document that makes the pipeline fail is reported as an internal error and
    skipped, so one bad article does not stop a batch.
    """
    from . import pipeline, reader

    from .transcript import TranscriptError

    transcript = input_format == "transcript"
    for item in reader.iter_inputs(paths, input_format):
        if isinstance(item, reader.InputError):
            failures[0] += 1
            report(item.source, item.message)
            continue
        try:
            if transcript:
                doc = pipeline.extract_transcript(item.text, doc_id=item.doc_id, config=config,
                                                  meta=item.meta)
            else:
                doc = pipeline.extract(item.text, doc_id=item.doc_id, config=config, meta=item.meta)
        except TranscriptError as exc:
            failures[0] += 1
            report(item.doc_id, str(exc))
            continue
        except Exception as exc:   # noqa: BLE001 - a pipeline bug must not end the batch
            failures[0] += 1
            report(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")
            continue
        yield doc


# --- claims ----------------------------------------------------------------------------------------

def cmd_claims(args: argparse.Namespace) -> int:
    """Extract with the claims stage on and write each document's ranked claims."""
    from . import output
    from .config import Config

    try:
        output.check_table_style(args.table_style)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    failures = [0]
    docs = extract_documents(args.paths, args.input_format, Config(claims=True), failures)
    output.write_claims(args.format, docs, sys.stdout, table_style=args.table_style,
                        explain=args.explain, threshold=args.threshold, everything=args.everything)
    sys.stdout.flush()
    return EXIT_FAILED if failures[0] else EXIT_OK


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


# --- eval-claims ----------------------------------------------------------------------------------

def cmd_eval_claims(args: argparse.Namespace) -> int:
    """Measure the claim scorer with :func:`quotetrack.claims_eval.run`."""
    from . import claims_eval
    sentences = args.path.endswith(".jsonl")
    if args.threshold is not None and not sentences:
        raise UsageError("--threshold applies to a .jsonl file of sentences, not to debates")
    if args.sentence_only and sentences:
        raise UsageError("--sentence-only applies to debates (.tsv), not to a .jsonl file")
    return claims_eval.run(args.path, threshold=args.threshold, as_json=args.json,
                           sentence_only=args.sentence_only, out=sys.stdout)


# --- bench -----------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    """Time extraction with :func:`quotetrack.bench.run`."""
    from . import bench
    return bench.run(args.paths, repeat=args.repeat, as_json=args.json, out=sys.stdout,
                     claims=args.claims)

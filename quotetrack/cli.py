"""The command line: ``quotetrack extract|claims|eval|eval-claims|bench|track|check``.

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

from .errors import (EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, PROG,
                     report)


class UsageError(Exception):
    """A bad combination of options found after parsing; reported like an argparse error."""


def positive_int(value: str) -> int:
    """An argparse type: a whole number >= 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


def encoding_name(value: str) -> str:
    """An argparse type: the name of a text encoding Python knows ("cp1252", "latin-1")."""
    import codecs
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def port_number(value: str) -> int:
    """An argparse type: a TCP port, 0 to 65535 (0: any free port)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} must be from 0 to 65535")
    return number


def positive_float(value: str) -> float:
    """An argparse type: a number above 0."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be more than 0")
    return number


def jobs_count(value: str) -> int:
    """An argparse type: a whole number >= 0 (0: every core)."""
    if value.strip().isdigit():
        return int(value)
    raise argparse.ArgumentTypeError(f"{value!r} must be 0 (every core) or more")


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
    _add_eval_matching(commands)
    _add_bench(commands)
    _add_track(commands)
    _add_check(commands)
    _add_serve(commands)
    _add_spark(commands)
    return parser


def _add_extract(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "extract", help="find quotes and reported speech in texts",
        description="Find quotes and reported speech. PATH is a file, a directory "
                    "(*.txt and *.md, recursively), a .jsonl file of {\"doc_id\", \"text\"} "
                    "records (also .jsonl.gz, .jsonl.bz2), a WARC or HTML file, or - for stdin.")
    from .write.output import FORMATS
    _add_document_options(p, FORMATS)
    p.add_argument("--attributions", choices=("speech", "all"), default="speech",
                   help="speech: quotes and reported speech (default); all: also "
                        "attributed thoughts, intentions and evidence")
    p.add_argument("--no-indirect", dest="indirect", action="store_false",
                   help="leave out indirect (paraphrased) speech")
    p.add_argument("--no-floating", dest="floating", action="store_false",
                   help="do not give a cue-less quote the speaker of the quote before it")
    p.set_defaults(func=cmd_extract, parser=p)


def _add_document_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """PATH..., --format, --table-style and --input-format: what extract and claims share."""
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, directory, .jsonl(.gz/.bz2), .warc(.gz) or .html file, or -")
    from .read.inputs import INPUT_FORMATS
    from .write.output import DEFAULT_TABLE_STYLE
    from .text.spans import QUOTE_WIDTH
    p.add_argument("--format", choices=(*formats, PARQUET), default="table",
                   help="output format (default: table)" + (
                       "; html: one self-contained page with each statement marked in its "
                       "speaker's colour" if "html" in formats else "")
                        + "; parquet: tables in --output DIR (the archive extra)")
    p.add_argument("--table-style", default=DEFAULT_TABLE_STYLE, metavar="STYLE",
                   help="tabulate style for --format table: simple, grid, github, psql, ... "
                        "(default: simple)")
    width = p.add_mutually_exclusive_group()
    width.add_argument("--width", type=positive_int, default=QUOTE_WIDTH, metavar="N",
                       help=f"cut quotes in --format table to N characters (default: {QUOTE_WIDTH})")
    width.add_argument("--full", dest="width", action="store_const", const=None,
                       help="do not cut quotes in --format table")
    _add_reading_options(p)
    p.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                   help="read every file (and stdin) as this format instead of guessing from the "
                        "name (default: .jsonl(.gz/.bz2) JSON Lines, .warc(.gz)/.html pages, else text); "
                        "transcript: 'SPEAKER: text' lines or a TSV of line, speaker, text[, label]")
    p.add_argument("--output", metavar="DIR", help="with --format parquet: the directory of the tables")
    _add_scale_options(p)


def _add_scale_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --no-progress: what extract, claims and track add share."""
    p.add_argument("--jobs", "-j", type=jobs_count, default=1, metavar="N", help="processes (0: all cores)")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar")


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    """--encoding and --excel: how files are read and how CSV is written."""
    p.add_argument("--encoding", type=encoding_name, metavar="NAME",
                   help="read text files and stdin in this encoding (default: UTF-8; a file that "
                        "is not UTF-8 but clean Windows-1252 is read as that, with a warning)")
    p.add_argument("--excel", action="store_true",
                   help="with --format csv: write a UTF-8 byte-order mark and CRLF line ends, "
                        "so that Excel shows curly quotes and accents")


def _add_claims(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "claims", help="rank the check-worthy claims in texts",
        description="Rank the check-worthy claims of each text: who made each one (the speaker "
                    "of the quote it sits in, or (article) for the narrative), its types, a score "
                    "from 0 to 1, its numbers and its position. PATH is as for extract.")
    from .write.output import CLAIM_FORMATS
    _add_document_options(p, CLAIM_FORMATS)
    p.add_argument("--explain", action="store_true",
                   help="show the rules that fired for each claim, with their weights")
    p.add_argument("--all", dest="everything", action="store_true",
                   help="show every statement, not only the check-worthy ones")
    p.add_argument("--threshold", type=unit_float, metavar="X",
                   help="a claim is check-worthy when its score is at least X "
                        "(default: the scorer's own threshold)")
    p.add_argument("--against", metavar="DB",
                   help="mark each claim made or checked before: its best match among the ledger's "
                        "claims and imported fact-checks, when it scores the matcher's threshold or more")
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
    p.add_argument("--resolution", action="store_true", help="GOLD is a speaker-resolution gold "
                   "(corpus/resolution/): accuracy by mention class and basis, and the found rate")
    p.add_argument("--texts", metavar="FILE", help="with --resolution: JSON Lines of {doc_id, text} "
                   "(default: ../shared/data/polnear/train.jsonl)")
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


def _add_eval_matching(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "eval-matching", help="measure the claim matcher on the CLEF CheckThat! claim-retrieval layout",
        description="Rank the verified claims VCLAIMS (id, vclaim, title; a header) for each query of "
                    "QUERIES (id, text; a header) with the claim matcher, and score the rankings against "
                    "QRELS (TREC: query_id 0 vclaim_id relevance): MAP@1, MAP@3, MAP@5, MRR and P@1, "
                    "averaged over every query (a query with no candidate counts 0).")
    p.add_argument("queries", metavar="QUERIES", help="tab-separated queries with a header: id, text")
    p.add_argument("qrels", metavar="QRELS", help="TREC qrels: query_id 0 vclaim_id relevance")
    p.add_argument("vclaims", metavar="VCLAIMS",
                   help="tab-separated verified claims with a header: id, vclaim, title")
    p.add_argument("--run", metavar="FILE",
                   help="also write a TREC run file: qid Q0 vclaim_id rank score tag (top 5 a query)")
    p.add_argument("--json", action="store_true", help="write the scores as JSON")
    p.set_defaults(func=cmd_eval_matching, parser=p)


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
    p.add_argument("--shapes", action="store_true", help="instead of PATHs, time odd document "
                   "shapes at two sizes 8x apart (linear time grows about 8x)")
    p.add_argument("--shape-bytes", type=positive_int, metavar="N", help="with --shapes: the smaller size")
    p.add_argument("--save-shapes", metavar="DIR", help="with --shapes: write them to DIR, untimed")
    p.set_defaults(func=cmd_bench, parser=p)


def iso_date(value: str) -> str:
    """An argparse type: a day written YYYY-MM-DD."""
    from .ledger.rows import iso_day
    day = iso_day(value)
    if day is None or len(value.strip()) != 10:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD")
    return day


def _add_track(commands: argparse._SubParsersAction) -> None:
    from .ledger import parser as track_parser
    track_parser.add_track(commands, {
        "add": cmd_track_add, "speakers": cmd_track_speakers, "claims": cmd_track_claims,
        "repeats": cmd_track_repeats, "export": cmd_track_export, "import-checks": cmd_track_import_checks,
        "match": cmd_track_match, "alias": cmd_track_alias,
    }, {"iso_date": iso_date, "encoding": encoding_name, "count": positive_int, "share": unit_float,
       "jobs": jobs_count})


def _add_check(commands: argparse._SubParsersAction) -> None:
    from .write.findings import CHECK_FORMATS
    p = commands.add_parser(
        "check", help="check a draft's quotes before filing",
        description="Check drafts before filing: quotes with no speaker, unclear or missing "
                    "antecedents of he/she, unbalanced quote marks, names spelt or titled two "
                    "ways; with --source, every quote held against what was really said. "
                    "Findings come out like a compiler's (FILE:LINE:COL: SEVERITY[VERDICT] "
                    "message); the exit status is 1 when any is an error.")
    p.add_argument("drafts", nargs="*", metavar="DRAFT",
                   help="draft file, directory (*.txt, *.md), .jsonl file or -")
    p.add_argument("--source", action="append", default=[], metavar="[LABEL=]FILE",
                   help="a transcript, press release or earlier story to hold the draft's quotes "
                        "against (repeat for several); with LABEL= a quote whose sentence names "
                        "LABEL (\"briefing=transcript.txt\": \"…,\" she said at the briefing) "
                        "is cited to that file, and found-elsewhere if its words are in another")
    p.add_argument("--format", choices=CHECK_FORMATS, default="table",
                   help="table: one compiler-style line per finding (default); json: one JSON "
                        "object per finding per line; csv: a header, then one row per finding; html: one page "
                        "with each checked quote marked by severity")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 on warnings too, not only on errors")
    p.add_argument("--only-problems", action="store_true",
                   help="leave out info findings (verified quotes); the counts on stderr keep them")
    _add_reading_options(p)
    p.add_argument("--self-test", nargs="*", metavar="SOURCE", default=None,
                   help="instead of checking, run the mutation self-test on these sources "
                        "(default: the DRAFT arguments, else the corpus/ articles)")
    p.set_defaults(func=cmd_check, parser=p)


def _add_serve(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "serve", help="a local web page to check drafts and see statements (needs quotetrack[serve])",
        description="Serve a web page where an editor pastes or uploads a draft and its sources and "
                    "gets the check page and the extract page, and a JSON API beside it "
                    "(POST /api/extract, POST /api/check). Nothing is saved; no file is served.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this computer only)")
    p.add_argument("--port", type=port_number, default=8765, help="port to listen on (default: 8765)")
    p.add_argument("--max-size", type=positive_float, default=5.0, metavar="MB",
                   help="largest request accepted, in megabytes (default: 5); a larger one gets a 413")
    p.set_defaults(func=cmd_serve, parser=p)


PARQUET = "parquet"     # the columnar format of extract and claims (quotetrack.write.parquet)


def _add_spark(commands: argparse._SubParsersAction) -> None:
    from .scale import parser as spark_parser
    spark_parser.add_spark(commands, cmd_spark, positive_int)


# --- main ----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    parser = create_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:                           # the subcommand's usage, not the top level's
            args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
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
    return _run_documents(args, make_config(args))


def cmd_claims(args: argparse.Namespace) -> int:
    """Extract with the claims stage on and write each document's ranked claims."""
    from .config import Config
    ledger = seen = None
    if args.against is not None:
        from .ledger import matches
        from .ledger.schema import LedgerError
        from .ledger.store import Ledger
        try:
            ledger = Ledger(args.against, create=False)
        except LedgerError as exc:
            report(args.against, str(exc))
            return EXIT_FAILED
        seen = matches.seen_before(ledger.conn)
    try:
        return _run_documents(args, Config(claims=True), claims=True, seen=seen)
    finally:
        if ledger is not None:
            ledger.close()


def _run_documents(args: argparse.Namespace, config, claims: bool = False, seen=None) -> int:
    """extract and claims: :func:`quotetrack.scale.batch.run` once the options agree."""
    if (args.format == PARQUET) != (args.output is not None):
        raise UsageError("--format parquet needs --output DIR" if args.format == PARQUET
                         else "--output DIR goes with --format parquet")
    if args.format != PARQUET:
        _table_style(args), _excel(args)
    from .scale import batch
    return batch.run(args, config, claims, seen)


# --- eval ------------------------------------------------------------------------------------------

def cmd_eval(args: argparse.Namespace) -> int:
    """Score with :func:`quotetrack.evaluation.attribution.run` (imported only now)."""
    try:
        from .evaluation import attribution as evaluate
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.evaluate":
            raise
        report("eval", "the evaluation module (quotetrack/evaluation/attribution.py) is not available")
        return EXIT_FAILED
    try:
        if args.resolution or args.texts is not None:    # speaker resolution: eval --resolution GOLD
            from .evaluation import resolution
            unused = [f for f in ("merge_floating", "by_rule", "raw_gold_kinds") if getattr(args, f)]
            return resolution.run(args.gold, args.texts, args.json, args.errors, args.limit, sys.stdout,
                                  args.pred, unused if args.resolution else None)
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
    """Measure the claim scorer with :func:`quotetrack.evaluation.claims.run`."""
    from .evaluation import claims as claims_eval
    sentences = args.path.endswith(".jsonl")
    if args.threshold is not None and not sentences:
        raise UsageError("--threshold applies to a .jsonl file of sentences, not to debates")
    if args.sentence_only and sentences:
        raise UsageError("--sentence-only applies to debates (.tsv), not to a .jsonl file")
    return claims_eval.run(args.path, threshold=args.threshold, as_json=args.json,
                           sentence_only=args.sentence_only, out=sys.stdout)


# --- eval-matching ------------------------------------------------------------------------------

def cmd_eval_matching(args: argparse.Namespace) -> int:
    """Measure the claim matcher with :func:`quotetrack.evaluation.retrieval.run`."""
    from .evaluation import retrieval
    return retrieval.run(args.queries, args.qrels, args.vclaims, run_path=args.run, as_json=args.json,
                         out=sys.stdout)


# --- bench -----------------------------------------------------------------------------------------

def cmd_bench(args: argparse.Namespace) -> int:
    """Time extraction with :func:`quotetrack.evaluation.bench.run`."""
    from .evaluation import bench
    if (args.shapes and args.paths) or (not args.shapes and (args.shape_bytes or args.save_shapes)):
        args.parser.error("--shapes takes no PATH" if args.shapes else "--shape-bytes and --save-shapes go with --shapes")
    if args.shapes:
        return bench.run_shapes(args.repeat, args.json, sys.stdout, args.claims, args.shape_bytes, args.save_shapes)
    return bench.run(args.paths, repeat=args.repeat, as_json=args.json, out=sys.stdout,
                     claims=args.claims)


# --- track -----------------------------------------------------------------------------------------

def _db(args: argparse.Namespace) -> str:
    from .ledger.rows import default_path
    return args.db or default_path()


def _excel(args: argparse.Namespace) -> None:
    """--excel is for CSV only: a usage error with another format."""
    if args.excel and args.format != "csv":
        raise UsageError(f"--excel applies to --format csv, not --format {args.format}")


def _table_style(args: argparse.Namespace) -> str:
    from .write import output
    try:
        output.check_table_style(args.table_style)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return args.table_style


def cmd_track_add(args: argparse.Namespace) -> int:
    """``track add``: extract and store, one document a transaction."""
    from .ledger import track
    from .config import Config
    from .scale import batch
    ok, stored = batch.results_reader(args.paths, track.is_results_file)
    return EXIT_FAILED if not ok else track.run_add(args.paths, _db(args), args.input_format, Config(), sys.stdout, sys.stderr,
                         args.encoding, jobs=args.jobs, stored=stored, progress=args.progress)


def cmd_track_speakers(args: argparse.Namespace) -> int:
    """``track speakers``: every speaker and its names."""
    from .ledger import track
    return track.run_speakers(_db(args), sys.stdout, _table_style(args))


def cmd_track_claims(args: argparse.Namespace) -> int:
    """``track claims``: the stored claims, filtered."""
    from .ledger import track
    return track.run_claims(_db(args), sys.stdout, _table_style(args), speaker=args.speaker,
                            since=args.since, until=args.until, outlet=args.outlet,
                            min_score=args.min_score, everything=args.everything)


def cmd_track_repeats(args: argparse.Namespace) -> int:
    """``track repeats``: claims made again, by whom and where; changed numbers."""
    from .claims import match
    from .ledger import track
    similarity = match.repeat_threshold() if args.min_similarity is None else args.min_similarity
    if not 0 < similarity <= 1:
        raise UsageError(f"--min-similarity {similarity} must be more than 0 and at most 1")
    return track.run_repeats(_db(args), sys.stdout, _table_style(args), similarity,
                             min_score=args.min_score, everything=args.everything,
                             as_json=args.format == "jsonl")


def cmd_track_export(args: argparse.Namespace) -> int:
    """``track export``: claims or quotes as CSV or JSON Lines."""
    from .ledger import track
    return track.run_export(_db(args), sys.stdout, args.format, args.what, speaker=args.speaker,
                            since=args.since, until=args.until, outlet=args.outlet,
                            min_score=args.min_score, everything=args.everything)


def cmd_track_import_checks(args: argparse.Namespace) -> int:
    """``track import-checks FILE…``: fact-checks into the ledger."""
    from .ledger import track
    return track.run_import_checks(args.paths, _db(args), args.format, sys.stdout)


def cmd_track_match(args: argparse.Namespace) -> int:
    """``track match TEXT`` or ``--file ARTICLE``: earlier claims and fact-checks that match."""
    from .ledger import track
    if (args.text is None) == (args.file is None):
        raise UsageError("give either TEXT or --file ARTICLE")
    style = _table_style(args)
    kinds = {"claims": ("claim",), "checks": ("check",), None: ("claim", "check")}[args.only]
    if args.text is not None:
        queries = [args.text]
    else:
        from .config import Config
        from .scale import batch, progress
        tally = progress.Tally()
        docs = list(batch.documents([args.file], None, Config(claims=True), tally))
        if tally.failures:
            return EXIT_FAILED
        queries = [c.text for d in docs for c in d.claims if c.rating.check_worthy]
    return track.run_match(_db(args), queries, sys.stdout, args.format, style, limit=args.limit,
                           min_score=args.min_score, kinds=kinds)


def cmd_track_alias(args: argparse.Namespace) -> int:
    """``track alias OLD NEW``: merge or rename speakers."""
    from .ledger import track
    return track.run_alias(_db(args), args.old, args.new, sys.stdout)


def cmd_spark(args: argparse.Namespace) -> int:
    """``quotetrack spark``: the job (:func:`quotetrack.scale.batch.run_spark`)."""
    from .scale import batch
    return batch.run_spark(args)


# --- check -----------------------------------------------------------------------------------------

def split_label(value: str) -> tuple[str | None, str]:
    """``--source`` value -> (label, path): "briefing=t.txt" -> ("briefing", "t.txt"); a value
    that is itself an existing file, or has no "=", has no label."""
    label, sep, path = value.partition("=")
    if not sep or not label.strip() or not path or os.path.exists(value):
        return None, value
    return label.strip(), path


def cmd_check(args: argparse.Namespace) -> int:
    """Check each draft (against the sources, if any) and write its findings as they come; 1 if
    any finding is an error (or, with --strict, a warning) or any file could not be read."""
    if args.self_test is not None:
        from .check import selftest
        return selftest.run(args.self_test or args.drafts, sys.stdout)
    if not args.drafts:
        raise UsageError("give at least one DRAFT to check (or --self-test)")
    _excel(args)
    from .check import drafts as check
    from .write.findings import FindingWriter, fails, summary, tally
    from .read import inputs as reader

    failures = 0
    sources = []
    labels: dict[str, str] = {}
    if args.source:
        from .check import verify
        for value in args.source:
            label, path = split_label(value)
            try:
                sources.append(verify.load_source(path, args.encoding))
            except verify.SourceError as exc:
                failures += 1
                report(path, str(exc))
                continue
            for note in sources[-1].notes:
                report(path, f"warning: {note}")
            if label:
                labels[label] = sources[-1].name
    page = args.format == "html"          # the page is written once every draft is checked
    writer = None if page else FindingWriter(args.format, sys.stdout, args.excel)
    checked = []
    counts = tally(())
    for item in reader.iter_inputs(args.drafts, encoding=args.encoding):
        if isinstance(item, reader.InputError):
            failures += 1
            report(item.source, item.message)
            continue
        for note in item.notes:
            report(item.doc_id, f"warning: {note}")
        try:
            findings = check.check(item.text, item.doc_id, sources, labels=labels)
        except Exception as exc:   # noqa: BLE001 - a bug on one draft must not end the batch
            failures += 1
            report(item.doc_id, f"internal error: {type(exc).__name__}: {exc}")
            continue
        tally(findings, counts)
        if args.only_problems:
            findings = [f for f in findings if f.severity != "info"]
        if page:
            checked.append((item.doc_id, item.text, findings))
        else:
            writer.write(findings)
    if page:
        from .write import html
        by_name = {s.name: s for s in sources}
        sys.stdout.write(html.check_page(
            [html.CheckedDraft(name, text, tuple(fs)) for name, text, fs in checked],
            lambda name, line: by_name[name].line_text(line) if name in by_name else None))
    sys.stdout.flush()
    print(summary(counts), file=sys.stderr)
    return EXIT_FAILED if failures or fails(counts, args.strict) else EXIT_OK


# --- serve -----------------------------------------------------------------------------------------

def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the web page and API until interrupted (Ctrl-C); 1 if the extra is missing or the
    address cannot be used."""
    try:
        from .serve import app
    except ModuleNotFoundError as exc:
        if exc.name not in ("flask", "waitress", "werkzeug"):
            raise
        report("serve", f"needs {exc.name}, which comes with the serve extra: pip install 'quotetrack[serve]'")
        return EXIT_FAILED
    print(f"{PROG}: serving http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        app.run(args.host, args.port, int(args.max_size * (1 << 20)))
    except OSError as exc:
        report(f"{args.host}:{args.port}", exc.strerror or str(exc))
        return EXIT_FAILED
    return EXIT_OK

"""The argparse parser of ``quotetrack`` and its subcommands."""
from __future__ import annotations

import argparse
from typing import Sequence

from ..errors import PROG
from .args import (encoding_name, iso_date, jobs_count, port_number, positive_float, positive_int,
                   unit_float)
from .track import add_track
from .commands import (


    cmd_bench, cmd_check, cmd_claims, cmd_eval, cmd_eval_claims, cmd_eval_matching, cmd_extract,
    PARQUET, cmd_serve, cmd_spark, cmd_track_add, cmd_track_alias, cmd_track_claims, cmd_track_export,
    cmd_track_import_checks, cmd_track_match, cmd_track_repeats, cmd_track_speakers)


# --- the parser --------------------------------------------------------------------------------

def create_parser() -> argparse.ArgumentParser:
    """The argument parser of ``quotetrack`` and its subcommands."""
    from .. import __version__

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
    from ..write.output import FORMATS
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
    from ..read.inputs import INPUT_FORMATS
    from ..write.output import DEFAULT_TABLE_STYLE
    from ..text.spans import QUOTE_WIDTH
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
                        "transcript: 'SPEAKER: text' lines or a TSV of line, speaker, text[, label]; "
                        "warc, html: read a directory's WARC or HTML files")
    p.add_argument("--output", metavar="DIR",
                   help="with --format parquet: the directory to write quotes.parquet, "
                        "documents.parquet (and, for claims, claims.parquet) to")
    _add_scale_options(p)


def _add_scale_options(p: argparse.ArgumentParser) -> None:
    """--jobs and --no-progress: what extract and claims share (track add has its own)."""
    p.add_argument("--jobs", "-j", type=jobs_count, default=1, metavar="N",
                   help="worker processes (0: every core; default 1); the output is the same")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar, even on a terminal")


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
    from ..write.output import CLAIM_FORMATS
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


def _add_track(commands: argparse._SubParsersAction) -> None:
    add_track(commands, {
        "add": cmd_track_add, "speakers": cmd_track_speakers, "claims": cmd_track_claims,
        "repeats": cmd_track_repeats, "export": cmd_track_export, "import-checks": cmd_track_import_checks,
        "match": cmd_track_match, "alias": cmd_track_alias,
    }, {"iso_date": iso_date, "encoding": encoding_name, "count": positive_int, "share": unit_float,
       "jobs": jobs_count})


def _add_check(commands: argparse._SubParsersAction) -> None:
    from ..write.findings import CHECK_FORMATS
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


def _add_spark(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "spark", help="extract on a Spark cluster (or every local core) into Parquet",
        description="Extract with Spark (the spark extra, Java 17) from JSON Lines, Parquet "
                    "(doc_id, text) or WARC/HTML files (readable from every worker) into Parquet "
                    "under DIR/quotes/, DIR/claims/ and DIR/errors/ (documents that could not "
                    "be processed; they never fail the job). See docs/spark.md.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl, .parquet, .warc(.gz) or .html")
    p.add_argument("--output", required=True, metavar="DIR", help="where to write the tables")
    p.add_argument("--master", metavar="URL",
                   help="local[*] (default: every core of this machine), local[N], "
                        "spark://HOST:7077 or yarn")
    p.add_argument("--what", choices=("quotes", "claims", "both"), default="both",
                   help="which tables to write (default: both)")
    p.add_argument("--partitions", type=positive_int, metavar="N",
                   help="repartition the documents into N partitions (default: as read, but at "
                        "least one a core)")
    p.set_defaults(func=cmd_spark, parser=p)

"""The arguments of ``quotetrack track`` and its sub-commands (argparse only).

:mod:`quotetrack.cli.parser` adds them, passing the function each sub-command runs and the
argument types it checks.
"""
from __future__ import annotations

import argparse
from typing import Any, Callable, Mapping



def add_track(commands: argparse._SubParsersAction, run: Mapping[str, Callable[..., int]],
              types: Mapping[str, Callable[[str], Any]]) -> None:
    """Add ``track`` and its sub-commands to ``commands``: ``run`` names the function each
    sub-command runs, ``types`` the argument types (iso_date, encoding, count, share)."""
    from ..ledger.paths import DB_ENVIRONMENT, DEFAULT_DB
    from ..write.output import DEFAULT_TABLE_STYLE
    p = commands.add_parser(
        "track", help="keep a ledger of quotes and claims across an archive",
        description="A ledger (one SQLite file) of the quotes and claims of many articles: "
                    "add articles, then list speakers and claims, find repeated claims, export.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="FILE", default=None,
                        help=f"the ledger file (default: ${DB_ENVIRONMENT} if set, "
                             f"else {DEFAULT_DB} in the working directory)")
    table = argparse.ArgumentParser(add_help=False)
    table.add_argument("--table-style", default=DEFAULT_TABLE_STYLE, metavar="STYLE",
                       help="tabulate style: simple, grid, github, ... (default: simple)")
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--speaker", metavar="NAME", help="only this speaker (any of its names)")
    filters.add_argument("--since", type=types["iso_date"], metavar="DATE", help="only documents dated on or after DATE")
    filters.add_argument("--until", type=types["iso_date"], metavar="DATE", help="only documents dated on or before DATE")
    filters.add_argument("--outlet", metavar="NAME", help="only documents of this outlet")
    scores = argparse.ArgumentParser(add_help=False)
    which = scores.add_mutually_exclusive_group()
    which.add_argument("--min-score", type=float, metavar="X",
                       help="claims scored X or more (default: the check-worthy ones)")
    which.add_argument("--all", dest="everything", action="store_true",
                       help="every stored claim, check-worthy or not")
    sub = p.add_subparsers(dest="track_command", metavar="COMMAND", required=True)

    a = sub.add_parser("add", parents=[common], help="extract articles and store them",
                       description="Extract quotes and claims from PATHs (files, directories, .jsonl "
                                   "records with outlet, date, url) and store them, one document a "
                                   "transaction. A text already stored is skipped; a new text for a "
                                   "stored url (else doc_id) replaces the old one.")
    a.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, directory, .jsonl file, - or the quotes.parquet (or claims.parquet) "
                        "of `extract`/`claims --format parquet`, stored without extracting again")
    a.add_argument("--input-format", choices=("text", "jsonl", "warc", "html"), default=None,
                   help="read every file as this format (default: by its name: .jsonl JSON Lines, "
                        ".warc/.html web pages, else text)")
    a.add_argument("--jobs", "-j", type=types["jobs"], default=1, metavar="N",
                   help="worker processes that extract (0: every core; default 1); this one stores")
    a.add_argument("--no-progress", dest="progress", action="store_false", help="no running count")
    a.add_argument("--encoding", type=types["encoding"], metavar="NAME",
                   help="read text files in this encoding (default: UTF-8; a file that is not UTF-8 "
                        "but clean Windows-1252 is read as that, with a warning)")
    a.set_defaults(func=run["add"], parser=a)

    s = sub.add_parser("speakers", parents=[common, table], help="list the speakers",
                       description="Every speaker with the names it was written as, and its counts.")
    s.set_defaults(func=run["speakers"], parser=s)

    c = sub.add_parser("claims", parents=[common, table, filters, scores], help="list the stored claims",
                       description="The stored check-worthy claims, oldest first.")
    c.set_defaults(func=run["claims"], parser=c)

    r = sub.add_parser("repeats", parents=[common, table, scores], help="claims made again, and changed numbers",
                       description="Claims made in two documents or more (two claims that the claim "
                                   "matcher finds from each other, paraphrase included), who made them "
                                   "where, and where a number changed.")
    r.add_argument("--min-similarity", type=float, default=None, metavar="X",
                   help="the share of each claim's rare wording, 0..1, that the other must cover to "
                        "be one claim (the matcher's bm25 over a claim's own, both ways; default: 0.9)")
    r.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format")
    r.set_defaults(func=run["repeats"], parser=r)

    e = sub.add_parser("export", parents=[common, filters, scores],
                       help="write claims or quotes as CSV or JSON Lines",
                       description="The stored check-worthy claims (or every quote) as CSV or JSON Lines "
                                   "on standard output.")
    e.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default: csv)")
    e.add_argument("--what", choices=("claims", "quotes"), default="claims",
                   help="what to export (default: claims)")
    e.set_defaults(func=run["export"], parser=e)

    i = sub.add_parser("import-checks", parents=[common], help="import fact-checks (ClaimReview, the lab's TSV)",
                       description="Import fact-checks into the ledger: ClaimReview (schema.org JSON-LD) "
                                   "as JSON (.json: a record, a list or an @graph), JSON Lines (.jsonl) or "
                                   "HTML pages holding the markup (.html), or the CLEF CheckThat! layout "
                                   "(.tsv: id, vclaim, title). A bad record is reported and the rest "
                                   "imported; importing a file again changes nothing.")
    i.add_argument("paths", nargs="+", metavar="FILE", help="a file of fact-checks")
    i.add_argument("--format", choices=("json", "jsonl", "html", "tsv"), default=None,
                   help="read every file as this format (default: by its extension)")
    i.set_defaults(func=run["import-checks"], parser=i)

    mt = sub.add_parser("match", parents=[common, table], help="has this claim been made or checked before?",
                        description="Rank the ledger's earlier claims and imported fact-checks for TEXT (or "
                                    "for each check-worthy claim of an article, with --file): score, the "
                                    "rules that fired, speaker, date, document and verdict.")
    mt.add_argument("text", nargs="?", metavar="TEXT", help="the claim to look for")
    mt.add_argument("--file", metavar="ARTICLE", help="look for each check-worthy claim of this article")
    mt.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                    help="output format (default: table)")
    mt.add_argument("--limit", type=types["count"], default=10, metavar="N", help="matches a query (default: 10)")
    mt.add_argument("--min-score", type=types["share"], default=0.0, metavar="X",
                    help="only matches scored X or more (default: 0)")
    mt.add_argument("--only", choices=("claims", "checks"), default=None,
                    help="only earlier claims, or only fact-checks")
    mt.set_defaults(func=run["match"], parser=mt)

    m = sub.add_parser("alias", parents=[common], help="merge or rename speakers",
                       description="Make OLD a name of NEW: two known speakers are merged into NEW; "
                                   "a known OLD is renamed NEW; a known NEW gets OLD as another name.")
    m.add_argument("old", metavar="OLD")
    m.add_argument("new", metavar="NEW")
    m.set_defaults(func=run["alias"], parser=m)

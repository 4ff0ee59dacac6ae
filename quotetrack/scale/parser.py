"""The ``quotetrack spark`` sub-command's arguments (cli builds the parser with it)."""
from __future__ import annotations

import argparse
from typing import Callable


def add_spark(commands: argparse._SubParsersAction, run: Callable[..., int],
              count: Callable[[str], int]) -> None:
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
    p.add_argument("--partitions", type=count, metavar="N",
                   help="repartition the documents into N partitions (default: as read, but at "
                        "least one a core)")
    p.set_defaults(func=run, parser=p)

"""quotetrack on a Spark cluster: ``quotetrack.scale.spark.extract_quotes(df)`` and
``extract_claims(df)``, and the ``quotetrack spark`` command.

Each function maps a DataFrame of documents (a text column and an id column; ``outlet``,
``url``, ``date`` and ``title`` pass through when present) to a DataFrame of quotes or
claims with the declared schema of the Parquet output (:mod:`quotetrack.write.parquet`)
plus an ``error`` column.  The work is ``mapInArrow``: one pipeline per partition, each
Arrow batch of documents extracted in the executor; nothing is collected to the driver.  A
document the pipeline cannot process becomes one row with only ``doc_id`` and ``error``
set, so a bad document never fails the job; ``quotetrack spark`` writes those rows to
``DIR/errors/``.

pyspark and pyarrow are an extra (``pip install 'quotetrack[spark]'``) and need Java 17.
"""
from __future__ import annotations

import os
import sys
import time
from functools import partial
from typing import Any, Iterator, Sequence

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from ..claims.units import ranked
from ..config import Config
from .. import pipeline
from ..read import archive
from ..write import parquet

META = ("outlet", "url", "date", "title")
ERROR = pa.field("error", pa.string())
# One row per document: its quotes and claims as lists, or the error that stopped it.
DOCUMENT = pa.schema([*parquet.DOCUMENT_FIELDS,
                      ("quotes", pa.list_(pa.struct(list(parquet.QUOTE_SCHEMA)))),
                      ("claims", pa.list_(pa.struct(list(parquet.CLAIM_SCHEMA)))), ERROR])
QUOTE_COLUMNS = [*parquet.QUOTE_SCHEMA.names, ERROR.name]
CLAIM_COLUMNS = [*parquet.CLAIM_SCHEMA.names, ERROR.name]
# What a document table read from JSON Lines holds (other fields are ignored).
INPUT_SCHEMA = "doc_id string, text string, outlet string, url string, date string, title string"
WHAT = ("quotes", "claims", "both")
ARROW_BATCH = 64            # documents in one Arrow batch handed to the pipeline in an executor
FIRST_ERRORS = 20           # errors `quotetrack spark` names on stderr (all are in DIR/errors)
# Spark's own logging for local sessions: errors only (data/spark/log4j2.properties).
LOG_CONFIG = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "spark",
                          "log4j2.properties")
WARC_ROW = pa.schema([("doc_id", pa.string()), ("text", pa.string()), ("outlet", pa.string()),
                      ("url", pa.string()), ("date", pa.string()), ("title", pa.string()),
                      ERROR])


class SparkInputError(Exception):
    """An input the job cannot start with (no text column, unknown kind of file)."""


# --- in the executors ----------------------------------------------------------------------------

def document_record(doc_id: Any, text: Any, meta: dict[str, Any], config: Config,
                    threshold: float | None, everything: bool) -> dict[str, Any]:
    """The DOCUMENT row of one input row: its quote and claim rows, or its error."""
    row: dict[str, Any] = {"doc_id": None if doc_id is None else str(doc_id), **meta}
    if doc_id is None:
        return {**row, "error": 'record has no "doc_id"'}
    if not isinstance(text, str):
        return {**row, "error": 'record has no "text" string'}
    try:
        doc = pipeline.extract(text, doc_id=str(doc_id), config=config,
                               meta={k: v for k, v in meta.items() if v is not None})
    except Exception as exc:   # noqa: BLE001 - a bad document must not fail the job
        return {**row, "error": f"internal error: {type(exc).__name__}: {exc}"}
    head = parquet.document_fields(doc)
    chosen = ranked(doc.claims, threshold, everything) if config.claims else ()
    return {**head, "quotes": parquet.quote_rows(doc, head),
            "claims": parquet.claim_rows(doc, chosen, head), "error": None}


def extract_batches(batches: Iterator[pa.RecordBatch], text_col: str, id_col: str,
                    config: Config, threshold: float | None = None,
                    everything: bool = False) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function: each batch of documents -> a batch of DOCUMENT rows."""
    for data in batches:
        columns = data.to_pydict()
        ids, texts = columns[id_col], columns[text_col]
        metas = [{k: _text(columns[k][i]) if k in columns else None for k in META}
                 for i in range(data.num_rows)]
        rows = [document_record(ids[i], texts[i], metas[i], config, threshold, everything)
                for i in range(data.num_rows)]
        yield pa.RecordBatch.from_pylist(rows, schema=DOCUMENT)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


# --- the DataFrame functions -------------------------------------------------------------------

def extract_documents(df: DataFrame, text_col: str = "text", id_col: str = "doc_id",
                      config: Config | None = None, threshold: float | None = None,
                      everything: bool = False) -> DataFrame:
    """One row per document (DOCUMENT schema): quotes and claims as lists, or ``error``."""
    for column in (text_col, id_col):
        if column not in df.columns:
            raise SparkInputError(f"no {column!r} column (columns: {', '.join(df.columns)})")
    config = config or Config()
    keep = [id_col, text_col, *(c for c in META if c in df.columns and c not in (id_col, text_col))]
    work = partial(extract_batches, text_col=text_col, id_col=id_col, config=config,
                   threshold=threshold, everything=everything)
    return df.select(*keep).mapInArrow(work, from_arrow_schema(DOCUMENT))


def _explode(documents: DataFrame, column: str, columns: Sequence[str]) -> DataFrame:
    """The items of a list column as rows, and each failed document as a row with its error."""
    items = documents.where(F.col("error").isNull()).select(F.explode(column).alias("item"))
    items = items.select("item.*").withColumn("error", F.lit(None).cast("string"))
    failed = documents.where(F.col("error").isNotNull()).select("doc_id", "error")
    failed = failed.select(*(F.col(c) if c in ("doc_id", "error") else F.lit(None).alias(c)
                             for c in columns))
    return items.select(*columns).unionByName(failed, allowMissingColumns=False)


def extract_quotes(df: DataFrame, text_col: str = "text", id_col: str = "doc_id",
                   config: Config | None = None) -> DataFrame:
    """One row per quote (the quotes.parquet columns, then ``error``), as ``extract`` finds them."""
    config = config or Config(claims=False)
    return _explode(extract_documents(df, text_col, id_col, config), "quotes", QUOTE_COLUMNS)


def extract_claims(df: DataFrame, text_col: str = "text", id_col: str = "doc_id",
                   threshold: float | None = None, everything: bool = False) -> DataFrame:
    """One row per claim (the claims.parquet columns, then ``error``), as ``claims`` ranks them."""
    documents = extract_documents(df, text_col, id_col, Config(claims=True), threshold, everything)
    return _explode(documents, "claims", CLAIM_COLUMNS)


# --- the session and the inputs -----------------------------------------------------------------

def package_root() -> str:
    """The directory that holds the ``quotetrack`` package (for the executors' PYTHONPATH)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def session(master: str | None = None, app: str = "quotetrack") -> SparkSession:
    """A Spark session: ``local[*]`` by default, else the cluster at ``master``
    (``spark://host:7077``, ``yarn``, ``local[2]``).  Local executors import this very
    package (its directory goes on their PYTHONPATH); a cluster's workers need quotetrack
    installed (``pip install 'quotetrack[spark]'`` on each node).  Local workers run this
    Python (unless PYSPARK_PYTHON says otherwise), so they find the extras it has."""
    master = master or "local[*]"
    if master.startswith("local"):
        paths = [package_root(), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
        os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)     # workers: this Python
    builder = (SparkSession.builder.master(master).appName(app)
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH)))
    if master.startswith("local"):
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
                   .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={LOG_CONFIG}")
                   .config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def warc_rows(path: str) -> list[tuple[Any, ...]]:
    """The pages of one WARC or HTML file as input rows, and its read errors as error rows
    (in an executor: the file must be where every worker can read it)."""
    rows = []
    for item in archive.iter_archive(path):
        if hasattr(item, "text"):
            meta = item.meta
            rows.append((item.doc_id, item.text, meta.get("outlet"), meta.get("url"),
                         meta.get("date"), meta.get("title"), None))
        else:
            rows.append((item.source, None, None, None, None, None, item.message))
    return rows


def read_inputs(spark: SparkSession, paths: Sequence[str]) -> tuple[DataFrame, DataFrame | None]:
    """The documents of ``paths`` (JSON Lines, Parquet, WARC/HTML; one kind per call), and
    the read errors of WARC files (or None)."""
    kinds = {_kind(p) for p in paths}
    if len(kinds) != 1:
        raise SparkInputError("give inputs of one kind: .jsonl, .parquet, or .warc/.html")
    kind = kinds.pop()
    if kind == "jsonl":
        return spark.read.schema(INPUT_SCHEMA).json(list(paths)), None
    if kind == "parquet":
        df = spark.read.parquet(*paths)
        if "text" not in df.columns:
            raise SparkInputError(f"no 'text' column (columns: {', '.join(df.columns)})")
        return df, None
    files = spark.sparkContext.parallelize(list(paths), max(1, len(paths)))
    rows = spark.createDataFrame(files.flatMap(warc_rows), from_arrow_schema(WARC_ROW))
    return rows.where(F.col("error").isNull()).drop("error"), rows.where(F.col("error").isNotNull())


def _kind(path: str) -> str:
    lower = path.lower().rstrip("/")
    if lower.endswith((".jsonl", ".json", ".jsonl.gz", ".jsonl.bz2")):
        return "jsonl"
    if lower.endswith(".parquet") or os.path.isdir(path):
        return "parquet"
    if archive.is_archive(lower):
        return "warc"
    raise SparkInputError(f"{path}: not .jsonl, .parquet, .warc(.gz) or .html")


# --- the command ------------------------------------------------------------------------------

def run(paths: Sequence[str], output: str, master: str | None = None, what: str = "both",
        partitions: int | None = None) -> dict[str, Any]:
    """``quotetrack spark``: write Parquet under ``output``/quotes, /claims and /errors
    (each a directory of part files with the schema of the CLI's Parquet tables).

    Returns what it did: documents, quotes, claims, errors (the first few as
    ``(source, message)`` in ``first_errors``), and the seconds of start-up and of the job."""
    if what not in WHAT:
        raise ValueError(f"what={what!r} is not one of {', '.join(WHAT)}")
    started = time.perf_counter()
    running = SparkSession.getActiveSession()          # a caller's session is used, not stopped
    spark = running or session(master)
    ready = time.perf_counter()
    try:
        df, read_errors = read_inputs(spark, paths)
        df = spread(df, partitions or spark.sparkContext.defaultParallelism, bool(partitions))
        documents = extract_documents(df, config=Config(claims=what != "quotes")).persist()
        totals = documents.agg(F.count(F.lit(1)).alias("documents"),
                               F.sum(F.when(F.col("error").isNull(), F.size("quotes"))).alias("quotes"),
                               F.sum(F.when(F.col("error").isNull(), F.size("claims"))).alias("claims"),
                               F.count("error").alias("failed")).first().asDict()
        good = documents.where(F.col("error").isNull())
        for table in ("quotes", "claims"):
            if what in (table, "both"):
                (good.select(F.explode(table).alias("row")).select("row.*")
                 .write.mode("overwrite").parquet(os.path.join(output, table)))
        errors = documents.where(F.col("error").isNotNull()).select(
            F.col("doc_id").alias("source"), "error")
        if read_errors is not None:
            errors = errors.unionByName(read_errors.select(F.col("doc_id").alias("source"), "error"))
        errors.write.mode("overwrite").parquet(os.path.join(output, "errors"))
        saved = spark.read.parquet(os.path.join(output, "errors"))
        counts: dict[str, Any] = {
            "documents": totals["documents"], "quotes": totals["quotes"] or 0,
            "claims": totals["claims"] or 0 if what != "quotes" else 0, "errors": saved.count(),
            "first_errors": [(r["source"], r["error"]) for r in saved.limit(FIRST_ERRORS).collect()]}
        documents.unpersist()
    finally:
        if running is None:
            spark.stop()
    counts["startup_seconds"] = round(ready - started, 2)
    counts["job_seconds"] = round(time.perf_counter() - ready, 2)
    return counts


def spread(df: DataFrame, partitions: int, exactly: bool = False) -> DataFrame:
    """``df`` in ``partitions`` partitions when asked (``exactly``), else in at least that
    many, so that every core has work (a small JSON Lines file is read as one partition)."""
    if exactly or df.rdd.getNumPartitions() < partitions:
        return df.repartition(partitions)
    return df


def summary(counts: dict[str, Any]) -> str:
    """``documents 840, quotes 5,512, claims 6,010, errors 0; start-up 9.1 s, job 30.2 s``."""
    return (f"documents {counts['documents']:,}, quotes {counts['quotes']:,}, "
            f"claims {counts['claims']:,}, errors {counts['errors']:,}; "
            f"start-up {counts['startup_seconds']:.1f} s, job {counts['job_seconds']:.1f} s")

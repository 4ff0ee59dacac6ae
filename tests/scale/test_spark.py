"""Spark in local mode (issue 11): ``quotetrack spark`` and extract_quotes/extract_claims give
the CLI's Parquet rows, row for row; bad documents go to the errors table and never fail
the job.  Needs the spark extra and Java 17; skips without them (not in CI)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extras import need, need_java

need("pyspark", "spark")
pq = need("pyarrow.parquet", "spark")
need_java()

from quotetrack import cli  # noqa: E402
from quotetrack.scale import spark as qspark  # noqa: E402
from quotetrack.write import parquet  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
COPIES = 4         # the corpus articles, each this many times with distinct ids (~150 documents)
BAD = [{"doc_id": "no-text"}, {"doc_id": "empty-text", "text": None}]


@pytest.fixture(scope="module")
def session():
    spark = qspark.session("local[2]")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(COPIES):
            for article in sorted((ROOT / "corpus").glob("*.txt")):
                out.write(json.dumps({"doc_id": f"{article.stem}#{k}", "outlet": "Courier",
                                      "text": article.read_text(encoding="utf-8")}) + "\n")
    return path


@pytest.fixture(scope="module")
def cli_tables(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli")
    assert cli.main(["claims", "--format", "parquet", "--output", str(out), str(articles)]) == 0
    return out


def sorted_rows(table, key):
    return table.sort_by([(k, "ascending") for k in key]).to_pylist()


def test_spark_command_writes_the_cli_rows(session, articles, cli_tables, tmp_path, capsys):
    inputs = tmp_path / "with-bad.jsonl"
    inputs.write_text(articles.read_text(encoding="utf-8")
                      + "".join(json.dumps(r) + "\n" for r in BAD), encoding="utf-8")
    code = cli.main(["spark", str(inputs), "--output", str(tmp_path / "out"), "--partitions", "3"])
    out, err = capsys.readouterr()
    assert code == 1                                           # the bad records
    assert sorted(err.splitlines()) == ['quotetrack: empty-text: record has no "text" string',
                                        'quotetrack: no-text: record has no "text" string']
    for name, schema, key in (("quotes", parquet.QUOTE_SCHEMA, ["doc_id", "quote"]),
                              ("claims", parquet.CLAIM_SCHEMA, ["doc_id", "rank"])):
        expected = pq.read_table(cli_tables / f"{name}.parquet")
        got = pq.read_table(tmp_path / "out" / name)
        assert got.schema.names == schema.names
        assert sorted_rows(got.cast(schema), key) == sorted_rows(expected, key)
        assert expected.num_rows > 100
        assert f"{name} {expected.num_rows:,}" in out
    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert sorted(e["source"] for e in errors) == ["empty-text", "no-text"]


def test_extract_quotes_and_claims_functions(session, cli_tables):
    rows = [("a", "“We cut taxes by 40% last year,” Ortiz said."), ("b", None)]
    df = session.createDataFrame(rows, "doc_id string, body string")
    quotes = qspark.extract_quotes(df, text_col="body").orderBy("doc_id").collect()
    assert [(q.doc_id, q.content, q.speaker, q.error) for q in quotes] == [
        ("a", "“We cut taxes by 40% last year,”", "Ortiz", None),
        ("b", None, None, 'record has no "text" string')]
    claims = qspark.extract_claims(df, text_col="body").where("error IS NULL").collect()
    assert [(c.rank, c.text, c.speaker) for c in claims] == [(1, "We cut taxes by 40% last year", "Ortiz")]
    assert qspark.extract_quotes(df, text_col="body").columns == [*parquet.QUOTE_SCHEMA.names, "error"]


def test_parquet_input_without_text_column_is_one_line(session, tmp_path, capsys):
    path = tmp_path / "in.parquet"
    pq.write_table(qspark.pa.table({"doc_id": ["a"], "body": ["x"]}), path)
    assert cli.main(["spark", str(path), "--output", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == "quotetrack: spark: no 'text' column (columns: doc_id, body)\n"


def test_warc_input(session, tmp_path, capsys):
    need("fastwarc", "archive")
    need("trafilatura", "archive")
    import archive_pages as pages
    warc = tmp_path / "news.warc.gz"
    warc.write_bytes(pages.warc_bytes())
    assert cli.main(["spark", str(warc), "--output", str(tmp_path / "out"), "--what", "quotes"]) == 1
    out, err = capsys.readouterr()
    assert "no article text found" in err and out.startswith("documents 3, quotes ")
    got = pq.read_table(tmp_path / "out" / "quotes").to_pylist()
    assert {r["doc_id"] for r in got} == set(list(pages.PAGES)[:2])

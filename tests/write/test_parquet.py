"""--format parquet --output DIR, and `track add` of those files (issue 11).  Needs pyarrow
(the archive extra); skips without it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="needs the archive extra")
pq = pytest.importorskip("pyarrow.parquet")

from quotetrack import cli  # noqa: E402
from quotetrack.write import parquet  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.fixture
def articles(tmp_path):
    path = tmp_path / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i, article in enumerate(CORPUS):
            out.write(json.dumps({"doc_id": article.stem, "text": article.read_text(encoding="utf-8"),
                                  "outlet": "Courier", "date": f"2024-05-{i % 28 + 1:02d}"}) + "\n")
    return path


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_quotes_parquet_has_a_row_per_jsonl_quote(articles, tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert run(["extract", "--format", "parquet", "--output", str(out_dir), str(articles)], capsys) == (0, "", "")
    assert sorted(p.name for p in out_dir.iterdir()) == ["documents.parquet", "quotes.parquet"]
    _, jsonl, _ = run(["extract", "--format", "jsonl", str(articles)], capsys)
    expected = [{"doc_id": r["doc_id"], "outlet": r["outlet"], "date": r["date"], "quote": i, **q}
                for r in map(json.loads, jsonl.splitlines()) for i, q in enumerate(r["quotes"])]
    table = pq.read_table(out_dir / "quotes.parquet")
    assert table.schema.equals(parquet.QUOTE_SCHEMA)
    rows = table.to_pylist()
    assert len(rows) == len(expected) > 50
    for row, want in zip(rows, expected):
        assert {k: row[k] for k in want} == want
        assert row["url"] is None and len(row["doc_hash"]) == 64


def test_claims_parquet_has_the_ranked_claims_of_claims_jsonl(articles, tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert run(["claims", "--format", "parquet", "--output", str(out_dir), str(articles)], capsys)[0] == 0
    _, jsonl, _ = run(["claims", "--format", "jsonl", str(articles)], capsys)
    expected = [(r["doc_id"], c["rank"], c["text"], c["start"], c["end"], round(c["score"], 4))
                for r in map(json.loads, jsonl.splitlines()) for c in r["claims"]]
    rows = pq.read_table(out_dir / "claims.parquet").to_pylist()
    assert [(r["doc_id"], r["rank"], r["text"], r["start"], r["end"], round(r["score"], 4))
            for r in rows] == expected
    docs = pq.read_table(out_dir / "documents.parquet").to_pylist()
    assert [d["doc_id"] for d in docs] == [p.stem for p in CORPUS]
    assert sum(d["claims"] for d in docs) == len(rows)


def test_jobs_2_writes_the_same_parquet(articles, tmp_path, capsys):
    for n in ("1", "2"):
        run(["claims", "--jobs", n, "--format", "parquet", "--output", str(tmp_path / n), str(articles)], capsys)
    for name in ("quotes.parquet", "claims.parquet", "documents.parquet"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_track_add_of_parquet_stores_what_extraction_stores(articles, tmp_path, capsys):
    out_dir = tmp_path / "out"
    run(["claims", "--all", "--format", "parquet", "--output", str(out_dir), str(articles)], capsys)
    extracted, loaded = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    n = len(CORPUS)
    assert run(["track", "add", "--db", extracted, str(articles)], capsys)[1].startswith(f"added {n},")
    assert run(["track", "add", "--db", loaded, str(out_dir / "quotes.parquet")], capsys)[1].startswith(
        f"added {n},")
    for argv in (["export", "--what", "quotes"], ["export", "--all", "--format", "jsonl"],
                 ["speakers"], ["repeats", "--format", "jsonl"]):
        a = run(["track", *argv, "--db", extracted], capsys)
        b = run(["track", *argv, "--db", loaded], capsys)
        assert a == b and a[0] == 0
    again = run(["track", "add", "--db", loaded, str(out_dir / "claims.parquet")], capsys)[1]
    assert again.startswith(f"added 0, unchanged {n},")


def test_parquet_without_output_is_a_usage_error(articles, capsys):
    code, _, err = run(["extract", "--format", "parquet", str(articles)], capsys)
    assert code == 2 and "--format parquet needs --output DIR" in err
    code, _, err = run(["extract", "--output", "x", str(articles)], capsys)
    assert code == 2 and "--output DIR goes with --format parquet" in err


def test_output_that_is_a_file_is_reported(articles, tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("x")
    code, _, err = run(["extract", "--format", "parquet", "--output", str(target), str(articles)], capsys)
    assert (code, err) == (1, f"quotetrack: {target}: exists and is not a directory\n")


def test_track_add_of_a_parquet_file_that_is_not_ours(tmp_path, capsys):
    path = tmp_path / "quotes.parquet"
    pq.write_table(pa.table({"x": [1]}), path)
    code, out, err = run(["track", "add", "--db", str(tmp_path / "l.db"), str(path)], capsys)
    assert code == 1 and out.startswith("added 0, unchanged 0, replaced 0, failed 1")
    assert err == f"quotetrack: {path}: not quotetrack output (no column doc_id, outlet, url)\n"
    (tmp_path / "documents.parquet").unlink(missing_ok=True)
    path.unlink()
    pq.write_table(pa.table({"x": [1]}), tmp_path / "claims.parquet")
    code, out, err = run(["track", "add", "--db", str(tmp_path / "l.db"), str(tmp_path / "claims.parquet")], capsys)
    assert err.startswith(f"quotetrack: {tmp_path / 'quotes.parquet'}: ") and code == 1

"""Tests of the command line: exit codes, stderr messages, and every output format."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from types import SimpleNamespace
from pathlib import Path

import pytest

import quotetrack
from quotetrack import cli
from quotetrack import pipeline
from quotetrack.model import Cue, Document, Mention, Quote

ROOT = Path(__file__).resolve().parents[1]
TEXT = "“We also make deals,” Gantz said.\n"

QUOTE_KEYS = {
    "kind", "content", "content_start", "content_end", "fragments", "speaker", "speaker_mention",
    "speaker_start", "speaker_end", "speaker_title", "speaker_type", "speaker_basis", "speaker_id",
    "cue", "cue_start", "cue_end",
    "cue_type", "paragraph", "sentence", "context", "context_start", "context_end", "rule", "follows",
    "warnings",
}


def _found(text, word, after, make):
    """A record of ``word`` where it first stands after offset ``after``, else None."""
    at = text.find(word, after)
    return make(at, at + len(word), word) if at >= 0 else None


def fake_extract(text, doc_id="<text>", config=None, meta=None):
    """One quote per “…” pair, said by Gantz: enough to exercise the writers."""
    quotes = []
    start = text.find("“")
    while start != -1 and text.find("”", start) != -1:
        end = text.index("”", start) + 1
        quotes.append(Quote(
            kind="direct", text=text[start:end], start=start, end=end, fragments=((start, end),),
            speaker="Benny Gantz", speaker_title=None, speaker_type="person",
            mention=_found(text, "Gantz", end, lambda s, e, w: Mention(s, e, w, "person")),
            cue=_found(text, "said", end, lambda s, e, w: Cue(s, e, w, "say")),
            paragraph=1, sentence=1, context=text.strip(), rule="test"))
        start = text.find("“", end)
    return Document(doc_id=doc_id, text=text, quotes=tuple(quotes), meta=dict(meta or {}))


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch):
    """These tests are about the command line, not the pipeline (written, and tested, apart)."""
    monkeypatch.setattr(pipeline, "extract", fake_extract)


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# -- batches and errors ---------------------------------------------------------------

def test_bad_file_reported_good_file_still_written(tmp_path, good, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Some text \xff more \xe2\x80\x9c")
    code = cli.main(["extract", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == f"quotetrack: {bad}: not valid UTF-8 (invalid byte 0xff at offset 10)\n"
    assert f"{good} (1 quote)" in out and "Gantz" in out


def test_all_good_exits_0(good, capsys):
    assert cli.main(["extract", str(good)]) == 0
    out, err = capsys.readouterr()
    assert str(good) in out and err == ""


def test_missing_file(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert cli.main(["extract", str(missing)]) == 1
    assert capsys.readouterr().err == f"quotetrack: {missing}: No such file or directory\n"


def test_bad_jsonl_record(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "fine"}\n{"doc_id": "x"}\n', encoding="utf-8")
    assert cli.main(["extract", "--format", "jsonl", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err == f'quotetrack: {path}: line 2: record has no "text" string\n'
    assert json.loads(out)["doc_id"] == f"{path}:1"


def test_pipeline_failure_is_reported_and_the_batch_goes_on(tmp_path, good, capsys, monkeypatch):
    def boom(text, doc_id="<text>", config=None, meta=None):
        if "boom" in text:
            raise RuntimeError("kaput")
        return fake_extract(text, doc_id, config, meta)

    monkeypatch.setattr(pipeline, "extract", boom)
    bad = tmp_path / "boom.txt"
    bad.write_text("boom", encoding="utf-8")
    assert cli.main(["extract", "--format", "jsonl", str(bad), str(good)]) == 1
    out, err = capsys.readouterr()
    assert err == f"quotetrack: {bad}: internal error: RuntimeError: kaput\n"
    assert json.loads(out)["doc_id"] == str(good)


# -- usage errors ----------------------------------------------------------------------

def test_unknown_table_style_is_a_usage_error(good, capsys):
    assert cli.main(["extract", "--table-style", "nope", str(good)]) == 2
    err = capsys.readouterr().err
    assert "unknown table style 'nope'; choose from:" in err and "grid" in err and "github" in err


@pytest.mark.parametrize("argv", [
    [], ["extract"], ["extract", "--format", "xml", "x"], ["extract", "--attributions", "some", "x"],
    ["bench", "--repeat", "0"], ["eval"], ["frobnicate"],
])
def test_usage_errors_exit_2(argv, capsys):
    assert cli.main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_config_error_is_a_usage_error(good):
    args = cli.create_parser().parse_args(["extract", str(good)])
    args.attributions = "bogus"
    with pytest.raises(cli.UsageError, match="attributions='bogus'"):
        cli.make_config(args)


def test_flags_build_the_config(good, capsys, monkeypatch):
    seen = []
    monkeypatch.setattr(pipeline, "extract",
                        lambda text, doc_id="<text>", config=None, meta=None:
                        seen.append(config) or fake_extract(text, doc_id))
    assert cli.main(["extract", "--attributions", "all", "--no-indirect", "--no-floating",
                     str(good)]) == 0
    assert seen == [quotetrack.Config(attributions="all", indirect=False, floating=False, claims=False)]
    assert cli.main(["extract", str(good)]) == 0
    assert seen[1] == quotetrack.Config(claims=False)


def test_help_exits_0(capsys):
    assert cli.main(["extract", "--help"]) == 0
    assert "--no-indirect" in capsys.readouterr().out


# -- formats ------------------------------------------------------------------------------

def test_jsonl_output_has_the_contract_keys(good, tmp_path, capsys):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"doc_id": "r1", "text": TEXT, "url": "http://x"}) + "\n",
                       encoding="utf-8")
    assert cli.main(["extract", "--format", "jsonl", str(good), str(records)]) == 0
    lines = capsys.readouterr().out.splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["doc_id"] for d in docs] == [str(good), "r1"]
    for doc in docs:
        assert {"doc_id", "quotes", "warnings"} <= set(doc)
        assert set(doc["quotes"][0]) == QUOTE_KEYS
        q = doc["quotes"][0]
        assert TEXT[q["content_start"]:q["content_end"]] == q["content"]
    assert docs[1]["url"] == "http://x"


def test_json_output_is_a_list(good, tmp_path, capsys):
    assert cli.main(["extract", "--format", "json", str(good), str(good)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list) and len(data) == 2


def test_json_output_stays_valid_when_an_input_fails(good, tmp_path, capsys):
    assert cli.main(["extract", "--format", "json", str(tmp_path / "nope"), str(good)]) == 1
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_csv_output_has_the_header(good, capsys):
    assert cli.main(["extract", "--format", "csv", str(good)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:6] == ["doc_id", "outlet", "date", "url", "paragraph", "sentence"]
    assert rows[1][0] == str(good) and rows[1][12] == "“We also make deals,”"


def test_markdown_output(good, capsys):
    assert cli.main(["extract", "--format", "markdown", str(good)]) == 0
    assert capsys.readouterr().out.startswith(f"## {good}\n\n| #")


def test_table_style_option(good, capsys):
    assert cli.main(["extract", "--table-style", "psql", str(good)]) == 0
    assert "+-----" in capsys.readouterr().out


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    assert cli.main(["extract", "--format", "jsonl", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["doc_id"] == "<stdin>"


def test_input_format_jsonl_on_stdin(monkeypatch, capsys):
    data = b'{"doc_id": "s1", "text": "Hello."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert cli.main(["extract", "--input-format", "jsonl", "--format", "jsonl", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["doc_id"] == "s1"


def test_broken_pipe_is_quiet(good, capsys, monkeypatch):
    class Closed(io.StringIO):
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["extract", str(good)]) == cli.EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""


# -- bench and eval -------------------------------------------------------------------------

def test_bench_json(good, tmp_path, capsys):
    assert cli.main(["bench", "--json", "--repeat", "2", str(good), str(good)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["documents"] == 2 and report["words"] == 2 * len(TEXT.split())
    assert report["quotes"] == 2 and report["repeat"] == 2
    for key in ("seconds", "docs_per_s", "words_per_s", "peak_rss_mb",
                "rss_first_10pct_mb", "rss_end_mb"):
        assert report[key] >= 0


def test_bench_times_the_start_up_apart(good, capsys, monkeypatch):
    """The one-off start-up is spent in the warm-up, reported on its own, and not in the
    timed extraction: an extract that is slow only on its first call shows it there."""
    bench = pytest.importorskip("quotetrack.evaluation.bench")
    calls = []

    def slow_first(text, doc_id="<text>", meta=None, config=None):
        if not calls:
            end = time.process_time() + 0.3
            while time.process_time() < end:
                pass
        calls.append(doc_id)
        return SimpleNamespace(quotes=(), claims=())

    monkeypatch.setattr(bench, "extract", slow_first)
    assert cli.main(["bench", "--json", str(good)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert calls[0] == "<warm-up>" and report["documents"] == 1
    assert report["startup_cpu_seconds"] >= 0.25 > report["cpu_seconds"]


def test_bench_table_and_errors(good, tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    assert cli.main(["bench", str(good), str(missing)]) == 1
    out, err = capsys.readouterr()
    assert "docs/s" in out and "peak RSS MB" in out
    assert err == f"quotetrack: {missing}: No such file or directory\n"


def test_bench_with_nothing_to_time(tmp_path, capsys):
    assert cli.main(["bench", str(tmp_path / "missing.txt")]) == 1
    assert capsys.readouterr().err.endswith("quotetrack: bench: no documents to time\n")


def test_eval_calls_evaluate_run(tmp_path, capsys, monkeypatch):
    evaluate = pytest.importorskip("quotetrack.evaluation.attribution")
    calls = []

    def run(gold, pred=None, as_json=False, merge_floating=False, by_rule=False, errors=None,
            limit=None, out=None, raw_gold_kinds=False):
        calls.append(dict(gold=gold, pred=pred, as_json=as_json, merge_floating=merge_floating,
                          by_rule=by_rule, errors=errors, limit=limit, raw_gold_kinds=raw_gold_kinds))
        out.write("scores\n")
        return 0

    monkeypatch.setattr(evaluate, "run", run)
    assert cli.main(["eval", "gold.jsonl", "--pred", "p.jsonl", "--json", "--merge-floating",
                     "--by-rule", "--errors", "e.jsonl", "--limit", "5", "--raw-gold-kinds"]) == 0
    assert calls == [dict(gold="gold.jsonl", pred="p.jsonl", as_json=True, merge_floating=True,
                          by_rule=True, errors="e.jsonl", limit=5, raw_gold_kinds=True)]
    assert capsys.readouterr().out == "scores\n"


# -- the installed entry points ------------------------------------------------------------------

def test_python_m_quotetrack_version():
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-m", "quotetrack", "--version"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout == f"quotetrack {quotetrack.__version__}\n"


def test_importing_the_cli_does_no_work():
    code = ("import sys, quotetrack.cli; "
            "print(sorted(m for m in ('tabulate', 'csv', 'quotetrack.read.inputs', 'quotetrack.evaluation.bench') "
            "if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

"""--jobs: the same output on every core, bad documents reported, bounded work in flight;
the progress bar and summary line (issue 11)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotetrack import cli, pipeline
from quotetrack.config import Config
from quotetrack.model import Document
from quotetrack.read.records import Input, InputError
from quotetrack.scale import jobs, progress

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.fixture
def archive(tmp_path):
    """Every corpus article three times, with distinct ids, as one JSON Lines file."""
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(3):
            for article in CORPUS:
                text = article.read_text(encoding="utf-8")
                out.write(json.dumps({"doc_id": f"{article.stem}#{k}", "text": text}) + "\n")
    return path


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command, fmt", [("extract", "jsonl"), ("extract", "csv"),
                                          ("claims", "jsonl"), ("claims", "table")])
def test_jobs_2_writes_the_same_bytes_as_jobs_1(archive, capsys, command, fmt):
    one = run([command, "--format", fmt, str(archive)], capsys)
    two = run([command, "--format", fmt, "--jobs", "2", str(archive)], capsys)
    assert one == two and one[0] == 0 and len(one[1]) > 1000


def test_jobs_0_is_every_core():
    assert jobs.workers(0) >= 1 and jobs.workers(3) == 3
    with pytest.raises(ValueError):
        jobs.workers(-1)


def test_negative_jobs_is_a_usage_error(archive, capsys):
    code, _, err = run(["extract", "--jobs", "-1", str(archive)], capsys)
    assert code == 2 and "'-1' must be 0 (every core) or more" in err


def boom(text, doc_id="<text>", config=None, meta=None):
    if "BOOM" in text:
        raise RuntimeError("kaput")
    return real_extract(text, doc_id, config, meta)


real_extract = pipeline.extract


def test_a_bad_document_in_a_worker_is_reported_by_doc_id_and_the_run_goes_on(tmp_path, capsys,
                                                                               monkeypatch):
    monkeypatch.setattr(pipeline, "extract", boom)       # workers are forked: they see it
    path = tmp_path / "in.jsonl"
    texts = ["“Fine,” Ortiz said."] * 40
    texts[17] = "BOOM"
    path.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    for n in ("1", "2"):
        code, out, err = run(["extract", "--format", "jsonl", "--jobs", n, str(path)], capsys)
        assert code == 1
        assert err == "quotetrack: d17: internal error: RuntimeError: kaput\n"
        assert [json.loads(line)["doc_id"] for line in out.splitlines()] == [
            f"d{i}" for i in range(40) if i != 17]


def die(text, doc_id="<text>", config=None, meta=None):
    if "SLOW" in text:
        import time
        time.sleep(1.0)                                    # still running when the other dies
    if "DIE" in text:
        import os
        os._exit(3)                                        # a crash no except clause sees
    return real_extract(text, doc_id, config, meta)


def test_a_dying_worker_fails_its_chunk_and_the_run_goes_on(monkeypatch):
    """Only the chunk of d9 fails: the chunk of d0, still in flight (slow) when the worker
    extracting d9 dies, is run again and comes out whole."""
    monkeypatch.setattr(pipeline, "extract", die)
    items = [Input(f"d{i}", {0: "SLOW", 9: "DIE"}.get(i, f"“Yes {i},” Ortiz said.")) for i in range(40)]
    out = list(jobs.run(iter(items), Config(claims=False), jobs=2, chunk_size=4))
    assert [r.doc_id for r in out] == [i.doc_id for i in items]
    failed = [r.doc_id for r in out if isinstance(r, jobs.Failure)]
    assert failed == ["d8", "d9", "d10", "d11"]                 # the chunk of d9
    assert all(r.message.startswith(jobs.WORKER_DIED) for r in out if isinstance(r, jobs.Failure))
    assert isinstance(out[0], Document)


def test_results_keep_input_order_and_errors_pass_through():
    items = [Input(f"d{i}", f"“Yes {i},” Ortiz said.") for i in range(50)]
    items.insert(20, InputError("x.jsonl", "line 3: not valid JSON"))
    out = list(jobs.run(iter(items), Config(claims=False), jobs=2, chunk_size=3))
    assert [getattr(r, "doc_id", None) or r.source for r in out] == [
        getattr(i, "doc_id", None) or i.source for i in items]


def test_work_in_flight_is_bounded(monkeypatch):
    """The pool reads ahead at most CHUNKS_IN_FLIGHT chunks a worker, not the whole input."""
    read = []

    def source():
        for i in range(400):
            read.append(i)
            yield Input(f"d{i}", "“Yes,” Ortiz said.")

    results = jobs.run(source(), Config(claims=False), jobs=2, chunk_size=4)
    next(results)
    assert len(read) <= 2 * jobs.CHUNKS_IN_FLIGHT * 4 + 4
    assert sum(1 for _ in results) == 399


def test_chunks():
    assert [len(c) for c in jobs.chunks(iter(range(10)), 4)] == [4, 4, 2]


# --- progress ------------------------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal_and_not_with_no_progress():
    assert progress.wanted(Terminal()) is True
    assert progress.wanted(Terminal(), disabled=True) is False
    assert progress.wanted(io.StringIO()) is False


def test_bar_draws_on_the_stream_and_passes_items_through():
    pytest.importorskip("tqdm")
    stream = Terminal()
    assert list(progress.bar(range(5), stream, True)) == list(range(5))
    assert "doc" in stream.getvalue()
    assert list(progress.bar(range(3), None, False)) == [0, 1, 2]


def test_summary_line_on_a_terminal(archive, capsys, monkeypatch):
    monkeypatch.setattr(progress, "wanted", lambda stream, disabled=False: not disabled)
    code, out, err = run(["extract", "--format", "jsonl", str(archive)], capsys)
    last = err.strip().splitlines()[-1]
    n = len(out.splitlines())
    quotes = sum(len(json.loads(line)["quotes"]) for line in out.splitlines())
    assert last.startswith(f"documents {n:,}, quotes {quotes:,}, failures 0, seconds ")
    code, out, err = run(["extract", "--no-progress", "--format", "jsonl", str(archive)], capsys)
    assert err == ""


def test_no_bar_and_no_summary_when_stderr_is_not_a_terminal(archive, capsys):
    assert run(["extract", "--format", "jsonl", "--jobs", "2", str(archive)], capsys)[2] == ""


def test_track_add_with_jobs_2_stores_what_jobs_1_stores(archive, tmp_path, capsys):
    dbs = [str(tmp_path / "one.db"), str(tmp_path / "two.db")]
    for db, n in zip(dbs, ("1", "2")):
        code, out, _ = run(["track", "add", "--db", db, "--jobs", n, str(archive)], capsys)
        assert code == 0 and out.startswith(f"added {len(CORPUS)}, unchanged {2 * len(CORPUS)},")
    for argv in (["export", "--what", "quotes"], ["export", "--all"], ["speakers"]):
        assert run(["track", *argv, "--db", dbs[0]], capsys) == run(["track", *argv, "--db", dbs[1]], capsys)

"""Issue 12, part 3: friction a new user met (sample corpus, --full/--width, --excel,
encodings, --only-problems, the subcommand's usage, transcripts in a directory)."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrack import cli
from quotetrack.read import inputs

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "a01_politics_wire.txt"
LONG = "“" + "We will not balance this budget on the backs of the nurses who kept this state running" + ",” Oyelaran said.\n"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def elsewhere(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m quotetrack ARGV`` run from ``cwd``, far from the repository (as after pip install)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "quotetrack", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True)


# --- the sample corpus ----------------------------------------------------------------------------

def test_bench_with_no_path_works_from_any_directory(tmp_path):
    done = elsewhere("bench", "--json", "--no-claims", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert '"documents": 6' in done.stdout


def test_self_test_with_no_source_works_from_any_directory(tmp_path):
    done = elsewhere("check", "--self-test", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "reported as intended (accuracy" in done.stdout and "wrong verdicts: 0" in done.stdout


# --- --full and --width ---------------------------------------------------------------------------

def test_table_cuts_quotes_at_80_by_default_and_full_keeps_them(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text(LONG, encoding="utf-8")
    whole = LONG[:LONG.index("”") + 1]
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0 and whole not in out and "…" in out
    code, out, _ = run(capsys, "extract", str(path), "--full")
    assert code == 0 and whole in out
    code, out, _ = run(capsys, "extract", str(path), "--width", "30")
    cell = next(c.strip() for c in out.splitlines()[3].split("  ") if c.strip().startswith("“"))
    assert len(cell) <= 30 and cell.endswith("…")
    code, out, _ = run(capsys, "claims", str(path), "--full", "--all")
    assert code == 0 and "We will not balance this budget on the backs of the nurses who kept this state running" in out


def test_width_and_full_do_not_go_together(capsys):
    code, _, err = run(capsys, "extract", str(ARTICLE), "--width", "30", "--full")
    assert code == 2 and "not allowed with argument" in err and err.startswith("usage: quotetrack extract")


# --- --excel ----------------------------------------------------------------------------------------

def test_excel_csv_has_a_bom_and_crlf(capsysbinary):
    assert cli.main(["extract", str(ARTICLE), "--format", "csv", "--excel"]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith("\ufeff".encode("utf-8") + b"doc_id,")
    assert data.count(b"\r\n") == data.count(b"\n") > 2
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "doc_id" and "“We will not balance this budget on the backs of nurses”" in {r[rows[0].index("quote")] for r in rows[1:]}


def test_excel_for_check_and_claims(capsysbinary):
    check = ROOT / "corpus" / "check"
    cli.main(["check", str(check / "draft.txt"), "--source", str(check / "briefing.txt"), "--format", "csv", "--excel"])
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbffile,line,") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert cli.main(["claims", str(ARTICLE), "--format", "csv", "--excel"]) == 0
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbfdoc_id,")


def test_excel_needs_csv(capsys):
    code, _, err = run(capsys, "extract", str(ARTICLE), "--excel")
    assert code == 2
    assert err.splitlines()[-1] == "quotetrack extract: error: --excel applies to --format csv, not --format table"


# --- encodings --------------------------------------------------------------------------------------

WINDOWS = "“We will win the vote,” Gantz said. It’s done — café.\n".encode("cp1252")


def test_windows_1252_is_read_with_a_warning(tmp_path, capsys):
    path = tmp_path / "word.txt"
    path.write_bytes(WINDOWS)
    code, out, err = run(capsys, "extract", str(path), "--format", "jsonl")
    assert code == 0
    assert err == (f"quotetrack: {path}: warning: not valid UTF-8; read as Windows-1252 "
                   "(give --encoding NAME if it is another)\n")
    assert '"content": "“We will win the vote,”"' in out and "café" not in err


def test_encoding_option_reads_quietly(tmp_path, capsys):
    path = tmp_path / "word.txt"
    path.write_bytes(WINDOWS)
    code, out, err = run(capsys, "extract", str(path), "--encoding", "cp1252", "--format", "jsonl")
    assert (code, err) == (0, "") and '"speaker": "Gantz"' in out
    latin = tmp_path / "latin.txt"
    latin.write_bytes("“Ça ira,” dit Gantz. Öl und Käse.\n".encode("utf-8").decode("utf-8").encode("latin-1", "replace"))
    code, out, err = run(capsys, "extract", str(latin), "--encoding", "latin-1", "--format", "jsonl")
    assert code == 0 and err == ""


def test_unknown_encoding_is_a_usage_error(capsys):
    code, _, err = run(capsys, "extract", str(ARTICLE), "--encoding", "klingon")
    assert code == 2 and err.splitlines()[-1] == "quotetrack extract: error: argument --encoding: unknown encoding 'klingon'"


@pytest.mark.parametrize("data, message", [
    (WINDOWS + "“mixed”".encode("utf-8"), "not valid UTF-8 (invalid byte 0x93 at offset 0)"),
    (b"ok \x81 undefined in Windows-1252", "not valid UTF-8 (invalid byte 0x81 at offset 3)"),
    (b"\x93bell\x07\x94 control", "not valid UTF-8 (invalid byte 0x93 at offset 0)"),
    (b"bin\x00ary \x93", "binary file, not text"),
])
def test_mixed_or_binary_is_still_an_error(tmp_path, capsys, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    code, _, err = run(capsys, "extract", str(path))
    assert code == 1 and err == f"quotetrack: {path}: {message}\n"


def test_a_wrong_encoding_names_the_byte(tmp_path, capsys):
    path = tmp_path / "x.txt"
    path.write_bytes(b"caf\xc3\xa9 \xff")
    code, _, err = run(capsys, "extract", str(path), "--encoding", "ascii")
    assert code == 1 and err == f"quotetrack: {path}: not valid ascii (invalid byte 0xc3 at offset 3)\n"


def test_windows_1252_source_and_draft_for_check(tmp_path, capsys):
    draft, source = tmp_path / "draft.txt", tmp_path / "source.txt"
    draft.write_bytes("“Ridership rose 14 percent last year,” Delgado said.\n".encode("cp1252"))
    source.write_bytes("ROSA DELGADO: Ridership rose 12 percent last year.\nQ: Thanks, that’s all.\n".encode("cp1252"))
    code, out, err = run(capsys, "check", str(draft), "--source", str(source))
    assert code == 1 and "error[number-changed]" in out
    assert f"quotetrack: {source}: warning: not valid UTF-8; read as Windows-1252" in err
    assert f"quotetrack: {draft}: warning: not valid UTF-8; read as Windows-1252" in err


def test_decode_keeps_offsets_of_the_decoded_text():
    text, note = inputs.decode(WINDOWS)
    assert text == WINDOWS.decode("cp1252") and note == inputs.FALLBACK_NOTE
    assert inputs.decode("“Yes”".encode("utf-8")) == ("“Yes”", None)


# --- --only-problems --------------------------------------------------------------------------------

def test_only_problems_hides_info(capsys):
    check = ROOT / "corpus" / "check"
    args = ["check", str(check / "draft.txt"), "--source", str(check / "briefing.txt"),
            "--source", str(check / "release.txt")]
    _, every, err_every = run(capsys, *args)
    code, problems, err = run(capsys, *args, "--only-problems")
    assert code == 1 and err == err_every                    # the counts still count info
    assert "info[" in every and "info[" not in problems
    assert [l for l in every.splitlines() if "info[" not in l and not l.startswith("    ")] == \
        [l for l in problems.splitlines() if not l.startswith("    ")]
    _, page, _ = run(capsys, *args, "--only-problems", "--format", "html")
    assert 'data-severity="info"' not in page.split("<main>", 1)[1].replace('class="qt-badge" data-severity="info"', "")


# --- usage of the subcommand ------------------------------------------------------------------------

@pytest.mark.parametrize("argv, usage", [
    (["extract", str(ARTICLE), "--bogus"], "usage: quotetrack extract "),
    (["check", "draft.txt", "--souce", "x"], "usage: quotetrack check "),
    (["track", "add", "--dbb", "x", "a.txt"], "usage: quotetrack track add "),
    (["claims", "--nope", str(ARTICLE)], "usage: quotetrack claims "),
])
def test_a_wrong_option_prints_the_subcommands_usage(capsys, argv, usage):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith(usage)
    assert err.splitlines()[-1].startswith(f"{usage[7:].strip()}: error: unrecognized arguments: ")


# --- transcripts in a directory ---------------------------------------------------------------------

def test_transcripts_in_a_directory_are_recognised(capsys):
    code, out, err = run(capsys, "extract", str(ROOT / "corpus" / "transcripts"), "--format", "jsonl")
    assert code == 0 and err == ""
    docs = [__import__("json").loads(line) for line in out.splitlines()]
    assert len(docs) == 1 and len(docs[0]["quotes"]) == 12
    assert {q["rule"] for q in docs[0]["quotes"]} == {"transcript"}


def test_a_tsv_transcript_named_on_the_command_line_is_recognised(capsys):
    code, out, _ = run(capsys, "extract", str(ROOT / "corpus" / "transcripts" / "forum_excerpt.tsv"))
    assert code == 0 and "(no quotes found)" not in out


def test_articles_are_not_taken_for_transcripts(capsys):
    code, out, _ = run(capsys, "extract", str(ROOT / "corpus"), "--format", "jsonl")
    assert code == 0
    rules = {q["rule"] for line in out.splitlines() for q in __import__("json").loads(line)["quotes"]}
    assert "transcript" in rules            # corpus/transcripts/ and corpus/check/briefing.txt
    texts = [__import__("json").loads(line) for line in out.splitlines()]
    assert all(q["rule"] != "transcript" for d in texts if "/a0" in d["doc_id"] for q in d["quotes"])


def test_a_json_lines_record_that_looks_like_a_transcript_stays_an_article(tmp_path, capsys):
    path = tmp_path / "interviews.jsonl"
    path.write_text('{"doc_id": "qa", "text": "Q: Will you run?\\nA: “We will see,” I said.\\n"}\n', encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(path), "--format", "jsonl")
    assert code == 0 and '"rule": "transcript"' not in out
    text = tmp_path / "qa.txt"
    text.write_text("Q: Will you run?\nA: We will see.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(text), "--format", "jsonl")
    assert code == 0 and out.count('"rule": "transcript"') == 2


def test_an_interview_file_with_an_introduction_is_read_as_an_article(tmp_path, capsys):
    text = tmp_path / "interview.txt"
    text.write_text("Retired judge Alma Reyes spoke to us at her home.\nQ: Do you miss the bench?\n"
                    "A: Every single morning.\nQ: Would you go back?\nA: Not for any money.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(text), "--format", "jsonl")
    quotes = json.loads(out)["quotes"]
    assert code == 0 and [(q["content"], q["speaker"], q["rule"]) for q in quotes] == [
        ("Every single morning.", "Alma Reyes", "answer"), ("Not for any money.", "Alma Reyes", "answer")]


def test_track_add_reads_windows_1252_and_takes_encoding(tmp_path, capsys):
    path = tmp_path / "word.txt"
    path.write_bytes(WINDOWS)
    db = tmp_path / "l.db"
    code, out, err = run(capsys, "track", "add", str(path), "--db", str(db))
    assert code == 0 and f"quotetrack: {path}: warning: not valid UTF-8; read as Windows-1252" in err
    path.write_bytes(WINDOWS.replace(b"done", b"over"))
    code, out, err = run(capsys, "track", "add", str(path), "--db", str(db), "--encoding", "cp1252")
    assert code == 0 and "warning" not in err

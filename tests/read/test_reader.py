"""Tests of quotetrack.read.inputs: files, directories, stdin, JSON Lines, and every error message."""
from __future__ import annotations

import io
import json
import sys
import time

import pytest

from quotetrack.read.inputs import Input, InputError, iter_inputs


def read(*paths, input_format=None):
    return list(iter_inputs([str(p) for p in paths], input_format))


def only(items):
    assert len(items) == 1, items
    return items[0]


# -- text files --------------------------------------------------------------

def test_text_file_doc_id_is_the_path_as_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("“We also make deals,” Gantz said.", encoding="utf-8")
    item = only(read(path))
    assert item == Input(str(path), "“We also make deals,” Gantz said.", {})


def test_any_extension_is_read_as_text(tmp_path):
    path = tmp_path / "story.log"      # (.html, .warc are pages: see test_archive.py)
    path.write_bytes(b"Hello")
    assert only(read(path)).text == "Hello"


def test_crlf_kept_as_is_and_offsets_preserved(tmp_path):
    raw = "Line one.\r\n\r\n“Quote,” he said.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    text = only(read(path)).text
    assert text == raw
    start = text.index("“")
    assert text[start:start + 8] == "“Quote,”"


def test_lone_cr_kept(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(b"a\rb\n")
    assert only(read(path)).text == "a\rb\n"


def test_bom_removed_and_nothing_else(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf  Hi\r\n")
    assert only(read(path)).text == "  Hi\r\n"


def test_only_the_leading_bom_is_removed(tmp_path):
    path = tmp_path / "bom2.txt"
    path.write_bytes("a\ufeffb".encode("utf-8"))
    assert only(read(path)).text == "a\ufeffb"


# -- errors ---------------------------------------------------------------------

def test_missing_path(tmp_path):
    path = tmp_path / "nope.txt"
    assert only(read(path)) == InputError(str(path), "No such file or directory")


def test_invalid_utf8_names_byte_and_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Hello world\n\xff rest \xe2\x80\x9c")
    assert only(read(path)) == InputError(
        str(path), "not valid UTF-8 (invalid byte 0xff at offset 12)")


def test_binary_file(tmp_path):
    path = tmp_path / "img.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert only(read(path)) == InputError(str(path), "binary file, not text")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_or_whitespace_file(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert only(read(path)) == InputError(str(path), "empty file")


def test_directory_with_no_text_files(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert only(read(tmp_path)) == InputError(str(tmp_path), "no *.txt or *.md files in directory")


def test_bad_input_format_is_a_programming_error():
    with pytest.raises(ValueError, match="input_format='xml'"):
        iter_inputs(["x"], "xml")


# -- directories -------------------------------------------------------------------

def test_directory_recursive_sorted_and_filtered(tmp_path):
    for rel, text in [("b.txt", "b"), ("a.md", "a"), ("sub/c.txt", "c"), ("sub/deeper/d.TXT", "d"),
                      ("z.txt", "z"), ("skip.json", "x"), (".hidden/e.txt", "e"), (".f.txt", "f")]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    items = read(tmp_path)
    assert [i.doc_id for i in items] == [
        str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt"),
        str(tmp_path / "sub" / "deeper" / "d.TXT"), str(tmp_path / "z.txt")]
    assert [i.text for i in items] == ["a", "b", "c", "d", "z"]


def test_directory_doc_ids_join_the_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [i.doc_id for i in iter_inputs(["./docs/"])] == ["./docs/a.txt"]


def test_bad_file_inside_directory_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff \xe2\x80\x9c")
    (tmp_path / "b.txt").write_text("fine", encoding="utf-8")
    items = read(tmp_path)
    assert items == [
        InputError(str(tmp_path / "a.txt"), "not valid UTF-8 (invalid byte 0xff at offset 0)"),
        Input(str(tmp_path / "b.txt"), "fine", {})]


def test_paths_keep_command_line_order(tmp_path):
    b, a = tmp_path / "b.txt", tmp_path / "a.txt"
    b.write_text("b", encoding="utf-8")
    a.write_text("a", encoding="utf-8")
    items = read(b, tmp_path / "missing", a)
    assert [type(i).__name__ for i in items] == ["Input", "InputError", "Input"]
    assert items[0].text == "b" and items[2].text == "a"


def test_iteration_is_lazy(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("a", encoding="utf-8")
    items = iter_inputs([str(path), str(tmp_path / "later.txt")])
    assert next(items).text == "a"
    (tmp_path / "later.txt").write_text("created after the first", encoding="utf-8")
    assert next(items).text == "created after the first"


# -- stdin -----------------------------------------------------------------------------

def fake_stdin(monkeypatch, data: bytes, wrap: bool = True):
    stream = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream, encoding="latin-1") if wrap else stream)


def test_stdin_text_is_read_as_bytes(monkeypatch):
    fake_stdin(monkeypatch, "“Yes,” she said.\r\n".encode("utf-8"))
    assert only(list(iter_inputs(["-"]))) == Input("<stdin>", "“Yes,” she said.\r\n", {})


def test_stdin_bare_binary_stream(monkeypatch):
    fake_stdin(monkeypatch, b"\xef\xbb\xbfHi", wrap=False)
    assert only(list(iter_inputs(["-"]))).text == "Hi"


def test_stdin_errors(monkeypatch):
    fake_stdin(monkeypatch, b"ok \xfe \xe2\x80\x9c")
    assert only(list(iter_inputs(["-"]))) == InputError(
        "<stdin>", "not valid UTF-8 (invalid byte 0xfe at offset 3)")
    fake_stdin(monkeypatch, b"")
    assert only(list(iter_inputs(["-"]))) == InputError("<stdin>", "empty file")


def test_stdin_jsonl(monkeypatch):
    fake_stdin(monkeypatch, b'{"doc_id": "x", "text": "one"}\n{"text": "two"}\n')
    items = list(iter_inputs(["-"], "jsonl"))
    assert items == [Input("x", "one", {}), Input("<stdin>:2", "two", {})]


# -- JSON Lines -------------------------------------------------------------------------

def write_jsonl(path, *lines: str):
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    return path


def test_jsonl_records_and_pass_through_meta(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        json.dumps({"doc_id": "d1", "text": "“Hi,” he said.", "url": "http://x", "n": 3}),
        "",
        json.dumps({"text": "Second", "section": {"a": [1, 2]}}, ensure_ascii=False))
    items = read(path)
    assert items == [
        Input("d1", "“Hi,” he said.", {"url": "http://x", "n": 3}),
        Input(f"{path}:3", "Second", {"section": {"a": [1, 2]}})]


def test_jsonl_text_kept_exactly(tmp_path):
    text = "\ufeffLead\r\n\r\n“Quote”\u2028end  "
    path = write_jsonl(tmp_path / "in.jsonl", json.dumps({"text": text}))
    assert only(read(path)).text == text


def test_jsonl_numeric_doc_id_becomes_a_string(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", '{"doc_id": 17, "text": "x"}')
    assert only(read(path)).doc_id == "17"


def test_jsonl_bom_before_first_record(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "x"}\n')
    assert only(read(path)).text == "x"


def test_jsonl_errors_name_the_line_and_go_on(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        '{"text": "ok"}',
        '{"text": "ok", ',
        '["text"]',
        '{"doc_id": "no-text"}',
        '{"text": 5}',
        '{"text": "still read"}')
    items = read(path)
    source = str(path)
    assert items[0] == Input(f"{source}:1", "ok", {})
    assert items[1] == InputError(
        source, "line 2: not valid JSON (Expecting property name enclosed in double quotes at column 16)")
    assert items[2] == InputError(source, 'line 3: record has no "text" string')
    assert items[3] == InputError(source, 'line 4: record has no "text" string')
    assert items[4] == InputError(source, 'line 5: record has no "text" string')
    assert items[5] == Input(f"{source}:6", "still read", {})


def test_jsonl_invalid_utf8_offset_counts_from_start_of_file(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "a"}\n{"text": "\xff"}\n')
    items = read(path)
    assert items[1] == InputError(
        str(path), "line 2: not valid UTF-8 (invalid byte 0xff at offset 24)")


def test_jsonl_unpaired_surrogate_is_an_error_not_a_crash_later(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", '{"text": "a \\ud800 b"}', '{"text": "\\ud83d\\ude00"}')
    items = read(path)
    assert items[0] == InputError(
        str(path), "line 1: record has an unpaired surrogate escape (not valid Unicode)")
    assert items[1].text == "😀"


def test_jsonl_with_no_records_is_empty(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n  \n")
    assert only(read(path)) == InputError(str(path), "empty file")


def test_input_format_overrides_the_name(tmp_path):
    as_text = write_jsonl(tmp_path / "data.jsonl", '{"text": "x"}')
    assert only(read(as_text, input_format="text")).text == '{"text": "x"}\n'
    as_jsonl = write_jsonl(tmp_path / "data.txt", '{"text": "x"}')
    assert only(read(as_jsonl, input_format="jsonl")).text == "x"


def test_jsonl_directory_with_input_format_jsonl(tmp_path):
    write_jsonl(tmp_path / "b.jsonl", '{"text": "b"}')
    write_jsonl(tmp_path / "a.jsonl", '{"text": "a"}')
    (tmp_path / "c.txt").write_text("not read", encoding="utf-8")
    assert [i.text for i in read(tmp_path, input_format="jsonl")] == ["a", "b"]


def test_jsonl_is_streamed_one_record_at_a_time(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", '{"text": "first"}', '{"text": "second"}')
    items = iter_inputs([str(path)])
    assert next(items).text == "first"
    # A reader that had loaded the file would not see a record appended now.
    with open(path, "ab") as f:
        f.write(b'{"text": "appended"}\n')
    assert [i.text for i in items] == ["second", "appended"]


# -- long input ------------------------------------------------------------------------------

def test_20_mb_of_unclosed_quote_marks_reads_fast(tmp_path):
    chunk = "“He said no more words here "          # 28 characters, 30 bytes
    text = chunk * (20_000_000 // len(chunk.encode("utf-8")))
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    t0 = time.process_time()
    item = only(read(path))
    assert time.process_time() - t0 < 5
    assert item.text == text

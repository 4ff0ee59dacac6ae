"""Archive inputs: WARC and HTML pages through trafilatura, compressed JSON Lines (issue 11).

The WARC and HTML tests need the ``archive`` extra and skip without it (``.ci/run``
installs it); compressed JSON Lines is the standard library's.
"""
from __future__ import annotations

import bz2
import gzip
import json

import pytest

import archive_pages as pages
from quotetrack import cli
from quotetrack.read import archive
from quotetrack.read.inputs import Input, InputError, iter_inputs

trafilatura = pytest.importorskip("trafilatura", reason="needs the archive extra")
pytest.importorskip("fastwarc", reason="needs the archive extra")


def items(path, **kw):
    return list(iter_inputs([str(path)], **kw))


@pytest.fixture
def warc(tmp_path):
    path = tmp_path / "news.warc.gz"
    path.write_bytes(pages.warc_bytes())
    return path


def test_warc_yields_the_html_pages_with_url_date_title(warc):
    counts = {}
    found = list(iter_inputs([str(warc)], counts=counts))
    docs = [x for x in found if isinstance(x, Input)]
    assert [d.doc_id for d in docs] == list(pages.PAGES)
    for doc, (url, (title, date, paragraphs)) in zip(docs, pages.PAGES.items()):
        assert doc.meta == {"url": url, "date": date, "title": title, "text_from": "html"}
        assert all(p in doc.text for p in paragraphs)
        assert not any(f in doc.text for f in pages.FURNITURE)
    assert counts == {"skipped": 1}                       # the PNG


def test_warc_text_is_what_trafilatura_gives(warc):
    docs = [x for x in items(warc) if isinstance(x, Input)]
    for doc, (url, page) in zip(docs, pages.PAGES.items()):
        html = pages.page_html(*page)
        assert doc.text == trafilatura.extract(html, url=url, include_comments=False)


def test_undecodable_page_is_reported_with_its_record_id_and_the_rest_goes_on(warc):
    errors = [x for x in items(warc) if isinstance(x, InputError)]
    assert errors == [InputError(f"{warc}: record {pages.record_id(pages.BAD_PAGE_URL, 'response')}",
                                 archive.NO_TEXT)]


def test_truncated_warc_is_reported_after_the_pages_before_it(tmp_path):
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(pages.warc_bytes(broken=True))
    found = items(path)
    assert sum(isinstance(x, Input) for x in found) == 3
    assert found[-1].source == str(path)
    assert found[-1].message.startswith("malformed or truncated WARC after record <urn:uuid:")


def test_uncompressed_warc_is_read_too(tmp_path):
    path = tmp_path / "news.warc"
    path.write_bytes(pages.warc_bytes(gz=False))
    assert [x.doc_id for x in items(path) if isinstance(x, Input)] == list(pages.PAGES)


def test_warcio_reads_the_same_pages_when_fastwarc_is_missing(warc, monkeypatch):
    pytest.importorskip("warcio")
    fast = items(warc)
    monkeypatch.setattr(archive, "_has", lambda module: module != "fastwarc")
    assert items(warc) == fast


def test_html_file_is_one_page(tmp_path):
    path = tmp_path / "bridge.html"
    url, page = next(iter(pages.PAGES.items()))
    path.write_text(pages.page_html(*page), encoding="utf-8")
    (doc,) = items(path)
    assert doc.doc_id == str(path) and doc.meta["title"] == page[0] and doc.meta["date"] == page[1]
    assert page[2][1] in doc.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    assert items(path) == [InputError(str(path), archive.NO_TEXT)]


def test_directory_of_warc_files_with_input_format_warc(tmp_path, warc):
    (tmp_path / "notes.txt").write_text("not a page", encoding="utf-8")
    docs = [x for x in items(tmp_path, input_format="warc") if isinstance(x, Input)]
    assert len(docs) == 3


def test_extract_keeps_the_extracted_text_so_offsets_slice(warc, capsys):
    assert cli.main(["extract", "--format", "jsonl", str(warc)]) == 1     # the bad page
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["doc_id"] for r in records] == list(pages.PAGES)
    for r in records:
        for q in r["quotes"]:
            assert r["text"][q["content_start"]:q["content_end"]] == q["content"]
    with_quotes = [r["doc_id"] for r in records if r["quotes"]]
    assert with_quotes == list(pages.PAGES)[:2]           # the weather page quotes nobody
    speakers = {q["speaker"] for q in records[0]["quotes"]}
    assert {"Lena Ortiz", "Tom Baines", "Rosa Delgado"} <= speakers
    assert err.count("\n") == 1 and "no article text found" in err


# --- compressed JSON Lines (standard library) ---------------------------------------------------

RECORDS = [{"doc_id": "a", "text": "“Yes,” Ortiz said."}, {"doc_id": "b", "text": "No."}]


@pytest.mark.parametrize("suffix, compress", [(".jsonl.gz", gzip.compress), (".jsonl.bz2", bz2.compress)])
def test_compressed_jsonl_is_read_as_a_stream(tmp_path, suffix, compress):
    path = tmp_path / ("in" + suffix)
    path.write_bytes(compress("".join(json.dumps(r) + "\n" for r in RECORDS).encode()))
    assert [(x.doc_id, x.text) for x in items(path)] == [(r["doc_id"], r["text"]) for r in RECORDS]


def test_truncated_gzip_keeps_the_records_before_the_cut(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    data = gzip.compress("".join(json.dumps(r) + "\n" for r in RECORDS * 50).encode())
    path.write_bytes(data[: len(data) // 2])
    found = items(path)
    assert isinstance(found[-1], InputError) and found[-1].source == str(path)
    assert found[-1].message.startswith("truncated or damaged compressed file after line ")
    assert all(isinstance(x, Input) for x in found[:-1])


def test_missing_extra_is_one_line(tmp_path, monkeypatch, capsys):
    import quotetrack.errors as errors
    real = errors.importlib.import_module

    def no_trafilatura(name, *a):
        if name.startswith("trafilatura"):
            raise ImportError(name)
        return real(name, *a)

    monkeypatch.setattr(errors.importlib, "import_module", no_trafilatura)
    path = tmp_path / "a.html"
    path.write_text("<p>x</p>", encoding="utf-8")
    assert cli.main(["extract", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"quotetrack: {path}: trafilatura is not installed; pip install 'quotetrack[archive]'\n")

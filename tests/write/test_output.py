"""Tests of quotetrack.write.output on hand-built records (independent of the pipeline's accuracy)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from quotetrack.text import spans
from quotetrack.write import output
from quotetrack.model import Cue, Document, Mention, Quote, TextWarning

TEXT = ('“We also make deals, and we say “no” often,” Defense Minister Benny Gantz said.\n'
        'He added that talks would go on.')


def make_quote(text: str = TEXT, part: str = '“We also make deals, and we say “no” often,”',
               mention: str | None = "Benny Gantz", cue: str | None = "said", **changes) -> Quote:
    """A quote of ``part``; its mention and cue are the first places ``text`` has those words
    (none where it has not)."""
    start = text.index(part)
    at, said = text.find(mention) if mention else -1, text.find(cue) if cue else -1
    fields = dict(
        kind="direct", text=part, start=start, end=start + len(part),
        fragments=((start, start + len(part)),), speaker="Benny Gantz",
        speaker_title="Defense Minister", speaker_type="person",
        mention=Mention(at, at + len(mention), mention, "person") if at >= 0 else None,
        cue=Cue(said, said + len(cue), cue, cue) if said >= 0 else None,
        paragraph=1, sentence=1, context=text.split("\n")[0], rule="quote_cue_name")
    fields.update(changes)
    return Quote(**fields)


def make_doc(doc_id="doc-1", quotes=None, **kw) -> Document:
    return Document(doc_id=doc_id, text=TEXT, quotes=tuple([make_quote()] if quotes is None else quotes),
                    **kw)


def render(writer, docs, **kw) -> str:
    out = io.StringIO()
    writer(docs, out, **kw)
    return out.getvalue()


# -- csv ----------------------------------------------------------------------------

def test_csv_header_once_and_one_row_per_quote():
    indirect = make_quote(part="talks would go on", kind="indirect", mention="He",
                          speaker_type="pronoun", cue="added", paragraph=2, sentence=2,
                          context="He added that talks would go on.", rule="indirect_pronoun")
    docs = [make_doc("a", [make_quote(), indirect]), make_doc("b", []), make_doc("c")]
    rows = list(csv.reader(io.StringIO(render(output.write_csv, docs))))
    assert rows[0] == list(output.CSV_COLUMNS)
    assert rows[0] == ["doc_id", "outlet", "date", "url", "paragraph", "sentence", "speaker",
                       "speaker_mention", "speaker_title", "speaker_type", "kind", "cue", "quote",
                       "context", "start", "end", "rule", "speaker_basis", "speaker_id"]
    assert [r[0] for r in rows[1:]] == ["a", "a", "c"]
    assert rows[2][4:6] == ["2", "2"] and rows[2][7] == "He" and rows[2][10] == "indirect"


def test_csv_carries_outlet_date_url_from_the_record():
    doc = make_doc("a", [make_quote()])
    doc = type(doc)(**{**{f: getattr(doc, f) for f in doc.__dataclass_fields__},
                       "meta": {"outlet": "Courier", "date": "2020-09-01", "section": "world"}})
    rows = list(csv.reader(io.StringIO(render(output.write_csv, [doc]))))
    assert rows[1][1:4] == ["Courier", "2020-09-01", ""]
    assert "world" not in rows[1]


def test_csv_escapes_quote_marks_commas_and_newlines():
    text = 'He said "yes, and\nno" today.'
    quote = make_quote(text=text, part='"yes, and\nno"', context=text)
    data = render(output.write_csv, [Document("d,1", text, (quote,))])
    assert '"""yes, and\nno"""' in data          # doubled quotes, newline kept inside the field
    (row,) = list(csv.DictReader(io.StringIO(data)))
    assert row["doc_id"] == "d,1"
    assert row["quote"] == '"yes, and\nno"'
    assert row["context"] == text
    assert text[int(row["start"]):int(row["end"])] == row["quote"]


def test_csv_none_is_an_empty_cell():
    quote = make_quote(speaker=None, speaker_title=None, cue=None)
    (row,) = list(csv.DictReader(io.StringIO(render(output.write_csv, [make_doc(quotes=[quote])]))))
    assert row["speaker"] == row["speaker_title"] == row["cue"] == ""


def test_csv_with_no_documents_still_has_the_header():
    assert render(output.write_csv, []) == ",".join(output.CSV_COLUMNS) + "\n"


# -- jsonl and json ---------------------------------------------------------------------

def test_jsonl_is_to_dict_one_line_each_non_ascii_kept():
    docs = [make_doc("a", meta={"url": "u"}), make_doc("b", [],
            warnings=(TextWarning("unclosed_quote", "no closing mark", 0, 1),))]
    lines = render(output.write_jsonl, docs).splitlines()
    assert [json.loads(line) for line in lines] == [d.to_dict() for d in docs]
    assert "“" in lines[0]                        # ensure_ascii=False
    assert json.loads(lines[0])["url"] == "u"


def test_json_is_an_array_of_the_same_objects():
    docs = [make_doc("a"), make_doc("b", [])]
    assert json.loads(render(output.write_json, docs)) == [d.to_dict() for d in docs]
    assert json.loads(render(output.write_json, [])) == []


def test_writers_consume_lazily():
    seen = []

    def docs():
        for name in ("a", "b"):
            seen.append(name)
            yield make_doc(name)

    out = io.StringIO()

    class Spy:
        def write(self, s):
            out.write(s)
            if '"doc_id": "a"' in s:
                assert seen == ["a"]             # written before the next document is made

    output.write_jsonl(docs(), Spy())
    assert seen == ["a", "b"]


# -- table -------------------------------------------------------------------------------

def test_shorten():
    assert spans.shorten("short") == "short"
    long = " ".join(["word"] * 40)
    short = spans.shorten(long)
    assert len(short) <= spans.QUOTE_WIDTH and short.endswith("…")
    assert spans.shorten("a\n\n  b") == "a b"
    assert spans.shorten("x" * 200, 10) == "x" * 9 + "…"


def test_table_heading_columns_and_shortened_quote():
    long_part = "“" + " ".join(["blah"] * 40) + ",”"
    text = long_part + " Gantz said."
    quote = make_quote(text=text, part=long_part, paragraph=3, sentence=10)
    table = render(output.write_table, [Document("doc-1", text, (quote,))])
    lines = table.splitlines()
    assert lines[0] == "doc-1 (1 quote)"
    for header in output.TABLE_COLUMNS:
        assert header in lines[1]
    assert "3.10" in table                         # not parsed as the number 3.1
    assert "…" in table and long_part not in table
    assert "Defense Minister" in table and "Benny Gantz" in table


def test_table_no_quotes_and_several_documents():
    table = render(output.write_table, [make_doc("a", []), make_doc("b")])
    assert table.startswith("a\n(no quotes found)\n\nb (1 quote)\n")


def test_table_style():
    table = render(output.write_table, [make_doc()], style="grid")
    assert "+---" in table
    with pytest.raises(ValueError, match="unknown table style 'nope'; choose from: .*grid"):
        render(output.write_table, [make_doc()], style="nope")


def test_table_cells_are_one_line():
    text = "“First paragraph.\n\n“Second paragraph,” he said."
    quote = make_quote(text=text, part=text[:text.index(" he")])
    table = render(output.write_table, [Document("d", text, (quote,))])
    assert "First paragraph. “Second paragraph,”" in table
    assert len(table.splitlines()) == 4           # heading, header, rule, one row


# -- markdown ---------------------------------------------------------------------------

def test_markdown_heading_and_github_table():
    md = render(output.write_markdown, [make_doc("story-1"), make_doc("story-2", [])])
    assert md.startswith("## story-1\n\n| #")
    assert "| 1 " in md and "|---" in md.replace(":", "-")
    assert "## story-2\n\n(no quotes found)\n" in md


def test_markdown_escapes_pipes_and_keeps_whole_quotes():
    part = "“" + "a | b " * 30 + "”"
    text = part + " she said."
    md = render(output.write_markdown, [Document("d", text, (make_quote(text=text, part=part),))])
    assert "a \\| b" in md
    assert "…" not in md


def test_write_dispatch_and_unknown_format():
    out = io.StringIO()
    output.write("jsonl", [make_doc()], out)
    assert json.loads(out.getvalue())["doc_id"] == "doc-1"
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        output.write("xml", [], out)

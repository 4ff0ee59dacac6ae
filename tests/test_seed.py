"""The seed article of issue 2 gives exactly the 12 statements of its table."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack import cli
from quotetrack.model import cue_text, mention_text

SEED = Path(__file__).resolve().parents[2] / "shared/seeds/000_72eb39b963fb2b0b.txt"

# (kind, speaker as written or None for a floating quote, cue or None, statement begins)
TABLE = [
    ("indirect", "Gantz", "said", "Israel will retain its qualitative military edge"),
    ("direct", "he", "said", "“QME is a critical aspect"),
    ("indirect", "he", "added", "Israel’s status would not be at risk"),
    ("direct", "Gantz", "said", "“We also make deals with the United States"),
    ("direct", None, None, "“This is not a one-sided deal.”"),
    ("indirect", "he", "suggested", "There would be a demand for compensation"),
    ("indirect", "Gantz", "told", "The possible sale of F-35s was an American prerogative"),
    ("direct", "he", "said", "“I do not remember one moment in history"),
    ("direct", "he", "added", "“We have a good working relationship"),
    ("mixed", "Gantz", "saying", "the UAE and Bahrain were two countries “whom we’ve never fought"),
    ("mixed", "he", "said", "…the proposed sale of the stealth fighters was a “serious matter,”"),
    ("direct", "the US Department of Defense", "said", "“Both leaders exchanged views"),
]
NOT_STATEMENT_LINES = [
    "Defense Minister Gantz heads to Washington",
    "Alternate Prime Minister and Defense Minister Benny Gantz (photo credit: MARC ISRAEL SELLEM)",
    "(photo credit: MARC ISRAEL SELLEM)",
    "Stay updated with the latest news!",
    "Subscribe to The Jerusalem Post Newsletter",
]
LEADING = "“”\"‘’'…"


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_doc(seed_text) -> quotetrack.Document:
    return quotetrack.extract(seed_text, doc_id=str(SEED))


def test_seed_gives_exactly_twelve_statements(seed_doc):
    assert len(seed_doc.quotes) == len(TABLE), [q.text[:40] for q in seed_doc.quotes]


@pytest.mark.parametrize("row", range(len(TABLE)), ids=[f"row{i + 1:02d}" for i in range(len(TABLE))])
def test_seed_table_row(seed_doc, row):
    kind, mention, cue, begins = TABLE[row]
    assert len(seed_doc.quotes) == len(TABLE)
    q = seed_doc.quotes[row]
    assert (q.kind, mention_text(q), cue_text(q)) == (kind, mention, cue)
    assert q.text.lstrip(LEADING).startswith(begins.lstrip(LEADING)), q.text
    if kind == "direct":
        assert q.text[0] in "“\"", q.text                  # a direct content keeps its marks
    if row < len(TABLE) - 1:
        assert q.speaker == "Benny Gantz"
        assert q.speaker_type == "person"
    else:
        assert q.speaker == "US Department of Defense"
        assert q.speaker_type == "organisation"


def test_seed_floating_quote(seed_doc):
    q = seed_doc.quotes[4]
    assert q.text == "“This is not a one-sided deal.”"
    assert (q.mention, q.cue) == (None, None)


def test_seed_title_kept_apart(seed_doc):
    gantz = [q for q in seed_doc.quotes if q.speaker == "Benny Gantz"]
    assert {q.speaker_title for q in gantz} == {"Defense Minister"}


def test_seed_nothing_from_headline_credits_or_newsletter(seed_text, seed_doc):
    for line in NOT_STATEMENT_LINES:
        start = seed_text.index(line)
        end = start + len(line)
        for q in seed_doc.quotes:
            assert q.end <= start or q.start >= end, (line, q.text)
            assert q.mention is None or not (start <= q.mention.start < end), (line, q)


def test_seed_offsets_slice_back(seed_text, seed_doc):
    for q in seed_doc.quotes:
        assert seed_text[q.start:q.end] == q.text
        if q.cue is not None:
            assert seed_text[q.cue.start:q.cue.end] == q.cue.text
        if q.mention is not None:
            assert seed_text[q.mention.start:q.mention.end] == q.mention.text


def test_seed_cli_jsonl(seed_text, capsys):
    assert cli.main(["extract", str(SEED), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["doc_id"] == str(SEED)
    assert len(record["quotes"]) == 12
    assert [q["kind"] for q in record["quotes"]] == [row[0] for row in TABLE]
    for q in record["quotes"]:
        assert seed_text[q["content_start"]:q["content_end"]] == q["content"]

"""Invariants that hold on any text: offsets slice back, positions are valid, the
output contract has its keys, extraction is deterministic and runs in linear time.

Checked on every corpus article (``corpus/*.txt`` with its ``.gold.json``), on
random text (hypothesis), and on long inputs.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import Config

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
ARTICLES = [pytest.param(p, id=p.stem) for p in CORPUS]

# The output contract of issue 2, plus "cue_type", "warnings", "follows" (the index of the
# quote a floating quote continues) and "context_start"/"context_end" (issue 10).
QUOTE_KEYS = {
    "kind", "content", "content_start", "content_end", "fragments", "speaker", "speaker_mention",
    "speaker_start", "speaker_end", "speaker_title", "speaker_type", "speaker_basis", "speaker_id",
    "cue", "cue_start", "cue_end",
    "paragraph", "sentence", "context", "context_start", "context_end", "rule", "cue_type", "warnings",
    "follows",
}
DOC_KEYS = {"doc_id", "quotes", "warnings"}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


_CACHE: dict[Path, quotetrack.Document] = {}


def extracted(path: Path) -> quotetrack.Document:
    if path not in _CACHE:
        _CACHE[path] = quotetrack.extract(read(path), doc_id=path.name)
    return _CACHE[path]


# ----------------------------------------------------------------- shared checks

def check_offsets(text: str, doc: quotetrack.Document) -> None:
    """Offsets of quotes, fragments, speakers, cues, and positions slice back and are valid."""
    assert doc.text == text
    n_paras, n_sents = len(doc.paragraphs), len(doc.sentences)
    for i, q in enumerate(doc.quotes):
        if i:
            assert doc.quotes[i - 1].start <= q.start, "quotes out of text order"
        follows = getattr(q, "follows", None)
        if follows is not None:
            assert 0 <= follows < i, (i, follows)
            assert q.speaker == doc.quotes[follows].speaker
            assert q.mention is None and q.cue is None, q
        assert 0 <= q.start < q.end <= len(text), q
        assert text[q.start:q.end] == q.text
        assert q.fragments, q
        assert q.fragments[0][0] == q.start and q.fragments[-1][1] == q.end, q
        prev_end = q.start
        for s, e in q.fragments:
            assert q.start <= s < e <= q.end, (q.fragments, q.start, q.end)
            assert s >= prev_end, f"fragments overlap or are out of order: {q.fragments}"
            prev_end = e
        if q.mention is not None:
            assert 0 <= q.mention.start < q.mention.end <= len(text)
            assert text[q.mention.start:q.mention.end] == q.mention.text
        if q.cue is not None:
            assert 0 <= q.cue.start < q.cue.end <= len(text)
            assert text[q.cue.start:q.cue.end] == q.cue.text
        assert q.kind in ("direct", "mixed", "indirect"), q.kind
        assert 1 <= q.paragraph <= max(n_paras, 1), (q.paragraph, n_paras)
        assert 1 <= q.sentence <= max(n_sents, 1), (q.sentence, n_sents)
        if n_sents:
            sent = doc.sentences[q.sentence - 1]
            assert sent.paragraph == q.paragraph, (sent, q.paragraph)
            # the quote's sentence is the last one starting at or before the quote
            assert sent.start <= q.start or q.sentence == 1, (sent, q.start)
            assert q.sentence == n_sents or q.start < doc.sentences[q.sentence].start, (sent, q.start)
            assert q.context, q
            # the context is the quote's sentences, or a window of them cut with "…" (a quote of
            # several paragraphs): without its marks it is text[context_start:context_end]
            assert q.context_start >= sent.start, q
            body = q.context[1:] if q.context_start > sent.start else q.context
            cut_after = body != text[q.context_start:q.context_end]
            assert body[:-1 if cut_after else None] == text[q.context_start:q.context_end], q
            assert not cut_after or body.endswith("…"), q
            assert q.context_start == sent.start or q.context.startswith("…"), q
    for i, p in enumerate(doc.paragraphs, start=1):
        assert p.index == i and 0 <= p.start < p.end <= len(text)
    for i, s in enumerate(doc.sentences, start=1):
        assert s.index == i and 1 <= s.paragraph <= n_paras
        para = doc.paragraphs[s.paragraph - 1]
        assert para.start <= s.start < s.end <= para.end
    for w in doc.warnings:
        assert 0 <= w.start <= w.end <= len(text)


# ----------------------------------------------------------------- the corpus

def test_corpus_is_there():
    assert len(CORPUS) >= 12
    for path in CORPUS:
        assert path.with_suffix(".gold.json").exists(), path


@pytest.mark.parametrize("path", ARTICLES)
def test_corpus_offsets(path):
    check_offsets(read(path), extracted(path))


@pytest.mark.parametrize("path", ARTICLES)
def test_corpus_finds_quotes(path):
    assert extracted(path).quotes, "an article of the corpus gives no quotes at all"


@pytest.mark.parametrize("path", ARTICLES)
def test_corpus_output_contract_keys(path):
    record = extracted(path).to_dict()
    assert set(record) == DOC_KEYS
    assert record["doc_id"] == path.name
    for q in record["quotes"]:
        assert set(q) == QUOTE_KEYS
        assert isinstance(q["fragments"], list) and all(isinstance(f, list) and len(f) == 2
                                                        for f in q["fragments"])
        assert isinstance(q["warnings"], list)
    for w in record["warnings"]:
        assert set(w) == {"code", "message", "start", "end"}
    json.dumps(record, ensure_ascii=False)      # serialisable as it stands


@pytest.mark.parametrize("path", ARTICLES)
def test_corpus_deterministic(path):
    text = read(path)
    first = quotetrack.extract(text, doc_id=path.name).to_dict()
    second = quotetrack.extract(text, doc_id=path.name).to_dict()
    assert first == second
    assert first == extracted(path).to_dict()


@pytest.mark.parametrize("path", ARTICLES)
def test_corpus_gold_slices_back(path):
    text = read(path)
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert gold["text"] == text
    assert gold["quotes"]
    for g in gold["quotes"]:
        assert text[g["content_start"]:g["content_end"]] == g["content"], g
        frags = g["content_fragments"]
        assert frags[0][0] == g["content_start"] and frags[-1][1] == g["content_end"], g
        prev = g["content_start"]
        for s, e in frags:
            assert prev <= s < e <= g["content_end"], g
            prev = e
        if g.get("speaker_start") is not None:
            assert text[g["speaker_start"]:g["speaker_end"]] == g["speaker"], g
        if g.get("cue_start") is not None:
            assert text[g["cue_start"]:g["cue_end"]] == g["cue"], g
        assert g["kind"] in ("direct", "mixed", "indirect"), g
    for item in gold.get("not_statements", []):
        assert item in text, item


# ----------------------------------------------------------------- any text

QUOTE_CHARS = list("“”‘’\"'«»„‹›`") + ["''", "``", "\n", "\n\n", " ", ". ", ", ", "—"]
WORDS = ["said", "he", "she", "Gantz", "Ortiz said", "according to", "told reporters", ":",
         "the", "Dr.", "U.S.", "don’t", "players’", "We", "will"]
pieces = st.one_of(st.sampled_from(QUOTE_CHARS), st.sampled_from(WORDS),
                   st.text(min_size=1, max_size=5))
any_text = st.lists(pieces, max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_text_runs_and_offsets_hold(text):
    doc = quotetrack.extract(text)
    check_offsets(text, doc)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("“”‘’\"'«»„\n ")), st.characters()),
               max_size=200))
def test_any_unicode_text_runs_and_offsets_hold(text):
    doc = quotetrack.extract(text)
    check_offsets(text, doc)
    assert doc.to_dict() == quotetrack.extract(text).to_dict()


@settings(max_examples=40, deadline=None)
@given(any_text, st.sampled_from([Config(), Config(attributions="all"), Config(indirect=False),
                                  Config(floating=False), Config(max_scare_words=0)]))
def test_any_config_offsets_hold(text, config):
    check_offsets(text, quotetrack.extract(text, config=config))


# ----------------------------------------------------------------- long inputs

def test_20mb_of_unclosed_marks_finishes_quickly():
    text = "“word " * (20_000_000 // len("“word "))
    assert len(text) >= 19_999_990
    started = time.perf_counter()
    doc = quotetrack.extract(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"20 MB of unclosed quote marks took {elapsed:.1f} s"
    assert doc.warnings, "unclosed marks should be reported"
    for q in doc.quotes:
        assert q.end <= len(text)


def _corpus_block() -> str:
    paras = []
    for path in CORPUS:
        paras += [line for line in read(path).splitlines() if line.strip()]
    return "\n".join(paras) + "\n"


def test_long_article_runs_in_linear_time():
    block = _corpus_block()
    small = -(-250_000 // len(block))            # repetitions for about 250 KB; 4x is about 1 MB
    quotetrack.extract(block)                    # warm the caches (Punkt, word lists)

    def timed(reps: int) -> tuple[float, int]:
        text = block * reps
        started = time.process_time()
        doc = quotetrack.extract(text)
        return time.process_time() - started, len(doc.quotes)

    t_small, n_small = min(timed(small) for _ in range(2))
    t_big, n_big = timed(small * 4)
    assert len(block) * small * 4 >= 1_000_000
    assert n_big == 4 * n_small, "a repeated article should give its quotes once per copy"
    assert t_big / t_small < 8, f"1x {t_small:.2f} s, 4x {t_big:.2f} s"

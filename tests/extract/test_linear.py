"""Issue 10: linear time and bounded output on any input.

Work is counted (tokens read, cut candidates tried) rather than timed where it can be;
the one timing test allows generous growth.  Hypothesis builds random documents out of
the odd shapes of :mod:`quotetrack.evaluation.shapes` and random text.
"""
from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import Config
from quotetrack.evaluation import shapes
from quotetrack.extract import segment
from quotetrack.extract.attribute import cutting
from quotetrack.text import jsonl

SHAPES = [pytest.param(s, id=s.name) for s in shapes.SHAPES]
ELLIPSIS = "…"


def _text(shape: shapes.Shape, size: int) -> str:
    n = max(1, size // len(shape.unit)) if shape.unit != "x" else size
    return shape.make(n)


class _Counting:
    """Stands for the token pattern and counts every token it hands out."""

    def __init__(self, pattern):
        self.pattern, self.count = pattern, 0

    def finditer(self, text, pos=0, endpos=None):
        for m in self.pattern.finditer(text, pos, len(text) if endpos is None else endpos):
            self.count += 1
            yield m


def _work(monkeypatch, text: str) -> tuple[int, int]:
    """(tokens read, cut candidates tried) while extracting ``text``."""
    counter = _Counting(segment._token_pattern())
    cuts = [0]
    real_cut = cutting._cut_of

    def counted_cut(*args):
        cuts[0] += 1
        return real_cut(*args)

    with monkeypatch.context() as m:
        m.setattr(segment, "_token_pattern", lambda: counter)
        m.setattr(cutting, "_cut_of", counted_cut)
        quotetrack.extract(text, config=Config(claims=False))
    return counter.count, cuts[0]


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_with_the_input(shape, monkeypatch):
    """Tokens read and cut candidates tried grow about as the input does (8x), never as its
    square: quoting a dash rest of paragraph per quote, or comparing every pair of
    attributions of a sentence, would grow 64x."""
    small_tokens, small_cuts = _work(monkeypatch, _text(shape, 4000))
    big_tokens, big_cuts = _work(monkeypatch, _text(shape, 32000))
    assert big_tokens <= 12 * max(small_tokens, 50), (small_tokens, big_tokens)
    assert big_cuts <= 12 * max(small_cuts, 50), (small_cuts, big_cuts)


@pytest.mark.parametrize("shape", SHAPES)
def test_cpu_time_grows_about_linearly(shape):
    """Generous: quadratic time would grow 64x for 8x the input; allow 24x."""
    quotetrack.extract("“Warm,” he said.")
    small, big = _text(shape, 5000), _text(shape, 40000)

    def cpu(text: str) -> float:
        started = time.process_time()
        quotetrack.extract(text)
        return time.process_time() - started

    t_small = min(cpu(small) for _ in range(3))
    t_big = min(cpu(big) for _ in range(2))
    assert t_big < max(24 * t_small, 0.25), f"{shape.name}: {t_small:.3f} s, then {t_big:.3f} s for 8x"


def test_the_61_kb_two_sources_document_writes_at_most_30_bytes_a_byte():
    text = "Smith said that the plan would work while Jones said that it would fail and " * 800
    line = jsonl.line(quotetrack.extract(text).to_dict())
    assert len(text.encode()) > 60_000
    assert len(line.encode()) <= 30 * len(text.encode())


@pytest.mark.parametrize("shape", SHAPES)
def test_output_is_bounded_by_the_input(shape):
    text = _text(shape, 40000)
    out = len(jsonl.line(quotetrack.extract(text).to_dict()).encode())
    assert out <= 100 * len(text.encode())


# ----------------------------------------------------------------- properties

def check(text: str, doc, config: Config) -> None:
    """Offsets and contexts slice back; contexts are bounded; output is bounded."""
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
        assert all(text[s:e] for s, e in q.fragments)
        if q.mention is not None:
            assert text[q.mention.start:q.mention.end] == q.mention.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        core = text[q.context_start:q.context_end]
        assert q.context in (core, ELLIPSIS + core, core + ELLIPSIS, ELLIPSIS + core + ELLIPSIS)
        assert len(q.context) <= config.max_context_chars + 2
        assert q.context_start <= q.start < q.context_end or q.start == q.end
    for s in doc.sentences:
        assert s.end - s.start <= config.max_sentence_chars
    out = jsonl.line(doc.to_dict())
    assert len(out.splitlines()) == 1
    assert json.loads(out)["doc_id"] == doc.doc_id
    assert len(out.encode()) <= 300 * len(text.encode()) + 2000


PIECES = [s.unit for s in shapes.SHAPES if s.unit != "x"] + [
    "\n", " ", ", ", ". ", "“", "”", " — ", "Gantz said: ", "according to officials, ", "\u2028", "\u0085",
    "“We will win,” ", "said Ruth Ortiz. ", "He added, ", "Asked why, ", "who said ",
]
shape_texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape_texts)
def test_any_mix_of_shapes_holds(text):
    config = Config()
    check(text, quotetrack.extract(text, config=config), config)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([s for s in shapes.SHAPES]), st.integers(1, 400),
       st.integers(40, 700), st.integers(100, 2000))
def test_shapes_at_any_size_and_window_hold(shape, n, context, sentence):
    """The shapes at random sizes, with small windows so the cuts are exercised."""
    text = shape.make(n) if shape.unit != "x" else shape.make(n * 40)
    config = Config(max_context_chars=context, max_sentence_chars=sentence, piece_chars=max(1000, sentence))
    check(text, quotetrack.extract(text, config=config), config)


# ----------------------------------------------------------------- pieces

def test_long_paragraphs_give_the_same_sentences_in_pieces():
    """Punkt reads a long paragraph in pieces that end at sentence boundaries: the same
    sentences as reading it whole."""
    block = " ".join(["“We will win,” Gantz said.", "Ortiz disagreed.", "Prices rose 4% in the U.S. last year."] * 400)
    paras = segment.paragraphs(block)
    whole = segment.sentences(block, paras, max_chars=10_000, piece=10**9)
    pieces = segment.sentences(block, paras, max_chars=10_000, piece=1000)
    assert len(block) > 20_000 and len(whole) == 1200
    assert whole == pieces


def test_a_sentence_longer_than_the_limit_is_cut_at_white_space():
    text = "word, " * 1000
    sents = segment.sentences(text, segment.paragraphs(text), max_chars=500)
    assert all(s.end - s.start <= 500 for s in sents)
    assert all(text[s.start:s.end].endswith(",") for s in sents[:-1])
    assert "".join(text[s.start:s.end] + " " for s in sents) == text


def test_context_is_the_sentence_when_short_else_a_window():
    short = quotetrack.extract("The deal was fair, Gantz said.").quotes[0]
    assert short.context == "The deal was fair, Gantz said." and (short.context_start, short.context_end) == (0, 30)
    text = "On a day when " + "many things happened " * 20 + "“we will win,” Gantz said, " + "and more " * 40 + "."
    doc = quotetrack.extract(text, config=Config(max_context_chars=200))
    q = next(q for q in doc.quotes if "win" in q.text)
    assert q.context.endswith(ELLIPSIS) and len(q.context) <= 202
    assert q.text[:100] in q.context      # the content's opening is shown
    assert q.context.strip(ELLIPSIS) == text[q.context_start:q.context_end]


# ----------------------------------------------------------------- output

def test_jsonl_escapes_the_line_breaks_splitlines_knows():
    odd = "a\u2028b\u2029c\u0085d"
    doc = quotetrack.extract("“We will win,” Gantz said.", doc_id=odd, meta={"note": odd})
    line = jsonl.line(doc.to_dict())
    assert len(line.splitlines()) == 1
    assert "\\u2028" in line and "\\u2029" in line and "\\u0085" in line
    assert json.loads(line)["doc_id"] == odd and json.loads(line)["note"] == odd


def test_input_quotes_and_warnings_are_kept_under_input_names():
    doc = quotetrack.extract("“We will win,” Gantz said.", meta={"quotes": [{"gold": 1}], "warnings": "none",
                                                                  "input_warnings": "mine"})
    record = doc.to_dict()
    assert record["input_quotes"] == [{"gold": 1}]
    assert record["input_input_warnings"] == "none" and record["input_warnings"] == "mine"
    assert record["quotes"][0]["speaker"] == "Gantz"


def test_bench_shapes_reports_every_shape(monkeypatch, capsys):
    from quotetrack import cli
    monkeypatch.setattr(shapes, "SMALL_BYTES", 800)
    assert cli.main(["bench", "--shapes", "--json", "--no-claims"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["name"] for r in rows] == [s.name for s in shapes.SHAPES]
    for r in rows:
        assert 6000 <= r["large_bytes"] <= 8 * r["small_bytes"] + 100
        assert r["out_per_in"] >= 0 and r["growth"] >= 0


def test_bench_shapes_takes_no_paths(capsys):
    from quotetrack import cli
    assert cli.main(["bench", "--shapes", "corpus"]) == 2
    assert "--shapes takes no PATH" in capsys.readouterr().err


def test_bench_saves_the_shapes_for_any_revision_to_time(tmp_path, capsys):
    from quotetrack import cli
    assert cli.main(["bench", "--shapes", "--shape-bytes", "1000", "--save-shapes", str(tmp_path / "s")]) == 0
    paths = capsys.readouterr().out.split()
    assert len(paths) == 2 * len(shapes.SHAPES)
    for small, large in zip(paths[::2], paths[1::2]):
        a, b = open(small, encoding="utf-8").read(), open(large, encoding="utf-8").read()
        assert 800 <= len(a.encode()) <= 1100 < 7 * len(a.encode()) <= len(b.encode())
        assert small.endswith(f"-{len(a.encode())}.txt")
    assert cli.main(["bench", "--shapes", "--save-shapes", str(tmp_path / "s" / paths[0].split("/")[-1] / "x")]) == 1
    assert "cannot write the shapes" in capsys.readouterr().err


def test_shape_options_need_shapes(capsys):
    from quotetrack import cli
    assert cli.main(["bench", "--shape-bytes", "1000"]) == 2
    assert "--shape-bytes and --save-shapes go with --shapes" in capsys.readouterr().err

"""Tests of quotetrack.evaluation.attribution: span trimming, matching, subsets, loading, run()."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from quotetrack.evaluation import attribution as ev
from quotetrack.evaluation import gold as ev_gold
from quotetrack.evaluation import matching as ev_match

# A small stand-in for the speech forms of data/text/cues.tsv, so these tests do not
# depend on the lexicon's contents.
SPEECH = frozenset({"said", "says", "say", "told", "added", "according to", "said in a statement"})


@pytest.fixture(autouse=True)
def _speech_lexicon(monkeypatch):
    monkeypatch.setattr(ev, "speech_cue_forms", lambda: SPEECH)


# -- helpers ----------------------------------------------------------------

def span(text: str, part: str, nth: int = 0) -> list[int]:
    """[start, end] of the nth occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return [start, start + len(part)]


def gold_q(text, part=None, *, frags=None, kind="direct", cue="said", speaker=None, nth=0):
    """A gold item over ``part`` (or over explicit fragments)."""
    frags = frags or [span(text, part, nth)]
    q = {"content": text[frags[0][0]:frags[-1][1]], "content_start": frags[0][0],
         "content_end": frags[-1][1], "content_fragments": frags, "kind": kind, "cue": cue,
         "speaker": None, "speaker_start": None, "speaker_end": None}
    if speaker:
        s, e = span(text, speaker)
        q.update(speaker=speaker, speaker_start=s, speaker_end=e)
    return q


def pred_q(text, part=None, *, frags=None, kind="direct", cue_type="speech", speaker=None,
           rule="test", paragraph=1, nth=0):
    """A prediction in the output contract over ``part`` (or explicit fragments)."""
    frags = frags or [span(text, part, nth)]
    q = {"kind": kind, "content_start": frags[0][0], "content_end": frags[-1][1],
         "fragments": frags, "speaker": speaker, "speaker_mention": speaker,
         "speaker_start": None, "speaker_end": None, "cue": "said", "cue_type": cue_type,
         "rule": rule, "paragraph": paragraph}
    if speaker:
        s, e = span(text, speaker)
        q.update(speaker_start=s, speaker_end=e)
    return q


def score(text, gold, pred, **kw):
    doc = {"doc_id": "d1", "text": text, "quotes": gold}
    return ev.evaluate([doc], {"d1": pred}, **kw)


def prf(report, subset="all", th="iou50"):
    s = report.subsets[subset]
    return s.precision(th), s.recall(th), s.f1(th)


# -- trimming ---------------------------------------------------------------

@pytest.mark.parametrize("raw, want", [
    ("“We will win.”", "We will win"),
    ("  \"We will win,\"  ", "We will win"),
    ("‘(yes)’", "yes"),
    ("``Hello there''", "Hello there"),
    ("« Non! »", "Non"),
    ("— it failed…", "it failed"),
    ("that the plan failed.", "the plan failed"),
    ("That “the plan failed,” ", "the plan failed"),
    ("thatched roofs", "thatched roofs"),        # "that" only as a word
    ("that", "that"),                           # a lone "that" is content
    ("...", ""),
])
def test_trim_span(raw, want):
    s, e = ev_match.trim_span(raw, 0, len(raw))
    assert raw[s:e] == want


def test_trimmed_spans_match_exactly():
    text = 'Harman said that “the plan failed.” It did.'
    gold = [gold_q(text, 'that “the plan failed.”', kind="mixed")]
    pred = [pred_q(text, "the plan failed", kind="mixed")]
    r = score(text, gold, pred)
    assert prf(r, "all", "exact") == (1.0, 1.0, 1.0)
    assert prf(r, "quotes", "exact") == (1.0, 1.0, 1.0)


def test_exact_match():
    text = "“We also make deals,” Gantz said."
    r = score(text, [gold_q(text, "“We also make deals,”")], [pred_q(text, "“We also make deals,”")])
    s = r.subsets["quotes"]
    assert (s.gold, s.pred, s.tp["exact"], s.tp["iou50"]) == (1, 1, 1, 1)
    assert prf(r, "quotes", "exact") == (1.0, 1.0, 1.0)


def test_interval_helpers():
    assert ev_match.merge_intervals([(5, 9), (0, 3), (2, 4), (7, 7)]) == ((0, 4), (5, 9))
    assert ev_match.intersection_length([(0, 4), (10, 20)], [(2, 12)]) == 4
    assert ev_match.intersection_length([(0, 4)], [(4, 8)]) == 0


# -- IoU threshold ------------------------------------------------------------

@pytest.mark.parametrize("pred_len, hit", [(50, True), (49, False)])
def test_iou_threshold(pred_len, hit):
    text = "x" * 100
    gold = [gold_q(text, frags=[[0, 100]], kind="indirect")]
    pred = [pred_q(text, frags=[[0, pred_len]], kind="indirect")]
    r = score(text, gold, pred)
    s = r.subsets["all"]
    assert s.tp["iou50"] == int(hit)
    assert s.tp["exact"] == 0


def test_one_to_one_greedy():
    text = "He said the economy is strong and jobs are up."
    gold = [gold_q(text, "the economy is strong and jobs are up", kind="indirect")]
    pred = [pred_q(text, "the economy is strong", kind="indirect"),
            pred_q(text, "the economy is strong and jobs are up", kind="indirect")]
    r = score(text, gold, pred)
    s = r.subsets["all"]
    assert s.tp["exact"] == 1 and s.tp["iou50"] == 1
    assert prf(r, "all", "exact") == (0.5, 1.0, pytest.approx(2 / 3))


def test_greedy_prefers_higher_iou():
    text = "aaaa bbbb cccc dddd"
    g1, g2 = [0, 9], [5, 19]                       # "aaaa bbbb", "bbbb cccc dddd"
    gold = [gold_q(text, frags=[g1], kind="indirect"), gold_q(text, frags=[g2], kind="indirect")]
    pred = [pred_q(text, frags=[[5, 19]], kind="indirect")]
    pairs_report = score(text, gold, pred)
    assert pairs_report.subsets["all"].tp["exact"] == 1


# -- fragments -----------------------------------------------------------------

def test_fragments_scored_without_the_gap():
    text = "“We will win,” Harman said, “and we will win big in November.”"
    f1, f2 = span(text, "“We will win,”"), span(text, "“and we will win big in November.”")
    gold = [gold_q(text, frags=[f1, f2], speaker="Harman")]
    whole = [pred_q(text, frags=[[f1[0], f2[1]]], speaker="Harman")]
    pieces = [pred_q(text, frags=[f1, f2], speaker="Harman")]

    r = score(text, gold, whole)
    assert r.subsets["quotes"].tp["exact"] == 0
    assert r.subsets["quotes"].tp["iou50"] == 1

    r = score(text, gold, pieces)
    assert r.subsets["quotes"].tp["exact"] == 1


# -- subsets ---------------------------------------------------------------------

@pytest.mark.parametrize("cue, want", [
    ("said", True), ("said:", True), (":", True), (" : ", True), ("has said", True),
    ("said in a statement", True), ("According to", True), ("believes", False),
    ("show", False), (None, False), ("", False),
])
def test_is_speech_cue(cue, want):
    assert ev_match.is_speech_cue(cue, SPEECH) is want


def test_is_speech_cue_two_word_run():
    assert ev_match.is_speech_cue("reportedly according to", {"according to"})
    assert not ev_match.is_speech_cue("according", {"according to"})


def test_prediction_matching_other_subset_is_neutral():
    text = "Trump believes the wall will work. Clinton said the wall would fail."
    gold = [gold_q(text, "the wall will work", kind="indirect", cue="believes"),
            gold_q(text, "the wall would fail", kind="indirect", cue="said")]
    pred = [pred_q(text, "the wall will work", kind="indirect", cue_type="speech"),
            pred_q(text, "the wall would fail", kind="indirect", cue_type="speech")]
    r = score(text, gold, pred)
    speech = r.subsets["speech"]
    assert (speech.gold, speech.pred, speech.neutral["exact"], speech.tp["exact"]) == (1, 2, 1, 1)
    assert prf(r, "speech", "exact") == (1.0, 1.0, 1.0)
    assert prf(r, "all", "exact") == (1.0, 1.0, 1.0)


def test_neutral_only_when_matched_to_gold():
    text = "Trump believes the wall will work. Nobody else spoke here at all."
    gold = [gold_q(text, "the wall will work", kind="indirect", cue="believes")]
    pred = [pred_q(text, "the wall will work", kind="indirect"),
            pred_q(text, "Nobody else spoke here", kind="indirect")]
    r = score(text, gold, pred)
    speech = r.subsets["speech"]
    assert speech.neutral["iou50"] == 1
    assert speech.precision("iou50") == 0.0    # the unmatched one is a false positive
    assert speech.recall("iou50") is None      # no gold speech at all


def test_subsets_of_kinds():
    assert ev_match.pred_subsets({"kind": "mixed"}) == {"quotes", "all"}
    assert ev_match.pred_subsets({"kind": "indirect", "cue_type": "thought"}) == {"all"}
    assert ev_match.gold_subsets({"kind": "indirect", "cue": "told"}, SPEECH) == {"speech", "all"}
    assert ev_match.gold_subsets({"kind": "indirect", "cue": "wants"}, SPEECH) == {"all"}


# -- speakers ------------------------------------------------------------------------

def test_speaker_accuracy():
    text = ("Senator Jane Harman said taxes will rise. "
            "Critics said spending will fall. "
            "Rates will stay low, it is said. "
            "Prices will climb, it is said again.")
    gold = [gold_q(text, "taxes will rise", kind="indirect", speaker="Senator Jane Harman"),
            gold_q(text, "spending will fall", kind="indirect", speaker="Critics"),
            gold_q(text, "Rates will stay low", kind="indirect"),
            gold_q(text, "Prices will climb", kind="indirect")]
    pred = [pred_q(text, "taxes will rise", kind="indirect", speaker="Harman"),        # overlaps
            pred_q(text, "spending will fall", kind="indirect", speaker="Senator"),    # wrong
            pred_q(text, "Rates will stay low", kind="indirect"),                      # both null
            pred_q(text, "Prices will climb", kind="indirect", speaker="Critics")]     # gold null
    r = score(text, gold, pred)
    s = r.subsets["all"]
    assert (s.speaker_correct, s.speaker_total) == (2, 4)
    assert s.speaker_accuracy == 0.5


def test_speaker_correct_edges():
    assert ev_match.speaker_correct({"speaker_start": 0, "speaker_end": 5}, {"speaker_start": 4, "speaker_end": 9})
    assert not ev_match.speaker_correct({"speaker_start": 0, "speaker_end": 5}, {"speaker_start": 5, "speaker_end": 9})
    assert not ev_match.speaker_correct({"speaker_start": 0, "speaker_end": 5}, {"speaker_start": None})
    assert ev_match.speaker_correct({"speaker_start": None}, {"speaker_start": None})


# -- merge_floating ----------------------------------------------------------------------

def test_merge_floating():
    text = "“We will win,” Harman said. “And we will win big, very big, in every state.”"
    f1, f2 = span(text, "“We will win,”"), span(text, "“And we will win big, very big, in every state.”")
    gold = [gold_q(text, frags=[f1, f2], speaker="Harman")]
    pred = [pred_q(text, frags=[f2], rule="floating_quote", speaker="Harman"),
            pred_q(text, frags=[f1], rule="quote_cue_name", speaker="Harman")]

    plain = score(text, gold, pred)
    assert plain.subsets["quotes"].tp["iou50"] == 1            # the floating part, alone
    assert plain.subsets["quotes"].tp["exact"] == 0
    assert plain.subsets["quotes"].pred == 2

    merged = score(text, gold, pred, merge_floating=True)
    assert merged.merged == 1
    assert merged.subsets["quotes"].pred == 1
    assert prf(merged, "quotes", "exact") == (1.0, 1.0, 1.0)


def test_merge_floating_needs_nearby_paragraph():
    quotes = [{"content_start": 0, "content_end": 5, "fragments": [[0, 5]], "rule": "a", "paragraph": 1,
               "kind": "direct"},
              {"content_start": 10, "content_end": 15, "rule": "floating", "paragraph": 2, "kind": "direct"},
              {"content_start": 20, "content_end": 25, "rule": "floating", "paragraph": 3, "kind": "direct"},
              {"content_start": 40, "content_end": 45, "rule": "floating", "paragraph": 5, "kind": "indirect"}]
    out = ev_match.merge_floating_quotes(quotes)
    assert [q["fragments"] for q in out] == [[[0, 5], [10, 15], [20, 25]], [[40, 45]]]
    assert out[0]["content_end"] == 25 and out[0]["rule"] == "a"
    assert quotes[0]["fragments"] == [[0, 5]]                  # input untouched


# -- loading --------------------------------------------------------------------------------

def _doc(doc_id, text="He said it.", quotes=None):
    return {"doc_id": doc_id, "text": text, "quotes": quotes or []}


def test_load_gold_directory(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(_doc("a")), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps(_doc("b1")) + "\n\n" + json.dumps(_doc("b2")) + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    assert [d["doc_id"] for d in ev_gold.load_gold(tmp_path)] == ["a", "b1", "b2"]


def test_load_gold_single_json_file(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps(_doc("solo")), encoding="utf-8")
    assert [d["doc_id"] for d in ev_gold.load_gold(p)] == ["solo"]


def test_load_gold_is_lazy(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(_doc("ok")) + "\n{broken\n", encoding="utf-8")
    docs = ev_gold.load_gold(p)
    assert next(docs)["doc_id"] == "ok"        # the bad line is not read yet
    with pytest.raises(ev_match.EvalError):
        next(docs)


def test_malformed_line_names_path_and_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps(_doc("a")) + "\n{not json}\n", encoding="utf-8")
    with pytest.raises(ev_match.EvalError, match=rf"^{p}: line 2: not valid JSON "):
        list(ev_gold.load_gold(p))


def test_bad_offsets_name_path_and_line(tmp_path):
    p = tmp_path / "gold.jsonl"
    bad = _doc("a", quotes=[{"content_start": 3, "content_end": 999}])
    p.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ev_match.EvalError, match=rf"^{p}: line 1: quotes\[0\]"):
        list(ev_gold.load_gold(p))


def test_missing_gold_path(tmp_path):
    with pytest.raises(ev_match.EvalError, match="No such file or directory"):
        ev_gold.load_gold(tmp_path / "nope.jsonl")


def test_load_predictions_errors(tmp_path):
    p = tmp_path / "pred.jsonl"
    p.write_text(json.dumps({"doc_id": "a", "quotes": []}) + "\n"
                 + json.dumps({"doc_id": "a", "quotes": []}) + "\n", encoding="utf-8")
    with pytest.raises(ev_match.EvalError, match=rf"^{p}: line 2: doc_id 'a' appears twice"):
        ev_gold.load_predictions(p)


# -- run() ---------------------------------------------------------------------------------

@pytest.fixture
def files(tmp_path):
    text = "“We will win,” Harman said. Clinton said the plan failed."
    gold = _doc("d1", text, [gold_q(text, "“We will win,”", speaker="Harman"),
                             gold_q(text, "the plan failed", kind="indirect", speaker="Clinton")])
    pred = {"doc_id": "d1", "quotes": [pred_q(text, "“We will win,”", speaker="Harman"),
                                       pred_q(text, "Harman said", kind="indirect")]}
    g, p = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    g.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    p.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    return g, p


def test_run_writes_table(files):
    g, p = files
    out = io.StringIO()
    assert ev.run(str(g), str(p), out=out) == 0
    table = out.getvalue()
    for name in ("quotes", "speech", "all", "F1 iou50", "speaker"):
        assert name in table


def test_run_json_and_by_rule(files):
    g, p = files
    out = io.StringIO()
    assert ev.run(str(g), str(p), as_json=True, by_rule=True, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["subsets"]["quotes"]["exact"]["f1"] == 1.0
    assert data["subsets"]["speech"]["iou50"]["recall"] == 0.0
    assert data["subsets"]["all"]["iou50"]["precision"] == 0.5
    assert data["by_rule"]["test"] == {"pred": 2, "exact": 1, "iou50": 1, "precision": 0.5,
                                       "speaker_correct": 1, "speaker_accuracy": 1.0}


def test_run_errors_dump(files, tmp_path):
    g, p = files
    dump = tmp_path / "errors.jsonl"
    assert ev.run(str(g), str(p), errors=str(dump), out=io.StringIO()) == 0
    recs = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["error"] for r in recs) == ["fn", "fp"]
    fn = next(r for r in recs if r["error"] == "fn")
    assert fn["gold_text"] == "the plan failed" and fn["gold_speaker"] == "Clinton"
    fp = next(r for r in recs if r["error"] == "fp")
    assert fp["rule"] == "test" and fp["pred_text"] == "Harman said"


def test_run_bad_input_is_one_line_on_stderr(tmp_path, capsys):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    assert ev.run(str(bad), out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"quotetrack: {bad}: line 1: ") and err.count("\n") == 1
    assert ev.run(str(tmp_path / "missing.jsonl"), out=io.StringIO()) == 1
    assert "quotetrack: " in capsys.readouterr().err


def test_run_limit(tmp_path):
    g = tmp_path / "gold.jsonl"
    g.write_text("".join(json.dumps(_doc(f"d{i}")) + "\n" for i in range(5)) + "{bad\n",
                 encoding="utf-8")
    p = tmp_path / "pred.jsonl"
    p.write_text("", encoding="utf-8")
    out = io.StringIO()
    assert ev.run(str(g), str(p), as_json=True, limit=3, out=out) == 0   # never reaches {bad
    data = json.loads(out.getvalue())
    assert data["docs"] == 3 and data["docs_without_predictions"] == 3


def test_run_without_predictions_uses_extractor(tmp_path, monkeypatch):
    text = "“We will win,” Harman said."
    g = tmp_path / "gold.jsonl"
    g.write_text(json.dumps(_doc("d1", text, [gold_q(text, "“We will win,”")])) + "\n", encoding="utf-8")
    seen = []
    monkeypatch.setattr(ev, "predict_quotes",
                        lambda doc: seen.append(doc["doc_id"]) or [pred_q(doc["text"], "We will win")])
    out = io.StringIO()
    assert ev.run(str(g), as_json=True, out=out) == 0
    assert seen == ["d1"]
    assert json.loads(out.getvalue())["subsets"]["quotes"]["exact"]["f1"] == 1.0


# -- invariants -----------------------------------------------------------------------------

_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8)


@settings(max_examples=60, deadline=None)
@given(_spans, st.sampled_from(["direct", "mixed", "indirect"]))
def test_gold_against_itself_scores_one(spans, kind):
    text = "Word “quote,” that said: more (text) here and there. " * 2
    quotes = [{"content_start": s, "content_end": min(s + n, len(text)), "kind": kind, "cue": "said",
               "speaker_start": None, "speaker_end": None} for s, n in spans]
    pred = [dict(q, fragments=[[q["content_start"], q["content_end"]]], cue_type="speech")
            for q in quotes]
    r = score(text, quotes, pred)
    for name, s in r.subsets.items():
        assert s.tp["iou50"] == s.tp["exact"]
        if s.gold:
            assert s.recall("exact") == 1.0
        if s.pred - s.neutral["exact"]:
            assert s.precision("exact") == 1.0


# -- real data, when present ------------------------------------------------------------------

POLNEAR = Path(__file__).resolve().parents[3] / "shared/data/polnear/train.jsonl"


def test_polnear_fragments_slice_back():
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} not present")
    docs = []
    for doc in ev_gold.load_gold(POLNEAR):
        docs.append(doc)
        if len(docs) == 5:
            break
    assert len(docs) == 5
    for doc in docs:
        text = doc["text"]
        for q in doc["quotes"]:
            content = text[q["content_start"]:q["content_end"]]
            assert content == q["content"]
            frags = q["content_fragments"]
            assert frags[0][0] == q["content_start"] and frags[-1][1] == q["content_end"]
            for s, e in frags:
                assert text[s:e] in content


def test_scores_without_predictions_or_gold():
    s = ev.SubsetScore(gold=4)
    assert s.precision("exact") is None and s.recall("exact") == 0.0 and s.f1("exact") == 0.0
    assert ev.SubsetScore().f1("iou50") is None


# -- conventions added for PolNeAR -----------------------------------------------------------

def test_typewriter_quoted_gold_is_rederived_as_direct_or_mixed():
    text = "''We are refugees,'' she said. He called it ''a mess'' in public."
    direct = gold_q(text, "''We are refugees,''", kind="indirect")
    mixed = gold_q(text, "it ''a mess'' in public", kind="indirect", cue="called")
    plain = gold_q(text, "in public", kind="indirect")
    assert ev_match.rederive_kind(direct, text) == "direct"
    assert ev_match.rederive_kind(mixed, text) == "mixed"
    assert ev_match.rederive_kind(plain, text) == "indirect"
    pred = [pred_q(text, "''We are refugees,''", kind="direct")]
    assert score(text, [direct], pred).subsets["quotes"].tp["iou50"] == 1
    raw = score(text, [direct], pred, raw_gold_kinds=True)
    assert raw.subsets["quotes"].gold == 0 and raw.subsets["quotes"].neutral["iou50"] == 1


def test_merge_floating_only_into_direct_or_mixed_hosts():
    text = "Harman said the plan would work. “And we will win big, very big, in every state.”"
    host = pred_q(text, "the plan would work", kind="indirect", speaker="Harman")
    floating = pred_q(text, "“And we will win big, very big, in every state.”", rule="floating")
    assert len(ev_match.merge_floating_quotes([host, floating])) == 2
    host["kind"] = "direct"
    assert len(ev_match.merge_floating_quotes([host, floating])) == 1


def test_floating_speaker_inherited_through_follows_under_merge_floating():
    text = "“We will win,” Harman said.\n\n“Every state.”"
    gold = [gold_q(text, "“We will win,”", speaker="Harman"),
            gold_q(text, "“Every state.”", speaker="Harman")]
    host = pred_q(text, "“We will win,”", speaker="Harman", paragraph=1)
    # two paragraphs apart: not merged, but scored with the speaker of the quote it follows
    floating = dict(pred_q(text, "“Every state.”", rule="floating", paragraph=3), follows=0)
    report = score(text, gold, [host, floating], merge_floating=True)
    assert report.subsets["all"].speaker_correct == 2
    report = score(text, gold, [host, floating])
    assert report.subsets["all"].speaker_correct == 1


def test_resolved_speaker_accuracy_when_gold_names_the_speaker():
    text = "The deal is fair, he said."
    gold = [dict(gold_q(text, "The deal is fair", kind="indirect", speaker="he"),
                 speaker_resolved="Benny Gantz")]
    right = dict(pred_q(text, "The deal is fair", kind="indirect", speaker="he"), speaker="Benny Gantz")
    wrong = dict(right, speaker="Mark Esper")
    assert score(text, gold, [right]).subsets["all"].resolved_accuracy == 1.0
    assert score(text, gold, [wrong]).subsets["all"].resolved_accuracy == 0.0
    assert "resolved" in ev.format_report(score(text, gold, [right]))
    assert ev_match.resolved_correct({"speaker_resolved": "the Ministry"}, {"speaker": "Ministry"})


# --- the quality floor on corpus/ ----------------------------------------------------------------

FLOOR = json.loads((Path(__file__).resolve().parents[1] / "eval_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus_scores():
    out = io.StringIO()
    ev.run(str(Path(__file__).resolve().parents[2] / "corpus"), as_json=True, out=out)
    return json.loads(out.getvalue())["subsets"]


@pytest.mark.parametrize("subset", sorted(FLOOR["floors"]))
def test_corpus_scores_stay_above_the_floor(corpus_scores, subset):
    """``quotetrack eval corpus/`` stays within the tolerance of tests/eval_floor.json."""
    got = corpus_scores[subset]
    measured = {"exact_f1": got["exact"]["f1"], "iou50_f1": got["iou50"]["f1"],
                "speaker": got["speaker"]["accuracy"], "resolved_speaker": got["resolved_speaker"]["accuracy"]}
    below = {k: (measured[k], floor) for k, floor in FLOOR["floors"][subset].items()
             if measured[k] < floor - FLOOR["tolerance"]}
    assert below == {}, f"{subset}: below the floor (measured, floor): {below}"

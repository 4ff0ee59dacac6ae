"""The claim scorer (claimscore.py) and its measurement (claims_eval.py, ``eval-claims``).

Golden sentences are data: ``tests/cases/claims/*.json``, a list of
``{label, comment, sentence, check_worthy, rules, types[, xfail]}``: ``rules`` must all
fire, ``types`` are the claim types exactly, and ``check_worthy`` is the verdict at the
default threshold (a known miss carries ``xfail`` with the reason and is run as a strict
xfail).
"""
from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import cli
from quotetrack.evaluation import claims as claims_eval
from quotetrack.claims import scorer as claimscore

CASES_DIR = Path(__file__).resolve().parents[1] / "cases" / "claims"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "claims"


def load_cases() -> list[dict]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.json")):
        cases.extend(json.loads(path.read_text(encoding="utf-8")))
    return cases


CASES = load_cases()


def _verdict_param(case: dict):
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
    return pytest.param(case, id=case["label"], marks=marks)


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_rules_and_types(case):
    s = claimscore.score_claim(case["sentence"])
    fired = [name for name, _w in s.rules]
    assert set(case["rules"]) <= set(fired), fired
    assert not set(case.get("not_rules", ())) & set(fired), fired
    assert list(s.types) == case["types"]


@pytest.mark.parametrize("case", [_verdict_param(c) for c in CASES])
def test_check_worthy(case):
    s = claimscore.score_claim(case["sentence"])
    assert s.check_worthy == case["check_worthy"], (s.score, s.rules)


def test_every_rule_has_a_golden_case():
    fired = set()
    for case in CASES:
        fired.update(name for name, _w in claimscore.score_claim(case["sentence"]).rules)
    assert set(claimscore.tables().rules) <= fired


def test_case_labels_unique():
    labels = [c["label"] for c in CASES]
    assert len(labels) == len(set(labels))


# --- the score and its rules ----------------------------------------------------------------------

def test_api_exported():
    s = quotetrack.score_claim("We lost 700,000 jobs last year.")
    assert isinstance(s, quotetrack.ClaimScore)
    assert "score_claim" in quotetrack.__all__ and "ClaimScore" in quotetrack.__all__


def s_text() -> str:
    return "Unemployment fell to 4.1 percent in 2019, the lowest in decades."


def test_score_is_the_logistic_of_bias_plus_weights():
    t = claimscore.tables()
    s = claimscore.score_claim(s_text())
    assert s.rules, "rules fired"
    for name, weight in s.rules:
        if name != claimscore.WORDS_RULE:
            assert t.rules[name].weight == weight
    # the stacked model: the n-grams' sum is the pseudo-rule "words", last
    weights = claimscore.ngram_weights()
    words = math.fsum(weights[g] for g in claimscore.ngrams(s_text()) if g in weights)
    assert s.rules[-1] == (claimscore.WORDS_RULE, round(words, 4))
    assert math.isclose(s.score, 1 / (1 + math.exp(-(t.bias + sum(w for _n, w in s.rules[:-1]) + words))))
    assert s.check_worthy == (s.score >= claimscore.default_threshold())


def test_rules_reported_in_file_order_once_each():
    s = claimscore.score_claim("Taxes rose, rose and rose again: 5%, 6% and 7% since 1990.")
    names = [n for n, _w in s.rules if n != claimscore.WORDS_RULE]
    order = list(claimscore.tables().rules)
    assert names == sorted(set(names), key=order.index)


def test_question_mark_lowers_the_score():
    statement = claimscore.score_claim("The plant employed 4,200 workers last year.")
    question = claimscore.score_claim("The plant employed 4,200 workers last year?")
    assert question.score < statement.score
    assert ("question_mark", claimscore.tables().rules["question_mark"].weight) in question.rules


def test_curly_and_straight_apostrophes_agree():
    straight = claimscore.score_claim("I don't think we've lost 3 million jobs.")
    curly = claimscore.score_claim("I don’t think we’ve lost 3 million jobs.")
    assert straight == curly


def test_opener_skipped_before_a_start_phrase():
    assert "question_start" in claimscore.fired_rules("And why did the plant close?")
    assert "question_start" not in claimscore.fired_rules("The plant closed, and why?")


def test_rather_than_is_not_a_comparison():
    assert "than" not in claimscore.fired_rules("They walked rather than drove home.")
    assert "than" in claimscore.fired_rules("They walked faster than we drove home.")


def test_possessive_place_name():
    assert "place" in claimscore.fired_rules("Canada's exports grew last year.")


def test_bad_rules_file_named(monkeypatch):
    from quotetrack.text import lexicon
    real = lexicon.rows

    def rows(name):
        if name == claimscore.PHRASES_FILE:
            return (("no_such_rule", "foo|bar"),)
        return real(name)

    monkeypatch.setattr(lexicon, "rows", rows)
    claimscore.tables.cache_clear()
    try:
        with pytest.raises(ValueError, match="claims/claim_phrases.tsv: bad line"):
            claimscore.tables()
    finally:
        claimscore.tables.cache_clear()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_scores_in_range_deterministically(text):
    s = claimscore.score_claim(text)
    assert 0.0 <= s.score <= 1.0
    assert s == claimscore.score_claim(text)
    assert s.check_worthy == (s.score >= claimscore.default_threshold())
    rules = claimscore.tables().rules
    assert all(name in rules or name == claimscore.WORDS_RULE for name, _w in s.rules)
    assert set(s.types) <= set(claimscore.CLAIM_TYPES)



@pytest.mark.parametrize("text", ["don't stop at 1,200.5 in the U.S.", "a_b __init__ x_1", "O'Neill's 3rd, 4th.",
                                  "", "'quoted' ,comma, .dot."])
def test_ascii_tokens_as_the_unicode_pattern(text):
    # fired_rules tokenises ASCII text with the faster ASCII pattern: it must split the same
    pats = claimscore._patterns()
    assert pats["ascii_token"].findall(text) == pats["token"].findall(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_tokens_as_the_unicode_pattern_any_text(text):
    pats = claimscore._patterns()
    assert pats["ascii_token"].findall(text) == pats["token"].findall(text)

# --- eval-claims --------------------------------------------------------------------------------------

# Two clear claims, one clear non-claim labelled 0, one non-claim labelled 1 (a miss),
# and one clear claim labelled 0 (a false alarm): TP 2, FP 1, FN 1.
SENTENCES = [
    ("We lost 700,000 jobs in 2009, the worst year since 1945.", 1),
    ("Unemployment fell to 4.1 percent, down from 10 percent in 2010.", 1),
    ("Thank you very much.", 0),
    ("I think so.", 1),
    ("The deficit doubled to $1.4 trillion in 2009.", 0),
]


def _run(argv, capsys):
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _write_jsonl(path, items):
    path.write_text("".join(json.dumps({"id": i, "text": t, "label": lab}) + "\n"
                            for i, (t, lab) in enumerate(items)), encoding="utf-8")


def test_eval_claims_jsonl_exact(tmp_path, capsys):
    verdicts = [claimscore.score_claim(text).check_worthy for text, _label in SENTENCES]
    assert verdicts == [True, True, False, False, True]     # the premise of the counts below
    path = tmp_path / "s.jsonl"
    _write_jsonl(path, SENTENCES)
    code, out, err = _run(["eval-claims", str(path), "--json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["sentences"], data["positives"], data["predicted"]) == (5, 3, 3)
    assert (data["tp"], data["fp"], data["fn"]) == (2, 1, 1)
    assert data["precision"] == pytest.approx(2 / 3)
    assert data["recall"] == pytest.approx(2 / 3)
    assert data["f1"] == pytest.approx(2 / 3)
    code, out, _err = _run(["eval-claims", str(path)], capsys)
    assert code == 0
    assert out.splitlines()[2].split() == ["check-worthy", "5", "3", "3", "2", "1", "1",
                                           "0.667", "0.667", "0.667"]


def test_eval_claims_threshold_option(tmp_path, capsys):
    path = tmp_path / "s.jsonl"
    _write_jsonl(path, SENTENCES)
    code, out, _err = _run(["eval-claims", str(path), "--threshold", "1", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["threshold"], data["predicted"], data["tp"], data["fn"]) == (1.0, 0, 0, 3)
    code, _out, err = _run(["eval-claims", str(path), "--threshold", "2"], capsys)
    assert code == 2 and "'2' must be from 0 to 1" in err


def test_eval_claims_options_for_the_other_kind_of_file(tmp_path, capsys):
    code, _out, err = _run(["eval-claims", str(tmp_path), "--threshold", "0.5"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == ("quotetrack eval-claims: error: --threshold applies to a "
                                    ".jsonl file of sentences, not to debates")
    code, _out, err = _run(["eval-claims", str(tmp_path / "s.jsonl"), "--sentence-only"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == ("quotetrack eval-claims: error: --sentence-only applies to "
                                    "debates (.tsv), not to a .jsonl file")


DEBATE_A = [   # (speaker, text, label); the moderator asks, the candidate claims
    ("MOD", "Good evening and welcome to the debate.", 0),
    ("MOD", "What would you do about jobs?", 0),
    ("SMITH", "Thank you.", 0),
    ("SMITH", "We lost 700,000 jobs in 2009, the worst year since 1945.", 1),
    ("SMITH", "I think we can do better.", 0),
    ("SMITH", "I love this town.", 1),
]
DEBATE_B = [
    ("HOST", "Are you ready?", 0),
    ("JONES", "The deficit doubled to $1.4 trillion in 2009.", 1),
    ("JONES", "Thank you all.", 0),
]


def _write_tsv(path, lines):
    path.write_text("".join(f"{i}\t{s}\t{t}\t{lab}\n" for i, (s, t, lab) in enumerate(lines, 1)),
                    encoding="utf-8")


def test_eval_claims_debates_exact(tmp_path, capsys):
    _write_tsv(tmp_path / "a.tsv", DEBATE_A)
    _write_tsv(tmp_path / "b.tsv", DEBATE_B)
    ranked_a = claims_eval.rank_debate(DEBATE_A)
    ap_a = claims_eval.average_precision(ranked_a)
    ap_b = claims_eval.average_precision(claims_eval.rank_debate(DEBATE_B))
    assert ap_b == 1.0                   # the one claim ranks first
    assert ranked_a[0] == 1              # the figure-laden claim ranks first
    code, out, err = _run(["eval-claims", str(tmp_path), "--json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["debates"], data["lines"], data["positives"]) == (2, 9, 3)
    assert data["map"] == pytest.approx((ap_a + ap_b) / 2)
    assert data["precision_at"]["5"] == pytest.approx((ranked_a[:5].count(1) / 5 + 1 / 5) / 2)
    assert [d["name"] for d in data["per_debate"]] == ["a.tsv", "b.tsv"]
    code, out, _err = _run(["eval-claims", str(tmp_path / "b.tsv")], capsys)
    assert code == 0
    assert out.splitlines()[2].split() == ["1", "3", "1", "1.000", "0.200", "0.100", "0.050"]


def test_questioner_lines_rank_lower(tmp_path):
    lines = [("MOD", "You said unemployment rose 40% in 2009 and 3 million jobs were lost since 2001?", 0),
             ("MOD", "Next question.", 0),
             ("SMITH", "Taxes went up by 3 percent.", 1),
             ("SMITH", "We did it.", 0)]
    assert claims_eval.questioners(lines) == {"MOD"}
    assert claims_eval.rank_debate(lines, sentence_only=True)[0] == 0
    assert claims_eval.rank_debate(lines)[0] == 1


@pytest.mark.parametrize("name, content, message", [
    ("bad.jsonl", '{"id": 1, "text": "x", "label": 1}\nnot json\n', "line 2: not valid JSON (Expecting value at column 1)"),
    ("bad.jsonl", '{"id": 1, "text": "x", "label": 2}\n', "line 1: 'label' must be 0 or 1, not 2"),
    ("bad.jsonl", '{"id": 1, "label": 0}\n', "line 1: want an object with a string 'text'"),
    ("bad.jsonl", "\n", "no labelled sentences"),
    ("bad.tsv", "1\tA\tWe won.\t1\n2\tB\n", "line 2: expected 3 or 4 tab-separated fields "
                                              "(line, speaker, text[, label]), found 2"),
    ("bad.tsv", "1\tA\tWe won.\t7\n", "line 1: label must be 0 or 1, not '7'"),
    ("bad.tsv", "1\tA\tWe won.\n", "line 1: no 0/1 label in the fourth field"),
    ("bad.tsv", "A: We won.\nB: We lost.\n", "not a CLEF debate: want tab-separated line, speaker, text, label"),
])
def test_eval_claims_bad_file(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(["eval-claims", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err == f"quotetrack: {path}: {message}\n"


def test_eval_claims_missing_and_empty(tmp_path, capsys):
    code, _out, err = _run(["eval-claims", str(tmp_path / "nope.tsv")], capsys)
    assert code == 1 and err == f"quotetrack: {tmp_path / 'nope.tsv'}: No such file or directory\n"
    code, _out, err = _run(["eval-claims", str(tmp_path / "nope.jsonl")], capsys)
    assert code == 1 and err == f"quotetrack: {tmp_path / 'nope.jsonl'}: No such file or directory\n"
    code, _out, err = _run(["eval-claims", str(tmp_path)], capsys)
    assert code == 1 and err == f"quotetrack: {tmp_path}: no .tsv debate files\n"
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"1\tA\tWe \xff won.\t1\n")
    code, _out, err = _run(["eval-claims", str(bad)], capsys)
    assert code == 1 and err == f"quotetrack: {bad}: not valid UTF-8 (invalid start byte at byte 7)\n"


def test_metrics():
    assert claims_eval.average_precision([0, 0]) is None
    assert claims_eval.average_precision([1, 1, 0]) == 1.0
    assert claims_eval.precision_at([1, 0, 1], 2) == 0.5
    assert claims_eval.prf([1, 1, 0, 0], [True, False, True, False]) == (1, 1, 1)


# --- the shared evaluation data (skipped when ../shared is absent) ------------------------------------

@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/claims is not present")
def test_shared_claims_data_floors():
    """Regression floors a little under the measured figures (F1 0.759, MAP 0.117)."""
    out = io.StringIO()
    assert claims_eval.run(str(SHARED / "claimbuster-dev.jsonl"), as_json=True, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["sentences"] == 7749 and data["positives"] == 2201
    assert data["f1"] >= 0.74
    out = io.StringIO()
    assert claims_eval.run(str(SHARED / "debates-train"), as_json=True, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["debates"] == 70
    assert data["map"] >= 0.10


# --- the stacked model: word 1-2-grams beside the rules ---------------------------------------------

def test_ngrams_fold_digits_and_pair_neighbours():
    assert claimscore.ngrams("Taxes rose 40% in 2019") == {"taxes", "rose", "0", "in", "taxes rose", "rose 0",
                                                          "0 in", "in 0"}
    assert claimscore.ngrams("") == set()


def test_ngram_weights_are_shipped_and_shown_as_one_rule():
    weights = claimscore.ngram_weights()
    assert len(weights) > 5000 and all(isinstance(w, float) for w in weights.values())
    s = claimscore.score_claim("Unemployment fell to 4.1 percent in 2019.")
    assert claimscore.WORDS_RULE in claimscore.explain(s)
    # a sentence none of whose n-grams has a weight scores by the rules alone
    bare = claimscore.score_claim("Zzyzx qqqv")
    assert all(name != claimscore.WORDS_RULE for name, _w in bare.rules)

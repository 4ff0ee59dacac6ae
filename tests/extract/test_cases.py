"""Golden cases: every ``tests/cases/*.json`` file, one test per case.

A case file is a JSON list of cases::

    {"label": "cue_after_pronoun_she_said",        # the test id
     "comment": "what the case shows",
     "text": "…",
     "config": {"floating": false},                 # optional Config keyword arguments
     "expect": [                                    # exactly the quotes extract() returns, in order
        {"kind", "content", "speaker", "speaker_mention", "cue",
         "fragments": ["…", "…"],                   # optional: the text of each fragment
         "speaker_title": "…", "speaker_type": "…", # optional
         "speaker_basis": "…",                      # optional: named, alias, pronoun, …
         "follows": 0,                              # optional: the index of the quote a floating one continues
         "warnings": 1}                             # optional: how many warnings the quote carries
     ],
     "not": ["…"],                                  # optional: no quote may have this content
     "doc_warnings": 0,                             # optional: how many document warnings
     "xfail": "what goes wrong"}                    # optional: a known failure (strict)

Conventions: a direct quote's content is the quoted passage with its marks; an
indirect content is the reported clause without a leading "that" and without the
final period; a mixed content is the whole reported clause.  A floating quote has
its predecessor's ``speaker`` and a null ``speaker_mention`` and ``cue``.
A known failure is marked ``xfail`` in the data, never deleted or weakened.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotetrack
from quotetrack.model import cue_text, mention_text

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
REQUIRED = ("kind", "content", "speaker", "speaker_mention", "cue")
OPTIONAL = ("speaker_title", "speaker_type", "speaker_basis", "follows")
CASE_KEYS = {"label", "comment", "text", "config", "expect", "not", "doc_warnings", "xfail"}
EXPECT_KEYS = set(REQUIRED) | set(OPTIONAL) | {"fragments", "warnings"}


def load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append((path.stem, case))
    return out


CASES = load_cases()


def _param(group: str, case: dict):
    marks = []
    if case.get("xfail"):
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return pytest.param(case, id=case["label"], marks=marks)


def test_case_files_are_well_formed():
    labels = [case["label"] for _, case in CASES]
    assert len(labels) == len(set(labels)), "duplicate labels"
    groups = {}
    for group, case in CASES:
        groups[group] = groups.get(group, 0) + 1
        assert set(case) <= CASE_KEYS, (case["label"], set(case) - CASE_KEYS)
        assert {"label", "comment", "text", "expect"} <= set(case), case["label"]
        for item in case["expect"]:
            assert set(REQUIRED) <= set(item) <= EXPECT_KEYS, (case["label"], item)
            assert item["kind"] in ("direct", "mixed", "indirect"), case["label"]
            assert item["content"] in case["text"], (case["label"], item["content"])
            for fragment in item.get("fragments", []):
                assert fragment in item["content"], (case["label"], fragment)
    assert all(n >= 3 for n in groups.values()), groups


def _actual(quote: quotetrack.Quote, text: str, want: dict) -> dict:
    """The fields of ``quote`` that ``want`` constrains, in the same shape."""
    got = {
        "kind": quote.kind,
        "content": quote.text,
        "speaker": quote.speaker,
        "speaker_mention": mention_text(quote),
        "cue": cue_text(quote),
    }
    for key in OPTIONAL:
        if key in want:
            got[key] = getattr(quote, key)
    if "fragments" in want:
        got["fragments"] = [text[s:e] for s, e in quote.fragments]
    if "warnings" in want:
        got["warnings"] = len(quote.warnings)
    return got


@pytest.mark.parametrize("case", [_param(g, c) for g, c in CASES])
def test_case(case):
    config = quotetrack.Config(**case.get("config", {}))
    doc = quotetrack.extract(case["text"], config=config)
    expect = case["expect"]
    # compare in one go so a failure shows the whole difference
    got = [_actual(q, case["text"], expect[i] if i < len(expect) else {})
           for i, q in enumerate(doc.quotes)]
    assert got == expect
    contents = {q.text for q in doc.quotes}
    for banned in case.get("not", []):
        assert banned not in contents, f"{banned!r} was extracted as a quote"
    if "doc_warnings" in case:
        assert len(doc.warnings) == case["doc_warnings"], [w.message for w in doc.warnings]


def test_every_rule_is_declared_with_its_sieve():
    """Every rule a corpus quote records is declared in the rules registry, and every declared
    sieve is a registered sieve (or one of the driver's own: floating, unattributed, transcript, interview,
    posts, beat, possessive_statements, poll_statements)."""
    from quotetrack.extract.attribute import QUOTE_SIEVES, SENTENCE_SIEVES
    from quotetrack.extract.attribute.rules import RULES
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        for q in quotetrack.extract(path.read_text(encoding="utf-8")).quotes:
            assert q.rule in RULES, (path.name, q.rule)
    own = {"floating", "unattributed", "transcript", "interview", "posts", "beat", "possessive_statements", "poll_statements"}
    assert {r.sieve for r in RULES.values()} <= set(SENTENCE_SIEVES) | set(QUOTE_SIEVES) | own

"""The mutation self-test: each mutation on hand-written texts, the harness on corpus/."""
from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from quotetrack import pipeline
from quotetrack.check.selftest import harness, mutations, words
from quotetrack.model import Finding

ROOT = Path(__file__).resolve().parents[2]
# Every corpus article is a careful draft, but for those written in a news dataset's form whose
# paragraph breaks inside quotes were lost (`… management. "We expect …`): its unclosed quotes
# are errors of the draft (tests/check/test_check.py LOST_BREAKS), so it is left out here.
DATASET_FORM = {"e10_dataset_rail_franchise", "h10_cnn_apartment_fire_updates", "h15_bbcdata_manager_red_card"}
CORPUS = sorted(p for p in (ROOT / "corpus").glob("*.txt") if p.stem not in DATASET_FORM)

TWO = ("“We will sign the deal this week, but only if the terms change,” Ortiz said.\n"
       "“That is not the plan we agreed with the three partners,” Mara Lind said.\n")


def mutate(name: str, text: str, index: int = 0, seed: int = 0):
    doc = pipeline.extract(text)
    return mutations.MUTATIONS[name](doc, index, random.Random(seed))


def line(mutant, n: int = 0) -> str:
    return mutant.text.splitlines()[n]


# --- each mutation, exact output ------------------------------------------------------------

def test_speaker_swap():
    m = mutate("speaker-swap", TWO)
    assert line(m) == "“We will sign the deal this week, but only if the terms change,” Mara Lind said."
    assert (m.verdict, m.speaker) == ("wrong-speaker", "Mara Lind")
    assert m.text[m.start:m.end] == "We will sign the deal this week, but only if the terms change,"


def test_speaker_swap_pronoun_mention_and_shifted_offsets():
    text = ("Mara Lind said the plan was late. “We can still finish it,” she said.\n"
            "Jon Ortiz said: “The builders will be back on Monday morning.”\n")
    m = mutate("speaker-swap", text, index=2)
    assert line(m, 1) == "Mara Lind said: “The builders will be back on Monday morning.”"
    assert m.text[m.start:m.end] == "The builders will be back on Monday morning."


def test_speaker_swap_needs_another_speaking_person():
    assert mutate("speaker-swap", "“We will sign the deal this week,” Ortiz said.\n") is None


def test_number_digits_and_words():
    text = "“We cut 1,250 jobs over three years, and it hurt,” Ortiz said.\n"
    found = {mutate("number", text, seed=s).text for s in range(6)}
    assert found == {"“We cut 1,251 jobs over three years, and it hurt,” Ortiz said.\n",
                     "“We cut 1,250 jobs over four years, and it hurt,” Ortiz said.\n"}
    m = mutate("number", text)
    assert m.verdict == "number-changed"


def test_number_leaves_names_and_pronoun_one_alone():
    assert mutate("number", "“No one here flies the F-35 any more,” Ortiz said.\n") is None


def test_negation_removed_then_inserted():
    m = mutate("negation", TWO, index=1)
    assert line(m, 1) == "“That is the plan we agreed with the three partners,” Mara Lind said."
    m = mutate("negation", TWO, index=0)
    assert line(m) == "“We will not sign the deal this week, but only if the terms change,” Ortiz said."
    assert m.verdict == "negation-changed"


def test_negation_contraction_keeps_case():
    m = mutate("negation", "“Don’t let anybody else decide for you,” Ortiz said.\n")
    assert line(m) == "“Do let anybody else decide for you,” Ortiz said."


def test_negation_a_leading_not_is_kept_and_the_next_removed():
    """Taking away a leading "Not" would leave a verbatim piece of the source (a truncation)."""
    m = mutate("negation", "“Not this year, and not in any year I sit here,” Ortiz said.\n")
    assert line(m) == "“Not this year, and in any year I sit here,” Ortiz said."
    m = mutate("ellipsis-hides", "“Not this year, and not in any year I sit here,” Ortiz said.\n")
    assert line(m) == "“Not this year, and … in any year I sit here,” Ortiz said."


def test_cut_qualifier():
    m = mutate("cut-qualifier", TWO)
    assert line(m) == "“We will sign the deal this week,” Ortiz said."
    assert (m.verdict, m.text[m.start:m.end]) == ("truncated", "We will sign the deal this week,")
    assert mutate("cut-qualifier", TWO, index=1) is None


def test_cut_qualifier_drops_the_qualifying_piece_of_an_interrupted_quote():
    text = "“The models were right about the direction,” Osei said, “but they were wrong about the speed.”\n"
    m = mutate("cut-qualifier", text)
    assert m.text == "“The models were right about the direction,” Osei said.\n"
    assert m.text[m.start:m.end] == "The models were right about the direction,"
    assert mutate("cut-qualifier", text.replace("“but", "“and")) is None


def test_cuts_keep_the_quote_starting_and_stopping_at_the_cut():
    """A qualifier is cut only from the last piece, a negation only from the first: a cut
    inside a quote that goes on would be an omission, not a truncation."""
    text = ("“We will sign, but only if the terms change,” Ortiz said, “and the rest will wait.”\n"
            "“The plan is ready and on time,” Ortiz said, “but it is not the plan we agreed.”\n")
    assert mutate("cut-qualifier", text) is None
    assert mutate("cut-after-negation", text, index=1) is None


def test_cut_after_negation():
    m = mutate("cut-after-negation", TWO, index=1)
    assert line(m, 1) == "“the plan we agreed with the three partners,” Mara Lind said."
    assert m.verdict == "truncated"
    assert mutate("cut-after-negation", TWO, index=0) is None


def test_ellipsis_hides():
    m = mutate("ellipsis-hides", TWO, index=1)
    assert line(m, 1) == "“That is … the plan we agreed with the three partners,” Mara Lind said."
    assert m.verdict == "ellipsis-hides"
    assert mutate("ellipsis-hides", TWO, index=0) is None


def test_splice():
    m = mutate("splice", TWO)
    assert line(m) == "“We will sign the deal this week … agreed with the three partners,” Ortiz said."
    assert m.verdict == "spliced"


def test_splice_never_takes_the_quotes_own_words_from_another_attribution():
    text = ("“We are not in crisis territory, whatever the markets say,” the bank said.\n"
            "“We are not in crisis territory, whatever the markets say,” Ashworth said.\n")
    assert mutate("splice", text) is None


def test_fabricated():
    m = mutate("fabricated", TWO, index=1)
    sentence = m.text[m.start:m.end]
    assert sentence.rstrip(",") + "." in words.fabricated() or sentence.rstrip(",") in words.fabricated()
    assert m.verdict == "not-found" and line(m, 0) == TWO.splitlines()[0]


def test_splice_and_fabricated_leave_quotes_of_several_pieces_alone():
    text = ("“We will sign the deal this week,” Ortiz said, “and then we will go home.”\n"
            "“That is not the plan we agreed with the three partners,” Mara Lind said.\n")
    assert mutate("splice", text) is None and mutate("fabricated", text) is None
    assert mutate("splice", text, index=1) is not None


def test_paraphrase():
    m = mutate("paraphrase", "“This is the right system for our country,” Ortiz said.\n")
    assert line(m) == "“This is the correct system for our country,” Ortiz said."
    assert m.verdict == "altered"


def test_benign_ellipsis_leaves_out_no_loaded_word():
    m = mutate("ellipsis", "“We will keep the night crew on the same pay and the same hours,” Ortiz said.\n")
    assert line(m) == "“We will keep the night crew on … and the same hours,” Ortiz said."
    assert m.verdict == "ellipsis"
    # every stretch between four words on each side holds "not", "only", a number or a sentence end
    text = "“We will keep them not only in May. But 12 in June we will keep,” Ortiz said.\n"
    assert mutate("ellipsis", text) is None


def test_punctuation_drops_an_inner_comma_only():
    m = mutate("punctuation", "“This is a fair offer, and it is the best one we have,” Ortiz said.\n")
    assert line(m) == "“This is a fair offer and it is the best one we have,” Ortiz said."
    assert m.verdict == "punctuation-only"
    assert mutate("punctuation", "“This is the best offer the port can afford,” Ortiz said.\n") is None


def test_indirect_speech_is_not_mutated():
    doc = pipeline.extract("Ortiz said the deal was not signed in three weeks because of the rain.\n")
    assert doc.quotes and doc.quotes[0].kind == "indirect"
    assert [name for name, fn in mutations.MUTATIONS.items() if fn(doc, 0, random.Random(0))] == []


def test_unmutated_drafts():
    drafts = dict(mutations.unmutated(pipeline.extract(TWO)))
    assert drafts["as written"] == TWO
    assert drafts["says for said"] == TWO.replace(" said.", " says.")


# --- the harness -------------------------------------------------------------------------------

def verbatim_checker(source: str):
    """A checker that knows only verbatim quotes: 'verified' if the passage is in the source."""
    def check(draft: str):
        doc = pipeline.extract(draft)
        out = []
        for i in range(len(doc.quotes)):
            for s, e in words.passages(doc, i):
                verdict = "verified" if draft[s:e] in source else "not-found"
                out.append(Finding("draft", 1, 1, verdict, "info" if verdict == "verified" else "error",
                                   "", start=s, end=e, quote=draft[s:e]))
        return out
    return check


def test_score_and_report_with_a_verbatim_checker():
    doc = pipeline.extract(TWO, doc_id="two")
    outcomes, errors = harness.score_source(doc, verbatim_checker(TWO))
    assert errors == []
    scored = {o.mutation: o.reported for o in outcomes if o.mutation != words.UNMUTATED}
    assert scored["fabricated"] == "not-found"
    out = io.StringIO()
    accuracy = harness.write_report(outcomes, errors, out, misses=True)
    fabricated = [o for o in outcomes if o.mutation == "fabricated"]
    right = sum(o.correct for o in outcomes if o.mutation != words.UNMUTATED)
    total = sum(1 for o in outcomes if o.mutation != words.UNMUTATED)
    assert accuracy == right / total and len(fabricated) == 2 and right == 2
    text = out.getvalue()
    assert f"mutations: {right}/{total} reported as intended" in text
    assert "error-level findings on unmutated drafts: 0" in text
    assert "two:1: negation: negation-changed -> not-found:" in text


def test_run_reports_unreadable_source_and_goes_on(tmp_path, capsys, monkeypatch):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"bad \xff byte \xe2\x80\x9c")
    good = tmp_path / "good.txt"
    good.write_text(TWO, encoding="utf-8")
    monkeypatch.setattr(harness, "make_checker", lambda path, text: verbatim_checker(text))
    out = io.StringIO()
    assert harness.run([str(bad), str(good)], out) == 1
    assert capsys.readouterr().err == f"quotetrack: {bad}: not valid UTF-8 (invalid byte 0xff at offset 4)\n"
    assert "mutations: 2/" in out.getvalue()


TALKS = """Port authority and union fail to agree on night shifts

HARBOURTON — Talks between the port authority and the dockworkers' union ended on Tuesday without a deal on night shifts.

“We will not sign a contract that cuts twelve jobs from the night crew,” union leader Mara Lindqvist said after the meeting.

Port director Tomas Ferrell said the authority had offered to keep every post until the spring. “This is a fair offer, and it is the best one the port can afford,” Ferrell said. “We are ready to meet again on Friday, unless the union walks out first.”

Lindqvist said the union would decide on strike action next week.
"""


def test_cli_check_self_test(tmp_path, capsys):
    """``quotetrack check --self-test SOURCE``: every mutation of a small article caught."""
    from quotetrack import cli
    path = tmp_path / "talks.txt"
    path.write_text(TALKS, encoding="utf-8")
    assert cli.main(["check", "--self-test", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Confusion (rows: intended verdict, columns: reported verdict;")
    assert "mutations: 23/23 reported as intended (accuracy 1.000; target 0.98)" in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()
            if line.split() and line.split()[0] in mutations.MUTATIONS}
    assert {name: row[-4:] for name, row in rows.items()} == {
        "speaker-swap": ["2", "2", "1.000", "0"], "number": ["1", "1", "1.000", "0"],
        "negation": ["3", "3", "1.000", "0"], "cut-qualifier": ["1", "1", "1.000", "0"],
        "cut-after-negation": ["1", "1", "1.000", "0"], "ellipsis-hides": ["1", "1", "1.000", "0"],
        "splice": ["3", "3", "1.000", "0"], "fabricated": ["3", "3", "1.000", "0"],
        "paraphrase": ["3", "3", "1.000", "0"], "ellipsis": ["3", "3", "1.000", "0"],
        "punctuation": ["2", "2", "1.000", "0"]}
    assert "error-level findings on unmutated drafts: 0" in out
    assert out.endswith("wrong verdicts: 0\n")


def test_default_sources_are_the_shipped_sample(monkeypatch, tmp_path):
    """Issue 12: the defaults of bench and --self-test are articles shipped in the package (copies
    of corpus/ articles, byte for byte), so they work after pip install, from any directory."""
    from quotetrack.read.inputs import sample_paths
    monkeypatch.chdir(ROOT)
    shipped = sample_paths()
    assert shipped and all(p.startswith("quotetrack/data/sample/") for p in shipped)
    for p in shipped:
        assert (ROOT / p).read_bytes() == (ROOT / "corpus" / Path(p).name).read_bytes()
    monkeypatch.chdir(tmp_path)
    assert sample_paths() == [str(ROOT / p) for p in shipped]


# --- the corpus, checked by quotetrack check ----------------------------------------------------

@pytest.fixture(scope="module")
def corpus_run():
    """The whole self-test on corpus/ (every draft: the numbers are those of
    ``quotetrack check --self-test``), run once for the tests below."""
    outcomes, errors = [], []
    for path in CORPUS:
        text = path.read_text(encoding="utf-8")
        doc = pipeline.extract(text, doc_id=path.name)
        done, wrong = harness.score_source(doc, harness.make_checker(path.name, text))
        outcomes += done
        errors += wrong
    return outcomes, errors


def test_corpus_mutations_keep_the_quote_extractable(corpus_run):
    """A mutation that broke extraction would be a harness defect, not a miss of the check."""
    outcomes, _ = corpus_run
    assert [(o.source, o.mutation, o.quote) for o in outcomes if o.broken and o.mutation != words.UNMUTATED] == []
    assert sum(o.mutation != words.UNMUTATED for o in outcomes) > 500


def test_corpus_unmutated_drafts_have_no_error(corpus_run):
    _, errors = corpus_run
    assert [(f.file, f.line, f.verdict) for f in errors] == []


def test_corpus_unmutated_quotes_are_verified(corpus_run):
    outcomes, _ = corpus_run
    plain = [o for o in outcomes if o.mutation == words.UNMUTATED and not o.broken]
    assert plain and [o for o in plain if not o.correct] == []


def test_corpus_accuracy_reaches_the_target(corpus_run):
    """The issue's target: mutations reported with their intended verdict >= 98% of the time."""
    outcomes, errors = corpus_run
    accuracy = harness.write_report(outcomes, errors, io.StringIO())
    assert accuracy >= words.TARGET


# Mutations measured below the target on their own (none since verify 5f2911f: the comma
# dropped between two amounts, "Four dollars, six dollars", is punctuation-only).  A name
# added here is a strict xfail, so it fails again once the mutation reaches the target.
BELOW_TARGET: set[str] = set()


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="below target: see BELOW_TARGET"))
    if n in BELOW_TARGET else n for n in mutations.MUTATIONS])
def test_corpus_each_mutation_reaches_the_target(corpus_run, name):
    outcomes, _ = corpus_run
    mine = [o for o in outcomes if o.mutation == name and not o.broken]
    assert mine
    wrong = [(o.source, o.line, o.reported, o.quote) for o in mine if not o.correct]
    assert 1 - len(wrong) / len(mine) >= words.TARGET, wrong

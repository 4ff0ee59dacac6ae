"""The claims stage and the ``claims`` command: units, speakers, offsets, transcripts, output."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrack
from quotetrack import cli
from quotetrack.claims import units as claims
from quotetrack import pipeline
from quotetrack.model import ClaimScore
from quotetrack.read.transcript import TranscriptError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
DEBATES = ROOT.parent / "shared/data/claims/debates-train"

ARTICLE = (
    "Unemployment fell to 4% in May, the lowest rate since 2008.\n"
    "“We created 200,000 jobs this year. That is more than any government before us,” "
    "Prime Minister Ana Ortiz said.\n"
    "The ministry said exports rose 3% last year.\n"
    "“Wages grew by 5%,” Ortiz said, “and prices by only 2%.”\n"
    "Photo: Reuters\n"
)
TRANSCRIPT = (
    "MODERATOR: Senator, what is your plan?\n"
    "SMITH: Unemployment fell to 4 percent last year. We created 200,000 jobs.\n"
    "JONES: That is not true.\n"
)
TSV = (
    "1\tMODERATOR\tSenator, what is your plan?\t0\n"
    "2\tSMITH\tUnemployment fell to 4 percent last year.\t1\n"
    "3\tJONES\tThat is not true.\t0\n"
)


def recording_scorer(seen: list[str]):
    """A scorer that remembers what it was given and calls everything with a digit check-worthy."""
    def score(sentence: str) -> ClaimScore:
        seen.append(sentence)
        digit = any(c.isdigit() for c in sentence)
        return ClaimScore(0.9 if digit else 0.1, digit, ("quantity",) if digit else (), (("digit", 0.9),))
    return score


@pytest.fixture(scope="module")
def article() -> quotetrack.Document:
    return quotetrack.extract(ARTICLE, doc_id="article")


def by_text(doc: quotetrack.Document) -> dict[str, quotetrack.model.Claim]:
    return {c.text: c for c in doc.claims}


# -- units and speakers ---------------------------------------------------------------------

def test_narrative_sentence_is_the_articles(article):
    claim = by_text(article)["Unemployment fell to 4% in May, the lowest rate since 2008."]
    assert claim.speaker == "(article)" and claim.quote is None
    assert (claim.paragraph, claim.sentence) == (1, 1)
    assert [q.text for q in claim.quantities] == ["4%", "2008"]
    scored = quotetrack.score_claim(claim.text)          # the project's scorer, by default
    assert (claim.rating.score, claim.rating.check_worthy, claim.rating.rules) == (scored.score, scored.check_worthy, scored.rules)


def test_each_sentence_of_a_direct_quote_is_a_unit_of_its_speaker(article):
    found = by_text(article)
    first = found["We created 200,000 jobs this year."]
    second = found["That is more than any government before us"]     # outer mark and comma left out
    assert first.speaker == second.speaker == "Ana Ortiz"
    assert first.quote == second.quote == 0
    assert [q.text for q in first.quantities] == ["200,000 jobs"]
    assert (first.sentence, second.sentence) == (2, 3)


def test_a_sentence_carrying_an_indirect_quote_is_the_quotes_unit(article):
    texts = [c.text for c in article.claims]
    assert "exports rose 3% last year" in texts
    assert not any(t.startswith("The ministry said") for t in texts)
    assert by_text(article)["exports rose 3% last year"].speaker == "ministry"


def test_interrupted_quote_is_one_unit_but_the_scorer_sees_only_the_quoted_words(article):
    seen: list[str] = []
    found = claims.find_claims(article, recording_scorer(seen))
    unit = [c for c in found if c.quote == 2]
    assert [c.text for c in unit] == ["Wages grew by 5%,” Ortiz said, “and prices by only 2%."]
    assert "Wages grew by 5% and prices by only 2%." in seen
    assert [q.text for q in unit[0].quantities] == ["5%", "2%"]


def test_page_furniture_is_no_claim(article):
    assert not any("Reuters" in c.text for c in article.claims)
    every = claims.narrative_units(article)                       # without the boilerplate skip
    assert any(article.text[u.start:u.end] == "Photo: Reuters" for u in every)


def test_claims_of_a_quote(article):
    assert [c.text for c in article.claims_of(0)] == [
        "We created 200,000 jobs this year.", "That is more than any government before us"]
    assert article.claims_of(99) == ()


def test_speaker_falls_back_to_mention_then_unknown(article):
    from dataclasses import replace
    quote = article.quotes[0]
    assert claims.speaker_of(replace(quote, speaker=None)) == "Prime Minister Ana Ortiz"
    assert claims.speaker_of(replace(quote, speaker=None, mention=None)) == "(unknown)"


def test_claims_stage_can_be_turned_off():
    doc = quotetrack.extract(ARTICLE, config=quotetrack.Config(claims=False))
    assert doc.claims == () and doc.quotes


def test_every_unit_is_scored_and_check_worthy_follows_the_scorer(article):
    seen: list[str] = []
    found = claims.find_claims(article, recording_scorer(seen))
    assert len(seen) == len(found)
    assert all(c.rating.check_worthy == any(ch.isdigit() for ch in claims.said(article.text, [(c.start, c.end)]))
               for c in found if c.quote != 2)


def test_a_scorer_that_returns_lists_gives_claims_with_tuples(article):
    def listing(sentence: str) -> ClaimScore:
        return ClaimScore(0.9, True, ["quantity"], [("digit", 0.9)])     # lists, not tuples
    found = claims.find_claims(article, listing)
    assert found and all(c.rating == ClaimScore(0.9, True, ("quantity",), (("digit", 0.9),)) for c in found)
    hash(found[0])                                                        # a frozen record hashes


def test_a_run_on_unit_is_scored_on_its_head_only():
    text = "The plan " + "and the plan " * 400 + "cost 5 dollars.\n"
    seen: list[str] = []
    config = quotetrack.Config(claims=False, max_sentence_chars=10_000)   # one sentence, uncut
    found = claims.find_claims(quotetrack.extract(text, config=config), recording_scorer(seen))
    assert len(found) == 1 and found[0].text == text.strip()
    assert len(seen[0]) == claims.MAX_SCORED and found[0].quantities == ()


def test_ranked_orders_by_score_and_applies_a_threshold(article):
    ranked = claims.ranked(article.claims)
    assert ranked and all(c.rating.check_worthy for c in ranked)
    assert [c.rating.score for c in ranked] == sorted((c.rating.score for c in ranked), reverse=True)
    assert len(claims.ranked(article.claims, everything=True)) == len(article.claims)
    assert claims.ranked(article.claims, threshold=1.0) == [c for c in ranked if c.rating.score >= 1.0]
    everything = claims.ranked(article.claims, threshold=0.0)
    assert len(everything) == len(article.claims) and all(c.rating.check_worthy for c in everything)


# -- offsets on every corpus article ----------------------------------------------------------

@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_claims_slice_back(path):
    text = path.read_text(encoding="utf-8")
    doc = quotetrack.extract(text, doc_id=path.name)
    assert doc.claims
    assert [c.start for c in doc.claims] == sorted(c.start for c in doc.claims)
    for c in doc.claims:
        assert text[c.start:c.end] == c.text and c.text == c.text.strip()
        assert 0.0 <= c.rating.score <= 1.0
        for q in c.quantities:
            assert text[q.start:q.end] == q.text and c.start <= q.start and q.end <= c.end
        if c.quote is None:
            assert c.speaker == "(article)"
            assert not any(s < c.end and c.start < e for quote in doc.quotes for s, e in quote.fragments)
        else:
            quote = doc.quotes[c.quote]
            assert quote.start <= c.start and c.end <= quote.end
            assert c.speaker == claims.speaker_of(quote)
        sentence = doc.sentences[c.sentence - 1]
        assert sentence.start <= c.start < sentence.end and sentence.paragraph == c.paragraph
    for i, quote in enumerate(doc.quotes):
        if quote.kind != "direct":
            assert len(doc.claims_of(i)) <= 1


def check_claims(doc: quotetrack.Document) -> None:
    """Claims slice back, lie in order, hold their quantities, and name a quote that exists."""
    for c in doc.claims:
        assert doc.text[c.start:c.end] == c.text and c.text.strip() == c.text and c.text
        assert 0.0 <= c.rating.score <= 1.0
        assert all(doc.text[q.start:q.end] == q.text and c.start <= q.start < q.end <= c.end
                   for q in c.quantities)
        assert c.quote is None or 0 <= c.quote < len(doc.quotes)
    assert [c.start for c in doc.claims] == sorted(c.start for c in doc.claims)


MARKS_AND_WORDS = ["“", "”", "‘", "’", '"', "'", "«", "»", ",", ".", "?", " ", "\n", "\n\n", ": ",
                   "said", "Smith", "SMITH: ", "he", "the", "3", "40%", "$1.2 million", "three",
                   "rose", "than", "Photo: Reuters\n", "\t"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(MARKS_AND_WORDS), st.text(max_size=4)), max_size=50).map("".join))
def test_any_text_gives_claims_that_slice_back(text):
    check_claims(quotetrack.extract(text))
    try:
        doc = pipeline.extract_transcript(text)
    except TranscriptError:
        return
    check_claims(doc)
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text


# -- transcripts --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [TRANSCRIPT, TSV], ids=["labelled", "tsv"])
def test_transcript_turns_are_quotes_of_their_speakers(text):
    doc = pipeline.extract_transcript(text, doc_id="t")
    assert [(q.speaker, q.rule, q.kind) for q in doc.quotes] == [
        ("MODERATOR", "transcript", "direct"), ("SMITH", "transcript", "direct"),
        ("JONES", "transcript", "direct")]
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.mention.start:q.mention.end] == q.speaker
    smith = [c for c in doc.claims if c.speaker == "SMITH"]
    assert smith[0].text == "Unemployment fell to 4 percent last year."
    assert text[smith[0].start:smith[0].end] == smith[0].text
    assert [q.text for q in smith[0].quantities] == ["4 percent"]
    assert {c.speaker for c in doc.claims} == {"MODERATOR", "SMITH", "JONES"}


def test_transcript_lines_before_any_label_have_an_unknown_speaker():
    doc = pipeline.extract_transcript("Good evening, 40 million viewers.\nSMITH: Thank you.\n")
    assert [c.speaker for c in doc.claims] == ["(unknown)", "SMITH"]


def test_not_a_transcript_raises():
    with pytest.raises(TranscriptError):
        pipeline.extract_transcript("Just a sentence of news.\n")


@pytest.mark.skipif(not DEBATES.is_dir(), reason="needs ../shared/data/claims")
def test_a_clef_debate_reads_with_a_claim_per_line():
    path = sorted(DEBATES.glob("*.tsv"))[0]
    text = path.read_text(encoding="utf-8")
    doc = pipeline.extract_transcript(text, doc_id=path.name)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(doc.quotes) == len(lines)
    for c in doc.claims:
        assert text[c.start:c.end] == c.text
        assert c.speaker == lines[text.count("\n", 0, c.start)].split("\t")[1].strip()


# -- the command line ----------------------------------------------------------------------------

@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_claims_table(article_file, capsys):
    code, out, err = run(capsys, "claims", article_file)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"{article_file} (") and lines[0].endswith(" claims)")
    assert lines[1].split() == ["rank", "score", "speaker", "types", "quantities", "position", "claim"]
    first = lines[3]
    assert first.startswith("1 ") and "(article)" in first and "4%, 2008" in first and " 1:1 " in first
    assert "Unemployment fell to 4% in May, the lowest rate since 2008." in first
    assert "rules" not in out


def test_claims_explain_adds_the_rules(article_file, capsys):
    code, out, _ = run(capsys, "claims", "--explain", article_file)
    assert code == 0
    assert out.splitlines()[1].split()[-1] == "rules"
    best = claims.ranked(quotetrack.extract(ARTICLE).claims)[0]
    strongest = max(best.rating.rules, key=lambda rule: abs(rule[1]))
    row = out.splitlines()[3].rstrip()
    assert row.endswith(", ".join(f"{n} {w:+.2f}" for n, w in sorted(
        best.rating.rules, key=lambda rule: (-abs(rule[1]), rule[0]))))
    assert row.split("  ")[-1].startswith(f"{strongest[0]} {strongest[1]:+.2f}")


def test_claims_jsonl_carries_full_text_offsets_and_pass_through_fields(tmp_path, capsys):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"doc_id": "r1", "text": ARTICLE, "outlet": "Wire"}) + "\n",
                       encoding="utf-8")
    code, out, _ = run(capsys, "claims", "--format", "jsonl", "--all", records)
    assert code == 0
    doc = json.loads(out)
    assert doc["doc_id"] == "r1" and doc["outlet"] == "Wire" and doc["warnings"] == []
    assert "quotes" not in doc
    assert [c["rank"] for c in doc["claims"]] == list(range(1, len(doc["claims"]) + 1))
    assert len(doc["claims"]) == len(quotetrack.extract(ARTICLE).claims)
    for c in doc["claims"]:
        assert ARTICLE[c["start"]:c["end"]] == c["text"]
        assert set(c) == {"rank", "text", "start", "end", "score", "check_worthy", "types", "speaker",
                          "quote", "quantities", "paragraph", "sentence", "line", "rules"}
    jobs = next(c for c in doc["claims"] if c["text"] == "We created 200,000 jobs this year.")
    assert jobs["speaker"] == "Ana Ortiz" and jobs["quote"] == 0 and jobs["line"] == 2
    at = ARTICLE.index("200,000 jobs")
    assert jobs["quantities"] == [{"text": "200,000 jobs", "start": at, "end": at + 12,
                                   "value": 200000.0, "unit": "jobs"}]


def test_claims_json_and_csv(article_file, capsys):
    code, out, _ = run(capsys, "claims", "--format", "json", article_file, article_file)
    assert code == 0 and [d["doc_id"] for d in json.loads(out)] == [str(article_file)] * 2
    code, out, _ = run(capsys, "claims", "--format", "csv", article_file)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert list(rows[0])[:5] == ["doc_id", "outlet", "date", "url", "rank"]
    top = rows[0]
    assert top["rank"] == "1" and top["speaker"] == "(article)" and top["check_worthy"] == "True"
    assert ARTICLE[int(top["start"]):int(top["end"])] == top["claim"]
    assert top["quantities"] == "4%; 2008" and top["quote"] == "" and top["rules"]


def test_claims_markdown(article_file, capsys):
    code, out, _ = run(capsys, "claims", "--format", "markdown", "--all", article_file)
    assert code == 0 and out.startswith(f"## {article_file}\n\n| rank")
    assert "| Wages grew by 5%,” Ortiz said, “and prices by only 2%. " in out


def test_claims_threshold_and_all(article_file, capsys):
    _, everything, _ = run(capsys, "claims", "--all", "--format", "jsonl", article_file)
    _, none, _ = run(capsys, "claims", "--threshold", "1", "--format", "jsonl", article_file)
    _, table, _ = run(capsys, "claims", "--threshold", "1", article_file)
    n = len(json.loads(everything)["claims"])
    top = [c for c in json.loads(everything)["claims"] if c["score"] >= 1.0]
    assert len(json.loads(none)["claims"]) == len(top) < n
    if not top:
        assert table == f"{article_file}\n(no check-worthy claims found)\n"


def test_claims_transcript_input(tmp_path, capsys):
    path = tmp_path / "debate.tsv"
    path.write_text(TSV, encoding="utf-8")
    code, out, _ = run(capsys, "claims", "--input-format", "transcript", "--all", path)
    assert code == 0
    row = next(line for line in out.splitlines() if "Unemployment" in line)
    assert "SMITH" in row and " line 2 " in row and "4 percent" in row
    code, out, _ = run(capsys, "extract", "--input-format", "transcript", "--format", "jsonl", path)
    quotes = json.loads(out)["quotes"]
    assert code == 0 and [q["speaker"] for q in quotes] == ["MODERATOR", "SMITH", "JONES"]


def test_claims_transcript_directory_reads_tsv(tmp_path, capsys):
    (tmp_path / "debate.tsv").write_text(TSV, encoding="utf-8")
    code, out, _ = run(capsys, "claims", "--input-format", "transcript", "--format", "jsonl", tmp_path)
    assert code == 0 and json.loads(out)["doc_id"] == str(tmp_path / "debate.tsv")


def test_claims_errors(tmp_path, article_file, capsys):
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "claims", "--format", "jsonl", missing, article_file)
    assert code == 1 and err == f"quotetrack: {missing}: No such file or directory\n"
    assert json.loads(out)["doc_id"] == str(article_file)
    bad = tmp_path / "bad.tsv"
    bad.write_text("1\tSMITH\tWe won.\n2\tJONES\n", encoding="utf-8")
    code, out, err = run(capsys, "claims", "--input-format", "transcript", bad)
    assert code == 1 and out == ""
    assert err == (f"quotetrack: {bad}: line 2: expected 3 or 4 tab-separated fields "
                   "(line, speaker, text[, label]), found 2\n")
    prose = tmp_path / "prose.txt"
    prose.write_text("Just a sentence of news.\n", encoding="utf-8")
    code, _, err = run(capsys, "claims", "--input-format", "transcript", prose)
    assert code == 1 and err == (
        f"quotetrack: {prose}: no transcript turns: expected 'SPEAKER: text' lines "
        "or tab-separated 'line, speaker, text[, label]'\n")


@pytest.mark.parametrize("value, message", [("1.5", "'1.5' must be from 0 to 1"),
                                            ("high", "'high' is not a number")])
def test_claims_bad_threshold_is_a_usage_error(article_file, capsys, value, message):
    code, _, err = run(capsys, "claims", "--threshold", value, article_file)
    assert code == 2 and err.rstrip().endswith(f"argument --threshold: {message}")


def test_bench_switches_the_claims_stage(article_file, capsys):
    code, out, _ = run(capsys, "bench", "--json", "--no-claims", article_file)
    off = json.loads(out)
    code_on, out, _ = run(capsys, "bench", "--json", article_file)
    on = json.loads(out)
    assert code == code_on == 0
    assert (off["claims_stage"], off["claims"]) == (False, 0)
    assert on["claims_stage"] is True and on["claims"] == len(quotetrack.extract(ARTICLE).claims)
    assert 0 < off["cpu_seconds"] and 0 < on["cpu_seconds"]


@pytest.mark.parametrize("path", sorted((ROOT / "corpus/transcripts").glob("*.*")), ids=lambda p: p.name)
def test_corpus_transcripts_give_claims_per_speaker(path):
    text = path.read_text(encoding="utf-8")
    doc = pipeline.extract_transcript(text, doc_id=path.name)
    lines = text.splitlines()
    for c in doc.claims:
        assert text[c.start:c.end] == c.text
        line = lines[text.count("\n", 0, c.start)]
        speaker = line.split("\t")[1] if "\t" in line else line.split(":")[0]
        assert c.speaker == speaker
    # the candidates make check-worthy claims; the moderator's greetings and questions are none
    candidates = {c.speaker for c in doc.claims} - {"MODERATOR"}
    assert {c.speaker for c in claims.ranked(doc.claims)} == candidates

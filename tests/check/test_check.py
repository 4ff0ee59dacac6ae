"""Tests of ``quotetrack check``: the source-free checks on golden drafts, the corpus, the
output formats and the command line (exact lines, exit codes, --strict)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quotetrack import cli
from quotetrack.check import drafts as check
from quotetrack.write import findings
from quotetrack.check import names as cnames
from quotetrack.model import SEVERITIES, Finding
from quotetrack.text.names import edit_distance
from quotetrack.text.spans import Lines
from quotetrack.check.severity import QUOTE_VERDICTS, severities, severity_of

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "tests" / "cases" / "check").glob("*.json"))
CASE_KEYS = {"label", "comment", "text", "expect", "xfail"}


def load_cases() -> list:
    params = []
    for path in CASES:
        for case in json.loads(path.read_text(encoding="utf-8")):
            assert set(case) <= CASE_KEYS, (path.name, case.get("label"))
            marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
            params.append(pytest.param(case, id=case["label"], marks=marks))
    return params


@pytest.mark.parametrize("case", load_cases())
def test_golden_draft(case):
    """Exactly the expected findings, as (verdict, line, column), in order."""
    findings = check.check(case["text"], "draft.txt")
    assert [[f.verdict, f.line, f.column] for f in findings] == case["expect"]


def test_every_source_free_check_has_a_positive_and_a_negative_case():
    verdicts_hit, labels = set(), []
    for path in CASES:
        for case in json.loads(path.read_text(encoding="utf-8")):
            verdicts_hit.update(v for v, _, _ in case["expect"])
            labels.append(case["label"])
    assert verdicts_hit == set(check.CHECKS)
    assert sum(1 for case in labels if "_not_" in case) >= len(check.CHECKS)


@pytest.mark.parametrize("case", load_cases())
def test_findings_point_into_the_draft(case):
    """Line and column are where the finding's offset is (1-based, columns in characters)."""
    text = case["text"]
    for f in check.check(text, "draft.txt"):
        before = text[:f.start]
        assert f.line == before.count("\n") + 1
        assert f.column == len(before) - (before.rfind("\n") + 1) + 1
        assert f.severity == severity_of(f.verdict)
        assert 0 <= f.start <= f.end <= len(text)


def test_severity_table():
    table = severities()
    assert set(table) >= set(check.CHECKS)
    assert set(table) >= set(QUOTE_VERDICTS)        # verify's verdicts are in the same table
    assert set(table.values()) <= set(SEVERITIES)
    assert table["unattributed"] == "error" and table["name-inconsistent"] == "warning"


# -- the corpus -------------------------------------------------------------------------------------

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


# Articles written in the form of a news dataset whose paragraph breaks inside quotes were lost
# (`… management. "We expect …`): check rightly reports each such quote as never closed.
LOST_BREAKS = {"e10_dataset_rail_franchise": 3, "h10_cnn_apartment_fire_updates": 1,
               "h15_bbcdata_manager_red_card": 4}


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_articles_have_no_source_free_finding(path):
    """The corpus articles were written with care: no error, and (inspected) no warning either,
    but for the lost paragraph breaks of an article in a news dataset's form."""
    found = check.check(path.read_text(encoding="utf-8"), str(path))
    lines = [findings.compiler_line(f) for f in found]
    lost = [line for line in lines if "a paragraph break may have been lost" in line]
    assert len(lost) == LOST_BREAKS.get(path.stem, 0)
    assert [line for line in lines if line not in lost] == []


def test_seed_article_has_no_finding():
    """The seed article names 'Gantz' alone in its headline and its one-sentence standfirst,
    before the body gives 'Benny Gantz': both are the headline zone, so no finding."""
    seed = ROOT.parent / "shared" / "seeds" / "000_72eb39b963fb2b0b.txt"
    if not seed.exists():
        pytest.skip(f"seed article not found at {seed}")
    assert check.check(seed.read_text(encoding="utf-8"), "seed.txt") == []


# -- pieces ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, distance", [
    ("Gantz", "Gants", 1), ("Esper", "Espre", 1), ("Esper", "Esper", 0), ("Kerr", "Kerry", 1),
    ("Haldane", "Holdane", 1), ("Gantz", "Esper", 3), ("Ab", "Abcdef", 3), ("", "abc", 3)])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


@pytest.mark.parametrize("a, b, conflict", [
    ("Defense Minister", "Foreign Minister", True),
    ("Defence Minister", "Defense Minister", False),
    ("Secretary of State", "Defense Secretary", True),
    ("Texas Sen.", "Republican Senator", False),
    ("Sen.", "Gov.", False),                      # two offices but no shared word: not judged
    ("Mr.", "Defense Minister", False),
    ("Alternate Prime Minister and Defense Minister", "Defense Minister", False),
    ("Prime Minister", "Finance Minister", True),
])
def test_titles_conflict(a, b, conflict):
    assert cnames.titles_conflict(a, b) is conflict
    assert cnames.titles_conflict(b, a) is conflict


def test_lines_positions():
    lines = Lines("ab\r\ncd\n\nxyz")
    assert [lines.position(i) for i in (0, 1, 4, 7, 8, 10)] == [
        (1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (4, 3)]


def test_long_unclosed_draft_is_fast_and_reports_each_paragraph():
    """An article of unclosed quote marks: one error per paragraph, in linear time."""
    import time
    text = "\n".join(f"Mayor Ada Mbeki said: “It is day {i} for the town." for i in range(2000))
    t0 = time.perf_counter()
    findings = check.check(text, "long.txt")
    assert time.perf_counter() - t0 < 20
    unbalanced = [f for f in findings if f.verdict == "unbalanced-quote"]
    assert [(f.line, f.column) for f in unbalanced] == [(i + 1, 23) for i in range(2000)]


# -- output ---------------------------------------------------------------------------------------

FINDING = Finding("draft.txt", 14, 22, "wrong-speaker", "error",
                  "“We also make deals” is attributed to Mark Esper; transcript.txt:88 has Benny Gantz",
                  start=300, end=320, quote="“We also make deals”", speaker="Mark Esper",
                  source="transcript.txt", source_line=88, source_speaker="Benny Gantz",
                  similarity=0.97, tier="fuzzy", diff="We also [-make-] {+made+} deals")


def test_compiler_line_with_diff():
    assert findings.compiler_line(FINDING) == (
        "draft.txt:14:22: error[wrong-speaker] “We also make deals” is attributed to Mark Esper; "
        "transcript.txt:88 has Benny Gantz\n    We also [-make-] {+made+} deals")


def test_compiler_line_no_repeated_diff():
    from dataclasses import replace
    short = replace(FINDING, message="a number differs from briefing.txt:6: [-18-] {+24+}",
                    diff="[-18-] {+24+}")
    assert findings.compiler_line(short) == (
        "draft.txt:14:22: error[wrong-speaker] a number differs from briefing.txt:6: [-18-] {+24+}")


def test_json_writer_has_exactly_the_contract_keys():
    out = io.StringIO()
    findings.FindingWriter("json", out).write([FINDING, FINDING])
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert list(record) == ["file", "line", "column", "verdict", "severity", "quote", "speaker",
                            "source", "source_line", "source_speaker", "similarity", "tier",
                            "diff", "message"]
    assert record["similarity"] == 0.97 and record["source_line"] == 88


def test_csv_writer_header_and_rows():
    out = io.StringIO()
    findings.FindingWriter("csv", out).write([FINDING])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(findings.FINDING_KEYS)
    assert dict(zip(rows[0], rows[1]))["source_speaker"] == "Benny Gantz"


def test_writer_rejects_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'xml'; choose from: table, json, csv"):
        findings.FindingWriter("xml", io.StringIO())


def test_cli_formats_are_the_writer_formats():
    check_parser = cli.create_parser()._subparsers._group_actions[0].choices["check"]
    fmt = next(a for a in check_parser._actions if a.dest == "format")
    assert tuple(fmt.choices) == findings.CHECK_FORMATS


# -- command line ---------------------------------------------------------------------------------

WARN_ONLY = "Secretary Mark Esper and Minister Benny Gantz met on Monday. “It went well,” he said.\n"
DRAFT = WARN_ONLY + "The town flooded. “Nobody came,” the mayor said. “Nobody at all came to help us.\n"
CLEAN = "“We also make deals,” Defense Minister Benny Gantz said.\n"


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, text in (("draft.txt", DRAFT), ("warn.txt", WARN_ONLY), ("clean.txt", CLEAN)):
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_cli_table_lines_summary_and_exit_1(files, capsys):
    draft = files["draft.txt"]
    assert cli.main(["check", str(draft)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{draft}:1:78: warning[ambiguous-speaker] “he” could be Mark Esper and Benny Gantz, "
        "named just before; read as no one",
        f"{draft}:2:50: error[unbalanced-quote] “ opens a quotation that is never closed "
        "(its paragraph ends first)",
    ]
    assert err == "1 error, 1 warning, 0 info\n"


def test_cli_warnings_pass_unless_strict(files, capsys):
    warn = str(files["warn.txt"])
    assert cli.main(["check", warn]) == 0
    assert capsys.readouterr().err == "0 errors, 1 warning, 0 info\n"
    assert cli.main(["check", "--strict", warn]) == 1


def test_cli_clean_draft(files, capsys):
    assert cli.main(["check", str(files["clean.txt"])]) == 0
    assert capsys.readouterr() == ("", "0 errors, 0 warnings, 0 info\n")


def test_cli_json_one_object_per_finding(files, capsys):
    assert cli.main(["check", str(files["draft.txt"]), str(files["warn.txt"]), "--format", "json"]) == 1
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [(Path(r["file"]).name, r["verdict"], r["line"], r["column"]) for r in records] == [
        ("draft.txt", "ambiguous-speaker", 1, 78), ("draft.txt", "unbalanced-quote", 2, 50),
        ("warn.txt", "ambiguous-speaker", 1, 78)]
    assert all(list(r) == list(findings.FINDING_KEYS) for r in records)
    assert err == "1 error, 2 warnings, 0 info\n"


def test_cli_csv(files, capsys):
    assert cli.main(["check", str(files["warn.txt"]), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["verdict"], r["severity"], r["line"], r["column"], r["speaker"]) for r in rows] == [
        ("ambiguous-speaker", "warning", "1", "78", "")]


def test_cli_bad_draft_reported_others_still_checked(files, tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"bad \xff byte \xe2\x80\x9c")
    missing = tmp_path / "missing.txt"
    code = cli.main(["check", str(bad), str(missing), str(files["clean.txt"]), str(files["warn.txt"])])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        f"quotetrack: {bad}: not valid UTF-8 (invalid byte 0xff at offset 4)",
        f"quotetrack: {missing}: No such file or directory",
        "0 errors, 1 warning, 0 info",
    ]
    assert out.startswith(f"{files['warn.txt']}:1:78: warning[ambiguous-speaker]")


def test_cli_no_draft_is_a_usage_error(capsys):
    assert cli.main(["check"]) == 2
    assert "give at least one DRAFT to check (or --self-test)" in capsys.readouterr().err


def test_cli_bad_format_is_a_usage_error(files, capsys):
    assert cli.main(["check", str(files["clean.txt"]), "--format", "markdown"]) == 2
    assert "invalid choice: 'markdown'" in capsys.readouterr().err



# -- with sources (quotetrack.check.verify) ---------------------------------------------------------------

DEMO = ROOT / "corpus" / "check"


def test_cli_sources_one_verdict_per_quote_plus_source_free(capsys):
    """Every quote of the draft gets exactly one verdict from the sources; the source-free
    findings (here the misspelt 'Okafur') come on top, in position order."""
    import quotetrack
    draft = DEMO / "draft.txt"
    code = cli.main(["check", str(draft), "--source", str(DEMO / "briefing.txt"),
                     "--source", str(DEMO / "release.txt"), "--format", "json"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    free = set(check.CHECKS)
    quotes = quotetrack.extract(draft.read_text(encoding="utf-8")).quotes
    assert len([r for r in records if r["verdict"] not in free]) == len(quotes)
    assert [(r["verdict"], r["line"], r["column"]) for r in records if r["verdict"] in free] == [
        ("name-inconsistent", 21, 13)]
    assert [(r["line"], r["column"]) for r in records] == sorted((r["line"], r["column"]) for r in records)
    assert code == 1 and err.endswith(" info\n")
    wrong = [r for r in records if r["verdict"] == "wrong-speaker"]
    assert [(r["speaker"], r["source_speaker"], r["source"], r["source_line"]) for r in wrong] == [
        ("Daniel Okafor", "Rosa Delgado", str(DEMO / "release.txt"), 5)]


def test_cli_bad_source_reported_draft_still_checked(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    code = cli.main(["check", str(DEMO / "draft.txt"), "--source", str(missing),
                     "--source", str(DEMO / "briefing.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines()[0] == f"quotetrack: {missing}: No such file or directory"
    assert f"{DEMO / 'draft.txt'}:21:13: warning[name-inconsistent] “Okafur” here, “Okafor” elsewhere" in out
    assert "[verified]" in out                  # the briefing that loaded was used


def test_cli_self_test_calls_the_harness(monkeypatch, capsys):
    """--self-test hands its SOURCE paths (or the drafts) to selftest.run and returns its code."""
    import sys
    import types
    calls = []
    fake = types.ModuleType("quotetrack.check.selftest")
    fake.run = lambda paths, out: calls.append(list(paths)) or 3
    monkeypatch.setitem(sys.modules, "quotetrack.check.selftest", fake)
    import quotetrack.check
    monkeypatch.setattr(quotetrack.check, "selftest", fake, raising=False)
    assert cli.main(["check", "--self-test", "a.txt", "b.txt"]) == 3
    assert cli.main(["check", "d.txt", "--self-test"]) == 3
    assert calls == [["a.txt", "b.txt"], ["d.txt"]]


# --- sources named per quote (--source LABEL=FILE) ----------------------------------------------

CORPUS_CHECK = Path(__file__).resolve().parents[2] / "corpus" / "check"


@pytest.mark.parametrize("value, expected", [
    ("briefing=t.txt", ("briefing", "t.txt")),
    ("press release=dir/r.txt", ("press release", "dir/r.txt")),
    ("t.txt", (None, "t.txt")),
    ("=t.txt", (None, "=t.txt")),
    ("briefing=", (None, "briefing=")),
])
def test_split_label(value, expected):
    assert cli.split_label(value) == expected


def test_a_file_whose_name_has_an_equals_sign_is_not_a_label(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a=b.txt").write_text("A: We will sign.\nB: No.\n", encoding="utf-8")
    assert cli.split_label("a=b.txt") == (None, "a=b.txt")


def test_cited_source_elsewhere_is_found_elsewhere(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("“Weekend riders have waited long enough for frequent service,” Delgado said "
                     "at the briefing.\n\n“Our drivers have worked without a new contract for 18 "
                     "months,” Daniel Okafor said at the briefing.\n", encoding="utf-8")
    briefing, release = CORPUS_CHECK / "briefing.txt", CORPUS_CHECK / "release.txt"
    code = cli.main(["check", str(draft), "--source", f"briefing={briefing}",
                     "--source", f"press release={release}", "--format", "json"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0
    assert [(r["line"], r["verdict"], r["severity"], r["source"], r["source_line"]) for r in rows] == [
        (1, "found-elsewhere", "warning", str(release), 5),
        (3, "verified", "info", str(briefing), 6),
    ]
    # without labels nothing is cited: the same quote is simply verified where it is
    cli.main(["check", str(draft), "--source", str(briefing), "--source", str(release), "--format", "json"])
    assert [json.loads(line)["verdict"] for line in capsys.readouterr().out.splitlines()] == ["verified", "verified"]


def test_an_unclosed_quote_gets_one_finding(tmp_path):
    """Issue 12: an unclosed mark gave unbalanced-quote and a second error[spliced] on the same
    quote (the quote runs on over the cue and the narrative); now it gives one finding."""
    source = tmp_path / "briefing.txt"
    source.write_text("MAYOR ADA MBEKI: It is a good day for the town and for every family in it.\n"
                      "Q: Thank you.\n", encoding="utf-8")
    from quotetrack.check import verify
    draft = ("Mayor Ada Mbeki said: “It is a good day for the town and for every family in it.\n"
             "The council approved the plan by five votes to two.\n")
    findings = check.check(draft, "draft.txt", [verify.load_source(str(source))])
    at = [f for f in findings if f.start == draft.index("“")]
    assert [(f.verdict, f.severity) for f in at] == [("unbalanced-quote", "error")]
    closed = draft.replace(" it.", " it.”", 1)
    again = check.check(closed, "draft.txt", [verify.load_source(str(source))])
    assert [f.verdict for f in again if f.start == closed.index("“")] == ["verified"]

"""The claim matcher: reading texts, the rules, golden cases against a real ledger file,
``track import-checks`` and ``track match`` on the command line, ``eval-matching``."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from quotetrack import cli
from quotetrack.claims import index, match
from quotetrack.evaluation import retrieval as matching
from quotetrack.ledger import matches
from quotetrack.ledger.store import Ledger

CASES = Path(__file__).resolve().parents[1] / "cases" / "match"
CHECKS = CASES / "checks.jsonl"
QUERIES = json.loads((CASES / "queries.json").read_text(encoding="utf-8"))
DATA = Path(__file__).resolve().parents[3] / "shared/data/claims/claim-matching"


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("match") / "checks.db")
    assert cli.main(["track", "import-checks", str(CHECKS), "--db", path]) == 0
    return path


# --- reading ---------------------------------------------------------------------------------------

def test_clean_keeps_the_name_of_a_signature_and_splits_tags():
    text = "Tolls up 40% @CityHall #HarborBridge https://t.co/x pic.twitter.com/y — Jo Citizen (@jocitizen) March 3, 2022"
    assert match.clean(text).split() == ["Tolls", "up", "40%", "City", "Hall", "Harbor", "Bridge", "Jo", "Citizen"]


def test_terms_stem_and_drop_function_words():
    assert match.terms("The tolls were rising, he said") == ("toll", "rise")


def test_rules_all_have_weights_and_functions():
    rules, _bias, threshold, repeat = match.tables()
    assert set(rules) == set(match.RULE_FUNCTIONS)
    assert 0 < threshold < 1 and 0 < repeat < 1


@pytest.mark.parametrize("text", ["", "   ", "!!!", "the of and", "#", "@"])
def test_a_query_without_terms_finds_nothing(ledger_file, text):
    with Ledger(ledger_file) as ledger:
        assert matches.find(ledger.conn, text) == []


# --- golden cases (invented claims) ----------------------------------------------------------------

@pytest.mark.parametrize("case", QUERIES, ids=[c["note"] for c in QUERIES])
def test_golden(ledger_file, case):
    with Ledger(ledger_file) as ledger:
        found = matches.find(ledger.conn, case["query"], 3)
    best = [m for m in found if m.score >= match.default_threshold()]
    if case["top"] is None:
        assert best == []
        return
    assert found and found[0].document == case["top"]
    assert found[0].score >= case.get("min_score", 0.0)
    assert found[0].rules[0][0] == "overlap"
    if "flags" in case:
        assert list(found[0].flags) == case["flags"]


def test_scores_are_sorted_and_bounded(ledger_file):
    with Ledger(ledger_file) as ledger:
        found = matches.find(ledger.conn, "shoe factory Brackwater closed jobs", 10)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(0 <= m.score <= 1 for m in found)


BM25_ROWS = [  # invented claims, some with a headline (the title column), some with diacritics
    ("The Harbor Bridge tolls rose by 40 percent last year", ""),
    ("Harbor Bridge tolls rose and rose and rose, the council said", "Tolls on the Harbor Bridge"),
    ("A café in Zürich served the mayor", "Zurich cafe story"),
    ("The cafe in Zurich closed after the mayor's visit", ""),
    ("Ferry fares on the Quillon river fell by 40 percent", "Quillon ferry fares"),
    ("The council said the ferry will close in June", ""),
    ("Bridge", ""),
] + [(f"Town number {k} said its bridge tolls rose", "") for k in range(25)]


def test_bm25_from_the_index_counts_is_what_fts5_gives():
    """index.bm25 (what track repeats scores pairs with) equals FTS5's bm25() of a search,
    for every row a query finds: both columns, repeated terms, diacritics, short and long rows."""
    conn = sqlite3.connect(":memory:")
    index.create(conn, "t")
    for rowid, (text, title) in enumerate(BM25_ROWS, 1):
        index.add(conn, "t", rowid, text, title)
    counts = index.counts(conn, "t")
    rows = {rowid: index.read_row(terms, title)
            for rowid, terms, title in conn.execute("SELECT rowid, terms, title FROM t")}
    compared = 0
    for text in ["Harbor Bridge tolls rose", "café Zürich mayor", "Quillon ferry fares fell 40 percent",
                 "the council said the bridge will close", "town tolls"]:
        q = match.query(text)
        st = index.stats(conn, "t", q, counts.rows)
        weighed = index.weigh(index.searched_terms(q, st), counts)
        for hit in index.search(conn, "t", q, st, k=len(BM25_ROWS)):
            assert index.bm25(weighed, rows[hit.rowid], counts) == pytest.approx(hit.bm25, rel=1e-9)
            compared += 1
    assert compared >= 40


def test_repeats_compare_only_claims_that_share_rare_wording(tmp_path, monkeypatch):
    """claim_pairs scores a claim only against the claims that hold one of its rarest terms,
    never all pairs and without a search per claim: 60 claims in common words, each with a
    place of its own, cost a handful of comparisons, and only the claim said twice is paired."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(60):
        place = "bdfgklmnprstvz"[k % 14] + "aeiou"[k // 14] + "rovia"        # Barovia, Darovia, ...
        (folder / f"n{k:02d}.txt").write_text(
            f"The economy of {place.title()} grew last year and jobs rose in the region.\n", encoding="utf-8")
    (folder / "r1.txt").write_text("The Quillon ferry fares fell sharply after the Marrow strike ended.\n",
                                   encoding="utf-8")
    (folder / "r2.txt").write_text("After the Marrow strike ended, the Quillon ferry fares fell sharply.\n",
                                   encoding="utf-8")
    db = tmp_path / "p.db"
    assert cli.main(["track", "add", str(folder), "--db", str(db), "--no-progress"]) == 0
    scored = []
    searched = []
    bm25, search = index.bm25, index.search
    monkeypatch.setattr(index, "bm25", lambda *a: scored.append(a) or bm25(*a))
    monkeypatch.setattr(index, "search", lambda *a, **k: searched.append(a) or search(*a, **k))
    with Ledger(str(db)) as ledger:
        items = ledger.conn.execute("SELECT c.id, d.doc_id, c.text FROM claims c "
                                    "JOIN documents d ON d.id = c.document_id").fetchall()
        pairs = matches.claim_pairs(ledger.conn, [(i, doc) for i, doc, _ in items], match.repeat_threshold())
    text = {i: t for i, _, t in items}
    assert len(items) >= 62
    assert [("Quillon" in text[a], "Quillon" in text[b]) for a, b, _ in pairs] == [(True, True)]
    assert searched == []
    # one self-score for each text (what a copy of it scores) and a few comparisons; all pairs: 62 * 62
    assert len(scored) <= 3 * len(items), len(scored)


# --- import-checks ----------------------------------------------------------------------------------

def test_import_is_idempotent_and_reports_counts(tmp_path, capsys):
    db = tmp_path / "c.db"
    assert run(["track", "import-checks", CHECKS, "--db", db], capsys) == \
        (0, f"added 8, unchanged 0, updated 0, failed 0 ({db})\n", "")
    before = sqlite3.connect(db).execute("SELECT count(*) FROM checks").fetchone()[0]
    assert run(["track", "import-checks", CHECKS, "--db", db], capsys) == \
        (0, f"added 0, unchanged 8, updated 0, failed 0 ({db})\n", "")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM checks").fetchone()[0] == before == 8
    assert conn.execute("SELECT count(*) FROM check_index").fetchone()[0] == 8


def test_a_changed_record_is_updated_not_doubled(tmp_path, capsys):
    db = tmp_path / "c.db"
    first = tmp_path / "a.jsonl"
    first.write_text(CHECKS.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    run(["track", "import-checks", first, "--db", db], capsys)
    first.write_text(first.read_text(encoding="utf-8").replace('"False"', '"Pants on Fire"'), encoding="utf-8")
    assert run(["track", "import-checks", first, "--db", db], capsys)[1].startswith("added 0, unchanged 0, updated 1")
    assert sqlite3.connect(db).execute("SELECT verdict FROM checks").fetchall() == [("Pants on Fire",)]


def test_bad_records_get_one_line_each_and_the_rest_is_imported(tmp_path, capsys):
    db = tmp_path / "c.db"
    good = CHECKS.read_text(encoding="utf-8").splitlines()[1]
    bad = tmp_path / "mixed.jsonl"
    bad.write_text("\n".join([good, "{not json", '{"@type": "ClaimReview", "url": "https://x.example/a"}',
                              '{"@type": "ClaimReview", "claimReviewed": "X", "url": "ftp://x"}',
                              '{"@type": "Article"}']) + "\n", encoding="utf-8")
    code, out, err = run(["track", "import-checks", bad, "--db", db], capsys)
    assert code == 1
    assert out == f"added 1, unchanged 0, updated 0, failed 4 ({db})\n"
    assert err.splitlines() == [
        f"quotetrack: {bad}: line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"quotetrack: {bad}: line 3: no claimReviewed",
        f"quotetrack: {bad}: line 4: url 'ftp://x' is not an http(s) address",
        f"quotetrack: {bad}: line 5: no ClaimReview record",
    ]


def test_html_json_and_graph(tmp_path, capsys):
    record = json.loads(CHECKS.read_text(encoding="utf-8").splitlines()[5])
    page = tmp_path / "otters.html"
    page.write_text("<html><head><script type='application/ld+json'>"
                    + json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, record]})
                    + "</script></head><body>…</body></html>", encoding="utf-8")
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([json.loads(line) for line in CHECKS.read_text(encoding="utf-8").splitlines()[:2]]),
                       encoding="utf-8")
    plain = tmp_path / "plain.html"
    plain.write_text("<p>No markup here</p>", encoding="utf-8")
    db = tmp_path / "c.db"
    code, out, err = run(["track", "import-checks", page, listing, plain, "--db", db], capsys)
    assert (code, out) == (1, f"added 3, unchanged 0, updated 0, failed 1 ({db})\n")
    assert err == f'quotetrack: {plain}: no JSON-LD block (<script type="application/ld+json">) in the page\n'
    rows = sqlite3.connect(db).execute("SELECT claim, verdict, claimant, reviewer, day FROM checks ORDER BY id").fetchall()
    assert rows[0] == ("A photograph shows sea otters holding hands in the Quillon river.", "Miscaptioned", None,
                       "Example Checks", "2019-07-21")
    assert rows[1][1:3] == ("False", "Orla Penhallow")


def test_lab_tsv(tmp_path, capsys):
    tsv = tmp_path / "vclaims.tsv"
    tsv.write_text('\tvclaim\ttitle\n0\tThe moon is cheese.\tMoon Cheese?\n1\t"A claim over\ntwo lines."\tTwo\n2\n',
                   encoding="utf-8")
    db = tmp_path / "c.db"
    code, out, err = run(["track", "import-checks", tsv, "--db", db], capsys)
    assert (code, out) == (1, f"added 2, unchanged 0, updated 0, failed 1 ({db})\n")
    assert err == f"quotetrack: {tsv}: record 3: want id<TAB>vclaim<TAB>title, got 1 field(s)\n"
    assert sqlite3.connect(db).execute("SELECT key, claim FROM checks ORDER BY id").fetchall() == [
        ("vclaims.tsv:0", "The moon is cheese."), ("vclaims.tsv:1", "A claim over two lines.")]


def test_unknown_format_and_missing_file(tmp_path, capsys):
    db = tmp_path / "c.db"
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    code, out, err = run(["track", "import-checks", other, tmp_path / "gone.json", "--db", db], capsys)
    assert code == 1
    assert err.splitlines() == [
        f"quotetrack: {other}: unknown format: name it .json, .jsonl, .html or .tsv, or give --format",
        f"quotetrack: {tmp_path / 'gone.json'}: No such file or directory"]


# --- track match ------------------------------------------------------------------------------------

def test_track_match_formats(ledger_file, capsys):
    query = "Harbor Bridge tolls rose 40 percent"
    code, out, err = run(["track", "match", query, "--db", ledger_file, "--limit", "1"], capsys)
    assert code == 0 and err == ""
    assert "checks.example/harbor-bridge" in out and "Mostly True" in out and "overlap" in out
    code, out, _ = run(["track", "match", query, "--db", ledger_file, "--limit", "1", "--format", "jsonl"], capsys)
    record = json.loads(out)
    assert record["document"] == "https://checks.example/harbor-bridge-tolls"
    assert record["verdict"] == "Mostly True" and record["speaker"] == "Dario Quenneville"
    assert record["rules"].startswith("overlap +")
    code, out, _ = run(["track", "match", query, "--db", ledger_file, "--limit", "1", "--format", "csv"], capsys)
    assert out.splitlines()[0] == ",".join(("query", "rank", "score", "kind", "text", "speaker", "date", "document",
                                            "verdict", "reviewer", "rules", "flags"))


def test_track_match_usage_and_missing_ledger(tmp_path, capsys):
    code, _out, err = run(["track", "match", "--db", tmp_path / "none.db"], capsys)
    assert code == 2 and "give either TEXT or --file ARTICLE" in err
    code, out, err = run(["track", "match", "x", "--db", tmp_path / "none.db"], capsys)
    assert (code, out) == (1, "")
    assert err == (f"quotetrack: {tmp_path / 'none.db'}: no ledger here; "
                   "`quotetrack track add PATH --db FILE` creates one\n")


def test_earlier_claims_are_matched_and_the_index_follows_replacement(tmp_path, capsys):
    db = tmp_path / "c.db"
    article = tmp_path / "a.txt"
    article.write_text("The council said the Harbor Bridge tolls rose by 40 percent last year.\n", encoding="utf-8")
    assert run(["track", "add", article, "--db", db], capsys)[0] == 0
    code, out, _ = run(["track", "match", "Harbor Bridge tolls rose 40 percent", "--db", db, "--format", "jsonl"],
                       capsys)
    found = [json.loads(line) for line in out.splitlines()]
    assert found and found[0]["kind"] == "claim" and found[0]["document"] == str(article)
    article.write_text("Nothing about bridges here, the council said on Monday.\n", encoding="utf-8")
    assert run(["track", "add", article, "--db", db], capsys)[0] == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM claim_index").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    out = run(["track", "match", "Harbor Bridge tolls rose 40 percent", "--db", db, "--format", "jsonl"], capsys)[1]
    assert all("tolls" not in json.loads(line)["text"] for line in out.splitlines())


# --- eval-matching ----------------------------------------------------------------------------------

def test_metrics_count_every_query():
    report = matching.evaluate({"q1": ["a", "b"], "q2": ["c"], "q3": []}, {"q1": {"b"}, "q2": {"c"}, "q3": {"d"}},
                               ["q1", "q2", "q3", "q4"])
    assert report.queries == 4 and report.judged == 3
    assert report.map_at == {"MAP@1": 0.25, "MAP@3": 0.375, "MAP@5": 0.375}
    assert report.mrr == 0.375 and report.p_at_1 == 0.25


def test_eval_matching_on_invented_files(tmp_path, capsys):
    vclaims = tmp_path / "v.tsv"
    vclaims.write_text("id\tvclaim\ttitle\n" + "".join(
        f"{i}\t{json.loads(line)['claimReviewed']}\t{json.loads(line)['headline']}\n"
        for i, line in enumerate(CHECKS.read_text(encoding="utf-8").splitlines())), encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttweet_content\n1\tThe moon is green cheese says a memo\n2\tsea otters hold hands\n"
                       "3\tzzz qqq\n", encoding="utf-8")
    qrels = tmp_path / "q.qrels"
    qrels.write_text("1 0 0 1\n2 0 5 1\n3 0 7 1\n", encoding="utf-8")
    run_file = tmp_path / "run.txt"
    code, out, err = run(["eval-matching", queries, qrels, vclaims, "--run", run_file, "--json"], capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["map_at"]["MAP@5"] == pytest.approx(2 / 3)
    lines = run_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:4] == ["1", "Q0", "0", "1"] and lines[0].endswith("\tquotetrack")


def test_eval_matching_bad_files(tmp_path, capsys):
    bad = tmp_path / "bad.qrels"
    bad.write_text("1 0 5\n", encoding="utf-8")
    queries = tmp_path / "q.tsv"
    queries.write_text("id\ttext\n1\tx\n", encoding="utf-8")
    code, out, err = run(["eval-matching", queries, bad, queries], capsys)
    assert (code, out) == (1, "")
    assert err == f"quotetrack: {bad}: line 1: want 'query_id 0 vclaim_id relevance'\n"


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")
def test_dev_split_beats_plain_bm25(capsys):
    code, out, _ = run(["eval-matching", DATA / "dev/tweets.queries.tsv", DATA / "dev/tweet-vclaim-pairs.qrels",
                        DATA / "verified_claims.docs.tsv", "--json"], capsys)
    assert code == 0
    assert json.loads(out)["map_at"]["MAP@5"] >= 0.80        # plain BM25: 0.608 (issue 13)


# --- claims --against, track match --file, repeats ----------------------------------------------------

ARTICLE = ("Officials said tolls on the Harbor Bridge rose by 40 percent last year.\n\n"
           "The mayor said the city will plant 500 trees.\n")


def test_claims_against_marks_what_was_checked(ledger_file, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["claims", article, "--against", ledger_file, "--format", "jsonl"], capsys)
    assert (code, err) == (0, "")
    (record,) = [json.loads(line) for line in out.splitlines()]
    seen = {c["text"]: c["seen_before"] for c in record["claims"]}
    found = seen["tolls on the Harbor Bridge rose by 40 percent last year"]
    assert (found["kind"], found["verdict"], found["document"]) == (
        "check", "Mostly True", "https://checks.example/harbor-bridge-tolls")
    assert found["score"] >= match.default_threshold()
    code, out, _ = run(["claims", article, "--against", ledger_file], capsys)
    assert "seen before" in out.splitlines()[1] and "checked (Mostly True)" in out
    code, out, err = run(["claims", article, "--against", tmp_path / "none.db"], capsys)
    assert (code, out) == (1, "")
    assert err == (f"quotetrack: {tmp_path / 'none.db'}: no ledger here; "
                   "`quotetrack track add PATH --db FILE` creates one\n")


def test_track_match_file_asks_for_each_check_worthy_claim(ledger_file, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["track", "match", "--file", article, "--db", ledger_file, "--format", "jsonl",
                          "--limit", "1"], capsys)
    assert (code, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in records] == ["tolls on the Harbor Bridge rose by 40 percent last year"]
    assert records[0]["document"] == "https://checks.example/harbor-bridge-tolls"


def test_repeats_join_paraphrase_and_number_changes_but_not_other_claims(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = {
        "a.txt": "The Harbor Bridge tolls rose by 40 percent last year, the council said.",
        "b.txt": "Last year the Harbor Bridge tolls rose by 40 percent, the council said on Monday.",
        "c.txt": "The Harbor Bridge tolls rose by 65 percent last year, the council said.",
        "d.txt": "The Harbor Bridge will close for repairs in June, the council said.",
        "e.txt": "Ferry fares on the Quillon river fell by 40 percent last year, the council said.",
        # the narrative, no one in particular: other numbers make another claim, not a change
        "f.txt": "Velmor will win at least 73 delegates in the Corran primary.",
        "g.txt": "Velmor will win at least 45 delegates in the Corran primary.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    db = tmp_path / "r.db"
    assert run(["track", "add", folder, "--db", db], capsys)[0] == 0
    code, out, err = run(["track", "repeats", "--db", db, "--format", "jsonl", "--all"], capsys)
    assert (code, err) == (0, "")
    (group,) = [json.loads(line) for line in out.splitlines()]
    assert sorted(Path(c["doc_id"]).name for c in group["claims"]) == ["a.txt", "b.txt", "c.txt"]
    assert [(c["from"], c["to"]) for c in group["number_changes"]] == [("40 percent", "65 percent")]


def test_repeats_join_a_long_claim_said_word_for_word_and_a_near_copy(tmp_path, capsys):
    """A claim over three times the ledger's mean length, said word for word in two documents
    and with one word changed in a third, is one claim said again: bm25 marks a long row
    down, so the overlap is taken over the bm25 the claim gives itself (an exact copy covers
    1), not over its idf mass (where an exact copy of this claim covers about 0.5)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(30):
        place = "bdfgklmnprstvz"[k % 14] + "aeiou"[k // 14] + "rovia"        # Barovia, Darovia, ...
        (folder / f"n{k:02d}.txt").write_text(f"The economy of {place.title()} grew by 3 percent last year.\n",
                                             encoding="utf-8")
    long = ("The Quillon ferry company raised its fares by 40 percent on every crossing of the Marrow estuary "
            "after the harbour board cut the subsidy it had paid since the floods, and commuters from the "
            "northern villages now drive across the old toll bridge instead, the mayor of Velmor said.")
    for name, (heading, text) in {"a.txt": ("Fares rise.", long), "b.txt": ("Ferry news.", long),
                                  "c.txt": ("Estuary.", long.replace("commuters", "workers"))}.items():
        (folder / name).write_text(f"{heading}\n\n{text}\n", encoding="utf-8")
    db = tmp_path / "v.db"
    assert run(["track", "add", folder, "--db", db, "--no-progress"], capsys)[0] == 0
    with Ledger(str(db)) as ledger:
        c = index.counts(ledger.conn, "claim_index")
        stems = [len(terms.split()) for (terms,) in
                 ledger.conn.execute("SELECT terms FROM claim_index WHERE terms LIKE 'quillon %'")]
    assert len(stems) == 3 and min(stems) > 3 * c.average
    code, out, err = run(["track", "repeats", "--db", db, "--format", "jsonl", "--all"], capsys)
    assert (code, err) == (0, "")
    (group,) = [json.loads(line) for line in out.splitlines()]
    assert sorted(Path(c["doc_id"]).name for c in group["claims"]) == ["a.txt", "b.txt", "c.txt"]


def test_repeats_join_every_copy_of_a_claim_and_keep_apart_copies_of_other_numbers(tmp_path, capsys):
    """A claim copied into more documents than a claim keeps candidates (REPEAT_CANDIDATES)
    is one group of all of them; claims of the same words with other numbers, by no one in
    particular, are another claim ("at least 45" is not "at least 12")."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(40):
        place = "bdfgklmnprstvz"[k % 14] + "aeiou"[k // 14] + "rovia"        # Barovia, Darovia, ...
        (folder / f"n{k:02d}.txt").write_text(f"The economy of {place.title()} grew by 3 percent last year, and "
                                             f"jobs rose in the mines and ports of the region.\n", encoding="utf-8")
    copies = matches.REPEAT_CANDIDATES + 5
    for k in range(copies):
        (folder / f"c{k:02d}.txt").write_text(
            f"Update {k}.\n\nVelmor will win at least 45 delegates in the Corran primary.\n", encoding="utf-8")
    for k in range(3):
        (folder / f"o{k}.txt").write_text(
            f"Later {k}.\n\nVelmor will win at least 12 delegates in the Corran primary.\n", encoding="utf-8")
    db = tmp_path / "n.db"
    assert run(["track", "add", folder, "--db", db, "--no-progress"], capsys)[0] == 0
    code, out, err = run(["track", "repeats", "--db", db, "--format", "jsonl", "--all"], capsys)
    assert (code, err) == (0, "")
    groups = [json.loads(line) for line in out.splitlines()]
    assert [(len(g["claims"]), g["number_changes"]) for g in groups] == [(copies, []), (3, [])]
    assert {c["text"] for c in groups[0]["claims"]} == {"Velmor will win at least 45 delegates in the Corran primary."}


def test_repeats_join_a_claim_of_few_stems_only_to_its_copies(tmp_path, capsys):
    """A claim of fewer than FEWEST_STEMS stems says too little to match on its wording:
    "They supported him." has the stems of "She supported it." (pronouns are function
    words), and only the copies of the latter are one claim."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(20):
        place = "bdfgklmnprstvz"[k % 14] + "aeiou"[k // 14] + "rovia"        # Barovia, Darovia, ...
        (folder / f"n{k:02d}.txt").write_text(f"The economy of {place.title()} grew by 3 percent last year.\n",
                                             encoding="utf-8")
    for name, text in {"a.txt": "She supported it.", "b.txt": "She supported it!", "c.txt": "They supported him."}.items():
        (folder / name).write_text(f"Vote {name}.\n\n{text}\n", encoding="utf-8")
    db = tmp_path / "f.db"
    assert run(["track", "add", folder, "--db", db, "--no-progress"], capsys)[0] == 0
    code, out, err = run(["track", "repeats", "--db", db, "--format", "jsonl", "--all"], capsys)
    assert (code, err) == (0, "")
    assert [sorted(c["text"] for c in json.loads(line)["claims"]) for line in out.splitlines()] == \
        [["She supported it!", "She supported it."]]

"""The claims ledger on a real SQLite file: schema, versions, ingest, speakers, the CLI, faults."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrack import cli
from quotetrack.text import quantities
from quotetrack.ledger import rows as ledger_rows, schema
from quotetrack.ledger.schema import APPLICATION_ID, SCHEMA_VERSION, LedgerError
from quotetrack.ledger.store import Ledger
from quotetrack.model import Claim, ClaimScore, Document, Mention, Quote

ROOT = Path(__file__).resolve().parents[2]


# --- documents built by hand (no dependence on the scorer's weights) ----------------------------

def quote(text: str, content: str, speaker: str | None, kind: str = "indirect",
          speaker_type: str = "person") -> Quote:
    start = text.index(content)
    return Quote(kind=kind, text=content, start=start, end=start + len(content),
                 fragments=((start, start + len(content)),), speaker=speaker, speaker_title=None,
                 speaker_type=speaker_type, mention=_mention(text, speaker), cue=None,
                 paragraph=1, sentence=1, context=text, rule="test")


def _mention(text: str, speaker: str | None) -> Mention | None:
    """The speaker's name where the text first has it (None where it has not)."""
    at = text.find(speaker) if speaker else -1
    return Mention(at, at + len(speaker), speaker, "person") if at >= 0 else None


def claim(text: str, content: str, speaker: str, quote_index: int | None = 0, score: float = 0.8) -> Claim:
    start = text.index(content)
    found = tuple(q.__class__(q.start + start, q.end + start, q.text, q.value, q.unit)
                  for q in quantities.find(content))
    rating = ClaimScore(score, score >= 0.5, ("quantity",) if found else (), (("test", score),))
    return Claim(text=content, start=start, end=start + len(content), rating=rating, quantities=found,
                 speaker=speaker, quote=quote_index, paragraph=1, sentence=1)


def said(doc_id: str, speaker: str | None, content: str, meta: dict | None = None,
         speaker_type: str = "person") -> Document:
    """A one-sentence article: ``CONTENT, SPEAKER said.`` with its quote and its claim."""
    text = f"{content}, {speaker or 'someone'} said."
    q = quote(text, content, speaker, speaker_type=speaker_type)
    c = claim(text, content, speaker or "(unknown)")
    return Document(doc_id, text, (q,), meta=dict(meta or {}), claims=(c,))


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "claims.db")


def rows(path: str, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --- the file -----------------------------------------------------------------------------------

def test_new_ledger_has_schema_ids_wal_and_foreign_keys(db):
    with Ledger(db) as led:
        assert led.version == SCHEMA_VERSION
        assert led.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert led.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert led.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert led.counts() == dict.fromkeys(("documents", "speakers", "quotes", "claims", "quantities"), 0)
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "speakers", "aliases", "quotes", "claims", "quantities"} <= tables


def test_reopening_changes_nothing(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "3 million people lost their jobs"))
    with Ledger(db) as led:
        assert led.version == SCHEMA_VERSION
        assert led.counts()["documents"] == 1


def test_migration_from_version_1(db):
    conn = sqlite3.connect(db)
    conn.executescript(schema.V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    text = "3 million people lost their jobs, Gantz said."
    conn.execute("INSERT INTO documents (hash, source_key, doc_id, added_at, n_quotes, n_claims) "
                 "VALUES (?, 'a.txt', 'a.txt', '2020-01-01', 0, 1)", (ledger_rows.content_hash(text),))
    conn.execute("INSERT INTO claims (document_id, idx, speaker_text, text, char_start, char_end, score, "
                 "check_worthy, types, paragraph, sentence) "
                 "VALUES (1, 0, 'Gantz', '3 million people lost their jobs', 0, 32, 0.9, 1, '', 1, 1)")
    conn.commit()
    conn.close()
    with Ledger(db) as led:
        assert led.version == SCHEMA_VERSION == 3
        assert led.conn.execute("SELECT norm FROM claims").fetchone()[0] == "# people lost their jobs"
        # version 3 indexes the old claim for the matcher, and the index follows deletions
        assert led.conn.execute("SELECT rowid, terms FROM claim_index").fetchall() == [(1, "peopl lost job")]
        assert led.conn.execute("SELECT count(*) FROM checks").fetchone()[0] == 0
        assert led.conn.execute("SELECT text, value, char_start, char_end FROM quantities").fetchall() == [
            ("3 million people", 3000000.0, 0, 16)]
        assert led.conn.execute("SELECT n_quantities FROM documents").fetchone()[0] == 1
        # the old document is still known by its hash: adding it again changes nothing
        assert led.add(Document("a.txt", text, ())) == "unchanged"


def test_other_programs_database_is_refused_untouched(db):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError) as info:
        Ledger(db)
    assert str(info.value) == "a SQLite database of another program, not a quotetrack ledger"
    assert rows(db, "PRAGMA journal_mode") == [("delete",)]            # not switched to WAL
    assert rows(db, "SELECT name FROM sqlite_master") == [("invoices",)]


def test_other_application_id_is_refused(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match=r"^a SQLite database of another program, not a quotetrack "
                                          r"ledger \(application id 0x4d2\)$"):
        Ledger(db)


def test_newer_schema_is_refused(db, capsys):
    Ledger(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    conn.commit()
    conn.close()
    code, out, err = run(["track", "speakers", "--db", db], capsys)
    assert code == 1 and out == ""
    assert err == (f"quotetrack: {db}: ledger schema version {SCHEMA_VERSION + 7} is newer than this "
                   f"quotetrack knows ({SCHEMA_VERSION}); upgrade quotetrack to use it\n")


def test_not_a_sqlite_file(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a database at all\n")
    code, out, err = run(["track", "add", str(path), "--db", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err == f"quotetrack: {path}: not a SQLite database\n"
    assert path.read_text() == "just some notes, not a database at all\n"


def test_missing_directory_and_missing_ledger(tmp_path, capsys):
    nowhere = tmp_path / "no" / "such" / "claims.db"
    code, _, err = run(["track", "add", str(tmp_path), "--db", str(nowhere)], capsys)
    assert code == 1
    assert err == f"quotetrack: {nowhere}: cannot create the ledger: no such directory\n"
    missing = tmp_path / "claims.db"
    code, _, err = run(["track", "claims", "--db", str(missing)], capsys)
    assert code == 1
    assert err == (f"quotetrack: {missing}: no ledger here; `quotetrack track add PATH --db FILE` "
                   f"creates one\n")
    assert not missing.exists()                   # reading does not create a file


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_ledger(db):
    Ledger(db).close()
    os.chmod(db, 0o444)
    try:
        with pytest.raises(LedgerError, match="^not writable: permission denied$"):
            Ledger(db)
    finally:
        os.chmod(db, 0o644)


def test_default_path_from_environment():
    assert ledger_rows.default_path({}) == "quotetrack.db"
    assert ledger_rows.default_path({"QUOTETRACK_DB": "/data/x.db"}) == "/data/x.db"


# --- documents -----------------------------------------------------------------------------------

def test_same_article_twice_changes_nothing(db):
    doc = said("a.txt", "Benny Gantz", "3 million people lost their jobs")
    with Ledger(db) as led:
        assert led.add(doc) == "added"
        before = led.counts()
        assert led.add(doc) == "unchanged"
        assert led.counts() == before == {"documents": 1, "speakers": 1, "quotes": 1, "claims": 1,
                                          "quantities": 1}


def test_changed_article_replaces_its_rows(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "3 million people lost their jobs"))
        led.add(said("b.txt", "Benny Gantz", "Prices rose 4 percent"))
        assert led.add(said("a.txt", "Yair Lapid", "5 million people lost their jobs")) == "replaced"
        texts = led.conn.execute("SELECT d.doc_id, q.text FROM quotes q JOIN documents d "
                                 "ON d.id = q.document_id ORDER BY d.doc_id").fetchall()
        assert texts == [("a.txt", "5 million people lost their jobs"), ("b.txt", "Prices rose 4 percent")]
        assert [r.text for r in led.claims()] == ["5 million people lost their jobs", "Prices rose 4 percent"]
        assert led.conn.execute("SELECT count(*) FROM quantities").fetchone()[0] == 2
        assert led.counts()["documents"] == 2


def test_url_is_the_source_key(db):
    with Ledger(db) as led:
        led.add(said("feed.jsonl:1", "Benny Gantz", "Talks resume", {"url": "https://x.test/a"}))
        assert led.add(said("feed.jsonl:7", "Benny Gantz", "Talks resume Monday",
                            {"url": "https://x.test/a"})) == "replaced"
        assert led.conn.execute("SELECT doc_id FROM documents").fetchall() == [("feed.jsonl:7",)]


def test_interrupt_inside_a_document_rolls_it_back(db, monkeypatch):
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "3 million people lost their jobs"))

        def interrupted(*args):
            raise KeyboardInterrupt
        monkeypatch.setattr(Ledger, "_add_claim", interrupted)
        with pytest.raises(KeyboardInterrupt):
            led.add(said("b.txt", "Yair Lapid", "Prices rose 4 percent"))
        assert led.counts() == {"documents": 1, "speakers": 1, "quotes": 1, "claims": 1, "quantities": 1}
        assert not led.conn.in_transaction


# --- speakers ------------------------------------------------------------------------------------

def test_titles_and_surnames_are_one_speaker(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Defense Minister Benny Gantz", "The deal was fair"))
        led.add(said("b.txt", "Benny Gantz", "Talks will resume"))
        led.add(said("c.txt", "Gantz", "Prices rose 4 percent"))
        led.add(said("d.txt", "Gantz’s", "Nothing was signed"))
        (row,) = led.speakers()
    assert (row.name, row.type, row.documents, row.quotes, row.claims) == ("Benny Gantz", "person", 4, 4, 4)
    assert set(row.aliases) == {"Defense Minister Benny Gantz", "Gantz", "Gantz’s"}


def test_surname_seen_first_joins_the_full_name_later(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Gantz", "The deal was fair"))
        led.add(said("b.txt", "Benny Gantz", "Talks will resume"))
        assert [(r.name, r.quotes) for r in led.speakers()] == [("Benny Gantz", 2)]
        assert led.find_speaker("gantz") == led.find_speaker("Benny Gantz")


def test_ambiguous_surname_stays_apart(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "The deal was fair"))
        led.add(said("b.txt", "Tal Gantz", "Talks will resume"))
        led.add(said("c.txt", "Gantz", "Nothing was signed"))
        names = sorted(r.name for r in led.speakers())
    assert names == ["Benny Gantz", "Gantz", "Tal Gantz"]


def test_a_middle_initial_left_out_is_the_same_person_unless_initials_differ(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "Donald Trump", "The deal was fair"))
        led.add(said("b.txt", "Donald J. Trump", "Talks will resume"))
        led.add(said("c.txt", "Ivanka Trump", "Talks will end"))
        led.add(said("d.txt", "George W. Bush", "Nothing was signed"))
        led.add(said("e.txt", "George H. W. Bush", "Nothing was agreed"))
        led.add(said("f.txt", "George Bush", "Nothing was said"))       # either of two: a speaker of its own
        quotes = {r.name: r.quotes for r in led.speakers()}
    assert quotes == {"Donald Trump": 2, "Ivanka Trump": 1, "George W. Bush": 1, "George H. W. Bush": 1,
                      "George Bush": 1}


def test_descriptors_and_common_nouns_are_not_one_speaker_across_articles(db):
    with Ledger(db) as led:
        led.add(said("a.txt", "senior official", "The deal was fair", speaker_type="descriptor"))
        led.add(said("b.txt", "senior official", "Talks will resume", speaker_type="descriptor"))
        led.add(said("c.txt", "ministry", "Talks will resume", speaker_type="organisation"))
        led.add(said("d.txt", "the ministry", "Talks will end", speaker_type="organisation"))
        assert led.speakers() == []
        assert [r.speaker for r in led.quotes()] == ["senior official", "senior official", "ministry",
                                                     "the ministry"]
        assert [(r.speaker, r.speaker_type) for r in led.claims()][1:3] == [
            ("senior official", "descriptor"), ("ministry", "organisation")]
        led.add(said("e.txt", "the Pentagon", "Talks will resume", speaker_type="organisation"))
        led.add(said("f.txt", "Pentagon", "Talks will end", speaker_type="organisation"))
        assert [(r.name, r.type, r.quotes) for r in led.speakers()] == [("Pentagon", "organisation", 2)]


def test_article_claims_belong_to_the_outlet(db):
    text = "Unemployment rose to 9 percent in May."
    doc = Document("a.txt", text, (), meta={"outlet": "Daily Planet"},
                   claims=(claim(text, text, "(article)", quote_index=None),))
    with Ledger(db) as led:
        led.add(doc)
        (row,) = led.speakers()
        (c,) = led.claims()
    assert (row.name, row.type, row.claims) == ("Daily Planet", "outlet", 1)
    assert (c.speaker, c.speaker_type) == ("Daily Planet", "outlet")


def test_alias_merges_renames_and_adds(db, capsys):
    with Ledger(db) as led:
        led.add(said("a.txt", "B. Gantz", "The deal was fair"))
        led.add(said("b.txt", "Benny Gantz", "Talks will resume"))
        led.add(said("c.txt", "Benjamin Netanyahu", "Nothing was signed"))
    code, out, _ = run(["track", "alias", "B. Gantz", "Benny Gantz", "--db", db], capsys)
    assert (code, out) == (0, "merged 'B. Gantz' into 'Benny Gantz' (1 quotes and 1 claims moved)\n")
    code, out, _ = run(["track", "alias", "Benjamin Netanyahu", "Bibi Netanyahu", "--db", db], capsys)
    assert (code, out) == (0, "renamed 'Benjamin Netanyahu' to 'Bibi Netanyahu'\n")
    code, out, _ = run(["track", "alias", "The Defense Minister", "Benny Gantz", "--db", db], capsys)
    assert (code, out) == (0, "added 'The Defense Minister' as another name of 'Benny Gantz'\n")
    code, out, err = run(["track", "alias", "Nobody", "Somebody", "--db", db], capsys)
    assert (code, out, err) == (1, "", f"quotetrack: {db}: no speaker named 'Nobody' or 'Somebody'\n")
    with Ledger(db) as led:
        by_name = {r.name: r for r in led.speakers()}
        assert set(by_name) == {"Benny Gantz", "Bibi Netanyahu"}
        assert by_name["Benny Gantz"].quotes == 2
        # the merged name stays merged for articles added later
        led.add(said("d.txt", "B. Gantz", "Prices rose 4 percent"))
        assert {r.name: r.quotes for r in led.speakers()} == {"Benny Gantz": 3, "Bibi Netanyahu": 1}
        assert led.find_speaker("The Defense Minister") == led.find_speaker("Benny Gantz")


# --- the other commands ------------------------------------------------------------------------

@pytest.fixture
def archive(db) -> str:
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "3 million people lost their jobs",
                     {"outlet": "Daily Planet", "date": "2019-12-30"}))
        led.add(said("b.txt", "Defense Minister Benny Gantz", "Three million people lost their jobs",
                     {"outlet": "Daily Planet", "date": "2020-03-02T08:00:00Z"}))
        led.add(said("c.txt", "Gantz", "4 million people lost their jobs",
                     {"outlet": "The Bugle", "date": "2020-05-10"}))
        led.add(said("d.txt", "Yair Lapid", "The bridge will open in June", {"outlet": "The Bugle"}))
        text = "It was a sunny day in the harbour."
        led.add(Document("e.txt", text, (), meta={"outlet": "The Bugle", "date": "2020-06-01"},
                         claims=(claim(text, text, "(article)", None, score=0.2),)))
    return db


def test_claims_are_the_check_worthy_ones_unless_told(archive, capsys):
    def listed(*options):
        code, out, _ = run(["track", "export", "--db", archive, *options], capsys)
        assert code == 0
        return [r["doc_id"] for r in csv.DictReader(io.StringIO(out))]
    assert listed() == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert listed("--all") == ["a.txt", "b.txt", "c.txt", "e.txt", "d.txt"]    # undated last
    assert listed("--min-score", "0.1", "--since", "2020-05-01") == ["c.txt", "e.txt"]
    code, _, err = run(["track", "claims", "--db", archive, "--all", "--min-score", "0.1"], capsys)
    assert code == 2 and "not allowed with argument" in err


def test_claims_since_and_speaker_filters(archive, capsys):
    code, out, _ = run(["track", "claims", "--db", archive, "--speaker", "Gantz", "--since", "2020-01-01",
                        "--table-style", "plain"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "outlet", "speaker", "score", "claim", "document"]
    assert [line.split()[0] for line in lines[1:3]] == ["2020-03-02", "2020-05-10"]
    assert lines[-1] == "2 claims"
    code, out, _ = run(["track", "claims", "--db", archive, "--outlet", "the bugle", "--until", "2020-12-31"],
                       capsys)
    assert "4 million" in out and "bridge" not in out       # an undated article is outside a date range
    code, _, err = run(["track", "claims", "--db", archive, "--speaker", "Nobody"], capsys)
    assert (code, err) == (1, f"quotetrack: {archive}: no speaker named 'Nobody' "
                              f"(see `quotetrack track speakers`)\n")


def test_bad_date_is_a_usage_error(archive, capsys):
    code, _, err = run(["track", "claims", "--db", archive, "--since", "March 2020"], capsys)
    assert code == 2
    assert "'March 2020' is not a date written YYYY-MM-DD" in err


def test_export_csv_columns_and_rows(archive, capsys):
    code, out, _ = run(["track", "export", "--db", archive, "--format", "csv"], capsys)
    assert code == 0
    records = list(csv.DictReader(io.StringIO(out)))
    assert list(records[0]) == ["doc_id", "outlet", "date", "url", "speaker", "speaker_type", "claim", "score",
                                "check_worthy", "types", "quantities", "paragraph", "sentence", "start", "end"]
    assert [(r["doc_id"], r["speaker"], r["quantities"]) for r in records] == [
        ("a.txt", "Benny Gantz", "3 million people"), ("b.txt", "Benny Gantz", "Three million people"),
        ("c.txt", "Benny Gantz", "4 million people"), ("d.txt", "Yair Lapid", "")]
    code, out, _ = run(["track", "export", "--db", archive, "--format", "jsonl", "--what", "quotes",
                        "--since", "2020-05-01"], capsys)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert (record["doc_id"], record["quote"], record["kind"]) == ("c.txt", "4 million people lost their jobs",
                                                                   "indirect")


def test_speakers_table(archive, capsys):
    code, out, _ = run(["track", "speakers", "--db", archive, "--table-style", "plain"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split()[:2] == ["Benny", "Gantz"] and lines[1].split()[-3:] == ["3", "3", "3"]
    assert lines[2].split()[:2] == ["Yair", "Lapid"]
    assert lines[3].split()[:3] == ["The", "Bugle", "outlet"]         # the narrative claim's outlet


def test_repeats_shows_the_number_change(archive, capsys):
    code, out, _ = run(["track", "repeats", "--db", archive], capsys)
    assert code == 0
    assert out.startswith("1. 3 million people lost their jobs\n   3 times in 3 documents, by Benny Gantz\n")
    assert "   number changed: Three million people (2020-03-02) → 4 million people (2020-05-10)\n" in out
    assert out.count("number changed") == 1                     # 3 million == three million
    assert out.endswith("1 repeated claim among 4 claims\n")          # the check-worthy ones


# --- the command line on real files, and faults -------------------------------------------------

def article(i: int) -> str:
    return (f"“Harbour number {i} will reopen in {i % 12 + 1} weeks,” Defense Minister Benny Gantz said.\n\n"
            f"The ministry said {i + 3} ships had been repaired.\n\n"
            f"According to a senior official, the port cost ${i + 1} million.\n")


def write_articles(folder: Path, numbers) -> None:
    folder.mkdir(exist_ok=True)
    for i in numbers:
        (folder / f"a{i:04d}.txt").write_text(article(i), encoding="utf-8")


def track_add(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "quotetrack", "track", "add", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(db: str) -> int:
    if not os.path.exists(db):
        return 0
    try:
        return rows(db, "SELECT count(*) FROM documents")[0][0]
    except sqlite3.DatabaseError:               # the file or its schema is not there yet
        return 0


def assert_whole_documents(db: str) -> None:
    """Every stored document has exactly the quotes, claims and quantities it was stored with."""
    bad = rows(db, """
        SELECT d.doc_id FROM documents d
        WHERE d.n_quotes != (SELECT count(*) FROM quotes WHERE document_id = d.id)
           OR d.n_claims != (SELECT count(*) FROM claims WHERE document_id = d.id)
           OR d.n_quantities != (SELECT count(*) FROM quantities JOIN claims ON claims.id = claim_id
                                 WHERE claims.document_id = d.id)""")
    assert bad == []
    assert rows(db, "SELECT count(*) FROM quotes WHERE document_id NOT IN (SELECT id FROM documents)") == [(0,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "PRAGMA journal_mode") == [("wal",)]


def test_cli_add_summary_and_rerun(tmp_path, db, capsys):
    write_articles(tmp_path / "in", range(3))
    (tmp_path / "in" / "bad.txt").write_bytes(b"bad \xff byte \xe2\x80\x9c")
    code, out, err = run(["track", "add", str(tmp_path / "in"), "--db", db], capsys)
    assert code == 1
    assert out == f"added 3, unchanged 0, replaced 0, failed 1 ({db})\n"
    assert err == f"quotetrack: {tmp_path / 'in' / 'bad.txt'}: not valid UTF-8 (invalid byte 0xff at offset 4)\n"
    (tmp_path / "in" / "bad.txt").unlink()
    (tmp_path / "in" / "a0001.txt").write_text(article(1) + "\nA new paragraph.\n", encoding="utf-8")
    code, out, _ = run(["track", "add", str(tmp_path / "in"), "--db", db], capsys)
    assert (code, out) == (0, f"added 0, unchanged 2, replaced 1, failed 0 ({db})\n")
    assert_whole_documents(db)
    with Ledger(db) as led:
        assert led.counts()["documents"] == 3
        assert [r.name for r in led.speakers()][0] == "Benny Gantz"


def wait_for(db: str, documents: int, proc: subprocess.Popen, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while stored(db) < documents:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no documents stored in time"
        time.sleep(0.005)


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_interrupted_add_leaves_whole_documents_and_resumes(tmp_path, db, how):
    total = 300
    write_articles(tmp_path / "in", range(total))
    proc = track_add(str(tmp_path / "in"), "--db", db)
    wait_for(db, 20, proc)
    proc.send_signal(getattr(signal, how))
    out, err = proc.communicate(timeout=60)
    done = stored(db)
    assert 20 <= done < total, "the run finished before it was interrupted"
    assert_whole_documents(db)
    if how == "SIGINT":
        assert proc.returncode == 130
        assert out.startswith(f"added {done}, unchanged 0, replaced 0, failed 0")
        assert "interrupted" in err
    else:
        assert proc.returncode == -signal.SIGKILL
    again = track_add(str(tmp_path / "in"), "--db", db)
    out, err = again.communicate(timeout=120)
    assert (again.returncode, err) == (0, "")
    assert out == f"added {total - done}, unchanged {done}, replaced 0, failed 0 ({db})\n"
    assert_whole_documents(db)
    assert rows(db, "SELECT count(*), count(DISTINCT source_key), count(DISTINCT hash) FROM documents") == [
        (total, total, total)]


def test_two_processes_add_to_one_ledger(tmp_path, db):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    for path, numbers in ((one, range(0, 150)), (two, range(100, 250))):
        path.write_text("".join(json.dumps({"doc_id": f"n{i}", "text": article(i), "outlet": "Bugle"}) + "\n"
                                for i in numbers), encoding="utf-8")
    first, second = track_add(str(one), "--db", db), track_add(str(two), "--db", db)
    results = [p.communicate(timeout=120) + (p.returncode,) for p in (first, second)]
    for out, err, code in results:
        assert (code, err) == (0, ""), err
    added = sum(int(out.split()[1].rstrip(",")) for out, _, _ in results)
    unchanged = sum(int(out.split()[3].rstrip(",")) for out, _, _ in results)
    assert (added, unchanged) == (250, 50)
    assert rows(db, "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [(250, 250)]
    assert_whole_documents(db)


def test_repeats_as_json_lines_and_a_bad_similarity(archive, capsys):
    code, out, _ = run(["track", "repeats", "--db", archive, "--format", "jsonl"], capsys)
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert [c["doc_id"] for c in record["claims"]] == ["a.txt", "b.txt", "c.txt"]
    assert [(c["from_value"], c["from_date"], c["to_value"], c["to_date"]) for c in record["number_changes"]] == [
        (3000000.0, "2020-03-02", 4000000.0, "2020-05-10")]
    code, _, err = run(["track", "repeats", "--db", archive, "--min-similarity", "1.5"], capsys)
    assert code == 2 and "--min-similarity 1.5 must be more than 0 and at most 1" in err


def test_repeat_items_carry_quantities_that_slice_back(archive, capsys):
    with Ledger(archive) as led:
        rows = led.conn.execute("SELECT id, text, char_start FROM claims ORDER BY id").fetchall()
        items = led.repeat_items([r[0] for r in rows])
    found = [(item.id, q.text) for item in items for q in item.quantities]
    assert len(found) >= 3
    for item, (claim_id, text, start) in zip(items, rows):
        assert item.id == claim_id
        for q in item.quantities:          # offsets into the document, as the claim's own
            assert text[q.start - start:q.end - start] == q.text
    _code, out, _ = run(["track", "repeats", "--db", archive, "--format", "jsonl"], capsys)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert set(record["claims"][0]["quantities"][0]) == {"text", "start", "end", "value", "unit"}


def test_dates_in_other_forms_are_filtered_by_day(db, capsys):
    with Ledger(db) as led:
        led.add(said("a.txt", "Benny Gantz", "Talks resume", {"date": "Mon, 02 Mar 2020 10:15:00 GMT"}))
        led.add(said("b.txt", "Benny Gantz", "Talks end", {"date": "May 10, 2020"}))
        led.add(said("c.txt", "Benny Gantz", "Talks fail", {"date": "03/02/2020"}))      # ambiguous: no day
        assert [(r.doc_id, r.day) for r in led.claims(everything=True)] == [
            ("a.txt", "2020-03-02"), ("b.txt", "2020-05-10"), ("c.txt", None)]
    code, out, _ = run(["track", "export", "--db", db, "--since", "2020-04-01"], capsys)
    assert [r["doc_id"] for r in csv.DictReader(io.StringIO(out))] == ["b.txt"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_only(tmp_path, db, monkeypatch):
    from quotetrack.ledger import track
    from quotetrack.config import Config
    monkeypatch.setattr(track, "PROGRESS_SECONDS", 0)
    write_articles(tmp_path / "in", range(3))
    terminal, pipe = Terminal(), io.StringIO()
    assert track.run_add([str(tmp_path / "in")], db, None, Config(), io.StringIO(), terminal) == 0
    assert terminal.getvalue() == "".join(
        f"\radded {n}, unchanged 0, replaced 0, failed 0 …" for n in range(3)) + "\r\x1b[K"
    assert track.run_add([str(tmp_path / "in")], db, None, Config(), io.StringIO(), pipe) == 0
    assert pipe.getvalue() == ""


def test_a_busy_ledger_is_waited_for_and_retried(db):
    import threading
    Ledger(db).close()
    blocker = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")                  # another writer holds the file for a while
    release = threading.Timer(0.4, lambda: blocker.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    with Ledger(db, timeout_ms=20) as led:              # a short wait, so the retry loop runs
        assert led.add(said("a.txt", "Benny Gantz", "Talks resume")) == "added"
    release.join()
    blocker.close()
    assert time.monotonic() - started >= 0.3

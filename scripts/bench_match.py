"""Time ``track match`` against a synthetic ledger of many claims, and report its size on disk.

    python scripts/bench_match.py --rows 1000000 --db /tmp/match-1m.db
    python scripts/bench_match.py --db /tmp/match-1m.db            # time again, no rebuild
    python scripts/bench_match.py --db LEDGER                      # time an existing ledger

The ledger is built once (documents of 10 claims each, written straight into the tables
and the claim index, without extraction).  Its claims are sentences of 8 to 30 words
drawn from a Zipf distribution (s = 1.1) over a vocabulary of 100,000 words: the words of
the project's corpus/ articles, commonest first, then invented words (syllables) for the
long tail of names and rare words, as news text has.  The queries are sentences of the
corpus/ articles; each is timed in-process (``quotetrack.ledger.matches.find``, the work
of one ``track match TEXT`` after the program has started), the first one apart (cold).
"""
from __future__ import annotations

import argparse
import bisect
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import match  # noqa: E402
from quotetrack.ledger import matches  # noqa: E402
from quotetrack.ledger.store import CLAIM_INDEX, Ledger  # noqa: E402

VOCABULARY = 100_000
ZIPF = 1.1
CLAIMS_PER_DOCUMENT = 10
BATCH = 20_000
SYLLABLES = ("ba be bi bo bu ka ke ki ko ku da de di do du ma me mi mo mu na ne ni no nu ra re ri ro "
             "ru sa se si so su ta te ti to tu la le li lo lu va ve vi vo vu za ze zi zo zu").split()
SENTENCE = re.compile(r"[^.!?]{40,300}[.!?]")


def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))


def vocabulary(rng: random.Random) -> list[str]:
    words = [w for w, _ in Counter(re.findall(r"[A-Za-z][a-z]+", corpus_text())).most_common()]
    seen = set(words)
    while len(words) < VOCABULARY:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def build(path: str, rows: int, seed: int = 13) -> None:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (r + 1) ** ZIPF for r in range(len(words))]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    stems = {w: match.terms(w) for w in words}
    with Ledger(path) as ledger:
        conn = ledger.conn
        made = 0
        while made < rows:
            conn.execute("BEGIN")
            for _ in range(min(BATCH, rows - made) // CLAIMS_PER_DOCUMENT or 1):
                doc = conn.execute(
                    "INSERT INTO documents (hash, source_key, doc_id, added_at, n_quotes, n_claims) "
                    "VALUES (?, ?, ?, '2026-01-01', 0, ?)",
                    (f"synthetic{made}", f"synthetic{made}", f"synthetic/{made}.txt", CLAIMS_PER_DOCUMENT)).lastrowid
                for i in range(CLAIMS_PER_DOCUMENT):
                    n = rng.randint(8, 30)
                    sentence = [words[bisect.bisect(cumulative, rng.random() * total)] for _ in range(n)]
                    text = " ".join(sentence).capitalize() + "."
                    cid = conn.execute(
                        "INSERT INTO claims (document_id, idx, speaker_text, text, char_start, char_end, score, "
                        "check_worthy, types, paragraph, sentence) VALUES (?, ?, 'Synthetic', ?, 0, ?, 0.5, 1, "
                        "'', 1, 1)", (doc, i, text, len(text))).lastrowid
                    terms = " ".join(t for w in sentence for t in stems[w])
                    conn.execute(f"INSERT INTO {CLAIM_INDEX} (rowid, terms, title) VALUES (?, ?, '')", (cid, terms))
                made += CLAIMS_PER_DOCUMENT
            conn.execute("COMMIT")
            print(f"\r{made:,} claims", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        conn.execute(f"INSERT INTO {CLAIM_INDEX}({CLAIM_INDEX}) VALUES ('optimize')")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="the synthetic ledger (built when it does not exist)")
    parser.add_argument("--rows", type=int, default=1_000_000, help="claims to build (default 1,000,000)")
    parser.add_argument("--queries", type=int, default=50, help="queries to time (default 50)")
    args = parser.parse_args()
    if not os.path.exists(args.db):
        start = time.perf_counter()
        build(args.db, args.rows)
        print(f"built {args.rows:,} claims in {time.perf_counter() - start:.0f} s")
    queries = [" ".join(s.split()) for s in SENTENCE.findall(corpus_text())][:args.queries + 1]
    with Ledger(args.db) as ledger:
        rows = ledger.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        checks = ledger.conn.execute("SELECT count(*) FROM checks").fetchone()[0]
        times = []
        for q in queries:
            start = time.perf_counter()
            matches.find(ledger.conn, q, 10)
            times.append((time.perf_counter() - start) * 1000)
    size = sum(os.path.getsize(p) for p in (args.db, args.db + "-wal") if os.path.exists(p))
    warm = times[1:]
    print(f"{rows:,} claims and {checks:,} fact-checks, {size / 1e6:.0f} MB on disk; {len(warm)} queries: median "
          f"{statistics.median(warm):.1f} ms, 90th percentile {sorted(warm)[int(0.9 * len(warm))]:.1f} ms, "
          f"max {max(warm):.1f} ms (first, cold: {times[0]:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

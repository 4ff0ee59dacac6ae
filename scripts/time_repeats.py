"""Time ``quotetrack track repeats`` on a ledger, at this checkout or at another revision.

    python scripts/time_repeats.py LEDGER                      # this checkout (WORK)
    python scripts/time_repeats.py LEDGER --revision 7a9c2b7   # another revision
    python scripts/time_repeats.py LEDGER --revision 7a9c2b7 --sample 20

It runs ``python -m quotetrack track repeats --db LEDGER`` (output to /dev/null) from the
revision's files (``git archive`` into a temporary directory; WORK: this checkout) and prints
the CPU seconds (user + system) and the peak RSS of that process.  ``--sample K`` is for
revisions that searched the claim index once a claim (before 95e5dc9), whose full run takes
many minutes on a large ledger: it times that revision's ``claim_pairs`` on every K-th
check-worthy claim (each still searched against the whole index) and multiplies by K, an
estimate of the pairing alone.  The ledgers of the benchmark (issue 10):

    python -m quotetrack track add ../shared/data/polnear/train.jsonl --db /tmp/rep840.db
    python scripts/bench_scale.py --vary-file ../shared/data/polnear/train.jsonl 5 /tmp/vary5.jsonl
    python -m quotetrack track add /tmp/vary5.jsonl --db /tmp/rep4200.db

Only one such run should use the machine at a time.
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What --sample runs in the revision's directory: its claim_pairs on every K-th claim.
SAMPLE = """
import sys, time
from quotetrack.ledger import matches
from quotetrack.ledger.store import Ledger
db, step = sys.argv[1], int(sys.argv[2])
with Ledger(db, create=False) as ledger:
    items = ledger.conn.execute(
        "SELECT c.id, c.text, d.doc_id, coalesce(s.name, c.speaker_text) FROM claims c "
        "JOIN documents d ON d.id = c.document_id LEFT JOIN speakers s ON s.id = c.speaker_id "
        "WHERE c.check_worthy = 1 ORDER BY c.id").fetchall()
    sample = items[::step]
    start = time.process_time()
    matches.claim_pairs(ledger.conn, sample, 0.9)
    cpu = time.process_time() - start
print(f"claim_pairs on {len(sample):,} of {len(items):,} claims: {cpu:.1f} CPU s; "
      f"x{len(items) / len(sample):.1f} = {cpu * len(items) / len(sample):.0f} CPU s estimated for all")
"""


def checkout(revision: str, into: str) -> Path:
    """The files of ``revision`` written under ``into`` (WORK: this checkout itself)."""
    if revision == "WORK":
        return ROOT
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into)
    return Path(into)


def child_usage() -> tuple[float, int]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger")
    parser.add_argument("--revision", default="WORK", help="a git revision, or WORK (default)")
    parser.add_argument("--sample", type=int, metavar="K", help="time claim_pairs on every K-th claim, times K")
    args = parser.parse_args(argv)
    ledger = str(Path(args.ledger).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        where = checkout(args.revision, tmp)
        env = dict(os.environ, PYTHONPATH=str(where))
        if args.sample:
            done = subprocess.run([sys.executable, "-c", SAMPLE, ledger, str(args.sample)], cwd=where, env=env,
                                  capture_output=True, text=True)
            print(f"{args.revision}: {done.stdout.strip() or done.stderr.strip()[-500:]}")
            return done.returncode
        before, _ = child_usage()
        with open(os.devnull, "w") as null:
            done = subprocess.run([sys.executable, "-m", "quotetrack", "track", "repeats", "--db", ledger],
                                  cwd=where, env=env, stdout=null, stderr=subprocess.PIPE, text=True)
        after, peak = child_usage()
    problem = f" (exit {done.returncode}: {done.stderr.strip()[-300:]})" if done.returncode else ""
    print(f"{args.revision}: track repeats --db {args.ledger}: {after - before:.2f} CPU s (user + system), "
          f"peak RSS {peak / 1024:.0f} MB{problem}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

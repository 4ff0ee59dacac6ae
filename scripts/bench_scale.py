"""Measure ``--jobs`` and Spark on one machine (issue 11): throughput, identical output, memory.

    python scripts/bench_scale.py FILE.jsonl [--jobs 1 2] [--command extract|claims]
    python scripts/bench_scale.py FILE.jsonl --spark local[2]     # also time `quotetrack spark`
    python scripts/bench_scale.py --repeat-file ../shared/data/polnear/train.jsonl 5 /tmp/x.jsonl
    python scripts/bench_scale.py --vary-file ../shared/data/polnear/train.jsonl 5 /tmp/v.jsonl

Each run is ``python -m quotetrack COMMAND FILE --format jsonl --jobs N`` in a subprocess
(this checkout first on ``sys.path``), its output hashed.  For each N it prints wall
seconds, documents a second, CPU seconds (the process and its workers), the peak RSS of
the parent and of the largest worker (sampled from /proc every 0.2 s), and whether the
output is byte-identical to the first run's.  ``--spark MASTER`` runs ``quotetrack spark``
on the same file and reports its start-up and job seconds apart (Spark's own report).
``--repeat-file SRC K DEST`` writes DEST: SRC's records K times, with ``#k`` added to
each doc_id (a larger archive for the benchmark; keep DEST outside the repository).
``--vary-file SRC K DEST`` writes K variants of each record whose texts differ (a lead
line "Archive copy A.", "Archive copy B.", ...), so a ledger stores every one (it keeps one
copy of a text) and each claim is made K times (``track repeats`` at scale: issue 10).
Only one such run should use the machine at a time.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SECONDS = 0.2


def repeat_file(source: str, times: int, dest: str, vary: bool = False) -> int:
    """Write ``times`` copies of the records of ``source`` with distinct doc_ids; the count.
    With ``vary`` the k-th copy's text starts with a line of its own ("Archive copy B.")."""
    if vary and not 1 <= times <= len(string.ascii_uppercase):
        raise SystemExit(f"--vary-file: K must be 1 to {len(string.ascii_uppercase)}")
    records = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    with open(dest, "w", encoding="utf-8") as out:
        for k in range(times):
            for r in records:
                text = f"Archive copy {string.ascii_uppercase[k]}.\n\n{r['text']}" if vary else r["text"]
                out.write(json.dumps({"doc_id": f"{r['doc_id']}#{k}", "text": text},
                                     ensure_ascii=False) + "\n")
    return len(records) * times


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one live process (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def run(argv: list[str]) -> dict:
    """Run ``argv``; its wall and CPU seconds, peak RSS of it and of its largest child, output hash."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    digest = hashlib.sha256()
    parent_peak = worker_peak = 0
    parent_cpu = 0.0
    worker_cpu: dict[int, float] = {}
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        while proc.poll() is None:
            parent_peak = max(parent_peak, rss_kib(proc.pid))
            parent_cpu = max(parent_cpu, cpu_seconds(proc.pid))
            for child in children(proc.pid):
                worker_peak = max(worker_peak, rss_kib(child))
                worker_cpu[child] = max(worker_cpu.get(child, 0.0), cpu_seconds(child))
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode("utf-8", "replace")
        out.seek(0)
        for block in iter(lambda: out.read(1 << 20), b""):
            digest.update(block)
        out.seek(0)
        lines = sum(block.count(b"\n") for block in iter(lambda: out.read(1 << 20), b""))
        out.seek(max(0, out.tell() - 400))
        tail = out.read().decode("utf-8", "replace").strip().splitlines()[-1:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "parent_cpu": parent_cpu,
            "worker_cpu": max(worker_cpu.values(), default=0.0),
            "parent_rss_mb": parent_peak / 1024,
            "worker_rss_mb": worker_peak / 1024, "sha256": digest.hexdigest(), "lines": lines,
            "code": proc.returncode, "stderr": err, "last_line": tail[0] if tail else ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", help="a JSON Lines file of {doc_id, text}")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--command", choices=("extract", "claims"), default="extract")
    parser.add_argument("--spark", metavar="MASTER", help="also run `quotetrack spark --master MASTER`")
    parser.add_argument("--repeat-file", nargs=3, metavar=("SRC", "K", "DEST"))
    parser.add_argument("--vary-file", nargs=3, metavar=("SRC", "K", "DEST"))
    args = parser.parse_args(argv)
    if args.repeat_file or args.vary_file:
        src, k, dest = args.repeat_file or args.vary_file
        print(f"wrote {repeat_file(src, int(k), dest, vary=bool(args.vary_file)):,} records to {dest}")
        return 0
    if not args.file:
        parser.error("give FILE")
    first = None
    rows = []
    for n in args.jobs:
        r = run([sys.executable, "-m", "quotetrack", args.command, args.file, "--format", "jsonl",
                 "--jobs", str(n), "--no-progress"])
        first = first or r
        rows.append((f"--jobs {n}", r))
        print(f"{args.command} --jobs {n}: {r['lines']:,} documents, {r['wall']:.1f} s wall, "
              f"{r['lines'] / r['wall']:,.1f} docs/s, CPU {r['cpu']:.1f} s (parent {r['parent_cpu']:.1f} s, "
              f"busiest worker {r['worker_cpu']:.1f} s), "
              f"parent RSS {r['parent_rss_mb']:.0f} MB, largest worker RSS {r['worker_rss_mb']:.0f} MB, "
              f"output {'identical' if r['sha256'] == first['sha256'] else 'DIFFERENT'} "
              f"(exit {r['code']})", flush=True)
    if len(rows) > 1:
        base = rows[0][1]
        for name, r in rows[1:]:
            # On idle cores a run takes at least its busiest process's CPU time, and at least
            # its total CPU time shared out over the cores.
            bound = max(r["parent_cpu"], r["worker_cpu"], r["cpu"] / (os.cpu_count() or 1))
            print(f"speed-up of {name} over {rows[0][0]}: {base['wall'] / r['wall']:.2f}x wall; "
                  f"{base['cpu'] / bound:.2f}x by CPU time (the first run's CPU seconds over "
                  f"max(busiest process, all CPU / {os.cpu_count()} cores): the wall speed-up "
                  f"on idle cores); machine load average {os.getloadavg()[0]:.1f}")
    if args.spark:
        with tempfile.TemporaryDirectory() as out:
            r = run([sys.executable, "-m", "quotetrack", "spark", args.file, "--output", out,
                     "--master", args.spark, "--what", "quotes" if args.command == "extract" else "both"])
            problem = f" (exit {r['code']}: {r['stderr'].strip()[-300:]})" if r["code"] else ""
            print(f"spark --master {args.spark}: {r['wall']:.1f} s wall in all; "
                  f"{r['last_line']}{problem}")
    return 0 if all(r["sha256"] == first["sha256"] for _, r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Show exactly what a change does to quotetrack's output: run two revisions on the same inputs.

    python scripts/compare_revisions.py A B           # two git revisions
    python scripts/compare_revisions.py HEAD WORK     # WORK is the working tree as it is now
    python scripts/compare_revisions.py main WORK --quick          # corpus/ only
    python scripts/compare_revisions.py main WORK --ignore-field context_start

Each revision is unpacked with ``git archive`` into a scratch directory (WORK is
used in place) and run as ``python -m quotetrack`` with that directory first on
``sys.path``.  Both revisions read the same inputs, the ones in this checkout:

- ``extract --format jsonl`` and ``claims --format jsonl`` on ``corpus/`` and on
  ``../shared/data/polnear/train.jsonl`` (when it is there);
- ``extract --attributions all --format jsonl`` on PolNeAR (what ``eval`` scores);
- ``check --format json`` on ``corpus/`` (source-free), on the corpus draft with its
  sources, and on PolNeAR;
- ``eval corpus/``.

For every run it prints ``same`` or the differing records (by line, with the first
differing fields), and the stderr and exit code when they differ.  Exit status: 0
when every run is the same, 1 when any differs.  Outputs of a committed revision
are cached under ``.compare-cache/`` (ignored by git), keyed by its commit and the
inputs' sizes, so comparing against the same base again costs one run.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
CACHE = ROOT / ".compare-cache"
WORK = "WORK"


def runs(quick: bool) -> list[tuple[str, list[str]]]:
    """(name, quotetrack arguments) of every run, relative to the repository root."""
    draft = ["corpus/check/draft.txt", "--source", "corpus/check/briefing.txt",
             "--source", "corpus/check/release.txt"]
    out = [
        ("extract corpus", ["extract", "corpus", "--format", "jsonl"]),
        ("claims corpus", ["claims", "corpus", "--format", "jsonl"]),
        ("check corpus", ["check", "corpus", "--format", "json"]),
        ("check draft", ["check", *draft, "--format", "json"]),
        ("eval corpus", ["eval", "corpus"]),
    ]
    if POLNEAR.exists() and not quick:
        data = str(POLNEAR)
        out += [
            ("extract polnear", ["extract", data, "--format", "jsonl"]),
            ("extract-all polnear", ["extract", data, "--attributions", "all", "--format", "jsonl"]),
            ("claims polnear", ["claims", data, "--format", "jsonl"]),
            ("check polnear", ["check", data, "--format", "json"]),
        ]
    return out


def commit_of(revision: str) -> str:
    done = subprocess.run(["git", "rev-parse", "--verify", f"{revision}^{{commit}}"], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"compare_revisions: {revision}: not a git revision ({done.stderr.strip()})")
    return done.stdout.strip()


def unpack(commit: str, into: Path) -> Path:
    """The tree of ``commit`` unpacked under ``into``; returns its directory."""
    tree = into / commit[:12]
    tree.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", commit, "quotetrack"], cwd=ROOT,
                             capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    return tree


def run_one(tree: Path, args: list[str]) -> dict:
    """Run ``python -m quotetrack ARGS`` from ``tree`` (first on sys.path) in the repository root."""
    code = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import quotetrack.cli as c; "
            "assert c.__file__.startswith(sys.path[0]), c.__file__; sys.exit(c.main(sys.argv[1:]))")
    env = dict(os.environ, PYTHONHASHSEED="0", COLUMNS="200")
    done = subprocess.run([sys.executable, "-c", code, str(tree), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return {"stdout": done.stdout, "stderr": done.stderr, "code": done.returncode}


def inputs_key(names: list[tuple[str, list[str]]]) -> str:
    """A digest of the inputs (every corpus file, PolNeAR's size), so a cache follows them."""
    digest = hashlib.sha256(json.dumps(names).encode())
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    if POLNEAR.exists():
        digest.update(str(POLNEAR.stat().st_size).encode())
    return digest.hexdigest()[:16]


def outputs(revision: str, names: list[tuple[str, list[str]]], scratch: Path) -> dict[str, dict]:
    """Every run's output for ``revision`` (from the cache when a commit was run before)."""
    if revision == WORK:
        return {name: run_one(ROOT, args) for name, args in names}
    commit = commit_of(revision)
    cached = CACHE / f"{commit}-{inputs_key(names)}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    tree = unpack(commit, scratch)
    result = {name: run_one(tree, args) for name, args in names}
    CACHE.mkdir(exist_ok=True)
    cached.write_text(json.dumps(result), encoding="utf-8")
    return result


def without(line: str, ignored: set[str]) -> str:
    """A JSON line with the ignored fields removed (at any depth); other lines as they are."""
    if not ignored:
        return line
    try:
        value = json.loads(line)
    except ValueError:
        return line

    def strip(item):
        if isinstance(item, dict):
            return {k: strip(v) for k, v in item.items() if k not in ignored}
        if isinstance(item, list):
            return [strip(v) for v in item]
        return item
    return json.dumps(strip(value), ensure_ascii=False, sort_keys=True)


def first_difference(a: str, b: str) -> str:
    """The keys whose values differ between two JSON lines, or the lines' first differing place."""
    try:
        left, right = json.loads(a), json.loads(b)
    except ValueError:
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        return f"at column {at + 1}: {a[max(0, at - 40):at + 60]!r} vs {b[max(0, at - 40):at + 60]!r}"
    if isinstance(left, dict) and isinstance(right, dict):
        keys = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
        if "quotes" in keys and len(left.get("quotes") or []) == len(right.get("quotes") or []):
            inner = sorted({k for x, y in zip(left["quotes"], right["quotes"])
                            for k in x.keys() | y.keys() if x.get(k) != y.get(k)})
            return f"doc {left.get('doc_id')!r}: quotes differ in {', '.join(inner)}"
        return f"doc {left.get('doc_id')!r}: fields {', '.join(keys)}"
    return "values differ"


def compare(name: str, a: dict, b: dict, ignored: set[str], show: int) -> bool:
    """Print what differs between two runs; True when nothing does."""
    la = [without(x, ignored) for x in a["stdout"].splitlines()]
    lb = [without(x, ignored) for x in b["stdout"].splitlines()]
    same = la == lb and a["stderr"] == b["stderr"] and a["code"] == b["code"]
    if same:
        print(f"{name}: same ({len(la)} lines, exit {a['code']})")
        return True
    differing = [i for i in range(max(len(la), len(lb)))
                 if i >= len(la) or i >= len(lb) or la[i] != lb[i]]
    print(f"{name}: DIFFERENT: {len(differing)} of {len(la)}/{len(lb)} lines, "
          f"exit {a['code']}/{b['code']}")
    for i in differing[:show]:
        if i >= len(la) or i >= len(lb):
            print(f"  line {i + 1}: only in {'B' if i >= len(la) else 'A'}")
        else:
            print(f"  line {i + 1}: {first_difference(la[i], lb[i])}")
    if a["stderr"] != b["stderr"]:
        ea, eb = a["stderr"].splitlines(), b["stderr"].splitlines()
        print(f"  stderr differs: {len(ea)} vs {len(eb)} lines")
        for x, y in list(zip(ea, eb))[:show]:
            if x != y:
                print(f"    A: {x}\n    B: {y}")
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", metavar="A", help="a git revision, or WORK for the working tree")
    parser.add_argument("b", metavar="B", help="a git revision, or WORK for the working tree")
    parser.add_argument("--quick", action="store_true", help="corpus/ only (no PolNeAR runs)")
    parser.add_argument("--ignore-field", action="append", default=[], metavar="NAME",
                        help="leave this JSON field out of the comparison (repeatable)")
    parser.add_argument("--show", type=int, default=5, metavar="N",
                        help="differing lines shown per run (default: 5)")
    args = parser.parse_args(argv)
    names = runs(args.quick)
    if not POLNEAR.exists():
        print(f"note: {POLNEAR} is not there: corpus/ runs only")
    with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(2) as pool:
        a, b = pool.map(lambda r: outputs(r, names, Path(scratch)), (args.a, args.b))
    ignored = set(args.ignore_field)
    results = [compare(name, a[name], b[name], ignored, args.show) for name, _ in names]
    print("no difference" if all(results) else
          f"{results.count(False)} of {len(results)} runs differ")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run ``quotetrack check`` (no sources) on a fixed sample of PolNeAR articles and count the
findings per verdict; ``--show VERDICT`` prints each such finding with the text before it, for
reading them by hand.

The data is read from ../shared/data/polnear/train.jsonl (never copied into the project).
Three disjoint samples are fixed by seed: ``a`` (100 articles, the rules were tuned on it),
``b`` (200 more, tuned on too) and ``c`` (300 more, held out: read once, to measure).

    python scripts/check_sample.py --sample c
    python scripts/check_sample.py --sample c --show name-inconsistent
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.check import drafts as check  # noqa: E402
from quotetrack.write import findings

DATA = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
SAMPLES = (("a", 4, 100), ("b", 44, 200), ("c", 444, 300))   # name, seed, size; each from what is left


def sample(rows: list[dict], name: str) -> list[dict]:
    """The named sample: each one drawn by its seed from the articles the earlier ones left."""
    rest = rows
    for label, seed, size in SAMPLES:
        random.seed(seed)
        chosen = random.sample(rest, size)
        if label == name:
            return chosen
        taken = {r["doc_id"] for r in chosen}
        rest = [r for r in rest if r["doc_id"] not in taken]
    raise ValueError(f"no sample {name!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", choices=[s for s, _, _ in SAMPLES], default="c")
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--show", metavar="VERDICT", help="print every finding of this verdict in context")
    args = parser.parse_args(argv)
    if not Path(args.data).exists():
        print(f"check_sample: {args.data}: not found (the evaluation data lives outside the project)",
              file=sys.stderr)
        return 1
    with open(args.data, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    docs = sample(rows, args.sample)
    counts: collections.Counter = collections.Counter()
    words = 0
    for doc in docs:
        text = doc["text"]
        words += len(text.split())
        for finding in check.check(text, doc["doc_id"]):
            counts[(finding.verdict, finding.severity)] += 1
            if finding.verdict == args.show:
                counts["shown"] += 1
                line = text.split("\n")[finding.line - 1]
                col = finding.column - 1
                print(f"#{counts['shown']} {findings.compiler_line(finding)}")
                print(f"    …{line[max(0, col - 200):col]}[[{line[col:col + 100]}]]")
    print(f"sample {args.sample}: {len(docs)} articles, {words:,} words")
    for (verdict, severity), n in sorted((k, v) for k, v in counts.items() if k != "shown"):
        print(f"{verdict:22} {severity:8} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the claim scorer: microseconds per sentence, and its cost beside extraction.

    python scripts/time_claim_scorer.py [--repeat N]

1. ``score_claim`` over the 7,749 ClaimBuster sentences (../shared/data/claims/
   claimbuster-dev.jsonl; skipped when absent): the best of N passes, per sentence.
2. The articles in ``corpus/``: extraction time against the time to score every sentence
   of every article (what a claims stage over the narrative adds at least), best of N each.
Times are CPU time of this process (time.process_time), steadier than wall time on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import scorer as claimscore
from quotetrack import pipeline  # noqa: E402

CLAIMBUSTER = ROOT.parent / "shared/data/claims/claimbuster-dev.jsonl"


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    claimscore.score_claim("warm up: 3 tables load once.")
    if CLAIMBUSTER.exists():
        with open(CLAIMBUSTER, encoding="utf-8") as fh:
            sentences = [json.loads(line)["text"] for line in fh if line.strip()]
        seconds = best_of(args.repeat, lambda: [claimscore.score_claim(s) for s in sentences])
        print(f"score_claim: {len(sentences)} ClaimBuster sentences, best of {args.repeat}: "
              f"{seconds:.3f} s, {seconds / len(sentences) * 1e6:.1f} us a sentence")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    docs = [pipeline.extract(t) for t in texts]
    spans = [doc.text[s.start:s.end] for doc in docs for s in doc.sentences]
    extract = best_of(args.repeat, lambda: [pipeline.extract(t) for t in texts])
    score = best_of(args.repeat, lambda: [claimscore.score_claim(s) for s in spans])
    print(f"corpus/: {len(texts)} articles, {len(spans)} sentences; extraction {extract:.3f} s, "
          f"scoring every sentence {score:.4f} s = {score / extract:.1%} of extraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())

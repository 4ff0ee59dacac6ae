"""Time the claims stage beside extraction, in CPU time, and split it into its parts.

    python scripts/time_claims_stage.py [PATH...] [--every K] [--limit N] [--repeat N]

PATH is what ``quotetrack bench`` reads (default: the ``corpus/`` articles); ``--every K``
keeps every K-th document and ``--limit N`` the first N kept.  For each document, best of
N passes (``time.process_time``, steadier than wall time on a shared machine):

* extraction alone (``Config(claims=False)``);
* the claims stage on its result (``claims.find_claims``), and its parts: the scorer
  (the stage minus the stage with a constant scorer), quantities (``claims.find_quantities``
  over every unit) and the rest (units, records).

``quotetrack bench PATH --no-claims`` and ``--claims`` give the same comparison in wall time.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import units as claims
from quotetrack import pipeline  # noqa: E402
from quotetrack.extract import furniture  # noqa: E402
from quotetrack.config import Config  # noqa: E402
from quotetrack.model import ClaimScore  # noqa: E402
from quotetrack.read.inputs import Input, iter_inputs  # noqa: E402


def cpu(func) -> float:
    start = time.process_time()
    func()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "corpus")])
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [item.text for i, item in enumerate(iter_inputs(args.paths))
             if isinstance(item, Input) and i % args.every == 0]
    if args.limit:
        texts = texts[:args.limit]
    off = Config(claims=False)
    fixed = ClaimScore(0.5, True)
    totals = {"extract": 0.0, "claims": 0.0, "unscored": 0.0, "quantities": 0.0}
    units = 0
    for text in texts:
        doc = pipeline.extract(text, config=off)
        skip = furniture.boilerplate_paragraphs(doc.text, doc.paragraphs)   # extract passes it on
        pieces = [claims.scored_pieces(u) for u in claims.units(doc, skip)]
        units += len(pieces)
        parts = {
            "extract": lambda: pipeline.extract(text, config=off),
            "claims": lambda: claims.find_claims(doc, skip=skip),
            "unscored": lambda: claims.find_claims(doc, lambda sentence: fixed, skip),
            "quantities": lambda: [claims.find_quantities(doc.text, p) for p in pieces],
        }
        for key, func in parts.items():
            totals[key] += min(cpu(func) for _ in range(args.repeat))
    totals["score"] = totals["claims"] - totals["unscored"]
    ext = totals["extract"]
    rest = totals["unscored"] - totals["quantities"]
    print(f"{len(texts)} documents, {units} claim units; CPU seconds, best of {args.repeat} per document")
    print(f"extraction alone        {ext:8.3f}")
    print(f"claims stage            {totals['claims']:8.3f}  +{totals['claims'] / ext:.1%} of extraction")
    print(f"  scorer                {totals['score']:8.3f}  +{totals['score'] / ext:.1%}"
          f"  ({totals['score'] / max(units, 1) * 1e6:.0f} us a unit)")
    print(f"  quantities            {totals['quantities']:8.3f}  +{totals['quantities'] / ext:.1%}")
    print(f"  units and records     {rest:8.3f}  +{rest / ext:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

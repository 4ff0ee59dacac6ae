"""Print a seeded sample of the claim pairs that ``track repeats`` would join, to judge by hand.

    python scripts/sample_repeats.py LEDGER [--low 0.9] [--high 9] [--n 30] [--seed 13] [--all]
    python scripts/sample_repeats.py LEDGER --missed [--n 30]

The pairs are those of :func:`quotetrack.ledger.matches.claim_pairs` over the ledger's
check-worthy claims (``--all``: every claim) whose mutual overlap lies in [low, high); each
is printed with its overlap and both claims, numbered, so a reader can mark which are the
same claim.  repeat_threshold in quotetrack/data/claims/match_rules.tsv was set this way on a
ledger of the 840 PolNeAR training articles (``quotetrack track add
../shared/data/polnear/train.jsonl``).  ``--missed`` counts instead the claims said word for
word (white space aside) in two documents or more that no pair at ``--low`` joins, and
prints the shortest of them (recall: what the pairs leave out).
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.ledger import matches  # noqa: E402
from quotetrack.ledger.store import Ledger  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("--low", type=float, default=0.9)
    parser.add_argument("--high", type=float, default=9.0)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--all", action="store_true", help="every stored claim, not only check-worthy ones")
    parser.add_argument("--missed", action="store_true",
                        help="claims said verbatim in two documents or more that no pair joins")
    args = parser.parse_args()
    with Ledger(args.db, create=False) as ledger:
        where = "" if args.all else "WHERE c.check_worthy = 1"
        items = ledger.conn.execute(f"SELECT c.id, c.text, d.doc_id, coalesce(s.name, c.speaker_text) "
                                    f"FROM claims c JOIN documents d ON d.id = c.document_id "
                                    f"LEFT JOIN speakers s ON s.id = c.speaker_id {where}").fetchall()
        pairs = [p for p in matches.claim_pairs(ledger.conn, [(i, doc) for i, _, doc, _ in items], args.low)
                 if p[2] < args.high]
    text = {item[0]: item[1] for item in items}
    if args.missed:
        return missed(items, pairs, args.n)
    print(f"{len(items)} claims; {len(pairs)} pairs with a mutual overlap in [{args.low}, {args.high})")
    for k, (a, b, value) in enumerate(random.Random(args.seed).sample(pairs, min(args.n, len(pairs))), 1):
        print(f"{k:3d}  {value:.2f}  {' '.join(text[a].split())}\n           {' '.join(text[b].split())}")
    return 0


def missed(items: list[tuple], pairs: list[tuple], n: int) -> int:
    """Print how many texts said verbatim in two documents or more no pair joins, and the shortest."""
    documents: dict[str, set] = defaultdict(set)
    ids: dict[str, list[int]] = defaultdict(list)
    for cid, text, doc, _speaker in items:
        documents[" ".join(text.split())].add(doc)
        ids[" ".join(text.split())].append(cid)
    paired = {x for a, b, _ in pairs for x in (a, b)}
    verbatim = [t for t, docs in documents.items() if len(docs) >= 2]
    left = sorted((t for t in verbatim if not paired & set(ids[t])), key=len)
    print(f"{len(verbatim)} claim texts said verbatim in two documents or more; {len(left)} of them in no pair")
    for t in left[:n]:
        print(f"  {len(t):4d} chars  {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

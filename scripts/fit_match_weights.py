"""Fit the weights of the claim matcher's rules on the CLEF CheckThat! 2020 task 2 train split,
calibrate the score and the same-claim threshold, and report train and dev figures.

    python scripts/fit_match_weights.py            # report only
    python scripts/fit_match_weights.py --write    # also write quotetrack/data/claims/match_rules.tsv

2. Ranking: each other rule's weight is chosen from a grid by coordinate ascent on
   train MAP@5 (three rounds).
1. Calibration: a logistic regression of "this candidate is the checked claim" on the
   rules ``overlap`` and ``evidence`` (both read the candidate's bm25, so they rank
   alike), over the 50 candidates of every train query: their weights and the bias.
3. Threshold: the lowest score (two decimals) at which at least 95% of the dev queries
   whose best match scores that much have the claim the qrels name as that match (a
   lower bound: the qrels name one claim a tweet, and the Snopes file holds the same
   claim twice at times, which counts as wrong here).

Only the train split fits weights; dev is reported, and used for the threshold alone.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import index, match  # noqa: E402
from quotetrack.evaluation import retrieval as matching  # noqa: E402

DATA = ROOT.parent / "shared/data/claims/claim-matching"
RULES = ROOT / "quotetrack/data/claims/match_rules.tsv"
GRID = (-2.0, -1.0, -0.5, -0.25, -0.1, 0.0, 0.1, 0.25, 0.5, 1.0)
ROUNDS = 3
PRECISION = 0.95
BASE = ("overlap", "evidence")   # the rules the calibration fits; the others by coordinate ascent


def features(data: Path, split: str, conn, texts) -> list[tuple[set[str], list[tuple[int, dict[str, float]]]]]:
    """For each query: its relevant ids and, per candidate, the value of every rule."""
    queries = matching.load_queries(str(data / split / "tweets.queries.tsv"))
    qrels = matching.load_qrels(str(data / split / "tweet-vclaim-pairs.qrels"))
    n = index.size(conn, matching.TABLE)
    out = []
    for qid, text in queries:
        q = match.query(text)
        st = index.stats(conn, matching.TABLE, q, n)
        mass = index.idf_mass(q, st)
        rows = []
        for hit in index.search(conn, matching.TABLE, q, st):
            c = match.candidate(hit.rowid, *texts[hit.rowid], bm25=hit.bm25, stems=hit.terms, title_stems=hit.title)
            rows.append((hit.rowid, {name: fn(q, c, mass) for name, fn in match.RULE_FUNCTIONS.items()}))
        out.append(({int(v) for v in qrels.get(qid, ())}, rows))
    return out


def linear(values: dict[str, float], w: dict[str, float]) -> float:
    return sum(w[k] * v for k, v in values.items())


def map5(data, w) -> float:
    """MAP@5 of ranking by the weights (ties: the index's order, the lower id first)."""
    total = 0.0
    for relevant, rows in data:
        ranked = [r for r, _ in sorted(rows, key=lambda rv: -linear(rv[1], w))[:5]]
        total += next((1 / i for i, r in enumerate(ranked, 1) if r in relevant), 0.0)
    return total / len(data)


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def logistic(data, names: list[str]) -> tuple[float, dict[str, float]]:
    """(bias, weights) of a logistic regression of "the checked claim" on the values of
    the rules ``names``, over every candidate of every query (Newton's method)."""
    xs = [([1.0] + [v[k] for k in names], r in relevant) for relevant, rows in data for r, v in rows]
    k = len(names) + 1
    w = [0.0] * k
    for _ in range(50):
        grad = [0.0] * k
        hess = [[1e-6 if i == j else 0.0 for j in range(k)] for i in range(k)]
        for x, y in xs:
            p = 1 / (1 + math.exp(-sum(wi * xi for wi, xi in zip(w, x))))
            g, h = p - y, max(p * (1 - p), 1e-12)
            for i in range(k):
                grad[i] += g * x[i]
                for j in range(k):
                    hess[i][j] += h * x[i] * x[j]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w[0], dict(zip(names, w[1:]))


def threshold(data, w, b) -> tuple[float, float, int]:
    """(threshold, precision, pairs) for the lowest threshold at which at least PRECISION
    of the queries whose best match scores that much have the named claim as that match."""
    pairs = []
    for relevant, rows in data:
        if rows:
            r, v = min(rows, key=lambda rv: -linear(rv[1], w))
            pairs.append((1 / (1 + math.exp(-(linear(v, w) + b))), r in relevant))
    for t in range(1, 100):
        above = [ok for s, ok in pairs if s >= t / 100]
        if above and sum(above) / len(above) >= PRECISION:
            return t / 100, sum(above) / len(above), len(above)
    return 0.99, 0.0, 0


def write(w: dict[str, float], bias: float, t: float) -> None:
    values = {"bias": bias, "threshold": t, **w}
    lines = []
    for line in RULES.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) == 3 and parts[0] in values:
            parts[1] = f"{values[parts[0]]:.2f}"
            line = "\t".join(parts)
        lines.append(line)
    RULES.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the weights into claims/match_rules.tsv")
    parser.add_argument("--data", type=Path, default=DATA, help=f"the claim-matching folder (default: {DATA})")
    args = parser.parse_args()
    vclaims = matching.load_vclaims(str(args.data / "verified_claims.docs.tsv"))
    texts = {int(v): (c, t) for v, c, t in vclaims}
    conn = matching.build_index(vclaims)
    train, dev = features(args.data, "train", conn, texts), features(args.data, "dev", conn, texts)
    bias, w = logistic(train, list(BASE))
    w.update({name: 0.0 for name in match.RULE_FUNCTIONS if name not in BASE})
    print(f"{' + '.join(BASE)}: train MAP@5 {map5(train, w):.4f}, dev {map5(dev, w):.4f}")
    best = map5(train, w)
    for _ in range(ROUNDS):
        for name in w:
            if name in BASE:
                continue
            for value in GRID:
                trial = {**w, name: value}
                score = map5(train, trial)
                if score > best + 1e-4:
                    best, w = score, trial
    print(f"with the other rules: train MAP@5 {best:.4f}, dev {map5(dev, w):.4f}")
    t, precision, pairs = threshold(dev, w, bias)
    print(f"threshold {t:.2f}: {pairs} dev pairs at or above it, {precision:.3f} of them the named claim")
    print(f"  {'bias':18s} {bias:+.2f}")
    for k, v in w.items():
        print(f"  {k:18s} {v:+.2f}")
    if args.write:
        write(w, bias, t)
        print(f"wrote {RULES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

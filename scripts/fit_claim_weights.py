"""Fit the weights of the named claim rules by logistic regression, and report held-out figures.

The features are the rules of quotetrack/data/claim_rules.tsv (1 when a rule fires on a
sentence, else 0); nothing else is learnt.  The model is fitted by Newton's method with a
small L2 penalty on ClaimBuster (../shared/data/claims/claimbuster-dev.jsonl).

    python scripts/fit_claim_weights.py             # report only: 2-fold held-out F1
    python scripts/fit_claim_weights.py --write     # also write the weights fitted on all of
                                                    # ClaimBuster into claim_rules.tsv
    python scripts/fit_claim_weights.py --stacked [--write]
        # the stacked model: the rules and word 1-2-grams (seen in 3 sentences or more) in
        # one logistic regression; --write also writes the n-gram weights into
        # claim_ngrams.tsv (without --stacked, --write empties it: the rules alone score).
        # Fitting it needs numpy and scipy (the shipped scorer does not).

Held-out figures: the sentences are split by id (even / odd); weights and threshold fitted
on one half are scored on the other, both ways.  The CLEF debates are never used here, so
`quotetrack eval-claims ../shared/data/claims/debates-train/` is held out for any weights
this script writes.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import scorer as claimscore  # noqa: E402

DATA = ROOT.parent / "shared/data/claims/claimbuster-dev.jsonl"
RULES = ROOT / "quotetrack/data/claim_rules.tsv"
NGRAMS = ROOT / "quotetrack/data/claim_ngrams.tsv"
MIN_DF = 3          # an n-gram in fewer training sentences gets no weight
L2_RULES = 3.0      # the stacked model's penalties: on rule weights ...
L2_NGRAMS = 8.0     # ... and on n-gram weights
NGRAM_DIGITS = 3    # decimals written; smaller weights are left out
NGRAMS_HEADER = """# quotetrack claim n-grams: the stacked model's word 1- and 2-gram weights (profile: news).
# Format: ngram<TAB>weight.  A sentence's score adds the weight of each n-gram of its words
# (lower-cased; a token starting with a digit reads 0) once, besides the rule weights of
# claim_rules.tsv; ClaimScore.rules shows their sum as the rule "words".  Fitted with the
# rules in one logistic regression on ClaimBuster by scripts/fit_claim_weights.py --stacked.
"""
L2 = 1.0            # penalty on the squared weights (not on the bias)
ITERATIONS = 30


def load(path: Path) -> list[tuple[int, str, int]]:
    with open(path, encoding="utf-8") as fh:
        return [(r["id"], r["text"], r["label"]) for r in map(json.loads, fh) if r]


def features(rows, names: list[str]) -> list[list[int]]:
    """For each sentence, the indices (from 1; 0 is the bias) of the rules that fired."""
    index = {name: i + 1 for i, name in enumerate(names)}
    return [[0] + sorted(index[r] for r in claimscore.fired_rules(text)) for _id, text, _l in rows]


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(x: list[list[int]], y: list[int], k: int) -> list[float]:
    """Weights (bias first) of an L2-penalised logistic regression on sparse binary rows."""
    w = [0.0] * k
    for _ in range(ITERATIONS):
        grad = [L2 * wi for wi in w]
        grad[0] = 0.0
        hess = [[0.0] * k for _ in range(k)]
        for i in range(1, k):
            hess[i][i] = L2
        for row, label in zip(x, y):
            p = 1 / (1 + math.exp(-sum(w[j] for j in row)))
            g, h = p - label, max(p * (1 - p), 1e-9)
            for j in row:
                grad[j] += g
                hj = hess[j]
                for l in row:
                    hj[l] += h
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def scores(x, w):
    return [1 / (1 + math.exp(-sum(w[j] for j in row))) for row in x]


def prf(s, y, threshold):
    tp = sum(1 for p, l in zip(s, y) if p >= threshold and l)
    fp = sum(1 for p, l in zip(s, y) if p >= threshold and not l)
    fn = sum(1 for p, l in zip(s, y) if p < threshold and l)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(s, y) -> float:
    """The threshold (two decimals) with the best F1 on these scores."""
    return max((t / 100 for t in range(5, 96)), key=lambda t: (prf(s, y, t)[2], -abs(t - 0.5)))


def write_weights(names: list[str], w: list[float], threshold: float) -> None:
    weights = {"bias": w[0], "threshold": threshold, **{n: w[i + 1] for i, n in enumerate(names)}}
    lines = []
    for line in RULES.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.startswith("#") and len(parts) == 4 and parts[0] in weights:
            parts[2] = f"{weights[parts[0]]:.2f}"
            line = "\t".join(parts)
        lines.append(line)
    RULES.write_text("\n".join(lines) + "\n", encoding="utf-8")


def stacked_fit(texts, labels, fired, names, vocab):
    """(bias, rule weights, n-gram weights) of the stacked logistic regression (L-BFGS)."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize
    r = len(names)
    rule_index = {n: i for i, n in enumerate(names)}
    gram_index = {g: r + i for i, g in enumerate(vocab)}
    rows, cols = [], []
    for k, (text, rules) in enumerate(zip(texts, fired)):
        for c in [rule_index[n] for n in rules] + [gram_index[g] for g in claimscore.ngrams(text) if g in gram_index]:
            rows.append(k)
            cols.append(c)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), r + len(vocab)))
    y = np.array(labels, dtype=float)
    penalty = np.full(r + len(vocab), L2_NGRAMS)
    penalty[:r] = L2_RULES

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(penalty * w * w)
        return value, np.append(x.T @ (p - y) + penalty * w, np.sum(p - y))
    wb = minimize(loss, np.zeros(r + len(vocab) + 1), jac=True, method="L-BFGS-B",
                  options={"maxiter": 1000}).x
    return float(wb[-1]), [float(v) for v in wb[:r]], {g: float(wb[gram_index[g]]) for g in vocab}


def stacked_scores(texts, fired, bias, rule_w, names, gram_w):
    index = dict(zip(names, rule_w))
    out = []
    for text, rules in zip(texts, fired):
        z = bias + sum(index[n] for n in rules) + sum(gram_w.get(g, 0.0) for g in claimscore.ngrams(text))
        out.append(1 / (1 + math.exp(-z)))
    return out


def vocabulary(texts) -> list[str]:
    counts: dict[str, int] = {}
    for text in texts:
        for g in claimscore.ngrams(text):
            counts[g] = counts.get(g, 0) + 1
    return sorted(g for g, n in counts.items() if n >= MIN_DF)


def write_ngrams(weights: dict[str, float]) -> None:
    lines = [f"{g}\t{w:.{NGRAM_DIGITS}f}" for g, w in sorted(weights.items())
             if abs(round(w, NGRAM_DIGITS)) > 0]
    NGRAMS.write_text(NGRAMS_HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


def run_stacked(rows, names, write: bool) -> int:
    texts = [t for _i, t, _l in rows]
    y = [label for _i, _t, label in rows]
    fired = [claimscore.fired_rules(t) for t in texts]
    print(f"{len(rows)} sentences, {sum(y)} check-worthy, {len(names)} rules + word 1-2-grams (min_df {MIN_DF})")
    total = [0, 0, 0]
    for part in (0, 1):
        train = [i for i, r in enumerate(rows) if r[0] % 2 == part]
        test = [i for i, r in enumerate(rows) if r[0] % 2 != part]
        vocab = vocabulary([texts[i] for i in train])
        b, rw, gw = stacked_fit([texts[i] for i in train], [y[i] for i in train], [fired[i] for i in train],
                                names, vocab)
        t = best_threshold(stacked_scores([texts[i] for i in train], [fired[i] for i in train], b, rw, names, gw),
                           [y[i] for i in train])
        s = stacked_scores([texts[i] for i in test], [fired[i] for i in test], b, rw, names, gw)
        yt = [y[i] for i in test]
        tp = sum(1 for p, l in zip(s, yt) if p >= t and l)
        fp = sum(1 for p, l in zip(s, yt) if p >= t and not l)
        fn = sum(1 for p, l in zip(s, yt) if p < t and l)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        p, r, f = prf(s, yt, t)
        print(f"fit on {'even' if part == 0 else 'odd'} ids ({len(train)}, {len(vocab)} n-grams), threshold {t:.2f}; "
              f"held-out {'odd' if part == 0 else 'even'} ids ({len(test)}): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    tp, fp, fn = total
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"2-fold held-out, pooled: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    vocab = vocabulary(texts)
    b, rw, gw = stacked_fit(texts, y, fired, names, vocab)
    t = best_threshold(stacked_scores(texts, fired, b, rw, names, gw), y)
    print(f"fit on all: {len(vocab)} n-grams, threshold {t:.2f}")
    if write:
        write_weights(names, [b] + rw, t)
        write_ngrams(gw)
        print(f"wrote {RULES.relative_to(ROOT)} and {NGRAMS.relative_to(ROOT)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="write the weights fitted on all of ClaimBuster into claim_rules.tsv")
    parser.add_argument("--data", type=Path, default=DATA, help=f"ClaimBuster sentences (default: {DATA})")
    parser.add_argument("--stacked", action="store_true",
                        help="fit the rules and word 1-2-grams in one model (needs numpy and scipy)")
    args = parser.parse_args()
    rows = load(args.data)
    names = list(claimscore.tables().rules)
    if args.stacked:
        return run_stacked(rows, names, args.write)
    x = features(rows, names)
    y = [label for _i, _t, label in rows]
    k = len(names) + 1
    print(f"{len(rows)} sentences, {sum(y)} check-worthy, {len(names)} rules")
    total = [0, 0, 0]
    for part in (0, 1):
        train = [i for i, r in enumerate(rows) if r[0] % 2 == part]
        test = [i for i, r in enumerate(rows) if r[0] % 2 != part]
        w = fit([x[i] for i in train], [y[i] for i in train], k)
        t = best_threshold(scores([x[i] for i in train], w), [y[i] for i in train])
        s = scores([x[i] for i in test], w)
        yt = [y[i] for i in test]
        tp = sum(1 for p, l in zip(s, yt) if p >= t and l)
        fp = sum(1 for p, l in zip(s, yt) if p >= t and not l)
        fn = sum(1 for p, l in zip(s, yt) if p < t and l)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        p, r, f = prf(s, yt, t)
        print(f"fit on {'even' if part == 0 else 'odd'} ids ({len(train)}), threshold {t:.2f}; "
              f"held-out {'odd' if part == 0 else 'even'} ids ({len(test)}): "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
    tp, fp, fn = total
    p, r = tp / (tp + fp), tp / (tp + fn)
    print(f"2-fold held-out, pooled: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    w = fit(x, y, k)
    t = best_threshold(scores(x, w), y)
    p, r, f = prf(scores(x, w), y, t)
    print(f"fit on all: threshold {t:.2f}; in-sample P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for name, wi in sorted(zip(["bias"] + names, w), key=lambda nw: -abs(nw[1])):
        print(f"  {name:16s} {wi:+.2f}")
    if args.write:
        write_weights(names, w, t)
        write_ngrams({})
        print(f"wrote {RULES.relative_to(ROOT)} (and emptied {NGRAMS.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

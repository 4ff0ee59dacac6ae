"""Fit the weights of the named claim rules by logistic regression, and report held-out figures.

The features are the rules of quotetrack/data/claims/claim_rules.tsv (1 when a rule fires on a
sentence, else 0); nothing else is learnt.  The model is fitted by Newton's method with a
small L2 penalty on ClaimBuster (../shared/data/claims/claimbuster-dev.jsonl).

    python scripts/fit_claim_weights.py             # report only: 2-fold held-out F1
    python scripts/fit_claim_weights.py --write     # also write the weights fitted on all of
                                                    # ClaimBuster into claims/claim_rules.tsv
    python scripts/fit_claim_weights.py --stacked [--write]
        # the stacked model: the rules and word 1-2-grams (seen in 3 sentences or more) in
        # one logistic regression; --write also writes the n-gram weights into
        # claims/claim_ngrams.tsv (without --stacked, --write empties it: the rules alone score).
        # Fitting it needs numpy and scipy (the shipped scorer does not).  Its settings:
        # --min-df N, --l2-rules X, --l2-ngrams X (defaults: the shipped weights, which
        # --stacked --write reproduces byte for byte), --threshold-folds K (the threshold
        # from K-fold out-of-fold scores inside the training half instead of its own scores).
    python scripts/fit_claim_weights.py --sweep
        # the stacked model held out under other settings (min_df, penalties, threshold
        # choice, class weighting, scikit-learn's tokenisation); writes nothing; 1-3 minutes.
        # Besides the held-out F1 it prints the F1 at the scored half's own best threshold:
        # a comparison of rankings free of the threshold's noise, never a result.

The same recipe under other measurement protocols (threshold choice, cross-validation, single
80/20 splits, repeated texts dropped) and with other feature families is measured by
scripts/claim_stacked_experiments.py.

Held-out figures: the sentences are split by id (even / odd); weights and threshold fitted
on one half are scored on the other, both ways; the threshold is never chosen on the scored half.  The CLEF debates are never used here, so
`quotetrack eval-claims ../shared/data/claims/debates-train/` is held out for any weights
this script writes.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.claims import scorer as claimscore  # noqa: E402

NAMES = list(claimscore.tables().rules)

DATA = ROOT.parent / "shared/data/claims/claimbuster-dev.jsonl"
RULES = ROOT / "quotetrack/data/claims/claim_rules.tsv"
NGRAMS = ROOT / "quotetrack/data/claims/claim_ngrams.tsv"
MIN_DF = 3          # an n-gram in fewer training sentences gets no weight
L2_RULES = 3.0      # the stacked model's penalties: on rule weights ...
L2_NGRAMS = 8.0     # ... and on n-gram weights
SKLEARN_TOKEN = re.compile(r"(?u)\b\w\w+\b")   # scikit-learn's default token_pattern
NGRAM_DIGITS = 3    # decimals written; smaller weights are left out
NGRAMS_HEADER = """# quotetrack claim n-grams: the stacked model's word 1- and 2-gram weights (profile: news).
# Format: ngram<TAB>weight.  A sentence's score adds the weight of each n-gram of its words
# (lower-cased; a token starting with a digit reads 0) once, besides the rule weights of
# claims/claim_rules.tsv; ClaimScore.rules shows their sum as the rule "words".  Fitted with the
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


def stacked_fit(texts, labels, fired, names, vocab, l2_rules=L2_RULES, l2_ngrams=L2_NGRAMS,
                positive=1.0, grams=claimscore.ngrams):
    """(bias, rule weights, n-gram weights) of the stacked logistic regression (L-BFGS);
    ``positive`` weighs each check-worthy sentence in the loss."""
    import numpy as np
    from scipy import sparse
    r = len(names)
    rule_index = {n: i for i, n in enumerate(names)}
    gram_index = {g: r + i for i, g in enumerate(vocab)}
    rows, cols = [], []
    for k, (text, rules) in enumerate(zip(texts, fired)):
        for c in [rule_index[n] for n in rules] + [gram_index[g] for g in grams(text) if g in gram_index]:
            rows.append(k)
            cols.append(c)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), r + len(vocab)))
    y = np.array(labels, dtype=float)
    weight = np.where(y == 1, positive, 1.0)
    penalty = np.full(r + len(vocab), float(l2_ngrams))
    penalty[:r] = l2_rules
    wb = logistic_fit(x, y, penalty, weight)
    return float(wb[-1]), [float(v) for v in wb[:r]], {g: float(wb[gram_index[g]]) for g in vocab}


def logistic_fit(x, y, penalty, weight):
    """The weights and, last, the bias of the L2-penalised, example-weighted logistic
    regression of ``y`` on the rows of ``x`` (L-BFGS; scripts/claim_nblr_experiments.py too)."""
    import numpy as np
    from scipy.optimize import minimize

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        z = x @ w + b
        p = 1 / (1 + np.exp(-z))
        value = np.sum(weight * (np.logaddexp(0, z) - y * z)) + 0.5 * np.sum(penalty * w * w)
        g = weight * (p - y)
        return value, np.append(x.T @ g + penalty * w, np.sum(g))
    return minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x


def stacked_scores(texts, fired, bias, rule_w, names, gram_w, grams=claimscore.ngrams):
    index = dict(zip(names, rule_w))
    out = []
    for text, rules in zip(texts, fired):
        z = bias + sum(index[n] for n in rules) + sum(gram_w.get(g, 0.0) for g in grams(text))
        out.append(1 / (1 + math.exp(-z)))
    return out


def vocabulary(texts, min_df: int = MIN_DF, grams=claimscore.ngrams) -> list[str]:
    counts: dict[str, int] = {}
    for text in texts:
        for g in grams(text):
            counts[g] = counts.get(g, 0) + 1
    return sorted(g for g, n in counts.items() if n >= min_df)


def write_ngrams(weights: dict[str, float]) -> None:
    lines = [f"{g}\t{w:.{NGRAM_DIGITS}f}" for g, w in sorted(weights.items())
             if abs(round(w, NGRAM_DIGITS)) > 0]
    NGRAMS.write_text(NGRAMS_HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


class Setting(NamedTuple):
    """One configuration of the stacked model and of its threshold."""
    min_df: int = MIN_DF
    l2_rules: float = L2_RULES
    l2_ngrams: float = L2_NGRAMS
    folds: int = 0          # 0: threshold from the training half's own scores; K: from K-fold
                            # out-of-fold scores within the training half (never the scored half)
    positive: float = 1.0   # the weight of a check-worthy sentence in the loss (class weighting)
    tokens: str = "shipped"  # "shipped": claimscore.ngrams; "sklearn": scikit-learn's default
                             # words (2+ letters or digits, numbers kept), for comparison only


def sklearn_ngrams(sentence: str) -> set[str]:
    """Word 1-2-grams as scikit-learn's CountVectorizer reads words by default (lower-cased
    runs of 2 or more word characters; no digit folding): not what the scorer reads."""
    words = SKLEARN_TOKEN.findall(sentence.lower())
    return set(words) | {a + " " + b for a, b in zip(words, words[1:])}


TOKENS = {"shipped": claimscore.ngrams, "sklearn": sklearn_ngrams}


def stacked_model(rows, fired, train: list[int], setting: Setting):
    """Fit on the rows ``train``: (score function for row indices, threshold, vocabulary size)."""
    texts = [rows[i][1] for i in train]
    labels = [rows[i][2] for i in train]
    grams = TOKENS[setting.tokens]
    vocab = vocabulary(texts, setting.min_df, grams)
    b, rw, gw = stacked_fit(texts, labels, [fired[i] for i in train], NAMES, vocab,
                            setting.l2_rules, setting.l2_ngrams, setting.positive, grams)

    def score(idx):
        return stacked_scores([rows[i][1] for i in idx], [fired[i] for i in idx], b, rw, NAMES, gw, grams)
    if setting.folds:
        # out-of-fold scores of the training half: fold k holds the rows with (id // 2) % K == k
        oof: dict[int, float] = {}
        for k in range(setting.folds):
            inner = [i for i in train if (rows[i][0] // 2) % setting.folds != k]
            held = [i for i in train if (rows[i][0] // 2) % setting.folds == k]
            inner_score = stacked_model(rows, fired, inner, setting._replace(folds=0))[0]
            oof.update(zip(held, inner_score(held)))
        threshold = best_threshold([oof[i] for i in train], labels)
    else:
        threshold = best_threshold(score(train), labels)
    return score, threshold, len(vocab), (b, rw, gw)


def held_out(rows, fired, setting: Setting, report=None):
    """Pooled counts (tp, fp, fn) over both halves at the threshold fitted on the training
    half, and the same at the best threshold of the scored half (a comparison of rankings
    free of the threshold's noise: not a result)."""
    y = [label for _i, _t, label in rows]
    total, best = [0, 0, 0], [0, 0, 0]
    for part in (0, 1):
        train = [i for i, r in enumerate(rows) if r[0] % 2 == part]
        test = [i for i, r in enumerate(rows) if r[0] % 2 != part]
        score, t, size, _weights = stacked_model(rows, fired, train, setting)
        s = score(test)
        yt = [y[i] for i in test]
        for counts, threshold in ((total, t), (best, best_threshold(s, yt))):
            counts[0] += sum(1 for p, l in zip(s, yt) if p >= threshold and l)
            counts[1] += sum(1 for p, l in zip(s, yt) if p >= threshold and not l)
            counts[2] += sum(1 for p, l in zip(s, yt) if p < threshold and l)
        if report:
            p, r, f = prf(s, yt, t)
            report(f"fit on {'even' if part == 0 else 'odd'} ids ({len(train)}, {size} n-grams), threshold {t:.2f}; "
                   f"held-out {'odd' if part == 0 else 'even'} ids ({len(test)}): P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return total, best


def pooled(counts) -> tuple[float, float, float]:
    tp, fp, fn = counts
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r)


# The settings --sweep compares (the first is the shipped one).
SWEEP = [Setting(), Setting(folds=5)] + [
    Setting(min_df, l2r, l2n)
    for min_df in (2, 3, 5) for l2r, l2n in ((1, 1), (1, 4), (3, 4), (3, 8), (3, 16), (10, 8))
    if (min_df, l2r, l2n) != (3, 3, 8)] + [
    Setting(3, 1, 4, 5), Setting(3, 3, 16, 5),
    Setting(positive=1.5), Setting(positive=2.0), Setting(3, 1, 4, positive=2.0),
    Setting(tokens="sklearn"), Setting(2, tokens="sklearn"), Setting(3, 1, 1, tokens="sklearn")]


def run_sweep(rows) -> int:
    fired = [claimscore.fired_rules(t) for _i, t, _l in rows]
    print("2-fold held-out F1 of the stacked model (threshold fitted on the training half; folds K: "
          "from K-fold out-of-fold scores inside it); 'best' is the F1 at the scored half's own best "
          "threshold, which compares rankings and is not a result")
    print("min_df  L2 rules  L2 n-grams  folds  positive  words    P      R      F1     best F1")
    for setting in SWEEP:
        total, best = held_out(rows, fired, setting)
        p, r, f = pooled(total)
        print(f"{setting.min_df:<7d} {setting.l2_rules:<9g} {setting.l2_ngrams:<11g} {setting.folds:<6d} "
              f"{setting.positive:<9g} {setting.tokens:<8s} "
              f"{p:.3f}  {r:.3f}  {f:.3f}  {pooled(best)[2]:.3f}", flush=True)
    return 0


def run_stacked(rows, write: bool, setting: Setting) -> int:
    y = [label for _i, _t, label in rows]
    fired = [claimscore.fired_rules(t) for _i, t, _l in rows]
    print(f"{len(rows)} sentences, {sum(y)} check-worthy, {len(NAMES)} rules + word 1-2-grams "
          f"(min_df {setting.min_df}, L2 {setting.l2_rules:g} on rules, {setting.l2_ngrams:g} on n-grams)")
    total, _best = held_out(rows, fired, setting, print)
    p, r, f = pooled(total)
    print(f"2-fold held-out, pooled: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    _score, t, size, (b, rw, gw) = stacked_model(rows, fired, list(range(len(rows))), setting)
    print(f"fit on all: {size} n-grams, threshold {t:.2f}")
    if write:
        write_weights(NAMES, [b] + rw, t)
        write_ngrams(gw)
        print(f"wrote {RULES.relative_to(ROOT)} and {NGRAMS.relative_to(ROOT)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true",
                        help="write the weights fitted on all of ClaimBuster into claims/claim_rules.tsv")
    parser.add_argument("--data", type=Path, default=DATA, help=f"ClaimBuster sentences (default: {DATA})")
    parser.add_argument("--stacked", action="store_true",
                        help="fit the rules and word 1-2-grams in one model (needs numpy and scipy)")
    parser.add_argument("--min-df", type=int, default=MIN_DF, help=f"stacked: n-grams in fewer training "
                        f"sentences get no weight (default {MIN_DF})")
    parser.add_argument("--l2-rules", type=float, default=L2_RULES, help=f"stacked: L2 penalty on rule weights "
                        f"(default {L2_RULES:g})")
    parser.add_argument("--l2-ngrams", type=float, default=L2_NGRAMS, help=f"stacked: L2 penalty on n-gram "
                        f"weights (default {L2_NGRAMS:g})")
    parser.add_argument("--threshold-folds", type=int, default=0, metavar="K",
                        help="stacked: choose the threshold on K-fold out-of-fold scores inside the "
                             "training half (default 0: on the training half's own scores)")
    parser.add_argument("--sweep", action="store_true",
                        help="compare settings of the stacked model held out (writes nothing; 1-3 minutes)")
    args = parser.parse_args()
    rows = load(args.data)
    names = NAMES
    if args.sweep:
        return run_sweep(rows)
    if args.stacked:
        return run_stacked(rows, args.write, Setting(args.min_df, args.l2_rules, args.l2_ngrams,
                                                      args.threshold_folds))
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

"""Three more ideas for the stacked claim model, held out on ClaimBuster.  Writes nothing.

    python scripts/claim_nblr_experiments.py [--variants NAME,NAME,...] [--seeds N]

Each variant keeps the model linear over sparse binary features (the 53 rules and word
n-grams), so its weights would still ship as one data file:

* **NB-LR** (Wang & Manning 2012, "Baselines and bigrams"): each binary n-gram feature is
  scaled by its log-count ratio r = log((p/|p|1) / (q/|q|1)) from the training part (p, q:
  the feature's counts in check-worthy and other sentences, plus alpha = 1), then the
  logistic regression is fitted; the shipped weight would be w_i * r_i.  Also NBSVM's
  interpolation (w' = (1 - beta) * mean|w| + beta * w) and LR plus a multiple of the
  multinomial naive Bayes log-odds (both fold into the n-gram weights).
* **Abstraction**: numbers (``quotetrack.text.quantities.find``: a year, a percentage, money,
  any other number) and capitalised names inside the sentence (places and institutions from
  the scorer's own name lists, any other capitalised run) become class tokens before the
  n-grams are made, so "in 2010 unemployment was 9%" and "in 1998 inflation was 4%" share
  "in #year", "was #pct".  Either instead of the words or besides them; also with the people,
  organisations and groups of quotetrack's entity model (``extract.namings.build``) typed as
  #person, #organisation, #group, and, apart, word-shape 1-2-grams ("Xx", "d,d", "x'x").
* **Label noise**: ClaimBuster's file has no agreement or score column (only id, text,
  label), so confidence is estimated: 5-fold out-of-fold scores inside the training part;
  a training sentence whose out-of-fold probability of its own label is below a cut is
  dropped, or every sentence is weighted by that probability.  Held-out F1 is always on all
  the scored sentences.

Protocol (the shipped one, ``fit_claim_weights.py --stacked``): fit on even ids, score odd
ids, and the reverse; the threshold is the training part's own best (never the scored
part's).  Besides: one random 80/20 split for each of ``--seeds`` seeds (the splits of
``claim_stacked_experiments.split``), their mean F1.  A variant would ship only if it beat
the shipped model by 0.01 or more on both directions and on the random-split mean.

Measured (``python scripts/claim_nblr_experiments.py``, about 10 minutes; P R F1 pooled over
both directions; random: mean of 5 random 80/20 splits, each in brackets; AP and best compare
the held-out rankings: AP is their mean average precision, best the mean F1 at the scored
half's own best threshold, which is NOT held out)::

    variant                                            even>odd odd>even      P      R     F1  random     AP   best  random splits
    shipped (rules + word 1-2-grams, min_df 3, L2 3/8)    0.788    0.783  0.780  0.791  0.786   0.782  0.867  0.787  [0.761 0.786 0.792 0.790 0.782]
    NB-LR, n-grams scaled by r, L2 8                      0.778    0.776  0.787  0.766  0.777   0.775  0.868  0.781  [0.763 0.797 0.763 0.789 0.764]
    NB-LR, n-grams scaled by r, L2 4                      0.779    0.768  0.800  0.749  0.774   0.777  0.867  0.782  [0.770 0.785 0.779 0.783 0.768]
    NB-LR, n-grams scaled by r, L2 16                     0.783    0.770  0.784  0.769  0.777   0.781  0.865  0.779  [0.761 0.795 0.787 0.793 0.767]
    NB-LR, rules and n-grams scaled by r                  0.773    0.769  0.801  0.742  0.771   0.776  0.869  0.780  [0.767 0.785 0.771 0.786 0.769]
    NB-LR, n-grams scaled, min_df 2                       0.774    0.763  0.807  0.733  0.768   0.777  0.869  0.782  [0.771 0.786 0.771 0.785 0.770]
    NBSVM interpolation beta 0.25 (on NB-LR)              0.740    0.745  0.728  0.757  0.742   0.741  0.814  0.746  [0.731 0.779 0.730 0.733 0.733]
    NBSVM interpolation beta 0.5 (on NB-LR)               0.765    0.765  0.739  0.792  0.765   0.766  0.846  0.768  [0.767 0.792 0.744 0.763 0.762]
    LR + 0.25 x MNB log-odds                              0.789    0.782  0.786  0.786  0.786   0.778  0.867  0.788  [0.751 0.784 0.793 0.786 0.775]
    LR + 0.5 x MNB log-odds                               0.769    0.779  0.777  0.771  0.774   0.767  0.857  0.779  [0.736 0.780 0.787 0.779 0.752]
    abstract classes instead of words                     0.784    0.777  0.792  0.768  0.780   0.777  0.867  0.786  [0.766 0.787 0.779 0.782 0.771]
    abstract classes besides words                        0.792    0.781  0.782  0.791  0.786   0.778  0.868  0.787  [0.764 0.789 0.773 0.783 0.781]
    NB-LR + abstract classes besides words                0.785    0.769  0.790  0.765  0.777   0.777  0.869  0.783  [0.771 0.792 0.770 0.789 0.765]
    abstract classes besides words, L2 16                 0.785    0.775  0.776  0.784  0.780   0.779  0.865  0.784  [0.763 0.784 0.787 0.780 0.780]
    entity-typed classes besides words                    0.787    0.780  0.776  0.791  0.784   0.780  0.868  0.788  [0.763 0.790 0.789 0.777 0.781]
    word-shape 1-2-grams besides words                    0.785    0.779  0.796  0.769  0.782   0.780  0.868  0.786  [0.760 0.788 0.786 0.789 0.774]
    label noise: drop p(own label) < 0.1                  0.778    0.775  0.783  0.770  0.776   0.774  0.863  0.781  [0.763 0.781 0.784 0.771 0.770]
    label noise: drop p(own label) < 0.2                  0.774    0.766  0.794  0.747  0.770   0.766  0.860  0.778  [0.751 0.788 0.755 0.770 0.767]
    label noise: weight by p(own label), floor 0.2        0.781    0.762  0.795  0.750  0.772   0.772  0.860  0.778  [0.758 0.783 0.773 0.775 0.772]
    label noise: drop negatives with p(positive) > 0.9    0.782    0.777  0.773  0.787  0.780   0.778  0.866  0.785  [0.761 0.786 0.790 0.776 0.775]
    label noise: drop positives with p(positive) < 0.1    0.781    0.764  0.809  0.739  0.773   0.774  0.863  0.781  [0.759 0.782 0.783 0.774 0.772]

No variant beats the shipped model (0.788 / 0.783, random mean 0.782) on both directions, by
any margin, nor on the random mean (the nearest: NB-LR with L2 16, 0.781); the bar to ship was
0.01 on both directions and on the random mean.  The rankings (AP 0.857-0.869 against 0.867) barely move: NB scaling and
dropping or weighting "noisy" labels mostly move the threshold chosen on the training half
(precision up, recall down), which costs held-out F1.  Abstraction besides the words helps
even->odd (0.792) and not odd->even (0.781) nor the random mean (0.778); typing the names by
the entity model or adding word shapes changes nothing (within 0.004).  No variant's best F1
at the scored half's own threshold (not held out) exceeds 0.788, so no threshold choice could
lift any of them to 0.80.

Fitting needs numpy and scipy (scikit-learn is not needed); the shipped scorer needs none.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fit_claim_weights as fit  # noqa: E402
from claim_stacked_experiments import split  # noqa: E402
from quotetrack.claims import scorer as claimscore  # noqa: E402
from quotetrack.extract import namings  # noqa: E402
from quotetrack.text import quantities  # noqa: E402

ALPHA = 1.0         # NB smoothing
CURRENCY = frozenset(("$", "€", "£"))


# --- features --------------------------------------------------------------------------------------

def _abstracted(sentence: str, typed: bool = False) -> list[str]:
    """The sentence's lower-cased words with each quantity and each capitalised name inside the
    sentence replaced by one class token; ``typed``: the people, organisations and groups that
    quotetrack's entity model (``extract.namings.build``) finds first, as #person, #organisation,
    #group."""
    spans = []
    if typed:
        model = namings.build(sentence)
        spans += [(o.start, o.end, "#" + model.entities[o.entity].type) for o in model.occurrences]
    for q in quantities.find(sentence):
        if q.unit == "%":
            kind = "#pct"
        elif q.unit in CURRENCY:
            kind = "#money"
        elif not q.unit and q.value is not None and 1600 <= q.value <= 2099 and q.text.strip().isdigit():
            kind = "#year"
        else:
            kind = "#num"
        # the number part only: a counted noun ("3 million jobs") stays a word
        spans.append((q.start, quantities.number_end(q), kind))
    out: list[str] = []
    pos = 0
    t = claimscore.tables()
    for start, end, kind in sorted(spans) + [(len(sentence), len(sentence), None)]:
        if start < pos:
            continue
        raw, words = claimscore._words(sentence[pos:start])
        first = not out
        i = 0
        while i < len(raw):
            if raw[i][:1].isupper() and not (first and i == 0) and words[i] not in ("i", "i'm", "i've", "i'll", "i'd"):
                j = i
                while j < len(raw) and raw[j][:1].isupper():
                    j += 1
                found: set[str] = set()
                claimscore._walk(t.names, raw, i, found)
                out.append("#place" if "place" in found else "#org" if "institution" in found else "#name")
                i = j
                continue
            out.append("0" if words[i][:1].isdigit() else words[i])
            i += 1
        if kind:
            out.append(kind)
        pos = end
    return out


def _bigrams(words: list[str]) -> set[str]:
    grams = set(words)
    grams.update(a + " " + b for a, b in zip(words, words[1:]))
    return grams


def _shape(token: str) -> str:
    """A token's shape: letters as X or x, digits as d, runs of one kind as one ("Obama" Xx,
    "U.S" X.X, "700,000" d,d, "don't" x'x)."""
    out = []
    for c in token:
        k = "X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def grams_words(sentence: str) -> set[str]:
    return claimscore.ngrams(sentence)


def grams_abstract(sentence: str) -> set[str]:
    return _bigrams(_abstracted(sentence))


def grams_words_plus_abstract(sentence: str) -> set[str]:
    return claimscore.ngrams(sentence) | {g for g in grams_abstract(sentence) if "#" in g}


def grams_words_plus_typed(sentence: str) -> set[str]:
    return claimscore.ngrams(sentence) | {g for g in _bigrams(_abstracted(sentence, True)) if "#" in g}


def grams_words_plus_shapes(sentence: str) -> set[str]:
    shapes = ["#" + _shape(t) for t in claimscore._words(sentence)[0]]
    return claimscore.ngrams(sentence) | {g for g in _bigrams(shapes)}


GRAMS = {"words": grams_words, "abstract": grams_abstract, "words+abstract": grams_words_plus_abstract,
         "words+typed": grams_words_plus_typed, "words+shapes": grams_words_plus_shapes}


class Data:
    """Every sentence's rules and n-grams (of each gram family), computed once."""

    def __init__(self, rows):
        self.rows = rows
        self.y = np.array([r[2] for r in rows], dtype=float)
        self.fired = [claimscore.fired_rules(t) for _i, t, _l in rows]
        self._grams: dict[str, list[set[str]]] = {}

    def grams(self, family: str) -> list[set[str]]:
        """Every sentence's n-grams of this family (made at first use)."""
        if family not in self._grams:
            self._grams[family] = [GRAMS[family](t) for _i, t, _l in self.rows]
        return self._grams[family]

    def matrix(self, family: str, train, min_df: int):
        """(X over all rows: rules then the training part's vocabulary, number of rules)."""
        counts: dict[str, int] = {}
        for i in train:
            for g in self.grams(family)[i]:
                counts[g] = counts.get(g, 0) + 1
        vocab = sorted(g for g, n in counts.items() if n >= min_df)
        r = len(fit.NAMES)
        rule_index = {n: k for k, n in enumerate(fit.NAMES)}
        gram_index = {g: r + k for k, g in enumerate(vocab)}      # apart: "year" is a rule and a word
        rows, cols = [], []
        for k, (fired, grams) in enumerate(zip(self.fired, self.grams(family))):
            for c in [rule_index[n] for n in fired] + [gram_index[g] for g in grams if g in gram_index]:
                rows.append(k)
                cols.append(c)
        x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(self.rows), r + len(vocab)))
        return x, r


def lr(x, y, penalty, weight=None):
    """(bias, weights) of the L2-penalised logistic regression (L-BFGS), as fit.stacked_fit."""
    weight = np.ones(len(y)) if weight is None else weight
    wb = fit.logistic_fit(x, y, penalty, weight)
    return wb[-1], wb[:-1]


def nb_ratio(x, y, alpha=ALPHA):
    """The log-count ratio of each column (Wang & Manning 2012)."""
    p = alpha + np.asarray(x[y == 1].sum(axis=0)).ravel()
    q = alpha + np.asarray(x[y == 0].sum(axis=0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))


# --- variants -----------------------------------------------------------------------------------

class Variant:
    def __init__(self, family="words", min_df=fit.MIN_DF, l2_rules=fit.L2_RULES, l2_ngrams=fit.L2_NGRAMS,
                 nb=None, beta=None, mnb=0.0, noise=None):
        self.family, self.min_df, self.l2_rules, self.l2_ngrams = family, min_df, l2_rules, l2_ngrams
        self.nb = nb          # None; "ngrams": scale the n-gram columns by r; "all": rules too
        self.beta = beta      # NBSVM interpolation of the n-gram weights
        self.mnb = mnb        # add mnb * (MNB log-odds) to the linear score
        self.noise = noise    # None; ("drop", cut): drop training rows whose out-of-fold probability
                              # of their own label is below cut ("drop-negatives"/"-positives": of
                              # that label only); ("weight", floor): weigh rows by it, at least floor

    def model(self, data: Data, train):
        """A linear score over all rows (numpy array of logits) fitted on ``train``."""
        x, r = data.matrix(self.family, train, self.min_df)
        y = data.y
        xt, yt = x[train], y[train]
        scale = np.ones(x.shape[1])
        ratio = nb_ratio(xt, yt)
        if self.nb == "ngrams":
            scale[r:] = ratio[r:]
        elif self.nb == "all":
            scale = ratio
        xs = x @ sparse.diags(scale)
        penalty = np.full(x.shape[1], float(self.l2_ngrams))
        penalty[:r] = self.l2_rules
        weight = None
        keep = np.arange(len(train))
        if self.noise:
            oof = self._out_of_fold(data, train)
            own = np.where(yt == 1, oof, 1 - oof)
            if self.noise[0] == "drop":
                keep = np.flatnonzero(own >= self.noise[1])
            elif self.noise[0] == "drop-negatives":
                keep = np.flatnonzero((own >= self.noise[1]) | (yt == 1))
            elif self.noise[0] == "drop-positives":
                keep = np.flatnonzero((own >= self.noise[1]) | (yt == 0))
            else:
                weight = np.maximum(own, self.noise[1])
        b, w = lr(xs[train][keep], yt[keep], penalty, None if weight is None else weight[keep])
        w = w * scale                       # the weights as they would ship (on binary features)
        if self.beta is not None:
            g = w[r:]
            w[r:] = (1 - self.beta) * np.abs(g).mean() + self.beta * g
        if self.mnb:
            prior = np.log(yt.mean() / (1 - yt.mean()))
            w[r:] += self.mnb * ratio[r:]
            b += self.mnb * prior
        return x @ w + b

    def _out_of_fold(self, data: Data, train, k: int = 5):
        """Out-of-fold probabilities of the training rows (the plain recipe of this variant)."""
        plain = Variant(self.family, self.min_df, self.l2_rules, self.l2_ngrams, self.nb)
        train = np.asarray(train)
        oof = np.zeros(len(train))
        for j in range(k):
            held = np.arange(len(train)) % k == j
            z = plain.model(data, list(train[~held]))
            oof[held] = 1 / (1 + np.exp(-z[train[held]]))
        return oof


def _threshold(p, y) -> float:
    """fit.best_threshold, vectorised: the two-decimal threshold with the best F1."""
    best = None
    for t in np.arange(5, 96) / 100:
        pred = p >= t
        tp = np.sum(pred & (y == 1))
        f = 2 * tp / (pred.sum() + y.sum()) if tp else 0.0
        key = (round(float(f), 12), -abs(t - 0.5))
        if best is None or key > best[0]:
            best = (key, t)
    return float(best[1])


def _f1(p, y, t) -> tuple[float, float, float]:
    pred = p >= t
    tp = float(np.sum(pred & (y == 1)))
    prec = tp / pred.sum() if pred.sum() else 0.0
    rec = tp / y.sum()
    return prec, rec, (2 * prec * rec / (prec + rec) if tp else 0.0)


def _ap(p, y) -> float:
    """Average precision of the ranking by ``p`` (ties in input order)."""
    ranked = y[np.argsort(-p, kind="stable")]
    hits = np.cumsum(ranked)
    return float(np.sum(hits[ranked == 1] / (np.flatnonzero(ranked == 1) + 1)) / ranked.sum())


def measure(variant: Variant, data: Data, seeds: int):
    """(F1 even->odd, F1 odd->even, pooled P, R, F1, F1 at each random split, and two
    diagnostics of the even/odd rankings: mean average precision, mean F1 at the scored
    half's own best threshold, which is not held out and never a result)."""
    rows = data.rows
    f1s, pooled, aps, best = [], [0.0, 0.0, 0.0], [], []
    for part in (0, 1):
        train = [i for i, r in enumerate(rows) if r[0] % 2 == part]
        test = [i for i, r in enumerate(rows) if r[0] % 2 != part]
        z = variant.model(data, train)
        p = 1 / (1 + np.exp(-z))
        t = _threshold(p[train], data.y[train])
        pt, yt = p[test], data.y[test]
        f1s.append(_f1(pt, yt, t)[2])
        aps.append(_ap(pt, yt))
        best.append(_f1(pt, yt, _threshold(pt, yt))[2])
        pred = pt >= t
        pooled[0] += np.sum(pred & (yt == 1))
        pooled[1] += np.sum(pred & (yt == 0))
        pooled[2] += np.sum(~pred & (yt == 1))
    tp, fp, fn = pooled
    randoms = []
    for seed in range(seeds):
        [(train, test)] = split(len(rows), seed)
        z = variant.model(data, train)
        p = 1 / (1 + np.exp(-z))
        t = _threshold(p[train], data.y[train])
        randoms.append(_f1(p[test], data.y[test], t)[2])
    return (f1s[0], f1s[1], tp / (tp + fp), tp / (tp + fn), 2 * tp / (2 * tp + fp + fn), randoms,
            np.mean(aps), np.mean(best))


VARIANTS = {
    "shipped (rules + word 1-2-grams, min_df 3, L2 3/8)": Variant(),
    "NB-LR, n-grams scaled by r, L2 8": Variant(nb="ngrams"),
    "NB-LR, n-grams scaled by r, L2 4": Variant(nb="ngrams", l2_ngrams=4),
    "NB-LR, n-grams scaled by r, L2 16": Variant(nb="ngrams", l2_ngrams=16),
    "NB-LR, rules and n-grams scaled by r": Variant(nb="all"),
    "NB-LR, n-grams scaled, min_df 2": Variant(nb="ngrams", min_df=2),
    "NBSVM interpolation beta 0.25 (on NB-LR)": Variant(nb="ngrams", beta=0.25),
    "NBSVM interpolation beta 0.5 (on NB-LR)": Variant(nb="ngrams", beta=0.5),
    "LR + 0.25 x MNB log-odds": Variant(mnb=0.25),
    "LR + 0.5 x MNB log-odds": Variant(mnb=0.5),
    "abstract classes instead of words": Variant(family="abstract"),
    "abstract classes besides words": Variant(family="words+abstract"),
    "NB-LR + abstract classes besides words": Variant(family="words+abstract", nb="ngrams"),
    "abstract classes besides words, L2 16": Variant(family="words+abstract", l2_ngrams=16),
    "entity-typed classes besides words": Variant(family="words+typed"),
    "word-shape 1-2-grams besides words": Variant(family="words+shapes"),
    "label noise: drop p(own label) < 0.1": Variant(noise=("drop", 0.1)),
    "label noise: drop p(own label) < 0.2": Variant(noise=("drop", 0.2)),
    "label noise: weight by p(own label), floor 0.2": Variant(noise=("weight", 0.2)),
    "label noise: drop negatives with p(positive) > 0.9": Variant(noise=("drop-negatives", 0.1)),
    "label noise: drop positives with p(positive) < 0.1": Variant(noise=("drop-positives", 0.1)),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", help="comma-separated names (substrings) of the variants to run")
    parser.add_argument("--seeds", type=int, default=5, help="random 80/20 splits (default 5)")
    args = parser.parse_args()
    data = Data(fit.load(fit.DATA))
    chosen = [name for name in VARIANTS
              if not args.variants or any(part in name for part in args.variants.split(","))]
    print(f"held out on ClaimBuster ({len(data.rows)} sentences); threshold: the training part's own best; "
          f"random: mean F1 of {args.seeds} random 80/20 splits")
    print("F1 even->odd / odd->even: each direction at the training half's threshold; P R F1: pooled; "
          "random: mean F1 of the random splits [each]; AP: mean average precision of the two held-out "
          "rankings; best: mean F1 at the scored half's own best threshold (compares rankings; NOT held out)")
    print(f"{'variant':50s} {'even>odd':>8s} {'odd>even':>8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'random':>7s} "
          f"{'AP':>6s} {'best':>6s}  random splits")
    for name in chosen:
        e, o, p, r, f, randoms, ap, best = measure(VARIANTS[name], data, args.seeds)
        print(f"{name:50s} {e:8.3f} {o:8.3f} {p:6.3f} {r:6.3f} {f:6.3f} {np.mean(randoms):7.3f} "
              f"{ap:6.3f} {best:6.3f}  [{' '.join(f'{v:.3f}' for v in randoms)}]", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

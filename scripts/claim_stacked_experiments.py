"""The stacked claim model (rules + word 1-2-grams) under other measurement protocols and with
other features, held out on ClaimBuster.  Writes nothing.

    python scripts/claim_stacked_experiments.py [--part protocols|features|average|all]

``protocols`` (about 1 CPU minute): the rules alone and the shipped stacked recipe measured
several ways, to see where a figure measured elsewhere can come from.  The file has two
labels only (1 = check-worthy factual claim, the "2.5xNCS" two-class set), so which label
counts as positive is not a choice here.  Rows:

* even/odd ids, threshold chosen on the training half's own scores: the shipped protocol
  (``fit_claim_weights.py --stacked``);
* the same at a fixed threshold 0.5, and at the scored half's own best threshold (that one is
  NOT held out: it is there only to show how much a threshold chosen on the scored fold adds);
* the same with the sentences whose text occurs more than once dropped;
* 5- and 10-fold cross-validation (a fixed random permutation; the threshold from the
  training folds): 80% and 90% of the data to train on instead of 50%;
* one random 80/20 split, for ten seeds: each split is one figure; their mean, lowest and
  highest show how far a single split can land from the mean; and, when scikit-learn is
  installed, the split a quick probe most often uses (``train_test_split(test_size=0.2,
  random_state=42, stratify=labels)``).

``features`` (about 30 CPU seconds): feature families added to the shipped word n-grams (the
rules stay), under the shipped protocol.  Printed: pooled P/R/F1 at the training half's
threshold, the F1 of each half, the mean average precision of the two held-out rankings,
and the mean F1 at the scored half's own best threshold (compares rankings; not a result).

``average`` (about 10 CPU seconds): the model fitted on all of ClaimBuster against the mean of the
two halves' models, measured on the CLEF debates (never used for fitting: MAP over the 70
debates of ../shared/data/claims/debates-train/, as ``quotetrack eval-claims`` ranks them).

Fitting needs numpy and scipy (the shipped scorer does not).
"""
from __future__ import annotations

import argparse
import itertools
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fit_claim_weights as fit  # noqa: E402
from quotetrack.claims import scorer as claimscore  # noqa: E402
from quotetrack.evaluation import claims as claims_eval  # noqa: E402
from quotetrack.text import lexicon  # noqa: E402

try:        # only for the one split a quick probe most often uses (protocols)
    from sklearn.model_selection import train_test_split
except ImportError:
    train_test_split = None

DEBATES = ROOT.parent / "shared/data/claims/debates-train"
# the rules alone: no n-gram reaches this min_df; the rules' penalty is fit_claim_weights.L2
RULES_ALONE = fit.Setting(min_df=10 ** 9, l2_rules=fit.L2)
STACKED = fit.Setting()
SEEDS = 10


# --- measurement ---------------------------------------------------------------------------------

def _counts(s, y, t) -> tuple[int, int, int]:
    tp = sum(1 for p, label in zip(s, y) if p >= t and label)
    fp = sum(1 for p, label in zip(s, y) if p >= t and not label)
    fn = sum(1 for p, label in zip(s, y) if p < t and label)
    return tp, fp, fn


def _f1(c) -> float:
    return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0


def _add(a, b):
    return tuple(x + z for x, z in zip(a, b))


def _fold(rows, fired, train, test, setting):
    """(held-out scores, labels, the training half's threshold) of one split."""
    score, t, _size, _weights = fit.stacked_model(rows, fired, train, setting)
    return score(test), [rows[i][2] for i in test], t


def parity(rows) -> list[tuple[list[int], list[int]]]:
    return [([i for i, r in enumerate(rows) if r[0] % 2 == part],
             [i for i, r in enumerate(rows) if r[0] % 2 != part]) for part in (0, 1)]


def kfold(n: int, k: int, seed: int = 0):
    order = list(range(n))
    random.Random(seed).shuffle(order)
    folds = [sorted(order[j::k]) for j in range(k)]
    return [(sorted(set(order) - set(f)), f) for f in folds]


def split(n: int, seed: int, test_share: float = 0.2):
    order = list(range(n))
    random.Random(seed).shuffle(order)
    cut = round(n * test_share)
    return [(sorted(order[cut:]), sorted(order[:cut]))]


def pooled(rows, fired, splits, setting) -> dict[str, tuple[int, int, int]]:
    """Pooled (tp, fp, fn) over ``splits`` at three thresholds: the training part's
    ("train"), 0.5, and the scored part's own best ("oracle": not held out)."""
    out = {"train": (0, 0, 0), "0.5": (0, 0, 0), "oracle": (0, 0, 0)}
    for train, test in splits:
        s, y, t = _fold(rows, fired, train, test, setting)
        out["train"] = _add(out["train"], _counts(s, y, t))
        out["0.5"] = _add(out["0.5"], _counts(s, y, 0.5))
        out["oracle"] = _add(out["oracle"], _counts(s, y, fit.best_threshold(s, y)))
    return out


def protocols(rows, fired) -> None:
    once = Counter(text for _i, text, _l in rows)
    kept = [k for k, (_i, text, _l) in enumerate(rows) if once[text] == 1]
    dedup_rows = [rows[k] for k in kept]
    dedup_fired = [fired[k] for k in kept]
    print(f"{len(rows)} sentences ({sum(r[2] for r in rows)} check-worthy); "
          f"{len(rows) - len(kept)} share their text with another")
    print(f"{'protocol':52s} {'threshold':10s} {'rules alone':>11s} {'stacked':>8s}")
    for name, data, splits in (
            ("even/odd ids (shipped protocol)", (rows, fired), parity(rows)),
            (f"even/odd ids, {len(rows) - len(kept)} repeated texts dropped",
             (dedup_rows, dedup_fired), parity(dedup_rows)),
            ("5-fold cross-validation", (rows, fired), kfold(len(rows), 5)),
            ("10-fold cross-validation", (rows, fired), kfold(len(rows), 10))):
        by = {label: pooled(*data, splits, setting)
              for label, setting in (("rules", RULES_ALONE), ("stacked", STACKED))}
        for mode in (("train", "0.5", "oracle") if name.startswith("even/odd ids (") else ("train",)):
            note = "  (scored fold: NOT held out)" if mode == "oracle" else ""
            print(f"{name:52s} {mode:10s} {_f1(by['rules'][mode]):11.3f} "
                  f"{_f1(by['stacked'][mode]):8.3f}{note}", flush=True)
    figures = {"rules": [], "stacked": []}
    for seed in range(SEEDS):
        for label, setting in (("rules", RULES_ALONE), ("stacked", STACKED)):
            figures[label].append(_f1(pooled(rows, fired, split(len(rows), seed), setting)["train"]))
    for what, f in (("mean", lambda v: sum(v) / len(v)), ("lowest", min), ("highest", max)):
        print(f"{'one random 80/20 split, ' + str(SEEDS) + ' seeds: ' + what:52s} {'train':10s} "
              f"{f(figures['rules']):11.3f} {f(figures['stacked']):8.3f}", flush=True)
    if train_test_split is None:
        return
    train, test = train_test_split(list(range(len(rows))), test_size=0.2, random_state=42,
                                   stratify=[r[2] for r in rows])
    by = [_f1(pooled(rows, fired, [(sorted(train), sorted(test))], setting)["train"])
          for setting in (RULES_ALONE, STACKED)]
    print(f"{'train_test_split(0.2, random_state=42, stratified)':52s} {'train':10s} "
          f"{by[0]:11.3f} {by[1]:8.3f}", flush=True)


# --- feature families ------------------------------------------------------------------------------

NEGATORS = frozenset(("not", "no", "never", "nothing", "nobody", "none", "neither", "nor"))
FIRST_PERSON_I = frozenset(("i", "i'm", "i've", "i'll", "i'd"))
PERSONS = {"1s": FIRST_PERSON_I | {"me", "my", "mine"},
           "1p": frozenset(("we", "us", "our", "we're", "we've", "we'll")),
           "2": frozenset(("you", "your", "you're", "you've")),
           "3": frozenset(("he", "she", "they", "his", "her", "their", "he's", "she's", "they're"))}
YEAR = re.compile(r"(?:1[6-9]\d\d|20\d\d)s?$")
CLAUSE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[,.;:!?]")


def _number_words() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon.rows("text/number_words.tsv"))


def _months() -> frozenset[str]:
    return frozenset(m.lower() for m in lexicon.words("extract/calendar_words.txt"))


def _shape(word: str, following: str) -> str:
    """A number's shape token: a year, a percentage, a decimal, a large number, or 0."""
    if YEAR.match(word):
        return "0y"
    if following == "percent":
        return "0p"
    if "." in word:
        return "0d"
    return "0k" if "," in word or len(word) >= 4 else "0"


def _classes(raw, words, numbers, months) -> list[str]:
    """Each word as its class: NUM (figures or number words), MONTH, CAP (a capital inside the
    sentence), else the word."""
    out = []
    for i, (r, w) in enumerate(zip(raw, words)):
        if w[:1].isdigit() or w in numbers:
            out.append("NUM")
        elif w in months and r[:1].isupper():
            out.append("MONTH")
        elif i and r[:1].isupper() and w not in FIRST_PERSON_I:
            out.append("CAP")
        else:
            out.append(w)
    return out


def _family(*parts: str):
    """A gram function: the shipped word 1-2-grams (with ``shape``: numbers as shape tokens,
    with ``raw``: numbers as written, with ``cased``: case kept) and the extra tokens of
    ``parts``."""
    numbers, months = _number_words(), _months()
    parts = frozenset(parts)

    def grams(sentence: str) -> set[str]:
        raw, words = claimscore._words(sentence)
        if "shape" in parts:
            words_ = [_shape(w, words[i + 1] if i + 1 < len(words) else "") if w[:1].isdigit()
                      else w for i, w in enumerate(words)]
        elif "raw" in parts:
            words_ = words
        elif "cased" in parts:
            words_ = claimscore._folded(raw)
        else:
            words_ = claimscore._folded(words)
        out = set(words_)
        out.update(a + " " + b for a, b in zip(words_, words_[1:]))
        if "trigrams" in parts:
            out.update(" ".join(t) for t in zip(words_, words_[1:], words_[2:]))
        if "classes" in parts or "classes3" in parts:
            c = _classes(raw, words, numbers, months)
            out.update(f"#c {a} {b}" for a, b in zip(c, c[1:]) if a.isupper() or b.isupper())
            if "classes3" in parts:
                out.update(f"#c {a} {b} {d}" for a, b, d in zip(c, c[1:], c[2:])
                           if a.isupper() or b.isupper() or d.isupper())
        if "suffix" in parts:
            out.update("#s " + w[-3:] for w in words if len(w) > 4 and w.isalpha())
        if "suffix4" in parts:
            out.update("#s4 " + w[-4:] for w in words if len(w) > 5 and w.isalpha())
        if "negation" in parts:
            scope = False
            for token in CLAUSE.findall(sentence.lower().replace("’", "'")):
                if token in ",.;:!?":
                    scope = False
                    continue
                if scope:
                    out.add("#neg " + token)
                if token in NEGATORS or token.endswith("n't"):
                    scope = True
        if "capitals" in parts:
            caps = "".join("1" if i and r[:1].isupper() and w not in FIRST_PERSON_I else "0"
                           for i, (r, w) in enumerate(zip(raw, words)))
            run = max((len(m) for m in re.findall("1+", caps)), default=0)
            out.update((f"#cap {min(caps.count('1'), 4)}", f"#caprun {min(run, 3)}"))
        if "length" in parts:
            n = len(words)
            out.add(f"#len {sum(n >= b for b in (5, 9, 14, 20, 30))}")
        if "person" in parts:
            present = set(words)
            out.update(f"#p {k}" for k, v in PERSONS.items() if present & v)
        if "ends" in parts and words_:
            out.update(("#first " + words_[0], "#last " + words_[-1]))
        if "rule_pairs" in parts:
            fired = sorted(claimscore.fired_rules(sentence))
            out.update(f"#r {a}&{b}" for a, b in itertools.combinations(fired, 2))
        if "percent_sign" in parts and "%" in sentence:
            out.add("#%")
        return out
    return grams


FAMILIES = {
    "shipped (word 1-2-grams, figures as 0)": (),
    "numbers as written (no folding)": ("raw",),
    "case kept": ("cased",),
    "number shapes (year/percent/decimal/large)": ("shape",),
    "word-class bigrams (NUM, MONTH, CAP)": ("classes",),
    "word-class bi- and trigrams": ("classes3",),
    "suffixes (3 letters)": ("suffix",),
    "suffixes (3 and 4 letters)": ("suffix", "suffix4"),
    "negation scope": ("negation",),
    "capitalisation shape": ("capitals",),
    "length buckets": ("length",),
    "first/second/third person": ("person",),
    "first and last word": ("ends",),
    "% sign token": ("percent_sign",),
    "word trigrams": ("trigrams",),
    "pairs of rules that fire": ("rule_pairs",),
    "word classes + capitals": ("classes", "capitals"),
    "word classes + capitals + negation + person": ("classes", "capitals", "negation", "person"),
}


def features(rows, fired) -> None:
    print("stacked model + each feature family, 2-fold held out (even/odd ids), "
          f"min_df {fit.MIN_DF}, L2 {fit.L2_RULES:g} rules / {fit.L2_NGRAMS:g} n-grams")
    print(f"{'features':46s} {'P':>6s} {'R':>6s} {'F1':>6s} {'F1 odd':>7s} {'F1 even':>7s} "
          f"{'AP':>6s} {'bestF1':>6s}")
    for name, parts in FAMILIES.items():
        fit.TOKENS[name] = _family(*parts)
        setting = STACKED._replace(tokens=name)
        total, f1s, aps, best = (0, 0, 0), [], [], []
        for train, test in parity(rows):
            s, y, t = _fold(rows, fired, train, test, setting)
            c = _counts(s, y, t)
            total = _add(total, c)
            f1s.append(_f1(c))
            ranked = [label for _s, label in sorted(zip(s, y), key=lambda z: -z[0])]
            aps.append(claims_eval.average_precision(ranked))
            best.append(_f1(_counts(s, y, fit.best_threshold(s, y))))
        p, r = total[0] / (total[0] + total[1]), total[0] / (total[0] + total[2])
        print(f"{name:46s} {p:6.3f} {r:6.3f} {_f1(total):6.3f} {f1s[0]:7.3f} {f1s[1]:7.3f} "
              f"{sum(aps) / 2:6.4f} {sum(best) / 2:6.3f}", flush=True)


# --- one model or the mean of the two halves' models ------------------------------------------------

def _clef_map(bias, rule_w, gram_w) -> float:
    index = dict(zip(fit.NAMES, rule_w))

    def score(text):
        z = bias + sum(index[n] for n in claimscore.fired_rules(text))
        z += sum(gram_w.get(g, 0.0) for g in claimscore.ngrams(text))
        return SimpleNamespace(score=1 / (1 + math.exp(-z)))
    shipped = claims_eval.score_claim
    claims_eval.score_claim = score
    try:
        return claims_eval.evaluate_debates(claims_eval.debate_files(str(DEBATES))).map
    finally:
        claims_eval.score_claim = shipped


def average(rows, fired) -> None:
    _s, t, _n, (b, rw, gw) = fit.stacked_model(rows, fired, list(range(len(rows))), STACKED)
    print(f"fitted on all of ClaimBuster (threshold {t:.2f}): CLEF debates MAP {_clef_map(b, rw, gw):.4f}")
    halves = [fit.stacked_model(rows, fired, train, STACKED) for train, _test in parity(rows)]
    (b0, r0, g0), (b1, r1, g1) = halves[0][3], halves[1][3]
    grams = {g: (g0.get(g, 0.0) + g1.get(g, 0.0)) / 2 for g in set(g0) | set(g1)}
    print(f"mean of the even- and odd-id models (threshold {(halves[0][1] + halves[1][1]) / 2:.2f}): "
          f"CLEF debates MAP {_clef_map((b0 + b1) / 2, [(x + z) / 2 for x, z in zip(r0, r1)], grams):.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("protocols", "features", "average", "all"), default="all")
    args = parser.parse_args()
    rows = fit.load(fit.DATA)
    fired = [claimscore.fired_rules(text) for _i, text, _l in rows]
    for part, run in (("protocols", protocols), ("features", features), ("average", average)):
        if args.part in (part, "all"):
            run(rows, fired)
    return 0


if __name__ == "__main__":
    sys.exit(main())

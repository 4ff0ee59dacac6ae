"""Measure candidate signals for the claim scorer against the shipped rules, held out.

    python scripts/claim_experiments.py [--part sentences|debates|all]

Sentences (../shared/data/claims/claimbuster-dev.jsonl): a candidate adds features to
(or takes them from) the rules that fire on a sentence; the weights are refitted on the
even ids and scored on the odd ids and the other way round, as fit_claim_weights.py
does.  Printed, pooled over both halves: P/R/F1 at the threshold fitted on the training
half (the held-out result), the mean held-out average precision, and the mean best F1 a
perfect threshold would give on the held-out half (a comparison of rankings, free of the
threshold's noise; not a result).

Debates (../shared/data/claims/debates-train/): rankings with context from the
transcript (neighbouring lines, the turn, the line's length, the questioner factor),
with MAP over the even- and over the odd-numbered debates (sorted by name), so a
setting chosen on one half is read on the other; and the rule weights fitted on one
half of the debates (rules only), MAP on the other half.

The candidates below are not in the scorer: they were measured here and left out (only
``shipped`` is what claimscore.py does).  Nothing is written.  About two minutes.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import fit_claim_weights as fit  # noqa: E402
from quotetrack.evaluation import claims as claims_eval
from quotetrack.claims import scorer as claimscore
from quotetrack.text import lexicon  # noqa: E402

DEBATES = ROOT.parent / "shared/data/claims/debates-train"
# a word as claimscore tokenises it: "don't", "700,000", "U.S"
TOKEN = re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*")
PAST = frozenset(("past_tense", "past_irregular", "perfect"))
NUMBER = frozenset(("digits", "number_word", "multiplier", "percent_sign", "currency_sign"))
HEDGES = frozenset(("maybe", "perhaps", "probably", "possibly", "apparently", "presumably",
                    "hopefully", "seems"))


# --- sentence candidates: fired rules -> features ---------------------------------------------------

@lru_cache(maxsize=None)
def _domains() -> tuple[dict, ...]:
    """One word trie a policy_topic line of claims/claim_phrases.tsv (one line a domain)."""
    tries = []
    for row in lexicon.rows(claimscore.PHRASES_FILE):
        if row[0] == "policy_topic":
            trie: dict = {}
            for form in row[1].split("|"):
                claimscore._add(trie, form, f"policy_{len(tries)}")
            tries.append(trie)
    return tuple(tries)


def _words(text: str) -> list[str]:
    return [w.lower() for w in TOKEN.findall(text)]


def _when(name, test):
    """A conjunction candidate: ``name`` fires when ``test(fired, words)`` holds."""
    def add(fired: set, text: str) -> set:
        return fired | {name} if test(fired, _words(text)) else fired
    return add


def _domain_rules(fired: set, text: str) -> set:
    words, out = _words(text), set()
    for trie in _domains():
        for i in range(len(words)):
            claimscore._walk(trie, words, i, out)
    return (fired - {"policy_topic"}) | out


def _length_buckets(fired: set, text: str) -> set:
    return fired | {f"words_{min(len(_words(text)) // 5, 6)}"}


def _claim_types(fired: set, text: str) -> set:
    rules = claimscore.tables().rules
    n = len({rules[r].type for r in fired if rules[r].type in claimscore.CLAIM_TYPES})
    return fired | {f"types_{k}" for k in (2, 3, 4) if n >= k}


def _title(fired: set, text: str) -> set:
    titles = {w.rstrip(".") for w in lexicon.words("text/titles.txt") if w[:1].isupper()}
    return fired | {"title"} if any(w.rstrip(".") in titles for w in TOKEN.findall(text)) else fired


CANDIDATES = {
    "shipped": lambda fired, text: fired,
    "without policy_topic": lambda fired, text: fired - {"policy_topic"},
    "policy domains as 10 rules": _domain_rules,
    "length buckets (5 words)": _length_buckets,
    "2/3/4 claim types fired": _claim_types,
    "title (text/titles.txt)": _title,
    "hedge": _when("hedge", lambda f, w: bool(HEDGES.intersection(w))),
    "number and past": _when("num_past", lambda f, w: bool(f & NUMBER and f & PAST)),
    "I + record verb": _when("i_record", lambda f, w: "first_person" in f and "said_or_did" in f),
    "you + record or said": _when("you_record", lambda f, w: "second_person" in f
                                  and bool(f & {"said_or_did", "said_so"})),
    "he/she/they + said": _when("he_said", lambda f, w: "third_person" in f and "said_so" in f),
    "we + past": _when("we_past", lambda f, w: bool({"we", "we've"}.intersection(w) and f & PAST)),
    "there are/we have + number": _when("exist_num", lambda f, w: "existential" in f
                                        and bool(f & NUMBER)),
    "comparison + number": _when("comp_num", lambda f, w: bool(
        f & {"comparative", "than", "superlative"} and f & NUMBER)),
    "opinion + fact": _when("opinion_fact", lambda f, w: "opinion" in f
                            and bool(f & (NUMBER | {"said_or_did", "year"}))),
    "plan + number": _when("plan_num", lambda f, w: "intention" in f and bool(f & NUMBER)),
    "name + is/was the": _when("is_the", lambda f, w: bool(f & {"proper_noun", "proper_nouns"})
                               and any(a in ("is", "was", "are", "were") and b == "the"
                                       for a, b in zip(w, w[1:]))),
}


def held_out(rows, features: list[set]) -> tuple[float, float, float, float, float]:
    """Pooled held-out P, R, F1 at the training half's threshold; mean AP; mean best F1."""
    names = sorted(set().union(*features))
    index = {n: i + 1 for i, n in enumerate(names)}
    x = [[0] + sorted(index[f] for f in fs) for fs in features]
    y = [label for _i, _t, label in rows]
    k = len(names) + 1
    tp = fp = fn = 0
    aps, best = [], []
    for part in (0, 1):
        train = [i for i, r in enumerate(rows) if r[0] % 2 == part]
        test = [i for i, r in enumerate(rows) if r[0] % 2 != part]
        w = fit.fit([x[i] for i in train], [y[i] for i in train], k)
        t = fit.best_threshold(fit.scores([x[i] for i in train], w), [y[i] for i in train])
        s = fit.scores([x[i] for i in test], w)
        yt = [y[i] for i in test]
        tp += sum(1 for p, label in zip(s, yt) if p >= t and label)
        fp += sum(1 for p, label in zip(s, yt) if p >= t and not label)
        fn += sum(1 for p, label in zip(s, yt) if p < t and label)
        ranked = [label for _s, label in sorted(zip(s, yt), key=lambda z: -z[0])]
        aps.append(claims_eval.average_precision(ranked))
        best.append(max(fit.prf(s, yt, c / 100)[2] for c in range(5, 96)))
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, 2 * p * r / (p + r), sum(aps) / 2, sum(best) / 2


def sentences() -> None:
    rows = fit.load(fit.DATA)
    fired = [set(claimscore.fired_rules(text)) for _i, text, _l in rows]
    print("ClaimBuster, 2-fold held out (even/odd ids)")
    print(f"  {'candidate':30s} {'P':>6s} {'R':>6s} {'F1':>6s} {'AP':>6s} {'bestF1':>6s}")
    for name, add in CANDIDATES.items():
        p, r, f, ap, best = held_out(rows, [add(fs, text) for fs, (_i, text, _l) in
                                            zip(fired, rows)])
        print(f"  {name:30s} {p:6.3f} {r:6.3f} {f:6.3f} {ap:6.3f} {best:6.3f}", flush=True)


# --- debates ---------------------------------------------------------------------------------------

def _logit(s: float) -> float:
    s = min(max(s, 1e-9), 1 - 1e-9)
    return math.log(s / (1 - s))


def _turn_ids(lines) -> list[int]:
    out, turn, previous = [], -1, object()
    for speaker, *_ in lines:
        if speaker != previous:
            turn, previous = turn + 1, speaker
        out.append(turn)
    return out


def _neighbours(a):
    def key(lines, scores, asking):
        turn = _turn_ids(lines)
        logits = [_logit(s) for s in scores]
        out = []
        for i, v in enumerate(logits):
            near = [logits[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and turn[j] == turn[i]]
            out.append(v + a * (sum(near) / len(near) if near else min(logits)))
        return [v + (math.log(0.25) if lines[i][0] in asking else 0) for i, v in enumerate(out)]
    return key


def _turn_mean(a):
    def key(lines, scores, asking):
        turn = _turn_ids(lines)
        logits = [_logit(s) for s in scores]
        sums: dict = defaultdict(list)
        for t, v in zip(turn, logits):
            sums[t].append(v)
        return [v + a * sum(sums[t]) / len(sums[t]) + (math.log(0.25) if lines[i][0] in asking
                                                          else 0)
                for i, (t, v) in enumerate(zip(turn, logits))]
    return key


def _length(b):
    def key(lines, scores, asking):
        return [_logit(s) + b * math.log(max(len(lines[i][1].split()), 1))
                + (math.log(0.25) if lines[i][0] in asking else 0) for i, s in enumerate(scores)]
    return key


def _factor(f):
    def key(lines, scores, asking):
        return [s * (f if lines[i][0] in asking else 1) for i, s in enumerate(scores)]
    return key


RANKINGS = {
    "shipped (questioners x0.25)": _factor(claims_eval.QUESTIONER_FACTOR),
    "questioners x0.1": _factor(0.1),
    "no questioner factor": _factor(1.0),
    "+0.2 x neighbours' mean logit": _neighbours(0.2),
    "+0.5 x neighbours' mean logit": _neighbours(0.5),
    "+0.25 x turn's mean logit": _turn_mean(0.25),
    "+0.5 x log(words)": _length(0.5),
    "+1.0 x log(words)": _length(1.0),
}


def _map(debates, keys_of, half: int) -> float:
    aps = []
    for k, (lines, scores, asking) in enumerate(debates):
        if k % 2 == half:
            keys = keys_of(k, lines, scores, asking)
            order = sorted(range(len(lines)), key=lambda i: (-keys[i], i))
            ap = claims_eval.average_precision([lines[i][2] for i in order])
            if ap is not None:
                aps.append(ap)
    return sum(aps) / len(aps)


def _fit_grouped(rows: list[tuple[tuple[int, ...], int]], k: int) -> list[float]:
    """fit_claim_weights.fit over identical feature rows grouped with counts (fast on 60k)."""
    groups: dict = defaultdict(lambda: [0, 0])
    for row, label in rows:
        groups[row][0 if label else 1] += 1
    w = [0.0] * k
    for _ in range(fit.ITERATIONS):
        grad = [fit.L2 * wi for wi in w]
        grad[0] = 0.0
        hess = [[fit.L2 * (i == j and i > 0) for j in range(k)] for i in range(k)]
        for row, (pos, neg) in groups.items():
            p = 1 / (1 + math.exp(-sum(w[j] for j in row)))
            g, h = p * (pos + neg) - pos, max(p * (1 - p), 1e-9) * (pos + neg)
            for j in row:
                grad[j] += g
                for m in row:
                    hess[j][m] += h
        step = fit.solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def debates() -> None:
    debates = []
    for path in sorted(str(p) for p in DEBATES.glob("*.tsv")):
        lines = claims_eval.load_debate(path)
        debates.append((lines, [claimscore.score_claim(t).score for _s, t, _l in lines],
                        claims_eval.questioners(lines)))
    print(f"CLEF debates ({len(debates)}), MAP over even- / odd-numbered debates")
    for name, key in RANKINGS.items():
        even, odd = (_map(debates, lambda k, lines, s, a: key(lines, s, a), h) for h in (0, 1))
        print(f"  {name:34s} even {even:.4f}  odd {odd:.4f}", flush=True)
    names = list(claimscore.tables().rules)
    index = {n: i + 1 for i, n in enumerate(names)}
    rows = [[tuple([0] + sorted(index[r] for r in claimscore.fired_rules(t))) for _s, t, _l in lines]
            for lines, _s, _a in debates]

    def by_weights(w):
        return lambda k, lines, s, asking: [sum(w[j] for j in rows[k][i]) +
                                            (math.log(0.25) if lines[i][0] in asking else 0)
                                            for i in range(len(lines))]
    for half in (0, 1):
        train = [(rows[k][i], lines[i][2]) for k, (lines, _s, asking) in enumerate(debates)
                 if k % 2 == half for i in range(len(lines)) if lines[i][0] not in asking]
        w = _fit_grouped(train, len(names) + 1)
        print(f"  rule weights fitted on the {('even', 'odd')[half]} debates: MAP held out "
              f"{_map(debates, by_weights(w), 1 - half):.4f}, in sample "
              f"{_map(debates, by_weights(w), half):.4f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("sentences", "debates", "all"), default="all")
    args = parser.parse_args()
    if args.part in ("sentences", "all"):
        sentences()
    if args.part in ("debates", "all"):
        debates()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure the claim scorer: ``quotetrack eval-claims PATH``.

Two kinds of labelled data:

* a ``.jsonl`` file of ``{"id", "text", "label"}`` sentences (label 1 = check-worthy):
  precision, recall and F1 of the check-worthy class at a threshold, with the counts;
* a CLEF CheckThat! debate (``line<TAB>speaker<TAB>text<TAB>label``, no header) or a
  directory of them (``*.tsv``): each debate's lines ranked by score, with mean average
  precision over the debates and mean precision at 5, 10 and 20.

The ranking of a debate uses one piece of context the file gives besides the sentence:
who speaks.  A line spoken by a *questioner* — a host or interviewer who opens the debate
or mostly asks, or a stage-direction speaker such as ``SYSTEM`` (see :func:`questioners`)
— is ranked as if its score were multiplied by ``QUESTIONER_FACTOR``.  ``--sentence-only``
turns this off.

>>> round(average_precision([1, 0, 1, 0]), 4)
0.8333
>>> precision_at([1, 0, 1, 0], 2)
0.5
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable, Sequence, TextIO

from ..claims.scorer import default_threshold, score_claim
from ..read import transcript
from .gold import json_lines, read_file_error
from .matching import EvalError

QUESTIONER_SHARE = 1 / 3      # a speaker with at least this share of questions is a questioner
QUESTIONER_FACTOR = 0.25      # a questioner's line ranks with its score times this
STAGE_SPEAKERS = frozenset(("system", "audience", "unidentified", "unknown", "crosstalk",
                            "announcer", "(unknown)"))
TOP_K = (5, 10, 20)


# --- metrics --------------------------------------------------------------------------------------

def prf(gold: Sequence[int], predicted: Sequence[bool]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of the positive class.

    >>> prf([1, 0, 1], [True, True, False])
    (1, 1, 1)
    """
    tp = sum(1 for g, p in zip(gold, predicted) if g and p)
    fp = sum(1 for g, p in zip(gold, predicted) if p and not g)
    fn = sum(1 for g, p in zip(gold, predicted) if g and not p)
    return tp, fp, fn


def average_precision(ranked: Sequence[int]) -> float | None:
    """The mean of the precision at the rank of each positive; None without positives.

    >>> average_precision([0, 1])
    0.5
    """
    hits, total = 0, 0.0
    for rank, label in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else None


def precision_at(ranked: Sequence[int], k: int) -> float:
    """The share of positives among the first ``k`` (fewer lines count as misses).

    >>> precision_at([1], 5)
    0.2
    """
    return sum(1 for label in ranked[:k] if label) / k


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


# --- sentences (.jsonl) ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SentenceReport:
    threshold: float
    sentences: int
    positives: int
    predicted: int
    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None


def load_sentences(path: str) -> list[tuple[str, int]]:
    """(text, label) for each line of a ``{"id", "text", "label"}`` JSON Lines file."""
    out = []
    for where, record in json_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise EvalError(f"{where}: want an object with a string 'text'")
        label = record.get("label")
        if label not in (0, 1) or isinstance(label, bool):
            raise EvalError(f"{where}: 'label' must be 0 or 1, not {label!r}")
        out.append((record["text"], label))
    if not out:
        raise EvalError(f"{path}: no labelled sentences")
    return out


def evaluate_sentences(items: Iterable[tuple[str, int]], threshold: float) -> SentenceReport:
    """P/R/F1 of the check-worthy class when a score at or above ``threshold`` predicts it.

    >>> r = evaluate_sentences([("We lost 3 million jobs in 2009.", 1), ("Thank you.", 0)], 0.5)
    >>> (r.tp, r.fp, r.fn, r.f1)
    (1, 0, 0, 1.0)
    """
    gold, predicted = [], []
    for text, label in items:
        gold.append(label)
        predicted.append(score_claim(text).score >= threshold)
    tp, fp, fn = prf(gold, predicted)
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * p * r, p + r) if p is not None and r is not None else None
    return SentenceReport(threshold, len(gold), sum(gold), sum(predicted), tp, fp, fn, p, r, f1)


# --- debates (CLEF .tsv) ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DebateScore:
    name: str
    lines: int
    positives: int
    average_precision: float | None
    precision_at: dict[int, float]


@dataclass(frozen=True)
class RankingReport:
    debates: int
    scored_debates: int          # debates with at least one positive (MAP is over these)
    lines: int
    positives: int
    map: float | None
    precision_at: dict[int, float | None]
    sentence_only: bool
    per_debate: tuple[DebateScore, ...]


def debate_files(path: str) -> list[str]:
    """The ``*.tsv`` files of a directory (recursively, sorted), or ``[path]`` for a file."""
    if os.path.isdir(path):
        found = sorted(str(p) for p in Path(path).rglob("*.tsv") if p.is_file())
        if not found:
            raise EvalError(f"{path}: no .tsv debate files")
        return found
    if not os.path.exists(path):
        raise EvalError(f"{path}: No such file or directory")
    return [path]


def load_debate(path: str) -> list[tuple[str | None, str, int]]:
    """(speaker, text, label) for each line of a CLEF TSV debate, read with
    :func:`quotetrack.read.transcript.parse`; every line needs a 0/1 label."""

    try:
        with open(path, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise read_file_error(path, exc) from None
    if not transcript.is_tsv(text):
        raise EvalError(f"{path}: not a CLEF debate: want tab-separated "
                        "line, speaker, text, label")
    try:
        turns = transcript.parse(text, path)
    except transcript.TranscriptError as exc:
        raise EvalError(f"{path}: {exc}") from None
    out = []
    for turn in turns:
        if turn.label is None:
            raise EvalError(f"{path}: line {turn.line}: no 0/1 label in the fourth field")
        out.append((turn.speaker, turn.text, turn.label))
    return out


def questioners(lines: Sequence[tuple[str | None, str, int]]) -> frozenset[str | None]:
    """The speakers of a debate who host or ask rather than claim.

    A stage-direction name (SYSTEM, AUDIENCE, ...); a speaker at least
    ``QUESTIONER_SHARE`` of whose lines end in "?"; and, unless it is the speaker with
    the most lines, the speaker who opens the debate or a speaker who ends at least
    half of their turns (three or more; a turn is a run of lines by one speaker) with a
    question.

    >>> sorted(questioners([("MOD", "Why?", 0), ("MOD", "Go on.", 0), ("A", "We won.", 0)]))
    ['MOD']
    """
    lines_of: Counter = Counter()
    asked: Counter = Counter()
    turns: Counter = Counter()
    turns_asked: Counter = Counter()
    previous = object()
    for k, (speaker, text, _label) in enumerate(lines):
        question = text.rstrip().endswith("?")
        lines_of[speaker] += 1
        asked[speaker] += question
        if speaker != previous:
            turns[speaker] += 1
        if k + 1 == len(lines) or lines[k + 1][0] != speaker:
            turns_asked[speaker] += question      # the last line of the turn
        previous = speaker
    if not lines_of:
        return frozenset()
    most = max(lines_of.values())
    out = {s for s in lines_of
           if (s or "").lower() in STAGE_SPEAKERS or asked[s] >= QUESTIONER_SHARE * lines_of[s]}
    out.update(s for s in lines_of if lines_of[s] < most and (
        s == lines[0][0] or (turns[s] >= 3 and turns_asked[s] * 2 >= turns[s])))
    return frozenset(out)


def rank_debate(lines: Sequence[tuple[str | None, str, int]],
                sentence_only: bool = False) -> list[int]:
    """The labels of a debate's lines, best-ranked first (ties keep file order)."""
    asking = frozenset() if sentence_only else questioners(lines)
    keyed = []
    for position, (speaker, text, label) in enumerate(lines):
        score = score_claim(text).score
        if speaker in asking:
            score *= QUESTIONER_FACTOR
        keyed.append((-score, position, label))
    keyed.sort()
    return [label for _s, _p, label in keyed]


def evaluate_debates(paths: Sequence[str], sentence_only: bool = False) -> RankingReport:
    """MAP and mean P@k over the debates in ``paths``."""
    per = []
    for path in paths:
        lines = load_debate(path)
        ranked = rank_debate(lines, sentence_only)
        per.append(DebateScore(Path(path).name, len(lines), sum(ranked), average_precision(ranked),
                               {k: precision_at(ranked, k) for k in TOP_K}))
    scored = [d for d in per if d.average_precision is not None]
    mean_ap = _ratio(sum(d.average_precision for d in scored), len(scored))
    p_at = {k: _ratio(sum(d.precision_at[k] for d in scored), len(scored)) for k in TOP_K}
    return RankingReport(len(per), len(scored), sum(d.lines for d in per),
                         sum(d.positives for d in per), mean_ap, p_at, sentence_only, tuple(per))


# --- the command -----------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_sentences(r: SentenceReport) -> str:
    from tabulate import tabulate
    rows = [["check-worthy", r.sentences, r.positives, r.predicted, r.tp, r.fp, r.fn,
             _fmt(r.precision), _fmt(r.recall), _fmt(r.f1)]]
    table = tabulate(rows, headers=["class", "sentences", "gold", "pred", "TP", "FP", "FN",
                                    "P", "R", "F1"], tablefmt="simple", disable_numparse=True)
    return f"{table}\n\nthreshold {r.threshold:g}"


def format_ranking(r: RankingReport) -> str:
    from tabulate import tabulate
    rows = [[r.debates, r.lines, r.positives, _fmt(r.map),
             *(_fmt(r.precision_at[k]) for k in TOP_K)]]
    table = tabulate(rows, headers=["debates", "lines", "positives", "MAP",
                                    *(f"P@{k}" for k in TOP_K)],
                     tablefmt="simple", disable_numparse=True)
    note = ("ranked by sentence score alone" if r.sentence_only else
            "ranked by sentence score; lines of questioners (moderators, interviewers) "
            f"x{QUESTIONER_FACTOR:g}")
    if r.scored_debates != r.debates:
        note += f"; MAP and P@k over the {r.scored_debates} debates with a positive"
    return f"{table}\n\n{note}"


def _as_json(report: SentenceReport | RankingReport) -> str:
    data = asdict(report)
    if isinstance(report, RankingReport):
        data["precision_at"] = {str(k): v for k, v in report.precision_at.items()}
        data["per_debate"] = [{**asdict(d), "precision_at": {str(k): v for k, v in
                                                             d.precision_at.items()}}
                              for d in report.per_debate]
    return json.dumps(data, ensure_ascii=False)


def run(path: str, threshold: float | None = None, as_json: bool = False,
        sentence_only: bool = False, out: TextIO | None = None) -> int:
    """Evaluate the scorer on ``path`` and print the report; 1 after a one-line
    ``quotetrack: FILE: problem`` on stderr when a file cannot be used."""
    out = sys.stdout if out is None else out
    try:
        if path.endswith(".jsonl"):
            report: SentenceReport | RankingReport = evaluate_sentences(
                load_sentences(path), default_threshold() if threshold is None else threshold)
            text = format_sentences(report)
        else:
            report = evaluate_debates(debate_files(path), sentence_only)
            text = format_ranking(report)
    except EvalError as exc:
        sys.stdout.flush()
        print(f"quotetrack: {exc}", file=sys.stderr)
        return 1
    out.write((_as_json(report) if as_json else text) + "\n")
    return 0

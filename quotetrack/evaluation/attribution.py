"""Measure attributions against gold annotations: P/R/F1 and speaker accuracy.

Gold and predictions are JSON Lines, one document a line, with character
offsets into the original text (see ``../shared/data/README.md`` beside the repository for the
gold format and :meth:`quotetrack.model.Document.to_dict` for predictions).

How a score is made (GUIDE §4):

0. Gold kinds: PolNeAR's ``kind`` was derived from double quote marks, and the
   conversion missed the typewriter doubles of some publishers (''…'', ``…``):
   1,201 quoted passages in train.jsonl are labelled "indirect".  By default
   (:func:`rederive_kind`) an "indirect" gold item whose content holds such marks
   is re-labelled "direct" (each fragment wholly quoted) or "mixed", the rule the
   extractor applies; ``raw_gold_kinds=True`` keeps the labels as stored.

1. Every content fragment is trimmed (:func:`trim_span`): white space, quote
   marks, edge punctuation and a leading "that".  An item becomes the sorted
   list of disjoint character intervals its trimmed fragments cover.
2. In each document gold and predicted items are matched one-to-one, greedily
   by intersection over union of those intervals (:func:`match`).  A pair is
   ``exact`` when the IoU is 1 and counts at ``iou50`` when it is at least 0.5.
3. Items fall into subsets: ``quotes`` (direct and mixed), ``speech``
   (indirect with a speech cue) and ``all``.  Matching runs once over all items
   of a document; each subset reads its counts off that one matching.  A
   prediction of subset S matched to a gold item outside S found a real
   attribution of another kind: it is neutral for S, neither right nor wrong.
4. Speaker accuracy: among pairs of S matched at iou50, the share whose
   predicted speaker mention overlaps the gold source mention.

The entry point for the command line is :func:`run`.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Sequence, TextIO

from tabulate import tabulate

from .matching import (
    EvalError, Interval, Pair, SUBSETS, THRESHOLDS, _Item, _prepare, gold_subsets,
    inherit_speaker_spans, match, merge_floating_quotes, pred_subsets, rederive_kind,
    resolved_correct, speaker_correct, speech_cue_forms)
from .gold import load_gold, load_predictions, open_errors, predict_quotes
from ..text import jsonl


# ---------------------------------------------------------------------------
# Scores

def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class SubsetScore:
    """Counts for one subset.  ``tp`` and ``neutral`` are keyed by threshold.

    ``tp``: matched pairs with both sides in the subset; ``neutral``:
    predictions of the subset matched to a gold item outside it.
    """
    gold: int = 0
    pred: int = 0
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(THRESHOLDS, 0))
    neutral: dict[str, int] = field(default_factory=lambda: dict.fromkeys(THRESHOLDS, 0))
    speaker_correct: int = 0
    speaker_total: int = 0
    resolved_correct: int = 0
    resolved_total: int = 0

    def precision(self, th: str) -> float | None:
        return _ratio(self.tp[th], self.pred - self.neutral[th])

    @property
    def resolved_accuracy(self) -> float | None:
        """Among matched pairs whose gold names the resolved speaker (``speaker_resolved``, as in
        corpus/), the share where the predicted resolved ``speaker`` is the same name."""
        return _ratio(self.resolved_correct, self.resolved_total)

    def recall(self, th: str) -> float | None:
        return _ratio(self.tp[th], self.gold)

    def f1(self, th: str) -> float | None:
        """2·TP / (2·TP + FP + FN); 0 when nothing matched, None when there is nothing to score."""
        den = (self.pred - self.neutral[th]) + self.gold
        return 2 * self.tp[th] / den if den else None

    @property
    def speaker_accuracy(self) -> float | None:
        return _ratio(self.speaker_correct, self.speaker_total)

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.gold, "pred": self.pred}
        for th in THRESHOLDS:
            out[th] = {"tp": self.tp[th], "neutral": self.neutral[th],
                       "precision": _round(self.precision(th), digits),
                       "recall": _round(self.recall(th), digits),
                       "f1": _round(self.f1(th), digits)}
        out["speaker"] = {"correct": self.speaker_correct, "total": self.speaker_total,
                          "accuracy": _round(self.speaker_accuracy, digits)}
        if self.resolved_total:
            out["resolved_speaker"] = {"correct": self.resolved_correct, "total": self.resolved_total,
                                       "accuracy": _round(self.resolved_accuracy, digits)}
        return out


@dataclass
class RuleScore:
    """Predictions of one attribution rule: how many matched gold, and with the right speaker."""
    pred: int = 0
    exact: int = 0
    iou50: int = 0
    speaker_correct: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.iou50, self.pred)

    @property
    def speaker_accuracy(self) -> float | None:
        return _ratio(self.speaker_correct, self.iou50)

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        return {"pred": self.pred, "exact": self.exact, "iou50": self.iou50,
                "precision": _round(self.precision, digits),
                "speaker_correct": self.speaker_correct,
                "speaker_accuracy": _round(self.speaker_accuracy, digits)}


@dataclass
class Report:
    """The result of :func:`evaluate`."""
    subsets: dict[str, SubsetScore] = field(
        default_factory=lambda: {s: SubsetScore() for s in SUBSETS})
    by_rule: dict[str, RuleScore] | None = None   # filled when asked for
    docs: int = 0
    docs_without_predictions: int = 0
    merge_floating: bool = False
    merged: int = 0                                # floating predictions folded

    def to_dict(self, digits: int = 4) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs,
            "docs_without_predictions": self.docs_without_predictions,
            "merge_floating": self.merge_floating,
            "merged": self.merged,
            "subsets": {name: s.to_dict(digits) for name, s in self.subsets.items()},
        }
        if self.by_rule is not None:
            out["by_rule"] = {rule: r.to_dict(digits) for rule, r in sorted(self.by_rule.items())}
        return out


def _round(x: float | None, digits: int) -> float | None:
    return None if x is None else round(x, digits)


# ---------------------------------------------------------------------------
# Evaluation

def evaluate(gold_docs: Iterable[Mapping[str, Any]],
             predictions: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
             *, merge_floating: bool = False, by_rule: bool = False,
             errors: TextIO | None = None, limit: int | None = None,
             speech_forms: Iterable[str] | None = None, raw_gold_kinds: bool = False,
             gold_name: str = "gold", pred_name: str = "predictions") -> Report:
    """Score predictions against gold documents.

    ``predictions`` maps doc_id to quote dicts; a gold document missing from it
    has no predictions.  Without ``predictions`` quotetrack itself is run on
    each gold text (:func:`predict_quotes`).  ``errors``, when given, receives
    one JSON line per false negative, false positive and wrong speaker (at
    iou50).  ``limit`` stops after that many gold documents.
    ``speech_forms`` overrides the cue lexicon's speech forms (for tests);
    ``gold_name`` and ``pred_name`` name the inputs in error messages;
    ``raw_gold_kinds`` turns off :func:`rederive_kind`.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit={limit!r} must be >= 0")
    forms = frozenset(speech_forms) if speech_forms is not None else speech_cue_forms()
    report = Report(merge_floating=merge_floating, by_rule={} if by_rule else None)
    seen: set[str] = set()
    for doc in gold_docs:
        if limit is not None and report.docs >= limit:
            break
        doc_id = doc["doc_id"]
        if doc_id in seen:
            raise EvalError(f"{gold_name}: doc_id {doc_id!r} appears twice")
        seen.add(doc_id)
        if predictions is None:
            try:
                pred = predict_quotes(doc)
            except Exception as exc:
                exc.add_note(f"quotetrack evaluate: while extracting gold document {doc_id!r}")
                raise
        else:
            if doc_id not in predictions:
                report.docs_without_predictions += 1
            pred = list(predictions.get(doc_id, ()))
            _check_pred_offsets(pred, len(doc["text"]), f"{pred_name}: {doc_id}")
        if merge_floating:
            pred = inherit_speaker_spans(pred)
            before = len(pred)
            pred = merge_floating_quotes(pred)
            report.merged += before - len(pred)
        score_document(doc, pred, report, forms, errors, raw_gold_kinds)
        report.docs += 1
    return report


def _check_pred_offsets(quotes: Sequence[Mapping[str, Any]], n: int, where: str) -> None:
    for i, q in enumerate(quotes):
        spans = list(q.get("fragments") or ()) + [(q["content_start"], q["content_end"])]
        if any(e > n for _, e in spans):
            raise EvalError(f"{where}: quotes[{i}]: offsets run past the end of the text ({n} characters)")


def score_document(doc: Mapping[str, Any], pred: Sequence[Mapping[str, Any]], report: Report,
                   forms: Iterable[str], errors: TextIO | None = None,
                   raw_gold_kinds: bool = False) -> list[Pair]:
    """Match one document and add its counts to ``report``; returns the pairs taken."""
    text = doc["text"]
    golds = doc["quotes"] if raw_gold_kinds else [
        {**q, "kind": rederive_kind(q, text)} for q in doc["quotes"]]
    gold_items = _prepare(text, golds, "content_fragments", lambda q: gold_subsets(q, forms))
    pred_items = _prepare(text, pred, "fragments", pred_subsets)
    pairs = match(gold_items, pred_items)

    for name, score in report.subsets.items():
        score.gold += sum(name in g.subsets for g in gold_items)
        score.pred += sum(name in p.subsets for p in pred_items)
    for pair in pairs:
        g, p = gold_items[pair.gold], pred_items[pair.pred]
        ok_speaker = speaker_correct(g.data, p.data)
        for name, score in report.subsets.items():
            if name not in p.subsets:
                continue
            both = name in g.subsets
            for th, hit in (("exact", pair.exact), ("iou50", pair.iou50)):
                if hit:
                    if both:
                        score.tp[th] += 1
                    else:
                        score.neutral[th] += 1
            if both and pair.iou50:
                score.speaker_total += 1
                score.speaker_correct += ok_speaker
                if "speaker_resolved" in g.data:
                    score.resolved_total += 1
                    score.resolved_correct += resolved_correct(g.data, p.data)

    if report.by_rule is not None:
        by_pred = {pair.pred: pair for pair in pairs}
        for i, p in enumerate(pred_items):
            rs = report.by_rule.setdefault(str(p.data.get("rule") or "?"), RuleScore())
            rs.pred += 1
            pair = by_pred.get(i)
            if pair is not None and pair.iou50:
                rs.iou50 += 1
                rs.exact += pair.exact
                rs.speaker_correct += speaker_correct(gold_items[pair.gold].data, p.data)
    if errors is not None:
        for rec in error_records(doc["doc_id"], text, gold_items, pred_items, pairs):
            errors.write(jsonl.line(rec) + "\n")
    return pairs


def _snippet(text: str, spans: Sequence[Interval], width: int = 300) -> str:
    s = " … ".join(text[a:b] for a, b in spans)
    return s if len(s) <= width else s[:width - 1] + "…"


def error_records(doc_id: str, text: str, gold: Sequence[_Item], pred: Sequence[_Item],
                  pairs: Sequence[Pair]) -> Iterator[dict[str, Any]]:
    """Development records for one document, in text order.

    ``error`` is "fn" (gold not matched at iou50), "fp" (prediction not
    matched at iou50) or "speaker" (matched, wrong speaker).  A pair taken
    below 0.5 shows up as an fn and an fp that name each other's span and IoU.
    """
    g_pair = {p.gold: p for p in pairs}
    p_pair = {p.pred: p for p in pairs}
    out = []

    def gold_side(g: _Item) -> dict[str, Any]:
        return {"gold_kind": g.data.get("kind"), "gold_cue": g.data.get("cue"),
                "gold_speaker": g.data.get("speaker"), "gold_text": _snippet(text, g.spans)}

    def pred_side(p: _Item) -> dict[str, Any]:
        return {"pred_kind": p.data.get("kind"), "rule": p.data.get("rule"),
                "pred_cue": p.data.get("cue"), "pred_cue_type": p.data.get("cue_type"),
                "pred_speaker": p.data.get("speaker_mention"),
                "pred_speaker_resolved": p.data.get("speaker"),
                "pred_text": _snippet(text, p.spans)}

    for i, g in enumerate(gold):
        pair = g_pair.get(i)
        if pair is not None and pair.iou50:
            p = pred[pair.pred]
            if not speaker_correct(g.data, p.data):
                out.append((g.start, {"doc_id": doc_id, "error": "speaker", "start": g.start,
                                      "kind": g.data.get("kind"), "subsets": sorted(g.subsets),
                                      "iou": round(pair.iou, 4), **gold_side(g), **pred_side(p)}))
            continue
        rec = {"doc_id": doc_id, "error": "fn", "start": g.start, "kind": g.data.get("kind"),
               "subsets": sorted(g.subsets), **gold_side(g)}
        if pair is not None:
            rec.update(iou=round(pair.iou, 4), **pred_side(pred[pair.pred]))
        out.append((g.start, rec))
    for i, p in enumerate(pred):
        pair = p_pair.get(i)
        if pair is not None and pair.iou50:
            continue
        rec = {"doc_id": doc_id, "error": "fp", "start": p.start, "kind": p.data.get("kind"),
               "subsets": sorted(p.subsets), **pred_side(p)}
        if pair is not None:
            rec.update(iou=round(pair.iou, 4), **gold_side(gold[pair.gold]))
        out.append((p.start, rec))
    out.sort(key=lambda x: x[0])
    return (rec for _, rec in out)


# ---------------------------------------------------------------------------
# Output

def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def format_report(report: Report, as_json: bool = False) -> str:
    """The report as tables (plain text) or as a JSON object (numbers rounded to 4 places)."""
    if as_json:
        return json.dumps(report.to_dict(4), ensure_ascii=False, indent=2)
    rows = []
    resolved = any(s.resolved_total for s in report.subsets.values())
    for name, s in report.subsets.items():
        rows.append([name, s.gold, s.pred,
                     *(_fmt(f(th)) for th in THRESHOLDS for f in (s.precision, s.recall, s.f1)),
                     _fmt(s.speaker_accuracy)] + ([_fmt(s.resolved_accuracy)] if resolved else []))
    headers = ["subset", "gold", "pred", "P exact", "R exact", "F1 exact",
               "P iou50", "R iou50", "F1 iou50", "speaker"] + (["resolved"] if resolved else [])
    parts = [tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)]
    note = f"{report.docs} documents"
    if report.docs_without_predictions:
        note += f", {report.docs_without_predictions} without predictions"
    if report.merge_floating:
        note += f"; merge_floating: {report.merged} floating predictions folded"
    parts.append(note)
    if report.by_rule is not None:
        rule_rows = [[rule, r.pred, r.exact, r.iou50, _fmt(r.precision), r.speaker_correct,
                      _fmt(r.speaker_accuracy)]
                     for rule, r in sorted(report.by_rule.items(), key=lambda kv: (-kv[1].pred, kv[0]))]
        parts.append(tabulate(rule_rows, headers=["rule", "pred", "exact", "iou50", "P iou50",
                                                  "speaker ok", "speaker acc"],
                              tablefmt="simple", disable_numparse=True))
    return "\n\n".join(parts)


def run(gold: str, pred: str | None = None, as_json: bool = False, merge_floating: bool = False,
        by_rule: bool = False, errors: str | None = None, limit: int | None = None,
        out: TextIO | None = None, raw_gold_kinds: bool = False) -> int:
    """Evaluate and print the report; the ``quotetrack evaluate`` entry point.

    ``gold``: file or directory (see :func:`load_gold`); ``pred``: a JSON Lines
    predictions file, or None to run quotetrack on the gold texts; ``errors``: a
    path for the JSON Lines error dump; ``limit``: the first N gold documents
    only; ``out``: where the report goes (default: sys.stdout at call time).
    Returns 0, or 1 after a one-line ``quotetrack: PATH: problem`` on stderr.
    """
    out = sys.stdout if out is None else out
    try:
        if pred is not None and gold == "-" and pred == "-":
            raise EvalError("-: gold and predictions cannot both come from stdin")
        predictions = load_predictions(pred) if pred is not None else None
        docs = load_gold(gold)
        kwargs = dict(merge_floating=merge_floating, by_rule=by_rule, limit=limit,
                      raw_gold_kinds=raw_gold_kinds, gold_name=gold, pred_name=pred or "predictions")
        if errors is not None:
            with open_errors(errors) as fh:
                report = evaluate(docs, predictions, errors=fh, **kwargs)
        else:
            report = evaluate(docs, predictions, **kwargs)
    except EvalError as exc:
        print(f"quotetrack: {exc}", file=sys.stderr)
        return 1
    out.write(format_report(report, as_json) + "\n")
    return 0

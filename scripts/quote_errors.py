"""Count the direct/mixed quote (or indirect speech) errors of ``quotetrack eval --merge-floating`` by mechanism.

    python scripts/quote_errors.py ../shared/data/polnear/train.jsonl [--subset speech] [--out FILE.jsonl]

Each gold quote (direct or mixed; with ``--subset speech`` each indirect report with a speech
cue) that is not matched at IoU >= 0.5 by a predicted quote, and
each predicted quote that matches no gold quote, falls in one class:

  fn_nopred              no prediction overlaps the gold quote at all
  fn_overlap_taken       predictions overlap it, but each was matched to another gold item
  fn_bound_pred_longer   the prediction paired with it covers more (IoU < 0.5)
  fn_bound_pred_shorter  the prediction paired with it covers less (IoU < 0.5)
  fn_kind_pred_indirect  matched at IoU >= 0.5, but predicted as an indirect report (or, for
                         speech, as a quote: fn_kind_pred_direct / _mixed)
  fp_nogold              no gold item overlaps the predicted quote
  fp_overlap_taken       gold items overlap it, each matched to another prediction
  fp_bound_pred_*        paired below IoU 0.5 (``_goldnonquote``: with a gold indirect item)

``+innercue`` counts the false alarms whose content holds another prediction's cue or source
(two attributions run together).  ``--out`` writes one JSON line per error with its context.
``--mechanisms`` also counts the errors by a rough mechanism read from the gold item (see
:func:`mechanism`): a multi-paragraph quote, an attribution in another paragraph, a title,
chant, slogan or sign, a cue no cue list holds (often a noun: "her remark that"), a listed cue
whose sentence no sieve read, boundaries; and for false alarms, two attributions run together,
boundaries, a duplicate of a matched item, a short cue-less quote (a scare quote, a title).
Scoring is the evaluator's own (:mod:`quotetrack.evaluation`), so the totals agree with it.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import re  # noqa: E402

from quotetrack.evaluation.gold import predict_quotes  # noqa: E402
from quotetrack.text import lexicon  # noqa: E402
from quotetrack.evaluation.matching import (  # noqa: E402
    _prepare, gold_subsets, intersection_length, match, merge_floating_quotes, pred_subsets,
    rederive_kind, speech_cue_forms)


def _overlapping(item, items) -> bool:
    return any(b.start < item.end and item.start < b.end and intersection_length(item.spans, b.spans)
               for b in items)


def classify(doc: dict, forms, subset: str = "quotes") -> list[dict]:
    """The quote errors of one gold document, each with its class."""
    text = doc["text"]
    golds = [{**q, "kind": rederive_kind(q, text)} for q in doc["quotes"]]
    pred = merge_floating_quotes(predict_quotes(doc))
    G = _prepare(text, golds, "content_fragments", lambda q: gold_subsets(q, forms))
    P = _prepare(text, pred, "fragments", pred_subsets)
    pairs = match(G, P)
    by_gold, by_pred = {p.gold: p for p in pairs}, {p.pred: p for p in pairs}
    snip = lambda it: " … ".join(text[s:e] for s, e in it.spans)  # noqa: E731
    out = []
    for i, g in enumerate(G):
        pair = by_gold.get(i)
        if subset not in g.subsets or (pair and pair.iou50 and subset in P[pair.pred].subsets):
            continue
        if pair and pair.iou50:
            cls = "fn_kind_pred_" + str(P[pair.pred].data.get("kind"))
        elif pair:
            cls = "fn_bound_pred_longer" if P[pair.pred].length > g.length else "fn_bound_pred_shorter"
        else:
            cls = "fn_overlap_taken" if _overlapping(g, P) else "fn_nopred"
        rec = {"doc_id": doc["doc_id"], "class": cls, "gold": snip(g), "gold_cue": g.data.get("cue"),
               "pred": snip(P[pair.pred]) if pair else None, "rule": P[pair.pred].data.get("rule") if pair else None}
        out.append({**rec, "mechanism": mechanism(rec, g.data, text)})
    for j, p in enumerate(P):
        pair = by_pred.get(j)
        if subset not in p.subsets or (pair and pair.iou50):
            continue
        if pair:
            cls = "fp_bound_pred_longer" if p.length > G[pair.gold].length else "fp_bound_pred_shorter"
            cls += "" if subset in G[pair.gold].subsets else "_goldnon" + subset.rstrip("s")
        else:
            cls = "fp_overlap_taken" if _overlapping(p, G) else "fp_nogold"
        inside = lambda o: o is not None and any(s <= o < e for s, e in p.spans)  # noqa: E731
        inner = any(q is not p and (inside(q.data.get("cue_start")) or inside(q.data.get("speaker_start")))
                    for q in P)
        rec = {"doc_id": doc["doc_id"], "class": cls, "inner_cue": inner, "rule": p.data.get("rule"),
               "cue": p.data.get("cue"), "context": p.data.get("context"), "pred": snip(p), "gold": snip(G[pair.gold]) if pair else None}
        out.append({**rec, "mechanism": mechanism(rec, None, text)})
    return out


_NAMING = re.compile(r"titl|entitl|named|dubbed|chant|slogan|sign|read|sang|sing")


def mechanism(rec: dict, gold: dict | None, text: str) -> str:
    """A rough mechanism for one error record of :func:`classify` (``gold``: the gold quote of a
    miss)."""
    cls = rec["class"]
    if cls.startswith("fp"):
        if rec.get("inner_cue"):
            return "fp: two attributions run together"
        if cls.startswith("fp_bound"):
            return "fp: boundaries" + (" (gold indirect)" if "goldnon" in cls else "")
        if cls == "fp_overlap_taken":
            return "fp: duplicate of a matched item"
        if rec.get("rule") == "answer":
            return "fp: interview answer"
        return "fp: short or cue-less quote (scare quote, title)" \
            if rec.get("rule") in ("unattributed", "floating") or len(rec["pred"].split()) <= 4 else "fp: other"
    if cls.startswith("fn_kind"):
        return "fn: found, other kind"
    s, e = gold["content_start"], gold["content_end"]
    if "\n" in text[s:e]:
        return "fn: multi-paragraph quote"
    src = gold.get("speaker_start")
    if src is not None and "\n" in text[min(src, s):max(src, s)]:
        return "fn: attribution in another paragraph"
    cue = (gold.get("cue") or "").lower()
    if _NAMING.search(cue):
        return "fn: title, chant, slogan or sign"
    if cls.startswith("fn_bound"):
        return "fn: boundaries"
    if cls == "fn_overlap_taken":
        return "fn: overlap taken (nested or duplicate gold)"
    words = cue.split()
    if not any(w in lexicon.cues() or " ".join(words[i:i + 2]) in lexicon.cues() for i, w in enumerate(words)):
        return "fn: cue no list holds (often a noun)"
    return "fn: listed cue, sentence not read"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--subset", choices=("quotes", "speech"), default="quotes",
                    help="direct/mixed quotes (default) or indirect speech")
    ap.add_argument("--out", help="write each error as a JSON line here")
    ap.add_argument("--mechanisms", action="store_true", help="also count the errors by rough mechanism")
    args = ap.parse_args(argv)
    forms = speech_cue_forms()
    counts: collections.Counter[str] = collections.Counter()
    by_mechanism: collections.Counter[str] = collections.Counter()
    sink = open(args.out, "w", encoding="utf-8") if args.out else None
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            for rec in classify(json.loads(line), forms, args.subset):
                counts[rec["class"]] += 1
                by_mechanism[rec["mechanism"]] += 1
                if rec.get("inner_cue"):
                    counts[rec["class"] + "+innercue"] += 1
                if sink:
                    sink.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if sink:
        sink.close()
    for cls in sorted(counts):
        print(f"{counts[cls]:6d}  {cls}")
    if args.mechanisms:
        print()
        for name, n in by_mechanism.most_common():
            print(f"{n:6d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, TextIO

from tabulate import tabulate
from ..text import lexicon
from ..pipeline import extract
from ..config import Config

__all__ = [
    "EvalError", "SUBSETS", "Report", "SubsetScore", "RuleScore",
    "load_gold", "load_predictions", "predict_quotes", "trim_span", "item_intervals",
    "merge_intervals", "intersection_length", "is_speech_cue", "speech_cue_forms",
    "gold_subsets", "pred_subsets", "merge_floating_quotes", "match", "Pair", "speaker_correct",
    "score_document", "error_records",
    "evaluate", "format_report", "run",
]

SUBSETS = ("quotes", "speech", "all")
THRESHOLDS = ("exact", "iou50")

Interval = tuple[int, int]


class EvalError(Exception):
    """Unreadable or malformed evaluation input; the message starts with the path."""


# ---------------------------------------------------------------------------
# Span normalisation

#: Characters trimmed from both ends of a fragment, repeatedly:
#: quote marks (the two-character marks '' and `` go one character at a time)
QUOTE_MARKS = frozenset("“”‘’\"'«»„‹›`")
#: and edge punctuation.
EDGE_PUNCTUATION = frozenset(".,;:!?—–-…()[]")
_TRIM = QUOTE_MARKS | EDGE_PUNCTUATION


def trim_span(text: str, start: int, end: int) -> Interval:
    """The fragment ``text[start:end]`` without its edges, as (start, end).

    Trims, repeatedly and from both ends, white space, quote marks
    (“ ” ‘ ’ " ' « » „ ‹ › ` and so '' and ``) and edge punctuation
    (. , ; : ! ? — – - … ( ) [ ]), and from the start the word "that"
    (any case) followed by white space.

    Why "that": PolNeAR's indirect contents include the complementiser
    ("said *that the plan failed*") while quotetrack reports the clause
    ("said that *the plan failed*").  Trimming it from gold and prediction
    alike makes the comparison about the clause.

    An empty result has ``start == end``.

    >>> t = 'He said that “the plan failed.”'
    >>> s, e = trim_span(t, 8, len(t)); t[s:e]
    'the plan failed'
    """
    s, e = start, end
    while s < e:
        before = (s, e)
        while s < e and (text[s] in _TRIM or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _TRIM or text[e - 1].isspace()):
            e -= 1
        if e - s > 5 and text[s:s + 4].lower() == "that" and text[s + 4].isspace():
            s += 5
        if (s, e) == before:
            break
    return (s, s) if s >= e else (s, e)


def merge_intervals(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, disjoint, non-empty intervals covering the same positions.

    >>> merge_intervals([(5, 9), (0, 3), (2, 4), (9, 9)])
    ((0, 4), (5, 9))
    """
    out: list[list[int]] = []
    for s, e in sorted(iv for iv in intervals if iv[1] > iv[0]):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def intersection_length(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """How many positions two sorted disjoint interval lists share.

    >>> intersection_length([(0, 4), (10, 20)], [(2, 12)])
    4
    """
    i = j = total = 0
    while i < len(a) and j < len(b):
        s = max(a[i][0], b[j][0])
        e = min(a[i][1], b[j][1])
        if e > s:
            total += e - s
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def item_intervals(text: str, fragments: Sequence[Sequence[int]] | None,
                   start: int, end: int) -> tuple[Interval, ...]:
    """The trimmed character intervals an item covers.

    ``fragments`` (gold ``content_fragments``, prediction ``fragments``) fall
    back to ``[[start, end]]`` when missing or empty.  When trimming leaves
    nothing (a content of only punctuation), the untrimmed fragments are used,
    so the item can still be matched.
    """
    frags = [tuple(f) for f in fragments] if fragments else [(start, end)]
    trimmed = merge_intervals(trim_span(text, s, e) for s, e in frags)
    return trimmed or merge_intervals(frags)


# ---------------------------------------------------------------------------
# Subsets

_WORD = re.compile(r"\w+(?:['’]\w+)*")  # "said:" -> said; "didn't" stays one word


@lru_cache(maxsize=None)
def speech_cue_forms() -> frozenset[str]:
    """Every lower-cased form in ``data/cues.tsv`` whose entry type is "speech"."""
    try:
        table = lexicon.cues()
    except FileNotFoundError as exc:
        raise EvalError("quotetrack/data/cues.tsv: not found; "
                        "the speech subset needs the cue lexicon") from exc
    return frozenset(form for form, entry in table.items() if entry.type == "speech")


def is_speech_cue(cue: str | None, forms: Iterable[str] | None = None) -> bool:
    """Whether a gold cue text marks speech (as opposed to thought or evidence).

    True when the cue stripped is ":", or its lower-cased text, any word of it,
    or any run of two words of it is a speech form of the cue lexicon
    (``forms``; default :func:`speech_cue_forms`).  Words are runs of letters
    and digits, so "said:" has the word "said".

    >>> is_speech_cue("said in a statement", {"said"}), is_speech_cue("believes", {"said"})
    (True, False)
    """
    if not cue:
        return False
    if cue.strip() == ":":
        return True
    forms = speech_cue_forms() if forms is None else forms
    low = " ".join(cue.lower().split())
    if low in forms:
        return True
    words = _WORD.findall(low)
    return any(w in forms for w in words) or any(
        f"{a} {b}" in forms for a, b in zip(words, words[1:]))


_TYPEWRITER = ("''", "``")
_EDGE = " \t\r\n.,;:!?—–-…()[]"


def rederive_kind(quote: Mapping[str, Any], text: str) -> str:
    """The gold kind, with typewriter-quoted passages (''…'') labelled direct or mixed."""
    kind = quote.get("kind")
    content = quote.get("content") or ""
    if kind != "indirect" or not any(m in content for m in _TYPEWRITER):
        return kind
    frags = quote.get("content_fragments") or [[quote["content_start"], quote["content_end"]]]
    for s, e in frags:
        piece = text[s:e].strip(_EDGE)
        if not (piece.startswith(_TYPEWRITER) and piece.endswith("''") and len(piece) > 4):
            return "mixed"
    return "direct"


def gold_subsets(quote: Mapping[str, Any], forms: Iterable[str] | None = None) -> frozenset[str]:
    """The subsets a gold item belongs to: direct/mixed → quotes, indirect with a speech cue → speech."""
    kind = quote.get("kind")
    if kind in ("direct", "mixed"):
        return frozenset(("quotes", "all"))
    if kind == "indirect" and is_speech_cue(quote.get("cue"), forms):
        return frozenset(("speech", "all"))
    return frozenset(("all",))


def pred_subsets(quote: Mapping[str, Any]) -> frozenset[str]:
    """The subsets a prediction belongs to: direct/mixed → quotes, indirect with cue_type speech → speech."""
    kind = quote.get("kind")
    if kind in ("direct", "mixed"):
        return frozenset(("quotes", "all"))
    if kind == "indirect" and quote.get("cue_type") == "speech":
        return frozenset(("speech", "all"))
    return frozenset(("all",))


# ---------------------------------------------------------------------------
# Floating quotes

def merge_floating_quotes(quotes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Fold each floating prediction into the prediction before it.

    PolNeAR annotates a cue-less continuation (“…,” Harman said. “…”) as a
    further fragment of the one attribution, where quotetrack reports a second,
    floating quote (``rule`` starting with "floating").  A floating quote is
    appended, as fragments, to the predicted quote just before it (by
    ``content_start``) when that one is a direct or mixed quote ending in the
    same or the previous paragraph; chains of floating quotes fold into the first quote.  The
    merged quote keeps its own rule and speaker; its kind becomes "mixed" if the
    kinds differ.  Quotes without a ``paragraph`` are never merged.
    """
    out: list[dict[str, Any]] = []
    last_paragraph: list[int | None] = []   # paragraph of the last piece of out[i]
    for q in sorted(quotes, key=lambda q: (q.get("content_start", 0), q.get("content_end", 0))):
        par = q.get("paragraph")
        if (str(q.get("rule") or "").startswith("floating") and out
                and out[-1].get("kind") in ("direct", "mixed")
                and isinstance(par, int) and isinstance(last_paragraph[-1], int)
                and 0 <= par - last_paragraph[-1] <= 1):
            host = out[-1]
            host["fragments"] = list(host["fragments"]) + _fragments(q, "fragments")
            host["content_end"] = max(host.get("content_end", 0), q.get("content_end", 0))
            if host.get("kind") != q.get("kind"):
                host["kind"] = "mixed"
            host["merged"] = host.get("merged", 0) + 1
            last_paragraph[-1] = par
            continue
        copy = dict(q)
        copy["fragments"] = _fragments(q, "fragments")
        out.append(copy)
        last_paragraph.append(par)
    return out


def _fragments(q: Mapping[str, Any], key: str) -> list[list[int]]:
    frags = q.get(key)
    if frags:
        return [list(f) for f in frags]
    return [[q.get("content_start", 0), q.get("content_end", 0)]]


# ---------------------------------------------------------------------------
# Matching

@dataclass(slots=True)
class _Item:
    """A gold or predicted attribution prepared for matching."""
    order: int                      # rank by position, for tie-breaking
    spans: tuple[Interval, ...]
    length: int
    subsets: frozenset[str]
    data: Mapping[str, Any]

    @property
    def start(self) -> int:
        return self.spans[0][0] if self.spans else 0

    @property
    def end(self) -> int:
        return self.spans[-1][1] if self.spans else 0


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold and a predicted item matched to each other."""
    gold: int     # index into the gold item list
    pred: int     # index into the prediction list
    inter: int
    union: int

    @property
    def iou(self) -> float:
        return self.inter / self.union if self.union else 0.0

    @property
    def exact(self) -> bool:
        return self.union > 0 and self.inter == self.union

    @property
    def iou50(self) -> bool:
        return self.union > 0 and 2 * self.inter >= self.union


def _prepare(text: str, quotes: Sequence[Mapping[str, Any]], frag_key: str,
             subsets: Callable[[Mapping[str, Any]], frozenset[str]]) -> list[_Item]:
    items = [
        _Item(0, spans, sum(e - s for s, e in spans), subsets(q), q)
        for q in quotes
        for spans in [item_intervals(text, q.get(frag_key), q["content_start"], q["content_end"])]
    ]
    ranked = sorted(range(len(items)), key=lambda i: (items[i].start, items[i].end, i))
    for rank, i in enumerate(ranked):
        items[i].order = rank
    return items


def match(gold: Sequence[_Item], pred: Sequence[_Item]) -> list[Pair]:
    """One-to-one greedy matching by IoU, best pairs first.

    Candidate pairs (overlap > 0) come from a sweep over items sorted by start,
    so only items whose extents overlap are compared.  Pairs are taken by IoU
    descending (ties: earlier gold, then earlier prediction) while both sides
    are free.  The result holds every pair taken, whatever its IoU; read the
    thresholds off :class:`Pair`.
    """
    events = sorted([(g.start, 0, i) for i, g in enumerate(gold) if g.length]
                    + [(p.start, 1, i) for i, p in enumerate(pred) if p.length])
    active: tuple[list[int], list[int]] = ([], [])
    sides = (gold, pred)
    candidates: list[tuple[float, int, int, Pair]] = []
    for start, side, i in events:
        other = 1 - side
        alive = [j for j in active[other] if sides[other][j].end > start]
        active[other][:] = alive
        me = sides[side][i]
        for j in alive:
            you = sides[other][j]
            inter = intersection_length(me.spans, you.spans)
            if inter:
                g, p = (i, j) if side == 0 else (j, i)
                union = gold[g].length + pred[p].length - inter
                candidates.append((-inter / union, gold[g].order, pred[p].order,
                                   Pair(g, p, inter, union)))
        active[side].append(i)
    candidates.sort(key=lambda c: c[:3])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, pair in candidates:
        if pair.gold not in used_g and pair.pred not in used_p:
            used_g.add(pair.gold)
            used_p.add(pair.pred)
            pairs.append(pair)
    return pairs


def inherit_speaker_spans(quotes: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """A floating quote (``follows`` = index of the quote it continues) is scored with the
    speaker mention of the quote it continues: that is the mention it was resolved through.
    Part of the ``merge_floating`` (PolNeAR) convention; the corpus gold gives a floating quote
    no source mention."""
    out = list(quotes)
    for i, q in enumerate(out):
        k = q.get("follows")
        if q.get("speaker_start") is None and isinstance(k, int) and 0 <= k < len(out) and k != i:
            host = out[k]
            if host.get("speaker_start") is not None:
                out[i] = {**q, "speaker_start": host["speaker_start"], "speaker_end": host["speaker_end"]}
    return out


def resolved_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted resolved speaker is the gold ``speaker_resolved`` (case and a
    leading "the" ignored; both unknown counts as agreement)."""
    def norm(name: Any) -> str:
        name = " ".join(str(name or "").split()).lower()
        return name[4:] if name.startswith("the ") else name
    return norm(gold.get("speaker_resolved")) == norm(pred.get("speaker"))


def speaker_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted speaker mention agrees with the gold source.

    With a gold source, the spans [speaker_start, speaker_end) must share at
    least one character; without one (``speaker_start`` null) the prediction
    must have no speaker mention either.
    """
    gs, ge = gold.get("speaker_start"), gold.get("speaker_end")
    ps, pe = pred.get("speaker_start"), pred.get("speaker_end")
    if gs is None or ge is None:
        return ps is None
    if ps is None or pe is None:
        return False
    return max(gs, ps) < min(ge, pe)


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
# Loading

def load_gold(path: str | Path) -> Iterator[dict[str, Any]]:
    """Gold documents from PATH, one at a time.

    PATH is a JSON Lines file (one document a line), a ``.json`` file (one
    document object, or a list of them), a directory of such files (read in
    name order, not recursively) or ``-`` for JSON Lines on stdin.  Each
    document needs ``doc_id``, ``text`` and ``quotes``; each quote
    ``content_start`` and ``content_end`` inside the text.  Problems raise
    :class:`EvalError` naming the file and line.  The path is checked at once;
    documents are read lazily.
    """
    path = str(path)
    if path == "-":
        return _gold_from_lines("<stdin>", sys.stdin)
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir()
                       if f.is_file() and f.suffix in (".json", ".jsonl"))
        if not files:
            raise EvalError(f"{path}: no .json or .jsonl files in this directory")
        return _gold_from_files(files)
    if not p.is_file():
        raise EvalError(f"{path}: no such file or directory")
    return _gold_from_files([p])


def _gold_from_files(files: Sequence[Path]) -> Iterator[dict[str, Any]]:
    for f in files:
        try:
            with open(f, encoding="utf-8") as fh:
                if f.suffix == ".json":
                    yield from _gold_from_json(str(f), fh)
                else:
                    yield from _gold_from_lines(str(f), fh)
        except OSError as exc:
            raise EvalError(f"{f}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise EvalError(f"{f}: not UTF-8 text ({exc.reason})") from exc


def _gold_from_json(name: str, fh: TextIO) -> Iterator[dict[str, Any]]:
    try:
        obj = json.load(fh)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{name}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    docs = obj if isinstance(obj, list) else [obj]
    for i, doc in enumerate(docs):
        where = name if not isinstance(obj, list) else f"{name}: item {i}"
        yield _check_gold(doc, where)


def _gold_from_lines(name: str, fh: Iterable[str]) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        yield _check_gold(_parse_line(name, lineno, line), f"{name}:{lineno}")


def _parse_line(name: str, lineno: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvalError(f"{name}:{lineno}: not valid JSON: {exc.msg} (column {exc.colno})") from exc


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _check_gold(doc: Any, where: str) -> dict[str, Any]:
    """The gold document, or EvalError(f"{where}: …") saying what is wrong."""
    if not isinstance(doc, dict):
        raise EvalError(f"{where}: want a JSON object with doc_id, text and quotes")
    for key, kind in (("doc_id", str), ("text", str), ("quotes", list)):
        if not isinstance(doc.get(key), kind):
            raise EvalError(f"{where}: {key!r} missing or not a {kind.__name__}")
    n = len(doc["text"])
    for i, q in enumerate(doc["quotes"]):
        if not isinstance(q, dict):
            raise EvalError(f"{where}: quotes[{i}] is not an object")
        s, e = q.get("content_start"), q.get("content_end")
        if not (_is_int(s) and _is_int(e) and 0 <= s <= e <= n):
            raise EvalError(f"{where}: quotes[{i}]: content_start/content_end "
                            f"({s!r}, {e!r}) are not offsets into a text of {n} characters")
        _check_fragments(q.get("content_fragments"), n, f"{where}: quotes[{i}]: content_fragments")
    return doc


def _check_fragments(frags: Any, n: int | None, where: str) -> None:
    if frags is None:
        return
    if not isinstance(frags, list):
        raise EvalError(f"{where}: want a list of [start, end] pairs")
    for f in frags:
        if not (isinstance(f, list) and len(f) == 2 and _is_int(f[0]) and _is_int(f[1])
                and 0 <= f[0] <= f[1] and (n is None or f[1] <= n)):
            raise EvalError(f"{where}: {f!r} is not a [start, end] pair inside the text")


def load_predictions(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Predictions from a JSON Lines file (``-`` for stdin): doc_id → quote dicts.

    Each line is a record of the output contract (``Document.to_dict``): a
    ``doc_id`` and a ``quotes`` list whose items carry ``content_start``,
    ``content_end`` and, optionally, ``fragments``.  A doc_id seen twice is an
    error.  Offsets are checked against the text when the document is scored.
    """
    path = str(path)
    out: dict[str, list[dict[str, Any]]] = {}
    try:
        if path == "-":
            _read_predictions("<stdin>", sys.stdin, out)
        else:
            with open(path, encoding="utf-8") as fh:
                _read_predictions(path, fh, out)
    except FileNotFoundError as exc:
        raise EvalError(f"{path}: no such file") from exc
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    return out


def _read_predictions(name: str, fh: Iterable[str], out: dict[str, list[dict[str, Any]]]) -> None:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        rec = _parse_line(name, lineno, line)
        where = f"{name}:{lineno}"
        if not isinstance(rec, dict) or not isinstance(rec.get("doc_id"), str) \
                or not isinstance(rec.get("quotes"), list):
            raise EvalError(f"{where}: want a JSON object with doc_id and a quotes list")
        if rec["doc_id"] in out:
            raise EvalError(f"{where}: doc_id {rec['doc_id']!r} appears twice")
        for i, q in enumerate(rec["quotes"]):
            s, e = (q.get("content_start"), q.get("content_end")) if isinstance(q, dict) else (None, None)
            if not (_is_int(s) and _is_int(e) and 0 <= s <= e):
                raise EvalError(f"{where}: quotes[{i}]: content_start/content_end missing or not offsets")
            _check_fragments(q.get("fragments"), None, f"{where}: quotes[{i}]: fragments")
        out[rec["doc_id"]] = rec["quotes"]


def predict_quotes(doc: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Run quotetrack on a gold document's text, keeping every attribution (``attributions="all"``)."""
    result = extract(doc["text"], doc_id=doc["doc_id"], config=Config(attributions="all", claims=False))
    return result.to_dict()["quotes"]


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
            errors.write(json.dumps(rec, ensure_ascii=False) + "\n")
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
            try:
                fh = open(errors, "w", encoding="utf-8")
            except OSError as exc:
                raise EvalError(f"{errors}: cannot write: {exc.strerror or exc}") from exc
            with fh:
                report = evaluate(docs, predictions, errors=fh, **kwargs)
        else:
            report = evaluate(docs, predictions, **kwargs)
    except EvalError as exc:
        print(f"quotetrack: {exc}", file=sys.stderr)
        return 1
    out.write(format_report(report, as_json) + "\n")
    return 0

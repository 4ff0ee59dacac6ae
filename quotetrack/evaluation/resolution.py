"""Measure speaker resolution against a hand-resolved gold: ``quotetrack eval --resolution GOLD``.

The gold (corpus/resolution/README) is JSON Lines, one document a line, holding no text:
``{"doc_id", "mentions": [{"start", "end", "text", "class", "entity", "entity_type",
"unsure"?}]}``; ``class`` is how the source is written (pronoun, name, alias,
description, organisation, other) and ``entity`` the canonical name it stands for (null:
no one the article names).  The texts come from a JSON Lines file of ``{"doc_id", "text"}``
(``--texts``; by default PolNeAR's train.jsonl beside the repository), or the predictions
come from ``--pred FILE`` (JSON Lines of the output contract; output without
``speaker_basis`` counts as ``unresolved`` when it names no one, else ``named``).

How a score is made:

1. Each document is extracted with every attribution kept (``attributions="all"``).
2. A gold mention is *found* when a predicted quote's speaker mention overlaps it: it sits
   on a statement the tool finds.  The found rate is found / gold.
3. A found mention is *right* when the quote's resolved speaker is the gold entity: a
   person when first and last names are equal (a one-word gold name needs only that word,
   :func:`same_entity`), an organisation or group when the names' words are equal or one
   runs inside the other (a group listed as "A and B" also when its members are, in any
   order).  A mention whose gold entity is null is right when the tool does
   not dress it up as a name (basis ``unresolved``).
4. Accuracy = right / found, by gold class and by the predicted ``speaker_basis``.
   Mentions marked ``unsure`` are left out.
"""
from __future__ import annotations

import bisect
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, TextIO

from tabulate import tabulate

from ..config import Config
from ..model import BASES
from ..pipeline import extract
from ..text import jsonl
from .gold import json_lines, load_predictions, open_errors
from .matching import EvalError

__all__ = ["CLASSES", "same_entity", "load_resolution_gold", "load_texts", "ResolutionReport",
           "predict", "score_resolution", "format_resolution", "run"]

CLASSES = ("pronoun", "name", "alias", "description", "organisation", "other")
ENTITY_TYPES = ("person", "organisation", "group")
DEFAULT_TEXTS = Path("..") / "shared" / "data" / "polnear" / "train.jsonl"
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# A word of a name: "Gantz", "O’Rourke", "Ruiz-Tagle" ("Jr." gives "jr")
# What joins the members of a group written as a list: "A, B and C"
_MEMBERS = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_NAME_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def _words(name: str | None) -> list[str]:
    return [w.lower() for w in _NAME_WORD.findall(name or "")]


def same_entity(gold: str, gold_type: str | None, pred: str | None) -> bool:
    """Whether a predicted speaker is the gold entity.

    >>> same_entity("Donald J. Trump", "person", "Donald Trump"), same_entity("Donald Trump", "person", "Trump")
    (True, False)
    >>> same_entity("Trump", "person", "Donald Trump"), same_entity("Federal Reserve", "organisation", "the Federal Reserve")
    (True, True)
    >>> same_entity("Ada Lind and Tom Vries", "group", "Tom Vries and Ada Lind")
    True
    """
    g, p = _words(gold), _words(pred)
    if not g or not p:
        return False
    if gold_type == "group" and _MEMBERS.search(gold) and _MEMBERS.search(pred):
        gm, pm = _MEMBERS.split(gold), _MEMBERS.split(pred)     # a pair is the same in any order
        if len(gm) == len(pm) and all(any(same_entity(a, "person", b) for b in pm) for a in gm):
            return True
    if gold_type == "person":
        g = [w for w in g if w not in _SUFFIXES] or g
        p = [w for w in p if w not in _SUFFIXES] or p
        if len(g) == 1:
            return g[0] in p
        return g[0] == p[0] and g[-1] == p[-1]
    g = g[1:] if g[0] == "the" and len(g) > 1 else g
    p = p[1:] if p[0] == "the" and len(p) > 1 else p
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _check_mention(m: Any, where: str) -> dict[str, Any]:
    if not isinstance(m, dict):
        raise EvalError(f"{where}: a mention must be a JSON object")
    for key in ("start", "end"):
        if not isinstance(m.get(key), int) or isinstance(m.get(key), bool):
            raise EvalError(f"{where}: mention needs an integer '{key}'")
    if m.get("class") not in CLASSES:
        raise EvalError(f"{where}: mention class {m.get('class')!r} is not one of {', '.join(CLASSES)}")
    if m.get("entity") is not None and not isinstance(m["entity"], str):
        raise EvalError(f"{where}: mention 'entity' must be a string or null")
    if m.get("entity_type") not in ENTITY_TYPES + (None,):
        raise EvalError(f"{where}: entity_type {m.get('entity_type')!r} is not one of "
                        f"{', '.join(ENTITY_TYPES)} or null")
    return m


def load_resolution_gold(paths: Iterable[str | Path]) -> dict[str, list[dict[str, Any]]]:
    """doc_id -> its gold mentions, from one or more JSON Lines files (a document in two
    files has its mentions joined)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in paths:
        for where, doc in json_lines(path):
            if not isinstance(doc, dict) or not isinstance(doc.get("doc_id"), str) \
                    or not isinstance(doc.get("mentions"), list):
                raise EvalError(f"{where}: a line needs 'doc_id' and a list of 'mentions'")
            out.setdefault(doc["doc_id"], []).extend(
                _check_mention(m, where) for m in doc["mentions"])
    return out


def load_texts(path: str | Path, wanted: Iterable[str]) -> dict[str, str]:
    """doc_id -> text for the ``wanted`` documents of a JSON Lines file of {"doc_id", "text"}."""
    wanted = set(wanted)
    out: dict[str, str] = {}
    for _where, doc in json_lines(path):
        if isinstance(doc, dict) and doc.get("doc_id") in wanted and isinstance(doc.get("text"), str):
            out[doc["doc_id"]] = doc["text"]
    return out


@dataclass
class ResolutionReport:
    """Counts by gold class and by predicted basis."""
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    basis_found: Counter = field(default_factory=Counter)
    basis_right: Counter = field(default_factory=Counter)
    documents: int = 0
    unsure: int = 0
    missing: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self, digits: int = 3) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, digits) if b else None
        rows = {}
        for c in CLASSES + ("all",):
            g = sum(self.gold.values()) if c == "all" else self.gold[c]
            f = sum(self.found.values()) if c == "all" else self.found[c]
            r = sum(self.right.values()) if c == "all" else self.right[c]
            rows[c] = {"gold": g, "found": f, "found_rate": ratio(f, g), "right": r,
                       "accuracy": ratio(r, f)}
        basis = {b: {"found": self.basis_found[b], "right": self.basis_right[b],
                     "accuracy": ratio(self.basis_right[b], self.basis_found[b])}
                 for b in BASES if self.basis_found[b]}
        return {"documents": self.documents, "unsure_left_out": self.unsure,
                "missing_texts": len(self.missing), "by_class": rows, "by_basis": basis}


def _basis(quote: Mapping[str, Any]) -> str:
    """A prediction's basis; for output written before speaker_basis existed (another tool's,
    or an older quotetrack's): unresolved when it names no one, else named."""
    basis = quote.get("speaker_basis")
    if basis in BASES:
        return basis
    unnamed = quote.get("speaker") is None or quote.get("speaker_type") in ("descriptor", "pronoun", "unknown")
    return "unresolved" if unnamed else "named"


def _right(m: Mapping[str, Any], quote: Mapping[str, Any], basis: str) -> bool:
    if m.get("entity") is None:
        return basis == "unresolved"
    return basis != "unresolved" and same_entity(m["entity"], m.get("entity_type"), quote.get("speaker"))


def predict(doc_id: str, text: str) -> list[dict[str, Any]]:
    """quotetrack's quotes for a gold text, every attribution kept (as JSON Lines records)."""
    config = Config(attributions="all", claims=False)
    return extract(text, doc_id=doc_id, config=config).to_dict()["quotes"]


def score_resolution(gold: Mapping[str, list[Mapping[str, Any]]], texts: Mapping[str, str],
                     limit: int | None = None,
                     predictions: Mapping[str, list[Mapping[str, Any]]] | None = None) -> ResolutionReport:
    """Score each gold document's mentions against quotetrack's extraction of its text, or
    against ``predictions`` (doc_id -> JSON Lines quote records) when given."""
    report = ResolutionReport()
    for n, (doc_id, mentions) in enumerate(gold.items()):
        if limit is not None and n >= limit:
            break
        text = texts.get(doc_id)
        if predictions is not None:
            pred = predictions.get(doc_id)
        else:
            pred = predict(doc_id, text) if text is not None else None
        if pred is None:
            report.missing.append(doc_id)
            continue
        report.documents += 1
        quotes = sorted((q for q in pred if isinstance(q.get("speaker_start"), int)
                         and isinstance(q.get("speaker_end"), int)), key=lambda q: q["speaker_start"])
        starts = [q["speaker_start"] for q in quotes]
        for m in mentions:
            if m.get("unsure"):
                report.unsure += 1
                continue
            c = m["class"]
            report.gold[c] += 1
            hit = _overlapping(quotes, starts, m["start"], m["end"])
            if hit is None:
                continue
            report.found[c] += 1
            basis = _basis(hit)
            ok = _right(m, hit, basis)
            report.right[c] += ok
            report.basis_found[basis] += 1
            report.basis_right[basis] += ok
            if not ok:
                report.errors.append({"doc_id": doc_id, "start": m["start"], "end": m["end"],
                                      "text": m.get("text"), "class": c, "gold": m.get("entity"),
                                      "speaker": hit.get("speaker"), "basis": basis})
    return report


def _overlapping(quotes: list, starts: list[int], start: int, end: int):
    """The first quote whose speaker mention overlaps [start, end) (quotes sorted by it)."""
    i = max(bisect.bisect_left(starts, start) - 1, 0)
    while i < len(quotes) and quotes[i]["speaker_start"] < end:
        if quotes[i]["speaker_end"] > start:
            return quotes[i]
        i += 1
    return None


def format_resolution(report: ResolutionReport) -> str:
    data = report.to_dict()
    rows = [[c, r["gold"], r["found"], r["found_rate"], r["right"], r["accuracy"]]
            for c, r in data["by_class"].items()]
    out = tabulate(rows, headers=["class", "gold", "found", "found rate", "right", "accuracy"])
    rows = [[b, r["found"], r["right"], r["accuracy"]] for b, r in data["by_basis"].items()]
    out += "\n\n" + tabulate(rows, headers=["basis", "found", "right", "accuracy"])
    out += (f"\n\n{data['documents']} documents; {data['unsure_left_out']} unsure mentions left out"
            + (f"; {data['missing_texts']} gold documents without a text" if data["missing_texts"] else ""))
    return out


def run(gold: str | Path, texts: str | Path | None = None, as_json: bool = False,
        errors: str | Path | None = None, limit: int | None = None, out: TextIO | None = None,
        pred: str | Path | None = None, unused: Iterable[str] | None = ()) -> int:
    """The command line's ``eval --resolution``: print the report (``errors``: write each
    wrong or missed mention as JSON Lines; ``pred``: score these predictions, JSON Lines of
    the output contract, instead of running quotetrack).  Returns 0, or 1 after a one-line
    ``quotetrack: PATH: problem`` on stderr (``unused``: options of the attribution eval
    given with ``--resolution``, an error; None: ``--texts`` without ``--resolution``)."""
    out = sys.stdout if out is None else out
    source = Path(texts) if texts is not None else DEFAULT_TEXTS
    try:
        if unused is None:                # --texts given without --resolution
            raise EvalError("eval: --texts needs --resolution")
        if unused:                        # options of the attribution eval
            raise EvalError(f"eval: --resolution takes no {', '.join('--' + u.replace('_', '-') for u in unused)}")
        mentions = load_resolution_gold([gold])
        predictions = load_predictions(pred) if pred is not None else None
        found = {} if predictions is not None and texts is None else load_texts(source, mentions)
        report = score_resolution(mentions, found, limit, predictions)
        if report.documents == 0:
            raise EvalError(f"{pred if pred is not None else source}: holds none of the gold's documents")
        if errors is not None:
            with open_errors(errors) as fh:
                for e in report.errors:
                    fh.write(jsonl.line(e) + "\n")
    except EvalError as exc:
        print(f"quotetrack: {exc}", file=sys.stderr)
        return 1
    out.write((json.dumps(report.to_dict(), ensure_ascii=False) if as_json else format_resolution(report)) + "\n")
    return 0

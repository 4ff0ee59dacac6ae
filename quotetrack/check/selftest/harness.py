"""Running the self-test: drafts from every source, each checked against its source, the
finding on the mutated quote matched to the verdict intended, and the report."""
from __future__ import annotations

import random
import zlib
from dataclasses import replace
from typing import Callable, Iterable, Sequence, TextIO

from ...model import Document, Finding
from ...text.spans import Lines
from ... import pipeline
from .. import drafts as check
from .. import sources
from ..severity import QUOTE_VERDICTS
from ...errors import EXIT_FAILED, EXIT_OK, report
from ...read import inputs as reader
from ...text.spans import shorten
from ...text.tokens import word_tokens
from .words import (
    DRAFT, Mutant, NONE, Outcome, SHORT_WORDS, TARGET, UNMUTATED, _quotable, passages)
from .mutations import MUTATIONS, unmutated


# --- running ------------------------------------------------------------------------------------------

Checker = Callable[[str], Sequence[Finding]]


def drafts(doc: Document, seed: int = 0) -> Iterable[tuple[int, Mutant]]:
    """Every (quote index, mutant) of a source, in order; deterministic for a seed and the
    text (not its file name: an article gives the same drafts wherever it is read from)."""
    text_id = zlib.crc32(doc.text.encode("utf-8"))
    for index in range(len(doc.quotes)):
        for name, mutate in MUTATIONS.items():
            rng = random.Random(f"{seed}:{text_id}:{index}:{name}")
            mutant = mutate(doc, index, rng)
            if mutant is not None:
                yield index, mutant


def same_quotes(doc: Document, text: str) -> bool:
    """Does extraction find the same quotes (kind, speaker, place) in ``text`` as in ``doc``?
    A rewrite that keeps every quote must not change what the extractor reads.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.")
    >>> same_quotes(doc, "“We will sign the deal,” Ortiz says."), same_quotes(doc, "“We will sign the deal.”")
    (True, False)
    """

    def shape(d: Document) -> list[tuple]:
        return [(q.kind, q.speaker, q.start, q.end) for q in d.quotes]
    return shape(doc) == shape(pipeline.extract(text, doc_id=DRAFT))


def still_found(mutant: Mutant) -> bool:
    """Does extraction on the draft still find a quoted quote over the mutated passage
    (with the intended speaker, for a speaker swap)?"""
    doc = pipeline.extract(mutant.text, doc_id=DRAFT)
    for q in doc.quotes:
        if q.kind == "direct" or q.kind == "mixed":
            if any(s < mutant.end and mutant.start < e for s, e in q.fragments):
                return mutant.speaker is None or q.speaker == mutant.speaker
    return False


def finding_for(findings: Sequence[Finding], start: int, end: int) -> Finding | None:
    """The quote verdict (:data:`QUOTE_VERDICTS`) that overlaps ``start..end`` most (the
    first of equals), or None.

    >>> f = Finding("d", 1, 1, "verified", "info", "", start=0, end=10)
    >>> finding_for([f], 5, 20) is f, finding_for([f], 10, 20)
    (True, None)
    """
    best, most = None, 0
    for f in findings:
        if f.verdict not in QUOTE_VERDICTS:
            continue
        overlap = min(f.end, end) - max(f.start, start)
        if overlap > most:
            best, most = f, overlap
    return best


def score_source(doc: Document, checker: Checker, seed: int = 0) -> tuple[list[Outcome], list[Finding]]:
    """Check every draft of one source; return the outcomes and the error-level findings
    on its unmutated drafts."""
    outcomes: list[Outcome] = []
    errors: list[Finding] = []
    for name, text in unmutated(doc):
        if text != doc.text and not same_quotes(doc, text):
            outcomes.append(Outcome(doc.doc_id, UNMUTATED, "verified", NONE, name, 1, broken=True))
            continue
        findings = checker(text)
        errors.extend(replace(f, file=f"{doc.doc_id} ({name})") for f in findings if f.severity == "error")
        if text != doc.text:
            continue
        for i in range(len(doc.quotes)):
            pieces = passages(doc, i) if _quotable(doc, i) else []
            if not pieces:
                continue
            n = sum(len(word_tokens(text, s, e)) for s, e in pieces)   # as check counts them: "$400 million" is one
            f = finding_for(findings, *pieces[0])
            outcomes.append(Outcome(doc.doc_id, UNMUTATED, "too-short" if n < SHORT_WORDS else "verified",
                                    f.verdict if f else NONE, text[slice(*pieces[0])],
                                    Lines(text).line(pieces[0][0]), severity=f.severity if f else None))
    for _, mutant in drafts(doc, seed):
        quote, line = mutant.text[mutant.start:mutant.end], Lines(mutant.text).line(mutant.start)
        f = finding_for(checker(mutant.text), mutant.start, mutant.end)
        # A verdict on the quote shows the extractor found it (with the speaker it gives);
        # only without one is the draft extracted again to tell a harness defect from a miss.
        if (f is None or (mutant.speaker and f.speaker != mutant.speaker)) and not still_found(mutant):
            outcomes.append(Outcome(doc.doc_id, mutant.mutation, mutant.verdict, NONE, quote, line, broken=True))
            continue
        outcomes.append(Outcome(doc.doc_id, mutant.mutation, mutant.verdict, f.verdict if f else NONE,
                                quote, line, severity=f.severity if f else None))
    return outcomes, errors


def make_checker(name: str, text: str) -> Checker:
    """``check.check`` of a draft against one source, the article ``text`` (read once)."""
    source = sources.source_from_text(text, name)
    return lambda draft: check.check(draft, DRAFT, sources=[source])


def run(paths: Sequence[str], out: TextIO, *, seed: int = 0, misses: bool = True) -> int:
    """Mutate each source in ``paths`` (default: the sample articles shipped with the package,
    :func:`quotetrack.read.inputs.sample_paths`), check every draft, and write the confusion
    table and accuracies to ``out``.

    Returns 0 when the accuracy over the scored mutations is at least 0.98 and no
    unmutated draft has an error-level finding, 1 otherwise (or when a source could not
    be read).  With ``misses`` (the default) every
    wrong verdict is listed under the tables, as ``SOURCE:LINE: mutation: intended ->
    reported: quote``.
    """
    paths = list(paths) or reader.sample_paths()
    outcomes: list[Outcome] = []
    errors: list[Finding] = []
    failed = 0
    for item in reader.iter_inputs(paths):
        if isinstance(item, reader.InputError):
            report(item.source, item.message)
            failed += 1
            continue
        doc = pipeline.extract(item.text, doc_id=item.doc_id)
        done, wrong = score_source(doc, make_checker(item.doc_id, item.text), seed)
        outcomes += done
        errors += wrong
    accuracy = write_report(outcomes, errors, out, misses=misses)
    if failed or accuracy is None:
        return EXIT_FAILED
    return EXIT_OK if accuracy >= TARGET and not errors else EXIT_FAILED


# --- the report ----------------------------------------------------------------------------------------

def confusion(outcomes: Sequence[Outcome]) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Rows (intended verdicts), columns (reported verdicts, the intended ones included)
    and counts of the scored outcomes.

    >>> rows, cols, counts = confusion([Outcome("a", "number", "number-changed", "altered", "q", 1)])
    >>> rows, cols, counts[("number-changed", "altered")]
    (['number-changed'], ['altered', 'number-changed'], 1)
    """
    counts: dict[tuple[str, str], int] = {}
    for o in outcomes:
        if not o.broken:
            key = (o.intended, o.reported)
            counts[key] = counts.get(key, 0) + 1
    rows = _ordered({k[0] for k in counts})
    cols = _ordered({k[1] for k in counts} | set(rows))
    return rows, cols, counts


def _ordered(verdicts: set[str]) -> list[str]:
    order = [*QUOTE_VERDICTS, NONE]
    return sorted(verdicts, key=lambda v: (order.index(v) if v in order else len(order), v))


def write_report(outcomes: Sequence[Outcome], errors: Sequence[Finding], out: TextIO,
                 misses: bool = False) -> float | None:
    """Write the confusion table, accuracy per mutation and overall, and the errors on
    unmutated drafts; return the overall accuracy over mutations (None with none scored)."""
    from tabulate import tabulate

    mutated = [o for o in outcomes if o.mutation != UNMUTATED]
    rows, cols, counts = confusion(outcomes)
    table = [[r] + [counts.get((r, c), 0) or "" for c in cols] for r in rows]
    out.write("Confusion (rows: intended verdict, columns: reported verdict; "
              "the verified and too-short rows are the quotes of the unmutated article)\n")
    out.write(tabulate(table, headers=["intended \\ reported"] + cols, disable_numparse=True) + "\n\n")
    per = []
    for name in MUTATIONS:
        mine = [o for o in mutated if o.mutation == name]
        scored = [o for o in mine if not o.broken]
        right = sum(o.correct for o in scored)
        per.append([name, mine[0].intended if mine else "", len(scored), right,
                    f"{right / len(scored):.3f}" if scored else "-", len(mine) - len(scored)])
    out.write(tabulate(per, headers=["mutation", "intended", "drafts", "correct", "accuracy",
                                     "broke extraction"], disable_numparse=True) + "\n\n")
    scored = [o for o in mutated if not o.broken]
    accuracy = sum(o.correct for o in scored) / len(scored) if scored else None
    rates = [float(row[4]) for row in per if row[4] != "-"]
    plain = [o for o in outcomes if o.mutation == UNMUTATED]
    out.write(f"mutations: {sum(o.correct for o in scored)}/{len(scored)} reported as intended"
              f" (accuracy {accuracy:.3f}; target {TARGET})\n" if scored else "mutations: none scored\n")
    if rates:
        lowest = sorted((row for row in per if row[4] != "-"), key=lambda r: r[4])[:3]
        out.write(f"mean of the per-mutation accuracies: {sum(rates) / len(rates):.3f}; lowest: "
                  + ", ".join(f"{row[0]} {row[4]}" for row in lowest) + "\n")
    out.write(f"broke extraction (harness defects, not scored): {len(mutated) - len(scored)}\n")
    left_out = sum(o.broken for o in plain)
    plain = [o for o in plain if not o.broken]
    out.write(f"unmutated quotes reported as intended (verified, or too-short under {SHORT_WORDS} words): "
              f"{sum(o.correct for o in plain)}/{len(plain)}\n")
    out.write(f"unmutated rewrites left out (the rewrite changed extraction): {left_out}\n")
    out.write(f"error-level findings on unmutated drafts: {len(errors)}\n")
    for f in errors:
        out.write(f"  {f.file}:{f.line}:{f.column}: {f.verdict}: {_short(f.quote or f.message)}\n")
    if misses:
        wrong = [o for o in outcomes if not o.broken and not o.correct]
        out.write(f"\nwrong verdicts: {len(wrong)}\n")
        for o in wrong:
            out.write(f"  {o.source}:{o.line}: {o.mutation}: {o.intended} -> {o.reported}: {_short(o.quote)}\n")
    return accuracy


def _short(text: str, width: int = 90) -> str:
    return shorten(text, width)

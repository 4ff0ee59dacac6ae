"""Draft checks: what ``quotetrack check`` reports on a draft before it is filed.

:func:`check` extracts the draft's quotes, runs every source-free check in
:data:`CHECKS` (one small function each, in order), then, when sources are given,
holds each quote against them (:func:`quotetrack.check.verify.verify_quotes`), and
returns the :class:`~quotetrack.model.Finding` records sorted by position.

Source-free checks (their severities are in ``data/check/check_verdicts.tsv``):

unbalanced-quote
    a quote mark opened and never closed (a multi-paragraph quote whose paragraphs
    each reopen is fine), or a closing mark never opened; from the quote scanner.
    Marks inside markup tags are left alone.
unattributed
    a direct or mixed quote with no speaker and no attributed quote just before it
    that it could continue, and nothing that plainly introduces it (a colon before it,
    a speech cue after it in its sentence, someone speaking in the sentence before);
    not in the headline, not a title followed by "by" and its author.
pronoun-before-name
    "he said" / "she said" with no person named before it (nor anyone a title or a
    noun such as "the spokesman" introduced).
ambiguous-speaker
    "he said" / "she said" when two or more people it could be are named just before as
    subjects of main clauses ("Esper and Gantz met …"), and the speaker just before is not
    the one going on.
name-inconsistent
    one person spelled two ways ("Gantz" / "Gants"), a surname used as a subject before
    the full name (or any titled mention) was given, or two different offices for one
    person ("Defense Minister" / "Foreign Minister").

The writers of findings are in :mod:`quotetrack.write.findings`.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

from .. import pipeline
from ..config import Config
from ..model import Document, Finding
from . import verify
from .draft import NO_CLAIMS, Draft, prepare
from .pronouns import (
    check_ambiguous_speaker, check_pronoun_before_name, check_unattributed, check_unbalanced)
from .names import check_names


# The source-free checks, verdict -> function, in the order they run.
CHECKS: dict[str, Callable[[Draft], list[Finding]]] = {
    "unbalanced-quote": check_unbalanced,
    "unattributed": check_unattributed,
    "pronoun-before-name": check_pronoun_before_name,
    "ambiguous-speaker": check_ambiguous_speaker,
    "name-inconsistent": check_names,
}


def cited_sources(doc: Document, labels: Mapping[str, str]) -> dict[int, str]:
    """Quote index -> the source its sentence names, outside the quoted words: with
    ``{"briefing": "briefing.txt"}``, “…,” Okafor said at the briefing cites briefing.txt.
    A sentence that names two labelled sources cites neither.

    >>> doc = pipeline.extract("“We will sign,” Ortiz said in a press release.")
    >>> cited_sources(doc, {"press release": "release.txt", "briefing": "briefing.txt"})
    {0: 'release.txt'}
    """
    patterns = {name: re.compile(rf"(?<!\w){re.escape(label)}(?!\w)", re.IGNORECASE)
                for label, name in labels.items()}
    out: dict[int, str] = {}
    for i, quote in enumerate(doc.quotes):
        around = quote.context.replace(quote.text, " ")
        named = {name for name, pattern in patterns.items() if pattern.search(around)}
        if len(named) == 1:
            out[i] = named.pop()
    return out


def check(text: str, file: str, sources: Sequence = (), config: Config | None = None,
          labels: Mapping[str, str] | None = None) -> list[Finding]:
    """Every finding on a draft, sorted by position: the source-free checks, then, with
    ``sources`` (from :func:`quotetrack.check.verify.load_source`), one verdict per quote.
    ``labels`` name sources as a draft cites them ({"press release": "release.txt"}):
    a quote whose sentence names one is held to that source (see :func:`cited_sources`).

    >>> [(f.line, f.column, f.severity, f.verdict) for f in check("“We will win,” he said.", "draft.txt")]
    [(1, 16, 'error', 'pronoun-before-name')]
    """
    doc = pipeline.extract(text, file, config or NO_CLAIMS)
    draft = prepare(doc, file)
    findings: list[Finding] = []
    for fn in CHECKS.values():
        findings.extend(fn(draft))
    if sources:
        # A quote whose mark never closes runs on to its paragraph's end, over the cue and
        # the narrative: its one finding is unbalanced-quote, not a verdict on words that were
        # never quoted (issue 12: it also got error[spliced]).
        unclosed = {f.start for f in findings if f.verdict == "unbalanced-quote"}
        findings.extend(f for f in verify.verify_quotes(doc, file, sources, cited_sources(doc, labels or {}))
                        if f.start not in unclosed)
    order = {name: i for i, name in enumerate(CHECKS)}
    findings.sort(key=lambda f: (f.start, f.end, order.get(f.verdict, len(order)), f.verdict))
    return findings

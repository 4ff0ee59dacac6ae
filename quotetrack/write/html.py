"""HTML pages: an article with its statements marked, a draft with its findings marked.

Each page is one self-contained file: its style and script are inline, it loads
nothing (a Content-Security-Policy forbids it), and every piece of article or
draft text is escaped, so a ``<script>`` or ``onerror=`` in a text shows as text.

The markup is a contract other tools rely on:

- a statement is one ``<mark class="qt-quote" data-index="I" data-speaker="NAME"
  data-kind="KIND">`` a fragment, all with the quote's index in the JSON output;
- its speaker mention is a ``<span class="qt-speaker">``, its cue a ``<span class="qt-cue">``;
- a checked quote of a draft is ``<mark class="qt-finding" data-verdict="VERDICT"
  data-severity="SEVERITY">``.

The text is laid out once, from offsets (:func:`layer`): elements that cross are
split at the crossing, never re-found by searching the text.
"""
from __future__ import annotations

import base64
import hashlib
import heapq
import re
from dataclasses import dataclass
from html import escape
from importlib import resources
from typing import Callable, Iterable, Sequence, TextIO

from ..model import SEVERITIES, Document, Finding, Quote, cue_text, mention_text

# Speaker colours: light backgrounds under dark text (#1b1b1b), each with a contrast of at
# least 4.5:1 (tests/write/test_html.py measures them); a page with more speakers repeats them.
TEXT_COLOUR = "#1b1b1b"
SPEAKER_COLOURS = ("#ffe08a", "#b8e1ff", "#c8f0c0", "#ffc9de", "#e0d0ff", "#ffd6b0",
                   "#b9f0ec", "#f0e6c8", "#d9e8a0", "#f5c6c6")
UNKNOWN_COLOUR = "#e4e4e4"
SEVERITY_COLOURS = {"error": "#ffc7c7", "warning": "#ffe3a3", "info": "#cfeecf"}
UNKNOWN_SPEAKER = "(unknown)"
SOURCE_WINDOW = 320        # characters of a source line shown beside a finding

# Element ranks: at equal offsets a lower rank is the outer element.
RANK_FINDING, RANK_QUOTE, RANK_SPEAKER, RANK_CUE = 0, 1, 2, 3

# "[-old-] {+new+}", the word diff of a finding: removed and added runs.
_DIFF_PART = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


@dataclass(frozen=True, order=True)
class Element:
    """A tag around ``text[start:end]``: ``opening`` is the whole start tag, ``closing`` the end tag."""
    start: int
    end: int
    rank: int
    opening: str
    closing: str


def attributes(**attrs: object) -> str:
    """`` name="value"`` pairs, escaped; None values are left out, ``_`` in names becomes ``-``.

    >>> attributes(class_="qt-quote", data_index=3, title=None, data_speaker='A "B" <C>')
    ' class="qt-quote" data-index="3" data-speaker="A &quot;B&quot; &lt;C&gt;"'
    """
    out = []
    for name, value in attrs.items():
        if value is None:
            continue
        out.append(f' {name.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"')
    return "".join(out)


def layer(text: str, elements: Iterable[Element]) -> str:
    """``text`` escaped, with every element's tags around its span, properly nested.

    An element that crosses the end of an enclosing one is split there, and its
    remainder goes on after it (both pieces carry the same attributes).  Empty spans
    are left out.

    >>> e = [Element(0, 5, 1, "<b>", "</b>"), Element(3, 8, 1, "<i>", "</i>")]
    >>> layer("<abc>fgh", e)
    '<b>&lt;ab<i>c&gt;</i></b><i>fgh</i>'
    """
    heap = [e for e in elements if 0 <= e.start < e.end <= len(text)]
    heap = [(e.start, -e.end, e.rank, i, e) for i, e in enumerate(heap)]
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[Element] = []
    pos = 0
    seq = len(heap)

    def close_to(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(escape(text[pos:top.end], quote=False) + top.closing)
            pos = top.end

    while heap:
        _, _, _, _, e = heapq.heappop(heap)
        close_to(e.start)
        if stack and e.end > stack[-1].end:          # crosses: split at the enclosing end
            cut = stack[-1].end
            seq += 1
            heapq.heappush(heap, (cut, -e.end, e.rank, seq, Element(cut, e.end, e.rank, e.opening, e.closing)))
            e = Element(e.start, cut, e.rank, e.opening, e.closing)
        out.append(escape(text[pos:e.start], quote=False) + e.opening)
        pos = e.start
        stack.append(e)
    close_to(len(text))
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


# --- page frame -----------------------------------------------------------------------------

def _asset(name: str) -> str:
    return resources.files("quotetrack.write").joinpath("assets", name).read_text(encoding="utf-8")


def _csp(script: str, forms: bool = False) -> str:
    """A policy that allows the page's own style and this one script, and loads nothing;
    with ``forms`` a form may post to the page's own server."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    action = "'self'" if forms else "'none'"
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
            f"img-src data:; form-action {action}; base-uri 'none'")


def page(title: str, body: str, extra_style: str = "", forms: bool = False) -> str:
    """A whole HTML document around ``body`` (already markup), with the shared style and script;
    ``forms``: the page holds a form that posts to its own server."""
    script = _asset("page.js")
    style = _asset("page.css") + extra_style
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{escape(_csp(script, forms))}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>\n{style}</style>\n</head>\n<body>\n"
        f"{body}\n<div id=\"qt-tip\" role=\"tooltip\" hidden></div>\n"
        f"<script>{script}</script>\n</body>\n</html>\n")


def colour_style() -> str:
    """The CSS classes ``qt-c0``... of :data:`SPEAKER_COLOURS` and ``qt-cu`` for unknown."""
    rules = [f".qt-c{i}{{--qt-bg:{c}}}" for i, c in enumerate(SPEAKER_COLOURS)]
    rules.append(f".qt-cu{{--qt-bg:{UNKNOWN_COLOUR}}}")
    rules += [f'[data-severity="{s}"]{{--qt-bg:{c}}}' for s, c in SEVERITY_COLOURS.items()]
    return "\n".join(rules) + "\n"


# --- extract page ---------------------------------------------------------------------------

def speaker_label(quote: Quote) -> str:
    """The name a quote is filed under in the legend: the resolved speaker, else as written."""
    return quote.speaker or mention_text(quote) or UNKNOWN_SPEAKER


def speaker_counts(doc: Document) -> list[tuple[str, int]]:
    """(speaker, statements) of a document, most statements first, then by name."""
    counts: dict[str, int] = {}
    for q in doc.quotes:
        counts[speaker_label(q)] = counts.get(speaker_label(q), 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))


def colour_classes(counts: Sequence[tuple[str, int]]) -> dict[str, str]:
    """Speaker -> colour class, in legend order; the unknown speaker is grey."""
    out: dict[str, str] = {}
    k = 0
    for name, _ in counts:
        if name == UNKNOWN_SPEAKER:
            out[name] = "qt-cu"
        else:
            out[name] = f"qt-c{k % len(SPEAKER_COLOURS)}"
            k += 1
    return out


def quote_elements(doc: Document, d: int, colours: dict[str, str]) -> list[Element]:
    """The marks, speaker spans and cue spans of one document (``d`` numbers it in the page)."""
    out: list[Element] = []
    spans: dict[tuple[int, int, str], list[int]] = {}
    for i, q in enumerate(doc.quotes):
        name = speaker_label(q)
        for k, (s, e) in enumerate(q.fragments):
            opening = "<mark" + attributes(
                class_=f"qt-quote {colours[name]}", data_index=i, data_speaker=name, data_kind=q.kind,
                data_fragment=k, id=f"d{d}-q{i}" if k == 0 else None, tabindex=0,
                data_mention=mention_text(q), data_title=q.speaker_title, data_cue=cue_text(q),
                data_rule=q.rule, data_follows=q.follows,
                aria_describedby=f"d{d}-row{i}") + ">"
            out.append(Element(s, e, RANK_QUOTE, opening, "</mark>"))
        if q.mention is not None:
            spans.setdefault((q.mention.start, q.mention.end, "qt-speaker"), []).append(i)
        if q.cue is not None:
            spans.setdefault((q.cue.start, q.cue.end, "qt-cue"), []).append(i)
    for (s, e, cls), indexes in spans.items():
        rank = RANK_SPEAKER if cls == "qt-speaker" else RANK_CUE
        opening = "<span" + attributes(class_=cls, data_for=" ".join(map(str, indexes))) + ">"
        out.append(Element(s, e, rank, opening, "</span>"))
    return out


def _cell(value: object) -> str:
    return "<td>" + ("" if value is None else escape(" ".join(str(value).split()), quote=False)) + "</td>"


def quote_table(doc: Document, d: int) -> str:
    """The table of a document's statements, one row a quote, linked to its first mark."""
    head = "".join(f"<th scope=\"col\">{h}</th>" for h in (
        "#", "speaker", "as written", "title", "kind", "cue", "quote", "para.sent", "rule"))
    rows = []
    for i, q in enumerate(doc.quotes):
        follows = (f" <a href=\"#d{d}-q{q.follows}\">(continues #{q.follows})</a>"
                   if q.follows is not None else "")
        rows.append(
            f"<tr id=\"d{d}-row{i}\" data-index=\"{i}\"><td><a href=\"#d{d}-q{i}\">{i}</a></td>"
            + _cell(speaker_label(q)) + _cell(mention_text(q)) + _cell(q.speaker_title)
            + _cell(q.kind) + _cell(cue_text(q)) + "<td>" + escape(" ".join(q.text.split()), quote=False)
            + follows + "</td>" + _cell(f"{q.paragraph}.{q.sentence}") + _cell(q.rule) + "</tr>")
    return (f"<table class=\"qt-table\"><caption>Statements</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def legend(counts: Sequence[tuple[str, int]], colours: dict[str, str]) -> str:
    """Buttons, one a speaker with its count; a click shows only that speaker's statements."""
    items = "".join(
        f"<li><button type=\"button\" class=\"qt-filter {colours[name]}\""
        f"{attributes(data_speaker=name)} aria-pressed=\"false\">"
        f"{escape(name, quote=False)} <span class=\"qt-count\">{n}</span></button></li>"
        for name, n in counts)
    return f"<ul class=\"qt-legend\" aria-label=\"Speakers (click to show only one)\">{items}</ul>"


def document_section(doc: Document, d: int) -> str:
    """One document: heading, legend, marked text, table."""
    counts = speaker_counts(doc)
    colours = colour_classes(counts)
    n = len(doc.quotes)
    body = layer(doc.text, quote_elements(doc, d, colours))
    parts = [f"<section class=\"qt-doc\" id=\"d{d}\"{attributes(data_doc_id=doc.doc_id)}>",
             f"<h2>{escape(doc.doc_id, quote=False)} <small>({n} statement{'' if n == 1 else 's'})</small></h2>"]
    if n:
        parts.append(legend(counts, colours))
    parts.append(f"<div class=\"qt-text\">{body}</div>")
    parts.append(quote_table(doc, d) if n else "<p class=\"qt-none\">(no quotes found)</p>")
    parts.append("</section>")
    return "\n".join(parts)


def extract_page(docs: Sequence[Document], nav: str = "") -> str:
    """One page for ``docs``: an index when there are several, then each document; ``nav``
    (markup) goes first, as the server's link back to its form."""
    title = docs[0].doc_id if len(docs) == 1 else f"{len(docs)} documents"
    parts = [nav + f"<header><h1>quotetrack: {escape(title, quote=False)}</h1>"
             "<p class=\"qt-help\">Each statement is marked in its speaker's colour. Hover over "
             "or tab to a mark for its speaker, cue and rule; click a speaker to show only "
             "their statements.</p></header>"]
    if len(docs) > 1:
        items = "".join(f"<li><a href=\"#d{d}\">{escape(doc.doc_id, quote=False)}</a> "
                        f"({len(doc.quotes)})</li>" for d, doc in enumerate(docs, 1))
        parts.append(f"<nav class=\"qt-index\" aria-label=\"Documents\"><ol>{items}</ol></nav>")
    parts += [document_section(doc, d) for d, doc in enumerate(docs, 1)]
    parts.append("<main></main>" if not docs else "")
    return page(f"quotetrack: {title}", "<main>" + "\n".join(parts) + "</main>", colour_style())


def write_html(docs: Iterable[Document], out: TextIO) -> None:
    """Write ``docs`` as one self-contained HTML page (the documents are gathered first)."""
    out.write(extract_page(list(docs)))


# --- check page -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CheckedDraft:
    """A draft as checked: its name, its text and its findings."""
    name: str
    text: str
    findings: tuple[Finding, ...]


def diff_html(diff: str) -> str:
    """A word diff ``[-old-] {+new+}`` as ``<del>``/``<ins>``, the rest escaped.

    >>> diff_html("[-18-] {+24+} <x>")
    '<del>18</del> <ins>24</ins> &lt;x&gt;'
    """
    out, pos = [], 0
    for m in _DIFF_PART.finditer(diff):
        out.append(escape(diff[pos:m.start()], quote=False))
        if m.group(1) is not None:
            out.append(f"<del>{escape(m.group(1), quote=False)}</del>")
        else:
            out.append(f"<ins>{escape(m.group(2), quote=False)}</ins>")
        pos = m.end()
    out.append(escape(diff[pos:], quote=False))
    return "".join(out)


def source_window(line: str, quote: str, width: int = SOURCE_WINDOW) -> str:
    """The part of a source line where ``quote`` most likely sits, at most ``width`` characters.

    >>> source_window("a " * 300 + "the rare phrase here", "rare phrase", 30)
    '…a a a a a the rare phrase here'
    """
    line = " ".join(line.split())
    if len(line) <= width:
        return line
    words = sorted(re.findall(r"\w{4,}", quote), key=len, reverse=True)
    at = next((p for p in (line.casefold().find(w.casefold()) for w in words) if p >= 0), 0)
    start = max(0, min(at - width // 3, len(line) - width))
    return ("…" if start else "") + line[start:start + width] + ("…" if start + width < len(line) else "")


def finding_elements(checked: CheckedDraft, d: int) -> list[Element]:
    """One mark a finding with a span in the draft."""
    out = []
    for k, f in enumerate(checked.findings):
        opening = "<mark" + attributes(
            class_="qt-finding", data_verdict=f.verdict, data_severity=f.severity, tabindex=0,
            id=f"d{d}-m{k}", data_message=f.message, data_diff=f.diff or None, aria_describedby=f"d{d}-f{k}") + ">"
        out.append(Element(f.start, f.end, RANK_FINDING, opening, "</mark>"))
    return out


def finding_item(f: Finding, d: int, k: int, source_text: Callable[[str, int], str | None]) -> str:
    """A finding in the list beside the draft: position, verdict, message, diff, source sentence."""
    where = (f"<a href=\"#d{d}-m{k}\">{f.line}:{f.column}</a>" if f.end > f.start
             else f"{f.line}:{f.column}")
    parts = [f"<li id=\"d{d}-f{k}\"{attributes(data_severity=f.severity, data_verdict=f.verdict)}>"
             f"{where} <strong>{escape(f.severity)}[{escape(f.verdict)}]</strong> "
             f"{escape(' '.join(f.message.split()), quote=False)}"]
    if f.diff:
        parts.append(f"<div class=\"qt-diff\">{diff_html(f.diff)}</div>")
    if f.source and f.source_line:
        line = source_text(f.source, f.source_line)
        said = f", {escape(f.source_speaker, quote=False)}" if f.source_speaker else ""
        parts.append(f"<blockquote class=\"qt-source\"><cite>{escape(f.source, quote=False)}:"
                     f"{f.source_line}{said}</cite>"
                     + (f"<p>{escape(source_window(line, f.quote), quote=False)}</p>" if line else "")
                     + "</blockquote>")
    return "".join(parts) + "</li>"


def count_summary(findings: Iterable[Finding]) -> str:
    """Counts by severity and by verdict, as a paragraph and a list."""
    by_severity = {s: 0 for s in SEVERITIES}
    by_verdict: dict[str, int] = {}
    for f in findings:
        by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
        by_verdict[f.verdict] = by_verdict.get(f.verdict, 0) + 1
    sev = ", ".join(f"<span class=\"qt-badge\" data-severity=\"{escape(s)}\">{n} {escape(plural(n, s))}</span>"
                    for s, n in by_severity.items())
    verdicts = ", ".join(f"{escape(v)} {n}" for v, n in sorted(by_verdict.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"<p class=\"qt-summary\">{sev}</p>" + (f"<p class=\"qt-verdicts\">{verdicts}</p>" if verdicts else "")


def plural(n: int, word: str) -> str:
    """``word`` as a count of ``n`` writes it: error -> errors; info stays info.

    >>> plural(1, "error"), plural(2, "warning"), plural(3, "info")
    ('error', 'warnings', 'info')
    """
    return word if n == 1 or word == "info" else word + "s"


def check_section(checked: CheckedDraft, d: int, source_text: Callable[[str, int], str | None]) -> str:
    """One draft: its counts, the marked text, and the list of findings beside it."""
    body = layer(checked.text, finding_elements(checked, d))
    items = "".join(finding_item(f, d, k, source_text) for k, f in enumerate(checked.findings))
    return (f"<section class=\"qt-doc qt-check\" id=\"d{d}\"{attributes(data_doc_id=checked.name)}>"
            f"<h2>{escape(checked.name, quote=False)}</h2>{count_summary(checked.findings)}"
            f"<div class=\"qt-columns\"><div class=\"qt-text\">{body}</div>"
            f"<ol class=\"qt-findings\" aria-label=\"Findings\">{items or '<li>(no findings)</li>'}</ol>"
            "</div></section>")


def check_page(drafts: Sequence[CheckedDraft], source_text: Callable[[str, int], str | None] = lambda s, n: None,
               nav: str = "") -> str:
    """One page for the checked drafts: the counts of all of them, then each draft; ``nav``
    (markup) goes first."""
    every = [f for c in drafts for f in c.findings]
    title = drafts[0].name if len(drafts) == 1 else f"{len(drafts)} drafts"
    head = (nav + f"<header><h1>quotetrack check: {escape(title, quote=False)}</h1>"
            f"{count_summary(every) if len(drafts) > 1 else ''}"
            "<p class=\"qt-help\">Each checked quote is marked by severity. Hover over or tab to "
            "a mark for its verdict; the list beside the draft gives the word diff and the "
            "source.</p></header>")
    sections = [check_section(c, d, source_text) for d, c in enumerate(drafts, 1)]
    return page(f"quotetrack check: {title}", "<main>" + head + "\n".join(sections) + "</main>", colour_style())


def form_page(body: str, title: str = "quotetrack") -> str:
    """A page around a form (``body``, markup) that posts to the server that sent it."""
    return page(title, f"<main>{body}</main>", colour_style(), forms=True)

"""Run the extraction stages: text -> Document (without claims; :mod:`quotetrack.pipeline`
adds them).

    segment -> furniture -> quotes -> cues/attribute -> speakers -> Quote records

A transcript (``SPEAKER: text`` lines or the CLEF TSV) becomes a Document whose quotes
are its turns (:func:`transcript_document`), so the claims stage and every writer work on
it unchanged.

Every stage works on offsets into the text as given; nothing rewrites it.
"""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, Mapping, NamedTuple


from . import attribute as attribution
from . import furniture, quotes, resolve, segment
from .resolved import Resolved
from ..read import transcript
from ..text import mojibake
from ..config import Config
from ..model import TRANSCRIPT_RULE, Document, Entity, Mention, Paragraph, Quote, QuotedSpan, Sentence

_TRIM = " \t\r\n.,;:"


def run(text: str, doc_id: str, config: Config, meta: Mapping[str, Any] | None = None
        ) -> tuple[Document, frozenset[int]]:
    """Every attributed statement in ``text``, and the paragraphs that are page furniture.

    >>> doc, _ = run("The deal was fair, Gantz said.", "<text>", Config())
    >>> q = doc.quotes[0]
    >>> (q.kind, q.text, q.speaker, q.cue.text, q.rule)
    ('indirect', 'The deal was fair', 'Gantz', 'said', 'tail')
    """
    read = mojibake.mask(text)            # "TomÃ¡s" read as "Tomaas": one word, same offsets
    paras = segment.paragraphs(read)
    sents = segment.sentences(read, paras, config.max_sentence_chars, config.piece_chars)
    spans, warnings = quotes.scan(read, paras)
    top = quotes.top_level(spans)
    skip = furniture.boilerplate_paragraphs(read, paras)
    interview = attribution.document_interview(read, paras, skip)   # read once
    attrs = attribution.attribute(read, paras, sents, top, skip, config, interview)
    resolved, entities = resolve.resolve(read, attrs, paras, skip, sents,
                                         [(q.start, q.end) for q in top], interview)
    if read is not text:
        attrs, resolved, entities, warnings = _as_written(text, read, attrs, resolved, entities, warnings)
    unclosed = {w.start: w.message for w in warnings if w.code == "unbalanced-quote"}
    open_ends = {s.end: unclosed.get(s.start, quotes.UNCLOSED) for s in top if not s.closed}
    index = _Index([p.start for p in paras], [s.start for s in sents], [q.start for q in top])
    records: list[Quote] = []
    kept: dict[int, int] = {}             # attribution index -> record index
    for i, (a, r) in enumerate(zip(attrs, resolved)):
        quote = _record(text, paras, sents, top, a, r, open_ends, index, config)
        if _keep(quote, config):
            if a.follows is not None:
                quote = replace(quote, follows=kept.get(a.follows))
            kept[i] = len(records)
            records.append(quote)
    doc = Document(doc_id=doc_id, text=text, quotes=tuple(records), paragraphs=paras,
                   sentences=sents, entities=entities, warnings=tuple(warnings), meta=dict(meta or {}))
    return doc, skip


def _as_written(text: str, read: str, attrs: list, resolved: list, entities: tuple[Entity, ...], warnings: list):
    """What was read from the masked text (:mod:`..text.mojibake`): cues, speakers, entities
    and warnings, in the words as ``text`` writes them."""
    unmask = mojibake.unmasker(text, read)

    def mention(m: Mention | None) -> Mention | None:
        return m if m is None else replace(m, text=text[m.start:m.end], title=unmask(m.title), name=unmask(m.name))
    attrs = [replace(a, cue=replace(a.cue, text=text[a.cue.start:a.cue.end])) if a.cue is not None else a
             for a in attrs]
    resolved = [replace(r, mention=mention(r.mention), speaker=unmask(r.speaker), title=unmask(r.title),
                        warning=unmask(r.warning)) for r in resolved]
    entities = tuple(replace(e, name=unmask(e.name), title=unmask(e.title), roles=tuple(map(unmask, e.roles)),
                             mentions=tuple(map(mention, e.mentions))) for e in entities)
    return attrs, resolved, entities, [replace(w, message=unmask(w.message)) for w in warnings]


def transcript_document(text: str, doc_id: str, meta: Mapping[str, Any] | None = None) -> Document:
    """A transcript as a Document: each turn is a direct quote of its speaker (rule
    ``"transcript"``), each turn a paragraph; offsets stay into ``text``.  Raises
    :class:`quotetrack.read.transcript.TranscriptError` if ``text`` is not a transcript.

    >>> doc = transcript_document("SMITH: We cut taxes.\\nJONES: You did not.\\n", "<text>")
    >>> [(q.speaker, q.text, q.rule) for q in doc.quotes]
    [('SMITH', 'We cut taxes.', 'transcript'), ('JONES', 'You did not.', 'transcript')]
    """
    turns = [t for t in transcript.parse(text, doc_id) if t.end > t.start]
    paras = tuple(Paragraph(i, t.start, t.end) for i, t in enumerate(turns, 1))
    sents = segment.sentences(text, paras)
    starts = [s.start for s in sents]
    records, mentions = [], {}
    for para, turn in zip(paras, turns):
        mention = _label_mention(text, turn)
        if mention is not None:
            mentions.setdefault(turn.speaker, []).append(mention)
        elif turn.speaker:
            mentions.setdefault(turn.speaker, [])
        first = _sentence_index(starts, turn.start)
        records.append(Quote(
            kind="direct", text=text[turn.start:turn.end], start=turn.start, end=turn.end,
            fragments=((turn.start, turn.end),), speaker=turn.speaker, speaker_title=None,
            speaker_type="person" if turn.speaker else "unknown", mention=mention, cue=None,
            paragraph=para.index, sentence=first + 1,
            context=text[turn.start:turn.end], context_start=turn.start, context_end=turn.end,
            rule=TRANSCRIPT_RULE, speaker_basis="named" if turn.speaker else "unresolved",
            speaker_id=list(mentions).index(turn.speaker) if turn.speaker else None))
    entities = tuple(Entity(name, "person", mentions=tuple(found)) for name, found in mentions.items())
    return Document(doc_id=doc_id, text=text, quotes=tuple(records), paragraphs=paras,
                    sentences=sents, entities=entities, meta=dict(meta or {}))


def _label_mention(text: str, turn) -> Mention | None:
    """The speaker label of a turn as written on its line, before the turn's text."""
    line_start = text.rfind("\n", 0, turn.start) + 1
    at = text.rfind(turn.speaker, line_start, turn.start) if turn.speaker else -1
    if at < 0:
        return None
    return Mention(at, at + len(turn.speaker), turn.speaker, "person", name=turn.speaker)


def _keep(quote: Quote, config: Config) -> bool:
    if quote.kind == "indirect" and not config.indirect:
        return False
    if config.attributions == "speech" and quote.kind == "indirect" and quote.cue is not None \
            and quote.cue.type != "speech":
        return False                  # "accused the minister of “playing games”" stays: its words are quoted
    if quote.rule == "floating" and not config.floating:
        return False
    return True


class _Index(NamedTuple):
    """Start offsets of paragraphs, sentences and top-level quotes, for bisection."""
    paras: list[int]
    sents: list[int]
    quotes: list[int]


def _split_paragraphs(paras: tuple[Paragraph, ...], starts: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """One fragment per paragraph a span runs over."""
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    out = []
    while i < len(paras) and paras[i].start < end:
        s, e = max(start, paras[i].start), min(end, paras[i].end)
        if e > s:
            out.append((s, e))
        i += 1
    return out or [(start, end)]


def kind_of(text: str, fragments: list[tuple[int, int]], top: list[QuotedSpan],
            starts: list[int] | None = None) -> str:
    """direct (every fragment is a quoted passage), mixed (some quoted words), indirect (none)."""
    starts = [q.start for q in top] if starts is None else starts
    whole = True
    any_quote = False
    for s, e in fragments:
        i = bisect.bisect_left(starts, s)
        inside = False
        at = s                            # the text outside the quotes, read once, left to right
        while i < len(top) and top[i].start < e:
            if top[i].end <= e:
                inside = any_quote = True
                whole = whole and _only(text, at, top[i].start, _TRIM)
                at = max(at, top[i].end)
            i += 1
        if not inside or not _only(text, at, e, _TRIM):
            whole = False
    if any_quote and whole:
        return "direct"
    return "mixed" if any_quote else "indirect"


def _quotes_in(top: list[QuotedSpan], starts: list[int], fragments) -> list[QuotedSpan]:
    """The top-level quoted spans inside the fragments."""
    out = []
    for s, e in fragments:
        i = bisect.bisect_left(starts, s)
        while i < len(top) and top[i].start < e:
            if top[i].end <= e:
                out.append(top[i])
            i += 1
    return out


ELLIPSIS = "…"


def context_window(text: str, lo: int, hi: int, start: int, end: int, limit: int) -> tuple[str, int, int]:
    """The context of content text[start:end] in its sentences text[lo:hi]: the sentences when
    they are at most ``limit`` characters, else a window of at most ``limit`` characters
    around the content (its opening, when the content alone is longer), cut at white space,
    with "…" where it cuts.  Returns (context, context_start, context_end), where
    ``context == ("…" if context_start > lo else "") + text[context_start:context_end]
    + ("…" if context_end < hi else "")``.

    >>> context_window("Yes, one two three four five six.", 0, 33, 13, 18, 16)
    ('…two three four…', 9, 23)
    """
    if hi - lo <= limit:
        return text[lo:hi], lo, hi
    margin = max(0, (limit - (end - start)) // 2)
    a = max(lo, start - margin)
    b = min(hi, a + limit)
    a = max(lo, min(a, b - limit))
    if a > lo and not text[a - 1].isspace():      # start at a word
        cut = text.find(" ", a, min(start, b))
        a = cut + 1 if cut >= 0 else a
    if b < hi and not text[b].isspace():          # end at a word
        cut = text.rfind(" ", max(a, min(end, b)), b)
        b = cut if cut > a else b
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (ELLIPSIS if a > lo else "") + text[a:b] + (ELLIPSIS if b < hi else ""), a, b


def _only(text: str, start: int, end: int, chars: str) -> bool:
    """Is text[start:end] made of ``chars`` only?"""
    return all(c in chars for c in text[start:end])


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _record(text: str, paras: tuple[Paragraph, ...], sents: tuple[Sentence, ...], top: list[QuotedSpan],
            a: attribution.Attribution, r: Resolved, open_ends: dict[int, str], index: "_Index",
            config: Config) -> Quote:
    fragments: list[tuple[int, int]] = []
    for s, e in a.fragments:
        fragments.extend(_split_paragraphs(paras, index.paras, s, e))
    start, end = fragments[0][0], fragments[-1][1]
    first = _sentence_index(index.sents, start)
    last = _sentence_index(index.sents, max(end - 1, start))
    lo, hi = (sents[first].start, sents[last].end) if sents else (start, end)
    context, context_start, context_end = context_window(text, lo, hi, start, end, config.max_context_chars)
    warns = tuple(open_ends[e] for s, e in a.fragments if e in open_ends)
    for q in _quotes_in(top, index.quotes, a.fragments):
        cue = quotes.own_cue(text, q)
        if cue is not None:
            warns += (f"the quote holds its own attribution (“{text[cue.start:cue.end + 24].split('.')[0]}”): "
                      "a closing quote mark may be missing",)
    if r.warning:
        warns += (r.warning,)
    return Quote(
        kind="direct" if a.rule in (attribution.ANSWER_RULE, attribution.POST_RULE)
        else kind_of(text, list(a.fragments), top, index.quotes),
        text=text[start:end], start=start, end=end, fragments=tuple(fragments),
        speaker=r.speaker, speaker_title=r.title, speaker_type=r.type, mention=r.mention, cue=a.cue,
        paragraph=sents[first].paragraph if sents else 1,
        sentence=first + 1, context=context, context_start=context_start, context_end=context_end,
        rule=a.rule, warnings=warns, speaker_basis=r.basis, speaker_id=r.entity)

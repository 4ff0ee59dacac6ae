"""One verdict per draft quote, from where its segments were placed: verified, altered,
number-changed, negation-changed, truncated, spliced, wrong-speaker, ..."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import regex

from ...text import lexicon
from ...text.marks import MESSAGE_EDGE
from ...extract import quotes as quote_marks
from ...model import UNCONFIRMED_BASES, Document, Finding, Quote, QuotedSpan
from ...text.spans import Lines
from ...text.tokens import word_tokens
from ..sources import Source, Statement, basename, load_source
from ...text.spans import shorten
from ..severity import severity_of
from .compare import (


    NAMED_TYPES, _contrast_at, _is_negation, _qualifier_at, negated_forms, operator_words, tier_of)
from ...text.names import name_words, same_speaker
from .index import (
    DIFF_WIDTH, MAX_JOIN_WORDS, MIN_SIMILARITY, MIN_WORDS, Place, QUOTE_WIDTH, SPLICE_WORDS,
    Segment, TIERS, _SENTENCE_END, find_places, index_of, place_after,
    place_before, segments_of)


# --- verdicts -----------------------------------------------------------------------------------

@dataclass
class _Match:
    """A quote's segments placed in the sources, with what the verdict needs: ``ties``
    are the equally good places of the ``anchor`` (the longest segment)."""
    places: list[Place]
    similarity: float
    ties: list[Place] = field(default_factory=list)
    anchor: int = 0


def verify_quotes(doc: Document, file: str, sources: Sequence[Source],
                  cited: Mapping[int, str] | None = None) -> list[Finding]:
    """One :class:`~quotetrack.model.Finding` per quote of ``doc`` (a draft after
    :func:`quotetrack.pipeline.extract`), checked against ``sources``.

    ``sources`` are :class:`~quotetrack.check.sources.Source` objects (:func:`load_source`;
    a path is loaded here, which raises :class:`SourceError`).  Pass the same objects
    again for the next draft and their index is reused.  ``cited`` maps a quote's
    index to the file name of the source the draft names for it; a quote found only
    elsewhere is then ``found-elsewhere``.
    """
    sources = [s if isinstance(s, Source) else load_source(s) for s in sources]
    top = quote_marks.top_level(quote_marks.scan(doc.text, doc.paragraphs)[0])
    cited = cited or {}
    lines = Lines(doc.text)
    return [verify_quote(doc.text, file, quote, sources, top, cited.get(i), lines)
            for i, quote in enumerate(doc.quotes)]


def shown(text: str) -> str:
    """A quote as a message shows it: edge marks and punctuation off, in “ ”, cut short.

    >>> shown("“We also make deals,”")
    '“We also make deals”'
    """
    return "“" + shorten(text.strip(MESSAGE_EDGE), QUOTE_WIDTH) + "”"


def verify_quote(text: str, file: str, quote: Quote, sources: Sequence[Source],
                 top: Sequence[QuotedSpan], cited: str | None = None,
                 lines: Lines | None = None) -> Finding:
    """The verdict on one quote of a draft (see :func:`verify_quotes`); ``lines``: the
    draft's line table, when the caller has one."""
    segments, bounds = segments_of(text, quote, top)
    words = sum(len(s.tokens) for s in segments)
    claimed = "".join((" … " if bound == "ellipsis" else " / ") + text[s.tokens[0].start:s.tokens[-1].end]
                      for bound, s in zip([""] + bounds, segments) if s.tokens)[3:]
    line, column = (lines or Lines(text)).position(quote.start)
    base = dict(file=file, line=line, column=column, start=quote.start, end=quote.end,
                quote=quote.text, speaker=quote.speaker)
    said = shown(claimed or quote.text)

    def finding(verdict: str, message: str, place: Place | None = None, severity: str | None = None,
                **extra) -> Finding:
        fields = dict(base, verdict=verdict, severity=severity or severity_of(verdict), message=message)
        if place is not None:
            src = sources[place.source]
            st = _statement(src, place)
            fields.update(source=src.name, source_line=_line(src, place),
                          source_speaker=st.speaker if st else None,
                          similarity=round(place.similarity, 3))
        fields.update(extra)
        return Finding(**fields)

    if not sources:
        return finding("not-found", f"{said} cannot be checked: no sources were given")
    if words < MIN_WORDS:
        return _too_short(segments, sources, said, words, finding)
    match = _place(segments, bounds, sources, cited, quote.speaker)
    paraphrase = quote.kind == "indirect"
    for seg, place in zip(segments, match.places):
        _trim_foreign_edges(seg, place, sources[place.source])
    match.similarity = _similarity(segments, match.places)
    changes, cuts = _changes(segments, match.places, sources)
    if changes and any(seg.joins for seg in segments):
        # an interrupted quote whose pieces may come from different places
        pieces, joints = _split_joins(segments, bounds)
        again = _place(pieces, joints, sources, cited, quote.speaker)
        if not _changes(pieces, again.places, sources)[0] and _spliced(again.places, joints, sources):
            segments, bounds, match = pieces, joints, again
            changes, cuts = _changes(segments, match.places, sources)
    best = match.places[0] if match.places[0].ops else match.places[match.anchor]
    missing = _missing_piece(text, segments, match.places)
    if match.similarity < MIN_SIMILARITY or missing:
        where = f" (closest: {_at(sources, best)}, similarity {match.similarity:.2f})" \
            if match.similarity > 0 else ""
        what = f"the words “{missing}” of {said} are not" if missing and shown(missing) != said \
            else f"{said} is not"
        return finding("not-found", f"{what} in any source{where}", best,
                       severity="warning" if paraphrase else None, tier="fuzzy",
                       similarity=round(match.similarity, 3))
    diff = _diff(text, changes, sources)
    tier = _tier(text, segments, match.places, sources) if not changes else "fuzzy"
    common = dict(tier=tier or "fuzzy", diff=diff, similarity=round(match.similarity, 3))
    # fragments from different speakers, turns or sources
    spliced = _spliced(match.places, bounds, sources)
    if spliced:
        return finding("spliced", f"{said} joins words from {spliced}", best, **common)
    draft_ops, source_ops = _sides(changes, sources)
    if any(k.startswith("#") for k in draft_ops + source_ops):
        return finding("number-changed", f"a number in {said} differs from {_at(sources, best)}",
                       best, **common)
    if operator_words(draft_ops, paraphrase) != operator_words(source_ops, paraphrase):
        return finding("negation-changed",
                       f"a negation or operator in {said} differs from {_at(sources, best)}",
                       best, **common)
    if changes and not paraphrase:
        return finding("altered", f"{said} differs from {_at(sources, best)}", best, **common)
    order = _out_of_order(match.places, bounds)
    if order:
        return finding("altered", f"the fragments of {said} are not in {_at(sources, best)} in that order",
                       best, **common)
    hidden = _hidden(match.places, bounds, sources)
    if hidden:
        return finding("ellipsis-hides", f"the ellipsis in {said} leaves out “{hidden}” "
                       f"({_at(sources, best)})", best, **common)
    speakers = _speaker_verdict(quote, match, sources)
    if speakers is not None:
        verdict, place, message = speakers
        return finding(verdict, f"{said} {message}", place, **common)
    st = _statement(sources[best.source], best)
    cut = cuts[0] if cuts else _truncation(text, quote, segments, bounds, match.places, sources)
    if cut:
        return finding("truncated", f"{said} {cut} in {_at(sources, best)}", best, **common)
    if cited and basename(cited) not in {basename(sources[p.source].name) for p in match.ties}:
        return finding("found-elsewhere", f"{said} is cited to {cited} but is in {_at(sources, best)}",
                       best, **common)
    by = f", said by {st.speaker}" if st and st.speaker else " (no speaker named there)"
    if any(b == "ellipsis" and (x.source != y.source or y.lo > x.hi)    # the source's own "…" omits nothing
           for b, x, y in zip(bounds, match.places, match.places[1:])):
        return finding("ellipsis", f"the fragments of {said} are in {_at(sources, best)} in order{by}",
                       best, **common)
    if tier is None and not changes:
        return finding("punctuation-only", f"{said} matches {_at(sources, best)} except for punctuation",
                       best, **common)
    how = "in other words" if changes else f"({tier or 'fuzzy'})"
    return finding("verified", f"{said} is in {_at(sources, best)} {how}{by}", best, **common)


def _trim_foreign_edges(seg: Segment, place: Place, src: Source) -> None:
    """Source words at either end of a place that were replaced or dropped and lie
    outside its passage (the end of the turn before: "[-trips We will-] {+the city
    would+}") are not part of the place: the diff shows "[-We will-] {+the city would+}"."""
    owner = _statement(src, place)
    if owner is None or len(place.ops) < 2:
        return

    def inside(j: int) -> bool:
        return owner.start <= src.tokens[j].start < owner.end

    for end in (0, -1):
        tag, i1, i2, j1, j2 = place.ops[end]
        if tag not in ("replace", "delete"):
            continue
        js = [j for j in range(j1, j2) if inside(j)]
        if len(js) == j2 - j1:
            continue
        if js:
            place.ops[end] = (tag, i1, i2, js[0], js[-1] + 1)
        elif i2 > i1:
            place.ops[end] = ("insert", i1, i2, j2, j2) if end == 0 else ("insert", i1, i2, j1, j1)
        else:
            del place.ops[end]
    spans = [(j1, j2) for tag, _i1, _i2, j1, j2 in place.ops if j2 > j1]
    if spans:
        place.lo, place.hi = spans[0][0], spans[-1][1]
    span = place.hi - place.lo - sum(j2 - j1 for tag, _i1, _i2, j1, j2 in place.ops if tag == "skip")
    n = len(seg.tokens)
    place.similarity = 2 * place.matches / (n + span) if n + span else 0.0


def _at(sources: Sequence[Source], place: Place) -> str:
    src = sources[place.source]
    return f"{src.name}:{_line(src, place)}"


def _line(src: Source, place: Place) -> int:
    """The source line of a place: where its first equal word is."""
    if not src.tokens:                  # a source with no words: its first line
        return 1
    first = next((j1 for tag, _i1, _i2, j1, _j2 in place.ops if tag == "equal"), place.lo)
    return src.line_of(src.tokens[min(first, len(src.tokens) - 1)].start)


def _too_short(segments: list[Segment], sources: Sequence[Source], said: str, words: int, finding) -> Finding:
    keys = [k for s in segments for k in s.keys]
    if not keys:
        return finding("too-short", f"{said} has no words to check", tier=None)
    for si, src in enumerate(sources):
        src_keys = src.keys
        for pos in src.postings.get(keys[0], ()):
            if src_keys[pos:pos + len(keys)] == keys:
                place = Place(si, pos, pos + len(keys), 0, len(keys), 1.0, [])
                return finding("too-short", f"{said} has {words} word{'s' * (words != 1)}, too few to "
                               f"check; it is in {_at(sources, place)}", place, tier="exact")
    return finding("too-short", f"{said} has {words} word{'s' * (words != 1)}, too few to check; "
                   "it is not in the sources", tier=None)


def _place(segments: list[Segment], bounds: list[str], sources: Sequence[Source],
           cited: str | None, speaker: str | None) -> _Match:
    """Place every segment: the longest by its best place (among equals: the cited
    source, then the draft's speaker), then each neighbour preferably right after (or
    before) the one placed next to it, in the same source."""
    found = [find_places(seg, sources) for seg in segments]
    anchor = max(range(len(segments)), key=lambda k: (len(segments[k].tokens), -k))
    chosen: list[Place | None] = [None] * len(segments)
    places = found[anchor]
    ties: list[Place] = []
    if places:
        index = index_of(sources)
        top = (round(places[0].similarity, 9), round(index.weight(places[0]), 6))
        ties = [p for p in places if (round(p.similarity, 9), round(index.weight(p), 6)) == top]
        chosen[anchor] = min(ties, key=lambda p: _preference(p, sources, speaker, cited))
    else:
        chosen[anchor] = _nowhere(segments[anchor])
    for k in list(range(anchor + 1, len(segments))) + list(range(anchor - 1, -1, -1)):
        after = k > anchor
        other = chosen[k - 1] if after else chosen[k + 1]
        near = None
        if other.ops:
            near = (place_after if after else place_before)(segments[k], sources, other)
        best = found[k][0] if found[k] else near
        if near is not None and near.similarity >= best.similarity - 0.05:
            best = near
        chosen[k] = best or _nowhere(segments[k])
    for seg, place in zip(segments, chosen):
        if seg.cut_end:
            _cut_negation(seg, place, sources)
    return _Match(chosen, _similarity(segments, chosen), ties or [chosen[anchor]], anchor)


def _similarity(segments: list[Segment], places: list[Place]) -> float:
    """The similarity of a quote: its segments' similarities weighted by their words."""
    total = sum(len(s.tokens) for s in segments)
    return sum(p.similarity * len(s.tokens) for p, s in zip(places, segments)) / total


def _nowhere(segment: Segment) -> Place:
    return Place(0, 0, 0, len(segment.tokens), 0, 0.0, [])


def _cut_negation(seg: Segment, place: Place, sources: Sequence[Source]) -> None:
    """A fragment that ends, before an ellipsis, in the first part of a negated word
    ("did …" where the source has "didn’t"): the place records the negation hidden."""
    if not place.ops or place.ops[-1][0] != "equal" or place.ops[-1][2] != len(seg.tokens):
        return
    src = sources[place.source]
    j = place.ops[-1][4] - 1
    word, key = seg.keys[-1], src.keys[j]
    if key != word and key in negated_forms(word):
        t = src.tokens[j]
        fused = src.text[t.start:t.end]
        place.hidden = fused[len(word):] if key.startswith(word) else fused


def _preference(place: Place, sources: Sequence[Source], speaker: str | None,
                cited: str | None) -> tuple[bool, bool]:
    """Among equally good places: the cited source first, then the draft's speaker."""
    src = sources[place.source]
    st = _statement(src, place)
    return (bool(cited) and basename(src.name) != basename(cited),
            not (st and same_speaker(speaker, st.speaker, st.title)))


def _matched(place: Place) -> list[int]:
    """Source word positions the place's words equal."""
    return [j for tag, _i1, _i2, j1, j2 in place.ops if tag == "equal" for j in range(j1, j2)]


def _statement(src: Source, place: Place) -> Statement | None:
    """The passage that holds most of a place's matched words (the narrowest of equals)."""
    words = _matched(place) or list(range(place.lo, place.hi))
    if not words:
        return None
    starts = [src.tokens[j].start for j in words]
    best, count = None, 0
    for st in src.statements_over(min(starts), src.tokens[words[-1]].end):
        n = sum(1 for x in starts if st.start <= x < st.end)
        if n > count or (n == count and best is not None and st.end - st.start < best.end - best.start):
            best, count = st, n
    return best if count else None


def _strays(src: Source, place: Place, owner: Statement | None) -> list[Statement | None]:
    """For each matched word outside the place's passage, the passage it is in."""
    out = []
    for j in _matched(place):
        x = src.tokens[j].start
        if owner is None or not owner.start <= x < owner.end:
            out.append(src.statement_at(j))
    return out


def _is_narrative(src: Source, j: int) -> bool:
    """Whether source word ``j`` is in an article's narrative (no speaker's words)."""
    t = src.tokens[j]
    return src.kind != "transcript" and all(st.speaker is None for st in src.statements_over(t.start, t.end))


def _changes(segments: list[Segment], places: list[Place], sources: Sequence[Source]):
    """The (segment, place, opcode) of every difference, and the truncations found where an
    interrupted quote's cue stood.  Source words left out there are no difference when
    they are an article's narrative (the cue itself); a speaker's words left out there
    are a truncation when they open with a qualifier or end in a negation (“…,” she
    said, “[but we didn’t] act …”), else dropped words."""
    changes, cuts = [], []
    for seg, p in zip(segments, places):
        src = sources[p.source]
        for op in p.ops:
            tag, i1, _i2, j1, j2 = op
            if tag in ("replace", "insert", "delete"):
                changes.append((seg, p, op))
            elif tag == "skip" and i1 in seg.joins:
                spoken = [j for j in range(j1, j2) if not _is_narrative(src, j)]
                if not spoken:
                    continue
                keys = src.keys
                words = src.text[src.tokens[spoken[0]].start:src.tokens[spoken[-1]].end]
                if _qualifier_at(keys, spoken[0]) or _is_negation(keys[spoken[-1]]):
                    cuts.append(f"leaves out “{words}” between its pieces")
                else:
                    changes.append((seg, p, ("delete", i1, i1, spoken[0], spoken[-1] + 1)))
    return changes, cuts


def _split_joins(segments: list[Segment], bounds: list[str]) -> tuple[list[Segment], list[str]]:
    """The segments cut at every join (each piece of an interrupted quote on its own)."""
    out: list[Segment] = []
    joints: list[str] = []
    for k, seg in enumerate(segments):
        if k:
            joints.append(bounds[k - 1])
        cuts = [0] + sorted(seg.joins) + [len(seg.tokens)]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            if n:
                joints.append("join")
            piece = Segment(seg.tokens[a:b],
                            {i - a: w for i, w in seg.free.items() if a < i < b},
                            set(), seg.cut_end and b == len(seg.tokens))
            piece.runs = [(max(x, a) - a, min(y, b) - a) for x, y in seg.runs if x < b and y > a]
            out.append(piece)
    return out, joints


def _missing_piece(text: str, segments: list[Segment], places: list[Place]) -> str:
    """A piece of the quote (a fragment of an ellipsis or of an interrupted quote) of
    at least :data:`MIN_WORDS` words of which fewer than half are in its place: its text."""
    for seg, p in zip(segments, places):
        equal = {i for tag, i1, i2, _j1, _j2 in p.ops if tag == "equal" for i in range(i1, i2)}
        cuts = [0] + sorted(seg.joins) + [len(seg.tokens)]
        for a, b in zip(cuts, cuts[1:]):
            if b - a >= MIN_WORDS and sum(1 for i in range(a, b) if i in equal) * 2 < b - a:
                return text[seg.tokens[a].start:seg.tokens[b - 1].end]
    return ""


def _spliced(places: list[Place], bounds: list[str], sources: Sequence[Source]) -> str:
    """How the words of a quote come from different speakers, turns or sources, or ''.

    Fragments joined by an ellipsis (or the pieces of an interrupted quote) must come
    from one turn of a transcript or one quote of an article (with the quotes that
    continue it); the quoted parts of a mixed quote only from one speaker."""
    # one stretch running over two turns or speakers
    for p in places:
        src = sources[p.source]
        owner = _statement(src, p)
        strays = [st for st in _strays(src, p, owner)
                  if st is not owner and (st is None or owner is None or st.unit != owner.unit)]
        if len(strays) >= SPLICE_WORDS:
            kind = "turns" if src.kind == "transcript" else "passages"
            return f"different {kind} in {_at(sources, p)} ({_who(owner)}, {_who(strays[0])})"
    for k, bound in enumerate(bounds):
        a, b = places[k], places[k + 1]
        if not a.ops or not b.ops:
            continue
        sa, sb = sources[a.source], sources[b.source]
        sta, stb = _statement(sa, a), _statement(sb, b)
        who = f"{_at(sources, a)} ({_who(sta)}) and {_at(sources, b)} ({_who(stb)})"
        if a.source != b.source:
            return f"different sources: {who}"
        same = same_speaker(sta.speaker if sta else None, stb.speaker if stb else None)
        if (sta is None) != (stb is None) or (sta and stb and sta.speaker != stb.speaker and not same):
            return f"different speakers: {who}"
        if bound != "part" and sta is not None and stb is not None and sta.unit != stb.unit:
            return f"different {'turns' if sa.kind == 'transcript' else 'quotes'}: {who}"
    return ""


def _who(st: Statement | None) -> str:
    return st.speaker if st and st.speaker else "narrative"


def _sides(changes, sources: Sequence[Source]) -> tuple[list[str], list[str]]:
    """The draft's and the source's words in the changed parts."""
    draft: list[str] = []
    source: list[str] = []
    for seg, p, (_tag, i1, i2, j1, j2) in changes:
        keys = sources[p.source].keys
        draft.extend(seg.keys[i1:i2])
        source.extend(keys[j1:j2])
    return draft, source


def _diff(text: str, changes, sources: Sequence[Source]) -> str:
    """A short word diff: ``[-source words-] {+draft words+}`` for each change."""
    parts = []
    for seg, p, (_tag, i1, i2, j1, j2) in changes:
        src = sources[p.source]
        piece = []
        if j2 > j1:
            words = src.text[src.tokens[j1].start:src.tokens[j2 - 1].end]
            if "\n" in words:           # across lines (transcript labels): the words alone
                words = " ".join(src.text[t.start:t.end] for t in src.tokens[j1:j2])
            piece.append("[-" + words + "-]")
        if i2 > i1:
            piece.append("{+" + _draft_words(text, seg, i1, i2) + "+}")
        parts.append(" ".join(piece))
    out = " ".join(parts)
    return out if len(out) <= DIFF_WIDTH else out[:DIFF_WIDTH - 1].rstrip() + "…"


def _draft_words(text: str, seg: Segment, i1: int, i2: int) -> str:
    """Draft words i1..i2 as written, joined by a space where they cross a run boundary."""
    out = []
    for a, b in seg.runs:
        x, y = max(a, i1), min(b, i2)
        if x < y:
            out.append(text[seg.tokens[x].start:seg.tokens[y - 1].end])
    return " ".join(out)


def _tier(text: str, segments: list[Segment], places: list[Place], sources: Sequence[Source]) -> str | None:
    """The weakest rung on which every run of draft words equals its source words."""
    worst = 0
    for seg, p in zip(segments, places):
        src = sources[p.source]
        at: dict[int, int] = {}
        for tag, i1, i2, j1, _j2 in p.ops:
            if tag == "equal":
                for d in range(i2 - i1):
                    at[i1 + d] = j1 + d
        for a, b in seg.runs:
            cuts = sorted({a, b} | {f for f in seg.free if a < f < b})
            for x, y in zip(cuts, cuts[1:]):
                if x not in at or y - 1 not in at:
                    return None
                draft = text[seg.tokens[x].start:seg.tokens[y - 1].end]
                stop = src.tokens[at[y - 1]].end
                if y == len(seg.tokens) and p.hidden:       # "did …" for "didn’t": up to the cut
                    stop -= len(p.hidden)
                    if stop <= src.tokens[at[y - 1]].start:     # "will …" for "won’t"
                        return None
                source = src.text[src.tokens[at[x]].start:stop]
                tier = tier_of(draft, source)
                if tier is None:
                    return None
                worst = max(worst, TIERS.index(tier))
    return TIERS[worst]


def _out_of_order(places: list[Place], bounds: list[str]) -> bool:
    return any(b == "ellipsis" and x.source == y.source and y.lo < x.hi
               for b, x, y in zip(bounds, places, places[1:]))


def _hidden(places: list[Place], bounds: list[str], sources: Sequence[Source]) -> str:
    """The first negation or qualifier an ellipsis leaves out, as written in the source."""
    for b, x in zip(bounds, places):
        if b == "ellipsis" and x.hidden:
            return x.hidden
    for b, x, y in zip(bounds, places, places[1:]):
        if b != "ellipsis" or x.source != y.source:
            continue
        src = sources[x.source]
        keys = src.keys
        for j in range(x.hi, y.lo):
            entry = _qualifier_at(keys, j)
            if _is_negation(keys[j]) or entry:
                stop = j + (len(entry) if entry else 1)
                return src.text[src.tokens[j].start:src.tokens[stop - 1].end]
    return ""


def _speaker_verdict(quote: Quote, match: _Match, sources: Sequence[Source]):
    """(verdict, place, message) when the speaker is wrong or the place ambiguous, else None.

    Only a draft speaker with a name (a person or an organisation, capitalised) can be
    wrong: a descriptor ("a lawyer for Pellham", "the team") or an unresolved pronoun
    may be anyone; then words said in several places by different people are
    ambiguous-source.  A named draft speaker whom none of the places has saying the words
    is wrong-speaker; when every place read its speaker through a pronoun or a description,
    speaker-unconfirmed (a warning showing the source sentence)."""
    named = []
    for p in match.ties:
        st = _statement(sources[p.source], p)
        if st and st.speaker:
            if any(same_speaker(quote.speaker, other.speaker, other.title)
                   for other in [st, *_holders(sources[p.source], p)]) \
                    or _reported_in(sources[p.source], p, quote.speaker):
                return None
            named.append((p, st))
    if not named:
        return None
    distinct = {tuple(name_words(st.speaker)) for _p, st in named}
    judged = _named(quote) and all(same_speaker(quote.speaker, st.speaker, st.title) is not None
                                   for _p, st in named)
    if not judged:
        if len(distinct) > 1:
            where = ", ".join(f"{_at(sources, p)} ({st.speaker})" for p, st in named[:3])
            return "ambiguous-source", named[0][0], f"is in {len(named)} places equally: {where}"
        return None                    # "a lawyer", "his client" may be the person the source names
    sure = [(p, st) for p, st in named if st.basis not in UNCONFIRMED_BASES]
    if not sure:
        p, st = named[0]
        return ("speaker-unconfirmed", p, f"is attributed to {quote.speaker}; {_at(sources, p)} reads "
                f"“{st.mention}” as {st.speaker}: “{shorten(st.context, 200)}”")
    p, st = sure[0]
    others = sorted({o.speaker for _q, o in sure if o.speaker != st.speaker})
    also = f" (and {', '.join(others)} elsewhere)" if others else ""
    return ("wrong-speaker", p, f"is attributed to {quote.speaker}; {_at(sources, p)} has "
            f"{st.speaker} saying it{also}")


def _holders(src: Source, place: Place) -> list[Statement]:
    """Every passage that holds most of a place's matched words: a quote and the quote
    it is reported in ("Smith said Jones told him …") both say them."""
    words = _matched(place)
    if not words:
        return []
    starts = [src.tokens[j].start for j in words]
    return [st for st in src.statements_over(min(starts), src.tokens[words[-1]].end)
            if 2 * sum(1 for x in starts if st.start <= x < st.end) > len(starts)]


def _reported_in(src: Source, place: Place, speaker: str | None) -> bool:
    """Whether a transcript turn reports the draft speaker's words at the place: the
    speaker's name is in the turn's sentence before them ("Q: Donald Trump says we
    should …")."""
    names = name_words(speaker)
    if src.kind != "transcript" or not names or not place.ops:
        return False
    st = _statement(src, place)
    start = src.tokens[place.lo].start
    stop = max((m.end() for m in _SENTENCE_END.finditer(src.text, st.start if st else 0, start)), default=None)
    context = word_tokens(src.text, stop if stop is not None else (st.start if st else 0), start)
    return names[-1] in {t.key for t in context}


def _named(quote: Quote) -> bool:
    """Whether a draft quote's speaker is named: a person or an organisation with a
    capitalised word ("Gantz", "Nordhavn Ministry of Foreign Affairs"; not "ministry")."""
    return quote.speaker_type in NAMED_TYPES and any(w[:1].isupper() for w in (quote.speaker or "").split())


def _truncation(text: str, quote: Quote, segments: list[Segment], bounds: list[str],
                places: list[Place], sources: Sequence[Source]) -> str:
    """How a quote cuts its source short: right before a qualifier (", but only if …")
    or right after a negation; '' when it does not, or when the draft itself carries
    the qualifier after the quote (or the negation before it) in the same sentence.
    Each quoted part of a mixed quote is a quotation of its own and is checked so."""
    for k, (seg, place) in enumerate(zip(segments, places)):
        if not place.ops:
            continue
        first = k == 0 or bounds[k - 1] == "part"
        last = k == len(segments) - 1 or bounds[k] == "part"
        if last:
            cut = _cut_after(text, seg.tokens[-1].end, place, sources[place.source])
            if cut:
                return cut
        if first:
            cut = _cut_before(text, seg.tokens[0].start, place, sources[place.source])
            if cut:
                return cut
    return ""


def _cut_after(text: str, end: int, place: Place, src: Source) -> str:
    """The qualifier a place stops right before in its source (over the cue of an
    interrupted quote in an article), unless the draft goes on with it after ``end``."""
    keys = src.keys
    j = place.hi
    if src.kind != "transcript":                       # over the cue to the quote's next piece
        owner = _statement(src, place)
        k = j
        while k < min(len(keys), j + MAX_JOIN_WORDS) and _is_narrative(src, k):
            k += 1
        if k > j and k < len(keys) and owner is not None and owner.speaker and any(
                st.unit == owner.unit for st in src.statements_over(src.tokens[k].start, src.tokens[k].end)):
            j = k
    if j >= len(keys) or place.hi == 0:
        return ""
    stop = src.tokens[min(j + 4, len(keys)) - 1].end
    if not _SENTENCE_END.search(src.text, src.tokens[place.hi - 1].end, src.tokens[j].start):
        entry = _qualifier_at(keys, j) if _same_passage(src, place.hi - 1, j) else None
        if entry and not _says_after(text, end, entry):
            stop = src.tokens[min(j + len(entry) + 3, len(keys)) - 1].end
            return f"stops right before “{src.text[src.tokens[j].start:stop]} …”"
        return ""
    entry = _contrast_at(keys, j)
    if entry and _one_speaker(src, place.hi - 1, j) and not _goes_on_with(text, end, entry):
        return f"stops before the source's next sentence, “{src.text[src.tokens[j].start:stop]} …”"
    return ""


def _one_speaker(src: Source, a: int, b: int) -> bool:
    """Whether source words ``a`` and ``b`` are said by one speaker in one passage: one turn
    of a transcript, one quote (with the floating quotes that continue it) of an article."""
    x, y = src.statement_at(a), src.statement_at(b)
    if x is None or y is None or x.unit != y.unit:
        return False
    return src.kind == "transcript" or x.speaker is not None


# A capitalised abbreviation right before a period: "Dr" in "Dr. Takahara said" (no sentence end).
_TITLE_BEFORE = regex.compile(r"(?<![\w’'])[A-Z][a-z]{0,3}$")


def _sentence_end(text: str, pos: int):
    """The next sentence end at or after ``pos``, past the periods of "Dr.", "Mr.", "Sen."."""
    for m in _SENTENCE_END.finditer(text, pos):
        word = _TITLE_BEFORE.search(text, max(0, m.start() - 5), m.start()) if m.group() == "." else None
        if word is None or word.group().lower() not in lexicon.lower_words("extract/abbreviations.txt"):
            return m
    return None


def _goes_on_with(text: str, end: int, entry: tuple[str, ...]) -> bool:
    """Whether the draft goes on with ``entry`` in its next sentence after offset ``end``."""
    first = _sentence_end(text, end)
    return _has_words(text, end, _sentence_end(text, first.end()) if first else None, entry)


def _says_after(text: str, end: int, entry: tuple[str, ...]) -> bool:
    """Whether the draft's own sentence goes on with ``entry`` after offset ``end``."""
    return _has_words(text, end, _sentence_end(text, end), entry)


def _has_words(text: str, start: int, stop, entry: tuple[str, ...]) -> bool:
    """Whether the words ``entry`` follow one another from ``start`` to the sentence end ``stop``."""
    keys = [t.key for t in word_tokens(text, start, stop.start() if stop else len(text))]
    return any(tuple(keys[i:i + len(entry)]) == entry for i in range(len(keys)))


def _cut_before(text: str, begin: int, place: Place, src: Source) -> str:
    """The negation a place starts right after in its source, unless the draft has a
    negation right before ``begin``."""
    keys = src.keys
    j = place.lo
    if j > 0 and _same_passage(src, j - 1, j) and _is_negation(keys[j - 1]) and \
            not _SENTENCE_END.search(src.text, src.tokens[j - 1].end, src.tokens[j].start):
        before = word_tokens(text, max(begin - 40, 0), begin)
        if not (before and _is_negation(before[-1].key)):
            return f"starts right after “{src.text[src.tokens[j - 1].start:src.tokens[j - 1].end]}”"
    return ""


def _same_passage(src: Source, a: int, b: int) -> bool:
    if src.kind != "transcript":
        return True
    return src.statement_at(a) is src.statement_at(b)

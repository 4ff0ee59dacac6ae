"""The attribution driver: cues per sentence through the sentence sieves, then the quote
sieves for unclaimed quotes, overlaps dropped by rank, floating quotes linked."""
from __future__ import annotations

import bisect
import dataclasses
from typing import Callable

from .. import cues as cue_finder, furniture, mentions
from ...text.marks import TOKEN_OPENING
from ..quotes import own_cue
from ...config import Config
from ...model import Cue, Paragraph, QuotedSpan, Sentence
from ..segment import paragraph_ranks, tokens as tokenize
from .grammar import _cue_tokens, _words
from .views import Attribution, Doc, Sent
from .offsets import rstrip_end, skip_chars
from .according import according_to
from .adjunct import adjunct_participle, as_source
from .sentence import head, participle, tail
from .clauses import coordinated, relative, relative_label
from .asked import asked
from .beats import beat_before
from .chants import chant, chant_quote
from .cutting import _cut_at_next_source, _fold_source_notes
from .scene import scene_only
from .gap import relative_gap
from .embedded import embedded
from .passive import passive_asked, passive_by
from .document import document_participle, mention_participle
from .nominal import possessive_nominals, possessive_statements
from .polls import poll_statements
from .interview import Interview, document_interview, interview_answers, with_answers
from .posts import embedded_posts, within
from .rules import RULES, UNATTRIBUTED
from ..headlines import title_case as _title_case
from .labels import headline_colon, transcript_turns
from .quoted import QUOTE_SIEVES, _QUOTE_LEAD, is_statement
from .works import names_a_work


# The sentence sieves, name -> function, in the order they are tried on each cue.
SENTENCE_SIEVES: dict[str, Callable[[Sent, Cue, int, int], Attribution | None]] = {
    "chant": chant, "according_to": according_to, "participle": participle, "document_participle": document_participle,
    "mention_participle": mention_participle, "tail": tail,
    "relative_label": relative_label, "relative_gap": relative_gap, "head": head, "relative": relative,
    "coordinated": coordinated, "asked": asked, "passive_asked": passive_asked, "passive_by": passive_by,
    "adjunct_participle": adjunct_participle,
    "as_source": as_source, "embedded": embedded}


def _sentence_attributions(s: Sent, cue_list: list[Cue]) -> list[Attribution]:
    out: list[Attribution] = []
    for cue in cue_list:
        ci, ce = _cue_tokens(s, cue)
        if ci >= len(s.toks):
            continue
        for sieve in SENTENCE_SIEVES.values():
            found = sieve(s, cue, ci, ce)
            if found is not None and found.rule != "according_to" and found.source is not None \
                    and s.text[found.source[0]:found.source[0] + 10].lower() == "according ":
                continue                  # "according to two diplomats briefed on …": no subject of "briefed"
            if found is not None:
                out.append(found)
                s.found.append(found)
                break
    if len(out) > 1:
        out = _fold_source_notes(out, s.text, lambda a: _quotes_in(s.doc, a))
        out = [a for a in out if not _inside_according(a, out) and not _nested_label(a, out)]
    out = _cut_at_next_source(out, s.text) if len(out) > 1 else out
    return [a for a in out if not scene_only(s.text, a)]   # "as the Ledger reported [a day later]"


def _nested_label(a: Attribution, out: list[Attribution]) -> bool:
    """Is ``a`` a quoted label ("what she calls “real solutions”", "which he called “…”") inside
    the content another report of its sentence holds?  The label is part of that report (“…,”
    but also hungry for what she calls “real solutions”), not a statement of its own."""
    return a.rule == "relative_label" and any(
        b is not a and any(s <= a.fragments[0][0] and a.fragments[-1][1] <= e for s, e in b.fragments) for b in out)


def _inside_according(a: Attribution, out: list[Attribution]) -> bool:
    """Is ``a`` a coordinated verb of content an according-to source reports ("Velto received
    it in July, according to documents, and notified the regulator": "notified" is reported
    too, not a report of Velto's)?"""
    return a.rule == "coordinated" and a.source is not None and any(
        b.rule == "according_to" and any(s <= a.source[0] < e for s, e in b.fragments) for b in out)


# ----------------------------------------------------------------- driver

# Short words a title of a work leaves in lower case: “How to Make America Great Again”.


def _headline_title_only(text: str, a: Attribution, headlines: set[int]) -> bool:
    """An attribution in a title-case headline whose source is a bare title: "Governor Calls
    Senator Wilson Reckless" has no speaker "Governor" and no cue "Calls" (title case
    capitalises a title and the words around it alike, so a title there names nobody)."""
    if a.source is None or a.sentence.paragraph not in headlines:
        return False
    return mentions.only_titles(text[a.source[0]:a.source[1]].split())


def _work_title(doc: "Doc", a: Attribution) -> bool:
    """Is the whole content of ``a`` one quoted title of a work ("…, he said in his 2012 book,
    “A Long Road.”", "According to “A Long Road,” by Ann Dole")?  It names the work; no one
    says it."""
    if len(a.fragments) != 1:
        return False
    quote = doc.quote_at(start=a.fragments[0][0])
    return quote is not None and quote.end >= a.fragments[0][1] - 1 and names_a_work(doc.text, quote)


def _opens_sentence(doc: "Doc", quote: QuotedSpan, sent: Sentence) -> bool:
    """Does the quote open its sentence (or its paragraph), so it can stand as a statement
    without a cue?  A quoted phrase inside a sentence ("…, ''is a perfect example''") cannot."""
    return skip_chars(doc.text, sent.start, quote.start, _QUOTE_LEAD) >= quote.start





def attribute(text: str, paras: tuple[Paragraph, ...], sents: tuple[Sentence, ...],
              quotes: list[QuotedSpan], skip_paragraphs: frozenset[int], config: Config,
              interview: Interview | None = None) -> list[Attribution]:
    """Every attribution of the document, in text order (``interview``: the document's, as
    :func:`.interview.read_interview` read it; read here when not given, by
    :func:`.interview.document_interview`)."""
    doc = Doc(text, paras, sents, quotes, [q.start for q in quotes], [s.start for s in sents])
    found: list[Attribution] = []
    all_cues = cue_finder.find(text, 0, len(text), {s.start for s in sents})
    headlines = {para.index for para in paras if _title_case(text, para)}
    for para in paras:
        if para.index in headlines:        # "Trump Says He Never Pledged To …"
            all_cues.extend(c for c in cue_finder.find(text, para.start, para.end, capitalised=True)
                            if not c.text[0].islower())
    all_cues.sort(key=lambda c: c.start)
    cue_starts = [c.start for c in all_cues]
    for sent in sents:
        if sent.paragraph in skip_paragraphs:
            continue
        lo = bisect.bisect_left(cue_starts, sent.start)
        hi = bisect.bisect_left(cue_starts, sent.end, lo)
        cue_list = [c for c in all_cues[lo:hi] if c.end <= sent.end and not doc.inside_quote(c.start, c.end)]
        if not cue_list:
            continue
        s = Sent(text, sent, tokenize(text, sent.start, sent.end), doc)
        found.extend(_sentence_attributions(s, cue_list))
    found.extend(a for a in (headline_colon(doc, p) for p in paras if p.index not in skip_paragraphs)
                 if a is not None)
    found.extend(transcript_turns(doc, [p for p in paras if p.index not in skip_paragraphs]))
    found.extend(possessive_statements(doc, skip_paragraphs))
    found.extend(possessive_nominals(doc, skip_paragraphs, config))
    found.extend(poll_statements(doc, skip_paragraphs))
    if headlines:
        found = [a for a in found if not _headline_title_only(text, a, headlines)]
    found = [a for a in found if not _work_title(doc, a)]
    found = _drop_overlaps(found)
    found = [_past_dateline(text, _to_quote_close(doc, a)) for a in found]
    found = _drop_nested_thoughts(doc, found)
    found.extend(a for a in _quote_attributions(doc, found, skip_paragraphs, config) if not _work_title(doc, a))
    found = _without_block_leads(text, found)
    interview = document_interview(text, paras, skip_paragraphs, interview)
    answers, labels = interview_answers(doc, interview)
    found = with_answers(found, answers, labels)
    posts = embedded_posts(doc, paras, skip_paragraphs)
    if posts:                              # "…" ¶ "— Name (@handle) March 3, 2025": the post whole
        found = [a for a in found if not within(a, posts)] + posts
    found.sort(key=lambda a: a.fragments[0][0])
    attributed = {a.sentence.index for a in found if a.rule not in UNATTRIBUTED}
    found = [(beat_before(doc, a, attributed) or a) if a.rule == "unattributed" else a for a in found]
    found = _resolve_floating(found, paragraph_ranks(paras, skip_paragraphs), lambda a: _quotes_in(doc, a), text)
    return _lost_break_openings(text, found, {(q.start, q.end) for q in quotes
                                              if not q.closed and own_cue(text, q) is None})


def _without_block_leads(text: str, found: list[Attribution]) -> list[Attribution]:
    """Drop a report whose content runs up to the colon that introduces a block quote in the next
    paragraph ("X told a fringe meeting in Westminster:" ¶ "“…”"): that colon is the cue of the
    quote below (rule colon_paragraph) and the words before it its listener, not a report.  The
    quote takes the dropped report's source, which the sentence's own rules read ("81-year-old
    Parker Eaton, a nominal Republican who …, said that …:" is Eaton's)."""
    colons = {a.cue.start: a for a in found if a.rule == "colon_paragraph" and a.cue is not None}
    if not colons:
        return found
    sources: dict[int, tuple[int, int]] = {}
    kept = []
    for a in found:
        end = a.fragments[-1][1]
        at = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" \t"))
        if a.rule != "colon_paragraph" and at in colons:
            if a.source is not None:
                sources[at] = a.source
            continue
        kept.append(a)
    return [dataclasses.replace(a, source=sources[a.cue.start])
            if a.rule == "colon_paragraph" and a.cue is not None and a.cue.start in sources else a for a in kept]


def _to_quote_close(doc: Doc, a: Attribution) -> Attribution:
    """A report whose content ends inside a quoted passage it opened, at a sentence end within
    the quote (“…the same text: ‘Are you coming? Text me back.’”), runs on to the closing mark
    when that closes in the same paragraph: the quoted passage is reported whole.  A quote a
    colon or comma introduces is reported on its own, unless after a comma it opens in lower
    case and so goes on with the clause (“… to stump for her, “except for people I am close to.
    And I am not close to him.”")."""
    s, e = a.fragments[-1]
    q = doc.enclosing(e)
    if q is None or q.start < s or not q.closed or "\n" in doc.text[e:q.end]:
        return a
    lead = doc.text[s:q.start].rstrip()
    first = doc.text[q.start + 1:q.start + 12].lstrip("'‘“\"").split(maxsplit=1)
    if lead.endswith(":") or lead.endswith(",") and not (first and first[0].islower() and first[0] not in _words.conjunctions):
        return a                          # (“…,” said X, speaking of Y, “and …”: the quote before goes on)
    return dataclasses.replace(a, fragments=a.fragments[:-1] + ((s, q.end),))


def _past_dateline(text: str, a: Attribution) -> Attribution:
    """A report whose content opens a wire story's first paragraph starts after its dateline
    ("LONDON, May 3 (Reuters) - British insurer … rejected …, it said": not "LONDON, May 3")."""
    s, e = a.fragments[0]
    start = furniture.dateline_end(text, s)
    if start == s or start >= e:
        return a
    return dataclasses.replace(a, fragments=((start, e),) + a.fragments[1:])


def _drop_nested_thoughts(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Drop a quote reported by a cue of thought, act or evidence whose source and cue lie
    inside the content of a speech report that ends where it ends: in "Vega said she
    believed “the dam will hold”" the quoted words are Vega's statement; "she believed" is
    part of what Vega said, not a second statement of the same words.  Not when the speech's
    content is only a subordinator and the thought ("warned X, because he thought it
    “risks …”"): that clause is the reason for the warning, not its content, so the thought
    is the report."""
    speech_ends = {a.fragments[-1][1]: a for a in found if a.cue is not None and a.cue.type == "speech"}
    if not speech_ends:
        return found
    return [b for b in found if not _nested_thought(doc, b, speech_ends.get(b.fragments[-1][1]))]


def _nested_thought(doc: Doc, b: Attribution, a: Attribution | None) -> bool:
    if a is None or a is b or b.cue is None or b.cue.type == "speech" or not _quotes_in(doc, b):
        return False
    inside = lambda o: any(s <= o < e for s, e in a.fragments)  # noqa: E731
    opens = b.cue.start if b.source is None else b.source[0]
    if not (inside(b.cue.start) and inside(opens)):
        return False
    lead = doc.text[a.fragments[0][0]:opens].split()
    return not (len(lead) == 1 and lead[0].lower() in _words.subordinators)


def _quotes_in(doc: Doc, a: Attribution) -> bool:
    """Does the content of ``a`` hold a quoted passage (a direct or mixed quote)?"""
    return any(doc.has_quote_in(s, e) or doc.inside_quote(s, e) for s, e in a.fragments)


def _rank(a: Attribution) -> int:
    """Which attribution keeps a content two rules found (:data:`.rules.RULES`)."""
    return RULES[a.rule].rank


def _drop_overlaps(found: list[Attribution]) -> list[Attribution]:
    """Keep one attribution per content, the best ranked (the first found among equals)."""
    best: dict[tuple[tuple[int, int], ...], Attribution] = {}
    for a in found:
        held = best.get(a.fragments)
        if held is None or _rank(a) < _rank(held):
            best[a.fragments] = a
    return sorted(best.values(), key=lambda a: (a.fragments[0][0], -a.fragments[-1][1]))


def _quote_attributions(doc: Doc, found: list[Attribution], skip: frozenset[int],
                        config: Config) -> list[Attribution]:
    claimed = sorted((f for a in found for f in a.fragments))
    starts = [c[0] for c in claimed]
    out: list[Attribution] = []
    for quote in doc.quotes:
        i = bisect.bisect_right(starts, quote.start) - 1
        if i >= 0 and claimed[i][0] <= quote.start and quote.end <= claimed[i][1]:
            continue
        if i + 1 < len(claimed) and claimed[i + 1][0] < quote.end:
            continue
        sent = doc.sentence_of(quote.start)
        if sent.paragraph in skip:
            continue
        for sieve in QUOTE_SIEVES.values():
            got = sieve(doc, quote, sent)
            if got is not None:
                out.append(got)
                break
        else:
            if is_statement(doc.text, quote, config):
                rule = "unattributed" if _opens_sentence(doc, quote, sent) else "unattributed_inside"
                out.append(Attribution(((quote.start, quote.end),), None, None, rule, sent))
    return out


def _resolve_floating(found: list[Attribution], rank: dict[int, int],
                      quoted: Callable[[Attribution], bool], text: str) -> list[Attribution]:
    """A cue-less quote right after an attributed quote (same or next paragraph, not counting
    page furniture such as newsletter prompts) continues it.  A cue-less quoted passage inside a
    sentence continues the attribution of its own sentence, or the direct quote of the sentence
    just before when no cue stands in its own (:func:`_mixed_continuation`; a verb no cue list
    holds may stand there, "Later he vowed to make them “…”", but a quoted statement of more
    than a scare quote's words right after a quote is that speaker's far more often than not),
    or else is left out: a quoted phrase, not a statement of its own."""
    out: list[Attribution] = []
    cued = {a.sentence.index for a in found if a.cue is not None and a.sentence is not None}
    for a in found:
        if a.rule == "unattributed_inside" and out and a.sentence.index not in cued:
            got = _mixed_continuation(out, a, rank, quoted, text)
            if got is not None:
                cued.add(a.sentence.index)
                out.append(got)
                continue
        if a.rule in UNATTRIBUTED and out:
            prev_i = _quote_host(out, _host_before(out, a), quoted)
            prev = out[prev_i]
            window = 0 if a.rule == "unattributed_inside" else 1
            follows = prev_i if prev.source is not None and prev.rule not in UNATTRIBUTED \
                else prev.follows if prev.rule == "floating" else None
            if follows is not None and 0 <= rank[a.sentence.paragraph] - rank[prev.sentence.paragraph] <= window:
                if a.rule == "unattributed" or a.sentence.index == prev.sentence.index:
                    a = Attribution(a.fragments, None, None, "floating", a.sentence, follows=follows)
        if a.rule == "unattributed_inside":
            continue
        out.append(a)
    return out


def _mixed_continuation(out: list[Attribution], a: Attribution, rank: dict[int, int],
                        quoted: Callable[[Attribution], bool], text: str) -> Attribution | None:
    """The sentence right after a direct quote's own, in its paragraph, that holds a quoted
    statement inside it and no cue of its own (“It is a big moment,” said Ann Bell. Unless
    rivals quit, “it is hard to see how he is stopped.”): the whole sentence continues the
    quote, as a mixed floating fragment (PolNeAR marks it a fragment of the one attribution).
    Only after a quote that opens its content with a mark and a speech cue reports; a chant is
    no host.  None otherwise."""
    prev_i = _quote_host(out, _host_before(out, a), quoted)
    prev = out[prev_i]
    follows = prev_i if prev.source is not None and prev.rule not in UNATTRIBUTED \
        else prev.follows if prev.rule == "floating" else None
    if follows is None or a.sentence.index != prev.sentence.index + 1 \
            or rank[a.sentence.paragraph] != rank[prev.sentence.paragraph] \
            or text[prev.fragments[-1][0]] not in TOKEN_OPENING:
        return None
    host = out[follows]
    if host.cue is None or host.cue.type != "speech" or host.rule.startswith("chant"):
        return None
    return Attribution(((a.sentence.start, rstrip_end(text, a.sentence.start, a.sentence.end)),),
                       None, None, "floating", a.sentence, follows=follows)


def _quote_host(out: list[Attribution], i: int, quoted: Callable[[Attribution], bool]) -> int:
    """The quote a cue-less quote continues when reports without quote marks follow it in its
    own sentence (“…,” Vega said, after the mayor announced a review. “…”): the quote, not the
    report of the mayor; ``i`` itself when no quote comes first in that sentence.  A quote
    hung on a participle after the main cue (“…,” Vega told the Post, hinting that “…” could
    come. “…”) is no host either: the main quote of its sentence is."""
    if out[i].source is None:
        return i
    if quoted(out[i]) and out[i].rule not in _SUBORDINATE_RULES:
        return i
    j = i
    while j > 0 and out[j - 1].sentence.index == out[i].sentence.index:
        j -= 1
        if out[j].source is not None and out[j].rule not in UNATTRIBUTED and quoted(out[j]) \
                and out[j].rule not in _SUBORDINATE_RULES:
            return j
    return i


# Rules of a report hung on a participle after its sentence's main cue ("…, hinting that …").
_SUBORDINATE_RULES = frozenset({"participle", "adjunct_participle", "mention_participle"})


def _lost_break_openings(text: str, found: list[Attribution],
                         unclosed: set[tuple[int, int]]) -> list[Attribution]:
    """An unclosed quote that ends where the next quote opens with the same mark, only
    white space between, is the opening paragraph of a multi-paragraph quote whose
    paragraph break was lost (`“We lost. “I think …,” said Brook.`): it takes the speaker
    of the quote that continues it, as the paragraphs of a multi-paragraph quote do.  A
    quote that has run past its own cue (“…, said coach Dan Rourke. …”) is a runaway, not
    an opening, and is not in ``unclosed``.  Read from the end, so a run of openings all
    reach the attributed quote."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        a, nxt = out[i], out[i + 1]
        if a.rule != "unattributed" or len(a.fragments) != 1 or a.fragments[0] not in unclosed \
                or text[a.fragments[0][1]:nxt.fragments[0][0]].strip() \
                or text[a.fragments[0][0]] != text[nxt.fragments[0][0]]:
            continue
        host = i + 1 if nxt.source is not None and nxt.rule not in UNATTRIBUTED \
            else nxt.follows if nxt.rule == "floating" and nxt.follows is not None and nxt.follows > i else None
        if host is not None:
            out[i] = Attribution(a.fragments, None, None, "floating", a.sentence, follows=host)
    return out


def _host_before(out: list[Attribution], a: Attribution) -> int:
    """The attribution a cue-less quote may continue: the last one before it, passing over a
    sourceless report inside the host's own sentence ("“…,” Lopez said when asked about the
    plan. “…”": the question, not the quote before it, comes last)."""
    i = len(out) - 1
    while i > 0 and out[i].source is None and out[i].rule not in UNATTRIBUTED \
            and out[i].rule != "floating" and out[i - 1].sentence.index == out[i].sentence.index:
        i -= 1
    return i

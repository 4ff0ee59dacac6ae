"""Quote sieves: a quoted passage no sentence sieve claimed ("Gantz: “…”", "“…” — Name",
"“…,” he surmised"), and what counts as a statement on its own (a paragraph's label and colon:
:mod:`.labels`)."""
from __future__ import annotations

from itertools import dropwhile, islice
from typing import Callable

from ...text import lexicon
from ...text.marks import APOSTROPHES, POSSESSIVE_S
from .. import cues as cue_finder, mentions
from ...config import WINDOWS, Config
from ...model import Cue, QuotedSpan, Sentence
from ..headlines import title_case
from ..segment import Token, iter_tokens, tokens as tokenize
from .bounds import DASHES
from .grammar import _words
from .views import Attribution, Doc
from .offsets import lstrip_start, rstrip_end, skip_chars
from .subject import agrees
from .chants import chant_quote
from .signed import name_line, signed
from .inverted import fronted_cue
from .works import BYLINE_AFTER, is_title


# ----------------------------------------------------------------- quote sieves

def colon(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Gantz: “…”" — a short name and a colon open the paragraph or sentence."""
    para = doc.paras[sent.paragraph - 1]
    lead_start = max(para.start, sent.start)
    lead_end = rstrip_end(doc.text, lead_start, quote.start)
    if doc.text[lead_end - 1:lead_end] != ":" or lead_end <= lead_start or lead_end - lead_start > 80:
        return None
    toks = tokenize(doc.text, lead_start, lead_end - 1)
    if not toks or len(toks) > 8 or not mentions.is_capitalised(toks[0].text):
        return None
    fronted = fronted_cue(toks)           # "Continued Stone: “…”": the verb is the cue
    src = _dash_byline(toks) or mentions.after(toks, 0 if fronted is None else 1)
    if src is None or src[1] != len(toks):
        return None
    cue_start = lead_end - 1
    cue = fronted or Cue(cue_start, cue_start + 1, ":", ":", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue, "colon", sent)


_DASH_MAX_TOKENS = WINDOWS.dash_tokens    # tokens of a dash attribution ("— Commissioner Ruth Ortiz")


def dash(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"“…” — Commissioner Ruth Ortiz": a dash and a name close the paragraph, or make up the
    next one when the quote is its paragraph whole (a list of quoted claims, each signed on its
    own line: "“…”" ¶ "- Ann Bell." or "-Ann Bell, Leland.")."""
    para = doc.paras[sent.paragraph - 1]
    dash_at = lstrip_start(doc.text, quote.end, para.end)
    line = dash_at >= para.end and sent.paragraph < len(doc.paras) \
        and not doc.text[para.start:quote.start].strip() and not doc.text[quote.end:para.end].strip(" \t.\n")
    if line:
        para = doc.paras[sent.paragraph]      # the signature line: the paragraph after the quote's
        dash_at = para.start
    if dash_at >= para.end or doc.text[dash_at] not in "—–-―":
        return None
    after_dashes = dropwhile(lambda t: t.text in DASHES, iter_tokens(doc.text, dash_at, para.end))
    toks = list(islice(after_dashes, _DASH_MAX_TOKENS + 1))     # more than the most is too many
    if not toks or len(toks) > _DASH_MAX_TOKENS or not mentions.is_capitalised(toks[0].text):
        return None
    src = mentions.after(toks, 0)
    if src is None or line and not name_line(toks, src):
        return None                       # (a line of its own: the name, then only ", …" or a period)
    cue = Cue(dash_at, dash_at + 1, doc.text[dash_at], "—", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue, "dash", sent)


_COLON_LEAD_MAX_TOKENS = WINDOWS.colon_lead_tokens   # tokens of the clause before the colon


def colon_lead(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Asked which county was his favorite, he demurred: “…”", "Trump went even further: “…”":
    a short clause of a source and a verb no cue list holds, then a colon and the quote."""
    lead_end = rstrip_end(doc.text, sent.start, quote.start)
    if doc.text[lead_end - 1:lead_end] != ":" or lead_end <= sent.start \
            or doc.has_quote_in(sent.start, quote.start):
        return None
    toks = tokenize(doc.text, sent.start, lead_end - 1, limit=_COLON_LEAD_MAX_TOKENS + 1)
    if not toks or len(toks) > _COLON_LEAD_MAX_TOKENS:
        return None
    src = None
    for i in range(len(toks) - 1, -1, -1):      # the subject: at the sentence start or after a comma
        if i == 0 or toks[i - 1].text == ",":
            src = mentions.after(toks, i)
            break
    if src is None or not mentions.names_someone(toks, *src):
        return None
    rest = toks[src[1]:]
    if not rest or len(rest) > 4 or not rest[0].text.islower() or not all(mentions.is_word(t.text) for t in rest):
        return None
    verb = rest[0]
    if not (_is_past_verb(verb.text) or verb.text.endswith("s")) or verb.text.lower() in _words.not_verbs:
        return None
    cue = Cue(verb.start, verb.end, verb.text, verb.text, "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "colon_lead", sent)


# Lower-case words after a subject that are no verb: "Trump's plans: …", "his views: …".


def _is_past_verb(word: str) -> bool:
    """A lower-case past-tense word: "surmised", "boomed" (not a listed cue, or a tail sieve
    would have taken it)."""
    return word.isalpha() and word.islower() and len(word) > 4 and word.endswith("ed")


# Tokens after the quote that verb_after reads: the verb within 7, a mention after it, and two
# more to see what follows the mention (more would change nothing it decides).
_VERB_AFTER_TOKENS = 7 + mentions.MAX_MENTION_TOKENS + 2


def verb_after(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"“…,” he surmised." / "“…!” boomed the chairman.": a quote closed by a comma, "?" or "!",
    then a source and a verb of saying no cue list holds, and the sentence ends."""
    inner_end = doc.text[quote.inner[0]:quote.inner[1]].rstrip()
    if not inner_end.endswith((",", "?", "!")):
        return None
    toks = tokenize(doc.text, quote.end, min(sent.end, doc.paras[sent.paragraph - 1].end),
                    limit=_VERB_AFTER_TOKENS)
    if len(toks) < 2:
        return None
    for k in range(min(len(toks), 7)):
        if not _is_past_verb(toks[k].text):
            continue
        ends = k + 1 >= len(toks) or toks[k + 1].text in (".", ",", ";")
        if k > 0 and ends:
            src = mentions.before(toks, k)
            if src == (0, k) and mentions.names_someone(toks, *src):
                break                     # "“…,” he surmised."
        if k == 0:
            src = mentions.after(toks, 1)
            if src is not None and src[0] == 1 and mentions.names_someone(toks, *src) \
                    and (src[1] >= len(toks) or toks[src[1]].text in (".", ",", ";")):
                break                     # "“…!” boomed the chairman."
        return None
    else:
        return None
    verb = toks[k]
    cue = Cue(verb.start, verb.end, verb.text, verb.text, "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "verb_after", sent)


_COLON_CLAUSE_MAX_TOKENS = WINDOWS.colon_clause_tokens
_SENTENCE_CLOSE = frozenset(" \t\n.!?”’\"'")     # what may follow a quote that closes its sentence


def colon_clause(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"The Clinton campaign, in a Q&A, worded it more carefully: “…”", "She then addressed the
    supporters again: “…”": a clause that ends in a colon introduces a quoted statement that
    closes the sentence; the source is the clause's subject (see :func:`_colon_subject`)."""
    lead_end = rstrip_end(doc.text, sent.start, quote.start)
    if doc.text[lead_end - 1:lead_end] != ":" or lead_end <= sent.start \
            or not is_statement(doc.text, quote, _STATEMENT_CONFIG) or doc.has_quote_in(sent.start, quote.start):
        return None
    rest_end = min(sent.end, doc.paras[sent.paragraph - 1].end)
    if skip_chars(doc.text, quote.end, rest_end, _SENTENCE_CLOSE) < rest_end:
        return None                       # words after the quote
    return _colon_lead(doc, sent.start, lead_end, quote, sent, "colon_clause", fewest=3)


def colon_paragraph(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"President Hale released the following statement:" closing a paragraph, and the quote
    opening the next one: a clause that ends in a colon introduces the block quote below it;
    the source is the clause's subject (see :func:`_colon_subject`), as in :func:`colon_clause`."""
    para = doc.paras[sent.paragraph - 1]
    if sent.paragraph < 2 or skip_chars(doc.text, para.start, quote.start, _QUOTE_LEAD) < quote.start:
        return None
    prev = doc.paras[sent.paragraph - 2]
    lead_end = rstrip_end(doc.text, prev.start, prev.end)
    if doc.text[lead_end - 1:lead_end] != ":":
        return None
    lead = doc.sentence_of(lead_end - 1)
    lead_start = max(lead.start, prev.start)
    if doc.has_quote_in(lead_start, lead_end):
        return None
    return _colon_lead(doc, lead_start, lead_end, quote, sent, "colon_paragraph", fewest=2)


def lead_statement(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Hale issued a statement, “We will rebuild. …”", "A footnote makes that clear: “…”": a
    whole quoted statement (it opens with a capital) that closes its sentence after a lead
    clause ending in a comma or a colon with no quote marks and no cue any sieve reads.  The
    source is the lead's subject (see :func:`_colon_subject`), else the subject of its last
    verb (:func:`_verb_subject`).  Without one, after a lead of an adverb or two ("Then, “…”")
    the quote is kept unattributed (it may float on the quote before it); after a longer lead
    ("The leaflet was blunt about it, “…”") it is left out, as a phrase inside a sentence is."""
    text = doc.text
    lead_end = rstrip_end(text, sent.start, quote.start)
    if text[lead_end - 1:lead_end] not in (":", ",") or lead_end <= sent.start \
            or not text[skip_chars(text, quote.inner[0], quote.inner[1], _BLANKS):quote.inner[1]][:1].isupper():
        return None
    rest_end = min(sent.end, doc.paras[sent.paragraph - 1].end)
    if skip_chars(text, quote.end, rest_end, _SENTENCE_CLOSE) < rest_end \
            or doc.has_quote_in(sent.start, quote.start) or not is_statement(text, quote, _STATEMENT_CONFIG):
        return None                       # words after the quote: a phrase inside a clause
    toks = tokenize(text, sent.start, lead_end - 1, limit=_COLON_CLAUSE_MAX_TOKENS + 1)
    if _ends_passive(toks):
        return None                       # "Reyes was asked, “…”": the subject heard the quote
    src = (_colon_subject(toks) or _verb_subject(toks)) if 2 <= len(toks) <= _COLON_CLAUSE_MAX_TOKENS else None
    if src is None:
        return Attribution(((quote.start, quote.end),), None, None, "unattributed", sent) \
            if len(toks) <= _ADVERB_LEAD_TOKENS else None
    cue = Cue(lead_end - 1, lead_end, text[lead_end - 1], text[lead_end - 1], "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "lead_statement", sent)


_BLANKS = frozenset(" \t\n")

# Tokens of a lead that is only an adverb and its comma ("Then,", "Even so,").
_ADVERB_LEAD_TOKENS = 3


def _ends_passive(toks: list[Token]) -> bool:
    """Does the lead end in a passive ("was asked", "were told"), whose subject is the one
    addressed, not the speaker?"""
    if len(toks) < 2 or toks[-2].text.lower() not in _words.passive_auxiliaries:
        return False
    last = toks[-1].text
    return last.islower() and (last.endswith("ed") or last in _words.irregular_participles)


def _verb_subject(toks: list[Token]) -> tuple[int, int] | None:
    """The subject of the lead's last finite verb, read back from the colon: "When he returned
    he began by saying," -> "he"; "Mr. Hale was prompted to say," -> "Mr. Hale".  None when no
    mention that names someone stands right before a verb."""
    for v in range(len(toks) - 1, 0, -1):
        low = toks[v].text
        if not (low.islower() and (low in _words.finite_auxiliaries or low in _words.irregular_pasts
                                   or _is_past_verb(low))):
            continue
        src = mentions.before(toks, v)
        if src is not None and src[1] == v and mentions.names_someone(toks, *src):
            return src
    return None


def _colon_lead(doc: Doc, start: int, colon_end: int, quote: QuotedSpan, sent: Sentence,
                rule: str, fewest: int) -> Attribution | None:
    """The attribution of ``quote`` to the subject (or dash byline) of the lead
    ``doc.text[start:colon_end]`` that ends in a colon, the colon its cue; None when the lead
    has fewer than ``fewest`` or more than _COLON_CLAUSE_MAX_TOKENS tokens, or no source."""
    toks = tokenize(doc.text, start, colon_end - 1, limit=_COLON_CLAUSE_MAX_TOKENS + 1)
    if len(toks) < fewest or len(toks) > _COLON_CLAUSE_MAX_TOKENS:
        return None
    inner = _relative_speaker(doc.text, toks)
    if inner is not None:                 # "…a text message, in which Hale wrote to his aide: “…”"
        src, cue = inner
        return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                           rule, sent)
    src = _dash_byline(toks) or _colon_subject(toks)
    if src is None:
        return None
    cue = Cue(colon_end - 1, colon_end, ":", ":", "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       rule, sent)


def _relative_speaker(text: str, toks: list[Token]) -> tuple[tuple[int, int], Cue] | None:
    """"…showed the jury a message, in which Hale wrote to his aide:", "…video of a dinner,
    where Adelson said:": the lead's last clause is a relative one ("in which", "where") whose
    own subject and speech cue say the quote; that subject, not the sentence's, is the source."""
    for r in range(len(toks) - 3, 0, -1):
        low = toks[r].text.lower()
        if not (low == "where" or low in ("which", "whom")
                and toks[r - 1].text.lower() in _words.opening_prepositions):
            continue
        src = mentions.after(toks, r + 1)
        if src is None or src[0] != r + 1 or src[1] >= len(toks) or not mentions.names_someone(toks, *src):
            return None
        verb = toks[src[1]]
        found = cue_finder.find(text, verb.start, verb.end)
        if not verb.text.islower() or not found or found[0].type != "speech" \
                or (found[0].start, found[0].end) != (verb.start, verb.end):
            return None
        return src, found[0]
    return None


_QUOTE_LEAD = frozenset(" \t([—–-")         # what may stand before a quote that opens its paragraph


def _dash_byline(toks: list[Token]) -> tuple[int, int] | None:
    """"SURGE IN TURNOUT - Michael P. McDonald", "Polls agree -More from Blumenthal and Cohen":
    a summary line, a dash and a name before the colon; the name (after any "from") is the source."""
    dash_at = max((i for i, t in enumerate(toks) if t.text in DASHES), default=None)
    if dash_at is None or dash_at == 0 or len(toks) - dash_at > 8:
        return None
    lo = dash_at + 1
    for i in range(lo, len(toks)):
        if toks[i].text.lower() == "from":
            lo = i + 1
    src = mentions.before(toks, len(toks), lo)
    if src is None or src[0] != lo or not mentions.is_capitalised(toks[src[0]].text):
        return None
    return src


def _colon_subject(toks: list[Token]) -> tuple[int, int] | None:
    """The subject of the clause before a colon: the first mention at a clause start (the
    sentence start or after a comma) that a lower-case word follows ("…, a familiar voice
    celebrated the attacks", "with Trump reportedly yelling"), else the first mention at a
    clause start at all ("The Clinton campaign, in a Q&A, worded it …").  A sentence-opening
    participle ("Recalling that moment, …") and a place name are no source."""
    first = None
    starts = [0] + [i + 1 for i, t in enumerate(toks) if t.text == "," and i + 1 < len(toks)]
    for i in starts:
        while i < len(toks) and toks[i].text.lower() in _words.conjunctions:
            i += 1
        if i + 1 < len(toks) and toks[i].text.lower() == "as":
            i += 1                        # "As Professor Foner put it: “…”"
        if i < len(toks) and toks[i].text.lower() in _words.opening_prepositions and toks[i].text.lower() != "with":
            continue                      # "At a town meeting in Brill, …": an adverbial
        m = mentions.after(toks, i)
        if m is None or m[0] > i + 1 or m[1] >= len(toks) or not mentions.names_someone(toks, *m):
            continue
        if m[1] - m[0] == 1 and toks[m[0]].text.lower().endswith("ing"):
            continue
        if " ".join(t.text for t in toks[m[0]:m[1]]) in lexicon.words("extract/places.txt"):
            continue                      # "…, Oregon, on Tuesday, …": a place, not a source
        nxt = toks[m[1]].text
        if nxt.islower() and mentions.is_word(nxt) and nxt not in _words.opening_prepositions:
            return m
        if first is None:
            first = m
    return first


_CUE_BEFORE_CHARS = WINDOWS.cue_before_chars    # text before a quote that cue_before reads
# Cues whose next word is no statement: a listener ("told “Fox and Friends”") or a label
# ("called “The HP Way”", the naming cues).
_OBJECT_FIRST = lexicon.lower_words("extract/naming_cues.txt") | {"tell"}
# A preposition before a name and a colon makes the name its object ("a message to the
# newspaper NRC Handelsblad: “…”"), not a source.
_PREPOSITIONS = lexicon.lower_words("extract/np_prepositions.txt") | lexicon.lower_words("extract/place_prepositions.txt") | {"to"}


def cue_before(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"…so heated that Gov. Chris Christie said, “…”", "…, the crowd chanted, “…”",
    "…does not surprise pollster Daron Shaw: “…”": a source and a speech cue (or a full name
    and a colon) right before the quote, in a sentence whose frame no sentence sieve read.
    A passive cue ("Blumenthal was asked, “…”") and an infinitive ("to say: “…”") name no
    source; after "told" or a naming cue ("called") the quote is a listener or a label; a
    possessive before a colon ("the Times’ Ben Sisario: “…”") is an excerpt's byline."""
    text = doc.text
    lo = max(sent.start, doc.paras[sent.paragraph - 1].start, quote.start - _CUE_BEFORE_CHARS)
    lead_end = rstrip_end(text, lo, quote.start)
    toks = tokenize(text, lo, lead_end)
    if lo > sent.start and toks:
        toks = toks[1:]                   # the first token may be cut
    if len(toks) < 2:
        return None
    end = len(toks) - 1 if toks[-1].text in (",", ":") else len(toks)
    if toks[-1].text == ":" and mentions.is_capitalised(toks[end - 1].text) \
            and not title_case(text, doc.paras[sent.paragraph - 1]):
        src = mentions.before(toks, end)
        if src is not None:
            i = src[0]
            while i < src[1] - 1 and toks[i].text.islower() and not mentions.is_title_word(toks[i].text):
                i += 1                    # "surprise pollster Daron Shaw": the verb is no part of it
            src = (i, src[1])
        if src is not None and src[1] - src[0] >= 2 and mentions.has_name(toks, *src) \
                and (src[0] == 0 or toks[src[0] - 1].text.lower() not in _PREPOSITIONS) \
                and not any(t.text in APOSTROPHES or t.text.endswith(POSSESSIVE_S) for t in toks[src[0]:src[1]]):
            colon = toks[-1]
            cue = Cue(colon.start, colon.end, ":", ":", "speech")
            return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                               "cue_before", sent)
        return None
    verb = toks[end - 1]
    found = cue_finder.find(text, toks[0].start, verb.end)[-1:]      # "Trump’s comments" is no cue
    if not found or found[0].type != "speech" or found[0].end != verb.end or not verb.text.islower() \
            or verb.text.endswith("ing") or found[0].lemma in _OBJECT_FIRST \
            or end < 2 or toks[end - 2].text.lower() in _words.passive_auxiliaries \
            or toks[end - 2].text.lower() == "to":
        return None
    k = end - 1
    while k > 0 and toks[k - 1].text.lower() in lexicon.lower_words("extract/cue_modifiers.txt"):
        k -= 1                            # "Christie then said, “…”"
    src = mentions.before(toks, k)
    if src is None or src[1] != k or not mentions.names_someone(toks, *src):
        return None
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), found[0],
                       "cue_before", sent)


def cue_then_quote(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"…handed out leaflets that said, “…”", "…a message which read: “…”": a relative word,
    a speech cue and right after it a quoted sentence that ends the sentence; the source is
    the relative word, standing for the thing before it.  (A participle's noun phrase, "a
    statement saying, “…”", is no safe source: the statement's issuer is.)"""
    text = doc.text
    lo = max(sent.start, doc.paras[sent.paragraph - 1].start, quote.start - _CUE_BEFORE_CHARS)
    before = text[lo:quote.start].lower()
    if "that" not in before and "which" not in before:
        return None                       # the cheap test first: no relative word before the quote
    if not is_statement(text, quote, _STATEMENT_CONFIG) or skip_chars(text, quote.end, sent.end, _SENTENCE_END) < sent.end:
        return None
    toks = tokenize(text, lo, rstrip_end(text, lo, quote.start))
    if lo > sent.start and toks:
        toks = toks[1:]                   # the first token may be cut
    end = len(toks) - 1 if toks and toks[-1].text in (",", ":") else len(toks)
    if end < 3:
        return None
    verb = toks[end - 1]
    if toks[end - 2].text.lower() not in ("that", "which") or not verb.text.islower():
        return None
    found = cue_finder.find(text, verb.start, verb.end)
    if not found or found[0].type != "speech" or (found[0].start, found[0].end) != (verb.start, verb.end) \
            or found[0].lemma in _OBJECT_FIRST:
        return None                       # (not "…, which he called “…”": the quote is a label)
    antecedent = mentions.before(toks, end - 2)
    if antecedent is None:
        return None
    return Attribution(((quote.start, quote.end),), (toks[end - 2].start, toks[end - 2].end), found[0],
                       "cue_then_quote", sent, antecedent=(toks[antecedent[0]].start, toks[antecedent[1] - 1].end))


_SENTENCE_END = frozenset(" \t.!?)”’\"'")


_SAID_FIRST_TOKENS = 3 * mentions.MAX_MENTION_TOKENS   # the lead of "But, said Berg, who …, “…”"


def said_first(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Said Ortiz, “…”", "But, said Berg, who grew up on the quay, “…”": the sentence (after
    any conjunctions) opens with a speech cue, then its source (an appositive or relative
    clause may follow, set off by commas), and a comma right before the quote."""
    text = doc.text
    lead_end = rstrip_end(text, sent.start, quote.start)
    if text[lead_end - 1:lead_end] != "," or doc.has_quote_in(sent.start, quote.start):
        return None
    toks = tokenize(text, sent.start, lead_end, limit=_SAID_FIRST_TOKENS + 1)
    if len(toks) < 3 or len(toks) > _SAID_FIRST_TOKENS:
        return None
    i = 0
    while i < len(toks) and (toks[i].text.lower() in _words.conjunctions or toks[i].text == ","):
        i += 1
    word = toks[i].text if i < len(toks) else ""
    entry = lexicon.cues().get(word.lower())
    if entry is None or entry.type != "speech" or word.lower().endswith("ing") or " " in entry.lemma \
            or (i == 0) != word[:1].isupper():
        return None
    src = mentions.after(toks, i + 1, len(toks) - 1)
    if src is None or src[0] != i + 1 or not mentions.names_someone(toks, *src) \
            or toks[src[0]].text.lower() in _words.subject_pronouns or toks[src[1]].text != ",":
        return None                       # ("Said he, …" is rare; "Said to be …" no source)
    cue = Cue(toks[i].start, toks[i].end, word, entry.lemma, "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "said_first", sent)


_SUBJECT_VERB_TOKENS = 32        # tokens from the sentence start to a quote that subject_verb reads
_SUBJECT_VERB_REACH = 16         # tokens from the verb to the quote


def subject_verb(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"Trump pledged to make Apple “build their damn computers”", "Sanders rattled the
    crowd with “a political revolution”": a quoted statement (no scare quote or title) inside
    a clause whose subject names someone and whose past-tense verb (or cue) comes soon before
    the quote, after any auxiliaries and -ly adverbs ("regularly pledges"); the content runs
    from the verb's object to the quote's close (a mixed quote), or is the quote alone right
    after the verb or a comma ("He offered “…”", "she wrote back, “…”").  A passive verb
    ("was asked, “…”") and a relative clause's verb ("signs that read, “…”") name no source."""
    text = doc.text
    if skip_chars(text, sent.start, quote.start, _QUOTE_LEAD) >= quote.start or is_title(text, quote):
        return None                       # (a title: “The View”)
    phrase = not is_statement(text, quote, _STATEMENT_CONFIG)   # a short phrase: “sherpa”
    if phrase:                            # (most quotes are phrases: look for the verb first)
        near = tokenize(text, max(sent.start, quote.start - _PHRASE_CHARS), quote.start)[-_PHRASE_REACH:]
        if not any(_quotes_phrase(near, k, len(near)) for k in range(len(near))):
            return None
    toks = tokenize(text, sent.start, quote.start, limit=_SUBJECT_VERB_TOKENS + 1)
    if len(toks) < 2 or len(toks) > _SUBJECT_VERB_TOKENS or toks[-1].end > quote.start:
        return None
    src = mentions.forward_subject(toks, 0, len(toks))
    if src is None or not mentions.names_someone(toks, *src) or toks[src[1] - 1].text.endswith(POSSESSIVE_S):
        return None                       # ("Nixon’s appeal for “…”": a possessive, then its noun)
    v = src[1]
    while v < len(toks) and (toks[v].text.lower() in lexicon.lower_words("extract/cue_modifiers.txt")
                             or mentions.is_adverb(toks[v].text)):
        v += 1
    if v >= len(toks) or len(toks) - v > _SUBJECT_VERB_REACH:
        return None
    verb = toks[v].text
    if not (verb.isalpha() and verb.islower()) or verb in _words.not_verbs or verb in _words.finite_auxiliaries \
            or not (_is_past_verb(verb) or verb in lexicon.cues()
                    or verb in lexicon.lower_words("extract/quoting_verbs.txt")):
        return None
    if any(t.text in (",", ";", ":") for t in toks[v + 1:-1]) or toks[-1].text in (";", ":"):
        return None
    be = toks[v - 1].text.lower() in _words.passive_auxiliaries
    if be != verb.endswith("ing"):
        return None                       # "Lind was asked, “…”": the subject is no source; "a
                                          # source familiar with her thinking said, “…”" (but
                                          # "has been hammering")
    if any(t.text.lower() in _words.relatives or (t.text.lower() == "that" and k > v + 1)
           for k, t in enumerate(toks[v + 1:], v + 1)):
        return None                       # "bottles that said “…”": a relative clause's own verb
    if phrase and not _quotes_phrase(toks, v, len(toks)):
        return None                       # "The council relied on so-called “harbour funds”"
    # The content runs from the verb's object to the quote's close, or is the quote alone right
    # after the verb or a comma ("He offered “…”", "she wrote back, “…”").
    entry = lexicon.cues().get(verb)
    bare = entry.lemma if entry is not None else "-" if verb.endswith(("s", "ed", "ing")) else verb
    if phrase and not agrees(toks, src, Cue(toks[v].start, toks[v].end, verb, bare, "speech"), v):
        return None                       # "The 2013 reply reported “…”": a bare form needs a plural
    first = v
    if v + 1 < len(toks) - 1 and f"{verb} {toks[v + 1].text}" in lexicon.lower_words("extract/quoting_verbs.txt"):
        v += 1                            # "summed up Clinton as “terrible”": the particle is the verb's
    start = quote.start if v + 1 == len(toks) or toks[-1].text == "," else toks[v + 1].start
    said = text[toks[first].start:toks[v].end]
    cue = Cue(toks[first].start, toks[v].end, said, said, "speech")
    return Attribution(((start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue,
                       "subject_verb", sent)


_STATEMENT_CONFIG = Config()
_PHRASE_REACH = 6                # tokens from the verb to a short quoted phrase it attributes
_PHRASE_CHARS = 12 * _PHRASE_REACH   # text before a short quoted phrase read for its verb


def _quotes_phrase(toks: list[Token], v: int, end: int) -> bool:
    """May the verb at toks[v] attribute a short quoted phrase a few tokens on ("hammered his
    rival's “reckless spending”")?  Only a speech or act cue or a quoting verb
    (data/extract/quoting_verbs.txt) may, within _PHRASE_REACH tokens and no comma."""
    if end - v > _PHRASE_REACH or toks[end - 1].text == ",":
        return False
    low = toks[v].text.lower()
    entry = lexicon.cues().get(low)
    if entry is not None:
        return entry.type in ("speech", "act")
    quoting = lexicon.lower_words("extract/quoting_verbs.txt")
    return low in quoting or (v + 1 < end and f"{low} {toks[v + 1].text.lower()}" in quoting)


# The quote sieves, name -> function, in the order they are tried on an unclaimed quote.
QUOTE_SIEVES: dict[str, Callable[[Doc, QuotedSpan, Sentence], Attribution | None]] = {
    "chant_quote": chant_quote, "colon": colon, "dash": dash, "signed": signed, "verb_after": verb_after,
    "colon_lead": colon_lead,
    "colon_clause": colon_clause, "colon_paragraph": colon_paragraph, "cue_before": cue_before,
    "cue_then_quote": cue_then_quote, "said_first": said_first, "subject_verb": subject_verb,
    "lead_statement": lead_statement}


def is_statement(text: str, quote: QuotedSpan, config: Config) -> bool:
    """Is a quoted span a statement on its own, rather than a scare quote, a name or a title?"""
    a, b = quote.inner
    inner = text[a:b]
    n = len(inner.split())
    if n <= config.max_scare_words and not _short_sentence(inner):
        return False
    return not is_title(text, quote) and not BYLINE_AFTER.match(text, quote.end)


def _short_sentence(inner: str) -> bool:
    """A short quoted passage that is a whole sentence: “We know it.”, “Never again!”"""
    stripped = inner.strip()
    return len(stripped.split()) >= 2 and stripped[:1].isupper() and stripped.endswith((".", "!", "?"))

"""Chants: the words a crowd chants are quoted whole, and they are the content alone.

chant        a sentence sieve for a chant cue that a quote follows ("about 50 strikers gathered,
             chanting “Fair pay now” after talks broke down": the chant, not the narration after
             it; "The crowd chanted, “Not one more,” and “Rent cap now.”": both).
chant_quote  a quote sieve for a quote no sentence sieve claimed, after a chant noun ("Their chants
             of “Lind! Lind!” were cut short", "The crowd chanted back at her, “…”") or right
             before one ("“Lind!” chants rang out").

The cue lemmas, the words that may stand between the chant word and the quote, and the groups
that chant are in data/extract/chants.txt."""
from __future__ import annotations

import bisect
from functools import lru_cache

from ...model import Cue, QuotedSpan, Sentence
from ...text import lexicon
from .. import mentions
from ..segment import Token, tokens as tokenize
from .grammar import _span, _words
from .views import Attribution, Doc, Sent

_CHANTS = lexicon.WordClasses("extract/chants.txt")      # data/extract/chants.txt
# What may stand between two chanted quotes: "“Send them home,” and “Build the wall.”".
_JOINS = ([], ["and"], ["or"])
_REACH = 40          # characters between a chant word and its quote
_POSSESSIVES = frozenset({"their", "his", "her", "its", "our"})
_QUANTITIES = lexicon.lower_words("extract/approximators.txt") | lexicon.lower_words("extract/quantity_words.txt")


@lru_cache(maxsize=1)
def _forms() -> frozenset[str]:
    """Every form of a chant lemma ("chant", "chants", "chanted", "chanting")."""
    return frozenset(form for form, entry in lexicon.cues().items() if entry.lemma in _CHANTS.lemmas)


def _quote_after(doc: Doc, end: int, limit: int) -> QuotedSpan | None:
    """The quote that opens after ``end`` with only filler words between (not past ``limit``)."""
    i = bisect.bisect_left(doc.quote_starts, end)
    if i >= len(doc.quotes) or doc.quotes[i].start > min(limit, end + _REACH):
        return None
    q = doc.quotes[i]
    between = doc.text[end:q.start].replace(",", " , ").replace(":", " : ").split()
    return q if all(w.lower() in _CHANTS.fillers for w in between) else None


def _run(doc: Doc, first: QuotedSpan, limit: int) -> tuple[int, int]:
    """The span from ``first`` to the last quote joined to it by a comma, "and" or "or"."""
    i = bisect.bisect_left(doc.quote_starts, first.start) + 1
    end = first.end
    while i < len(doc.quotes) and doc.quotes[i].start < limit \
            and doc.text[end:doc.quotes[i].start].replace(",", " ").split() in _JOINS:
        end = doc.quotes[i].end
        i += 1
    return first.start, end


def _source(toks: list[Token], k: int, participle: bool = False) -> tuple[int, int] | None:
    """Who chants the chant word at token ``k``: a possessive before it ("their chants"), the
    clause's subject for a participle after a comma or "and" ("Strikers gathered, chanting"),
    the subject right before a verb ("The crowd chanted"): a mention that names someone or a
    group that chants ([chanters]: "crowd", "fans").  Nobody after a preposition or an
    adjective ("met with chants of", "a loud chant of")."""
    prev = toks[k - 1].text.lower() if k > 0 else ""
    if prev in _POSSESSIVES:
        return k - 1, k
    link = _nominal_link(toks, k)
    if participle and prev in (",", "and") or link is not None:
        src = _clause_subject(toks, k - 1 if link is None else link)   # "Fans responded with chants of"
    else:
        end = _verb_before_object(toks, k)
        src = _trimmed(toks, mentions.before(toks, end))
        if src is None or src[1] != end:
            return None
    return src if src is not None and _chants(toks, src) else None


def _nominal_link(toks: list[Token], k: int) -> int | None:
    """The index of "with"/"in" right before a chant noun at ``k``, or before its article and
    one adjective ("responded with chants", "joined in a loud chant"), else None."""
    for j, article in ((k - 1, None), (k - 2, k - 1), (k - 3, k - 2)):
        if j < 0 or toks[j].text not in _CHANTS.nominal_links:
            continue
        if article is None or (toks[article].text in ("a", "an", "the")
                               and all(t.text.isalpha() and t.text.islower() for t in toks[article:k])):
            return j
    return None


def _verb_before_object(toks: list[Token], k: int) -> int:
    """Where the chanter's mention ends: right before the chant word at ``k``, or, for a chant
    noun that is a past verb's object, before that verb, past an adverb ("the crowd loudly
    reprised the caustic chant")."""
    if toks[k].text.lower() not in ("chant", "chants"):
        return k
    j = k - 1
    if j > 0 and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].text not in ("a", "an", "the"):
        j -= 1                        # an adjective: "the caustic chant"
    if j < 2 or toks[j].text not in ("a", "an", "the"):
        return k
    verb = toks[j - 1].text
    if not (verb.islower() and (verb.endswith("ed") or verb in _words.irregular_pasts)):
        return k
    j -= 1
    while j > 0 and mentions.is_adverb(toks[j - 1].text):
        j -= 1
    return j


def _trimmed(toks: list[Token], src: tuple[int, int] | None) -> tuple[int, int] | None:
    """The mention from its last article ("at one point the crowd" -> "the crowd"), else from
    the first word that can open a noun phrase."""
    if src is None:
        return None
    articles = [i for i in range(src[0], src[1] - 1) if toks[i].text.lower() in ("the", "a", "an")]
    i = articles[-1] if articles else src[0]
    while i < src[1] and not _opens_phrase(toks[i].text):
        i += 1
    return (i, src[1]) if i < src[1] else None


def _opens_phrase(word: str) -> bool:
    """Can ``word`` open a chanter's noun phrase: a capitalised word, an article or a count?"""
    return word[:1].isupper() or word in ("the", "a", "an") or word in _QUANTITIES or word[:1].isdigit() \
        or word in _words.subject_pronouns


def _chants(toks: list[Token], src: tuple[int, int]) -> bool:
    """May the mention chant: a speaker, a group that chants, or people counted ("tenants")?"""
    last = toks[src[1] - 1].text
    return mentions.names_someone(toks, *src) or last.lower() in _CHANTS.chanters \
        or (last.islower() and last.endswith("s") and src[1] - src[0] > 1)


def _clause_subject(toks: list[Token], hi: int) -> tuple[int, int] | None:
    """The subject that opens the clause before ``hi``: a count of people at the sentence start
    or after its first comma ("About 50 strikers", "Outside the hall, hundreds of tenants"),
    else the first mention (:func:`.mentions.forward_subject`); none when the clause is
    passive ("The side was met with chants")."""
    if any(toks[j].text.lower() in _words.passive_auxiliaries
           and (toks[j + 1].text.endswith("ed") or toks[j + 1].text.lower() in _words.irregular_participles
                or toks[j + 1].text.lower() in _words.irregular_pasts)
           for j in range(hi - 1)):
        return None
    comma = next((j + 1 for j in range(hi) if toks[j].text == ","), None)
    relative = next((j + 1 for j in range(hi - 1, 0, -1) if toks[j].text.lower() in ("where", "when")), None)
    for start in (relative, 0, comma):      # "…, where about 50 strikers had gathered, chanting"
        i = start
        while i is not None and i < hi and (toks[i].text.lower() in _QUANTITIES or toks[i].text[:1].isdigit()
                                            or (i > start and toks[i].text.lower() == "of")):
            i += 1
        found = mentions.after(toks, i, hi) if start is not None and i > start else None
        if found is not None:
            return start, found[1]
    return mentions.forward_subject(toks, 0, hi)


def chant(s: Sent, cue: Cue, ci: int, ce: int) -> Attribution | None:
    """A chant cue that a quote follows: the quote (and the quotes joined to it) is the content."""
    if cue.lemma not in _CHANTS.lemmas:
        return None
    q = _quote_after(s.doc, cue.end, s.sentence.end)
    if q is None:
        return None
    src = _source(s.toks, ci, participle=cue.text.lower().endswith("ing"))
    return Attribution((_run(s.doc, q, s.sentence.end),), _span(s, src), cue, "chant", s.sentence)


def chant_quote(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """An unclaimed quote after a chant word no cue list reads there ("their chants of “…”",
    "chanted back at her, “…”") or right before a chant noun ("“…” chants").  A quote joined to it
    ("…, “…” and “…”") floats after it, as the quote sieves leave each quote its own."""
    lo = max(sent.start, quote.start - _REACH - 30)
    window = doc.text[lo:min(sent.end, quote.end + 12)].lower()
    if not any(lemma in window for lemma in _CHANTS.lemmas):
        return None                       # (a quick test: most quotes have no chant word near)
    forms = _forms()
    toks = tokenize(doc.text, lo, quote.start)
    for k in range(len(toks) - 1, -1, -1):
        low = toks[k].text.lower()
        if low in forms:
            if _quote_after(doc, toks[k].end, sent.end) is not quote:
                return None
            src = _source(toks, k)
            cue = Cue(toks[k].start, toks[k].end, toks[k].text, "chant", "speech")
            span = None if src is None else (toks[src[0]].start, toks[src[1] - 1].end)
            return Attribution(((quote.start, quote.end),), span, cue, "chant_noun", sent)
        if low not in _CHANTS.fillers:
            break
    after = tokenize(doc.text, quote.end, min(sent.end, quote.end + 12), limit=1)
    if after and after[0].text.lower() in forms and after[0].start - quote.end <= 1:
        cue = Cue(after[0].start, after[0].end, after[0].text, "chant", "speech")
        return Attribution(((quote.start, quote.end),), None, cue, "chant_noun", sent)
    return None

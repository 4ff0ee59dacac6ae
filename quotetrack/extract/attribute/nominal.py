"""The possessive statement sieve: a name's statement noun, a copula and a that-clause
("Podal’s main argument is that the levy is unfair", "Mr. Vane’s view was that …"): the
clause is the content, the noun its cue (data/extract/statement_nouns.tsv gives the noun's
cue type), the possessive name its source.  No cue verb stands in such a sentence, so the
sentence sieves never read it; one pass over the text finds them all."""
from __future__ import annotations

import re
from functools import lru_cache

from ...config import Config
from ...model import Cue
from ...text import lexicon
from ...text.marks import POSSESSIVE_S
from ...text.spans import ending_at
from .. import mentions
from ..segment import tokens as tokenize
from .grammar import _words
from .views import Attribution, Doc
from .offsets import strip_end
from .scare import scare_quotes_only

RULE = "possessive_statement"
NOMINAL_RULE = "possessive_nominal"


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    """Each statement noun to its cue type ("argument" -> "speech", "view" -> "thought")."""
    return {row[0]: row[1] for row in lexicon.rows("extract/statement_nouns.tsv")}


REACH = 300                   # characters at most of a possessive statement's opening
# A possessor's name before its "’s": "Podal", "Mr. Vane", "Ana Lund" (up to three capitalised words).
_POSSESSOR = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s)?(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*"


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, re.Pattern]:
    """A possessive name, at most two modifiers, a statement noun, a copula and "that":
    "Podal’s main argument is that ", "Mr. Vane's view was that " (group "name" the name,
    group "noun" the noun); and its anchor, the copula and "that", from which it is read back
    (:func:`.spans.ending_at`).  Every repetition is bounded, so no match reads far."""
    nouns = "|".join(sorted(_nouns(), key=len, reverse=True))
    copula = r"\s+(?:is|was|has\s+been|had\s+been|remains|remained)\s+that\s+"
    return (re.compile(rf"(?<![\w’'])(?P<name>{_POSSESSOR})[’']s\s+(?:[a-z]+\s+){{0,2}}?(?P<noun>{nouns})" + copula),
            re.compile(copula))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Capitalised words that open a sentence before a name and are no part of it ("But", "And",
    "While", "The"), lower-cased (built once, not on every token read)."""
    return _words.conjunctions | _words.subordinators | lexicon.lower_words("extract/determiners.txt")


def _past_openers(toks) -> int:
    """The index of the first token of a possessor's name past the words that open its sentence
    ("But Podal’s …": "Podal"); the last token is always kept."""
    lead = 0
    while lead < len(toks) - 1 and toks[lead].text.lower() in _openers():
        lead += 1
    return lead


def possessive_statements(doc: Doc, skip: frozenset[int]) -> list[Attribution]:
    """Every possessive statement of the text (not in a skipped paragraph), in text order."""
    text = doc.text
    if "’s" not in text and "'s" not in text:
        return []
    out = []
    for m in ending_at(*_pattern(), text, REACH):
        sent = doc.sentence_of(m.start())
        if sent.paragraph in skip or m.end() >= sent.end or doc.inside_quote(m.start(), m.end()):
            continue
        if any(w.lower() in _words.subordinators for w in text[sent.start:m.start()].split()):
            continue                      # "While Podal’s argument is that …, few agree": no end read
        toks = tokenize(text, m.start("name"), m.end("name"))
        if not toks or not mentions.has_name(toks, 0, len(toks)) \
                or toks[-1].text.lower() in lexicon.lower_words("extract/calendar_words.txt"):
            continue                      # (not "Monday’s", a title alone)
        lead = _past_openers(toks)
        end = strip_end(text, m.end(), sent.end)
        if len(text[m.end():end].split()) < 3:
            continue
        noun = m.group("noun")
        cue = Cue(m.start("noun"), m.end("noun"), noun, noun, _nouns()[noun])
        out.append(Attribution(((m.end(), end),), (toks[lead].start, m.end("name")), cue, RULE, sent))
    return out


@lru_cache(maxsize=1)
def _cue_nouns() -> dict[str, tuple[str, frozenset[str]]]:
    """Each cue noun a possessive takes to its cue type and linking words
    (data/extract/possessive_cue_nouns.tsv: "call" -> ("speech", {"for", "to"}))."""
    return {row[0]: (row[1], frozenset(row[2].split("|"))) for row in lexicon.rows("extract/possessive_cue_nouns.tsv")}


@lru_cache(maxsize=1)
def _nominal_pattern() -> tuple[re.Pattern, re.Pattern]:
    """A possessive (a name’s, his, her, their), at most two modifiers, a cue noun and a
    linking word: "Lund’s repeated claim that ", "his call for ", "her decision to " (groups
    "name", "noun", "link"); and its anchor, the noun and the link, from which it is read back."""
    nouns = "|".join(sorted(_cue_nouns(), key=len, reverse=True))
    links = "|".join(sorted({w for _, ws in _cue_nouns().values() for w in ws}, key=len, reverse=True))
    tail = rf"(?P<noun>{nouns})\s+(?P<link>{links})\s+"
    owner = rf"(?<![\w’'])(?P<name>{_POSSESSOR}[’']s|(?:[Hh]is|[Hh]er|[Tt]heir))\s+"
    return (re.compile(owner + rf"(?:[a-z\-]+\s+){{0,2}}?" + tail),
            re.compile(rf"(?<![\w\-])(?:{nouns})\s+(?:{links})\s+"))


_CONTENT_ENDS = re.compile(r"[,;:!?]|\s[-–—]\s|[–—]|\.(?:\s|$)")     # where a nominal's content stops


def possessive_nominals(doc: Doc, skip: frozenset[int], config: Config) -> list[Attribution]:
    """Every possessive cue noun with what it reports ("Lund’s claim that the count was late",
    "his call for an inquiry", "their attacks on the plan"): the possessive is the source, the
    noun the cue (its type from data/extract/possessive_cue_nouns.tsv), the clause, infinitive
    or noun phrase after the linking word the content, up to the next comma, colon, dash or
    sentence end, or before a finite verb after a noun phrase.  None holds a quote (the quote
    sieves read those) but scare quotes in an infinitive ("his promise to be “neutral”":
    :mod:`.scare`; a "that" clause's end is not read well enough to hold one: PolNeAR train 2
    of 7).  The nouns are acts and thoughts (kept with ``attributions="all"``): as speech they
    cost PolNeAR speech precision more than they gave recall."""
    text = doc.text
    out = []
    for m in ending_at(*_nominal_pattern(), text, REACH):
        noun, link = m.group("noun"), m.group("link")
        kind, links = _cue_nouns()[noun]
        if link not in links:
            continue
        sent = doc.sentence_of(m.start())
        if sent.paragraph in skip or m.end() >= sent.end or doc.inside_quote(m.start(), m.end()):
            continue
        toks = tokenize(text, m.start("name"), m.end("name"))
        if not toks:
            continue
        lead = _past_openers(toks)
        if toks[-1].text.lower() not in ("his", "her", "their") and (not mentions.has_name(toks, lead, len(toks))
                                                                     or _calendar_word(toks[-1].text)):
            continue                      # (not "Monday’s call for …": no one named)
        start = m.start("link") if link == "to" else m.end()
        stop = _CONTENT_ENDS.search(text, m.end(), sent.end)
        end = stop.start() if stop else sent.end
        if doc.has_quote_in(start, end) and not (link == "to" and scare_quotes_only(doc, start, end, config)) \
                or doc.enclosing(end) is not None:
            continue                      # (a quote in it: the quote sieves read it; not a "that" clause's end)
        if link not in ("that", "to"):
            end = _noun_phrase_end(text, m.end(), end)
        end = strip_end(text, start, end)
        if len(text[start:end].split()) < 1 + (link == "to"):
            continue
        name_end = m.end("name") - 2 if m.group("name")[-2:] in POSSESSIVE_S else m.end("name")
        cue = Cue(m.start("noun"), m.end("noun"), noun, noun, kind)
        out.append(Attribution(((start, end),), (toks[lead].start, name_end), cue, NOMINAL_RULE, sent))
    return out


def _calendar_word(word: str) -> bool:
    """"Monday’s", "January’s": a day or month, no one's possessive."""
    return word.lower().rstrip("s").rstrip("’'") in lexicon.lower_words("extract/calendar_words.txt")


def _noun_phrase_end(text: str, start: int, end: int) -> int:
    """Where a noun phrase from ``start`` stops before ``end``: at a finite verb after its
    first word ("their attacks on [the plan] grew louder", "his support for [the bill] was
    …")."""
    toks = tokenize(text, start, end)
    for tok in toks[1:]:
        low = tok.text.lower()
        if tok.text.islower() and (low in _words.finite_auxiliaries or low in _words.irregular_pasts
                                   or (low.endswith("ed") and len(low) > 4)):
            return tok.start
    return end

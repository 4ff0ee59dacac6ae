"""The possessive statement sieve: a name's statement noun, a copula and a that-clause
("Podal’s main argument is that the levy is unfair", "Mr. Vane’s view was that …"): the
clause is the content, the noun its cue (data/extract/statement_nouns.tsv gives the noun's
cue type), the possessive name its source.  No cue verb stands in such a sentence, so the
sentence sieves never read it; one pass over the text finds them all."""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Cue
from ...text import lexicon
from ...text.spans import ending_at
from .. import mentions
from ..segment import tokens as tokenize
from .grammar import Attribution, _Doc, _words
from .offsets import _strip_end

RULE = "possessive_statement"


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    """Each statement noun to its cue type ("argument" -> "speech", "view" -> "thought")."""
    return {row[0]: row[1] for row in lexicon.rows("extract/statement_nouns.tsv")}


REACH = 300                   # characters at most of a possessive statement's opening


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, re.Pattern]:
    """A possessive name, at most two modifiers, a statement noun, a copula and "that":
    "Podal’s main argument is that ", "Mr. Vane's view was that " (group "name" the name,
    group "noun" the noun); and its anchor, the copula and "that", from which it is read back
    (:func:`.spans.ending_at`).  Every repetition is bounded, so no match reads far."""
    nouns = "|".join(sorted(_nouns(), key=len, reverse=True))
    copula = r"\s+(?:is|was|has\s+been|had\s+been|remains|remained)\s+that\s+"
    return (re.compile(r"(?<![\w’'])(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.\s)?(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*)[’']s\s+"
                       rf"(?:[a-z]+\s+){{0,2}}?(?P<noun>{nouns})" + copula), re.compile(copula))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Capitalised words that open a sentence before a name and are no part of it ("But", "And",
    "While", "The"), lower-cased (built once, not on every token read)."""
    return _words.conjunctions | _words.subordinators | lexicon.lower_words("extract/determiners.txt")


def possessive_statements(doc: _Doc, skip: frozenset[int]) -> list[Attribution]:
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
        lead = 0
        while lead < len(toks) - 1 and toks[lead].text.lower() in _openers():
            lead += 1                     # "But Podal’s …": the name is "Podal"
        end = _strip_end(text, m.end(), sent.end)
        if len(text[m.end():end].split()) < 3:
            continue
        noun = m.group("noun")
        cue = Cue(m.start("noun"), m.end("noun"), noun, noun, _nouns()[noun])
        out.append(Attribution(((m.end(), end),), (toks[lead].start, m.end("name")), cue, RULE, sent))
    return out

"""The subject of the innermost clause before a cue: a cue coordinated with, or a participle
set off after, a verb of an adverbial or relative clause goes on that clause's subject, not on
the sentence's ("The crowd cheered when Trump spotted a sign and asked …", "the rally, at
which he attacked the plan, citing …")."""
from __future__ import annotations

from ...text.marks import TOKEN_CLOSING, TOKEN_OPENING
from .. import mentions
from ..segment import Token
from .bounds import DASHES
from .grammar import _words

_CLAUSE_BREAKS = frozenset({",", ";", ":"})


def inner_subject(toks: list[Token], end: int, relatives: frozenset[str] = frozenset(),
                  nouns: bool = False) -> tuple[int, int] | None:
    """The subject of the clause that a subordinator (text/word_classes.txt [subordinators]) or
    one of ``relatives`` opens before token ``end``, with no comma, dash, quote mark or
    conjunction between (a second verb may be the main clause's):
    the mention right after it, if it is a name or a pronoun (with ``nouns``, any mention that
    names someone: "protesters", "the report") and a lower-case word that is no conjunction or
    preposition follows it (its verb).  None when no
    such clause opens: neither "served as a delegate and said" nor "when asked, said" reads one."""
    for i in range(end - 1, -1, -1):
        word = toks[i].text
        low = word.lower()
        if word in _CLAUSE_BREAKS or word in TOKEN_OPENING or word in TOKEN_CLOSING or word in DASHES \
                or low in _words.conjunctions:
            return None                   # ("when they were young and arrived in Miami, hoping")
        if low in _words.subordinators or low in relatives:
            found = _before_object(toks, mentions.after(toks, i + 1, end))
            if found is None or found[0] != i + 1 or found[1] >= end or not _subject_ok(toks, found, nouns):
                return None
            verb = toks[found[1]].text
            return found if verb.isalpha() and verb.islower() and verb not in _words.conjunctions \
                and verb not in _words.opening_prepositions and verb not in _words.content_prepositions else None
    return None


def _subject_ok(toks: list[Token], found: tuple[int, int], nouns: bool) -> bool:
    """Is the mention a name or a pronoun, or with ``nouns`` any mention naming someone?"""
    return mentions.has_name(toks, *found) or toks[found[0]].text.lower() in _words.subject_pronouns \
        or nouns and mentions.names_someone(toks, *found)


def _before_object(toks: list[Token], found: tuple[int, int] | None) -> tuple[int, int] | None:
    """A mention cut before a lower-case word that opens an object with a determiner: the
    subject and its verb ("in which children use a Trump figure" -> "children")."""
    if found is None:
        return None
    for k in range(found[0] + 1, found[1] - 1):
        if toks[k].text.isalpha() and toks[k].text.islower() and toks[k + 1].text.lower() in _words.object_determiners:
            return found[0], k
    return found


def participle_subject(toks: list[Token], ci: int) -> tuple[int, int] | None:
    """The subject of the clause a participle cue at ``ci`` is set off from by a comma or dash
    (past adverbs and a closing quote mark: "…, strongly denied, noting"), when an adverbial
    or relative clause (text/word_classes.txt [inner_relatives]) opens there: "when protesters
    interrupted her speech, shouting …", "in which he attacked the plan, citing …"."""
    c = ci
    while c >= 2 and mentions.is_adverb(toks[c - 1].text):
        c -= 1
    c -= 1
    if c >= 1 and toks[c].text in TOKEN_CLOSING:
        c -= 1
    return inner_subject(toks, c, _words.inner_relatives, nouns=True) if c >= 1 else None

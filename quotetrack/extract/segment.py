"""Stage 1: paragraphs, sentences and tokens, all as offsets into the original text.

Paragraphs are the non-blank lines of the text (news copy puts one paragraph a
line; a blank line between paragraphs is allowed).  Sentences come from nltk's
Punkt tokenizer, built offline from the abbreviation list shipped in
``data/extract/abbreviations.txt``; a split after ``?”`` or ``!”`` is undone when the next
part starts in lower case (``“Why?” he asked.``) or with a short source and a cue
(``“Why?” Smith asked.``).
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import islice
from typing import Iterator, NamedTuple

import regex

from ..text import lexicon, nltk_light
from ..config import MAX_SENTENCE_CHARS, PIECE_CHARS
from ..model import Paragraph, Sentence
from . import cues


# A non-blank line: "Gantz said.\n" -> the span of "Gantz said."
_LINE = regex.compile(r"[^\n\r\u2028\u2029]*[^\s\u2028\u2029][^\n\r\u2028\u2029]*")

# Tokens: numbers ("3.5", "1,000", "50%"), initialisms ("U.S."), abbreviations from
# data/extract/abbreviations.txt with their period ("Gov.", "Sen."), words with inner apostrophes,
# hyphens and ampersands ("don’t", "F-35s", "AT&T") and a web domain's ending ("Vane.com"),
# or one other visible character.  A
# contracted auxiliary is a token of its own, so its subject is a word as written: "They’ve"
# -> "They", "’ve"; "She’d" -> "She", "’d"; "’s" only after a pronoun that cannot own
# ("He’s" -> "He", "’s"; "Trump’s" stays whole).  The abbreviations are tried only where a
# word and a period follow ((?=\w+\.)): most words have none, and the list is long.  Every
# alternative opens with a visible character, so (?=\S) first skips the spaces between tokens
# without trying each alternative there (the same tokens, a sixth less matching time).
_TOKEN_TEMPLATE = (
    r"(?=\S)(?:\d+(?:[.,]\d+)*%?"
    r"|(?:[A-Za-z]\.){{2,}}"
    r"|(?<!\w)(?=\w+\.)(?:{abbreviations})\.(?!\w)"
    r"|(?<![\w’'\-&])(?:{clitic_hosts})(?=[’']s(?!\w))"
    r"|[’'](?:ve|d|ll|re|m|s)(?![\w’'\-])"
    r"|\w+(?:[’'\-&](?!(?:ve|d|ll|re|m)(?![\w’'\-]))\w+)*(?:\.(?:com|org|net|gov|edu)(?!\w))?"
    r"|''|``|\S)"
)

# Pronouns whose "’s" is "is" or "has", never a possessive.
_CLITIC_HOSTS = ("he", "she", "who")


@lru_cache(maxsize=1)
def _token_pattern() -> re.Pattern:
    words = [w for w in lexicon.lower_words("extract/abbreviations.txt") if "." not in w]
    alternation = lexicon.trie_pattern(words) or "(?!)"
    return re.compile(_TOKEN_TEMPLATE.format(abbreviations=alternation,
                                             clitic_hosts="|".join(_CLITIC_HOSTS)), re.IGNORECASE)


# A possible sentence end with more text after it: "fair. Then" / "fair?” he" / "U.S. officials".
_INNER_END = re.compile(r"[.?!…][\"”’'»)\]]*\s+\S")

# Quote marks that may close a sentence before a lower-case continuation.
_QUESTION_CLOSE = regex.compile(r"[?!][”\"’'»“]+\s*$")   # (“ typed for ”: “Why?“ he asked.)
# Run-together initials ending a span ("J.R.", "J.R.R."), alone or after a capitalised word
# ("Author J.R."), and the word before them.
_INITIALS_END = re.compile(r"(?:^|(?<!\S)(?P<before>\S+)\s+)(?:[A-Z]\.){2,3}$")
_INITIALS_REACH = 40                      # characters read back for them and the word before


class Token(NamedTuple):
    start: int
    end: int
    text: str


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Every non-blank line, numbered from 1.

    >>> [(p.index, p.start, p.end) for p in paragraphs("One.\\n\\nTwo.")]
    [(1, 0, 4), (2, 6, 10)]
    """
    return tuple(Paragraph(i, m.start(), m.end())
                 for i, m in enumerate(_LINE.finditer(text), start=1))


@lru_cache(maxsize=1)
def _punkt():
    punkt = nltk_light.load("nltk.tokenize.punkt")
    params = punkt.PunktParameters()
    params.abbrev_types = set(lexicon.lower_words("extract/abbreviations.txt"))
    tokenizer = punkt.PunktSentenceTokenizer(params, lang_vars=_unguarded_vars(punkt)(),
                                             token_cls=_unguarded_token(punkt))
    tokenizer.text_contains_sentbreak = partial(_contains_break, tokenizer.text_contains_sentbreak,
                                                frozenset(params.abbrev_types))
    return tokenizer


# Punkt's own patterns run unguarded (nltk_light.unguarded): the same sentences, and Punkt takes
# half the time it took (PolNeAR train: 1.34 -> 0.71 CPU s of 17).  nltk 3.10 guards each match
# with a timeout meant for patterns callers supply; Punkt's are fixed and linear (nltk fixed
# their one ReDoS, issue 2866), and it reads at most PIECE_CHARS characters at a time here.
def _unguarded_vars(punkt):
    """Punkt's language variables with their patterns unguarded."""
    guarded = punkt.PunktLanguageVars()
    words, contexts = (nltk_light.unguarded(p) for p in (guarded._word_tokenizer_re(), guarded.period_context_re()))

    class LanguageVars(punkt.PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = nltk_light.unguarded(punkt.PunktLanguageVars.re_boundary_realignment)

        def word_tokenize(self, s):
            return words.findall(s)

        def period_context_re(self):
            return contexts
    return LanguageVars


def _unguarded_token(punkt):
    """Punkt's token class with its patterns unguarded."""
    base = punkt.PunktToken

    class Token(base):
        __slots__ = ()
        _RE_ELLIPSIS, _RE_NUMERIC, _RE_INITIAL, _RE_ALPHA = map(
            nltk_light.unguarded, (base._RE_ELLIPSIS, base._RE_NUMERIC, base._RE_INITIAL, base._RE_ALPHA))
    return Token


# Punkt's context of a possible sentence end: a plain word of letters, its full stop, then a space
# and the next token, or a straight quote mark ("fair. Then", "said. “We", "agreed.\"").
_PLAIN_END = re.compile(r"([A-Za-z]{2,})\.(?: +\S+|[\"'])")


def _contains_break(contains_break, abbreviations: frozenset[str], context: str) -> bool:
    """Punkt's ``text_contains_sentbreak``, answered at once for a plain end (:data:`_PLAIN_END`)
    whose word is no abbreviation: Punkt breaks there always (the word is no initial, number or
    ellipsis, and our parameters hold no collocations or sentence starters), and this shape is
    more than half of the contexts it is asked about.  Any other context goes to Punkt."""
    plain = _PLAIN_END.fullmatch(context)
    if plain is not None and plain.group(1).lower() not in abbreviations:
        return True
    return contains_break(context)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Punkt sentence spans inside text[start:end], lower-case continuations merged."""
    chunk = text[start:end]
    if not _INNER_END.search(chunk):
        yield start, end                  # no sentence end before the last word: one sentence
        return
    pending: tuple[int, int] | None = None
    for s, e in _punkt().span_tokenize(chunk):
        if pending is not None:
            if _QUESTION_CLOSE.search(chunk[pending[0]:pending[1]]) and (
                    chunk[s:s + 1].islower() or _opens_with_cue(text, start + s, start + e)):
                pending = (pending[0], e)     # “Why?” he asked. / “Why?” Smith asked.
                continue
            if _initials_then_name(chunk, pending, s):
                pending = (pending[0], e)     # "Author J.R. Pendleton said …": a name's initials
                continue
            yield start + pending[0], start + pending[1]
        pending = (s, e)
    if pending is not None:
        yield start + pending[0], start + pending[1]


def _initials_then_name(chunk: str, pending: tuple[int, int], s: int) -> bool:
    """Does the span before ``s`` end in run-together initials that open a name ("J.R." alone,
    or after a capitalised word: "Author J.R."), the next span opening with a capitalised word
    that is no function word ("Pendleton")?  Not "… in the U.S. He …"."""
    end = pending[1]
    while end > pending[0] and chunk[end - 1].isspace():
        end -= 1
    if end - pending[0] < 4 or chunk[end - 1] != "." or not chunk[end - 2].isupper():
        return False                      # (most spans end "word.": decided at once)
    lo = max(pending[0], end - _INITIALS_REACH)
    m = _INITIALS_END.search(chunk[lo:end])
    if m is None or (m.group("before") and not _opens_a_name_after(m.group("before"))) \
            or (not m.group("before") and lo > pending[0]):
        return False
    words = chunk[s:s + 40].split(maxsplit=1)
    return bool(words) and words[0][:1].isupper() and words[0][1:2].islower() \
        and words[0].lower() not in lexicon.lower_words("text/function_words.txt")


def _opens_a_name_after(word: str) -> bool:
    """May run-together initials after ``word`` open a name?  After a capitalised word
    ("Author J.R."), a quote that closes on a comma ("…,” K.S. Madhukar said") or a speech
    verb ("said K.S. Madhukar"); not after "the" or "in" ("… in the U.S. He …")."""
    return word[:1].isupper() or re.search(r",[”\"’']+$", word) is not None \
        or lexicon.is_speech_form(word.lower())


def _stripped(text: str, spans) -> Iterator[tuple[int, int]]:
    """Sentence spans without white space at either end."""
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e


def _opens_with_cue(text: str, start: int, end: int) -> bool:
    """Does a sentence open with a short source and a cue ("Smith asked.", "said the mayor")?"""
    window = min(end, start + 60)
    found = cues.find(text, start, window)
    return bool(found) and len(text[start:found[0].start].split()) <= 5


def _paragraph_spans(text: str, start: int, end: int, piece: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of a paragraph, read in pieces of at most ``piece`` characters: each
    piece ends at the last sentence boundary inside it (or at white space when it has
    none), so a paragraph longer than any real one costs what its pieces cost."""
    while end - start > piece:
        spans = list(_sentence_spans(text, start, start + piece))
        if len(spans) > 1:
            yield from spans[:-1]         # the last one may run on past the piece
            start = spans[-1][0]
        else:
            cut = _space_before(text, start, start + piece)
            yield start, cut
            start = cut
    yield from _sentence_spans(text, start, end)


def _space_before(text: str, start: int, end: int) -> int:
    """The offset after the last white space in text[start + 1:end] that follows a comma or a
    semicolon in the second half, else after any white space there, else ``end``."""
    half = start + (end - start) // 2
    for found in (_CLAUSE_GAP, _GAP):
        m = None
        for m in found.finditer(text, half, end):
            pass
        if m is not None:
            return m.end()
    cut = max(text.rfind(" ", start + 1, end), text.rfind("\t", start + 1, end))
    return cut + 1 if cut > start else end


_CLAUSE_GAP = re.compile(r"[,;:]\s+")     # ", " — where a long sentence is best cut
_GAP = re.compile(r"\s+")


def _capped(text: str, spans: Iterator[tuple[int, int]], limit: int) -> Iterator[tuple[int, int]]:
    """Spans no longer than ``limit``: a longer one (a transcript with no full stop, a list
    scraped into one line) is cut at white space, after a comma where one is near."""
    for s, e in spans:
        while e - s > limit:
            cut = _space_before(text, s, s + limit)
            yield s, cut
            s = cut
        yield s, e


def sentences(text: str, paras: tuple[Paragraph, ...], max_chars: int = MAX_SENTENCE_CHARS,
              piece: int = PIECE_CHARS) -> tuple[Sentence, ...]:
    """The sentences of every paragraph, numbered from 1 over the document; none longer
    than ``max_chars`` (see :func:`_capped`), and Punkt reads at most ``piece`` characters
    at a time.

    >>> [text[s.start:s.end] for text in ["A b c d e f."] for s in sentences(text, paragraphs(text), 6)]
    ['A b c', 'd e f.']
    """
    out: list[Sentence] = []
    for para in paras:
        spans = _paragraph_spans(text, para.start, para.end, piece)
        for s, e in _stripped(text, _capped(text, spans, max_chars)):
            out.append(Sentence(len(out) + 1, para.index, s, e))
    return tuple(out)


def paragraph_ranks(paras: tuple[Paragraph, ...], skip: frozenset[int]) -> dict[int, int]:
    """Paragraph index -> its number counting only paragraphs not in ``skip`` (page furniture
    such as newsletter prompts), so distances in paragraphs ignore them.

    >>> paragraph_ranks(paragraphs("A.\\nSubscribe!\\nB."), frozenset({2}))
    {1: 1, 2: 1, 3: 2}
    """
    ranks: dict[int, int] = {}
    counted = 0
    for para in paras:
        counted += para.index not in skip
        ranks[para.index] = counted
    return ranks


# Token(start, end, text) without NamedTuple's Python-level __new__: tokens are made by the
# hundred thousand, and this saves a fifth of the time it takes.
_token = tuple.__new__


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of text[start:end] one at a time, so a reader that needs only the first
    few pays for those only."""
    end = len(text) if end is None else end
    return (_token(Token, (m.start(), m.end(), m.group())) for m in _token_pattern().finditer(text, start, end))


def tokens(text: str, start: int = 0, end: int | None = None, limit: int | None = None) -> list[Token]:
    """Word and punctuation tokens of text[start:end] with document offsets (at most
    ``limit`` of them, from the start, when given).

    >>> [t.text for t in tokens("“It’s fine,” said Gov. Ortiz.")]
    ['“', 'It’s', 'fine', ',', '”', 'said', 'Gov.', 'Ortiz', '.']
    >>> [t.text for t in tokens("He’s said they’d go; Trump’s aide won’t.")]
    ['He', '’s', 'said', 'they', '’d', 'go', ';', 'Trump’s', 'aide', 'won’t', '.']
    >>> [t.text for t in tokens("a b c d", limit=2)]
    ['a', 'b']
    """
    if limit is not None:
        return list(islice(iter_tokens(text, start, end), limit))
    end = len(text) if end is None else end
    return [_token(Token, (m.start(), m.end(), m.group())) for m in _token_pattern().finditer(text, start, end)]

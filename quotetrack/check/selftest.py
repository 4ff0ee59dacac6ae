"""The mutation self-test of ``quotetrack check`` (``quotetrack check --self-test``).

From each source article it builds drafts whose quotes were changed in one known
way, checks every draft against the article, and counts how often the check
gives the verdict the mutation was meant to provoke:

    source ─▶ extract ─▶ one draft per (quote, mutation) + the unmutated drafts
           ─▶ extract the draft again (the mutated quote must still be found there;
              when it is not, the mutation broke extraction: a harness defect, counted apart)
           ─▶ check.check(draft, sources=[source]) ─▶ the finding on the mutated quote
           ─▶ confusion table (intended × reported), accuracy per mutation, overall

Two of the mutations are controls that change nothing that was said: a harmless
stretch left out behind "…" (``ellipsis``, info) and a comma dropped
(``punctuation-only``, info); a check that cried wolf at every change would fail them.

A mutation is a small pure function in :data:`MUTATIONS` (name → function).  It
takes the source :class:`~quotetrack.model.Document`, the index of a quote in it
and a :class:`random.Random`, and returns a :class:`Mutant` (the draft text, the
verdict intended, and the offsets of the mutated passage in the draft), or None
when it does not apply to that quote (no number in it, say).  Mutations work on
the *quoted passages* of direct and mixed quotes (the text between the marks), one
paragraph at a time.  Their word lists are data: ``data/selftest_*.txt|tsv``.
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence, TextIO

from ..text import lexicon
from ..model import Document, Finding
from ..text.spans import Lines
from ..extract import quotes as scanner
from ..text import quantities
from .. import pipeline
from . import drafts as check
from . import sources
from .severity import QUOTE_VERDICTS
from ..errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, report
from ..read import inputs as reader
from ..text.spans import shorten

DRAFT = "draft"                  # the file name the drafts are checked under
# A mutated passage keeps at least this many words: under four, a check says "too-short"
# whatever was done to it, and a cue-less quoted run of up to four words
# (Config.max_scare_words) is a scare quote, not a statement, to the extractor.
MIN_WORDS = 5
FRAGMENT_WORDS = 4               # each piece of a splice has at least this many words
SHORT_WORDS = 4                  # a quote of fewer words is "too-short" (info)
UNMUTATED = "(unmutated)"        # the row of the unmutated drafts' quotes in the confusion table
NONE = "(none)"                  # reported when no finding covers the mutated quote
TARGET = 0.98                    # the accuracy the issue asks for

# --- patterns (one place) --------------------------------------------------------------------------

# A word: "signature", "Calvera’s", "don't", "air-defense".
WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# A number token inside a quantity found by quantities.find: "1.2" in "$1.2bn", "10,000", "three".
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# The end of a sentence inside a passage: "gap. We" -> the ". " after "gap".
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“‘\"'])")
# Punctuation a passage may end with inside its closing mark: “…,” “….” “…?”
END_PUNCT = ".,!?;:"
# A comma between two words inside a passage: "offer, and" (not a final "exposed,").
INNER_COMMA = re.compile(r"(?<=\w),(?= \w)")
# A bare "not" (or "never") not covered by a negation pair: "simply not on the table".
BARE_NOT = re.compile(r"\b(?:not|never)\b\s*", re.IGNORECASE)


# --- records ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mutant:
    """A draft made from a source by one mutation of one quote.

    ``start``/``end`` are the offsets, in ``text``, of the mutated passage (the text
    between the quote marks of the quote that was changed; for a speaker swap, the
    quote's first passage), so a finding can be matched to it.
    """
    mutation: str
    verdict: str                 # what ``quotetrack check`` should report on that quote
    text: str
    start: int
    end: int
    speaker: str | None = None   # the speaker the draft must give the quote (speaker swap)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of checking one draft quote."""
    source: str
    mutation: str                # a name in MUTATIONS, or UNMUTATED
    intended: str
    reported: str                # the verdict of the finding on the quote, or NONE
    quote: str                   # the mutated passage as it reads in the draft
    line: int                    # its line in the draft
    broken: bool = False         # the mutation broke extraction: not scored
    severity: str | None = None

    @property
    def correct(self) -> bool:
        return not self.broken and self.reported == self.intended


# --- word lists --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def negation_pairs() -> tuple[tuple[str, str], ...]:
    """(affirmative, negated) pairs from data/selftest_negations.tsv, in file order.

    >>> ("is", "is not") in negation_pairs()
    True
    """
    out = []
    for line in lexicon._lines("selftest_negations.tsv"):
        aff, _, neg = line.partition("\t")
        out.append((aff.strip().lower(), neg.strip().lower()))
    return tuple(out)


@lru_cache(maxsize=1)
def _negated_pattern() -> re.Pattern:
    """Any negated form of data/selftest_negations.tsv, longest first: "is not", "isn't", "cannot"."""
    forms = sorted({neg for _, neg in negation_pairs()}, key=len, reverse=True)
    body = "|".join(re.escape(f).replace("'", "['’]").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _affirmative_pattern() -> re.Pattern:
    """Any affirmative word of data/selftest_negations.tsv not already negated: "is" but not "is not"."""
    words = sorted({aff for aff, _ in negation_pairs()}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b(?!\s+not\b|['’]t\b|n['’]t\b)",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def qualifiers() -> tuple[str, ...]:
    """Openers of a qualifying clause (data/selftest_qualifiers.txt): ", but", "unless", ...

    >>> ", but" in qualifiers() and "unless" in qualifiers()
    True
    """
    return tuple(line.lower() for line in lexicon._lines("selftest_qualifiers.txt"))


@lru_cache(maxsize=1)
def _qualifier_pattern() -> re.Pattern:
    """A qualifying clause opener after a word: "sign, but only if" -> ", but"; "sign unless" -> " unless"."""
    parts = []
    for q in sorted(qualifiers(), key=len, reverse=True):
        words = r"\s+".join(map(re.escape, q.lstrip(", ").split()))
        parts.append(rf",\s+{words}" if q.startswith(",") else rf",?\s+{words}")
    return re.compile(rf"(?<=\w)(?:{'|'.join(parts)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _opener_pattern() -> re.Pattern:
    """A qualifying clause opener starting a piece of a quote: "but we believe", "unless"."""
    parts = sorted((q.lstrip(", ") for q in qualifiers()), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, q.split())) for q in parts)
    return re.compile(rf"(?:{body})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _number_words() -> dict[str, str]:
    return lexicon.pairs("selftest_numbers.tsv")


@lru_cache(maxsize=1)
def _paraphrases() -> dict[str, str]:
    return lexicon.pairs("selftest_paraphrases.tsv")


@lru_cache(maxsize=1)
def fabricated() -> tuple[str, ...]:
    """The invented sentences of data/selftest_fabricated.txt."""
    return tuple(lexicon._lines("selftest_fabricated.txt"))


# --- helpers (pure) ------------------------------------------------------------------------------------

def passages(doc: Document, index: int) -> list[tuple[int, int]]:
    """The quoted passages of quote ``index``: (start, end) of the text between the marks,
    one piece per paragraph (a multi-paragraph quote's re-opening mark left out).

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign,” Gantz said, “and soon.”")
    >>> [doc.text[s:e] for s, e in passages(doc, 0)]
    ['We will sign,', 'and soon.']
    """
    quote = doc.quotes[index]
    out = []
    for span in _top_spans(doc.text, doc.paragraphs):
        if span.end <= quote.start or span.start >= quote.end:
            continue
        if not any(s <= span.start and span.end <= e for s, e in quote.fragments) and span.paragraphs == 1:
            continue
        inner_start, inner_end = span.inner
        for p in doc.paragraphs:
            s, e = max(inner_start, p.start), min(inner_end, p.end)
            if s >= e:
                continue
            if s == p.start and doc.text[s] in scanner._DOUBLE_OPEN | scanner._SINGLE_OPEN | {'"', "'"}:
                s += 1                                # “ re-opening a continued quote
            if doc.text[s:e].strip():
                out.append((s, e))
    return out


@lru_cache(maxsize=64)
def _top_spans(text: str, paras) -> tuple:
    spans, _ = scanner.scan(text, paras)
    return tuple(scanner.top_level(spans))


def words(text: str) -> list[str]:
    """The words of ``text``.

    >>> words("We are not here, they said.")
    ['We', 'are', 'not', 'here', 'they', 'said']
    """
    return WORD.findall(text)


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _same_case(model: str, word: str) -> str:
    """``word`` with the first letter in the case of ``model``'s: ("Is", "was") -> "Was"."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _end_punct(passage: str) -> str:
    """The punctuation a passage ends with inside its closing mark ("," or "." ...), or ''."""
    stripped = passage.rstrip()
    return stripped[-1] if stripped and stripped[-1] in END_PUNCT else ""


def _mutant(name: str, verdict: str, text: str, start: int, end: int, new: str,
            speaker: str | None = None) -> Mutant | None:
    """The draft with ``text[start:end]`` replaced by ``new``, if the new passage is long enough."""
    if len(words(new)) < MIN_WORDS:
        return None
    return Mutant(name, verdict, _splice(text, start, end, new), start, start + len(new), speaker)


def _long_passages(doc: Document, index: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in passages(doc, index) if len(words(doc.text[s:e])) >= MIN_WORDS]


def _quotable(doc: Document, index: int) -> bool:
    """A direct or mixed quote: one with quoted words a draft could misquote."""
    return doc.quotes[index].kind in ("direct", "mixed")


# --- mutations ---------------------------------------------------------------------------------------

def swap_speaker(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The attribution names another person of the article → ``wrong-speaker``.

    The speaker mention at the attribution ("Renko", "he") is replaced by the full name
    of another person who speaks in the article.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.\\n“That is far too soon for us,” Mara Lind said.")
    >>> m = swap_speaker(doc, 0, random.Random(0))
    >>> m.text.splitlines()[0], m.speaker
    ('“We will sign the deal,” Mara Lind said.', 'Mara Lind')
    """
    quote = doc.quotes[index]
    if not _quotable(doc, index) or quote.speaker_start is None or not quote.speaker:
        return None
    if quote.speaker_type not in ("person", "pronoun"):
        return None
    spoken = {q.speaker for q in doc.quotes}
    others = [e.name for e in doc.entities
              if e.type == "person" and e.name != quote.speaker and e.name in spoken
              and len(e.name.split()) > 1]
    pieces = _long_passages(doc, index)
    if not others or not pieces:
        return None
    name = rng.choice(sorted(others))
    start, end = quote.speaker_start, quote.speaker_end
    shift = len(name) - (end - start) if start < pieces[0][0] else 0
    draft = _splice(doc.text, start, end, name)
    return Mutant("speaker-swap", "wrong-speaker", draft, pieces[0][0] + shift, pieces[0][1] + shift, name)


def change_number(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A number in the quote is changed → ``number-changed``.

    The numbers are those :func:`quotetrack.text.quantities.find` reads (so "F-35" and "no
    one" are not numbers).  In digits the last digit moves by one ("1.2" → "1.3"; a 9
    goes down to 8); a number word becomes the next in data/selftest_numbers.tsv
    ("three" → "four", "million" → "billion").

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We lost 40 jobs in three weeks,” Ortiz said.")
    >>> change_number(doc, 0, random.Random(0)).text
    '“We lost 40 jobs in four weeks,” Ortiz said.'
    >>> change_number(doc, 0, random.Random(1)).text
    '“We lost 41 jobs in three weeks,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    candidates = []
    for s, e in _long_passages(doc, index):
        for q in quantities.find(doc.text, s, e):
            changed = _changed_number(q.text)
            if q.value is not None and changed:
                at, old, new = changed
                candidates.append((q.start + at, q.start + at + len(old), new, s, e))
    if not candidates:
        return None
    start, end, new, s, e = rng.choice(sorted(candidates))
    passage = doc.text[s:start] + new + doc.text[end:e]
    return _mutant("number", "number-changed", doc.text, s, e, passage)


def _changed_number(text: str) -> tuple[int, str, str] | None:
    """The first number token of a quantity and what it becomes: (offset, old, new).

    >>> _changed_number("$1.2bn"), _changed_number("Three million jobs"), _changed_number("a dozen")
    ((1, '1.2', '1.3'), (0, 'Three', 'Four'), None)
    """
    table = _number_words()
    for m in NUMBER_TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit():
            last = int(token[-1])
            return m.start(), token, token[:-1] + str(last + 1 if last < 9 else last - 1)
        if token.lower() in table:
            return m.start(), token, _same_case(token, table[token.lower()])
    return None


def flip_negation(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A negation is removed from the quote, or, when it has none, inserted → ``negation-changed``.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We are not here to sign a paper,” Ortiz said.\\n“This is the right system,” Ortiz said.")
    >>> flip_negation(doc, 0, random.Random(0)).text.splitlines()[0]
    '“We are here to sign a paper,” Ortiz said.'
    >>> flip_negation(doc, 1, random.Random(0)).text.splitlines()[1]
    '“This is not the right system,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = _long_passages(doc, index)
    for s, e in pieces:                                    # remove a negation first
        found = _find_negation(doc.text, s, e, inner=True)
        if found:
            start, end, affirmative = found
            passage = doc.text[s:start] + affirmative + doc.text[end:e]
            if not affirmative:
                passage = doc.text[s:start] + doc.text[end:e].lstrip()
            return _mutant("negation", "negation-changed", doc.text, s, e, passage)
    negate = {}
    for aff, neg in negation_pairs():
        negate.setdefault(aff, neg)
    for s, e in pieces:                                    # else insert one
        m = _affirmative_pattern().search(doc.text, s, e)
        if m:
            new = _same_case(m.group(), negate[m.group().lower()])
            passage = doc.text[s:m.start()] + new + doc.text[m.end():e]
            return _mutant("negation", "negation-changed", doc.text, s, e, passage)
    return None


def negations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every negation in ``text[start:end]``, in order: (start, end, the affirmative it
    stands for; '' for a bare "not" or "never").

    >>> negations("They don't know; it is not over.", 0, 32)
    [(5, 10, 'do'), (20, 26, 'is')]
    """
    found = []
    for m in _negated_pattern().finditer(text, start, end):
        form = re.sub(r"\s+", " ", m.group().lower().replace("’", "'"))
        aff = next(a for a, neg in negation_pairs() if neg == form)
        found.append((m.start(), m.end(), _same_case(m.group(), aff)))
    for m in BARE_NOT.finditer(text, start, end):
        at = m.start()
        if not any(s <= at < e for s, e, _ in found):
            found.append((at, at + len(m.group().rstrip()), ""))
    return sorted(found)


def _find_negation(text: str, start: int, end: int, inner: bool = False) -> tuple[int, int, str] | None:
    """The first negation in ``text[start:end]``: (start, end, affirmative it stands for);
    with ``inner``, a bare "not"/"never" counts only with a word before it (taking away
    a leading "Not" would leave a piece of the source: a truncation, not a changed negation).

    >>> _find_negation("They don't know.", 0, 16)
    (5, 10, 'do')
    >>> _find_negation("Not now, not ever.", 0, 18, inner=True)
    (9, 12, '')
    """
    for hit in negations(text, start, end):
        if not inner or hit[2] or WORD.search(text, start, hit[0]):
            return hit
    return None


def cut_qualifier(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote stops right before a qualifying clause (", but only if", "unless") → ``truncated``.

    The clause is cut from the quote's last passage, or, in an interrupted quote whose last piece
    opens with one (“…,” she said, “but …”), that piece is left out.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal, but only if the terms change,” Ortiz said.")
    >>> cut_qualifier(doc, 0, random.Random(0)).text
    '“We will sign the deal,” Ortiz said.'
    >>> doc = extract("“We respect the court and its work,” Ortiz said, “but the jury was misled.”")
    >>> cut_qualifier(doc, 0, random.Random(0)).text
    '“We respect the court and its work,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = passages(doc, index)
    if pieces:                                # the quote must stop there: its last piece is cut
        s, e = pieces[-1]
        m = _qualifier_pattern().search(doc.text, s, e)
        if m and len(words(doc.text[s:m.start()])) >= MIN_WORDS:
            kept = doc.text[s:m.start()] + _end_punct(doc.text[s:e])
            return _mutant("cut-qualifier", "truncated", doc.text, s, e, kept)
    return _drop_qualifying_piece(doc, index)


def _drop_qualifying_piece(doc: Document, index: int) -> Mutant | None:
    """An interrupted quote without its last piece when that piece opens a qualifying clause."""
    spans = [sp for sp in _top_spans(doc.text, doc.paragraphs)
             if any(s <= sp.start and sp.end <= e for s, e in doc.quotes[index].fragments)]
    if len(spans) < 2 or spans[-1].paragraphs > 1:
        return None
    last_start, last_end = spans[-1].inner
    if not _opener_pattern().match(doc.text[last_start:last_end].lstrip()):
        return None
    kept_start, kept_end = spans[-2].inner
    if len(words(doc.text[kept_start:kept_end])) < MIN_WORDS:
        return None
    gap = doc.text[spans[-2].end:spans[-1].start].rstrip(" ,;:—–-")
    draft = doc.text[:spans[-2].end] + gap + "." + doc.text[spans[-1].end:].lstrip(".")
    return Mutant("cut-qualifier", "truncated", draft, kept_start, kept_end)


def cut_after_negation(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote starts right after a negation of the source → ``truncated`` (its first
    passage loses everything up to and including a negation).

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We are not here to collect a signature,” Ortiz said.")
    >>> cut_after_negation(doc, 0, random.Random(0)).text
    '“here to collect a signature,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = passages(doc, index)
    if not pieces:
        return None
    s, e = pieces[0]                          # the quote must start there: its first piece is cut
    for _, end, _ in negations(doc.text, s, e):
        rest = doc.text[end:e].lstrip()
        if len(words(rest)) >= MIN_WORDS and rest[:1].isalnum():   # not "I did not. I had …"
            return _mutant("cut-after-negation", "truncated", doc.text, s, e, rest)
    return None


def ellipsis_hides(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """An ellipsis stands where the quote's "not" (or "never") was → ``ellipsis-hides``.

    Only a negation that is a word of its own can hide behind an ellipsis: "are not"
    gives "are …", but "wasn't" or "cannot" would need a changed word as well.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“It wasn't me, and we are not here to collect a signature,” Ortiz said.")
    >>> ellipsis_hides(doc, 0, random.Random(0)).text
    "“It wasn't me, and we are … here to collect a signature,” Ortiz said."
    """
    if not _quotable(doc, index):
        return None
    for s, e in _long_passages(doc, index):
        for start, end, affirmative in negations(doc.text, s, e):
            if affirmative and len(doc.text[start:end].split()) == 1:
                continue                      # a contraction or "cannot"
            if not WORD.search(doc.text, s, start):
                continue                      # a leading "Not": the ellipsis would open the quote
            hidden = (affirmative + " …") if affirmative else "…"
            passage = doc.text[s:start] + hidden + doc.text[end:e]
            return _mutant("ellipsis-hides", "ellipsis-hides", doc.text, s, e, passage)
    return None


def splice_speakers(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote is the start of its own passage and the end of another speaker's, joined
    by "…" → ``spliced``.  Only a quote of one passage (one piece, one paragraph) is spliced.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal this week,” Ortiz said.\\n“That is far too soon for us,” Mara Lind said.")
    >>> splice_speakers(doc, 0, random.Random(0)).text.splitlines()[0]
    '“We will sign the … too soon for us,” Ortiz said.'
    """
    quote = doc.quotes[index]
    if not _quotable(doc, index) or not quote.speaker:
        return None
    own = _long_passages(doc, index)
    if len(passages(doc, index)) != 1:
        return None                       # the quote's other pieces would still be genuine
    if not own:
        return None
    s, e = own[0]
    head = _first_half(doc.text[s:e])
    # Another speaker's words, which must not be this quote's too (a headline may repeat a
    # quote under another attribution): else the "splice" is one passage with a gap.
    tails = [tail for j, q in enumerate(doc.quotes)
             if q.speaker and q.speaker != quote.speaker and _quotable(doc, j)
             for ps, pe in _long_passages(doc, j)
             for tail in [_second_half(doc.text[ps:pe])]
             if tail not in doc.text[s:e] and head not in doc.text[ps:pe]]
    if not tails:
        return None
    tail = rng.choice(tails)
    if len(words(head)) < FRAGMENT_WORDS or len(words(tail)) < FRAGMENT_WORDS:
        return None
    passage = head + " … " + tail + _end_punct(doc.text[s:e])
    return _mutant("splice", "spliced", doc.text, s, e, passage)


def _first_half(passage: str) -> str:
    """The first words of a passage's first sentence (half, at least 4, at most 8), no end
    punctuation.

    >>> _first_half("We will sign the deal within the next ten days.")
    'We will sign the deal'
    """
    first = SENTENCE_END.split(passage, 1)[0]
    found = list(WORD.finditer(first))
    keep = min(max(FRAGMENT_WORDS, (len(found) + 1) // 2), 8, len(found))
    return first[:found[keep - 1].end()] if found else ""


def _second_half(passage: str) -> str:
    """The last words of a passage's last sentence (half, at least 4, at most 8), no end
    punctuation.

    >>> _second_half("That is far too soon for us,")
    'too soon for us'
    """
    last = SENTENCE_END.split(passage)[-1].strip()
    found = list(WORD.finditer(last))
    keep = min(max(FRAGMENT_WORDS, len(found) // 2), 8, len(found))
    return last[found[-keep].start():found[-1].end()] if found else ""


def fabricate(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """The quote is replaced by an invented sentence (data/selftest_fabricated.txt) → ``not-found``.
    Only a quote of one passage (one piece, one paragraph) is replaced.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.")
    >>> fabricate(doc, 0, random.Random(0)).text
    '“I have always said the marmalade contest is the heart of this whole valley,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    pieces = _long_passages(doc, index)
    if not pieces or len(passages(doc, index)) != 1:
        return None                       # the quote's other pieces would still be genuine
    s, e = pieces[0]
    sentence = rng.choice(fabricated())
    passage = sentence.rstrip(END_PUNCT) + (_end_punct(doc.text[s:e]) or ".")
    return _mutant("fabricated", "not-found", doc.text, s, e, passage)


def paraphrase(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A few words of the quote are swapped for near-synonyms (data/selftest_paraphrases.tsv)
    → ``altered``: one word in a quote of under 12 words, two under 25, else three.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“This is the right system for our country,” Ortiz said.")
    >>> paraphrase(doc, 0, random.Random(0)).text
    '“This is the correct system for our country,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    table = _paraphrases()
    for s, e in _long_passages(doc, index):
        found = [m for m in WORD.finditer(doc.text, s, e) if m.group().lower() in table]
        if not found:
            continue
        n = len(words(doc.text[s:e]))
        count = min(len(found), 1 if n < 12 else 2 if n < 25 else 3)
        chosen = sorted(rng.sample(range(len(found)), count))
        passage, cursor = [], s
        for k in chosen:
            m = found[k]
            passage += [doc.text[cursor:m.start()], _same_case(m.group(), table[m.group().lower()])]
            cursor = m.end()
        passage.append(doc.text[cursor:e])
        return _mutant("paraphrase", "altered", doc.text, s, e, "".join(passage))
    return None


def benign_ellipsis(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A control: two to four harmless words in the middle of a sentence give way to "…"
    → ``ellipsis`` (info), not ``ellipsis-hides``.  Nothing in data/selftest_keep_words.txt,
    no number and no sentence end is left out, and four words stay on each side.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will keep the night crew on the same pay and the same hours,” Ortiz said.")
    >>> benign_ellipsis(doc, 0, random.Random(0)).text
    '“We will keep the night crew on … and the same hours,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    keep = lexicon.lower_words("selftest_keep_words.txt")
    for s, e in _long_passages(doc, index):
        found = list(WORD.finditer(doc.text, s, e))
        runs = []
        for i in range(FRAGMENT_WORDS, len(found) - FRAGMENT_WORDS):
            for n in (4, 3, 2):
                j = i + n - 1
                if j >= len(found) - FRAGMENT_WORDS:
                    continue
                start, end = found[i].start(), found[j].end()
                gap = doc.text[found[i - 1].end():found[j + 1].start()]
                if (any(w.group().lower() in keep or "'" in w.group() or "’" in w.group()
                        for w in found[i:j + 1])
                        or re.search(r"[.!?;:—–()\[\]“”‘\"]", gap) or quantities.find(doc.text, start, end)):
                    continue
                runs.append((start, end))
                break
        if runs:
            start, end = rng.choice(runs)
            passage = doc.text[s:start].rstrip() + " … " + doc.text[end:e].lstrip()
            return _mutant("ellipsis", "ellipsis", doc.text, s, e, passage)
    return None


def drop_comma(doc: Document, index: int, rng: random.Random) -> Mutant | None:
    """A control: a comma inside the quote is left out → ``punctuation-only`` (info).

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“This is a fair offer, and it is the best one we have,” Ortiz said.")
    >>> drop_comma(doc, 0, random.Random(0)).text
    '“This is a fair offer and it is the best one we have,” Ortiz said.'
    """
    if not _quotable(doc, index):
        return None
    for s, e in _long_passages(doc, index):
        commas = [m.start() for m in INNER_COMMA.finditer(doc.text, s, e)]
        if commas:
            at = rng.choice(commas)
            return _mutant("punctuation", "punctuation-only", doc.text, s, e,
                           doc.text[s:at] + doc.text[at + 1:e])
    return None


MUTATIONS: dict[str, Callable[[Document, int, random.Random], Mutant | None]] = {
    "speaker-swap": swap_speaker,
    "number": change_number,
    "negation": flip_negation,
    "cut-qualifier": cut_qualifier,
    "cut-after-negation": cut_after_negation,
    "ellipsis-hides": ellipsis_hides,
    "splice": splice_speakers,
    "fabricated": fabricate,
    "paraphrase": paraphrase,
    "ellipsis": benign_ellipsis,
    "punctuation": drop_comma,
}


# --- unmutated drafts ----------------------------------------------------------------------------------

def unmutated(doc: Document) -> list[tuple[str, str]]:
    """The drafts that change no quote: the article itself and, when it has any "said" cue,
    a light rewrite with every such cue in the present ("said" → "says").

    >>> from quotetrack.pipeline import extract
    >>> [name for name, _ in unmutated(extract("“We will sign the deal,” Ortiz said."))]
    ['as written', 'says for said']
    """
    drafts = [("as written", doc.text)]
    cues = sorted({(q.cue_start, q.cue_end) for q in doc.quotes
                   if q.cue == "said" and q.cue_start is not None}, reverse=True)
    if cues:
        text = doc.text
        for s, e in cues:
            text = _splice(text, s, e, "says")
        drafts.append(("says for said", text))
    return drafts


# --- running ------------------------------------------------------------------------------------------

Checker = Callable[[str], Sequence[Finding]]


def drafts(doc: Document, seed: int = 0) -> Iterable[tuple[int, Mutant]]:
    """Every (quote index, mutant) of a source, in order; deterministic for a seed and the
    text (not its file name: an article gives the same drafts wherever it is read from)."""
    text_id = zlib.crc32(doc.text.encode("utf-8"))
    for index in range(len(doc.quotes)):
        for name, mutate in MUTATIONS.items():
            rng = random.Random(f"{seed}:{text_id}:{index}:{name}")
            mutant = mutate(doc, index, rng)
            if mutant is not None:
                yield index, mutant


def same_quotes(doc: Document, text: str) -> bool:
    """Does extraction find the same quotes (kind, speaker, place) in ``text`` as in ``doc``?
    A rewrite that keeps every quote must not change what the extractor reads.

    >>> from quotetrack.pipeline import extract
    >>> doc = extract("“We will sign the deal,” Ortiz said.")
    >>> same_quotes(doc, "“We will sign the deal,” Ortiz says."), same_quotes(doc, "“We will sign the deal.”")
    (True, False)
    """

    def shape(d: Document) -> list[tuple]:
        return [(q.kind, q.speaker, q.start, q.end) for q in d.quotes]
    return shape(doc) == shape(pipeline.extract(text, doc_id=DRAFT))


def still_found(mutant: Mutant) -> bool:
    """Does extraction on the draft still find a quoted quote over the mutated passage
    (with the intended speaker, for a speaker swap)?"""
    doc = pipeline.extract(mutant.text, doc_id=DRAFT)
    for q in doc.quotes:
        if q.kind == "direct" or q.kind == "mixed":
            if any(s < mutant.end and mutant.start < e for s, e in q.fragments):
                return mutant.speaker is None or q.speaker == mutant.speaker
    return False


def finding_for(findings: Sequence[Finding], start: int, end: int) -> Finding | None:
    """The quote verdict (:data:`QUOTE_VERDICTS`) that overlaps ``start..end`` most (the
    first of equals), or None.

    >>> f = Finding("d", 1, 1, "verified", "info", "", start=0, end=10)
    >>> finding_for([f], 5, 20) is f, finding_for([f], 10, 20)
    (True, None)
    """
    best, most = None, 0
    for f in findings:
        if f.verdict not in QUOTE_VERDICTS:
            continue
        overlap = min(f.end, end) - max(f.start, start)
        if overlap > most:
            best, most = f, overlap
    return best


def score_source(doc: Document, checker: Checker, seed: int = 0) -> tuple[list[Outcome], list[Finding]]:
    """Check every draft of one source; return the outcomes and the error-level findings
    on its unmutated drafts."""
    outcomes: list[Outcome] = []
    errors: list[Finding] = []
    for name, text in unmutated(doc):
        if text != doc.text and not same_quotes(doc, text):
            outcomes.append(Outcome(doc.doc_id, UNMUTATED, "verified", NONE, name, 1, broken=True))
            continue
        findings = checker(text)
        errors.extend(replace(f, file=f"{doc.doc_id} ({name})") for f in findings if f.severity == "error")
        if text != doc.text:
            continue
        for i in range(len(doc.quotes)):
            pieces = passages(doc, i) if _quotable(doc, i) else []
            if not pieces:
                continue
            n = sum(len(words(text[s:e])) for s, e in pieces)
            f = finding_for(findings, *pieces[0])
            outcomes.append(Outcome(doc.doc_id, UNMUTATED, "too-short" if n < SHORT_WORDS else "verified",
                                    f.verdict if f else NONE, text[slice(*pieces[0])],
                                    Lines(text).line(pieces[0][0]), severity=f.severity if f else None))
    for _, mutant in drafts(doc, seed):
        quote, line = mutant.text[mutant.start:mutant.end], Lines(mutant.text).line(mutant.start)
        f = finding_for(checker(mutant.text), mutant.start, mutant.end)
        # A verdict on the quote shows the extractor found it (with the speaker it gives);
        # only without one is the draft extracted again to tell a harness defect from a miss.
        if (f is None or (mutant.speaker and f.speaker != mutant.speaker)) and not still_found(mutant):
            outcomes.append(Outcome(doc.doc_id, mutant.mutation, mutant.verdict, NONE, quote, line, broken=True))
            continue
        outcomes.append(Outcome(doc.doc_id, mutant.mutation, mutant.verdict, f.verdict if f else NONE,
                                quote, line, severity=f.severity if f else None))
    return outcomes, errors


def default_sources() -> list[str]:
    """The ``corpus/*.txt`` articles next to the package (relative to the working
    directory when they are under it), or [] when there is no corpus."""
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    if not corpus.is_dir():
        return []
    here = Path.cwd().resolve()
    return sorted(str(p.relative_to(here)) if p.is_relative_to(here) else str(p)
                  for p in corpus.glob("*.txt"))


def make_checker(name: str, text: str) -> Checker:
    """``check.check`` of a draft against one source, the article ``text`` (read once)."""
    source = sources.source_from_text(text, name)
    return lambda draft: check.check(draft, DRAFT, sources=[source])


def run(paths: Sequence[str], out: TextIO, *, seed: int = 0, misses: bool = True) -> int:
    """Mutate each source in ``paths`` (default: the repo's corpus), check every draft,
    and write the confusion table and accuracies to ``out``.

    Returns 0 when the accuracy over the scored mutations is at least 0.98 and no
    unmutated draft has an error-level finding, 1 otherwise (or when a source could not
    be read), 2 when there is nothing to test.  With ``misses`` (the default) every
    wrong verdict is listed under the tables, as ``SOURCE:LINE: mutation: intended ->
    reported: quote``.
    """

    paths = list(paths) or default_sources()
    if not paths:
        report("self-test", "no SOURCE given and no corpus/ next to the package: "
                            "name the source articles to mutate (quotetrack check --self-test SOURCE...)")
        return EXIT_USAGE
    outcomes: list[Outcome] = []
    errors: list[Finding] = []
    failed = 0
    for item in reader.iter_inputs(paths):
        if isinstance(item, reader.InputError):
            report(item.source, item.message)
            failed += 1
            continue
        doc = pipeline.extract(item.text, doc_id=item.doc_id)
        done, wrong = score_source(doc, make_checker(item.doc_id, item.text), seed)
        outcomes += done
        errors += wrong
    accuracy = write_report(outcomes, errors, out, misses=misses)
    if failed or accuracy is None:
        return EXIT_FAILED
    return EXIT_OK if accuracy >= TARGET and not errors else EXIT_FAILED


# --- the report ----------------------------------------------------------------------------------------

def confusion(outcomes: Sequence[Outcome]) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Rows (intended verdicts), columns (reported verdicts, the intended ones included)
    and counts of the scored outcomes.

    >>> rows, cols, counts = confusion([Outcome("a", "number", "number-changed", "altered", "q", 1)])
    >>> rows, cols, counts[("number-changed", "altered")]
    (['number-changed'], ['altered', 'number-changed'], 1)
    """
    counts: dict[tuple[str, str], int] = {}
    for o in outcomes:
        if not o.broken:
            key = (o.intended, o.reported)
            counts[key] = counts.get(key, 0) + 1
    rows = _ordered({k[0] for k in counts})
    cols = _ordered({k[1] for k in counts} | set(rows))
    return rows, cols, counts


def _ordered(verdicts: set[str]) -> list[str]:
    order = [*QUOTE_VERDICTS, NONE]
    return sorted(verdicts, key=lambda v: (order.index(v) if v in order else len(order), v))


def write_report(outcomes: Sequence[Outcome], errors: Sequence[Finding], out: TextIO,
                 misses: bool = False) -> float | None:
    """Write the confusion table, accuracy per mutation and overall, and the errors on
    unmutated drafts; return the overall accuracy over mutations (None with none scored)."""
    from tabulate import tabulate

    mutated = [o for o in outcomes if o.mutation != UNMUTATED]
    rows, cols, counts = confusion(outcomes)
    table = [[r] + [counts.get((r, c), 0) or "" for c in cols] for r in rows]
    out.write("Confusion (rows: intended verdict, columns: reported verdict; "
              "the verified and too-short rows are the quotes of the unmutated article)\n")
    out.write(tabulate(table, headers=["intended \\ reported"] + cols, disable_numparse=True) + "\n\n")
    per = []
    for name in MUTATIONS:
        mine = [o for o in mutated if o.mutation == name]
        scored = [o for o in mine if not o.broken]
        right = sum(o.correct for o in scored)
        per.append([name, mine[0].intended if mine else "", len(scored), right,
                    f"{right / len(scored):.3f}" if scored else "-", len(mine) - len(scored)])
    out.write(tabulate(per, headers=["mutation", "intended", "drafts", "correct", "accuracy",
                                     "broke extraction"], disable_numparse=True) + "\n\n")
    scored = [o for o in mutated if not o.broken]
    accuracy = sum(o.correct for o in scored) / len(scored) if scored else None
    rates = [float(row[4]) for row in per if row[4] != "-"]
    plain = [o for o in outcomes if o.mutation == UNMUTATED]
    out.write(f"mutations: {sum(o.correct for o in scored)}/{len(scored)} reported as intended"
              f" (accuracy {accuracy:.3f}; target {TARGET})\n" if scored else "mutations: none scored\n")
    if rates:
        lowest = sorted((row for row in per if row[4] != "-"), key=lambda r: r[4])[:3]
        out.write(f"mean of the per-mutation accuracies: {sum(rates) / len(rates):.3f}; lowest: "
                  + ", ".join(f"{row[0]} {row[4]}" for row in lowest) + "\n")
    out.write(f"broke extraction (harness defects, not scored): {len(mutated) - len(scored)}\n")
    left_out = sum(o.broken for o in plain)
    plain = [o for o in plain if not o.broken]
    out.write(f"unmutated quotes reported as intended (verified, or too-short under {SHORT_WORDS} words): "
              f"{sum(o.correct for o in plain)}/{len(plain)}\n")
    out.write(f"unmutated rewrites left out (the rewrite changed extraction): {left_out}\n")
    out.write(f"error-level findings on unmutated drafts: {len(errors)}\n")
    for f in errors:
        out.write(f"  {f.file}:{f.line}:{f.column}: {f.verdict}: {_short(f.quote or f.message)}\n")
    if misses:
        wrong = [o for o in outcomes if not o.broken and not o.correct]
        out.write(f"\nwrong verdicts: {len(wrong)}\n")
        for o in wrong:
            out.write(f"  {o.source}:{o.line}: {o.mutation}: {o.intended} -> {o.reported}: {_short(o.quote)}\n")
    return accuracy


def _short(text: str, width: int = 90) -> str:
    return shorten(text, width)

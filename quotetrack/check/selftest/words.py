"""What the mutations share: settings, patterns, the Mutant and Outcome records, the
word lists of data/selftest_*, and small pure helpers on passages."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...text.marks import DOUBLE_OPEN, SINGLE_OPEN
from ...text import lexicon
from ...model import Document
from ...extract import quotes as scanner


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
    """(affirmative, negated) pairs from data/selftest/selftest_negations.tsv, in file order.

    >>> ("is", "is not") in negation_pairs()
    True
    """
    out = []
    for line in lexicon.lines("selftest/selftest_negations.tsv"):
        aff, _, neg = line.partition("\t")
        out.append((aff.strip().lower(), neg.strip().lower()))
    return tuple(out)


@lru_cache(maxsize=1)
def _negated_pattern() -> re.Pattern:
    """Any negated form of data/selftest/selftest_negations.tsv, longest first: "is not", "isn't", "cannot"."""
    forms = sorted({neg for _, neg in negation_pairs()}, key=len, reverse=True)
    body = "|".join(re.escape(f).replace("'", "['’]").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _affirmative_pattern() -> re.Pattern:
    """Any affirmative word of data/selftest/selftest_negations.tsv not already negated: "is" but not "is not"."""
    words = sorted({aff for aff, _ in negation_pairs()}, key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b(?!\s+not\b|['’]t\b|n['’]t\b)",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def qualifiers() -> tuple[str, ...]:
    """Openers of a qualifying clause (data/selftest/selftest_qualifiers.txt): ", but", "unless", ...

    >>> ", but" in qualifiers() and "unless" in qualifiers()
    True
    """
    return tuple(line.lower() for line in lexicon.lines("selftest/selftest_qualifiers.txt"))


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
    return lexicon.pairs("selftest/selftest_numbers.tsv")


@lru_cache(maxsize=1)
def _paraphrases() -> dict[str, str]:
    return lexicon.pairs("selftest/selftest_paraphrases.tsv")


@lru_cache(maxsize=1)
def fabricated() -> tuple[str, ...]:
    """The invented sentences of data/selftest/selftest_fabricated.txt."""
    return tuple(lexicon.lines("selftest/selftest_fabricated.txt"))


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
            if s == p.start and doc.text[s] in DOUBLE_OPEN | SINGLE_OPEN | {'"', "'"}:
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

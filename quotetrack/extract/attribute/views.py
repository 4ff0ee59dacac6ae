"""The records every attribution sieve shares: an :class:`Attribution` (content fragments, a
source, a cue and the rule that linked them), and the views a sieve reads, :class:`Sent` (one
sentence's tokens, with indexes built once a sentence) and :class:`Doc` (the document's
sentences and top-level quotes, found by bisection)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, NamedTuple

from ...text.marks import TOKEN_CLOSING
from ...text import lexicon
from ...model import Cue, Paragraph, QuotedSpan, Sentence
from ..segment import Token


_words = lexicon.WordClasses("text/word_classes.txt")   # _words.relatives, ... (data/text/word_classes.txt)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Content fragments linked to a source mention and a cue by one rule."""
    fragments: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    cue: Cue | None
    rule: str
    sentence: Sentence
    follows: int | None = None    # for floating quotes: index of the attribution it continues
    antecedent: tuple[int, int] | None = None   # what a relative source ("who") stands for
    interviewee: tuple[int, int] | None = None  # an interview answer's: the name in the introduction


@dataclass
class Sent:
    """One sentence being read: its tokens, and the quoted spans of the document."""
    text: str
    sentence: Sentence
    toks: list[Token]
    doc: "Doc"
    found: list["Attribution"] = field(default_factory=list)   # attributions of this sentence so far
    starts: list[int] = field(default_factory=list)            # token starts, built once
    breaks: list[tuple[int, int]] | None = None                # clause breaks, built on first use by grammar
    _marks: dict[str, "Marks"] = field(default_factory=dict)  # comma indexes, built on first use
    _mentions: dict[tuple, Any] = field(default_factory=dict)   # mentions and subjects read so far

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.toks]

    def marks(self, name: str) -> "Marks":
        """Token indexes of the sentence's commas ("commas": all / outside quote marks; "verb_commas": before a
        verb with no subject; "relative_commas": before a relative pronoun), built once a sentence to bisect."""
        if name not in self._marks:
            self._marks[name] = _MARKERS[name](self)
        return self._marks[name]

    def mention(self, read: Callable[..., tuple[int, int] | None], *at: int) -> tuple[int, int] | None:
        """``read`` (mentions.before or .after) at ``at``, read once a sentence: sieves ask for the same ones."""
        if (read, at) not in self._mentions:
            self._mentions[read, at] = read(self.toks, *at)
        return self._mentions[read, at]

    def once(self, judge: Callable[..., Any], *args: Any) -> Any:
        """``judge(self, *args)``, judged once a sentence: the tail and head sieves ask for the same subjects."""
        if (judge, args) not in self._mentions:
            self._mentions[judge, args] = judge(self, *args)
        return self._mentions[judge, args]

    def closes(self, k: int) -> bool:
        """Does token ``k`` close a quote (“…,” or a turned “…,“ the scanner closed)?"""
        t = self.toks[k]
        return t.text in TOKEN_CLOSING or (t.text == "“" and self.doc.quote_at(end=t.end) is not None)

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


class Marks(NamedTuple):
    all: list[int]
    outside: list[int]


def _commas(s: Sent) -> Marks:
    found = [i for i, t in enumerate(s.toks) if t.text == ","]
    return Marks(found, [i for i in found if not s.doc.inside_quote(s.toks[i].start, s.toks[i].end)])


def _verb_commas(s: Sent) -> Marks:
    """Commas before a cue, an auxiliary or an -ed verb that has no subject of its own
    ("Barkley, who said he votes democratic, said …")."""
    toks = s.toks
    found = [i for i in range(len(toks) - 1) if toks[i].text == "," and _opens_predicate_word(
        toks[i + 2].text if toks[i + 1].text in TOKEN_CLOSING and i + 2 < len(toks) else toks[i + 1].text)]
    return Marks(found, found)                 # (also "who calls him a “fraud,” said …")


def _opens_predicate_word(nxt: str) -> bool:
    return nxt.islower() and (lexicon.cues().get(nxt) is not None or nxt in _words.finite_auxiliaries
                              or nxt in _words.irregular_pasts or (nxt.endswith("ed") and len(nxt) > 4))


def _relative_commas(s: Sent) -> Marks:
    """Commas that open a relative clause ("inflation, which was high, …")."""
    toks = s.toks
    found = [i for i in range(len(toks) - 1) if toks[i].text == "," and toks[i + 1].text.lower() in _words.relatives]
    return Marks(found, found)


_MARKERS: dict[str, Callable[[Sent], Marks]] = {"commas": _commas, "verb_commas": _verb_commas,
                                                  "relative_commas": _relative_commas}


@dataclass
class Doc:
    text: str
    paras: tuple[Paragraph, ...]
    sents: tuple[Sentence, ...]
    quotes: list[QuotedSpan]          # top-level quoted spans, by start
    quote_starts: list[int]
    sent_starts: list[int] = field(default_factory=list)   # sentence starts, for bisection

    def quote_at(self, start: int | None = None, end: int | None = None) -> QuotedSpan | None:
        """The top-level quote that opens at ``start`` or closes at ``end``."""
        if start is not None:
            i = bisect.bisect_left(self.quote_starts, start)
            if i < len(self.quotes) and self.quotes[i].start == start:
                return self.quotes[i]
            return None
        i = bisect.bisect_right(self.quote_starts, end) - 1
        if i >= 0 and self.quotes[i].end == end:
            return self.quotes[i]
        return None

    def enclosing(self, offset: int) -> QuotedSpan | None:
        """The top-level quote that opened before ``offset`` and is still open there."""
        i = bisect.bisect_left(self.quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].start < offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def inside_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, start) - 1
        return i >= 0 and self.quotes[i].start < start and end <= self.quotes[i].end

    def has_quote_in(self, start: int, end: int) -> bool:
        """Does a top-level quote open inside text[start:end]?  (One bisection.)"""
        i = bisect.bisect_left(self.quote_starts, start)
        return i < len(self.quotes) and self.quotes[i].start < end

    def sentence_of(self, offset: int) -> Sentence:
        """The sentence that holds ``offset`` (the first one for an offset before any)."""
        i = bisect.bisect_right(self.sent_starts, offset) - 1
        return self.sents[max(i, 0)]


"""Frozen result records.

Every record carries ``start``/``end`` character offsets into the document text
exactly as it was read, so ``text[r.start:r.end] == r.text`` holds for every
record that has a ``text``.  Nothing in the pipeline rewrites the text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping, get_args

Kind = Literal["direct", "mixed", "indirect"]
SpeakerType = Literal["person", "organisation", "descriptor", "pronoun", "unknown"]
CueType = Literal["speech", "thought", "evidence", "act"]
Severity = Literal["error", "warning", "info"]
# How a quote's speaker was found (Quote.speaker_basis): the name is at the cue; a surname,
# first name or title stands for a fuller name; a pronoun; a definite description; a floating
# quote's predecessor; another fragment's or quote's speaker carried over; nothing resolved.
Basis = Literal["named", "alias", "pronoun", "description", "floating", "inherited", "unresolved"]
BASES: tuple[str, ...] = get_args(Basis)
# Bases that read the speaker through a pronoun or a description: an editor should look
# (the table marks them "(?)"; check makes a wrong speaker against them a warning).
UNCONFIRMED_BASES = frozenset({"pronoun", "description"})
ARTICLE = "(article)"            # Claim.speaker of the reporter's own narrative
UNKNOWN = "(unknown)"            # Claim.speaker of a quote with neither a resolved speaker nor a mention
TRANSCRIPT_RULE = "transcript"   # Quote.rule of a transcript turn (pipeline.extract_transcript)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A non-empty line (or block) of the text; ``index`` counts from 1."""
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence; ``index`` counts from 1 over the document, ``paragraph`` from 1."""
    index: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A run of text between a pair of quote marks (marks included).

    ``closed`` is False for a quote whose closing mark never came; it then ends
    at the end of its paragraph.  ``paragraphs`` counts the paragraphs a
    multi-paragraph quote runs over (1 for ordinary quotes).
    """
    start: int
    end: int
    mark: str          # the opening mark as written: “ ‘ " ' « „ `` ''
    double: bool       # a double-quote family mark (“ " « „ ``)
    closed: bool
    paragraphs: int = 1
    depth: int = 0     # 0 = outermost

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the text between the marks."""
        close = 0 if not self.closed else (2 if self.mark in ("``", "''") else 1)
        return self.start + len(self.mark), self.end - close


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: "said", "told reporters", "according to", ":" or "—"."""
    start: int
    end: int
    text: str
    lemma: str
    type: CueType = "speech"


@dataclass(frozen=True, slots=True)
class Mention:
    """A source mention as written at the attribution ("he", "Gantz", "a senior official")."""
    start: int
    end: int
    text: str
    type: SpeakerType
    title: str | None = None
    name: str | None = None  # the name part without title ("Benny Gantz")


@dataclass(frozen=True, slots=True)
class Entity:
    """One speaker of a document, with every mention that resolved to it."""
    name: str
    type: SpeakerType
    title: str | None = None
    gender: str | None = None   # "m", "f" or None when nothing in the text shows it
    mentions: tuple[Mention, ...] = ()
    roles: tuple[str, ...] = ()  # every role the text gives it, as keys ("finance minister", "52-year-old")


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement.

    ``fragments`` are the (start, end) pieces of the content; an interrupted quote
    (“…,” he said, “…”) has several, and ``start``/``end`` run from the first to
    the last.  ``text`` is ``document_text[start:end]``.
    """
    kind: Kind
    text: str
    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    speaker: str | None             # resolved name, None when unknown
    speaker_title: str | None       # the resolved speaker's title ("Defense Minister")
    speaker_type: SpeakerType
    mention: Mention | None         # the source mention as written at the attribution ("he")
    cue: Cue | None                 # "said", "told reporters", "according to", ":"
    paragraph: int                  # from 1
    sentence: int                   # from 1
    context: str                    # the sentence(s) the quote sits in, or a window of them with "…"
    rule: str                       # the sieve that attributed it
    warnings: tuple[str, ...] = ()
    follows: int | None = None      # floating quotes: index (in Document.quotes) of the quote continued
    speaker_basis: Basis = "unresolved"   # how the speaker was found: one of BASES
    speaker_id: int | None = None   # the speaker's index in Document.entities (stable within the document)
    context_start: int = 0          # context without its "…" marks is text[context_start:context_end]
    context_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines form of the output contract."""
        mention, cue = self.mention, self.cue
        return {
            "kind": self.kind,
            "content": self.text,
            "content_start": self.start,
            "content_end": self.end,
            "fragments": [list(f) for f in self.fragments],
            "speaker": self.speaker,
            "speaker_mention": mention.text if mention else None,
            "speaker_start": mention.start if mention else None,
            "speaker_end": mention.end if mention else None,
            "speaker_title": self.speaker_title,
            "speaker_type": self.speaker_type,
            "speaker_basis": self.speaker_basis,
            "speaker_id": self.speaker_id,
            "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "cue_type": cue.type if cue else None,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "context": self.context,
            "context_start": self.context_start,
            "context_end": self.context_end,
            "rule": self.rule,
            "follows": self.follows,
            "warnings": list(self.warnings),
        }


def mention_text(quote: Quote) -> str | None:
    """The source mention of ``quote`` as written ("he", "Gantz"), None when it has none."""
    return quote.mention.text if quote.mention is not None else None


def cue_text(quote: Quote) -> str | None:
    """The cue of ``quote`` as written ("said", "told reporters"), None when it has none."""
    return quote.cue.text if quote.cue is not None else None


@dataclass(frozen=True, slots=True)
class TextWarning:
    """A problem found in the text (not a failure): an unclosed quote mark, say."""
    code: str
    message: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}


def content_hash(text: str) -> str:
    """The SHA-256 of a text's UTF-8 bytes, in hex: what identifies a document (in a ledger,
    and in the Parquet output as ``doc_hash``).

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


OUTPUT_KEYS = ("quotes", "warnings")     # keys the output writes itself


def _input_key(key: str, meta: Mapping[str, Any]) -> str:
    """The name an input field that clashes with an output key is kept under:
    "input_quotes" (or "input_input_quotes" if the input has that too, and so on)."""
    key = "input_" + key
    while key in meta:
        key = "input_" + key
    return key


@dataclass(frozen=True, slots=True)
class Document:
    """The result of extraction on one text."""
    doc_id: str
    text: str
    quotes: tuple[Quote, ...]
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    warnings: tuple[TextWarning, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)
    claims: tuple["Claim", ...] = ()       # filled by the claims stage when it runs

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines record: doc_id, pass-through fields, quotes, warnings.  An input
        field named "quotes" or "warnings" is passed through as "input_quotes"/"input_warnings".

        >>> Document("d", "", (), meta={"quotes": [1], "url": "u"}).to_dict()
        {'doc_id': 'd', 'input_quotes': [1], 'url': 'u', 'quotes': [], 'warnings': []}
        """
        out: dict[str, Any] = {"doc_id": self.doc_id}
        for key, value in self.meta.items():
            if key in OUTPUT_KEYS:        # an input's own "quotes" (a gold file, say) is kept,
                key = _input_key(key, self.meta)   # as "input_quotes"
            if key not in ("doc_id", "text"):
                out[key] = value
        if self.meta.get("text_from"):      # extracted from a page: keep what offsets point into
            out["text"] = self.text
        out["quotes"] = [q.to_dict() for q in self.quotes]
        out["warnings"] = [w.to_dict() for w in self.warnings]
        return out

    def claims_of(self, quote: int) -> tuple["Claim", ...]:
        """The claims made in ``self.quotes[quote]``, in text order (empty when the claims
        stage did not run).

        >>> import quotetrack
        >>> doc = quotetrack.extract("“Prices rose 4% last year,” Ortiz said.")
        >>> [c.text for c in doc.claims_of(0)]
        ['Prices rose 4% last year']
        """
        return tuple(c for c in self.claims if c.quote == quote)


# --- claims (issue "Fact claims") -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or named quantity as written ("3 million", "40%", "$1.2 billion", "three").

    ``value`` is the number it stands for (3000000.0, 40.0, 1200000000.0, 3.0), None when
    it has none ("dozens"); ``unit`` is what is counted or measured: "%", "$", "€",
    "years", "jobs", or "" when nothing follows.
    """
    start: int
    end: int
    text: str
    value: float | None
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "unit": self.unit}


@dataclass(frozen=True, slots=True)
class ClaimScore:
    """How check-worthy one sentence is, and why.

    ``rules`` names every rule that fired with the weight it added (``--explain``);
    ``types`` are the claim types those rules stand for ("quantity", "comparison", ...).
    """
    score: float                               # 0..1
    check_worthy: bool                         # score >= the default threshold
    types: tuple[str, ...] = ()
    rules: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy statement found in a document.

    ``text == document_text[start:end]``: a sentence of the narrative or the claim
    part of a quote.  ``speaker`` is the resolved speaker of the quote or attribution
    it sits in, or "(article)" for the reporter's own narrative; ``quote`` is the
    index in ``Document.quotes`` of that quote (None for narrative).
    """
    text: str
    start: int
    end: int
    rating: ClaimScore                  # how check-worthy, and which rules said so
    quantities: tuple[Quantity, ...]
    speaker: str
    quote: int | None
    paragraph: int
    sentence: int


# --- draft checks (issue "quotetrack check") -----------------------------------------------------

SEVERITIES: tuple[Severity, ...] = get_args(Severity)


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of ``quotetrack check``: a verdict on a quote or a problem in the draft.

    ``line``/``column`` count from 1 in the draft; ``start``/``end`` are offsets into it.
    The ``source*`` fields, ``similarity`` and ``tier`` are set when a source was consulted.
    """
    file: str
    line: int
    column: int
    verdict: str
    severity: Severity
    message: str
    start: int = 0
    end: int = 0
    quote: str = ""
    speaker: str | None = None
    source: str | None = None
    source_line: int | None = None
    source_speaker: str | None = None
    similarity: float | None = None
    tier: str | None = None           # exact | whitespace | typography | case | fuzzy
    diff: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines form: the keys of the output contract, in order."""
        return {key: getattr(self, key) for key in (
            "file", "line", "column", "verdict", "severity", "quote", "speaker", "source",
            "source_line", "source_speaker", "similarity", "tier", "diff", "message")}

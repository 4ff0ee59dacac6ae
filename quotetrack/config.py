"""The frozen configuration of the pipeline, with documented defaults."""
from __future__ import annotations

from dataclasses import dataclass, fields

ATTRIBUTIONS = ("speech", "all")
MAX_SENTENCE_CHARS = 2000    # default of Config.max_sentence_chars
PIECE_CHARS = 50_000         # default of Config.piece_chars


@dataclass(frozen=True)
class Windows:
    """How far the sieves read around a quote or a cue, in tokens or characters.  Every look
    around is bounded, so a document costs time in proportion to its length, never to its
    square, whatever its shape (issue 10); none of these bounds is reached by news copy.

    joint_chars
        Characters before a source or a cue read for what joins it to the clause before
        (", and", ", falsely"), when one sentence holds several sources. Default 80.
    dash_tokens
        Tokens of a dash attribution after a quote ("— Commissioner Ruth Ortiz"). Default 12.
    colon_lead_tokens, colon_clause_tokens
        Tokens of the clause before a colon that introduces a quote. Defaults 25 and 40.
    cue_before_chars
        Characters before an unclaimed quote read for "Name said, “…”". Default 120.
    naming_tokens
        Tokens from a naming cue ("called") to its quoted label. Default 10.
    asked_tokens
        Tokens of adjunct between "Asked" and its question. Default 10.
    modifier_tokens
        Tokens between a long subject's noun phrase and its cue. Default 14.
    pronoun_speakers
        Earlier speakers a pronoun looks back over (as well as at most two paragraphs;
        one paragraph can hold thousands). Default 50.
    names_back
        Earlier names or subjects a pronoun or a description ("the minister") looks back
        over. Default 200.
    """
    joint_chars: int = 80
    dash_tokens: int = 12
    colon_lead_tokens: int = 25
    colon_clause_tokens: int = 40
    cue_before_chars: int = 120
    naming_tokens: int = 10
    asked_tokens: int = 10
    modifier_tokens: int = 14
    pronoun_speakers: int = 50
    names_back: int = 200


WINDOWS = Windows()


class ConfigError(ValueError):
    """An option has a value it cannot take."""


@dataclass(frozen=True)
class Config:
    """Options of :func:`quotetrack.extract`.

    attributions
        ``"speech"`` (default) keeps statements: quotes and reported speech.
        ``"all"`` also keeps attributed thoughts, beliefs and intentions ("Trump believes …"),
        evidence ("a poll shows …") and speech acts about a thing rather than a statement
        ("Gantz praised the deal"); their ``cue_type`` says which.  A direct quote is kept
        in either mode, whatever its cue, and so is a mixed one ("accused the minister of
        “playing games”"): its words are quoted.
    indirect
        Find indirect (paraphrased) speech as well as direct and mixed quotes. Default True.
    floating
        A cue-less quoted sentence or paragraph right after an attributed quote takes that
        quote's speaker. Default True.
    max_scare_words
        A quoted run of at most this many words, with no cue of its own, is a scare
        quote or a name, not a statement. Default 4.
    claims
        Run the claims stage: score every narrative sentence and every quote's content for
        check-worthiness and fill ``Document.claims`` (see :mod:`quotetrack.claims.units`).
        Default True; the ``extract`` and ``eval`` commands and ``bench --no-claims`` turn
        it off, to show and time extraction alone.
    max_context_chars
        A quote's ``context`` is its sentence(s) when they are at most this many characters,
        else a window of about this size around the quote, with "…" where it is cut
        (``context_start``/``context_end`` give its place in the text). Default 600.
    max_sentence_chars
        A "sentence" longer than this (a transcript with no full stop, a scraped list in one
        line) is cut at white space, after a comma where one is near, so every sieve reads a
        bounded sentence. No news sentence comes near it. Default 2,000.
    piece_chars
        The sentence splitter reads a paragraph in pieces of at most this many characters,
        each ending at a sentence boundary. Default 50,000.
    """
    attributions: str = "speech"
    indirect: bool = True
    floating: bool = True
    max_scare_words: int = 4
    claims: bool = True
    max_context_chars: int = 600
    max_sentence_chars: int = MAX_SENTENCE_CHARS
    piece_chars: int = PIECE_CHARS

    def __post_init__(self) -> None:
        if self.attributions not in ATTRIBUTIONS:
            raise ConfigError(
                f"attributions={self.attributions!r} is not one of {', '.join(ATTRIBUTIONS)}")
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "bool" and not isinstance(value, bool):
                raise ConfigError(f"{f.name}={value!r} must be True or False")
        for name, least in (("max_context_chars", 40), ("max_sentence_chars", 100), ("piece_chars", 1000)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < least:
                raise ConfigError(f"{name}={value!r} must be a whole number >= {least}")
        if not isinstance(self.max_scare_words, int) or self.max_scare_words < 0:
            raise ConfigError(f"max_scare_words={self.max_scare_words!r} must be a whole number >= 0")

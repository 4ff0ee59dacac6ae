"""The frozen configuration of the pipeline, with documented defaults."""
from __future__ import annotations

from dataclasses import dataclass, fields

ATTRIBUTIONS = ("speech", "all")


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
    """
    attributions: str = "speech"
    indirect: bool = True
    floating: bool = True
    max_scare_words: int = 4
    claims: bool = True

    def __post_init__(self) -> None:
        if self.attributions not in ATTRIBUTIONS:
            raise ConfigError(
                f"attributions={self.attributions!r} is not one of {', '.join(ATTRIBUTIONS)}")
        for f in fields(self):
            value = getattr(self, f.name)
            if f.type == "bool" and not isinstance(value, bool):
                raise ConfigError(f"{f.name}={value!r} must be True or False")
        if not isinstance(self.max_scare_words, int) or self.max_scare_words < 0:
            raise ConfigError(f"max_scare_words={self.max_scare_words!r} must be a whole number >= 0")

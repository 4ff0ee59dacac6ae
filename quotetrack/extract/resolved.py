"""The record of a resolved source mention, shared by the resolution stage's modules
(:mod:`.resolve` walks the attributions, :mod:`.pronouns` resolves the pronouns)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention


@dataclass(frozen=True)
class Resolved:
    """A source mention and what it resolved to: ``entity`` indexes the document's entities
    (None when unresolved); ``basis`` says how (model.BASES); ``warning`` names close rivals."""
    mention: Mention | None
    speaker: str | None
    title: str | None
    type: str
    basis: str = "unresolved"
    entity: int | None = None
    warning: str | None = None

"""quotetrack: who said what in English news text.

>>> doc = extract('“We also make deals,” Gantz said.')
>>> [(q.kind, q.mention.text, q.cue.text) for q in doc.quotes]
[('direct', 'Gantz', 'said')]
>>> [(c.text, c.speaker) for c in extract('“Taxes rose 40% in 2023,” Gantz said.').claims_of(0)]
[('Taxes rose 40% in 2023', 'Gantz')]
"""
from .config import Config, ConfigError
from .claims.scorer import score_claim
from .model import (
    Claim, ClaimScore, Cue, Document, Entity, Mention, Paragraph, Quantity, Quote, Sentence, TextWarning)
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "Claim", "ClaimScore", "Config", "ConfigError", "Cue", "Document", "Entity", "Mention",
    "Paragraph", "Quantity", "Quote", "Sentence", "TextWarning", "extract", "score_claim", "__version__",
]

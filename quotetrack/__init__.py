"""quotetrack: who said what in English news text.

>>> doc = extract('“We also make deals,” Gantz said.')
>>> [(q.kind, q.speaker_mention, q.cue) for q in doc.quotes]
[('direct', 'Gantz', 'said')]
"""
from .config import Config, ConfigError
from .claimscore import score_claim
from .model import ClaimScore, Cue, Document, Entity, Mention, Paragraph, Quote, Sentence, TextWarning
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "ClaimScore", "Config", "ConfigError", "Cue", "Document", "Entity", "Mention", "Paragraph",
    "Quote", "Sentence", "TextWarning", "extract", "score_claim", "__version__",
]

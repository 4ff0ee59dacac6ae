"""Compose the stages: text -> Document.  (Being written; see the stage modules.)"""
from __future__ import annotations

from typing import Any, Mapping

from .config import Config
from .model import Document


def extract(text: str, doc_id: str = "<text>", config: Config | None = None,
            meta: Mapping[str, Any] | None = None) -> Document:
    """Find every attributed statement in ``text``."""
    config = config or Config()
    return Document(doc_id=doc_id, text=text, quotes=(), meta=dict(meta or {}))

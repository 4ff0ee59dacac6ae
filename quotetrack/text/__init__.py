"""Text helpers that know nothing of the pipeline: word lists, quote marks, names, spans, numbers."""

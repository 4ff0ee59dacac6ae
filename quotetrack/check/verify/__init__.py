"""Hold a draft's quotes against what was really said: one verdict per quote.

For every quote of a draft (after :func:`quotetrack.pipeline.extract`) the words
it puts in quote marks (all of its words for indirect speech) are looked up in
the sources (:mod:`quotetrack.check.sources`):

1. candidate places come from the sources' inverted indexes: the draft's rarer
   words vote for a source and a diagonal (source position minus draft
   position), and nearby votes are pooled into a window;
2. within each window the draft words are aligned to a stretch of source words
   (an edit distance with a free start and end in the source; a ``[bracketed]``
   insertion may stand for up to four source words; ``[sic]`` is left out);
3. the best place decides the verdict.  Where the words are the same, the
   characters are compared through a ladder of normalisations to name the tier:
   ``exact``, ``whitespace``, ``typography`` (curly/straight quotes, dashes,
   non-breaking spaces, soft hyphens), ``case``; otherwise the tier is ``fuzzy``.

Fragments joined by an ellipsis (… / ... / . . .) are placed one by one, in order.
Speakers compare by name identity ("Gantz" = "Benny Gantz" = "Defense Minister
Benny Gantz"); a passage of an article's narrative has no speaker and neither
confirms nor contradicts the draft's.

>>> from quotetrack.check import sources
>>> from quotetrack import pipeline
>>> src = sources.source_from_text("GANTZ: We also make deals with the United States.\\n"
...                                "ESPER: Thank you.\\n", "transcript.txt")
>>> doc = pipeline.extract("“We also make deals with the United States,” Mark Esper said.")
>>> f = verify_quotes(doc, "draft.txt", [src])[0]
>>> f.verdict, f.severity, f.tier, f.source_line, f.source_speaker
('wrong-speaker', 'error', 'exact', 1, 'GANTZ')
>>> f.message
'“We also make deals with the United States” is attributed to Mark Esper; transcript.txt:1 has GANTZ saying it'
"""
from ..sources import Source, SourceError, load_source
from ...text.names import same_speaker
from .compare import tier_of
from ..severity import QUOTE_VERDICTS
from .index import TIERS, SourceIndex, align, index_of, segments_of
from .verdicts import verify_quote, verify_quotes

__all__ = ["verify_quotes", "verify_quote", "load_source", "Source", "SourceError", "QUOTE_VERDICTS", "TIERS",
           "same_speaker", "align", "SourceIndex", "index_of", "segments_of", "tier_of"]

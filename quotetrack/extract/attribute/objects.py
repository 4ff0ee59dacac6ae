"""Which short contents are still reports: a two-word noun phrase a speech cue takes as its
object ("announced [her resignation]", "called for [an inquiry]").  Read by the head sieve,
which otherwise drops a content of fewer than three words."""
from __future__ import annotations

from ...model import Cue
from .grammar import _Sent, _words
from .offsets import _word_count


def short_object(s: _Sent, cue: Cue, k: int, ce: int, content: tuple[int, int]) -> bool:
    """Is a two-word content the noun phrase a cue that takes one reports ("announced his
    resignation", "denied the charges", "called for an inquiry"): right after the cue, opened by
    a determiner or possessive?  Only a speech cue (not "did not speak the language"), and not
    "say"/"tell", which report clauses ("said he could")."""
    toks = s.toks
    return k == ce and cue.type == "speech" and cue.lemma not in _words.clause_only_cues \
        and _word_count(s.text, *content) == 2 and toks[k].text.lower() in _words.object_determiners \
        and not s.doc.has_quote_in(*content)

"""Whether a subject pronoun opens the clause a speech cue reports ("said she was tired of it
and wanted …"): a thought cue coordinated after it is inside that report (:func:`.clauses.coordinated`)."""
from __future__ import annotations

from ...text import lexicon
from .. import mentions
from ..segment import Token


def opens_report(toks: list[Token], i: int) -> bool:
    """Does the subject pronoun at token ``i`` open the clause a speech cue reports, right after
    the cue or its "that" ("said she was tired of it and wanted …": a thought cue, "wanted", is
    hers, inside the report; a speech or act cue, "said it had waited and added …" / "… and
    thanked drivers", or a thought with quoted words, "… but agreed it had ''value''", stays
    the first subject's, a statement of its own)?"""
    k = i - 1 if i > 0 and toks[i - 1].text.lower() != "that" else i - 2
    if k < 0:
        return False
    return lexicon.is_speech_form(toks[k].text.lower())


def earlier_speech_cue(toks: list[Token], end: int) -> int | None:
    """The last speech cue before token ``end`` with a word of its clause right before it, if
    any: "said" in "She said her party would back it if it was put to a vote, and called on …"
    (:func:`.clauses.coordinated` reads it only after a comma and a conjunction, for a second
    speech cue: "said it was buying gas and did not expect …" goes on with the report)."""
    cues = lexicon.cues()
    for i in range(end - 1, 0, -1):
        entry = cues.get(toks[i].text.lower())
        if entry is not None and entry.type == "speech" and mentions.is_word(toks[i - 1].text):
            return i
    return None

"""The signed sieve: a pull quote whose last line, inside its quote marks, is the name of the
one quoted and nothing that reports ("“We lost the vote, and we will lose the next one.
¶ Ann Bell, Leland Water Trust.”"): a page that sets a quote apart prints its speaker under it,
and a copy of the page keeps the line inside the marks.  The quote opens its paragraph and
never closes there; the line is the next paragraph and closes the marks.  The line's name is
the source (rule ``signed``), its closing mark the cue; the content is the quoted passage."""
from __future__ import annotations

from ...config import WINDOWS
from ...model import Cue, QuotedSpan, Sentence
from ...text.marks import TOKEN_CLOSING
from .. import cues as cue_finder, mentions
from ..segment import Token, tokens as tokenize
from .offsets import rstrip_end, word_count
from .views import Attribution, Doc

SIGNED_RULE = "signed"
_LINE_MAX_TOKENS = WINDOWS.dash_tokens     # tokens of a signature line, as of a dash attribution


def signed(doc: Doc, quote: QuotedSpan, sent: Sentence) -> Attribution | None:
    """"“… ¶ Ann Bell, Leland Water Trust.”": an unclosed quote that is its paragraph whole, and
    a line after it that names a speaker and closes the marks."""
    text = doc.text
    para = doc.paras[sent.paragraph - 1]
    if quote.closed or sent.paragraph >= len(doc.paras) or text[para.start:quote.start].strip() \
            or word_count(text, quote.start, quote.end, 3) < 3:
        return None
    line = doc.paras[sent.paragraph]
    close = rstrip_end(text, line.start, line.end)
    if close <= line.start or text[close - 1] not in TOKEN_CLOSING or cue_finder.find(text, line.start, close):
        return None                       # (a line that reports is no signature)
    toks = tokenize(text, line.start, close - 1, limit=_LINE_MAX_TOKENS + 1)
    if not toks or len(toks) > _LINE_MAX_TOKENS or not mentions.is_capitalised(toks[0].text):
        return None
    src = mentions.after(toks, 0)
    if src is None or src[0] != 0 or not mentions.names_someone(toks, *src) or not name_line(toks, src):
        return None
    if any(t.text in (".", "!", "?", ":", ";") for t in toks[src[1]:-1]):
        return None                       # one line, one phrase
    cue = Cue(close - 1, close, text[close - 1], text[close - 1], "speech")
    return Attribution(((quote.start, quote.end),), (toks[src[0]].start, toks[src[1] - 1].end), cue, SIGNED_RULE, sent)


def name_line(toks: list[Token], src: tuple[int, int]) -> bool:
    """Does a signature line's name at ``src`` end the line, or stand before only ", its
    affiliation" or a period ("Ann Bell.", "Ann Bell, Leland Water Trust"), as a line that
    signs a quote does, not a sentence ("Lower the harbour fees.")?  Read by this sieve and by
    the dash sieve's signature line (:func:`.quoted.dash`)."""
    return src[1] >= len(toks) or toks[src[1]].text in (",", ".")


"""Quoted titles of works: a title-case quoted span that names a show, a book or a film
(“Saturday Night Live”, “in his 2012 book, “A Long Road””), not a statement anyone makes.
Read by :mod:`.quoted` (quotes with no cue) and by :mod:`.sentence` and :mod:`.driver`
(a cue's content that is only a work's title)."""
from __future__ import annotations

import re

from ...model import QuotedSpan
from ...text import lexicon

_words = lexicon.WordClasses("text/word_classes.txt")   # data/text/word_classes.txt

# A byline right after a quoted passage makes it the title of a piece in a list of links:
# —“Harbour plan stalls again,” by the Gazette's Ana Ruiz.
BYLINE_AFTER = re.compile(r"[ \t]*,?[ \t]*by[ \t]+(?:the[ \t]+)?[A-Z]")

_WORK_BEFORE = re.compile(r"([\w-]+)[ \t]*,?[ \t]*$")      # the word before a quote, a comma between
_WORK_REACH = 40                                           # characters looked back for it


def is_title(text: str, quote: QuotedSpan) -> bool:
    """Is a quoted span in title case, a name or a title: “Saturday Night Live”, “Crippled
    America: How to …”?"""
    words = [w for w in text[quote.inner[0]:quote.inner[1]].replace(":", " ").split() if w[:1].isalpha()]
    return bool(words) and len(words) <= 12 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _words.title_small_words for w in words)


def names_a_work(text: str, quote: QuotedSpan) -> bool:
    """Is a title-case quoted span the title of a work: right after a work noun ("in his 2012
    book, “A Long Road”", "its podcast “Town Hours”"; data/extract/work_nouns.txt) or before a
    byline ("“A Long Road,” by Ann Dole")?"""
    if not is_title(text, quote):
        return False
    before = _WORK_BEFORE.search(text, max(0, quote.start - _WORK_REACH), quote.start)
    return BYLINE_AFTER.match(text, quote.end) is not None or (
        before is not None and before.group(1).lower() in lexicon.lower_words("extract/work_nouns.txt"))

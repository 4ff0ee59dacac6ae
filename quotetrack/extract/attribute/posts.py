"""Embedded social-media posts: a page that embeds a post prints its text, then a signature
line naming the account holder ("— Trudy Kessler-Baines (@RepKesslerBaines) March 3, 2025";
data/extract/post_signatures.txt).  The post is a direct statement of that person (rule
``post``): its source is the name on the signature line, its cue the line's dash, and a link
that ends the post ("https://t.co/…", "pic.twitter.com/…") is no part of it.  Reports the
sieves found inside the post's paragraph give way to it: the post is quoted whole."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ...model import Cue, Paragraph
from ...text import lexicon
from .views import Attribution, Doc
from .offsets import rstrip_end, word_count

POST_RULE = "post"
# Links a post ends with, and the white space before them.
_LINKS_AT_END = re.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/)\S+)+\s*$")


@lru_cache(maxsize=1)
def _signature() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.patterns("extract/post_signatures.txt")), re.MULTILINE)


def embedded_posts(doc: Doc, paras: tuple[Paragraph, ...], skip: frozenset[int]) -> list[Attribution]:
    """One direct statement for each post a signature line follows."""
    found = []
    for k in range(1, len(paras)):
        sign, post = paras[k], paras[k - 1]
        if doc.text[sign.start] not in "—–-" or post.index in skip or sign.end - sign.start > 160:
            continue
        m = _signature().match(doc.text, sign.start, sign.end)
        if m is None:
            continue
        links = _LINKS_AT_END.search(doc.text, post.start, post.end)
        end = rstrip_end(doc.text, post.start, links.start() if links else post.end)
        if word_count(doc.text, post.start, end) < 2:
            continue
        sent = doc.sents[bisect.bisect_right(doc.sent_starts, post.start) - 1]
        cue = Cue(sign.start, sign.start + 1, doc.text[sign.start], "—", "speech")
        found.append(Attribution(((post.start, end),), m.span("name"), cue, POST_RULE, sent))
    return found


def within(a: Attribution, posts: list[Attribution]) -> bool:
    """Does ``a`` lie inside a post's text (a report a sieve read in it)?"""
    return any(p.fragments[0][0] <= a.fragments[0][0] and a.fragments[-1][1] <= p.fragments[0][1]
               for p in posts if p is not a)

"""Accented letters garbled by a wrong encoding (UTF-8 read as Windows-1252: "TomÃ¡s",
"PeÃ±a Nieto", "FranÃ§ois"), masked for reading: each garbled pair becomes two plain
letters of the same length ("Tomaas", "Penna Nieto"), so that the name patterns read the
word as one word and the name as a name, and every offset still points into the text as
written.  What is read from the masked text is given back in the words as written
(:func:`unmasker`).

>>> masked = mask("Mayor TomÃ¡s Regalado said")
>>> masked, len(masked) == len("Mayor TomÃ¡s Regalado said")
('Mayor Tomaas Regalado said', True)
>>> unmasker("Mayor TomÃ¡s Regalado said", masked)("Tomaas Regalado")
'TomÃ¡s Regalado'
>>> mask("No garbling here") == "No garbling here", mask("PeA\u0303±a Nieto")
(True, 'Pennna Nieto')
>>> mask("Ana BasÃ\u0083Â¡ez said")
'Ana Basaaaaez said'
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

# "Ã" (or "A" and a combining tilde, its decomposed form) and the second byte of a two-byte
# letter as Windows-1252 shows it ("¡" in "Ã¡" for "á"); garbled twice, "Ã" is itself two
# letters, "Ã\x83", and the second byte one more, "Â¡" ("BasÃ\x83Â¡ez" for "Basáez").
_PAIR = re.compile(r"(?:Ã|A\u0303)(?:\u0083(?:Â|A\u0302))?[\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
_WORD = re.compile(r"[\w’'\-]+")


def _letter(pair: str) -> str | None:
    """The plain letter a garbled pair stands for ("a" for "Ã¡", "E" for "Ã‰"), or None
    when it is no accented Latin letter."""
    try:
        ch = ("Ã" + pair[-1]).encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if len(ch) == 1 and base.isascii() and base.isalpha() else None


def mask(text: str) -> str:
    """``text`` with each garbled accented letter as two plain letters ("Ã¡" -> "aa",
    "Ã‰" -> "Ee", decomposed "A\u0303±" -> "nnn"); ``text`` itself when it holds none."""
    if "Ã" not in text and "A\u0303" not in text:
        return text

    def plain(m: re.Match) -> str:
        base = _letter(m.group())
        return m.group() if base is None else base + base.lower() * (len(m.group()) - 1)
    return _PAIR.sub(plain, text)


def unmasker(text: str, masked: str) -> Callable[[str | None], str | None]:
    """A function giving back, in a string read from ``masked``, every masked word as
    ``text`` writes it ("Tomaas" -> "TomÃ¡s")."""
    words = {}
    for m in _PAIR.finditer(text):
        lo = m.start()
        while lo > 0 and _WORD.fullmatch(masked[lo - 1]):
            lo -= 1
        word = _WORD.match(masked, lo)
        if word is not None:
            words[word.group()] = text[lo:word.end()]
    if not words:
        return lambda s: s
    pattern = re.compile(r"(?<![\w’'\-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                         + r")(?![\w’'\-])")

    def unmask(s: str | None) -> str | None:
        return pattern.sub(lambda m: words[m.group()], s) if s else s
    return unmask

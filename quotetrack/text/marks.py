"""Quote marks and typography: every set of marks the pipeline, the checks and the
evaluation read, in one place, each named for what it is used for.

The scanner (:mod:`quotetrack.extract.quotes`) pairs marks by family and direction: “ ” ‘ ’
« » „ ‹ › and the typewriter doubles `` ''; straight " and ' take their direction from
their neighbours.

>>> "“" in DOUBLE_OPEN, "’" in TOKEN_CLOSING, "„" in ALL_MARKS
(True, True, True)
>>> "“Don’t—go”".translate(TYPOGRAPHY) == '"' + "Don't-go" + '"'
True
"""
from __future__ import annotations

# --- the scanner: opening marks by family (a closing single mark is told from an apostrophe
# by its neighbours, so it has no set)
DOUBLE_OPEN = frozenset("“„‟«") | {"``"}
DOUBLE_CLOSE = frozenset("”»") | {"''"}
SINGLE_OPEN = frozenset("‘‚‹")

# --- attribution sieves: a token that opens or closes a quote ("“", "''"; '' opens a
# typewriter quote too)
TOKEN_CLOSING = frozenset({"”", "\"", "’", "'", "»", "''", "›"})
TOKEN_OPENING = frozenset({"“", "\"", "‘", "'", "«", "„", "``", "‹", "''"})

# --- claim units: marks at the outer edges of a direct quote's content
# (“…” ‘…’ «…» „…“ "…" '…'; the typewriter `` and '' are two characters), longest first
EDGE_OPEN = ("``", "''", "“", "‘", "«", "„", "‚", '"', "'")
EDGE_CLOSE = ("''", "”", "’", "»", "“", '"', "'")

# --- possessives: the endings of a possessive ("Ortiz’s", "Harlow's", "the Teachers’"), in the
# order a suffix is stripped; POSSESSIVE_S the "s" forms only, APOSTROPHES a possessive mark
# standing as a token of its own ("Jones" "’"), WORD_POSSESSIVES the last two characters of a
# possessive word ("Ortiz’s", "the Teachers’"; text.names.POSSESSIVE is its pattern)
POSSESSIVE_S = ("’s", "'s")
APOSTROPHES = ("’", "'")
POSSESSIVES = POSSESSIVE_S + APOSTROPHES
WORD_POSSESSIVES = POSSESSIVE_S + ("s’", "s'")

# --- evaluation: every quote-mark character, trimmed from the edges of a scored span
ALL_MARKS = frozenset("“”‘’\"'«»„‹›`")

# --- verification: the typography tier reads curly and straight quotes, dashes, odd
# spaces, soft hyphens and "…" as one ("“Don’t”" = '"Don't"')
TYPOGRAPHY = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u00ad": None, "…": "...",
})

# Characters stripped from the edges of a quote shown in a message: marks, space, punctuation.
MESSAGE_EDGE = " \t\r\n\u00a0“”„‟\"‘’'«»,.;:!?…—–-"

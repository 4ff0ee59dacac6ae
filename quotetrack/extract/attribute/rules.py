"""Every rule an attribution can record (``Quote.rule``), declared once with the sieve that
fires it and its rank.

``rank`` decides which attribution keeps a content that two rules found: the cue next to a
quote (rank 1: "“…,” the senator says") beats one that introduced it from afar (rank 2:
"Cruz defends his record: “…”"), and a link across a sentence or paragraph boundary (rank 3)
yields to any other.  ``sourced`` is False for the rules of a quote with no source of its own.

>>> RULES["tail_inverted"].sieve, RULES["tail_inverted"].rank
('tail', 1)
>>> RULES["head_colon"].rank, RULES["unattributed"].sourced
(3, False)
"""
from __future__ import annotations

from typing import NamedTuple

from ...model import TRANSCRIPT_RULE


class Rule(NamedTuple):
    name: str
    sieve: str          # the sieve function that records it
    rank: int           # 1 beats 2 beats 3 (see the module docstring)
    sourced: bool = True


def _head(base: str) -> tuple[Rule, ...]:
    """A head rule, and its forms that reach a quote in the next paragraph (``_colon``:
    "Gantz said:" ending a paragraph; ``_next``: "Bystrom agreed." then a quote)."""
    return (Rule(base, "head", 2), Rule(f"{base}_colon", "head", 3), Rule(f"{base}_next", "head", 3))


RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("according_to", "according_to", 1),
    Rule("chant", "chant", 1),                # "…, chanting “Fair pay now”"
    Rule("chant_noun", "chant_quote", 2),     # "their chants of “…”", "“…” chants"
    Rule("participle", "participle", 2),
    Rule("document_participle", "document_participle", 2),   # "She issued a statement saying …"
    Rule("mention_participle", "mention_participle", 2),     # "…, with Vega tweeting that …"
    Rule("tail", "tail", 1),
    Rule("tail_inverted", "tail", 1),
    Rule("tail_appositive", "tail", 1),
    Rule("interrupted", "tail", 1),
    *_head("head"),
    *_head("head_appositive"),
    *_head("head_long"),
    Rule("relative_label", "relative_label", 2),
    Rule("relative_gap", "relative_gap", 2),
    Rule("relative", "relative", 2),
    Rule("embedded", "embedded", 2),          # "what researchers say they need", "which X says includes …"
    Rule("coordinated", "coordinated", 2),
    Rule("asked", "asked", 2),
    Rule("passive_asked", "passive_asked", 2),   # "Ortiz was asked by a caller why …"
    Rule("passive_by", "passive_by", 2),         # "The meeting was first reported by the Post"
    Rule("adjunct_participle", "adjunct_participle", 2),   # "… by questioning his eligibility"
    Rule("possessive_statement", "possessive_statements", 2),   # "Podal’s main argument is that …"
    Rule("possessive_nominal", "possessive_statements", 2),     # "Lund’s claim that …", "his call for …"
    Rule("in_poll", "poll_statements", 2),    # "In a poll released Monday, 52 percent …" / "… in the latest survey."
    Rule("as_source", "as_source", 2),        # "As the Post reported, …" / "…, as Lee noted."
    Rule("colon", "colon", 2),                # "Gantz: “…”" and a headline "Marco Rubio: I’m not …"
    Rule("dash", "dash", 2),
    Rule("signed", "signed", 2),             # "“…¶Ann Bell, Leland Water Trust.”": a pull quote's signature line
    Rule("verb_after", "verb_after", 2),
    Rule("colon_lead", "colon_lead", 2),
    Rule("colon_clause", "colon_clause", 2),
    Rule("colon_paragraph", "colon_paragraph", 2),
    Rule("cue_before", "cue_before", 2),
    Rule("cue_then_quote", "cue_then_quote", 2),   # "leaflets that said, “…”"
    Rule("said_first", "said_first", 2),      # "Said Ortiz, “…”" / "But, said Berg, who …, “…”"
    Rule("subject_verb", "subject_verb", 2),  # "Trump pledged to make Apple “build …”" (an unlisted verb)      # "…that Gov. Christie said, “…”" (no sentence frame read)    # "X released a statement:" ¶ “…”
    Rule("lead_statement", "lead_statement", 2),   # "Hale issued a statement, “…”" (the lead's subject)
    Rule("beat", "beat", 3),                 # "Hale shrugged. “Nobody asked us.”"
    Rule("floating", "floating", 2, sourced=False),
    Rule("unattributed", "unattributed", 2, sourced=False),
    Rule("unattributed_inside", "unattributed", 2, sourced=False),
    Rule(TRANSCRIPT_RULE, "transcript", 1),
    Rule("answer", "interview", 2, sourced=False),         # "Q: …" ¶ "A: …": the interviewee's
    Rule("post", "posts", 1),                 # "…" ¶ "— Name (@handle) March 3, 2025": an embedded post
)}

UNATTRIBUTED = ("unattributed", "unattributed_inside")

"""The claim scorer: golden sentences, invariants, and the eval-claims command."""
from __future__ import annotations

import math

import quotetrack
from quotetrack import claimscore


def test_score_claim_api():
    s = quotetrack.score_claim("We lost 700,000 jobs last year.")
    assert isinstance(s, quotetrack.ClaimScore)
    assert 0.0 <= s.score <= 1.0
    assert s.check_worthy == (s.score >= claimscore.default_threshold())
    assert "quantity" in s.types
    t = claimscore.tables()
    assert math.isclose(s.score, 1 / (1 + math.exp(-(t.bias + sum(w for _, w in s.rules)))))

"""Check-worthy claims: the claims stage (units), the rule scorer, repeated claims."""

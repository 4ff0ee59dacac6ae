"""Measuring: attribution scores against gold (attribution), the claim scorer (claims), speed (bench)."""

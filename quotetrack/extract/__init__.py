"""The extraction pipeline, one stage a module in the order a document flows:

segment -> furniture -> quotes (mark scanner) -> cues -> mentions -> attribute -> speakers;
:mod:`quotetrack.pipeline` runs them.
"""

"""``quotetrack check``: source-free checks of a draft (drafts), sources and verification of
quotes against them (sources, verify), and the mutation self-test (selftest)."""

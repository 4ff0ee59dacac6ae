"""The claim ledger: one SQLite file of documents, speakers, quotes and claims (store),
speaker identity across documents (identity), and the ``track`` commands (track)."""

"""The claim ledger: one SQLite file of documents, speakers, quotes and claims.

schema (tables and migrations), connection (opening, WAL, transactions), store (the
:class:`Ledger`: writes), queries (reads), rows (records and pure helpers), identity
(speakers across documents), track (the ``track`` commands)."""

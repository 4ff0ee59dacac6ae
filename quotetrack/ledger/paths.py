"""Where the ledger file is by default: the names the command line's help shows, kept apart
from the schema so that building the parser reads no more than this."""
from __future__ import annotations

DEFAULT_DB = "quotetrack.db"
DB_ENVIRONMENT = "QUOTETRACK_DB"

"""Writers: tables, CSV, JSON Lines, JSON and Markdown of documents, quotes and claims."""

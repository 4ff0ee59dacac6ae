"""Merge speaker-resolution gold files (JSON Lines, one document a line) into one, in the order
of the documents' first appearance; a document in several files has its mentions joined and
sorted by offset.  Offsets, mention strings and names only: no article text is copied.

    python scripts/merge_resolution_gold.py A.jsonl B.jsonl > corpus/resolution/polnear_train.jsonl
"""
from __future__ import annotations

import json
import sys

KEYS = ("start", "end", "text", "class", "entity", "entity_type", "members", "unsure", "note")


def main(paths: list[str]) -> int:
    docs: dict[str, list[dict]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    doc = json.loads(line)
                    docs.setdefault(doc["doc_id"], []).extend(
                        {k: m[k] for k in KEYS if k in m} for m in doc["mentions"])
    for doc_id, mentions in docs.items():
        mentions.sort(key=lambda m: (m["start"], m["end"]))
        sys.stdout.write(json.dumps({"doc_id": doc_id, "mentions": mentions}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

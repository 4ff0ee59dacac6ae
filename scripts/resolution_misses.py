"""List the speaker-resolution gold mentions that quotetrack does not find (no predicted quote's
speaker mention overlaps them), with the PolNeAR cue and kind of their attributions, and count
them by cue family: a reporting cue (said, told, added, wrote, asked, reported, according to,
a colon, ...) or any other cue (beliefs, intentions, actions, and communication verbs such as
"accused", "called for", "claimed").  `quotetrack eval --resolution GOLD --errors FILE` lists the
found but wrong mentions; this lists the rest.

    python scripts/resolution_misses.py corpus/resolution/polnear_train_fresh.jsonl [--list]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotetrack.evaluation import resolution  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"
# A cue is a reporting cue when its first word after adverbs and auxiliaries is one of these.
REPORTING = re.compile(
    r"^(?:(?:\w+ly|also|later|then|has|have|had|'s|’s|would|will|is|was|were|are)\s+)*"
    r"(?:said|says|say|saying|told|tells|tell|telling|added|adds|add|wrote|writes|write|asked|asks|"
    r"tweeted|reported|reports|according to|:|read|reads|stated|explained|declared|continued|"
    r"noted|notes|announced|replied|responded|in a statement|in)(?!\w)", re.I)


def misses(gold_path: str, texts_path: Path) -> list[dict]:
    gold = resolution.load_resolution_gold([gold_path])
    docs = {}
    with texts_path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["doc_id"] in gold:
                docs[doc["doc_id"]] = doc
    found = []
    for doc_id, mentions in gold.items():
        doc = docs[doc_id]
        quotes = sorted((q for q in resolution.predict(doc_id, doc["text"])
                         if isinstance(q.get("speaker_start"), int)), key=lambda q: q["speaker_start"])
        starts = [q["speaker_start"] for q in quotes]
        for m in mentions:
            if m.get("unsure") or resolution._overlapping(quotes, starts, m["start"], m["end"]) is not None:
                continue
            atts = [q for q in doc["quotes"] if (q.get("speaker_start"), q.get("speaker_end")) == (m["start"], m["end"])]
            cues = [q["cue"] or "" for q in atts]
            found.append({"doc_id": doc_id, "start": m["start"], "end": m["end"], "text": m["text"],
                          "class": m["class"], "cues": cues,
                          "kind": "direct/mixed" if {q["kind"] for q in atts} & {"direct", "mixed"} else "indirect",
                          "family": "reporting cue" if any(REPORTING.match(c.strip()) for c in cues) else "other cue"})
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--texts", type=Path, default=POLNEAR)
    parser.add_argument("--list", action="store_true", help="print each missed mention")
    args = parser.parse_args(argv)
    rows = misses(args.gold, args.texts)
    if args.list:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    counts = Counter((r["family"], r["kind"]) for r in rows)
    for (family, kind), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:5d}  {family:14s} {kind}")
    print(f"{len(rows):5d}  not found, by class: "
          + ", ".join(f"{c} {n}" for c, n in Counter(r["class"] for r in rows).most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

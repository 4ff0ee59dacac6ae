"""How many golden passages get every speaker right: a speaker-only score of ``tests/cases`` files.

    python scripts/speaker_cases.py tests/cases/conventions.json
    python scripts/speaker_cases.py tests/cases/conventions.json --failures

The golden-case test (tests/extract/test_cases.py) demands every field of every quote;
this script asks only the question an editor asks first: is each expected statement
found, and does it carry the expected speaker?  An expected quote is matched to the
extracted quote that overlaps its content; a passage is right when every expected
quote is matched and its ``speaker`` is the expected one.  It reads the package from
the current directory, so ``cd`` into another checkout to score another revision.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())

import quotetrack  # noqa: E402


def score_case(case: dict) -> list[tuple[str, str | None, str | None]]:
    """(content, expected speaker, got speaker or "<not found>") for each expected quote."""
    text = case["text"]
    doc = quotetrack.extract(text, config=quotetrack.Config(**case.get("config", {})))
    out = []
    for want in case["expect"]:
        start = text.find(want["content"])
        end = start + len(want["content"])
        hits = [q for q in doc.quotes if q.start < end and start < q.end]
        got = hits[0].speaker if hits else "<not found>"
        out.append((want["content"], want["speaker"], got))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--failures", action="store_true", help="list each wrong statement")
    args = parser.parse_args(argv)
    cases = right = items = items_right = 0
    for path in args.files:
        for case in json.loads(path.read_text(encoding="utf-8")):
            rows = score_case(case)
            ok = [want == got for _, want, got in rows]
            cases += 1
            right += all(ok)
            items += len(ok)
            items_right += sum(ok)
            if args.failures and not all(ok):
                print(f"{case['label']}: {case['comment']}")
                for (content, want, got), good in zip(rows, ok):
                    if not good:
                        print(f"    {content[:60]!r}: want {want!r}, got {got!r}")
    print(f"passages with every speaker right: {right}/{cases} ({right / max(cases, 1):.3f}); "
          f"statements: {items_right}/{items} ({items_right / max(items, 1):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

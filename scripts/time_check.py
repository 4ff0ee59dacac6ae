"""Time ``quotetrack check DRAFT --source SOURCE...`` in its phases, after the imports.

    python scripts/time_check.py DRAFT SOURCE... [--repeat N]

Prints, for the best of N runs (default 3): reading and indexing the sources, extracting
the draft and checking it (the source-free checks and one verdict per quote, which
extracts each article source the first time one of its passages is looked up), in wall
and CPU seconds.  Python's start-up and the imports (nltk's alone is about 0.4 s) come
once per process and are not counted; `time quotetrack check ...` shows the whole.
"""
from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    repeat = 3
    if "--repeat" in argv:
        at = argv.index("--repeat")
        repeat = int(argv[at + 1])
        argv = argv[:at] + argv[at + 2:]
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    from quotetrack.check import drafts as check
    from quotetrack import pipeline
    from quotetrack.check import verify
    pipeline.extract("Warm up. Punkt and nltk load here, she said.")
    draft_path, source_paths = argv[0], argv[1:]
    text = open(draft_path, encoding="utf-8").read()
    best = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        sources = [verify.load_source(p) for p in source_paths]
        verify.index_of(sources)
        loaded = time.perf_counter()
        findings = check.check(text, draft_path, sources)
        done = (time.perf_counter() - wall, time.process_time() - cpu, loaded - wall)
        best = done if best is None or done[0] < best[0] else best
    words = len(text.split())
    source_words = sum(len(s.text.split()) for s in sources)
    print(f"draft: {words} words; {len(sources)} sources, {source_words} words; "
          f"{len(findings)} findings")
    print(f"best of {repeat}: {best[0]:.3f} s wall, {best[1]:.3f} s CPU "
          f"(sources read and indexed {best[2]:.3f} s; draft extracted and checked "
          f"{best[0] - best[2]:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Write quotetrack/data/text/given_name_genders.tsv from the US Census Bureau's 1990 first-name
frequency files (dist.male.first, dist.female.first; public domain), as shipped in the `names`
package on PyPI (MIT): a name is male or female when it is on one list only, or when its share
of one sex is at least RATIO times its share of the other, and COMMON; names used by both ("Kelly",
"Chris", "Jordan") are left out.

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_name_genders.py /tmp/names/names-0.3.0/names > quotetrack/data/text/given_name_genders.tsv
"""
from __future__ import annotations

import sys
from pathlib import Path

RATIO = 10
COMMON = 0.005                 # per cent of one sex bearing the name, at least: rarer names are left out

HEADER = """\
# quotetrack given names and the sex the US Census Bureau's 1990 name frequency files show for
# them (dist.male.first, dist.female.first; public domain, a work of the US government), as
# shipped in the `names` package on PyPI (MIT).  Written by scripts/build_name_genders.py: a
# name is m or f when it is on one list only or when its share of one sex is at least 10 times
# its share of the other and at least 0.005%; names both use ("Kelly", "Chris", "Jordan") are left out.
# Used only when the text shows no gender (an honorific, "the mother", a pronoun): a weak clue
# for he/she, never written into a speaker's record."""


def shares(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if parts:
            out[parts[0].title()] = float(parts[1])
    return out


def main(folder: str) -> None:
    male = shares(Path(folder) / "dist.male.first")
    female = shares(Path(folder) / "dist.female.first")
    print(HEADER)
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if len(name) < 2 or max(m, f) < COMMON:
            continue                      # rare given names are often other languages' surnames ("Lu")
        if f == 0 or m >= RATIO * f:
            print(f"{name}\tm")
        elif m == 0 or f >= RATIO * m:
            print(f"{name}\tf")


if __name__ == "__main__":
    main(sys.argv[1])

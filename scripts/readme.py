"""Write README.md from scripts/README.template.md, and docs/NAME.md from each
scripts/docs/NAME.template.md, running every ``{{cmd: …}}`` in them.

Each ``{{cmd: COMMAND}}`` becomes a console block with the command and its real
output (stdout and stderr), run by bash from the repository root with this
Python's bin directory first on PATH, so the README shows what the code does now.

    python scripts/readme.py          # rewrite README.md and docs/
    python scripts/readme.py --check  # exit 1 if a page is not what its template gives
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "scripts" / "README.template.md"
DOCS = ROOT / "scripts" / "docs"            # NAME.template.md -> docs/NAME.md
COMMAND = re.compile(r"\{\{cmd: (.*?)\}\}")


def run(command: str) -> str:
    # PYTHONPATH: the commands run this checkout's package, not an installed one
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               COLUMNS="200", PYTHONPATH=str(ROOT))
    done = subprocess.run(["bash", "-c", f"{{ {command}; }} 2>&1"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return f"```console\n$ {command}\n{done.stdout.rstrip()}\n```"


def render(template: Path = TEMPLATE) -> str:
    return COMMAND.sub(lambda m: run(m.group(1)), template.read_text(encoding="utf-8"))


def pages() -> list[tuple[Path, Path]]:
    """(template, page) for the README and every docs/ page."""
    out = [(TEMPLATE, ROOT / "README.md")]
    out += [(t, ROOT / "docs" / t.name.replace(".template.md", ".md"))
            for t in sorted(DOCS.glob("*.template.md"))]
    return out


def main(argv: list[str]) -> int:
    stale = []
    for template, page in pages():
        text = render(template)
        if "--check" in argv:
            if not page.exists() or page.read_text(encoding="utf-8") != text:
                stale.append(page.relative_to(ROOT))
        else:
            page.parent.mkdir(exist_ok=True)
            page.write_text(text, encoding="utf-8")
    if "--check" in argv:
        print("README.md and docs/ are up to date" if not stale else
              "differ from their templates' output: " + ", ".join(map(str, stale)))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

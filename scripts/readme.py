"""Write README.md from scripts/README.template.md, running every ``{{cmd: …}}`` in it.

Each ``{{cmd: COMMAND}}`` becomes a console block with the command and its real
output (stdout and stderr), run by bash from the repository root with this
Python's bin directory first on PATH, so the README shows what the code does now.

    python scripts/readme.py          # rewrite README.md
    python scripts/readme.py --check  # exit 1 if README.md is not what the template gives
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "scripts" / "README.template.md"
COMMAND = re.compile(r"\{\{cmd: (.*?)\}\}")


def run(command: str) -> str:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               COLUMNS="200")
    done = subprocess.run(["bash", "-c", f"{{ {command}; }} 2>&1"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    return f"```console\n$ {command}\n{done.stdout.rstrip()}\n```"


def render() -> str:
    return COMMAND.sub(lambda m: run(m.group(1)), TEMPLATE.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    text = render()
    readme = ROOT / "README.md"
    if "--check" in argv:
        same = readme.read_text(encoding="utf-8") == text
        print("README.md is up to date" if same else "README.md differs from the template's output")
        return 0 if same else 1
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

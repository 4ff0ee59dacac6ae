"""Render the HTML pages in headless Chromium and save screenshots for the README and docs/.

    python scripts/screenshot.py            # docs/extract.png and docs/check.png

Needs Debian's chromium and chromium-driver and the selenium package (the test extra).
The extract page is corpus/a01_politics_wire.txt with its first statement focused (the
tooltip shows); the check page is corpus/check/draft.txt against its two sources.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import start_browser, stop_browser  # noqa: E402

PAGES = {
    "extract.png": (["extract", "corpus/a01_politics_wire.txt", "--format", "html"],
                    "document.querySelector('mark.qt-quote').focus()"),
    "check.png": (["check", "corpus/check/draft.txt", "--source", "corpus/check/briefing.txt",
                   "--source", "corpus/check/release.txt", "--format", "html"],
                  "document.querySelectorAll('mark.qt-finding')[4].focus()"),
}


def main() -> int:
    (ROOT / "docs").mkdir(exist_ok=True)
    browser = start_browser()
    try:
        browser.set_window_size(1200, 900)
        with tempfile.TemporaryDirectory() as tmp:
            for name, (argv, script) in PAGES.items():
                done = subprocess.run([sys.executable, "-m", "quotetrack", *argv], cwd=ROOT,
                                      capture_output=True, text=True)
                page = Path(tmp) / "page.html"
                page.write_text(done.stdout, encoding="utf-8")
                browser.get(page.as_uri())
                browser.execute_script(script)
                browser.save_screenshot(str(ROOT / "docs" / name))
                print(f"docs/{name}")
    finally:
        stop_browser(browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())

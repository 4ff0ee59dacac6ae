"""The HTML pages: markup contract, escaping, contrast (pure), then in headless Chromium."""
from __future__ import annotations

import json
from html import escape
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotetrack import pipeline
from quotetrack.write import html

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
EVIL = ('<script>window.qtInjected = 1</script> “We will <img src=x onerror="window.qtInjected = 2"> '
        'win the vote, & keep it,” Gantz said. “And <b>more</b>,” he added.\n')


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotetrack", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True)


# --- pure ------------------------------------------------------------------------------------

def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("background", [*html.SPEAKER_COLOURS, html.UNKNOWN_COLOUR,
                                        *html.SEVERITY_COLOURS.values()])
def test_text_on_every_colour_has_contrast(background):
    assert contrast(html.TEXT_COLOUR, background) >= 4.5


def test_every_colour_in_the_stylesheet_has_contrast():
    """Each colour: declaration in the CSS is readable on white (text) or under the dark text."""
    css = (ROOT / "quotetrack" / "write" / "assets" / "page.css").read_text(encoding="utf-8")
    for rule in re.findall(r"[^{}]+\{[^}]*\}", css):
        for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", rule):
            background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", rule)
            assert contrast(colour, background.group(1) if background else "#ffffff") >= 4.5, rule


def test_layer_nests_crossing_elements_and_escapes():
    e = [html.Element(0, 5, 1, "<b>", "</b>"), html.Element(3, 8, 1, "<i>", "</i>")]
    assert html.layer("<abc>fgh", e) == "<b>&lt;ab<i>c&gt;</i></b><i>fgh</i>"


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3)),
                                      max_size=8))
def test_layer_keeps_every_character_and_nests(text, spans):
    """Whatever the spans, the tags are balanced and removing them gives the escaped text."""
    elements = [html.Element(min(a, b), max(a, b), r, f"<x{r}>", f"</x{r}>") for a, b, r in spans]
    out = html.layer(text, elements)
    assert re.sub(r"</?x\d>", "", out) == escape(text, quote=False)
    depth: list[str] = []
    for tag in re.findall(r"</?x\d>", out):
        if tag.startswith("</"):
            assert depth.pop() == tag[2:-1]
        else:
            depth.append(tag[1:-1])
    assert not depth


def test_page_has_no_external_resource():
    page = html.extract_page([pipeline.extract(EVIL, "evil")])
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "<script>window.qtInjected" not in page
    assert "&lt;script&gt;window.qtInjected" in page
    assert "<img" not in page and "<b>" not in page


def test_cli_extract_html_is_one_page_with_an_index(tmp_path):
    done = run_cli("extract", str(CORPUS[0]), str(CORPUS[1]), "--format", "html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("<!DOCTYPE html>") == 1
    assert 'class="qt-index"' in done.stdout and done.stdout.count('<section class="qt-doc"') == 2


# --- in a real browser -------------------------------------------------------------------------

def open_page(browser, tmp_path: Path, page: str, name: str = "page.html"):
    """Load ``page`` from a file and wait until the browser has parsed all of it (under load,
    a large page was once read while the parser was still a third of the way in)."""
    from selenium.webdriver.support.ui import WebDriverWait
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())
    WebDriverWait(browser, 60).until(lambda b: b.execute_script("return document.readyState") == "complete")
    return path


MARKS = """
return Array.from(document.querySelectorAll('section.qt-doc')).map(s => ({
  id: s.dataset.docId,
  marks: Array.from(s.querySelectorAll('mark.qt-quote')).map(m => [
      +m.dataset.index, +m.dataset.fragment, m.dataset.speaker, m.dataset.kind, m.textContent]),
  speakers: Array.from(s.querySelectorAll('.qt-speaker')).map(x => x.textContent),
  cues: Array.from(s.querySelectorAll('.qt-cue')).map(x => x.textContent),
}));
"""


def test_marks_match_the_json_output(browser, tmp_path):
    """One qt-quote index per JSON quote; each fragment's marks hold exactly its text."""
    paths = [str(p) for p in CORPUS] + [str(ROOT / "corpus" / "transcripts" / "council_budget_debate.txt")]
    done = run_cli("extract", *paths[:-1], "--format", "html")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in run_cli("extract", *paths[:-1], "--format", "jsonl").stdout.splitlines()]
    open_page(browser, tmp_path, done.stdout)
    sections = browser.execute_script(MARKS)
    assert [s["id"] for s in sections] == [r["doc_id"] for r in records]
    texts = {p: Path(p).read_text(encoding="utf-8").replace("\r\n", "\n") for p in paths}
    total = 0
    for section, record in zip(sections, records):
        text = texts[record["doc_id"]]
        assert sorted({m[0] for m in section["marks"]}) == list(range(len(record["quotes"])))
        pieces: dict[tuple[int, int], str] = {}
        for index, fragment, speaker, kind, content in section["marks"]:
            quote = record["quotes"][index]
            assert kind == quote["kind"]
            assert speaker == (quote["speaker"] or quote["speaker_mention"] or html.UNKNOWN_SPEAKER)
            pieces[index, fragment] = pieces.get((index, fragment), "") + content
        for (index, fragment), content in pieces.items():
            s, e = record["quotes"][index]["fragments"][fragment]
            assert content == text[s:e]
            total += 1
        mentions = {text[q["speaker_start"]:q["speaker_end"]] for q in record["quotes"] if q["speaker_start"] is not None}
        assert set(section["speakers"]) == mentions
    assert total > 200


def test_injected_script_does_not_run(browser, tmp_path):
    done = run_cli("extract", "-", "--format", "html", stdin=EVIL)
    assert done.returncode == 0, done.stderr
    open_page(browser, tmp_path, done.stdout)
    assert browser.execute_script("return window.qtInjected === undefined")
    text = browser.execute_script("return document.querySelector('.qt-text').textContent")
    assert text == EVIL
    assert browser.execute_script("return document.querySelectorAll('.qt-text img, .qt-text script, .qt-text b').length") == 0
    # the page's own script did run: pointing at a mark shows its tooltip (a real pointer move:
    # a scripted focus() dispatches no focus event while headless Chromium's window lacks focus)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, "mark.qt-quote")).perform()
    tip = browser.execute_script("const t = document.getElementById('qt-tip'); return [t.hidden, t.textContent]")
    assert tip[0] is False and "Speaker: Gantz" in tip[1] and "Rule:" in tip[1]


def test_keyboard_reaches_every_mark_and_the_legend_filters(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    done = run_cli("extract", str(CORPUS[0]), "--format", "html")
    open_page(browser, tmp_path, done.stdout)
    every = {tuple(x) for x in browser.execute_script(
        "return Array.from(document.querySelectorAll('mark.qt-quote')).map(m => [m.dataset.index, m.dataset.fragment])")}
    focused = set()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(3 * len(every) + 60):
        active = browser.switch_to.active_element
        if active.tag_name == "mark":
            focused.add((active.get_attribute("data-index"), active.get_attribute("data-fragment")))
            assert browser.execute_script("return document.getElementById('qt-tip').hidden") is False
        active.send_keys(Keys.TAB)
    assert focused == every
    button = browser.find_element(By.CSS_SELECTOR, "button.qt-filter")
    button.send_keys(Keys.ENTER)
    name = button.get_attribute("data-speaker")
    assert button.get_attribute("aria-pressed") == "true"
    dim = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark.qt-quote')).map(m => [m.dataset.speaker, m.classList.contains('qt-dim')])")
    assert all(d == (s != name) for s, d in dim) and any(d for _, d in dim)


def test_check_page_marks_each_finding(browser, tmp_path):
    draft = ROOT / "corpus" / "check" / "draft.txt"
    srcs = [str(ROOT / "corpus" / "check" / n) for n in ("briefing.txt", "release.txt")]
    args = ["check", str(draft), *[f"--source={s}" for s in srcs]]
    findings = [json.loads(line) for line in run_cli(*args, "--format", "json").stdout.splitlines()]
    done = run_cli(*args, "--format", "html")
    assert done.returncode == 1                       # the draft has errors
    open_page(browser, tmp_path, done.stdout)
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark.qt-finding')).map(m => [m.dataset.verdict, m.dataset.severity, m.textContent])")
    assert sorted((v, s) for v, s, _ in marks) == sorted((f["verdict"], f["severity"]) for f in findings)
    text = draft.read_text(encoding="utf-8")
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for f in findings:             # each finding's mark holds the draft's text from its line:column
        at = starts[f["line"] - 1] + f["column"] - 1
        contents = [c for v, _, c in marks if v == f["verdict"] and text.startswith(c, at)]
        assert contents and (not f["quote"] or f["quote"] in contents), f
    summary = browser.execute_script("return document.querySelector('.qt-summary').textContent")
    errors = sum(f["severity"] == "error" for f in findings)
    assert f"{errors} errors" in summary
    assert browser.execute_script("return document.querySelectorAll('.qt-findings del, .qt-findings ins').length") > 0
    cites = browser.execute_script("return Array.from(document.querySelectorAll('.qt-source cite')).map(c => c.textContent)")
    assert any(c.startswith(srcs[0] + ":") for c in cites)


def test_screenshot(browser, tmp_path):
    """The page renders to a picture (kept in the test's folder; docs/ has the README's one)."""
    done = run_cli("extract", str(CORPUS[0]), "--format", "html")
    open_page(browser, tmp_path, done.stdout)
    browser.execute_script("document.querySelector('mark.qt-quote').focus()")
    shot = tmp_path / "extract.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000

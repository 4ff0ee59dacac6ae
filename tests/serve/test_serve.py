"""``quotetrack serve``: the JSON API and its errors (Flask's test client), the page end to end in
headless Chromium against a real server on loopback, and 50 concurrent check requests."""
from __future__ import annotations

import json
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("flask")
pytest.importorskip("waitress")

from quotetrack.serve import app as serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DRAFT = "“Ridership rose 14 percent last year, to 41 million trips,” Commissioner Rosa Delgado said.\n"
SOURCE = "ROSA DELGADO: Ridership rose 12 percent last year, to 41 million trips.\n"
FINDING_KEYS = ["file", "line", "column", "verdict", "severity", "quote", "speaker", "source",
                "source_line", "source_speaker", "similarity", "tier", "diff", "message"]


@pytest.fixture()
def client():
    return serve.create_app(max_bytes=64 * 1024).test_client()


def test_api_extract_returns_the_jsonl_record(client):
    got = client.post("/api/extract", json={"text": "“We also make deals,” Gantz said.", "doc_id": "d1"})
    assert got.status_code == 200 and got.mimetype == "application/json"
    record = got.get_json()
    assert record["doc_id"] == "d1" and record["quotes"][0]["speaker"] == "Gantz"
    assert list(record) == ["doc_id", "quotes", "warnings"]


def test_api_check_returns_findings_with_the_check_json_keys(client):
    got = client.post("/api/check", json={"draft": DRAFT, "sources": {"briefing": SOURCE}})
    assert got.status_code == 200
    findings = got.get_json()["findings"]
    assert [f["verdict"] for f in findings] == ["number-changed"]
    assert list(findings[0]) == FINDING_KEYS
    assert findings[0]["source"] == "briefing" and findings[0]["diff"] == "[-12 percent-] {+14 percent+}"


@pytest.mark.parametrize("body, message", [
    (b"", "the request has no body; send a JSON object"),
    (b"{\"draft\": ", "not valid JSON (Expecting value at column 11)"),
    (b"[1, 2]", "the body is not a JSON object"),
    (b"{}", 'missing field "draft"'),
    (b"{\"draft\": 3}", 'field "draft" is not a string'),
    (b"{\"draft\": \"x\", \"sources\": []}", 'field "sources" is not a JSON object'),
    (b"{\"draft\": \"x\", \"sources\": {\"a\": 1}}", "\"sources\" value of 'a' is not a string"),
    (b"{\"draft\": \"x\", \"sources\": {\"a\": \"  \"}}", "a: empty file"),
    (b"{\"draft\": \"\xc3\x28\"}", "not valid JSON (not UTF-8)"),
])
def test_api_check_bad_requests_get_a_one_line_400(client, body, message):
    got = client.post("/api/check", data=body, content_type="application/json")
    assert got.status_code == 400
    assert got.get_json() == {"error": message}


def test_api_extract_without_text_is_a_400(client):
    got = client.post("/api/extract", json={"doc_id": "x"})
    assert (got.status_code, got.get_json()) == (400, {"error": 'missing field "text"'})


def test_an_oversized_body_gets_a_413_on_the_api_and_the_page(client):
    big = json.dumps({"draft": "a" * 70_000})
    got = client.post("/api/check", data=big, content_type="application/json")
    assert got.status_code == 413
    assert got.get_json() == {"error": "the request is larger than the 0.0625 MB limit; send fewer or shorter texts"}
    page = client.post("/check", data={"draft": "a" * 70_000})
    assert page.status_code == 413 and b"larger than the 0.0625 MB limit" in page.data


def test_no_file_or_directory_is_served(client):
    for path in ("/static/page.css", "/../README.md", "/quotetrack/cli.py", "/form.html"):
        assert client.get(path).status_code == 404


def test_uploads_stay_in_memory(monkeypatch):
    """An uploaded file is read from memory, never spooled to a temporary file (werkzeug
    spools uploads over 500 KB by default)."""
    client = serve.create_app(max_bytes=2 << 20).test_client()
    import tempfile
    def refuse(*a, **k):
        raise AssertionError("a temporary file was made")
    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", refuse)
    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    import io
    got = client.post("/check", data={"draft": DRAFT, "source_files": (io.BytesIO(SOURCE.encode() * 8000), "briefing.txt")},
                      content_type="multipart/form-data")
    assert got.status_code == 200 and b'data-verdict="number-changed"' in got.data


def test_the_form_page_and_a_form_check(client):
    assert b"<form" in client.get("/").data
    got = client.post("/check", data={"draft": DRAFT, "source": SOURCE, "source_label": "briefing"})
    assert got.status_code == 200
    assert b'<mark class="qt-finding" data-verdict="number-changed" data-severity="error"' in got.data
    assert b'<a href="/">' in got.data                  # back to the form
    got = client.post("/check", data={"draft": "  "})
    assert got.status_code == 400 and b"paste a draft or upload one" in got.data
    got = client.post("/extract", data={"draft": DRAFT, "source": SOURCE})
    assert got.status_code == 200 and got.data.count(b'class="qt-quote') >= 1


# --- a real server on loopback ------------------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    srv = serve.make_server("127.0.0.1", 0)

    def run():
        try:
            srv.run()
        except (OSError, ValueError):      # the sockets closed under the loop by srv.close()
            pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()
    thread.join(5)


def test_end_to_end_paste_a_draft_and_see_the_finding(browser, server):
    from selenium.webdriver.common.by import By
    browser.get(server + "/")
    browser.find_element(By.ID, "draft").send_keys(DRAFT)
    browser.find_element(By.ID, "source_label").clear()
    browser.find_element(By.ID, "source_label").send_keys("briefing")
    browser.find_element(By.ID, "source").send_keys(SOURCE)
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait
    browser.find_element(By.XPATH, "//button[text()='Check the draft']").click()
    mark = WebDriverWait(browser, 60).until(            # the check page replaces the form
        expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "mark.qt-finding")))
    assert mark.get_attribute("data-verdict") == "number-changed"
    assert mark.get_attribute("data-severity") == "error"
    assert mark.text.startswith("“Ridership rose 14 percent")
    items = browser.find_element(By.CSS_SELECTOR, ".qt-findings").text
    assert "briefing:1" in items and "12 percent" in items and "14 percent" in items


def post(url: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(url, json.dumps(body).encode("utf-8"),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())


def test_fifty_concurrent_checks_complete(server):
    body = {"draft": DRAFT, "sources": {"briefing": SOURCE}}
    started = time.perf_counter()
    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(lambda _: post(server + "/api/check", body), range(50)))
    elapsed = time.perf_counter() - started
    assert all(status == 200 and [f["verdict"] for f in got["findings"]] == ["number-changed"]
               for status, got in results)
    print(f"50 concurrent checks: {50 / elapsed:.1f} requests/s")

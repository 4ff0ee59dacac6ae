"""Invented news pages, and WARC files of them, for the archive tests.

Run as a script to write ``news.warc.gz`` and ``news.html`` into a directory:
``python tests/archive_pages.py DIR``.  Every text here was written for these tests.
"""
from __future__ import annotations

import gzip
import sys
import uuid
from pathlib import Path

# url -> (title, date, paragraphs)
PAGES = {
    "https://news.example.org/2024/05/bridge": ("Council approves river bridge", "2024-05-14", [
        "The city council voted 7-2 on Tuesday to build a new bridge over the Alder River.",
        "“This bridge will cut commutes by twenty minutes,” said Mayor Lena Ortiz.",
        "Councillor Tom Baines disagreed. “We cannot afford a $40 million project this year,” he said.",
        "Construction is expected to begin in March, according to the city engineer.",
        "The old crossing, built in 1931, carries about 18,000 vehicles a day and was rated poor "
        "in last year's inspection.",
        "Residents of the east bank have waited decades for a second crossing, and several spoke "
        "at the meeting before the vote.",
        "“My children cross that old bridge every morning on the school bus,” said Rosa Delgado, "
        "who lives near the river.",
    ]),
    "https://news.example.org/2024/05/library": ("Library hours extended", "2024-05-15", [
        "The central library will stay open until 9 p.m. on weekdays from June.",
        "“Students asked for this for years,” librarian Grace Mwangi told reporters.",
        "The change costs about $120,000 a year, officials said.",
        "The library board approved the new schedule after a survey of more than 2,000 readers "
        "last autumn.",
        "Evening study rooms will be available for booking online, and the café on the ground "
        "floor will also stay open later.",
        "Board chair Ahmed Karimi said the library would review the hours again after six months.",
    ]),
    "https://news.example.org/2024/05/weather": ("Cool week ahead", "2024-05-16", [
        "Temperatures will stay below average through the weekend across the valley.",
        "Light rain is expected on Thursday afternoon and again on Saturday morning.",
        "Overnight lows will fall to around five degrees in the hills, so gardeners may want to "
        "cover young plants.",
        "Warmer air should return early next week, with highs in the low twenties by Tuesday.",
    ]),
}
# Page furniture that trafilatura must leave out of the article text.
FURNITURE = ("Home", "Sport", "By Staff Reporter", "Photo: Courier archive", "Subscribe to our newsletter")
NOT_HTML_URL = "https://news.example.org/logo.png"
BAD_PAGE_URL = "https://news.example.org/bad"


def page_html(title: str, date: str, paragraphs: list[str]) -> str:
    """A news page: navigation, byline, captioned photo, the article, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Valley Courier</title><meta property="article:published_time" content="{date}">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1><p class="byline">By Staff Reporter</p>
<figure><img src="a.jpg"><figcaption>Photo: Courier archive</figcaption></figure>
{body}</article>
<footer>Subscribe to our newsletter. © 2024 Valley Courier</footer></body></html>"""


def record_id(uri: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri + kind)}>"


def record(kind: str, uri: str, payload: bytes, content_type: bytes = b"text/html; charset=utf-8") -> bytes:
    """One WARC/1.0 record; a response wraps ``payload`` in an HTTP response."""
    if kind == "response":
        block = (b"HTTP/1.1 200 OK\r\nContent-Type: " + content_type + b"\r\nContent-Length: "
                 + str(len(payload)).encode() + b"\r\n\r\n" + payload)
        block_type = b"application/http; msgtype=response"
    else:
        block, block_type = payload, b"application/warc-fields"
    head = [b"WARC/1.0", b"WARC-Type: " + kind.encode(),
            b"WARC-Record-ID: " + record_id(uri, kind).encode(), b"WARC-Date: 2024-05-17T10:00:00Z"]
    if uri:
        head.append(b"WARC-Target-URI: " + uri.encode())
    head += [b"Content-Type: " + block_type, b"Content-Length: " + str(len(block)).encode()]
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def warc_bytes(gz: bool = True, broken: bool = False) -> bytes:
    """A WARC of: warcinfo, the three pages, a PNG (not HTML), an undecodable "HTML" page,
    and (``broken``) a truncated last record; gzip-compressed record by record with ``gz``."""
    records = [record("warcinfo", "", b"software: quotetrack-tests\r\n")]
    records += [record("response", url, page_html(*page).encode()) for url, page in PAGES.items()]
    records.append(record("response", NOT_HTML_URL, b"\x89PNG\r\n\x1a\n\x00\x00", b"image/png"))
    records.append(record("response", BAD_PAGE_URL, b"\xff\xfe\x00\x00" * 50))
    data = b"".join(gzip.compress(r, mtime=0) if gz else r for r in records)
    if broken:
        tail = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated"
        data += gzip.compress(tail, mtime=0) if gz else tail
    return data


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "news.warc.gz").write_bytes(warc_bytes())
    url, page = next(iter(PAGES.items()))
    (directory / "news.html").write_text(page_html(*page), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "."))

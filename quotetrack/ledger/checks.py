"""Fact-checks as data: ClaimReview records and the lab's TSV, read into the ledger.

``quotetrack track import-checks FILE --db DB`` reads:

* ClaimReview (schema.org JSON-LD, the markup fact-checkers publish): a ``.json`` file
  holding one record, a list of them or an ``@graph``; a ``.jsonl`` file, one a line; an
  HTML page (``.html``/``.htm``) with ``<script type="application/ld+json">`` blocks.
  What is read: ``claimReviewed`` (required), ``reviewRating.alternateName`` (the
  verdict; else ``ratingValue``/``bestRating``), ``itemReviewed.author`` (who made the
  claim), ``itemReviewed.datePublished``, ``author`` (the fact-checker),
  ``datePublished`` (of the review), ``url`` and ``headline``/``name``.
* the CLEF CheckThat! layout (``.tsv``): a header, then ``id<TAB>claim<TAB>title``.

Each record becomes a :class:`Check`, or a :class:`RecordError` that names the record
("record 3: no claimReviewed"), so one bad record costs only itself.  A check's *key*
says which fact-check it is (its url and claim; else the file's name and the record's
id; else a hash of its fields), so importing the same file again changes nothing and a
changed record replaces its older version.

>>> page = '<script type="application/ld+json">{"@type": "ClaimReview", '
>>> page += '"claimReviewed": "The moon is cheese", "url": "https://f.example/moon", '
>>> page += '"reviewRating": {"alternateName": "False"}}</script>'
>>> [(c.claim, c.verdict) for c in read_text(page, "moon.html")]
[('The moon is cheese', 'False')]
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterator, Union

from ..claims import index
from ..text import jsonl
from .rows import iso_day
from .schema import CHECK_INDEX

# A JSON-LD block of an HTML page, its JSON in group 1 (the lazy part stops at the first
# "</script>", so a page is read once): <script type="application/ld+json">{…}</script>
JSON_LD = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
                     re.IGNORECASE | re.DOTALL)
FORMATS = ("json", "jsonl", "html", "tsv")
EXTENSIONS = {".json": "json", ".jsonld": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".html": "html", ".htm": "html", ".tsv": "tsv"}
TSV_COLUMNS = ("id", "vclaim", "title")


@dataclass(frozen=True)
class Check:
    """One fact-check: the claim it reviewed and what it found."""
    key: str
    claim: str
    title: str = ""
    verdict: str | None = None
    claimant: str | None = None          # who made the claim
    claim_date: str | None = None
    reviewer: str | None = None          # the fact-checker
    date: str | None = None              # of the review
    url: str | None = None
    source: str = ""                     # FILE (record N)

    def digest(self) -> str:
        """A hash of the fields: a re-imported record with the same digest is unchanged."""
        fields = (self.claim, self.title, self.verdict, self.claimant, self.claim_date,
                  self.reviewer, self.date, self.url)
        return hashlib.sha256(json.dumps(fields).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class RecordError:
    """A record that cannot be read: ``record 3: no claimReviewed``."""
    source: str
    message: str


Item = Union[Check, RecordError]


def format_of(path: str) -> str | None:
    """The format a file name says: json, jsonl, html or tsv (None when it says none).

    >>> format_of("checks.JSONL"), format_of("page.htm"), format_of("x.txt")
    ('jsonl', 'html', None)
    """
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def read_file(path: str, fmt: str | None = None) -> Iterator[Item]:
    """Every check of a file, or a :class:`RecordError` per bad record (one for the whole
    file when it cannot be read)."""
    fmt = fmt or format_of(path)
    if fmt is None:
        yield RecordError(path, "unknown format: name it .json, .jsonl, .html or .tsv, or give --format")
        return
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        yield RecordError(path, "not UTF-8 text")
        return
    except OSError as exc:
        yield RecordError(path, exc.strerror or str(exc))
        return
    yield from read_text(text, path, fmt)


def read_text(text: str, path: str, fmt: str | None = None) -> Iterator[Item]:
    """The checks of a file's text (``path`` names it in keys and errors)."""
    fmt = fmt or format_of(path) or "json"
    name = os.path.basename(path)
    if fmt == "tsv":
        yield from _tsv(text, path, name)
    elif fmt == "jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield from _json(line, path, f"line {number}")
    elif fmt == "html":
        blocks = JSON_LD.findall(text)
        if not blocks:
            yield RecordError(path, "no JSON-LD block (<script type=\"application/ld+json\">) in the page")
        found = False
        for number, block in enumerate(blocks, 1):
            for item in _json(block, path, f"JSON-LD block {number}", quiet=True):
                found = True
                yield item
        if blocks and not found:
            yield RecordError(path, "no ClaimReview in the page's JSON-LD")
    else:
        yield from _json(text, path, "")


def _json(text: str, path: str, where: str, quiet: bool = False) -> Iterator[Item]:
    """The ClaimReview records of one JSON document."""
    at = f"{where}: " if where else ""
    try:
        data = jsonl.loads(text)
    except ValueError as exc:
        yield RecordError(path, f"{at}{exc}")
        return
    reviews = list(_reviews(data))
    if not reviews and not quiet:
        yield RecordError(path, f"{at}no ClaimReview record")
    for number, review in enumerate(reviews, 1):
        label = f"{where}, record {number}" if where and len(reviews) > 1 else (where or f"record {number}")
        yield _review(review, path, label)


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _reviews(data: Any) -> Iterator[dict]:
    """Every ClaimReview object in a JSON value: the value itself, a list, an ``@graph``;
    and the Google Fact Check Tools form (``{"claims": [{"text", "claimReview": [...]}]}``)."""
    if isinstance(data, list):
        for item in data:
            yield from _reviews(item)
    elif isinstance(data, dict):
        if "ClaimReview" in _types(data):
            yield data
        elif "@graph" in data:
            yield from _reviews(data["@graph"])
        elif isinstance(data.get("claims"), list):
            for claim in data["claims"]:
                if isinstance(claim, dict):
                    for review in claim.get("claimReview") or [{}]:
                        if isinstance(review, dict):
                            yield _from_fact_check_tools(claim, review)


def _from_fact_check_tools(claim: dict, review: dict) -> dict:
    """A Fact Check Tools API claim and one of its reviews, as ClaimReview fields."""
    return {"@type": "ClaimReview", "claimReviewed": claim.get("text"), "url": review.get("url"),
            "headline": review.get("title"), "datePublished": review.get("reviewDate"),
            "reviewRating": {"alternateName": review.get("textualRating")},
            "author": review.get("publisher"),
            "itemReviewed": {"author": claim.get("claimant"), "datePublished": claim.get("claimDate")}}


def _text(value: Any) -> str | None:
    """A field as one line of text: a string, a number, or the ``name`` of an object."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _verdict(rating: Any) -> str | None:
    """``reviewRating.alternateName``, else ``ratingValue/bestRating`` ("2/5")."""
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), None)
    if not isinstance(rating, dict):
        return _text(rating)
    name = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if name:
        return name
    value, best = _text(rating.get("ratingValue")), _text(rating.get("bestRating"))
    if value and best:
        return f"{value}/{best}"
    return value


def _review(obj: dict, path: str, label: str) -> Item:
    claim = _text(obj.get("claimReviewed"))
    if not claim:
        return RecordError(path, f"{label}: no claimReviewed")
    item = obj.get("itemReviewed") if isinstance(obj.get("itemReviewed"), dict) else {}
    url = _text(obj.get("url"))
    if url is not None and not url.startswith(("http://", "https://")):
        return RecordError(path, f"{label}: url {url!r} is not an http(s) address")
    check = Check(key="", claim=claim, title=_text(obj.get("headline")) or _text(obj.get("name")) or "",
                  verdict=_verdict(obj.get("reviewRating")), claimant=_text(item.get("author")),
                  claim_date=_text(item.get("datePublished")),
                  reviewer=_text(obj.get("author")) or _text(obj.get("publisher")),
                  date=_text(obj.get("datePublished")), url=url, source=f"{path} ({label})")
    key = f"{url}\n{claim}" if url else "hash:" + check.digest()
    return Check(**{**check.__dict__, "key": key})


def _tsv(text: str, path: str, name: str) -> Iterator[Item]:
    """The lab's layout: a header ``id<TAB>vclaim<TAB>title``, then a claim a record."""
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows or [c.strip().lower() for c in rows[0][1:3]] != list(TSV_COLUMNS[1:3]) and \
            [c.strip().lower() for c in rows[0][1:2]] != list(TSV_COLUMNS[1:2]):
        yield RecordError(path, "want a header row: id<TAB>vclaim<TAB>title")
        return
    for number, row in enumerate(rows[1:], 1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            yield RecordError(path, f"record {number}: want id<TAB>vclaim<TAB>title, got {len(row)} field(s)")
            continue
        rid = row[0].strip()
        yield Check(key=f"{name}:{rid}", claim=" ".join(row[1].split()),
                    title=" ".join(row[2].split()) if len(row) > 2 else "", source=f"{path} (record {number})")


# --- the ledger's table of checks -----------------------------------------------------------------

CHECK_STATUSES = ("added", "unchanged", "updated", "failed")


def store(conn: sqlite3.Connection, check: Check, added_at: str) -> str:
    """Insert or update one check and its index row; ``added``, ``unchanged`` or ``updated``."""
    digest = check.digest()
    row = conn.execute("SELECT id, digest FROM checks WHERE key = ?", (check.key,)).fetchone()
    if row and row[1] == digest:
        return "unchanged"
    values = (digest, check.claim, check.title, check.verdict, check.claimant, check.claim_date,
              check.reviewer, check.date, iso_day(check.date), check.url, check.source)
    if row:
        conn.execute("UPDATE checks SET digest = ?, claim = ?, title = ?, verdict = ?, claimant = ?, "
                     "claim_date = ?, reviewer = ?, date = ?, day = ?, url = ?, source = ? WHERE id = ?",
                     (*values, row[0]))
        check_id = row[0]
    else:
        check_id = conn.execute(
            "INSERT INTO checks (key, digest, claim, title, verdict, claimant, claim_date, reviewer, date, "
            "day, url, source, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (check.key, *values, added_at)).lastrowid
    index.add(conn, CHECK_INDEX, check_id, check.claim, check.title)
    return "updated" if row else "added"

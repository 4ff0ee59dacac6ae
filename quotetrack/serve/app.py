"""The web application of ``quotetrack serve``: a form page, the HTML views, and a JSON API.

Routes:

- ``GET /``: the form (paste or upload a draft and its sources);
- ``POST /check`` and ``POST /extract``: the check page and the extract page of what was sent;
- ``POST /api/extract`` ``{"text", "doc_id"?}``: the document as ``extract --format jsonl`` writes it;
- ``POST /api/check`` ``{"draft", "sources": {LABEL: TEXT}, "file"?}``: ``{"findings": [...]}``
  with the keys of ``check --format json``.

A bad request gets a 400 with a one-line message (JSON ``{"error": ...}`` on the API), a body
over the size limit a 413.  Uploads stay in memory; no file or directory is read or served.
"""
from __future__ import annotations

import io
import json
from importlib import resources
from typing import Any

from html import escape

from flask import Flask, Request, Response, request
from waitress.server import create_server
from werkzeug.exceptions import BadRequest, HTTPException, RequestEntityTooLarge

from ..check import drafts as check
from ..check import sources as source_files
from ..config import Config
from .. import pipeline
from ..read import inputs as reader
from ..text import jsonl
from ..write import html as pages
from ..write.output import document_json

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_MB = 5.0
THREADS = 8                 # waitress worker threads
EXTRACT = Config(claims=False)   # the extract page and API show statements, not claims
DRAFT_NAME = "draft"
BACK = '<nav class="qt-back"><a href="/">← Back to the form</a></nav>'


class InMemoryRequest(Request):
    """A request whose uploaded files stay in memory (werkzeug spools big ones to disk)."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


class Refused(BadRequest):
    """A request the server cannot use, with a one-line reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def megabytes(size: int) -> str:
    """A byte count as the limit is given: 5242880 -> '5 MB'."""
    mb = size / (1 << 20)
    return f"{mb:g} MB"


def create_app(max_bytes: int = int(DEFAULT_MAX_MB * (1 << 20))) -> Flask:
    """The Flask application; a request body over ``max_bytes`` gets a 413."""
    app = Flask(__name__, static_folder=None)
    app.request_class = InMemoryRequest
    app.config.update(MAX_CONTENT_LENGTH=max_bytes, MAX_FORM_MEMORY_SIZE=max_bytes,
                      MAX_FORM_PARTS=1000, JSON_AS_ASCII=False)
    limit = megabytes(max_bytes)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if isinstance(exc, RequestEntityTooLarge):
            message = f"the request is larger than the {limit} limit; send fewer or shorter texts"
        elif isinstance(exc, Refused):
            message = exc.message
        else:
            message = (exc.description or exc.name).split("\n")[0]
        if request.path.startswith("/api/"):
            return _json({"error": message}, exc.code or 500)
        body = (f"<header><h1>{exc.code} {escape(exc.name)}</h1></header>"
                f"<p class=\"qt-error\">{escape(message)}</p><p><a href=\"/\">Back to the form</a></p>")
        return Response(pages.form_page(body, f"quotetrack: {exc.code} {exc.name}"), exc.code,
                        mimetype="text/html")

    @app.get("/")
    def index():
        return _html(pages.form_page(_form()))

    @app.post("/check")
    def check_page():
        draft = _form_draft()
        sources = _form_sources()
        findings = check.check(draft, DRAFT_NAME, [s for _, s in sources],
                               labels={label: s.name for label, s in sources})
        by_name = {s.name: s for _, s in sources}
        page = pages.check_page([pages.CheckedDraft(DRAFT_NAME, draft, tuple(findings))],
                               lambda name, line: _line_text(by_name, name, line), nav=BACK)
        return _html(page)

    @app.post("/extract")
    def extract_page():
        docs = [pipeline.extract(_form_draft(), DRAFT_NAME, EXTRACT)]
        docs += [pipeline.extract(s.text, s.name, EXTRACT) for _, s in _form_sources() if s.kind == "article"]
        return _html(pages.extract_page(docs, nav=BACK))

    @app.post("/api/extract")
    def api_extract():
        body = _json_body()
        text = _field(body, "text", str)
        doc_id = _field(body, "doc_id", str, required=False) or "text"
        doc = pipeline.extract(text, doc_id, EXTRACT)
        return Response(document_json(doc) + "\n", mimetype="application/json")

    @app.post("/api/check")
    def api_check():
        body = _json_body()
        draft = _field(body, "draft", str)
        given = _field(body, "sources", dict, required=False) or {}
        name = _field(body, "file", str, required=False) or DRAFT_NAME
        sources = []
        for label, text in given.items():
            if not isinstance(text, str):
                raise Refused(f'"sources" value of {label!r} is not a string')
            sources.append(_source(label, text))
        findings = check.check(draft, name, sources, labels={s.name: s.name for s in sources})
        return _json({"findings": [f.to_dict() for f in findings]})

    return app


# --- request parts --------------------------------------------------------------------------

def _json_body() -> dict[str, Any]:
    data = request.get_data(cache=False)        # raises the 413 when the body is too large
    if not data.strip():
        raise Refused("the request has no body; send a JSON object")
    try:
        body = jsonl.loads(data)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    if not isinstance(body, dict):
        raise Refused("the body is not a JSON object")
    return body


def _field(body: dict[str, Any], key: str, kind: type, required: bool = True) -> Any:
    value = body.get(key)
    if value is None:
        if required:
            raise Refused(f'missing field "{key}"')
        return None
    if not isinstance(value, kind):
        raise Refused(f'field "{key}" is not a {"string" if kind is str else "JSON object"}')
    if kind is str and required and not value.strip():
        raise Refused(f'field "{key}" is empty')
    return value


def _decode(data: bytes, name: str) -> str:
    try:
        return reader.decode_text(data)
    except reader.BadInput as exc:
        raise Refused(f"{name}: {exc}") from None


def _form_draft() -> str:
    upload = request.files.get("draft_file")
    if upload and upload.filename:
        return _decode(upload.read(), upload.filename)
    text = request.form.get("draft", "")
    if not text.strip():
        raise Refused("paste a draft or upload one")
    return text


def _form_sources() -> list[tuple[str, source_files.Source]]:
    """(label, source) of the pasted source and each uploaded file (labelled by its name)."""
    out = []
    pasted = request.form.get("source", "")
    if pasted.strip():
        label = request.form.get("source_label", "").strip() or "source"
        out.append((label, _source(label, pasted)))
    for upload in request.files.getlist("source_files"):
        if not upload or not upload.filename:
            continue
        name, data = upload.filename, upload.read()
        try:
            if reader.is_jsonl(name):
                source = source_files.jsonl_source(name, data)
            else:
                source = source_files.source_from_text(_decode(data, name), name,
                                                       name.lower().endswith(".tsv") or None)
        except source_files.SourceError as exc:
            raise Refused(f"{name}: {exc}") from None
        out.append((name, source))
    return out


def _source(label: str, text: str, transcript: bool | None = None) -> source_files.Source:
    try:
        return source_files.source_from_text(text, label, transcript)
    except source_files.SourceError as exc:
        raise Refused(f"{label}: {exc}") from None


def _line_text(by_name: dict[str, source_files.Source], name: str, line: int) -> str | None:
    source = by_name.get(name)
    return source.line_text(line) if source is not None else None


def _form() -> str:
    return resources.files(__package__).joinpath("form.html").read_text(encoding="utf-8")


def _html(page: str) -> Response:
    return Response(page, mimetype="text/html")


def _json(value: Any, status: int = 200) -> Response:
    return Response(json.dumps(value, ensure_ascii=False) + "\n", status, mimetype="application/json")


def make_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                max_bytes: int = int(DEFAULT_MAX_MB * (1 << 20)), threads: int = THREADS):
    """A waitress server of :func:`create_app` (not yet running; port 0 takes a free port).

    Request bodies stay in memory up to waitress's own ceiling, which sits above the app's
    limit so that the app answers an oversized body with its own 413."""
    ceiling = 2 * max_bytes + (1 << 20)
    return create_server(create_app(max_bytes), host=host, port=port, threads=threads,
                         ident="quotetrack", max_request_body_size=ceiling, inbuf_overflow=ceiling,
                         outbuf_overflow=1 << 30)


def run(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
        max_bytes: int = int(DEFAULT_MAX_MB * (1 << 20))) -> None:
    """Serve until interrupted."""
    server = make_server(host, port, max_bytes)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()

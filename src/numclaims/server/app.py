"""The web app and HTTP API of ``numclaims serve`` (FastAPI; the ``[server]`` extra).

:func:`create_app` loads the pipeline once and returns the ASGI app:

- ``GET /``: the page for people (paste or upload a text, see its claims, export them);
- ``POST /claims``: the claims of ``{"text": …}``, ``{"html": …}`` or ``{"documents": [...]}``;
- ``POST /export/{format}``: claims records as CSV, Parquet, ClaimReview or CheckThat;
- ``POST /parse``: a Duckling-compatible endpoint (form fields ``locale``, ``text``, ``dims``);
- ``GET /health`` and ``GET /openapi.json``.

Every request is bounded: a body over ``max_body`` bytes gets a 413, a text that takes
longer than ``timeout`` seconds a 503, bad input a 4xx, each with a one-line ``error``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from io import BytesIO
from typing import Any, Literal, TypeVar

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..api import extract_numbers, iter_claims, load
from ..claim import Claim
from ..cli import sample_text
from ..export import to_checkthat, to_claimreview, to_csv, to_parquet
from ..outputs.rendering import render
from ..pipeline.component import parse_reference_date
from ..rules.locales import normalize_locale
from .duckling import parse_dims, to_duckling
from .htmltext import html_to_text

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_TIMEOUT", "ClaimsRequest", "ExportRequest", "create_app"]

#: Default largest request body, in bytes (10 MB).
DEFAULT_MAX_BODY = 10 * 1024 * 1024
#: Default longest time one request may take to be processed, in seconds.
DEFAULT_TIMEOUT = 120.0
#: A body this many times over the limit is not read to its end before the 413.
_DRAIN_FACTOR = 4

_log = logging.getLogger("numclaims.server")
_T = TypeVar("_T")
_Scope = MutableMapping[str, Any]
_Message = MutableMapping[str, Any]
_Receive = Callable[[], Awaitable[_Message]]
_Send = Callable[[_Message], Awaitable[None]]
_ASGIApp = Callable[[_Scope, _Receive, _Send], Awaitable[None]]
_STATIC = {"app.js": "text/javascript", "app.css": "text/css"}


class ClaimsRequest(BaseModel):
    """The body of ``POST /claims``: exactly one of ``text``, ``html`` and ``documents``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Spanish text.")
    html: str | None = Field(None, description="An HTML document: its visible text is read.")
    documents: list[str] | None = Field(
        None, description="Several texts; each claim then has a `document` index."
    )
    locale: str = Field("es", description="'es', or a strict locale such as 'es-MX'.")
    reference_date: str | None = Field(
        None, description="ISO date that relative times are resolved against."
    )
    render: bool = Field(False, description="Also answer the highlighted text as HTML.")


class ExportRequest(BaseModel):
    """The body of ``POST /export/{format}``: claim records, with the text they come from."""

    model_config = ConfigDict(extra="forbid")

    claims: list[dict[str, Any]] = Field(description="`to_dict()` records (from /claims).")
    text: str | None = Field(None, description="The text the claims' offsets refer to.")
    url: str | None = Field(None, description="Where the text appeared (ClaimReview).")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


class _BodyLimit:
    """ASGI middleware: answers 413 to a request body over ``max_body`` bytes."""

    def __init__(self, app: _ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: _Scope, receive: _Receive, send: _Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = f"the request body is over the limit of {self.max_body:,} bytes"
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await _error(400, "the Content-Length header is not a number")(scope, receive, send)
                return
            if length > self.max_body * _DRAIN_FACTOR:
                await _error(413, too_big)(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            more = bool(message.get("more_body", False))
            if size > self.max_body:
                chunks = []  # read on (up to a bound) so that the client hears the 413
                if size > self.max_body * _DRAIN_FACTOR:
                    break
            else:
                chunks.append(body)
        if size > self.max_body:
            await _error(413, too_big)(scope, receive, send)
            return
        whole = b"".join(chunks)
        replayed = False

        async def replay() -> _Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _validation_response(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    ctype = request.headers.get("content-type", "")
    if request.url.path != "/parse" and ctype.split(";")[0].strip() != "application/json":
        shown = ctype or "none"
        return _error(415, f"send the body as JSON (Content-Type: application/json), not {shown}")
    if any(e.get("type") == "json_invalid" for e in errors):
        return _error(400, "the body is not valid JSON (or not UTF-8 text)")
    first = errors[0] if errors else {}
    if first.get("type") == "missing" and tuple(first.get("loc", ())) == ("body",):
        return _error(400, 'the request has no body: send a JSON object, e.g. {"text": "…"}')
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
    message = str(first.get("msg", "invalid request"))
    detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))} for e in errors]
    return JSONResponse(
        {"error": f"{where}: {message}" if where else message, "detail": detail}, status_code=422
    )


def create_app(
    nlp: Language | None = None,
    *,
    model: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    timeout: float = DEFAULT_TIMEOUT,
) -> FastAPI:
    """Return the ASGI app, with its pipeline loaded (once, here).

    Args:
        nlp: The pipeline to use; by default ``numclaims.load(model)``.
        model: As for :func:`numclaims.load`, when ``nlp`` is not given.
        max_body: The largest request body, in bytes; a larger one gets a 413.
        timeout: The longest a request may take to be processed, in seconds; a longer
            one gets a 503 (its work runs on, then the next request is served).
    """
    pipeline = nlp if nlp is not None else load(model)
    lock = threading.Lock()
    app = FastAPI(
        title="numclaims",
        version=__version__,
        summary="Numeric claims of Spanish news text: value, unit, qualifier, subject, speaker.",
        docs_url=None,  # Swagger UI loads its scripts from the network: the schema is enough
        redoc_url=None,
    )

    async def run(fn: Callable[[], _T]) -> _T:
        def locked() -> _T:
            with lock:
                return fn()

        try:
            return await asyncio.wait_for(asyncio.to_thread(locked), timeout)
        except asyncio.TimeoutError:
            raise HTTPException(
                503, f"the text took longer than {timeout:g} s to process; send a shorter one"
            ) from None

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(request, exc)

    @app.exception_handler(StarletteHTTPException)  # FastAPI's and the router's 404, 405
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(500, "internal error (see the server's log)")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(_static("index.html"))

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in _STATIC:
            raise HTTPException(404, f"no such file: {name}")
        return Response(_static(name), media_type=_STATIC[name])

    @app.get("/health", summary="Whether the server is up, and its pipeline")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "pipeline": f"{pipeline.meta.get('lang', 'es')}_{pipeline.meta.get('name', '')}",
            "max_body": max_body,
            "timeout": timeout,
        }

    @app.get("/sample", summary="The bundled sample news text")
    async def sample() -> dict[str, str]:
        return {"text": sample_text()}

    @app.post("/claims", summary="The numeric claims of a text, an HTML page or several texts")
    async def claims(payload: ClaimsRequest) -> dict[str, Any]:
        given = [k for k in ("text", "html", "documents") if getattr(payload, k) is not None]
        if len(given) != 1:
            raise HTTPException(422, "give exactly one of 'text', 'html' and 'documents'")
        try:
            locale = normalize_locale(payload.locale)
            ref = parse_reference_date(payload.reference_date)
        except ValueError as err:
            raise HTTPException(422, str(err)) from None
        if payload.documents is not None:
            texts = payload.documents
        elif payload.html is not None:
            texts = [html_to_text(payload.html)]
        else:
            texts = [payload.text or ""]

        def work() -> dict[str, Any]:
            records: list[dict[str, Any]] = []
            fragments: list[str] = []
            for i, text in enumerate(texts):
                docs = []
                for _, found, doc in iter_claims(
                    text, nlp=pipeline, locale=locale, reference_date=ref
                ):
                    docs.append(doc)
                    for claim in found:
                        record = claim.to_dict()
                        if payload.documents is not None:
                            record["document"] = i
                        records.append(record)
                if payload.render:
                    fragments.append(render(docs) if docs else "")
            out: dict[str, Any] = {"claims": records}
            if payload.render:
                out["html"] = "\n".join(fragments)
            if payload.html is not None:
                out["text"] = texts[0]
            return out

        return await run(work)

    @app.post(
        "/export/{fmt}",
        summary="Claim records as a CSV or Parquet table, ClaimReview drafts or CheckThat records",
    )
    async def export(
        fmt: Literal["csv", "parquet", "claimreview", "checkthat"], payload: ExportRequest
    ) -> Response:
        def work() -> Response:
            try:
                if fmt == "csv":
                    body = to_csv(payload.claims) or ""
                    return _download(body.encode("utf-8"), "text/csv; charset=utf-8", "csv")
                if fmt == "parquet":
                    buf = BytesIO()
                    to_parquet(payload.claims, buf)
                    return _download(buf.getvalue(), "application/vnd.apache.parquet", "parquet")
                if fmt == "claimreview":
                    drafts = to_claimreview(payload.claims, url=payload.url, text=payload.text)
                    return _download(_json(drafts), "application/ld+json", "jsonld")
                records = to_checkthat(payload.claims, text=payload.text, url=payload.url)
                return _download(_json(records), "application/json", "json")
            except (KeyError, TypeError, ValueError) as err:
                raise HTTPException(422, f"claims are not numclaims records ({err})") from None

        return await run(work)

    @app.post("/parse", summary="Duckling-compatible: numclaims' numbers in Duckling's shape")
    async def parse(
        request: Request,
        text: str = Form("", description="The text to parse (required)."),
        locale: str = Form("es_ES", description="Duckling's locale, e.g. es_ES, es_MX."),
        lang: str | None = Form(None, description="Duckling's older language field."),
        dims: str | None = Form(None, description='A JSON list, e.g. ["number"].'),
        reftime: str | None = Form(None, description="Accepted and ignored."),
        tz: str | None = Form(None, description="Accepted and ignored."),
        latent: str | None = Form(None, description="Accepted and ignored."),
    ) -> list[dict[str, Any]]:
        if "text" not in await request.form():
            raise HTTPException(400, "give the text to parse in the 'text' form field")
        try:
            loc = normalize_locale(lang if lang and locale == "es_ES" else locale)
            wanted = parse_dims(dims)
        except ValueError as err:
            raise HTTPException(400, str(err)) from None

        def work() -> list[dict[str, Any]]:
            found: list[Claim] = extract_numbers(text, nlp=pipeline, locale=loc)
            return to_duckling(found, wanted, text)

        return await run(work)

    app.add_middleware(_BodyLimit, max_body=max_body)
    return app


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def _download(body: bytes, media_type: str, ext: str) -> Response:
    name = "claimreview" if ext == "jsonld" else "claims"
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="numclaims-{name}.{ext}"'},
    )


def _static(name: str) -> str:
    return (
        resources.files(__package__ or "numclaims.server")
        .joinpath(f"static/{name}")
        .read_text("utf-8")
    )

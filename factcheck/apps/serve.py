"""`factcheck serve`: a local web app (paste or upload a draft, get the HTML review) and a JSON API.

Models load once, when the app is created; each corpus's index loads on first use and is kept. Checks run
one at a time behind a lock: the models are not shared safely between threads, and on a laptop the CPU
is the limit anyway. Errors come back as JSON `{"error": message}` with the CLI's message. Reviews share the
CLI's result cache (FACTCHECK_HOME/.cache/review.sqlite), so re-submitting an edited draft rechecks only the
sentences that changed; the report says how many were reused.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck import __version__
from factcheck.apps.result_cache import ResultCache
from factcheck.apps.review import ReviewReport, review_text
from factcheck.errors import FactcheckError, InputError
from factcheck.ingest.read import SUFFIXES
from factcheck.render.html import SourceContext, render_form_html, render_review_html, report_meta
from factcheck.results import CheckResult
from factcheck.retrieval.corpus import list_corpora
from factcheck.settings import Settings, get_settings

if TYPE_CHECKING:
    from factcheck.checker import Checker

MAX_BODY_BYTES = 2_000_000  # a long feature is ~100 kB of text; anything much larger is a mistake
DRAFT_KINDS = {"md": ".md", "txt": ".txt", "html": ".html"}


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statement: str = Field(description="One statement to check.")
    corpus: str | None = Field(None, description="Corpus name; default: the server's corpus.")


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The draft's text.")
    kind: Literal["md", "txt", "html"] = Field("md", description="How to read the draft's markup.")
    corpus: str | None = Field(None, description="Corpus name; default: the server's corpus.")


class Checkers:
    """One Checker per corpus, all sharing one embedder and one NLI model."""

    def __init__(self, settings: Settings, default_corpus: str | None = None, embedder=None, nli=None,
                 log: Callable[[str], None] | None = None):
        from factcheck.retrieval.embed import Embedder

        self.settings = settings
        self.default = default_corpus or settings.corpus
        self.embedder = embedder or Embedder()
        if nli is None and settings.judge == "nli":
            from factcheck.judge.nli import load_nli

            nli = load_nli(settings.nli_model)
        self.nli = nli
        self.log = log
        self._checkers: dict[str, Checker] = {}
        self._load_lock = threading.Lock()
        self.check_lock = threading.Lock()
        self.get(None)  # fail at start, not on the first request, when the default corpus is missing

    def get(self, corpus: str | None) -> Checker:
        from factcheck.checker import Checker

        name = corpus or self.default
        with self._load_lock:
            if name not in self._checkers:
                self._checkers[name] = Checker.load(name, embedder=self.embedder, nli=self.nli,
                                                    settings=self.settings, log=self.log)
            return self._checkers[name]


def create_app(default_corpus: str | None = None, *, settings: Settings | None = None, embedder=None, nli=None,
               max_body_bytes: int = MAX_BODY_BYTES, log: Callable[[str], None] | None = None, cache: bool = True):
    """The ASGI app; `embedder`/`nli` inject loaded models (tests); `cache=False` checks every sentence afresh."""
    settings = settings or get_settings()
    checkers = Checkers(settings, default_corpus, embedder, nli, log)
    # Used only under check_lock, so one connection serves the worker threads in turn.
    results = ResultCache(settings.home / ".cache" / "review.sqlite", threads=True) if cache else None
    app = FastAPI(title="factcheck", version=__version__,
                  description="Check statements and drafts against a local corpus, offline.")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.state.checkers = checkers

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    @app.exception_handler(FactcheckError)
    async def factcheck_error(request: Request, exc: FactcheckError):
        # Exit code 2 (the user's input) is the client's fault; anything else is the server's.
        return error(400 if exc.exit_code == 2 else 500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error(exc.status_code, str(exc.detail))

    def review(text: str, kind: str, corpus: str | None, name: str) -> tuple[ReviewReport, Checker]:
        checker = checkers.get(corpus)
        with checkers.check_lock:
            return review_text(text, checker, name=name, suffix=DRAFT_KINDS[kind], cache=results), checker

    @app.get("/", response_class=HTMLResponse, summary="The page to paste or upload a draft")
    def index():
        return HTMLResponse(render_form_html(_corpus_names(), checkers.default))

    @app.post("/review", response_class=HTMLResponse, summary="Review a pasted or uploaded draft (HTML report)")
    def review_page(text: Annotated[str, Form()] = "", corpus: Annotated[str, Form()] = "",
                    kind: Annotated[str, Form()] = "md", file: Annotated[UploadFile | None, File()] = None):
        name = "pasted draft"
        try:
            if file is not None and file.filename:
                name = Path(file.filename).name
                suffix = Path(name).suffix.lower()
                if suffix not in SUFFIXES:
                    raise InputError(f"{name}: unsupported draft type {suffix!r}; upload .txt, .md or .html")
                kind = {".htm": "html", ".markdown": "md"}.get(suffix, suffix.lstrip("."))
                try:
                    text = file.file.read().decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise InputError(f"{name}: not UTF-8 text; save it as UTF-8 and upload it again") from None
            if not text.strip():
                raise InputError("the draft is empty; paste its text or choose a file")
            if kind not in DRAFT_KINDS:
                raise InputError(f"unknown draft kind {kind!r}; use one of {', '.join(DRAFT_KINDS)}")
            report, checker = review(text, kind, corpus or None, name)
        except FactcheckError as exc:
            status = 400 if exc.exit_code == 2 else 500
            return HTMLResponse(render_form_html(_corpus_names(), corpus or checkers.default, error=str(exc),
                                                 text=text), status_code=status)
        meta = report_meta(checker, corpus or checkers.default, f"factcheck review: {name}")
        meta.home = "/"
        return HTMLResponse(render_review_html(report, meta, SourceContext(checker.claims)))

    @app.post("/api/check", response_model=CheckResult, summary="Check one statement")
    def api_check(req: CheckRequest) -> CheckResult:
        checker = checkers.get(req.corpus)
        with checkers.check_lock:
            return checker.check(req.statement)

    @app.post("/api/review", response_model=ReviewReport, summary="Review a draft: every check-worthy sentence")
    def api_review(req: ReviewRequest) -> ReviewReport:
        return review(req.text, req.kind, req.corpus, "draft")[0]

    @app.get("/api/corpora", summary="The corpora this server can check against")
    def api_corpora() -> list[dict]:
        return list_corpora(settings)

    @app.get("/healthz", summary="Liveness: the models are loaded")
    def healthz() -> dict:
        meta = report_meta(checkers.get(None), checkers.default, "")
        return {"status": "ok", "corpus": checkers.default, "judge": settings.judge, "model": meta.model,
                "version": __version__}

    def _corpus_names() -> list[str]:
        names = [c["name"] for c in list_corpora(settings)]
        return names if checkers.default in names else [checkers.default, *names]

    return app


class BodyLimit:
    """413 with a JSON message for a body over `max_bytes`: at once when Content-Length says so, else as it streams.

    (Starlette's own limit answers in plain text; API clients get `{"error": …}` like every other error.)
    """

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    def message(self, size: int | None) -> str:
        what = f"request body is {size} bytes" if size is not None else "request body is too large"
        return f"{what}, over the limit of {self.max_bytes}; split the draft or check it with `factcheck review`"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            return await JSONResponse({"error": self.message(int(length))}, 413)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:  # FastAPI passes HTTPExceptions from body reading on to the handler
                    raise StarletteHTTPException(413, self.message(None))
            return message

        await self.app(scope, counted, send)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False

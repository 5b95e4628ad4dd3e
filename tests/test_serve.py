"""`factcheck serve`: the JSON API, the paste/upload page, limits and errors (FastAPI's TestClient, fake models)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder, FakeNLI
from htmltree import parse_html
from test_html_report import XSS, assert_inert

pytest.importorskip("fastapi", reason="the serve extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

import factcheck.checker  # noqa: E402
from factcheck.apps.serve import create_app, is_loopback  # noqa: E402
from factcheck.cli import main  # noqa: E402
from factcheck.results import CheckResult  # noqa: E402

DRAFT = ("# Aid\n\nUS aid to Colombia was about $300 million in 2024. The Farc demobilized in 2016.\n"
         "Many analysts expect the relationship to recover.\n")


@pytest.fixture
def client(home):
    app = create_app(embedder=FakeEmbedder(), nli=FakeNLI(), max_body_bytes=20_000)
    with TestClient(app) as c:
        yield c


def test_check_returns_the_check_result_json(client):
    r = client.post("/api/check", json={"statement": "The Farc demobilized in 2016."})
    assert r.status_code == 200
    result = CheckResult.model_validate(r.json())
    assert result.verdict.value == "SUPPORTED" and result.evidence[0].source.endswith(".txt")
    assert client.post("/api/check", json={"statement": "The Farc demobilized in 2016.",
                                           "corpus": "seed"}).json() == r.json()


def test_errors_are_json_with_the_cli_message(client, home):
    r = client.post("/api/check", json={"statement": "  "})
    assert r.status_code == 400
    cli = CliRunner().invoke(main, ["check", "  "])
    assert cli.exit_code == 2 and r.json() == {"error": cli.stderr.strip().removeprefix("Error E101: ")}
    r = client.post("/api/check", json={"statement": "Aid rose.", "corpus": "nope"})
    assert r.status_code == 400 and "unknown corpus 'nope'" in r.json()["error"]
    r = client.post("/api/check", json={"statement": "Aid rose.", "extra": 1})
    assert r.status_code == 422  # a misspelt field is refused, not ignored
    assert client.get("/no-such-page").json() == {"error": "Not Found"}


def test_review_api_reports_every_check_worthy_sentence(client):
    r = client.post("/api/review", json={"text": DRAFT})
    assert r.status_code == 200
    data = r.json()
    assert [i["result"]["verdict"] for i in data["items"]] == ["CONTRADICTED", "SUPPORTED"]
    assert data["counts"]["CONTRADICTED"] == 1 and data["skipped_sentences"] == 1
    item = data["items"][0]
    assert DRAFT[item["start_char"]:item["end_char"]] == item["sentence"]
    assert "text" not in data


def test_a_resubmitted_edited_draft_rechecks_only_what_changed(client, monkeypatch):
    first = client.post("/api/review", json={"text": DRAFT}).json()
    assert first["reused"] == 0
    checked: list[str] = []
    real = factcheck.checker.Checker.check_many

    def counting(self, statements, *a, **kw):
        statements = list(statements)
        checked.extend(statements)
        return real(self, statements, *a, **kw)

    monkeypatch.setattr(factcheck.checker.Checker, "check_many", counting)
    edited = DRAFT.replace("The Farc demobilized in 2016.", "The Farc demobilized in 2017.")
    second = client.post("/api/review", json={"text": edited}).json()
    assert second["reused"] == 1 and checked == ["The Farc demobilized in 2017."]
    assert second["items"][0]["result"] == first["items"][0]["result"]


def test_without_the_cache_every_sentence_is_checked(home):
    with TestClient(create_app(embedder=FakeEmbedder(), nli=FakeNLI(), cache=False)) as c:
        c.post("/api/review", json={"text": DRAFT})
        assert c.post("/api/review", json={"text": DRAFT}).json()["reused"] == 0


def test_corpora_health_and_docs(client):
    assert [c["name"] for c in client.get("/api/corpora").json()] == ["seed"]
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["corpus"] == "seed" and health["model"] == "fake-nli"
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/check", "/api/review", "/api/corpora", "/healthz"} <= set(paths)


def test_bodies_over_the_limit_get_a_clear_413(client):
    r = client.post("/api/review", json={"text": "Aid rose in 2024. " * 2000})
    assert r.status_code == 413 and "over the limit of 20000" in r.json()["error"]

    def chunks():  # no Content-Length: the limit applies as the body streams in
        for _ in range(100):
            yield b" " * 1000

    r = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "error" in r.json()


def test_the_page_reviews_a_pasted_draft(client):
    page = client.get("/")
    dom = parse_html(page.text)
    assert dom.find("form").attrs["action"] == "/review"
    assert [o.attrs["value"] for o in dom.find("select", id="corpus").find_all("option")] == ["seed"]
    r = client.post("/review", data={"text": DRAFT, "kind": "md", "corpus": "seed"})
    assert r.status_code == 200
    dom = parse_html(r.text)
    marks = dom.find("article", cls="draft").find_all("a", cls="s")
    assert [m.attrs["data-verdict"] for m in marks] == ["CONTRADICTED", "SUPPORTED"]
    assert dom.find("a", cls="home").attrs["href"] == "/"


def test_the_page_reviews_an_uploaded_file_and_refuses_others(client):
    r = client.post("/review", files={"file": ("draft.html", b"<p>The Farc demobilized in 2016.</p>", "text/html")})
    assert r.status_code == 200
    dom = parse_html(r.text)
    assert dom.find("a", cls="s").attrs["data-verdict"] == "SUPPORTED"
    assert "draft.html" in dom.find("title").text()
    r = client.post("/review", files={"file": ("draft.docx", b"PK\x03\x04", "application/octet-stream")})
    assert r.status_code == 400
    assert "unsupported draft type '.docx'" in parse_html(r.text).find("p", cls="notice").text()
    r = client.post("/review", data={"text": "   "})
    assert r.status_code == 400 and "the draft is empty" in r.text


def test_the_page_renders_a_hostile_draft_as_text(client):
    r = client.post("/review", data={"text": XSS, "kind": "txt"})
    assert r.status_code == 200
    assert_inert(r.text)
    assert '<script>alert("draft")</script>' in parse_html(r.text).find("article", cls="draft").text()
    # The error page echoes the draft back: escaped too.
    r = client.post("/review", data={"text": XSS, "kind": "docx"})
    assert r.status_code == 400 and "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_is_loopback():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_serve_command_binds_localhost_by_default_and_says_so(home, monkeypatch):
    import uvicorn

    import factcheck.apps.serve

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.update(kw))
    real = factcheck.apps.serve.create_app
    monkeypatch.setattr(factcheck.apps.serve, "create_app",
                        lambda *a, **kw: real(*a, **{**kw, "embedder": FakeEmbedder(), "nli": FakeNLI()}))
    r = CliRunner().invoke(main, ["serve"])
    assert r.exit_code == 0, r.output
    assert calls == {"host": "127.0.0.1", "port": 8000, "log_level": "warning"}
    assert "http://127.0.0.1:8000/" in r.stderr and "this machine only" in r.stderr
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert calls["host"] == "0.0.0.0" and calls["port"] == 9001 and "ANY machine" in r.stderr
    r = CliRunner().invoke(main, ["serve", "--corpus", "nope"])
    assert r.exit_code == 2 and "unknown corpus 'nope'" in r.stderr  # fails at start, not on a request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(home):
    """The app on a real localhost port (uvicorn in a thread), as a browser would reach it."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(embedder=FakeEmbedder(), nli=FakeNLI()), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_live_server_answers_over_http(live_server):
    req = urllib.request.Request(live_server + "/api/check", data=json.dumps({"statement": "The Farc demobilized "
                                 "in 2016."}).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert json.load(r)["verdict"] == "SUPPORTED"
    with urllib.request.urlopen(live_server + "/", timeout=10) as r:
        assert "Content-Security-Policy" in r.read().decode()

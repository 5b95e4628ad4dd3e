"""`factcheck serve` — the local web app and JSON API."""

from __future__ import annotations

import click

from factcheck.cli.common import checker_options


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--max-body", type=click.IntRange(1), default=None,
              help="Largest request body in bytes (default 2,000,000); larger requests get a 413.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse results of sentences already reviewed against the same corpus, models and settings.")
@checker_options
def serve_cmd(host, port, max_body, cache, corpus, nli_model, judge, top_k):
    """Serve a page to paste or upload a draft and see its review, plus a JSON API
    (POST /api/check, POST /api/review, GET /api/corpora, GET /healthz; OpenAPI docs at /docs).

    Needs the serve extra: pip install -e ".[serve]".
    """
    try:
        import uvicorn

        from factcheck.apps.serve import MAX_BODY_BYTES, create_app, is_loopback
    except ImportError as exc:
        raise click.ClickException(f"{exc.name} is not installed; run: pip install -e \".[serve]\"") from exc
    from factcheck.settings import get_settings

    settings = get_settings(nli_model=nli_model, judge=judge, top_k=top_k)
    click.echo("loading models…", err=True)
    app = create_app(corpus, settings=settings, max_body_bytes=max_body or MAX_BODY_BYTES,
                     log=lambda m: click.echo(m, err=True), cache=cache)
    where = "this machine only" if is_loopback(host) else "ANY machine that can reach this address: no login"
    click.echo(f"factcheck serving http://{host}:{port}/ (reachable from {where}); Ctrl+C stops it.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")

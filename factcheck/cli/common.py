"""What every command shares: error mapping, corpus/model options, output options."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from factcheck.render.formats import FORMATS


class FactcheckGroup(click.Group):
    """A click group that exits 130 on Ctrl-C. Library errors are ClickExceptions: Click prints them as one
    line, `Error E101: …`, and exits with their exit code, never with a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)


def checker_options(f):
    """--corpus, --nli-model, --judge, --top-k."""
    from factcheck.judge.registry import judges

    @click.option("--corpus", "-c", default=None, help="Corpus name (under corpus/) or path. Default: the seed article.")
    @click.option("--nli-model", default=None, help="NLI model: local folder or Hugging Face id. Default: shipped model.")
    @click.option("--judge", type=click.Choice(list(judges)), default=None, help="Judge to use (default nli: NLI + rules).")
    @click.option("--top-k", type=click.IntRange(1, 100), default=None, help="Claims retrieved per statement.")
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


def verdict_options(f):
    """--profile and --min-confidence: which calibrated verdict model decides, and where to abstain."""

    @click.option("--profile", default=None, metavar="NAME",
                  help="Calibrated verdict profile (`factcheck calibrate --out NAME`); env FACTCHECK_PROFILE.")
    @click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="P",
                  help="Report a verdict below confidence P as NOT_ENOUGH_INFO (\"low confidence (p=…)\").")
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


def load_checker(corpus, nli_model, judge, top_k, profile=None, min_confidence=None):
    from factcheck.checker import Checker
    from factcheck.settings import get_settings

    settings = get_settings(nli_model=nli_model, judge=judge, top_k=top_k, profile=profile,
                            min_confidence=min_confidence)
    return Checker.load(corpus, settings=settings, log=lambda m: click.echo(m, err=True))


def output_options(formats: tuple[str, ...] = FORMATS, default: str = "text"):
    """--format and --output, shared by every command that prints results."""

    def decorator(f):
        @click.option("--format", "-f", "fmt", type=click.Choice(formats), default=default, show_default=True,
                      help="Output format.")
        @click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
                      help="Write here instead of stdout.")
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            return f(*args, **kwargs)

        return wrapper

    return decorator


def emit(text: str, output: str) -> None:
    """Print to stdout, or write atomically to a file."""
    if output == "-":
        click.echo(text, nl=False)
    else:
        from factcheck.retrieval.index import write_atomic

        write_atomic(Path(output), text)
        click.echo(f"wrote {output}", err=True)


def use_color(output: str) -> bool:
    return output == "-" and sys.stdout.isatty()


def engine_options(f):
    """--engine, --address and --workers: where batch and ingest do their work (Ray only when asked)."""

    @click.option("--engine", type=click.Choice(("local", "ray")), default="local", show_default=True,
                  help="'ray': check/split/embed on Ray Data workers (pip install -e \".[ray]\"); output is the same.")
    @click.option("--address", default=None, metavar="ADDRESS",
                  help="With --engine ray: a running cluster ('auto', or ray://HOST:10001); default: a private "
                  "Ray instance on this machine.")
    @click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
                  help="With --engine ray: worker actors, each loading the models once (one CPU each).")
    @functools.wraps(f)
    def wrapper(*args, engine, address, workers, **kwargs):
        if engine != "ray" and address is not None:
            raise click.UsageError("--address needs --engine ray")
        return f(*args, engine=(engine, address, workers) if engine == "ray" else None, **kwargs)

    return wrapper

"""What every command shares: error mapping, corpus/model options, output options."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from factcheck.errors import FactcheckError
from factcheck.render.formats import FORMATS


class FactcheckGroup(click.Group):
    """A click group that turns library errors into one-line messages and exit codes, never tracebacks."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            click.secho(f"Error: {exc}", err=True, fg="red")
            sys.exit(exc.exit_code)
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


def load_checker(corpus, nli_model, judge, top_k):
    from factcheck.checker import Checker

    return Checker.load(corpus, nli_model=nli_model, judge=judge, top_k=top_k,
                        log=lambda m: click.echo(m, err=True))


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

"""`factcheck review draft.md` — the pre-publication gate."""

from __future__ import annotations

import sys

import click

from factcheck.apps.review import FAIL_ON
from factcheck.cli.common import checker_options, emit, load_checker, output_options, use_color


@click.command("review")
@click.argument("draft", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="contradicted", show_default=True,
              help="'unsupported' also fails on sentences the source is silent about.")
@checker_options
@output_options(formats=("text", "md", "json"))
def review_cmd(draft, fail_on, corpus, nli_model, judge, top_k, fmt, output):
    """Check every check-worthy sentence of a draft (.txt/.md, '-' for stdin).

    Exit 0 when nothing is CONTRADICTED, 1 when something is (or, with --fail-on unsupported, when
    anything is not SUPPORTED), 2 for usage errors.
    """
    from factcheck.apps.review import review_draft
    from factcheck.render.review import render_review

    checker = load_checker(corpus, nli_model, judge, top_k)
    report = review_draft(draft, checker)
    emit(render_review(report, fmt, color=use_color(output)), output)
    sys.exit(1 if report.failed(fail_on) else 0)

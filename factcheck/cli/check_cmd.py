"""`factcheck check STATEMENT...`"""

from __future__ import annotations

import click

from factcheck.cli.common import checker_options, emit, load_checker, output_options, use_color


@click.command("check")
@click.argument("statements", nargs=-1, required=True)
@checker_options
@output_options()
def check_cmd(statements, corpus, nli_model, judge, top_k, fmt, output):
    """Check one or more statements against a corpus (default: the seed article)."""
    from factcheck.render.formats import render

    checker = load_checker(corpus, nli_model, judge, top_k)
    results = list(checker.check_many(statements))
    emit(render(results, fmt, color=use_color(output)), output)

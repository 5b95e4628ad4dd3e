"""`factcheck eval LABELLED`: score the checker on a labelled CSV/JSONL file."""

from __future__ import annotations

import click

from factcheck.cli.common import checker_options, emit


@click.command(name="eval")
@click.argument("labelled", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--source", "sources", multiple=True, type=click.Path(dir_okay=False),
              help="Check against this source file instead of a corpus; repeat for several.")
@checker_options
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
def eval_cmd(labelled, sources, corpus, nli_model, judge, top_k, fmt, output):
    """Check every statement in LABELLED (.csv or .jsonl: `statement` or `claim`, `label`, optional `evidence`
    gold sentences) and report accuracy, macro-F1, per-class scores and evidence recall@k."""
    from factcheck.apps.evaluate import evaluate, read_labelled
    from factcheck.checker import Checker
    from factcheck.ingest.read import read_document
    from factcheck.render.evaluation import render_report
    from factcheck.settings import get_settings

    if corpus and sources:
        raise click.UsageError("use either --corpus or --source, not both")
    if sources:
        docs = {path: read_document(path).text for path in sources}
        checker = Checker.from_texts(docs, settings=get_settings(nli_model=nli_model, judge=judge, top_k=top_k))
    else:
        checker = Checker.load(corpus, nli_model=nli_model, judge=judge, top_k=top_k,
                               log=lambda m: click.echo(m, err=True))
    report = evaluate(checker, read_labelled(labelled), k=checker.settings.top_k)
    emit(render_report(report, fmt, title=f"factcheck eval {labelled}"), output)

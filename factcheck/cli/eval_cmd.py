"""`factcheck eval LABELLED`: score the checker on a labelled CSV/JSONL file."""

from __future__ import annotations

import click

from factcheck.cli.common import checker_options, emit, load_checker, verdict_options


@click.command(name="eval")
@click.argument("labelled", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--source", "sources", multiple=True, type=click.Path(dir_okay=False),
              help="Check against this source file instead of a corpus; repeat for several.")
@checker_options
@verdict_options
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
@click.option("--plot", type=click.Path(dir_okay=False), default=None, metavar="IMAGE.png",
              help="Also draw the reliability diagram and the coverage/precision curve (needs matplotlib).")
def eval_cmd(labelled, sources, corpus, nli_model, judge, top_k, profile, min_confidence, fmt, output, plot):
    """Check every statement in LABELLED (.csv or .jsonl: `statement` or `claim`, `label`, optional `evidence`
    gold sentences) and report accuracy, macro-F1, per-class scores, evidence recall@k, the calibration error
    (ECE) of the confidence and the coverage/precision curve."""
    from factcheck.apps.evaluate import evaluate, read_labelled
    from factcheck.checker import Checker
    from factcheck.ingest.read import read_document
    from factcheck.render.evaluation import render_report
    from factcheck.settings import get_settings

    if corpus and sources:
        raise click.UsageError("use either --corpus or --source, not both")
    if sources:
        docs = {path: read_document(path).text for path in sources}
        checker = Checker.from_texts(docs, settings=get_settings(nli_model=nli_model, judge=judge, top_k=top_k,
                                                                 profile=profile, min_confidence=min_confidence))
    else:
        checker = load_checker(corpus, nli_model, judge, top_k, profile, min_confidence)
    report = evaluate(checker, read_labelled(labelled), k=checker.settings.top_k)
    emit(render_report(report, fmt, title=f"factcheck eval {labelled}"), output)
    if plot:
        from factcheck.render.evaluation import plot_reliability

        plot_reliability(report, plot, title=f"factcheck eval {labelled}")
        click.echo(f"wrote {plot}", err=True)

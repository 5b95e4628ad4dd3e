"""`factcheck eval`: score the checker on a labelled CSV/JSONL file."""

from __future__ import annotations

import click

from factcheck.errors import FactcheckError


@click.command(name="eval")
@click.argument("labelled", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--corpus", help="Name or path of a built corpus to check against (default: the default corpus).")
@click.option("--source", "sources", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Source file to check against instead of a corpus; repeat for several.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--nli-model", help="NLI model: local directory or Hugging Face id (default: the shipped model).")
@click.option("--top-k", type=click.IntRange(min=1), default=5, show_default=True,
              help="Evidence retrieved per statement; also the k of evidence recall@k.")
def eval_cmd(labelled: str, corpus: str | None, sources: tuple[str, ...], fmt: str, nli_model: str | None,
             top_k: int) -> None:
    """Check every statement in LABELLED (.csv or .jsonl with `statement` and `label` columns, optional
    `evidence`) and report accuracy, macro-F1, per-class scores and evidence recall@k."""
    if corpus and sources:
        raise click.UsageError("use either --corpus or --source, not both")
    from factcheck import Checker
    from factcheck.evaluate import evaluate, read_labelled, render_report
    from factcheck.read import read_document

    try:
        if sources:
            docs = {path: read_document(path).text for path in sources}
            checker = Checker.from_texts(docs, nli_model=nli_model, top_k=top_k)
        else:
            checker = Checker.load(corpus, nli_model=nli_model, top_k=top_k)
        report = evaluate(checker, read_labelled(labelled), k=top_k)
    except FactcheckError as exc:
        err = click.ClickException(str(exc))
        err.exit_code = exc.exit_code
        raise err from exc
    click.echo(render_report(report, fmt, title=f"factcheck eval {labelled}").rstrip("\n"))

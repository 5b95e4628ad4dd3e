"""`factcheck batch claims.csv --output results.csv`"""

from __future__ import annotations

import sys

import click

from factcheck.cli.common import checker_options, engine_options, load_checker, verdict_options

BATCH_FORMATS = ("csv", "jsonl", "html")


@click.command("batch")
@click.argument("input_path", metavar="CSV", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Results file: .csv, .jsonl or .html (by extension); '-' for CSV on stdout.")
@click.option("--format", "-f", "fmt", type=click.Choice(BATCH_FORMATS), default=None,
              help="Output format (default: from the output's extension, else csv).")
@click.option("--column", default=None, help="Statement column (default: 'statement' or 'claim').")
@click.option("--resume", is_flag=True, help="Continue an interrupted run: keep rows already in the output.")
@checker_options
@verdict_options
@engine_options
def batch_cmd(input_path, output, fmt, column, resume, corpus, nli_model, judge, top_k, profile, min_confidence,
              engine):
    """Check every row of a CSV of statements; appends verdict, confidence, explanation, evidence, source.

    Exit 1 when any row could not be checked (those rows get verdict ERROR and an error message).
    """
    from functools import partial

    from tqdm import tqdm

    from factcheck.apps.batch import run_batch

    if engine is not None:
        from factcheck.apps.ray_engine import RayBatchEngine

        engine = RayBatchEngine(address=engine[1], workers=engine[2])
    by_extension = next((f for f in BATCH_FORMATS if output.lower().endswith("." + f)), "csv")
    if fmt == "html" or (fmt is None and by_extension == "html"):
        if engine is not None:
            raise click.UsageError("--engine ray writes .csv or .jsonl; render those with a local html run")
        return _batch_html(input_path, output, column, resume, corpus,
                           (corpus, nli_model, judge, top_k, profile, min_confidence))
    if fmt is not None and fmt != by_extension:
        raise click.UsageError(f"--format {fmt} does not match the output {output!r}; csv and jsonl follow the "
                               "output's extension")
    with tqdm(desc="checking", unit="row", file=sys.stderr, disable=None) as bar:
        summary = run_batch(input_path, output, partial(load_checker, corpus, nli_model, judge, top_k, profile,
                                                        min_confidence),
                            column=column, resume=resume, progress=bar.update, engine=engine)
    _report(summary, output)


def _batch_html(input_path, output, column, resume, corpus, checker_args):
    """Run the batch into a temporary JSONL, then render every row (results and errors) as one HTML page."""
    import tempfile
    from pathlib import Path

    from tqdm import tqdm

    from factcheck.apps.batch import check_output, run_batch
    from factcheck.cli.common import emit
    from factcheck.render.html import SourceContext, batch_rows, render_results_html, report_meta

    if resume:
        raise click.UsageError("--resume works with .csv and .jsonl output, not html")
    check_output(input_path, output)
    loaded = []

    def load():  # run_batch loads the models only once the CSV header is known to be good
        loaded.append(load_checker(*checker_args))
        return loaded[0]

    with tempfile.TemporaryDirectory(prefix="factcheck-batch-") as tmp:
        rows_file = str(Path(tmp) / "rows.jsonl")
        with tqdm(desc="checking", unit="row", file=sys.stderr, disable=None) as bar:
            summary = run_batch(input_path, rows_file, load, column=column, progress=bar.update)
        checker = loaded[0]
        page = render_results_html(batch_rows(rows_file), report_meta(checker, corpus, f"factcheck batch: {input_path}"),
                                   SourceContext(checker.claims))
    emit(page, output)
    _report(summary, "-")


def _report(summary, output):
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.verdicts.items()))
    click.echo(f"{summary.rows} rows checked ({counts})" + (f", {summary.skipped} kept from the previous run"
               if summary.skipped else "") + (f"; wrote {output}" if output != "-" else ""), err=True)
    if summary.errors:
        click.echo(f"{summary.errors} rows failed; see the 'error' column", err=True)
        sys.exit(1)

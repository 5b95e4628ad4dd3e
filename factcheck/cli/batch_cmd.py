"""`factcheck batch claims.csv --output results.csv`"""

from __future__ import annotations

import sys

import click

from factcheck.cli.common import checker_options, load_checker


@click.command("batch")
@click.argument("input_path", metavar="CSV", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-", show_default=True,
              help="Results file: .csv or .jsonl (by extension); '-' for CSV on stdout.")
@click.option("--column", default=None, help="Statement column (default: 'statement' or 'claim').")
@click.option("--resume", is_flag=True, help="Continue an interrupted run: keep rows already in the output.")
@checker_options
def batch_cmd(input_path, output, column, resume, corpus, nli_model, judge, top_k):
    """Check every row of a CSV of statements; appends verdict, confidence, explanation, evidence, source.

    Exit 1 when any row could not be checked (those rows get verdict ERROR and an error message).
    """
    from tqdm import tqdm

    from factcheck.apps.batch import run_batch

    with tqdm(desc="checking", unit="row", file=sys.stderr, disable=None) as bar:
        summary = run_batch(input_path, output, lambda: load_checker(corpus, nli_model, judge, top_k),
                            column=column, resume=resume, progress=bar.update)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.verdicts.items()))
    click.echo(f"{summary.rows} rows checked ({counts})" + (f", {summary.skipped} kept from the previous run"
               if summary.skipped else "") + (f"; wrote {output}" if output != "-" else ""), err=True)
    if summary.errors:
        click.echo(f"{summary.errors} rows failed; see the 'error' column", err=True)
        sys.exit(1)

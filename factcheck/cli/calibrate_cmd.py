"""`factcheck calibrate LABELLED --corpus NAME [--out PROFILE]`: fit the verdict model to a newsroom's labels."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.cli.common import load_checker


@click.command("calibrate")
@click.argument("labelled", type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", "-c", required=True, help="The corpus the labelled statements are about.")
@click.option("--out", "profile", default=None, metavar="PROFILE",
              help="Profile name to write (default: the labelled file's name); select it with --profile.")
@click.option("--folds", type=click.IntRange(2, 20), default=5, show_default=True, help="Cross-validation folds.")
@click.option("--nli-model", default=None, help="NLI model: local folder or Hugging Face id. Default: shipped model.")
@click.option("--top-k", type=click.IntRange(1, 100), default=None, help="Claims retrieved per statement.")
def calibrate_cmd(labelled, corpus, profile, folds, nli_model, top_k):
    """Refit the verdict model on LABELLED (.csv or .jsonl with `statement` and `label`, as for `eval`) and save
    it as a named profile. Prints accuracy, macro-F1 and calibration error (ECE) before and after (k-fold
    cross-validated). Needs at least 10 statements of each verdict; writes nothing otherwise (exit 2)."""
    from factcheck.apps.calibrate import calibrate
    from factcheck.render.evaluation import render_calibration

    profile = profile or Path(labelled).stem
    checker = load_checker(corpus, nli_model, None, top_k)
    report = calibrate(labelled, checker, corpus=corpus, profile=profile, folds=folds,
                       log=lambda m: click.echo(m, err=True))
    click.echo(render_calibration(report), nl=False)

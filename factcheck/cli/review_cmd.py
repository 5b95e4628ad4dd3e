"""`factcheck review draft.md` — the pre-publication gate."""

from __future__ import annotations

import sys

import click

from factcheck.apps.review import FAIL_ON
from factcheck.cli.common import checker_options, emit, load_checker, output_options, use_color, verdict_options


@click.command("review")
@click.argument("draft", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="conflicted", show_default=True,
              help="'contradicted': fail only on CONTRADICTED; 'conflicted': also when sources conflict; "
                   "'unsupported': also on sentences the source is silent about.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="An earlier review saved with -f json: report new and fixed problems since then.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse results for sentences already checked with the same corpus, models and settings.")
@checker_options
@verdict_options
@output_options(formats=("text", "md", "json", "html"))
def review_cmd(draft, fail_on, baseline, cache, corpus, nli_model, judge, top_k, profile, min_confidence, fmt, output):
    """Check every check-worthy sentence of a draft (.txt/.md/.html, '-' for stdin).

    Exit 0 when nothing is CONTRADICTED or CONFLICTED, 1 when something is (--fail-on changes what
    counts), 2 for usage errors. `--format html -o report.html` writes one self-contained page: the
    draft with each checked sentence marked, the evidence one click away.
    """
    from factcheck.apps.result_cache import ResultCache
    from factcheck.apps.review import compare, read_draft, read_review, review_draft
    from factcheck.io import check_writable
    from factcheck.render.review import render_review

    before = read_review(baseline) if baseline else None  # a bad baseline fails before any model loads
    check_writable(output)
    text = read_draft(draft)  # so do a missing, empty or binary draft and an unwritable output
    checker = load_checker(corpus, nli_model, judge, top_k, profile, min_confidence)
    store = ResultCache(checker.settings.home / ".cache" / "review.sqlite") if cache else None
    try:
        report = review_draft(draft, checker, cache=store, text=text)
    finally:
        if store is not None:
            store.close()
    if before is not None:
        report.changes = compare(report, before, baseline)
    if fmt == "html":
        from factcheck.render.html import SourceContext, render_review_html, report_meta

        text = render_review_html(report, report_meta(checker, corpus, f"factcheck review: {draft}"),
                                  SourceContext(checker.claims))
    else:
        text = render_review(report, fmt, color=use_color(output))
    emit(text, output)
    sys.exit(1 if report.failed(fail_on) else 0)

"""`factcheck check STATEMENT...`"""

from __future__ import annotations

import click

from factcheck.cli.common import checker_options, emit, load_checker, output_options, use_color, verdict_options
from factcheck.render.formats import FORMATS


@click.command("check")
@click.argument("statements", nargs=-1, required=True)
@checker_options
@verdict_options
@output_options(formats=(*FORMATS, "html"))
def check_cmd(statements, corpus, nli_model, judge, top_k, profile, min_confidence, fmt, output):
    """Check one or more statements against a corpus (default: the seed article); `-` reads one statement
    per line from standard input."""
    from factcheck.checker import validate_statement
    from factcheck.errors import InputError
    from factcheck.io import STDIN, check_writable, open_text
    from factcheck.render.formats import render
    from factcheck.settings import get_settings

    limit = get_settings().max_statement_chars  # bad input and an unwritable output fail before models load
    if list(statements) == [STDIN]:
        # Undecodable bytes are kept (surrogateescape) so the statement check names them with the line.
        lines = open_text(STDIN, errors="surrogateescape").read().splitlines()
        numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
        if not numbered:
            raise InputError("standard input holds no statement; give one per line")
        checked: list[str] = []
        for n, line in numbered:
            try:
                checked.append(validate_statement(line, limit))
            except InputError as exc:
                raise InputError(f"stdin:{n}: {exc.message}") from None
    else:
        checked = [validate_statement(s, limit) for s in statements]
    check_writable(output)
    checker = load_checker(corpus, nli_model, judge, top_k, profile, min_confidence)
    results = list(checker.check_many(checked))
    if fmt == "html":
        from factcheck.render.html import SourceContext, render_results_html, report_meta

        text = render_results_html(results, report_meta(checker, corpus, "factcheck check"),
                                   SourceContext(checker.claims))
    else:
        text = render(results, fmt, color=use_color(output))
    emit(text, output)

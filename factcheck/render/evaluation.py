"""Render an evaluation report as a text table or JSON."""

from __future__ import annotations

import io

from factcheck.apps.evaluate import EvalReport


def render_report(report: EvalReport, fmt: str = "text", *, title: str | None = None) -> str:
    """The report as a text table ("text") or JSON ("json")."""
    if fmt == "json":
        return report.model_dump_json(indent=2)
    if fmt != "text":
        raise ValueError(f"unknown report format {fmt!r}; use 'text' or 'json'")
    from rich.console import Console
    from rich.table import Table

    summary = f"n={report.n}  accuracy={report.accuracy:.3f}  macro-F1={report.macro_f1:.3f}"
    if report.evidence_recall_at_k is not None:
        summary += f"  evidence recall@{report.k}={report.evidence_recall_at_k:.3f} (n={report.n_with_evidence})"
    scores = Table(title=title)
    for col in ("label", "precision", "recall", "F1", "support"):
        scores.add_column(col, justify="left" if col == "label" else "right")
    for name, s in report.per_class.items():
        scores.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support))
    predicted = list(next(iter(report.confusion.values()), {}).keys())
    confusion = Table(title="confusion (rows: gold, columns: predicted)")
    confusion.add_column("gold \\ predicted")
    for p in predicted:
        confusion.add_column(p, justify="right")
    for g, row in report.confusion.items():
        confusion.add_row(g, *(str(row[p]) for p in predicted))
    buf = io.StringIO()
    console = Console(file=buf, width=100, color_system=None, force_terminal=False)
    console.print(summary, soft_wrap=True)
    console.print(scores)
    console.print(confusion)
    return buf.getvalue()

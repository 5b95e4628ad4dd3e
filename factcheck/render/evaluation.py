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
    if report.ece is not None:
        summary += f"  ECE={report.ece:.3f}"
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
    if report.coverage_curve:
        curve = Table(title="coverage/precision by --min-confidence (verdicts other than NOT_ENOUGH_INFO)")
        for col in ("min confidence", "coverage", "precision", "n"):
            curve.add_column(col, justify="right")
        for point in report.coverage_curve:
            curve.add_row(f"{point.threshold:.2f}", f"{point.coverage:.3f}", f"{point.precision:.3f}", str(point.n))
        console.print(curve)
    return buf.getvalue()


def plot_reliability(report: EvalReport, path: str, *, title: str | None = None) -> None:
    """Draw the reliability diagram and the coverage/precision curve side by side into an image file."""
    try:
        import matplotlib
    except ImportError:
        from factcheck.errors import FactcheckError

        raise FactcheckError("--plot needs matplotlib: pip install matplotlib (or factcheck[plot])") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.4))
    bins = report.reliability
    left.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfectly calibrated")
    left.bar([b.low for b in bins], [b.accuracy for b in bins], width=[b.high - b.low for b in bins], align="edge",
             edgecolor="black", color="#4c72b0", alpha=0.8, label="accuracy in bin")
    left.plot([b.confidence for b in bins], [b.accuracy for b in bins], "o", color="#dd8452", label="(mean confidence, accuracy)")
    for b in bins:
        left.annotate(str(b.n), ((b.low + b.high) / 2, b.accuracy), ha="center", va="bottom", fontsize=7)
    left.set(xlim=(0, 1), ylim=(0, 1.05), xlabel="confidence", ylabel="accuracy",
             title=f"Reliability (ECE {report.ece:.3f}, n={report.n})" if report.ece is not None else "Reliability")
    left.legend(loc="upper left", fontsize=8)
    curve = [p for p in report.coverage_curve if p.n]  # no verdicts left: precision is undefined
    right.plot([p.coverage for p in curve], [p.precision for p in curve], "o-", color="#55a868")
    for p in [p for i, p in enumerate(curve) if i == len(curve) - 1 or curve[i + 1].n != p.n]:
        right.annotate(f"≥{p.threshold:.2f}", (p.coverage, p.precision), textcoords="offset points", xytext=(4, 4),
                       fontsize=7)
    right.set(xlim=(0, 1.02), ylim=(0, 1.05), xlabel="coverage (share given a definite verdict)",
              ylabel="precision of those verdicts", title="Coverage vs precision by --min-confidence")
    if title:
        fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def render_calibration(report) -> str:
    """The `factcheck calibrate` summary: labels used, before/after figures, where the profile went."""
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    rows = ((f"before ({report.started_from})", report.before), (f"after ({report.folds}-fold CV)", report.after))
    width = max(len(name) for name, _ in rows) + 2
    lines = [f"Calibrated on {report.rows} labelled statements ({counts}) against corpus {report.corpus!r}.",
             f"{'':{width}s}accuracy  macro-F1    ECE  SUPPORTED called CONTRADICTED"]
    for name, f in rows:
        lines.append(f"{name:{width}s}{f.accuracy:8.3f}  {f.macro_f1:8.3f}  {f.ece:5.3f}  {f.true_called_contradicted}")
    if report.after.accuracy < report.before.accuracy:
        lines.append("Note: cross-validated accuracy is below the current model's; more labels may help, or keep "
                     "using the current model.")
    lines.append(f"Wrote profile {report.profile!r} to {report.path}; use it with --profile {report.profile} "
                 f"(or FACTCHECK_PROFILE={report.profile}).")
    return "\n".join(lines) + "\n"

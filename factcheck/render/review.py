"""Render a ReviewReport: text for people, Markdown for a PR comment, JSON for machines."""

from __future__ import annotations

from factcheck.apps.review import ReviewReport
from factcheck.render.formats import to_markdown, to_text


def render_review(report: ReviewReport, fmt: str, color: bool = False) -> str:
    summary = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    head = (f"Review of {report.draft}: {len(report.items)} check-worthy sentences ({summary}); "
            f"{report.skipped_sentences} other sentences not checked.")
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        return f"## factcheck review\n\n{head}\n\n" + to_markdown([i.result for i in report.items])
    parts = [head, ""]
    for n, item in enumerate(report.items, 1):
        parts.append(f"[{n}] chars {item.start_char}-{item.end_char}")
        parts.append(to_text(item.result, color=color))
    return "\n".join(parts)

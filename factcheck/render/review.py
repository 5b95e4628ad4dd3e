"""Render a ReviewReport: text for people, Markdown for a PR comment, JSON for machines."""

from __future__ import annotations

from factcheck.apps.review import ReviewReport
from factcheck.render.formats import to_markdown, to_text


def _changes(report: ReviewReport, bullet: str) -> list[str]:
    """Lines on what changed since the baseline review (none without one)."""
    c = report.changes
    if c is None:
        return []
    lines = [f"Since {c.baseline}: {len(c.new_problems)} new problems, {len(c.fixed)} fixed, "
             f"{len(c.still_problems)} still open."]
    lines += [f"{bullet}new: {s}" for s in c.new_problems] + [f"{bullet}fixed: {s}" for s in c.fixed]
    return lines + [""]


def _unchecked(report: ReviewReport, bullet: str) -> list[str]:
    """Lines on sentences skipped for a reason the writer should fix (none when there are none)."""
    if not report.unchecked:
        return []
    return [f"Not checked ({len(report.unchecked)}):"] + [
        f"{bullet}chars {u.start_char}-{u.end_char}: {u.reason}: {u.sentence}" for u in report.unchecked] + [""]


def render_review(report: ReviewReport, fmt: str, color: bool = False) -> str:
    summary = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    head = (f"Review of {report.draft}: {len(report.items)} check-worthy sentences ({summary}); "
            f"{report.skipped_sentences} other sentences not checked.")
    if report.reused:
        head += f" {report.reused} results reused from earlier reviews (sentences unchanged)."
    if fmt == "json":
        return report.model_dump_json(indent=2) + "\n"
    if fmt == "md":
        changes = "\n".join(_changes(report, "- ") + _unchecked(report, "- "))
        return f"## factcheck review\n\n{head}\n\n" + (changes + "\n" if changes else "") + to_markdown(
            [i.result for i in report.items])
    parts = [head, "", *_changes(report, "  "), *_unchecked(report, "  ")]
    for n, item in enumerate(report.items, 1):
        parts.append(f"[{n}] chars {item.start_char}-{item.end_char}")
        parts.append(to_text(item.result, color=color))
    return "\n".join(parts)

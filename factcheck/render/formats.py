"""Stage 6, render: CheckResults → text (for people), json, jsonl, csv, md. Printing lives in the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from factcheck.results import CheckResult

FORMATS = ("text", "json", "jsonl", "csv", "md")
_STYLE = {"SUPPORTED": "bold green", "CONTRADICTED": "bold red", "NOT_ENOUGH_INFO": "bold yellow",
          "CONFLICTED": "bold magenta"}
CSV_FIELDS = ("statement", "verdict", "confidence", "explanation", "evidence", "source")


def result_json(result: CheckResult) -> dict:
    """The public JSON shape of one result (pinned by tests/test_result_contract.py)."""
    return result.model_dump(mode="json")


def shown_evidence(result: CheckResult) -> list:
    """The evidence a short report shows: the items that support or contradict, else the closest sentence by
    similarity, which is the one a silent verdict's explanation names."""
    decisive = [e for e in result.evidence if e.relation != "neutral"]
    if decisive:
        return decisive
    closest = max(result.evidence, key=lambda e: e.similarity, default=None)
    return [closest] if closest is not None else []


def csv_columns(result: CheckResult) -> dict[str, str]:
    """The columns batch appends for one result: best evidence sentence and where it is."""
    best = next(iter(shown_evidence(result)), None)
    return {
        "verdict": result.verdict.value,
        "confidence": f"{result.confidence:.3f}",
        "explanation": result.explanation,
        "evidence": best.sentence if best else "",
        "source": f"{best.source}:{best.start_char}-{best.end_char}" if best else "",
    }


def to_text(result: CheckResult, color: bool = False, max_evidence: int = 3) -> str:
    """A short human report; with `color`, rich markup styles the verdict."""
    from rich.console import Console
    from rich.markup import escape

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color, width=100, highlight=False, soft_wrap=True)
    v = result.verdict.value
    console.print(f"[{_STYLE[v]}]{v}[/] (confidence {result.confidence:.2f})  {result.statement}", markup=True)
    console.print(result.explanation, markup=False)
    for e in shown_evidence(result)[:max_evidence]:
        probs = ""
        if e.probabilities:
            probs = " " + " ".join(f"{k[:3]}={p:.2f}" for k, p in e.probabilities.items())
        console.print(f"  - [{e.relation}] sim={e.similarity:.2f}{probs}  {e.source}:{e.start_char}-{e.end_char}",
                      markup=False)
        console.print(f"    {e.sentence}", markup=False)
        if " ".join(e.claim.split()) != " ".join(e.sentence.split()):
            console.print(f"    (claim: {e.claim})", markup=False)
        for f in e.findings:
            console.print(f"    · {f.rule}: {f.relation} — {f.explanation}", markup=False)
    if result.parts and len(result.parts) > 1:
        console.print(f"  Parts ({len(result.parts)}):", markup=False)
        for i, part in enumerate(result.parts, 1):
            console.print(f"  {i}. [{_STYLE[part.verdict.value]}]{part.verdict.value}[/] "
                          f"({part.confidence:.2f})  {escape(part.statement)}", markup=True)
    return buf.getvalue()


def to_markdown(results: Iterable[CheckResult]) -> str:
    lines = ["| # | Verdict | Confidence | Statement | Evidence |", "|---|---|---|---|---|"]
    for i, r in enumerate(results, 1):
        ev = csv_columns(r)
        cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines.append(f"| {i} | **{r.verdict.value}** | {r.confidence:.2f} | {cell(r.statement)} | "
                     f"{cell(ev['evidence'])} ({cell(ev['source'])}) |")
        for j, part in enumerate(r.parts or [] if len(r.parts or []) > 1 else [], 1):
            pev = csv_columns(part)
            lines.append(f"| {i}.{j} | {part.verdict.value} | {part.confidence:.2f} | ↳ {cell(part.statement)} | "
                         f"{cell(pev['evidence'])} ({cell(pev['source'])}) |")
    return "\n".join(lines) + "\n"


def render(results: list[CheckResult], fmt: str, color: bool = False) -> str:
    """All results in one format."""
    if fmt == "json":
        data = [result_json(r) for r in results]
        return json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(result_json(r), ensure_ascii=False) + "\n" for r in results)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_FIELDS)
        w.writeheader()
        for r in results:
            w.writerow({"statement": r.statement, **csv_columns(r)})
        return buf.getvalue()
    if fmt == "md":
        return to_markdown(results)
    if fmt == "text":
        return "\n".join(to_text(r, color=color) for r in results)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")

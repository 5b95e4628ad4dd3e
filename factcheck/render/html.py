"""Render results as one self-contained HTML page (inline CSS and JS, nothing fetched) with Jinja2.

Every piece of input text goes through Jinja2's autoescaping; the page's Content-Security-Policy allows
only its own inline style and script (by hash), so even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from importlib.resources import files

from markupsafe import Markup, escape
from pydantic import BaseModel

from factcheck import __version__
from factcheck.results import CheckResult, Claim, Evidence, Span, Verdict

# icon, label, css class: the icon and label carry the verdict in greyscale and for colour-blind readers.
VERDICT_LOOK: dict[str, tuple[str, str, str]] = {
    Verdict.SUPPORTED.value: ("✓", "Supported", "ok"),
    Verdict.CONTRADICTED.value: ("✗", "Contradicted", "bad"),
    Verdict.CONFLICTED.value: ("⚠", "Sources conflict", "conflict"),
    Verdict.NOT_ENOUGH_INFO.value: ("?", "Not enough info", "nei"),
    "ERROR": ("!", "Not checked", "error"),
}
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")


class ReportMeta(BaseModel):
    """What the summary bar says about how the report was made."""

    title: str
    corpus: str = ""
    model: str = ""
    judge: str = ""
    created_at: str = ""
    version: str = __version__
    home: str | None = None  # a link back to the web app's form, when served


def report_meta(checker, corpus: str | None, title: str) -> ReportMeta:
    """Summary-bar facts of a loaded Checker: corpus name, NLI model (or judge), date."""
    settings = checker.settings
    nli = getattr(checker.judge, "nli", None)
    model = getattr(nli, "name", "") if nli is not None else ""
    if model and "/models/" in model.replace("\\", "/"):
        model = "shipped: " + model.replace("\\", "/").rsplit("/", 1)[-1]
    return ReportMeta(title=title, corpus=str(corpus or settings.corpus), model=model, judge=settings.judge,
                      created_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


class SourceContext:
    """The sentences before and after an evidence sentence in its document, from a corpus's claims."""

    def __init__(self, claims: Iterable[Claim]):
        by_source: dict[str, dict[int, tuple[int, str]]] = {}
        for c in claims:
            by_source.setdefault(c.source, {})[c.start_char] = (c.end_char, c.sentence)
        self._starts: dict[str, list[int]] = {}
        self._sentences: dict[str, list[str]] = {}
        for source, sents in by_source.items():
            starts = sorted(sents)
            self._starts[source] = starts
            self._sentences[source] = [sents[s][1] for s in starts]

    def around(self, ev: Evidence) -> tuple[str, str]:
        """(previous sentence, next sentence) of the evidence's document; '' where there is none."""
        starts = self._starts.get(ev.source)
        if not starts:
            return "", ""
        i = bisect.bisect_left(starts, ev.start_char)
        if i == len(starts) or starts[i] != ev.start_char:
            return "", ""
        sents = self._sentences[ev.source]
        return (sents[i - 1] if i > 0 else ""), (sents[i + 1] if i + 1 < len(sents) else "")


@dataclass
class Row:
    """One entry of a results report: a result, or an input row that could not be checked."""

    label: str
    result: CheckResult | None = None
    error: str | None = None


def batch_rows(path: str) -> list[Row]:
    """The rows of a batch's JSONL output (results and ERROR rows), labelled by input line."""
    import json

    rows: list[Row] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                obj = json.loads(line)
                label = f"line {obj.get('line', len(rows) + 2)}"
                if obj.get("verdict") == "ERROR":
                    rows.append(Row(label=label, error=obj.get("error") or "not checked"))
                else:
                    rows.append(Row(label=label, result=CheckResult.model_validate(
                        {k: v for k, v in obj.items() if k in CheckResult.model_fields})))
    return rows


def marked(text: str, spans: Iterable[Span | None]) -> Markup:
    """`text` escaped, with each span (offsets into `text`) wrapped in <mark>; overlapping spans are merged out."""
    found: list[tuple[int, int]] = []
    for sp in spans:
        if sp is None:
            continue
        start, end = sp.start, sp.end
        if text[start:end] != sp.text:  # offsets from another copy of the text: find the words instead
            start = text.find(sp.text) if sp.text else -1
            end = start + len(sp.text)
        if start >= 0 and end > start:
            found.append((start, end))
    out, pos = [], 0
    for start, end in sorted(found):
        if start < pos:
            continue
        out += [escape(text[pos:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def draft_paragraphs(text: str, items: Sequence) -> list[list[tuple[str, int | None]]]:
    """Paragraphs of the draft as runs (text, index of the review item it belongs to, or None)."""
    runs: list[tuple[str, int | None]] = []
    pos = 0
    for n, item in sorted(enumerate(items), key=lambda x: x[1].start_char):
        if item.start_char < pos:
            continue
        runs += [(text[pos : item.start_char], None), (text[item.start_char : item.end_char], n)]
        pos = item.end_char
    runs.append((text[pos:], None))
    paragraphs: list[list[tuple[str, int | None]]] = [[]]
    for chunk, owner in runs:
        parts = _PARAGRAPH.split(chunk) if owner is None else [chunk]
        for k, part in enumerate(parts):
            if k:
                paragraphs.append([])
            if part:
                paragraphs[-1].append((part, owner))
    return [p for p in paragraphs if any(t.strip() for t, _ in p)]


def _shown_evidence(result: CheckResult) -> tuple[list[Evidence], list[Evidence]]:
    """(evidence that decided or bears on the verdict, the other retrieved sentences)."""
    strong = [e for e in result.evidence if e.relation != "neutral"]
    if not strong:  # nothing bears on it: show the closest sentence so the editor sees why
        return result.evidence[:1], result.evidence[1:]
    return strong, [e for e in result.evidence if e.relation == "neutral"]


def _statement_spans(evidence: Iterable[Evidence]) -> list[Span]:
    """The statement's words that the rules compared against the shown evidence."""
    return [f.statement_span for e in evidence for f in e.findings if f.statement_span and f.relation != "neutral"]


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("factcheck.render", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["marked"] = marked
    env.globals.update(look=lambda v: VERDICT_LOOK[v], shown_evidence=_shown_evidence,
                       statement_spans=_statement_spans)
    return env


@cache
def _asset(name: str) -> tuple[Markup, str]:
    """An inline asset's text and its CSP source expression ('sha256-…')."""
    text = files("factcheck.render").joinpath("templates").joinpath(name).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _page(template: str, meta: ReportMeta, counts: dict[str, int], **fields) -> str:
    css, css_hash = _asset("report.css")
    js, js_hash = _asset("report.js")
    csp = (f"default-src 'none'; style-src {css_hash}; script-src {js_hash}; img-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    return _environment().get_template(template).render(
        meta=meta, counts=counts, css=css, js=js, csp=csp, **fields)


def render_form_html(corpora: Sequence[str], selected: str, error: str | None = None, text: str = "") -> str:
    """The web app's page: paste or upload a draft, pick a corpus."""
    css, css_hash = _asset("report.css")
    csp = f"default-src 'none'; style-src {css_hash}; img-src 'none'; form-action 'self'; base-uri 'none'"
    return _environment().get_template("form.html.j2").render(
        css=css, csp=csp, corpora=list(corpora), selected=selected, error=error, text=text)


def render_review_html(report, meta: ReportMeta, context: SourceContext | None = None) -> str:
    """The draft with every checked sentence highlighted by verdict, and the evidence one click away."""
    return _page("review.html.j2", meta, report.counts, report=report,
                 paragraphs=draft_paragraphs(report.text, report.items), ctx=context)


def render_results_html(rows: Sequence[Row | CheckResult], meta: ReportMeta,
                        context: SourceContext | None = None) -> str:
    """One card per statement (check, batch), with the same evidence panels as the review report."""
    cards = [r if isinstance(r, Row) else Row(label=f"#{n}", result=r) for n, r in enumerate(rows, 1)]
    counts = {v.value: 0 for v in Verdict}
    for r in cards:
        key = r.result.verdict.value if r.result else "ERROR"
        counts[key] = counts.get(key, 0) + 1
    return _page("results.html.j2", meta, counts, rows=cards, ctx=context)

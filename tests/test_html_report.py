"""The HTML report: structure, escaping of every input, self-containment, and a golden page."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from htmltree import parse_html

from factcheck.apps.review import ReviewItem, ReviewReport
from factcheck.checker import Checker
from factcheck.cli import main
from factcheck.render.html import (
    ReportMeta,
    SourceContext,
    draft_paragraphs,
    marked,
    render_results_html,
    render_review_html,
)
from factcheck.results import CheckResult, Claim, Evidence, Finding, Span, Verdict

GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "draft.md"
XSS = ('<script>alert("draft")</script> The Farc demobilized in 2016 <img src=x onerror=alert(1)>.\n\n'
       'See [the source](javascript:alert(2)) and <a href="javascript:alert(3)">this</a>: US aid to Colombia '
       'was about $300 million in 2024.\n')


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def assert_inert(page: str) -> None:
    """Only the report's own script; no element, attribute or URL that could run input as code."""
    dom = parse_html(page)
    scripts = dom.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text()
    assert not dom.find_all("img") and not dom.find_all("iframe") and not dom.find_all("object")
    for node in dom.iter():
        assert not any(k.startswith("on") for k in node.attrs), (node.tag, node.attrs)
        for k in ("href", "src", "action", "formaction"):
            assert not (node.attrs.get(k) or "").strip().lower().startswith("javascript:"), (node.tag, node.attrs)
        if node.tag == "a":
            href = node.attrs.get("href") or "#"
            assert href.startswith(("#", "/")) and not href.startswith("//"), href  # in-page or same-site


def assert_self_contained(page: str) -> None:
    dom = parse_html(page)
    assert not dom.find_all("link") and not any(n.attrs.get("src") for n in dom.iter())
    assert not re.search(r"https?://", page)
    csp = dom.find("meta", **{"http-equiv": "Content-Security-Policy"}).attrs["content"]
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        body = dom.find(tag).text()
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, f"inline <{tag}> is not allowed by the page's CSP"


# --- review --------------------------------------------------------------------------------------

def test_review_html_marks_every_checked_sentence_by_verdict(home, tmp_path):
    out = tmp_path / "report.html"
    r = run("review", str(EXAMPLE), "--format", "html", "-o", str(out))
    assert r.exit_code == 1, r.output  # the example draft holds a contradiction
    data = json.loads(run("review", str(EXAMPLE), "-f", "json").stdout)
    page = out.read_text(encoding="utf-8")
    dom = parse_html(page)
    marks = dom.find("article", cls="draft").find_all("a", cls="s")
    assert [m.attrs["data-verdict"] for m in marks] == [i["result"]["verdict"] for i in data["items"]]
    for m, item in zip(marks, data["items"]):
        assert " ".join(item["sentence"].split()) in " ".join(m.text().split())
        label = m.find("span", cls="tag").text()  # the verdict in words, not colour alone
        assert {"SUPPORTED": "Supported", "CONTRADICTED": "Contradicted",
                "NOT_ENOUGH_INFO": "Not enough info"}[m.attrs["data-verdict"]] in label
        detail = dom.find("section", id=m.attrs["aria-controls"])
        assert detail.attrs["data-verdict"] == m.attrs["data-verdict"]
        assert f"confidence {item['result']['confidence']:.2f}" in detail.text()
        assert f"draft chars {item['start_char']}-{item['end_char']}" in detail.text()
    # Sentences not checked are in the draft, but plainly.
    draft_text = dom.find("article", cls="draft").text()
    assert "Many analysts expect the relationship to recover." in draft_text
    assert all("Many analysts" not in m.text() for m in marks)
    # Summary bar: counts per verdict, corpus, model, date.
    counts = {li.attrs["data-verdict"]: int(li.find("b").text()) for li in dom.find_all("li", cls="count")}
    assert counts == data["counts"]
    meta = dom.find("p", cls="meta").text()
    assert "seed" in meta and "fake-nli" in meta and re.search(r"\d{4}-\d\d-\d\d", meta)
    assert dom.find("input", id="problems-only").attrs["type"] == "checkbox"
    assert_self_contained(page)


def test_review_html_evidence_panel_has_context_offsets_and_rule_spans(home, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("US aid to Colombia was about $300 million in 2024.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert run("review", str(draft), "-f", "html", "-o", str(out)).exit_code == 1
    dom = parse_html(out.read_text(encoding="utf-8"))
    detail = dom.find("section", cls="detail")
    assert detail.attrs["data-verdict"] == "CONTRADICTED"
    ev = detail.find("li", cls="contradicts")
    src = ev.find("code", cls="loc").text()
    path, span = src.rsplit(":", 1)
    start, end = map(int, span.split("-"))
    original = (home / path).read_text(encoding="utf-8")
    hit = ev.find("span", cls="hit").text()
    assert original[start:end] == hit
    around = [s.text() for s in ev.find_all("span", cls="around")]
    assert around and all(a in original for a in around)  # ± one sentence from the same document
    assert original.index(around[0]) < start or original.index(around[-1]) > end
    # The rule that caught the number marks it in the source sentence and in the statement.
    marked_source = [m.text() for m in ev.find("span", cls="hit").find_all("mark")]
    assert any("400" in m for m in marked_source), marked_source
    assert any("300" in m.text() for m in detail.find("blockquote", cls="statement").find_all("mark"))
    assert ev.find("ul", cls="findings").find("b", cls="rule").text()


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_review_html_renders_hostile_drafts_as_text(home, tmp_path, suffix):
    draft = tmp_path / f"hostile{suffix}"
    draft.write_text(XSS, encoding="utf-8")
    out = tmp_path / "r.html"
    r = run("review", str(draft), "-f", "html", "-o", str(out))
    assert r.exit_code in (0, 1), r.output
    page = out.read_text(encoding="utf-8")
    assert_inert(page)
    text = parse_html(page).find("article", cls="draft").text()
    assert "The Farc demobilized in 2016" in text
    if suffix == ".txt":  # plain text keeps every character: the markup shows as text
        assert '<script>alert("draft")</script>' in text and "<img src=x onerror=alert(1)>" in text
        assert "&lt;script&gt;" in page


def test_hostile_statements_and_sources_are_escaped(fake_embedder, fake_nli):
    evil = '<img src=x onerror=alert(1)> The Farc demobilized in 2016 <script>alert(1)</script>.'
    checker = Checker.from_texts({"<b>doc</b>": evil + " It signed a peace deal in Havana."},
                                 embedder=fake_embedder, nli=fake_nli)
    results = list(checker.check_many([evil, 'javascript:alert(1) "quoted" & <b>bold</b> claim.']))
    page = render_results_html(results, ReportMeta(title="<script>alert(9)</script>", corpus="<i>c</i>"),
                               SourceContext(checker.claims))
    assert_inert(page)
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in page and "<i>c</i>" not in page
    assert "<b>bold</b>" not in page and "<b>doc</b>" not in page and "&lt;b&gt;doc&lt;/b&gt;" in page
    dom = parse_html(page)
    assert dom.find("title").text() == "<script>alert(9)</script>"
    assert dom.find("a", cls="card").text().count("<img src=x onerror=alert(1)>") == 1


# --- check and batch -----------------------------------------------------------------------------

def test_check_html(home, tmp_path):
    out = tmp_path / "c.html"
    r = run("check", "The Farc demobilized in 2016.", "Brazil won the World Cup.", "-f", "html", "-o", str(out))
    assert r.exit_code == 0, r.output
    dom = parse_html(out.read_text(encoding="utf-8"))
    cards = dom.find_all("a", cls="card")
    assert [c.attrs["data-verdict"] for c in cards] == ["SUPPORTED", "NOT_ENOUGH_INFO"]
    assert "ok" in cards[0].classes and "nei" in cards[1].classes
    assert dom.find("section", id="d0").find("li", cls="supports")
    assert_self_contained(out.read_text(encoding="utf-8"))


def test_batch_html_shows_checked_and_failed_rows(home, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("statement\nThe Farc demobilized in 2016.\n\"\"\nUS aid to Colombia was about $300 million "
                   "in 2024.\n", encoding="utf-8")
    out = tmp_path / "out.html"
    r = run("batch", str(src), "-o", str(out))  # the format follows the extension
    assert r.exit_code == 1  # the empty row failed
    dom = parse_html(out.read_text(encoding="utf-8"))
    cards = dom.find_all("a", cls="card")
    assert [c.attrs["data-verdict"] for c in cards] == ["SUPPORTED", "ERROR", "CONTRADICTED"]
    assert [c.find("span", cls="row-label").text() for c in cards] == ["line 2", "line 3", "line 4"]
    assert "statement is empty" in dom.find("section", id="d1").text()
    assert not list(tmp_path.glob("*.jsonl*")) and not list(tmp_path.glob("*.partial"))
    r = run("batch", str(src), "-o", str(out), "--format", "html", "--resume")
    assert r.exit_code == 2 and "--resume" in r.stderr


# --- pieces --------------------------------------------------------------------------------------

def test_marked_escapes_and_marks_spans_even_with_stale_offsets():
    text = "Aid was <b>$400</b> million."
    out = marked(text, [Span(text="$400", start=11, end=15), None, Span(text="million", start=0, end=7)])
    assert str(out) == "Aid was &lt;b&gt;<mark>$400</mark>&lt;/b&gt; <mark>million</mark>."


def test_draft_paragraphs_split_at_blank_lines_and_keep_item_runs_whole():
    text = "Title\n\nFirst sentence here. Second one.\nThird.\n\n\nLast."
    items = [ReviewItem(sentence="Second one.", start_char=28, end_char=39, result=_result("Second one."))]
    paras = draft_paragraphs(text, items)
    assert paras == [[("Title", None)], [("First sentence here. ", None), ("Second one.", 0), ("\nThird.", None)],
                     [("Last.", None)]]


def test_source_context_is_the_neighbouring_sentences_of_the_same_document():
    claims = [Claim(id=f"a:{i}", text=s, sentence=s, doc_id="a", source="a.txt", start_char=st, end_char=st + len(s))
              for i, (s, st) in enumerate([("One.", 0), ("Two.", 5), ("Three.", 10)])]
    claims.append(claims[1].model_copy(update={"id": "a:1.1", "text": "Two split."}))  # split claims share it
    ctx = SourceContext(claims)
    assert ctx.around(_ev("Two.", "a.txt", 5)) == ("One.", "Three.")
    assert ctx.around(_ev("One.", "a.txt", 0)) == ("", "Two.")
    assert ctx.around(_ev("Gone.", "b.txt", 0)) == ("", "")


def test_conflicted_reads_as_a_problem_in_words(fake_embedder, fake_nli):
    r = CheckResult(statement="Aid rose.", verdict=Verdict.CONFLICTED, confidence=0.7, evidence=[],
                    explanation="The sources conflict.")
    dom = parse_html(render_results_html([r], ReportMeta(title="t")))
    card = dom.find("a", cls="card")
    assert "conflict" in card.classes and "Sources conflict" in card.text()
    assert int(dom.find("li", cls="count", **{"data-verdict": "CONFLICTED"}).find("b").text()) == 1


def test_golden_review_page():
    """The page's markup for a fixed report (style and script bodies are pinned by their CSP hashes)."""
    page = render_review_html(_golden_report(), ReportMeta(title="factcheck review: draft.md", corpus="seed",
                                                           model="fake-nli", judge="nli",
                                                           created_at="2025-01-01 00:00 UTC", version="0"),
                              SourceContext([_claim("Plan Colombia began in 2000.", 0),
                                             _claim("Aid exceeded $400 million in 2024.", 29),
                                             _claim("The Farc demobilized in 2016.", 64)]))
    page = re.sub(r"<style>.*?</style>", "<style>…</style>", page, flags=re.S)
    page = re.sub(r"<script>.*?</script>", "<script>…</script>", page, flags=re.S)
    page = re.sub(r"sha256-[A-Za-z0-9+/=]+", "sha256-…", page)
    golden = GOLDEN / "review.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8"), "rerun with UPDATE_GOLDEN=1 if the change is meant"


# --- helpers -------------------------------------------------------------------------------------

def _claim(s, start):
    return Claim(id=f"seed:{start}", text=s, sentence=s, doc_id="seed", source="seed.txt", start_char=start,
                 end_char=start + len(s))


def _ev(sentence, source, start, relation="neutral", **kw):
    return Evidence(claim=sentence, sentence=sentence, source=source, start_char=start, end_char=start + len(sentence),
                    similarity=kw.pop("similarity", 0.9), relation=relation, **kw)


def _result(statement, verdict=Verdict.SUPPORTED, evidence=(), explanation="why"):
    return CheckResult(statement=statement, verdict=verdict, confidence=0.8, evidence=list(evidence),
                       explanation=explanation)


def _golden_report() -> ReviewReport:
    text = "# Aid\n\nUS aid was $300 million in 2024. Nobody knows why.\nThe Farc demobilized in 2016.\n"
    finding = Finding(rule="quantities", relation="contradicts", explanation="the source says $400 million",
                      source_span=Span(text="$400 million", start=13, end=25),
                      statement_span=Span(text="$300 million", start=11, end=23))
    bad = _result("US aid was $300 million in 2024.", Verdict.CONTRADICTED, [
        _ev("Aid exceeded $400 million in 2024.", "seed.txt", 29, "contradicts", findings=[finding],
            probabilities={"entailment": 0.05, "neutral": 0.1, "contradiction": 0.85}),
        _ev("Plan Colombia began in 2000.", "seed.txt", 0, similarity=0.3)],
        "Contradicted by “Aid exceeded $400 million in 2024.” (seed.txt:29-63): the source says $400 million.")
    ok = _result("The Farc demobilized in 2016.", Verdict.SUPPORTED, [
        _ev("The Farc demobilized in 2016.", "seed.txt", 64, "supports")], "Supported by the source.")
    items = [ReviewItem(sentence=bad.statement, start_char=7, end_char=39, result=bad),
             ReviewItem(sentence=ok.statement, start_char=58, end_char=87, result=ok)]
    assert text[7:39] == bad.statement and text[58:87] == ok.statement
    return ReviewReport(draft="draft.md", items=items, skipped_sentences=1, text=text.replace("# ", "  "),
                        counts={"SUPPORTED": 1, "CONTRADICTED": 1, "NOT_ENOUGH_INFO": 0, "CONFLICTED": 0})

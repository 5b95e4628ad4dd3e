"""Re-reviewing an edited draft: only changed sentences are checked again; --baseline says what changed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from htmltree import parse_html

from factcheck.apps.result_cache import ResultCache, checker_fingerprint
from factcheck.checker import Checker
from factcheck.cli import main

V1 = ("US aid to Colombia was about $300 million in 2024.\n"
      "The Farc guerrilla group demobilized in 2016.\n"
      "Colombia has long been one of Washington's closest allies in the fight against drug trafficking.\n")
FIXED = "US aid to Colombia exceeded $400 million in 2024."
NEW_WRONG = "The Farc guerrilla group demobilized in 2020."


@pytest.fixture
def checked(monkeypatch):
    """Every statement the checker is asked to check, in order."""
    seen: list[str] = []
    original = Checker.check_many

    def spy(self, statements, *args, **kwargs):
        statements = list(statements)
        seen.extend(statements)
        return original(self, statements, *args, **kwargs)

    monkeypatch.setattr(Checker, "check_many", spy)
    return seen


def review(*args):
    r = CliRunner().invoke(main, ["review", *args])
    assert r.exit_code in (0, 1), r.output
    return r


def test_an_edited_draft_rechecks_only_changed_sentences(home, tmp_path, checked):
    draft = tmp_path / "d.txt"
    draft.write_text(V1, encoding="utf-8")
    first = json.loads(review(str(draft), "-f", "json").stdout)
    assert first["reused"] == 0 and len(checked) == 3
    draft.write_text(V1.replace("about $300 million", "exactly $350 million"), encoding="utf-8")
    checked.clear()
    second = json.loads(review(str(draft), "-f", "json").stdout)
    assert checked == ["US aid to Colombia was exactly $350 million in 2024."]
    assert second["reused"] == 2
    # Reused results are the results: the same as checking afresh.
    assert [i["result"] for i in second["items"][1:]] == [i["result"] for i in first["items"][1:]]
    text = review(str(draft)).stdout
    assert "3 results reused from earlier reviews" in text


def test_the_cache_is_keyed_by_settings_and_can_be_off(home, tmp_path, checked):
    draft = tmp_path / "d.txt"
    draft.write_text(V1, encoding="utf-8")
    review(str(draft), "-f", "json")
    checked.clear()
    assert json.loads(review(str(draft), "-f", "json", "--top-k", "3").stdout)["reused"] == 0  # another profile
    assert len(checked) == 3
    checked.clear()
    assert json.loads(review(str(draft), "-f", "json", "--no-cache").stdout)["reused"] == 0
    assert len(checked) == 3


def test_no_cache_writes_nothing(home, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(V1, encoding="utf-8")
    review(str(draft), "--no-cache")
    assert not (home / ".cache").exists()
    review(str(draft))
    assert (home / ".cache" / "review.sqlite").exists()


def test_fingerprint_follows_the_corpus_and_the_settings(fake_embedder, fake_nli):
    a = Checker.from_texts({"a": "The Farc demobilized in 2016."}, embedder=fake_embedder, nli=fake_nli)
    b = Checker.from_texts({"a": "The Farc demobilized in 2016."}, embedder=fake_embedder, nli=fake_nli)
    assert checker_fingerprint(a) == checker_fingerprint(b)
    b = Checker.from_texts({"a": "The Farc demobilized in 2016.", "b": "US aid to Colombia rose in 2024."}, embedder=fake_embedder,
                           nli=fake_nli)
    assert checker_fingerprint(a) != checker_fingerprint(b)
    c = Checker.from_texts({"a": "The Farc demobilized in 2016."}, embedder=fake_embedder, nli=fake_nli, top_k=2)
    assert checker_fingerprint(a) != checker_fingerprint(c)


def test_cache_store_round_trip(tmp_path, fake_embedder, fake_nli):
    checker = Checker.from_texts({"a": "The Farc demobilized in 2016."}, embedder=fake_embedder, nli=fake_nli)
    cache = ResultCache(tmp_path / "c" / "r.sqlite")
    calls = []

    def check(statements):
        statements = list(statements)
        calls.append(statements)
        return checker.check_many(statements)

    results, reused = cache.check_many(["The Farc demobilized in 2016.", "Aid rose."], checker, check)
    assert reused == 0 and calls == [["The Farc demobilized in 2016.", "Aid rose."]]
    again, reused = cache.check_many(["Aid rose.", "The Farc demobilized in 2016."], checker, check)
    assert reused == 2 and len(calls) == 1
    assert [r.statement for r in again] == ["Aid rose.", "The Farc demobilized in 2016."]
    assert again[1] == results[0]
    cache.close()


def test_baseline_reports_new_and_fixed_problems(home, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(V1, encoding="utf-8")
    base = tmp_path / "base.json"
    review(str(draft), "-f", "json", "-o", str(base))
    draft.write_text(V1.replace("US aid to Colombia was about $300 million in 2024.", FIXED)
                     .replace("The Farc guerrilla group demobilized in 2016.", NEW_WRONG), encoding="utf-8")
    data = json.loads(review(str(draft), "-f", "json", "--baseline", str(base)).stdout)
    changes = data["changes"]
    assert changes["new_problems"] == [NEW_WRONG]
    assert changes["fixed"] == ["US aid to Colombia was about $300 million in 2024."]
    assert changes["baseline"] == str(base)
    text = review(str(draft), "--baseline", str(base)).stdout
    assert f"Since {base}: 1 new problems, 1 fixed" in text and f"new: {NEW_WRONG}" in text
    out = tmp_path / "r.html"
    review(str(draft), "--baseline", str(base), "-f", "html", "-o", str(out))
    dom = parse_html(out.read_text(encoding="utf-8"))
    assert [li.text() for li in dom.find("details", cls="changes").find_all("li", cls="new-problem")] == [
        f"new: {NEW_WRONG}"]
    new_marks = [a for a in dom.find_all("a", cls="s") if "· new" in a.find("span", cls="tag").text()]
    assert [a.text().replace(a.find("span", cls="tag").text(), "").strip() for a in new_marks] == [NEW_WRONG]


def test_a_bad_baseline_is_a_usage_error(home, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(V1, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a review"}', encoding="utf-8")
    r = CliRunner().invoke(main, ["review", str(draft), "--baseline", str(bad)])
    assert r.exit_code == 2 and "not a saved review" in r.stderr and "-f json" in r.stderr
    r = CliRunner().invoke(main, ["review", str(draft), "--baseline", str(tmp_path / "missing.json")])
    assert r.exit_code == 2

"""A statement that reports someone ("According to X, P", "X reports that P", "P, X said") is also read as what it
reports: NLI reads P against the source better without the frame before it. Table-driven tests of the reading and
of how the two results are combined. Written for this project from the error kinds seen on development statements
(tests/fixtures/dev/news_blind2.csv); no development sentence is copied."""

from __future__ import annotations

import pytest

from factcheck.judge.statements import combine_reported, reported_content
from factcheck.results import CheckResult, Evidence, Finding, Verdict


@pytest.mark.parametrize(("statement", "content"), [
    ("According to the Herald, the port will reopen in May.", "The port will reopen in May."),
    ("The Herald reports that the port will reopen in May.", "The port will reopen in May."),
    ("The port will reopen in May, the Herald reported.", "The port will reopen in May."),
    ("Mayor Ruiz said she had no plans to sell the land.", "Mayor Ruiz had no plans to sell the land."),
    ("Officials confirmed that two ferries were damaged.", "Two ferries were damaged."),
    # not a report, or more than one thing reported, or told to someone: left alone
    ("The port will reopen in May.", None),
    ("Ruiz said the port would reopen and that the land would be sold.", None),
    ("Ruiz told reporters the port would reopen.", None),
    ("We said the port would reopen.", None),
    ("Ruiz sold the land.", None),
    ("The 62-year-old mayor said the port would reopen.", None),
    ("According to the 3 officials, the port will reopen.", None),
    ("According to the caption on the first photo, the port will reopen.", "The port will reopen."),
])
def test_what_a_report_says(statement, content):
    assert reported_content(statement) == content


def _result(verdict: Verdict, statement: str = "s", blocked: bool = False) -> CheckResult:
    findings = [Finding(rule="coverage", relation="neutral", explanation="unmentioned", blocks="verdict")] if blocked \
        else []
    ev = Evidence(claim="c", sentence="c", source="d.txt", start_char=0, end_char=1, similarity=0.8,
                  relation="neutral", probabilities={"entailment": 0.3, "neutral": 0.4, "contradiction": 0.3},
                  findings=findings)
    return CheckResult(statement=statement, verdict=verdict, confidence=0.7, evidence=[ev], explanation="why")


S, C, N = Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_ENOUGH_INFO


@pytest.mark.parametrize(("whole", "content", "blocked", "expected"), [
    (N, S, False, S),  # the frame kept NLI from reading what was said
    (N, C, False, C),
    (C, S, False, C),  # the words given to another speaker: the whole decides
    (S, C, False, S),
    (N, S, True, N),   # a name the source never mentions: silent, whatever was said
    (N, N, False, N),
])
def test_how_a_report_is_combined(whole, content, blocked, expected):
    got = combine_reported(_result(whole, "According to X, P.", blocked), _result(content, "P."))
    assert got.verdict is expected
    assert got.statement == "According to X, P."
    if expected is not whole:
        assert got.explanation.startswith("Read without its attribution")

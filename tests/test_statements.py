"""Statements that say several things are checked part by part (issue #10)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.judge.statements import combine, split_statement
from factcheck.results import CheckResult, Verdict

SPLITS = [
    ("The Farc, which demobilized in 2016, was weakened by Plan Colombia.",
     {"The Farc was weakened by Plan Colombia.", "The Farc demobilized in 2016."}),
    ("Petro, a left-wing president, has called Trump's operations acts of tyranny.",
     {"Petro is a left-wing president.", "Petro has called Trump's operations acts of tyranny."}),
    ("US aid rose in 2023. It fell in 2024.", {"US aid rose in 2023.", "It fell in 2024."}),
    # "…, many of which …": the quantified part is a fact about the noun before the comma
    ("Colombia was a major recipient of USAID programmes, many of which were cancelled.",
     {"Colombia was a major recipient of USAID programmes.", "Many USAID programmes were cancelled."}),
    ("He met the ministers, some of whom resigned.", {"He met the ministers.", "Some ministers resigned."}),
    ("Smith, a Texas lawyer, filed the suit.", {"Smith is a Texas lawyer.", "Smith filed the suit."}),
    ("Bogota, the capital, was quiet.", {"Bogota is the capital.", "Bogota was quiet."}),
    # "which" is no person: after "a person of an organisation" it is the organisation …
    ("Reporter Park Sung-jin of Yonhap, which broke the story, said he would be jailed.",
     {"Reporter Park Sung-jin of Yonhap said he would be jailed.", "Yonhap broke the story."}),
    # … and after "an organisation of a place" it stays the organisation
    ("The Bank of England, which raised rates in May, said inflation would fall.",
     {"The Bank of England said inflation would fall.", "The Bank of England raised rates in May."}),
    # two things reported by one speaker, the second opened by "that"; its pronoun subject is the first's subject
    ("The mayor said that the bridge would open in May and that tolls would be scrapped.",
     {"The mayor said that the bridge would open in May.", "The mayor said that tolls would be scrapped."}),
    ("Police said the driver was arrested and that he was later released.",
     {"Police said the driver was arrested.", "Police said that the driver was later released."}),
    ("The audit found that costs rose and that revenue fell.",
     {"The audit found that costs rose.", "The audit found that revenue fell."}),
]
WHOLE = [
    "She criticized the plan and urged a new vote.",
    "The plan was designed to combat drug trafficking and bolster security forces.",
    "The mayor met the governor and the senator.",
    "Officials said the bridge would close and reopen in May.",
    # one report: two acts of one subject, or a second clause without "that", or one clause
    "The mayor said the bridge would open in May and close in June.",
    "The minister said that taxes would rise and jobs would go.",
    "The mayor said that the bridge would open in May.",
    # the parser hangs the second "that" clause on a second complement: what precedes it is no bare "X told Y"
    "Jo Reed told WKRN-TV that police stopped the van as her brother, Sam Reed, tried to turn around, and that "
    "he had no gun and was not drunk.",
    "US aid to Colombia exceeded $400 million in 2024.",
    "Petro and Trump have clashed frequently since Trump returned to the White House.",
    "The Farc demobilized in 2016.",
    "Colombia is a vital partner for the US in counter-narcotics efforts.",
    "Many of the projects were cancelled.",  # a quantifier with no relative clause
    "The ministers, all of them tired, resigned.",  # not "of which/whom"
    "Most of which was lost.",  # no noun before it
    # a place qualified by its region or country is one place, not "Portland is Oregon."
    "The flight had originated in Puerto Vallarta, Mexico.",
    "She lives in Portland, Oregon.",
    "The talks were held in Geneva, Switzerland.",
]


@pytest.mark.parametrize(("statement", "parts"), SPLITS)
def test_split(statement, parts):
    assert set(split_statement(statement)) == parts


@pytest.mark.parametrize("statement", WHOLE)
def test_one_fact_stays_whole(statement):
    assert split_statement(statement) == []


def result(statement, verdict, confidence=0.8):
    return CheckResult(statement=statement, verdict=verdict, confidence=confidence, evidence=[],
                       explanation=f"{verdict.value} because.")


S, C, N, X = Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_ENOUGH_INFO, Verdict.CONFLICTED


@pytest.mark.parametrize(("whole", "parts", "expected"), [
    (S, [S, S], S),
    (S, [S, N], N),
    (S, [S, C], C),
    (N, [C, N], C),
    (C, [S, S], C),  # the whole can contradict what no single part does
    (S, [X, S], X),
    (N, [S, S], S),  # every fact supported
    (N, [N, N], N),
])
def test_combine(whole, parts, expected):
    out = combine(result("A and B.", whole), [result(f"part {i}", v) for i, v in enumerate(parts)])
    assert out.verdict is expected
    assert out.parts and len(out.parts) == len(parts)
    if expected in (N, C, X) and whole is not C:
        bad = next(i for i, v in enumerate(parts, 1) if v is expected)
        assert f"Part {bad} of {len(parts)}" in out.explanation


def test_no_parts_leaves_the_result_alone():
    r = result("One fact.", S)
    assert combine(r, []) is r


def test_json_and_text_show_parts(home):
    statement = "The Farc, which demobilized in 2016, was weakened by Plan Colombia."
    r = CliRunner().invoke(main, ["check", statement, "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert len(data["parts"]) == 2
    for part in data["parts"]:
        assert set(part) >= {"statement", "verdict", "confidence", "evidence", "explanation"}
    text = CliRunner().invoke(main, ["check", statement]).stdout
    assert "Parts (2)" in text and "The Farc demobilized in 2016." in text
    single = CliRunner().invoke(main, ["check", "The Farc demobilized in 2016.", "--format", "json"])
    assert json.loads(single.stdout)["parts"] is None
    assert "Parts" not in CliRunner().invoke(main, ["check", "The Farc demobilized in 2016."]).stdout


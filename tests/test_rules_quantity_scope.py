"""Table-driven tests of which figures the quantities rule may compare: a sentence with several figures of one
kind, shares of different things, a negated share, ranges written "between about 10 to 20", numbers that name
(“day 14”, “Flight 567”) and parts added to a total (“two more”), and figures settled across the sentences of one
document. Written for this project from the error kinds seen on development data (no development sentence copied)."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

from factcheck.judge.rules import run_rules
from factcheck.judge.rules.quantities import extract, settle_across
from factcheck.results import Evidence

# (source sentence, statement, the decisive relation of the quantities rule; None = it must not contradict)
CASES = [
    # must fire: one figure of the same thing, another value
    ("Turnout in the city was 62%.", "Turnout in the city was 48%.", "contradicts"),
    ("About 70% of voters backed the plan.", "About 30% of voters backed the plan.", "contradicts"),
    ("Inflation ran at 7.5% last year.", "Inflation ran at between about 2 to 3 percent last year.", "contradicts"),
    ("The ferry carried 40 passengers.", "The ferry carried 400 passengers.", "contradicts"),
    ("The storm killed 12 people.", "The storm killed 30 people.", "contradicts"),
    ("Most residents did not return to the village.", "A small minority of residents did not return to the village.",
     "contradicts"),
    ("The survey found 19% of nurses were vaccinated and 40% of doctors were.",
     "The survey found 75% of nurses were vaccinated.", "contradicts"),
    # must fire (support): a range written with "about" and "to"
    ("The infection rate was 11.5% among relatives and 16.2% among neighbours.",
     "The infection rate was between about 10 to 20 percent.", "supports"),
    ("Prices rose by 5%.", "Prices rose by about 4 to 6 percent.", "supports"),
    # must not fire: another figure of the sentence fits the statement's
    ("Of the 40 staff tested, 9 (23%) were positive and 31 (77%) were negative, while 15% of visitors were.",
     "About 75% of the staff tested negative.", None),
    ("The plant employs 300 people, and 1,200 people live in the town.", "About 1,200 people live in the town.", None),
    # must not fire: shares of different things
    ("The country holds a fifth of the world's reserves.", "The country bought the majority of the vaccine doses.",
     None),
    ("Most species in the park are native, with a minority of visitors from abroad.",
     "The majority of species in the park are native.", None),
    # a share of another owner's thing is another share: not backed
    ("About 60% of Spain's exports go to the EU.", "About 60% of Portugal's exports go to the EU.", "neutral"),
    ("About 60% of Spain's exports go to the EU.", "Some 60% of Spanish exports go to the EU.", "supports"),
    ("About 60% of Spain's exports go to the EU.", "About 30% of Portugal's exports go to the EU.", None),
    ("About 60% of Spanish exports, mostly from Valencia, go to France.",
     "About 60% of Valencia's exports go to France.", "neutral"),  # the owner, not a name further on
    # must not fire: a share said with the predicate negated on one side only
    ("Of the patients, 19% were symptomatic.", "The majority of the patients did not show symptoms.", None),
    ("Only 30% of the firms did not report losses.", "Most of the firms reported losses.", None),
    # must not fire: a number that names or positions, not an amount
    ("The antibody response peaked at week 6.", "The antibody response peaked 3 weeks after the dose.", None),
    ("Flight 567 was delayed by fog.", "The airline cancelled 12 flights because of fog.", None),
    ("Patients were discharged on day 10 of the trial.", "The trial enrolled 250 patients.", None),
    # must not fire: a part added to a total is not the total
    ("On Monday, three more patients were admitted.", "At least 40 patients were admitted.", None),
    ("Another 20 homes were flooded overnight.", "A total of 150 homes were flooded.", None),
    ("Two new cases were reported in the school.", "The school has reported 14 cases.", None),
    # abbreviated units are units: "40 mins" is a duration, as "40 minutes" is
    ("The ferry crossing took 40 mins.", "The ferry crossing took 40 hours.", "contradicts"),
    ("The ferry crossing took 40 minutes.", "The ferry crossing took about 40 mins.", "supports"),
    ("The ferry crossing took 40 mins.", "The ferry carried 40 passengers.", None),
    ("The interview lasted 20 min.", "The drive to the airport took 20 hours.", None),
    # must not fire: unrelated
    ("The museum reopened after a renovation.", "About 60% of the visitors were tourists.", None),
]

@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_which_figures_are_compared(nlp, source, statement, expected):
    assert_decides(rule_findings("quantities", source, statement, nlp=nlp), expected)


def test_table_is_balanced():
    assert len([c for c in CASES if c[2] is None]) >= len([c for c in CASES if c[2] is not None])


@pytest.mark.parametrize(("text", "kind", "lo", "hi"), [
    ("The rate was between about 10 to 20 percent.", "percent", 8.8, 22.4),
    ("The rate was between 10 and 20 percent.", "percent", 10.0, 20.0),
    ("The rate was between 10 to 20 percent.", "percent", 10.0, 20.0),
])
def test_ranges_with_about_and_to(nlp, text, kind, lo, hi):
    (q,) = extract(nlp(text))
    assert (q.kind, round(q.lo, 3), round(q.hi, 3)) == (kind, lo, hi)


@pytest.mark.parametrize(("text", "partial"), [
    ("Three more patients were admitted.", True),
    ("Another 20 homes were flooded.", True),
    ("An additional 5 officers were sent.", True),
    ("Three patients were admitted.", False),
    ("More than 20 homes were flooded.", False),
    ("Five officers were sent, more than last year.", False),
])
def test_parts_added_to_a_total(nlp, text, partial):
    (q,) = extract(nlp(text))
    assert q.partial is partial


def _evidence(nlp, sentence, statement, source="report.txt"):
    return Evidence(claim=sentence, sentence=sentence, source=source, start_char=0, end_char=len(sentence),
                    similarity=0.8, relation="neutral", probabilities={"entailment": 0.3, "neutral": 0.4,
                                                                       "contradiction": 0.3},
                    findings=run_rules(sentence, statement, nlp=nlp))


STATEMENT = "The face shield cut the inhaled dose by 23 percent."
ALL = "Overall, the face shield cut the inhaled dose by 23%."
OTHER = "With a smaller aerosol, the face shield cut the inhaled dose by only 68%."


def _contradicted(ev):
    return [f for f in ev.findings if f.rule == "quantities" and f.relation == "contradicts"]


def test_a_figure_another_sentence_of_the_document_backs_is_not_contradicted(nlp):
    ev_all, ev_other = _evidence(nlp, ALL, STATEMENT), _evidence(nlp, OTHER, STATEMENT)
    assert _contradicted(ev_other)  # alone, the smaller aerosol's 68% rules out "23 percent"
    settle_across([ev_all, ev_other])
    assert not _contradicted(ev_other)
    settled = [f for f in ev_other.findings if "another sentence of the source" in f.explanation]
    assert settled and all(f.relation == "neutral" and f.blocks == "support" for f in settled)


def test_figures_are_settled_only_within_one_document(nlp):
    ev_all, ev_other = _evidence(nlp, ALL, STATEMENT, "a.txt"), _evidence(nlp, OTHER, STATEMENT, "b.txt")
    before = _contradicted(ev_other)
    settle_across([ev_all, ev_other])
    assert _contradicted(ev_other) == before and before


def test_a_figure_no_sentence_backs_stays_contradicted(nlp):
    one = _evidence(nlp, "Turnout in the city was 62%.", "Turnout in the city was 48%.")
    two = _evidence(nlp, "The city has 80,000 voters.", "Turnout in the city was 48%.")
    settle_across([one, two])
    assert _contradicted(one)

"""Table-driven tests of who does what a decision names: the subject of "decided to", "voted to", "took the decision
to" does what follows ("the governor voted to close the depot": the governor closes it), an acronym the small parser
reads as an adverb ("to dismantle NASA") is what the act is done to, "shut down" is the act "dismantle" names, and
a leader's government ("the Ruiz administration") is not told apart from a country ("Peru") by the words alone.
Also one office under two names ("chief executive", "CEO") and a contrast ("It was X, not Y, who …": X does it).
Written for this project from the error kinds seen on development statements (tests/fixtures/dev/seed_blind7.csv,
news_blind2.csv); no development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

SOURCE = "The Ruiz administration's decision to dismantle CONADE, the sports agency, angered athletes."
CASES = [
    # must fire: another decider of a one-off act, however the decision is told
    (SOURCE, "The Vega government decided to dismantle CONADE.", True),
    (SOURCE, "It was the Vega government that took the decision to shut down CONADE.", True),
    (SOURCE, "The Vega administration voted to abolish CONADE.", True),
    ("Governor Salas voted to close down the depot in March.", "Mayor Ortiz decided to close down the depot.", True),
    # a country the source names as another party is not the leader's government
    ("The Ruiz administration's decision to dismantle CONADE has also hurt Peru.",
     "The Peruvian government dismantled CONADE.", True),
    # must not fire: the same decider; a country for a leader's government (the words do not say whose)
    (SOURCE, "The Ruiz administration decided to shut down CONADE.", False),
    (SOURCE, "It was the Ruiz administration that took the decision to dismantle CONADE.", False),
    (SOURCE, "Mexico decided to dismantle CONADE.", False),
    (SOURCE, "The Mexican government has dismantled CONADE.", False),
    ("The Ruiz administration's decision to dismantle CONADE has also hurt Peru.", "Mexico dismantled CONADE.", False),
    # must not fire: the object of "urged" is who would act, not the one urging; another act
    (SOURCE, "Vega urged Ruiz to dismantle CONADE.", False),
    (SOURCE, "The Vega government decided to praise CONADE.", False),
    ("Governor Salas voted to close down the depot in March.", "Salas decided to close down the depot.", False),
    ("Governor Salas voted to close down the depot in March.", "Mayor Ortiz decided to visit the depot.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_who_decides_acts(nlp, source, statement, fires):
    found = rule_findings("roles", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


OFFICES = [
    # one office, two names: no contradiction
    ("Acme CEO Dana Wu was put in charge of the radio unit.", "Acme chief executive Dana Wu runs the radio unit.",
     False),
    ("Acme chief executive Dana Wu was put in charge of the radio unit.", "Acme CEO Dana Wu runs the radio unit.",
     False),
    ("Club chairwoman Dana Wu resigned on Monday.", "Club chairman Dana Wu resigned on Monday.", False),
    # another office: a contradiction
    ("Acme CEO Dana Wu was put in charge of the radio unit.", "Acme chairman Dana Wu runs the radio unit.", True),
]


@pytest.mark.parametrize(("source", "statement", "fires"), OFFICES)
def test_one_office_two_names(nlp, source, statement, fires):
    found = rule_findings("roles", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


CONTRASTS = [
    ("Ortiz cancelled the concert at the last minute.", "It was Lima, not Ortiz, who cancelled the concert.", True),
    ("Ortiz cancelled the concert at the last minute.", "It was Ortiz, not Lima, who cancelled the concert.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CONTRASTS)
def test_a_contrast_names_the_doer_first(nlp, source, statement, fires):
    found = rule_findings("roles", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


@pytest.mark.parametrize("statement", ["It was Lima, not Ortiz, who cancelled the concert.",
                                       "Lima, not Ortiz, cancelled the concert."])
def test_a_contrast_is_one_fact(statement):
    from factcheck.judge.statements import split_statement

    assert split_statement(statement) == []


def test_a_relative_clause_still_splits():
    from factcheck.judge.statements import split_statement

    assert len(split_statement("Ortiz, who owns the club, cancelled the concert.")) == 2


FLOWS = [
    # must fire: sent to the country the source says they come from
    ("The row led to the suspension of Dutch grants and loans to the island nation.",
     "The island suspended the grants it had been sending to the Netherlands.", True),
    ("Canadian aid to Haiti rose last year.", "Haiti sent aid to Canada last year.", True),
    # must not fire: the same direction, another giver (another rule's business), a flow the source does not own
    ("The row led to the suspension of Dutch grants and loans to the island nation.",
     "The Netherlands suspended the grants it had been sending to the island.", False),
    ("Canadian aid to Haiti rose last year.", "Canada sent aid to Haiti last year.", False),
    ("Canadian aid to Haiti rose last year.", "Haiti sent troops to Canada last year.", False),
    ("Aid to Haiti rose last year.", "Haiti sent aid to Canada last year.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), FLOWS)
def test_what_comes_from_a_country_is_not_sent_to_it(nlp, source, statement, fires):
    found = rule_findings("roles", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_flow_table_is_balanced():
    assert sum(not c[2] for c in FLOWS) >= sum(c[2] for c in FLOWS)

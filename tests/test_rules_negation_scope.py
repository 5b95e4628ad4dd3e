"""What a negation covers, for the polarity rule: a negated copula covers its noun's participles ("there is no
approved treatment"), a negated implicative head covers its complement ("was not able to stop", "not effective in
preventing"), other negated heads leave it open ("did not want to raise"), and a text that says a predicate both
ways ("either not working or working fewer shifts") asserts neither way alone."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    # must fire: one text asserts what the other negates
    ("The drug did not improve survival.", "The drug improved survival.", True),
    ("There is a proven link between salt intake and dementia.",
     "There is not a proven link between salt intake and dementia.", True),
    ("There is a documented link between the drug and liver damage.",
     "There is no documented link between the drug and liver damage.", True),
    ("Regulators approved a treatment for the disease.", "There is no approved treatment for the disease.", True),
    ("The barrier stopped the floodwater.", "The barrier was not able to stop the floodwater.", True),
    ("The congestion charge reduced traffic in the city centre.",
     "The congestion charge did not manage to reduce traffic in the city centre.", True),
    ("The vaccine prevented infection in older adults.",
     "The vaccine was not effective in preventing infection in older adults.", True),
    ("Most of the miners were working on Sunday.", "Most of the miners were not working on Sunday.", True),
    # must not fire: a negated copula negates its noun's participles too
    ("The study does not support a link between screen time and poor sleep.",
     "There is not a supported link between screen time and poor sleep.", False),
    ("The agency has not approved a treatment for the disease.", "There is no approved treatment for the disease.",
     False),
    # … a negated implicative head negates its complement, so both texts negate it
    ("The barrier did not stop the floodwater.", "The barrier was not able to stop the floodwater.", False),
    ("The barrier did not stop the floodwater.", "The barrier was unable to stop the floodwater.", False),
    ("The congestion charge did not reduce traffic in the city centre.",
     "The congestion charge did not manage to reduce traffic in the city centre.", False),
    ("The congestion charge did not reduce traffic in the city centre.",
     "The congestion charge did not succeed in reducing traffic in the city centre.", False),
    ("The vaccine did not prevent infection in older adults.",
     "The vaccine was not effective in preventing infection in older adults.", False),
    # … another negated head says neither
    ("The governor did not raise taxes.", "The governor did not want to raise taxes.", False),
    ("The governor raised taxes.", "The governor did not want to raise taxes.", False),
    # … and a statement that says it both ways agrees with a source that says it one way
    ("Half of the nurses were not working.", "Half of the nurses were either not working or working fewer shifts.",
     False),
    ("Half of the nurses were working.", "Half of the nurses were either not working or working fewer shifts.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_negation_scope(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_complement_negation_is_named():
    """The explanation names the negation and the complement it covers, so a reader can check it."""
    (found,) = [f for f in run_rules("The vaccine prevented infection in older adults.",
                                     "The vaccine was not effective in preventing infection in older adults.")
                if f.rule == "polarity"]
    assert "statement negates “not … preventing”" in found.explanation
    assert found.statement_span.text == "not effective in preventing"


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire

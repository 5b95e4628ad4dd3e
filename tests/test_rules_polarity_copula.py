"""The polarity rule reads a predicate a form of "be" says of its subject ("the men were not armed", "the report is
not complete") with the copula's negation and subject, and a subject's "no" ("no passengers were hurt") as a
negation for that subject, "no one" and "nobody" for any people; a negation that takes only a degree or manner ("was not
seriously hurt", "did not fully repay") leaves the predicate itself standing; an ordinal tells two things apart
("the first bridge", "the second bridge"). Invented sentences only."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    # must fire: a copular predicate negated in one text, asserted in the other
    ("The guards were not armed, the ministry said.", "The guards were armed.", True),
    ("The guards were not armed and had no radios, the ministry said.", "The guards were armed.", True),
    ("The guards were armed.", "The guards were not armed.", True),
    ("The audit is not yet complete.", "The audit is complete.", True),
    ("The ferry was not insured.", "The ferry was insured.", True),
    ("The patient was never conscious during the procedure.", "The patient was conscious during the procedure.",
     True),
    ("The clinic was seriously damaged.", "The clinic was not seriously damaged.", True),  # the same degree both
    # must fire: a subject's "no" denies the predicate for it
    ("No passengers were hurt in the collision.", "Several passengers were hurt in the collision.", True),
    ("The captain said no passengers were hurt.", "Passengers were hurt.", True),
    ("No one was injured in the explosion.", "Four miners were injured in the explosion.", True),
    ("Nobody was hurt in the fire, officials said.", "Two firefighters were hurt in the fire.", True),
    # must not fire: the negation takes a degree or manner the other text does not give
    ("The cyclist was not seriously injured.", "The cyclist was injured.", False),
    ("The council did not fully repay the grant.", "The council repaid the grant.", False),
    ("The treaty was not formally signed.", "The treaty was signed.", False),
    ("The mayor did not just criticize the plan.", "The mayor criticized the plan.", False),
    # must not fire: other things, another subject, a complement, "not only", a hedge
    ("The first ferry was not insured.", "The second ferry was insured.", False),
    ("The medicine is not safe for infants.", "The medicine is safe for adults.", False),
    ("The guards were not armed, but their commander was armed.", "The commander was armed.", False),
    ("Inspectors were not sure whether the guards were armed.", "The guards were armed.", False),
    ("The scheme was not only costly but also slow.", "The scheme was costly.", False),
    ("It is unclear whether the guards were armed.", "The guards were not armed.", False),
    ("The audit was not the first of its kind.", "The audit was late.", False),
    ("No passengers were hurt, but two crew members were injured.", "Two crew members were injured.", False),
    ("No other port has banned the ships.", "Lisbon has banned the ships.", False),
    ("No charges were filed.", "Prosecutors filed charges against the driver.", False),
    ("No one was injured in the explosion.", "The mine was damaged in the explosion.", False),
    ("No one was injured in the explosion.", "Nobody was injured in the explosion.", False),
    ("No one was injured in the explosion, but two miners were injured in a later collapse.",
     "Two miners were injured in the collapse.", False),
    ("No one claimed the prize.", "The committee awarded the prize.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_polarity_copula(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "polarity" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire

"""Table-driven tests of three false contradictions found reading the errors of opened development sets: an act left
undone in favour of another ("instead of giving him the phone", "rather than give", "without paying") is no act, so
it backs a denial and contradicts an assertion (the polarity rule); a concession ("despite their forceful styles")
is no argument to align a predicate on (the polarity rule); and one length or weight written in two units ("2km" and
"2,000 metres") is no misread figure (the quantities rule). Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

PHONE = "But instead of giving him the phone, his aunt went into the kitchen and picked up a knife."
BILL = "The guest left the restaurant without paying the bill."
BROTHERS = "Despite sharing a love of football, the two brothers support rival clubs."

# (source sentence, statement, rule, whether it contradicts)
CASES = [
    # must fire: the undone act against its assertion, either way round; a length in two units that differ
    (PHONE, "His aunt gave him the phone.", "polarity", True),
    (BILL, "The guest paid the bill before leaving.", "polarity", True),
    ("His aunt gave him the phone.", "His aunt went into the kitchen rather than give him the phone.", "polarity", True),
    ("His aunt gave him the phone.", "Rather than giving him the phone, his aunt left the room.", "polarity", True),
    ("The guest paid the bill.", "The guest left without paying the bill.", "polarity", True),
    ("The bridge is 2 km long.", "The bridge is 2 metres long.", "quantities", True),
    ("The ministry approved the plan instead of rejecting it.", "The ministry rejected the plan.", "polarity", True),
    # must not fire: the undone act against its denial
    (PHONE, "His aunt did not give him the phone and fetched a knife instead.", "polarity", False),
    (BILL, "The guest did not pay the bill.", "polarity", False),
    ("Rather than giving him the phone, his aunt left the room.", "His aunt never gave him the phone.", "polarity",
     False),
    ("The guest paid the bill without saying a word.", "The guest paid the bill.", "polarity", False),
    ("The ministry approved the plan instead of rejecting it.", "The ministry approved the plan.", "polarity", False),
    # … a predicate aligned on a concession only
    (BROTHERS, "The two brothers do not share a club, despite their love of football.", "polarity", False),
    ("In spite of the cuts, the agency kept its regional offices.",
     "The agency did not keep its budget, in spite of the cuts.", "polarity", False),
    # … one length or weight in two units
    ("The bridge is 2 km long.", "The bridge is 2,000 metres long.", "quantities", False),
    ('"The militants are now less than 2km away from the city," the spokesperson said.',
     "The militants were fewer than 2,000 metres from the city.", "quantities", False),
    ("The parcel weighed 5 kg.", "The parcel weighed 5,000 grams.", "quantities", False),
]


@pytest.mark.parametrize(("source", "statement", "rule", "contradicts"), CASES)
def test_undone_acts_concessions_and_units(source, statement, rule, contradicts):
    found = rule_findings(rule, source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[3] for c in CASES) >= sum(c[3] for c in CASES)


def test_the_finding_quotes_the_marker():
    found = rule_findings("polarity", PHONE, "His aunt gave him the phone.", "contradicts")
    assert "instead … giving" in found[0].explanation

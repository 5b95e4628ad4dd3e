"""Table-driven tests of three small readings (issue #10, kinds 3 and 6): the same things placed in seas of different
oceans (roles); a level a thing falls to or reaches, said with a noun ("fallen to historic lows"), against the
opposite level (antonyms); "lose out" as being worse off (stakes, read by polarity). Sentences written for this
project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

STRIKES = ("The move followed accusations that officials had violated national sovereignty during military strikes "
           "against alleged drug vessels in the Caribbean.")
BOATS = "The coast guard seized two boats in the Gulf of Mexico."

# (source, statement, whether roles contradicts)
WATERS = [
    (STRIKES, "The military strikes against alleged drug vessels took place in the Pacific.", True),
    (STRIKES, "The military strikes against alleged drug vessels took place in the Pacific Ocean.", True),
    (BOATS, "The coast guard seized two boats in the Red Sea.", True),
    # what the place is of, by a compound or another word for a vessel ("drug boats" for "drug vessels")
    (STRIKES, "The strikes on suspected drug boats that officials condemned took place in the Pacific Ocean.", True),
    (STRIKES, "Suspected drug boats were destroyed in the Pacific.", True),
    # must not fire: a sea and its ocean, another act, a possibility, one of two waters named, a negation
    (STRIKES, "The military strikes against alleged drug vessels took place in the Atlantic.", False),
    (STRIKES, "The navy also patrols the Pacific.", False),
    (BOATS, "The coast guard rescued two swimmers in the Red Sea.", False),
    (BOATS, "The coast guard may seize boats in the Red Sea.", False),
    ("The navy held exercises in the Mediterranean and the Pacific.", "The navy held exercises in the Pacific.",
     False),
    ("The whales migrate through the Pacific.", "The whales were not seen in the Atlantic.", False),
    (STRIKES, "Drug use among tourists is rising in the Pacific islands.", False),
    (BOATS, "Two swimmers on a drug trip were rescued in the Red Sea.", False),
    (BOATS, "Two swimmers were rescued in the Red Sea.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), WATERS)
def test_waters_of_another_ocean(source, statement, fires):
    found = [f for f in rule_findings("roles", source, statement, "contradicts") if "ocean" in f.explanation]
    assert bool(found) is fires, found


HIGHS = "Cocaine production remains near record highs."
# (source, statement, whether antonyms contradicts)
LEVELS = [
    (HIGHS, "Cocaine production has fallen to historic lows.", True),
    ("Unemployment is at a record low.", "Unemployment has risen to a record high.", True),
    # must not fire: another thing at that level, the same level, another subject sharing a word
    (HIGHS, "Coffee exports have fallen to historic lows.", False),
    (HIGHS, "Cocaine seizures have fallen to historic lows.", False),
    ("Unemployment is at a record low.", "Inflation has risen to a record high.", False),
    ("Unemployment is at a record low.", "Unemployment has fallen to a record low.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), LEVELS)
def test_levels_said_with_a_noun(source, statement, fires):
    assert bool(rule_findings("antonyms", source, statement, "contradicts")) is fires


TARIFF = "Steel makers stand to benefit from the tariff."
# (source, statement, whether polarity contradicts)
LOSE_OUT = [
    (TARIFF, "Steel makers could lose out from the tariff.", True),
    ("The reform would help small farmers.", "Small farmers would lose out under the reform.", True),
    # must not fire: another party, the same outcome, "lose" with an object, a negation
    (TARIFF, "Soybean farmers could lose out from the tariff.", False),
    ("The tariff could hurt soybean farmers.", "Soybean farmers could lose out from the tariff.", False),
    (TARIFF, "Steel makers could lose their export markets.", False),
    (TARIFF, "Steel makers would not lose out from the tariff.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), LOSE_OUT)
def test_lose_out(source, statement, fires):
    found = [f for f in rule_findings("polarity", source, statement, "contradicts") if "off (" in f.explanation]
    assert bool(found) is fires, found


def test_tables_are_balanced():
    for table in (WATERS, LEVELS, LOSE_OUT):
        assert sum(not c[2] for c in table) >= sum(c[2] for c in table)

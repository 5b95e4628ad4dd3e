"""Table-driven tests of who gains and who loses (read by the polarity rule): the same party better off in one text
and worse off in the other contradicts; the same outcome in other words, another party, a fact against a prediction,
or a negated outcome does not. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

TARIFF = ("Economists warn the tariff could hurt soybean farmers, while steel makers stand to benefit.")
PORTS = "Officials warned that the strike could leave both Chile and Peru vulnerable."
# (source sentence, statement, whether the polarity rule contradicts)
CASES = [
    (TARIFF, "Economists say the tariff will benefit soybean farmers.", True),
    (TARIFF, "Economists say the tariff would harm steel makers.", True),
    (PORTS, "The strike would leave both countries safer.", True),
    ("Chile and Peru gained from the deal.", "The deal hurt Chile and Peru.", True),
    ("The new law protects small shops.", "Small shops are weakened by the new law.", True),
    # the same outcome in other words
    (TARIFF, "Economists say steel makers could profit from the tariff.", False),
    (TARIFF, "The tariff may damage soybean farmers, economists warn.", False),
    (PORTS, "The strike could leave Chile and Peru exposed.", False),
    # another party, a fact against a prediction, a negated outcome
    (TARIFF, "Economists say the tariff will benefit wheat growers.", False),
    (TARIFF, "The tariff benefited soybean farmers last year.", False),
    ("Chile and Peru gained from the deal.", "The deal did not hurt Chile and Peru.", False),
    ("The new law protects small shops.", "The new law hurts large chains.", False),
    # a noun of a setback or a gain for the party after "to" / "for"
    ("The new tariffs are a boon for domestic steelmakers.", "The new tariffs dealt a blow to domestic steelmakers.",
     True),
    ("The new tariffs hurt domestic steelmakers.", "The new tariffs were a boost for domestic steelmakers.", True),
    ("The new tariffs hurt domestic steelmakers.", "The new tariffs were a blow to domestic steelmakers.", False),
    ("The new tariffs hurt domestic steelmakers.", "The new tariffs were not a boost for domestic steelmakers.", False),
    ("The new tariffs hurt domestic steelmakers.", "The new tariffs were a boost for foreign carmakers.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_better_off_against_worse_off(source, statement, fires):
    found = [f for f in rule_findings("polarity", source, statement, "contradicts") if "off (" in f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)

"""Table-driven tests of opposite adjectives on what a subject is called (the antonyms rule): an apposition
describes its noun as a copula's subject does ("Colombia, a major recipient of its programs" against "Colombia was a
minor beneficiary of the programmes"), and two nouns for one role — of the same thing — are one role in two words;
different nouns of different things ("a major producer of coffee", "a minor exporter of oil") are two roles.
Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

GRANTS = "The cuts hit Ghana, a major recipient of the fund's grants."
COFFEE = "Colombia, a major producer of coffee, signed the deal."

# (source sentence, statement, whether the antonyms rule contradicts)
CASES = [
    (GRANTS, "Ghana was only a minor beneficiary of the fund's grants.", True),
    (GRANTS, "Ghana was a minor recipient of the fund's grants.", True),
    (COFFEE, "Colombia is a minor producer of coffee.", True),
    ("Colombia is a major producer of coffee.", "Colombia is a minor grower of coffee.", True),
    # another subject, another role of another thing, or no opposite
    (GRANTS, "Togo was only a minor beneficiary of the fund's grants.", False),
    (COFFEE, "Colombia is a minor exporter of oil.", False),
    ("Colombia is a major producer of coffee.", "Colombia is a minor exporter of oil.", False),
    (GRANTS, "Ghana was a major beneficiary of the fund's grants.", False),
    (GRANTS, "Ghana, a minor partner in the talks, objected.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_opposites_said_of_what_a_subject_is_called(source, statement, fires):
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)

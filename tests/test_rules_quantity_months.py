"""Table-driven tests of figures of one year told apart by their month (the quantities rule): "by June 2020, 44% had
antibodies" says nothing against "by October 2020, 76% had been infected", while a figure of the same month, or of a
sentence that names no month, is compared. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

JUNE = "By June 2020, 44% of the population had detectable antibodies."

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    # must fire: the same month, or no month on one side
    (JUNE, "By June 2020, 76% of the population had detectable antibodies.", True),
    (JUNE, "In 2020, 76% of the population had detectable antibodies.", True),
    ("In March 2021, unemployment stood at 7%.", "Unemployment stood at 9% in March of 2021.", True),
    # must not fire: another month of the year
    (JUNE, "Some scientists estimated 76% of the population had been infected by October of 2020.", False),
    (JUNE, "By October 2020, 76% of the population had detectable antibodies.", False),
    ("In March 2021, unemployment stood at 7%.", "Unemployment stood at 9% in September 2021.", False),
    ("Sales reached $5 million on May 3, 2019.", "Sales reached $8 million in August 2019.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_figures_of_another_month(source, statement, contradicts):
    found = rule_findings("quantities", source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


def test_the_months_are_named():
    found = rule_findings("quantities", JUNE, "By October 2020, 44% of the population had detectable antibodies.")
    assert "Jun 2020" in found[0].explanation and "Oct 2020" in found[0].explanation

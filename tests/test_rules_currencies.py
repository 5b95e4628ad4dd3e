"""Table-driven tests of a figure put in another currency: the same written amount in another currency for the same
thing contradicts ("$400 million" against "400 million Colombian pesos"); another amount in another currency (no
exchange rate is known), the same currency written otherwise, or an amount of something else does not. Currency
names of several words ("Colombian pesos", "Canadian dollars") are read as one. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

AID = "Despite recent cuts, British aid to Kenya still exceeded $250 million in 2023."
BUDGET = "The city's transport budget was €80 million last year."

# (source sentence, statement, whether the quantities rule contradicts)
CASES = [
    (AID, "In 2023 British aid to Kenya exceeded 250 million Kenyan shillings.", False),  # not in the table
    (AID, "In 2023 British aid to Kenya was worth about 250 million pounds.", True),
    (AID, "British aid to Kenya topped 250 million euros in 2023.", True),
    (AID, "Britain gave Kenya aid worth more than 250 million Canadian dollars in 2023.", True),
    (BUDGET, "The city's transport budget was $80 million last year.", True),
    # another amount in another currency, the same currency, or something else measured
    (AID, "British aid to Kenya exceeded 200 million pounds in 2023.", False),
    (AID, "British aid to Kenya exceeded 250 million US dollars in 2023.", False),
    (AID, "Kenya spent 250 million pounds on new schools in 2023.", False),
    (BUDGET, "The city's transport budget was 80 million euros last year.", False),
    (BUDGET, "The city's transport budget was about 90 million dollars last year.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_the_same_figure_in_another_currency(source, statement, fires):
    found = [f for f in rule_findings("quantities", source, statement, "contradicts") if "the same figure in" in
             f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


@pytest.mark.parametrize(("text", "code"), [
    ("It cost 400 million Colombian pesos.", "COP"), ("It cost 400 million pesos.", "COP"),
    ("It cost 400 million Mexican pesos.", "MXN"), ("It cost 5 million Canadian dollars.", "CAD"),
    ("It cost 5 million US dollars.", "USD"), ("It cost 5 million dollars.", "USD"),
])
def test_currency_names_of_several_words(text, code):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.quantities import extract

    assert [q.kind for q in extract(parse(text))] == [f"money:{code}"]

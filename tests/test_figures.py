"""Figures a statement gives must be confirmed by the sentence that supports it (issue #10, kinds 5 and 3)."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

AID = "Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024."
INTEL = (
    "Colombia continues to be a vital partner for the US in counter-narcotics efforts, with approximately 80% of "
    "US intelligence for drug interdictions in the Caribbean originating from Colombia."
)
TROOPS = "Some 12,000 soldiers were deployed to the border in 2023."
BUDGET = "The ministry's budget for the programme was $12 million in 2023."


def quantity_findings(source, statement):
    return [f for f in run_rules(source, statement) if f.rule == "quantities"]


# (source, statement, relation of the decisive quantities finding, whether that finding blocks support)
CASES = [
    # must fire: a scale word changed is a different figure, not a looser bound
    (AID, "US aid to Colombia exceeded $400 billion in 2024.", "contradicts", None),
    (AID, "US aid to Colombia exceeded $400 thousand in 2024.", "contradicts", None),
    (TROOPS, "Some 12 million soldiers were deployed to the border in 2023.", "contradicts", None),
    # must fire: vague shares compared with percentages
    (INTEL, "Only a small share of US intelligence for Caribbean drug interdictions comes from Colombia.",
     "contradicts", None),
    (INTEL, "A small minority of US intelligence for drug interdictions comes from Colombia.", "contradicts", None),
    (INTEL, "The vast majority of US intelligence for drug interdictions comes from Colombia.", "supports", None),
    # must fire: the same number measuring something else cannot be confirmed by this sentence
    (INTEL, "About 80 Colombian soldiers took part in the Caribbean interdictions.", "neutral", "support"),
    (INTEL, "Some 80% of Colombian cocaine is shipped to the United States.", "neutral", "support"),
    (BUDGET, "Some 12,000 soldiers were deployed to the border in 2023.", "neutral", "support"),
    (TROOPS, "The ministry's budget for the programme was $12 million in 2023.", "neutral", "support"),
    (AID, "US aid to Colombia in 2023 was $450 million.", "neutral", "support"),
    (AID, "US aid to Colombia reached $1 billion in 2024.", "neutral", "support"),
    # must not fire (no blocking, no contradiction): the figure is confirmed or there is no figure to confirm
    (AID, "US aid to Colombia exceeded $400 million in 2024.", "supports", None),
    (AID, "US aid to Colombia exceeded $400m in 2024.", "supports", None),
    (AID, "US aid to Colombia was more than 400 million dollars in 2024.", "supports", None),
    (INTEL, "About 80% of US intelligence for Caribbean drug interdictions originates from Colombia.", "supports", None),
    (INTEL, "Most of the US intelligence for drug interdictions in the Caribbean comes from Colombia.", "supports", None),
    (TROOPS, "About 12,000 soldiers were deployed to the border in 2023.", "supports", None),
    # nations are countries counted under another name: the same count backs it (quantities.COUNTED_AS)
    ("The two nations coordinate operations.", "The two countries coordinate operations.", "supports", None),
    ("Three people were arrested.", "Two suspects fled.", None, None),
    (AID, "US aid to Colombia remains significant.", None, None),
    (INTEL, "Colombia is a vital partner for the US in counter-narcotics efforts.", None, None),
    (AID, "Funding for Colombia has been reduced in recent years.", None, None),
]
ORDER = {"neutral": 0, "supports": 1, "contradicts": 2}


@pytest.mark.parametrize(("source", "statement", "relation", "blocks"), CASES)
def test_figures(source, statement, relation, blocks):
    found = quantity_findings(source, statement)
    decisive = max(found, key=lambda f: ORDER[f.relation], default=None)
    assert (decisive.relation if decisive else None) == relation, found
    assert (decisive.blocks if decisive else None) == blocks, found
    if decisive is not None:
        assert decisive.explanation and decisive.statement_span is not None
        assert statement[decisive.statement_span.start : decisive.statement_span.end] == decisive.statement_span.text


def test_table_is_balanced():
    firing = [c for c in CASES if c[2] in {"contradicts", "neutral"}]
    assert len(CASES) - len(firing) >= len(firing)


def test_scale_mismatch_says_which_words_differ():
    (finding,) = [f for f in quantity_findings(AID, "US aid to Colombia exceeded $400 billion in 2024.")]
    assert "billion" in finding.explanation and "million" in finding.explanation


def test_unit_mismatch_names_both_measures():
    (finding,) = quantity_findings(INTEL, "About 80 Colombian soldiers took part in the Caribbean interdictions.")
    assert "soldiers" in finding.explanation and "intelligence" in finding.explanation

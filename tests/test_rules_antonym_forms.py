"""Table-driven tests of opposites the antonyms rule finds across word forms: an adverb read as its adjective
("legally" against "illegal"), a verb and its noun as one thing ("was seriously injured" against "minor
injuries"), the object of one subject's act as all of it ("she suffered minor injuries"), and severity and harm
words. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, whether the antonyms rule contradicts)
CASES = [
    # must fire
    ("The workers were in the country legally.", "The workers were in the country illegally.", True),
    ("The firm operated legally, the regulator said.", "The regulator said the firm operated illegally.", True),
    ("The driver suffered only minor injuries.", "The driver was seriously injured in the crash.", True),
    ("The driver suffered only minor injuries.", "The driver suffered serious injuries.", True),
    ("The driver suffered severe injuries.", "The driver suffered slight injuries.", True),
    ("Most of the spiders in the region are harmless.", "Most of the spiders in the region are deadly.", True),
    ("The chemical leak was harmless, officials said.", "Officials said the chemical leak was dangerous.", True),
    # must not fire: a subset among others ("minor reactions" of many children), or two subjects' acts
    ("The vaccine caused minor reactions in most children, while serious reactions were rare.",
     "Serious reactions were rare.", False),
    ("Patients reported minor side effects.", "Some patients reported serious side effects.", False),
    ("He acted legally when he sold the land.", "She acted illegally when she bought the car.", False),
    ("The company operated legally.", "Its rival operated illegally.", False),
    # must not fire: different things described, or a negated clause
    ("Officials said the threat was minor.", "Officials said the crime was serious.", False),
    ("The storm was not serious.", "The storm was minor.", False),
    ("The injuries were not minor.", "The injuries were serious.", False),
    # must not fire: words that look alike but are no adverb of an opposite
    ("The family lived happily in the town.", "The family lived in a large house in the town.", False),
    ("The bill was passed quickly.", "The bill was passed early.", False),
    # must not fire: both sides named in one text
    ("Harmless and deadly species live side by side.", "Deadly species live in the park.", False),
    ("Scorpion stings are mostly harmless.", "Only a small minority of scorpion species can cause fatal stings.", False),
    ("The flight was delayed earlier this month.", "The airline later apologised for the delay.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_opposites_across_forms(source, statement, fires):
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is fires, found
    assert all(f.source_span and f.statement_span for f in found)


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)

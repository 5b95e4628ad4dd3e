"""Table-driven tests of the antonyms rule on a description that refers back: "this crucial partnership now appears
more fragile" is about what the sentence before named, so against "the alliance between the US and Colombia is more
solid" the two words describe one thing. Written for this project from the error kind "contrary wording" on the
seed statements (issue 10); the seed-like row is ours, the others are invented."""

from __future__ import annotations

import pytest
from conftest import assert_decides

from factcheck.judge.rules import run_rules

SPAIN = "Spain and France signed a defence pact in 1990."
# (sentence before the source, source sentence, statement, decisive relation; None = it must not contradict)
CASES = [
    # must fire: a demonstrative description, the statement's names all named the sentence before
    (SPAIN, "This partnership now looks fragile.", "The alliance between Spain and France is solid.", "contradicts"),
    ("Apple and Samsung settled their patent dispute in 2018.", "That truce is now fragile.",
     "Relations between Apple and Samsung are stronger than ever.", "contradicts"),
    ("The US and Colombia have long been allies.", "However, this crucial partnership now appears more fragile "
     "than ever.", "The alliance between the US and Colombia is more solid than ever.", "contradicts"),
    # must not fire: no sentence before, a name it did not give, no demonstrative, no names, a negated statement
    (None, "This partnership now looks fragile.", "The alliance between Spain and France is solid.", None),
    (SPAIN, "This partnership now looks fragile.", "The alliance between Spain and Italy is solid.", None),
    (SPAIN, "A partnership now looks fragile.", "The alliance between Spain and France is solid.", None),
    (SPAIN, "This partnership now looks fragile.", "The alliance is solid.", None),
    (SPAIN, "This partnership now looks fragile.", "The alliance between Spain and France is not solid.", None),
]


@pytest.mark.parametrize(("context", "source", "statement", "expected"), CASES)
def test_description_that_refers_back(nlp, context, source, statement, expected):
    found = [f for f in run_rules(source, statement, nlp=nlp, context=context) if f.rule == "antonyms"]
    assert_decides(found, expected)

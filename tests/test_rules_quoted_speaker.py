"""Table-driven tests of quoted words given to another named speaker (roles; issue #10, kind 6): the source quotes a
named person, the statement puts the same words in another named person's mouth; the parser often misreads the
statement's verb ("Trump branded Petro's actions acts of tyranny"), so the speaker is read as the first name before
the words that is no possessor. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

TYRANNY = ("Petro has openly criticized these actions, calling them “acts of tyranny” and urging international "
           "prosecution against Trump.")
SOTO = "Senator Soto called the deal “a historic mistake”."
# (source, statement, whether roles says the words were given to another speaker)
CASES = [
    (TYRANNY, "Trump branded Petro's actions acts of tyranny.", True),
    (TYRANNY, "It was Trump who labelled Petro's actions \"acts of tyranny\".", True),
    (TYRANNY, "Trump called Petro's actions \"acts of tyranny\".", True),
    ("Mayor Ortiz described the plan as “a gift to developers”.", "Governor Lane called the plan a gift to developers.",
     True),
    # must not fire: the same speaker, no speaker, the source's speaker still the one who says it, an unnamed
    # speaker in the source, other words
    (TYRANNY, "Petro described the US strikes as acts of tyranny.", False),
    (TYRANNY, "Trump said Petro had called the strikes acts of tyranny.", False),
    (TYRANNY, "The strikes were described as acts of tyranny.", False),
    (TYRANNY, "According to Petro, the strikes were acts of tyranny.", False),
    ("The minister called the deal “a historic mistake”.", "Senator Ruiz called the deal a historic mistake.", False),
    (SOTO, "In Madrid, Senator Soto called the deal a historic mistake.", False),
    (SOTO, "Senator Ruiz called the deal a mistake.", False),
    (TYRANNY, "Trump urged Petro to stop the strikes.", False),
    ("According to the Herald, “Big Tony” was seen in Lisbon.", "Police said Big Tony was seen in Lisbon.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_quoted_words_given_to_another_speaker(source, statement, fires):
    found = [f for f in rule_findings("roles", source, statement, "contradicts") if "gives the words" in f.explanation]
    assert bool(found) is fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)

"""Table-driven tests of two false contradictions found reading the errors of opened development sets: a statement
that equates its described speaker with a name ("Al-Zameli is the lawmaker who said …") gives the words to that name
(the attribution rule); a town may stand for an organisation based there ("Cupertino gearing up to ship" against "Apple
is gearing up to ship"), so it is no other actor (the roles rule); and two parts of one group counted apart ("10 (43%)
had symptoms" against "56% of them had no symptoms") are no predicate asserted and denied of one subject (the polarity
rule). Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

SAID = "“The two planes crashed while carrying weapons,” committee head Hakem al-Zameli said."
TESTED = ("Among 23 residents with positive test results, 10 (43%) had symptoms on the date of testing, and 13 (57%) "
          "were asymptomatic.")

# (source sentence, statement, rule, whether it contradicts)
CASES = [
    # must fire: another speaker named or equated; one group asserted and denied
    (SAID, "Ali Karim is the lawmaker who said the two planes crashed while carrying weapons.", "attribution", True),
    (SAID, "Ali Karim said the two planes crashed while carrying weapons.", "attribution", True),
    ("Twelve soldiers were killed.", "No soldiers were killed.", "polarity", True),
    ("Ten of the patients had symptoms.", "Ten of the patients had no symptoms.", "polarity", True),
    ("Samsung is gearing up to ship 29 million watches this year.",
     "Apple is gearing up to ship 29 million watches this year.", "roles", True),
    ("Washington suspended the aid payments to Colombia.", "Google suspended the aid payments to Colombia.", "roles",
     True),
    # must not fire: the equated speaker is the source's
    (SAID, "Al-Zameli is the lawmaker who said the two planes crashed while carrying weapons.", "attribution", False),
    (SAID, "Hakem al-Zameli, who heads the committee, is the lawmaker who said the two planes crashed while carrying "
     "weapons.", "attribution", False),
    (SAID, "Al-Zameli said the two planes crashed while carrying weapons.", "attribution", False),
    # … two parts of a group, each counted
    (TESTED, "In the nursing home, 56% of those who tested positive had no symptoms when they got tested.", "polarity",
     False),
    ("Of the 40 patients, 12 had a fever.", "Of the 40 patients, 28 had no fever.", "polarity", False),
    ("Three of the suspects were not charged.", "Five of the suspects were charged.", "polarity", False),
    # … a town for an organisation based there
    ("Analysts say Cupertino is gearing up to ship 29 million watches this year.",
     "Apple is gearing up to ship 29 million watches this year.", "roles", False),
    ("Cupertino released the update to millions of users in Europe.", "Apple released the update to millions of users in Europe.",
     "roles", False),
]


@pytest.mark.parametrize(("source", "statement", "rule", "contradicts"), CASES)
def test_equated_speakers_and_parts_of_a_group(source, statement, rule, contradicts):
    found = rule_findings(rule, source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_table_is_balanced():
    assert sum(not c[3] for c in CASES) >= sum(c[3] for c in CASES)

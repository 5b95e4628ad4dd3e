"""Table-driven tests of ages and reported figures as news copy writes them: an age in apposition to a name the
tagger does not know for a person ("Sotloff, 31,"), an age given to a description of the subject ("Fredou is a
45-year-old commissioner"), a month or weekday that is no name ("died on Sept. 4, at age 81"), a figure given as
hearsay ("reportedly": compared like any other, where "may" gives a possibility), "three times that he…" (how often,
not a multiple), a statement's count of "units" or "items" (whatever the sentence counts, but not people), and a
person said by age, sex or kin only ("his son, 9", against "the boy is 11").
Written for this project from the error kinds seen on opened development statements (news_blind, news_blind3); no
development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

# (source sentence, statement, the quantities rule's strongest relation; "-supports": it must not support,
# "-contradicts": it must not contradict)
CASES = [
    # must: the same age of the same person, however the two write it
    ("Okafor, 52, grew up in Lagos with his two brothers.", "Daniel Okafor was fifty-two years old.", "supports"),
    ("Okafor, 52, grew up in Lagos with his two brothers.", "Daniel Okafor was 58 years old.", "contradicts"),
    ("Inspector Maria Vance, 38, led the raid on the warehouse.", "Maria Vance is a 38-year-old inspector.",
     "supports"),
    ("Inspector Maria Vance, 38, led the raid on the warehouse.", "Maria Vance is a 48-year-old inspector.",
     "contradicts"),
    ("Mills retired on Nov. 3, at age 67.", "Tom Mills was 67 years old when he retired.", "supports"),
    ("Banks died on June 2, at age 74.", "Ella Banks was 74 years old when she died.", "supports"),
    ("Harlow retired on March 3, at age 67.", "Tom Harlow was 61 years old when he retired.", "contradicts"),
    ("The singer reportedly paid $40,000 for the ring.", "The singer is reported to have paid forty thousand dollars "
     "for the ring.", "supports"),
    # must not: a place is not a person, two different people, two different things said of one age
    ("In Ohio, 52, people were hurt.", "Ohio is 52 years old.", "-supports"),
    ("Sales grew in Peru, 14, and Chile, 9, the firm said.", "The firm is 14 years old.", "-supports"),
    ("The suspect, 45, was arrested on Monday.", "The victim is a 45-year-old teacher.", "-supports"),
    ("Inspector Maria Vance, 38, led the raid.", "Maria Vance's deputy is a 48-year-old inspector.", "-contradicts"),
    ("A 30-year-old man was arrested.", "A 35-year-old man won the lottery.", "-contradicts"),
    ("The firm paid $20,000 in fines.", "The firm was reported to the regulator after paying $50,000.",
     "-supports"),
    ("Harlow retired on March 3, at age 67.", "Harlow's wife was 61 years old when he retired.", "-contradicts"),
    ("Okafor, 52, grew up in Lagos.", "Okafor's brother is 52 years old.", "-contradicts"),
    # a statement's count of "units" or "items" counts the sentence's things; not the other way round, not people
    ("Analysts think Apple will ship just 8.5 million watches.", "Analysts expect Apple to ship 8.5 million units.",
     "supports"),
    ("The company sold 2 million phones last year.", "The company sold 3 million units last year.", "contradicts"),
    ("The warehouse shipped 1,200 parcels in May.", "The warehouse shipped 1,200 items in May.", "supports"),
    ("The store sold 500 items on Monday.", "The store sold 500 books on Monday.", "-supports"),
    ("The army deployed 12 units to the border.", "The army deployed 12 soldiers to the border.", "-supports"),
    ("The army deployed 12 soldiers to the border.", "The army deployed 12 units to the border.", "-supports"),
    ("The agency hired 40 people last year.", "The agency hired 40 items last year.", "-supports"),
    ("Banks died on June 2, at age 74.", "Ella Banks's husband was 70 years old when she died.", "-contradicts"),
    # hearsay gives the figure all the same: compared both ways
    ("The singer reportedly paid $40,000 for the ring.", "The singer paid $40,000 for the ring.", "supports"),
    ("The singer reportedly paid $40,000 for the ring.", "The singer paid $90,000 for the ring.", "contradicts"),
    ("The singer paid $40,000 for the ring.", "The singer allegedly paid $90,000 for the ring.", "contradicts"),
    # a possibility is not the figure: it neither contradicts an asserted one nor is backed by it
    ("The singer paid $40,000 for the ring.", "The singer may have paid $90,000 for the ring.", "-contradicts"),
    ("The ring may cost $40,000.", "The ring cost $90,000.", "-contradicts"),
    ("The ring could cost $40,000.", "The ring cost $40,000.", "-supports"),
    ("The singer paid $40,000 for the ring.", "The singer would pay $90,000 for a ring.", "-contradicts"),
    # a person said by age, sex or kin only may be one said otherwise so ("his son", "the boy", "the 9-year-old")
    ("Steward said his son, 9, was suspended from school.", "The boy is 11 years old.", "contradicts"),
    ("The 9-year-old has been in in-school suspension.", "The boy at the centre of the suspension is 11 years old.",
     "contradicts"),
    ("Steward said his son, 9, was suspended from school.", "The boy is 9 years old.", "supports"),
    ("Steward said his son, 9, was suspended from school.", "The girl is 11 years old.", "-contradicts"),
    ("The victim, 34, was taken to hospital.", "The suspect is 40 years old.", "-contradicts"),
    ("The victim, 34, was taken to hospital.", "The boy who was taken to hospital is 40 years old.", "-contradicts"),
]


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_ages_and_reported_figures(nlp, source, statement, expected):
    found = rule_findings("quantities", source, statement, nlp=nlp)
    if expected.startswith("-"):
        assert not [f for f in found if f.relation == expected[1:]], found
    else:
        assert_decides(found, expected)


def test_table_is_balanced():
    assert len([c for c in CASES if c[2].startswith("-")]) >= len([c for c in CASES if not c[2].startswith("-")])


@pytest.mark.parametrize(("text", "multiple"), [
    ("Exports were three times that of 2020.", True),
    ("Exports were three times the size of 2020 exports.", True),
    ("Prices rose three times as fast as wages.", True),
    ("She assured him three times that he was not under investigation.", False),  # how often, not how many times
    ("He was warned five times that the bridge was unsafe.", False),
])
def test_times_that_is_a_multiple_only_before_of(nlp, text, multiple):
    from factcheck.judge.rules.quantities import extract

    assert any(q.kind == "multiple" for q in extract(nlp(text))) == multiple, extract(nlp(text))

"""Table-driven tests of the quantities rule on changes (their direction), measures in other units of one
dimension, and ages ("in her fifties")."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules
from factcheck.judge.rules.quantities import extract

CLOUD = (
    "Its cloud division brought in about $12 billion in fiscal 2021, roughly a third of revenue, but orders are "
    "down about nine percent from the previous year."
)
FERRY = "The ferry left about 40 minutes late."
VICTIM = "The cyclist, a woman in her fifties, was taken to hospital."

# (source sentence, statement, relation of the quantities rule's decisive finding; None = the quantities rule does
# not contradict; "rose" against "fell" is the polarity rule's to judge on its own)
CASES = [
    # changes: the same change the other way contradicts
    (CLOUD, "Orders at the cloud division rose about nine percent from the previous year.", "contradicts"),
    ("Ticket sales climbed 4% from a year earlier.", "Ticket sales slumped 4% from a year earlier.", "contradicts"),
    ("The town's population shrank by 2% over the decade.", "The town's population grew by 2% over the decade.",
     "contradicts"),
    ("The regulator reported a 6 percent decline in complaints.", "Complaints increased 6 percent.", "contradicts"),
    ("Grain output was 3% higher than a year earlier.", "Grain output was 3% lower than a year earlier.",
     "contradicts"),
    ("The bank's profit fell $40 million in 2022.", "The bank's profit rose $40 million in 2022.", "contradicts"),
    ("Turnout dropped 5 percentage points.", "Turnout jumped 5 percentage points.", "contradicts"),
    ("Ticket sales climbed 4%.", "Ticket sales climbed 15%.", "contradicts"),
    ("Ticket sales climbed 4% from a year earlier.", "Ticket sales rose about 4% from the previous year.", "supports"),
    # measures: another value of the same measure, in another unit
    (FERRY, "The boat sailed about 40 hours late.", "contradicts"),
    ("The hearing lasted 90 minutes.", "The hearing lasted three hours.", "contradicts"),
    ("The hearing lasted 90 minutes.", "The hearing lasted 1.5 hours.", "supports"),
    ("The new runway is 400 metres long.", "The new runway is 400 feet long.", "contradicts"),
    ("The lorry was carrying 12 tonnes of sugar.", "The lorry was carrying 12 kilograms of sugar.", "contradicts"),
    ("The stadium cost about $80 million.", "The stadium cost about $80 billion.", "contradicts"),
    # the floor: the same number counting another kind of thing is a figure the source does not confirm
    (FERRY, "About 40 passengers were left behind.", "neutral"),
    # ages
    ("A man in his forties was detained.", "A man in his twenties was detained.", "contradicts"),
    ("A cyclist in her early thirties was injured.", "A cyclist in her late thirties was injured.", "contradicts"),
    ("A man in his late 60s was rescued.", "A 45-year-old man was rescued.", "contradicts"),
    (VICTIM, "The cyclist was in her thirties.", "contradicts"),
    ("A teacher in her fifties was honoured.", "A 57-year-old teacher was honoured.", "supports"),
    ("A teacher in her fifties was honoured.", "A teacher aged 57 was honoured.", "supports"),
    ("A teacher in her fifties was honoured.", "A teacher in her late fifties was honoured.", "supports"),
    ("Captain Ana Ruiz, 62, was unhurt.", "Ana Ruiz is in her sixties.", "supports"),
    # must not fire: different things changing
    ("Exports rose 5% last year.", "Imports fell 5% last year.", None),
    ("Online sales rose 8%.", "Store sales fell 8%.", None),
    ("Sales in Ohio fell 3%.", "Sales in Texas rose 3%.", None),
    ("Acme's revenue rose 6% last year.", "Globex's revenue fell 6% last year.", None),
    ("Ticket sales fell 4% from a year earlier.", "Ticket sales rose 4% from the previous quarter.", None),
    ("Ticket sales fell 4% in 2021.", "Ticket sales rose 4% in 2022.", None),
    ("Sales at the bakery rose 3% while costs fell 3%.", "Costs fell 3%.", None),
    # must not fire: the same change, the same way
    ("Rents climbed 6% from a year earlier.", "Rents rose 6% from a year earlier.", None),
    (CLOUD, "Orders at the cloud division fell about nine percent from the previous year.", None),
    # must not fire: a share, a level or a bound is not a change
    ("Renters make up 30% of the city's households.", "The number of renters fell 30%.", None),
    ("The number of renters fell 30%.", "Renters make up 30% of the city's households.", None),
    ("Inflation is now 4%, down from 9% in March.", "Inflation fell 9% since March.", None),
    ("Inflation is now 4%, down from 9% in March.", "Inflation was 9% in March.", None),
    ("The company cut its staff by 10%.", "The company cut 10% of its staff.", None),
    ("The charity raised $5 million in 2023.", "The charity lost $5 million in 2023.", None),
    # must not fire: a change that is not stated as such
    ("Sales could fall 7% next year.", "Sales will rise 7% next year.", None),
    ("Sales did not fall 7%.", "Sales rose 7%.", None),
    # must not fire: durations of different events, measures of other dimensions
    ("The ferry left 40 minutes late.", "The ferry crossing lasted 40 hours.", None),
    ("The plane departed 50 minutes late.", "The train arrived 50 hours late.", None),
    ("The trail is 12 miles long.", "The hike takes 12 hours.", None),
    ("The hearing lasted 90 minutes in 2019.", "The hearing lasted three hours in 2021.", None),
    # must not fire: ages of other people, of a group, or no age at all
    ("A woman in her fifties was arrested.", "A man in his thirties was arrested.", None),
    ("A woman in her fifties was arrested.", "A woman in her thirties won the lottery.", None),
    (VICTIM, "The driver was in her thirties.", None),
    ("Unemployment among people aged 18 to 24 rose.", "Unemployment among people aged 25 to 34 rose.", None),
    ("A woman in her fifties was arrested.", "The house was built in the 1950s.", None),
    # must not fire: unrelated sentences
    ("The weather in Lisbon was mild.", "A man in his forties was arrested.", None),
    ("The museum reopened after a renovation.", "Ticket sales fell 7%.", None),
    (FERRY, "The harbour was rebuilt after the storm.", None),
]

ORDER = {"contradicts": 2, "supports": 1, "neutral": 0}


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


def quantity_findings(nlp, source, statement):
    return [f for f in run_rules(source, statement, nlp=nlp) if f.rule == "quantities"]


def decisive(findings):
    """The strongest relation among the findings: contradicts over supports over neutral."""
    return max((f.relation for f in findings), key=ORDER.__getitem__, default=None)


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_quantity_changes(nlp, source, statement, expected):
    found = quantity_findings(nlp, source, statement)
    if expected is None:
        assert not [f for f in found if f.relation == "contradicts"], found
    else:
        assert decisive(found) == expected, found
        for f in found:
            for span, text in ((f.source_span, source), (f.statement_span, statement)):
                if span is not None:
                    assert text[span.start : span.end] == span.text and span.text


def test_table_is_balanced():
    firing = [c for c in CASES if c[2] is not None]
    quiet = [c for c in CASES if c[2] is None]
    assert len(quiet) >= len(firing)


def test_a_change_is_read_as_a_change_with_its_direction(nlp):
    (change,) = [q for q in extract(nlp(CLOUD)) if "nine" in q.text]
    assert (change.kind, change.direction, change.direction_word, change.thing) == ("percent-change", -1, "down",
                                                                                   "order")
    before, now = sorted(extract(nlp("Inflation is now 4%, down from 9% in March.")), key=lambda q: -q.start)
    assert (before.kind, before.direction) == ("percent", 0)  # "down from 9%": 9% is a level, not a change
    assert (now.kind, now.direction) == ("percent", 0)


def test_opposite_changes_contradict_like_other_figures(nlp):
    (finding,) = quantity_findings(nlp, CLOUD, CASES[0][1])
    assert finding.confidence == 0.9 and finding.blocks is None
    assert "rose" in finding.explanation and "down" in finding.explanation


def test_different_things_changing_block_support_only(nlp):
    (finding,) = quantity_findings(nlp, "Exports rose 5% last year.", "Imports fell 5% last year.")
    assert (finding.relation, finding.blocks) == ("neutral", "support")
    assert "exports" in finding.explanation.lower() and "imports" in finding.explanation.lower()


def test_another_unit_names_both(nlp):
    (finding,) = quantity_findings(nlp, FERRY, "The boat sailed about 40 hours late.")
    assert finding.confidence == 0.9 and "hours" in finding.explanation and "minutes" in finding.explanation
    (floor,) = quantity_findings(nlp, FERRY, "About 40 passengers were left behind.")
    assert floor.blocks == "support" and "passengers" in floor.explanation and "minutes" in floor.explanation


def test_an_age_within_the_decade_is_a_weaker_support(nlp):
    """Documented choice: "in her fifties" against "aged 57" or "in her late fifties" supports, less strongly
    than an age the statement's span contains ("57" against "in her fifties")."""
    (narrower,) = quantity_findings(nlp, "A teacher in her fifties was honoured.", "A teacher aged 57 was honoured.")
    (wider,) = quantity_findings(nlp, "A teacher aged 57 was honoured.", "A teacher in her fifties was honoured.")
    assert narrower.relation == wider.relation == "supports"
    assert narrower.confidence < wider.confidence


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("a woman in her fifties", 50, 60),
    ("a man in his 40s", 40, 50),
    ("a woman in her early twenties", 20, 24),
    ("a man in his late 60s", 66, 70),
    ("a 54-year-old woman", 54, 55),
    ("the woman, aged 54, was arrested", 54, 55),
    ("she died at the age of 54", 54, 55),
    ("a woman aged 54 and her husband were arrested", 54, 55),
])
def test_ages_are_spans_of_years(nlp, text, lo, hi):
    (age,) = extract(nlp(text))
    assert (age.kind, age.lo, age.hi) == ("age", lo, hi)

"""Figures given as ranges or open ends ("three to five", "10-15%", "between 10 and 15", "five or more", the
Lancet's "1·7"), and opposites that are no contradiction: both sides named, a subset picked out ("severe
cases"), a time ("late January"), comparatives about different subjects."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules


def relations(source, statement, rule):
    return {f.relation for f in run_rules(source, statement) if f.rule == rule}


OUTBREAKS = "Most home outbreaks involved three to five cases."
KILLED = "Ten to 15 soldiers were killed in the attack."
PRICES = "Prices rose 10-15% last year."
INJURED = "Five or more people were injured."
LANCET = "We estimated that 1·7 billion people have at least one underlying condition."

# (source, statement, whether the quantities rule contradicts)
FIGURES = [
    (OUTBREAKS, "Most home outbreaks involved seven cases.", True),
    (KILLED, "Twenty soldiers were killed in the attack.", True),
    ("Between 10 and 15 soldiers were killed in the attack.", "Thirty soldiers were killed in the attack.", True),
    (PRICES, "Prices rose 20% last year.", True),
    (INJURED, "Three people were injured.", True),
    # within the range, or the range's own ends: no contradiction
    (OUTBREAKS, "Most home outbreaks involved three cases.", False),
    (OUTBREAKS, "Most home outbreaks involved five cases.", False),
    (OUTBREAKS, "Home outbreaks involved three or more cases.", False),
    (KILLED, "Twelve soldiers were killed in the attack.", False),
    ("Between 10 and 15 soldiers were killed in the attack.", "Twelve soldiers were killed in the attack.", False),
    (PRICES, "Prices rose 12% last year.", False),
    (INJURED, "Seven people were injured.", False),
    ("The team won 3 to 1.", "The team won 2 to 1.", False),  # a score is no range
    (LANCET, "Roughly 1.7 billion people have at least one underlying condition.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), FIGURES)
def test_ranges_and_open_ends(source, statement, contradicts):
    assert ("contradicts" in relations(source, statement, "quantities")) == contradicts


def test_a_range_is_read_once_with_its_unit_and_a_lancet_decimal_is_one_figure():
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.quantities import extract

    (q,) = [q for q in extract(parse(PRICES)) if q.kind.startswith("percent")]
    assert (round(q.lo), round(q.hi), q.text) == (10, 15, "10-15%")
    assert [q.text for q in extract(parse(OUTBREAKS)) if q.kind.startswith("count")] == ["three to five"]
    assert "7 billion" not in relations(LANCET, "Roughly 7 billion people have at least one underlying condition.",
                                        "quantities")


# (source, statement, whether the antonyms rule contradicts)
OPPOSITES = [
    ("The risk of infection is higher for nurses.", "The risk of infection is lower for nurses.", True),
    ("Most cases were mild.", "Most cases were severe.", True),
    ("The quake was strong.", "The quake was weak.", True),
    ("Cocaine production remains at historically high levels.", "Cocaine production is at its lowest level.", True),
    # both sides named in both texts
    ("Pregnant women were more likely to be admitted than nonpregnant women.",
     "Pregnant women are admitted more often than nonpregnant women are.", False),
    # an adjective that picks out a subset, or a time
    ("Most reported cases were mild.", "Deaths were concentrated among severe cases.", False),
    ("The study tracked early transmission of the virus.", "Transmission was occurring in late January.", False),
    # comparatives about different subjects say the same thing from two sides
    ("The risk of severe disease is higher in older age groups.",
     "Children are at much lower risk of severe disease than older adults.", False),
    ("Older adults are at higher risk of death than younger people.",
     "Children are at lower risk of death than older adults.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), OPPOSITES)
def test_opposites_in_scope(source, statement, contradicts):
    assert ("contradicts" in relations(source, statement, "antonyms")) == contradicts


@pytest.mark.parametrize("table", [FIGURES, OPPOSITES])
def test_tables_are_balanced(table):
    fire = sum(c[2] for c in table)
    assert len(table) - fire >= fire

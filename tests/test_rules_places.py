"""A one-off act ("was born in", "died in", "originated in", "took place in") placed in another country, in a
capital of another country, or in another city of the same country ("Los Cabos, Mexico" against "Puerto Vallarta,
Mexico") contradicts, as does a named site (a hospital, a museum) placed in another town; places the tables cannot place, acts that recur, and other subjects are left alone. Invented."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    ("The ferry, which originated in Ensenada, Mexico, sank near the coast.",
     "The ferry had originated in Tijuana, Mexico.", True),
    ("The painter was born in Colombia in 1931.", "The painter was born in Venezuela.", True),
    ("The painter was born in Colombia in 1931.", "The painter was born in Caracas.", True),
    ("The conference took place in Lima last year.", "The conference took place in Quito last year.", True),
    # must not fire: the same place, a place inside it, a place the tables cannot place, another subject, a
    # recurring act, a hedge
    ("The painter was born in Colombia in 1931.", "The painter was born in Bogotá.", False),
    ("The painter was born in Colombia in 1931.", "The painter was born in Colombia.", False),
    ("The reporter was arrested in Peru.", "The reporter was arrested in Cusco.", False),
    ("The reporter was arrested in Peru.", "The activist was arrested in Chile.", False),
    ("Ministers met in Colombia.", "Ministers met in Peru.", False),
    ("Two soldiers were killed in Iraq.", "Two soldiers were killed in Syria.", False),  # may be two events
    ("The talks were held in Lima.", "The talks were held in Quito.", False),  # rounds of talks recur
    ("The painter may have been born in Colombia.", "The painter was born in Venezuela.", False),
    ("The ferry, which originated in Ensenada, Mexico, sank near the coast.",
     "The ferry had originated in Ensenada, Mexico.", False),
    # a named site (a hospital, a university, an airport) stands in one town
    ("She was treated at Saint Anne University Hospital in Brno, Czech Republic.",
     "She was treated at Saint Anne University Hospital in Prague.", True),
    ("The exhibition opened at the Rijks Museum in Amsterdam.", "The exhibition opened at the Rijks Museum in Berlin.",
     True),
    # must not fire: the same town, a hospital the statement does not name, another site, a town the tables cannot
    # place, a hedge
    ("She was treated at Saint Anne University Hospital in Brno, Czech Republic.",
     "She was treated at Saint Anne University Hospital in Brno.", False),
    ("She was treated at Saint Anne University Hospital in Brno, Czech Republic.",
     "She was treated at a hospital in Prague.", False),
    ("She was treated at Saint Anne University Hospital in Brno, Czech Republic.",
     "She was treated at Motol University Hospital in Prague.", False),
    ("The concert was held at Wembley Stadium in London.", "The concert was held at Wembley Stadium in Leeds.", False),
    ("The exhibition opened at the Rijks Museum in Amsterdam.",
     "The exhibition may have opened at the Rijks Museum in Berlin.", False),
]


@pytest.mark.parametrize(("source", "statement", "contradicts"), CASES)
def test_places(source, statement, contradicts):
    found = [f for f in run_rules(source, statement) if f.rule == "roles" and f.relation == "contradicts"]
    assert bool(found) == contradicts


def test_table_is_balanced():
    fire = sum(c[2] for c in CASES)
    assert len(CASES) - fire >= fire


@pytest.mark.parametrize(("statement", "swap"), [
    ("The ferry had originated in Tijuana, Mexico.", True),  # the source places the act: another place is no gap
    ("The painter was born in Caracas.", True),
    ("She was treated at Saint Anne University Hospital in Prague.", True),
    # must not excuse: a name outside the place, a place of a recurring act, a second unmentioned name
    ("Tijuana officials said the ferry sank.", False),
    ("Ministers from Chile met in Caracas.", False),
    ("The ferry, chartered by Orbix, had originated in Tijuana, Mexico.", False),
    ("Prague doctors said she was treated at Saint Anne University Hospital.", False),
])
def test_another_place_of_a_one_off_act_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    source = ["The ferry, which originated in Ensenada, Mexico, sank near the coast.",
              "The painter was born in Colombia in 1931.",
              "She was treated at Saint Anne University Hospital in Brno, Czech Republic."]
    findings = [f for s in source for f in run_rules(s, statement)]
    assert named_by_a_role(findings, parse(statement), source_names(source)) is swap

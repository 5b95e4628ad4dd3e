"""Table-driven tests of opposites said by an adjective that heads its own clause ("made the walls thinner", "the
more they ate, the thicker their walls became"), of directions ("from the front" / "from behind") and of one
relative of either sex in the same role ("his grandson" / "my granddaughter"), also after a denied clause it is
coordinated with ("… isn't to everyone's taste but my granddaughter loaded it"). Written for this project from the
error kinds seen on development statements (tests/fixtures/dev/news_fresh.csv); no development sentence copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

CASES = [
    # must fire
    ("The survey found that the more coffee people drank, the thicker their bones became.",
     "The survey found that drinking more coffee made bones thinner.", True),
    ("Over the winter the ice on the lake became thicker.", "Over the winter the ice on the lake became thinner.",
     True),
    ("The dog attacked the postman from behind.", "The dog attacked the postman from the front.", True),
    ("My granddaughter set up the account for a joke.", "His grandson set up the account for a joke.", True),
    ("The front entrance was closed.", "The rear entrance was closed.", True),
    # a clause coordinated with its own subject, or set against the first by "but", is out of its "not"'s reach
    ("The song isn't to everyone's taste, but my son chose it for the wedding.",
     "Her daughter chose the song for the wedding.", True),
    ("The storm did not reach the coast, but the damage inland was severe.", "The damage inland was minor.", True),
    # must not fire: the adjective's clause is about something else
    ("The survey found that the more coffee people drank, the thicker their bones became.",
     "The survey found that drinking more tea made people thinner.", False),
    ("The ice on the lake became thicker.", "The fog over the hills became thinner.", False),
    # must not fire: both sides named, or relatives in different roles
    ("His son and daughter set up the account.", "His grandson set up the account.", False),
    ("Her mother died in 2010.", "Her father set up the account.", False),
    ("The couple's son ran the shop.", "The couple's daughter sold the shop.", False),
    # must not fire: one subject's acts joined by "or" share its "not"; a "not" that governs what is said
    ("The officials did not visit the site or describe the damage as severe.",
     "The officials described the damage as minor.", False),
    ("The report did not say that the damage was severe.", "The report said that the damage was minor.", False),
    # must not fire: directions of different things
    ("The dog attacked from behind the fence.", "The police stood at the front of the crowd.", False),
    ("The front page carried the story.", "The goalkeeper stayed back in the second half.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_opposites_in_their_own_clauses(nlp, source, statement, fires):
    found = rule_findings("antonyms", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


def test_the_explanation_names_what_both_describe(nlp):
    [finding] = rule_findings("antonyms", "Over the winter the ice on the lake became thicker.",
                              "Over the winter the ice on the lake became thinner.", nlp=nlp)
    assert "ice" in finding.explanation and "“thicker”" in finding.explanation and "“thinner”" in finding.explanation

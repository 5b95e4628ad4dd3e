"""Claims read with the sentence they lean on, and the rule fixes for issue #10 (roles, attribution, polarity)."""

from __future__ import annotations

import pytest

from factcheck.judge.judges import _premise, refers_back
from factcheck.judge.rules import run_rules
from factcheck.results import Claim

REFERS_BACK = [
    "The plan is credited with playing a role in weakening the Farc guerrilla group.",
    "This US-funded initiative was designed to combat drug trafficking organizations.",
    "However, this crucial partnership now appears more fragile than ever.",
    "Their relationship has been marked by frequent clashes since Trump’s return to the White House.",
    "Numerous projects have been canceled, and jobs lost.",
    "He denied the accusation in a statement on Monday.",
    "Petro has openly criticized these actions.",
]
STANDS_ALONE = [
    "Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024.",
    "The Trump administration’s decision to dismantle USAID has also impacted Colombia.",
    "Gustavo Petro was elected president of Colombia in 2022.",
    "It is raining in Bogota.",
    "Experts interviewed by BBC Mundo warn of significant repercussions for Colombia.",
    "The Farc demobilized in 2016 after years of conflict.",
    "President Petro is striving to achieve total peace in Colombia.",
]


@pytest.mark.parametrize("sentence", REFERS_BACK)
def test_refers_back(sentence):
    assert refers_back(sentence)


@pytest.mark.parametrize("sentence", STANDS_ALONE)
def test_stands_alone(sentence):
    assert not refers_back(sentence)


def claim(text):
    return Claim(id="1", text=text, sentence=text, doc_id="d", source="d.txt", start_char=0, end_char=len(text))


def test_premise_carries_the_previous_sentence_only_where_needed():
    before = "The deep-rooted alliance began in the early 2000s with Plan Colombia."
    plan = claim("The plan is credited with weakening the Farc.")
    assert _premise(plan, lambda c: before) == f"{before} {plan.text}"
    farc = claim("The Farc demobilized in 2016.")
    assert _premise(farc, lambda c: before) == farc.text
    assert _premise(plan, lambda c: None) == plan.text  # the first sentence of a document
    assert _premise(plan, None) == plan.text


TYRANNY = ("Petro has openly criticized these actions, calling them “acts of tyranny” and urging international "
           "prosecution against Trump.")
EXPERTS = ("Experts interviewed by BBC Mundo warn that the weakening of this alliance could have significant "
           "repercussions, potentially leaving both Colombia and the United States vulnerable while organized crime "
           "groups stand to benefit.")

# (source, statement, rule, relation expected from that rule; None = that rule must not contradict)
CASES = [
    (TYRANNY, "Trump urged international prosecution against Petro.", "roles", "contradicts"),
    (TYRANNY, "Petro praised Trump's military operations.", "polarity", "contradicts"),
    (EXPERTS, "Petro warned that organised crime groups could benefit from a weaker alliance.", "attribution",
     "contradicts"),
    (TYRANNY, "Petro urged international prosecution against Trump.", "roles", None),
    (TYRANNY, "Petro criticized Trump's military operations.", "polarity", None),
    (TYRANNY, "Petro praised the Colombian army.", "polarity", None),
    (EXPERTS, "Experts warned that organised crime groups could benefit from a weaker alliance.", "attribution", None),
    ("Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024.",
     "US aid to Colombia exceeded $400 million in 2024.", "roles", None),
]


@pytest.mark.parametrize(("source", "statement", "rule", "expected"), CASES)
def test_rule_cases(source, statement, rule, expected):
    relations = {f.relation for f in run_rules(source, statement) if f.rule == rule}
    if expected is None:
        assert "contradicts" not in relations
    else:
        assert expected in relations

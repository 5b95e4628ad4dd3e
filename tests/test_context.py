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


# --- a description in the source ("this US-funded initiative") matched with the name before it --------------------
PLAN = "The deep-rooted US-Colombia alliance began in the early 2000s with Plan Colombia."
FUNDED = "This US-funded initiative was designed to combat drug trafficking organizations."
FARC = "The talks stalled after the Farc walked out."


@pytest.mark.parametrize(("context", "source", "statement", "contradicts"), [
    (PLAN, FUNDED, "Plan Colombia was funded by the European Union.", True),
    (PLAN, FUNDED, "The European Union funded Plan Colombia.", True),
    # must not fire: no context, context naming something else, the same funder, or a target that is no description
    (None, FUNDED, "Plan Colombia was funded by the European Union.", False),
    (FARC, FUNDED, "Plan Colombia was funded by the European Union.", False),
    (PLAN, FUNDED, "Plan Colombia was funded by the United States.", False),
    (PLAN, "Congress funded initiatives against drug trafficking organizations.",
     "Plan Colombia was funded by the European Union.", False),
])
def test_roles_read_a_description_with_the_sentence_before(context, source, statement, contradicts):
    found = [f for f in run_rules(source, statement, context=context) if f.rule == "roles" and f.relation == "contradicts"]
    assert bool(found) is contradicts


@pytest.mark.parametrize(("statement", "swap"), [
    ("Plan Colombia was funded by the European Union.", True),  # one funder: naming another is a contradiction
    ("Brazil funded Plan Colombia.", True),
    # must not excuse: acts many can do, a second unmentioned name, a name outside the swapped role
    ("Venezuela accused Petro of encouraging drug production.", False),
    ("Venezuela has received substantial US military aid.", False),
    ("Plan Colombia was funded by the European Union and praised by Brazil.", False),
    ("Brazil said Plan Colombia was funded by Colombia.", False),
])
def test_unmentioned_author_of_a_sole_author_act_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    source = [PLAN, FUNDED, "Trump accused Petro of encouraging drug production.",
              "Colombia has received substantial US military aid annually."]
    findings = [f for s in source for f in run_rules(s, statement, context=PLAN if s == FUNDED else None)]
    assert named_by_a_role(findings, parse(statement), source_names(source)) is swap


def test_a_sentence_that_refers_back_is_scored_with_its_antecedent(fake_embedder):
    from factcheck.checker import Checker
    from tests.conftest import FakeNLI

    checker = Checker.from_texts({"a.txt": f"{PLAN} {FUNDED}"},
                                 embedder=fake_embedder, nli=FakeNLI())
    vec = fake_embedder.encode(["Plan Colombia was funded by the United States."])
    [hits] = checker.index.search(vec, 1)
    assert hits[0].claim.sentence == PLAN  # the description's sentence is not among the top hits on its own …
    [read] = checker._read_on(vec, [hits])
    follower = [h for h in read if h.claim.sentence == FUNDED]
    assert follower and follower[0].similarity > 0  # … but follows its antecedent in, scored as read after it


def test_a_claim_read_after_a_sentence_that_contradicts_the_statement_cannot_support_it():
    from factcheck.judge.judges import _contradicted_before

    before = ("The three soldiers went missing after a trip to a mall and are not viewed as a security threat, a "
              "spokesman said.")
    found = _contradicted_before(before, "A spokesman said the soldiers were viewed as a security threat.")
    assert found and all(f.relation == "neutral" and f.blocks == "support" for f in found)
    assert all(f.source_span is None for f in found)  # its offsets are in the sentence before, not in the claim
    assert "sentence before it" in found[0].explanation
    assert not _contradicted_before(before, "A spokesman said the soldiers were not viewed as a security threat.")
    assert not _contradicted_before(before, "The men were not armed during their training.")

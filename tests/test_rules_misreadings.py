"""Table-driven tests of stop 34's readings (issue #10, kinds 3, 4, 5 and 6), each written from an error kind of the
worked-on statements and tested on sentences invented for this project: a figure misread by a power of a thousand
where the two sentences share few words; how a thing goes said by an adjective against a verb ("resurgent attacks"
against "attacks subside"); a year the source sentence does not give; the order of two events in a sentence the
parser reads without a verb; a thing placed at sea when the parser takes the subject for a verb; a one-off act
(dismantling an agency) given to an author the document never names; a country's noun in another affair."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.judge.rules import run_rules

AID = "Despite reduced funding in recent years, US aid to Peru remains significant, exceeding $300 million in 2023."

# (source, statement, whether quantities contradicts with "the same digits")
SCALES = [
    (AID, "American assistance to Peru in 2023 amounted to less than $300,000.", True),
    (AID, "Washington's assistance to Peru reached $300 billion in 2023.", True),
    # must not fire: the very figure, another year, no word in common, two candidate figures, another kind
    (AID, "American assistance to Peru in 2023 amounted to more than $300 million.", False),
    (AID, "American assistance to Peru in 2019 amounted to less than $300,000.", False),
    (AID, "A charity spent $300,000 on school meals in Lima.", False),
    ("The fund paid $300 million to Peru and $300 billion to Chile in 2023.",
     "American assistance to Peru in 2023 amounted to $300,000.", False),
    (AID, "Some 300,000 people in Peru received American assistance in 2023.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), SCALES)
def test_a_figure_misread_by_a_power_of_a_thousand(source, statement, fires):
    found = [f for f in rule_findings("quantities", source, statement, "contradicts") if "same digits" in f.explanation]
    assert bool(found) is fires, found


ATTACKS = "The president seeks peace, a goal threatened by resurgent attacks from armed groups."
# (source, statement, whether antonyms contradicts)
DIRECTIONS = [
    (ATTACKS, "The president has seen attacks by armed groups recently subside.", True),
    (ATTACKS, "Attacks by armed groups have abated.", True),
    (AID, "US aid to Peru topped $300 million in 2023, following years of rising funding.", True),
    # must not fire: a negation, another subject, two verbs (the polarity rule's), a kind picked out, a verb with an
    # object
    (ATTACKS, "Attacks by armed groups have not subsided.", False),
    (ATTACKS, "Street protests in the capital have recently subsided.", False),
    ("Attacks by armed groups rose last year.", "Attacks by armed groups fell last year.", False),
    ("Severe cases were rare in the trial.", "Mild cases subsided in the trial.", False),
    (AID, "Congress reduced the funding for Peru in 2023.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), DIRECTIONS)
def test_how_a_thing_goes_said_by_an_adjective_and_by_a_verb(source, statement, fires):
    found = rule_findings("antonyms", source, statement, "contradicts")
    assert bool(found) is fires, found


FARC = "The plan is credited with weakening the rebel group, which demobilized in 2016 after years of conflict."
# (source, statement, whether the dates rule keeps the sentence from supporting an unconfirmed year)
YEARS = [
    (FARC, "The plan officially came to an end in 2015, a year before the rebels demobilised.", True),
    (FARC, "The rebel group was weakened by the plan, launched in 1999.", True),
    # must not block: the year the sentence gives, a year inside its decade, an open end, a day without a year, a
    # sentence that gives no year for a statement without one
    (FARC, "The rebel group, weakened by the plan, demobilised in 2016.", False),
    ("The alliance began in the early 2000s with the plan.", "The plan began in 2001.", False),
    (FARC, "The rebels have been disarmed since 2010.", False),
    (FARC, "The rebel group demobilized on November 24.", False),
    (FARC, "The plan weakened the rebel group.", False),
]


@pytest.mark.parametrize(("source", "statement", "blocks"), YEARS)
def test_a_year_the_sentence_does_not_give_keeps_it_from_supporting(source, statement, blocks):
    found = [f for f in rule_findings("dates", source, statement) if f.blocks == "support"
             and "gives no date" in f.explanation]
    assert bool(found) is blocks, found


def test_a_year_the_sentence_before_gives_is_not_unconfirmed():
    context = "The alliance began in 1999 with the plan."
    statement = "The plan, which began in 1999, weakened the rebel group."
    assert not [f for f in run_rules(FARC, statement, context=context) if "gives no date" in f.explanation]


def test_a_year_another_sentence_of_the_document_gives_no_longer_blocks():
    from factcheck.judge.rules.dates import settle_dates
    from factcheck.results import Evidence

    statement = "US aid to Peru topped $300 million in 2023, following years of rising funding."
    other = "Peru is a major recipient of US programmes."

    def item(sentence, source="a.txt"):
        ev = Evidence(claim=sentence, sentence=sentence, source=source, start_char=0, end_char=len(sentence),
                      similarity=0.6, relation="neutral", probabilities={"entailment": 0.1, "neutral": 0.8, "contradiction": 0.1})
        ev.findings = run_rules(sentence, statement)
        return ev

    given, undated, elsewhere = item(AID), item(other), item(other, source="b.txt")
    alone = item(other, source="c.txt")
    settle_dates([given, undated, elsewhere])
    settle_dates([alone])
    blocked = [f for f in undated.findings if f.rule == "dates" and f.blocks == "support"]
    assert not blocked and any("another sentence" in f.explanation for f in undated.findings)
    # another document's sentence, or no sentence giving it: still blocked
    assert [f for f in elsewhere.findings if f.rule == "dates" and f.blocks == "support"]
    assert [f for f in alone.findings if f.rule == "dates" and f.blocks == "support"]


CONTEXT = "Ministers accused Acme Corp of fraud, and the regulator suspended payments to Acme Corp."
# (source sentence after CONTEXT, statement the parser reads without a verb, whether the order contradicts)
ORDERS = [
    ("This move followed Acme's complaints about the audit.",
     "The regulator suspended payments to Acme before Acme complained about the audit.", True),
    ("This move followed Acme's complaints about the audit.",
     "The regulator suspended payments to Acme after Acme complained about the audit.", False),
    ("This move followed Acme's complaints about the audit.",
     "The regulator suspended payments to Acme after the audit.", False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), ORDERS)
def test_the_order_of_events_in_a_sentence_read_without_a_verb(source, statement, fires):
    found = [f for f in run_rules(source, statement, context=CONTEXT) if f.rule == "dates"
             and f.relation == "contradicts"]
    assert bool(found) is fires, found


STRIKES = ("The move followed accusations that officials had violated national sovereignty during military strikes "
           "against alleged drug vessels in the Caribbean.")
FORCES = "The initiative was designed to combat drug trafficking and bolster Peru's security forces."
# (source, statement, whether roles contradicts)
ROLES = [
    # the subject's head read as a verb ("The US military strikes … took place")
    (STRIKES, "The US military strikes that officials linked to a fisherman's death took place in the Pacific Ocean.",
     True),
    ("US officials had been involved in the death of a Peruvian journalist.",
     "The minister accused Chilean officials of involvement in a Peruvian journalist's death.", True),
    # must not fire: another act; the same country; two forces in two affairs
    (STRIKES, "The US military strikes that officials linked to a fisherman's death took place in the Atlantic.",
     False),
    ("US officials had been involved in the death of a Peruvian journalist.",
     "The minister accused American officials of involvement in a Peruvian journalist's death.", False),
    (FORCES, "In Caribbean waters, American forces are conducting an ongoing offensive against drug traffickers.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), ROLES)
def test_places_and_countries_of_one_affair(source, statement, fires):
    assert bool(rule_findings("roles", source, statement, "contradicts")) is fires


@pytest.mark.parametrize(("statement", "swap"), [
    # an agency is dismantled once, by one government: another author the document never names is a swap
    ("The agency, a major source of aid for Peru, was dismantled by the Biden administration.", True),
    ("The Biden administration dismantled the agency, a major source of aid for Peru.", True),
    # must not excuse: an act many can do, the unmentioned name in another role, a name the swap does not cover
    ("The Biden administration criticised the agency, a major source of aid for Peru.", False),
    ("The agency, praised by the Biden administration, was dismantled by the Trump administration.", False),
    ("The agency was dismantled by the Biden administration after a Senate vote led by Mitch McConnell.", False),
])
def test_an_unmentioned_author_of_a_one_off_act_is_a_swap_not_a_gap(statement, swap):
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules.coverage import named_by_a_role, source_names

    source = ("The Trump administration's decision to dismantle the agency, a key provider of development aid, has "
              "also hit Peru.")
    findings = run_rules(source, statement)
    assert named_by_a_role(findings, parse(statement), source_names([source])) is swap


def test_tables_are_balanced():
    for table in (SCALES, DIRECTIONS, YEARS, ORDERS, ROLES):
        assert sum(not c[2] for c in table) >= sum(c[2] for c in table)


@pytest.mark.parametrize("statement", ["The deal was signed in march 2015.", "The deal was signed in MAY 2015."])
def test_a_month_in_any_case_is_read(statement):
    # the date pattern ignores case; the month's number is looked up whatever its case
    found = rule_findings("dates", "The deal was signed in March 2015.", statement)
    assert [f.relation for f in found] == ["supports"] if "march" in statement else ["contradicts"], found


def test_a_year_the_document_gives_anywhere_no_longer_blocks():
    from factcheck.judge.rules.coverage import source_names
    from factcheck.judge.rules.dates import settle_dates
    from factcheck.results import Evidence

    statement = "US aid to Peru topped $300 million in 2023, following years of rising funding."
    other = "Peru is a major recipient of US programmes."
    documents = {"a.txt": source_names([other, "The 2023 budget was signed in March."]),
                 "b.txt": source_names([other, "The 2022 budget was signed in March."]),
                 "c.txt": source_names([other, "Spending rose through the 2020s."])}

    def item(source):
        ev = Evidence(claim=other, sentence=other, source=source, start_char=0, end_char=len(other), similarity=0.6,
                      relation="neutral", probabilities={"entailment": 0.1, "neutral": 0.8, "contradiction": 0.1})
        ev.findings = run_rules(other, statement)
        return ev

    def blocked(ev):
        return [f for f in ev.findings if f.rule == "dates" and f.blocks == "support"]

    gives, another_year, decade_only = item("a.txt"), item("b.txt"), item("c.txt")
    assert blocked(gives) and blocked(another_year) and blocked(decade_only)
    for ev in (gives, another_year, decade_only):
        settle_dates([ev], lambda e: documents[e.source])
    assert not blocked(gives)  # a sentence the retrieval did not bring gives the year
    assert blocked(another_year)  # the document gives another year only
    assert blocked(decade_only)  # "the 2020s" does not give 2023


def test_a_decade_of_the_statement_is_given_by_any_of_its_years():
    from factcheck.judge.rules.coverage import source_names
    from factcheck.judge.rules.dates import _gives_year

    words = source_names(["The plan began in 1999."])
    assert _gives_year(words, "the 1990s") and _gives_year(words, "1999")
    assert not _gives_year(words, "2000") and not _gives_year(words, "the 1980s")

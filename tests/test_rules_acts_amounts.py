"""Table-driven tests, written for this project from error kinds of the worked-on seed statements (issue 10): one act
named by several verbs ("bankrolled", "paid for", "financed" are funding) with who did it compared, also where the
source describes the thing ("this Acme-funded project") named the sentence before; a name the source never mentions
that holds an office the source gives to someone else; how many and how much ("numerous stalls" against "a handful
of stalls", "substantial grants" against "token amounts"); a steep fall against a level the source calls high
("remains at historically high levels" against "has fallen sharply"); aid and funding as one thing going up or down; and the
country of whoever carries out an act named by a noun ("Egyptian forces launched the raids" against "Israeli
raids"). No development sentence is copied; every table has at least as many must-not-fire rows as must-fire rows."""

from __future__ import annotations

import pytest
from conftest import assert_decides

from factcheck.judge.rules import run_rules

LIBRARY_BEFORE = "The city opened the Riverside Library in 2019."
ACME_PROJECT = "This Acme-funded project cost $4 million."

# (sentence before or None, source, statement, decisive relation of the roles rule; None = neither)
SAME_ACT = [
    # must fire: a synonym of the act by the same doer agrees; by another doer it contradicts
    (None, "Acme Corp financed the Riverside Library.", "The Riverside Library was paid for by Acme Corp.",
     "supports"),
    (LIBRARY_BEFORE, ACME_PROJECT, "Acme bankrolled the Riverside Library.", "supports"),
    (None, "The Riverside Library was financed by the Hartley Foundation.",
     "The Riverside Library was paid for by the Mercer Trust.", "contradicts"),
    (None, "The Acme-funded programme trains nurses.", "It was a programme paid for by Zenith Bank.", "contradicts"),
    (LIBRARY_BEFORE, ACME_PROJECT, "Zenith Bank bankrolled the Riverside Library.", "contradicts"),
    # must not fire: another thing paid for, "paid" without "for", more said than the source gives about a thing
    # it only describes, a denied or hedged act
    (None, "Acme Corp financed the Riverside Library.", "Acme Corp paid for the mayor's trip.", None),
    (None, "Acme Corp financed the Riverside Library.", "Acme Corp paid the Riverside Library staff.", None),
    (LIBRARY_BEFORE, ACME_PROJECT, "Acme bankrolled the Riverside Library to win votes.", None),
    (None, "Acme Corp financed the Riverside Library.", "Acme Corp never paid for the Riverside Library.", None),
    (None, "Acme Corp financed the Riverside Library.", "Acme Corp may have paid for the Riverside Library.", None),
]


@pytest.mark.parametrize(("before", "source", "statement", "expected"), SAME_ACT)
def test_one_act_named_by_several_verbs(nlp, before, source, statement, expected):
    found = [f for f in run_rules(source, statement, context=before, nlp=nlp) if f.rule == "roles"]
    if expected is None:
        assert not [f for f in found if f.relation in {"contradicts", "supports"}], found
    else:
        assert_decides(found, expected)


def test_agreeing_act_with_nothing_else_said_blocks_contradiction(nlp):
    found = [f for f in run_rules(ACME_PROJECT, "Acme bankrolled the Riverside Library.", context=LIBRARY_BEFORE,
                                  nlp=nlp) if f.rule == "roles"]
    assert [f.blocks for f in found] == ["contradiction"]
    assert "the source's “Acme … project”" in found[0].explanation


# (statement, characters to look at, whether they name the holder of an office one person holds)
SOLE_OFFICES = [
    ("The chairman of Acme Corp is John Smith.", "chairman of Acme Corp is John Smith", True),
    ("Peru's president is Maria Lopez.", "president is Maria Lopez", True),
    ("Peru's president accused Maria Lopez of fraud.", "Peru's president", False),
    ("The treasurer of Acme Corp is John Smith.", "treasurer of Acme Corp is John Smith", False),
    ("Former Acme Corp chairman John Smith resigned.", "chairman John Smith", False),
    ("Maria Lopez praised Peru's president.", "Maria Lopez", False),
]


@pytest.mark.parametrize(("statement", "part", "expected"), SOLE_OFFICES)
def test_holder_of_a_sole_office(nlp, statement, part, expected):
    from factcheck.judge.rules.roles import names_a_sole_office

    start = statement.index(part)
    assert names_a_sole_office(nlp(statement), start, start + len(part)) is expected


# (source, statement, decisive relation of the antonyms rule; None = it must not contradict)
AMOUNTS = [
    # must fire: few against many of the same things in the same act, a token amount against a substantial one
    ("Numerous stalls were closed after the flood.", "Only a handful of stalls were closed after the flood.",
     "contradicts"),
    ("Few stalls were closed after the flood.", "Many stalls were closed after the flood.", "contradicts"),
    ("A couple of stalls were closed after the flood.", "Numerous stalls were closed after the flood.",
     "contradicts"),
    ("The clinic has long received substantial grants from the province.",
     "The clinic has long received only token amounts of grants from the province.", "contradicts"),
    # must not fire: "quite a few" is many, another act, "the couple" is two people, other things, the same words
    ("Numerous stalls were closed after the flood.", "Quite a few stalls were closed after the flood.", None),
    ("Many stalls were inspected after the flood.", "Few stalls were closed after the flood.", None),
    ("Many residents were evacuated.", "The couple were evacuated.", None),
    ("Numerous stalls were closed after the flood.", "A couple of vans were towed after the flood.", None),
    ("The clinic has long received substantial grants from the province.",
     "The clinic has received token praise from the minister.", None),
    ("Numerous stalls were closed after the flood.", "Numerous stalls were closed after the flood.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), AMOUNTS)
def test_how_many_and_how_much(nlp, source, statement, expected):
    found = [f for f in run_rules(source, statement, nlp=nlp) if f.rule == "antonyms"]
    assert_decides(found, expected)


# (source, statement, decisive relation of the polarity rule; None = it must not contradict)
AID_AND_FUNDING = [
    # must fire: aid and funding are one thing going up in one text and down in the other
    ("Funding for the museum was cut last year.", "State aid to the museum has risen.", "contradicts"),
    ("Funding for the port was reduced.", "Assistance to the port has grown.", "contradicts"),
    # must not fire: funding for another thing, another noun, aid going the same way
    ("Funding for the museum was cut last year.", "State aid to the zoo has risen.", None),
    ("Funding for the museum was cut last year.", "Visitors to the museum have risen.", None),
    ("Military aid was cut.", "Humanitarian funding rose.", None),
    ("Funding for the museum was cut last year.", "State aid to the museum was cut last year.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), AID_AND_FUNDING)
def test_aid_and_funding_are_one_thing(nlp, source, statement, expected):
    found = [f for f in run_rules(source, statement, nlp=nlp) if f.rule == "polarity"]
    assert_decides(found, expected)


RAIDS = "Residents described weeks of Israeli raids in the area."
# (statement, decisive relation of the roles rule against RAIDS; None = it must not contradict)
DOERS_COUNTRY = [
    # must fire: another country's forces carry out the act the source gives to one country
    ("Egyptian forces launched the raids.", "contradicts"),
    ("The raids were conducted by Egyptian troops.", "contradicts"),
    # must not fire: another verb than doing it, another act, both countries, the same country
    ("Egyptian officials reported the raids.", None),
    ("Egyptian forces launched an investigation.", None),
    ("Egyptian and Israeli forces conducted the raids jointly.", None),
    ("Israeli forces carried out the raids.", None),
]


@pytest.mark.parametrize(("statement", "expected"), DOERS_COUNTRY)
def test_country_of_who_carries_out_an_act(nlp, statement, expected):
    found = [f for f in run_rules(RAIDS, statement, nlp=nlp) if f.rule == "roles"]
    assert_decides(found, expected)


GRANTS = "The row led to the suspension of German grants to the Balkan country."
# (statement, decisive relation of the roles rule against GRANTS; None = it must not contradict)
OWN_COUNTRY = [
    # must fire: "its" stands for the country that does the act, which the source says is another's
    ("Serbia suspended its grants to Germany after the row.", "contradicts"),
    ("After the row, France froze its grants to Serbia.", "contradicts"),
    # must not fire: a verb of getting, the same country, a pronoun that stands for no country, no pronoun
    ("Serbia lost its grants after the row.", None),
    ("Germany suspended its grants to Serbia after the row.", None),
    ("The ministry suspended its grants after the row.", None),
    ("Serbia suspended grants after the row.", None),
]


@pytest.mark.parametrize(("statement", "expected"), OWN_COUNTRY)
def test_its_stands_for_the_country_that_acts(nlp, statement, expected):
    found = [f for f in run_rules(GRANTS, statement, nlp=nlp) if f.rule == "roles"]
    assert_decides(found, expected)


MYANMAR = "While the programme achieved notable successes, opium production in Myanmar remains at historically high levels."
UNEMPLOYMENT = "Unemployment in the region remains high, the report said."
# (source, statement, decisive relation of the antonyms rule; None = it must not contradict)
STEEP_FALLS = [
    # must fire: a steep fall of the very thing the source calls high
    (MYANMAR, "Opium production in Myanmar has fallen sharply.", "contradicts"),
    (UNEMPLOYMENT, "Unemployment in the region has plunged.", "contradicts"),
    ("Rice prices stayed at record levels through the winter.", "Rice prices dropped dramatically over the winter.",
     "contradicts"),
    # must not fire: another thing, a slight fall, a source that says both, a denied fall, a statement that says both
    (MYANMAR, "Coffee exports from Myanmar have fallen sharply.", None),
    (UNEMPLOYMENT, "Unemployment in the region has fallen slightly.", None),
    ("Shares fell sharply from their record high on Monday.", "Shares fell sharply on Monday.", None),
    (UNEMPLOYMENT, "Unemployment in the region has not fallen sharply.", None),
    ("Rice prices stayed at record levels through the winter.", "Rice prices remain high after they plunged in spring.",
     None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), STEEP_FALLS)
def test_steep_fall_against_a_high_level(nlp, source, statement, expected):
    found = [f for f in run_rules(source, statement, nlp=nlp) if f.rule == "antonyms"]
    assert_decides(found, expected)

"""Table-driven tests of counts of people in the quantities rule ("45,000 people" and "45,000 employees" are one
count; "1,231 men and women" counts people; data/person_nouns.txt, from WordNet), and of the roles rule: the
"subject" of a light-verb noun ("made the Sinai offer") is no doer, and naming another holder of an office one person
holds ("President Ana Ruiz of Peru" against "Peru's president is Luis Soto"), or another country for a noun ("US
officials" against "Peruvian officials"), contradicts. Written for this project
from the error kinds seen on development statements (tests/fixtures/dev/news_fresh.csv, seed_fresh.csv); no
development sentence is copied."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

from factcheck.judge.rules.lexicon import person_nouns

# (source sentence, statement, the decisive relation of the quantities rule; None = it must not contradict)
COUNTS = [
    # must fire: a count of people against a count of some people, either way
    ("Last year the bank hired 3,000 people.", "Last year the bank took on 3,000 new employees.", "supports"),
    ("Last year the bank hired 3,000 people.", "Last year the bank hired 5,000 employees.", "contradicts"),
    ("The trial enrolled 1,231 men and women from two cities.", "More than a thousand adults from two cities took "
     "part in the trial.", "supports"),
    ("The trial enrolled 1,231 men and women from two cities.", "Fewer than a thousand adults from two cities took "
     "part in the trial.", "contradicts"),
    ("Police arrested 120 people at the march.", "Police arrested 120 protesters at the march.", "supports"),
    # must fire: a coordination whose nouns have figures of their own counts each apart
    ("The firm employs 400 engineers and 300 nurses.", "The firm employs 400 nurses.", "contradicts"),
    ("Rescuers saved 40 people and 12 dogs.", "Rescuers saved 12 people.", "contradicts"),
    ("The survey asked 500 voters and 200 officials.", "The survey asked 200 voters.", "contradicts"),
    # must not fire: two kinds of people, people against things
    ("The hospital treated 200 patients last week.", "The hospital employed 300 nurses last week.", None),
    ("The trial enrolled 1,231 men and women from two cities.", "The trial drew on 900 clinics in two cities.", None),
    ("Last year the bank hired 3,000 people.", "Last year the bank opened 5,000 new accounts.", None),
    ("The league has 30 teams and 750 players.", "The league has 750 fans.", None),
    ("The museum welcomed 2,000 visitors last year.", "The museum bought 5,000 paintings last year.", None),
    ("The club has 300 members.", "The club has 30 horses.", None),
    ("Some 500 soldiers were deployed to the border.", "Some 50 vehicles were deployed to the border.", None),
    ("The school has 900 pupils.", "The school has 90 classrooms.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), COUNTS)
def test_counts_of_people(nlp, source, statement, expected):
    assert_decides(rule_findings("quantities", source, statement, nlp=nlp), expected)


def test_person_nouns_are_people_not_things():
    nouns = person_nouns()
    assert {"employee", "adult", "man", "woman", "people", "staff", "patient", "voter"} <= nouns
    assert not {"clinic", "company", "country", "dollar", "job", "team", "species"} & nouns


ROLES = [
    # must not fire: "made the Sinai offer" is a light verb and its noun, not the Sinai offering
    ("The president has offered the opposition leader a seat in the cabinet.",
     "The president made the cabinet offer to the opposition leader in 2014.", None),
    # must fire: a real doer swapped still contradicts
    ("The Reuters agency first reported the deal.", "The Bloomberg agency first reported the deal.", "contradicts"),
]


@pytest.mark.parametrize(("source", "statement", "expected"), ROLES)
def test_light_verb_noun_has_no_doer(nlp, source, statement, expected):
    assert_decides(rule_findings("roles", source, statement, nlp=nlp), expected)


HOLDERS = [
    # must fire: another person named as holder of an office one person holds
    ("Left-wing President Ana Ruiz of Peru met the envoy.", "Peru's left-wing president is Luis Soto.",
     "contradicts"),
    ("Apple chief executive Tim Cook said sales rose.", "Apple's chief executive is Satya Nadella.", "contradicts"),
    ("Prime Minister Keir Starmer of Britain met the king.", "Britain's prime minister is Rishi Sunak.",
     "contradicts"),
    # must not fire: the same person, a former holder, another country, an office of many, no owner named
    ("Left-wing President Ana Ruiz of Peru met the envoy.", "Peru's president is Ana Ruiz.", None),
    ("Former US President Donald Trump spoke on Monday.", "The US president is Joe Biden.", None),
    ("President Emmanuel Macron of France met Chancellor Olaf Scholz.", "Germany's president is Frank-Walter "
     "Steinmeier.", None),
    ("Senator Bernie Sanders of Vermont spoke on Monday.", "Vermont's senator is Peter Welch.", None),
    ("President Ana Ruiz spoke on Monday.", "The president is Luis Soto.", None),
    ("The deputy mayor of Lyon, Anne Dupont, resigned.", "The mayor of Lyon, Marc Roux, resigned.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), HOLDERS)
def test_office_holders(nlp, source, statement, expected):
    assert_decides(rule_findings("roles", source, statement, nlp=nlp), expected)


COUNTRIES = [
    # must fire: a noun the source gives one country, given another
    ("The minister blamed US officials for the death of a Peruvian journalist.",
     "The minister blamed Peruvian officials for the death of a Peruvian journalist.", "contradicts"),
    ("Talks broke down after British negotiators walked out.", "Talks broke down after French negotiators walked "
     "out.", "contradicts"),
    ("The court fined a Dutch bank for the leak.", "The court fined a German bank for the leak.", "contradicts"),
    ("Peruvian officials met US diplomats in Lima.", "US officials met Peruvian diplomats in Lima.", "contradicts"),
    # must not fire: the same country, both countries in the source, nouns the source gives no country, other nouns
    ("The minister blamed US officials for the death of a Peruvian journalist.",
     "The minister blamed American officials for the death of a Peruvian journalist.", None),
    ("US and Peruvian officials met in Lima on Monday.", "Peruvian officials met in Lima on Monday.", None),
    ("Officials met in Lima on Monday.", "Peruvian officials met in Lima on Monday.", None),
    ("A British tourist was injured in the attack.", "A French student was injured in the attack.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), COUNTRIES)
def test_other_country(nlp, source, statement, expected):
    assert_decides(rule_findings("roles", source, statement, nlp=nlp), expected)

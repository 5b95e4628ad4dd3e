"""Table-driven tests of the quantities rule on times of day ("about 9 a.m." is not "about 9 p.m."), proportions
"of every" ("80 of every 1,000" is 8%, not 80%), acts counted as things ("shared 59,000 times" counts shares), amounts
without a figure before a scale word ("a few million dollars" is 2 to 6 million; "several hundred million" 300 to
900 million, not 100 million), and ages of one person said by a kind word on one side ("a 9-year-old girl" wrote the
letter, "the pupil who wrote the letter"); and of the polarity rule on a passive's doer ("backed by several
governments" is the governments' act, not the subject's owner's). Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.ingest.nlp import parse
from factcheck.judge.rules.quantities import extract


def of_rule(rule: str, rows: list[tuple[str, str, bool]]) -> list[tuple[str, str, str, bool]]:
    """(source, statement, whether it contradicts) rows of one rule's table, with the rule named."""
    return [(source, statement, rule, contradicts) for source, statement, contradicts in rows]


POLICE = "The report says police arrived at the mayor's house at approximately 9 a.m., where the body was found."
SHARES = "As of 11 p.m. PST, the fake story had over 159,000 Facebook shares, along with over 39,000 likes."
AID = "Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024."
LETTER = "The letter was given to a primary school teacher by a 9-year-old girl after he came out to his class."
INTEL = "About 80% of US intelligence for drug seizures in the region comes from Colombia."

# (source sentence, statement, rule, whether it contradicts)
CASES = [
    # must fire
    (POLICE, "According to the report, police arrived at the mayor's house at about 9 p.m.", "quantities", True),
    ("The meeting began at 10.30am and ended at 2pm.", "The meeting ended at 10.30 p.m.", "quantities", True),
    (INTEL, "Roughly 80 of every 1,000 pieces of US intelligence for drug seizures in the region come from Colombia.",
     "quantities", True),
    (SHARES, "The fake story had been shared on Facebook roughly 59,000 times by 11 p.m. PST.", "quantities", True),
    ("The video has been viewed 2 million times.", "The video was viewed 20 million times.", "quantities", True),
    (AID, "US aid to Colombia in 2024 amounted to just a few million dollars.", "quantities", True),
    ("The company lost $40 million last year.", "The company lost a few million dollars last year.", "quantities",
     True),
    ("About 50 people marched in the capital.", "Several hundred people marched in the capital.", "quantities", True),
    (LETTER, "The pupil who wrote the letter was eleven years old.", "quantities", True),
    ("Petro has openly criticized the strikes.", "The strikes were backed by Petro.", "polarity", True),
    # must not fire
    (POLICE, "According to the report, police arrived at the mayor's house at 9 a.m.", "quantities", False),
    ("The meeting began at 10.30am and ended at 2pm.", "The meeting ended at 2 p.m.", "quantities", False),
    (SHARES, "The fake story had been shared on Facebook more than 159,000 times by 11 p.m. PST.", "quantities", False),
    ("The video has been viewed 2 million times.", "The video has 2 million views.", "quantities", False),
    ("He visited the country 12 times.", "He visited the country 12 times before the war.", "quantities", False),
    (AID, "US aid to Colombia in 2024 amounted to several hundred million dollars.", "quantities", False),
    ("The company lost $4 million last year.", "The company lost a few million dollars last year.", "quantities",
     False),
    ("About 500 people marched in the capital.", "Several hundred people marched in the capital.", "quantities", False),
    ("Four of every five workers at the plant are women.", "80 percent of the workers at the plant are women.",
     "quantities", False),
    (LETTER, "The teacher was eleven years old.", "quantities", False),
    ("A 25-year-old man was arrested after the attack.", "The victim of the attack was 30 years old.", "quantities",
     False),
    ("Petro has openly criticized these actions, urging international prosecution against Trump.",
     "Petro's call for Trump to be prosecuted has been backed by several Latin American governments.", "polarity",
     False),
]


# (source, statement): the statement's figure is the source's, read alike (a support, no block)
BACKED = [
    ("The meeting began at 10.30am and ended at 2pm.", "The meeting ended at 2 p.m."),
    ("The video has been viewed 2 million times.", "The video has 2 million views."),
    ("Four of every five workers at the plant are women.", "80 percent of the staff at the plant are women."),
]


@pytest.mark.parametrize(("source", "statement"), BACKED)
def test_backed(source, statement):
    assert rule_findings("quantities", source, statement, "supports")


# (sentence, kind, lo, hi) of the one figure read
READINGS = [
    ("Police arrived at 9 a.m.", "time of day", 540.0, 541.0),
    ("Police arrived at about 9.30pm.", "time of day", 1260.0, 1320.0),
    ("Police arrived by 11 p.m.", "time of day", 0.0, 1381.0),
    ("The party lost a few million dollars.", "money:USD", 2e6, 6e6),
    ("Several hundred people marched.", "count:people", 300.0, 900.0),
    ("The post was shared 500 times.", "count:share", 485.0, 515.0),
]


@pytest.mark.parametrize(("sentence", "kind", "lo", "hi"), READINGS)
def test_what_a_figure_is_read_as(sentence, kind, lo, hi):
    found = extract(parse(sentence))
    assert [(q.kind, round(q.lo), round(q.hi)) for q in found] == [(kind, round(lo), round(hi))]


def test_a_part_of_a_group_is_counted_in_any_subject():
    """Two subjects parsed for one predicate ("the care home in Ohio, 56% of those who tested positive had no
    symptoms"): the part's figure is read from either, so "9 (43%) had symptoms" is another part, not a denial."""
    from factcheck.judge.rules.polarity import _subject_figures

    doc = parse("In one of the towns where there has been wide testing, the care home in Ohio, 56% of those who "
                "tested positive had no symptoms when they got tested.")
    had = next(t for t in doc if t.lower_ == "had")
    assert "56" in _subject_figures(had)


# (source, statement, whether the quantities rule contradicts): a count is compared only with what it is of
PLACED = of_rule("quantities", [
    ("The story had over 159,000 Facebook shares.", "The story had been shared roughly 59,000 times on Facebook.", True),
    ("About 2,000 US troops are deployed in the region.", "About 5,000 US troops are deployed in the region.", True),
    ("The story had over 159,000 Facebook shares.", "The story had been shared roughly 1,800 times on Twitter.", False),
    ("Last year, IBM hired 45,000 people.", "The charge IBM took covers only several thousand people.", False),
])



# (source, statement, whether the quantities rule contradicts): one unit said with "a" after a comparison word, and
# ordinals of one noun
ONE_AND_ORDINALS = of_rule("quantities", [
    ("The fighters are said to be barely a mile from the city.", "The fighters were about ten miles from the city.",
     True),
    ("The flight was delayed by about an hour.", "The flight was delayed by five hours.", True),
    ("A tradition holds that the seventh son of a family is doomed to turn into a werewolf.",
     "According to the tradition, it is a family's fifth son who is doomed to become a werewolf.", True),
    ("The church was built in the 12th century.", "The church was built in the 14th century.", True),
    ("The flight was delayed by about an hour.", "The flight was delayed by about 60 minutes.", False),
    ("The committee meets twice a week.", "The committee meets twice a week, on Mondays and Thursdays.", False),
    ("The car was going 60 miles an hour.", "The car was going 60 miles per hour.", False),
    ("A tradition holds that the seventh son of a family is doomed to turn into a werewolf.",
     "According to the tradition, the seventh son of a family is doomed to become a werewolf.", False),
    ("The church was built in the 12th century.", "The church was built in the 12th century by monks.", False),
    ("The First Amendment protects free speech.", "The Second Amendment protects free speech.", False),
    ("Her second son was born in Paris.", "Her first husband was born in Paris.", False),
])



def test_no_count_in_an_ordinal():
    """"the 13th birthday" counts no birthdays, "the 12th century" no centuries."""
    kinds = [q.kind for q in extract(parse("He changed after his 13th birthday, early in the 12th century."))]
    assert kinds == ["ordinal:birthday", "ordinal:century"]


# (source, statement, rule, whether it contradicts): a cleft's denied alternative ("it was Burton, not Manson, who
# called off the wedding"), a doer borrowed from a joined clause, and a speech verb made an act by its particle
# ("called off" cancels, it says nothing)
CLEFTS = [
    ("Manson called off the prison wedding.", "It was Burton, not Manson, who called off the prison wedding.",
     "polarity", True),
    ("Manson was angry about the idea and called off the wedding.",
     "It was Burton, not Manson, who called off the wedding.", "polarity", True),
    ("The board sacked the manager.", "It was the director, not the manager, who was sacked by the board.", "polarity",
     True),
    ("Petro called the strikes acts of tyranny.", "Trump called the strikes acts of tyranny.", "attribution", True),
    ("Burton called off the prison wedding.", "It was Burton, not Manson, who called off the prison wedding.",
     "polarity", False),
    ("Burton was displeased, and Manson called off the wedding.", "It was Manson, not Burton, who called off the wedding.",
     "polarity", False),
    ("Burton called off the prison wedding.", "It was Burton, not Manson, who called off the prison wedding.",
     "attribution", False),
    ("The army called up 300,000 reservists.", "The navy called up 300,000 reservists.", "attribution", False),
    ("The board sacked the director.", "It was the director, not the manager, who was sacked by the board.", "polarity",
     False),
]



# (source, statement, whether the polarity rule contradicts): a wish denied, read by what is wished
WISHES = of_rule("polarity", [
    ("The lawmaker said the government prefers chaos in the province as it does not want the crisis to come to an "
     "end.", "The lawmaker said the government wants the crisis in the province brought to a quick end.", True),
    ("The minister does not want the talks to fail.", "The minister wants the talks to fail.", True),
    ("The minister does not want the talks to fail.", "The minister wants the talks to continue.", False),
    ("The union wants the strike to end.", "The union wants the strike to end quickly.", False),
    # trying, also as "made an attempt": what is tried decides
    ("His relatives, too, tried to intervene on his behalf.", "Ravi's relatives made no attempt to intervene on his "
     "behalf.", True),
    ("His relatives did not try to intervene.", "Ravi's relatives made every effort to intervene.", True),
    ("The mayor made no attempt to hide the report.", "The mayor tried to publish the report.", False),
    ("His relatives, too, tried to intervene on his behalf.", "Ravi's relatives made an attempt to intervene on his "
     "behalf.", False),
])



# (source, statement, whether the roles rule contradicts): what a verb acts on in a water is placed there
WATERS = of_rule("roles", [
    ("Petro condemned US military strikes against alleged drug vessels in the Caribbean.",
     "The US military strikes that Petro denounced targeted suspected drug boats in the Pacific Ocean.", True),
    ("Petro condemned US military strikes against alleged drug vessels in the Caribbean.",
     "Petro also denounced US plans for oil drilling in the Pacific.", False),
    ("The navy sank three drug boats in the Caribbean.", "The navy held exercises in the Pacific.", False),
])



# (source, statement, whether the roles rule contradicts): "The European Union, not Washington, paid for …", which the
# small parser reads as a name described by "paid for", still names who paid
NO_VERB_BUT_ONE = of_rule("roles", [
    ("This US-funded initiative was designed to combat drug trafficking.",
     "The European Union, not Washington, paid for the initiative.", True),
    ("This US-funded initiative was designed to combat drug trafficking.",
     "Washington, not the European Union, paid for the initiative.", False),
    ("This US-funded initiative was designed to combat drug trafficking.",
     "The initiative, paid for by Washington, was designed to combat drug trafficking.", False),
])



# (source, statement, whether the antonyms rule contradicts): "modest" against "significant" (the opposites lexicon)
MODEST = of_rule("antonyms", [
    ("US aid to Colombia remains significant, exceeding $400 million in 2024.", "US aid to Colombia in 2024 was modest.",
     True),
    ("The firm reported modest growth in sales.", "The firm reported significant growth in sales.", True),
    ("The firm reported modest growth in sales.", "The firm reported significant losses in its bank unit.", False),
    ("The firm reported modest growth in sales.", "The firm reported modest but steady growth in sales.", False),
])



# (source, statement, whether the quantities rule contradicts): a fraction of one unit is a measure in that unit, and
# "20+" is over 20
FRACTIONS_OF_A_UNIT = of_rule("quantities", [
    ("The flight was delayed by half an hour.", "The flight was delayed by 90 minutes.", True),
    ("The station is a quarter of a mile from the beach.", "The station is two miles from the beach.", True),
    ("I was on hold for 20+ minutes for something so simple.", "He waited on hold for about five minutes.", True),
    ("The flight was delayed by 30 minutes.", "The flight was delayed by half an hour.", False),
    ("The meeting lasted an hour and a half.", "The meeting lasted 90 minutes.", False),
    ("I was on hold for 20+ minutes for something so simple.",
     "He spent more than a third of an hour on hold over a simple problem.", False),
    ("Half the staff left the firm.", "Half of the staff left the firm.", False),
])



def test_more_than_a_third_of_an_hour_is_backed_by_20_plus_minutes():
    assert rule_findings("quantities", "I was on hold for 20+ minutes for something so simple.",
                         "He spent more than a third of an hour on hold over a simple problem.", "supports")


ALL = CASES + PLACED + ONE_AND_ORDINALS + CLEFTS + WISHES + WATERS + NO_VERB_BUT_ONE + MODEST + FRACTIONS_OF_A_UNIT


@pytest.mark.parametrize(("source", "statement", "rule", "contradicts"), ALL)
def test_contradiction(source, statement, rule, contradicts):
    found = rule_findings(rule, source, statement, "contradicts")
    assert bool(found) is contradicts, found


def test_tables_are_balanced():
    assert sum(not c[3] for c in ALL) >= sum(c[3] for c in ALL)

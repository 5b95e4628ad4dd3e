"""Table-driven tests, written for this project from error kinds of the blind seed statements (issue 10): an opposite
denied without "not" ("anything but negligible" agrees with "significant"); figures bounded by a verb ("topped $400
million"); small vague shares ("a sliver") against percentages; changes of strength ("weakening the group" against
"the group grew stronger"), with a verb of becoming read through its comparative ("grew weaker" is no growth); and
"got along" against "clashes" when a pronoun stands for the names of the sentence before. No development sentence is
copied; every table has at least as many must-not-fire rows as must-fire rows."""

from __future__ import annotations

import pytest
from conftest import assert_decides, rule_findings

from factcheck.judge.rules import run_rules

# (source, statement, decisive relation of the antonyms rule; None = it neither contradicts nor supports)
DENIED_OPPOSITES = [
    # must fire: a plain opposite contradicts; a plainly denied opposite agrees with the source
    ("The damage to the bridge was severe.", "The damage to the bridge was minor.", "contradicts"),
    ("Public support for the levy remains significant.", "Public support for the levy is negligible.",
     "contradicts"),
    ("Public support for the levy remains significant.", "Public support for the levy is anything but negligible.",
     "supports"),
    ("The damage to the bridge was severe.", "The damage to the bridge was scarcely minor.", "supports"),
    ("The damage to the bridge was severe.", "The damage to the bridge was hardly minor.", "supports"),
    ("The damage to the bridge was severe.", "The damage to the bridge was not minor.", "supports"),
    # must not fire: a hedged or conditional denial, a denial of the source's own word, a denied source word,
    # another thing, a comparative, both sides in one text
    ("The damage to the bridge was severe.", "The damage to the bridge may not be minor.", None),
    ("The damage to the bridge was severe.", "If the damage to the bridge was not minor, it closed.", None),
    ("The damage to the bridge was minor.", "The damage to the bridge was anything but minor.", None),
    ("The damage to the bridge was not severe.", "The damage to the bridge was hardly minor.", None),
    ("The damage to the bridge was severe.", "The damage to the tunnel was far from minor.", None),
    ("The damage to the bridge was severe.", "The damage to the bridge was far more minor.", "contradicts"),
    ("Damage was severe in the north and minor in the south.", "Damage in the south was not minor.", None),
    ("The damage to the bridge was severe.", "The repair bill was by no means minor.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), DENIED_OPPOSITES)
def test_opposites_denied_by_a_phrase(nlp, source, statement, expected):
    found = rule_findings("antonyms", source, statement, nlp=nlp)
    if expected is None:
        assert not [f for f in found if f.relation in {"contradicts", "supports"}], found
    else:
        assert_decides(found, expected)


# (source, statement, decisive relation of the quantities rule; None = it must not contradict)
BOUNDS_AND_SHARES = [
    # must fire: a bound given by a verb, a sliver against a large share, a fraction against most
    ("Grants to the region exceeded $300 million in 2023.", "Grants to the region topped $300 million in 2023.",
     "supports"),
    ("Grants to the region were $250 million in 2023.", "Grants to the region topped $300 million in 2023.",
     "contradicts"),
    ("About 70% of the city's water comes from the river.", "Only a sliver of the city's water comes from the "
     "river.", "contradicts"),
    ("Some 90% of the firm's revenue came from one client.", "A fraction of the firm's revenue came from one "
     "client.", "contradicts"),
    # must not fire: the figure the verb bounds agrees, a small share agrees, another scale, no share in the source
    ("Grants to the region were $350 million in 2023.", "Grants to the region surpassed $300 million in 2023.",
     None),
    ("About 4% of the city's water comes from the river.", "Only a sliver of the city's water comes from the "
     "river.", None),
    ("Some 12% of the firm's revenue came from one client.", "A fraction of the firm's revenue came from one "
     "client.", None),
    ("The race was won by a fraction of a second.", "The race was won by 0.2 seconds.", None),
    ("The firm's revenue came mostly from one client.", "A tiny share of the firm's revenue came from one client.",
     None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), BOUNDS_AND_SHARES)
def test_bounds_and_small_shares(nlp, source, statement, expected):
    assert_decides(rule_findings("quantities", source, statement, nlp=nlp), expected)


# (source, statement, decisive relation of the polarity rule; None = it must not contradict)
STRENGTH = [
    # must fire: one named thing weakened in one text and grown stronger in the other; comparatives of becoming
    ("The raids are credited with weakening the Zeta cartel.", "The raids helped the Zeta cartel grow stronger.",
     "contradicts"),
    ("The crackdown weakened the Mara street gang.", "The Mara grew stronger during the crackdown.", "contradicts"),
    ("The storm grew weaker overnight.", "The storm grew stronger overnight.", "contradicts"),
    ("The storm grew bigger over the gulf.", "The storm shrank over the gulf.", "contradicts"),
    ("Conditions in the shelter deteriorated.", "Conditions in the shelter improved.", "contradicts"),
    # must not fire: other names, another part of one name, another dimension, no change, agreement, a denial
    ("The raids weakened the Zeta cartel.", "The Gulf cartel grew stronger.", None),
    ("The raids weakened the cartel's northern cell.", "The cartel's southern cell grew stronger.", None),
    ("The economy grew weaker last year.", "The economy grew last year.", None),
    ("The economy grew weaker last year.", "The economy shrank last year.", None),
    ("The storm grew tired of the coast.", "The storm weakened.", None),
    ("The raids weakened the Zeta cartel.", "The Zeta cartel grew weaker after the raids.", None),
    ("The raids weakened the Zeta cartel.", "The raids did not make the Zeta cartel stronger.", None),
]


@pytest.mark.parametrize(("source", "statement", "expected"), STRENGTH)
def test_changes_of_strength(nlp, source, statement, expected):
    assert_decides(rule_findings("polarity", source, statement, nlp=nlp), expected)


def test_becoming_is_explained_with_its_comparative(nlp):
    found = rule_findings("polarity", "The storm grew weaker overnight.", "The storm grew stronger overnight.",
                          nlp=nlp)
    assert [f.explanation for f in found if f.relation == "contradicts"] == [
        "the source says “grew weaker”; the statement says the opposite, “grew stronger” (about storm)"]


BEFORE = "Prime Minister Ana Ruiz and Governor Tom Vale met in Lisbon in March."
# (sentence before, source, statement, decisive relation of the antonyms rule; None = it must not contradict)
GETTING_ALONG = [
    # must fire: the pronoun stands for the two names of the sentence before
    (BEFORE, "Their relationship has been marked by frequent clashes.", "Ruiz and Vale have mostly gotten along.",
     "contradicts"),
    (BEFORE, "They have clashed repeatedly since then.", "Ruiz and Vale are on good terms.", "contradicts"),
    # must not fire: no sentence before, another name, a denied agreement, a denied clash
    (None, "Their relationship has been marked by frequent clashes.", "Ruiz and Vale have mostly gotten along.",
     None),
    (BEFORE, "Their relationship has been marked by frequent clashes.", "Ruiz and Pope have mostly gotten along.",
     None),
    (BEFORE, "Their relationship has been marked by frequent clashes.", "Ruiz and Vale never got along.", None),
    (BEFORE, "Their relationship has been marked by frequent clashes.", "Ruiz and Vale did not get along.", None),
    (BEFORE, "Their relationship has been marked by no clashes.", "Ruiz and Vale have mostly gotten along.", None),
]


@pytest.mark.parametrize(("before", "source", "statement", "expected"), GETTING_ALONG)
def test_getting_along_against_clashes(before, source, statement, expected):
    found = [f for f in run_rules(source, statement, context=before) if f.rule == "antonyms"]
    assert_decides(found, expected)


def test_a_denied_opposite_blocks_contradiction(nlp):
    """The finding takes its item out of contradiction (NLI reads "negligible" as the opposite of "significant"), not
    out of support."""
    from factcheck.judge.verdict_model import can_contradict, can_support
    from factcheck.results import Evidence

    found = rule_findings("antonyms", "Public support for the levy remains significant.",
                          "Public support for the levy is anything but negligible.", nlp=nlp)
    assert [(f.relation, f.blocks) for f in found] == [("supports", "contradiction")]
    item = Evidence(claim="c", sentence="s", source="doc.txt", start_char=0, end_char=1, similarity=0.8, relation="neutral",
                    probabilities={"entailment": 0.04, "neutral": 0.08, "contradiction": 0.88}, findings=found)
    assert can_support(item) and not can_contradict(item)

"""Tests for the edited-paraphrase family (factcheck.training.synth.edited_paraphrases): which entailed pairs it
starts from, and which edits keep the label of their family against the premise."""

from __future__ import annotations

import pytest

from factcheck.training.synth import edited_paraphrases as E


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


# (premise, hypothesis): the hypothesis adds nothing the premise lacks, so it can start the family
FAITHFUL = [
    ("United already has paid the city $34 million in penalties for not meeting the first round of targets.",
     "United has paid $34 million in penalties for failing to meet employment targets."),
    ("The council includes 13 Shiites, five Kurds, five Sunnis, one Christian and one Turkoman.",
     "There are five Kurds and five Sunnis on the council."),
    ("Repairs completed in the summer of 1847 after reaching Wilmington cost about 2,500.",
     "The repairs were finished in the summer of 1847."),
]
# ... and hypotheses with a detail of their own: a figure, a name or mostly words the premise never uses
UNFAITHFUL = [
    ("In that position, Elias will report to Joe Tucci, president and CEO of EMC.",
     "As executive vice president of new ventures, Elias will report to Joe Tucci, EMC's president."),
    ("Residents forced out of their homes on Sunday returned Monday, many to floods in their basements.",
     "Residents of 220 homes forced out of their houses Sunday returned Monday to flooded basements."),
    ("Blair's Foreign Secretary Jack Straw was to give a statement to parliament on Monday.",
     "Blair's office said Straw would brief parliament about the summit the prime minister attended."),
    ("The band toured in South America with Journey in March 2011.",
     "Critics praised the group's energetic performances across several crowded stadiums."),
]


@pytest.mark.parametrize("premise,hypothesis", FAITHFUL)
def test_faithful_pairs_start_the_family(premise, hypothesis):
    assert E.faithful(premise, hypothesis)


@pytest.mark.parametrize("premise,hypothesis", UNFAITHFUL)
def test_hypotheses_with_details_of_their_own_do_not(premise, hypothesis):
    assert not E.faithful(premise, hypothesis)


# (premise, hypothesis, edited hypothesis, transform): the edit has its family's label against the premise
GROUNDED = [
    ("United has paid the city $34 million in penalties.", "United paid $34 million in penalties.",
     "United paid $340 million in penalties.", "number_change"),
    ("The band toured South America with Journey in March 2011.", "The band toured with Journey in 2011.",
     "The band toured with Journey in 2014.", "date_change"),
    ("Deborah Pryce said Ohio Legal Services will receive a grant.", "Pryce said the grant goes to Ohio Legal Services.",
     "Pryce said the grant goes to Texas Legal Services.", "entity_swap"),
    ("It was like looking into a mirror, except infinitely more realistic.", "It was more realistic than a mirror.",
     "It was less realistic than a mirror.", "antonym"),
    ("Mayor Michael Bloomberg said the behaviour was a disgrace.", "Mayor Bloomberg said it was a disgrace.",
     "Mayor Bloomberg, along with Vaclav Havel, said it was a disgrace.", "unseen_entity"),
    ("The route opened as a National Trail in 1973.", "The route opened as a National Trail.",
     "The route did not open as a National Trail.", "negation"),
]
# ... and edits that do not: the replaced value is not the premise's, the new value is also the premise's, the
# opposed word is a detail the premise never gives, the "unseen" participant is named in the premise
UNGROUNDED = [
    ("United has paid the city millions in penalties.", "United paid $34 million in penalties.",
     "United paid $340 million in penalties.", "number_change"),
    ("The band toured with Journey in 2011 and again in 2014.", "The band toured with Journey in 2011.",
     "The band toured with Journey in 2014.", "date_change"),
    ("Ohio Legal Services and Texas Legal Services will receive grants.", "Ohio Legal Services gets a grant.",
     "Texas Legal Services gets a grant.", "entity_swap"),
    ("Thea's doctor gives the girl financial support.", "A small town girl gets financial support.",
     "A large town girl gets financial support.", "antonym"),
    ("Jane Langmuir and Michael Foale said water and heat combine.", "Jane Langmuir says water and heat combine.",
     "Jane Langmuir, along with Michael Foale, says water and heat combine.", "unseen_entity"),
    ("Residents returned Monday to floods in their basements.", "Residents returned to flooded lower floors.",
     "Residents returned to flooded higher floors.", "antonym"),
    ("Kuromi steals a dark item called Dokurobou.", "Kuromi steals the Dokurobou.",
     "The Dokurobou steals Kuromi and Mary.", "role_swap"),
]


@pytest.mark.parametrize("premise,hypothesis,edited,name", GROUNDED)
def test_grounded_edits_keep_their_label(nlp, premise, hypothesis, edited, name):
    assert E.grounded(nlp(premise), hypothesis, edited, name)


@pytest.mark.parametrize("premise,hypothesis,edited,name", UNGROUNDED)
def test_ungrounded_edits_are_dropped(nlp, premise, hypothesis, edited, name):
    assert not E.grounded(nlp(premise), hypothesis, edited, name)


def test_edit_pairs_make_contrastive_pairs(nlp):
    pairs = [{"premise": p, "hypothesis": h, "set": "test"} for p, h in FAITHFUL]
    out = E.edit_pairs(pairs, 3, seed=3, nlp=nlp)
    edited = [r for r in out if r["source"] != "synth:para_keep"]
    kept = [r for r in out if r["source"] == "synth:para_keep"]
    assert edited and len(kept) == len(edited)
    originals = {(p, h) for p, h in FAITHFUL}
    for r in edited:
        assert r["label"] == E.EDITS[r["source"].removeprefix("synth:para_")][1]
        assert not any(r["hypothesis"] == h for _, h in FAITHFUL)
    assert all((r["premise"], r["hypothesis"]) in originals and r["label"] == "entailment" for r in kept)
    assert E.edit_pairs(pairs, 3, seed=3, nlp=nlp) == out  # deterministic for a seed

"""Tests for the hard-case synthetic NLI families (factcheck.training.synth.hard_cases), the held-out split per
family, and the generator's rough edges fixed with them (scaled numbers, mistyped entities, role swaps)."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.judge.rules.lexicon import opposite_forms
from factcheck.training import synth as S
from factcheck.training.synth import core, numbers_dates
from factcheck.training.synth import hard_cases as H


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


CORPUS = [
    "Barack Obama accused Vladimir Putin of meddling in the election.",
    "Angela Merkel criticised Google for its tax practices.",
    "Emmanuel Macron visited Germany on Monday.",
    "Justin Trudeau met Xi Jinping in Beijing.",
    "Microsoft and Apple sued Samsung in Seoul.",
    "The company raised $400 million in 2016, according to Reuters.",
    "Russia deployed 12,000 soldiers to the border.",
    "About 75% of voters in Ohio supported the measure.",
    "The ministry suspended the programme on Monday.",
    "Prices declined sharply in March.",
    "The union welcomed the decision.",
    "Relations between the two countries were cordial.",
    "Only 20% of the staff attended the meeting.",
    "France and Peru signed the accord in Lima.",
]
PASSAGES = [
    "Angela Merkel visited Paris. She said the talks were useful.",
    "Apple reported record profits on Tuesday. It said sales of the iPhone rose 20%.",
    "The rebels seized the town in March. They said the army had fled.",
]


@pytest.fixture(scope="module")
def ctx(nlp):
    return S.SynthContext(entities=S.entity_pool(list(nlp.pipe(CORPUS))))


def run(name, nlp, ctx, text, seed=0):
    return S.TRANSFORMS[name](nlp(text), random.Random(seed), ctx)


def outputs(name, nlp, ctx, text, seeds=8):
    return {run(name, nlp, ctx, text, s) for s in range(seeds)}


def test_registry():
    assert set(core.HARD_CASES) <= set(S.TRANSFORMS)
    assert set(S.TRANSFORMS) == set(S.TRANSFORM_LABEL)
    assert {S.TRANSFORM_LABEL[n] for n in ("unseen_entity", "unit_change")} == {"neutral"}
    assert {S.TRANSFORM_LABEL[n] for n in ("nominalise", "vague_quantifier_entail", "with_context")} == {"entailment"}
    assert {S.TRANSFORM_LABEL[n] for n in ("contrary_predicate", "vague_quantifier")} == {"contradiction"}
    # the default mix (labels) stays on the base transforms; "hard_cases" names the new ones
    assert set(core._shares(None)) == set(core.BASE_TRANSFORMS)
    assert set(core._shares({"hard_cases": 1.0})) == set(core.HARD_CASES)
    for name in core.HARD_CASES:
        assert name in core.__doc__, name


# --------------------------------------------------------------------------- unseen_entity

def test_unseen_entity_adds_a_participant(nlp, ctx):
    p = "Barack Obama accused Vladimir Putin of meddling in the election."
    seen = outputs("unseen_entity", nlp, ctx, p) - {None}
    assert seen
    people = set(ctx.entities["PERSON"]) - {"Barack Obama", "Vladimir Putin"}
    for h in seen:
        m = re.fullmatch(r"Barack Obama(?: and (.+)|, along with (.+),) accused Vladimir Putin of meddling in the "
                         r"election\.|Barack Obama accused Vladimir Putin and (.+) of meddling in the election\.", h)
        assert m, h
        added = next(g for g in m.groups() if g)
        assert added in people, h
    for h in outputs("unseen_entity", nlp, ctx, "Prices rose sharply, reported the Independent.") - {None}:
        assert re.fullmatch(r"Prices rose sharply, reported the Independent(?:, along with| and) [^,]+\.", h), h
    h = run("unseen_entity", nlp, ctx, "Russia attacked Ukraine on Monday.")
    assert h is not None and ("Germany" in h or "France" in h or "Peru" in h)  # a country beside a country


def test_unseen_entity_not_applicable(nlp, ctx):
    for p in ("The senator did not attend the meeting in Paris.",  # negation: "not ... Y and Z" is entailed
              "Only Obama criticised Putin.",  # "only" excludes others
              "Angela Merkel criticised Google for its tax practices.",  # "its" would lose its referent
              "The weather was pleasant.",
              "Barack Obama won the election."):  # an exclusive slot
        assert outputs("unseen_entity", nlp, ctx, p) == {None}, p


def test_unseen_entity_never_mentioned_or_aliased(nlp):
    doc = nlp("Barack Obama met U.S. officials and the United Nations envoy in Bogotá.")
    for name in ("Obama", "Michelle Obama", "America", "the United States", "Colombia", "UN", "Bogotá"):
        assert H.mentions(doc, name), name
    for name in ("Angela Merkel", "Peru", "Google"):
        assert not H.mentions(doc, name), name
    assert H.mentions(nlp("The UN condemned the attack."), "United Nations")
    # a pool of aliases only: nothing can be added; one clean name: always that one
    p = "Colombia accused Venezuela of smuggling."
    aliased = S.SynthContext(entities={"GPE": ["Colombia", "Republic of Colombia", "Venezuela", "Bolivarian Republic of Venezuela"]})
    assert outputs("unseen_entity", nlp, aliased, p) == {None}
    clean = S.SynthContext(entities={"GPE": ["Colombia", "Republic of Colombia", "Venezuela", "Peru"]})
    for h in outputs("unseen_entity", nlp, clean, p) - {None}:
        assert "Peru" in h and h.count("Colombia") == 1 and h.count("Venezuela") == 1


# --------------------------------------------------------------------------- unit_change

def test_unit_change(nlp, ctx):
    assert outputs("unit_change", nlp, ctx, "Russia deployed 12,000 soldiers to the border.") <= {
        "Russia deployed $12,000 to the border.", "Russia deployed 12,000 dollars to the border."}
    for h in outputs("unit_change", nlp, ctx, "The company raised $400 million in 2016."):
        m = re.fullmatch(r"The company raised 400 million (\w+) in 2016\.", h)
        assert m and m.group(1) in H._THINGS, h
    assert run("unit_change", nlp, ctx, "The index rose 5% on Monday.") == "The index rose 5 points on Monday."
    assert run("unit_change", nlp, ctx, "Unemployment rose 2 percentage points.") == "Unemployment rose 2%."
    for p in ("He served 12 years in prison.", "About 80% of voters supported the measure.",
              "Unemployment stood at 5% in May.", "The weather was pleasant.",
              "The laptop has six USB 2.0 ports.",  # a version, not a count
              "Apple is likely to benefit from iPhone 6 sales.",  # the number names, it does not count
              "More than 300 men were evacuated.",  # "$300 were evacuated" is nonsense, not neutral
              "The watch was announced at a $350 price.", "Brent rose to $83.43 a barrel.",
              "She saved for two years for the $20,000 implant."):  # the sum modifies a noun
        assert outputs("unit_change", nlp, ctx, p) == {None}, p


def test_unit_change_keeps_the_number_never_the_unit(nlp, ctx):
    premises = ["Russia deployed 12,000 soldiers to the border.", "The deal is worth 400 million euros.",
                "The firm paid £3.5 billion for 200 stores.", "Shares fell 4% on Tuesday.",
                "Police arrested 45 protesters and seized $2m in cash."]
    for p in premises:
        units = set(re.findall(r"[$£€%]|\b(?:dollars|euros|soldiers|stores|protesters|points)\b", p))
        for h in outputs("unit_change", nlp, ctx, p) - {None}:
            assert sorted(re.findall(r"\d[\d,.]*\d|\d", h)) == sorted(re.findall(r"\d[\d,.]*\d|\d", p)), (p, h)
            new_units = set(re.findall(r"[$£€%]|\b(?:dollars|euros|soldiers|stores|protesters|points)\b", h))
            assert new_units != units, (p, h)
            assert S.TRANSFORM_LABEL["unit_change"] != "entailment"


# --------------------------------------------------------------------------- nominalise

def test_nominalise(nlp, ctx):
    cases = {
        "The ministry suspended the programme on Monday.":
            "There was a suspension of the programme by the ministry on Monday.",
        "Exports to China increased by 12% in 2019.": "There was an increase of 12% in exports to China in 2019.",
        "Only last year, the government banned the deal.": "There was a ban on the deal by the government.",
        "The board has approved the merger.": "There has been an approval of the merger by the board.",
        "Protests followed the suspension of payments to Greece.": "Payments to Greece were suspended.",
        "The police arrested three men in London last week.":
            "There was an arrest of three men by the police in London last week.",
    }
    for p, want in cases.items():
        assert outputs("nominalise", nlp, ctx, p) == {want}, p


def test_nominalise_only_where_the_event_took_place(nlp, ctx):
    for p in ("The ministry may suspend the programme.", "The ministry did not suspend the programme.",
              "The opposition demanded the suspension of payments to Greece.",  # not factive
              "If the ministry suspended the programme, protests would follow.",
              "He suspended it on Monday.", "The weather was pleasant.",
              "The overjoyed Croat fell flat on his back.",  # no figure: not a change of quantity
              "Johnston introduced Puyi to the telephone."):
        assert outputs("nominalise", nlp, ctx, p) == {None}, p


# --------------------------------------------------------------------------- contrary_predicate

def test_contrary_predicate(nlp, ctx):
    assert outputs("contrary_predicate", nlp, ctx, "Prices declined sharply in March.") == {"Prices rose sharply in March."}
    assert outputs("contrary_predicate", nlp, ctx, "Sales have declined by 10%.") == {"Sales have risen by 10%."}
    assert outputs("contrary_predicate", nlp, ctx, "The union welcomed the decision.") == {
        "The union condemned the decision.", "The union criticised the decision."}
    assert outputs("contrary_predicate", nlp, ctx, "The economy is growing quickly.") == {"The economy is shrinking quickly."}
    assert outputs("contrary_predicate", nlp, ctx, "Relations between the two countries were cordial.") == {
        "Relations between the two countries were strained.", "Relations between the two countries were tense."}
    assert run("contrary_predicate", nlp, ctx, "Welcome to the show, said the host.") is None
    assert outputs("contrary_predicate", nlp, ctx, "The series was criticized by fans for the redesigns.") == {
        "The series was applauded by fans for the redesigns."}  # "praised" is the antonym transform's
    for p in ("He declined to comment.", "She rose to power in 2010.", "The government did not welcome the decision.",
              "Prices may rise next year.", "The plan was approved by parliament.", "The weather was warm.",
              "In the past, the palm also grew here.", "The airline expanded into Asia."):
        assert outputs("contrary_predicate", nlp, ctx, p) == {None}, p


def test_contrary_predicate_leaves_antonym_swaps_alone(nlp, ctx):
    forms = opposite_forms()
    for p in ("Critics praised the film.", "Prices rose sharply.", "The union strengthened its position."):
        for h in outputs("contrary_predicate", nlp, ctx, p) - {None}:
            assert h != S.TRANSFORMS["antonym"](nlp(p), random.Random(0), ctx), (p, h)
            changed = [b for a, b in zip(p.split(), h.split()) if a != b]
            assert len(changed) == 1 and changed[0].lower() not in {forms.get(w.lower()) for w in p.split()}


# --------------------------------------------------------------------------- vague quantifiers

def test_vague_quantifier(nlp, ctx):
    assert outputs("vague_quantifier", nlp, ctx, "About 75% of voters in Ohio supported the measure.", 16) == {
        "Few voters in Ohio supported the measure.", "Almost no voters in Ohio supported the measure.",
        "A small minority of voters in Ohio supported the measure.",
        "Less than half of voters in Ohio supported the measure."}
    assert outputs("vague_quantifier_entail", nlp, ctx, "About 75% of voters in Ohio supported the measure.") == {
        "Most voters in Ohio supported the measure.", "More than half of voters in Ohio supported the measure."}
    assert "Most of the staff attended the meeting." in outputs(
        "vague_quantifier", nlp, ctx, "Only 20% of the staff attended the meeting.", 16)
    assert outputs("vague_quantifier_entail", nlp, ctx, "Only 20% of the staff attended the meeting.") == {
        "A minority of the staff attended the meeting.", "Less than half of the staff attended the meeting."}
    assert "Most children live in poverty." in outputs(  # agreement mended
        "vague_quantifier", nlp, ctx, "One in five children lives in poverty.", 16)
    assert "Most of the population live in cities." in outputs(
        "vague_quantifier_entail", nlp, ctx, "Three quarters of the population live in cities.")


def test_vague_quantifier_margins(nlp, ctx):
    for name in ("vague_quantifier", "vague_quantifier_entail"):
        for v in (36, 40, 50, 55, 64):
            assert outputs(name, nlp, ctx, f"About {v}% of voters supported the measure.", 4) == {None}, (name, v)
        for p in ("Half of the voters stayed home.", "Turnout rose to 80% of registered voters.",
                  "It had been used for a quarter of a century.", "In PPP, GDP is 84 percent of the EU's average.",
                  "The majority 90% of the population are farmers.",
                  "As a result, an estimated four out of five people do not receive it.",
                  "More than 20% of voters stayed home.",  # only a lower bound: could be 90%
                  "Less than 80% of voters stayed home."):  # only an upper bound: could be 10%
            assert outputs(name, nlp, ctx, p, 4) == {None}, (name, p)
    assert run("vague_quantifier", nlp, ctx, "More than 70% of voters stayed home.") is not None
    assert run("vague_quantifier_entail", nlp, ctx, "Less than 30% of voters stayed home.") is not None


# --------------------------------------------------------------------------- with_context

def test_with_context(nlp, ctx):
    assert outputs("with_context", nlp, ctx, PASSAGES[0]) == {"Angela Merkel said the talks were useful."}
    assert outputs("with_context", nlp, ctx, PASSAGES[1]) == {"Apple said sales of the iPhone rose 20%."}
    assert outputs("with_context", nlp, ctx, PASSAGES[2]) == {"The rebels said the army had fled."}
    for p in ("Angela Merkel met Vladimir Putin in Berlin. She said the talks were useful.",  # two candidates
              "The weather was bad. It was raining.",  # not a reference to anything
              "Google bought a company in 2014. The company makes thermostats.",  # "the company" is not Google
              "Pope Victor refused him the pallium. He always supported the reforms.",  # "He" may be "him"
              "Angela Merkel said the talks were useful."):  # one sentence
        assert outputs("with_context", nlp, ctx, p) == {None}, p


# --------------------------------------------------------------------------- driver, mix, held-out split

def test_generate_pairs_with_hard_cases(nlp):
    names = [n for n in core.HARD_CASES]
    kw = dict(n=24, seed=5, mix=dict.fromkeys(names, 1.0), nlp=nlp, passages=PASSAGES)
    a = S.generate_pairs(CORPUS, **kw)
    assert a == S.generate_pairs(CORPUS, **kw)  # deterministic for a seed
    assert a and len(a) <= 24
    sources = {p["source"] for p in a}
    assert sources <= {f"synth:{n}" for n in names}
    assert {"synth:with_context", "synth:unit_change", "synth:contrary_predicate"} <= sources
    for p in a:
        assert p["label"] == S.TRANSFORM_LABEL[p["source"][6:]]
        if p["source"] == "synth:with_context":
            assert p["premise"] in PASSAGES
        else:
            assert p["premise"] in CORPUS
    b = S.generate_pairs(CORPUS, n=24, seed=6, mix=dict.fromkeys(names, 1.0), nlp=nlp, passages=PASSAGES)
    assert b != a


def test_parse_mix():
    assert core.parse_mix("unseen_entity, unit_change=2") == {"unseen_entity": 1.0, "unit_change": 2.0}
    assert core.parse_mix("contradiction=0.45,hard_cases=0.3") == {"contradiction": 0.45, "hard_cases": 0.3}
    for bad in ("bogus", "unit_change=x", ""):
        with pytest.raises(ValueError):
            core.parse_mix(bad)


def test_heldout_per_family(nlp):
    mix = {"contrary_predicate": 1.0, "unit_change": 1.0, "with_context": 1.0}
    sentences = CORPUS + [f"Prices of {w} declined sharply in March." for w in ("wheat", "oil", "gold", "copper",
                                                                                 "coffee", "sugar", "rice", "tin")]
    passages = PASSAGES + [f"The rebels seized the town of {t}. They said the army had fled."
                           for t in ("Homs", "Aleppo", "Idlib", "Hama", "Raqqa", "Deir")]
    train, held = core.generate_with_heldout(sentences, 12, 2, seed=3, mix=mix, nlp=nlp, passages=passages)
    assert held and train
    assert not {p["premise"] for p in train} & {p["premise"] for p in held}
    per = {}
    for p in held:
        per[p["source"]] = per.get(p["source"], 0) + 1
    assert all(v <= 2 for v in per.values()) and set(per) <= {f"synth:{n}" for n in mix}
    assert (train, held) == core.generate_with_heldout(sentences, 12, 2, seed=3, mix=mix, nlp=nlp, passages=passages)
    assert core.heldout_path("/x/synth.jsonl") == "/x/synth.heldout.jsonl"
    assert core.heldout_path("/x/synth.jsonl.gz") == "/x/synth.heldout.jsonl.gz"


# --------------------------------------------------------------------------- rough edges of the base families

def test_number_change_writes_no_empty_decimals(nlp, ctx):
    assert numbers_dates._tidy_decimals("83.0", scaled=True) == "83"
    assert numbers_dates._tidy_decimals("4.50", scaled=True) == "4.5"
    assert numbers_dates._tidy_decimals("31.90", scaled=False) == "31.90"  # cents stay
    assert numbers_dates._tidy_decimals("4.0000", scaled=False) == "4"
    for seed in range(30):
        h = run("number_change", nlp, ctx, "He earned $41.5 million in 2015.", seed)
        assert h and not re.search(r"\d\.0+\b|\.\d*0 million", h), h


def test_entity_pool_and_swap_keep_types(nlp):
    docs = list(nlp.pipe(["Southampton University hired Anna Smith.", "Anna Smith met Tom Jones in Paris.",
                          "Tom Jones visited Paris and Berlin.", "Apple CEO Tim Cook met Anna Smith."]))
    pool = S.entity_pool(docs)
    assert "Southampton University" not in pool["PERSON"]
    assert {"Anna Smith", "Tom Jones"} <= set(pool["PERSON"])
    ctx = S.SynthContext(entities={"PERSON": ["Anna Smith", "Tom Jones", "Mary Brown"], "ORG": ["Apple", "Google"],
                                   "GPE": ["Paris", "Berlin"], "NORP": []})
    for seed in range(10):  # "Tim" of "Tim Cook" is not swapped alone
        h = run("entity_swap", nlp, ctx, "Apple CEO Tim Cook met Anna Smith.", seed)
        assert h is None or "Tim Cook" in h or "Tim" not in h


def test_role_swap_widened(nlp, ctx):
    assert run("role_swap", nlp, ctx, "Vladimir Putin was accused by Barack Obama of meddling.") == \
        "Barack Obama was accused by Vladimir Putin of meddling."
    assert run("role_swap", nlp, ctx, "The United States accused Russia of meddling.") == \
        "Russia accused the United States of meddling."
    assert run("role_swap", nlp, ctx, "The dog chased the cat.") is None
    assert run("role_swap", nlp, ctx, "Angela Merkel met Vladimir Putin.") is None  # symmetric

"""Table-driven tests of the deterministic checks in factcheck.judge.rules."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import PAIR_RULES as RULES
from factcheck.judge.rules import run_rules

AID = "Despite reduced funding in recent years, US aid to Colombia remains significant, exceeding $400 million in 2024."
INTEL = (
    "Colombia continues to be a vital partner for the US in counter-narcotics efforts, with approximately 80% of "
    "US intelligence for drug interdictions in the Caribbean originating from Colombia."
)
FARC = (
    "The plan is credited with playing a role in weakening the Farc guerrilla group, which demobilized in 2016 "
    "after years of conflict."
)
BEGAN = "The deep-rooted US-Colombia alliance began in the early 2000s with “Plan Colombia.”"
ACCUSE = (
    "Tensions reached a critical point when Trump accused Petro of encouraging drug production in Colombia, "
    "leading to the suspension of US payments and subsidies to the South American country."
)
IDEOLOGY = (
    "Despite sharing a forceful communication style, left-wing President Gustavo Petro of Colombia and former "
    "US President Donald Trump hail from opposing political ideologies."
)
FRAGILE = "However, this crucial partnership now appears more fragile than ever."
COCAINE = (
    "While Plan Colombia achieved notable successes in security and weakened armed groups, some analysts "
    "question its long-term effectiveness in resolving the drug problem, as cocaine production in Colombia "
    "remains at historically high levels."
)
FUNDED = (
    "This US-funded initiative was designed to combat drug trafficking organizations, curtail drug flow into "
    "the US, and bolster Colombia’s security forces."
)
TYRANNY = (
    "Petro has openly criticized these actions, calling them “acts of tyranny” and urging international "
    "prosecution against Trump."
)
SOVEREIGNTY = (
    "This move followed Petro’s accusations that US officials had been involved in the death of a Colombian "
    "citizen and had violated national sovereignty during US military strikes against alleged drug vessels "
    "in the Caribbean."
)
USAID = (
    "The Trump administration’s decision to dismantle USAID, a key provider of development aid, has also "
    "impacted Colombia, a major recipient of its programs."
)

# (rule, source sentence, statement, relation of the rule's decisive finding; None = no contradiction at all)
CASES = [
    # quantities: firing
    ("quantities", AID, "US aid to Colombia was about $300 million in 2024.", "contradicts"),
    ("quantities", AID, "US aid to Colombia was under $100 million in 2024.", "contradicts"),
    ("quantities", AID, "US aid to Colombia exceeded $400 million in 2024.", "supports"),
    ("quantities", AID, "US aid to Colombia was more than $400 million in 2024.", "supports"),
    ("quantities", AID, "US aid to Colombia reached $1 billion in 2024.", "neutral"),
    ("quantities", INTEL, "About 20% of US intelligence for drug interdictions comes from Colombia.", "contradicts"),
    (
        "quantities",
        INTEL,
        "Half of US intelligence for Caribbean drug interdictions comes from Colombia.",
        "contradicts",
    ),
    (
        "quantities",
        INTEL,
        "Most US intelligence for drug interdictions in the Caribbean comes from Colombia.",
        "supports",
    ),
    (
        "quantities",
        INTEL,
        "About 80% of US intelligence for Caribbean drug interdictions originates from Colombia.",
        "supports",
    ),
    ("quantities", INTEL, "Four-fifths of US intelligence for drug interdictions comes from Colombia.", "supports"),
    (
        "quantities",
        "Some 2,000 soldiers were deployed to the border.",
        "Two thousand soldiers were deployed to the border.",
        "supports",
    ),
    (
        "quantities",
        "Two soldiers were killed in the attack.",
        "Five soldiers were killed in the attack.",
        "contradicts",
    ),
    (
        "quantities",
        "The fund paid out €50m to farmers last year.",
        "The fund paid out €5 million to farmers last year.",
        "contradicts",
    ),
    ("quantities", "Nearly a third of the farmers grow coca.", "Most of the farmers grow coca.", "contradicts"),
    # quantities: must not fire
    ("quantities", AID, "US aid to Colombia in 2023 was $450 million.", None),
    ("quantities", AID, "Colombia spent $100 million on its army in 2024.", None),
    ("quantities", INTEL, "About 20% of Colombia's exports go to the US.", None),
    ("quantities", "Unemployment rose 5% in 2024.", "Unemployment stood at 12% in 2024.", None),
    ("quantities", "Two soldiers were killed in the attack.", "Five civilians were injured in the attack.", None),
    ("quantities", AID, "US aid to Colombia could fall below $100 million in 2025.", None),
    ("quantities", AID, "US aid to Colombia was $410 million in 2024.", None),
    ("quantities", "Aid fell from $500 million to $400 million.", "Aid was $500 million.", None),
    ("quantities", INTEL, "The US and Colombia have been close allies.", None),
    (
        "quantities",
        "This is the most important alliance in the region.",
        "Half of the region's alliances are new.",
        None,
    ),
    # dates: firing
    ("dates", FARC, "The Farc demobilized in 2020.", "contradicts"),
    ("dates", FARC, "The Farc guerrilla group demobilized in 2016.", "supports"),
    ("dates", BEGAN, "The US-Colombia alliance began in the 1980s.", "contradicts"),
    ("dates", "The war ended in March 2019.", "The war ended in 2017.", "contradicts"),
    ("dates", "The treaty was signed in 1999.", "The treaty was signed in the late 1990s.", "supports"),
    # dates: must not fire
    ("dates", FARC, "Petro's term ends in 2026.", None),
    ("dates", BEGAN, "The alliance between the US and Colombia started in 2001.", None),
    ("dates", FARC, "The Farc signed a peace deal in 2016.", None),
    ("dates", "Colombia received US aid in 2024.", "Colombia received US aid in 2010.", None),
    ("dates", FARC, "Last year the Farc demobilized.", None),
    ("dates", "The company was founded in 1990.", "The museum was founded in 2005.", None),
    ("dates", FARC, "The Farc may have demobilized in 2017.", None),
    # polarity: firing
    ("polarity", ACCUSE, "Trump never accused Petro of encouraging drug production.", "contradicts"),
    ("polarity", ACCUSE, "The United States increased payments to Colombia.", "contradicts"),
    ("polarity", "The plan weakened armed groups.", "The plan strengthened armed groups.", "contradicts"),
    ("polarity", "Colombia did not receive US aid in 2024.", "Colombia received US aid in 2024.", "contradicts"),
    ("polarity", "The minister failed to sign the agreement.", "The minister signed the agreement.", "contradicts"),
    ("polarity", TYRANNY, "Petro praised the actions.", "contradicts"),
    ("polarity", TYRANNY, "Petro welcomed the actions.", "contradicts"),
    ("polarity", "The government decided to dismantle the agency.", "The government decided to preserve the agency.",
     "contradicts"),
    ("polarity", "Congress approved the budget.", "Congress rejected the budget.", "contradicts"),
    ("polarity", "The plan aimed to bolster the army.", "The plan aimed to scale back the army.", "contradicts"),
    ("polarity", "The government decided to dismantle the agency.", "The government left the agency intact.",
     "contradicts"),
    ("polarity", "The storm left the bridge intact.", "The storm destroyed the bridge.", "contradicts"),
    # polarity: must not fire
    ("polarity", "The plan aimed to bolster the army.", "The plan aimed to scale back the police.", None),
    ("polarity", "The plan aimed to bolster the army.", "The plan was later scaled back.", None),
    ("polarity", "The government decided to dismantle the agency.", "The government left the building intact.",
     None),
    ("polarity", "The government decided to dismantle the agency.", "The government left the agency.", None),
    ("polarity", ACCUSE, "The US resumed all payments and subsidies to Colombia.", None),
    ("polarity", ACCUSE, "Trump accused Petro of encouraging drug production.", None),
    ("polarity", "The senator may not support the bill.", "The senator supports the bill.", None),
    ("polarity", FRAGILE, "Trade between the nations rose sharply.", None),
    ("polarity", "Prices rose in Bogota.", "Wages fell in Lima.", None),
    (
        "polarity",
        "The army did not only patrol the border but also trained police.",
        "The army patrolled the border.",
        None,
    ),
    ("polarity", USAID, "The Trump administration decided to dismantle USAID.", None),
    ("polarity", TYRANNY, "Trump welcomed the ruling.", None),
    ("polarity", "The government decided to dismantle the agency.", "The government decided to keep the tax.", None),
    # antonyms: firing
    ("antonyms", IDEOLOGY, "Petro is a conservative politician.", "contradicts"),
    ("antonyms", IDEOLOGY, "Petro and Trump come from the same side of the political spectrum.", "contradicts"),
    ("antonyms", FRAGILE, "The partnership is stronger than ever.", "contradicts"),
    ("antonyms", COCAINE, "Cocaine production in Colombia is at its lowest level in decades.", "contradicts"),
    (
        "antonyms",
        "Relations between the two countries are hostile.",
        "Relations between the two countries are cordial.",
        "contradicts",
    ),
    ("antonyms", "Venezuela is a close ally of Cuba.", "Venezuela is an enemy of Cuba.", "contradicts"),
    # antonyms: must not fire
    ("antonyms", IDEOLOGY, "Petro and Trump both have a forceful communication style.", None),
    ("antonyms", IDEOLOGY, "Petro is a left-wing politician.", None),
    ("antonyms", FRAGILE, "The economy is strong.", None),
    ("antonyms", "Petro is not a conservative.", "Petro is a conservative politician.", None),
    ("antonyms", COCAINE, "Coca prices are at their lowest level in decades.", None),
    ("antonyms", "Inflation is high in Argentina.", "Unemployment is low in Chile.", None),
    ("antonyms", "The right-wing party won the election.", "The left-wing senator resigned.", None),
    # roles: firing
    ("roles", ACCUSE, "Petro accused Trump of encouraging drug production.", "contradicts"),
    ("roles", FUNDED, "Plan Colombia was a Colombian-funded initiative.", "contradicts"),
    (
        "roles",
        "The program was funded by the United States.",
        "The program was funded by the European Union.",
        "contradicts",
    ),
    ("roles", ACCUSE, "Trump accused Petro of encouraging drug production.", "supports"),
    ("roles", "Brazil defeated Argentina in the final.", "Argentina defeated Brazil in the final.", "contradicts"),
    # roles: must not fire
    ("roles", FUNDED, "Plan Colombia was a US-funded initiative.", None),
    (
        "roles",
        "The program was funded by the United States and the European Union.",
        "The program was funded by the European Union.",
        None,
    ),
    ("roles", ACCUSE, "Petro criticized Trump's drug policy.", None),
    ("roles", "Brazil defeated Argentina in the final.", "Chile hosted the final.", None),
    ("roles", "The police arrested the mayor.", "The mayor praised the police.", None),
    # attribution
    ("attribution", TYRANNY, "Petro called the operations acts of tyranny.", "supports"),
    ("attribution", TYRANNY, "Trump called the operations acts of tyranny.", "contradicts"),
    ("attribution", TYRANNY, "The operations were acts of tyranny.", "neutral"),
    (
        "attribution",
        SOVEREIGNTY,
        "Petro accused US officials of violating Colombia's national sovereignty.",
        "supports",
    ),
    ("attribution", SOVEREIGNTY, "US officials violated national sovereignty.", "neutral"),
    (
        "attribution",
        "The minister said that inflation would fall to 3%.",
        "Inflation will fall to 3%, the minister said.",
        "supports",
    ),
    # attribution: must not fire
    ("attribution", ACCUSE, "Trump's accusation against Petro led to a suspension of US payments to Colombia.", None),
    ("attribution", TYRANNY, "Colombia expelled the US ambassador.", None),
    ("attribution", "The minister said that inflation would fall to 3%.", "The minister resigned in May.", None),
    # unrelated sentences: nothing may contradict
    ("quantities", AID, "Brazil offered to mediate between Colombia and the US.", None),
    ("dates", BEGAN, "Plan Colombia was signed by Bill Clinton.", None),
    ("roles", TYRANNY, "The ELN guerrilla group carried out the recent attacks.", None),
    ("polarity", USAID, "The Colombian Congress voted to end cooperation with the US.", None),
    ("antonyms", COCAINE, "Colombia's coca cultivation covers 250,000 hectares.", None),
]

ORDER = {"contradicts": 2, "supports": 1, "neutral": 0}


def decisive(findings, rule):
    """The strongest relation the named rule reported: contradicts over supports over neutral."""
    relations = [f.relation for f in findings if f.rule == rule]
    return max(relations, key=ORDER.__getitem__) if relations else None


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


@pytest.mark.parametrize(("rule", "source", "statement", "expected"), CASES)
def test_rule_table(nlp, rule, source, statement, expected):
    findings = run_rules(source, statement, nlp=nlp)
    if expected is None:
        assert not [f for f in findings if f.relation == "contradicts"], findings
    else:
        assert decisive(findings, rule) == expected, findings


def test_table_is_balanced():
    firing = [c for c in CASES if c[3] is not None]
    quiet = [c for c in CASES if c[3] is None]
    assert len(CASES) >= 80
    assert len(quiet) >= len(firing)
    assert {c[0] for c in firing} == set(RULES)


def test_every_rule_is_named_and_documented():
    assert list(RULES) == ["quantities", "dates", "polarity", "antonyms", "roles", "attribution"]
    for name, rule in RULES.items():
        assert name and callable(rule)
        assert rule.__doc__ and rule.__doc__.strip()


@pytest.mark.parametrize(("rule", "source", "statement", "expected"), [c for c in CASES if c[3] is not None])
def test_findings_point_into_their_sentences(nlp, rule, source, statement, expected):
    findings = run_rules(source, statement, nlp=nlp)
    assert findings
    for f in findings:
        assert f.explanation
        for span, text in ((f.source_span, source), (f.statement_span, statement)):
            if span is not None:
                assert text[span.start : span.end] == span.text
                assert span.text


def test_unrelated_pair_says_nothing(nlp):
    found = run_rules("The weather in Bogota was mild.", "Brazil won the World Cup in 2002.", nlp=nlp)
    # nothing for or against; only that the sentence gives no date for the statement's 2002
    assert [(f.rule, f.relation, f.blocks) for f in found] == [("dates", "neutral", "support")]


TRUE_OR_UNKNOWN = [
    "Colombia has historically received substantial US military aid every year.",
    "The US and Colombia have been close allies in fighting the drug trade.",
    "Trump's accusation against Petro led to a suspension of US payments to Colombia.",
    "Plan Colombia helped weaken the Farc.",
    "US aid to Colombia exceeded $400 million in 2024.",
    "About 80% of US intelligence for Caribbean drug interdictions originates from Colombia.",
    "The Trump administration decided to dismantle USAID.",
    "Petro accused US officials of violating Colombia's national sovereignty.",
    "Some former members of the security forces rejoined drug trafficking operations.",
    "Petro and Trump both have a forceful communication style.",
    "The US resumed all payments and subsidies to Colombia.",
    "Colombia expelled the US ambassador.",
    "Plan Colombia was signed by Bill Clinton.",
    "Petro's term ends in 2026.",
    "US aid to Colombia in 2023 was $450 million.",
    "Colombia's coca cultivation covers 250,000 hectares.",
    "The Colombian Congress voted to end cooperation with the US.",
]


def test_no_contradiction_against_any_article_sentence(nlp):
    """True or unverifiable statements draw no contradiction from any sentence of the seed article."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "seeds" / "bbc-mundo-us-colombia-alliance.txt").read_text(encoding="utf-8")
    sentences = [s for s in nlp(text).sents if len(s.text.strip()) > 12]
    wrong = []
    for statement in TRUE_OR_UNKNOWN:
        stmt = nlp(statement)
        for sent in sentences:
            src = sent.as_doc()
            for rule in RULES.values():
                wrong += [(statement, sent.text, f.explanation) for f in rule(src, stmt) if f.relation == "contradicts"]
    assert wrong == []


def test_a_phrasal_verb_is_quoted_with_its_particle():
    found = [f for f in run_rules("The plan aimed to bolster the army.", "The plan aimed to scale the army back.")
             if f.rule == "polarity"]
    assert any("“scale back”" in f.explanation for f in found), found

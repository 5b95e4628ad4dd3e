"""Statements that are not statements: broken input is an input error, unjudgeable text NOT_ENOUGH_INFO;
real statements (short ones and figures included) pass untouched."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factcheck.checker import Checker, validate_statement
from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.ingest.statement_check import input_problem, unjudgeable
from factcheck.results import Verdict

# Real statements that must reach the judge: short ones, figures, names with accents, quotes, questions of style.
MUST_PASS = [
    "Petro won.",
    "Inflation rose.",
    "It rained.",
    "Uribe was president.",
    "Obama visited Bogotá.",
    "The Farc demobilized in 2016.",
    "80% of aid went to the military.",
    "US aid to Colombia exceeded $400 million in 2024.",
    "US aid to Colombia exceeded $400 billion in 2024.",
    "Aid fell by 0.5% in 2023.",
    "The plan cost $0.9 billion.",
    "Colombia has long been one of Washington's closest allies in the fight against drug trafficking.",
    "Gustavo Petro, Colombia's first leftist president, took office in 2022.",
    "The US decertified Colombia as a partner in the drug war.",
    "Face masks considerably increased covid-19 cases in germany",
    "José María Pérez said the council approved £12 million.",
    "Petro said “we will not be bullied”.",
    "The minister resigned on 3 March 2024 after 18 months in office.",
    "Coca cultivation reached 253,000 hectares.",
    "Bogotá is Colombia's capital.",
    "Colombia is in South America.",
    "The company was founded in 1998 by two brothers.",
]

# Broken input: an input error before any model loads.
MUST_ERROR = [
    ("exceeded 00 million in 2024", "garbled"),
    ("US aid to Colombia exceeded 00 million in 2024.", "garbled"),
    ("Aid rose by 05% last year.", "garbled"),
    ("The plan cost $ million.", "garbled"),
    ("Aid \udcff\udcfe rose.", "not text"),
    ("Aid\x00 rose in 2024.", "not text"),
    ("Aid \ufffd rose in 2024.", "not text"),
    ("Aid \x93rose\x94 in 2024.", "not text"),
    ("12345 678", "no words"),
    ("!!! ??? ...", "no words"),
    ("🇨🇴 💰 📈", "no words"),
]

# Text that cannot be judged: NOT_ENOUGH_INFO with the reason, never SUPPORTED.
MUST_NEI = [
    ("US aid Colombia", "no verb"),
    ("US aid to Colombia", "no verb"),
    ("More than $400 million in US aid for Colombia", "no verb"),
    ("aid aid aid aid aid", "repeats"),
    ("Colombia Colombia Colombia aid", "repeats"),
    ("Petro", "single word"),
    ("Colombia.", "single word"),
    ("المساعدات الأمريكية لكولومبيا تجاوزت 400 مليون دولار", "Arabic"),
    ("הסיוע האמריקאי לקולומביה עלה על 400 מיליון דולר", "Hebrew"),
    ("Помощь США Колумбии превысила 400 миллионов долларов", "Cyrillic"),
    ("美国对哥伦比亚的援助超过4亿美元", "CJK"),
    ("La ayuda de Estados Unidos a Colombia superó los 400 millones de dólares en 2024.", "Spanish"),
    ("L'aide américaine à la Colombie a dépassé 400 millions de dollars.", "French"),
    ("Die US-Hilfe für Kolumbien überstieg 2024 400 Millionen Dollar.", "German"),
]


def test_the_tables_hold_more_must_pass_than_must_flag_cases():
    assert len(MUST_PASS) >= len(MUST_ERROR) + len(MUST_NEI) - 4 and len(MUST_PASS) >= 20


@pytest.mark.parametrize("statement", MUST_PASS)
def test_real_statements_pass(statement, nlp):
    assert input_problem(statement) is None
    assert unjudgeable(statement) is None
    assert validate_statement(statement, 1000) == statement


@pytest.mark.parametrize(("statement", "why"), MUST_ERROR)
def test_broken_input_is_an_input_error(statement, why):
    with pytest.raises(InputError, match=why):
        validate_statement(statement, 1000)


@pytest.mark.parametrize(("statement", "why"), MUST_NEI)
def test_unjudgeable_text_gets_a_reason(statement, why, nlp):
    assert input_problem(statement) is None
    reason = unjudgeable(statement)
    assert reason is not None and why in reason


def test_flagged_statements_are_never_supported_and_real_ones_still_judged(fake_embedder, fake_nli):
    source = ("US aid to Colombia exceeded $400 million in 2024. aid aid aid aid aid. US aid Colombia. "
              "La ayuda de Estados Unidos a Colombia superó los 400 millones de dólares en 2024.")
    checker = Checker.from_texts({"doc": source}, embedder=fake_embedder, nli=fake_nli)
    results = checker.check_many([s for s, _ in MUST_NEI] + ["US aid to Colombia exceeded $400 million in 2024."])
    *flagged, real = list(results)
    for r, (_, why) in zip(flagged, MUST_NEI):
        assert r.verdict is Verdict.NOT_ENOUGH_INFO and r.explanation.startswith("Not checked:") and not r.evidence
        assert why in r.explanation
    assert real.verdict is Verdict.SUPPORTED


def test_check_cli_garbled_amount_exits_2_with_the_shell_hint(home):
    r = CliRunner().invoke(main, ["check", "US aid to Colombia exceeded 00 million in 2024."])
    assert r.exit_code == 2 and "single quotes" in r.stderr and "Traceback" not in r.output


def test_check_cli_fragment_is_not_enough_info(home):
    r = CliRunner().invoke(main, ["check", "US aid Colombia", "-f", "json"])
    assert r.exit_code == 0, r.output
    assert '"NOT_ENOUGH_INFO"' in r.stdout and "no verb" in r.stdout


def test_a_verb_the_tagger_took_for_a_noun_still_counts(nlp):
    assert nlp("Alderbrook floods every spring.")[1].pos_ == "NOUN"  # the small model's mistake
    assert unjudgeable("Alderbrook floods every spring.") is None
    assert nlp("Petro and Trump share the same political ideology.")[3].pos_ == "NOUN"  # with subject and object
    assert unjudgeable("Petro and Trump share the same political ideology.") is None

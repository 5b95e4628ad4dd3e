"""The built-in rules, registered in the order they run, and the functions that run every registered rule."""

from __future__ import annotations

from spacy.tokens import Doc

from factcheck.judge.registry import DOCUMENT_RULES, PAIR_RULES, Rule, rules
from factcheck.judge.rules.antonyms import check_antonyms
from factcheck.judge.rules.attribution import check_attribution
from factcheck.judge.rules.coverage import check_coverage
from factcheck.judge.rules.dates import check_dates
from factcheck.judge.rules.polarity import check_polarity
from factcheck.judge.rules.quantities import check_quantities
from factcheck.judge.rules.roles import check_roles
from factcheck.results import Finding

rules.register("quantities", check_quantities)
rules.register("dates", check_dates)
rules.register("polarity", check_polarity)
rules.register("antonyms", check_antonyms)
rules.register("roles", check_roles)
rules.register("attribution", check_attribution)
rules.register("coverage", Rule("coverage", check_coverage, scope="document"))


def run_rules(source_sentence: str, statement: str, nlp=None) -> list[Finding]:
    """Run every registered pair rule on one (source sentence, statement) pair; parse each text once."""
    if nlp is None:
        from factcheck.ingest.nlp import parse  # cached: the same texts recur across evidence items

        src_doc, stmt_doc = parse(source_sentence), parse(statement)
    else:
        src_doc, stmt_doc = nlp(source_sentence), nlp(statement)
    findings: list[Finding] = []
    for check in PAIR_RULES.values():
        findings.extend(check(src_doc, stmt_doc))
    return findings


def run_document_rules(statement: Doc, names: frozenset[str], source: str) -> list[Finding]:
    """Run every registered document rule (coverage, …) on a statement against one document's names."""
    findings: list[Finding] = []
    for check in DOCUMENT_RULES.values():
        findings.extend(check(statement, names, source))
    return findings

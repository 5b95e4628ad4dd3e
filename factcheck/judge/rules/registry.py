"""The rule registry: an explicit, ordered list of named checks, each `(src_doc, stmt_doc) -> findings`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from factcheck.judge.rules.antonyms import check_antonyms
from factcheck.judge.rules.attribution import check_attribution
from factcheck.judge.rules.dates import check_dates
from factcheck.judge.rules.polarity import check_polarity
from factcheck.judge.rules.quantities import check_quantities
from factcheck.judge.rules.roles import check_roles
from factcheck.results import Finding

Rule = Callable[[Doc, Doc], list[Finding]]

RULES: dict[str, Rule] = {
    "quantities": check_quantities,
    "dates": check_dates,
    "polarity": check_polarity,
    "antonyms": check_antonyms,
    "roles": check_roles,
    "attribution": check_attribution,
}


def run_rules(source_sentence: str, statement: str, nlp=None) -> list[Finding]:
    """Run every registered rule on one (source sentence, statement) pair; parse each text once."""
    if nlp is None:
        from factcheck.ingest.nlp import parse  # cached: the same texts recur across evidence items

        src_doc, stmt_doc = parse(source_sentence), parse(statement)
    else:
        src_doc, stmt_doc = nlp(source_sentence), nlp(statement)
    findings: list[Finding] = []
    for rule in RULES.values():
        findings.extend(rule(src_doc, stmt_doc))
    return findings

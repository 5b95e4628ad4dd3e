"""Judge rules: deterministic, explainable consistency checks between a source sentence and a
statement (quantities, dates, polarity, antonyms, roles, attribution) and between a statement and a whole
document (coverage). Each finding names its rule and the spans it compared; a rule with nothing comparable
says nothing. Rules live in `factcheck.judge.registry.rules`, open to the `factcheck.rules` entry point group.
"""

from __future__ import annotations

from factcheck.judge.registry import DOCUMENT_RULES, PAIR_RULES, Rule, rules
from factcheck.judge.rules.registry import run_document_rules, run_rules

__all__ = ["DOCUMENT_RULES", "PAIR_RULES", "Rule", "rules", "run_document_rules", "run_rules"]

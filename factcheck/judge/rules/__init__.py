"""Judge rules: deterministic, explainable consistency checks between a source sentence and a
statement (quantities, dates, polarity, antonyms, roles, attribution). Each finding names its rule
and the spans it compared; a rule with nothing comparable says nothing.
"""

from __future__ import annotations

from factcheck.judge.rules.registry import RULES, Rule, run_rules

__all__ = ["RULES", "Rule", "run_rules"]

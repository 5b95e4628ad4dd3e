"""Statements split into facts: a statement that says several things is checked part by part.

"The Farc, which demobilized in 2016, was weakened by Plan Colombia" says two things; a source that
confirms one and is silent on the other does not support the statement. The statement is split with the
same splitter that makes atomic claims of source sentences (coordinated main clauses, "X, which …",
appositions; several sentences are several parts), every part is checked like a statement, and the
verdicts are combined:

- the whole statement or any part CONTRADICTED → CONTRADICTED (CONFLICTED likewise, below it);
- every part SUPPORTED → SUPPORTED;
- otherwise NOT_ENOUGH_INFO, naming the part the source does not support.
"""

from __future__ import annotations

from factcheck.results import CheckResult, Verdict

# Worst first: the verdict of a split statement is its parts' worst.
SEVERITY = (Verdict.CONTRADICTED, Verdict.CONFLICTED, Verdict.NOT_ENOUGH_INFO, Verdict.SUPPORTED)


def split_statement(statement: str) -> list[str]:
    """The facts a statement states, as stand-alone sentences; [] when it states one."""
    from factcheck.ingest.claims import atomic_parts
    from factcheck.ingest.nlp import parse

    sentences = list(parse(statement).sents)
    if len(sentences) > 1:
        parts = [s.text.strip() for s in sentences if len(s.text.strip()) >= 12]
        return parts if len(parts) > 1 else []
    return atomic_parts(sentences[0]) if sentences else []


def combine(whole: CheckResult, parts: list[CheckResult]) -> CheckResult:
    """One result for a statement from the result on the whole and on each of its parts."""
    if not parts:
        return whole
    if whole.verdict is Verdict.CONTRADICTED:
        return whole.model_copy(update={"parts": parts})
    worst = min(parts, key=lambda r: (SEVERITY.index(r.verdict), -r.confidence))
    n = len(parts)
    k = parts.index(worst) + 1
    if worst.verdict is Verdict.SUPPORTED:
        confidence = min(r.confidence for r in parts)
        why = f"Every part of the statement is supported ({n} parts). " + " ".join(
            f"Part {i}: {r.explanation}" for i, r in enumerate(parts, 1))
    elif worst.verdict is Verdict.NOT_ENOUGH_INFO:
        confidence = worst.confidence
        why = f"Part {k} of {n} (“{worst.statement}”) is not supported by the source: {worst.explanation}"
    else:
        confidence = worst.confidence
        word = "contradicted" if worst.verdict is Verdict.CONTRADICTED else "disputed between sources"
        why = f"Part {k} of {n} (“{worst.statement}”) is {word}: {worst.explanation}"
    # The part that set the confidence also gives the probabilities (the least supported one when all are).
    decider = min(parts, key=lambda r: r.confidence) if worst.verdict is Verdict.SUPPORTED else worst
    return CheckResult(statement=whole.statement, verdict=worst.verdict, confidence=confidence,
                       evidence=worst.evidence, explanation=why, parts=parts,
                       verdict_probabilities=decider.verdict_probabilities)

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
    return (atomic_parts(sentences[0]) or reported_parts(sentences[0])) if sentences else []


PRONOUNS = frozenset({"he", "she", "they", "it"})


def reported_parts(sent) -> list[str]:
    """Two things reported by one speaker: "Cosgrove said the woman declined treatment and that she planned to
    sue" → "Cosgrove said the woman declined treatment." + "Cosgrove said that the woman planned to sue." (a
    pronoun subject of the second read as the first's subject); [] for anything else. Only where "that" opens the
    second clause: "said the woman declined treatment and left" is one report of two acts by one subject."""
    from factcheck.ingest.claims import MIN_SENTENCE_CHARS, render_tokens, text_without, tidy_clause

    for first in sent:
        if first.dep_ != "ccomp" or first.head.pos_ != "VERB" or first.head.dep_ != "ROOT":
            continue  # the report of the sentence itself, not a clause inside what is reported
        if any(c.dep_ == "ccomp" and c.i < first.i for c in first.head.children):
            continue  # the clause is the report's second: what comes before it is more than "X said"
        own = next((c for c in first.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        for second in first.children:
            if second.dep_ != "conj" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in second.children):
                continue
            subject = next((c for c in second.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None:
                continue
            cut = {t.i for t in second.subtree} | {c.i for c in first.children if c.dep_ in {"cc", "punct"}
                                                   and first.i < c.i < second.i}
            frame = [t for t in sent if t.i < first.left_edge.i]
            if subject.lower_ in PRONOUNS and own is not None:  # "… and that she planned": the woman planned
                second_text = " ".join(render_tokens(ts) for ts in (
                    [t for t in second.subtree if t.i < subject.i], own.subtree,
                    [t for t in second.subtree if t.i > subject.i]))
            else:
                second_text = render_tokens(second.subtree)
            parts = [tidy_clause(text_without(sent, cut)), tidy_clause(render_tokens(frame) + " " + second_text)]
            if all(len(p) >= MIN_SENTENCE_CHARS for p in parts):
                return parts
    return []


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

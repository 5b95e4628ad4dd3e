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


# Verbs that report what someone asserts. Not the attribution rule's SPEECH_VERBS (factcheck.judge.rules.attribution),
# whose reports include denials, accusations and criticism: what "X denied that P" reports is not P.
REPORT_VERBS = frozenset({"say", "report", "claim", "confirm", "state", "allege", "reveal", "announce", "write",
                          "tell", "add", "insist", "suggest", "indicate"})
SPEAKER_PRONOUNS = frozenset({"he", "she", "they"})


def reported_content(statement: str) -> str | None:
    """What a statement reports someone as saying, as a sentence of its own: "According to TechCrunch, Apple has
    begun to wind down Beats Music" → "Apple has begun to wind down Beats Music."; "The Post reports that the
    fiancée planned to marry him" → "The fiancée planned to marry him."; "Trump said he had an open mind" → "Trump
    had an open mind." None when the statement is no report, or says more than one thing."""
    from factcheck.ingest.claims import MIN_SENTENCE_CHARS, render_tokens, tidy_clause
    from factcheck.ingest.nlp import parse

    sentences = list(parse(statement).sents)
    if len(sentences) != 1:
        return None
    sent = sentences[0]
    root = sent.root
    words = [t for t in sent if not t.is_punct]
    if len(words) > 2 and words[0].lower_ == "according" and words[1].lower_ == "to":
        comma = next((t for t in sent if t.text == "," and t.i > words[1].i), None)
        if comma is None or _says_more(sent[words[1].i + 1:comma.i]):
            return None
        content = [t for t in sent if t.i > comma.i]
        text = tidy_clause(render_tokens(content))
        return text if len(text) >= MIN_SENTENCE_CHARS else None
    if root.lemma_.lower() not in REPORT_VERBS or root.pos_ != "VERB":
        return None
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    clauses = [c for c in root.children if c.dep_ == "ccomp"]
    if speaker is None or len(clauses) != 1 or speaker.lower_ in {"i", "we", "you", "it"} \
            or _says_more(list(speaker.subtree)):
        return None
    clause = clauses[0]
    if any(c.dep_ in {"conj", "dobj", "dative"} for c in root.children) or any(
            c.dep_ == "conj" and any(g.dep_ == "mark" for g in c.children) for c in clause.children):
        return None  # "X said A and that B" (reported_parts), "X told reporters …"
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    kept = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.lower_ == "that")]
    if subject is not None and subject.lower_ in SPEAKER_PRONOUNS:
        if speaker.lower_ in SPEAKER_PRONOUNS:
            return None
        # "Trump said he had an open mind": he is the speaker
        before = [t for t in kept if t.i < subject.i]
        after = [t for t in kept if t.i > subject.i]
        text = tidy_clause(" ".join(render_tokens(ts) for ts in (before, list(speaker.subtree), after) if ts))
    else:
        text = tidy_clause(render_tokens(kept))
    return text if len(text) >= MIN_SENTENCE_CHARS else None


def _says_more(speaker) -> bool:
    """Whether the words naming a speaker state a fact of their own: a figure ("the 62-year-old fisherman"), which
    reading only what was said would leave unchecked."""
    return any(t.pos_ == "NUM" or any(c.isdigit() for c in t.text) or "-year" in t.lower_
               or t.lower_ in {"year", "old"} for t in speaker)  # not "first": "Winter's first image" is a name


def content_decides(whole: CheckResult) -> bool:
    """Whether what a report says may decide its verdict: only when the whole is NOT_ENOUGH_INFO (CONTRADICTED —
    the words given to someone else, another date — and SUPPORTED stand) and names nothing the source never
    mentions (then the source is silent on who said it)."""
    return whole.verdict is Verdict.NOT_ENOUGH_INFO and not any(
        f.rule == "coverage" and f.blocks == "verdict" for e in whole.evidence for f in e.findings)


def combine_reported(whole: CheckResult, content: CheckResult) -> CheckResult:
    """One result for a report from the result on the whole and on what it reports: where `content_decides`, what
    is reported decides unless the source is silent on it too — NLI reads "the fiancée planned to marry him" against
    the article's "the fiancée was marrying him" better than with "The New York Post reports that" before it — and
    the explanation says the attribution was set aside."""
    if not content_decides(whole) or content.verdict is Verdict.NOT_ENOUGH_INFO:
        return whole
    why = f"Read without its attribution (“{content.statement}”): {content.explanation}"
    return content.model_copy(update={"statement": whole.statement, "explanation": why})


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

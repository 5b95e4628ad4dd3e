"""Results as data: claims, evidence, rule findings and verdicts. Renderers live in factcheck.render."""

from __future__ import annotations

import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Relation = Literal["supports", "contradicts", "neutral"]


class Verdict(str, Enum):
    SUPPORTED = "SUPPORTED"
    CONTRADICTED = "CONTRADICTED"
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"
    CONFLICTED = "CONFLICTED"  # strong evidence from different documents points both ways


# The one table of label spellings: FEVER-style datasets, NLI datasets and models, people. Keys are upper-cased,
# with runs of spaces, hyphens and underscores collapsed to one underscore (see verdict_from_label).
LABEL_ALIASES: dict[str, Verdict] = {
    **dict.fromkeys(["SUPPORTED", "SUPPORTS", "SUPPORT", "ENTAILMENT", "ENTAILED", "ENTAILS"], Verdict.SUPPORTED),
    **dict.fromkeys(
        ["CONTRADICTED", "CONTRADICTS", "CONTRADICTION", "REFUTES", "REFUTED", "REFUTE"], Verdict.CONTRADICTED
    ),
    **dict.fromkeys(
        ["NOT_ENOUGH_INFO", "NEI", "NOTENOUGHINFO", "NOT_ENOUGH_INFORMATION", "NEUTRAL"], Verdict.NOT_ENOUGH_INFO
    ),
    **dict.fromkeys(["CONFLICTED", "CONFLICTING", "CONFLICT", "DISPUTED"], Verdict.CONFLICTED),
}


def verdict_from_label(raw: object) -> Verdict | None:
    """The Verdict a dataset's or model's label spells ("REFUTES", "entailment", "not enough info"), else None."""
    if isinstance(raw, Verdict):
        return raw
    return LABEL_ALIASES.get(re.sub(r"[\s_\-]+", "_", str(raw).strip()).upper())


class Claim(BaseModel):
    """One atomic claim extracted from a source document."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    sentence: str
    doc_id: str
    source: str  # path (or name) of the source document
    start_char: int  # offsets of `sentence` in the document's original text
    end_char: int


class Span(BaseModel):
    """A piece of text a rule compared, with where it sits in its sentence."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int


class Finding(BaseModel):
    """What one deterministic check concluded about (source sentence, statement)."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    relation: Relation
    explanation: str
    source_span: Span | None = None
    statement_span: Span | None = None
    confidence: float = 1.0
    attributed_to: str | None = None
    # What this finding rules out for its evidence item, whatever NLI says: "support" (a figure the
    # source does not confirm), "verdict" (a name the source never mentions: it is silent, either way) or
    # "contradiction" (the statement denies the opposite of what the sentence says: "anything but negligible"
    # against "significant" agrees with it, whatever NLI reads in the opposite word).
    blocks: Literal["support", "verdict", "contradiction"] | None = None


class Evidence(BaseModel):
    """A retrieved claim and how it relates to the statement."""

    model_config = ConfigDict(extra="forbid")

    claim: str
    sentence: str
    source: str
    start_char: int
    end_char: int
    similarity: float
    relation: Relation
    probabilities: dict[str, float] | None = None
    # On the most similar scored item only: NLI on the statement against this sentence read together with the
    # next most similar sentences of its document, in document order (the passage; `passage_sentences`).
    passage: dict[str, float] | None = None
    attributed_to: str | None = None
    # The sentence before, when this one refers back to it ("This US-funded initiative…"): NLI read the two together.
    read_after: str | None = None
    # Where the statement and this sentence each deny something: NLI on the two read without their denials, the
    # statement as premise (¬A ⊨ ¬B iff B ⊨ A); its entailment is folded into `probabilities` (judge/negation.py).
    contrapositive: dict[str, float] | None = None
    # The statement's nouns and names this item's document never uses in any form (coverage.unused_words): details
    # the source is silent on. None where the judge did not look (no document words, or rules off).
    unused_words: list[str] | None = None
    findings: list[Finding] = Field(default_factory=list)


class CheckResult(BaseModel):
    """The verdict on one statement, with the evidence and the reason."""

    model_config = ConfigDict(extra="forbid")

    statement: str
    verdict: Verdict
    confidence: float
    evidence: list[Evidence]
    explanation: str
    # Calibrated P(SUPPORTED), P(CONTRADICTED), P(NOT_ENOUGH_INFO), summing to 1, from the verdict model
    # (factcheck.judge.verdict_model); `confidence` is the chosen verdict's. None without a verdict model.
    verdict_probabilities: dict[str, float] | None = None
    # A statement that says several things is checked part by part (factcheck.judge.statements);
    # each part is a full result. Absent (None) when the statement states one fact.
    parts: list[CheckResult] | None = None

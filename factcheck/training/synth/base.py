"""Shared pieces of the synthetic-pair transforms: the context they read and text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LABELS3 = ("entailment", "neutral", "contradiction")
NEUTRAL_BAND = (0.45, 0.85)
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass
class SynthContext:
    """Corpus-level information shared by the transforms."""

    entities: dict[str, list[str]] = field(default_factory=dict)  # label -> sorted entity texts
    neighbours: dict[str, list[str]] = field(default_factory=dict)  # premise -> neutral candidates


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;:-— ")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text


def _without(doc, drop: set[int]) -> str:
    """Text of doc without the tokens in drop; the gap takes the whitespace of the last dropped token."""
    kept = [t for t in doc if t.i not in drop]
    parts = []
    for a, b in zip(kept, kept[1:] + [None]):
        parts.append(a.text)
        if b is not None:
            parts.append(doc[b.i - 1].whitespace_ if b.i - 1 != a.i else a.whitespace_)
    return "".join(parts)


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _valid(premise: str, hyp: str | None) -> str | None:
    if not hyp:
        return None
    hyp = hyp.strip()
    if len(hyp) < 8:
        return None
    norm = lambda s: re.sub(r"\W+", " ", s.lower()).strip()  # noqa: E731
    if norm(hyp) == norm(premise):
        return None
    return hyp


def _has_neg(doc) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in {"not", "n't", "never", "no"} for t in doc)

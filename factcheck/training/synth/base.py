"""Shared pieces of the synthetic-pair transforms: the context they read and text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NEUTRAL_BAND = (0.45, 0.85)
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass
class SynthContext:
    """Corpus-level information shared by the transforms."""

    entities: dict[str, list[str]] = field(default_factory=dict)  # label -> sorted entity texts
    neighbours: dict[str, list[str]] = field(default_factory=dict)  # premise -> neutral candidates


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

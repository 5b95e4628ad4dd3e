"""Seeded synthetic NLI pairs from plain source sentences; one module per transform family, `core` drives them."""

from __future__ import annotations

from factcheck.training.synth.base import SynthContext
from factcheck.training.synth.core import (
    DEFAULT_MIX,
    TRANSFORM_LABEL,
    TRANSFORMS,
    generate_pairs,
    news_sentences,
)
from factcheck.training.synth.entities import entity_pool
from factcheck.training.synth.neutral import compute_neighbours

__all__ = [
    "DEFAULT_MIX",
    "TRANSFORMS",
    "TRANSFORM_LABEL",
    "SynthContext",
    "compute_neighbours",
    "entity_pool",
    "generate_pairs",
    "news_sentences",
]

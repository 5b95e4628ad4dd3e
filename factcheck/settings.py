"""Defaults resolved in one place, overridable by FACTCHECK_* environment variables and CLI flags."""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from factcheck.errors import InputError

_PACKAGE_DIR = Path(__file__).resolve().parent
SEED_CORPUS = "seed"  # the corpus built from the bundled seed article in seeds/


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
    corpus: str = Field(SEED_CORPUS, description="corpus used when none is named")
    top_k: int = Field(5, ge=1, description="claims retrieved per statement")
    ann_threshold: int = Field(20_000, ge=0, description="claims from which search is approximate (an HNSW graph "
                               "built at the first search, recall@5 about 0.99; factcheck.retrieval.ann); "
                               "0 = always exact")
    max_statement_chars: int = Field(1000, ge=10)
    nli_model: str | None = Field(None, description="NLI model path or Hugging Face id; None = shipped model")
    judge: str = Field("nli", description="'nli' (NLI + rules) or 'similarity'")
    runtime: Literal["auto", "onnx", "torch"] = Field(
        "auto", description="model runtime: 'auto' runs the shipped models on ONNX Runtime (exported once into "
        "~/.cache/factcheck) and other models on torch; 'onnx' also exports local --nli-model folders; 'torch'")
    # Similarity judge: cosine at or above which a claim counts as support (chosen on seed dev).
    similarity_threshold: float = 0.75
    # Fusion parameters (FusionConfig). These are the fallbacks for an NLI model that ships no fusion.json;
    # a model's own fusion.json (the shipped model's holds the values tuned for it) overrides them, and an
    # explicit FACTCHECK_<NAME> or keyword overrides both.
    min_similarity: float = Field(0.4, description="claims less similar than this are not evidence at all")
    align_similarity: float = Field(0.5, description="rules only judge claims at least this similar (and the most similar claim)")
    entail_threshold: float = Field(0.5, description="P(entailment) at which a claim supports")
    contradict_threshold: float = Field(0.5, description="P(contradiction) at which a claim contradicts")
    rule_weight: float = Field(0.3, description="added to entailment by an agreeing rule")
    conflict_score: float = Field(0.5, description="both sides this strong, from different documents: CONFLICTED")
    passage_sentences: int = Field(3, ge=0, description="the most similar claim is also read by NLI together "
                                   "with the next most similar sentences of its document, this many sentences in "
                                   "all (evidence spread over a passage; the verdict model's pass_* features); "
                                   "0 or 1: off")
    use_rules: bool = Field(True, description="fuse the deterministic rule checks into NLI verdicts")
    split_statements: bool = Field(True, description="check a statement that says several things part by part")
    lexicon_dir: Path | None = Field(None, description="folder of domain tables (opposites.txt, aliases.txt, "
                                     "currencies.txt) whose lines are added to the shipped ones")
    # The verdict model (factcheck.judge.verdict_model): fitted beside the NLI model, or a calibrated profile.
    learned_verdict: bool = Field(True, description="decide with the NLI model's verdict_model.json when it has "
                                  "one (False: the threshold fusion)")
    profile: str | None = Field(None, description="calibrated verdict profile (`factcheck calibrate --out NAME`)")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0, description="below this confidence a verdict is "
                                         "reported as NOT_ENOUGH_INFO")

    @property
    def corpus_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "indexes"

    @property
    def seeds_dir(self) -> Path:
        return self.home / "seeds"

    @property
    def profiles_dir(self) -> Path:
        return self.home / "profiles"


FUSION_FIELDS = ("min_similarity", "align_similarity", "entail_threshold", "contradict_threshold", "rule_weight",
                 "conflict_score")
# FACTCHECK_* names read elsewhere (benchmarks), not settings of the checker.
OTHER_ENV = frozenset({"FACTCHECK_SHARED", "FACTCHECK_FUZZ_EXAMPLES"})  # the last: tests/test_fuzz.py's budget


def get_settings(**overrides) -> Settings:
    """Settings from the environment, with non-None keyword overrides (CLI flags) on top."""
    from pydantic import ValidationError

    check_environment()
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        raise InputError(_invalid_setting(exc)) from None


def _invalid_setting(exc) -> str:
    """One line naming the setting, where its value came from and what is wrong with it."""
    err = exc.errors()[0]
    name = str(err["loc"][0]) if err.get("loc") else "?"
    env = f"FACTCHECK_{name.upper()}"
    where = f"{env}={os.environ[env]!r}" if env in os.environ else f"setting {name}={err.get('input')!r}"
    return f"{where}: {err['msg'].lower()}; fix or unset it"


def check_environment(environ: Mapping[str, str] | None = None) -> None:
    """Refuse FACTCHECK_* variables that name no setting: a typo must not be silently ignored."""
    environ = os.environ if environ is None else environ
    known = {f"FACTCHECK_{name.upper()}" for name in Settings.model_fields} | OTHER_ENV
    for name in sorted(environ):
        if name.upper().startswith("FACTCHECK_") and name.upper() not in known:
            close = difflib.get_close_matches(name.upper(), sorted(known), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise InputError(f"unknown environment variable {name}; {hint}known: {', '.join(sorted(known))}")

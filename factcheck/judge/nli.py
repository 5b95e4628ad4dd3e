"""The runtime NLI model: a three-way cross-encoder, (premise, hypothesis) pairs in, probabilities out."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from factcheck.errors import ModelError
from factcheck.results import Verdict, verdict_from_label

LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")
SHIPPED_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "nli-minilm-l6"
FUSION_FILE = "fusion.json"  # fusion parameters tuned for the model, beside its weights

# A model's label, read through the one table of label spellings (results.LABEL_ALIASES), as an NLI class.
_NLI_LABEL: dict[Verdict | None, str] = {
    Verdict.SUPPORTED: "entailment", Verdict.NOT_ENOUGH_INFO: "neutral", Verdict.CONTRADICTED: "contradiction"}


class NLIModel:
    """Batch-first wrapper over a sequence-classification NLI model; outputs follow `LABELS` order."""

    labels: tuple[str, str, str] = LABELS
    fusion_params: dict[str, float] = {}  # from the model's fusion.json; none: Settings' fallbacks apply
    verdict_model = None  # from the model's verdict_model.json (factcheck.judge.verdict_model); none: thresholds
    runtime = "torch"

    def __init__(self, model, tokenizer, name: str, max_length: int = 256):
        import torch

        self.model = model.eval()
        self.tokenizer = tokenizer
        self.name = name
        self.max_length = max_length
        self._torch = torch
        self._columns = label_columns({int(k): str(v) for k, v in model.config.id2label.items()}, name)

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path, max_length: int = 256) -> NLIModel:
        import torch

        from factcheck.retrieval.embed import quiet_hf

        if Path(str(name_or_path)).exists():
            quiet_hf()  # a local model never needs the hub
        else:
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        try:
            tok = AutoTokenizer.from_pretrained(str(name_or_path))
            model = AutoModelForSequenceClassification.from_pretrained(str(name_or_path), dtype=torch.float32)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load NLI model {str(name_or_path)!r}: {exc}".splitlines()[0]) from exc
        if model.config.num_labels != 3:
            raise ModelError(f"NLI model {str(name_or_path)!r} has {model.config.num_labels} labels; need 3")
        return read_model_files(cls(model, tok, str(name_or_path), max_length=max_length), name_or_path)

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities of shape (len(pairs), 3) in `labels` order."""
        if isinstance(pairs, tuple) and len(pairs) == 2 and isinstance(pairs[0], str):
            raise ValueError("predict() takes a list of (premise, hypothesis) pairs; wrap a single pair in a list")
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        torch = self._torch
        pairs, inverse = unique_pairs(pairs)
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        # Sort by length so each batch pads little; restore order at the end.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                enc = self.tokenizer(
                    [pairs[i][0] for i in idx], [pairs[i][1] for i in idx], padding=True,
                    truncation="longest_first", max_length=self.max_length, return_tensors="pt",
                )
                logits = self.model(**enc).logits.float()
                probs = torch.softmax(logits, dim=-1).numpy()[:, self._columns]
                out[idx] = probs
        return out[inverse]

    def token_counts(self, pairs: list[tuple[str, str]]) -> list[int]:
        """Tokens per (premise, hypothesis) pair after truncation."""
        enc = self.tokenizer([p for p, _ in pairs], [h for _, h in pairs], truncation="longest_first",
                             max_length=self.max_length)
        return [len(x) for x in enc["input_ids"]]


def unique_pairs(pairs: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], np.ndarray]:
    """The distinct pairs (first-seen order) and, per input pair, its row among them: a batch repeats pairs
    (the same statement twice in a CSV, a claim retrieved for a statement and for its part)."""
    rows: dict[tuple[str, str], int] = {}
    inverse = np.fromiter((rows.setdefault((p, h), len(rows)) for p, h in pairs), dtype=np.int64, count=len(pairs))
    return list(rows), inverse


def label_columns(id2label: dict[int, str], name: str) -> list[int]:
    """The output column holding each of `LABELS`, from the model's id2label (any spelling results knows)."""
    try:
        mapped = {_NLI_LABEL[verdict_from_label(v.lower())]: k for k, v in id2label.items()}
        return [mapped[label] for label in LABELS]
    except KeyError as exc:
        raise ModelError(
            f"model {name!r} has labels {sorted(v.lower() for v in id2label.values())}; "
            "need entailment/neutral/contradiction"
        ) from exc


def read_model_files(nli, model_dir: str | Path):
    """Attach what travels with a model folder (fusion.json, verdict_model.json) to a loaded NLI model."""
    if Path(str(model_dir)).is_dir():
        nli.fusion_params = read_fusion_params(model_dir)
        from factcheck.judge.verdict_model import read_model_verdict

        nli.verdict_model = read_model_verdict(model_dir)
    return nli


def load_nli(name_or_path: str | Path | None = None, *, runtime: str | None = None,
             log: Callable[[str], None] | None = None):
    """Load the shipped model (None), a local directory, or a Hugging Face id (needs network).

    runtime: "auto" (default: `Settings.runtime`) runs the shipped model on ONNX Runtime, exported once into
    the cache from its safetensors (and again whenever they change), falling back to torch when that is
    impossible; "onnx" insists on ONNX, for any local folder; "torch" always uses transformers. Either way
    the model has `labels`, `predict(pairs)` and `runtime`.
    """
    from factcheck.runtime.loading import load_onnx, resolve_runtime

    runtime = resolve_runtime(runtime)
    if name_or_path is None and not (SHIPPED_MODEL_DIR / "config.json").exists():
        raise ModelError(f"shipped NLI model missing at {SHIPPED_MODEL_DIR}; reinstall factcheck")
    path = SHIPPED_MODEL_DIR if name_or_path is None else name_or_path
    if runtime == "onnx" and not Path(str(path)).is_dir():
        raise ModelError(f"NLI model {str(path)!r} is not a local folder; the ONNX runtime exports local models "
                         "only (use FACTCHECK_RUNTIME=torch for Hugging Face ids)")
    if runtime == "onnx" or (runtime == "auto" and name_or_path is None):
        from factcheck.runtime.onnx import OnnxNLIModel

        model = load_onnx("nli", path, lambda export: OnnxNLIModel(export, name=str(path)),
                          strict=runtime == "onnx", log=log)
        if model is not None:
            return read_model_files(model, path)
    return NLIModel.from_pretrained(path)


def read_fusion_params(model_dir: str | Path) -> dict[str, float]:
    """The fusion parameters tuned for a model (its fusion.json; keys starting with "_" are notes), or {}."""
    from factcheck.settings import FUSION_FIELDS

    path = Path(model_dir) / FUSION_FILE
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: not valid JSON ({exc.msg})") from exc
    params = {k: v for k, v in raw.items() if not k.startswith("_")}
    unknown = sorted(set(params) - set(FUSION_FIELDS))
    if unknown or not all(isinstance(v, (int, float)) for v in params.values()):
        raise ModelError(f"{path}: expected numbers for {', '.join(FUSION_FIELDS)}; got {unknown or params}")
    return {k: float(v) for k, v in params.items()}

"""The runtime NLI model: a three-way cross-encoder, (premise, hypothesis) pairs in, probabilities out."""

from __future__ import annotations

import json
import os
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

    def __init__(self, model, tokenizer, name: str, max_length: int = 256):
        import torch

        self.model = model.eval()
        self.tokenizer = tokenizer
        self.name = name
        self.max_length = max_length
        self._torch = torch
        id2label = {int(k): str(v).lower() for k, v in model.config.id2label.items()}
        try:
            # column j of the model's output holds label self._order... rearranged to LABELS order.
            mapped = {_NLI_LABEL[verdict_from_label(v)]: k for k, v in id2label.items()}
            self._columns = [mapped[name] for name in LABELS]
        except KeyError as exc:
            raise ModelError(
                f"model {name!r} has labels {sorted(id2label.values())}; need entailment/neutral/contradiction"
            ) from exc

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
        nli = cls(model, tok, str(name_or_path), max_length=max_length)
        if Path(str(name_or_path)).is_dir():
            nli.fusion_params = read_fusion_params(name_or_path)
        return nli

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities of shape (len(pairs), 3) in `labels` order."""
        if isinstance(pairs, tuple) and len(pairs) == 2 and isinstance(pairs[0], str):
            raise ValueError("predict() takes a list of (premise, hypothesis) pairs; wrap a single pair in a list")
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        torch = self._torch
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
        return out


def load_nli(name_or_path: str | Path | None = None) -> NLIModel:
    """Load the shipped model (None), a local directory, or a Hugging Face id (needs network)."""
    if name_or_path is None:
        if not (SHIPPED_MODEL_DIR / "config.json").exists():
            raise ModelError(f"shipped NLI model missing at {SHIPPED_MODEL_DIR}; reinstall factcheck")
        return NLIModel.from_pretrained(SHIPPED_MODEL_DIR)
    return NLIModel.from_pretrained(name_or_path)


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

"""The torch-free runtime: ONNX Runtime sessions and `tokenizers` for the exported models.

`OnnxNLIModel` and `OnnxSentenceEncoder` reproduce the torch wrappers (`factcheck.judge.nli.NLIModel`,
sentence-transformers' mean pooling + normalize) on the same inputs; tests/test_onnx_runtime.py pins the
agreement. Importing this module imports onnxruntime, tokenizers and numpy, nothing else heavy.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np

from factcheck.errors import ModelError
from factcheck.runtime.artifacts import META_FILE, MODEL_FILE, TOKENIZER_FILE


class OnnxModel:
    """One exported model: its ONNX Runtime session, its tokenizer (truncating, padding to the batch's
    longest) and its export.json."""

    def __init__(self, path: str | Path, threads: int | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.path = Path(path)
        try:
            self.meta = json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
            options = ort.SessionOptions()
            options.log_severity_level = 3  # warnings about unused initializers are noise here
            # Idle pool threads would spin between runs, taking a core from the spaCy rules that run right after
            # each NLI batch (and from other processes) on small machines.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            threads = threads or _env_threads()
            if threads:
                options.intra_op_num_threads = threads
            self.session = ort.InferenceSession(str(self.path / MODEL_FILE), options,
                                                providers=["CPUExecutionProvider"])
            self.tokenizer = Tokenizer.from_file(str(self.path / TOKENIZER_FILE))
        except Exception as exc:  # ORT raises its own exception types
            raise ModelError(f"cannot load the ONNX export at {self.path}: {exc}".splitlines()[0]) from exc
        self.max_length = int(self.meta["max_length"])
        self.tokenizer.enable_truncation(self.max_length, strategy="longest_first")
        pad_id = int(self.meta.get("pad_token_id", 0))
        self.tokenizer.enable_padding(pad_id=pad_id, pad_token=self.tokenizer.id_to_token(pad_id) or "[PAD]")
        self.inputs = [i.name for i in self.session.get_inputs()]

    def encode(self, batch: list) -> dict[str, np.ndarray]:
        """Model inputs for a batch of texts or (text, text_pair) tuples."""
        enc = self.tokenizer.encode_batch(batch)
        arrays = {"input_ids": [e.ids for e in enc], "attention_mask": [e.attention_mask for e in enc],
                  "token_type_ids": [e.type_ids for e in enc]}
        return {name: np.asarray(arrays[name], dtype=np.int64) for name in self.inputs}

    def run(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return self.session.run(None, feed)[0]

    def token_counts(self, batch: list) -> list[int]:
        """Tokens per item after truncation, without padding."""
        return [sum(e.attention_mask) for e in self.tokenizer.encode_batch(batch)]


def _env_threads() -> int | None:
    """OMP_NUM_THREADS, which torch and FAISS follow too (a Ray worker gets 1); None when unset or not a count."""
    value = os.environ.get("OMP_NUM_THREADS", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


class OnnxNLIModel:
    """The NLI cross-encoder on ONNX Runtime; same interface and outputs as `factcheck.judge.nli.NLIModel`."""

    runtime = "onnx"

    def __init__(self, export_path: str | Path, name: str, threads: int | None = None):
        from factcheck.judge.nli import LABELS, label_columns

        self.labels = LABELS
        self.fusion_params: dict[str, float] = {}
        self.verdict_model = None
        self.name = name
        self.onnx = OnnxModel(export_path, threads)
        self.max_length = self.onnx.max_length
        id2label = {int(k): str(v).lower() for k, v in self.onnx.meta["id2label"].items()}
        self._columns = label_columns(id2label, name)

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Probabilities of shape (len(pairs), 3) in `labels` order."""
        from factcheck.judge.nli import unique_pairs

        if isinstance(pairs, tuple) and len(pairs) == 2 and isinstance(pairs[0], str):
            raise ValueError("predict() takes a list of (premise, hypothesis) pairs; wrap a single pair in a list")
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        pairs, inverse = unique_pairs(pairs)
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        # Sort by length so each batch pads little; restore order at the end.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            logits = self.onnx.run(self.onnx.encode([(pairs[i][0], pairs[i][1]) for i in idx]))
            out[idx] = _softmax(logits.astype(np.float32))[:, self._columns]
        return out[inverse]

    def token_counts(self, pairs: list[tuple[str, str]]) -> list[int]:
        return self.onnx.token_counts([(p, h) for p, h in pairs])


class OnnxSentenceEncoder:
    """A sentence-transformers model (Transformer → Pooling → Normalize) on ONNX Runtime."""

    runtime = "onnx"

    def __init__(self, export_path: str | Path, threads: int | None = None):
        self.onnx = OnnxModel(export_path, threads)
        self.pooling = self.onnx.meta.get("pooling", "mean")
        self.normalize = bool(self.onnx.meta.get("normalize", True))
        self.dimension = int(self.onnx.meta["hidden_size"])

    def encode(self, texts: list[str], batch_size: int = 64, progress=None) -> np.ndarray:
        """(len(texts), dimension) float32; L2-normalized when the model ends in Normalize."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            feed = self.onnx.encode([texts[i] for i in idx])
            hidden = self.onnx.run(feed).astype(np.float32)
            if self.pooling == "cls":
                vecs = hidden[:, 0]
            else:  # mean over real tokens, as sentence-transformers' Pooling(mean)
                mask = feed["attention_mask"][:, :, None].astype(np.float32)
                vecs = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
            if self.normalize:  # torch.nn.functional.normalize: x / max(||x||, 1e-12)
                vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            out[idx] = vecs
            if progress:
                progress(len(idx))
        return out

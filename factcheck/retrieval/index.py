"""Stage 4, index: a FAISS inner-product index over claim embeddings, with a manifest that guards reuse."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path

import numpy as np

from factcheck.errors import CorpusNotFound, IndexMismatch
from factcheck.results import Claim

INDEX_FORMAT_VERSION = 1


@dataclass
class SearchHit:
    claim: Claim
    similarity: float


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a file via a temp file in the same folder and a rename, so readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, path)


class ClaimIndex:
    """Claims plus their normalized embeddings in a FAISS IndexFlatIP (inner product == cosine)."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, manifest: dict):
        import faiss

        self.claims = claims
        self.manifest = manifest
        self._index = faiss.IndexFlatIP(vectors.shape[1])
        if len(vectors):
            self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    @classmethod
    def build(cls, claims: list[Claim], embedder, sources: dict[str, str] | None = None,
              show_progress: bool = False) -> ClaimIndex:
        """Embed every claim's text and index it. `sources` maps source path → sha256."""
        vectors = embedder.encode([c.text for c in claims], show_progress=show_progress)
        manifest = {
            "format_version": INDEX_FORMAT_VERSION,
            "embedding_model": embedder.model_id,
            "embedding_weights_sha256": embedder.weights_sha256,
            "dimension": int(vectors.shape[1]) if len(vectors) else embedder.dimension,
            "claim_count": len(claims),
            "sources": sources or {},
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        return cls(claims, vectors, manifest)

    def __len__(self) -> int:
        return len(self.claims)

    @cached_property
    def _sentences_by_doc(self) -> dict[str, list[str]]:
        by_doc: dict[str, dict[str, None]] = {}
        for c in self.claims:
            by_doc.setdefault(c.doc_id, {})[c.sentence] = None
        return {d: list(sents) for d, sents in by_doc.items()}

    def doc_sentences(self, doc_id: str) -> list[str]:
        """The distinct source sentences of one document, in order."""
        return self._sentences_by_doc.get(doc_id, [])

    def search(self, query_vectors: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k claims for each query row, best first."""
        k = min(k, len(self.claims))
        if k == 0:
            return [[] for _ in range(len(query_vectors))]
        scores, ids = self._index.search(np.ascontiguousarray(query_vectors, dtype=np.float32), k)
        return [
            [SearchHit(self.claims[i], float(s)) for s, i in zip(row_s, row_i) if i >= 0]
            for row_s, row_i in zip(scores, ids)
        ]

    def save(self, path: str | Path) -> None:
        import faiss

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_atomic(path / "index.faiss", faiss.serialize_index(self._index).tobytes())
        write_atomic(path / "claims.jsonl", "".join(c.model_dump_json() + "\n" for c in self.claims))
        # The manifest goes last: an index folder without one is incomplete and gets rebuilt.
        write_atomic(path / "manifest.json", json.dumps(self.manifest, indent=2) + "\n")

    @classmethod
    def load(cls, path: str | Path, embedder) -> ClaimIndex:
        """Load a saved index, refusing one built with another embedding model or format."""
        import faiss

        path = Path(path)
        mpath = path / "manifest.json"
        if not mpath.exists():
            raise CorpusNotFound(f"no index at {path}; build it with `factcheck index --corpus NAME`")
        manifest = json.loads(mpath.read_text())
        name = path.name
        if manifest.get("format_version") != INDEX_FORMAT_VERSION:
            raise IndexMismatch(
                f"index {path} has format {manifest.get('format_version')}, this factcheck reads "
                f"{INDEX_FORMAT_VERSION}; rebuild it with `factcheck index --corpus {name}`"
            )
        if manifest.get("embedding_weights_sha256") != embedder.weights_sha256:
            raise IndexMismatch(
                f"index {path} was built with embedding model {manifest.get('embedding_model')!r} "
                f"(weights {str(manifest.get('embedding_weights_sha256'))[:12]}), not the one loaded now "
                f"({embedder.model_id}, weights {embedder.weights_sha256[:12]}); "
                f"rebuild it with `factcheck index --corpus {name}`"
            )
        with open(path / "claims.jsonl", encoding="utf-8") as fh:
            claims = [Claim.model_validate_json(line) for line in fh if line.strip()]
        index = faiss.deserialize_index(np.frombuffer((path / "index.faiss").read_bytes(), dtype=np.uint8))
        if index.ntotal != len(claims):
            raise IndexMismatch(f"index {path} holds {index.ntotal} vectors for {len(claims)} claims; rebuild it")
        obj = cls.__new__(cls)
        obj.claims, obj.manifest, obj._index = claims, manifest, index
        return obj

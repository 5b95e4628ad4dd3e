"""Stage 4, index: a FAISS inner-product index over claim embeddings whose vector IDs map to claims.

IDs let a corpus add and remove documents without re-embedding the rest (`add`, `remove_docs`). On disk an
index is two files, `claims.jsonl` (one claim a line, in vector order) and `index.faiss`; the corpus manifest
(factcheck.retrieval.corpus) records their sha256 and the embedding model, and `load` refuses a mismatch.
From `ann_threshold` vectors up, search goes through an approximate HNSW graph built beside the flat index
(factcheck.retrieval.ann explains when and why); the flat index stays the one that is updated and saved.
A corpus can keep its vectors in Milvus instead: `MilvusClaimIndex` (factcheck.retrieval.milvus) is this class
with the vectors in a collection and no index.faiss.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from pydantic import ValidationError

from factcheck.errors import CorpusCorrupt, IndexMismatch
from factcheck.protocols import EmbeddingModel
from factcheck.results import Claim
from factcheck.retrieval.ann import ApproximateIndex, default_threshold, uses_approximate

CLAIMS_FILE = "claims.jsonl"
INDEX_FILE = "index.faiss"


@dataclass
class SearchHit:
    claim: Claim
    similarity: float


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write a file via a temp file in the same folder and a rename, so readers never see half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())  # the rename must not reach the disk before the data (power loss)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_verified(path: Path, sha256: str) -> bytes:
    """A file's bytes, refusing a missing file or one whose hash is not the one its manifest recorded."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusCorrupt(f"{path} is missing") from None
    if sha256_bytes(data) != sha256:
        raise CorpusCorrupt(f"{path} does not match the sha256 in its manifest (truncated or changed)")
    return data


def parse_claims(data: bytes, path: Path) -> list[Claim]:
    """Claims from the bytes of a claims.jsonl; a damaged line is a CorpusCorrupt naming the line."""
    claims = []
    for n, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            claims.append(Claim.model_validate_json(line))
        except ValidationError:
            raise CorpusCorrupt(f"{path}: line {n} is not a valid claim (truncated or edited)") from None
    return claims


def embedding_info(embedder: EmbeddingModel) -> dict:
    """What an index records about the model that made its vectors."""
    return {"embedding_model": embedder.model_id, "embedding_weights_sha256": embedder.weights_sha256,
            "dimension": int(embedder.dimension)}


def check_model(info: dict, embedder, corpus: str) -> None:
    """Refuse an index whose vectors another embedding model made than `embedder`."""
    if info.get("embedding_weights_sha256") != embedder.weights_sha256:
        raise IndexMismatch(
            f"corpus {corpus!r} was indexed with embedding model {info.get('embedding_model')!r} "
            f"(weights {str(info.get('embedding_weights_sha256'))[:12]}), not the one loaded now "
            f"({embedder.model_id}, weights {embedder.weights_sha256[:12]}); "
            f"rebuild the index with `factcheck index --corpus {corpus}`"
        )


class ClaimIndex:
    """Claims and their normalized embeddings: a FAISS IndexIDMap over IndexFlatIP (inner product == cosine).

    ann_threshold: from this many vectors up, search is approximate (HNSW); 0 = always exact; None (default) =
    the setting FACTCHECK_ANN_THRESHOLD, read at the first search.
    """

    def __init__(self, info: dict, faiss_index=None, claims: dict[int, Claim] | None = None, next_id: int = 0,
                 ann_threshold: int | None = None):
        import faiss

        self.info = info  # embedding_model, embedding_weights_sha256, dimension
        self._index = faiss_index if faiss_index is not None else faiss.IndexIDMap(
            faiss.IndexFlatIP(info["dimension"]))
        self._by_id: dict[int, Claim] = claims or {}
        self.next_id = next_id
        self.ann_threshold = ann_threshold
        self._ann: ApproximateIndex | None = None  # built at the first search that needs it
        self._ann_lock = threading.Lock()  # concurrent first searches (serve) build it once

    @classmethod
    def build(cls, claims: list[Claim], embedder: EmbeddingModel, show_progress: bool = False) -> ClaimIndex:
        """Embed every claim's text and index it."""
        index = cls(embedding_info(embedder))
        index.add(claims, embedder.encode([c.text for c in claims], show_progress=show_progress))
        return index

    def add(self, claims: list[Claim], vectors: np.ndarray) -> None:
        """Add claims with their embeddings (rows of `vectors`, in the same order) under fresh IDs."""
        if len(claims) != len(vectors):
            raise ValueError(f"add() got {len(claims)} claims but {len(vectors)} vectors")
        if not claims:
            return
        ids = np.arange(self.next_id, self.next_id + len(claims), dtype=np.int64)
        self._insert_vectors(ids, vectors)
        self._by_id.update(zip(ids.tolist(), claims))
        self.next_id += len(claims)
        self._changed()

    def remove_docs(self, doc_ids: set[str]) -> int:
        """Remove every claim of these documents (vectors included); returns how many went."""
        ids = [i for i, c in self._by_id.items() if c.doc_id in doc_ids]
        if ids:
            self._delete_vectors(ids)
            for i in ids:
                del self._by_id[i]
            self._changed()
        return len(ids)

    def _insert_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Where the vectors go (a store other than FAISS overrides this and `_delete_vectors`)."""
        self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
        if self._ann is not None:
            self._ann.add(vectors, ids)

    def _delete_vectors(self, ids: list[int]) -> None:
        self._index.remove_ids(np.asarray(ids, dtype=np.int64))
        self._ann = None  # HNSW cannot remove vectors: rebuilt at the next search

    def map_claims(self, fn: Callable[[Claim], Claim]) -> ClaimIndex:
        """A copy whose claims are fn(claim), sharing these vectors (for re-pointing claims at new paths)."""
        copy = ClaimIndex(self.info, self._index, {i: fn(c) for i, c in self._by_id.items()}, self.next_id,
                          self.ann_threshold)
        copy._ann = self._ann
        return copy

    def _changed(self) -> None:
        for attr in ("claims", "_sentences_by_doc", "_next_sentence"):
            self.__dict__.pop(attr, None)

    def __len__(self) -> int:
        return len(self._by_id)

    @cached_property
    def claims(self) -> list[Claim]:
        """All claims in vector order (documents in the order they were added, each in reading order)."""
        return [self._by_id[i] for i in self._vector_ids()]

    def _vector_ids(self) -> list[int]:
        import faiss

        return faiss.vector_to_array(self._index.id_map).tolist()

    @cached_property
    def _sentences_by_doc(self) -> dict[str, list[str]]:
        by_doc: dict[str, dict[str, None]] = {}
        for c in self.claims:
            by_doc.setdefault(c.doc_id, {})[c.sentence] = None
        return {d: list(sents) for d, sents in by_doc.items()}

    @cached_property
    def _next_sentence(self) -> dict[tuple[str, str], Claim]:
        """(document, sentence) → the whole-sentence claim of the sentence after it."""
        first: dict[tuple[str, str], Claim] = {}
        for c in self.claims:
            first.setdefault((c.doc_id, c.sentence), c)
        out: dict[tuple[str, str], Claim] = {}
        for doc_id, sentences in self._sentences_by_doc.items():
            for a, b in zip(sentences, sentences[1:]):
                out[doc_id, a] = first[doc_id, b]
        return out

    def following(self, claim: Claim) -> Claim | None:
        """The (whole-sentence) claim of the sentence after `claim`'s in its document, if any."""
        return self._next_sentence.get((claim.doc_id, claim.sentence))

    def doc_sentences(self, doc_id: str) -> list[str]:
        """The distinct source sentences of one document, in order."""
        return self._sentences_by_doc.get(doc_id, [])

    def search(self, query_vectors: np.ndarray, k: int) -> list[list[SearchHit]]:
        """Top-k claims for each query row, best first."""
        k = min(k, len(self))
        if k == 0:
            return [[] for _ in range(len(query_vectors))]
        searcher = self._approximate() if self.approximate else self._index
        scores, ids = searcher.search(np.ascontiguousarray(query_vectors, dtype=np.float32), k)
        return [
            [SearchHit(self._by_id[int(i)], float(s)) for s, i in zip(row_s, row_i) if i >= 0]
            for row_s, row_i in zip(scores, ids)
        ]

    @property
    def approximate(self) -> bool:
        """Whether `search` goes through the approximate HNSW graph (at least `ann_threshold` vectors)."""
        if self.ann_threshold is None:
            self.ann_threshold = default_threshold()
        return uses_approximate(len(self), self.ann_threshold)

    def _approximate(self) -> ApproximateIndex:
        with self._ann_lock:
            if self._ann is None:
                self._ann = ApproximateIndex(self._index)
            return self._ann

    def vectors(self) -> np.ndarray:
        """Every claim's vector, one row per claim of `claims`, in that order (to copy an index elsewhere)."""
        n = int(self._index.ntotal)
        if not n:
            return np.zeros((0, self.info["dimension"]), dtype=np.float32)
        return self._index.index.reconstruct_n(0, n)  # the flat index holds them in ID-map (= claims) order

    def store_record(self) -> dict | None:
        """What a manifest records about an index kept outside the generation's files: None, it is index.faiss."""
        return None

    def save(self, folder: Path) -> dict[str, str]:
        """Write claims.jsonl and index.faiss into `folder`; returns {file name: sha256} for a manifest."""
        import faiss

        claims = "".join(c.model_dump_json() + "\n" for c in self.claims).encode("utf-8")
        vectors = faiss.serialize_index(self._index).tobytes()
        write_atomic(folder / CLAIMS_FILE, claims)
        write_atomic(folder / INDEX_FILE, vectors)
        return {CLAIMS_FILE: sha256_bytes(claims), INDEX_FILE: sha256_bytes(vectors)}

    @classmethod
    def load(cls, folder: Path, files: dict[str, str], info: dict, next_id: int, embedder,
             corpus: str) -> ClaimIndex:
        """Load what `save` wrote, refusing files that differ from their recorded hashes and an index built
        with another embedding model than `embedder`."""
        import faiss

        check_model(info, embedder, corpus)
        claims = parse_claims(read_verified(folder / CLAIMS_FILE, files[CLAIMS_FILE]), folder / CLAIMS_FILE)
        raw = read_verified(folder / INDEX_FILE, files[INDEX_FILE])
        index = faiss.deserialize_index(np.frombuffer(raw, dtype=np.uint8))
        ids = faiss.vector_to_array(index.id_map).tolist()
        if len(ids) != len(claims):
            raise CorpusCorrupt(f"{folder}: {len(ids)} vectors for {len(claims)} claims")
        return cls(info, index, dict(zip(ids, claims)), next_id)

"""Claim vectors in Milvus: a corpus whose vectors live in a milvus-lite file or on a Milvus server.

`factcheck index --corpus NAME --store PATH.db` (milvus-lite, one process at a time) or `--store
milvus://HOST:PORT/COLLECTION` (a server, shared by any number of processes) moves a corpus's vectors there;
`--store faiss` moves them back. Needs the `milvus` extra (`pip install -e ".[milvus]"`); nothing here imports
pymilvus until a Milvus store is used.

What is stored where. The generation folder keeps what it keeps for a FAISS corpus except `index.faiss`:
`claims.jsonl` (claim text and offsets, the source of truth, checked against its sha256) and the manifest, whose
`index.store` names the store, the collection and the claim IDs (as ranges; claims.jsonl is in ID order). The
collection holds one row per claim: its ID (int64 primary key) and its normalised embedding, indexed by HNSW
over inner product (cosine) with the parameters measured for factcheck.retrieval.ann. A loaded
`MilvusClaimIndex` holds the claims but no vectors, so search results keep their claims and scores exactly as
with FAISS. No copy of the vectors stays on disk beside the claims: two copies could disagree, and a corpus too
large for one process's memory is what a Milvus store is for; moving back to FAISS copies them out of Milvus.

Crash safety, with the corpus writer's generations (factcheck.retrieval.store):
- A new index (migration, rebuild, `ingest --replace`) goes into a new collection, `BASE__fcTOKEN`, named in the
  staging folder's `store.json` before it is created. Only when it is complete and flushed does CURRENT move.
  A collection is dropped when the last generation or staging folder naming it is cleaned away, so an interrupted
  write leaves nothing behind and the previous generation's collection goes once the new one is live.
- Adding or removing documents (`ingest --add`, `corpus remove NAME DOC`) updates the live collection in place,
  without copying it: new claims get IDs from the generation's `next_id` up, which its readers filter out
  (`id < next_id`); removed claims stay in the collection until the new generation is live, which hides them
  from its own readers (it no longer holds their claims) and deletes them after the switch. A writer killed
  anywhere leaves rows that no generation shows; the next in-place writer deletes them first.
"""

from __future__ import annotations

import heapq
import json
import logging
import os
import re
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import CorpusCorrupt, InputError, StoreUnavailable
from factcheck.results import Claim
from factcheck.retrieval import ann
from factcheck.retrieval.index import (
    CLAIMS_FILE,
    ClaimIndex,
    SearchHit,
    check_model,
    parse_claims,
    read_verified,
    sha256_bytes,
    write_atomic,
)
from factcheck.retrieval.store import STORE_FILE

SCHEME = "milvus://"
ID, VECTOR = "id", "vector"
INSERT_BATCH = 2_000  # rows per insert call: ~3 MB of 384-d vectors, far below gRPC's 64 MB message limit
DELETE_BATCH = 5_000
FETCH_BATCH = 1_000
MAX_LIMIT = 16_384  # Milvus's largest top-k
CONNECT_TIMEOUT_S = 10.0
EXTRA_HINT = 'install the milvus extra: pip install -e ".[milvus]" (pymilvus, and milvus-lite for a local file)'
_COLLECTION = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,180}")
_HOST_PORT = re.compile(r"[A-Za-z0-9.-]+(:\d+)?")


@dataclass(frozen=True)
class StoreSpec:
    """Where a corpus's vectors go: a milvus-lite file (an absolute path ending .db) or a server (http://HOST:PORT),
    and the collection name the store's collections start with."""

    uri: str
    base: str

    @property
    def lite(self) -> bool:
        return self.uri.endswith(".db")


def parse_store(spec: str, corpus: str) -> StoreSpec | None:
    """`faiss` (None: the embedded FAISS index), `PATH.db` (milvus-lite) or `milvus://HOST:PORT/COLLECTION`;
    the collection defaults to the corpus name."""
    if spec == "faiss":
        return None
    default = re.sub(r"\W", "_", corpus)
    default = default if _COLLECTION.fullmatch(default) else f"c_{default}"
    if spec.startswith(SCHEME):
        address, _, collection = spec[len(SCHEME):].partition("/")
        collection = collection.strip("/") or default
        if not _HOST_PORT.fullmatch(address) or not _COLLECTION.fullmatch(collection):
            raise InputError(f"--store {spec!r}: expected milvus://HOST:PORT/COLLECTION, the collection name made "
                             "of letters, digits and '_' (not starting with a digit)")
        return StoreSpec(f"http://{address if ':' in address else address + ':19530'}", collection)
    if spec.endswith(".db"):
        path = Path(spec).expanduser().resolve()
        if path.exists() and not path.is_dir():
            raise InputError(f"--store {spec}: {path} is a file, not a milvus-lite data folder")
        return StoreSpec(str(path), default)
    raise InputError(f"--store {spec!r}: expected faiss, a milvus-lite file (a path ending .db) or "
                     "milvus://HOST:PORT/COLLECTION")


# --- the connection -------------------------------------------------------------------------------------------

_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def _client(uri: str, create: bool = False) -> Any:
    """One MilvusClient per store in this process (a milvus-lite file is served from a thread of this process)."""
    with _clients_lock:
        if uri in _clients:
            return _clients[uri]
        try:
            from pymilvus import MilvusClient
            from pymilvus.exceptions import MilvusException
        except ImportError:
            raise StoreUnavailable(f"the vector store {uri} is Milvus; {EXTRA_HINT}") from None
        if uri.endswith(".db"):
            try:
                import milvus_lite  # noqa: F401 - pymilvus starts it for a .db URI
            except ImportError:
                raise StoreUnavailable(f"the vector store {uri} is a milvus-lite file; {EXTRA_HINT}") from None
            if create:
                Path(uri).parent.mkdir(parents=True, exist_ok=True)
            elif not Path(uri).is_dir():
                raise CorpusCorrupt(f"the milvus-lite file {uri} holding its vectors is missing")
        # pymilvus and milvus-lite log failed calls with tracebacks; factcheck reports them as one-line errors.
        for name in ("pymilvus", "milvus_lite"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            client = MilvusClient(uri=uri, token=os.environ.get("MILVUS_TOKEN", ""), timeout=CONNECT_TIMEOUT_S)
        except MilvusException as exc:
            why = ("another process probably has it open (milvus-lite serves one process at a time; use a Milvus "
                   "server to share a corpus between processes)") if uri.endswith(".db") else \
                "is the server running and reachable?"
            raise StoreUnavailable(f"cannot open the Milvus store {uri}: {why} ({exc.message})") from None
        _clients[uri] = client
        return client


@contextmanager
def _calls(uri: str, collection: str) -> Iterator[None]:
    """Milvus failures as factcheck errors: a missing collection is a damaged corpus, the rest the store's."""
    from pymilvus.exceptions import MilvusException

    try:
        yield
    except MilvusException as exc:
        if "not exist" in exc.message or "not found" in exc.message:
            raise missing_collection(uri, collection) from None
        raise StoreUnavailable(f"Milvus store {uri}, collection {collection!r}: {exc.message}") from None


def missing_collection(uri: str, collection: str) -> CorpusCorrupt:
    return CorpusCorrupt(f"its collection {collection!r} is missing from {uri} (dropped by hand, or by a later "
                         "`factcheck index` if this process loaded the corpus before it: restart it then)")


class MilvusCollection:
    """One collection of (claim ID, vector) rows."""

    def __init__(self, uri: str, name: str):
        self.uri, self.name = uri, name

    def record(self) -> dict:
        return {"uri": self.uri, "collection": self.name}

    def _call(self, method: str, *args, create: bool = False, **kwargs):
        client = _client(self.uri, create=create)
        with _calls(self.uri, self.name):
            return getattr(client, method)(*args, **kwargs)

    def create(self, dimension: int) -> None:
        client = _client(self.uri, create=True)  # first: it turns a missing pymilvus into StoreUnavailable
        from pymilvus import DataType

        with _calls(self.uri, self.name):
            schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
            schema.add_field(ID, DataType.INT64, is_primary=True)
            schema.add_field(VECTOR, DataType.FLOAT_VECTOR, dim=int(dimension))
            params = client.prepare_index_params()
            params.add_index(field_name=VECTOR, index_type="HNSW", metric_type="IP",
                             params={"M": ann.M, "efConstruction": ann.EF_CONSTRUCTION})
            # Strong: a search sees every write acknowledged before it, from any process.
            client.create_collection(self.name, schema=schema, index_params=params, consistency_level="Strong")

    def load(self) -> None:
        """Load the collection for search (a milvus-lite file reopened by another process starts released)."""
        self._call("load_collection", self.name)

    def exists(self) -> bool:
        return bool(self._call("has_collection", self.name))

    def insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        for start in range(0, len(ids), INSERT_BATCH):
            rows = [{ID: int(i), VECTOR: v} for i, v in zip(ids[start:start + INSERT_BATCH].tolist(),
                                                             vectors[start:start + INSERT_BATCH].tolist())]
            self._call("insert", self.name, rows)

    def delete_ids(self, ids: list[int]) -> None:
        for start in range(0, len(ids), DELETE_BATCH):
            self._call("delete", self.name, ids=[int(i) for i in ids[start:start + DELETE_BATCH]])

    def delete_from(self, first_id: int) -> None:
        self._call("delete", self.name, filter=f"{ID} >= {int(first_id)}")

    def flush(self) -> None:
        self._call("flush", self.name)

    def drop(self) -> None:
        if self.exists():
            self._call("drop_collection", self.name)

    def search(self, queries: np.ndarray, limit: int, below: int) -> list[list[tuple[int, float]]]:
        """(ID, inner product) of the nearest `limit` rows with an ID below `below`, per query row, best first."""
        rows = self._call("search", self.name, data=np.asarray(queries, dtype=np.float32).tolist(), limit=limit,
                          filter=f"{ID} < {int(below)}", output_fields=[ID], anns_field=VECTOR,
                          search_params={"metric_type": "IP", "params": {"ef": max(ann.EF_SEARCH, limit)}})
        return [[(int(hit[ID]), float(hit["distance"])) for hit in row] for row in rows]

    def vectors(self, ids: list[int]) -> dict[int, np.ndarray]:
        """The vectors of these IDs, as {ID: vector} (IDs not in the collection are left out)."""
        out: dict[int, np.ndarray] = {}
        for start in range(0, len(ids), FETCH_BATCH):
            rows = self._call("get", self.name, ids=[int(i) for i in ids[start:start + FETCH_BATCH]],
                              output_fields=[VECTOR])
            out.update((int(row[ID]), np.asarray(row[VECTOR], dtype=np.float32)) for row in rows)
        return out


# --- the index ------------------------------------------------------------------------------------------------

def id_ranges(ids: list[int]) -> list[list[int]]:
    """Sorted IDs as [first, last + 1) ranges: one range, plus one per gap a removal left."""
    out: list[list[int]] = []
    for i in ids:
        if out and out[-1][1] == i:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return out


def ids_of(ranges: list[list[int]]) -> list[int]:
    return [i for first, stop in ranges for i in range(first, stop)]


def _faiss_order(hits: list[tuple[int, float]], k: int) -> list[tuple[int, float]]:
    """The top k of (ID, similarity) hits, ties settled exactly as FAISS's flat index settles them, so a corpus
    answers the same from either store, duplicate sentences included. FAISS scans vectors in ID order into a
    k-heap that a vector enters only when strictly more similar than the heap's worst, which leaves by (similarity,
    ID); it returns the heap best first, equal similarities highest ID first. Replaying that over the hits gives
    FAISS's answer whenever they hold every vector at least as similar as the k-th (hence search asks for 2k)."""
    heap: list[tuple[float, int]] = []
    for i, s in sorted(hits):
        if len(heap) < k:
            heapq.heappush(heap, (s, i))
        elif s > heap[0][0]:
            heapq.heapreplace(heap, (s, i))
    return [(i, s) for s, i in sorted(heap, reverse=True)]


class MilvusClaimIndex(ClaimIndex):
    """A `ClaimIndex` whose vectors live in a Milvus collection; the claims stay in this process."""

    def __init__(self, info: dict, collection: MilvusCollection, base: str, claims: dict[int, Claim] | None = None,
                 next_id: int = 0, removed: list[int] | None = None, fresh: bool = False):
        # No FAISS index: ClaimIndex.__init__ is not called; the attributes its shared methods use are set here.
        self.info = info
        self.collection, self.base = collection, base
        self._by_id = claims or {}
        self.next_id = next_id
        self.ann_threshold = 0  # Milvus's own HNSW index does the approximate search
        self.removed = list(removed or [])  # IDs this generation removed; deleted from Milvus once it is live
        self._repaired = fresh  # a fresh collection holds no leftovers of interrupted writes

    @classmethod
    def create(cls, info: dict, spec: StoreSpec, folder: Path) -> MilvusClaimIndex:
        """An empty index in a new collection, recorded in `folder` (a staging folder) before it is created."""
        collection = MilvusCollection(spec.uri, f"{spec.base}__fc{secrets.token_hex(6)}")
        write_atomic(folder / STORE_FILE, json.dumps(collection.record()) + "\n")
        collection.create(info["dimension"])
        return cls(info, collection, spec.base, fresh=True)

    @classmethod
    def open(cls, folder: Path, files: dict[str, str], info: dict, next_id: int, record: dict, embedder,
             corpus: str) -> MilvusClaimIndex:
        """The claims of a generation, checked against their sha256, over the collection its manifest names."""
        check_model(info, embedder, corpus)
        claims = parse_claims(read_verified(folder / CLAIMS_FILE, files[CLAIMS_FILE]), folder / CLAIMS_FILE)
        try:
            ids = ids_of(record["id_ranges"])
            collection = MilvusCollection(record["uri"], record["collection"])
            base, removed = record["base"], [int(i) for i in record.get("removed", [])]
        except (KeyError, TypeError, ValueError):
            raise CorpusCorrupt(f"{folder}: the manifest's index.store is damaged") from None
        if len(ids) != len(claims):
            raise CorpusCorrupt(f"{folder}: {len(ids)} claim IDs in the manifest for {len(claims)} claims")
        if not collection.exists():
            raise missing_collection(collection.uri, collection.name)
        collection.load()
        return cls(info, collection, base, dict(zip(ids, claims)), next_id, removed)

    def spec(self) -> StoreSpec:
        return StoreSpec(self.collection.uri, self.base)

    def _prepare_write(self) -> None:
        """Before the first change: delete what earlier writes left in the collection that this generation does
        not show (rows from next_id up: an interrupted write's; rows it removed, if their delete did not run)."""
        if not self._repaired:
            self.collection.delete_from(self.next_id)
            self.collection.delete_ids(self.removed)
            self.removed = []
            self._repaired = True

    def _insert_vectors(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._prepare_write()
        self.collection.insert(ids, vectors)

    def _delete_vectors(self, ids: list[int]) -> None:
        self._prepare_write()
        self.removed.extend(ids)  # still searched by readers of the live generation until the switch

    def map_claims(self, fn: Callable[[Claim], Claim]) -> MilvusClaimIndex:
        return MilvusClaimIndex(self.info, self.collection, self.base, {i: fn(c) for i, c in self._by_id.items()},
                                self.next_id, self.removed, self._repaired)

    def _vector_ids(self) -> list[int]:
        return sorted(self._by_id)  # IDs grow with every add and removal keeps order: ID order is vector order

    def search(self, query_vectors: np.ndarray, k: int) -> list[list[SearchHit]]:
        k = min(k, len(self))
        if k == 0:
            return [[] for _ in range(len(query_vectors))]
        # Rows of claims this generation removed may still be there (until its writer deletes them): ask for as
        # many more and keep only claims this generation holds; k more again settle ties at the cut as FAISS
        # does, and a row whose last hit still ties the k-th is asked again for more.
        cap = min(len(self) + len(self.removed), MAX_LIMIT)
        limit = min(2 * k + len(self.removed), cap)
        rows = self.collection.search(query_vectors, limit, below=self.next_id)
        out = []
        for n, row in enumerate(rows):
            wider = limit
            while wider < cap and self._undecided(row, k, wider):
                wider = min(4 * wider, cap)
                row = self.collection.search(query_vectors[n:n + 1], wider, below=self.next_id)[0]
            out.append([SearchHit(self._by_id[i], s) for i, s in _faiss_order([h for h in row if h[0] in self._by_id],
                                                                              k)])
        return out

    def _undecided(self, row: list[tuple[int, float]], k: int, limit: int) -> bool:
        """Whether hits beyond `limit` could still change the top k: the search came back full, and either fewer
        than k of its hits are this generation's claims or the last hit ties the k-th."""
        if len(row) < limit:
            return False
        held = sorted((s for i, s in row if i in self._by_id), reverse=True)
        return len(held) < k or row[-1][1] >= held[k - 1]

    @property
    def approximate(self) -> bool:
        return True  # an HNSW index in Milvus, at every size

    def vectors(self) -> np.ndarray:
        ids = self._vector_ids()
        found = self.collection.vectors(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise CorpusCorrupt(f"{len(missing)} of {len(ids)} claim vectors are missing from collection "
                                f"{self.collection.name!r} in {self.collection.uri}")
        if not ids:
            return np.zeros((0, self.info["dimension"]), dtype=np.float32)
        return np.stack([found[i] for i in ids])

    def store_record(self) -> dict:
        return {"kind": "milvus", **self.collection.record(), "base": self.base,
                "id_ranges": id_ranges(self._vector_ids()), "removed": sorted(self.removed)}

    def save(self, folder: Path) -> dict[str, str]:
        """Flush the collection, then write claims.jsonl and store.json into `folder`; {file name: sha256}."""
        self.collection.flush()
        claims = "".join(c.model_dump_json() + "\n" for c in self.claims).encode("utf-8")
        write_atomic(folder / STORE_FILE, json.dumps(self.collection.record()) + "\n")
        write_atomic(folder / CLAIMS_FILE, claims)
        return {CLAIMS_FILE: sha256_bytes(claims)}


# --- after a write --------------------------------------------------------------------------------------------

def delete_removed(record: dict) -> None:
    """Delete the rows a just-committed generation removed (best effort: the next in-place write retries)."""
    try:
        MilvusCollection(record["uri"], record["collection"]).delete_ids([int(i) for i in record["removed"]])
    except (StoreUnavailable, CorpusCorrupt):
        pass


def drop_collection(record: dict) -> bool:
    """Drop a collection no generation uses any more; False when the store could not be reached (it stays)."""
    try:
        MilvusCollection(record["uri"], record["collection"]).drop()
    except (StoreUnavailable, CorpusCorrupt, KeyError, TypeError):
        return False
    return True

"""Ray Data engines: `factcheck batch --engine ray` and `factcheck ingest --engine ray`.

Only the work moves to Ray; the contracts stay where they are. For batch, this process still reads and
screens the CSV, writes `OUTPUT.partial` in input order as results come back, and resumes from it; Ray
workers only check statements. Each worker is a stateful actor (a callable class in `map_batches`) that loads
the models once, and the dataset keeps its order (`preserve_order`), so the output is the local engine's,
row for row. For ingest, workers split documents into claims and embed them; the corpus writer (lock,
staging, atomic switch) stays in this process.

`address` None starts a private Ray instance on this machine with `workers` CPUs (what `ray.init` does when
no cluster is named) and stops it at the end; "auto" or "ray://HOST:PORT" joins a running cluster, where
every node needs factcheck installed with the same models. Nothing here imports Ray until an engine starts.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import numpy as np

from factcheck.apps.batch import CHUNK, Row, check_chunk, chunked
from factcheck.errors import FactcheckError, InputError

OBJECT_STORE_BYTES = 256 * 1024**2  # a private instance's shared-memory store: rows and results are small
T = TypeVar("T")


def _import_ray():
    try:
        import ray
    except ImportError:
        raise InputError("--engine ray needs Ray: pip install -e \".[ray]\" (or pip install \"ray[data]\")") from None
    return ray


@contextmanager
def ray_session(address: str | None, workers: int) -> Iterator[None]:
    """Ray connected for the duration: a private local instance (stopped after) or a running cluster."""
    ray = _import_ray()
    _quiet()
    if ray.is_initialized():  # an embedding program already chose its cluster
        _ordered()
        yield
        return
    kwargs: dict = {"log_to_driver": False, "include_dashboard": False, "configure_logging": False}
    if address is None:
        kwargs.update(num_cpus=workers, object_store_memory=OBJECT_STORE_BYTES)
    else:
        kwargs["address"] = address
    try:
        start_ray(ray, kwargs)
    except ConnectionError as exc:
        raise InputError(f"cannot reach the Ray cluster at {address!r}: {exc}".splitlines()[0]) from None
    try:
        _ordered()
        yield
    finally:
        ray.shutdown()


STARTUP_TRIES = 2


def start_ray(ray, kwargs: dict) -> None:
    """`ray.init(**kwargs)`; a private local instance whose raylet did not register within Ray's fixed 30 s ("The
    current node timed out during startup", seen on a loaded 2-core machine) is shut down and started once more."""
    for attempt in range(1, STARTUP_TRIES + 1):
        try:
            ray.init(**kwargs)
            return
        except ConnectionError:
            raise
        except Exception as exc:
            if "timed out during startup" not in str(exc) or "address" in kwargs or attempt == STARTUP_TRIES:
                raise
            ray.shutdown()


def _ordered() -> None:
    """Ask Ray Data to keep the input order (`_in_order` still puts results back in order if it does not)."""
    ray = _import_ray()
    ray.data.DataContext.get_current().execution_options.preserve_order = True


def _in_order(keyed: Iterator[tuple[int, T]], total: int, what: str) -> Iterator[T]:
    """Items keyed by position 0..total-1, yielded in position order whatever order they arrive in."""
    pending: dict[int, T] = {}
    at = 0
    for pos, item in keyed:
        pending[pos] = item
        while at in pending:
            yield pending.pop(at)
            at += 1
    if at != total:
        raise RuntimeError(f"the Ray engine returned {at} of {total} {what}")


@contextmanager
def _worker_errors() -> Iterator[None]:
    """A factcheck error raised on a worker comes out as itself (its one-line message and exit code), not as
    Ray's wrapper with the worker's traceback."""
    try:
        yield
    except FactcheckError:
        raise
    except Exception as exc:
        seen: set[int] = set()
        todo: list[BaseException | None] = [exc]
        while todo:
            e = todo.pop()
            if e is None or id(e) in seen:
                continue
            seen.add(id(e))
            if isinstance(e, FactcheckError):
                raise type(e)(str(e)) from None
            todo += [getattr(e, "cause", None), e.__cause__, e.__context__]
        raise


def _quiet() -> None:
    """Ray's start-up and execution chatter off stderr (its logs stay in /tmp/ray/session_*/logs)."""
    import logging

    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    logging.getLogger("ray").setLevel(logging.ERROR)


def _blocks(rows: int, per_block: int, workers: int) -> int:
    """Enough blocks that every worker gets work early, few enough that scheduling stays cheap."""
    return max(1, min(rows, max(workers * 4, -(-rows // per_block)), 2000))


def _one_thread() -> None:
    """An actor shares its node with the others: one intra-op thread each (ONNX Runtime and FAISS read this)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")


class _CheckActor:
    """A Ray Data actor: loads a Checker once, then checks batches of rows."""

    def __init__(self, factory: Callable, column: str, source: str):
        _one_thread()
        self.checker = factory()
        self.column, self.source = column, source

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        rows = [Row(int(line), json.loads(values), str(error) or None)
                for line, values, error in zip(batch["line"], batch["values"], batch["error"], strict=True)]
        outcome = check_chunk(rows, self.column, self.checker, self.source)
        return {"pos": list(batch["pos"]),
                "columns": [json.dumps(cols, ensure_ascii=False) for cols, _ in outcome],
                "result": ["" if obj is None else json.dumps(obj, ensure_ascii=False) for _, obj in outcome]}


class RayBatchEngine:
    """`run_batch`'s engine on Ray Data: the rows still to check become a dataset of (position, line, values);
    `workers` actors check them; results stream back in input order, a chunk at a time."""

    def __init__(self, address: str | None = None, workers: int = 2):
        if workers < 1:
            raise InputError("--workers must be at least 1")
        self.address, self.workers = address, workers

    def prepare(self, checker) -> None:
        """Load the checker here once and drop it: a bad corpus or model fails now, with the local engine's
        one-line error, before Ray starts; and a default corpus not built yet is built once, not by every
        worker at the same time."""
        if not callable(checker):
            raise InputError("the Ray engine needs a checker factory (each worker loads its own models)")
        _import_ray()
        checker()
        self.factory = checker

    def check(self, chunks, column, source):
        import ray

        with ray_session(self.address, self.workers), _worker_errors():
            rows = [row for chunk in chunks for row in chunk]
            if not rows:
                return
            items = [{"pos": i, "line": row.line, "values": json.dumps(row.values, ensure_ascii=False),
                      "error": row.error or ""} for i, row in enumerate(rows)]
            ds = ray.data.from_items(items, override_num_blocks=_blocks(len(items), CHUNK * 2, self.workers))
            checked = ds.map_batches(_CheckActor, fn_constructor_args=(self.factory, column, source),
                                     batch_size=CHUNK, batch_format="numpy", num_cpus=1,
                                     compute=ray.data.ActorPoolStrategy(size=self.workers))
            keyed = ((int(pos), (json.loads(cols), json.loads(obj) if obj else None))
                     for batch in checked.iter_batches(batch_size=CHUNK, batch_format="numpy", prefetch_batches=1)
                     for pos, cols, obj in zip(batch["pos"], batch["columns"], batch["result"], strict=True))
            done = 0
            for outcome in chunked(_in_order(keyed, len(rows), "rows")):
                yield rows[done:done + len(outcome)], outcome
                done += len(outcome)


class _SplitEmbedActor:
    """A Ray Data actor: splits documents into claims (spaCy) and embeds them, models loaded once."""

    def __init__(self, embedder_factory: Callable, model_batch: int):
        _one_thread()
        from factcheck.ingest.nlp import get_nlp

        self.model_batch = model_batch
        self.nlp = get_nlp()
        self.embedder = embedder_factory()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        from factcheck.ingest.claims import extract_claims

        out: dict[str, list] = {"pos": [], "claims": [], "vectors": []}
        for pos, blob in zip(batch["pos"], batch["doc"], strict=True):
            claims = list(extract_claims([pickle.loads(blob)], nlp=self.nlp))
            vectors = self.embedder.encode([c.text for c in claims], batch_size=self.model_batch)
            out["pos"].append(int(pos))
            out["claims"].append(json.dumps([c.model_dump() for c in claims], ensure_ascii=False))
            out["vectors"].append(np.asarray(vectors, dtype=np.float32).tobytes())
        return out


class RayIngestEngine:
    """Claims and vectors of documents, computed on Ray workers, one document per task, in document order."""

    def __init__(self, address: str | None = None, workers: int = 2):
        if workers < 1:
            raise InputError("--workers must be at least 1")
        self.address, self.workers = address, workers
        _import_ray()

    def claims_and_vectors(self, docs: list, embedder, model_batch: int) -> Iterator[tuple[list, np.ndarray]]:
        import ray

        from factcheck.results import Claim

        factory = embedder_factory(embedder)
        dim = embedder.dimension
        with ray_session(self.address, self.workers), _worker_errors():
            items = [{"pos": i, "doc": pickle.dumps(doc)} for i, doc in enumerate(docs)]
            ds = ray.data.from_items(items, override_num_blocks=_blocks(len(items), 1, self.workers))
            done = ds.map_batches(_SplitEmbedActor, fn_constructor_args=(factory, model_batch), batch_size=1,
                                  batch_format="numpy", num_cpus=1,
                                  compute=ray.data.ActorPoolStrategy(size=self.workers))

            def decoded() -> Iterator[tuple[int, tuple[list[Claim], np.ndarray]]]:
                for batch in done.iter_batches(batch_size=1, batch_format="numpy", prefetch_batches=1):
                    for pos, claims_json, blob in zip(batch["pos"], batch["claims"], batch["vectors"], strict=True):
                        claims = [Claim(**c) for c in json.loads(claims_json)]
                        yield int(pos), (claims, np.frombuffer(blob, dtype=np.float32).reshape(len(claims), dim))

            # documents go into the index in their order, whatever order they finish in
            yield from _in_order(decoded(), len(docs), "documents")


def embedder_factory(embedder) -> Callable:
    """How a worker makes the same embedder: `Embedder.factory()`; any other model is shipped as it is (it must
    pickle)."""
    make = getattr(embedder, "factory", None)
    return make() if callable(make) else (lambda: embedder)

"""Approximate search for large corpora (factcheck.retrieval.ann): exact below the threshold, recall@5 >= 0.99
above it, never a removed claim, and a saved index that searches the same way after loading. Synthetic vectors,
with the threshold lowered so that a few thousand vectors count as large."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import FakeEmbedder

from factcheck.errors import InputError
from factcheck.results import Claim
from factcheck.retrieval import ann
from factcheck.retrieval.index import ClaimIndex
from factcheck.settings import get_settings

DIM = 32
INFO = {"embedding_model": "fake-bow", "embedding_weights_sha256": "fake-weights", "dimension": DIM}


def _normalized(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


CENTERS = _normalized(np.random.default_rng(123).standard_normal((40, DIM)))


def _clustered(n: int, seed: int = 0) -> np.ndarray:
    """n unit vectors around 40 fixed topics (the same for every seed), like sentence embeddings."""
    rng = np.random.default_rng(seed)
    points = CENTERS[rng.integers(0, len(CENTERS), n)] + 0.5 * rng.standard_normal((n, DIM)) / np.sqrt(DIM)
    return _normalized(points)


def _claims(n: int, start: int = 0, per_doc: int = 10) -> list[Claim]:
    return [Claim(id=f"c{i}", text=f"claim {i}", sentence=f"claim {i}", doc_id=f"doc{i // per_doc}",
                  source="s.txt", start_char=0, end_char=1) for i in range(start, start + n)]


def _index(vectors: np.ndarray, threshold: int) -> ClaimIndex:
    index = ClaimIndex(INFO, ann_threshold=threshold)
    index.add(_claims(len(vectors)), vectors)
    return index


def _exact_top(vectors: np.ndarray, queries: np.ndarray, k: int, ids=None) -> list[list[str]]:
    """Claim IDs of the k largest inner products per query (brute force); `ids`: the claim number of each row."""
    ids = np.arange(len(vectors)) if ids is None else np.asarray(ids)
    scores = queries @ vectors.T
    return [[f"c{ids[i]}" for i in np.argsort(-row, kind="stable")[:k]] for row in scores]


def _ids(hits) -> list[list[str]]:
    return [[h.claim.id for h in row] for row in hits]


def _recall(found: list[list[str]], exact: list[list[str]]) -> float:
    return float(np.mean([len(set(f) & set(e)) / len(e) for f, e in zip(found, exact)]))


@pytest.fixture(autouse=True)
def one_thread():
    """FAISS on one thread: a single-threaded HNSW build is deterministic, and on busy cores each OpenMP barrier
    can wait a whole time slice."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    yield
    faiss.omp_set_num_threads(before)


@pytest.fixture
def spy(monkeypatch):
    """Counts searches that went through the approximate index."""
    calls = {"n": 0}
    original = ann.ApproximateIndex.search

    def counted(self, queries, k):
        calls["n"] += 1
        return original(self, queries, k)

    monkeypatch.setattr(ann.ApproximateIndex, "search", counted)
    return calls


@pytest.mark.parametrize("threshold, approximate", [
    (0, False),  # 0: always exact
    (501, False),  # one vector short of the threshold
    (500, True),
    (1, True),
])
def test_search_is_exact_below_the_threshold_and_approximate_from_it(threshold, approximate, spy):
    vectors, queries = _clustered(500), _clustered(20, seed=1)
    index = _index(vectors, threshold)
    hits = index.search(queries, 5)
    assert index.approximate is approximate and spy["n"] == int(approximate)
    if not approximate:  # the flat index, unchanged: the exact neighbours with their exact inner products
        assert _ids(hits) == _exact_top(vectors, queries, 5)
        exact_scores = np.sort(queries @ vectors.T, axis=1)[:, ::-1][:, :5]
        np.testing.assert_allclose([[h.similarity for h in row] for row in hits], exact_scores, atol=1e-5)


def test_above_the_threshold_recall_at_5_is_at_least_099_and_similarities_are_exact():
    vectors, queries = _clustered(2000), _clustered(200, seed=1)
    index = _index(vectors, threshold=1000)
    hits = index.search(queries, 5)
    assert index.approximate
    assert _recall(_ids(hits), _exact_top(vectors, queries, 5)) >= 0.99
    for q, row in zip(queries, hits):  # HNSW keeps full vectors: a hit's similarity is its inner product
        assert [h.similarity for h in row] == pytest.approx(
            [float(vectors[int(h.claim.id[1:])] @ q) for h in row], abs=1e-5)


def test_removed_claims_never_come_back_and_added_ones_are_found(spy):
    vectors = _clustered(1000)
    index = _index(vectors, threshold=500)
    index.search(vectors[:1], 5)  # builds the graph
    removed = {f"doc{d}" for d in range(0, 100, 3)}  # every third document: 340 claims
    assert index.remove_docs(removed) == 340
    hits = index.search(vectors, 10)  # every vector, the removed ones included, as a query
    assert not {h.claim.doc_id for row in hits for h in row} & removed
    assert index.approximate and spy["n"] == 2
    more = _clustered(200, seed=2)
    index.add(_claims(200, start=1000), more)  # linked into the existing graph
    found = index.search(more, 1)
    assert np.mean([row[0].claim.id == f"c{1000 + i}" for i, row in enumerate(found)]) >= 0.99
    assert len(index) == 860 and spy["n"] == 3


def test_dropping_below_the_threshold_makes_search_exact_again(spy):
    vectors, queries = _clustered(600), _clustered(20, seed=1)
    index = _index(vectors, threshold=500)
    index.search(queries, 5)
    index.remove_docs({f"doc{d}" for d in range(50, 60)})  # 500 left: still approximate
    assert index.approximate
    index.remove_docs({"doc0"})  # 490 left
    assert not index.approximate
    assert _ids(index.search(queries, 5)) == _exact_top(vectors[10:500], queries, 5, ids=range(10, 500))
    assert spy["n"] == 1


def test_save_and_load_keep_searching_approximately(tmp_path, monkeypatch, spy):
    vectors, queries = _clustered(1000), _clustered(100, seed=1)
    index = _index(vectors, threshold=500)
    before = _ids(index.search(queries, 5))
    monkeypatch.setenv("FACTCHECK_ANN_THRESHOLD", "500")  # a loaded index reads the setting
    loaded = ClaimIndex.load(tmp_path, index.save(tmp_path), INFO, index.next_id, FakeEmbedder(), corpus="c")
    assert loaded.claims == index.claims and loaded.approximate
    after = _ids(loaded.search(queries, 5))  # the graph is rebuilt, not saved
    assert spy["n"] == 2
    exact = _exact_top(vectors, queries, 5)
    assert _recall(before, exact) >= 0.99 and _recall(after, exact) >= 0.99


@pytest.mark.parametrize("env, threshold, approximate", [
    (None, 20_000, False),  # the default: 2,500 vectors are searched exactly
    ("0", 0, False),  # 0: always exact
    ("2500", 2500, True),
    ("2501", 2501, False),
])
def test_an_index_reads_the_threshold_setting(monkeypatch, env, threshold, approximate):
    if env is None:
        monkeypatch.delenv("FACTCHECK_ANN_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("FACTCHECK_ANN_THRESHOLD", env)
    index = ClaimIndex(INFO)
    index.add(_claims(2500), _clustered(2500))
    assert index.approximate is approximate and index.ann_threshold == threshold


def test_a_negative_threshold_is_refused(monkeypatch):
    monkeypatch.setenv("FACTCHECK_ANN_THRESHOLD", "-1")
    with pytest.raises(InputError, match="FACTCHECK_ANN_THRESHOLD='-1'"):
        get_settings()


def test_a_checker_applies_its_settings_threshold_to_its_index(fake_embedder, fake_nli):
    from factcheck.checker import Checker
    from factcheck.settings import get_settings

    checker = Checker.from_texts({"a.txt": "Aid rose in 2024. Aid fell in 2023."}, embedder=fake_embedder,
                                 nli=fake_nli, settings=get_settings(ann_threshold=1))
    assert checker.index.ann_threshold == 1


def test_load_index_applies_the_settings_threshold(home):
    from factcheck.retrieval.corpus import load_index

    index = load_index(None, get_settings(ann_threshold=7), FakeEmbedder())
    assert index.ann_threshold == 7 and index.approximate == (len(index) >= 7)

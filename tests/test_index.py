from __future__ import annotations

import json

import pytest
from conftest import FakeEmbedder

from factcheck.errors import IndexMismatch
from factcheck.results import Claim
from factcheck.retrieval.index import ClaimIndex


def _claims():
    texts = ["US aid exceeded $400 million in 2024.", "The Farc demobilized in 2016.", "Petro is left-wing."]
    return [Claim(id=f"d:{i}", text=t, sentence=t, doc_id="d", source="d.txt", start_char=i * 50,
                  end_char=i * 50 + len(t)) for i, t in enumerate(texts)]


def test_round_trip_keeps_claims_and_search_results(tmp_path):
    emb = FakeEmbedder()
    index = ClaimIndex.build(_claims(), emb, {"d.txt": "abc"})
    index.save(tmp_path / "ix")
    loaded = ClaimIndex.load(tmp_path / "ix", emb)
    assert loaded.claims == index.claims
    manifest = json.loads((tmp_path / "ix" / "manifest.json").read_text())
    assert manifest["claim_count"] == 3 and manifest["dimension"] == emb.dimension
    assert manifest["embedding_model"] == "fake-bow" and manifest["sources"] == {"d.txt": "abc"}
    q = emb.encode(["When did the Farc demobilize? 2016"])
    assert loaded.search(q, 1)[0][0].claim.id == "d:1"
    assert index.search(q, 1)[0][0].similarity == pytest.approx(loaded.search(q, 1)[0][0].similarity)


def test_load_refuses_an_index_built_with_another_model(tmp_path):
    ClaimIndex.build(_claims(), FakeEmbedder()).save(tmp_path / "ix")

    class Other(FakeEmbedder):
        model_id = "other-model"
        weights_sha256 = "other-weights"

    with pytest.raises(IndexMismatch, match="rebuild it with `factcheck index --corpus ix`"):
        ClaimIndex.load(tmp_path / "ix", Other())


def test_load_refuses_another_format_version(tmp_path):
    ClaimIndex.build(_claims(), FakeEmbedder()).save(tmp_path / "ix")
    m = tmp_path / "ix" / "manifest.json"
    m.write_text(json.dumps({**json.loads(m.read_text()), "format_version": 99}))
    with pytest.raises(IndexMismatch, match="format 99"):
        ClaimIndex.load(tmp_path / "ix", FakeEmbedder())


def test_k_larger_than_the_index_is_fine():
    index = ClaimIndex.build(_claims(), FakeEmbedder())
    assert len(index.search(FakeEmbedder().encode(["aid"]), 50)[0]) == 3

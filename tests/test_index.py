from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from factcheck.errors import CorpusCorrupt, IndexMismatch
from factcheck.results import Claim
from factcheck.retrieval.index import ClaimIndex


def _claims(doc="d", texts=("US aid exceeded $400 million in 2024.", "The Farc demobilized in 2016.",
                            "Petro is left-wing.")):
    return [Claim(id=f"{doc}:{i}", text=t, sentence=t, doc_id=doc, source=f"{doc}.txt", start_char=i * 50,
                  end_char=i * 50 + len(t)) for i, t in enumerate(texts)]


def _load(folder, files, index, emb):
    return ClaimIndex.load(folder, files, index.info, index.next_id, emb, corpus="c")


def test_round_trip_keeps_claims_and_search_results(tmp_path):
    emb = FakeEmbedder()
    index = ClaimIndex.build(_claims(), emb)
    files = index.save(tmp_path)
    loaded = _load(tmp_path, files, index, emb)
    assert loaded.claims == index.claims and loaded.next_id == 3
    assert loaded.info == {"embedding_model": "fake-bow", "embedding_weights_sha256": "fake-weights", "dimension": 256}
    q = emb.encode(["When did the Farc demobilize? 2016"])
    assert loaded.search(q, 1)[0][0].claim.id == "d:1"
    assert index.search(q, 1)[0][0].similarity == pytest.approx(loaded.search(q, 1)[0][0].similarity)


def test_documents_are_added_and_removed_without_touching_the_other_vectors(tmp_path):
    emb = FakeEmbedder()
    index = ClaimIndex.build(_claims("a"), emb)
    other = _claims("b", ("Bogota is the capital of Colombia.", "The summit took place in Cartagena."))
    index.add(other, emb.encode([c.text for c in other]))
    assert len(index) == 5 and index.next_id == 5
    q = emb.encode(["Where did the summit take place? Cartagena"])
    assert index.search(q, 1)[0][0].claim.id == "b:1"
    assert index.remove_docs({"a"}) == 3
    assert [c.id for c in index.claims] == ["b:0", "b:1"]
    assert index.search(q, 1)[0][0].claim.id == "b:1"
    # IDs are never reused, so a saved and reloaded index maps every vector to the same claim.
    more = _claims("c", ("Petro is left-wing.",))
    index.add(more, emb.encode([c.text for c in more]))
    loaded = _load(tmp_path, index.save(tmp_path), index, emb)
    assert [c.id for c in loaded.claims] == ["b:0", "b:1", "c:0"] and loaded.next_id == 6
    assert loaded.search(emb.encode(["Petro left-wing"]), 1)[0][0].claim.id == "c:0"
    assert loaded.doc_sentences("b") == ["Bogota is the capital of Colombia.", "The summit took place in Cartagena."]


def test_load_refuses_an_index_built_with_another_model(tmp_path):
    index = ClaimIndex.build(_claims(), FakeEmbedder())
    files = index.save(tmp_path)

    class Other(FakeEmbedder):
        model_id = "other-model"
        weights_sha256 = "other-weights"

    with pytest.raises(IndexMismatch, match="rebuild the index with `factcheck index --corpus c`"):
        _load(tmp_path, files, index, Other())


def test_load_refuses_files_that_differ_from_their_recorded_hash(tmp_path):
    emb = FakeEmbedder()
    index = ClaimIndex.build(_claims(), emb)
    files = index.save(tmp_path)
    claims = tmp_path / "claims.jsonl"
    claims.write_bytes(claims.read_bytes()[:-40])
    with pytest.raises(CorpusCorrupt, match="claims.jsonl does not match the sha256"):
        _load(tmp_path, files, index, emb)
    (tmp_path / "index.faiss").unlink()
    files = {**files, "claims.jsonl": __import__("hashlib").sha256(claims.read_bytes()).hexdigest()}
    with pytest.raises(CorpusCorrupt, match="line 3 is not a valid claim"):
        _load(tmp_path, files, index, emb)


def test_k_larger_than_the_index_is_fine():
    index = ClaimIndex.build(_claims(), FakeEmbedder())
    assert len(index.search(FakeEmbedder().encode(["aid"]), 50)[0]) == 3

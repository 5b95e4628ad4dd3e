"""Corpora whose vectors live in Milvus (factcheck.retrieval.milvus), on milvus-lite files in tmp folders: migration
there and back, the same search results and verdicts as FAISS, in-place add and remove, and writes killed midway.
Skipped where the milvus extra is not installed (the store-name and missing-extra tests run everywhere)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import FakeEmbedder, error_code

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.retrieval import corpus as corpus_mod
from factcheck.retrieval import milvus, store
from factcheck.settings import get_settings

QUERIES = [
    "The council approved the budget in March 2023.",
    "Bus lanes will open in the city centre.",
    "The old bridges need repairs.",
    "US aid to Colombia exceeded $400 million in 2024.",
    "The Farc demobilized in 2016.",
]


def run(*args):
    return CliRunner().invoke(main, list(args))


def article(tag: str) -> str:
    return (f"In {tag}, the council approved a budget of 12 million pounds in March 2023.\n\n"
            f"In {tag}, new bus lanes will open in the city centre next spring.\n\n"
            f"In {tag}, the budget also funds repairs to three old bridges.\n")


@pytest.fixture
def lite(home, tmp_path):
    """A milvus-lite file for the test, its in-process server stopped afterwards."""
    pytest.importorskip("pymilvus")
    pytest.importorskip("milvus_lite")
    path = tmp_path / "vectors" / "store.db"
    yield path
    from milvus_lite.server_manager import server_manager_instance

    client = milvus._clients.pop(str(path), None)
    if client is not None:
        client.close()
    server_manager_instance.release_server(str(path))


@pytest.fixture
def city(home, tmp_path):
    """Corpus 'city': three documents, indexed with FAISS."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for tag in ("Leeds", "York", "Hull"):
        (docs / f"{tag.lower()}.txt").write_text(article(tag), encoding="utf-8")
    r = run("ingest", str(docs), "--corpus", "city")
    assert r.exit_code == 0, r.output
    return docs


def live(home: Path, name: str = "city") -> store.Snapshot:
    snap = store.read_snapshot(store.resolve(name, get_settings(home=home)))
    assert snap is not None
    return snap


def results(home: Path, name: str = "city", k: int = 5) -> list[list[tuple[str, str, float]]]:
    """(document, sentence, similarity) of the top k per query, as `check` loads and searches the corpus."""
    index = corpus_mod.load_index(name, get_settings(home=home), FakeEmbedder())
    hits = index.search(FakeEmbedder().encode(QUERIES), k)
    return [[(h.claim.doc_id, h.claim.text, round(h.similarity, 5)) for h in row] for row in hits]


def collections(path: Path) -> set[str]:
    return set(milvus._client(str(path)).list_collections())


def rows(path: Path, collection: str) -> set[int]:
    found = milvus._client(str(path)).query(collection, filter="id >= 0", output_fields=["id"])
    return {int(r["id"]) for r in found}


# --- store names and the missing extra (no Milvus needed) ----------------------------------------------------

def test_store_names_parse_to_a_milvus_lite_file_or_server(tmp_path):
    assert milvus.parse_store("faiss", "city") is None
    spec = milvus.parse_store(str(tmp_path / "v.db"), "my-corpus")
    assert spec == milvus.StoreSpec(str((tmp_path / "v.db").resolve()), "my_corpus") and spec.lite
    assert milvus.parse_store("milvus://db.example:19531/claims_v2", "city") == milvus.StoreSpec(
        "http://db.example:19531", "claims_v2")
    assert milvus.parse_store("milvus://localhost", "2024") == milvus.StoreSpec("http://localhost:19530", "c_2024")
    for bad in ("milvus://host:1/bad-name", "vectors.sqlite", "milvus://:1/x"):
        with pytest.raises(InputError):
            milvus.parse_store(bad, "city")


def test_without_the_extra_the_store_is_a_one_line_error_and_the_corpus_is_unchanged(city, home, tmp_path,
                                                                                       monkeypatch):
    before = live(home).generation
    monkeypatch.setitem(sys.modules, "pymilvus", None)  # an import of it raises ImportError
    r = run("index", "--corpus", "city", "--store", str(tmp_path / "v.db"))
    assert r.exit_code == 3 and error_code(r) == "E205", r.output
    assert 'pip install -e ".[milvus]"' in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert live(home).generation == before and results(home)


# --- migration ------------------------------------------------------------------------------------------------

def test_migration_to_milvus_lite_and_back_keeps_every_search_result(city, home, lite):
    faiss_results = results(home)
    r = run("index", "--corpus", "city", "--store", str(lite))
    assert r.exit_code == 0, r.output
    snap = live(home)
    record = snap.manifest["index"]["store"]
    assert record["kind"] == "milvus" and record["uri"] == str(lite.resolve())
    assert record["collection"].startswith("city__fc") and collections(lite) == {record["collection"]}
    assert sorted(snap.manifest["files"]) == ["claims.jsonl"] and not (snap.folder / "index.faiss").exists()
    assert len(rows(lite, record["collection"])) == snap.manifest["claim_count"] == 9
    assert json.loads(run("corpus", "show", "city", "-f", "json").stdout)["store"].startswith("milvus ")

    assert results(home) == faiss_results  # same claims, same order, same cosine
    milvus._client(str(lite)).release_collection(record["collection"])  # as another process finds it
    assert results(home) == faiss_results

    r = run("index", "--corpus", "city", "--store", "faiss")
    assert r.exit_code == 0, r.output
    snap = live(home)
    assert "store" not in snap.manifest["index"] and (snap.folder / "index.faiss").exists()
    assert results(home) == faiss_results
    assert collections(lite) == set()  # the collection went with the last generation naming it


def test_seed_corpus_verdicts_are_the_same_from_milvus(home, lite):
    statements = ["US aid to Colombia exceeded $400 million in 2024.",
                  "US aid to Colombia was about $300 million in 2024.", "The Farc demobilized in 2016.",
                  "Brazil won the World Cup."]
    before = run("check", *statements, "-f", "json")
    assert before.exit_code == 0, before.output
    r = run("index", "--store", str(lite))
    assert r.exit_code == 0, r.output
    assert live(home, "seed").manifest["index"]["store"]["kind"] == "milvus"
    after = run("check", *statements, "-f", "json")
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)
    assert [v["verdict"] for v in json.loads(after.stdout)][:2] == ["SUPPORTED", "CONTRADICTED"]


# --- in-place updates -----------------------------------------------------------------------------------------

def test_add_and_remove_documents_update_the_collection_in_place(city, home, lite, tmp_path):
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    collection = live(home).manifest["index"]["store"]["collection"]
    extra = tmp_path / "more" / "bristol.txt"
    extra.parent.mkdir()
    extra.write_text(article("Bristol"), encoding="utf-8")
    r = run("ingest", str(extra), "--corpus", "city", "--add")
    assert r.exit_code == 0, r.output
    snap = live(home)
    assert snap.manifest["index"]["store"]["collection"] == collection  # no copy: the same collection
    assert snap.manifest["claim_count"] == 12 and len(rows(lite, collection)) == 12
    assert "bristol" in {doc for row in results(home, k=12) for doc, _, _ in row}

    r = run("corpus", "remove", "city", "york")
    assert r.exit_code == 0, r.output
    snap = live(home)
    removed = snap.manifest["index"]["store"]["removed"]
    assert len(removed) == 3 and not rows(lite, collection) & set(removed)  # deleted once the generation was live
    assert snap.manifest["index"]["store"]["id_ranges"] == [[0, 6], [9, 12]]  # hull, leeds, (york), bristol
    assert all(doc != "york" for row in results(home, k=9) for doc, _, _ in row)
    assert len(results(home, k=20)[0]) == 9

    # a changed document replaces its claims; the corpus then reads exactly as a FAISS rebuild of it does
    (city / "leeds.txt").write_text(article("Leeds") + "\nIn Leeds, the tram returns in 2030.\n", encoding="utf-8")
    assert run("ingest", str(city / "leeds.txt"), "--corpus", "city", "--add").exit_code == 0
    from_milvus = results(home)
    assert run("index", "--corpus", "city", "--store", "faiss").exit_code == 0
    assert results(home) == from_milvus


def test_replace_keeps_the_corpus_in_milvus(city, home, lite):
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    old = live(home).manifest["index"]["store"]["collection"]
    r = run("ingest", str(city / "hull.txt"), "--corpus", "city", "--replace")
    assert r.exit_code == 0, r.output
    record = live(home).manifest["index"]["store"]
    assert record["kind"] == "milvus" and record["collection"] != old
    assert collections(lite) == {record["collection"]}
    assert {doc for row in results(home) for doc, _, _ in row} == {"hull"}
    assert run("corpus", "remove", "city").exit_code == 0
    assert collections(lite) == set()


# --- writes killed midway -------------------------------------------------------------------------------------

def test_a_migration_killed_midway_leaves_the_old_corpus_and_no_collection(city, home, lite, monkeypatch):
    faiss_results = results(home)
    before = live(home).generation
    original = milvus.MilvusCollection.insert

    def dies(self, ids, vectors):
        original(self, ids[:2], vectors[:2])
        raise KeyboardInterrupt

    monkeypatch.setattr(milvus.MilvusCollection, "insert", dies)
    r = run("index", "--corpus", "city", "--store", str(lite))
    assert r.exit_code != 0
    assert live(home).generation == before and "store" not in live(home).manifest["index"]
    assert results(home) == faiss_results
    monkeypatch.setattr(milvus.MilvusCollection, "insert", original)
    assert collections(lite) == set()  # the staging folder named it: dropped with it when the writer left
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    assert results(home) == faiss_results


def test_an_add_killed_before_the_switch_shows_nothing_of_it_and_is_cleaned_by_the_next(city, home, lite, tmp_path,
                                                                                         monkeypatch):
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    collection = live(home).manifest["index"]["store"]["collection"]
    before, before_results = live(home).generation, results(home)
    extra = tmp_path / "more" / "bristol.txt"
    extra.parent.mkdir()
    extra.write_text(article("Bristol"), encoding="utf-8")

    def dies(self, manifest):
        raise KeyboardInterrupt

    commit = store.Writer.commit
    monkeypatch.setattr(store.Writer, "commit", dies)
    assert run("ingest", str(extra), "--corpus", "city", "--add").exit_code != 0
    monkeypatch.setattr(store.Writer, "commit", commit)
    assert live(home).generation == before
    assert len(rows(lite, collection)) == 12  # the killed write's rows are there, IDs from next_id up ...
    assert results(home) == before_results  # ... and no reader of the live generation sees them
    assert run("ingest", str(extra), "--corpus", "city", "--add").exit_code == 0
    assert len(rows(lite, collection)) == 12 and live(home).manifest["claim_count"] == 12  # no duplicates


def test_a_missing_collection_is_a_one_line_corrupt_corpus_error(city, home, lite):
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    milvus._client(str(lite)).drop_collection(live(home).manifest["index"]["store"]["collection"])
    r = run("check", "The council approved the budget.", "--corpus", "city")
    assert r.exit_code == 3 and error_code(r) == "E203", r.output
    assert "missing" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_search_hides_rows_of_claims_the_generation_removed(city, home, lite):
    """Between the switch and the delete, the live generation's readers must not see removed claims."""
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    index = corpus_mod.load_index("city", get_settings(home=home), FakeEmbedder())
    assert isinstance(index, milvus.MilvusClaimIndex)
    index.remove_docs({"leeds", "york"})  # not yet deleted from the collection
    hits = index.search(FakeEmbedder().encode(QUERIES), 3)
    assert all(len(row) == 3 and {h.claim.doc_id for h in row} == {"hull"} for row in hits)
    assert np.allclose(index.vectors(), FakeEmbedder().encode([c.text for c in index.claims]), atol=1e-6)


def test_a_collection_left_by_a_killed_writer_is_dropped_by_the_next_one(city, home, lite):
    """A writer killed outright (no cleanup ran) leaves a staging folder whose store.json names its collection."""
    assert run("index", "--corpus", "city", "--store", str(lite)).exit_code == 0
    live_collection = live(home).manifest["index"]["store"]["collection"]
    staging = home / "corpus" / "city" / ".staging-killed"
    staging.mkdir()
    spec = milvus.StoreSpec(str(lite.resolve()), "city")
    orphan = milvus.MilvusClaimIndex.create(live(home).manifest["index"], spec, staging).collection.name
    assert collections(lite) == {live_collection, orphan}
    before = results(home)
    assert store.clean_leftovers(get_settings(home=home)) == 1  # as every ingest and remove does first
    assert collections(lite) == {live_collection} and not staging.exists()
    assert results(home) == before

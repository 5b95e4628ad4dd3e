"""The benchmark harness end to end in smoke mode: fixture data, fake models, seconds."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.report import write_report
from benchmarks.run import DEFAULT_BENCHES, BenchConfig, Harness, Models

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "bench"


def test_smoke_run_writes_every_section(tmp_path, fake_embedder, fake_nli):
    cfg = BenchConfig.for_smoke(bench_dir=FIXTURES, seed_csv=FIXTURES / "eval" / "seed_dev.csv",
                                seed_corpus=FIXTURES / "eval" / "seed_corpus.txt", out_dir=tmp_path,
                                speed_sizes=(10, 20), cold_cli=False, only=DEFAULT_BENCHES + ("summedits",),
                                log=lambda m: None)
    results = Harness(cfg, Models(embedder=fake_embedder, nli=fake_nli)).run()
    md, js = write_report(results, tmp_path, "python -m benchmarks run --all --smoke")

    data = json.loads(js.read_text())
    benches = data["benchmarks"]
    assert set(benches) == set(DEFAULT_BENCHES) | {"summedits"}
    for key in ("check_covid", "seed_dev", "wice"):
        assert set(benches[key]["judges"]) == {"similarity", "pipeline", "exhaustive"}
        for entry in benches[key]["judges"].values():
            assert 0.0 <= entry["accuracy"] <= 1.0
        assert benches[key]["time_ratio_pipeline_vs_exhaustive"] > 0
    cf = benches["climate_fever"]
    # 4 fixture claims, the DISPUTED one reported apart and not scored.
    assert cf["n"] == 4 and cf["n_scored"] == 3
    assert cf["apart"]["DISPUTED"]["n"] == 1
    assert cf["judges"]["pipeline"]["evidence_recall_at_k"] is not None
    assert 0.0 <= cf["judges"]["pipeline"]["ece"] <= 1.0 and cf["judges"]["pipeline"]["reliability"]
    assert set(cf["exhaustive_subset"]["judges"]) == {"pipeline", "exhaustive"}
    # The similarity judge can never say CONTRADICTED.
    for key in ("climate_fever", "check_covid", "seed_dev"):
        confusion = benches[key]["judges"]["similarity"]["confusion"]
        assert all(row.get("CONTRADICTED", 0) == 0 for row in confusion.values())
    assert benches["wice"]["apart"]["partially_supported"]["n"] == 1
    assert benches["fever_symmetric"]["labels"] == ["SUPPORTED", "CONTRADICTED"]
    assert benches["climate_fever_pairs"]["n"] == 20
    assert "checker" in benches["healthver"]
    speed = benches["speed"]
    assert [r["sentences"] for r in speed["sizes"]] == [10, 20]
    assert speed["runtimes"] == ["injected"]  # models injected (fakes): measured as given, no torch/ONNX pair
    rows = [r["runtimes"]["injected"] for r in speed["sizes"]]
    assert all(x["index_build_sentences_per_s"] > 0 and x["check_latency_p95_ms"] >= x["check_latency_p50_ms"]
               for x in rows)
    # the CSV batch runs on the largest corpus only, through run_batch, every row checked
    assert "csv_batch" not in rows[0] and rows[-1]["csv_batch"]["statements"] > 0
    assert rows[-1]["csv_batch"]["errors"] == 0
    throughput = speed["nli_throughput_batch32"]["injected"]
    assert set(throughput) == {"climate_fever", "fever_symmetric"} and throughput["climate_fever"]["pairs_per_s"] > 0
    assert data["meta"]["cpu_cores"] >= 1 and data["meta"]["smoke"] is True

    text = md.read_text()
    assert "Smoke run" in text and "## Speed and memory" in text and "| judge | n | accuracy |" in text
    assert "| ECE |" in text
    assert "Check-COVID test" in text and "Reported apart — **DISPUTED**" in text


def test_exhaustive_items_caps_the_slow_baseline(tmp_path, fake_embedder, fake_nli):
    cfg = BenchConfig.for_smoke(bench_dir=FIXTURES, seed_csv=FIXTURES / "eval" / "seed_dev.csv",
                                seed_corpus=FIXTURES / "eval" / "seed_corpus.txt", out_dir=tmp_path,
                                cold_cli=False, only=("check_covid",), exhaustive_items=1, log=lambda m: None)
    section = Harness(cfg, Models(embedder=fake_embedder, nli=fake_nli)).run()["benchmarks"]["check_covid"]
    assert set(section["judges"]) == {"similarity", "pipeline"}
    sub = section["exhaustive_subset"]
    assert set(sub["judges"]) == {"pipeline", "exhaustive"}
    assert sub["n"] == 1 < section["n"]
    assert sub["time_ratio_pipeline_vs_exhaustive"] > 0


def test_exhaustive_items_zero_leaves_no_empty_subsection(tmp_path, fake_embedder, fake_nli):
    cfg = BenchConfig.for_smoke(bench_dir=FIXTURES, seed_csv=FIXTURES / "eval" / "seed_dev.csv",
                                seed_corpus=FIXTURES / "eval" / "seed_corpus.txt", out_dir=tmp_path,
                                cold_cli=False, only=("check_covid",), exhaustive_items=0, log=lambda m: None)
    section = Harness(cfg, Models(embedder=fake_embedder, nli=fake_nli)).run()["benchmarks"]["check_covid"]
    assert set(section["judges"]) == {"similarity", "pipeline"} and "exhaustive_subset" not in section
    assert any("--exhaustive-items 0" in note for note in section["notes"])


def test_an_interrupted_run_resumes_from_its_finished_sections(tmp_path, fake_embedder, fake_nli, monkeypatch):
    import pytest

    def cfg(**kw):
        return BenchConfig.for_smoke(bench_dir=FIXTURES, seed_csv=FIXTURES / "eval" / "seed_dev.csv",
                                     seed_corpus=FIXTURES / "eval" / "seed_corpus.txt", out_dir=tmp_path,
                                     cold_cli=False, only=("seed_dev", "fever_symmetric"), log=lambda m: None, **kw)

    models = Models(embedder=fake_embedder, nli=fake_nli)

    def killed(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Harness, "bench_fever_symmetric", killed)
    with pytest.raises(KeyboardInterrupt):
        Harness(cfg(), models).run()
    partial = tmp_path / "benchmarks.partial.json"
    assert set(json.loads(partial.read_text())["benchmarks"]) == {"seed_dev"}
    monkeypatch.undo()

    def must_not_rerun(self):
        raise AssertionError("seed_dev was finished before the interruption")

    monkeypatch.setattr(Harness, "bench_seed_dev", must_not_rerun)
    with pytest.raises(AssertionError, match="finished before"):  # other settings: nothing is reused
        Harness(cfg(resume=True, k=3), models).run()
    results = Harness(cfg(resume=True), models).run()
    assert set(results["benchmarks"]) == {"seed_dev", "fever_symmetric"}
    assert results["meta"]["resumed_sections"] == ["seed_dev"]
    write_report(results, tmp_path, "python -m benchmarks run --resume")
    assert not partial.exists() and (tmp_path / "benchmarks.json").exists()


def test_speed_compares_torch_and_onnx_for_real_models():
    harness = Harness(BenchConfig.for_smoke(log=lambda m: None), Models(nli_model="some/folder"))
    runtimes = harness.speed_runtimes()
    assert [(name, m.runtime, m.nli_model) for name, m in runtimes] == [("torch", "torch", "some/folder"),
                                                                        ("onnx", "onnx", "some/folder")]
    assert all(m.embedder is None and m.nli is None for _, m in runtimes)  # nothing loaded until measured


def test_the_resume_fingerprint_follows_the_model_files(tmp_path):
    """A refit verdict model (or retrained weights) in the same folder must not resume the old sections."""
    folder = tmp_path / "nli"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    (folder / "verdict_model.json").write_text("{}")
    harness = Harness(BenchConfig.for_smoke(bench_dir=FIXTURES, out_dir=tmp_path, cold_cli=False, log=lambda m: None),
                      Models(nli_model=str(folder)))
    before = harness._model_files()
    assert set(before) == {"model.safetensors", "verdict_model.json"}
    (folder / "verdict_model.json").write_text('{"refit": true}')
    assert harness._model_files() != before


def test_a_summary_sentence_the_input_screen_refuses_is_named_not_judged(tmp_path, fake_embedder, fake_nli):
    """A summary sentence of digits or punctuation only (spaCy splits some off) is listed in the notes, not judged;
    the rest of the summary still is (it crashed the whole SummEdits section)."""
    root = tmp_path / "bench" / "summedits"
    root.mkdir(parents=True)
    doc = "Sales rose 8% in the third quarter.\nThe company opened two new stores in Lyon."
    (root / "summedits_news.json").write_text(json.dumps([
        {"id": "n1", "doc": doc, "summary": "Sales rose 8% in the third quarter. 2023. Two stores opened in Lyon.",
         "label": 1},
        {"id": "n2", "doc": doc, "summary": "The company opened two new stores in Lyon.", "label": 1}]))
    cfg = BenchConfig.for_smoke(bench_dir=tmp_path / "bench", seed_csv=FIXTURES / "eval" / "seed_dev.csv",
                                seed_corpus=FIXTURES / "eval" / "seed_corpus.txt", out_dir=tmp_path / "out",
                                only=("summedits",), log=lambda m: None)
    section = Harness(cfg, Models(embedder=fake_embedder, nli=fake_nli)).run()["benchmarks"]["summedits"]

    assert section["n"] == 2
    assert any("1 summary sentence(s) refused" in n and "n1 '2023.'" in n for n in section["notes"])

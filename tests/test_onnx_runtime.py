"""The ONNX runtime against the torch one, on tiny random models generated here (the real models: slow tests in
test_onnx_agreement.py): same probabilities and embeddings, stale exports re-made, fallbacks, the export command."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.errors import ModelError
from factcheck.judge import nli as nli_mod
from factcheck.judge.nli import LABELS, NLIModel, load_nli
from factcheck.retrieval.embed import Embedder, bundled_model_dir
from factcheck.runtime import artifacts
from factcheck.runtime.onnx import OnnxNLIModel

PAIRS = [
    ("The Farc guerrilla group demobilized in 2016 after the peace deal.", "The Farc demobilized."),
    ("A man is playing a guitar on stage.", "Nobody is playing an instrument."),
    ("x", "y"),
    ("Colombia received $450 million in 2023. " * 40, "Colombia received aid."),  # truncated to max_length
    ("Bogotá and Washington signed it.", "Washington signed it " * 200),  # truncation takes the hypothesis
]
TEXTS = ["Colombia and the US signed an alliance.", "", "  padded  ", "word " * 400, "Petro met Biden in 2023."]


def _tiny_nli(path, id2label=None, seed=0):
    import torch
    from transformers import BertConfig, BertForSequenceClassification

    id2label = id2label or {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}
    torch.manual_seed(seed)
    cfg = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=64, max_position_embeddings=512, num_labels=3, id2label=id2label,
                     label2id={v: k for k, v in id2label.items()}, initializer_range=0.5)  # outputs vary by input
    model = BertForSequenceClassification(cfg)
    model.save_pretrained(path)
    shutil.copy(nli_mod.SHIPPED_MODEL_DIR / "tokenizer.json", path / "tokenizer.json")
    shutil.copy(nli_mod.SHIPPED_MODEL_DIR / "tokenizer_config.json", path / "tokenizer_config.json")
    return path


def _tiny_embedder(path):
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(1)
    cfg = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=64, max_position_embeddings=512)
    BertModel(cfg).save_pretrained(path)
    src = bundled_model_dir()
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "modules.json",
                 "sentence_bert_config.json", "config_sentence_transformers.json"):
        if (src / name).exists():
            shutil.copy(src / name, path / name)
    pooling = json.loads((src / "1_Pooling" / "config.json").read_text())
    (path / "1_Pooling").mkdir()
    (path / "1_Pooling" / "config.json").write_text(json.dumps({**pooling, "word_embedding_dimension": 32}))
    if (src / "2_Normalize").is_dir():
        shutil.copytree(src / "2_Normalize", path / "2_Normalize")
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One export cache for the module, so each tiny model is exported once."""
    root = tmp_path_factory.mktemp("xdg")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(root))
        yield root / "factcheck"


@pytest.fixture(scope="module")
def tiny_nli_dir(tmp_path_factory):
    return _tiny_nli(tmp_path_factory.mktemp("tiny-nli"))


@pytest.fixture(scope="module")
def tiny_embedder_dir(tmp_path_factory):
    return _tiny_embedder(tmp_path_factory.mktemp("tiny-embedder"))


def test_onnx_nli_matches_torch_and_keeps_label_order(cache, tiny_nli_dir):
    torch_model = load_nli(str(tiny_nli_dir), runtime="torch")
    onnx_model = load_nli(str(tiny_nli_dir), runtime="onnx")
    assert isinstance(torch_model, NLIModel) and isinstance(onnx_model, OnnxNLIModel)
    assert (torch_model.runtime, onnx_model.runtime) == ("torch", "onnx")
    assert onnx_model.labels == LABELS
    expected = torch_model.predict(PAIRS, batch_size=2)
    got = onnx_model.predict(PAIRS, batch_size=2)
    assert got.shape == (len(PAIRS), 3)
    np.testing.assert_allclose(got, expected, atol=1e-4)
    assert len(set(expected.argmax(1))) > 1  # the pairs are told apart, so agreement means something
    assert onnx_model.token_counts(PAIRS) == torch_model.token_counts(PAIRS)
    assert max(onnx_model.token_counts(PAIRS)) == 256
    meta = json.loads((artifacts.export_dir("nli", tiny_nli_dir) / artifacts.META_FILE).read_text())
    assert meta["source_sha256"]["model.safetensors"] == artifacts.file_sha256(tiny_nli_dir / "model.safetensors")
    assert meta["fused_ops"].get("Attention") == 2  # ONNX Runtime's BERT fusion applied, one per layer


def test_onnx_nli_misuse_and_empty(cache, tiny_nli_dir):
    model = load_nli(str(tiny_nli_dir), runtime="onnx")
    assert model.predict([]).shape == (0, 3)
    with pytest.raises(ValueError, match="list of"):
        model.predict(("premise", "hypothesis"))


def test_changed_weights_make_the_export_stale_and_it_is_redone(cache, tmp_path):
    model_dir = _tiny_nli(tmp_path / "m", seed=0)
    first = load_nli(str(model_dir), runtime="onnx").predict(PAIRS)
    target = artifacts.export_dir("nli", model_dir)
    assert artifacts.stale_reason(target, "nli", model_dir) is None
    _tiny_nli(model_dir, seed=7)  # retrained: new safetensors in the same folder
    assert "changed" in artifacts.stale_reason(target, "nli", model_dir)
    logs: list[str] = []
    second = load_nli(str(model_dir), runtime="onnx", log=logs.append)
    assert any("exporting" in m for m in logs)
    np.testing.assert_allclose(second.predict(PAIRS), load_nli(str(model_dir), runtime="torch").predict(PAIRS),
                               atol=1e-4)
    assert not np.allclose(second.predict(PAIRS), first, atol=1e-3)
    assert artifacts.stale_reason(target, "nli", model_dir) is None


def test_auto_runs_the_shipped_model_on_onnx_and_falls_back_to_torch(cache, tiny_nli_dir, monkeypatch, tmp_path):
    monkeypatch.setattr(nli_mod, "SHIPPED_MODEL_DIR", tiny_nli_dir)
    assert load_nli(runtime="auto").runtime == "onnx"
    assert load_nli(str(tiny_nli_dir), runtime="auto").runtime == "torch"  # a named model: transformers
    monkeypatch.setenv("FACTCHECK_RUNTIME", "torch")
    assert load_nli().runtime == "torch"
    monkeypatch.delenv("FACTCHECK_RUNTIME")

    def no_export(*args, **kwargs):
        raise ImportError("No module named 'torch'")

    import factcheck.runtime.export as export_mod

    monkeypatch.setattr(export_mod, "ensure_export", no_export)
    unexported = shutil.copytree(tiny_nli_dir, tmp_path / "copy")  # another path: no export in the cache
    monkeypatch.setattr(nli_mod, "SHIPPED_MODEL_DIR", unexported)
    logs: list[str] = []
    assert load_nli(runtime="auto", log=logs.append).runtime == "torch"
    assert any("runs on torch" in m and "No module named 'torch'" in m for m in logs)
    with pytest.raises(ModelError, match="ONNX"):
        load_nli(str(unexported), runtime="onnx")


def test_onnx_runtime_needs_a_local_folder(cache):
    with pytest.raises(ModelError, match="not a local folder"):
        load_nli("some-org/some-nli-model", runtime="onnx")


def test_model_files_travel_with_the_onnx_model(cache, tiny_nli_dir):
    fusion = tiny_nli_dir / "fusion.json"
    fusion.write_text(json.dumps({"entail_threshold": 0.42, "_note": "tuned"}))
    try:
        assert load_nli(str(tiny_nli_dir), runtime="onnx").fusion_params == {"entail_threshold": 0.42}
    finally:
        fusion.unlink()


def test_onnx_embedder_matches_sentence_transformers(cache, tiny_embedder_dir):
    onnx = Embedder(tiny_embedder_dir, runtime="onnx")
    torch_ = Embedder(tiny_embedder_dir, runtime="torch")
    assert (onnx.runtime, torch_.runtime) == ("onnx", "torch")
    assert onnx.dimension == torch_.dimension == 32
    a, b = onnx.encode(TEXTS, batch_size=2), torch_.encode(TEXTS)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) >= 0.9999
    assert onnx.encode([]).shape == (0, 32)
    with pytest.raises(ValueError, match="list of strings"):
        onnx.encode("one text")


def test_export_command_reports_and_reuses(cache, tiny_nli_dir, tiny_embedder_dir, monkeypatch, tmp_path):
    import factcheck.retrieval.embed as embed_mod
    from factcheck.cli import main

    # copies: paths with no export in the cache yet
    nli_dir, embedder_dir = (shutil.copytree(d, tmp_path / d.name) for d in (tiny_nli_dir, tiny_embedder_dir))
    monkeypatch.setattr(embed_mod, "bundled_model_dir", lambda: embedder_dir)
    runner = CliRunner()
    first = runner.invoke(main, ["nli", "export-onnx", "--nli-model", str(nli_dir)])
    assert first.exit_code == 0, first.output
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [r["model"] for r in rows] == ["nli", "embedder"]
    assert all(r["exported"] for r in rows)
    assert all(r["onnx"].startswith(str(cache / "onnx")) for r in rows)
    again = runner.invoke(main, ["nli", "export-onnx", "--nli-model", str(nli_dir)])
    assert [json.loads(line)["exported"] for line in again.stdout.splitlines()] == [False, False]
    forced = runner.invoke(main, ["nli", "export-onnx", "--nli-model", str(nli_dir), "--force"])
    assert [json.loads(line)["exported"] for line in forced.stdout.splitlines()] == [True, True]


def test_a_partial_export_is_not_used(cache, tiny_nli_dir, tmp_path):
    target = artifacts.export_dir("nli", tiny_nli_dir, root=tmp_path / "root")
    target.mkdir(parents=True)
    (target / artifacts.META_FILE).write_text(json.dumps({"format": artifacts.EXPORT_FORMAT, "kind": "nli"}))
    assert artifacts.stale_reason(target, "nli", tiny_nli_dir) == "not exported yet"  # no model.onnx


def test_repeated_pairs_are_scored_once(cache, tiny_nli_dir):
    model = load_nli(str(tiny_nli_dir), runtime="onnx")
    rows = []
    run = model.onnx.run
    model.onnx.run = lambda feed: rows.append(len(feed["input_ids"])) or run(feed)
    got = model.predict(PAIRS + PAIRS[::-1], batch_size=4)
    assert sum(rows) == len(PAIRS)  # each distinct pair went through the model once
    np.testing.assert_allclose(got, np.vstack([got[: len(PAIRS)], got[: len(PAIRS)][::-1]]))
    torch_got = load_nli(str(tiny_nli_dir), runtime="torch").predict(PAIRS + PAIRS[::-1], batch_size=4)
    np.testing.assert_allclose(got, torch_got, atol=1e-4)

"""The NLI wrapper: label order from id2label, shapes, errors; a tiny model generated here, no network."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.judge.nli import LABELS, SHIPPED_MODEL_DIR, load_nli


def _tiny_model(path, id2label):
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from factcheck.retrieval.embed import bundled_model_dir

    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=30522, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, num_labels=len(id2label), id2label=id2label,
                     label2id={v: k for k, v in id2label.items()})
    model = BertForSequenceClassification(cfg)
    with torch.no_grad():  # make column j's logit depend on j so the order is observable
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.arange(len(id2label), dtype=torch.float32))
    model.save_pretrained(path)
    AutoTokenizer.from_pretrained(str(bundled_model_dir())).save_pretrained(path)
    return path


def test_label_order_follows_id2label(tmp_path):
    # the model's columns are (contradiction, entailment, neutral) with rising logits 0, 1, 2
    path = _tiny_model(tmp_path / "m", {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"})
    nli = load_nli(str(path))
    assert nli.labels == LABELS
    probs = nli.predict([("A man sleeps.", "A person rests."), ("x", "y")], batch_size=1)
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    # entailment had logit 1, neutral 2, contradiction 0
    assert probs[0, 1] > probs[0, 0] > probs[0, 2]


def test_predict_misuse_and_empty(tmp_path):
    nli = load_nli(str(_tiny_model(tmp_path / "m", {0: "entailment", 1: "neutral", 2: "contradiction"})))
    assert nli.predict([]).shape == (0, 3)
    with pytest.raises(ValueError, match="list of"):
        nli.predict(("premise", "hypothesis"))


def test_models_without_three_nli_labels_are_refused(tmp_path):
    with pytest.raises(ModelError, match="need 3"):
        load_nli(str(_tiny_model(tmp_path / "two", {0: "yes", 1: "no"})))
    with pytest.raises(ModelError, match="entailment/neutral/contradiction"):
        load_nli(str(_tiny_model(tmp_path / "odd", {0: "a", 1: "b", 2: "c"})))
    with pytest.raises(ModelError, match="cannot load"):
        load_nli(str(tmp_path / "does-not-exist"))


@pytest.mark.skipif(not (SHIPPED_MODEL_DIR / "config.json").exists(), reason="shipped model not built")
def test_shipped_model_gets_obvious_pairs_right():
    nli = load_nli()
    probs = nli.predict([
        ("The Farc guerrilla group demobilized in 2016.", "The Farc demobilized."),
        ("A man is playing a guitar on stage.", "Nobody is playing an instrument."),
        ("A man is playing a guitar on stage.", "The man is a famous musician."),
    ])
    assert [LABELS[i] for i in probs.argmax(1)] == ["entailment", "contradiction", "neutral"]

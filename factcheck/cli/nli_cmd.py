"""`factcheck nli train|predict|export-onnx|mix|synth` — build training data for, retrain or try the NLI model."""

from __future__ import annotations

import json

import click


@click.group("nli")
def nli_group():
    """Train or query the NLI cross-encoder."""


@nli_group.command("train")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help='JSONL of {"premise","hypothesis","label","source"}; repeatable.')
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Run folder (resumable).")
@click.option("--init-from", default=None, help="Start from this exported model instead of the base encoder.")
@click.option("--epochs", type=float, default=1.0, show_default=True)
@click.option("--lr", type=float, default=6e-5, show_default=True)
@click.option("--batch-size", type=int, default=32, show_default=True)
@click.option("--max-length", type=int, default=128, show_default=True)
@click.option("--dev-data", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Fixed held-out JSONL (its pairs are dropped from training); default: a random 2% split.")
@click.option("--keep-binary", is_flag=True, help='Also learn from "not_entailment" pairs (partial-label loss).')
@click.option("--max-minutes", type=float, default=None, help="Stop and export after this much training time.")
@click.option("--eval-each-epoch", is_flag=True, help="Score the held-out set at each epoch's end.")
@click.option("--shard-size", default=None, help='Export in safetensors shards of at most this size, e.g. "14MB".')
def train_cmd(data, out_dir, init_from, epochs, lr, batch_size, max_length, dev_data, keep_binary, max_minutes,
              eval_each_epoch, shard_size):
    """Fine-tune a 3-way NLI cross-encoder; rerun the same command to resume after an interruption.

    Uses a GPU (bf16) when torch sees one; nothing requires it.
    """
    from factcheck.training.train import TrainConfig, train

    cfg = TrainConfig(data=list(data), out_dir=out_dir, init_from=init_from, epochs=epochs, lr=lr,
                      batch_size=batch_size, max_length=max_length, dev_data=list(dev_data) or None,
                      keep_binary=keep_binary, max_minutes=max_minutes, eval_each_epoch=eval_each_epoch,
                      shard_size=shard_size)
    path = train(cfg, log=lambda m: click.echo(m, err=True))
    click.echo(f"model written to {path}", err=True)


@nli_group.command("predict")
@click.argument("premise")
@click.argument("hypothesis")
@click.option("--nli-model", default=None, help="Model folder or Hugging Face id (default: shipped model).")
def predict_cmd(premise, hypothesis, nli_model):
    """Print entailment / neutral / contradiction probabilities for one pair."""
    from factcheck.judge.nli import load_nli

    model = load_nli(nli_model)
    probs = model.predict([(premise, hypothesis)])[0]
    click.echo(json.dumps({k: round(float(p), 4) for k, p in zip(model.labels, probs)}))


@nli_group.command("export-onnx")
@click.option("--nli-model", default=None, type=click.Path(exists=True, file_okay=False),
              help="NLI model folder (default: the shipped model).")
@click.option("--force", is_flag=True, help="Export again even when the cached export is up to date.")
def export_onnx_cmd(nli_model, force):
    """Export the NLI model and the embedder to ONNX, into the cache that `check` runs them from.

    `check` does this by itself on first use and whenever a model's safetensors change; run it after
    installing or retraining to pay that once, up front. Prints one JSON line per model.
    """
    from factcheck.judge.nli import SHIPPED_MODEL_DIR
    from factcheck.retrieval.embed import bundled_model_dir
    from factcheck.runtime.artifacts import export_dir, stale_reason
    from factcheck.runtime.export import ensure_export

    for kind, source in (("nli", nli_model or SHIPPED_MODEL_DIR), ("embedder", bundled_model_dir())):
        reason = "--force" if force else stale_reason(export_dir(kind, source), kind, source)
        path = ensure_export(kind, source, force=force)
        click.echo(json.dumps({"model": kind, "source": str(source), "onnx": str(path),
                               "exported": reason is not None, "why": reason or "up to date"}))


@nli_group.command("mix")
@click.option("--train-dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of <set>.jsonl.gz training files (../shared/data/train).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="JSONL to write (.xz: compressed).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--mix", "mix_name", type=click.Choice(["default", "full"]), default="default", show_default=True,
              help="default: 52k natural pairs for a CPU run; full: every usable set (~300k pairs).")
@click.option("--keep-binary", is_flag=True, help='Keep "not_entailment" pairs of binary sets.')
@click.option("--exclude", "exclude", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="JSONL of held-out pairs to keep out of the mix.")
@click.option("--add", "add", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra JSONL pairs to append (e.g. from `factcheck nli synth`).")
def mix_cmd(train_dir, out, seed, mix_name, keep_binary, exclude, add):
    """Write a training mix (non-commercial data left out) as JSONL."""
    from factcheck.training.data import read_pairs, write_pairs
    from factcheck.training.mix import MIXES, sample_mix

    held = {(p["premise"], p["hypothesis"]) for path in exclude for p in read_pairs(path, keep_binary=True)}
    pairs, counts = sample_mix(train_dir, MIXES[mix_name], seed=seed, keep_binary=keep_binary, exclude=held)
    for path in add:
        for p in read_pairs(path, keep_binary=keep_binary):
            if (p["premise"], p["hypothesis"]) not in held:
                pairs.append(p)
                counts[p.get("source", path)] += 1
    write_pairs(pairs, out)
    click.echo(json.dumps({"pairs": len(pairs), "per_set": dict(counts)}), err=True)


@nli_group.command("synth")
@click.option("--train-dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of <set>.jsonl.gz training files; source sentences come from its news-like sets.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="JSONL to write (.gz/.xz: compressed).")
@click.option("--sentences", type=int, default=6000, show_default=True, help="Source sentences to mine.")
@click.option("-n", "--n", "n", type=int, default=12000, show_default=True, help="Pairs to generate.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--mix", "mix_spec", default=None,
              help='Transforms, labels or "hard_cases", with optional weights: "unseen_entity,unit_change=2" '
                   "(default: contradiction 45%, entailment 30%, neutral 25% over the base transforms).")
@click.option("--heldout-per-family", type=int, default=0, show_default=True,
              help="Also write OUT.heldout.jsonl: up to this many pairs per transform, on premises the "
                   "training output never uses.")
def synth_cmd(train_dir, out, sentences, n, seed, mix_spec, heldout_per_family):
    """Write seeded synthetic NLI pairs (number/date/entity/negation/antonym changes, clause drops, neighbours,
    and the hard cases: unseen entities, unit changes, nominalisations, contrary predicates, vague quantifiers,
    context from the previous sentence)."""
    import time
    from collections import Counter
    from pathlib import Path

    from factcheck.training.data import write_pairs
    from factcheck.training.synth.core import build_synth, heldout_path, parse_mix

    try:
        mix = parse_mix(mix_spec) if mix_spec else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--mix") from None
    t0 = time.time()
    pairs, heldout = build_synth(train_dir, sentences, n, seed=seed, mix=mix, heldout_per_family=heldout_per_family,
                                 log=lambda m: click.echo(f"{m} ({time.time() - t0:.0f}s)", err=True))
    Path(out).resolve().parent.mkdir(parents=True, exist_ok=True)
    write_pairs(pairs, out)
    counts: dict = {"pairs": len(pairs), "per_source": dict(sorted(Counter(p["source"] for p in pairs).items())),
                    "per_label": dict(sorted(Counter(p["label"] for p in pairs).items()))}
    if heldout_per_family > 0:
        write_pairs(heldout, heldout_path(out))
        counts["heldout"] = {"path": heldout_path(out), "pairs": len(heldout),
                             "per_source": dict(sorted(Counter(p["source"] for p in heldout).items()))}
    click.echo(json.dumps(counts), err=True)

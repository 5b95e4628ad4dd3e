"""`factcheck nli train|predict` — retrain or try the NLI model."""

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
def train_cmd(data, out_dir, init_from, epochs, lr, batch_size, max_length):
    """Fine-tune a 3-way NLI cross-encoder; rerun the same command to resume after an interruption."""
    from factcheck.nli.train import TrainConfig, train

    cfg = TrainConfig(data=list(data), out_dir=out_dir, init_from=init_from, epochs=epochs, lr=lr,
                      batch_size=batch_size, max_length=max_length)
    path = train(cfg, log=lambda m: click.echo(m, err=True))
    click.echo(f"model written to {path}", err=True)


@nli_group.command("predict")
@click.argument("premise")
@click.argument("hypothesis")
@click.option("--nli-model", default=None, help="Model folder or Hugging Face id (default: shipped model).")
def predict_cmd(premise, hypothesis, nli_model):
    """Print entailment / neutral / contradiction probabilities for one pair."""
    from factcheck.nli import load_nli

    model = load_nli(nli_model)
    probs = model.predict([(premise, hypothesis)])[0]
    click.echo(json.dumps({k: round(float(p), 4) for k, p in zip(model.labels, probs)}))


@nli_group.command("mix")
@click.option("--train-dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of <set>.jsonl.gz training files (../shared/data/train).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="JSONL to write.")
@click.option("--seed", type=int, default=13, show_default=True)
def mix_cmd(train_dir, out, seed):
    """Write the default three-way training mix (non-commercial data left out) as JSONL."""
    from factcheck.nli.data import sample_mix, write_pairs

    pairs, counts = sample_mix(train_dir, seed=seed)
    write_pairs(pairs, out)
    click.echo(json.dumps({"pairs": len(pairs), "per_set": dict(counts)}), err=True)

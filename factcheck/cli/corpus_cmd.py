"""`factcheck ingest`, `factcheck index`, `factcheck corpus list|show`."""

from __future__ import annotations

import json

import click

from factcheck.cli.common import emit


def _settings():
    from factcheck.settings import get_settings

    return get_settings()


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--corpus", "-c", "name", required=True, help="Name of the corpus to create or replace.")
@click.option("--no-index", is_flag=True, help="Only extract claims; build the index later.")
def ingest_cmd(sources, name, no_index):
    """Extract claims from .txt/.md/.html files or folders into corpus/NAME/ and index them."""
    from factcheck.retrieval.corpus import build_index, ingest, resolve

    settings = _settings()
    claims = ingest(list(sources), name, settings)
    click.echo(f"corpus {name!r}: {len(claims)} claims from {len({c.doc_id for c in claims})} documents", err=True)
    if not no_index:
        from factcheck.retrieval.embed import Embedder

        index = build_index(resolve(name, settings), Embedder(), show_progress=True)
        click.echo(f"indexed {len(index)} claims in {resolve(name, settings).index}", err=True)


@click.command("index")
@click.option("--corpus", "-c", "name", default=None, help="Corpus name or path (default: the seed article).")
def index_cmd(name):
    """(Re)build the FAISS index of a corpus."""
    from factcheck.retrieval.corpus import DEFAULT_CORPUS, build_index, ensure_seed, resolve
    from factcheck.retrieval.embed import Embedder

    settings = _settings()
    paths = resolve(name, settings)
    if paths.name == DEFAULT_CORPUS:
        ensure_seed(settings)
    index = build_index(paths, Embedder(), show_progress=True)
    click.echo(f"indexed {len(index)} claims of corpus {paths.name!r} in {paths.index}", err=True)


@click.group("corpus")
def corpus_group():
    """What is indexed, from which files, when, with which model."""


@corpus_group.command("list")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def corpus_list(fmt):
    """List corpora."""
    from factcheck.retrieval.corpus import ensure_seed, list_corpora

    settings = _settings()
    ensure_seed(settings)
    rows = list_corpora(settings)
    if fmt == "json":
        emit(json.dumps(rows, indent=2) + "\n", "-")
        return
    for r in rows:
        state = f"indexed {r['indexed_at']}" if r["indexed"] else "not indexed"
        click.echo(f"{r['name']}\t{r['claim_count']} claims\t{len(r['sources'])} sources\t{state}")


@corpus_group.command("show")
@click.argument("name")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def corpus_show(name, fmt):
    """Show one corpus: sources, hashes, claim count, index manifest."""
    from factcheck.retrieval.corpus import describe, ensure_seed, resolve

    settings = _settings()
    if name == "seed":
        ensure_seed(settings)
    info = describe(resolve(name, settings))
    if fmt == "json":
        emit(json.dumps(info, indent=2) + "\n", "-")
        return
    for key in ("name", "corpus_dir", "index_dir", "claim_count", "sentence_count", "ingested_at", "indexed_at",
                "embedding_model"):
        click.echo(f"{key}: {info[key]}")
    click.echo("sources:")
    for s in info["sources"]:
        click.echo(f"  {s['doc_id']}: {s['path']} (sha256 {s['sha256'][:12]})")

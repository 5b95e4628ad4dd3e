"""`factcheck ingest`, `factcheck index`, `factcheck corpus list|show|remove`."""

from __future__ import annotations

import json
import sys

import click

from factcheck.cli.common import emit, engine_options

EXIT_SKIPPED = 4  # the corpus was written, but some sources were skipped (each is reported)

wait_option = click.option(
    "--wait", type=click.FloatRange(0), default=60, show_default=True, metavar="SECONDS",
    help="How long to wait for another process writing the same corpus before giving up.")


def _settings():
    from factcheck.settings import get_settings

    return get_settings()


def _log(message: str) -> None:
    click.echo(message, err=True)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True, type=click.Path())
@click.option("--corpus", "-c", "name", required=True, help="Name of the corpus to create or update.")
@click.option("--add", is_flag=True, help="Add to an existing corpus: new files are added, changed files "
              "replace their earlier claims, unchanged files are skipped.")
@click.option("--replace", is_flag=True, help="Replace an existing corpus with these sources.")
@click.option("--no-index", is_flag=True, help="Only extract claims; the index is built on first use.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@wait_option
@engine_options
def ingest_cmd(sources, name, add, replace, no_index, progress, wait, engine):
    """Extract claims from .txt/.md/.html files or folders into corpus NAME and index them.

    A new NAME is created; an existing one needs --add or --replace. Unreadable, empty or unsupported files
    are skipped with a line each, and the command then exits 4.
    """
    from factcheck.retrieval.corpus import ingest

    if add and replace:
        raise click.UsageError("--add and --replace exclude each other")
    mode = "add" if add else "replace" if replace else "create"
    if engine is not None:
        from factcheck.apps.ray_engine import RayIngestEngine

        engine = RayIngestEngine(address=engine[1], workers=engine[2])
    report = ingest(list(sources), name, _settings(), mode=mode, index=not no_index, wait=wait,
                    progress=sys.stderr.isatty() if progress is None else progress, log=_log, engine=engine)
    for path, reason in report.skipped:
        click.echo(f"skipped {path}: {reason}", err=True)
    for path, reason in report.unchanged:
        click.echo(f"unchanged {path}: {reason}", err=True)
    changes = [f"{len(ids)} {what}" for ids, what in ((report.added, "added"), (report.updated, "updated")) if ids]
    state = "indexed" if report.indexed else "not indexed"
    click.echo(f"corpus {name!r}: {', '.join(changes) or 'nothing changed'}; {report.claim_count} claims from "
               f"{report.document_count} documents, {state} ({report.corpus_dir})", err=True)
    if report.skipped:
        sys.exit(EXIT_SKIPPED)


@click.command("index")
@click.option("--corpus", "-c", "name", default=None, help="Corpus name or path (default: the seed article).")
@click.option("--store", default=None, metavar="faiss|PATH.db|milvus://HOST:PORT/COLLECTION",
              help="Move the vectors to this store: faiss (embedded, the default for new corpora), a milvus-lite "
              "file, or a Milvus server (needs the milvus extra). Default: rebuild where they are now.")
@wait_option
def index_cmd(name, store, wait):
    """(Re)build the index of a corpus from its claims, or move its vectors to another store.

    Without --store every claim is embedded again. With --store, vectors already indexed with the loaded
    embedding model are copied, not recomputed; check, batch and review then search the new store.
    """
    from factcheck.retrieval.corpus import DEFAULT_CORPUS, build_index, ensure_seed, resolve
    from factcheck.retrieval.embed import Embedder

    settings = _settings()
    paths = resolve(name, settings)
    if paths.name == DEFAULT_CORPUS:
        ensure_seed(settings, log=_log)
    index = build_index(paths, settings, Embedder(), progress=sys.stderr.isatty(), wait=wait, log=_log, store=store)
    record = index.store_record()
    where = f"Milvus collection {record['collection']!r} at {record['uri']}" if record else "FAISS"
    click.echo(f"indexed {len(index)} claims of corpus {paths.name!r} in {paths.root} ({where})", err=True)


@click.group("corpus")
def corpus_group():
    """What is indexed, from which files, when, with which model; remove a corpus or a document."""


@corpus_group.command("list")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def corpus_list(fmt):
    """List corpora."""
    from factcheck.retrieval.corpus import ensure_seed, list_corpora

    settings = _settings()
    ensure_seed(settings, log=_log)
    rows = list_corpora(settings)
    if fmt == "json":
        emit(json.dumps(rows, indent=2) + "\n", "-")
        return
    for r in rows:
        if "documents" not in r:
            click.echo(f"{r['name']}\tdamaged: {r['problem']}")
            continue
        state = f"indexed {r['indexed_at']}" if r["indexed"] else "not indexed"
        click.echo(f"{r['name']}\t{r['claim_count']} claims\t{len(r['documents'])} documents\t{state}")


@corpus_group.command("show")
@click.argument("name")
@click.option("--format", "-f", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def corpus_show(name, fmt):
    """Show one corpus: documents, hashes, ingest times, claim count, index; checks the stored copies."""
    from factcheck.retrieval.corpus import DEFAULT_CORPUS, ensure_seed, show

    settings = _settings()
    if name == DEFAULT_CORPUS:
        ensure_seed(settings, log=_log)
    info = show(name, settings)
    from factcheck.judge.verdict_model import list_profiles

    info["profiles"] = list_profiles(settings, corpus=name)  # verdict profiles calibrated on this corpus
    if fmt == "json":
        emit(json.dumps(info, indent=2) + "\n", "-")
        return
    for key in ("name", "corpus_dir", "generation", "claim_count", "sentence_count", "updated_at", "indexed_at",
                "embedding_model"):
        click.echo(f"{key}: {info[key]}")
    click.echo("documents:")
    for d in info["documents"]:
        click.echo(f"  {d['doc_id']}: {d['source']} (sha256 {d['sha256'][:12]}, {d['claim_count']} claims, "
                   f"ingested {d['ingested_at']})")
    click.echo(f"problem: {info['problem']}" if info["problem"] else "stored copies: verified")
    click.echo("profiles:" + ("" if info["profiles"] else " none (create one with `factcheck calibrate`)"))
    for p in info["profiles"]:
        after = p.get("metrics", {}).get("after", {})
        click.echo(f"  {p['name']}: {p.get('rows', '?')} labelled statements, {p.get('date', '?')}"
                   + (f", cross-validated accuracy {after['accuracy']:.3f}, ECE {after['ece']:.3f}" if after else "")
                   + f" (use --profile {p['name']})")


@corpus_group.command("remove")
@click.argument("name")
@click.argument("doc", required=False)
@wait_option
def corpus_remove(name, doc, wait):
    """Delete corpus NAME, or only its document DOC (a document id, source path or stored file name)."""
    from factcheck.retrieval.corpus import remove

    click.echo(remove(name, _settings(), doc, wait=wait, log=_log), err=True)

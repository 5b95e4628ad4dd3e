"""Named corpora: ingest (create, add, replace), index, remove, list. The on-disk format, its verification
and the crash-safe, locked writer live in factcheck.retrieval.store."""

from __future__ import annotations

import dataclasses
import os
import re
import secrets
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from factcheck.errors import CorpusCorrupt, CorpusNotFound, InputError
from factcheck.ingest.read import Document
from factcheck.results import Claim
from factcheck.retrieval.index import CLAIMS_FILE, ClaimIndex, embedding_info, read_verified
from factcheck.retrieval.store import (
    CURRENT,
    LOCK_WAIT_S,
    CorpusPaths,
    Log,
    Snapshot,
    Writer,
    clean_leftovers,
    display_path,
    generation_manifest,
    live_store,
    new_index,
    new_index_like_live,
    now,
    read_live,
    read_snapshot,
    release_stores,
    repairable,
    resolve,
    snapshot_claims,
    snapshot_index,
    unknown_corpus,
    validate_name,
    verify_documents,
    write_claims,
)
from factcheck.settings import SEED_CORPUS, Settings

if TYPE_CHECKING:
    import numpy as np

DEFAULT_CORPUS = SEED_CORPUS  # built from seeds/ on first use; only `ingest --replace` writes it
MODES = ("create", "add", "replace")
EMBED_BATCH = 256  # claims embedded and indexed at a time while extraction streams
# Texts per model call. Long sentences sort together, and at 64 of them MiniLM's activations added ~400 MiB
# (measured on 1 MB of web text) against ~150 MiB at 16, for no measurable speed difference on 2 CPU cores.
MODEL_BATCH = 16


@dataclass
class IngestReport:
    """What an ingest did, document by document."""

    name: str
    corpus_dir: str
    added: list[str] = field(default_factory=list)  # doc ids
    updated: list[str] = field(default_factory=list)  # doc ids whose source changed: claims replaced
    unchanged: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was not re-ingested)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, what is wrong with it)
    document_count: int = 0
    claim_count: int = 0
    indexed: bool = False
    generation: str | None = None


def _source_key(path: str, settings: Settings) -> str:
    """A recorded source path made absolute, to recognise a file ingested before."""
    p = Path(path)
    return str((p if p.is_absolute() else settings.home / p).resolve())


def load_claims(name_or_path: str | None, settings: Settings) -> list[Claim]:
    return read_live(resolve(name_or_path, settings), snapshot_claims)


def load_index(name_or_path: str | None, settings: Settings, embedder, log: Log = None) -> ClaimIndex:
    """A corpus's verified index, built first (with a note via `log`) when the corpus has none yet."""
    paths = resolve(name_or_path, settings)
    if paths.root == settings.corpus_dir / DEFAULT_CORPUS:
        ensure_seed(settings, embedder, log)

    def read(snap: Snapshot) -> ClaimIndex | None:
        verify_documents(snap)
        return snapshot_index(snap, embedder) if snap.indexed else None

    index = read_live(paths, read)
    if index is None:
        if log:
            log(f"building index for corpus {paths.name!r} (first use)…")
        index = build_index(paths, settings, embedder, progress=log is not None and sys.stderr.isatty(), log=log)
    if index.ann_threshold is None:  # a store with its own search (Milvus) has set one already
        index.ann_threshold = settings.ann_threshold
    return index


# --- ingest ---------------------------------------------------------------------------------------------------

def expand_sources(sources: Iterable[str | Path]) -> list[Path]:
    """Files as named, and every file under each folder (hidden ones excepted), sorted per folder."""
    sources = list(sources)
    files: list[Path] = []
    for raw in sources:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    if not files:
        raise InputError(f"no files found in {', '.join(map(str, sources))}")
    return files


def read_sources(files: list[Path]) -> tuple[list[tuple[Path, Document]], list[tuple[str, str]]]:
    """Each file read as a Document, or skipped with the reason (undecodable, empty, unsupported type)."""
    from factcheck.ingest.read import read_document

    docs, skipped = [], []
    for f in files:
        try:
            docs.append((f, read_document(f)))
        except InputError as exc:
            reason = str(exc)
            skipped.append((str(f), reason[len(str(f)) + 2:] if reason.startswith(f"{f}: ") else reason))
        except OSError as exc:
            skipped.append((str(f), exc.strerror or str(exc)))
    return docs, skipped


def ingest(sources: Iterable[str | Path], name: str, settings: Settings, *, mode: str = "create", embedder=None,
           index: bool = True, progress: bool = False, wait: float = LOCK_WAIT_S, log: Log = None,
           engine=None) -> IngestReport:
    """Read sources, extract their claims and index them into corpus NAME.

    Args:
        mode: "create" (refuse an existing corpus), "add" (add new documents, replace changed ones, skip
            unchanged ones) or "replace" (the corpus becomes exactly these sources). The default corpus is
            only ever replaced.
        embedder: needed when `index` is true; defaults to the bundled model.
        wait: seconds to wait for another writer of the same corpus before giving up (CorpusBusy).
        engine: splits and embeds the new documents elsewhere (`factcheck.apps.ray_engine.RayIngestEngine`);
            needs `index`. Reading, planning and the corpus write stay in this process.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    if engine is not None and not index:
        raise InputError("an ingest engine splits and embeds: it needs indexing (drop --no-index)")
    validate_name(name)
    if name == DEFAULT_CORPUS and mode != "replace":
        raise InputError(f"corpus {DEFAULT_CORPUS!r} is the default corpus (the bundled seed article); ingest into "
                         f"another name, or pass --replace to replace it")
    paths = resolve(name, settings)
    if mode == "create":
        _refuse_existing(paths)  # before any reading, for a quick answer; checked again under the lock
    docs, skipped = read_sources(expand_sources(sources))
    if not docs:
        raise InputError("nothing to ingest: " + "; ".join(f"{p}: {why}" for p, why in skipped))
    if index and embedder is None:
        from factcheck.retrieval.embed import Embedder

        embedder = Embedder()
    return _ingest(paths, docs, skipped, settings, mode, embedder if index else None, progress, wait, log,
                   engine=engine)


def _refuse_existing(paths: CorpusPaths) -> None:
    snap: Snapshot | bool | None
    try:
        snap = read_snapshot(paths)
    except CorpusCorrupt:
        snap = True  # exists, damaged
    if snap is not None:
        n = len(snap.documents) if isinstance(snap, Snapshot) else "some"
        raise InputError(f"corpus {paths.name!r} already exists ({n} documents); pass --add to add or update "
                         f"documents, or --replace to replace it")


def _ingest(paths: CorpusPaths, docs: list[tuple[Path, Document]], skipped: list[tuple[str, str]],
            settings: Settings, mode: str, embedder, progress: bool, wait: float, log: Log,
            only_if_missing: bool = False, engine=None) -> IngestReport:
    report = IngestReport(paths.name, str(paths.root), skipped=list(skipped))
    clean_leftovers(settings)
    with Writer(paths, wait, log) as writer:
        if only_if_missing and (paths.root / CURRENT).exists():
            return report  # another process built it while we waited for the lock
        if mode == "create":
            _refuse_existing(paths)
        old = read_snapshot(paths) if mode == "add" else None
        kept, unchanged, new = _plan(old, docs, report, settings)
        for doc, entry in unchanged:  # an intact copy is left alone; a damaged one is stored again
            writer.store(doc, entry["stored"])
        if old is not None and not new:
            report.document_count, report.claim_count = len(old.documents), old.manifest["claim_count"]
            report.indexed, report.generation = old.indexed, old.generation
            return report
        entries = [d for d in (old.documents if old else []) if d["doc_id"] in kept]
        stored = []
        for doc in new:
            rel = writer.store(doc)
            stored.append(dataclasses.replace(doc, path=display_path(paths.root / rel, settings)))
            entries.append({"doc_id": doc.doc_id, "source": doc.path, "stored": rel, "sha256": doc.sha256,
                            "ingested_at": now(), "chars": len(doc.original)})
        claims = _extract(stored, progress, f"ingest {paths.name}")
        embedded = engine.claims_and_vectors(stored, embedder, MODEL_BATCH) if engine is not None else None
        manifest = _write_generation(writer.stage(), old, kept, entries, claims, embedder, embedded)
        if not manifest["claim_count"]:
            raise InputError("no sentences found in " + ", ".join(str(f) for f, _ in docs))
        snap = writer.commit(manifest)
    if paths.root == settings.corpus_dir / paths.name:  # an index of the older layout goes with it
        shutil.rmtree(settings.index_dir / paths.name, ignore_errors=True)
    report.document_count, report.claim_count = len(snap.documents), snap.manifest["claim_count"]
    report.indexed, report.generation = snap.indexed, snap.generation
    return report


def _write_generation(folder: Path, old: Snapshot | None, kept: set[str], entries: list[dict],
                      claims: Iterable[Claim], embedder,
                      embedded: Iterable[tuple[list[Claim], np.ndarray]] | None = None) -> dict:
    """Write the new generation's claims, and its index when there is an embedder, into `folder`: the kept
    documents' claims and vectors as they were, the new claims embedded as they stream in (or, from an engine,
    `embedded`: the new claims with their vectors, in document order, in place of `claims`). Returns its
    manifest."""
    if embedder is None:
        all_claims = (_without(snapshot_claims(old), kept) if old is not None else []) + list(claims)
        return generation_manifest(entries, all_claims, write_claims(folder, all_claims), None)
    if old is not None and old.indexed:  # updated in place: replaced documents' vectors go, the rest stay
        idx = snapshot_index(old, embedder)
        idx.remove_docs({d["doc_id"] for d in old.documents} - kept)
    elif old is not None:
        idx = ClaimIndex.build(_without(snapshot_claims(old), kept), embedder)
    else:
        idx = new_index_like_live(embedding_info(embedder), folder)
    if embedded is None:
        _index_stream(idx, claims, embedder)
    else:
        for batch, vectors in embedded:
            if batch:
                idx.add(batch, vectors)
    return generation_manifest(entries, idx.claims, idx.save(folder), idx)


def _plan(old: Snapshot | None, docs: list[tuple[Path, Document]], report: IngestReport, settings: Settings):
    """Which old documents stay (doc ids), the unchanged ones as read now with their manifest entries (to
    repair a damaged copy), and the documents to extract, with doc ids and absolute source paths assigned."""
    old_docs = old.documents if old is not None else []
    by_source = {_source_key(d["source"], settings): d for d in old_docs}
    by_sha = {d["sha256"]: d["doc_id"] for d in old_docs}
    kept = {d["doc_id"] for d in old_docs}
    taken = set(kept)
    unchanged: list[tuple[Document, dict]] = []
    new: list[Document] = []
    for f, doc in docs:
        previous = by_source.get(str(f.resolve()))
        if previous is not None and previous["sha256"] == doc.sha256:
            report.unchanged.append((str(f), f"unchanged since {previous['ingested_at']} (document "
                                             f"{previous['doc_id']!r})"))
            unchanged.append((doc, previous))
            continue
        if doc.sha256 in by_sha and (previous is None or by_sha[doc.sha256] != previous["doc_id"]):
            report.unchanged.append((str(f), f"same text as document {by_sha[doc.sha256]!r}"))
            continue
        if previous is not None:  # changed since it was ingested: its claims are replaced
            doc_id = previous["doc_id"]
            kept.discard(doc_id)
            report.updated.append(doc_id)
        else:
            doc_id = _unique(f.stem, taken)
            report.added.append(doc_id)
        taken.add(doc_id)
        by_sha[doc.sha256] = doc_id
        new.append(dataclasses.replace(doc, doc_id=doc_id, path=str(f.resolve())))
    return kept, unchanged, new


def _unique(stem: str, taken: set[str]) -> str:
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "doc"
    doc_id, n = stem, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{stem}-{n}"
    return doc_id


def _without(claims: list[Claim], kept: set[str]) -> list[Claim]:
    return [c for c in claims if c.doc_id in kept]


def _extract(docs: list[Document], progress: bool, label: str) -> Iterator[Claim]:
    """Claims of `docs`, streamed, with a progress bar over their characters on stderr when asked."""
    from factcheck.ingest.claims import extract_claims

    with tqdm(total=sum(len(d.text) for d in docs), unit="char", unit_scale=True, desc=label, file=sys.stderr,
              disable=not progress, leave=False) as bar:
        yield from extract_claims(docs, progress=bar.update)
        bar.update(bar.total - bar.n)


def _index_stream(idx: ClaimIndex, claims: Iterable[Claim], embedder) -> None:
    """Embed and add claims in batches as they arrive, so extraction and embedding share one pass."""
    batch: list[Claim] = []
    for claim in claims:
        batch.append(claim)
        if len(batch) == EMBED_BATCH:
            idx.add(batch, embedder.encode([c.text for c in batch], batch_size=MODEL_BATCH))
            batch = []
    if batch:
        idx.add(batch, embedder.encode([c.text for c in batch], batch_size=MODEL_BATCH))


def build_index(paths: CorpusPaths, settings: Settings, embedder, progress: bool = False, wait: float = LOCK_WAIT_S,
                log: Log = None, store: str | None = None) -> ClaimIndex:
    """(Re)build a corpus's index from its claims, as a new generation.

    Args:
        store: where the vectors go: "faiss", a milvus-lite file "PATH.db" or "milvus://HOST:PORT/COLLECTION"
            (factcheck.retrieval.milvus). None rebuilds in the store the corpus uses now, embedding every claim
            again; with a store named, vectors the corpus already holds for this embedding model are copied.
    """
    from factcheck.retrieval.milvus import parse_store

    spec = None if store is None else parse_store(store, paths.name)
    with Writer(paths, wait, log) as writer:
        old = read_snapshot(paths)
        if old is None:
            raise unknown_corpus(paths)
        verify_documents(old)
        folder = writer.stage()
        idx = new_index(embedding_info(embedder), folder, live_store(old) if store is None else spec)
        if store is not None and old.indexed and old.manifest["index"]["embedding_weights_sha256"] == \
                embedder.weights_sha256:
            source = snapshot_index(old, embedder)
            idx.add(source.claims, source.vectors())
        else:
            with tqdm(snapshot_claims(old), unit="claim", desc=f"index {paths.name}", file=sys.stderr,
                      disable=not progress, leave=False) as bar:
                _index_stream(idx, bar, embedder)
        entries = [{k: v for k, v in d.items() if k not in ("claim_count", "sentence_count")} for d in old.documents]
        writer.commit(generation_manifest(entries, idx.claims, idx.save(folder), idx))
    return idx


def ensure_seed(settings: Settings, embedder=None, log: Log = None) -> None:
    """Build the default corpus from the bundled seed article the first time it is needed (indexed when an
    embedder is given); a seed corpus of the older layout is rebuilt the same way."""
    paths = resolve(DEFAULT_CORPUS, settings)
    if (paths.root / CURRENT).exists():
        return
    seeds = sorted(settings.seeds_dir.glob("*.txt"))
    if not seeds:
        raise CorpusNotFound(f"no seed article in {settings.seeds_dir}; set FACTCHECK_HOME to a factcheck checkout")
    docs, skipped = read_sources(seeds)
    if skipped:
        raise CorpusCorrupt(f"seed article {skipped[0][0]}: {skipped[0][1]}")
    if log:
        log(f"building the default corpus {DEFAULT_CORPUS!r} from {settings.seeds_dir} (first use)…")
    _ingest(paths, docs, [], settings, "replace", embedder, False, LOCK_WAIT_S, log, only_if_missing=True)


def save_index(index: ClaimIndex, texts: dict[str, str], name: str, settings: Settings, mode: str = "create",
               wait: float = LOCK_WAIT_S) -> Snapshot:
    """Store an index built in memory from {doc_id: text} (`Checker.from_texts`) as corpus NAME, without
    re-extracting or re-embedding; its claims are re-pointed at the stored copies."""
    from factcheck.ingest.read import document_from_text

    if mode not in ("create", "replace"):
        raise ValueError("save_index() mode must be 'create' or 'replace'")
    paths = resolve(validate_name(name), settings)
    with Writer(paths, wait) as writer:
        if mode == "create":
            _refuse_existing(paths)
        entries, source_of = [], {}
        for doc_id, text in texts.items():
            doc = document_from_text(text, doc_id)
            rel = writer.store(doc)
            source_of[doc_id] = display_path(paths.root / rel, settings)
            entries.append({"doc_id": doc_id, "source": doc_id, "stored": rel, "sha256": doc.sha256,
                            "ingested_at": now(), "chars": len(text)})
        copy = index.map_claims(lambda c: c.model_copy(update={"source": source_of[c.doc_id]}))
        folder = writer.stage()
        return writer.commit(generation_manifest(entries, copy.claims, copy.save(folder), copy))


# --- remove ---------------------------------------------------------------------------------------------------

def remove(name_or_path: str, settings: Settings, doc: str | None = None, wait: float = LOCK_WAIT_S,
           log: Log = None) -> str:
    """Delete a corpus, or one document of it (its claims and vectors; nothing is re-embedded). Returns what
    was removed, in words."""
    paths = resolve(name_or_path, settings)
    clean_leftovers(settings)
    with Writer(paths, wait, log) as writer:
        legacy = (paths.root / CLAIMS_FILE).exists() and not (paths.root / CURRENT).exists()
        if doc is None:
            if not paths.root.is_dir():
                raise unknown_corpus(paths)
            trash = paths.root.parent / f".removed-{paths.name}-{secrets.token_hex(4)}"
            os.rename(paths.root, trash)  # atomic: readers see the whole corpus or none
            release_stores(trash)  # its Milvus collection, if any
            shutil.rmtree(trash, ignore_errors=True)
            if legacy:
                shutil.rmtree(settings.index_dir / paths.name, ignore_errors=True)
            again = " (it is rebuilt from seeds/ on next use)" if paths.name == DEFAULT_CORPUS else ""
            return f"removed corpus {paths.name!r}{again}"
        old = read_snapshot(paths)
        if old is None:
            raise unknown_corpus(paths)
        target = _find_document(old, doc, settings)
        if len(old.documents) == 1:
            raise InputError(f"{target['doc_id']!r} is the only document of corpus {paths.name!r}; remove the "
                             f"corpus with `factcheck corpus remove {paths.name}`")
        kept = {d["doc_id"] for d in old.documents} - {target["doc_id"]}
        entries = [d for d in old.documents if d["doc_id"] in kept]
        folder = writer.stage()
        if old.indexed:
            idx = snapshot_index(old, _RecordedEmbedder(old.manifest["index"]))
            idx.remove_docs({target["doc_id"]})
            writer.commit(generation_manifest(entries, idx.claims, idx.save(folder), idx))
        else:
            claims = _without(snapshot_claims(old), kept)
            writer.commit(generation_manifest(entries, claims, write_claims(folder, claims), None))
    return f"removed document {target['doc_id']!r} ({target['source']}) from corpus {paths.name!r}"


class _RecordedEmbedder:
    """Stands in for the embedding model when vectors are only removed: the index stays with its own model."""

    def __init__(self, info: dict):
        self.model_id = info["embedding_model"]
        self.weights_sha256 = info["embedding_weights_sha256"]


def _find_document(snap: Snapshot, doc: str, settings: Settings) -> dict:
    key = _source_key(doc, settings) if Path(doc).exists() else None
    for d in snap.documents:
        if doc in (d["doc_id"], d["source"], Path(d["stored"]).name) or (key and _source_key(d["source"], settings)
                                                                          == key):
            return d
    raise InputError(f"corpus {snap.paths.name!r} has no document {doc!r}; its documents: "
                     + ", ".join(d["doc_id"] for d in snap.documents))


# --- listing --------------------------------------------------------------------------------------------------

def list_corpora(settings: Settings) -> list[dict]:
    """One summary per corpus under corpus/; a damaged corpus is listed with its problem instead of failing."""
    out: list[dict] = []
    if not settings.corpus_dir.is_dir():
        return out
    for d in sorted(settings.corpus_dir.iterdir()):
        if d.name.startswith(".") or not d.is_dir():
            continue
        paths = CorpusPaths(d.name, d)
        try:
            snap = read_snapshot(paths)
        except CorpusCorrupt as exc:
            out.append({"name": d.name, "corpus_dir": str(d), "problem": str(exc)})
            continue
        if snap is not None:
            out.append(describe(snap))
    return out


def show(name_or_path: str, settings: Settings) -> dict:
    """describe() of a corpus, with `problem` set when a stored copy or file fails verification."""
    snap = read_live(resolve(name_or_path, settings), lambda s: s)
    info = describe(snap)
    try:
        verify_documents(snap)
        for name, sha in snap.manifest["files"].items():
            repairable(snap, lambda: read_verified(snap.folder / name, sha))  # noqa: B023 - called at once
    except CorpusCorrupt as exc:
        info["problem"] = str(exc)
    return info


def store_name(snap: Snapshot) -> str | None:
    """Where an indexed corpus's vectors are: "faiss", or the Milvus store and collection."""
    if not snap.indexed:
        return None
    record = snap.manifest["index"].get("store")
    return f"milvus {record.get('uri')} collection {record.get('collection')}" if record else "faiss"


def describe(snap: Snapshot) -> dict:
    m = snap.manifest
    return {
        "name": snap.paths.name,
        "corpus_dir": str(snap.paths.root),
        "generation": snap.generation,
        "claim_count": m.get("claim_count"),
        "sentence_count": m.get("sentence_count"),
        "updated_at": m.get("created_at"),
        "documents": m["documents"],
        "indexed": snap.indexed,
        "indexed_at": snap.indexed and m["index"].get("indexed_at") or None,
        "embedding_model": snap.indexed and m["index"].get("embedding_model") or None,
        "store": store_name(snap),
        "problem": None,
    }

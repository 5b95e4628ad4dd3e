"""Corpora on disk: corpus/NAME/ holds the sources' claims, indexes/NAME/ the FAISS index built from them."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from factcheck.errors import CorpusNotFound, InputError
from factcheck.ingest.claims import extract_claims
from factcheck.ingest.read import iter_source_files, read_document
from factcheck.results import Claim
from factcheck.retrieval.index import ClaimIndex, write_atomic
from factcheck.settings import Settings

DEFAULT_CORPUS = "seed"


@dataclass
class CorpusPaths:
    name: str
    corpus: Path  # claims.jsonl, sources.json, docs/
    index: Path  # index.faiss, claims.jsonl, manifest.json


def resolve(name_or_path: str | None, settings: Settings) -> CorpusPaths:
    """A corpus by name (under corpus/ and indexes/) or by path to a corpus folder."""
    name_or_path = name_or_path or settings.corpus
    p = Path(name_or_path)
    if p.is_dir() and (p / "claims.jsonl").exists():
        return CorpusPaths(p.name, p, p / "index" if not (p / "manifest.json").exists() else p)
    if "/" in name_or_path or name_or_path.startswith("."):
        raise CorpusNotFound(f"{name_or_path}: no corpus there (expected a folder holding claims.jsonl)")
    return CorpusPaths(name_or_path, settings.corpus_dir / name_or_path, settings.index_dir / name_or_path)


def ingest(paths: list[str | Path], name: str, settings: Settings, progress=None) -> list[Claim]:
    """Read sources, extract claims, store them in corpus/NAME/ (replacing what was there)."""
    if not name or "/" in name or name.startswith("."):
        raise InputError(f"corpus name {name!r} is not a plain name; use letters, digits, '-' or '_'")
    files = iter_source_files(paths)
    docs, seen = [], set()
    for f in files:
        doc_id = f.stem if f.stem not in seen else f"{f.stem}-{len(seen)}"
        seen.add(doc_id)
        docs.append(read_document(f, doc_id=doc_id))
    target = settings.corpus_dir / name
    (target / "docs").mkdir(parents=True, exist_ok=True)
    # Keep a copy of each source so offsets stay valid if the original moves or changes.
    stored = []
    for d in docs:
        dest = target / "docs" / (d.doc_id + Path(d.path).suffix.lower())
        shutil.copyfile(d.path, dest)
        stored.append(type(d)(d.doc_id, _display_path(dest, settings), d.original, d.text, d.sha256))
    claims = list(extract_claims(stored))
    if not claims:
        raise InputError(f"no sentences found in {', '.join(map(str, paths))}")
    write_atomic(target / "claims.jsonl", "".join(c.model_dump_json() + "\n" for c in claims))
    meta = {
        "name": name,
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "sources": [{"doc_id": d.doc_id, "path": str(src), "stored": s.path, "sha256": d.sha256}
                    for d, s, src in zip(docs, stored, files)],
        "claim_count": len(claims),
        "sentence_count": len({(c.doc_id, c.start_char) for c in claims}),
    }
    write_atomic(target / "sources.json", json.dumps(meta, indent=2) + "\n")
    return claims


def _display_path(path: Path, settings: Settings) -> str:
    """Paths inside FACTCHECK_HOME are stored relative to it, so a corpus travels with its checkout."""
    try:
        return str(path.resolve().relative_to(settings.home.resolve()))
    except ValueError:
        return str(path)


def load_claims(paths: CorpusPaths) -> list[Claim]:
    f = paths.corpus / "claims.jsonl"
    if not f.exists():
        raise CorpusNotFound(
            f"unknown corpus {paths.name!r}; create it with `factcheck ingest FILE... --corpus {paths.name}` "
            "or list corpora with `factcheck corpus list`"
        )
    with open(f, encoding="utf-8") as fh:
        return [Claim.model_validate_json(line) for line in fh if line.strip()]


def build_index(paths: CorpusPaths, embedder, show_progress: bool = False) -> ClaimIndex:
    """(Re)build indexes/NAME/ from corpus/NAME/claims.jsonl."""
    claims = load_claims(paths)
    meta_file = paths.corpus / "sources.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {"sources": []}
    index = ClaimIndex.build(claims, embedder, {s["path"]: s["sha256"] for s in meta["sources"]},
                             show_progress=show_progress)
    index.save(paths.index)
    return index


def ensure_seed(settings: Settings) -> None:
    """Ingest the bundled seed article as the default corpus the first time it is needed."""
    target = settings.corpus_dir / DEFAULT_CORPUS
    if (target / "claims.jsonl").exists():
        return
    seeds = sorted(settings.seeds_dir.glob("*.txt"))
    if not seeds:
        raise CorpusNotFound(f"no seed article in {settings.seeds_dir}; set FACTCHECK_HOME to a factcheck checkout")
    ingest(seeds, DEFAULT_CORPUS, settings)


def load_index(name_or_path: str | None, settings: Settings, embedder, log=None) -> ClaimIndex:
    """Load a corpus's index, building it first when it is missing (with a note on stderr via `log`)."""
    paths = resolve(name_or_path, settings)
    if paths.name == DEFAULT_CORPUS and paths.corpus == settings.corpus_dir / DEFAULT_CORPUS:
        ensure_seed(settings)
    if not (paths.index / "manifest.json").exists():
        load_claims(paths)  # a clear error for an unknown corpus before any model work
        if log:
            log(f"building index for corpus {paths.name!r} (first use)…")
        return build_index(paths, embedder, show_progress=log is not None)
    return ClaimIndex.load(paths.index, embedder)


def list_corpora(settings: Settings) -> list[dict]:
    """One summary per corpus under corpus/: name, claims, sources, ingested and indexed times, model."""
    out = []
    if not settings.corpus_dir.is_dir():
        return out
    for d in sorted(settings.corpus_dir.iterdir()):
        if (d / "claims.jsonl").exists():
            out.append(describe(resolve(d.name, settings)))
    return out


def describe(paths: CorpusPaths) -> dict:
    load_claims(paths)
    meta_file = paths.corpus / "sources.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    manifest_file = paths.index / "manifest.json"
    manifest = json.loads(manifest_file.read_text()) if manifest_file.exists() else None
    return {
        "name": paths.name,
        "corpus_dir": str(paths.corpus),
        "index_dir": str(paths.index),
        "claim_count": meta.get("claim_count"),
        "sentence_count": meta.get("sentence_count"),
        "ingested_at": meta.get("ingested_at"),
        "sources": meta.get("sources", []),
        "indexed": manifest is not None,
        "indexed_at": manifest and manifest.get("created_at"),
        "embedding_model": manifest and manifest.get("embedding_model"),
    }

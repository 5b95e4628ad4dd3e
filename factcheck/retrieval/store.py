"""Corpora on disk: the layout, reading a verified generation, and the one writer that replaces it.

    corpus/NAME/CURRENT           the live generation's folder name, replaced atomically by every write
    corpus/NAME/g-000004/         a generation: manifest.json, claims.jsonl, index.faiss (absent until indexed,
                                  and for a corpus whose vectors are in Milvus: store.json names the collection)
    corpus/NAME/docs/HASH/ID.txt  source copies, in a folder named by content hash, never rewritten: a
                                  citation's file keeps its text for as long as the document is in the corpus
    corpus/.NAME.lock             the write lock: one writer at a time; readers take no lock

A write builds a complete generation in a staging folder (corpus/NAME/.staging-*), renames it to its generation
name and only then points CURRENT at it: a reader, or a writer killed at any instant, sees the old corpus or the
new one, never a mix. Whatever an interrupted write left behind is removed by the next writer. The manifest
records each document's source, stored copy, sha256 and ingest time, and the sha256 of claims.jsonl and
index.faiss; reading refuses any file that differs. A Milvus collection (factcheck.retrieval.milvus) lives as long
as a generation or staging folder names it in its store.json: cleaning a folder away drops its collection, unless
the live generation uses the same one.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from factcheck.errors import CorpusBusy, CorpusCorrupt, CorpusNotFound, InputError
from factcheck.ingest.read import Document
from factcheck.results import Claim
from factcheck.retrieval.index import (
    CLAIMS_FILE,
    ClaimIndex,
    parse_claims,
    read_verified,
    sha256_bytes,
    sha256_file,
    write_atomic,
)
from factcheck.settings import Settings

FORMAT_VERSION = 2
CURRENT = "CURRENT"
MANIFEST = "manifest.json"
STORE_FILE = "store.json"  # in a generation or staging folder: the Milvus collection it names, to drop it later
DOCS = "docs"
LOCK_WAIT_S = 60.0  # how long a second writer waits for the first by default
_GENERATION = re.compile(r"g-(\d{6,})")
_NAME = re.compile(r"\w[\w-]*")

Log = Callable[[str], None] | None


@dataclass(frozen=True)
class CorpusPaths:
    name: str
    root: Path  # corpus/NAME

    @property
    def lock_file(self) -> Path:
        return self.root.parent / f".{self.name}.lock"


@dataclass(frozen=True)
class Snapshot:
    """One generation of a corpus, as its manifest describes it."""

    paths: CorpusPaths
    generation: str
    manifest: dict

    @property
    def folder(self) -> Path:
        return self.paths.root / self.generation

    @property
    def documents(self) -> list[dict]:
        return self.manifest["documents"]

    @property
    def indexed(self) -> bool:
        return bool(self.manifest.get("index"))


# --- names and paths ------------------------------------------------------------------------------------------

def validate_name(name: str) -> str:
    if not name or not _NAME.fullmatch(name):
        raise InputError(f"corpus name {name!r} is not a plain name; use letters, digits, '-' or '_'")
    return name


def resolve(name_or_path: str | None, settings: Settings) -> CorpusPaths:
    """A corpus by name (under corpus/) or by path to a corpus folder."""
    name_or_path = name_or_path or settings.corpus
    p = Path(name_or_path)
    if p.is_dir() and ((p / CURRENT).exists() or (p / CLAIMS_FILE).exists()):
        return CorpusPaths(p.name, p)
    if "/" in name_or_path or os.sep in name_or_path or name_or_path.startswith("."):
        raise CorpusNotFound(f"{name_or_path}: no corpus there (expected a corpus folder holding {CURRENT})")
    return CorpusPaths(name_or_path, settings.corpus_dir / name_or_path)


def display_path(path: Path, settings: Settings) -> str:
    """Paths inside FACTCHECK_HOME are stored relative to it, so a corpus travels with its checkout."""
    try:
        return str(path.resolve().relative_to(settings.home.resolve()))
    except ValueError:
        return str(path.resolve())


# --- reading --------------------------------------------------------------------------------------------------

def _current_generation(paths: CorpusPaths) -> str | None:
    try:
        gen = (paths.root / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        if (paths.root / CLAIMS_FILE).exists():
            raise CorpusCorrupt(f"corpus {paths.name!r} was written by an older factcheck; re-create it with "
                                f"`factcheck ingest {_legacy_sources(paths)} --corpus {paths.name} --replace`") from None
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusCorrupt(f"corpus {paths.name!r}: cannot read {paths.root / CURRENT} ({exc})") from None
    if not _GENERATION.fullmatch(gen):
        raise CorpusCorrupt(f"corpus {paths.name!r}: {paths.root / CURRENT} is damaged; "
                            f"re-create the corpus with `factcheck ingest SOURCES --corpus {paths.name} --replace`")
    return gen


def _legacy_sources(paths: CorpusPaths) -> str:
    try:
        meta = json.loads((paths.root / "sources.json").read_text(encoding="utf-8"))
        return " ".join(s["path"] for s in meta["sources"]) or "SOURCES"
    except (OSError, ValueError, KeyError, TypeError):
        return "SOURCES"


def _read_manifest(paths: CorpusPaths, gen: str) -> dict:
    path = paths.root / gen / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
        manifest["documents"], manifest["files"]  # noqa: B018 - present in every manifest
    except FileNotFoundError:
        raise CorpusCorrupt(f"corpus {paths.name!r}: {path} is missing") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise CorpusCorrupt(f"corpus {paths.name!r}: {path} is damaged (truncated or edited); re-create the "
                            f"corpus with `factcheck ingest SOURCES --corpus {paths.name} --replace`") from None
    if manifest.get("format_version") != FORMAT_VERSION:
        raise CorpusCorrupt(f"corpus {paths.name!r} has format {manifest.get('format_version')}, this factcheck "
                            f"reads {FORMAT_VERSION}; re-create it with "
                            f"`factcheck ingest {sources_hint(manifest)} --corpus {paths.name} --replace`")
    return manifest


def sources_hint(manifest: dict, limit: int = 3) -> str:
    sources = [d.get("source", "?") for d in manifest.get("documents", []) if isinstance(d, dict)]
    if not sources:
        return "SOURCES"
    return " ".join(sources[:limit]) + (f" … ({len(sources)} sources)" if len(sources) > limit else "")


def read_snapshot(paths: CorpusPaths) -> Snapshot | None:
    """The live generation of a corpus, or None when there is no corpus of that name."""
    return read_live(paths, lambda snap: snap, missing_ok=True)


def read_live(paths: CorpusPaths, fn, missing_ok: bool = False):
    """fn(snapshot of the live generation). A writer may switch generations and delete the old one while we
    read; files vanishing under us then show as CorpusCorrupt with CURRENT changed, and we read the new one."""
    for attempt in range(5):
        gen = _current_generation(paths)
        if gen is None:
            if missing_ok:
                return None
            raise unknown_corpus(paths)
        try:
            return fn(Snapshot(paths, gen, _read_manifest(paths, gen)))
        except CorpusCorrupt:
            if attempt < 4 and _current_generation(paths) != gen:
                continue
            raise
    raise CorpusBusy(f"corpus {paths.name!r} changed five times while being read; try again")


def unknown_corpus(paths: CorpusPaths) -> CorpusNotFound:
    return CorpusNotFound(
        f"unknown corpus {paths.name!r}; create it with `factcheck ingest FILE... --corpus {paths.name}` "
        "or list corpora with `factcheck corpus list`"
    )


def verify_documents(snap: Snapshot) -> None:
    """Refuse a corpus whose stored source copies are missing or differ from their recorded sha256."""
    for d in snap.documents:
        path = snap.paths.root / d["stored"]
        try:
            ok = sha256_file(path) == d["sha256"]
            problem = "does not match the sha256 recorded in the manifest"
        except FileNotFoundError:
            ok, problem = False, "is missing"
        if not ok:
            raise CorpusCorrupt(
                f"corpus {snap.paths.name!r}: the stored copy {path} of document {d['doc_id']!r} {problem}; "
                f"repair it with `factcheck ingest {d['source']} --corpus {snap.paths.name} --add` "
                f"(or re-create the corpus with --replace)"
            )


def repairable(snap: Snapshot, fn):
    """Run fn(); a damaged claims or index file gets the command that rebuilds the corpus from its sources."""
    try:
        return fn()
    except CorpusCorrupt as exc:
        raise CorpusCorrupt(f"corpus {snap.paths.name!r}: {exc}; repair it with `factcheck ingest "
                            f"{sources_hint(snap.manifest)} --corpus {snap.paths.name} --replace`") from None


def snapshot_claims(snap: Snapshot) -> list[Claim]:
    """The claims of one generation, checked against the manifest's sha256."""
    path = snap.folder / CLAIMS_FILE
    return repairable(snap, lambda: parse_claims(read_verified(path, snap.manifest["files"][CLAIMS_FILE]), path))


def snapshot_index(snap: Snapshot, embedder) -> ClaimIndex:
    """The index of one (indexed) generation, checked against the manifest and the embedding model."""
    info = {k: snap.manifest["index"][k] for k in ("embedding_model", "embedding_weights_sha256", "dimension")}
    record = snap.manifest["index"].get("store")
    if record:  # the vectors are in Milvus
        from factcheck.retrieval.milvus import MilvusClaimIndex

        return repairable(snap, lambda: MilvusClaimIndex.open(snap.folder, snap.manifest["files"], info,
                                                              snap.manifest["index"]["next_id"], record, embedder,
                                                              snap.paths.name))
    return repairable(snap, lambda: ClaimIndex.load(snap.folder, snap.manifest["files"], info,
                                                     snap.manifest["index"]["next_id"], embedder, snap.paths.name))


# --- writing --------------------------------------------------------------------------------------------------

class Writer:
    """Holds a corpus's write lock while one new generation is staged, then commits it."""

    def __init__(self, paths: CorpusPaths, wait: float = LOCK_WAIT_S, log: Log = None):
        from filelock import FileLock

        self.paths, self.wait, self.log = paths, wait, log
        self._lock = FileLock(str(paths.lock_file))
        self.staging: Path | None = None

    def __enter__(self) -> Writer:
        from filelock import Timeout

        self.paths.root.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            if self.log and self.wait > 0:
                self.log(f"corpus {self.paths.name!r} is being written by another process; "
                         f"waiting up to {self.wait:g} s…")
            try:
                self._lock.acquire(timeout=self.wait)
            except Timeout:
                longer = f"wait longer than {self.wait:g} s" if self.wait > 0 else "let this one wait"
                raise CorpusBusy(
                    f"corpus {self.paths.name!r} is being written by another factcheck process (lock "
                    f"{self.paths.lock_file}); try again when it has finished, or {longer} with --wait SECONDS"
                ) from None
        try:
            clean(self.paths)
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.staging is not None and self.staging.exists():
                release_stores(self.staging, keep=_live_store_key(self.paths))  # a new collection it was filling
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._lock.release()

    def stage(self) -> Path:
        self.staging = self.paths.root / f".staging-{secrets.token_hex(6)}"
        self.staging.mkdir(parents=True)
        return self.staging

    def store(self, doc: Document, rel: str | None = None) -> str:
        """Store a document's text (the decoded text its offsets count in, as UTF-8) under a name that holds
        its content hash, unless an intact copy is there; returns the path relative to the corpus folder."""
        stem = re.sub(r"[^\w.-]+", "-", doc.doc_id).strip("-.") or "doc"
        rel = rel or f"{DOCS}/{doc.sha256[:16]}/{stem}{Path(doc.path).suffix.lower() or '.txt'}"
        dest = self.paths.root / rel
        if not (dest.exists() and sha256_file(dest) == doc.sha256):
            write_atomic(dest, doc.original.encode("utf-8"))
        return rel

    def commit(self, manifest: dict) -> Snapshot:
        """Write the manifest, move the staging folder into place as the next generation, point CURRENT at it
        and remove what the previous generation no longer shares."""
        assert self.staging is not None
        gens = [int(m.group(1)) for p in self.paths.root.iterdir() if (m := _GENERATION.fullmatch(p.name))]
        number = max(gens, default=0) + 1
        manifest = {"format_version": FORMAT_VERSION, "name": self.paths.name, "generation": number,
                    "created_at": now(), **manifest}
        write_atomic(self.staging / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        gen = f"g-{number:06d}"
        _fsync_dir(self.staging)
        os.rename(self.staging, self.paths.root / gen)
        self.staging = None
        write_atomic(self.paths.root / CURRENT, gen + "\n")  # the switch: one atomic rename
        _fsync_dir(self.paths.root)
        record = (manifest.get("index") or {}).get("store")
        if record and record.get("removed"):
            from factcheck.retrieval.milvus import delete_removed

            delete_removed(record)  # rows of claims this generation removed, hidden from it until now
        clean(self.paths)
        return Snapshot(self.paths, gen, manifest)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean(paths: CorpusPaths) -> int:
    """Remove what interrupted or superseded writes left in a corpus folder; call only under its lock.

    The folder keeps exactly CURRENT, the generation it names and the documents that generation's manifest
    references. Without CURRENT (a first ingest that never finished) the folder goes entirely when it holds
    nothing but what a write makes; anything else (a corpus of the older layout, someone's own files) is left.
    Returns how many entries were removed.
    """
    root = paths.root
    if not root.is_dir():
        return 0
    if not (root / CURRENT).exists():
        names = [p.name for p in root.iterdir()]
        if not all(n == DOCS or n.startswith((".staging-", f".{CURRENT}.")) or _GENERATION.fullmatch(n)
                   for n in names):
            return 0
        shutil.rmtree(root, ignore_errors=True)
        return len(names)
    try:
        gen = _current_generation(paths)
        if gen is None:
            return 0  # nothing committed yet
        manifest = _read_manifest(paths, gen)
        keep_docs = {d["stored"] for d in manifest["documents"]}
        live_store = _store_key((manifest.get("index") or {}).get("store"))
    except (CorpusCorrupt, KeyError, TypeError, AttributeError):
        return 0  # a damaged corpus keeps everything until it is replaced
    removed = 0
    for entry in list(root.iterdir()):
        if entry.name in (CURRENT, gen, DOCS):
            continue
        release_stores(entry, keep=live_store)
        _remove(entry)
        removed += 1
    if (root / DOCS).is_dir():  # docs/<content hash>/<doc id>.<suffix>
        for folder in list((root / DOCS).iterdir()):
            for entry in list(folder.iterdir()) if folder.is_dir() and not folder.is_symlink() else [folder]:
                if f"{DOCS}/{folder.name}/{entry.name}" not in keep_docs:
                    _remove(entry)
                    removed += 1
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    return removed


def _live_store_key(paths: CorpusPaths) -> tuple | None:
    try:
        gen = _current_generation(paths)
        return None if gen is None else _store_key((_read_manifest(paths, gen).get("index") or {}).get("store"))
    except (CorpusCorrupt, AttributeError):
        return None


def _store_key(record) -> tuple | None:
    return (record.get("uri"), record.get("collection")) if isinstance(record, dict) else None


def release_stores(path: Path, keep: tuple | None = None) -> None:
    """Drop the Milvus collections named by the store.json of a folder about to be deleted (a generation, a
    staging folder) or of its subfolders (a removed corpus), except `keep`, the (uri, collection) still live.
    Best effort: a store that cannot be reached keeps an orphan collection (BASE__fc…), which is dropped by hand."""
    if not path.is_dir() or path.is_symlink():
        return
    for f in [path / STORE_FILE, *path.glob(f"*/{STORE_FILE}")]:
        try:
            record = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if _store_key(record) != keep:
            from factcheck.retrieval.milvus import drop_collection

            drop_collection(record)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def clean_leftovers(settings: Settings) -> int:
    """Remove leftovers of interrupted writes in every corpus nobody is writing now; returns how many."""
    from filelock import FileLock, Timeout

    root = settings.corpus_dir
    if not root.is_dir():
        return 0
    removed = 0
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".removed-"):
            release_stores(entry)
            _remove(entry)  # a `corpus remove` that was interrupted after its atomic rename
            removed += 1
        elif entry.is_dir() and not entry.name.startswith("."):
            paths = CorpusPaths(entry.name, entry)
            lock = FileLock(str(paths.lock_file))
            try:
                lock.acquire(timeout=0)
            except Timeout:
                continue
            try:
                removed += clean(paths)
            finally:
                lock.release()
    return removed


def live_store(snap: Snapshot | None):
    """Where a generation's vectors are: a Milvus `StoreSpec`, or None (FAISS, or not indexed)."""
    record = snap.manifest["index"].get("store") if snap is not None and snap.indexed else None
    if not record:
        return None
    from factcheck.retrieval.milvus import StoreSpec

    return StoreSpec(record["uri"], record["base"])


def new_index(info: dict, folder: Path, spec=None) -> ClaimIndex:
    """An empty index for the generation staged in `folder`: FAISS (spec None), or a new collection in the Milvus
    store `spec`."""
    if spec is None:
        return ClaimIndex(info)
    from factcheck.retrieval.milvus import MilvusClaimIndex

    return MilvusClaimIndex.create(info, spec, folder)


def new_index_like_live(info: dict, folder: Path) -> ClaimIndex:
    """new_index() in the store the live generation of the corpus `folder` is staged in uses (`ingest --replace`
    keeps a corpus in Milvus)."""
    root = folder.parent
    try:
        spec = live_store(read_snapshot(CorpusPaths(root.name, root)))
    except (CorpusCorrupt, KeyError, TypeError, AttributeError):
        spec = None  # a damaged corpus being replaced: its store is unknown, FAISS it is
    return new_index(info, folder, spec)


def write_claims(folder: Path, claims: list[Claim]) -> dict[str, str]:
    data = "".join(c.model_dump_json() + "\n" for c in claims).encode("utf-8")
    write_atomic(folder / CLAIMS_FILE, data)
    return {CLAIMS_FILE: sha256_bytes(data)}


def generation_manifest(entries: list[dict], claims: list[Claim], files: dict, idx: ClaimIndex | None) -> dict:
    counts: dict[str, int] = {}
    sentences: dict[str, set[int]] = {}
    for c in claims:
        counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
        sentences.setdefault(c.doc_id, set()).add(c.start_char)
    documents = [{**e, "claim_count": counts.get(e["doc_id"], 0),
                  "sentence_count": len(sentences.get(e["doc_id"], ()))} for e in entries]
    return {
        "documents": documents,
        "claim_count": len(claims),
        "sentence_count": sum(len(s) for s in sentences.values()),
        "files": files,
        "index": None if idx is None else {**idx.info, "next_id": idx.next_id, "indexed_at": now(),
                                           **({"store": record} if (record := idx.store_record()) else {})},
    }

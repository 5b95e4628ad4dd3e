"""Where ONNX exports live and when one is stale.

An export is a folder `<cache>/onnx/<kind>-<model>-<path hash>/` holding `model.onnx`, the tokenizer and
`export.json`. `export.json` records the sha256 of every source file the export was made from (weights,
config, tokenizer, pooling config), so replacing the model's safetensors makes its old export stale: the
runtime notices and re-exports (or falls back to torch) instead of serving the old weights. Hashing is
cached by path, size and mtime (`file_sha256`), so a valid export costs a few `stat` calls per process.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

EXPORT_FORMAT = 1  # bump when the export's layout or graph changes; older exports are then stale
META_FILE = "export.json"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
KINDS = ("nli", "embedder")
# Files besides *.safetensors that shape an export: labels and sizes, tokenization, pooling.
_SOURCE_FILES = ("config.json", "tokenizer.json", "sentence_bert_config.json", "modules.json",
                 "1_Pooling/config.json")


def cache_root() -> Path:
    """The per-user cache: $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def _hash_cache_file() -> Path:
    return cache_root() / "weights-sha256.json"


@lru_cache(maxsize=16)
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:
    key = f"{path}|{size}|{mtime_ns}"
    cache_file = _hash_cache_file()
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
        if isinstance(cache.get(key), str):
            return cache[key]
    except (OSError, ValueError, AttributeError):
        cache = {}
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    digest = h.hexdigest()
    # Keep one entry per file (the newest version); an unwritable cache only costs the next process a re-hash.
    cache = {k: v for k, v in cache.items() if isinstance(k, str) and k.split("|")[0] != path}
    cache[key] = digest
    try:
        from factcheck.retrieval.index import write_atomic

        write_atomic(cache_file, json.dumps(cache, indent=1) + "\n")
    except OSError:
        pass
    return digest


def file_sha256(path: str | Path) -> str:
    """sha256 of a file, hashed once per file version: cached on disk under the file's path, size and
    modification time (a changed file gets a new size or mtime, so is hashed again)."""
    path = str(Path(path).resolve())
    st = os.stat(path)
    return _file_sha256(path, st.st_size, st.st_mtime_ns)


def source_files(model_dir: str | Path) -> list[Path]:
    """The files of a model folder that an export is made from: weights (possibly sharded) and configs."""
    model_dir = Path(model_dir)
    files = sorted(model_dir.glob("*.safetensors"))
    files += [model_dir / name for name in _SOURCE_FILES if (model_dir / name).is_file()]
    return files


def source_fingerprint(model_dir: str | Path) -> dict[str, str]:
    """{file name relative to the model folder: sha256} of `source_files`."""
    model_dir = Path(model_dir)
    return {f.relative_to(model_dir).as_posix(): file_sha256(f) for f in source_files(model_dir)}


def export_dir(kind: str, model_dir: str | Path, root: Path | None = None) -> Path:
    """The cache folder for `kind`'s export of the model at `model_dir` (one folder per model path)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    resolved = str(Path(model_dir).resolve())
    name = Path(resolved).name
    if name in ("model", "models") and Path(resolved).parent.name:  # e.g. site-packages/<package>/model
        name = f"{Path(resolved).parent.name}-{name}"
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)[:40] or "model"
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:10]
    return (root or cache_root()) / "onnx" / f"{kind}-{slug}-{digest}"


def read_meta(path: str | Path) -> dict | None:
    """An export's export.json, or None when the folder holds no complete export."""
    path = Path(path)
    try:
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not (path / MODEL_FILE).is_file() or not (path / TOKENIZER_FILE).is_file():
        return None
    return meta


def stale_reason(path: str | Path, kind: str, model_dir: str | Path) -> str | None:
    """None when the export at `path` was made by this format from the model's current files; else why not."""
    meta = read_meta(path)
    if meta is None:
        return "not exported yet"
    if meta.get("format") != EXPORT_FORMAT:
        return f"export format {meta.get('format')} (this factcheck writes {EXPORT_FORMAT})"
    if meta.get("kind") != kind:
        return f"export is of a {meta.get('kind')} model, not {kind}"
    if not any(Path(model_dir).glob("*.safetensors")):
        return f"no safetensors weights in {model_dir}"
    if meta.get("source_sha256") != source_fingerprint(model_dir):
        return f"the model files in {model_dir} changed since the export"
    return None

"""Which runtime a model runs on, and opening its ONNX export (exporting it first when missing or stale)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factcheck.errors import ModelError

RUNTIMES = ("auto", "onnx", "torch")
T = TypeVar("T")


def resolve_runtime(requested: str | None) -> str:
    """`requested`, or `Settings.runtime` (FACTCHECK_RUNTIME) when None."""
    if requested is None:
        from factcheck.settings import get_settings

        requested = get_settings().runtime
    if requested not in RUNTIMES:
        raise ValueError(f"runtime must be one of {', '.join(RUNTIMES)}, not {requested!r}")
    return requested


def load_onnx(kind: str, model_dir: str | Path, factory: Callable[[Path], T], strict: bool = False,
              log: Callable[[str], None] | None = None) -> T | None:
    """`factory(export folder)` for a valid export of `model_dir`, exporting it first when needed.

    strict=False (runtime "auto"): when that fails (no torch to export with, an unwritable cache, an
    architecture the exporter cannot handle) say why through `log` and return None, so the caller uses torch.
    """
    from factcheck.runtime.artifacts import export_dir, stale_reason

    try:
        path = export_dir(kind, model_dir)
        if stale_reason(path, kind, model_dir) is not None:
            from factcheck.runtime.export import ensure_export

            path = ensure_export(kind, model_dir, log=log)
        return factory(path)
    except Exception as exc:  # the exporter (torch.onnx, ORT's optimizer) raises many types
        if strict:
            if isinstance(exc, ModelError):
                raise
            raise ModelError(f"cannot run the {kind} model {model_dir} on ONNX Runtime: {exc}") from exc
        if log:
            log(f"the {kind} model runs on torch: no usable ONNX export ({str(exc).splitlines()[0]})")
        return None

"""factcheck: offline claim verification against trusted sources."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Checker", "CheckResult", "Evidence", "Finding", "Verdict", "FactcheckError", "__version__"]


def __getattr__(name: str):
    # Lazy so that `factcheck --help` and the CLI start without importing torch.
    if name == "Checker":
        from factcheck.checker import Checker

        return Checker
    if name in ("CheckResult", "Evidence", "Finding", "Verdict"):
        from factcheck import results

        return getattr(results, name)
    if name == "FactcheckError":
        from factcheck.errors import FactcheckError

        return FactcheckError
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

"""factcheck's one exception family. The library raises these; only the CLI turns them into exit codes."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose. `exit_code` is what the CLI exits with."""

    exit_code = 3


class InputError(FactcheckError):
    """A file, row or field the user gave cannot be used (a usage error: exit 2)."""

    exit_code = 2


class CorpusNotFound(FactcheckError):
    """No corpus or index of that name or path (a usage error: exit 2)."""

    exit_code = 2


class IndexMismatch(FactcheckError):
    """An index built with another model or format than the one loaded now."""


class ModelError(FactcheckError):
    """A model could not be loaded."""


class CorpusCorrupt(FactcheckError):
    """A stored corpus file is missing, truncated or differs from its manifest's sha256."""


class CorpusBusy(FactcheckError):
    """Another process holds a corpus's write lock longer than we were willing to wait."""

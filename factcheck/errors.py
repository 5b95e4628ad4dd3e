"""factcheck's one exception family. The library raises these; Click prints them and exits.

Every class has a stable `code` (listed in docs/ERRORS.md, tested against this module) and the `exit_code` the
CLI exits with: 2 for usage errors, 3 for the environment. A code never changes meaning once released; a new
kind of error gets a new code.
"""

from __future__ import annotations

from typing import IO, Any, ClassVar

import click


class FactcheckError(click.ClickException):
    """Base of every error factcheck raises on purpose; Click shows it as one line, `Error E100: …`."""

    code: ClassVar[str] = "E100"
    exit_code: ClassVar[int] = 3

    def show(self, file: IO[Any] | None = None) -> None:
        click.secho(f"Error {self.code}: {one_line(self.format_message())}", file=file, err=True, fg="red",
                    color=self.show_color)


# Every character str.splitlines() breaks at: a file name or CSV cell quoted in a message must not split it.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(text: str) -> str:
    """`text` with its line breaks written as escapes (\\n, \\x0b, …), so a message stays one line."""
    return text.translate(_LINE_BREAKS)


class InputError(FactcheckError):
    """A file, row, field or option value the user gave cannot be used (a usage error)."""

    code = "E101"
    exit_code = 2


class CorpusNotFound(FactcheckError):
    """No corpus or index of that name or path (a usage error)."""

    code = "E102"
    exit_code = 2


class IndexMismatch(FactcheckError):
    """An index built with another model or format than the one loaded now."""

    code = "E201"


class ModelError(FactcheckError):
    """A model could not be loaded."""

    code = "E202"


class CorpusCorrupt(FactcheckError):
    """A stored corpus file is missing, truncated or differs from its manifest's sha256."""

    code = "E203"


class CorpusBusy(FactcheckError):
    """Another process holds a corpus's write lock longer than we were willing to wait."""

    code = "E204"


class StoreUnavailable(FactcheckError):
    """A corpus's vector store cannot be used: its extra is not installed, its server cannot be reached, or a
    milvus-lite file is open in another process."""

    code = "E205"


def error_classes() -> list[type[FactcheckError]]:
    """FactcheckError and every subclass of it, in code order (for docs and their test)."""
    seen: list[type[FactcheckError]] = []
    todo: list[type[FactcheckError]] = [FactcheckError]
    while todo:
        cls = todo.pop()
        seen.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(seen, key=lambda c: c.code)

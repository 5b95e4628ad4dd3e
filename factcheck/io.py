"""The one file opener: UTF-8 text (a BOM is dropped), '-' for stdin, .gz/.xz by suffix, errors that say where."""

from __future__ import annotations

import gzip
import io
import lzma
import sys
from pathlib import Path
from typing import IO

from factcheck.errors import InputError

ENCODING = "utf-8-sig"  # reads UTF-8 with or without a byte-order mark
STDIN = "-"


def open_text(path: str | Path, mode: str = "r", *, newline: str | None = None, errors: str = "strict") -> IO[str]:
    """A text handle on a file (plain, .gz or .xz by suffix) or on stdin/stdout for '-'.

    Args:
        mode: "r" or "w"; files are written as UTF-8 without a BOM.
        errors: "strict" turns bytes that are not UTF-8 into an InputError naming the file, the line and the
            encoding the file probably has; "surrogateescape" lets the caller flag bad rows itself.
    """
    if mode not in ("r", "w"):
        raise ValueError(f"open_text() mode must be 'r' or 'w', got {mode!r}")
    if mode == "w":
        if str(path) == STDIN:
            return sys.stdout
        return _open(Path(path), "wt", "utf-8", newline, "strict")
    if str(path) == STDIN:
        fh: IO[str] = io.TextIOWrapper(sys.stdin.buffer, encoding=ENCODING, errors=errors, newline=newline)
        label = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a directory, expected a file")
        fh, label = _open(p, "rt", ENCODING, newline, errors), str(p)
    return _CheckedText(fh, label, None if str(path) == STDIN else Path(path)) if errors == "strict" else fh


def read_text(path: str | Path) -> str:
    """The whole text of a UTF-8 file or of stdin ('-'), line endings kept so offsets match the file."""
    with open_text(path, newline="") as fh:
        return fh.read()


def _open(p: Path, mode: str, encoding: str, newline: str | None, errors: str) -> IO[str]:
    if p.suffix == ".gz":
        return gzip.open(p, mode, encoding=encoding, newline=newline, errors=errors)  # type: ignore[return-value]
    if p.suffix == ".xz":
        return lzma.open(p, mode, encoding=encoding, newline=newline, errors=errors)  # type: ignore[return-value]
    return open(p, mode, encoding=encoding, newline=newline, errors=errors)


class _CheckedText:
    """A read-only text stream whose decoding errors become InputErrors with a line number."""

    def __init__(self, fh: IO[str], label: str, path: Path | None):
        self._fh, self._label, self._path = fh, label, path
        self._lines = 0  # lines handed out so far (for stdin, which cannot be re-read)

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self._call(self._fh.__next__)
        self._lines += 1
        return line

    def readline(self, size: int = -1) -> str:
        line = self._call(lambda: self._fh.readline(size))
        self._lines += line.endswith("\n")
        return line

    def read(self, size: int = -1) -> str:
        return self._call(lambda: self._fh.read(size))

    def close(self) -> None:
        self._fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, fn):
        try:
            return fn()
        except UnicodeDecodeError as exc:
            raise self._decode_error() from exc

    def _decode_error(self) -> InputError:
        line, sample = self._locate()
        where = f"line {line}" if self._path is not None else f"after line {self._lines}"
        guess = _guess_encoding(sample)
        hint = f"; it looks like {guess}" if guess else ""
        source = guess or "latin1"
        return InputError(f"{self._label}: not UTF-8 text ({where}{hint}); convert it, "
                          f"e.g. `iconv -f {source} -t utf-8`")

    def _locate(self) -> tuple[int, bytes]:
        """(first line that is not UTF-8, a sample of the file's bytes) by re-reading the raw file."""
        if self._path is None:
            return self._lines + 1, b""
        opener = {".gz": gzip.open, ".xz": lzma.open}.get(self._path.suffix, open)
        head = b""
        with opener(self._path, "rb") as raw:
            for n, data in enumerate(raw, 1):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    return n, head + data
                head = (head + data)[:65536]
        return self._lines + 1, head


def _guess_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds most likely for bytes that are not UTF-8."""
    if not data:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None and best.encoding not in ("utf_8", "ascii") else None

"""The one file opener: UTF-8 text (a BOM is dropped; UTF-16/32 read by their BOM), '-' for stdin, .gz/.xz by
suffix, errors that say where and name the likely encoding; and the check that an output can be written."""

from __future__ import annotations

import codecs
import gzip
import io
import lzma
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, cast

from factcheck.errors import InputError

ENCODING = "utf-8-sig"  # reads UTF-8 with or without a byte-order mark
STDIN = "-"
_BINARY_OPENERS: dict[str, Callable[..., Any]] = {".gz": gzip.open, ".xz": lzma.open}  # by suffix; else open()


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
        buffer = sys.stdin.buffer
        head = buffer.peek(4)[:4] if hasattr(buffer, "peek") else b""
        fh: IO[str] = io.TextIOWrapper(buffer, encoding=_encoding_of(head), errors=errors, newline=newline)
        label = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a directory, expected a file")
        fh, label = _open(p, "rt", _encoding_of(_head(p)), newline, errors), str(p)
    return cast(IO[str], _CheckedText(fh, label, None if str(path) == STDIN else Path(path))) if errors == "strict" else fh


def read_text(path: str | Path) -> str:
    """The whole text of a UTF-8 (or BOM-marked UTF-16) file or of stdin ('-'), line endings kept so offsets
    match the file. A NUL character means a binary file: an InputError naming its line."""
    with open_text(path, newline="") as fh:
        text = fh.read()
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{path}: a binary file, not text (NUL byte on line {text.count(chr(10), 0, nul) + 1}); "
                         "give a text file (.txt, .md, .html, .csv) saved as UTF-8")
    return text


def check_writable(path: str | Path) -> None:
    """Fail now, before any model loads or any work is done, when `path` ('-': stdout) cannot be written."""
    if str(path) == STDIN:
        return
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; name a file to write")
    folder = p.parent
    above = next((a for a in (folder, *folder.parents) if a.exists()), None)
    if above is not None and not above.is_dir():
        raise InputError(f"{p}: cannot write there: {above} is a file, not a folder; choose another output path")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{p.name}.", suffix=".probe")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(f"{p}: cannot write there ({exc.strerror or exc}); choose another output path") from None


def describe_encoding(data: bytes) -> str | None:
    """What bytes that are not UTF-8 most likely are: "binary", an encoding name as iconv spells it, or None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if b"\x00" in data:
        return _utf16_without_bom(data) or "binary"
    if _looks_windows_1252(data):
        return "WINDOWS-1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return "binary"
    if best.encoding in ("utf_8", "ascii"):
        return None
    name = codecs.lookup(best.encoding).name
    return _ICONV_NAMES.get(name, name.upper().replace("_", "-"))


def encoding_advice(data: bytes) -> str:
    """What to do about bytes that are not UTF-8, naming the likely encoding (never a guess of latin1)."""
    guess = describe_encoding(data)
    if guess == "binary":
        return "it looks like a binary file, not text; give a text file saved as UTF-8"
    if guess is None:
        return "the encoding is unclear; re-save it as UTF-8"
    return f"it looks like {guess}; convert it, e.g. `iconv -f {guess} -t UTF-8 FILE > FILE.utf8`"


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
        return InputError(f"{self._label}: not UTF-8 text ({where}); {encoding_advice(sample)}")

    def _locate(self) -> tuple[int, bytes]:
        """(first line that is not UTF-8, a sample of the file's bytes) by re-reading the raw file."""
        if self._path is None:
            return self._lines + 1, b""
        opener = _BINARY_OPENERS.get(self._path.suffix, open)
        with opener(self._path, "rb") as raw:
            head = raw.read(65536)  # the sample the encoding is guessed from, with the first bad line below
            raw.seek(0)
            for n, data in enumerate(raw, 1):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    return n, head if data in head else head + data[:65536]
        return self._lines + 1, head


def _head(p: Path) -> bytes:
    opener = _BINARY_OPENERS.get(p.suffix, open)
    try:
        with opener(p, "rb") as raw:
            return raw.read(4)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        raise InputError(f"{p}: cannot read it ({exc})") from None


def _encoding_of(head: bytes) -> str:
    """UTF-16/32 when the file starts with their byte-order mark (Excel's "Unicode text"), else UTF-8."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return ENCODING


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16LE/BE for mostly-ASCII text stored two bytes a character (every other byte NUL)."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) >= 8 and odd.count(0) > 0.6 * len(odd) and even.count(0) < 0.1 * len(even):
        return "UTF-16LE"
    if len(sample) >= 8 and even.count(0) > 0.6 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "UTF-16BE"
    return None


def _looks_windows_1252(data: bytes) -> bool:
    """Western text from Windows: decodes as cp1252, and the non-ASCII letters are a minority of the letters
    (Cyrillic or Greek text in a one-byte encoding also decodes, but then almost every letter is non-ASCII)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(not ch.isascii() for ch in letters)
    return bool(letters) and foreign * 10 < len(letters) * 3 and not any(
        ch < " " and ch not in "\t\r\n" for ch in text)


# Python codec names → the names iconv knows.
_ICONV_NAMES = {"cp1250": "WINDOWS-1250", "cp1251": "WINDOWS-1251", "cp1252": "WINDOWS-1252",
                "cp1253": "WINDOWS-1253", "cp1254": "WINDOWS-1254", "cp1255": "WINDOWS-1255",
                "cp1256": "WINDOWS-1256", "cp1257": "WINDOWS-1257", "mac-roman": "MACINTOSH",
                "iso8859-1": "WINDOWS-1252", "latin-1": "WINDOWS-1252", "shift_jis": "SHIFT_JIS",
                "utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}

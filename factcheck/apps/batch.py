"""Batch verification of a CSV of statements: streaming, per-row errors, atomic output, resume.

Output goes to `OUTPUT.partial` as rows complete (flushed each chunk) and is renamed to `OUTPUT`
at the end, so a reader never sees a half-written file. With `resume=True`, an existing
`OUTPUT.partial` (or a finished `OUTPUT`) is kept, the input rows it already holds are skipped,
and new rows are appended: a killed run continues with no lost and no duplicated rows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from factcheck.checker import Checker, validate_statement
from factcheck.errors import FactcheckError, InputError
from factcheck.io import check_writable, encoding_advice, open_text
from factcheck.render.formats import csv_columns, result_json
from factcheck.retrieval.index import sha256_file, write_atomic

STATEMENT_COLUMNS = ("statement", "claim")
RESULT_COLUMNS = ("verdict", "confidence", "explanation", "evidence", "source", "error")
CHUNK = 16
T = TypeVar("T")


@dataclass
class Row:
    line: int  # line number in the input file where the row starts
    values: dict[str, str]
    error: str | None = None


@dataclass
class BatchSummary:
    rows: int = 0
    skipped: int = 0  # already present in the output when resuming
    errors: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)


@dataclass
class BatchInput:
    """A CSV read once through before any model loads: its header, statement column, rows and sha256."""

    label: str  # as the user named it ('-' for stdin)
    file: Path  # what is read (stdin is first copied to a temporary file, so it can be read twice)
    header: list[str]
    column: str
    rows: int
    sha256: str

    def identity(self) -> dict:
        """What a partial output records, so that --resume can tell the input has changed."""
        return {"input": self.label, "sha256": self.sha256, "rows": self.rows, "column": self.column}


def scan_input(path: str, column: str | None = None, spool_dir: Path | None = None) -> BatchInput:
    """Read the whole CSV once: structural damage is an InputError naming the line, before any model loads.

    Refused: no header or no rows; a duplicate column name (its values would overwrite each other); an
    unbalanced quote (the rest of the file would be read as one field) and a quoted field that runs over
    lines and swallows what look like rows; quoting the csv module cannot read (`"a"b`).
    """
    label = path
    if path == "-":
        import shutil
        import tempfile

        fd, name = tempfile.mkstemp(prefix="stdin-", suffix=".csv", dir=spool_dir)
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        file = Path(name)
    else:
        file = Path(path)
    with open_text(file, newline="", errors="surrogateescape") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError(f"{label}:1: cannot parse the CSV header ({exc})") from exc
        if header is None:
            raise InputError(f"{label}: empty file; expected a CSV header with a 'statement' or 'claim' column")
        header = [h.strip() for h in header]
        column = _statement_column(label, header, column)
        rows, last = 0, reader.line_num
        try:
            for values in reader:
                start, last = last + 1, reader.line_num
                if values:
                    rows += 1
                    if last > start:
                        _refuse_swallowed_rows(label, header, column, values, start, last)
        except csv.Error as exc:
            line = last + 1
            if "unexpected end of data" in str(exc):
                raise InputError(f"{label}:{line}: unbalanced quote: the quoted field opened on line {line} never "
                                 f"closes, so lines {line}–{reader.line_num} would be read as one row; fix the quote "
                                 "(a quote inside a quoted field is written \"\"); nothing was checked") from None
            raise InputError(f"{label}:{line}: malformed CSV ({exc}); fix the quoting (a quoted field is the whole "
                             "field, and a quote inside it is written \"\"); nothing was checked") from None
    if rows == 0:
        raise InputError(f"{label}: the CSV has a header but no rows; nothing to check")
    return BatchInput(label, file, header, column, rows, sha256_file(file))


def _statement_column(label: str, header: list[str], column: str | None) -> str:
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        where = "; ".join(f"{d!r} is columns {', '.join(str(i + 1) for i, h in enumerate(header) if h == d)}"
                          for d in dupes)
        raise InputError(f"{label}:1: duplicate column names ({where}); rename them so no value is lost")
    if column is None:
        column = next((c for c in STATEMENT_COLUMNS if c in header), None)
        if column is None:
            raise InputError(f"{label}: no 'statement' or 'claim' column (columns: {', '.join(header)}); "
                             "name one with --column")
    elif column not in header:
        raise InputError(f"{label}: no column {column!r} (columns: {', '.join(header)})")
    return column


def _refuse_swallowed_rows(label: str, header: list[str], column: str, values: list[str], start: int,
                           end: int) -> None:
    """A row over several lines is fine (a note with line breaks) unless the statement runs over lines or a
    field holds lines that look like rows of their own: then a stray quote has merged rows."""
    named = dict(zip(header, values))
    inner = [line for v in values if "\n" in v for line in v.splitlines()[1:]]
    looks_like_rows = len(header) > 1 and any(line.count(",") >= len(header) - 1 for line in inner)
    if "\n" in named.get(column, "").strip() or looks_like_rows:
        raise InputError(f"{label}:{start}: a quoted field runs from line {start} to line {end} and holds what look "
                         "like separate rows: an unbalanced quote? Fix the quotes (a quote inside a quoted field "
                         "is written \"\"); nothing was checked")


def read_rows(inp: BatchInput) -> Iterator[Row]:
    """The rows of a scanned input, lazily. Bad rows come back with `error` set, not raised."""
    fh = open_text(inp.file, newline="", errors="surrogateescape")  # a bad row is an error row, not fatal
    reader = csv.reader(fh, strict=True)
    header, label = inp.header, inp.label
    advice: list[str] = []  # the encoding advice, worked out once, at the first row that is not UTF-8
    with fh:
        next(reader)
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # the scan found none: the file changed under us
                raise InputError(f"{label}:{line}: malformed CSV ({exc}); the file changed while it was checked") from exc
            if not values:
                continue  # blank line
            error = None
            if len(values) != len(header):
                error = f"{label}:{line}: row has {len(values)} fields, header has {len(header)}"
                values = (values + [""] * len(header))[: len(header)]
            if any("\x00" in v for v in values):
                error = f"{label}:{line}: the row holds a NUL byte (binary data, or UTF-16 without a byte-order mark)"
                values = [v.replace("\x00", "") for v in values]
            if any("\udc80" <= ch <= "\udcff" for v in values for ch in v):
                raw = b"".join(v.encode("utf-8", "surrogateescape") for v in values)
                advice = advice or [encoding_advice(raw)]
                error = f"{label}:{line}: not valid UTF-8 ({advice[0]})"
                values = [v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for v in values]
            yield Row(line, dict(zip(header, values)), error)


class _Writer:
    """Appends result rows to OUTPUT.partial as CSV or JSONL (by OUTPUT's extension)."""

    def __init__(self, output: str, inp: BatchInput, resume: bool):
        self.output = output
        self.jsonl = output.endswith(".jsonl")
        self.header = inp.header + [c for c in RESULT_COLUMNS if c not in inp.header]
        self.to_stdout = output == "-"
        self.done = 0
        if self.to_stdout:
            self.fh = sys.stdout
            if not self.jsonl:
                self._csv = csv.DictWriter(self.fh, fieldnames=self.header)
                self._csv.writeheader()
            return
        final, partial, meta = Path(output), Path(output + ".partial"), Path(output + ".partial.json")
        if resume and partial.exists():
            _check_same_input(partial, meta, inp)
            self.done = self._count_complete(partial)
            self.fh = open(partial, "a", encoding="utf-8", newline="")
        else:
            if resume and final.exists():
                raise InputError(f"{output} is complete (no {partial.name} of an interrupted run); nothing to "
                                 "resume: run without --resume to check the input again")
            final.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(meta, json.dumps(inp.identity(), ensure_ascii=False))
            self.fh = open(partial, "w", encoding="utf-8", newline="")
        if not self.jsonl:
            self._csv = csv.DictWriter(self.fh, fieldnames=self.header)
            if self.done == 0 and self.fh.tell() == 0:
                self._csv.writeheader()

    def _count_complete(self, partial: Path) -> int:
        """Rows fully written before the interruption; a torn last line is cut off."""
        data = partial.read_bytes()
        cut = data.rfind(b"\n") + 1
        if cut < len(data):
            with open(partial, "r+b") as fh:
                fh.truncate(cut)
            data = data[:cut]
        text = data.decode("utf-8")
        if self.jsonl:
            return sum(1 for line in text.splitlines() if line.strip())
        rows = list(csv.reader(io.StringIO(text)))
        if rows and rows[0] != self.header:
            raise InputError(f"{partial}: existing output has other columns than this run would write; "
                             "remove it or run without --resume")
        return max(0, len(rows) - 1)

    def write(self, row: Row, columns: dict, result_json_obj: dict | None) -> None:
        if self.jsonl:
            obj = result_json_obj or {"statement": columns.get("statement", ""), "verdict": "ERROR",
                                      "error": row.error}
            self.fh.write(json.dumps({**obj, "line": row.line, "input": row.values}, ensure_ascii=False) + "\n")
        else:
            self._csv.writerow({**row.values, **columns})

    def flush(self) -> None:
        self.fh.flush()
        if not self.to_stdout:
            os.fsync(self.fh.fileno())

    def finish(self) -> None:
        self.flush()
        if not self.to_stdout:
            self.fh.close()
            os.replace(self.output + ".partial", self.output)
            Path(self.output + ".partial.json").unlink(missing_ok=True)


def _check_same_input(partial: Path, meta: Path, inp: BatchInput) -> None:
    """--resume only continues a run over the very same input: same bytes, same rows, same statement column."""
    try:
        before = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError(f"{partial}: no record of the input it was made from ({meta.name} is missing or "
                         "unreadable), so resuming could mismatch rows; run without --resume") from None
    now = inp.identity()
    changed = [k for k in ("sha256", "rows", "column") if before.get(k) != now[k]]
    if changed:
        detail = (f"{before.get('rows')} rows then, {now['rows']} now" if "rows" in changed
                  else "its contents differ" if "sha256" in changed else f"column {before.get('column')!r} then")
        raise InputError(f"{inp.label} changed since the interrupted run ({detail}); its results would not match "
                         f"the rows. Run without --resume to start over (this replaces {partial.name})")


def run_batch(input_path: str, output: str, checker: Checker | Callable[[], Checker], column: str | None = None,
              resume: bool = False, progress: Callable[[int], None] | None = None,
              engine: BatchEngine | None = None) -> BatchSummary:
    """Check every row of `input_path`, writing results to `output` (.csv / .jsonl / '-').

    `checker` may be a factory, called only once the input has been read through and the output is known to be
    writable, so a bad file or output path fails before any model loads. `engine` checks the rows somewhere
    else (`factcheck.apps.ray_engine.RayBatchEngine`: on Ray workers, each calling the factory once); reading,
    writing, order and resume stay here, so every engine writes the same output.
    """
    if resume and output == "-":
        raise InputError("--resume needs an output file, not stdout")
    check_output(input_path, output)
    with _spool_dir() as spool:
        inp = scan_input(input_path, column, spool)
        if engine is None:
            engine = LocalEngine()
        engine.prepare(checker)
        writer = _Writer(output, inp, resume)
        summary = BatchSummary(skipped=writer.done)
        rows = read_rows(inp)
        for _ in range(writer.done):  # rows the previous run already wrote
            if next(rows, None) is None:
                break
        try:
            for chunk, outcome in engine.check(chunked(rows), inp.column, inp.label):
                _write_chunk(chunk, outcome, writer, summary, progress)
        except BaseException:
            writer.flush()  # keep completed rows for --resume
            raise
        writer.finish()
    return summary


class BatchEngine(Protocol):
    """Where the rows of a batch are checked. `check` yields each chunk with its outcome, in input order."""

    def prepare(self, checker: Checker | Callable[[], Checker]) -> None: ...

    def check(self, chunks: Iterator[list[Row]], column: str,
              source: str) -> Iterator[tuple[list[Row], list[tuple[dict, dict | None]]]]: ...


class LocalEngine:
    """This process, one chunk at a time."""

    def prepare(self, checker: Checker | Callable[[], Checker]) -> None:
        self.checker = checker() if callable(checker) else checker

    def check(self, chunks, column, source):
        for chunk in chunks:
            yield chunk, check_chunk(chunk, column, self.checker, source)


def chunked(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """Lists of `size` consecutive items (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_output(input_path: str, output: str) -> None:
    """Refuse, before any work, an output that is the input itself or cannot be written."""
    if output != "-" and input_path != "-" and _same_file(input_path, output):
        raise InputError(f"the output {output} is the input; write the results to another file")
    check_writable(output)


def _same_file(a: str, b: str) -> bool:
    pa, pb = Path(a), Path(b)
    if pa.exists() and pb.exists():
        return os.path.samefile(pa, pb)
    return pa.resolve() == pb.resolve()


def _spool_dir():
    """A temporary folder for a copy of stdin (removed afterwards)."""
    import tempfile

    return tempfile.TemporaryDirectory(prefix="factcheck-batch-")


def check_chunk(chunk: list[Row], column: str, checker: Checker, source: str) -> list[tuple[dict, dict | None]]:
    """(output columns, result JSON or None for an ERROR row) for each row of `chunk`, in order.

    Rows read with an error, and statements `validate_statement` refuses, become ERROR rows naming the input
    line; the rest are checked together in one `check_batch` call. Sets `row.error` on the rows that failed.
    """
    todo: list[tuple[int, str]] = []
    for i, row in enumerate(chunk):
        if row.error is None:
            try:
                todo.append((i, validate_statement(row.values.get(column, ""), checker.settings.max_statement_chars)))
            except InputError as exc:
                row.error = f"{source}:{row.line}: {column}: {exc}"
    results = {}
    if todo:
        try:
            results = dict(zip((i for i, _ in todo), checker.check_batch([s for _, s in todo])))
        except FactcheckError as exc:
            for i, _ in todo:
                chunk[i].error = f"{source}:{chunk[i].line}: {exc}"
    out: list[tuple[dict, dict | None]] = []
    for i, row in enumerate(chunk):
        result = results.get(i)
        if result is None:
            row.error = row.error or "not checked"
            out.append(({"verdict": "ERROR", "confidence": "", "explanation": "", "evidence": "", "source": "",
                         "error": row.error}, None))
        else:
            out.append(({**csv_columns(result), "error": ""}, result_json(result)))
    return out


def _write_chunk(chunk: list[Row], outcome: list[tuple[dict, dict | None]], writer: _Writer, summary: BatchSummary,
                 progress) -> None:
    for row, (cols, obj) in zip(chunk, outcome, strict=True):
        if obj is None:
            summary.errors += 1
            row.error = cols["error"]
        writer.write(row, cols, obj)
        summary.verdicts[cols["verdict"]] = summary.verdicts.get(cols["verdict"], 0) + 1
        summary.rows += 1
    writer.flush()
    if progress:
        progress(len(chunk))

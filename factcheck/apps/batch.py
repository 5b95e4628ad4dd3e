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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.checker import Checker, validate_statement
from factcheck.errors import FactcheckError, InputError
from factcheck.io import open_text
from factcheck.render.formats import csv_columns, result_json

STATEMENT_COLUMNS = ("statement", "claim")
RESULT_COLUMNS = ("verdict", "confidence", "explanation", "evidence", "source", "error")
CHUNK = 16


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


def read_rows(path: str, column: str | None = None) -> tuple[list[str], str, Iterator[Row]]:
    """(header, statement column, lazy rows). Bad rows come back with `error` set, not raised."""
    fh = open_text(path, newline="", errors="surrogateescape")  # a bad row is an error row, not fatal
    reader = csv.reader(fh)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: empty file; expected a CSV header with a 'statement' or 'claim' column") from None
    except csv.Error as exc:
        raise InputError(f"{path}:1: cannot parse the CSV header ({exc})") from exc
    header = [h.strip() for h in header]
    if column is None:
        column = next((c for c in STATEMENT_COLUMNS if c in header), None)
        if column is None:
            raise InputError(f"{path}: no 'statement' or 'claim' column (columns: {', '.join(header)}); "
                             "name one with --column")
    elif column not in header:
        raise InputError(f"{path}: no column {column!r} (columns: {', '.join(header)})")

    def rows() -> Iterator[Row]:
        with fh:
            while True:
                line = reader.line_num + 1
                try:
                    values = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield Row(line, dict.fromkeys(header, ""), f"{path}:{line}: malformed CSV row ({exc})")
                    continue
                if not values:
                    continue  # blank line
                error = None
                if len(values) != len(header):
                    error = f"{path}:{line}: row has {len(values)} fields, header has {len(header)}"
                    values = (values + [""] * len(header))[: len(header)]
                if any("\udc80" <= ch <= "\udcff" for v in values for ch in v):
                    error = f"{path}:{line}: not valid UTF-8; re-save the file as UTF-8"
                    values = [v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for v in values]
                yield Row(line, dict(zip(header, values)), error)

    return header, column, rows()


class _Writer:
    """Appends result rows to OUTPUT.partial as CSV or JSONL (by OUTPUT's extension)."""

    def __init__(self, output: str, header: list[str], resume: bool):
        self.output = output
        self.jsonl = output.endswith(".jsonl")
        self.header = header + [c for c in RESULT_COLUMNS if c not in header]
        self.to_stdout = output == "-"
        self.done = 0
        if self.to_stdout:
            self.fh = sys.stdout
            if not self.jsonl:
                self._csv = csv.DictWriter(self.fh, fieldnames=self.header)
                self._csv.writeheader()
            return
        final, partial = Path(output), Path(output + ".partial")
        if resume and final.exists() and not partial.exists():
            os.replace(final, partial)
        if resume and partial.exists():
            self.done = self._count_complete(partial)
            self.fh = open(partial, "a", encoding="utf-8", newline="")
        else:
            final.parent.mkdir(parents=True, exist_ok=True)
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


def run_batch(input_path: str, output: str, checker: Checker | Callable[[], Checker], column: str | None = None,
              resume: bool = False, progress: Callable[[int], None] | None = None) -> BatchSummary:
    """Check every row of `input_path`, writing results to `output` (.csv / .jsonl / '-').

    `checker` may be a factory, called only once the header is known to be good, so a bad file fails
    before any model loads.
    """
    if resume and output == "-":
        raise InputError("--resume needs an output file, not stdout")
    header, column, rows = read_rows(input_path, column)
    if callable(checker):
        checker = checker()
    writer = _Writer(output, header, resume)
    summary = BatchSummary(skipped=writer.done)
    for _ in range(writer.done):  # rows the previous run already wrote
        if next(rows, None) is None:
            break
    chunk: list[Row] = []
    try:
        for row in rows:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                _process(chunk, column, checker, writer, summary, progress, input_path)
                chunk = []
        if chunk:
            _process(chunk, column, checker, writer, summary, progress, input_path)
    except BaseException:
        writer.flush()  # keep completed rows for --resume
        raise
    writer.finish()
    return summary


def _process(chunk: list[Row], column: str, checker: Checker, writer: _Writer, summary: BatchSummary,
             progress, source: str) -> None:
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
            results = dict(zip((i for i, _ in todo), checker._check_batch([s for _, s in todo])))
        except FactcheckError as exc:
            for i, _ in todo:
                chunk[i].error = f"{source}:{chunk[i].line}: {exc}"
    for i, row in enumerate(chunk):
        result = results.get(i)
        if result is None:
            cols = {"verdict": "ERROR", "confidence": "", "explanation": "", "evidence": "", "source": "",
                    "error": row.error or "not checked"}
            row.error = cols["error"]
            summary.errors += 1
            writer.write(row, cols, None)
            key = "ERROR"
        else:
            writer.write(row, {**csv_columns(result), "error": ""}, result_json(result))
            key = result.verdict.value
        summary.verdicts[key] = summary.verdicts.get(key, 0) + 1
        summary.rows += 1
    writer.flush()
    if progress:
        progress(len(chunk))

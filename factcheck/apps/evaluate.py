"""Measure a checker against labelled statements: label normalisation, streaming readers, metrics.

A labelled file is CSV or JSONL with a `statement` (or `claim`) column, a `label` column and, optionally,
`evidence`: the gold source sentences, used for evidence recall@k. In CSV, `evidence` is one sentence or a
JSON array of sentences; in JSONL it is a string or a list of strings.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.apps.batch import STATEMENT_COLUMNS
from factcheck.errors import InputError
from factcheck.io import STDIN, open_text
from factcheck.results import CheckResult, Verdict, verdict_from_label

VERDICT_LABELS: tuple[str, str, str] = (
    Verdict.SUPPORTED.value,
    Verdict.CONTRADICTED.value,
    Verdict.NOT_ENOUGH_INFO.value,
)


def normalize_label(raw: object, *, where: str | None = None) -> Verdict:
    """Map a dataset's label spelling to a Verdict (results.LABEL_ALIASES); `where` ("file:line") goes into
    the error message."""
    verdict = verdict_from_label(raw)
    if verdict is None:
        prefix = f"{where}: " if where else ""
        raise InputError(
            f"{prefix}unknown label {raw!r}; use SUPPORTED, CONTRADICTED, NOT_ENOUGH_INFO or CONFLICTED "
            "(SUPPORTS/REFUTES/NEI and entailment/contradiction/neutral are accepted too)"
        )
    return verdict


class LabelledStatement(BaseModel):
    """One row of a labelled file: the statement, its gold verdict and optional gold evidence sentences."""

    model_config = ConfigDict(extra="forbid")

    statement: str
    label: Verdict
    evidence: list[str] | None = None
    line: int | None = None  # 1-based line in the file, for messages


def _parse_evidence(value: object, where: str) -> list[str] | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise InputError(f"{where}: `evidence` must be a list of sentences (strings)")
        return [v for v in value if v.strip()] or None
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                return _parse_evidence(json.loads(text), where)
            except json.JSONDecodeError:
                pass  # a sentence that happens to start with "["
        return [text]
    raise InputError(f"{where}: `evidence` must be a sentence or a list of sentences, got {type(value).__name__}")


def _row_to_statement(row: dict, source: str, line: int) -> LabelledStatement:
    where = f"{source}:{line}"
    statement = next((row[c] for c in STATEMENT_COLUMNS if row.get(c) not in (None, "")), None)
    if statement is None:
        raise InputError(f"{where}: no `statement` (or `claim`) value; every row needs the statement to check")
    if row.get("label") in (None, ""):
        raise InputError(f"{where}: no `label` value; use SUPPORTED, CONTRADICTED, NOT_ENOUGH_INFO or CONFLICTED")
    return LabelledStatement(
        statement=str(statement).strip(),
        label=normalize_label(row["label"], where=where),
        evidence=_parse_evidence(row.get("evidence"), where),
        line=line,
    )


def read_labelled(path: str | Path, *, fmt: str | None = None) -> Iterator[LabelledStatement]:
    """Yield labelled statements lazily from a CSV/TSV or JSONL file ('-' = stdin; format from the suffix).

    Args:
        fmt: "csv", "tsv" or "jsonl"; by default taken from the suffix, and sniffed for stdin.
    """
    fh, label = open_text(path, newline=""), "<stdin>" if str(path) == STDIN else str(path)
    with fh:
        lines: Iterable[str] = fh
        if fmt is None:
            suffix = Path(str(path)).suffix.lower()
            fmt = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}.get(suffix)
        if fmt is None:  # sniff (stdin): the line read is put back in front
            first = fh.readline()
            fmt = "jsonl" if first.lstrip().startswith("{") else "csv"
            lines = chain([first] if first else [], fh)
        if fmt == "jsonl":
            yield from _read_jsonl(lines, label)
        elif fmt in ("csv", "tsv"):
            yield from _read_csv(lines, label, "\t" if fmt == "tsv" else ",")
        else:
            raise InputError(f"{label}: unknown format {fmt!r}; use csv, tsv or jsonl")


def _read_jsonl(fh, label: str) -> Iterator[LabelledStatement]:
    for lineno, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        where = f"{label}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg}); each line must be one JSON object") from None
        if not isinstance(row, dict):
            raise InputError(f"{where}: expected a JSON object with `statement` and `label`")
        yield _row_to_statement(row, label, lineno)


def _read_csv(fh, label: str, delimiter: str) -> Iterator[LabelledStatement]:
    reader = csv.DictReader(fh, delimiter=delimiter)
    columns = set(reader.fieldnames or [])
    if not columns & set(STATEMENT_COLUMNS) or "label" not in columns:
        raise InputError(
            f"{label}:1: header has columns {sorted(columns)}; need `statement` (or `claim`) and `label`"
        )
    for row in reader:
        # line_num is the physical line the row ended on; fine for one-line rows, close for quoted multi-line ones.
        yield _row_to_statement(row, label, reader.line_num)


# --- metrics -----------------------------------------------------------------------------------------------


class ClassScores(BaseModel):
    model_config = ConfigDict(extra="forbid")

    precision: float
    recall: float
    f1: float
    support: int


class ReliabilityBin(BaseModel):
    """Statements whose confidence falls in [low, high): how sure the checker said it was, how often it was right."""

    model_config = ConfigDict(extra="forbid")

    low: float
    high: float
    n: int
    confidence: float  # mean confidence in the bin
    accuracy: float


class CoveragePoint(BaseModel):
    """With `--min-confidence threshold`: the share of statements still given a verdict other than
    NOT_ENOUGH_INFO (coverage) and how many of those verdicts are right (precision)."""

    model_config = ConfigDict(extra="forbid")

    threshold: float
    coverage: float
    precision: float
    n: int


class EvalReport(BaseModel):
    """Accuracy, macro-F1, per-class scores, confusion matrix (gold → predicted → count), evidence recall@k, and
    how far the confidence can be trusted: ECE, the reliability bins and the coverage/precision curve."""

    model_config = ConfigDict(extra="forbid")

    n: int
    labels: list[str]
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]
    evidence_recall_at_k: float | None = None
    k: int | None = None
    n_with_evidence: int = 0
    ece: float | None = None  # expected calibration error of `confidence` (10 equal-width bins)
    reliability: list[ReliabilityBin] = []
    coverage_curve: list[CoveragePoint] = []


def _label_name(label: Hashable) -> str:
    return label.value if isinstance(label, Verdict) else str(label)


def _safe_div(num: float, den: float) -> float:
    return num / den if den else 0.0


def score(
    gold: Sequence[Hashable],
    pred: Sequence[Hashable],
    labels: Sequence[Hashable] = VERDICT_LABELS,
    *,
    evidence_recall: Sequence[float] | None = None,
    k: int | None = None,
) -> EvalReport:
    """Score predictions against gold labels.

    Args:
        labels: the classes macro-F1 averages over (rows of the confusion matrix); a prediction outside them
            counts as wrong and gets its own confusion column.
        evidence_recall: per-statement recall@k values (see `evidence_recall`) for the statements with gold
            evidence; their mean is reported as `evidence_recall_at_k`.
    """
    gold_names = [_label_name(g) for g in gold]
    pred_names = [_label_name(p) for p in pred]
    if len(gold_names) != len(pred_names):
        raise ValueError(f"score() got {len(gold_names)} gold labels but {len(pred_names)} predictions")
    names = [_label_name(label) for label in labels]
    unknown_gold = sorted(set(gold_names) - set(names))
    if unknown_gold:
        raise ValueError(f"gold labels {unknown_gold} are not in labels={names}; pass them in `labels`")
    extra = sorted(set(pred_names) - set(names))
    confusion = {g: dict.fromkeys(names + extra, 0) for g in names}
    for g, p in zip(gold_names, pred_names, strict=True):
        confusion[g][p] += 1
    per_class: dict[str, ClassScores] = {}
    for c in names:
        tp = confusion[c][c]
        support = sum(confusion[c].values())
        predicted = sum(confusion[g][c] for g in names)
        precision, recall = _safe_div(tp, predicted), _safe_div(tp, support)
        f1 = _safe_div(2 * precision * recall, precision + recall)
        per_class[c] = ClassScores(precision=precision, recall=recall, f1=f1, support=support)
    n = len(gold_names)
    correct = sum(confusion[c][c] for c in names)
    recalls = list(evidence_recall or [])
    return EvalReport(
        n=n,
        labels=names,
        accuracy=_safe_div(correct, n),
        macro_f1=_safe_div(sum(s.f1 for s in per_class.values()), len(names)),
        per_class=per_class,
        confusion=confusion,
        evidence_recall_at_k=_safe_div(sum(recalls), len(recalls)) if recalls else None,
        k=k if recalls else None,
        n_with_evidence=len(recalls),
    )


ECE_BINS = 10
CURVE_THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def reliability_bins(confidence: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> list[ReliabilityBin]:
    """Statements grouped into equal-width confidence bins (empty bins left out)."""
    out = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidence) if low <= c < high or (b == bins - 1 and c >= high)]
        if idx:
            out.append(ReliabilityBin(low=low, high=high, n=len(idx),
                                      confidence=sum(confidence[i] for i in idx) / len(idx),
                                      accuracy=sum(bool(correct[i]) for i in idx) / len(idx)))
    return out


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> float:
    """ECE: the gap between confidence and accuracy in each equal-width bin, averaged weighted by bin size."""
    if not confidence:
        return 0.0
    return sum(b.n * abs(b.confidence - b.accuracy) for b in reliability_bins(confidence, correct, bins)) / len(confidence)


def coverage_curve(gold: Sequence[Hashable], pred: Sequence[Hashable], confidence: Sequence[float],
                   thresholds: Sequence[float] = CURVE_THRESHOLDS) -> list[CoveragePoint]:
    """Coverage and precision of the definite verdicts (not NOT_ENOUGH_INFO) kept at each `--min-confidence`."""
    nei = Verdict.NOT_ENOUGH_INFO.value
    gold_n, pred_n = [_label_name(g) for g in gold], [_label_name(p) for p in pred]
    points = []
    for t in thresholds:
        kept = [i for i, (p, c) in enumerate(zip(pred_n, confidence)) if p != nei and c >= t]
        points.append(CoveragePoint(threshold=t, coverage=_safe_div(len(kept), len(gold_n)),
                                    precision=_safe_div(sum(gold_n[i] == pred_n[i] for i in kept), len(kept)),
                                    n=len(kept)))
    return points


def with_calibration(report: EvalReport, gold: Sequence[Hashable], pred: Sequence[Hashable],
                     confidence: Sequence[float]) -> EvalReport:
    """The report with ECE, reliability bins and the coverage/precision curve of the verdicts' confidence."""
    correct = [_label_name(g) == _label_name(p) for g, p in zip(gold, pred)]
    return report.model_copy(update={"ece": expected_calibration_error(confidence, correct),
                                     "reliability": reliability_bins(confidence, correct),
                                     "coverage_curve": coverage_curve(gold, pred, confidence)})


def _norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def sentence_matches(gold: str, retrieved: str) -> bool:
    """Whether a retrieved sentence is the gold sentence, allowing for different sentence splitting.

    Texts match after case-folding and whitespace collapsing when one contains the other.
    """
    g, r = _norm_text(gold), _norm_text(retrieved)
    if not g or not r:
        return False
    return g in r or r in g


def evidence_recall(gold: Sequence[str] | Sequence[Sequence[str]], retrieved: Sequence[str], k: int) -> float:
    """Fraction of gold sentences found among the first k retrieved sentences.

    `gold` is either one list of sentences or a list of alternative sets (WiCE annotates several valid
    sets); with alternatives the best-covered set counts.
    """
    if not gold:
        raise ValueError("evidence_recall() needs at least one gold sentence")
    sets: list[Sequence[str]] = [gold] if isinstance(gold[0], str) else list(gold)  # type: ignore[list-item]
    top = list(retrieved[:k])
    best = 0.0
    for gold_set in sets:
        if not gold_set:
            continue
        found = sum(any(sentence_matches(g, r) for r in top) for g in gold_set)
        best = max(best, found / len(gold_set))
    return best


def retrieved_sentences(result: CheckResult) -> list[str]:
    """Distinct evidence sentences of a result, in rank order."""
    seen: dict[str, None] = {}
    for ev in result.evidence:
        seen.setdefault(ev.sentence, None)
    return list(seen)


def evaluate(checker, rows: Iterable[LabelledStatement], k: int = 5, *, batch: int = 64) -> EvalReport:
    """Check every labelled statement with `checker` (streaming, `batch` at a time) and score the verdicts."""
    gold: list[Verdict] = []
    pred: list[Verdict] = []
    confidence: list[float] = []
    recalls: list[float] = []
    it = iter(rows)
    while chunk := list(islice(it, batch)):
        results = checker.check_many([row.statement for row in chunk])
        for row, result in zip(chunk, results, strict=True):
            gold.append(row.label)
            pred.append(result.verdict)
            confidence.append(result.confidence)
            if row.evidence:
                recalls.append(evidence_recall(row.evidence, retrieved_sentences(result), k))
    # CONFLICTED is a fourth class only where the data has it; otherwise a CONFLICTED prediction counts as
    # wrong (its own confusion column) without a zero-support class dragging macro-F1 down.
    labels = (*VERDICT_LABELS, Verdict.CONFLICTED.value) if Verdict.CONFLICTED in gold else VERDICT_LABELS
    return with_calibration(score(gold, pred, labels, evidence_recall=recalls, k=k), gold, pred, confidence)

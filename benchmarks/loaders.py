"""Readers for the external benchmarks in ../shared/data/bench, in their original formats.

One function per dataset; each takes a path (default under the shared data folder) and an optional `limit`,
and yields small typed records. Labels are mapped to verdicts (`label`); the dataset's own label stays in
`orig_label`, and `label` is None where a dataset label has no verdict (Climate-FEVER DISPUTED, WiCE
partially_supported) so callers report those apart.

The shared folder is `../shared` next to the repository, or $FACTCHECK_SHARED.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from factcheck.apps.evaluate import normalize_label
from factcheck.results import Verdict

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared data folder: $FACTCHECK_SHARED, else ../shared next to the repository."""
    env = os.environ.get("FACTCHECK_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def bench_dir() -> Path:
    return shared_dir() / "data" / "bench"


@dataclass
class PairItem:
    """A (premise, hypothesis) pair with its gold label: the unit of pair-level benchmarks."""

    id: str
    premise: str
    hypothesis: str
    label: Verdict
    orig_label: str


@dataclass
class ClaimItem:
    """A claim checked against its own documents, with gold evidence sentences (alternative sets)."""

    id: str
    claim: str
    label: Verdict | None  # None: a dataset label with no verdict (reported apart)
    orig_label: str
    docs: dict[str, str]  # doc_id -> text the claim is checked against
    sentences: list[str] = field(default_factory=list)  # the documents' sentences as the dataset splits them
    gold_evidence: list[list[str]] = field(default_factory=list)  # alternative sets of gold sentences
    meta: dict = field(default_factory=dict)


@dataclass
class ClimateEvidence:
    id: str
    article: str
    sentence: str
    label: Verdict
    orig_label: str


@dataclass
class ClimateFeverClaim:
    id: str
    claim: str
    label: Verdict | None  # None for DISPUTED
    orig_label: str
    evidences: list[ClimateEvidence]

    @property
    def gold_evidence(self) -> list[str]:
        """The evidence sentences labelled SUPPORTS or REFUTES (the ones that decide the claim)."""
        return [e.sentence for e in self.evidences if e.label != Verdict.NOT_ENOUGH_INFO]


@dataclass
class SummaryItem:
    """A summary (draft) reviewed against its source document: consistent or not."""

    id: str
    domain: str
    document: str
    summary: str
    consistent: bool
    split: str


@dataclass
class Statement:
    """A statement about a fixed corpus with its gold verdict (seed dev set)."""

    id: str
    statement: str
    label: Verdict


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                yield lineno, json.loads(line)


def _limit(it, limit: int | None):
    return islice(it, limit) if limit is not None else it


# --- Climate-FEVER -----------------------------------------------------------------------------------------


def _climate_fever(path: Path) -> Iterator[ClimateFeverClaim]:
    for lineno, row in _jsonl(path):
        where = f"{path}:{lineno}"
        evidences = [
            ClimateEvidence(
                id=ev["evidence_id"], article=ev["article"], sentence=ev["evidence"],
                label=normalize_label(ev["evidence_label"], where=where), orig_label=ev["evidence_label"],
            )
            for ev in row["evidences"]
        ]
        orig = row["claim_label"]
        label = None if orig == "DISPUTED" else normalize_label(orig, where=where)
        yield ClimateFeverClaim(id=str(row["claim_id"]), claim=row["claim"], label=label, orig_label=orig,
                                evidences=evidences)


def climate_fever_claims(path: str | Path | None = None, limit: int | None = None) -> Iterator[ClimateFeverClaim]:
    """Climate-FEVER claims, each with its 5 labelled evidence sentences (claim level)."""
    path = Path(path) if path else bench_dir() / "climate-fever" / "climate-fever.jsonl"
    return _limit(_climate_fever(path), limit)


def climate_fever_pairs(path: str | Path | None = None, limit: int | None = None) -> Iterator[PairItem]:
    """Climate-FEVER claim–evidence pairs with the pair labels (pair level); `limit` counts pairs."""
    path = Path(path) if path else bench_dir() / "climate-fever" / "climate-fever.jsonl"
    pairs = (
        PairItem(id=f"{c.id}/{e.id}", premise=e.sentence, hypothesis=c.claim, label=e.label, orig_label=e.orig_label)
        for c in _climate_fever(path)
        for e in c.evidences
    )
    return _limit(pairs, limit)


# --- Check-COVID -------------------------------------------------------------------------------------------

CHECK_COVID_TEST_FILES = (
    # (current test file, the 99ab88a variant where NOT_ENOUGH_INFO claims face a *different* abstract)
    ("Check-COVID/test/covidCheck_test_composed.json",
     "nei_abstracts_variant_commit99ab88a/covidCheck_test_nei_abstracts.json"),
    ("Check-COVID/test/covidCheck_test_extracted.json",  # journalist-written (is_auth)
     "nei_abstracts_variant_commit99ab88a/covidCheck_test_auth_nei_abstracts.json"),
)


# Development splits (train, dev): read the same way; fitting on them is allowed, on test never.
CHECK_COVID_DEV_FILES = {
    split: ((f"Check-COVID/{split}/covidCheck_{split}_composed+extracted.json",
             f"nei_abstracts_variant_commit99ab88a/covidCheck_{split}_writtenAuth_nei_abstracts.json"),)
    for split in ("train", "dev")
}


def check_covid_test(path: str | Path | None = None, limit: int | None = None) -> Iterator[ClaimItem]:
    """Check-COVID test claims vs their abstract (sentences from corpus.json), composed then extracted.

    SUPPORT/REFUTE rows come from the current test files; NOTENOUGHINFO rows from the 99ab88a variant,
    where they face a different abstract (in the current files they reuse a supported claim's abstract).

    Args:
        path: the `check-covid` folder (holding `Check-COVID/` and the variant folder).
    """
    return _check_covid(path, CHECK_COVID_TEST_FILES, limit)


def check_covid_dev(split: str, path: str | Path | None = None, limit: int | None = None) -> Iterator[ClaimItem]:
    """Check-COVID `train` or `dev` claims (composed and extracted), read like `check_covid_test`: NEI claims
    face a different abstract (the variant's writtenAuth file, which covers every NEI claim of the split)."""
    if split not in CHECK_COVID_DEV_FILES:
        raise ValueError(f"split must be one of {sorted(CHECK_COVID_DEV_FILES)}, not {split!r} (test is bench data)")
    return _check_covid(path, CHECK_COVID_DEV_FILES[split], limit)


def _check_covid(path: str | Path | None, files, limit: int | None) -> Iterator[ClaimItem]:
    root = Path(path) if path else bench_dir() / "check-covid"
    corpus = {row["cord_id"]: row for _, row in _jsonl(root / "Check-COVID" / "corpus.json")}

    def items() -> Iterator[ClaimItem]:
        for current, variant in files:
            nei_rows = {row["id"]: (lineno, row) for lineno, row in _jsonl(root / variant)}
            for lineno, row in _jsonl(root / current):
                file = root / current
                label = normalize_label(row["label"], where=f"{file}:{lineno}")
                if label == Verdict.NOT_ENOUGH_INFO:
                    if row["id"] not in nei_rows:
                        raise ValueError(f"{file}:{lineno}: claim {row['id']} is missing from {root / variant}")
                    lineno, row = nei_rows[row["id"]]
                paper = corpus[row["cord_id"]]
                sentences = list(paper["abstract"])
                gold = [sentences[e["sent_index"]] for e in row.get("evidence_set", [])]
                yield ClaimItem(
                    id=row["id"], claim=row["claim"], label=label, orig_label=row["label"],
                    docs={row["cord_id"]: " ".join(sentences)}, sentences=sentences,
                    gold_evidence=[gold] if gold else [],
                    meta={"cord_id": row["cord_id"], "title": paper["title"], "is_auth": row.get("is_auth")},
                )

    return _limit(items(), limit)


# --- WiCE --------------------------------------------------------------------------------------------------

WICE_LABELS = {"supported": Verdict.SUPPORTED, "not_supported": Verdict.NOT_ENOUGH_INFO, "partially_supported": None}


def wice_dev(path: str | Path | None = None, limit: int | None = None) -> Iterator[ClaimItem]:
    """WiCE dev claims vs their cited article's sentences.

    not_supported maps to NOT_ENOUGH_INFO (WiCE has almost no contradictions); partially_supported gets
    label None so it is reported apart.
    """
    path = Path(path) if path else bench_dir() / "wice" / "dev.jsonl"

    def items() -> Iterator[ClaimItem]:
        for lineno, row in _jsonl(path):
            if row["label"] not in WICE_LABELS:
                raise ValueError(f"{path}:{lineno}: unknown WiCE label {row['label']!r}")
            sentences = list(row["evidence"])
            gold = [[sentences[i] for i in group] for group in row["supporting_sentences"] if group]
            yield ClaimItem(
                id=row["meta"]["id"], claim=row["claim"], label=WICE_LABELS[row["label"]], orig_label=row["label"],
                docs={row["meta"]["id"]: "\n".join(sentences)}, sentences=sentences, gold_evidence=gold,
                meta={"claim_title": row["meta"].get("claim_title")},
            )

    return _limit(items(), limit)


# --- pair-level sets ---------------------------------------------------------------------------------------


def fever_symmetric_dev(path: str | Path | None = None, limit: int | None = None) -> Iterator[PairItem]:
    """FEVER-Symmetric dev: one evidence sentence per claim, SUPPORTS / REFUTES (2-way)."""
    path = Path(path) if path else bench_dir() / "fever-symmetric" / "fever_symmetric_dev.jsonl"
    pairs = (
        PairItem(id=str(row["id"]), premise=row["evidence"], hypothesis=row["claim"],
                 label=normalize_label(row["label"], where=f"{path}:{lineno}"), orig_label=row["label"])
        for lineno, row in _jsonl(path)
    )
    return _limit(pairs, limit)


def healthver_dev(path: str | Path | None = None, limit: int | None = None) -> Iterator[PairItem]:
    """HealthVer dev: claim vs an abstract snippet, Supports / Refutes / Neutral."""
    path = Path(path) if path else bench_dir() / "healthver" / "healthver_dev.csv"

    def pairs() -> Iterator[PairItem]:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                yield PairItem(id=row["id"], premise=row["evidence"], hypothesis=row["claim"],
                               label=normalize_label(row["label"], where=f"{path}:{reader.line_num}"),
                               orig_label=row["label"])

    return _limit(pairs(), limit)


def summedits(path: str | Path | None = None, limit: int | None = None,
              domains: list[str] | None = None) -> Iterator[SummaryItem]:
    """SummEdits document/summary pairs (label 1 = consistent), domain by domain; `limit` counts per call.

    Args:
        path: the `summedits` folder of `summedits_<domain>.json` files.
        domains: e.g. ["news", "podcast"]; default all files in the folder.
    """
    root = Path(path) if path else bench_dir() / "summedits"
    files = sorted(root.glob("summedits_*.json"))
    if domains is not None:
        files = [f for f in files if f.stem.removeprefix("summedits_") in domains]

    def items() -> Iterator[SummaryItem]:
        for file in files:
            domain = file.stem.removeprefix("summedits_")
            for row in json.loads(file.read_text(encoding="utf-8")):
                if row["label"] not in (0, 1):
                    raise ValueError(f"{file}: item {row['id']}: label {row['label']!r} is not 0 or 1")
                yield SummaryItem(id=row["id"], domain=domain, document=row["doc"], summary=row["summary"],
                                  consistent=row["label"] == 1, split=row.get("split", ""))

    return _limit(items(), limit)


# --- seed dev ----------------------------------------------------------------------------------------------


def seed_dev(path: str | Path | None = None, limit: int | None = None) -> Iterator[Statement]:
    """Statements about the seed article (statement,label CSV); the corpus is `seed_corpus_path()`."""
    path = Path(path) if path else shared_dir() / "eval" / "seed_dev.csv"

    def items() -> Iterator[Statement]:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for i, row in enumerate(reader, start=1):
                yield Statement(id=f"seed-{i}", statement=row["statement"],
                                label=normalize_label(row["label"], where=f"{path}:{reader.line_num}"))

    return _limit(items(), limit)


def seed_corpus_path() -> Path:
    return REPO_ROOT / "seeds" / "bbc-mundo-us-colombia-alliance.txt"

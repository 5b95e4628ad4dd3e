"""The benchmark harness: accuracy on external benchmarks, speed and memory, baselines (report: benchmarks.report).

Models are injected (`Models`), so the harness runs with fakes in tests and the real models otherwise.
Nothing here tunes anything: bench data is only measured.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from benchmarks import loaders
from benchmarks.report import machine_info
from factcheck.apps.evaluate import VERDICT_LABELS, evidence_recall, retrieved_sentences, score, with_calibration
from factcheck.results import Verdict
from factcheck.retrieval.corpus import save_index
from factcheck.retrieval.index import write_atomic
from factcheck.settings import get_settings

JUDGE_NAMES = ("similarity", "pipeline", "exhaustive")
SUMMARY_JUDGES = ("similarity", "pipeline")  # exhaustive NLI over every summary sentence × document is left out
INDEX_CACHE = 2048  # document-set indexes kept within one benchmark (cleared between benchmarks)
# `--all` runs these; the extras only on `--only NAME` (SummEdits is large and not a verdict task).
DEFAULT_BENCHES = ("climate_fever", "climate_fever_pairs", "check_covid", "wice", "fever_symmetric", "healthver",
                   "seed_dev", "speed")
EXTRA_BENCHES = ("summedits", "int8")


@dataclass
class Models:
    """The embedder and NLI model every checker in a run shares (loaded once, lazily)."""

    embedder: object | None = None
    nli: object | None = None
    nli_model: str | None = None
    runtime: str | None = None  # "auto" / "onnx" / "torch"; None: Settings.runtime (FACTCHECK_RUNTIME)

    def get_embedder(self):
        if self.embedder is None:
            from factcheck.retrieval.embed import Embedder

            self.embedder = Embedder(runtime=self.runtime)
        return self.embedder

    def get_nli(self):
        if self.nli is None:
            from factcheck.judge.nli import load_nli

            self.nli = load_nli(self.nli_model, runtime=self.runtime)
        return self.nli


@dataclass
class BenchConfig:
    bench_dir: Path = field(default_factory=loaders.bench_dir)
    seed_csv: Path = field(default_factory=lambda: loaders.shared_dir() / "eval" / "seed_dev.csv")
    seed_corpus: Path = field(default_factory=loaders.seed_corpus_path)
    out_dir: Path = loaders.REPO_ROOT / "docs"
    only: tuple[str, ...] = DEFAULT_BENCHES
    limit: int | None = None  # items per dataset
    smoke: bool = False
    k: int = 5
    exhaustive_limit: int = 10  # Climate-FEVER claims for the pooled exhaustive baseline (7,675 pairs each)
    exhaustive_items: int | None = None  # other claim-level sets: exhaustive baseline on the first N items only
    speed_sizes: tuple[int, ...] = (100, 1_000, 10_000)
    speed_statements: int = 50
    speed_batch_statements: int = 1_000  # the CSV `factcheck batch` reads, on the largest speed corpus
    speed_runtimes: tuple[str, ...] = ("torch", "onnx")  # compared side by side (real models only)
    nli_pairs: int = 512
    cold_cli: bool = True
    resume: bool = False  # reuse the sections a killed run with the same settings already finished
    log: Callable[[str], None] = field(default=lambda m: print(m, file=sys.stderr, flush=True))

    @classmethod
    def for_smoke(cls, **kw) -> BenchConfig:
        """A handful of items per dataset: checks the wiring in seconds, measures nothing."""
        defaults = dict(smoke=True, limit=4, exhaustive_limit=2, speed_sizes=(20, 50), speed_statements=3,
                        speed_batch_statements=6, nli_pairs=16, out_dir=loaders.REPO_ROOT / "build" / "bench-smoke")
        return cls(**{**defaults, **kw})


def _refusal(text: str) -> str | None:
    """Why the checker's input screen refuses `text` (e.g. mojibake, digits only), or None when it accepts it."""
    from factcheck.checker import validate_statement
    from factcheck.errors import InputError
    from factcheck.settings import get_settings

    try:
        validate_statement(text, get_settings().max_statement_chars)
    except InputError as exc:
        return str(exc)
    return None


def _screened(items: list[loaders.ClaimItem]) -> tuple[list[loaders.ClaimItem], list[tuple[str, str]]]:
    """(the items the checker accepts, [(id, reason)] of those its input screen refuses, e.g. mojibake)."""
    kept, refused = [], []
    for it in items:
        why = _refusal(it.claim)
        if why:
            refused.append((str(it.id), why))
        else:
            kept.append(it)
    return kept, refused


class Harness:
    def __init__(self, config: BenchConfig, models: Models | None = None):
        self.cfg = config
        self.models = models or Models()
        # Indexes by document set, most recent last: the exhaustive subset and the pooled Climate-FEVER runs
        # reuse what the full pass built instead of re-extracting and re-embedding.
        self._indexes: OrderedDict[tuple, object] = OrderedDict()

    # --- checkers --------------------------------------------------------------------------------------

    def build(self, docs: dict[str, str], models: Models | None = None):
        """One in-memory index over `docs`; the judges are derived from it (`variant`)."""
        from factcheck.checker import Checker

        models = models or self.models
        return Checker.from_texts(docs, judge="similarity", top_k=self.cfg.k, embedder=models.get_embedder())

    def variant(self, base, judge: str, models: Models | None = None):
        """A checker over `base`'s index: similarity-only, the full pipeline, or exhaustive NLI.

        Exhaustive NLI is SummaC-style: every claim of the corpus is evidence (top_k = all, no similarity
        floor), so no retrieval decides anything.
        """
        from factcheck.checker import Checker, make_judge
        from factcheck.settings import get_settings

        if judge == "similarity":
            settings = get_settings(judge="similarity", top_k=self.cfg.k)
        elif judge == "pipeline":
            settings = get_settings(judge="nli", top_k=self.cfg.k, nli_model=self.models.nli_model)
        elif judge == "exhaustive":
            settings = get_settings(judge="nli", top_k=max(1, len(base.claims)), min_similarity=-1.0,
                                    nli_model=self.models.nli_model)
        else:
            raise ValueError(f"unknown judge {judge!r}; use one of {JUDGE_NAMES}")
        nli = (models or self.models).get_nli() if settings.judge == "nli" else None
        return Checker(base.index, base.embedder, make_judge(settings, nli), settings)

    # --- claim-level runs ------------------------------------------------------------------------------

    def run_claims(self, name: str, items: list[loaders.ClaimItem], labels=VERDICT_LABELS,
                   judges: Iterable[str] = JUDGE_NAMES, notes: list[str] | None = None) -> dict:
        """Each item checked against its own documents (one index per distinct document set).

        With `exhaustive_items` set, the exhaustive baseline (the slow one) runs on the first N items only,
        reported as a subsection together with the pipeline on the same items, for a like-for-like ratio.
        """
        judges = tuple(judges)
        cap = self.cfg.exhaustive_items
        if "exhaustive" not in judges or cap is None or len(items) <= cap:
            return self._run_claims(name, items, labels, judges, notes)
        if cap == 0:  # no subsection at all rather than an empty one
            return self._run_claims(name, items, labels, tuple(j for j in judges if j != "exhaustive"),
                                    [*(notes or []), "Exhaustive baseline not run (`--exhaustive-items 0`)."])
        section = self._run_claims(name, items, labels, tuple(j for j in judges if j != "exhaustive"), notes)
        subset = items[:cap]
        section["exhaustive_subset"] = self._run_claims(
            f"{name}, exhaustive subset", subset, labels, ("pipeline", "exhaustive"),
            [f"First {len(subset)} of {len(items)} items only (`--exhaustive-items {cap}`): exhaustive NLI and "
             "the pipeline on the same items."])
        return section

    def _run_claims(self, name: str, items: list[loaders.ClaimItem], labels, judges: tuple[str, ...],
                    notes: list[str] | None) -> dict:
        items, refused = _screened(items)
        if refused:  # what `factcheck batch` answers with an ERROR row: scored by no judge
            notes = [*(notes or []), f"{len(refused)} item(s) refused by the input screen and left out of every "
                                     f"judge's score: " + "; ".join(f"{i}: {why}" for i, why in refused[:3])]
        groups: dict[tuple, list[loaders.ClaimItem]] = defaultdict(list)
        for item in items:
            groups[tuple(sorted(item.docs.items()))].append(item)
        outcome = {j: {"pred": {}, "confidence": {}, "recall": {}, "seconds": 0.0} for j in judges}
        build_s = 0.0
        for key, group in groups.items():
            t0 = time.perf_counter()
            if key in self._indexes:
                base = self._indexes[key]
                self._indexes.move_to_end(key)
            else:
                base = self._indexes[key] = self.build(dict(key))
                while len(self._indexes) > INDEX_CACHE:
                    self._indexes.popitem(last=False)
            build_s += time.perf_counter() - t0
            for j in judges:
                checker = self.variant(base, j)
                t0 = time.perf_counter()
                results = list(checker.check_many([it.claim for it in group]))
                outcome[j]["seconds"] += time.perf_counter() - t0
                for it, res in zip(group, results, strict=True):
                    outcome[j]["pred"][it.id] = res.verdict
                    outcome[j]["confidence"][it.id] = res.confidence
                    if it.gold_evidence:
                        outcome[j]["recall"][it.id] = evidence_recall(it.gold_evidence, retrieved_sentences(res),
                                                                      self.cfg.k)
        return self._claim_section(name, items, outcome, labels, build_s, len(groups), notes or [])

    def _claim_section(self, name, items, outcome, labels, build_s, n_indexes, notes) -> dict:
        scored = [it for it in items if it.label is not None]
        apart = [it for it in items if it.label is None]
        section: dict = {"name": name, "n": len(items), "n_scored": len(scored), "labels": [str(x) for x in labels],
                         "k": self.cfg.k, "index_build_seconds": round(build_s, 3), "indexes": n_indexes,
                         "judges": {}, "apart": {}, "notes": notes}
        for j, out in outcome.items():
            gold, pred = [it.label for it in scored], [out["pred"][it.id] for it in scored]
            report = score(gold, pred, labels,
                           evidence_recall=[out["recall"][it.id] for it in scored if it.id in out["recall"]],
                           k=self.cfg.k)
            if out.get("confidence"):  # how far `confidence` can be read as P(right) on this set (issue #11)
                report = with_calibration(report, gold, pred, [out["confidence"][it.id] for it in scored])
            entry = report.model_dump(mode="json")
            entry["seconds"] = round(out["seconds"], 3)
            entry["statements_per_s"] = round(len(items) / out["seconds"], 2) if out["seconds"] else None
            section["judges"][j] = entry
            for orig in sorted({it.orig_label for it in apart}):
                these = [it for it in apart if it.orig_label == orig]
                counts = Counter(out["pred"][it.id].value for it in these)
                section["apart"].setdefault(orig, {"n": len(these), "predicted": {}})["predicted"][j] = dict(counts)
        if "pipeline" in outcome and "exhaustive" in outcome and outcome["exhaustive"]["seconds"] > 0:
            section["time_ratio_pipeline_vs_exhaustive"] = round(
                outcome["pipeline"]["seconds"] / outcome["exhaustive"]["seconds"], 4)
        return section

    # --- benchmarks ------------------------------------------------------------------------------------

    def bench_climate_fever(self) -> dict:
        claims = list(loaders.climate_fever_claims(self.cfg.bench_dir / "climate-fever" / "climate-fever.jsonl",
                                                   limit=self.cfg.limit))
        docs = {e.id: e.sentence for c in claims for e in c.evidences}
        items = [loaders.ClaimItem(id=c.id, claim=c.claim, label=c.label, orig_label=c.orig_label, docs=docs,
                                   gold_evidence=[c.gold_evidence] if c.gold_evidence else []) for c in claims]
        notes = [f"All {len(docs)} evidence sentences of the {len(claims)} claims pooled into one corpus.",
                 "Gold evidence for recall@k: the claim's evidence sentences labelled SUPPORTS or REFUTES.",
                 "DISPUTED claims are not scored; their predicted verdicts are counted apart."]
        section = self.run_claims("Climate-FEVER (claim level)", items, judges=("similarity", "pipeline"),
                                  notes=notes)
        # Exhaustive NLI over the whole pool costs len(docs) NLI pairs per claim: run it on the first claims
        # only, and the pipeline again on the same claims for a like-for-like time ratio.
        subset = items[: self.cfg.exhaustive_limit]
        sub = self.run_claims("Climate-FEVER (claim level, exhaustive subset)", subset,
                              judges=("pipeline", "exhaustive"))
        sub["notes"] = [f"First {len(subset)} claims only: exhaustive NLI checks each claim against all "
                        f"{len(docs)} pooled sentences."]
        section["exhaustive_subset"] = sub
        return section

    def bench_climate_fever_pairs(self) -> dict:
        pairs = list(loaders.climate_fever_pairs(self.cfg.bench_dir / "climate-fever" / "climate-fever.jsonl",
                                                 limit=self.cfg.limit and self.cfg.limit * 5))
        return self.run_pairs("Climate-FEVER (pair level)", pairs, VERDICT_LABELS,
                              ["NLI model directly on (evidence sentence, claim); argmax of the 3 classes."])

    def bench_check_covid(self) -> dict:
        items = list(loaders.check_covid_test(self.cfg.bench_dir / "check-covid", limit=self.cfg.limit))
        return self.run_claims("Check-COVID test", items, notes=[
            "Each claim against its own abstract; NOT_ENOUGH_INFO claims face a different abstract "
            "(the NEI-abstract variant @ 99ab88a). Composed and extracted (journalist) claims together."])

    def bench_wice(self) -> dict:
        items = list(loaders.wice_dev(self.cfg.bench_dir / "wice" / "dev.jsonl", limit=self.cfg.limit))
        labels = (Verdict.SUPPORTED.value, Verdict.NOT_ENOUGH_INFO.value)
        section = self.run_claims("WiCE dev", items, labels=labels, notes=[
            "Each claim against its whole cited article. not_supported is scored as NOT_ENOUGH_INFO; a "
            "CONTRADICTED prediction counts as wrong there (shown as an extra confusion column).",
            "partially_supported claims are not scored; their predicted verdicts are counted apart.",
            "Evidence recall@k: best-covered of the annotated alternative gold sets."])
        return section

    def bench_fever_symmetric(self) -> dict:
        pairs = list(loaders.fever_symmetric_dev(
            self.cfg.bench_dir / "fever-symmetric" / "fever_symmetric_dev.jsonl", limit=self.cfg.limit))
        labels = (Verdict.SUPPORTED.value, Verdict.CONTRADICTED.value)
        return self.run_pairs("FEVER-Symmetric dev (2-way)", pairs, labels,
                              ["NLI model directly; SUPPORTED if P(entailment) >= P(contradiction), else "
                               "CONTRADICTED."], two_way=True)

    def bench_healthver(self) -> dict:
        pairs = list(loaders.healthver_dev(self.cfg.bench_dir / "healthver" / "healthver_dev.csv",
                                           limit=self.cfg.limit))
        section = self.run_pairs("HealthVer dev (NLI directly)", pairs, VERDICT_LABELS,
                                 ["NLI model directly on (whole evidence snippet, claim), truncated to the model's "
                                  "max length."])
        items = [loaders.ClaimItem(id=p.id, claim=p.hypothesis, label=p.label, orig_label=p.orig_label,
                                   docs={f"hv-{p.id}": p.premise}) for p in pairs]
        section["checker"] = self.run_claims("HealthVer dev (checker on the snippet)", items, notes=[
            "Each claim checked against its evidence snippet as a one-document corpus."])
        return section

    def bench_seed_dev(self) -> dict:
        rows = list(loaders.seed_dev(self.cfg.seed_csv, limit=self.cfg.limit))
        text = self.cfg.seed_corpus.read_text(encoding="utf-8")
        items = [loaders.ClaimItem(id=r.id, claim=r.statement, label=r.label, orig_label=r.label.value,
                                   docs={self.cfg.seed_corpus.stem: text}) for r in rows]
        return self.run_claims("Seed dev", items, notes=[
            f"Statements in {self.cfg.seed_csv.name} against {self.cfg.seed_corpus.name}. This set was used "
            "to choose thresholds, so it is not a held-out measure."])

    def bench_int8(self) -> dict:
        """Dynamic int8 variants of both ONNX exports against fp32 (benchmarks.quantization)."""
        from benchmarks.quantization import measure
        from factcheck.judge.nli import SHIPPED_MODEL_DIR
        from factcheck.retrieval.embed import bundled_model_dir

        nli_dir = Path(self.models.nli_model) if self.models.nli_model else SHIPPED_MODEL_DIR
        return measure(nli_dir, bundled_model_dir(), self.cfg.bench_dir, self.cfg.limit or 2000, self.cfg.log)

    def bench_summedits(self) -> dict:
        """Each summary reviewed against its document, sentence by sentence, as `factcheck review` would.

        Two readings: strict (inconsistent when any sentence is not SUPPORTED) and contradiction-only
        (inconsistent only when a sentence is CONTRADICTED or CONFLICTED). `--limit` counts per domain.
        """
        root = self.cfg.bench_dir / "summedits"
        domains = [f.stem.removeprefix("summedits_") for f in sorted(root.glob("summedits_*.json"))]
        items = [it for d in domains for it in loaders.summedits(root, limit=self.cfg.limit, domains=[d])]
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
        by_doc: dict[str, list[loaders.SummaryItem]] = defaultdict(list)
        refused: list[tuple[str, str, str]] = []  # (summary id, sentence, why)
        for it in items:
            by_doc[it.document].append(it)
        verdicts: dict[str, dict[str, list[Verdict]]] = {j: {} for j in SUMMARY_JUDGES}
        seconds = dict.fromkeys(SUMMARY_JUDGES, 0.0)
        for doc, group in by_doc.items():
            base = self.build({"doc": doc})
            sents: dict[str, list[str]] = {}
            for it in group:  # a sentence the screen refuses (digits or punctuation only) is listed, not judged,
                sents[it.id] = []  # as `factcheck review` lists a draft's unusable sentences
                for s in (s.text.strip() for s in nlp(it.summary).sents):
                    why = _refusal(s) if s else None
                    if why:
                        refused.append((it.id, s, why))
                    elif s:
                        sents[it.id].append(s)
            for j in SUMMARY_JUDGES:
                checker = self.variant(base, j)
                t0 = time.perf_counter()
                for it in group:
                    verdicts[j][it.id] = [r.verdict for r in checker.check_many(sents[it.id])]
                seconds[j] += time.perf_counter() - t0
        readings = {
            "strict": lambda vs: all(v == Verdict.SUPPORTED for v in vs),
            "contradiction_only": lambda vs: not any(v in (Verdict.CONTRADICTED, Verdict.CONFLICTED) for v in vs),
        }
        labels = ["consistent", "inconsistent"]
        section = {"name": "SummEdits (binary)", "n": len(items), "labels": labels, "judges": {}, "domains": {},
                   "notes": ["Each summary split into sentences and checked against its own document. Strict "
                             "reading: consistent iff every sentence is SUPPORTED; contradiction-only: consistent "
                             "unless a sentence is CONTRADICTED (or CONFLICTED). Balanced accuracy is the paper's "
                             "metric (GPT-4 82.4%, estimated human 90.9%).",
                             f"Up to {self.cfg.limit or 'all'} summaries per domain."]}
        if refused:
            notes = section["notes"]
            assert isinstance(notes, list)
            notes.append(f"{len(refused)} summary sentence(s) refused by the input screen and not judged "
                                    "(the rest of each summary is): " + "; ".join(
                                        f"{i} {s[:40]!r}: {why}" for i, s, why in refused[:3]))

        def balanced(group, judge, reading):
            gold = ["consistent" if it.consistent else "inconsistent" for it in group]
            pred = ["consistent" if readings[reading](verdicts[judge][it.id]) else "inconsistent" for it in group]
            entry = score(gold, pred, labels).model_dump(mode="json")
            entry["balanced_accuracy"] = round(float(np.mean([c["recall"] for c in entry["per_class"].values()])), 4)
            return entry

        for j in SUMMARY_JUDGES:
            for reading in readings:
                entry = balanced(items, j, reading)
                entry["seconds"] = round(seconds[j], 3)
                section["judges"][j if reading == "strict" else f"{j} ({reading})"] = entry
        for domain in sorted({it.domain for it in items}):
            group = [it for it in items if it.domain == domain]
            section["domains"][domain] = {
                "n": len(group),
                **{f"{j} {reading}": balanced(group, j, reading)["balanced_accuracy"]
                   for j in SUMMARY_JUDGES for reading in readings},
            }
        return section

    def run_pairs(self, name: str, pairs: list[loaders.PairItem], labels, notes: list[str],
                  two_way: bool = False) -> dict:
        nli = self.models.get_nli()
        t0 = time.perf_counter()
        probs = nli.predict([(p.premise, p.hypothesis) for p in pairs], batch_size=32)
        seconds = time.perf_counter() - t0
        ent, neu, con = (list(nli.labels).index(x) for x in ("entailment", "neutral", "contradiction"))
        as_verdict = {ent: Verdict.SUPPORTED, neu: Verdict.NOT_ENOUGH_INFO, con: Verdict.CONTRADICTED}
        if two_way:
            pred = [Verdict.SUPPORTED if row[ent] >= row[con] else Verdict.CONTRADICTED for row in probs]
        else:
            pred = [as_verdict[int(np.argmax(row))] for row in probs]
        entry = score([p.label for p in pairs], pred, labels).model_dump(mode="json")
        entry["seconds"] = round(seconds, 3)
        entry["pairs_per_s"] = round(len(pairs) / seconds, 2) if seconds else None
        return {"name": name, "n": len(pairs), "labels": [str(x) for x in labels], "judges": {"nli_direct": entry},
                "notes": notes}

    # --- speed & memory --------------------------------------------------------------------------------

    def speed_sentences(self, n: int) -> tuple[list[str], str]:
        """n distinct sentences: Climate-FEVER evidence first, then WiCE article sentences if needed."""
        seen: dict[str, None] = {}
        for c in loaders.climate_fever_claims(self.cfg.bench_dir / "climate-fever" / "climate-fever.jsonl"):
            for e in c.evidences:
                seen.setdefault(e.sentence.strip(), None)
        n_cf = len(seen)
        if len(seen) < n:
            for item in loaders.wice_dev(self.cfg.bench_dir / "wice" / "dev.jsonl"):
                for s in item.sentences:
                    if len(s.strip()) >= 20:
                        seen.setdefault(s.strip(), None)
                if len(seen) >= n:
                    break
        sents = list(seen)[:n]
        if len(sents) < n:
            note = f"only {len(sents)} distinct sentences available (capped)"
        elif n > n_cf:
            note = f"{n_cf} Climate-FEVER sentences + {n - n_cf} WiCE dev article sentences"
        else:
            note = "Climate-FEVER evidence sentences"
        return sents, note

    def speed_runtimes(self) -> list[tuple[str, Models]]:
        """The runtimes compared side by side: torch and ONNX for real models, the injected models as they are."""
        if self.models.embedder is not None or self.models.nli is not None:
            return [("injected", self.models)]
        return [(rt, Models(nli_model=self.models.nli_model, runtime=rt)) for rt in self.cfg.speed_runtimes]

    def bench_speed(self) -> dict:
        from factcheck.ingest.claims import extract_claims
        from factcheck.ingest.read import document_from_text

        cfg = self.cfg
        claims_cf = [c.claim for c in loaders.climate_fever_claims(cfg.bench_dir / "climate-fever" / "climate-fever.jsonl")]
        statements = claims_cf[: max(cfg.speed_statements, 8)]
        runtimes = self.speed_runtimes()
        for _, models in runtimes:  # load spaCy and each runtime's models (exporting ONNX once) before timing
            self.variant(self.build({"warm-up": "A first sentence to warm up. And a second one."}, models), "pipeline",
                         models).check(statements[0])
        sizes = []
        for n in cfg.speed_sizes:
            sents, note = self.speed_sentences(n)
            docs = {f"s{i}": s for i, s in enumerate(sents)}
            t0 = time.perf_counter()  # claim extraction is the same spaCy work for every runtime: done once
            claims = list(extract_claims(document_from_text(t, doc_id) for doc_id, t in docs.items()))
            extract_s = time.perf_counter() - t0
            row = {"sentences": len(sents), "claims": len(claims), "source": note,
                   "extract_seconds": round(extract_s, 3), "runtimes": {}}
            batch = claims_cf[: cfg.speed_batch_statements] if n == max(cfg.speed_sizes) else None
            for rt, models in runtimes:
                row["runtimes"][rt] = self._speed_row(claims, docs, extract_s, statements, batch, models, rt)
                cfg.log(f"  speed n={n} {rt}: {row['runtimes'][rt]}")
            sizes.append(row)
        pairs = [(p.premise, p.hypothesis) for p in loaders.climate_fever_pairs(
            cfg.bench_dir / "climate-fever" / "climate-fever.jsonl", limit=cfg.nli_pairs)]
        short = [(p.premise, p.hypothesis) for p in loaders.fever_symmetric_dev(
            cfg.bench_dir / "fever-symmetric" / "fever_symmetric_dev.jsonl", limit=cfg.nli_pairs)]
        throughput: dict[str, dict] = {}
        for rt, models in runtimes:
            nli = models.get_nli()
            nli.predict(pairs[:32], batch_size=32)  # warm-up
            throughput[rt] = {}
            for name, these in (("climate_fever", pairs), ("fever_symmetric", short)):
                t0 = time.perf_counter()
                nli.predict(these, batch_size=32)
                throughput[rt][name] = {"pairs": len(these), "mean_tokens": _mean_tokens(nli, these),
                                        "pairs_per_s": round(len(these) / (time.perf_counter() - t0), 1)}
        return {"name": "Speed and memory", "runtimes": [rt for rt, _ in runtimes], "sizes": sizes,
                "statements": "Climate-FEVER claims", "nli_pairs": len(pairs), "nli_throughput_batch32": throughput,
                "peak_rss_mib": _peak_rss_mib(resource.RUSAGE_SELF), "cpu_count": os.cpu_count(),
                "load_average_1min": round(os.getloadavg()[0], 2),
                "notes": ["Each runtime (torch: transformers + sentence-transformers; onnx: ONNX Runtime + tokenizers) "
                          "runs the same statements on the same index contents, back to back in one process.",
                          "Warm latency: one checker.check() per statement after a warm-up call, full pipeline.",
                          "Index build: claim extraction (spaCy, measured once, the same for both runtimes) + "
                          "embedding + FAISS, one document per sentence.",
                          f"Batch: `run_batch` (what `factcheck batch` runs) over a CSV of "
                          f"{cfg.speed_batch_statements} Climate-FEVER claims, on the largest corpus.",
                          "Peak RSS is the process high-water mark after each size (sizes run ascending)."]}

    def _speed_row(self, claims, docs, extract_s: float, statements: list[str], batch: list[str] | None,
                   models: Models, runtime: str) -> dict:
        from factcheck.checker import Checker, make_judge
        from factcheck.retrieval.index import ClaimIndex
        from factcheck.settings import get_settings

        cfg, embedder = self.cfg, models.get_embedder()
        t0 = time.perf_counter()
        index = ClaimIndex.build(claims, embedder)
        embed_s = time.perf_counter() - t0
        settings = get_settings(judge="similarity", top_k=cfg.k)
        checker = self.variant(Checker(index, embedder, make_judge(settings), settings), "pipeline", models)
        checker.check(statements[0])  # warm-up: first-batch allocations
        lat = []
        for s in statements[: cfg.speed_statements]:
            t0 = time.perf_counter()
            checker.check(s)
            lat.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(checker.check_many(statements))
        many_s = time.perf_counter() - t0
        build_s = extract_s + embed_s
        row = {"index_build_seconds": round(build_s, 3), "embed_seconds": round(embed_s, 3),
               "index_build_sentences_per_s": round(len(docs) / build_s, 1),
               "embed_claims_per_s": round(len(claims) / embed_s, 1) if embed_s else None,
               "check_latency_p50_ms": round(float(np.percentile(lat, 50)) * 1000, 1),
               "check_latency_p95_ms": round(float(np.percentile(lat, 95)) * 1000, 1),
               "batch_statements": len(statements), "batch_statements_per_s": round(len(statements) / many_s, 2)}
        if batch:
            row["csv_batch"] = self._csv_batch(checker, batch)
        row["peak_rss_mib_so_far"] = _peak_rss_mib(resource.RUSAGE_SELF)
        if cfg.cold_cli:
            row["cold_cli"] = self.cold_cli(checker, docs, statements[0], runtime=runtime)
        return row

    def _csv_batch(self, checker, statements: list[str]) -> dict:
        """Statements/s of `run_batch` (the `factcheck batch` library call) over a CSV of `statements`."""
        import csv

        from factcheck.apps.batch import run_batch

        with tempfile.TemporaryDirectory(prefix="fc-batch-") as tmp:
            src, out = Path(tmp) / "statements.csv", Path(tmp) / "results.csv"
            with open(src, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(["statement"])
                writer.writerows([s] for s in statements)
            t0 = time.perf_counter()
            summary = run_batch(str(src), str(out), checker)
            seconds = time.perf_counter() - t0
        return {"statements": len(statements), "seconds": round(seconds, 2), "errors": summary.errors,
                "statements_per_s": round(len(statements) / seconds, 2)}

    def cold_cli(self, base, docs: dict[str, str], statement: str, runtime: str | None = None) -> dict:
        """Wall time and peak RSS of a fresh `factcheck check --corpus NAME` process on a prebuilt index.

        The index just built in memory (`base`) is saved as corpus "bench" of a scratch FACTCHECK_HOME,
        so the subprocess measures loading and checking only, not a second ingestion.
        """
        exe = shutil.which("factcheck") or str(Path(sys.executable).parent / "factcheck")
        with tempfile.TemporaryDirectory(prefix="fc-bench-") as tmp:
            home = Path(tmp)
            (home / "seeds").mkdir()
            save_index(base.index, docs, "bench", get_settings(home=home))
            env = {**os.environ, "FACTCHECK_HOME": str(home)}
            if self.models.nli_model:
                env["FACTCHECK_NLI_MODEL"] = self.models.nli_model
            if runtime in ("auto", "onnx", "torch"):
                env["FACTCHECK_RUNTIME"] = runtime
            cmd = [exe, "check", statement, "--corpus", "bench", "--format", "json"]
            # GNU time measures the child alone; wait4 on our own child would count memory inherited by fork.
            gnu_time = Path("/usr/bin/time")
            if gnu_time.exists():
                cmd = [str(gnu_time), "-f", "%M", "-o", str(home / "rss.txt"), *cmd]
            t0 = time.perf_counter()
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
            wall = time.perf_counter() - t0
            out = {"wall_seconds": round(wall, 3), "returncode": proc.returncode, "peak_rss_mib": None}
            rss = home / "rss.txt"
            if rss.exists():
                last = [ln for ln in rss.read_text().splitlines() if ln.strip()][-1:]
                if last and last[0].strip().isdigit():
                    out["peak_rss_mib"] = round(int(last[0]) / 1024, 1)
            stderr = proc.stderr
            if proc.returncode:
                out["error"] = stderr.strip()[-300:]
            return out

    # --- driver ----------------------------------------------------------------------------------------

    def run(self) -> dict:
        names = list(self.cfg.only)
        unknown = [n for n in names if n not in DEFAULT_BENCHES + EXTRA_BENCHES]
        if unknown:
            raise ValueError(f"unknown benchmark(s) {unknown}; choose from {DEFAULT_BENCHES + EXTRA_BENCHES}")
        started = time.perf_counter()
        results: dict = {"meta": machine_info(self.models, self.cfg), "benchmarks": {}}
        partial, done = self.cfg.out_dir / "benchmarks.partial.json", {}
        results["meta"]["fusion"] = self._fusion()
        fingerprint = self._fingerprint()
        if self.cfg.resume and partial.exists():
            saved = json.loads(partial.read_text(encoding="utf-8"))
            if saved.get("fingerprint") == fingerprint:
                done = saved["benchmarks"]
                self.cfg.log(f"resuming: {', '.join(done) or 'nothing'} already done ({partial})")
            else:
                self.cfg.log(f"not resuming: {partial} was written with other settings")
        for name in names:
            if name in done:
                results["benchmarks"][name] = done[name]
                continue
            self.cfg.log(f"benchmark {name} ...")
            self._indexes.clear()
            t0 = time.perf_counter()
            section = getattr(self, f"bench_{name}")()
            section["wall_seconds"] = round(time.perf_counter() - t0, 2)
            results["benchmarks"][name] = section
            self.cfg.log(f"benchmark {name}: {section['wall_seconds']} s")
            write_atomic(partial, json.dumps({"fingerprint": fingerprint, "benchmarks": results["benchmarks"]},
                                             default=str))
        results["meta"]["total_seconds"] = round(time.perf_counter() - started, 2)
        results["meta"]["resumed_sections"] = sorted(set(done) & set(names))
        results["meta"]["peak_rss_mib"] = _peak_rss_mib(resource.RUSAGE_SELF)
        return results

    def _fingerprint(self) -> dict:
        c = self.cfg
        return {"limit": c.limit, "smoke": c.smoke, "k": c.k, "exhaustive_limit": c.exhaustive_limit,
                "exhaustive_items": c.exhaustive_items, "speed_sizes": list(c.speed_sizes),
                "speed_runtimes": list(c.speed_runtimes), "runtime": self.models.runtime,
                "nli_model": self.models.nli_model, "bench_dir": str(c.bench_dir), "fusion": self._fusion(),
                "model_files": self._model_files()}

    def _model_files(self) -> dict[str, str]:
        """sha256 of the NLI folder's weights and fitted files (config, fusion.json, verdict_model.json): a
        retrained model or a refit verdict model must not resume sections measured with the old one."""
        import hashlib

        from factcheck.judge.nli import SHIPPED_MODEL_DIR

        folder = Path(self.models.nli_model or SHIPPED_MODEL_DIR)
        if self.models.nli is not None or not folder.is_dir():
            return {}
        return {f.name: hashlib.sha256(f.read_bytes()).hexdigest()[:16] for f in sorted(folder.iterdir())
                if f.suffix in (".safetensors", ".json")}

    def _fusion(self) -> dict:
        """The pipeline's fusion parameters: explicit settings over the NLI model's fusion.json over Settings."""
        from dataclasses import asdict

        from factcheck.judge.fusion import FusionConfig
        from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params
        from factcheck.settings import get_settings

        if self.models.nli is not None:
            params = getattr(self.models.nli, "fusion_params", None)
        else:
            folder = Path(self.models.nli_model or SHIPPED_MODEL_DIR)
            params = read_fusion_params(folder) if folder.is_dir() else {}
        return asdict(FusionConfig.from_settings(get_settings(), params))


def _mean_tokens(nli, pairs) -> float | None:
    """Mean tokens per (premise, hypothesis) pair after truncation, when the model can count them."""
    if not hasattr(nli, "token_counts") or not pairs:
        return None
    return round(float(np.mean(nli.token_counts(pairs))), 1)


def _peak_rss_mib(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # Linux reports KiB

"""The benchmark report: machine description, docs/BENCHMARKS.md tables and docs/benchmarks.json."""

from __future__ import annotations

import json
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

from factcheck.retrieval.index import write_atomic


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for pkg in ("factcheck", "torch", "transformers", "sentence-transformers", "faiss-cpu", "numpy", "spacy",
                "pydantic"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def machine_info(models, cfg) -> dict:
    nli = models.nli
    return {
        "date_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpu_model": _cpu_model(),
        "cpu_cores": os.cpu_count(),
        "affinity_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "torch_threads": _torch_threads(),
        "mem_total_gib": _mem_total_gib(),
        "platform": platform.platform(),
        "versions": _versions(),
        "embedder": getattr(models.embedder, "model_id", "factcheck.retrieval.embed.Embedder (default)"),
        "nli_model": getattr(nli, "name", None) or models.nli_model or "shipped (default)",
        "smoke": cfg.smoke,
        "limit": cfg.limit,
        "k": cfg.k,
        "bench_dir": str(cfg.bench_dir),
    }


def _torch_threads() -> int | None:
    try:
        import torch
    except ImportError:
        return None
    return torch.get_num_threads()


# --- report ----------------------------------------------------------------------------------------------


def _f(x, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _judge_table(section: dict) -> list[str]:
    labels = section["labels"]
    calibrated = any(e.get("ece") is not None for e in section["judges"].values())
    head = ["judge", "n", "accuracy", "macro-F1", *(f"F1 {lab}" for lab in labels), *(["ECE"] if calibrated else []),
            "recall@k", "seconds"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for j, e in section["judges"].items():
        cells = [j, str(e["n"]), _f(e["accuracy"]), _f(e["macro_f1"]),
                 *(_f(e["per_class"][lab]["f1"]) for lab in labels), *([_f(e.get("ece"))] if calibrated else []),
                 _f(e.get("evidence_recall_at_k")), _f(e.get("seconds"), 2)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _section_md(key: str, s: dict) -> list[str]:
    out = [f"### {s['name']}", ""]
    out += [f"- {n}" for n in s.get("notes", [])]
    out += ["", *_judge_table(s), ""]
    balanced = {j: e["balanced_accuracy"] for j, e in s["judges"].items() if "balanced_accuracy" in e}
    if balanced:
        out += ["Balanced accuracy: " + ", ".join(f"{j} {_f(b)}" for j, b in balanced.items()), ""]
    if s.get("domains"):
        cols = list(next(iter(s["domains"].values())))[1:]
        out += ["Balanced accuracy per domain:", "", "| domain | n | " + " | ".join(cols) + " |",
                "|" + "---|" * (len(cols) + 2)]
        out += [f"| {d} | {v['n']} | " + " | ".join(_f(v[c]) for c in cols) + " |" for d, v in s["domains"].items()]
        out += [""]
    if s.get("time_ratio_pipeline_vs_exhaustive") is not None:
        out += [f"Time ratio pipeline / exhaustive NLI: **{s['time_ratio_pipeline_vs_exhaustive']:.3f}**", ""]
    for orig, a in s.get("apart", {}).items():
        preds = "; ".join(f"{j}: {dict(sorted(c.items()))}" for j, c in a["predicted"].items())
        out += [f"Reported apart — **{orig}** (n={a['n']}), predicted verdicts: {preds}", ""]
    for sub in ("exhaustive_subset", "checker"):
        if sub in s:
            out += _section_md(sub, s[sub])
    return out


def render_markdown(results: dict, command: str) -> str:
    m = results["meta"]
    v = m["versions"]
    lines = ["# factcheck benchmarks", ""]
    if m["smoke"]:
        lines += ["**Smoke run: a handful of items per dataset. These figures check the harness and mean nothing.**",
                  ""]
    lines += [
        f"Run {m['date_utc']} on {m['cpu_model']}, {m['cpu_cores']} cores"
        f" ({m['affinity_cores']} usable, torch threads {m['torch_threads']}), {m['mem_total_gib']} GiB RAM,"
        f" {m['platform']}. Total {m.get('total_seconds')} s, peak RSS {m.get('peak_rss_mib')} MiB.",
        "",
        f"Models: embedder `{m['embedder']}`, NLI `{m['nli_model']}`. Retrieval k = {m['k']}.",
        "",
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()) + ".",
        "",
        f"Rerun: `{command}` (writes this file and `benchmarks.json`, which holds every figure). "
        "Smoke mode: `python -m benchmarks run --all --smoke`.",
        "",
        "Judges: **similarity** = similarity-only baseline (never says CONTRADICTED); **pipeline** = retrieval "
        "(top-k) + NLI + rules, the shipped configuration; **exhaustive** = NLI + rules on every sentence of the "
        "corpus, no retrieval (SummaC-style). **nli_direct** = the NLI model on the given pair. recall@k = "
        "evidence recall at k: the share of gold evidence sentences among the first k evidence items.",
        "",
        "Nothing was trained or tuned on these benchmarks (seed dev excepted: thresholds were chosen on it).",
        "",
        "## Accuracy",
        "",
    ]
    for key, s in results["benchmarks"].items():
        if key not in ("speed", "int8"):
            lines += _section_md(key, s)
    speed = results["benchmarks"].get("speed")
    if speed:
        lines += ["## Speed and memory", ""]
        lines += [f"- {n}" for n in speed["notes"]]
        if speed.get("load_average_1min") is not None:
            lines.append(f"- Machine load when the section ended: 1-minute load average {speed['load_average_1min']} "
                         f"on {speed.get('cpu_count')} CPUs (other processes share the cores: compare runtimes "
                         "within a row pair, not across runs).")
        lines += _speed_table(speed)
    if "int8" in results["benchmarks"]:
        from benchmarks.quantization import render

        lines += render(results["benchmarks"]["int8"])
    return "\n".join(lines).rstrip() + "\n"


def _speed_table(speed: dict) -> list[str]:
    head = ["sentences", "claims", "runtime", "build s", "build sent/s", "embed claims/s", "check p50 ms",
            "check p95 ms", "batch stmt/s", "CSV batch stmt/s", "cold CLI s", "cold CLI RSS MiB", "peak RSS MiB",
            "corpus"]
    lines = ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in speed["sizes"]:
        for rt, x in r["runtimes"].items():
            cli, csv_batch = x.get("cold_cli", {}), x.get("csv_batch", {})
            cold = _f(cli.get("wall_seconds"), 2) if "error" not in cli else "error (see json)"
            lines.append("| " + " | ".join([
                str(r["sentences"]), str(r["claims"]), rt, _f(x["index_build_seconds"], 2),
                _f(x["index_build_sentences_per_s"], 1), _f(x.get("embed_claims_per_s"), 1),
                _f(x["check_latency_p50_ms"], 1), _f(x["check_latency_p95_ms"], 1),
                _f(x["batch_statements_per_s"], 2), _f(csv_batch.get("statements_per_s"), 2), cold,
                _f(cli.get("peak_rss_mib"), 0), _f(x["peak_rss_mib_so_far"], 0), r["source"]]) + " |")
    names = {"climate_fever": "Climate-FEVER pairs", "fever_symmetric": "FEVER-Symmetric pairs"}
    lines += ["", "NLI throughput at batch 32:", ""]
    for rt, tp in speed["nli_throughput_batch32"].items():
        parts = [f"**{t['pairs_per_s']} pairs/s** on {t['pairs']} {names.get(k, k)}"
                 + (f" (mean {t['mean_tokens']} tokens)" if t.get("mean_tokens") else "") for k, t in tp.items()]
        lines.append(f"- {rt}: " + "; ".join(parts) + ".")
    lines += ["", "Cold CLI: wall time and peak RSS of a new `factcheck check STATEMENT --corpus NAME --format json` "
              "process (FACTCHECK_RUNTIME set to the row's runtime) on a prebuilt index of the same sentences "
              "(interpreter start and model loading included; ONNX exports already in the cache). Batch stmt/s: "
              "`check_many` over the warm-latency statements; CSV batch: see the notes. Peak RSS: this benchmark "
              "process's high-water mark so far.", ""]
    return lines


def write_report(results: dict, out_dir: Path, command: str) -> tuple[Path, Path]:
    json_path, md_path = out_dir / "benchmarks.json", out_dir / "BENCHMARKS.md"
    write_atomic(json_path, json.dumps(results, indent=2, default=str) + "\n")
    write_atomic(md_path, render_markdown(results, command))
    (out_dir / "benchmarks.partial.json").unlink(missing_ok=True)  # the run is complete
    return md_path, json_path

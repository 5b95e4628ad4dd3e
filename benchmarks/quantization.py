"""Dynamic int8 quantisation of the ONNX exports, measured against the fp32 export on bench pairs.

int8 would ship only where argmax agreement with fp32 is at least 99% (and seed dev is unchanged); bench data
only measures here, nothing is tuned on it. Run: `python -m benchmarks run --only int8`.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks import loaders

AGREEMENT_BAR = 0.99


def _head(name: str) -> bool:
    return "classifier" in name or "pooler" in name


def _ffn_output(name: str) -> bool:
    return "/output/dense" in name and "attention" not in name


# name → (per_channel, nodes kept in float)
VARIANTS: dict[str, tuple[bool, Callable[[str], bool] | None]] = {
    "per-tensor": (False, None),
    "per-channel": (True, None),
    "per-channel, head fp32": (True, _head),
    "per-channel, head + FFN output fp32": (True, lambda n: _head(n) or _ffn_output(n)),
}


def bench_pairs(bench_dir: Path, n: int) -> list[tuple[str, str]]:
    """n pairs: 35% Climate-FEVER, 35% FEVER-Symmetric, the rest HealthVer (long and short premises)."""
    cf = loaders.climate_fever_pairs(bench_dir / "climate-fever" / "climate-fever.jsonl", limit=int(n * 0.35))
    fs = loaders.fever_symmetric_dev(bench_dir / "fever-symmetric" / "fever_symmetric_dev.jsonl", limit=int(n * 0.35))
    pairs = [(p.premise, p.hypothesis) for p in [*cf, *fs]]
    hv = loaders.healthver_dev(bench_dir / "healthver" / "healthver_dev.csv", limit=n - len(pairs))
    return pairs + [(p.premise, p.hypothesis) for p in hv]


def _variant_dir(fp32: Path, out: Path, per_channel: bool, exclude) -> Path:
    from factcheck.runtime.artifacts import META_FILE, MODEL_FILE, TOKENIZER_FILE
    from factcheck.runtime.export import quantize_int8

    out.mkdir(parents=True)
    for name in (META_FILE, TOKENIZER_FILE):
        shutil.copy(fp32 / name, out / name)
    quantize_int8(fp32 / MODEL_FILE, out / MODEL_FILE, per_channel=per_channel, exclude=exclude)
    return out


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def measure(nli_dir: Path, embedder_dir: Path, bench_dir: Path, n_pairs: int, log) -> dict:
    """Agreement, probability drift, size and speed of each int8 variant vs fp32, for both models."""
    from factcheck.runtime.artifacts import MODEL_FILE
    from factcheck.runtime.export import export_model
    from factcheck.runtime.onnx import OnnxNLIModel, OnnxSentenceEncoder

    pairs = bench_pairs(bench_dir, n_pairs)
    result: dict = {"name": "int8 quantisation", "pairs": len(pairs), "bar": AGREEMENT_BAR, "nli": {}, "embedder": {}}
    with tempfile.TemporaryDirectory(prefix="fc-int8-") as tmp:
        root = Path(tmp)
        fp32 = export_model("nli", nli_dir, root / "nli-fp32", optimize=False)  # the quantizer needs plain ops
        base = OnnxNLIModel(fp32, name="fp32")
        ref, ref_s = _timed(lambda: base.predict(pairs))
        result["nli"]["fp32"] = {"mb": round((fp32 / MODEL_FILE).stat().st_size / 2**20, 1),
                                 "pairs_per_s": round(len(pairs) / ref_s, 1)}
        for i, (name, (per_channel, exclude)) in enumerate(VARIANTS.items()):
            path = _variant_dir(fp32, root / f"nli-int8-{i}", per_channel, exclude)
            got, secs = _timed(lambda path=path, name=name: OnnxNLIModel(path, name=name).predict(pairs))
            agree = float((got.argmax(1) == ref.argmax(1)).mean())
            result["nli"][name] = {"agreement": round(agree, 4), "max_prob_diff": round(float(np.abs(got - ref).max()), 4),
                                   "mean_prob_diff": round(float(np.abs(got - ref).mean()), 5),
                                   "mb": round((path / MODEL_FILE).stat().st_size / 2**20, 1),
                                   "pairs_per_s": round(len(pairs) / secs, 1), "passes": agree >= AGREEMENT_BAR}
            log(f"  int8 nli {name}: {result['nli'][name]}")
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))[:n_pairs]
        fp32 = export_model("embedder", embedder_dir, root / "emb-fp32", optimize=False)
        ref = OnnxSentenceEncoder(fp32).encode(texts)
        queries, corpus = ref[:200], ref[200:]
        top_ref = np.argsort(-(queries @ corpus.T), axis=1)[:, :5]
        for i, (name, (per_channel, exclude)) in enumerate(list(VARIANTS.items())[:2]):
            path = _variant_dir(fp32, root / f"emb-int8-{i}", per_channel, exclude)
            got = OnnxSentenceEncoder(path).encode(texts)
            top = np.argsort(-(got[:200] @ got[200:].T), axis=1)[:, :5]
            cos = (got * ref).sum(axis=1)
            result["embedder"][name] = {
                "texts": len(texts), "min_cosine": round(float(cos.min()), 4), "mean_cosine": round(float(cos.mean()), 5),
                "top5_overlap": round(float(np.mean([len(set(a) & set(b)) / 5 for a, b in zip(top, top_ref)])), 4),
                "top1_same": round(float((top[:, 0] == top_ref[:, 0]).mean()), 4),
                "passes": float(cos.min()) >= 0.999}
            log(f"  int8 embedder {name}: {result['embedder'][name]}")
    result["notes"] = [
        "Dynamic int8 (onnxruntime.quantization.quantize_dynamic, QInt8 weights, uint8 activations quantized per "
        "batch) of the unfused fp32 export; agreement is argmax agreement with that fp32 export, which itself agrees "
        "with torch (tests/test_onnx_agreement.py).",
        f"A variant ships only with agreement >= {AGREEMENT_BAR:.0%} (NLI) or cosine >= 0.999 on every text "
        "(embedder); the runtime uses fp32 otherwise."]
    return result


def render(section: dict) -> list[str]:
    lines = [f"## {section['name']}", ""] + [f"- {n}" for n in section["notes"]]
    lines += ["", f"NLI model, {section['pairs']} bench pairs:", "",
              "| variant | argmax agreement | max prob diff | mean prob diff | MB | pairs/s | ships |", "|---|---|---|---|---|---|---|"]
    for name, r in section["nli"].items():
        if name == "fp32":
            lines.append(f"| fp32 | 1 | 0 | 0 | {r['mb']} | {r['pairs_per_s']} | yes |")
            continue
        lines.append(f"| {name} | {r['agreement']:.4f} | {r['max_prob_diff']} | {r['mean_prob_diff']} | {r['mb']} | "
                     f"{r['pairs_per_s']} | {'yes' if r['passes'] else 'no'} |")
    lines += ["", "Embedder:", "", "| variant | texts | min cosine | mean cosine | top-5 overlap | top-1 same | ships |",
              "|---|---|---|---|---|---|---|"]
    for name, r in section["embedder"].items():
        lines.append(f"| {name} | {r['texts']} | {r['min_cosine']} | {r['mean_cosine']} | {r['top5_overlap']} | "
                     f"{r['top1_same']} | {'yes' if r['passes'] else 'no'} |")
    return lines + [""]

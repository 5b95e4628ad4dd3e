"""The build step: export a safetensors model to ONNX for the torch-free runtime (`factcheck.runtime.onnx`).

Reproducible from the model folder alone: the same weights give the same graph (TorchScript tracing of the eager
attention, opset 17, then ONNX Runtime's BERT fusions: Attention, SkipLayerNormalization, BiasGelu,
EmbedLayerNormalization). Needs torch and transformers, which stay installed for training; the check path
never imports this module unless an export is missing or stale.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from factcheck.errors import ModelError
from factcheck.runtime.artifacts import (
    EXPORT_FORMAT,
    META_FILE,
    MODEL_FILE,
    TOKENIZER_FILE,
    export_dir,
    source_fingerprint,
    stale_reason,
)

OPSET = 17
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


def ensure_export(kind: str, model_dir: str | Path, log: Callable[[str], None] | None = None,
                  root: Path | None = None, force: bool = False) -> Path:
    """The folder of a valid export of `model_dir`, exporting it first when it is missing or stale (or `force`).

    Concurrent processes wait on a lock, so one exports and the others reuse its result. Without `log`, the
    one-time export (~30 s) is announced on stderr, so a first `check` does not look hung.
    """
    from filelock import FileLock

    if log is None:
        def log(message: str) -> None:
            print(message, file=sys.stderr, flush=True)

    target = export_dir(kind, model_dir, root)
    if not force and stale_reason(target, kind, model_dir) is None:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.parent / f".{target.name}.lock")):
        reason = "forced" if force else stale_reason(target, kind, model_dir)
        if reason is None:  # another process exported it while we waited
            return target
        log(f"exporting the {kind} model {model_dir} to ONNX ({reason}); this happens once…")
        t0 = time.perf_counter()
        export_model(kind, model_dir, target)
        log(f"exported to {target} in {time.perf_counter() - t0:.0f} s")
    return target


def export_model(kind: str, model_dir: str | Path, out_dir: str | Path, optimize: bool = True) -> Path:
    """Export `model_dir` (a BERT-style Hugging Face folder) to `out_dir`, replacing what is there.

    kind "nli": a sequence classifier, output `logits` (batch, labels). kind "embedder": a sentence-transformers
    folder, output `last_hidden_state` (batch, tokens, hidden); pooling and normalization run in numpy, as
    recorded in export.json. The folder is written beside `out_dir` and renamed into place, so a reader never
    sees half an export.
    """
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    if not (model_dir / "config.json").is_file():
        raise ModelError(f"{model_dir}: no config.json; not a Hugging Face model folder")
    if not (model_dir / TOKENIZER_FILE).is_file():
        raise ModelError(f"{model_dir}: no {TOKENIZER_FILE}; the ONNX runtime needs a fast tokenizer file")
    fingerprint = source_fingerprint(model_dir)  # before loading: what we export is what we recorded
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}.tmp-"))
    try:
        meta = _export_graph(kind, model_dir, tmp, optimize)
        shutil.copyfile(model_dir / TOKENIZER_FILE, tmp / TOKENIZER_FILE)
        meta.update(format=EXPORT_FORMAT, kind=kind, source=str(model_dir.resolve()), source_sha256=fingerprint)
        (tmp / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
            os.replace(out_dir, old)
            shutil.rmtree(old, ignore_errors=True)
        tmp.chmod(0o755)  # mkdtemp makes it private; the export is as readable as the model it came from
        os.replace(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def _export_graph(kind: str, model_dir: Path, out: Path, optimize: bool) -> dict:
    import onnxruntime
    import torch

    from factcheck.retrieval.embed import quiet_hf

    quiet_hf()
    import transformers

    config = transformers.AutoConfig.from_pretrained(str(model_dir))
    # Eager attention traces to the plain MatMul/Softmax pattern that ONNX Runtime fuses into one Attention op.
    cls = transformers.AutoModelForSequenceClassification if kind == "nli" else transformers.AutoModel
    try:
        model = cls.from_pretrained(str(model_dir), dtype=torch.float32, attn_implementation="eager").eval()
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load {model_dir} for export: {exc}".splitlines()[0]) from exc
    uses_types = getattr(config, "type_vocab_size", 0) > 0
    names = list(INPUT_NAMES if uses_types else INPUT_NAMES[:2])
    output = "logits" if kind == "nli" else "last_hidden_state"

    class Graph(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, *inputs):
            return getattr(self.inner(**dict(zip(names, inputs))), output)

    example = torch.tensor([[101, 2023, 2003, 102, 0], [101, 2178, 102, 0, 0]], dtype=torch.long)
    args = (example, (example > 0).long(), torch.zeros_like(example))[: len(names)]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes[output] = {0: "batch"} if kind == "nli" else {0: "batch", 1: "tokens"}
    raw = out / "raw.onnx"
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow on shapes
        torch.onnx.export(Graph(model), args, str(raw), dynamo=False, input_names=names, output_names=[output],
                          dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True)
    fused = {}
    if optimize and config.model_type == "bert":
        fused = _fuse_bert(raw, out / MODEL_FILE, config)
        raw.unlink()
    else:
        os.replace(raw, out / MODEL_FILE)
    meta = {"inputs": names, "output": output, "opset": OPSET, "fused_ops": fused,
            "torch": torch.__version__, "transformers": transformers.__version__,
            "onnxruntime": onnxruntime.__version__, "hidden_size": int(config.hidden_size),
            "pad_token_id": int(config.pad_token_id or 0)}
    if kind == "nli":
        meta["id2label"] = {str(k): str(v) for k, v in config.id2label.items()}
        meta["max_length"] = 256
    else:
        meta.update(_sentence_transformers_config(model_dir, config))
    return meta


def _fuse_bert(src: Path, dst: Path, config) -> dict[str, int]:
    """ONNX Runtime's offline BERT fusions; returns the count of each fused op."""
    from onnxruntime.transformers import optimizer

    opt = optimizer.optimize_model(str(src), model_type="bert", num_heads=int(config.num_attention_heads),
                                   hidden_size=int(config.hidden_size), opt_level=1)
    opt.save_model_to_file(str(dst))
    return {k: int(v) for k, v in opt.get_fused_operator_statistics().items() if v}


def _sentence_transformers_config(model_dir: Path, config) -> dict:
    """max_seq_length, pooling and normalization of a sentence-transformers folder (only mean/CLS pooling)."""
    st = json.loads((model_dir / "sentence_bert_config.json").read_text()) \
        if (model_dir / "sentence_bert_config.json").is_file() else {}
    modules = json.loads((model_dir / "modules.json").read_text()) if (model_dir / "modules.json").is_file() else []
    types = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    pooling = "mean"
    pool_cfg = model_dir / "1_Pooling" / "config.json"
    if pool_cfg.is_file():
        p = json.loads(pool_cfg.read_text())
        modes = [k for k, v in p.items() if k.startswith("pooling_mode_") and v]
        if modes == ["pooling_mode_mean_tokens"]:
            pooling = "mean"
        elif modes == ["pooling_mode_cls_token"]:
            pooling = "cls"
        else:
            raise ModelError(f"{pool_cfg}: pooling {modes} is not supported by the ONNX runtime (mean or CLS)")
    unknown = [t for t in types if t not in ("Transformer", "Pooling", "Normalize")]
    if unknown:
        raise ModelError(f"{model_dir}: modules {unknown} are not supported by the ONNX runtime")
    if st.get("do_lower_case"):
        raise ModelError(f"{model_dir}: do_lower_case is not supported by the ONNX runtime")
    max_len = int(st.get("max_seq_length") or min(512, int(config.max_position_embeddings)))
    return {"max_length": max_len, "pooling": pooling, "normalize": "Normalize" in types or not modules}


def quantize_int8(src: str | Path, dst: str | Path, per_channel: bool = True,
                  exclude: Callable[[str], bool] | None = None) -> Path:
    """Dynamic int8 quantisation of an (unfused) export's MatMul/Gemm weights, for measurement.

    `exclude(node_name)` keeps matching nodes in float (e.g. the classifier head). Not used at run time: on the
    shipped NLI model no variant reached 99% argmax agreement with fp32 (docs/BENCHMARKS.md).
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(src))
    skip = [n.name for n in model.graph.node if n.op_type in ("MatMul", "Gemm") and exclude and exclude(n.name)]
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=per_channel,
                     nodes_to_exclude=skip)
    return Path(dst)

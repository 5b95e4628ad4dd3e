"""Model runtimes: the shipped models run with ONNX Runtime, from files exported out of their safetensors.

- `artifacts`: where exports live (a per-user cache), how a stale export is recognised (the source weights'
  sha256 recorded beside it), file hashing cached by size and mtime. Imports nothing heavy.
- `export`: the build step, torch → ONNX (+ ONNX Runtime's BERT fusions); imports torch and transformers.
- `onnx`: the run-time side, ONNX Runtime + `tokenizers`; never imports torch.
"""

"""Start-up stays instant: help, listing corpora and usage errors import no model library, and spaCy's import
no longer drags torch in (each run in a fresh interpreter, since this test process has imported them all)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from conftest import SEED

HEAVY = ("torch", "transformers", "sentence_transformers", "spacy", "thinc", "faiss", "onnxruntime", "tokenizers")

PROBE = """
import json, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["factcheck", *json.loads(sys.argv[1])]
from factcheck.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
loaded = [m for m in heavy if m in sys.modules]
print("PROBE " + json.dumps({"code": code, "loaded": loaded}))
"""


def _probe(args: list[str], env=None) -> dict:
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)], capture_output=True,
                          text=True, timeout=120, env=env)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("PROBE ")), None)
    assert line, proc.stdout + proc.stderr
    return json.loads(line[len("PROBE "):])


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory):
    """A FACTCHECK_HOME whose seed corpus is already built (building it needs spaCy, listing it must not)."""
    from factcheck.retrieval.corpus import ensure_seed
    from factcheck.settings import get_settings

    home = tmp_path_factory.mktemp("home")
    (home / "seeds").mkdir()
    shutil.copy(SEED, home / "seeds" / SEED.name)
    ensure_seed(get_settings(home=home))
    return home


@pytest.mark.parametrize("args, code", [
    (["--help"], 0),
    (["nli", "export-onnx", "--help"], 0),
    (["check"], 2),  # missing statement
    (["check", "--top-k", "0", "Colombia signed it."], 2),  # bad option value
    (["no-such-command"], 2),
])
def test_help_and_usage_errors_import_no_model_library(args, code):
    result = _probe(args)
    assert result == {"code": code, "loaded": []}


def test_corpus_list_imports_no_model_library(seeded_home, monkeypatch):
    import os

    result = _probe(["corpus", "list"], env={**os.environ, "FACTCHECK_HOME": str(seeded_home)})
    assert result == {"code": 0, "loaded": []}


def test_spacy_loads_without_torch_once_the_cli_is_imported():
    code = """
import sys
import factcheck.cli
from factcheck.ingest.nlp import parse
doc = parse("Petro did not meet Biden in Bogota in 2023.")
assert [e.text for e in doc.ents], "the pipeline still tags entities"
assert any(t.dep_ == "neg" for t in doc), "and parses"
assert "torch" not in sys.modules, "spaCy pulled torch in"
import torch  # still importable afterwards, for training and --nli-model
print("ok", torch.__version__)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("ok")

"""The shipped models on ONNX Runtime agree with torch (slow: exports and loads the real models, ~1 min cold).

Pairs and sentences are fixed here (seed article and hand-written), never bench data. The 2,000-pair bench
agreement is measured by `python -m benchmarks.runtime_agreement` (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import SEED

pytestmark = pytest.mark.slow

HYPOTHESES = [
    "Colombia and the United States are allies.",
    "The Farc demobilized in 2016.",
    "The United States cut all aid to Colombia.",
    "Petro is the president of Colombia.",
    "Nobody in Washington commented on the decision.",
    "The alliance was signed in 1999.",
]


@pytest.fixture(scope="module")
def seed_sentences(nlp):
    text = SEED.read_text(encoding="utf-8")
    sents = [s.text.strip() for s in nlp(text).sents if len(s.text.strip()) > 20]
    return sents[:40]


@pytest.fixture(scope="module")
def nli_pair():
    from factcheck.judge.nli import load_nli

    return load_nli(runtime="torch"), load_nli(runtime="onnx")


def test_shipped_nli_on_onnx_agrees_with_torch(nli_pair, seed_sentences):
    torch_model, onnx_model = nli_pair
    pairs = [(s, h) for s in seed_sentences[:20] for h in HYPOTHESES[:3]] + [
        ("A man is playing a guitar on stage.", "Nobody is playing an instrument."),
        ("The Farc guerrilla group demobilized in 2016.", "The Farc demobilized."),
        (" ".join(seed_sentences), HYPOTHESES[0]),  # longer than max_length: truncated the same way
    ]
    expected, got = torch_model.predict(pairs), onnx_model.predict(pairs)
    assert (expected.argmax(1) == got.argmax(1)).all()
    assert float(np.abs(expected - got).max()) < 1e-3
    assert len(set(expected.argmax(1))) == 3  # all three labels occur, so agreement is not trivial


def test_bundled_embedder_on_onnx_agrees_with_sentence_transformers(seed_sentences):
    from factcheck.retrieval.embed import Embedder

    texts = seed_sentences + HYPOTHESES + ["", " ".join(seed_sentences)]
    a, b = Embedder(runtime="onnx").encode(texts), Embedder(runtime="torch").encode(texts)
    assert float((a * b).sum(axis=1).min()) >= 0.999
    # retrieval order is what the index uses the vectors for
    assert ((a[-8:-2] @ a[:40].T).argmax(1) == (b[-8:-2] @ b[:40].T).argmax(1)).all()


def test_check_on_onnx_does_not_import_torch(tmp_path, nli_pair):
    import shutil

    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    code = (
        "import sys, json\n"
        "sys.argv = ['factcheck', 'check', 'Colombia and the United States are allies.', '--format', 'json']\n"
        "from factcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print('LOADED ' + json.dumps([m for m in ('torch', 'transformers', 'sentence_transformers') "
        "if m in sys.modules]))\n"
    )
    env = {**os.environ, "FACTCHECK_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout[: proc.stdout.rindex("LOADED")])
    assert result["verdict"] in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO", "CONFLICTED")
    assert json.loads(proc.stdout.split("LOADED ")[-1]) == []

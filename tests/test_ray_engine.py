"""`--engine ray` (factcheck.apps.ray_engine): the same output as the local engine, order kept, resumable.

One private Ray instance (2 CPUs) serves the whole module. The workers use the fake models of conftest,
shipped to them by value, so these tests load no real model and take about a minute; the slow test at the
end kills a real `factcheck batch --engine ray` and resumes it.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

import conftest  # noqa: E402
from conftest import REPO, SEED, FakeEmbedder, FakeNLI  # noqa: E402

from factcheck.apps.batch import LocalEngine, run_batch  # noqa: E402
from factcheck.apps.ray_engine import RayBatchEngine, RayIngestEngine, start_ray  # noqa: E402
from factcheck.checker import Checker  # noqa: E402
from factcheck.errors import InputError  # noqa: E402

STATEMENTS = [
    "The United States gave Colombia more than $400 million in aid in 2024.",
    "Gustavo Petro is the president of Colombia.",
    "",  # an ERROR row: nothing to check
    "Colombia has never received any aid from the United States.",
    "The alliance between Colombia and the US dates back decades.",
    "Donald Trump praised Gustavo Petro's drug policy.",
    "x" * 2000,  # an ERROR row: longer than max_statement_chars
    "Cocaine production in Colombia has fallen to a record low.",
] * 5


def _fake_checker() -> Checker:
    return Checker.from_texts({"seed": SEED.read_text(encoding="utf-8")}, embedder=FakeEmbedder(), nli=FakeNLI())


@pytest.fixture(scope="module")
def ray_instance():
    ray.cloudpickle.register_pickle_by_value(conftest)  # the workers cannot import the tests folder
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    start_ray(ray, dict(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
                        object_store_memory=256 * 1024**2))
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    yield
    ray.shutdown()


def _input(tmp_path: Path) -> Path:
    src = tmp_path / "claims.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "statement"])
        w.writerows([i, s] for i, s in enumerate(STATEMENTS))
    return src


def test_ray_batch_writes_the_local_output_row_for_row(ray_instance, tmp_path):
    src = _input(tmp_path)
    local, remote = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    a = run_batch(str(src), str(local), _fake_checker)
    b = run_batch(str(src), str(remote), _fake_checker, engine=RayBatchEngine(workers=2))
    assert remote.read_bytes() == local.read_bytes()  # (CSV output: the resume tests below)
    assert (b.rows, b.errors, b.verdicts) == (a.rows, a.errors, a.verdicts)
    assert a.rows == len(STATEMENTS) and a.errors == 10  # the empty and the over-long rows, 5 times each
    assert not list(tmp_path.glob("*.partial*"))


class _Interrupted(Exception):
    pass


class _DiesAfter:
    """An engine that passes on `n` chunks of another, then fails as a killed run would."""

    def __init__(self, engine, n: int):
        self.engine, self.n = engine, n

    def prepare(self, checker):
        self.engine.prepare(checker)

    def check(self, chunks, column, source):
        for i, item in enumerate(self.engine.check(chunks, column, source)):
            if i == self.n:
                raise _Interrupted
            yield item


@pytest.mark.parametrize("first", ["ray", "local"])
def test_interrupted_batch_resumes_on_ray_without_loss_or_duplicates(ray_instance, tmp_path, first):
    src = _input(tmp_path)
    expected, out = tmp_path / "expected.csv", tmp_path / "out.csv"
    run_batch(str(src), str(expected), _fake_checker)
    engine = RayBatchEngine(workers=2) if first == "ray" else LocalEngine()
    with pytest.raises(_Interrupted):
        run_batch(str(src), str(out), _fake_checker, engine=_DiesAfter(engine, 1))
    assert (tmp_path / "out.csv.partial").exists() and not out.exists()
    summary = run_batch(str(src), str(out), _fake_checker, resume=True, engine=RayBatchEngine(workers=2))
    assert summary.skipped == 16 and summary.rows == len(STATEMENTS) - 16
    assert out.read_bytes() == expected.read_bytes()


def test_ray_batch_needs_a_factory_and_one_worker():
    with pytest.raises(InputError, match="at least 1"):
        RayBatchEngine(workers=0)
    with pytest.raises(InputError, match="factory"):
        RayBatchEngine().prepare(_fake_checker())


def test_ray_ingest_gives_the_local_corpus(ray_instance, home, tmp_path):
    from factcheck.retrieval.corpus import ingest, load_index
    from factcheck.settings import get_settings

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "notes.md").write_text("# Notes\n\nBogotá hosted the talks in March. Nobody signed anything.\n",
                                   encoding="utf-8")
    (docs / "page.html").write_text("<p>The embassy said the aid &mdash; about $400 million &mdash; would continue."
                                    "</p><script>ignored()</script>", encoding="utf-8")
    settings = get_settings()
    a = ingest([docs], "local", settings, embedder=FakeEmbedder())
    b = ingest([docs], "viaray", settings, embedder=FakeEmbedder(), engine=RayIngestEngine(workers=2))
    assert (a.document_count, a.claim_count) == (b.document_count, b.claim_count) == (3, a.claim_count)
    ia, ib = load_index("local", settings, FakeEmbedder()), load_index("viaray", settings, FakeEmbedder())

    def strip(claims):  # the stored copy's path names the corpus
        return [c.model_dump(exclude={"source"}) for c in claims]

    assert strip(ia.claims) == strip(ib.claims)
    queries = FakeEmbedder().encode(["aid of $400 million", "talks in Bogotá", "Petro and Trump"])
    assert [[(h.claim.id, round(h.similarity, 5)) for h in hits] for hits in ia.search(queries, 5)] == \
        [[(h.claim.id, round(h.similarity, 5)) for h in hits] for hits in ib.search(queries, 5)]
    # --add through Ray: one new document, the rest kept
    (docs / "extra.txt").write_text("The new agreement covers coffee exports.", encoding="utf-8")
    c = ingest([docs], "viaray", settings, mode="add", embedder=FakeEmbedder(), engine=RayIngestEngine(workers=2))
    assert c.added == ["extra"] and c.claim_count == b.claim_count + 1


def test_ray_ingest_refuses_no_index(home, tmp_path):
    from factcheck.retrieval.corpus import ingest
    from factcheck.settings import get_settings

    (tmp_path / "a.txt").write_text("A sentence about something.", encoding="utf-8")
    with pytest.raises(InputError, match="needs indexing"):
        ingest([tmp_path / "a.txt"], "x", get_settings(), index=False, engine=RayIngestEngine())


def test_cli_engine_options_are_checked_before_anything_starts(tmp_path):
    from click.testing import CliRunner

    from factcheck.cli import main

    src = _input(tmp_path)
    r = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "o.csv"), "--address", "auto"])
    assert r.exit_code == 2 and "--address needs --engine ray" in r.output
    r = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "o.html"), "--engine", "ray"])
    assert r.exit_code == 2 and ".csv or .jsonl" in r.output
    r = CliRunner().invoke(main, ["ingest", str(src), "-c", "x", "--engine", "ray", "--no-index"])
    assert r.exit_code == 2 and "--no-index" in r.output


def test_without_ray_installed_the_error_names_the_extra(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(InputError, match=r'pip install -e "\.\[ray\]"'):
        RayBatchEngine().prepare(_fake_checker)


@pytest.mark.slow
def test_killed_ray_batch_resumes_with_real_models(tmp_path):
    """SIGKILL a real `factcheck batch --engine ray` once rows are written; --resume completes it exactly."""
    rows = list(csv.DictReader(open(REPO / "tests" / "fixtures" / "dev" / "seed_own.csv", encoding="utf-8")))
    src = tmp_path / "in.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows * 2)
    exe = [str(Path(sys.executable).parent / "factcheck")]  # the console script, as a user runs it
    out, expected = tmp_path / "out.csv", tmp_path / "expected.csv"
    subprocess.run([*exe, "batch", str(src), "-o", str(expected)], check=True, capture_output=True)
    proc = subprocess.Popen([*exe, "batch", str(src), "-o", str(out), "--engine", "ray"], stderr=subprocess.DEVNULL,
                            start_new_session=True)
    partial_file = Path(str(out) + ".partial")
    deadline = time.time() + 300
    while time.time() < deadline and (not partial_file.exists() or partial_file.read_text().count("\n") < 20):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert partial_file.exists() and not out.exists()
    done = subprocess.run([*exe, "batch", str(src), "-o", str(out), "--engine", "ray", "--resume"],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    assert "kept from the previous run" in done.stderr
    assert out.read_bytes() == expected.read_bytes()  # one row per input row, in order, none twice


class _FlakyRay:
    """Stands in for the ray module: init fails `failures` times with `error`, then starts."""

    def __init__(self, failures, error):
        self.failures, self.error, self.inits, self.shutdowns = failures, error, 0, 0

    def init(self, **kwargs):
        self.inits += 1
        if self.inits <= self.failures:
            raise self.error

    def shutdown(self):
        self.shutdowns += 1


STARTUP = Exception("The current node timed out during startup. This could happen because some of the raylet "
                    "failed to startup or the GCS has become overloaded.")


def test_a_local_ray_that_times_out_starting_is_started_once_more():
    flaky = _FlakyRay(1, STARTUP)
    start_ray(flaky, {"num_cpus": 2})
    assert (flaky.inits, flaky.shutdowns) == (2, 1)


@pytest.mark.parametrize("failures, error, kwargs", [
    (2, STARTUP, {"num_cpus": 2}),  # twice: give up, say why
    (1, STARTUP, {"address": "ray://cluster:10001"}),  # a cluster is not ours to restart
    (1, RuntimeError("something else"), {"num_cpus": 2}),  # only the startup timeout is retried
    (1, ConnectionError("refused"), {"address": "ray://cluster:10001"}),
])
def test_other_ray_start_failures_are_not_retried(failures, error, kwargs):
    flaky = _FlakyRay(failures, error)
    with pytest.raises(type(error)):
        start_ray(flaky, kwargs)
    assert flaky.inits == min(failures, 2 if error is STARTUP and "address" not in kwargs else 1)

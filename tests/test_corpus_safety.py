"""Corpora on disk: add/replace/remove, locking, verification, leftovers, and ingests killed at any instant."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, FakeEmbedder

from factcheck.cli import main
from factcheck.retrieval import corpus as corpus_mod
from factcheck.retrieval import store
from factcheck.retrieval.index import sha256_file
from factcheck.settings import get_settings

SENTENCES = [
    "The council approved a budget of 12 million pounds in March 2023.",
    "The mayor opposed the plan during a long meeting.",
    "New bus lanes will open in the city centre next spring.",
    "The transport authority expects journeys to become faster.",
    "Residents asked for more trees along the main avenue.",
    "The budget also funds repairs to three old bridges.",
    "Critics said the consultation had been far too short.",
    "The opposition promised to review the scheme after the election.",
]


def run(*args):
    return CliRunner().invoke(main, list(args))


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def article(tag: str, n: int = 4) -> str:
    """A few paragraphs of distinct sentences; `tag` makes documents differ."""
    return "\n\n".join(f"In {tag}, {s[0].lower()}{s[1:]}" for s in (SENTENCES * 3)[:n]) + "\n"


def snapshot(home: Path, name: str):
    return store.read_snapshot(store.resolve(name, get_settings(home=home)))


def documents(home: Path, name: str) -> set[tuple[str, str]]:
    snap = snapshot(home, name)
    return set() if snap is None else {(Path(d["source"]).name, d["sha256"]) for d in snap.documents}


def wrong_citations(home: Path, name: str) -> int:
    """Load the corpus as `check` does (every hash verified), then count claims whose offsets do not slice
    their stored copy to the claim's sentence."""
    index = corpus_mod.load_index(name, get_settings(home=home), FakeEmbedder())
    texts: dict[str, str] = {}
    wrong = 0
    for c in index.claims:
        if c.source not in texts:
            texts[c.source] = (home / c.source).read_text(encoding="utf-8")
        wrong += texts[c.source][c.start_char : c.end_char] != c.sentence
    return wrong


def one_line_error(r, code: int) -> str:
    assert r.exit_code == code, r.output
    assert "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1, r.stderr
    return r.stderr


# --- create / add / replace / remove -------------------------------------------------------------------------

def test_an_existing_corpus_needs_add_or_replace(home, tmp_path):
    a = write(tmp_path / "a.txt", article("Leeds"))
    assert run("ingest", str(a), "--corpus", "city").exit_code == 0
    err = one_line_error(run("ingest", str(a), "--corpus", "city"), 2)
    assert "already exists" in err and "--add" in err and "--replace" in err
    r = run("ingest", str(a), "--corpus", "city", "--add", "--replace")
    assert r.exit_code == 2 and "--add and --replace exclude each other" in r.stderr
    assert run("ingest", str(a), "--corpus", "city", "--replace").exit_code == 0


def test_the_seed_corpus_is_only_replaced_on_request(home, tmp_path):
    a = write(tmp_path / "a.txt", article("Leeds"))
    for flags in ((), ("--add",)):
        err = one_line_error(run("ingest", str(a), "--corpus", "seed", *flags), 2)
        assert "default corpus" in err and "--replace" in err
    assert run("corpus", "list").exit_code == 0  # the seed still exists, untouched
    assert {n for n, _ in documents(home, "seed")} == {"bbc-mundo-us-colombia-alliance.txt"}
    assert run("ingest", str(a), "--corpus", "seed", "--replace").exit_code == 0
    assert {n for n, _ in documents(home, "seed")} == {"a.txt"}


class CountingEmbedder(FakeEmbedder):
    encoded: list[str] = []

    def encode(self, texts, batch_size=64, show_progress=False):
        CountingEmbedder.encoded.extend(texts)
        return super().encode(texts, batch_size, show_progress)


def test_add_update_skip_and_remove_round_trip(home, tmp_path, monkeypatch):
    import factcheck.retrieval.embed

    monkeypatch.setattr(factcheck.retrieval.embed, "Embedder", CountingEmbedder)
    a = write(tmp_path / "src" / "a.txt", article("Leeds"))
    b = write(tmp_path / "src" / "b.txt", article("York"))
    assert run("ingest", str(a), "--corpus", "city").exit_code == 0
    first = snapshot(home, "city")
    a_claims = first.manifest["claim_count"]

    CountingEmbedder.encoded = []
    r = run("ingest", str(tmp_path / "src"), "--corpus", "city", "--add")
    assert r.exit_code == 0, r.output
    assert f"unchanged {a}" in r.stderr and "1 added" in r.stderr
    assert CountingEmbedder.encoded and all("York" in t for t in CountingEmbedder.encoded)  # only b embedded
    snap = snapshot(home, "city")
    assert [d["doc_id"] for d in snap.documents] == ["a", "b"] and snap.manifest["index"]["next_id"] > a_claims
    assert snap.documents[0] == first.documents[0]  # a's entry, ingest time included, is kept as it was
    assert all(d["ingested_at"] and len(d["sha256"]) == 64 for d in snap.documents)

    write(a, article("Hull", 2))  # a changed: its claims are replaced, b is left alone
    CountingEmbedder.encoded = []
    r = run("ingest", str(a), str(b), "--corpus", "city", "--add")
    assert r.exit_code == 0 and "1 updated" in r.stderr and f"unchanged {b}" in r.stderr
    assert CountingEmbedder.encoded and all("Hull" in t for t in CountingEmbedder.encoded)
    claims = corpus_mod.load_claims("city", get_settings(home=home))
    assert {c.doc_id for c in claims} == {"a", "b"}
    assert not any("Leeds" in c.sentence for c in claims) and any("Hull" in c.sentence for c in claims)
    assert wrong_citations(home, "city") == 0

    r = run("ingest", str(a), "--corpus", "city", "--add")  # nothing new: no new generation
    assert r.exit_code == 0 and "nothing changed" in r.stderr
    assert snapshot(home, "city").generation == snap.generation[:-1] + str(int(snap.generation[-1]) + 1)

    b_copy = home / next(d["stored"] for d in snapshot(home, "city").documents if d["doc_id"] == "b")
    r = run("corpus", "remove", "city", "b")
    assert r.exit_code == 0 and "removed document 'b'" in r.stderr
    assert {d["doc_id"] for d in snapshot(home, "city").documents} == {"a"}
    assert not (home / "corpus" / "city" / b_copy).exists()
    assert wrong_citations(home, "city") == 0
    r = run("check", "Critics said the consultation had been far too short in York.", "-c", "city", "-f", "json")
    evidence = json.loads(r.stdout)["evidence"]
    assert evidence and not any("York" in e["sentence"] for e in evidence)

    one_line_error(run("corpus", "remove", "city", "nope"), 2)
    one_line_error(run("corpus", "remove", "city", "a"), 2)  # the only document: remove the corpus instead
    assert run("corpus", "remove", "city").exit_code == 0
    assert not (home / "corpus" / "city").exists() and "city" not in run("corpus", "list").stdout
    one_line_error(run("corpus", "remove", "city"), 2)


def test_same_text_under_another_name_is_not_ingested_twice(home, tmp_path):
    a = write(tmp_path / "a.txt", article("Leeds"))
    copy = write(tmp_path / "copy.txt", article("Leeds"))
    r = run("ingest", str(a), str(copy), "--corpus", "city")
    assert r.exit_code == 0 and "same text as document 'a'" in r.stderr
    assert [d["doc_id"] for d in snapshot(home, "city").documents] == ["a"]


# --- bad files in a folder -----------------------------------------------------------------------------------

def test_a_folder_ingest_skips_bad_files_and_says_so(home, tmp_path):
    src = tmp_path / "src"
    write(src / "good.txt", article("Leeds"))
    write(src / "empty.txt", "\n \n")
    write(src / "scan.pdf", b"%PDF-1.4 binary")
    write(src / "broken.txt", b"The council \xff\xfe met \xfa.\n" * 3)
    write(src / ".hidden.txt", "ignored")
    r = run("ingest", str(src), "--corpus", "city")
    assert r.exit_code == 4, r.output
    skipped = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")]
    assert sorted(ln.split(":")[0] for ln in skipped) == sorted(
        f"skipped {src / n}" for n in ("broken.txt", "empty.txt", "scan.pdf"))
    assert "empty" in r.stderr and "unsupported" in r.stderr and "UTF-8" in r.stderr
    assert {d["doc_id"] for d in snapshot(home, "city").documents} == {"good"}
    err = one_line_error(run("ingest", str(src / "empty.txt"), "--corpus", "other"), 2)
    assert "nothing to ingest" in err and "empty" in err


# --- verification --------------------------------------------------------------------------------------------

def test_a_changed_stored_copy_is_refused_until_repaired(home, tmp_path):
    a = write(tmp_path / "a.txt", article("Leeds"))
    assert run("ingest", str(a), "--corpus", "city").exit_code == 0
    stored = home / "corpus" / "city" / snapshot(home, "city").documents[0]["stored"]
    stored.write_text(stored.read_text().replace("Leeds", "Paris"))
    err = one_line_error(run("check", "The mayor opposed the plan.", "-c", "city"), 3)
    assert "does not match the sha256" in err and f"factcheck ingest {a} --corpus city --add" in err
    assert "problem" in json.loads(run("corpus", "show", "city", "-f", "json").stdout)
    r = run("ingest", str(a), "--corpus", "city", "--add")  # unchanged source: the copy is stored again
    assert r.exit_code == 0 and "unchanged" in r.stderr
    assert run("check", "The mayor opposed the plan.", "-c", "city").exit_code == 0
    assert wrong_citations(home, "city") == 0


@pytest.mark.parametrize("damage", ["truncate-claims", "truncate-manifest", "garbage-index", "current"])
def test_damaged_corpus_files_give_one_line_and_exit_3(home, tmp_path, damage):
    a = write(tmp_path / "a.txt", article("Leeds"))
    assert run("ingest", str(a), "--corpus", "city").exit_code == 0
    folder = snapshot(home, "city").folder
    target = {"truncate-claims": folder / "claims.jsonl", "truncate-manifest": folder / "manifest.json",
              "garbage-index": folder / "index.faiss", "current": home / "corpus" / "city" / "CURRENT"}[damage]
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2] if damage.startswith("truncate") else b"\x00garbage")
    err = one_line_error(run("check", "The mayor opposed the plan.", "-c", "city"), 3)
    assert "corpus 'city'" in err and "--replace" in err
    if damage in ("truncate-manifest", "current"):
        listing = run("corpus", "list")  # lists what it can read, the damaged corpus with its problem
        assert listing.exit_code == 0 and "city\tdamaged: corpus 'city'" in listing.stdout
        assert "seed\t" in listing.stdout
    else:
        assert "--replace" in json.loads(run("corpus", "show", "city", "-f", "json").stdout)["problem"]
    assert run("ingest", str(a), "--corpus", "city", "--replace").exit_code == 0  # the repair works
    assert wrong_citations(home, "city") == 0


def test_a_corpus_of_the_older_layout_asks_to_be_recreated(home, tmp_path):
    old = home / "corpus" / "old"
    write(old / "claims.jsonl", "{}\n")
    write(old / "sources.json", json.dumps({"sources": [{"path": "/data/report.txt"}]}))
    err = one_line_error(run("check", "The mayor opposed the plan.", "-c", "old"), 3)
    assert "older factcheck" in err and "factcheck ingest /data/report.txt --corpus old --replace" in err
    a = write(tmp_path / "a.txt", article("Leeds"))
    assert run("ingest", str(a), "--corpus", "old", "--replace").exit_code == 0
    assert not (old / "claims.jsonl").exists() and not (old / "sources.json").exists()


def test_the_embedding_weights_are_hashed_once_per_file_version(tmp_path, monkeypatch):
    from factcheck.retrieval import embed

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    weights = write(tmp_path / "w.bin", b"a" * 1000)
    first = embed._weights_sha256.__wrapped__(str(weights))
    assert (tmp_path / "cache" / "factcheck" / "weights-sha256.json").exists()
    st = weights.stat()
    write(weights, b"b" * 1000)  # same size; mtime put back: the cached hash is trusted, nothing is re-read
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert embed._weights_sha256.__wrapped__(str(weights)) == first
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched: hashed again
    assert embed._weights_sha256.__wrapped__(str(weights)) != first


# --- leftovers, locks, concurrency ---------------------------------------------------------------------------

def test_leftovers_of_interrupted_writes_are_removed_by_the_next_writer(home, tmp_path):
    a = write(tmp_path / "a.txt", article("Leeds"))
    assert run("ingest", str(a), "--corpus", "city").exit_code == 0
    root = home / "corpus" / "city"
    write(root / ".staging-dead" / "claims.jsonl", "x")
    write(root / "g-000009" / "manifest.json", "{")
    write(root / "docs" / "0123456789abcdef" / "orphan.txt", "x")
    write(home / "corpus" / "never" / ".staging-dead" / "claims.jsonl", "x")  # a first ingest that died
    write(home / "corpus" / ".removed-gone-1234" / "x", "x")
    write(home / "corpus" / "mine" / "notes.txt", "not a corpus: left alone")
    assert run("ingest", str(a), "--corpus", "other").exit_code == 0
    assert (home / "corpus" / "mine" / "notes.txt").exists()
    assert sorted(p.name for p in root.iterdir()) == ["CURRENT", "docs", snapshot(home, "city").generation]
    assert len(list((root / "docs").iterdir())) == 1
    assert not (home / "corpus" / "never").exists() and not (home / "corpus" / ".removed-gone-1234").exists()
    assert wrong_citations(home, "city") == 0


def test_a_second_writer_waits_or_fails_clearly(home, tmp_path):
    from filelock import FileLock

    a = write(tmp_path / "a.txt", article("Leeds"))
    lock = FileLock(str(home / "corpus" / ".city.lock"), thread_local=False)  # released by a timer thread
    (home / "corpus").mkdir(exist_ok=True)
    with lock:
        err = one_line_error(run("ingest", str(a), "--corpus", "city", "--wait", "0"), 3)
        assert "being written by another factcheck process" in err and "--wait" in err
    assert snapshot(home, "city") is None
    lock.acquire()
    threading.Timer(0.5, lock.release).start()
    r = run("ingest", str(a), "--corpus", "city", "--wait", "30")
    assert r.exit_code == 0 and "waiting up to 30 s" in r.stderr
    assert wrong_citations(home, "city") == 0


def _fork_cli(args: list[str], setup=None) -> int:
    """Run `factcheck ARGS` in a forked child (models and patches inherited; `setup()` runs first in the
    child); returns its pid."""
    pid = os.fork()
    if pid == 0:  # child
        code = 70
        try:
            if setup:
                setup()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            main(args, standalone_mode=False)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            code = 71
        finally:
            os._exit(code)
    return pid


def _exit_code(status: int) -> int:
    return os.waitstatus_to_exitcode(status)


def test_two_ingests_at_once_do_not_corrupt_the_corpus(home, tmp_path, nlp):
    one = [write(tmp_path / "one" / f"d{i}.txt", article(f"Leeds {i}")) for i in range(3)]
    two = [write(tmp_path / "two" / f"d{i}.txt", article(f"York {i}")) for i in range(3)]
    assert run("ingest", str(one[0]), "--corpus", "city").exit_code == 0
    pids = [_fork_cli(["ingest", str(tmp_path / src), "--corpus", "city", "--replace"]) for src in ("one", "two")]
    codes = [_exit_code(os.waitpid(pid, 0)[1]) for pid in pids]
    assert codes == [0, 0]  # the second waited for the first
    final = documents(home, "city")
    assert final in [{(p.name, sha256_file(p)) for p in src} for src in (one, two)]
    assert wrong_citations(home, "city") == 0


# --- killed ingests --------------------------------------------------------------------------------------------

def _wait_for_write(root: Path, proc, limit: float) -> float:
    """Poll until the ingest has started writing (a staging folder exists) or ended; returns when, from now."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit and not proc.done():
        if root.is_dir() and any(p.name.startswith(".staging-") for p in root.iterdir()):
            break
        time.sleep(0.001)
    return time.monotonic() - t0


def _kill_loop(home: Path, tmp_path: Path, points: int, spawn) -> dict:
    """Ingest into one corpus again and again, killing the ingest (SIGKILL) after a spread of delays; after
    each kill the corpus must be exactly the one before or the one asked for, with every citation right.

    Even kill points are timed from the start of the process; odd ones from the moment it starts writing the
    new version (its staging folder appears), so start-up time does not hide the write from the kills."""
    sets = [[write(tmp_path / k / f"{k}{i}.txt", article(f"{k} {i}", 6)) for i in range(4)] for k in ("A", "B")]
    assert run("ingest", str(tmp_path / "A"), "--corpus", "k").exit_code == 0

    def expected_after(args: list[str], before: set) -> set:
        if "--add" in args:
            return before | {(Path(args[1]).name, sha256_file(Path(args[1])))}
        return {(p.name, sha256_file(p)) for p in sets["AB".index(Path(args[1]).name)]}

    # An undisturbed run sets the spread of kill delays: its whole duration and its writing window.
    root = home / "corpus" / "k"
    t0 = time.monotonic()
    proc = spawn(["ingest", str(tmp_path / "B"), "--corpus", "k", "--replace"])
    until_write = _wait_for_write(root, proc, 120)
    assert proc() == 0
    duration = time.monotonic() - t0
    window = max(duration - until_write, 0.01)
    outcomes = {"old": 0, "new": 0, "wrong_citations": 0, "points": points}
    for i in range(points):
        before = documents(home, "k")
        if i % 3 == 2:
            args = ["ingest", str(write(tmp_path / "C" / f"c{i}.txt", article(f"C {i}"))), "--corpus", "k", "--add"]
        else:
            current = "A" if any(n.startswith("B") for n, _ in before) else "B"
            args = ["ingest", str(tmp_path / current), "--corpus", "k", "--replace"]
        proc = spawn(args)
        if i % 2:
            _wait_for_write(root, proc, 120)
            time.sleep(window * (i + 0.5) / points)
        else:
            time.sleep(duration * (i + 0.5) / points)
        proc.kill()
        proc()
        after = documents(home, "k")
        assert after in (before, expected_after(args, before)), f"kill point {i}: a mix of old and new"
        outcomes["old" if after == before else "new"] += 1
        outcomes["wrong_citations"] += wrong_citations(home, "k")
    # The next writer cleans whatever the killed ones left and finds the lock free.
    assert run("ingest", str(tmp_path / "A"), "--corpus", "k", "--replace", "--wait", "5").exit_code == 0
    assert sorted(p.name for p in root.iterdir()) == ["CURRENT", "docs", snapshot(home, "k").generation]
    assert outcomes["wrong_citations"] == 0 and wrong_citations(home, "k") == 0
    return outcomes


class _Forked:
    def __init__(self, args):
        self.pid = _fork_cli(args)

        self.code: int | None = None

    def done(self) -> bool:
        if self.code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.code = _exit_code(status)
        return self.code is not None

    def kill(self):
        if not self.done():
            os.kill(self.pid, signal.SIGKILL)

    def __call__(self) -> int:
        if self.code is None:
            self.code = _exit_code(os.waitpid(self.pid, 0)[1])
        return self.code


def test_an_ingest_killed_at_any_point_leaves_the_old_or_the_new_corpus(home, tmp_path, nlp):
    outcomes = _kill_loop(home, tmp_path, 8, _Forked)
    print("kill loop:", outcomes)


def test_an_ingest_that_dies_at_each_file_operation_leaves_the_old_or_the_new_corpus(home, tmp_path, nlp):
    """Deterministic companion of the kill loop: the child dies (os._exit, no clean-up runs) at its k-th
    rename, for every k, so every step of a write is a crash point."""
    sets = {k: [write(tmp_path / k / f"{k}{i}.txt", article(f"{k} {i}")) for i in range(2)] for k in "AB"}
    assert run("ingest", str(tmp_path / "A"), "--corpus", "k").exit_code == 0
    old = documents(home, "k")
    new = {(p.name, sha256_file(p)) for p in sets["B"]}
    seen = []
    for k in range(1, 30):
        def die_at_kth_rename(k=k):
            calls = [0]

            def dying(real):
                def op(*args, **kwargs):
                    calls[0] += 1
                    if calls[0] == k:
                        os._exit(137)
                    return real(*args, **kwargs)
                return op

            os.replace, os.rename = dying(os.replace), dying(os.rename)

        pid = _fork_cli(["ingest", str(tmp_path / "B"), "--corpus", "k", "--replace"], die_at_kth_rename)
        code = _exit_code(os.waitpid(pid, 0)[1])
        assert code in (0, 137)
        after = documents(home, "k")
        assert after in (old, new), f"died at rename {k}: a mix of old and new"
        assert wrong_citations(home, "k") == 0
        seen.append(after == new)
        if code == 0:
            break
        assert run("ingest", str(tmp_path / "A"), "--corpus", "k", "--replace").exit_code == 0
    assert code == 0 and seen[-1] and not seen[0] and k > 5  # every rename of a whole write was a crash point


_DRIVER = f"""
import sys
sys.path.insert(0, {str(REPO / 'tests')!r})
import conftest, factcheck.retrieval.embed
factcheck.retrieval.embed.Embedder = conftest.FakeEmbedder
from factcheck.cli import main
main(sys.argv[1:])
"""


class _Subprocess:
    def __init__(self, args):
        self.proc = subprocess.Popen([sys.executable, "-c", _DRIVER, *args], env=os.environ.copy(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def done(self) -> bool:
        return self.proc.poll() is not None

    def kill(self):
        self.proc.kill()

    def __call__(self) -> int:
        return self.proc.wait()


@pytest.mark.slow
def test_killed_factcheck_processes_fifty_times(home, tmp_path):
    """The same with real `factcheck` processes (a fresh interpreter each, spaCy loaded each time)."""
    outcomes = _kill_loop(home, tmp_path, 50, _Subprocess)
    print("kill loop (processes):", outcomes)
    assert outcomes["old"] and outcomes["new"]


def test_an_incremental_add_gives_the_same_results_as_a_full_rebuild(home, tmp_path):
    docs = [write(tmp_path / "src" / f"d{i}.txt", article(f"Town {i}", 5)) for i in range(3)]
    assert run("ingest", str(docs[0]), str(docs[1]), "--corpus", "inc").exit_code == 0
    write(docs[1], article("Changed town", 3))
    assert run("ingest", str(docs[1]), str(docs[2]), "--corpus", "inc", "--add").exit_code == 0
    assert run("ingest", *map(str, docs), "--corpus", "full").exit_code == 0
    settings, emb = get_settings(home=home), FakeEmbedder()
    inc, full = (corpus_mod.load_index(n, settings, emb) for n in ("inc", "full"))
    key = lambda c: (c.doc_id, c.id, c.text, c.start_char)  # noqa: E731
    assert sorted(map(key, inc.claims)) == sorted(map(key, full.claims))
    queries = emb.encode([s.replace("The ", "A ") + " Changed town" for s in SENTENCES])
    for a, b in zip(inc.search(queries, 5), full.search(queries, 5)):
        assert [(h.claim.id, round(h.similarity, 5)) for h in a] == [(h.claim.id, round(h.similarity, 5)) for h in b]

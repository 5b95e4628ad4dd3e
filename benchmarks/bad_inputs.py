"""The new-user probe of issue #15, re-run: each case as a user types it, with the real models.

`python -m benchmarks.bad_inputs [--out build/bad-inputs]`

Runs the installed `factcheck` as subprocesses in a private FACTCHECK_HOME (the seed corpus copied in) and prints
one Markdown row per case: the case, what was run, the exit status, the verdict (for a check) or the first line
of stderr, and the seconds it took. A case passes when it ends the way the issue asks (the `want` column):
never a traceback, never SUPPORTED for a non-statement, a distinct exit status for "could not run".
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scale_out import EXE, home_env

TRUE = "US aid to Colombia exceeded $400 million in 2024."


def _first_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip() and not ln.startswith(("ingest ", "Usage:"))]
    return lines[-1][:110] if lines else ""


class Probe:
    def __init__(self, out: Path):
        self.out, self.env, self.rows = out, home_env(out), []

    def run(self, case: str, want: str, args: list, *, stdin: bytes | None = None, env: dict | None = None,
            ok=None, limit: float | None = None) -> None:
        start = time.perf_counter()
        r = subprocess.run([*EXE, *args], env={**self.env, **(env or {})}, input=stdin, capture_output=True)
        seconds = time.perf_counter() - start
        stdout, stderr = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
        seen = _first_line(stderr)
        if args[0] == "check" and (res := first_result(stdout)) is not None:
            seen = f"{res['verdict']} {res['confidence']:.2f}: {res['explanation'][:80]}"
        elif args[0] == "review" and r.returncode in (0, 1) and "-f" in args:
            report = json.loads(stdout)
            seen = (f"{len(report['items'])} sentence(s) checked: "
                    + "; ".join(f"“{i['sentence'][:40]}” {i['result']['verdict']}" for i in report["items"]))
        good = "Traceback" not in stderr and (ok(r.returncode, stdout, stderr) if ok else True)
        good = good and (limit is None or seconds < limit)
        shown = [a if isinstance(a, str) else repr(a) for a in args]
        self.rows.append((case, " ".join(a if len(a) < 40 else a[:37] + "…" for a in shown), want, r.returncode,
                          seen, round(seconds, 1), good))

    def table(self) -> str:
        lines = ["| case | run | want | exit | verdict / message | s | ok |", "|---|---|---|---|---|---|---|"]
        for case, cmd, want, code, seen, s, good in self.rows:
            cell = seen.replace("|", "\\|")
            lines.append(f"| {case} | `{cmd}` | {want} | {code} | {cell} | {s} | {'yes' if good else 'NO'} |")
        return "\n".join(lines)


def first_result(out: str) -> dict | None:
    """The (first) CheckResult of `check -f json` output, or None when it printed none."""
    try:
        res = json.loads(out)
    except ValueError:
        return None
    return res[0] if isinstance(res, list) else res


def verdict(out: str) -> str | None:
    res = first_result(out)
    return res["verdict"] if res else None


def exits(*codes: int):
    """A case check: the exit status is one of `codes`."""
    return lambda code, out, err: code in codes


def supported(code, out, err):
    return verdict(out) == "SUPPORTED"


def not_supported(code, out, err):
    return code != 0 or verdict(out) != "SUPPORTED"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="build/bad-inputs")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    p = Probe(out)
    check = ["check", "-f", "json"]

    # 2. statements that are not statements, and scale words
    p.run("2 control", "SUPPORTED", [*check, TRUE], ok=supported)
    for s in ["US aid to Colombia exceeded $400 billion in 2024.", "US aid Colombia", "aid aid aid aid aid",
              "US aid to Colombia exceeded 00 million in 2024.", "🇨🇴🇺🇸 المساعدات الأمريكية לקולומביה",
              "La ayuda de Estados Unidos a Colombia superó los 400 millones de dólares en 2024."]:
        p.run("2 not supported", "not SUPPORTED", [*check, s], ok=not_supported)

    # 3. HTML sources and drafts
    html = out / "source.html"
    html.write_text("<html><body><p>José Mar&iacute;a P&eacute;rez approved aid of 3 < 4 tranches.</p>"
                    "<p>The budget was £100 million.<script>var x = 'The budget was £500 million.';</p>", "utf-8")
    p.run("3 html ingest", "0", ["ingest", str(html), "--corpus", "html", "--replace"], ok=exits(0))
    p.run("3 unclosed script", "not SUPPORTED", [*check, "--corpus", "html", "The budget was £500 million."],
          ok=not_supported)
    p.run("3 entities", "SUPPORTED", [*check, "--corpus", "html", "José María Pérez approved aid."],
          ok=supported)
    draft = out / "draft.html"
    draft.write_text("<p>US aid to Colombia exceeded $400 million in 2024.</p>"
                     "<script>document.write('US aid to Colombia exceeded $400 million in 2024.')</script>", "utf-8")
    p.run("3 html draft", "markup not checked", ["review", str(draft), "-f", "json", "--no-cache"],
          ok=lambda c, o, e: c in (0, 1) and "document.write" not in o)

    # 4. what used to be tracebacks
    # Arguments as bytes, as a shell passes them (a NUL cannot be in an argument at all).
    p.run("4 invalid UTF-8", "exit 2", ["check", b"US aid \xff\xfe to Colombia exceeded $400 million."],
          ok=exits(2))
    p.run("4 invalid UTF-8 on stdin", "exit 2, line named", ["check", "-"], stdin=b"The Farc demobilized.\nUS aid \xff rose.\n",
          ok=lambda c, o, e: c == 2 and "stdin:2" in e)
    p.run("4 binary statement", "exit 2", ["check", b"\x01\x02\x89PNG\r\n\x1a\n\xde\xad"], ok=exits(2))
    # A read-only folder stops no one running as root (as CI and this probe may), so the unwritable output is
    # also a "folder" that is a file.
    ro = out / "read-only"
    ro.mkdir(exist_ok=True)
    ro.chmod(stat.S_IRUSR | stat.S_IXUSR)
    claims = out / "claims.csv"
    claims.write_text(f"statement\n{TRUE}\n", "utf-8")
    root = os.geteuid() == 0
    for cmd in (["check", TRUE], ["batch", str(claims)], ["review", str(draft)]):
        p.run(f"4 -o under a file ({cmd[0]})", "exit 2 at once", [*cmd, "-o", str(claims / "x.out")], ok=exits(2),
              limit=2.5)
        if root:
            p.run(f"4 -o read-only folder, as root ({cmd[0]})", "0 as root", [*cmd, "-o", str(ro / "x.out")], ok=exits(0))
        else:
            p.run(f"4 -o read-only folder ({cmd[0]})", "exit 2 at once", [*cmd, "-o", str(ro / "x.out")], ok=exits(2),
                  limit=2.5)
    p.run("4 -o a folder not yet made", "0, folder made", ["check", TRUE, "-o", str(out / "new-folder" / "x.out")],
          ok=lambda c, o, e: c == 0 and (out / "new-folder" / "x.out").exists())
    trunc_home = out / "truncated"
    subprocess.run(["cp", "-r", str(out / "home"), str(trunc_home)], check=True)
    p.run("4 (set-up: a corpus to damage)", "0", [*check, TRUE], env={"FACTCHECK_HOME": str(trunc_home)})
    live = (trunc_home / "corpus" / "seed" / (trunc_home / "corpus" / "seed" / "CURRENT").read_text().strip())
    data = (live / "claims.jsonl").read_bytes()
    (live / "claims.jsonl").write_bytes(data[: len(data) // 2])
    p.run("4 truncated claims.jsonl", "exit 3", ["check", TRUE], env={"FACTCHECK_HOME": str(trunc_home)},
          ok=exits(3))
    p.run("4 bad FACTCHECK_ value", "exit 2", ["check", TRUE], env={"FACTCHECK_TOP_K": "many"},
          ok=exits(2))
    p.run("4 misspelled FACTCHECK_", "exit 2", ["check", TRUE], env={"FACTCHECK_TOPK": "3"},
          ok=exits(2))

    # 5. batch input damage
    def batch_case(case: str, body: bytes) -> None:
        src = out / f"{case.replace(' ', '-')}.csv"
        src.write_bytes(body)
        p.run(case, "exit 2, line named", ["batch", str(src), "-o", str(src.with_suffix(".out.csv"))], ok=exits(2))

    batch_case("5 unbalanced quote", f'statement\n"{TRUE}\nThe Farc demobilized in 2016.\nPetro won.\n'.encode())
    batch_case("5 duplicate column", f"statement,statement\n{TRUE},x\n".encode())
    src = out / "resume.csv"
    src.write_text("statement\n" + "".join(f"US aid to Colombia reached ${i} million in {1990 + i % 30}.\n"
                                          for i in range(400)), "utf-8")
    res = out / "resume.out.csv"
    partial = Path(str(res) + ".partial")
    proc = subprocess.Popen([*EXE, "batch", str(src), "-o", str(res)], env=p.env, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not (partial.exists() and partial.stat().st_size > 200):
        time.sleep(0.2)
    proc.kill()
    proc.wait()
    src.write_text("statement\n" + "".join(f"Another statement {i}.\n" for i in range(50)), "utf-8")
    p.run("5 --resume, input changed", "exit 2", ["batch", str(src), "-o", str(res), "--resume"],
          ok=exits(2))
    nul = out / "nul.csv"
    nul.write_bytes(f"statement\n{TRUE}\nThe Farc\x00 demobilized in 2016.\n".encode())
    nul_out = out / "nul.out.csv"
    p.run("5 NUL byte", "row is an ERROR, no NUL out", ["batch", str(nul), "-o", str(nul_out)],
          ok=lambda c, o, e: c == 1 and b"\x00" not in nul_out.read_bytes())
    p.run("5 -o equal to input", "exit 2", ["batch", str(claims), "-o", str(claims)], ok=exits(2))

    # 6. encodings
    for name, data in [("utf-16", "The budget was £100 million.".encode("utf-16")),
                       ("windows-1252", "The “budget” was €100 million.".encode("cp1252")),
                       ("binary", bytes(range(256)) * 4)]:
        f = out / f"enc-{name}.txt"
        f.write_bytes(data)
        p.run(f"6 {name} source", "read or named", ["ingest", str(f), "--corpus", f"enc-{name}", "--replace"],
              ok=exits(0, 2))
    folder = out / "folder"
    folder.mkdir(exist_ok=True)
    (folder / "good.txt").write_text("The budget was £100 million in 2023.", "utf-8")
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 4)
    p.run("6 folder with a bad file", "exit 4, good one kept", ["ingest", str(folder), "--corpus", "mixed",
          "--replace"], ok=exits(4))

    # 7. slow to fail: errors before any model loads
    p.run("7 missing file", "exit 2, < 2 s", ["batch", str(out / "missing.csv")], ok=exits(2),
          limit=2)
    p.run("7 empty statement", "exit 2, < 2 s", ["check", ""], ok=exits(2), limit=2)
    header = out / "header-only.csv"
    header.write_text("statement\n", "utf-8")
    p.run("7 header-only CSV", "exit 2, < 2 s", ["batch", str(header)], ok=exits(2), limit=2)

    ro.chmod(stat.S_IRWXU)
    table = p.table()
    (out / "bad_inputs.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    failed = sum(1 for row in p.rows if not row[-1])
    print(f"\n{len(p.rows)} cases, {failed} not as wanted")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Large sources (issue #15): time and peak memory of `factcheck ingest` on one big text file.

`python -m benchmarks.large_source [--mb 1 --mb 20] [--out build/large-source]`

For each size, writes a plain-text source of that many megabytes: distinct premises of ../shared/data/train's
natural-text NLI sets (news, encyclopaedia and web prose; no bench data), six to a paragraph, cycled if the sets
run out. Then runs `factcheck ingest FILE --corpus large-N --progress` as a subprocess in a private FACTCHECK_HOME,
as a user would, and reports wall time, sentences/s, the process's peak RSS (`wait4`'s ru_maxrss), the number
of claims, and whether every stored claim's offsets slice the source back to the claim's sentence (the
citations verify). Run it on idle cores: a 20 MB source takes about half an hour on two.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

from benchmarks.scale_out import EXE, home_env, train_texts


def source_text(megabytes: float) -> str:
    """About `megabytes` MB of prose: paragraphs of six training premises (distinct while they last)."""
    target = int(megabytes * 1_000_000)
    premises = train_texts("premise", 400_000, lambda p: 40 <= len(p) <= 2_000)
    paragraphs, size, i = [], 0, 0
    while size < target:
        para = " ".join(premises[(i + k) % len(premises)] for k in range(6))
        i += 6
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(paragraphs) + "\n"


def ingest(path: Path, corpus: str, env: dict, log: Path) -> dict:
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as err:
        proc = subprocess.Popen([*EXE, "ingest", str(path), "--corpus", corpus, "--progress"], env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return {"exit": os.waitstatus_to_exitcode(status), "seconds": round(wall, 1),
            "peak_rss_mib": round(usage.ru_maxrss / 1024, 1)}


def verify(path: Path, corpus: str, env: dict) -> dict:
    """Claims stored and whether each one's offsets slice the source back to its sentence."""
    os.environ["FACTCHECK_HOME"] = env["FACTCHECK_HOME"]
    from factcheck.retrieval.corpus import load_claims
    from factcheck.settings import get_settings

    text = path.read_text(encoding="utf-8")
    claims = load_claims(corpus, get_settings())
    bad = sum(1 for c in claims if text[c.start_char : c.end_char] != c.sentence)
    return {"claims": len(claims), "sentences": len({c.start_char for c in claims}), "citations_wrong": bad}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, action="append", help="source size in MB (repeatable; default 1 and 20)")
    ap.add_argument("--out", default="build/large-source")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = home_env(out)
    rows = []
    for mb in args.mb or [1.0, 20.0]:
        src = out / f"source-{mb:g}mb.txt"
        src.write_text(source_text(mb), encoding="utf-8")
        corpus = f"large-{mb:g}mb".replace(".", "-")
        row = {"mb": mb, "bytes": src.stat().st_size, **ingest(src, corpus, env, out / f"ingest-{mb:g}mb.log")}
        if row["exit"] == 0:
            row.update(verify(src, corpus, env))
            row["sentences_per_s"] = round(row["sentences"] / row["seconds"], 1)
        rows.append(row)
        print(json.dumps(row), flush=True)
    (out / "large_source.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print("\n| source | bytes | exit | s | sentences | claims | sentences/s | peak RSS MiB | wrong citations |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['mb']:g} MB | {r['bytes']:,} | {r['exit']} | {r['seconds']} | {r.get('sentences', '–'):,} | "
              f"{r.get('claims', '–'):,} | {r.get('sentences_per_s', '–')} | {r['peak_rss_mib']} | "
              f"{r.get('citations_wrong', '–')} |")


if __name__ == "__main__":
    main()

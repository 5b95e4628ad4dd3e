"""`python -m benchmarks run --all | --only NAME ... [--smoke] [--limit N] [--out DIR]`."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from benchmarks.report import write_report
from benchmarks.run import DEFAULT_BENCHES, EXTRA_BENCHES, BenchConfig, Harness, Models


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run benchmarks and write BENCHMARKS.md + benchmarks.json")
    which = run.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help=f"run {', '.join(DEFAULT_BENCHES)}")
    which.add_argument("--only", action="append", choices=DEFAULT_BENCHES + EXTRA_BENCHES, metavar="NAME",
                       help=f"run one benchmark (repeatable): {', '.join(DEFAULT_BENCHES + EXTRA_BENCHES)}")
    run.add_argument("--smoke", action="store_true", help="a handful of items per dataset; checks the wiring")
    run.add_argument("--limit", type=int, help="items per dataset (default: all; smoke: 4)")
    run.add_argument("--out", type=Path, help="output folder (default: docs/; smoke: build/bench-smoke/)")
    run.add_argument("--bench-dir", type=Path, help="bench data folder (default: ../shared/data/bench)")
    run.add_argument("--nli-model", help="NLI model folder or Hugging Face id (default: the shipped model)")
    run.add_argument("--exhaustive-limit", type=int,
                     help="Climate-FEVER claims for the pooled exhaustive-NLI baseline (default 10; smoke 2)")
    run.add_argument("--exhaustive-items", type=int,
                     help="other claim-level sets: run the exhaustive baseline on the first N items only "
                          "(default: all)")
    run.add_argument("--resume", action="store_true",
                     help="reuse the sections an interrupted run with the same settings finished")
    run.add_argument("--no-cli", action="store_true", help="skip the cold `factcheck check` subprocess timing")
    run.add_argument("--speed-sizes", type=lambda v: tuple(int(x) for x in v.split(",")),
                     help="speed: corpus sizes in sentences, comma-separated (default 100,1000,10000)")
    run.add_argument("--speed-batch", type=int,
                     help="speed: statements in the CSV given to `factcheck batch` (default 1000)")
    args = parser.parse_args(argv)

    overrides = {k: v for k, v in {
        "only": tuple(args.only) if args.only else DEFAULT_BENCHES,
        "limit": args.limit, "out_dir": args.out, "bench_dir": args.bench_dir,
        "exhaustive_limit": args.exhaustive_limit, "exhaustive_items": args.exhaustive_items, "cold_cli": False if args.no_cli else None,
        "resume": args.resume or None, "speed_sizes": args.speed_sizes, "speed_batch_statements": args.speed_batch,
    }.items() if v is not None}
    cfg = BenchConfig.for_smoke(**overrides) if args.smoke else BenchConfig(**overrides)
    results = Harness(cfg, Models(nli_model=args.nli_model)).run()
    command = "python -m benchmarks " + shlex.join(argv if argv is not None else sys.argv[1:])
    md, js = write_report(results, cfg.out_dir, command)
    print(f"wrote {md} and {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

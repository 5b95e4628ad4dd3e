"""Score the shipped pipeline on the development statements (never bench data): the seed sets, the news sets and
the summaries reviewed against their articles. One line per set; `--errors` lists every wrong row.

    python -m benchmarks.dev_sets [--only NAME ...] [--errors]

- `seed_dev` (../shared/eval/seed_dev.csv), `seed_own`, `seed_fresh`, `seed_roles`, `seed_blind`, `seed_blind2`,
  `seed_blind3` … `seed_blind13`,
  `seed_probe` (tests/fixtures/dev/): statements about the seed article, checked against it;
- `news_own`, `news_fresh`, `news_blind` … `news_blind8`: statements about FNC-1 news bodies (../shared/data/train/
  fnc1_capped.jsonl.gz, named by the sha1 prefix of the body), each checked against its own article;
- `summaries_own`: summaries of FNC-1 bodies, each split into sentences and checked against its article as the
  SummEdits benchmark does; balanced accuracy of the strict reading (consistent iff every sentence is SUPPORTED)
  and of the contradiction-only reading.

tests/fixtures/dev/README.md says how each set was written and which are in the verdict model's fit.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from benchmarks import loaders
from benchmarks.fit_verdict_model import DEV, NEWS_SETS, SEED_DOC_ID, SEED_SETS, fnc1_bodies

SEED = SEED_SETS
NEWS = NEWS_SETS
SUMMARIES = {"summaries_own": DEV / "summaries_own.csv"}
NAMES = (*SEED, *NEWS, *SUMMARIES)
SHORT = {"SUPPORTED": "SUP", "CONTRADICTED": "CON", "NOT_ENOUGH_INFO": "NEI", "CONFLICTED": "CONFL"}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _statements(name: str, rows, checker, errors: bool) -> str:
    ok = true_contradicted = 0
    kinds, kinds_ok, wrong = Counter(), Counter(), Counter()
    for row, result in zip(rows, checker(rows)):
        got, gold, kind = result.verdict.value, row["label"], row.get("kind", "-")
        kinds[kind] += 1
        if got == gold:
            ok += 1
            kinds_ok[kind] += 1
            continue
        true_contradicted += gold == "SUPPORTED" and got == "CONTRADICTED"
        wrong[SHORT[gold], SHORT[got]] += 1
        if errors:
            print(f"  [{name} {kind}] gold {gold} got {got} {result.confidence:.2f} | {row['statement']}\n"
                  f"      {result.explanation[:300]}")
    by_kind = ", ".join(f"{k} {kinds_ok[k]}/{kinds[k]}" for k in sorted(kinds))
    by_error = ", ".join(f"{g}→{p} {n}" for (g, p), n in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0])))
    return (f"{name}: {ok}/{len(rows)} = {ok / len(rows):.3f}; true statements called CONTRADICTED "
            f"{true_contradicted}; {by_kind}; wrong (gold→got) {by_error or 'none'}")


def _news_checker(rows):
    from factcheck.checker import Checker

    bodies = fnc1_bodies({r["doc"] for r in rows})
    checkers = {doc: Checker.from_texts({f"corpus/news/docs/{doc}.txt": body}) for doc, body in bodies.items()}

    def check(rows):
        by_doc: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_doc.setdefault(r["doc"], []).append(i)
        out: list = [None] * len(rows)
        for doc, idx in by_doc.items():
            for i, res in zip(idx, checkers[doc].check_many([rows[i]["statement"] for i in idx])):
                out[i] = res
        return out

    return check


def _summaries(name: str, rows, errors: bool) -> str:
    from factcheck.ingest.nlp import get_nlp
    from factcheck.results import Verdict

    nlp = get_nlp()
    check = _news_checker(rows)
    readings = {"strict": lambda vs: all(v == Verdict.SUPPORTED for v in vs),
                "contradiction-only": lambda vs: not any(v in (Verdict.CONTRADICTED, Verdict.CONFLICTED) for v in vs)}
    right = {r: Counter() for r in readings}
    total = Counter(r["label"] for r in rows)
    for row in rows:
        sentences = [s.text.strip() for s in nlp(row["summary"]).sents if s.text.strip()]
        results = check([{"doc": row["doc"], "statement": s} for s in sentences])
        verdicts = [res.verdict for res in results]
        for reading, consistent in readings.items():
            if consistent(verdicts) == (row["label"] == "consistent"):
                right[reading][row["label"]] += 1
            elif errors and reading == "strict":
                print(f"  [{name} {row['label']} {row['edit']}] {row['summary'][:200]}")
                for s, res in zip(sentences, results):
                    print(f"      {res.verdict.value} {res.confidence:.2f} | {s[:120]}")
    parts = []
    for reading in readings:
        recall = {label: right[reading][label] / total[label] for label in ("consistent", "inconsistent")}
        parts.append(f"{reading} balanced accuracy {(recall['consistent'] + recall['inconsistent']) / 2:.3f} "
                     f"(recall consistent {recall['consistent']:.3f}, inconsistent {recall['inconsistent']:.3f})")
    return f"{name}: {len(rows)} summaries; " + "; ".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.dev_sets", description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=NAMES, help="score these sets only (repeatable)")
    ap.add_argument("--errors", action="store_true", help="list every wrong row")
    args = ap.parse_args(argv)
    names = args.only or list(NAMES)
    lines = []
    seed = [n for n in names if n in SEED]
    if seed:
        from factcheck.checker import Checker

        checker = Checker.from_texts({SEED_DOC_ID: loaders.seed_corpus_path().read_text(encoding="utf-8")})
        for name in seed:
            lines.append(_statements(name, _rows(SEED[name]), lambda rows: list(
                checker.check_many([r["statement"] for r in rows])), args.errors))
    for name in (n for n in names if n in NEWS):
        rows = _rows(NEWS[name])
        lines.append(_statements(name, rows, _news_checker(rows), args.errors))
    for name in (n for n in names if n in SUMMARIES):
        lines.append(_summaries(name, _rows(SUMMARIES[name]), args.errors))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

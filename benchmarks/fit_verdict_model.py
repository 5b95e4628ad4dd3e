"""Fit the shipped verdict model (factcheck/models/nli-minilm-l6/verdict_model.json) on development data only.

    python -m benchmarks.fit_verdict_model collect [--cache build/verdict-dev]   # run the pipeline once (slow)
    python -m benchmarks.fit_verdict_model fit [--cache …] [--write]             # fit, calibrate, report
    python -m benchmarks.fit_verdict_model bench                                  # measure on bench sets

Development data (never bench test sets):
- `seed_dev`: ../shared/eval/seed_dev.csv, and `seed_own`: tests/fixtures/dev/seed_own.csv — statements about the
  seed article, checked against it;
- `covid_train`, `covid_dev`: Check-COVID train/ and dev/ claims, each against its own abstract as a one-document
  corpus; NOT_ENOUGH_INFO claims face a *different* abstract (the 99ab88a variant's writtenAuth files), as the
  test loader does (`benchmarks.loaders.check_covid_dev`);
- `news_own`, `news_fresh`: tests/fixtures/dev/news_own.csv and news_fresh.csv — statements written for this project
  about eight and six other FNC-1 news bodies
  (../shared/data/train/fnc1_capped.jsonl.gz, named by the sha1 prefix of the body: the text stays there), each
  checked against its own article; every statement of an article stays on one side of every split;
- `nli_heldout`: the held-out split of the NLI training run (/work/nli_v2/dev3.jsonl or --nli-heldout), each pair
  a one-sentence corpus: premise = the source, hypothesis = the statement.

`bench` only measures, never fits: the claim-level bench sets (Check-COVID test, WiCE dev) checked once, then
judged by the threshold fusion and by the shipped verdict model from the same evidence (cached apart, in
build/verdict-bench/).

`collect` runs the full pipeline (retrieval, NLI, rules) once per statement and caches each result (evidence with
NLI probabilities and rule findings, and the threshold fusion's verdict for comparison) as JSONL, one file per
set. `fit` reads the cache, so fitting never re-runs the models: see `factcheck.training.fit_verdict`.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from benchmarks import loaders

REPO = loaders.REPO_ROOT
DEFAULT_CACHE = REPO / "build" / "verdict-dev"
SEED_DOC_ID = "corpus/seed/docs/bbc-mundo-us-colombia-alliance.txt"
DEV = REPO / "tests" / "fixtures" / "dev"
# Every development set of statements (tests/fixtures/dev/README.md says how each was written); `FIT_SETS` names the
# ones the shipped fit uses, `benchmarks.dev_sets` scores them all.
SEED_SETS = {"seed_dev": loaders.shared_dir() / "eval" / "seed_dev.csv", "seed_own": DEV / "seed_own.csv",
             **{name: DEV / f"{name}.csv" for name in (
                 "seed_fresh", "seed_roles", "seed_blind", "seed_blind2", "seed_blind3", "seed_blind4", "seed_blind5",
                 "seed_blind6", "seed_blind7", "seed_blind8", "seed_blind9", "seed_blind10", "seed_blind11",
                 "seed_blind12", "seed_blind13", "seed_probe")}}
NEWS_SETS = {name: DEV / f"{name}.csv" for name in ("news_own", "news_fresh", "news_blind", "news_blind2", "news_blind3",
                                                    "news_blind4", "news_blind5", "news_blind6", "news_blind7",
                                                    "news_blind8")}
FNC1_BODIES = loaders.shared_dir() / "data" / "train" / "fnc1_capped.jsonl.gz"
NLI_HELDOUT = Path("/work/nli_v2/dev3.jsonl")
SETS = (*SEED_SETS, *NEWS_SETS, "covid_train", "covid_dev", "nli_heldout")
BENCH_SETS = ("check_covid_test", "wice_dev")  # measured only, never fitted on
SOURCES = {"seed_dev": "../shared/eval/seed_dev.csv vs the seed article",
           **{n: f"tests/fixtures/dev/{n}.csv vs the seed article" for n in SEED_SETS if n != "seed_dev"},
           **{n: f"tests/fixtures/dev/{n}.csv vs its FNC-1 news body (train data, not bench)" for n in NEWS_SETS},
           "covid_train": "Check-COVID train/, each claim vs its abstract (NEI claims: the 99ab88a variant's other "
                          "abstract)",
           "covid_dev": "Check-COVID dev/, likewise",
           "nli_heldout": "the NLI training run's held-out pairs (dev3.jsonl), premise as a one-sentence corpus"}
# The shipped fit leaves the NLI pairs out: run through the pipeline (a one-sentence corpus each, many below the
# similarity floor) they are not statements checked against a source, and fitted with them the model lost seed
# accuracy (seed_dev 0.96 → 0.77) and held-out calibration (see the closing note of issue 11).
# news_fresh is collected and measured but left out: fitted with it (two of its articles held out), the held-out
# statements were worse calibrated (ECE 0.065 on 590 against 0.050 on the same split's 560 without it; its easy news
# statements sharpen the temperature, 1.59 → 1.40, and the held-out Check-COVID claims grow overconfident).
FIT_SETS = ("seed_dev", "seed_own", "news_own", "covid_train", "covid_dev")
# A seed statement (the product's domain, and few) weighs SEED_WEIGHT: the 84 weigh about twice the ~800 fitted
# Check-COVID ones. news_own statements weigh 1, as the others: weighed like the seed ones (20), or 5, they cost
# held-out accuracy (NLI phase 6, the same held-out split: 0.616 at 1, 0.607 at 5, 0.589 at 20).
WEIGHTED_SETS = ("seed_dev", "seed_own")
SEED_WEIGHT = 20.0


def _items(name: str, nli_heldout: Path):
    """(id, group, statement, label, docs) of one development set; `group` keeps variants of one claim together."""
    if name in SEED_SETS:
        docs = {SEED_DOC_ID: loaders.seed_corpus_path().read_text(encoding="utf-8")}
        with open(SEED_SETS[name], encoding="utf-8", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh), start=2):
                yield f"{name}:{i}", f"{name}:{i}", row["statement"], row["label"], docs
    elif name in NEWS_SETS:
        with open(NEWS_SETS[name], encoding="utf-8", newline="") as fh:
            rows = list(enumerate(csv.DictReader(fh), start=2))
        bodies = fnc1_bodies({row["doc"] for _, row in rows})
        for i, row in rows:
            docs = {f"fnc1/{row['doc']}.txt": bodies[row["doc"]]}
            yield f"{name}:{i}", row["doc"], row["statement"], row["label"], docs
    elif name.startswith("covid_"):
        for it in loaders.check_covid_dev(name.removeprefix("covid_")):
            yield it.id, it.id.rsplit("_", 1)[0], it.claim.strip(), it.label.value, it.docs
    elif name == "check_covid_test":
        for it in loaders.check_covid_test():
            yield it.id, it.id, it.claim.strip(), it.label.value, it.docs
    elif name == "wice_dev":
        for it in loaders.wice_dev():
            if it.label is not None:  # partially_supported has no verdict; the harness reports it apart
                yield it.id, it.id, it.claim.strip(), it.label.value, it.docs
    elif name == "nli_heldout":
        from factcheck.apps.evaluate import normalize_label

        with open(nli_heldout, encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                row = json.loads(line)
                yield (f"nli:{i}", f"nli:{row['premise'][:200]}", row["hypothesis"].strip(),
                       normalize_label(row["label"]).value, {"premise": row["premise"]})
    else:
        raise ValueError(f"unknown set {name!r}; one of {SETS}")


def fnc1_bodies(ids: set[str]) -> dict[str, str]:
    """The FNC-1 news bodies whose sha1 (first 12 hex digits of the UTF-8 text) is in `ids`."""
    found: dict[str, str] = {}
    with gzip.open(FNC1_BODIES, "rt", encoding="utf-8") as fh:
        for line in fh:
            body = json.loads(line)["premise"]
            key = hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]
            if key in ids:
                found[key] = body
    if missing := sorted(ids - found.keys()):
        raise ValueError(f"{FNC1_BODIES}: no news body with sha1 prefix {', '.join(missing)}")
    return found


class CacheBusy(RuntimeError):
    """Another `collect` holds the cache folder."""


def collect(cache: Path, names: tuple[str, ...], nli_heldout: Path, every: int = 1, log=print) -> None:
    """Run the pipeline (shipped models, threshold fusion) over each set; write cache/NAME.jsonl.

    `every` > 1 keeps every n-th statement of the Check-COVID and NLI sets (a quicker, smaller fit).
    """
    from factcheck.judge.nli import load_nli
    from factcheck.retrieval.embed import Embedder
    from factcheck.settings import get_settings

    cache.mkdir(parents=True, exist_ok=True)
    with _only_collect(cache):
        embedder, nli = Embedder(), load_nli()
        nli.verdict_model = None  # the threshold fusion's verdict is stored for comparison; features need no model
        _collect_sets(cache, names, nli_heldout, every, embedder, nli, get_settings(), log)


@contextmanager
def _only_collect(cache: Path):
    """Hold cache/.collect.lock while collecting: a second collect into the same folder refuses at once (two would
    race on renaming NAME.part)."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(cache / ".collect.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise CacheBusy(f"{cache}: another collect is writing into this folder; wait for it or pass another "
                        "--cache") from None
    try:
        yield
    finally:
        lock.release()


def _collect_sets(cache: Path, names: tuple[str, ...], nli_heldout: Path, every: int, embedder, nli, settings,
                  log) -> None:
    from factcheck.checker import Checker

    for name in names:
        out = cache / f"{name}.jsonl"
        if out.exists():
            log(f"{name}: cached in {out}")
            continue
        groups: dict[tuple, list] = defaultdict(list)
        for i, item in enumerate(_items(name, nli_heldout)):
            if i % every and name not in (*SEED_SETS, *NEWS_SETS):
                continue
            groups[tuple(sorted(item[4].items()))].append(item)
        t0, n = time.perf_counter(), 0
        tmp = out.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as fh:
            for key, items in groups.items():
                checker = Checker.from_texts(dict(key), settings=settings, embedder=embedder, nli=nli)
                checker.judge.collect_passages = True  # the pass_* features, whether the shipped model reads them or not
                for (id_, group, statement, label, _) in items:
                    fh.write(json.dumps({"set": name, "id": id_, "group": group, "label": label,
                                         **judge_units(checker, statement)}) + "\n")
                    n += 1
        tmp.rename(out)
        log(f"{name}: {n} statements in {time.perf_counter() - t0:.0f} s → {out}")


def judge_units(checker, statement: str) -> dict:
    """The pipeline's output on a statement and on each of its parts (when it says several things), before the
    parts are combined: {"whole": result, "parts": [results], "combined": the threshold fusion's final result}."""
    from factcheck.checker import validate_statement
    from factcheck.judge.statements import combine, split_statement

    statement = validate_statement(statement, checker.settings.max_statement_chars)
    parts = split_statement(statement) if checker.settings.split_statements else []
    whole, *part_results = checker._judge_batch([statement, *parts])
    final = combine(whole, part_results)
    return {"whole": whole.model_dump(mode="json", exclude={"parts"}),
            "parts": [r.model_dump(mode="json", exclude={"parts"}) for r in part_results],
            "combined": {"verdict": final.verdict.value, "confidence": final.confidence}}


# --- fit ----------------------------------------------------------------------------------------------------


def load_cache(cache: Path, names: tuple[str, ...]):
    """(units, the threshold fusion's final results) of the cached sets."""
    from factcheck.results import CheckResult, Verdict
    from factcheck.training.fit_verdict import unit_from_results

    units, before = [], []
    for name in names:
        with open(cache / f"{name}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                whole = CheckResult.model_validate(rec["whole"])
                parts = [CheckResult.model_validate(r) for r in rec["parts"]]
                units.append(unit_from_results(whole, parts, rec["label"], group=f"{name}:{rec['group']}",
                                               source=name))
                before.append(CheckResult(statement=whole.statement, verdict=Verdict(rec["combined"]["verdict"]),
                                          confidence=rec["combined"]["confidence"], evidence=[], explanation=""))
    return units, before


# Held out, never fitted on: a fifth of the seed statements (few, and the ones acceptance is about), two of the
# eight news_own articles (every statement of each) and two fifths of the others, so the held-out ECE is measured
# on ~560 statements (a perfectly calibrated model scores about 0.05 on 280 statements by chance alone, 0.037 on
# 550).
HELDOUT_SHARE = {"seed_dev": 0.2, "seed_own": 0.2, "news_own": 0.25,  # news_own: whole articles (2 of 8)
                 "news_fresh": 0.25}  # whole articles (2 of 6)
HELDOUT_SHARE_OTHERS = 0.4


def heldout_split(units, seed: int = 0) -> set[int]:
    """Indices of the held-out units (`HELDOUT_SHARE` of the groups of every set and label)."""
    import random

    rng = random.Random(seed)
    groups: dict[str, tuple[str, str]] = {}  # group → (set, label of its first statement): the stratum
    for u in units:
        groups.setdefault(u.group, (u.source, u.label))
    by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for g, stratum in groups.items():
        by[stratum].append(g)
    taken: set[str] = set()
    for stratum in sorted(by):
        names = sorted(by[stratum])
        rng.shuffle(names)
        share = HELDOUT_SHARE.get(stratum[0], HELDOUT_SHARE_OTHERS)
        taken.update(names[: round(share * len(names))])
    return {i for i, u in enumerate(units) if u.group in taken}


def _grounding():
    """The fusion settings the judge grounds contradictions with (the shipped NLI model's fusion.json)."""
    from factcheck.judge.fusion import FusionConfig
    from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params
    from factcheck.settings import get_settings

    return FusionConfig.from_settings(get_settings(), read_fusion_params(SHIPPED_MODEL_DIR))


GROUNDING_GRID = (0.5, 0.6, 0.7, 0.8)  # P(contradiction) that grounds CONTRADICTED on its own


PASSAGE_FEATURES = ("pass_ent", "pass_con")


def _fit_without(units, held: set[int], folds: int, log=print, leave_out: tuple[str, ...] = ()):
    """(model, fit report, final results on every unit) of a fit on the units outside `held`. The model's
    `ground_contradiction` and `fallback` are the pair most accurate on the fitted units (never the held-out
    ones) among those that call no more true statements CONTRADICTED than the fusion's threshold does; the fit
    is then redone with the constrained rows that grounding implies, and the confidence map refitted for the
    verdicts the chosen pair gives and kept only if it pays (`settle_confidence_map`). The report gains
    `map_check`: the map's nested-CV comparison on the fitted units."""
    from dataclasses import replace

    from factcheck.judge.verdict_model import FEATURES
    from factcheck.training.fit_verdict import design, final_result, fit_model, settle_confidence_map

    fit_idx = [i for i in range(len(units)) if i not in held]
    grounding = _grounding()
    chosen = (grounding.contradict_threshold, "next")
    for _ in range(2):  # fit with the current choice's mask, choose, refit with the chosen one's mask
        g = replace(grounding, contradict_threshold=chosen[0])
        x, y, allowed, w = design([units[i] for i in fit_idx], g)
        model, report = fit_model(x, y, w, [units[i].group for i in fit_idx], allowed=allowed, folds=folds,
                                  features=tuple(f for f in FEATURES if f not in leave_out))
        right, false_con = {}, {}
        for threshold in GROUNDING_GRID:
            for fallback in ("next", "silent"):
                candidate = replace(model, fallback=fallback, ground_contradiction=threshold)
                verdicts = [final_result(units[i], candidate, grounding).verdict.value for i in fit_idx]
                right[threshold, fallback] = sum(v == units[i].label for v, i in zip(verdicts, fit_idx))
                false_con[threshold, fallback] = sum(v == "CONTRADICTED" and units[i].label == "SUPPORTED"
                                                     for v, i in zip(verdicts, fit_idx))
        # A true statement called CONTRADICTED is the costliest error for an editor: no choice may make more of
        # them than the fusion's own grounding threshold does.
        ceiling = false_con[grounding.contradict_threshold, "next"]
        best = max((k for k in right if false_con[k] <= ceiling), key=lambda k: (right[k], k[1] == "next", k[0]))
        if best == chosen:
            break
        chosen = best
    model = replace(model, ground_contradiction=chosen[0], fallback=chosen[1])
    _, y, allowed, _ = design([units[i] for i in fit_idx], replace(grounding, contradict_threshold=chosen[0]))
    model, report.map_check = settle_confidence_map(model, report.oof_logits, y, allowed,
                                                    [units[i].group for i in fit_idx], folds=folds)
    if model.confidence_map is None:
        plain, mapped = report.map_check["temperature"], report.map_check["temperature + map"]
        log(f"no confidence map: nested out-of-fold log-loss {plain['log_loss']} -> {mapped['log_loss']}, "
            f"Brier {plain['brier']} -> {mapped['brier']} with it")
    log(f"grounding P(contradiction) {model.ground_contradiction}, fallback {model.fallback} (right / true called "
        f"contradicted, on the {len(fit_idx)} fitted statements: "
        + ", ".join(f"{k[0]}/{k[1]} {v}/{false_con[k]}" for k, v in right.items()) + ")")
    return model, report, [final_result(u, model, grounding) for u in units]


def fit(cache: Path, names: tuple[str, ...], *, seed_weight: float, write: bool, folds: int = 5, repeats: int = 0,
        plot: Path | None = None, leave_out: tuple[str, ...] = ()) -> dict:
    """Fit on the development sets minus a held-out split; report before/after per set; optionally ship it.

    `repeats` > 0 also refits on that many other random held-out splits and reports the spread of the held-out
    figures (on ~550 statements ECE moves by ±0.015 from one split to the next); `plot` draws the held-out
    reliability diagram and coverage/precision curve.
    """
    import datetime

    from factcheck.judge.nli import SHIPPED_MODEL_DIR
    from factcheck.judge.verdict_model import VERDICT_FILE
    from factcheck.training.fit_verdict import CONFIDENCE_BLOCK, scores

    units, before = load_cache(cache, names)
    for u in units:
        u.weight = seed_weight if u.source in WEIGHTED_SETS else 1.0
    held = heldout_split(units)
    fit_idx = [i for i in range(len(units)) if i not in held]
    model, report, after = _fit_without(units, held, folds, leave_out=leave_out)
    metrics: dict = {}
    cmap = model.confidence_map
    print(f"fit on {len(fit_idx)} statements, held out {len(held)}; L2 {report.l2}, temperature "
          f"{report.temperature:.3f} (constrained {report.temperature_constrained:.3f}), confidence map "
          + ("none" if cmap is None else f"{len(cmap.x)} breakpoints"))
    metrics["oof_confidence_map"] = report.map_check
    print("out-of-fold chosen-verdict probability on the fitted statements (nested CV): "
          + "; ".join(f"{k}: " + ", ".join(f"{m} {v:.4f}" for m, v in r.items()) for k, r in report.map_check.items()))
    for part, idx in (("heldout", sorted(held)), ("all", list(range(len(units))))):
        for name in ("all", *names):
            rows = [i for i in idx if name == "all" or units[i].source == name]
            if not rows:
                continue
            gold = [units[i].label for i in rows]
            b, a = scores(gold, [before[i] for i in rows]), scores(gold, [after[i] for i in rows])
            metrics.setdefault(part, {})[name] = {"before": b.__dict__, "after": a.__dict__}
            print(f"{part:8s} {name:12s} before {b.line()}\n{'':21s} after  {a.line()}")
    if repeats:
        spread = []
        for seed in range(1, repeats + 1):
            other = heldout_split(units, seed=seed)
            rows, results = sorted(other), _fit_without(units, other, folds, log=lambda *a: None, leave_out=leave_out)[2]
            spread.append(scores([units[i].label for i in rows], [results[i] for i in rows]))
        metrics["heldout_other_splits"] = {
            "splits": repeats, "ece": [round(s.ece, 4) for s in spread], "accuracy": [round(s.accuracy, 4) for s in spread],
            "ece_mean": round(sum(s.ece for s in spread) / repeats, 4),
            "accuracy_mean": round(sum(s.accuracy for s in spread) / repeats, 4)}
        print(f"other held-out splits: ECE {metrics['heldout_other_splits']['ece']} "
              f"(mean {metrics['heldout_other_splits']['ece_mean']}), accuracy {metrics['heldout_other_splits']['accuracy']}")
    if plot:
        from factcheck.apps.evaluate import score, with_calibration
        from factcheck.render.evaluation import plot_reliability

        rows = sorted(held)
        gold, pred = [units[i].label for i in rows], [after[i].verdict.value for i in rows]
        report_h = with_calibration(score(gold, pred), gold, pred, [after[i].confidence for i in rows])
        plot_reliability(report_h, str(plot), title=f"Shipped verdict model, held-out development statements "
                                                    f"(n={len(rows)}: seed, news and Check-COVID train/dev)")
        print(f"wrote {plot}")
    if write:
        counts = {n: sum(u.source == n for u in units) for n in names}
        model.manifest = {
            "data": {"sets": counts, "heldout": len(held), "fitted_on": len(fit_idx),
                     "weights": {" and ".join(n for n in WEIGHTED_SETS if n in names): seed_weight, "others": 1.0},
                     "sources": {n: SOURCES[n] for n in names},
                     "never": "bench test sets"},
            "date": datetime.date.today().isoformat(),
            "nli_model": SHIPPED_MODEL_DIR.name,  # as factcheck.judge.verdict_model.nli_model_id names it
            "features": list(model.features),
            "heldout_note": "held out, never fitted: 20% of the seed statements, 2 of the 8 news_own articles "
                            "(all their statements) and 40% of the Check-COVID claim groups (every variant of a "
                            "claim on one side)",
            "fit": {"l2": report.l2, "temperature": round(report.temperature, 4),
                    "temperature_constrained": round(report.temperature_constrained, 4), "folds": folds,
                    "confidence_map": None if cmap is None else
                    {"block": CONFIDENCE_BLOCK, "breakpoints": len(cmap.x),
                     "chosen_on": "nested CV ECE of the out-of-fold verdicts of the fitted statements"},
                    "command": "python -m benchmarks.fit_verdict_model collect && "
                               "python -m benchmarks.fit_verdict_model fit --repeats 4 --plot docs/reliability.png --write"
                               + ("" if not leave_out else " --leave-out " + " ".join(leave_out))},
            "metrics": metrics,
        }
        model.save(SHIPPED_MODEL_DIR / VERDICT_FILE)
        print(f"wrote {SHIPPED_MODEL_DIR / VERDICT_FILE}")
    return metrics


def bench(cache: Path, log=print) -> dict:
    """Accuracy, macro-F1 and ECE on the claim-level bench sets: threshold fusion vs the shipped verdict model."""
    from factcheck.judge.nli import SHIPPED_MODEL_DIR
    from factcheck.judge.verdict_model import LABELS, read_model_verdict
    from factcheck.training.fit_verdict import final_result, scores

    collect(cache, BENCH_SETS, NLI_HELDOUT, log=log)
    model = read_model_verdict(SHIPPED_MODEL_DIR)
    out = {}
    for name in BENCH_SETS:
        units, before = load_cache(cache, (name,))
        gold = [u.label for u in units]
        labels = [x for x in LABELS if x in gold]  # WiCE has no contradictions: scored two-way, as the harness does
        b, a = scores(gold, before, labels), scores(gold, [final_result(u, model, _grounding()) for u in units], labels)
        out[name] = {"before": b.__dict__, "after": a.__dict__}
        print(f"{name:18s} before {b.line()}\n{'':18s} after  {a.line()}")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=("collect", "fit", "bench"))
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--sets", nargs="+", default=None, choices=SETS,
                    help=f"default: collect all of {', '.join(SETS)}; fit {', '.join(FIT_SETS)}")
    ap.add_argument("--nli-heldout", type=Path, default=NLI_HELDOUT)
    ap.add_argument("--every", type=int, default=1, help="collect: every n-th Check-COVID/NLI statement only")
    ap.add_argument("--seed-weight", type=float, default=SEED_WEIGHT,
                    help=f"fit: weight of a statement of {', '.join(WEIGHTED_SETS)} (others 1)")
    ap.add_argument("--write", action="store_true", help="write the fit beside the shipped NLI model")
    ap.add_argument("--repeats", type=int, default=0, help="fit: also report N other random held-out splits")
    ap.add_argument("--plot", type=Path, default=None, help="fit: draw the held-out reliability diagram here")
    ap.add_argument("--no-passage", action="store_true",
                    help="fit: leave the passage features out (the checker then reads no passages)")
    ap.add_argument("--leave-out", nargs="+", default=[], metavar="FEATURE",
                    help="fit: leave these features out (names from factcheck.judge.verdict_model.FEATURES)")
    args = ap.parse_args(argv)
    if args.step == "bench":
        bench(args.cache if args.cache != DEFAULT_CACHE else DEFAULT_CACHE.parent / "verdict-bench",
              log=lambda m: print(m, file=sys.stderr, flush=True))
    elif args.step == "collect":
        try:
            collect(args.cache, tuple(args.sets or SETS), args.nli_heldout, args.every,
                    log=lambda m: print(m, file=sys.stderr, flush=True))
        except CacheBusy as exc:
            sys.exit(f"error: {exc}")
    else:
        fit(args.cache, tuple(args.sets or FIT_SETS), seed_weight=args.seed_weight, write=args.write,
            repeats=args.repeats, plot=args.plot,
            leave_out=tuple(args.leave_out) + (PASSAGE_FEATURES if args.no_passage else ()))


if __name__ == "__main__":
    main()

"""`factcheck calibrate`: refit the verdict model on a newsroom's own labelled statements, as a named profile.

The labelled file has the shape `eval` reads (`statement` or `claim`, `label`). Every statement is checked once
against the corpus; the verdict model is then refitted on what the pipeline found, starting from (and
penalised towards) the model in use now — the NLI model's verdict_model.json, or the active profile — so a few
labels move it a little and many move it far. "Before" is the model in use now on these statements; "after" is
k-fold cross-validated: every statement is scored by a model fitted without it. The profile is written only when
everything worked, to FACTCHECK_HOME/profiles/NAME.json, with a manifest (file, its sha256, label counts,
corpus, NLI model, date, before/after figures).
"""

from __future__ import annotations

import datetime
import hashlib
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from factcheck.apps.evaluate import LabelledStatement, read_labelled
from factcheck.errors import InputError
from factcheck.judge.verdict_model import LABELS, nli_model_id, profile_path

MIN_PER_CLASS = 10  # labelled statements of each verdict needed to fit (and to cross-validate) at all
FOLDS = 5


class Figures(BaseModel):
    model_config = ConfigDict(extra="forbid")

    accuracy: float
    macro_f1: float
    ece: float
    true_called_contradicted: int


class CalibrationReport(BaseModel):
    """What `calibrate` did: the profile written, the labels it used and the figures before and after."""

    model_config = ConfigDict(extra="forbid")

    profile: str
    path: str
    labelled: str
    corpus: str
    rows: int
    counts: dict[str, int]
    folds: int
    started_from: str  # the model the refit started from (and "before" measured)
    before: Figures
    after: Figures  # k-fold cross-validated
    l2: float
    temperature: float
    temperature_constrained: float


def check_labels(rows: list[LabelledStatement], source: str, *, minimum: int = MIN_PER_CLASS) -> dict[str, int]:
    """Label counts, or an InputError when the labels cannot support a fit (nothing is written then)."""
    counts = Counter(r.label.value for r in rows)
    other = sorted(set(counts) - set(LABELS))
    if other:
        raise InputError(f"{source}: calibrate fits {', '.join(LABELS)}; found {', '.join(other)} "
                         f"(e.g. line {next(r.line for r in rows if r.label.value in other)}); relabel or drop those rows")
    listed = ", ".join(f"{label} {counts.get(label, 0)}" for label in LABELS)
    if len(counts) <= 1:
        only = next(iter(counts), "none")
        raise InputError(f"{source}: every label is {only}; calibrate needs labelled statements of all three "
                         f"verdicts, at least {minimum} of each ({listed})")
    short = [label for label in LABELS if counts.get(label, 0) < minimum]
    if short:
        raise InputError(f"{source}: too few labels to fit: need at least {minimum} statements of each verdict, "
                         f"have {listed}; add {', '.join(f'{minimum - counts.get(x, 0)} {x}' for x in short)}")
    return {label: counts[label] for label in LABELS}


def calibrate(labelled: str | Path, checker, *, corpus: str, profile: str, folds: int = FOLDS,
              minimum: int = MIN_PER_CLASS, log=lambda message: None) -> CalibrationReport:
    """Refit the verdict model on `labelled`, checked against `checker`'s corpus, and save it as `profile`."""
    from factcheck.training.fit_verdict import (
        cross_validate,
        design,
        final_result,
        fit_model,
        judge_units,
        scores,
        settle_confidence_map,
        unit_from_results,
    )

    path = profile_path(checker.settings, profile)  # a bad name fails before any work
    judge = checker.judge
    if not hasattr(judge, "verdict_model"):
        raise InputError(f"calibrate refits the NLI judge's verdict model; the {judge.name!r} judge has none "
                         "(drop --judge)")
    rows = list(read_labelled(labelled))
    counts = check_labels(rows, str(labelled), minimum=minimum)
    log(f"checking {len(rows)} labelled statements against corpus {corpus!r}…")
    units = [unit_from_results(whole, parts, row.label.value, group=str(i))
             for i, (row, (whole, parts)) in enumerate(zip(rows, judge_units(checker, [r.statement for r in rows])))]
    gold = [u.label for u in units]
    current = judge.verdict_model
    before = scores(gold, [final_result(u, current, judge.fusion) for u in units])
    log(f"fitting ({folds}-fold cross-validation)…")
    after = scores(gold, cross_validate(units, prior=current, folds=folds, grounding=judge.fusion))
    x, y, allowed, w = design(units, judge.fusion)
    model, fit = fit_model(x, y, w, [u.group for u in units], allowed=allowed, prior=current, folds=folds)
    model, _ = settle_confidence_map(model, fit.oof_logits, y, allowed, [u.group for u in units], folds=folds)
    started = (f"profile {checker.settings.profile}" if checker.settings.profile else
               "the NLI model's verdict model" if current is not None else "the threshold fusion")
    figures = {"before": _figures(before), "after": _figures(after)}
    model.manifest = {
        "labelled": str(labelled), "sha256": hashlib.sha256(Path(labelled).read_bytes()).hexdigest(),
        "corpus": corpus, "rows": len(rows), "counts": counts, "date": datetime.date.today().isoformat(),
        "nli_model": nli_model_id(judge.nli), "started_from": started, "folds": folds,
        "fit": {"l2": fit.l2, "temperature": round(fit.temperature, 4),
                "temperature_constrained": round(fit.temperature_constrained, 4),
                # a confidence map needs a few hundred labels (fit_confidence_map); with fewer, the temperatures alone
                "confidence_map_breakpoints": len(model.confidence_map.x) if model.confidence_map else 0},
        "metrics": {k: v.model_dump() for k, v in figures.items()},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return CalibrationReport(profile=profile, path=str(path), labelled=str(labelled), corpus=corpus, rows=len(rows),
                             counts=counts, folds=folds, started_from=started, before=figures["before"],
                             after=figures["after"], l2=fit.l2, temperature=fit.temperature,
                             temperature_constrained=fit.temperature_constrained)


def _figures(s) -> Figures:
    return Figures(accuracy=s.accuracy, macro_f1=s.macro_f1, ece=s.ece,
                   true_called_contradicted=s.true_called_contradicted)

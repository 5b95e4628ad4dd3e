"""Fit and calibrate a verdict model (factcheck.judge.verdict_model) on labelled statements.

The unit of data is a labelled statement with the evidence the NLI judge built for it, and for each of its parts
when the statement says several things (`Unit`). The model is fitted on the statements as a whole (their labels
are exact; a part of a CONTRADICTED statement may well be true); it is *measured* on the final verdicts, where
parts are combined as at run time (`final_result`).

Fitting: multinomial logistic regression on standardised features, L2-penalised towards a prior (zero, or the
model being recalibrated, so that a few labels move it a little and many move it far); the penalty is chosen by
grouped, stratified k-fold cross-validation (log-loss), and the temperature on the out-of-fold logits of that
choice, and then the confidence map (`fit_confidence_map`) on the out-of-fold probability of the verdict each
statement would get. The hard constraints (`allowed_classes`) are not applied while fitting: the model estimates which verdict
is right, blocks included as features, and the constraints bind only the verdict it gives. `cross_validate` wraps
all of that in an outer k-fold, so the reported "after" figures never see the statements they score.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from factcheck.judge.verdict_model import (
    FEATURES,
    LABELS,
    ConfidenceMap,
    VerdictModel,
    allowed_classes,
    softmax,
    statement_features,
)
from factcheck.results import CheckResult, Evidence, Verdict

L2_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


@dataclass
class Unit:
    """A labelled statement and what the pipeline found for it and for each of its parts."""

    statement: str
    label: str  # one of LABELS
    evidence: list[Evidence]
    parts: list[tuple[str, list[Evidence]]] = field(default_factory=list)
    group: str = ""  # statements of one group stay on one side of every split
    weight: float = 1.0
    source: str = ""  # the data set it came from, for reports


def judge_units(checker, statements: Sequence[str]) -> list[tuple[CheckResult, list[CheckResult]]]:
    """(result on the whole statement, results on its parts) for each statement, before parts are combined."""
    from factcheck.checker import validate_statement
    from factcheck.judge.statements import split_statement

    statements = [validate_statement(s, checker.settings.max_statement_chars) for s in statements]
    parts = [split_statement(s) if checker.settings.split_statements else [] for s in statements]
    flat = checker._judge_batch(statements + [p for ps in parts for p in ps])
    wholes, rest = flat[: len(statements)], iter(flat[len(statements):])
    return [(w, [next(rest) for _ in ps]) for w, ps in zip(wholes, parts)]


def unit_from_results(whole: CheckResult, parts: Sequence[CheckResult], label: str, **kw) -> Unit:
    return Unit(statement=whole.statement, label=label, evidence=whole.evidence,
                parts=[(r.statement, r.evidence) for r in parts], **kw)


def design(units: Sequence[Unit], grounding=None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(features in FEATURES order, label ids, allowed-class mask, weights) of the whole statements; a row of
    the mask that is not all True is a constrained statement (see `fit_model`). `grounding`: the judge's
    FusionConfig, so the mask rules out an ungrounded CONTRADICTED as the judge will."""
    x = np.array([[f[n] for n in FEATURES] for f in (statement_features(u.statement, u.evidence) for u in units)],
                 dtype=np.float64).reshape(len(units), len(FEATURES))
    y = np.array([LABELS.index(u.label) for u in units], dtype=np.int64)
    allowed = np.array([allowed_classes(u.evidence, grounding) for u in units], dtype=bool).reshape(len(units), 3)
    w = np.array([u.weight for u in units], dtype=np.float64)
    return x, y, allowed, w


# --- fitting ---------------------------------------------------------------------------------------------------


def _fit_weights(xs: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float,
                 prior: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias minimising weighted cross-entropy + l2/2·|W − W0|² on standardised `xs`."""
    from scipy.optimize import minimize

    w = w / max(w.sum(), 1e-12)
    k = xs.shape[1]
    w0, b0 = prior
    onehot = np.eye(3)[y]

    def loss(theta):
        W, b = theta[: 3 * k].reshape(3, k), theta[3 * k:]
        p = softmax(xs @ W.T + b)
        nll = -np.sum(w * np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None)))
        d = W - w0
        g = (p - onehot) * w[:, None]
        return nll + 0.5 * l2 * np.sum(d * d), np.concatenate([(g.T @ xs + l2 * d).ravel(), g.sum(axis=0)])

    theta0 = np.concatenate([w0.ravel(), b0])
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return res.x[: 3 * k].reshape(3, k), res.x[3 * k:]


def fit_temperature(logits: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> float:
    """The temperature T minimising the (weighted) log-loss of softmax(logits / T)."""
    from scipy.optimize import minimize_scalar

    w = np.ones(len(y)) if w is None else w
    if not len(y):
        return 1.0

    def nll(log_t):
        p = softmax(logits / np.exp(log_t))[np.arange(len(y)), y]
        return -np.sum(w * np.log(np.clip(p, 1e-12, None))) / w.sum()

    return float(np.exp(minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded").x))


def stratified_folds(y: np.ndarray, groups: Sequence[str], k: int, seed: int = 0) -> list[np.ndarray]:
    """k disjoint index arrays; a group never spans two folds, each fold gets a share of every label."""
    rng = np.random.default_rng(seed)
    by_group: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_group.setdefault(g, []).append(i)
    names = list(by_group)
    rng.shuffle(names)
    # Deal groups label by label (a group's label: its first member's), round-robin, so folds stay stratified.
    names.sort(key=lambda g: y[by_group[g][0]])
    folds: list[list[int]] = [[] for _ in range(k)]
    for j, g in enumerate(names):
        folds[j % k].extend(by_group[g])
    return [np.array(sorted(f), dtype=np.int64) for f in folds]


# The confidence map pools out-of-fold verdicts into blocks of at least this many (by rank of their probability)
# before pooling adjacent violators: plain isotonic regression on ~800 verdicts leaves steps of 1-10 statements
# (0 or 1 at the ends), whose binned ECE looks good and whose log-loss is worse. 30 was the block size with the
# lowest ECE, nested 5-fold over the out-of-fold verdicts of the 829 fitted development statements (10: 0.030,
# 20: 0.025, 30: 0.024, 50: 0.043, 80: 0.051; the temperature alone 0.046); its log-loss (0.571 against 0.566)
# and Brier score (0.196 against 0.194) are slightly worse than the temperature alone's, which is why a fit keeps
# the map only when it pays (`settle_confidence_map`).
CONFIDENCE_BLOCK = 30
MIN_CONFIDENCE_BLOCKS = 5  # fewer out-of-fold statements than 5 blocks: no map (the temperature alone)


def fit_confidence_map(confidence: np.ndarray, correct: np.ndarray, *, block: int = CONFIDENCE_BLOCK,
                       min_blocks: int = MIN_CONFIDENCE_BLOCKS) -> ConfidenceMap | None:
    """Isotonic (pool-adjacent-violators) map from a verdict's probability to the share of such verdicts right.

    Verdicts are sorted by probability and cut into equal blocks of at least `block`; each block is a breakpoint
    (its mean probability → its share right), adjacent blocks that break monotonicity are pooled, and the map
    interpolates linearly between breakpoints. None when there are fewer than `min_blocks` blocks.
    """
    confidence, correct = np.asarray(confidence, dtype=np.float64), np.asarray(correct, dtype=np.float64)
    n_blocks = len(confidence) // block
    if n_blocks < min_blocks:
        return None
    order = np.argsort(confidence, kind="stable")
    edges = np.linspace(0, len(confidence), n_blocks + 1).round().astype(int)
    xs = np.array([confidence[order[a:b]].mean() for a, b in zip(edges[:-1], edges[1:])])
    pools: list[list[float]] = []  # [share right, statements, blocks pooled]
    for a, b in zip(edges[:-1], edges[1:]):
        pools.append([float(correct[order[a:b]].mean()), float(b - a), 1])
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            (v2, n2, k2), (v1, n1, k1) = pools.pop(), pools.pop()
            pools.append([(v1 * n1 + v2 * n2) / (n1 + n2), n1 + n2, k1 + k2])
    ys = np.repeat([v for v, _, _ in pools], [int(k) for _, _, k in pools])
    x, y = np.round(xs, 6), np.round(ys, 6)
    keep = np.concatenate([[True], np.diff(x) > 0])  # equal rounded probabilities: one breakpoint
    return ConfidenceMap(x=tuple(float(v) for v in x[keep]), y=tuple(float(v) for v in y[keep]))


def chosen_confidence(model: VerdictModel, logits: np.ndarray, allowed: np.ndarray | None,
                      y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(temperature-scaled probability of the verdict `model` chooses, whether it is right) per row of `logits`."""
    allowed = np.ones((len(logits), 3), dtype=bool) if allowed is None else np.asarray(allowed, dtype=bool)
    t = np.full((len(logits), 1), model.temperature)
    if model.temperature_constrained is not None:
        t[~allowed.all(axis=1)] = model.temperature_constrained
    p = softmax(logits / t)
    k = model.choose(p, allowed)
    return p[np.arange(len(p)), k], k == y


def with_confidence_map(model: VerdictModel, oof_logits: np.ndarray, y: np.ndarray,
                        allowed: np.ndarray | None) -> VerdictModel:
    """`model` with its confidence map fitted on out-of-fold logits (unweighted, like the temperatures)."""
    from dataclasses import replace

    return replace(model, confidence_map=fit_confidence_map(*chosen_confidence(model, oof_logits, allowed, y)))


def confidence_map_check(oof_logits: np.ndarray, y: np.ndarray, allowed: np.ndarray, groups: Sequence[str], *,
                         fallback: str = "next", folds: int = 5) -> dict[str, dict[str, float]]:
    """Does the map help? Temperatures, and temperatures + map, fitted on k−1 folds of out-of-fold logits and
    scored on the k-th: ECE, log-loss and Brier score of the chosen verdict's probability, over every row."""
    from factcheck.apps.evaluate import expected_calibration_error

    constrained = np.asarray(~np.asarray(allowed, dtype=bool).all(axis=1))
    conf = {"temperature": np.zeros(len(y)), "temperature + map": np.zeros(len(y))}
    right = np.zeros(len(y), dtype=bool)
    for test in stratified_folds(y, groups, folds, seed=2):
        train = np.setdiff1d(np.arange(len(y)), test)
        t, t_constrained = fit_temperatures(oof_logits[train], y[train], constrained[train])
        model = VerdictModel(features=("ent_max",), mean=np.zeros(1), scale=np.ones(1), weights=np.zeros((3, 1)),
                             bias=np.zeros(3), temperature=t, temperature_constrained=t_constrained,
                             fallback=fallback)
        cmap = fit_confidence_map(*chosen_confidence(model, oof_logits[train], allowed[train], y[train]))
        c, right[test] = chosen_confidence(model, oof_logits[test], allowed[test], y[test])
        conf["temperature"][test] = c
        conf["temperature + map"][test] = c if cmap is None else cmap(c)
    out = {}
    for name, c in conf.items():
        q = np.clip(c, 1e-6, 1 - 1e-6)
        out[name] = {"ece": round(expected_calibration_error(c.tolist(), right.tolist()), 4),
                     "log_loss": round(float(-np.mean(np.where(right, np.log(q), np.log(1 - q)))), 4),
                     "brier": round(float(np.mean((c - right) ** 2)), 4)}
    return out


def settle_confidence_map(model: VerdictModel, oof_logits: np.ndarray, y: np.ndarray, allowed: np.ndarray,
                          groups: Sequence[str], folds: int = 5) -> tuple[VerdictModel, dict[str, dict[str, float]]]:
    """`model` with its confidence map refitted for the verdicts it gives, kept only if it pays: a proper score
    decides. A map that lowers ECE (binned, noisy) but raises the nested out-of-fold log-loss or Brier score is
    fitting noise, so the temperatures alone calibrate. Returns the model and `confidence_map_check`'s table."""
    from dataclasses import replace

    model = with_confidence_map(model, oof_logits, y, allowed)
    check = confidence_map_check(oof_logits, y, allowed, groups, fallback=model.fallback, folds=folds)
    plain, mapped = check["temperature"], check["temperature + map"]
    if model.confidence_map is not None and (mapped["log_loss"] > plain["log_loss"] or mapped["brier"] > plain["brier"]):
        model = replace(model, confidence_map=None)
    return model, check


@dataclass
class FitReport:
    l2: float
    temperature: float
    temperature_constrained: float
    cv_log_loss: dict[float, float]
    oof_logits: np.ndarray  # out-of-fold logits at the chosen penalty (before the temperature)
    map_check: dict[str, dict[str, float]] = field(default_factory=dict)  # set by callers that run it


MIN_PER_TEMPERATURE = 30  # statements needed to give constrained verdicts their own temperature


def fit_model(x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: Sequence[str], *,
              constrained: np.ndarray | None = None, allowed: np.ndarray | None = None,
              prior: VerdictModel | None = None, folds: int = 5, l2_grid: Sequence[float] = L2_GRID,
              manifest: dict | None = None, features: Sequence[str] = FEATURES) -> tuple[VerdictModel, FitReport]:
    """Fit a verdict model: the penalty by k-fold CV, then all rows, then the temperatures and the confidence map
    on out-of-fold logits.

    `w` weighs the statements in the fit; the temperatures are fitted unweighted, so that the probabilities are
    calibrated on statements as they come, not on the fit's emphasis. Statements whose evidence rules a verdict
    out (`constrained`, from `allowed_classes`) get their own temperature when there are enough of each kind
    (`MIN_PER_TEMPERATURE`): their verdict is often not the model's favourite, and one temperature for both
    leaves one side over- and the other underconfident. With `prior`, its standardisation is kept and the
    weights are pulled towards its weights (recalibration). `allowed` (the mask of `design`; it implies
    `constrained`) lets the confidence map see the verdict each statement will get; without it, the most
    probable one. A caller that changes `fallback` or the grounding afterwards refits the map
    (`with_confidence_map`). `features`: the columns of `x` (in FEATURES order) the model reads; without a
    prior, a subset leaves the others out (the pass_* features: no passages read at run time).
    """
    if allowed is not None and constrained is None:
        constrained = np.asarray(~np.asarray(allowed, dtype=bool).all(axis=1))
    if prior is not None:
        mean, scale = prior.mean, prior.scale
        prior_wb = (prior.weights, prior.bias)
        x = x[:, [FEATURES.index(f) for f in prior.features]]
        features = prior.features
    else:
        x = x[:, [FEATURES.index(f) for f in features]]
        mean = x.mean(axis=0)
        scale = np.where(x.std(axis=0) > 1e-6, x.std(axis=0), 1.0)
        prior_wb = (np.zeros((3, x.shape[1])), np.zeros(3))
    xs = (x - mean) / scale
    splits = stratified_folds(y, groups, folds)
    oof: dict[float, np.ndarray] = {}
    losses: dict[float, float] = {}
    for l2 in l2_grid:
        z = np.zeros((len(y), 3))
        for test in splits:
            train = np.setdiff1d(np.arange(len(y)), test)
            W, b = _fit_weights(xs[train], y[train], w[train], l2, prior_wb)
            z[test] = xs[test] @ W.T + b
        oof[l2] = z
        losses[l2] = _log_loss(softmax(z), y, w)
    best = min(l2_grid, key=lambda v: (losses[v], -v))  # ties: the stronger penalty
    W, b = _fit_weights(xs, y, w, best, prior_wb)
    cons = np.zeros(len(y), dtype=bool) if constrained is None else np.asarray(constrained, dtype=bool)
    temperature, temperature_constrained = fit_temperatures(oof[best], y, cons)
    model = VerdictModel(features=tuple(features), mean=mean, scale=scale, weights=W, bias=b,
                         temperature=temperature, temperature_constrained=temperature_constrained,
                         manifest=dict(manifest or {}))
    model = with_confidence_map(model, oof[best], y, allowed)
    return model, FitReport(l2=best, temperature=temperature, temperature_constrained=temperature_constrained,
                            cv_log_loss=losses, oof_logits=oof[best])


def fit_temperatures(logits: np.ndarray, y: np.ndarray, constrained: np.ndarray) -> tuple[float, float]:
    """(temperature, temperature_constrained): one each when both kinds have `MIN_PER_TEMPERATURE` rows, else one
    for all."""
    if min(constrained.sum(), (~constrained).sum()) >= MIN_PER_TEMPERATURE:
        return fit_temperature(logits[~constrained], y[~constrained]), fit_temperature(logits[constrained],
                                                                                       y[constrained])
    t = fit_temperature(logits, y)
    return t, t


def _log_loss(p: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    return float(-np.sum(w * np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None))) / w.sum())


# --- verdicts and metrics --------------------------------------------------------------------------------------


def final_result(unit: Unit, model: VerdictModel | None, fusion=None) -> CheckResult:
    """The verdict the checker would give on `unit` with `model` (None: the threshold fusion with `fusion`),
    parts combined as at run time; a model is grounded by `fusion` when given, as the judge grounds it. The
    unit's evidence is not modified."""
    from factcheck.judge.fusion import decide
    from factcheck.judge.statements import combine

    if model is not None and fusion is not None and model.grounding is None:
        model = model.grounded(fusion)  # contradictions grounded as at run time (NLIJudge)

    def one(statement: str, evidence: list[Evidence]) -> CheckResult:
        evs = copy.deepcopy(evidence)
        if model is not None:
            return model.decide(statement, evs)
        verdict, conf, why = decide(evs, fusion)
        return CheckResult(statement=statement, verdict=verdict, confidence=conf, evidence=evs, explanation=why)

    return combine(one(unit.statement, unit.evidence), [one(s, e) for s, e in unit.parts])


@dataclass
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    ece: float
    true_called_contradicted: int

    def line(self) -> str:
        return (f"accuracy {self.accuracy:.3f}  macro-F1 {self.macro_f1:.3f}  ECE {self.ece:.3f}  "
                f"(n={self.n}; SUPPORTED called CONTRADICTED: {self.true_called_contradicted})")


def scores(gold: Sequence[str], results: Sequence[CheckResult], labels: Sequence[str] = LABELS) -> Scores:
    """Accuracy and macro-F1 over `labels` (the three verdicts), ECE of the confidence, and true statements
    contradicted."""
    from factcheck.apps.evaluate import expected_calibration_error, score

    pred = [r.verdict.value for r in results]
    report = score(list(gold), pred, labels)
    ok = [g == p for g, p in zip(gold, pred)]
    return Scores(n=len(gold), accuracy=report.accuracy, macro_f1=report.macro_f1,
                  ece=expected_calibration_error([r.confidence for r in results], ok),
                  true_called_contradicted=sum(g == Verdict.SUPPORTED.value and p == Verdict.CONTRADICTED.value
                                               for g, p in zip(gold, pred)))


def cross_validate(units: Sequence[Unit], *, prior: VerdictModel | None = None, folds: int = 5,
                   inner_folds: int = 5, grounding=None) -> list[CheckResult]:
    """Out-of-fold final results: each fold decided by a model fitted (penalty, temperature and all) without it;
    `grounding` as in `design` and `final_result`."""
    x, y, allowed, w = design(units, grounding)
    groups = [u.group or str(i) for i, u in enumerate(units)]
    out: list[CheckResult | None] = [None] * len(units)
    for test in stratified_folds(y, groups, folds, seed=1):
        train = np.setdiff1d(np.arange(len(units)), test)
        model, _ = fit_model(x[train], y[train], w[train], [groups[i] for i in train], allowed=allowed[train],
                             prior=prior, folds=inner_folds)
        for i in test:
            out[i] = final_result(units[i], model, grounding)
    return out  # type: ignore[return-value]

"""Learned verdicts: a small multinomial logistic regression over what the pipeline already computes for a
statement, calibrated by temperature (and a monotone map of the chosen verdict's probability), in place of the
hand-set fusion thresholds.

The NLI judge builds the evidence (retrieved claims, NLI probabilities for those at least `min_similarity`
similar, rule findings for those at least `align_similarity` similar — and for the most similar one whatever its
similarity — and the blocking ones for the other scored items, the coverage check per document); this
module turns that evidence into one feature vector (`statement_features`), the model turns the vector into
P(SUPPORTED), P(CONTRADICTED), P(NOT_ENOUGH_INFO), and `VerdictModel.decide` picks the verdict, its confidence
(the calibrated probability of that verdict) and the explanation. `min_similarity` and `align_similarity`
remain, as the defaults of which items count as evidence and which the rules read; no threshold on a
probability decides anything any more.

Features (`FEATURES`; every value is in [0, 1] or a small count). An item is *scored* when it has NLI
probabilities. A finding with `blocks="verdict"` (the document never mentions a name the statement is about)
takes its item out of both directions; `blocks="support"` (a figure the sentence does not confirm) out of
support; `blocks="contradiction"` (the statement denies the opposite of the sentence's word) out of
contradiction. "Support items" are the scored items not blocked from supporting, "contradiction items" those not
blocked from contradicting.

| name | what |
|---|---|
| ent_max, ent_sim, ent_mean | max P(entailment) over support items; max P(entailment) × similarity; mean P(entailment) over scored items |
| con_max, con_sim, con_mean | the same for P(contradiction) over contradiction items |
| ent_any, ent_sim_any, con_any, con_sim_any | max P(entailment), × similarity, and the same for contradiction, over *every* scored item, blocked or not: how strongly the items a block silences speak (the block binds the verdict, but the probability should know what it overrode) |
| neu_min | min P(neutral) over scored items (1 when none) |
| margin | ent_max − con_max |
| ent_top, con_top | P(entailment), P(contradiction) of the most similar scored item |
| sim_max | similarity of the most similar retrieved item (scored or not) |
| sim_ent, sim_con | similarity of the support item with max P(entailment), of the contradiction item with max P(contradiction) |
| scored_frac | fraction of retrieved items that are scored |
| rule_R_supports, rule_R_contradicts | max confidence of rule R's findings with that relation, over support / contradiction items; R in `RULES`, "other" for rules from outside packages; a rule's support on an item another rule contradicts (the speaker agrees, a figure agrees, the content is denied) is left out: it backs nothing of what was said |
| attributed | the best support item's sentence attributes the claim to someone else |
| verdict_blocked, verdict_blocked_all | fraction of scored items blocked from any verdict; 1 when all are (coverage) |
| support_blocked, support_blocked_all | the same for items blocked from supporting (coverage or an unconfirmed figure) |
| docs_agree, docs_disagree | documents (up to 3) with a support item whose NLI label is entailment, with a contradiction item whose NLI label is contradiction or a rule contradiction |
| words | log(1 + words in the statement) / 5 |
| has_number | the statement contains a digit |
| pass_ent, pass_con | P(entailment), P(contradiction) of the passage: the most similar scored item read together with the next most similar sentences of its document (`Evidence.passage`); without one, the most similar item's own (ent_top, con_top) |
| uncovered_ent, uncovered_top, uncovered_all | share of the statement's content words (lemmas of nouns, names, verbs, adjectives, numbers; no stop or generic words) that the sentence of the best support item, of the most similar scored item, of no scored item at all contains (1 when there is no such item): a detail the evidence never mentions ("because of her fast metabolism") leaves the source silent however high NLI scores the rest |
| unused_words | the statement's nouns and names that its document never uses in any form (`Evidence.unused_words`, the coverage check's document words), counted up to 3 and divided by 3; the fewest over the documents of the retrieved items, scored or not (1 with no evidence at all, 0 where no document was looked at): details a paraphrase rarely adds and a claim the source is silent on often does |

Hard constraints. The blocks are features (above), and they bind the verdict: where no scored item may support
(every one blocked, or none scored) the verdict is never SUPPORTED, where none may contradict never CONTRADICTED
— the verdict is the most probable of the verdicts the evidence allows (`allowed_classes`). The probabilities
themselves are not zeroed: they are calibrated estimates of what the right verdict is, and a constraint that binds
is not always right (on Check-COVID dev claims the coverage check blocks every item for 41 of 207 claims, 26 of
them SUPPORTED or CONTRADICTED: the abstract says "SARS-CoV-2" where the claim says "COVID-19"). Zeroing and
renormalising would report 1.00 for those forced NOT_ENOUGH_INFO verdicts, which are right 61% of the time; kept,
the confidence (P of the chosen verdict) stays honest, and a blocked verdict's probability tells the editor how
often statements like this one are in fact supported or contradicted.
CONFLICTED: the model is applied to each document's evidence on its own; when one document's verdict is
SUPPORTED and another's CONTRADICTED, both with probability ≥ `conflict_score`, the sources disagree and the
statement is CONFLICTED, its confidence the weaker side's probability (`verdict_probabilities` stay the
statement-level three).

Each item's `relation` is the model's verdict on that item alone, so the evidence shown agrees with the
verdict; the item cited in the explanation is the one most probable for the verdict on its own.

Calibration. The temperatures (`temperature`, and `temperature_constrained` for statements whose evidence rules a
verdict out) make the three probabilities calibrated on the whole; a `ConfidenceMap` then maps the probability of
the *chosen* verdict (after the temperature) to the share of such verdicts that were right on the fit's
out-of-fold predictions (top-label calibration: the temperatures fit all three classes, the map the one number
an editor reads). The other two probabilities are rescaled to sum to 1 with it. The verdict is chosen before the
map and never by it: the map changes confidences only.

The fit ships beside the NLI model as `verdict_model.json` (weights, standardisation, temperatures, confidence map,
feature list and a manifest: data used, date, metrics); `factcheck calibrate` writes the same format as a named profile.
An NLI model without one keeps the threshold fusion (`factcheck.judge.fusion.decide`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import InputError, ModelError
from factcheck.results import CheckResult, Evidence, Finding, Verdict

FORMAT = "factcheck-verdict-model/1"
VERDICT_FILE = "verdict_model.json"  # beside the NLI model's weights
LABELS: tuple[str, str, str] = (Verdict.SUPPORTED.value, Verdict.CONTRADICTED.value, Verdict.NOT_ENOUGH_INFO.value)
S, C, N = 0, 1, 2
RULES = ("quantities", "dates", "polarity", "antonyms", "roles", "attribution", "other")
FEATURES: tuple[str, ...] = (
    "ent_max", "ent_sim", "ent_mean", "con_max", "con_sim", "con_mean", "ent_any", "ent_sim_any", "con_any",
    "con_sim_any", "neu_min", "margin", "ent_top", "con_top",
    "sim_max", "sim_ent", "sim_con", "scored_frac",
    *(f"rule_{r}_{rel}" for r in RULES for rel in ("supports", "contradicts")),
    "attributed", "verdict_blocked", "verdict_blocked_all", "support_blocked", "support_blocked_all",
    "docs_agree", "docs_disagree", "words", "has_number", "pass_ent", "pass_con",
    "uncovered_ent", "uncovered_top", "uncovered_all", "unused_words",
)
UNUSED_CAP = 3  # unused_words counts up to this many words
_RELATION = {S: "supports", C: "contradicts", N: "neutral"}


def _blocks(ev: Evidence) -> set[str]:
    return {f.blocks for f in ev.findings if f.blocks}


def can_support(ev: Evidence) -> bool:
    """A scored item no finding blocks from supporting."""
    return ev.probabilities is not None and not _blocks(ev) & {"support", "verdict"}


def can_contradict(ev: Evidence) -> bool:
    """A scored item no finding blocks from contradicting."""
    return ev.probabilities is not None and not _blocks(ev) & {"contradiction", "verdict"}


def statement_features(statement: str, evidence: Sequence[Evidence]) -> dict[str, float]:
    """The feature values (see the module docstring) of one statement and its evidence."""
    scored = [e for e in evidence if e.probabilities]
    sup = [e for e in scored if can_support(e)]
    con = [e for e in scored if can_contradict(e)]
    p: dict[int, dict[str, float]] = {id(e): e.probabilities for e in scored if e.probabilities is not None}

    def best(items, key):
        return max(items, key=lambda e: p[id(e)][key], default=None)

    b_ent, b_con = best(sup, "entailment"), best(con, "contradiction")
    top = max(scored, key=lambda e: e.similarity, default=None)
    f: dict[str, float] = {
        "ent_max": p[id(b_ent)]["entailment"] if b_ent else 0.0,
        "ent_sim": max((p[id(e)]["entailment"] * max(0.0, e.similarity) for e in sup), default=0.0),
        "ent_mean": float(np.mean([p[id(e)]["entailment"] for e in scored])) if scored else 0.0,
        "con_max": p[id(b_con)]["contradiction"] if b_con else 0.0,
        "con_sim": max((p[id(e)]["contradiction"] * max(0.0, e.similarity) for e in con), default=0.0),
        "con_mean": float(np.mean([p[id(e)]["contradiction"] for e in scored])) if scored else 0.0,
        "ent_any": max((p[id(e)]["entailment"] for e in scored), default=0.0),
        "ent_sim_any": max((p[id(e)]["entailment"] * max(0.0, e.similarity) for e in scored), default=0.0),
        "con_any": max((p[id(e)]["contradiction"] for e in scored), default=0.0),
        "con_sim_any": max((p[id(e)]["contradiction"] * max(0.0, e.similarity) for e in scored), default=0.0),
        "neu_min": min((p[id(e)]["neutral"] for e in scored), default=1.0),
        "ent_top": p[id(top)]["entailment"] if top else 0.0,
        "con_top": p[id(top)]["contradiction"] if top else 0.0,
        "sim_max": max((max(0.0, e.similarity) for e in evidence), default=0.0),
        "sim_ent": max(0.0, b_ent.similarity) if b_ent else 0.0,
        "sim_con": max(0.0, b_con.similarity) if b_con else 0.0,
        "scored_frac": len(scored) / len(evidence) if evidence else 0.0,
    }
    f["margin"] = f["ent_max"] - f["con_max"]
    for rel, items in (("supports", sup), ("contradicts", con)):
        for r in RULES:
            f[f"rule_{r}_{rel}"] = 0.0
        for e in items:
            for finding in e.findings:
                if finding.relation == rel and not _partial_support(finding, e):
                    key = f"rule_{finding.rule if finding.rule in RULES else 'other'}_{rel}"
                    f[key] = max(f[key], float(finding.confidence))
    f["attributed"] = 1.0 if b_ent is not None and b_ent.attributed_to else 0.0
    n = len(scored)
    f["verdict_blocked"] = (n - len(con)) / n if n else 0.0
    f["verdict_blocked_all"] = 1.0 if n and not con else 0.0
    f["support_blocked"] = (n - len(sup)) / n if n else 0.0
    f["support_blocked_all"] = 1.0 if n and not sup else 0.0
    agree = {e.source for e in sup if _argmax(p[id(e)]) == "entailment"}
    disagree = {e.source for e in con if _argmax(p[id(e)]) == "contradiction"
                or any(x.relation == "contradicts" for x in e.findings)}
    f["docs_agree"], f["docs_disagree"] = float(min(3, len(agree))), float(min(3, len(disagree)))
    f["words"] = math.log1p(len(statement.split())) / 5
    f["has_number"] = 1.0 if any(ch.isdigit() for ch in statement) else 0.0
    lead = next((e.passage for e in scored if e.passage), None)
    f["pass_ent"] = lead["entailment"] if lead else f["ent_top"]
    f["pass_con"] = lead["contradiction"] if lead else f["con_top"]
    f.update(_uncovered(statement, b_ent, top, scored))
    looked = [e.unused_words for e in evidence if e.unused_words is not None]
    f["unused_words"] = min(min(len(w), UNUSED_CAP) for w in looked) / UNUSED_CAP if looked else (
        0.0 if evidence else 1.0)
    return f


def _partial_support(finding: Finding, ev: Evidence) -> bool:
    """A rule's support for one part of a statement (the speaker agrees, a figure agrees) on an item whose content
    another rule contradicts: who said it, or how many, backs nothing of what was said, so it is no support
    ("officials said the men had access to weapons" against "the men had no access to weapons, officials said";
    "the three soldiers were viewed as a threat" against "the three soldiers … are not viewed as a threat")."""
    return finding.relation == "supports" and any(
        f.relation == "contradicts" and f.rule != finding.rule for f in ev.findings)


def _uncovered(statement: str, b_ent: Evidence | None, top: Evidence | None,
               scored: Sequence[Evidence]) -> dict[str, float]:
    """The uncovered_* features: shares of the statement's content words missing from evidence sentences."""
    from factcheck.ingest.nlp import parse
    from factcheck.judge.rules._common import content_lemmas

    doc = parse(statement)
    words = content_lemmas(doc) | {t.text for t in doc if t.like_num}
    if not words:
        return {"uncovered_ent": 0.0, "uncovered_top": 0.0, "uncovered_all": 0.0}

    def missing(sentences: Sequence[str]) -> float:
        seen: set[str] = set()
        for text in sentences:
            doc = parse(text)
            seen |= {t.lemma_.lower() for t in doc} | {t.text for t in doc if t.like_num}
        return len(words - seen) / len(words)

    return {"uncovered_ent": missing([b_ent.sentence]) if b_ent else 1.0,
            "uncovered_top": missing([top.sentence]) if top else 1.0,
            "uncovered_all": missing(list(dict.fromkeys(e.sentence for e in scored))) if scored else 1.0}


def _argmax(probs: dict[str, float]) -> str:
    return max(probs, key=lambda k: probs[k])


def allowed_classes(evidence: Sequence[Evidence], grounding=None) -> np.ndarray:
    """Which verdicts the evidence permits at all: [SUPPORTED, CONTRADICTED, NOT_ENOUGH_INFO] as booleans. With
    `grounding` (the judge's FusionConfig), CONTRADICTED also needs an item that contradicts on its own terms."""
    allowed = np.array([any(can_support(e) for e in evidence), any(can_contradict(e) for e in evidence), True])
    if grounding is not None and allowed[C]:
        from factcheck.judge.fusion import classify_evidence

        allowed[C] = any(classify_evidence(e, grounding)[0] == "contradicts" for e in evidence)
    return allowed


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def allowed_argmax(probs: np.ndarray, allowed: np.ndarray, silent: bool = False) -> np.ndarray:
    """Per row, the most probable class among the allowed ones (NOT_ENOUGH_INFO is always allowed).

    `silent`: where the most probable class is ruled out, NOT_ENOUGH_INFO instead (the evidence points at a
    verdict it cannot ground, so the source is taken as silent rather than on the other side).
    """
    probs = np.asarray(probs)
    best = np.where(allowed, probs, -1.0).argmax(axis=-1)
    if not silent:
        return best
    top = probs.argmax(axis=-1)
    return np.where(top == best, best, N)


@dataclass(frozen=True)
class ConfidenceMap:
    """A monotone, piecewise-linear map from the chosen verdict's probability to its calibrated probability.

    `x` (increasing) are the mean probabilities of blocks of out-of-fold verdicts, `y` (non-decreasing, in [0, 1])
    the share of each block that was right after pooling adjacent violators; outside [x[0], x[-1]] it is flat.
    """

    x: tuple[float, ...]
    y: tuple[float, ...]

    def __call__(self, p: np.ndarray) -> np.ndarray:
        return np.interp(p, self.x, self.y)

    def problem(self) -> str | None:
        """What is wrong with the breakpoints, or None."""
        x, y = np.asarray(self.x, dtype=np.float64), np.asarray(self.y, dtype=np.float64)
        if x.ndim != 1 or x.shape != y.shape or not len(x):
            return "confidence_map needs as many x as y breakpoints, at least one"
        if np.any(np.diff(x) <= 0) or np.any(np.diff(y) < 0):
            return "confidence_map must be increasing in x and non-decreasing in y"
        if np.any((x < 0) | (x > 1) | (y < 0) | (y > 1)):
            return "confidence_map breakpoints must lie in [0, 1]"
        return None


def calibrate_chosen(probs: np.ndarray, chosen: np.ndarray, cmap: ConfidenceMap) -> np.ndarray:
    """`probs` with each row's chosen class mapped by `cmap` and the other two rescaled so the row sums to 1."""
    probs = np.asarray(probs, dtype=np.float64)
    rows = np.arange(len(probs))
    p = probs[rows, chosen]
    q = cmap(p)
    rest = 1.0 - p
    out = np.where(rest[:, None] > 1e-12, probs * ((1.0 - q) / np.maximum(rest, 1e-12))[:, None],
                   ((1.0 - q) / 2)[:, None])  # the others had nothing: they share what the map takes away
    out[rows, chosen] = q
    return out


@dataclass
class VerdictModel:
    """Standardise → linear → temperature-scaled softmax; weights are (3, n_features) in `LABELS` order."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = 1.0
    temperature_constrained: float | None = None  # for evidence that rules a verdict out; None: `temperature`
    conflict_score: float = 0.5
    # Where the most probable verdict is one the evidence rules out: "next" takes the most probable allowed
    # one, "silent" answers NOT_ENOUGH_INFO (chosen per fit on development data: benchmarks.fit_verdict_model).
    fallback: str = "next"
    # P(contradiction) at which an NLI item grounds CONTRADICTED on its own (None: the fusion's contradict_threshold);
    # chosen per fit on development data like `fallback`.
    ground_contradiction: float | None = None
    # The chosen verdict's probability after the temperature → its calibrated probability (None: as it is).
    confidence_map: ConfidenceMap | None = None
    manifest: dict[str, Any] = field(default_factory=dict)
    name: str = "verdict model"
    # Set by the judge (not saved): with it, CONTRADICTED is allowed only when some evidence item contradicts
    # on its own terms — a rule contradiction on an aligned claim, or NLI contradiction at the threshold —
    # so the learned model never calls a statement contradicted on features alone (issue #10: grounded).
    grounding: Any = None

    def grounded(self, fusion) -> VerdictModel:
        """This model with contradictions grounded by `fusion` (at its own `ground_contradiction` when set)."""
        from dataclasses import replace

        if self.ground_contradiction is not None:
            fusion = replace(fusion, contradict_threshold=self.ground_contradiction)
        return replace(self, grounding=fusion)

    def __post_init__(self):
        unknown = [f for f in self.features if f not in FEATURES]
        if unknown:
            raise ModelError(f"{self.name}: unknown features {unknown}; it was fit by a newer factcheck — upgrade, "
                             "or refit it with `factcheck calibrate`")
        k = len(self.features)
        if self.ground_contradiction is not None and not 0 < self.ground_contradiction <= 1:
            raise ModelError(f"{self.name}: ground_contradiction must be in (0, 1], not {self.ground_contradiction}")
        if self.fallback not in ("next", "silent"):
            raise ModelError(f"{self.name}: fallback must be \"next\" or \"silent\", not {self.fallback!r}")
        problem = self.confidence_map.problem() if self.confidence_map is not None else None
        if problem:
            raise ModelError(f"{self.name}: {problem}")
        if self.weights.shape != (3, k) or self.bias.shape != (3,) or self.mean.shape != (k,) or \
                self.scale.shape != (k,) or not self.temperature > 0 or not (self.temperature_constrained or 1) > 0:
            raise ModelError(f"{self.name}: weights, bias, mean and scale do not match its {k} features")

    # --- numbers ------------------------------------------------------------------------------------------

    def vectors(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Feature dicts → the model's input matrix, in its feature order."""
        return np.array([[r[f] for f in self.features] for r in rows], dtype=np.float64).reshape(len(rows), -1)

    def logits(self, x: np.ndarray) -> np.ndarray:
        """Uncalibrated logits (temperature not applied) of a feature matrix."""
        return ((x - self.mean) / self.scale) @ self.weights.T + self.bias

    def probabilities(self, x: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        """Calibrated P(SUPPORTED, CONTRADICTED, NOT_ENOUGH_INFO) per row; rows whose `allowed` mask rules a
        verdict out are scaled by `temperature_constrained`."""
        t = np.full((len(x), 1), self.temperature)
        if allowed is not None and self.temperature_constrained is not None:
            t[~np.asarray(allowed, dtype=bool).all(axis=1)] = self.temperature_constrained
        return softmax(self.logits(x) / t)

    def choose(self, probs: np.ndarray, allowed: np.ndarray) -> np.ndarray:
        """The verdict per row (index into LABELS) from temperature-scaled probabilities and the allowed mask."""
        return allowed_argmax(probs, allowed, silent=self.fallback == "silent")

    def calibrated(self, probs: np.ndarray, chosen: np.ndarray) -> np.ndarray:
        """Temperature-scaled probabilities with the chosen verdict's mapped by `confidence_map` (when there is one)."""
        return probs if self.confidence_map is None else calibrate_chosen(probs, chosen, self.confidence_map)

    def predict_evidence(self, statement: str, evidence: Sequence[Evidence]) -> tuple[np.ndarray, int]:
        """(calibrated probabilities, index of the verdict the evidence allows) for one statement."""
        p, k = self._predict(statement, evidence)
        return self.calibrated(p[None, :], np.array([k]))[0], k

    def _predict(self, statement: str, evidence: Sequence[Evidence]) -> tuple[np.ndarray, int]:
        """(temperature-scaled probabilities, verdict): what every decision reads, so the map never changes one."""
        allowed = allowed_classes(evidence, self.grounding)
        p = self.probabilities(self.vectors([statement_features(statement, evidence)]), allowed[None, :])[0]
        return p, int(self.choose(p[None, :], allowed[None, :])[0])

    # --- the verdict --------------------------------------------------------------------------------------

    def decide(self, statement: str, evidence: list[Evidence]) -> CheckResult:
        """The verdict on a statement from its evidence; sets each item's `relation`."""
        from factcheck.judge.fusion import _quote, _why, nei_explanation

        probs, k = self.predict_evidence(statement, evidence)
        alone = self._items_alone(statement, evidence)
        for ev, item in zip(evidence, alone):
            ev.relation = _RELATION[item[1]] if item is not None else "neutral"  # type: ignore[assignment]
        verdict = Verdict(LABELS[k])
        as_dict = {label: round(float(x), 4) for label, x in zip(LABELS, probs)}
        confidence = as_dict[verdict.value]
        if k == N:
            for ev in evidence:
                ev.relation = "neutral"
            text = nei_explanation(evidence)
        else:
            able = can_support if k == S else can_contradict
            cited = max((i for i, e in enumerate(evidence) if able(e)), key=lambda i: alone[i][0][k])  # type: ignore[index]
            ev = evidence[cited]
            ev.relation = _RELATION[k]  # type: ignore[assignment]
            text = f"{'Supported' if k == S else 'Contradicted'} by {_quote(ev)}: {_why(ev)}."
            other = _RELATION[C if k == S else S]
            against = [e for e in evidence if e.relation == other]
            if against:
                text += f" Note: other evidence {other} it: {_quote(against[0])}: {_why(against[0])}."
        conflict = self._conflict(statement, evidence)
        if conflict is not None:
            (p_sup, sup), (p_con, con) = conflict
            sup.relation, con.relation = "supports", "contradicts"
            verdict, confidence = Verdict.CONFLICTED, round(float(min(p_sup, p_con)), 4)
            text = (f"The sources conflict. Supported by {_quote(sup)}: {_why(sup)}. "
                    f"Contradicted by {_quote(con)}: {_why(con)}.")
        return CheckResult(statement=statement, verdict=verdict, confidence=confidence, evidence=evidence,
                           explanation=text, verdict_probabilities=as_dict)

    def _items_alone(self, statement: str, evidence: Sequence[Evidence]) -> list[tuple[np.ndarray, int] | None]:
        """(probabilities, allowed verdict) of each scored item taken as the only evidence; None for unscored."""
        scored = [i for i, e in enumerate(evidence) if e.probabilities]
        out: list[tuple[np.ndarray, int] | None] = [None] * len(evidence)
        if not scored:
            return out
        allowed = np.array([allowed_classes([evidence[i]]) for i in scored])
        p = self.probabilities(self.vectors([statement_features(statement, [evidence[i]]) for i in scored]), allowed)
        k = self.choose(p, allowed)
        for j, i in enumerate(scored):
            out[i] = (p[j], int(k[j]))
        return out

    def _conflict(self, statement: str, evidence: Sequence[Evidence]):
        """((P, item) supporting, (P, item) contradicting) from two documents that disagree, or None."""
        by_doc: dict[str, list[Evidence]] = {}
        for ev in evidence:
            if ev.probabilities:
                by_doc.setdefault(ev.source, []).append(ev)
        if len(by_doc) < 2:
            return None
        sides: dict[int, list[tuple[float, Evidence]]] = {S: [], C: []}
        for items in by_doc.values():
            p, k = self._predict(statement, items)
            if k in sides and p[k] >= self.conflict_score:  # decided before the map, reported after it
                key = "entailment" if k == S else "contradiction"
                cite = [e for e in items if (can_support(e) if k == S else can_contradict(e))]
                shown = float(self.calibrated(p[None, :], np.array([k]))[0, k])
                sides[k].append((shown, max(cite, key=lambda e: e.probabilities[key])))  # type: ignore[index]
        if sides[S] and sides[C]:
            return max(sides[S], key=lambda x: x[0]), max(sides[C], key=lambda x: x[0])
        return None

    # --- files --------------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "labels": list(LABELS), "features": list(self.features),
                "mean": _floats(self.mean), "scale": _floats(self.scale),
                "weights": [_floats(w) for w in self.weights], "bias": _floats(self.bias),
                "temperature": round(float(self.temperature), 6),
                "temperature_constrained": None if self.temperature_constrained is None
                else round(float(self.temperature_constrained), 6), "conflict_score": self.conflict_score,
                "fallback": self.fallback, "ground_contradiction": self.ground_contradiction,
                "confidence_map": None if self.confidence_map is None else
                {"x": list(self.confidence_map.x), "y": list(self.confidence_map.y)},
                "manifest": self.manifest}

    @classmethod
    def from_dict(cls, raw: dict[str, Any], name: str = "verdict model") -> VerdictModel:
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ModelError(f"{name}: not a verdict model (expected \"format\": \"{FORMAT}\")")
        if tuple(raw.get("labels", ())) != LABELS:
            raise ModelError(f"{name}: labels must be {list(LABELS)}")
        try:
            return cls(features=tuple(raw["features"]), mean=np.asarray(raw["mean"], dtype=np.float64),
                       scale=np.asarray(raw["scale"], dtype=np.float64),
                       weights=np.asarray(raw["weights"], dtype=np.float64),
                       bias=np.asarray(raw["bias"], dtype=np.float64), temperature=float(raw["temperature"]),
                       temperature_constrained=None if raw.get("temperature_constrained") is None
                       else float(raw["temperature_constrained"]),
                       conflict_score=float(raw.get("conflict_score", 0.5)), manifest=dict(raw.get("manifest", {})),
                       fallback=str(raw.get("fallback", "next")),
                       ground_contradiction=None if raw.get("ground_contradiction") is None
                       else float(raw["ground_contradiction"]), name=name,
                       confidence_map=_confidence_map(raw.get("confidence_map")))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{name}: malformed verdict model ({exc})") from exc

    def save(self, path: str | Path) -> None:
        """Write the model as JSON, atomically."""
        from factcheck.retrieval.index import write_atomic

        write_atomic(Path(path), json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n")


def _confidence_map(raw: Any) -> ConfidenceMap | None:
    """The map stored in a model file; files written before there was one have none (the temperature alone)."""
    if raw is None:
        return None
    return ConfidenceMap(x=tuple(float(v) for v in raw["x"]), y=tuple(float(v) for v in raw["y"]))


def _floats(a: np.ndarray) -> list[float]:
    return [round(float(x), 6) for x in np.asarray(a).ravel()]


def load_verdict_model(path: str | Path) -> VerdictModel:
    """Read a verdict model (or a calibrated profile) from JSON; ModelError when it is missing or malformed."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"verdict model {path} not found") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: cannot read the verdict model ({exc})") from exc
    return VerdictModel.from_dict(raw, name=str(path))


def read_model_verdict(model_dir: str | Path) -> VerdictModel | None:
    """The verdict model shipped beside an NLI model (its verdict_model.json), or None: threshold fusion."""
    path = Path(model_dir) / VERDICT_FILE
    return load_verdict_model(path) if path.is_file() else None


# --- profiles: verdict models a newsroom fitted on its own labels (`factcheck calibrate`) ---------------------

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def profile_path(settings, name: str) -> Path:
    """Where the profile `name` lives: FACTCHECK_HOME/profiles/NAME.json."""
    if not _PROFILE_NAME.match(name):
        raise InputError(f"profile name {name!r}: use letters, digits, '.', '_' or '-' (at most 64 characters)")
    return settings.profiles_dir / f"{name}.json"


def list_profiles(settings, corpus: str | None = None) -> list[dict[str, Any]]:
    """The saved profiles (name, corpus, rows, date, metrics), those fitted on `corpus` only when given."""
    out = []
    for path in sorted(settings.profiles_dir.glob("*.json")) if settings.profiles_dir.is_dir() else []:
        try:
            manifest = json.loads(path.read_text(encoding="utf-8")).get("manifest", {})
        except (OSError, json.JSONDecodeError, AttributeError):
            manifest = {"error": "unreadable"}
        if corpus is None or manifest.get("corpus") == corpus:
            out.append({"name": path.stem, **manifest})
    return out


def verdict_model_for(settings, nli) -> VerdictModel | None:
    """The verdict model a judge uses: the named profile, else the NLI model's own, else None (thresholds).

    A profile is fitted on one NLI model's probabilities; with another NLI model it would be meaningless, so that
    is refused (ModelError) rather than silently applied.
    """
    if settings.profile:
        path = profile_path(settings, settings.profile)
        if not path.is_file():
            known = ", ".join(p["name"] for p in list_profiles(settings)) or "none yet"
            raise InputError(f"no profile {settings.profile!r} in {settings.profiles_dir} (profiles: {known}); "
                             "create one with `factcheck calibrate LABELLED.csv --corpus NAME --out PROFILE`")
        model = load_verdict_model(path)
        fitted_with, used = model.manifest.get("nli_model"), nli_model_id(nli)
        if fitted_with and fitted_with != used:
            raise ModelError(f"profile {settings.profile!r} was fitted with NLI model {fitted_with!r}, this run uses "
                             f"{used!r}; refit it with `factcheck calibrate` or drop --profile")
        return model
    if not settings.learned_verdict:
        return None
    return getattr(nli, "verdict_model", None)


def nli_model_id(nli) -> str:
    """A short, install-independent name of an NLI model (its folder name or hub id), recorded in profiles."""
    return Path(str(getattr(nli, "name", "unknown"))).name


def abstain(result: CheckResult, min_confidence: float) -> CheckResult:
    """The result, or NOT_ENOUGH_INFO with the reason "low confidence (p=…)" when its confidence is below the bar.

    The evidence and the probabilities stay as they were, so an editor still sees what the checker leaned to;
    the confidence becomes P(NOT_ENOUGH_INFO) (1 − p without probabilities).
    """
    if result.verdict is Verdict.NOT_ENOUGH_INFO or result.confidence >= min_confidence:
        return result
    probs = result.verdict_probabilities
    p_nei = probs[Verdict.NOT_ENOUGH_INFO.value] if probs else round(1.0 - result.confidence, 4)
    why = (f"low confidence (p={result.confidence:.2f} < {min_confidence:.2f}): reported as NOT_ENOUGH_INFO. "
           f"The checker leaned {result.verdict.value}: {result.explanation}")
    return result.model_copy(update={"verdict": Verdict.NOT_ENOUGH_INFO, "confidence": p_nei, "explanation": why})

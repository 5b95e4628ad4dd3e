"""Fusion: turn per-evidence NLI probabilities and rule findings into one verdict with its reason.

The decision procedure (also in the README):
1. Evidence below `min_similarity` cosine is ignored: it is not about the statement.
2. Per evidence item, the rules speak first where they are sure and the claim is aligned:
   a rule *contradiction* (confidence ≥ 0.5) on an aligned item (similarity ≥ `align_similarity`, or the most
   similar item; on the others the rules only block) marks it `contradicts`, even against an NLI entailment, because numbers, dates, negation and
   roles are where small NLI models fail. Otherwise NLI decides: `contradicts` when
   P(contradiction) ≥ `contradict_threshold`, `supports` when P(entailment) ≥ `entail_threshold`.
   A rule *support* never makes an item `supports` on its own; it adds `rule_weight` to the
   entailment score of an item NLI does not contradict. A finding can block an item (`Finding.blocks`):
   an item whose document never mentions a name the statement is about (the coverage rule) neither
   supports nor contradicts it — the source is silent about that name; an item whose sentence does not
   confirm a figure of the statement (the quantities rule) cannot support it.
3. The statement is CONTRADICTED or SUPPORTED by its strongest item (score = the winning
   probability, boosted by agreeing rules, scaled by similarity); when strong items point both
   ways the higher score wins and the explanation shows both sentences. With no supporting or
   contradicting item, the source is silent: NOT_ENOUGH_INFO.
4. When a supporting and a contradicting item both score at least `conflict_score` and come from
   different documents, the sources disagree: CONFLICTED, with both sentences (`mark_conflict`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from factcheck.results import Evidence, Relation, Verdict
from factcheck.settings import Settings


@dataclass(frozen=True)
class FusionConfig:
    """The fusion parameters; their meaning and fallback values are in `Settings`."""

    min_similarity: float
    align_similarity: float
    entail_threshold: float
    contradict_threshold: float
    rule_weight: float
    conflict_score: float

    @classmethod
    def from_settings(cls, settings: Settings, model_params: Mapping[str, float] | None = None) -> FusionConfig:
        """Explicit settings (env, flags) first, then the NLI model's own fusion.json, then Settings' fallbacks."""
        model_params = model_params or {}
        return cls(**{
            f.name: model_params[f.name] if f.name in model_params and f.name not in settings.model_fields_set
            else getattr(settings, f.name)
            for f in fields(cls)
        })


def _rule_confidence(ev: Evidence, relation: str) -> float:
    """The highest confidence of the item's rule findings with that relation (0 when none)."""
    return max((f.confidence for f in ev.findings if f.relation == relation), default=0.0)


def classify_evidence(ev: Evidence, cfg: FusionConfig) -> tuple[Relation, float]:
    """(relation, score) of one evidence item; score is how strongly it bears on the statement."""
    probs = ev.probabilities or {"entailment": 0.0, "neutral": 1.0, "contradiction": 0.0}
    p_e, p_c = probs["entailment"], probs["contradiction"]
    rule_c, rule_s = _rule_confidence(ev, "contradicts"), _rule_confidence(ev, "supports")
    weight = min(1.0, max(0.0, ev.similarity))
    if ev.similarity < cfg.min_similarity:
        return "neutral", 0.0
    blocked = {f.blocks for f in ev.findings}
    if "verdict" in blocked:
        return "neutral", 0.0  # e.g. the document never mentions a name the statement is about: it is silent
    # A rule contradiction counts wherever the judge let the rules speak: on claims at least `align_similarity`
    # similar and on the most similar one whatever its similarity (on any other only blocks are kept,
    # `run_rules(blocking_only=True)`): "departed about 50 minutes late" at 0.48 is the sentence "took off about 50
    # hours late" is about.
    if rule_c >= 0.5:
        return "contradicts", min(1.0, max(p_c, rule_c) + (cfg.rule_weight if p_c >= cfg.contradict_threshold else 0))
    if p_c >= cfg.contradict_threshold and p_c > p_e and "contradiction" not in blocked:
        return "contradicts", p_c * weight
    if "support" in blocked:
        return "neutral", 0.0  # e.g. a figure of the statement this sentence does not confirm
    support = p_e + (cfg.rule_weight * rule_s if p_c < cfg.contradict_threshold else 0.0)
    if p_e >= cfg.entail_threshold or (support >= cfg.entail_threshold and p_e >= cfg.entail_threshold / 2):
        return "supports", min(1.0, support) * weight
    return "neutral", 0.0


def _quote(ev: Evidence) -> str:
    return f"“{ev.sentence.strip()}” ({ev.source}:{ev.start_char}-{ev.end_char})"


def _why(ev: Evidence) -> str:
    reasons = [f.explanation for f in ev.findings if f.relation == ev.relation]
    if ev.probabilities:
        key = "entailment" if ev.relation == "supports" else "contradiction"
        reasons.append(f"NLI {key} {ev.probabilities[key]:.2f}")
        if ev.passage and ev.passage[key] > ev.probabilities[key] + 0.1:
            reasons.append(f"read with the next most similar sentences of its document, NLI {key} "
                           f"{ev.passage[key]:.2f}")
    if ev.contrapositive and ev.probabilities and ev.relation == "supports" \
            and ev.contrapositive["entailment"] >= ev.probabilities["entailment"] - 1e-4:
        reasons.append(f"both deny; read without the denials, the statement implies the sentence (NLI entailment "
                       f"{ev.contrapositive['entailment']:.2f})")
    if ev.read_after and ev.probabilities:
        reasons.append(f"read after the sentence before it, “{ev.read_after.strip()}”")
    if ev.attributed_to:
        reasons.append(f"the source attributes this to {ev.attributed_to}, it is not the article's own claim")
    return "; ".join(reasons)


def with_relations(evidence: list[Evidence], cfg: FusionConfig) -> list[Evidence]:
    """Copies of the items, each with the relation the fusion gives it (what a result shows); the items passed
    in are left as they are."""
    return [ev.model_copy(update={"relation": classify_evidence(ev, cfg)[0]}) for ev in evidence]


def decide(evidence: list[Evidence], cfg: FusionConfig) -> tuple[Verdict, float, str]:
    """Verdict, confidence and explanation of a statement's evidence; the items are not changed (a result
    shows `with_relations(evidence, cfg)`)."""
    scored: list[tuple[float, Evidence]] = []
    for ev in evidence:
        relation, score = classify_evidence(ev, cfg)
        if relation != "neutral":
            scored.append((score, ev.model_copy(update={"relation": relation})))
    if not scored:
        return Verdict.NOT_ENOUGH_INFO, _nei_confidence(evidence), nei_explanation(evidence)
    supports = max(((s, e) for s, e in scored if e.relation == "supports"), key=lambda x: x[0], default=None)
    contras = max(((s, e) for s, e in scored if e.relation == "contradicts"), key=lambda x: x[0], default=None)
    if contras and (not supports or contras[0] >= supports[0]):
        verdict, (score, ev), other = Verdict.CONTRADICTED, contras, supports
        text = f"Contradicted by {_quote(ev)}: {_why(ev)}."
    else:
        verdict, (score, ev), other = Verdict.SUPPORTED, supports, contras  # type: ignore[misc]
        text = f"Supported by {_quote(ev)}: {_why(ev)}."
    if other:
        word = "supports" if other[1].relation == "supports" else "contradicts"
        text += f" Note: other evidence {word} it: {_quote(other[1])}: {_why(other[1])}."
        score *= 1 - 0.5 * other[0]
    return mark_conflict(scored, (verdict, round(float(min(1.0, score)), 4), text), cfg)


def nei_explanation(evidence: list[Evidence]) -> str:
    """Why the source is silent: the closest sentence, and a name the source never mentions if there is one (else the
    statement's nouns its document never uses)."""
    best = max(evidence, key=lambda e: e.similarity, default=None)
    near = f" The closest source sentence is {_quote(best)} (similarity {best.similarity:.2f})." if best else ""
    unnamed = next((f.explanation for e in evidence for f in e.findings if f.rule == "coverage"), None)
    near += f" Note: {unnamed}." if unnamed else ""
    if not unnamed and best is not None and best.unused_words:
        words = ", ".join(f"“{w}”" for w in best.unused_words)
        near += f" Note: the statement's {words} appear nowhere in {best.source}, in any form."
    return "The source neither supports nor contradicts this statement." + near


def mark_conflict(scored: list[tuple[float, Evidence]], decided: tuple[Verdict, float, str],
                  cfg: FusionConfig) -> tuple[Verdict, float, str]:
    """CONFLICTED when strong evidence from two different documents points opposite ways, else `decided`.

    An editor must be told that trusted sources disagree rather than see the higher score win. Confidence is
    the weaker side's score: how sure we are that both sides really speak to the statement.
    """
    strong = [(s, e) for s, e in scored if s >= cfg.conflict_score]
    for s_sup, sup in sorted(((s, e) for s, e in strong if e.relation == "supports"), key=lambda x: -x[0]):
        for s_con, con in sorted(((s, e) for s, e in strong if e.relation == "contradicts"), key=lambda x: -x[0]):
            if sup.source != con.source:
                return Verdict.CONFLICTED, round(float(min(s_sup, s_con)), 4), (
                    f"The sources conflict. Supported by {_quote(sup)}: {_why(sup)}. "
                    f"Contradicted by {_quote(con)}: {_why(con)}."
                )
    return decided


def _nei_confidence(evidence: list[Evidence]) -> float:
    """How sure we are the source is silent: high when nothing is even similar."""
    if not evidence:
        return 1.0
    best = max(e.similarity for e in evidence)
    neutral = [e.probabilities["neutral"] for e in evidence if e.probabilities]
    base = 1.0 - max(0.0, best)
    if neutral:
        base = max(base, min(neutral))
    return round(float(max(0.0, min(1.0, base))), 4)

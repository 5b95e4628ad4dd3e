"""The fusion procedure (factcheck.judge.fusion.decide) on hand-built evidence."""

from __future__ import annotations

from factcheck.judge.fusion import FusionConfig, decide, with_relations
from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params
from factcheck.results import Evidence, Finding, Verdict
from factcheck.settings import Settings

CFG = FusionConfig.from_settings(Settings(), read_fusion_params(SHIPPED_MODEL_DIR))  # the shipped model's


def ev(sentence, sim, e=0.0, n=1.0, c=0.0, findings=()):
    return Evidence(claim=sentence, sentence=sentence, source="s.txt", start_char=0, end_char=len(sentence),
                    similarity=sim, relation="neutral", probabilities={"entailment": e, "neutral": n,
                                                                       "contradiction": c},
                    findings=list(findings))


def rule(relation, conf=0.9):
    return Finding(rule="quantities", relation=relation, explanation=f"rule says {relation}", confidence=conf)


def test_entailment_supports_and_names_the_sentence():
    verdict, conf, why = decide([ev("Aid exceeded $400 million.", 0.9, e=0.9, n=0.05, c=0.05)], CFG)
    assert verdict is Verdict.SUPPORTED and conf > 0.5
    assert "Aid exceeded $400 million." in why and "s.txt:0-" in why


def test_nothing_relevant_is_not_enough_info():
    items = [ev("Unrelated.", 0.2, e=0.9, n=0.05, c=0.05), ev("Also unrelated.", 0.5, e=0.1, n=0.8, c=0.1)]
    verdict, _, why = decide(items, CFG)
    assert verdict is Verdict.NOT_ENOUGH_INFO
    assert with_relations(items, CFG)[0].relation == "neutral"  # too dissimilar to count, whatever NLI says
    assert "closest source sentence" in why


def test_confident_rule_contradiction_on_aligned_claim_outranks_nli_entailment():
    item = ev("Aid exceeded $400 million in 2024.", 0.85, e=0.8, n=0.1, c=0.1, findings=[rule("contradicts")])
    verdict, _, why = decide([item], CFG)
    assert verdict is Verdict.CONTRADICTED and with_relations([item], CFG)[0].relation == "contradicts"
    assert "rule says contradicts" in why


def test_deciding_leaves_the_evidence_as_it_was():
    items = [ev("Aid exceeded $400 million.", 0.9, e=0.9, n=0.05, c=0.05), ev("Unrelated.", 0.2)]
    before = [i.model_copy(deep=True) for i in items]
    decide(items, CFG)
    shown = with_relations(items, CFG)
    assert items == before and [i.relation for i in shown] == ["supports", "neutral"]


def test_rule_contradiction_counts_wherever_the_rules_spoke():
    # the judge runs every rule on the most similar claim whatever its similarity: "departed about 50 minutes late"
    # at 0.48 is the sentence "took off about 50 hours late" is about
    top = ev("The plane departed about 50 minutes late.", 0.48, e=0.6, n=0.25, c=0.15,
             findings=[rule("contradicts")])
    assert top.similarity < CFG.align_similarity and decide([top], CFG)[0] is Verdict.CONTRADICTED
    too_far = ev("Something else entirely.", CFG.min_similarity - 0.05, e=0.1, n=0.8, c=0.1,
                 findings=[rule("contradicts")])
    assert decide([too_far], CFG)[0] is Verdict.NOT_ENOUGH_INFO  # not evidence at all


def test_on_a_loosely_aligned_claim_the_rules_only_block():
    from factcheck.judge.rules import run_rules

    found = run_rules("The plane departed about 50 minutes late.", "The plane departed about 50 hours late.",
                      blocking_only=True)
    assert found and not any(f.relation == "contradicts" for f in found)
    assert any(f.blocks == "support" for f in found)


def test_rule_support_alone_never_makes_supported():
    item = ev("Aid exceeded $400 million.", 0.9, e=0.1, n=0.85, c=0.05, findings=[rule("supports")])
    assert decide([item], CFG)[0] is Verdict.NOT_ENOUGH_INFO


def test_rule_support_tips_a_borderline_entailment():
    e = CFG.entail_threshold - 0.1  # just under the threshold, but above half of it
    borderline = ev("Aid exceeded $400 million.", 0.9, e=e, n=0.95 - e, c=0.05)
    assert decide([borderline], CFG)[0] is Verdict.NOT_ENOUGH_INFO
    boosted = ev("Aid exceeded $400 million.", 0.9, e=e, n=0.95 - e, c=0.05, findings=[rule("supports")])
    assert decide([boosted], CFG)[0] is Verdict.SUPPORTED


def test_conflicting_evidence_is_shown_both_ways():
    items = [ev("Aid rose in 2024.", 0.8, e=0.9, n=0.05, c=0.05), ev("Aid fell in 2024.", 0.8, e=0.05, n=0.1, c=0.85)]
    verdict, conf, why = decide(items, CFG)
    assert verdict is Verdict.SUPPORTED
    assert "Aid rose in 2024." in why and "Aid fell in 2024." in why and "Note: other evidence" in why
    assert conf < 0.9 * 0.8  # conflict lowers confidence


def test_an_unmentioned_name_leaves_the_source_silent():
    """Issue #10: a source that never names the statement's subject neither supports nor contradicts it."""
    gap = Finding(rule="coverage", relation="neutral", blocks="verdict",
                  explanation="the statement names “Brazil”, which s.txt never mentions")
    verdict, _, why = decide([ev("Mediation was offered.", 0.8, e=0.95, n=0.03, c=0.02, findings=[gap])], CFG)
    assert verdict is Verdict.NOT_ENOUGH_INFO
    assert "never mentions" in why and "Brazil" in why
    verdict, _, why = decide([ev("Nobody offered mediation.", 0.8, e=0.02, n=0.08, c=0.9, findings=[gap])], CFG)
    assert verdict is Verdict.NOT_ENOUGH_INFO
    assert "Brazil" in why
    # without the gap the same items decide
    assert decide([ev("Nobody offered mediation.", 0.8, e=0.02, n=0.08, c=0.9)], CFG)[0] is Verdict.CONTRADICTED
    assert decide([ev("Mediation was offered.", 0.8, e=0.95, n=0.03, c=0.02)], CFG)[0] is Verdict.SUPPORTED


def test_an_unconfirmed_figure_blocks_support_only():
    unconfirmed = Finding(rule="quantities", relation="neutral", blocks="support",
                          explanation="the source's “80%” measures something else than the statement's “80”")
    assert decide([ev("About 80% came from Colombia.", 0.8, e=0.9, findings=[unconfirmed])], CFG)[0] \
        is Verdict.NOT_ENOUGH_INFO
    assert decide([ev("About 80% came from Colombia.", 0.8, c=0.95, findings=[unconfirmed])], CFG)[0] \
        is Verdict.CONTRADICTED

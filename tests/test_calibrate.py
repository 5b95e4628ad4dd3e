"""Fitting the verdict model, and `factcheck calibrate` end to end on a labelled CSV for an ingested corpus."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.apps.evaluate import coverage_curve, expected_calibration_error
from factcheck.cli import main
from factcheck.judge.verdict_model import FEATURES, VerdictModel
from factcheck.training.fit_verdict import fit_model, stratified_folds

SEED_OWN = Path(__file__).parent / "fixtures" / "dev" / "seed_own.csv"


# --- metrics and fitting -----------------------------------------------------------------------------------


def test_ece_is_the_gap_between_confidence_and_accuracy():
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([0.9] * 10, [True] * 5 + [False] * 5) == pytest.approx(0.4)
    # Two bins, each off by 0.1 the other way: the gaps do not cancel.
    assert expected_calibration_error([0.35] * 4 + [0.85] * 4, [True, False, False, False, True] + [True] * 3) == \
        pytest.approx(0.5 * 0.1 + 0.5 * 0.15)


def test_coverage_curve_keeps_confident_definite_verdicts():
    gold = ["SUPPORTED", "CONTRADICTED", "SUPPORTED", "NOT_ENOUGH_INFO"]
    pred = ["SUPPORTED", "SUPPORTED", "SUPPORTED", "NOT_ENOUGH_INFO"]
    points = {p.threshold: p for p in coverage_curve(gold, pred, [0.95, 0.55, 0.8, 0.99], thresholds=(0.0, 0.7, 0.9))}
    assert (points[0.0].coverage, points[0.0].precision) == (0.75, pytest.approx(2 / 3))
    assert (points[0.7].coverage, points[0.7].precision) == (0.5, 1.0)
    assert (points[0.9].n, points[0.9].precision) == (1, 1.0)


def test_folds_keep_groups_together_and_share_every_label():
    y = np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2] * 3)
    groups = [f"g{i // 2}" for i in range(len(y))]  # pairs of statements belong together
    folds = stratified_folds(y, groups, 3)
    assert sorted(np.concatenate(folds).tolist()) == list(range(len(y)))
    for fold in folds:
        assert set(y[fold]) == {0, 1, 2}
        for other in folds:
            if other is not fold:
                assert not {groups[i] for i in fold} & {groups[i] for i in other}


def synthetic(n, rng):
    """Statements labelled by a known logistic rule in entailment and contradiction: a well-specified model
    fitted on them should be both accurate and calibrated."""
    x = rng.uniform(0, 1, size=(n, len(FEATURES))) * 0.1
    ent, con = FEATURES.index("ent_max"), FEATURES.index("con_max")
    x[:, ent], x[:, con] = rng.uniform(0, 1, n), rng.uniform(0, 1, n)
    logits = np.stack([8 * x[:, ent] - 4, 8 * x[:, con] - 4, np.zeros(n)], axis=1)
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in p])
    return x, y


def test_fit_learns_the_rule_and_calibrates_it():
    rng = np.random.default_rng(0)
    x, y = synthetic(800, rng)
    model, report = fit_model(x, y, np.ones(len(y)), [str(i) for i in range(len(y))], folds=4,
                              l2_grid=(0.01, 0.03, 0.1))
    xt, yt = synthetic(3000, rng)
    p = model.probabilities(xt)
    ok = p.argmax(1) == yt
    bayes = np.stack([8 * xt[:, FEATURES.index("ent_max")] - 4, 8 * xt[:, FEATURES.index("con_max")] - 4,
                      np.zeros(len(yt))], axis=1).argmax(1) == yt
    assert ok.mean() > bayes.mean() - 0.04  # as accurate as the rule that made the labels
    assert expected_calibration_error(p.max(1).tolist(), ok.tolist()) < 0.04
    assert report.l2 in report.cv_log_loss and 0.7 < report.temperature < 1.4


def test_a_strong_prior_holds_the_weights_and_a_weak_one_lets_the_labels_move_them():
    rng = np.random.default_rng(1)
    x, y = synthetic(300, rng)
    groups = [str(i) for i in range(len(y))]
    prior, _ = fit_model(x, y, np.ones(len(y)), groups, folds=3, l2_grid=(0.03,))
    y2 = (y + 1) % 3  # a newsroom whose labels disagree with everything
    held, _ = fit_model(x, y2, np.ones(len(y)), groups, prior=prior, folds=3, l2_grid=(1e6,))
    assert np.allclose(held.weights, prior.weights, atol=1e-2)
    moved, _ = fit_model(x, y2, np.ones(len(y)), groups, prior=prior, folds=3, l2_grid=(0.01,))
    assert (moved.probabilities(x).argmax(1) == y2).mean() > 0.6 > (prior.probabilities(x).argmax(1) == y2).mean()


def test_a_fit_on_a_subset_of_the_features_reads_only_those():
    rng = np.random.default_rng(2)
    x, y = synthetic(300, rng)
    keep = tuple(f for f in FEATURES if not f.startswith("pass_"))
    model, _ = fit_model(x, y, np.ones(len(y)), [str(i) for i in range(len(y))], folds=3, l2_grid=(0.03,),
                         features=keep)
    assert model.features == keep and model.weights.shape == (3, len(keep))
    full, _ = fit_model(x, y, np.ones(len(y)), [str(i) for i in range(len(y))], folds=3, l2_grid=(0.03,))
    assert full.features == FEATURES
    cols = [FEATURES.index(f) for f in keep]
    assert (model.probabilities(x[:, cols]).argmax(1) == y).mean() > 0.6


# --- factcheck calibrate -----------------------------------------------------------------------------------


def run(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def write_csv(path, rows):
    path.write_text("statement,label\n" + "".join(f'"{s}",{label}\n' for s, label in rows), encoding="utf-8")
    return path


def test_calibrate_fits_saves_and_is_picked_up_by_profile(home):
    r = run("calibrate", str(SEED_OWN), "--corpus", "seed", "--out", "desk")
    assert r.exit_code == 0, r.output
    assert "Calibrated on 58 labelled statements (SUPPORTED 24, CONTRADICTED 16, NOT_ENOUGH_INFO 18)" in r.stdout
    assert "before (the threshold fusion)" in r.stdout and "after (5-fold CV)" in r.stdout
    saved = json.loads((home / "profiles" / "desk.json").read_text())
    m = saved["manifest"]
    assert m["corpus"] == "seed" and m["rows"] == 58 and m["nli_model"] == "fake-nli" and len(m["sha256"]) == 64
    assert set(m["metrics"]) == {"before", "after"}
    assert m["fit"]["confidence_map_breakpoints"] == 0  # 58 labels: too few for a map, the temperatures alone

    shown = run("corpus", "show", "seed")
    assert shown.exit_code == 0 and "desk: 58 labelled statements" in shown.stdout

    before = json.loads(run("eval", str(SEED_OWN), "-f", "json").stdout)
    after = json.loads(run("eval", str(SEED_OWN), "-f", "json", "--profile", "desk").stdout)
    by_env = json.loads(run("eval", str(SEED_OWN), "-f", "json", env={"FACTCHECK_PROFILE": "desk"}).stdout)
    assert after["confusion"] == by_env["confusion"]
    assert after["confusion"] != before["confusion"]  # the profile changes verdicts
    assert after["accuracy"] > before["accuracy"]  # and, fitted on these labels, for the better
    assert 0.0 <= after["ece"] <= 1.0 and len(after["coverage_curve"]) >= 5

    checked = json.loads(run("check", "The Farc demobilized in 2016.", "-f", "json", "--profile", "desk").stdout)
    probs = checked["verdict_probabilities"]
    assert set(probs) == {"SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"}
    assert checked["confidence"] == probs[checked["verdict"]]


@pytest.mark.parametrize("rows, message", [
    ([("Aid rose.", "SUPPORTED")] * 30, "every label is SUPPORTED"),
    ([("Aid rose.", "SUPPORTED")] * 12 + [("Aid fell.", "CONTRADICTED")] * 12 + [("Brazil.", "NEI")] * 3,
     "need at least 10 statements of each verdict, have SUPPORTED 12, CONTRADICTED 12, NOT_ENOUGH_INFO 3; "
     "add 7 NOT_ENOUGH_INFO"),
    ([("Aid rose.", "SUPPORTED"), ("Aid fell.", "MAYBE")], "unknown label 'MAYBE'"),
    ([("Aid rose.", "SUPPORTED")] * 10 + [("Aid fell.", "CONFLICTED")] * 10, "found CONFLICTED"),
])
def test_calibrate_refuses_labels_it_cannot_fit_and_writes_nothing(home, tmp_path, rows, message):
    labelled = write_csv(tmp_path / "labels.csv", rows)
    r = run("calibrate", str(labelled), "--corpus", "seed", "--out", "desk")
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert not (home / "profiles").exists()


def test_calibrate_refuses_a_bad_profile_name(home):
    r = run("calibrate", str(SEED_OWN), "--corpus", "seed", "--out", "../escape")
    assert r.exit_code == 2 and "profile name" in r.output


def test_an_unknown_profile_is_a_usage_error(home):
    r = run("check", "Aid rose.", "--profile", "nowhere")
    assert r.exit_code == 2 and "no profile 'nowhere'" in r.output and "factcheck calibrate" in r.output


def test_a_profile_fitted_with_another_nli_model_is_refused(home):
    (home / "profiles").mkdir()
    model = VerdictModel(features=("ent_max",), mean=np.zeros(1), scale=np.ones(1), weights=np.zeros((3, 1)),
                         bias=np.zeros(3), manifest={"nli_model": "some-other-nli", "corpus": "seed"})
    model.save(home / "profiles" / "old.json")
    r = run("check", "Aid rose.", "--profile", "old")
    assert r.exit_code == 3 and "fitted with NLI model 'some-other-nli'" in r.output


def test_min_confidence_turns_unsure_verdicts_into_not_enough_info(home):
    plain = json.loads(run("check", "The Farc demobilized in 2016.", "-f", "json").stdout)
    assert plain["verdict"] == "SUPPORTED"
    strict = json.loads(run("check", "The Farc demobilized in 2016.", "-f", "json", "--min-confidence", "1").stdout)
    assert strict["verdict"] == "NOT_ENOUGH_INFO"
    assert strict["explanation"].startswith(f"low confidence (p={plain['confidence']:.2f} < 1.00)")
    r = run("check", "Aid rose.", "--min-confidence", "1.5")
    assert r.exit_code == 2


def test_eval_reports_ece_and_draws_the_reliability_diagram(home, tmp_path):
    pytest.importorskip("matplotlib")
    image = tmp_path / "reliability.png"
    r = run("eval", str(SEED_OWN), "--plot", str(image))
    assert r.exit_code == 0, r.output
    assert "ECE=" in r.stdout and "coverage/precision" in r.stdout
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

"""One configuration: fusion parameters defined in Settings, tuned values travelling with the NLI model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import error_code

from factcheck.checker import make_judge
from factcheck.cli import main
from factcheck.errors import InputError, ModelError
from factcheck.judge.fusion import FusionConfig
from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params
from factcheck.settings import FUSION_FIELDS, Settings, get_settings


def test_fusion_fields_are_settings():
    assert set(FUSION_FIELDS) <= set(Settings.model_fields)
    assert set(FusionConfig.__dataclass_fields__) == set(FUSION_FIELDS)


def test_shipped_model_carries_its_tuned_thresholds():
    params = read_fusion_params(SHIPPED_MODEL_DIR)
    assert params["entail_threshold"] == 0.3 and params["contradict_threshold"] == 0.8
    assert params["entail_threshold"] != Settings.model_fields["entail_threshold"].default


def test_another_model_does_not_inherit_them(fake_nli):
    class OtherNLI:  # a model without fusion.json
        labels, name = fake_nli.labels, "other"
        predict = fake_nli.predict

    shipped = make_judge(get_settings(judge="nli"), nli=fake_nli).fusion
    other = make_judge(get_settings(judge="nli"), nli=OtherNLI()).fusion
    assert shipped.contradict_threshold == 0.8
    assert other == FusionConfig.from_settings(Settings())  # Settings' fallbacks, not the shipped model's


def test_explicit_environment_beats_the_model_file(monkeypatch, fake_nli):
    monkeypatch.setenv("FACTCHECK_CONTRADICT_THRESHOLD", "0.95")
    fusion = make_judge(get_settings(judge="nli"), nli=fake_nli).fusion
    assert fusion.contradict_threshold == 0.95 and fusion.entail_threshold == 0.3


def test_a_bad_fusion_file_is_a_model_error(tmp_path):
    (tmp_path / "fusion.json").write_text(json.dumps({"entail_treshold": 0.3}), encoding="utf-8")
    with pytest.raises(ModelError, match="fusion.json"):
        read_fusion_params(tmp_path)


def test_unknown_factcheck_variable_fails_loudly(monkeypatch):
    monkeypatch.setenv("FACTCHECK_TOPK", "8")
    with pytest.raises(InputError, match="FACTCHECK_TOPK; did you mean FACTCHECK_TOP_K"):
        get_settings()
    result = CliRunner().invoke(main, ["check", "The Farc demobilized in 2016."])
    assert result.exit_code == 2 and error_code(result) == InputError.code

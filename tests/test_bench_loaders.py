"""Each benchmark loader on a hand-written fixture in the dataset's own format: a format change fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import loaders
from factcheck.errors import InputError
from factcheck.results import Verdict

S, C, N = Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_ENOUGH_INFO
FIX = Path(__file__).resolve().parent / "fixtures" / "bench"


def test_climate_fever_claims():
    claims = list(loaders.climate_fever_claims(FIX / "climate-fever" / "climate-fever.jsonl"))
    assert [c.id for c in claims] == ["1", "2", "3", "4"]
    assert [c.label for c in claims] == [S, C, N, None]  # DISPUTED has no verdict
    assert claims[3].orig_label == "DISPUTED"
    first = claims[0]
    assert first.claim == "The river town of Alderbrook floods every spring."
    assert len(first.evidences) == 5
    assert first.evidences[0].id == "Alderbrook:3" and first.evidences[0].article == "Alderbrook"
    assert [e.label for e in first.evidences] == [S, N, N, N, S]
    assert first.gold_evidence == [first.evidences[0].sentence, first.evidences[4].sentence]
    assert claims[2].gold_evidence == []


def test_climate_fever_pairs_and_limit():
    pairs = list(loaders.climate_fever_pairs(FIX / "climate-fever" / "climate-fever.jsonl"))
    assert len(pairs) == 20
    p = pairs[5]
    assert p.id == "2/Vell range:2" and p.label == C and p.orig_label == "REFUTES"
    assert p.hypothesis == "Glaciers in the Vell range are growing."
    assert p.premise.startswith("The glaciers of the Vell range have shrunk")
    assert len(list(loaders.climate_fever_pairs(FIX / "climate-fever" / "climate-fever.jsonl", limit=7))) == 7


def test_check_covid_test_takes_nei_rows_from_the_variant():
    items = list(loaders.check_covid_test(FIX / "check-covid"))
    assert [i.id for i in items] == ["x1_0", "x1_1", "x1_2", "y2_1", "y2_2"]  # composed, then extracted
    assert [i.label for i in items] == [S, C, N, S, N]
    # SUPPORT/REFUTE rows from the current files (the variant's x1_0 points elsewhere, with no evidence).
    supported = items[0]
    assert supported.meta["cord_id"] == "aa11"
    assert supported.gold_evidence == [["Workers who washed their hands five times a day had 30% fewer colds."]]
    refute = items[1]
    assert refute.orig_label == "REFUTE"
    assert refute.sentences == ["This trial gave zinc lozenges to 120 adults with a cold.",
                                "Zinc did not shorten the colds compared with placebo."]
    assert refute.docs == {"bb22": " ".join(refute.sentences)}
    assert refute.gold_evidence == [refute.sentences]  # sent_index 0 and 1
    # NOT_ENOUGH_INFO rows from the variant: a different abstract, no gold evidence.
    assert [(i.meta["cord_id"], i.gold_evidence) for i in (items[2], items[4])] == [("cc33", []), ("aa11", [])]
    assert items[2].meta["is_auth"] is False and items[3].meta["is_auth"] is True
    assert len(list(loaders.check_covid_test(FIX / "check-covid", limit=2))) == 2


def test_wice_dev():
    items = list(loaders.wice_dev(FIX / "wice" / "dev.jsonl"))
    assert [i.id for i in items] == ["dev00001", "dev00002", "dev00003"]
    assert [i.label for i in items] == [S, None, N]  # partially_supported kept apart; not_supported -> NEI
    assert [i.orig_label for i in items] == ["supported", "partially_supported", "not_supported"]
    first = items[0]
    assert len(first.sentences) == 4 and first.docs == {"dev00001": "\n".join(first.sentences)}
    assert first.gold_evidence == [[first.sentences[1]], [first.sentences[1], first.sentences[2]]]
    assert items[2].gold_evidence == []  # [[]] in the file: no supporting sentences
    assert first.meta["claim_title"] == "Mara Lindqvist"


def test_fever_symmetric_dev():
    pairs = list(loaders.fever_symmetric_dev(FIX / "fever-symmetric" / "fever_symmetric_dev.jsonl"))
    assert [(p.id, p.label) for p in pairs] == [("101", S), ("102", C), ("1030000002", S)]
    assert pairs[1].premise == "Tallow is a rendered form of beef or mutton fat ."
    assert pairs[1].hypothesis == "Tallow is a kind of plant oil ."


def test_healthver_dev():
    pairs = list(loaders.healthver_dev(FIX / "healthver" / "healthver_dev.csv"))
    assert [(p.id, p.label, p.orig_label) for p in pairs] == [("11", S, "Supports"), ("12", C, "Refutes"),
                                                               ("13", N, "Neutral")]
    assert pairs[0].premise.endswith("about 4 mmHg.")
    assert pairs[0].hypothesis == "Walking every day lowers blood pressure"


def test_summedits():
    items = list(loaders.summedits(FIX / "summedits"))
    assert [(i.id, i.consistent, i.split) for i in items] == [
        ("news_1_og", True, "test"), ("news_1_e1", False, "test"), ("news_1_e2", True, "evaluation")]
    assert items[0].domain == "news" and items[0].document.startswith("Sales rose 8%")
    assert list(loaders.summedits(FIX / "summedits", domains=["podcast"])) == []


def test_seed_dev():
    rows = list(loaders.seed_dev(FIX / "eval" / "seed_dev.csv"))
    assert [(r.id, r.label) for r in rows] == [("seed-1", S), ("seed-2", C), ("seed-3", N)]
    assert rows[0].statement == "The ferry to Inish Mor runs twice a day."
    assert loaders.seed_corpus_path().name == "bbc-mundo-us-colombia-alliance.txt"


def test_unknown_label_fails_with_file_and_line(tmp_path):
    bad = tmp_path / "fs.jsonl"
    bad.write_text('{"id": "1", "claim": "A .", "evidence": "B .", "label": "SUPPORTS"}\n'
                   '{"id": "2", "claim": "A .", "evidence": "B .", "label": "MAYBE"}\n')
    with pytest.raises(InputError, match=rf"{bad}:2: unknown label 'MAYBE'"):
        list(loaders.fever_symmetric_dev(bad))


def test_default_paths_follow_factcheck_shared(monkeypatch, tmp_path):
    import shutil

    target = tmp_path / "data" / "bench" / "fever-symmetric"
    target.mkdir(parents=True)
    shutil.copy(FIX / "fever-symmetric" / "fever_symmetric_dev.jsonl", target)
    monkeypatch.setenv("FACTCHECK_SHARED", str(tmp_path))
    assert loaders.bench_dir() == tmp_path / "data" / "bench"
    assert [p.id for p in loaders.fever_symmetric_dev(limit=1)] == ["101"]
    monkeypatch.delenv("FACTCHECK_SHARED")
    assert loaders.shared_dir() == loaders.REPO_ROOT.parent / "shared"


def test_items_the_input_screen_refuses_are_left_out_and_named():
    from benchmarks.run import _screened

    def item(i, claim):
        return loaders.ClaimItem(id=i, claim=claim, label=Verdict.SUPPORTED, orig_label="SUPPORTS", docs={"d": "x"})

    kept, refused = _screened([item("a", "Sea levels are rising."), item("b", "Sea levels\x80 are rising."),
                               item("c", "Global temperatures rose by 1C.")])
    assert [it.id for it in kept] == ["a", "c"]
    assert [i for i, _ in refused] == ["b"] and "not text" in refused[0][1]

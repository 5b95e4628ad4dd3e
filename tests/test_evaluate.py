"""factcheck.apps.evaluate: labels, readers, metrics (hand-computed), evidence recall@k, and `factcheck eval`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.apps.evaluate import (
    EvalReport,
    LabelledStatement,
    evaluate,
    evidence_recall,
    normalize_label,
    read_labelled,
    score,
)
from factcheck.errors import InputError
from factcheck.render.evaluation import render_report
from factcheck.results import CheckResult, Evidence, Verdict

S, C, N = Verdict.SUPPORTED, Verdict.CONTRADICTED, Verdict.NOT_ENOUGH_INFO


@pytest.mark.parametrize("raw,expected", [
    ("SUPPORTED", S), ("supports", S), ("Support", S), ("entailment", S),
    ("CONTRADICTED", C), ("REFUTES", C), ("refuted", C), ("contradiction", C), ("REFUTE", C),
    ("NOT_ENOUGH_INFO", N), ("NEI", N), ("not enough info", N), ("Not-Enough-Info", N), ("neutral", N),
    ("NOTENOUGHINFO", N), (" supported ", S), (C, C),
])
def test_normalize_label(raw, expected):
    assert normalize_label(raw) is expected


def test_unknown_label_names_where():
    with pytest.raises(InputError, match=r"data.csv:7: unknown label 'MAYBE'"):
        normalize_label("MAYBE", where="data.csv:7")


def test_score_hand_computed():
    gold = [S, S, S, C, C, N]
    pred = [S, S, C, C, N, N]
    r = score(gold, pred)
    assert r.n == 6
    assert r.accuracy == pytest.approx(4 / 6)
    # SUPPORTED: P 2/2, R 2/3, F1 0.8; CONTRADICTED: P 1/2, R 1/2; NOT_ENOUGH_INFO: P 1/2, R 1/1, F1 2/3
    assert r.per_class["SUPPORTED"].precision == pytest.approx(1.0)
    assert r.per_class["SUPPORTED"].recall == pytest.approx(2 / 3)
    assert r.per_class["SUPPORTED"].f1 == pytest.approx(0.8)
    assert r.per_class["CONTRADICTED"].f1 == pytest.approx(0.5)
    assert r.per_class["NOT_ENOUGH_INFO"].f1 == pytest.approx(2 / 3)
    assert [r.per_class[x].support for x in ("SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO")] == [3, 2, 1]
    assert r.macro_f1 == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert r.confusion == {
        "SUPPORTED": {"SUPPORTED": 2, "CONTRADICTED": 1, "NOT_ENOUGH_INFO": 0},
        "CONTRADICTED": {"SUPPORTED": 0, "CONTRADICTED": 1, "NOT_ENOUGH_INFO": 1},
        "NOT_ENOUGH_INFO": {"SUPPORTED": 0, "CONTRADICTED": 0, "NOT_ENOUGH_INFO": 1},
    }
    assert r.evidence_recall_at_k is None


def test_score_class_never_predicted_has_zero_f1_not_nan():
    r = score([S, C], [S, S])
    assert r.per_class["CONTRADICTED"].f1 == 0.0
    assert r.per_class["NOT_ENOUGH_INFO"].support == 0
    assert r.macro_f1 == pytest.approx((2 / 3 + 0 + 0) / 3)


def test_score_two_way_with_prediction_outside_labels():
    # FEVER-style 2-way: a NOT_ENOUGH_INFO prediction is wrong and gets its own confusion column.
    r = score([S, C, C], [S, N, C], labels=("SUPPORTED", "CONTRADICTED"))
    assert r.labels == ["SUPPORTED", "CONTRADICTED"]
    assert r.accuracy == pytest.approx(2 / 3)
    assert r.confusion["CONTRADICTED"] == {"SUPPORTED": 0, "CONTRADICTED": 1, "NOT_ENOUGH_INFO": 1}
    assert r.macro_f1 == pytest.approx((1.0 + 2 / 3) / 2)


def test_score_rejects_mismatched_lengths_and_unknown_gold():
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        score([S, C], [S])
    with pytest.raises(ValueError, match="not in labels"):
        score(["maybe"], [S])


def test_evidence_recall_at_k():
    retrieved = ["Something else.", "the river floods  every spring.", "x", "y", "z", "Dams were built in 1950."]
    gold = ["The river floods every spring.", "Dams were built in 1950."]
    assert evidence_recall(gold, retrieved, k=5) == 0.5
    assert evidence_recall(gold, retrieved, k=6) == 1.0
    assert evidence_recall(gold, retrieved, k=1) == 0.0
    # Alternative gold sets (WiCE): the best-covered one counts.
    assert evidence_recall([["Not retrieved."], gold], retrieved, k=6) == 1.0
    # A retrieved sentence split differently still matches by containment.
    assert evidence_recall(["Dams were built in 1950."], ["In the north, dams were built in 1950. They held."], 1) == 1


def test_read_csv_with_claim_column_and_evidence(tmp_path):
    f = tmp_path / "gold.csv"
    f.write_text('claim,label,evidence\n'
                 '"Rain fell.",SUPPORTS,"[""It rained."", ""Rain fell on Monday.""]"\n'
                 '"Snow fell.",NEI,\n'
                 '"Hail fell.",refuted,"No hail fell."\n')
    rows = list(read_labelled(f))
    assert [r.statement for r in rows] == ["Rain fell.", "Snow fell.", "Hail fell."]
    assert [r.label for r in rows] == [S, N, C]
    assert rows[0].evidence == ["It rained.", "Rain fell on Monday."]
    assert rows[1].evidence is None
    assert rows[2].evidence == ["No hail fell."]
    assert [r.line for r in rows] == [2, 3, 4]


def test_read_jsonl(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text('{"statement": "A.", "label": "SUPPORTED", "evidence": ["A is so."]}\n\n'
                 '{"statement": "B.", "label": "contradiction"}\n')
    rows = list(read_labelled(f))
    assert [(r.statement, r.label, r.evidence, r.line) for r in rows] == [
        ("A.", S, ["A is so."], 1), ("B.", C, None, 3)]


def test_bad_label_error_names_file_and_line(tmp_path):
    f = tmp_path / "gold.csv"
    f.write_text("statement,label\nA.,SUPPORTED\nB.,PROBABLY\n")
    rows = read_labelled(f)
    assert next(rows).statement == "A."  # lazy: the good row comes before the error
    with pytest.raises(InputError, match=rf"{f}:3: unknown label 'PROBABLY'"):
        next(rows)
    j = tmp_path / "gold.jsonl"
    j.write_text('{"statement": "A.", "label": "SUPPORTED"}\n{"statement": "B.", "label": "?"}\n')
    with pytest.raises(InputError, match=rf"{j}:2: unknown label"):
        list(read_labelled(j))


@pytest.mark.parametrize("content,suffix,message", [
    ("text,verdict\nA.,SUPPORTED\n", ".csv", r":1: header has columns \['text', 'verdict'\]"),
    ("statement,label\n,SUPPORTED\n", ".csv", r":2: no `statement`"),
    ("statement,label\nA.,\n", ".csv", r":2: no `label`"),
    ('{"statement": "A.", "label": \n', ".jsonl", r":1: not valid JSON"),
])
def test_malformed_files(tmp_path, content, suffix, message):
    f = tmp_path / f"bad{suffix}"
    f.write_text(content)
    with pytest.raises(InputError, match=message):
        list(read_labelled(f))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_labelled(tmp_path / "nope.csv"))


class _ScriptedChecker:
    """Returns fixed verdicts and evidence, in order, and records the batches it was given."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.batches = []

    def check_many(self, statements):
        self.batches.append(list(statements))
        for s in statements:
            verdict, sentences = self.answers.pop(0)
            ev = [Evidence(claim=t, sentence=t, source="doc", start_char=0, end_char=len(t), similarity=0.9,
                           relation="neutral") for t in sentences]
            yield CheckResult(statement=s, verdict=verdict, confidence=0.9, evidence=ev, explanation="")


def test_evaluate_scores_verdicts_and_recall_in_batches():
    rows = [
        LabelledStatement(statement="A.", label=S, evidence=["A is so."]),
        LabelledStatement(statement="B.", label=C, evidence=["B is not so.", "B was denied."]),
        LabelledStatement(statement="C.", label=N),
    ]
    checker = _ScriptedChecker([(S, ["A is so."]), (N, ["B was denied.", "other"]), (N, ["x"])])
    report = evaluate(checker, iter(rows), k=5, batch=2)
    assert checker.batches == [["A.", "B."], ["C."]]
    assert report.accuracy == pytest.approx(2 / 3)
    assert report.evidence_recall_at_k == pytest.approx((1.0 + 0.5) / 2)
    assert report.n_with_evidence == 2 and report.k == 5


def test_render_report_text_and_json():
    report = score([S, C, N], [S, C, S], evidence_recall=[1.0, 0.0], k=5)
    text = render_report(report, "text", title="t")
    assert "accuracy=0.667" in text and "evidence recall@5=0.500" in text
    assert "CONTRADICTED" in text and "gold \\ predicted" in text
    again = EvalReport.model_validate_json(render_report(report, "json"))
    assert again == report
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(report, "xml")


def test_eval_command_json(home, tmp_path):
    from factcheck.cli import main

    src = tmp_path / "town.txt"
    src.write_text("The town of Alderbrook floods every spring. The mayor is Ana Ruiz.\n")
    gold = tmp_path / "gold.csv"
    gold.write_text("statement,label,evidence\n"
                    "Alderbrook floods every spring.,SUPPORTED,The town of Alderbrook floods every spring.\n"
                    "The mayor of Alderbrook owns a boat.,NOT_ENOUGH_INFO,\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--source", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["n"] == 2 and data["k"] == 5
    assert data["per_class"]["SUPPORTED"]["support"] == 1
    assert data["evidence_recall_at_k"] == 1.0


def test_eval_command_text_on_default_corpus(home, tmp_path):
    from factcheck.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"statement": "Colombia and the United States are allies.", "label": "SUPPORTED"}\n')
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 0, result.output
    assert "accuracy=" in result.output and "macro-F1=" in result.output


def test_eval_command_errors(home, tmp_path):
    from factcheck.cli import main

    gold = tmp_path / "gold.csv"
    gold.write_text("statement,label\nA thing happened.,TRUE\n")
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == InputError.exit_code
    assert f"{gold}:2: unknown label 'TRUE'" in result.output
    src = tmp_path / "s.txt"
    src.write_text("Something.\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--corpus", "seed", "--source", str(src)])
    assert result.exit_code == 2 and "either --corpus or --source" in result.output

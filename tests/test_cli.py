from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner
from conftest import batch_interrupted_at, error_code

from factcheck.cli import main
from factcheck.errors import CorpusNotFound, IndexMismatch, InputError


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path", list(_commands(main)))
def test_every_command_has_help(path):
    r = run(*path, "--help")
    assert r.exit_code == 0
    assert "Usage:" in r.output and len(r.output.splitlines()) > 3


# --- check ---------------------------------------------------------------------------------------

def test_check_text_output_shows_verdict_and_evidence(home):
    r = run("check", "US aid to Colombia exceeded $400 million in 2024.")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("SUPPORTED")
    assert "exceeding $400 million in 2024" in r.stdout
    assert "bbc-mundo-us-colombia-alliance.txt:" in r.stdout


def test_check_builds_the_seed_index_on_first_use_then_loads_it(home):
    r = run("check", "The Farc demobilized in 2016.")
    assert "building the default corpus 'seed'" in r.stderr
    gen = (home / "corpus" / "seed" / "CURRENT").read_text().strip()
    assert json.loads((home / "corpus" / "seed" / gen / "manifest.json").read_text())["index"]
    r = run("check", "The Farc demobilized in 2016.")
    assert "building" not in r.stderr


def test_check_finds_contradiction_with_the_nli_judge(home):
    r = run("check", "US aid to Colombia was about $300 million in 2024.", "-f", "json")
    assert json.loads(r.stdout)["verdict"] == "CONTRADICTED"


def test_check_many_statements_json_is_a_list(home):
    r = run("check", "The Farc demobilized in 2016.", "Brazil won the World Cup.", "-f", "json")
    data = json.loads(r.stdout)
    assert [d["verdict"] for d in data] == ["SUPPORTED", "NOT_ENOUGH_INFO"]


def test_check_dash_reads_one_statement_per_line_from_stdin(home):
    r = run("check", "-", "-f", "json", input=b"The Farc demobilized in 2016.\n\nBrazil won the World Cup.\n")
    assert r.exit_code == 0, r.output
    assert [d["verdict"] for d in json.loads(r.stdout)] == ["SUPPORTED", "NOT_ENOUGH_INFO"]


@pytest.mark.parametrize("data, where", [(b"The Farc demobilized in 2016.\nUS aid \xff rose in 2024.\n", "stdin:2:"),
                                         (b"\n  \n", "no statement")])
def test_check_dash_refuses_bad_stdin_with_the_line(home, data, where):
    r = run("check", "-", input=data)
    assert r.exit_code == 2 and error_code(r) == "E101" and where in r.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_check_other_formats(home, fmt):
    r = run("check", "The Farc demobilized in 2016.", "-f", fmt)
    assert r.exit_code == 0
    if fmt == "jsonl":
        assert json.loads(r.stdout.splitlines()[0])["verdict"] == "SUPPORTED"
    elif fmt == "csv":
        assert next(csv.DictReader(io.StringIO(r.stdout)))["verdict"] == "SUPPORTED"
    else:
        assert "| 1 | **SUPPORTED** |" in r.stdout


def test_check_writes_output_file(home, tmp_path):
    out = tmp_path / "r.json"
    r = run("check", "The Farc demobilized in 2016.", "-f", "json", "-o", str(out))
    assert r.exit_code == 0
    assert json.loads(out.read_text())["verdict"] == "SUPPORTED"


def test_check_similarity_judge_never_contradicts(home):
    r = run("check", "US aid to Colombia was about $300 million in 2024.", "--judge", "similarity", "-f", "json")
    assert json.loads(r.stdout)["verdict"] in ("SUPPORTED", "NOT_ENOUGH_INFO")
    assert "cannot detect contradictions" in json.loads(r.stdout)["explanation"] or \
        json.loads(r.stdout)["verdict"] == "NOT_ENOUGH_INFO"


def test_unknown_corpus_is_a_usage_error(home):
    r = run("check", "x y z", "--corpus", "nope")
    assert r.exit_code == 2 and error_code(r) == CorpusNotFound.code
    assert "Traceback" not in r.output


def test_empty_and_too_long_statements(home):
    r = run("check", "   ")
    assert r.exit_code == 2 and error_code(r) == InputError.code
    r = run("check", "word " * 500)
    assert r.exit_code == 2 and error_code(r) == InputError.code


def test_index_model_mismatch_says_how_to_rebuild(home, monkeypatch):
    assert run("index").exit_code == 0
    from conftest import FakeEmbedder

    import factcheck.retrieval.embed

    class Other(FakeEmbedder):
        weights_sha256 = "changed"

    monkeypatch.setattr(factcheck.retrieval.embed, "Embedder", Other)
    r = run("check", "The Farc demobilized in 2016.")
    assert r.exit_code == 3 and error_code(r) == IndexMismatch.code
    assert "factcheck index --corpus seed" in r.stderr  # says how to fix it


# --- batch ---------------------------------------------------------------------------------------

def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_batch_keeps_columns_appends_results_and_flags_bad_rows(home, tmp_path):
    src = _write(tmp_path / "in.csv", "id,claim,desk\n"
                 "1,The Farc demobilized in 2016.,politics\n"
                 "2,,politics\n"
                 "3,US aid to Colombia was about $300 million in 2024.,world\n"
                 "4,too,many,fields\n")
    out = tmp_path / "out.csv"
    r = run("batch", str(src), "-o", str(out))
    assert r.exit_code == 1
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == ["id", "claim", "desk", "verdict", "confidence", "explanation", "evidence",
                             "source", "error"]
    assert [row["verdict"] for row in rows] == ["SUPPORTED", "ERROR", "CONTRADICTED", "ERROR"]
    assert rows[0]["desk"] == "politics" and "2016" in rows[0]["evidence"]
    assert rows[1]["error"] == f"{src}:3: claim: statement is empty"
    assert rows[3]["error"] == f"{src}:5: row has 4 fields, header has 3"
    assert "2 rows failed" in r.stderr
    assert not (tmp_path / "out.csv.partial").exists()


def test_batch_all_good_exits_zero_and_writes_jsonl(home, tmp_path):
    src = _write(tmp_path / "in.csv", "statement\nThe Farc demobilized in 2016.\nBrazil won the World Cup.\n")
    out = tmp_path / "out.jsonl"
    r = run("batch", str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["verdict"] for x in lines] == ["SUPPORTED", "NOT_ENOUGH_INFO"]
    assert lines[0]["input"] == {"statement": "The Farc demobilized in 2016."} and lines[0]["evidence"]


def test_batch_stdin_to_stdout_with_named_column(home):
    r = run("batch", "-", "--column", "text", input="text\nThe Farc demobilized in 2016.\n")
    assert r.exit_code == 0
    assert next(csv.DictReader(io.StringIO(r.stdout)))["verdict"] == "SUPPORTED"


def test_batch_missing_column_names_the_columns(home, tmp_path):
    src = _write(tmp_path / "in.csv", "id,text\n1,hello\n")
    r = run("batch", str(src))
    assert r.exit_code == 2
    assert "no 'statement' or 'claim' column (columns: id, text)" in r.stderr
    r = run("batch", str(src), "--column", "body")
    assert r.exit_code == 2 and error_code(r) == InputError.code


def test_batch_missing_file(home, tmp_path):
    r = run("batch", str(tmp_path / "nope.csv"))
    assert r.exit_code == 2 and error_code(r) == InputError.code


def test_batch_non_utf8_row_is_an_error_row_others_still_checked(home, tmp_path):
    src = _write(tmp_path / "in.csv", b"statement\nThe Farc demobilized in 2016.\nBogot\xe1 is big.\n")
    out = tmp_path / "out.csv"
    r = run("batch", str(src), "-o", str(out))
    assert r.exit_code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["verdict"] == "SUPPORTED"
    assert rows[1]["verdict"] == "ERROR" and "3: not valid UTF-8" in rows[1]["error"]


def test_batch_resume_continues_without_loss_or_duplicates(home, tmp_path, monkeypatch):
    statements = [f"The Farc demobilized in {2000 + i}." for i in range(40)]
    src = _write(tmp_path / "in.csv", "id,statement\n" + "".join(f"{i},{s}\n" for i, s in enumerate(statements)))
    full = tmp_path / "full.csv"
    assert run("batch", str(src), "-o", str(full)).exit_code == 0

    out = tmp_path / "out.csv"
    with batch_interrupted_at(monkeypatch, 3):
        r = run("batch", str(src), "-o", str(out))
    assert r.exit_code == 130
    assert not out.exists()
    partial = (tmp_path / "out.csv.partial").read_text()
    assert len(list(csv.DictReader(io.StringIO(partial)))) == 32  # two chunks of 16 were completed
    # simulate a torn last line from a hard kill
    (tmp_path / "out.csv.partial").write_text(partial + "32,The Farc demob")
    r = run("batch", str(src), "-o", str(out), "--resume")
    assert r.exit_code == 0, r.output
    assert "32 kept from the previous run" in r.stderr
    assert out.read_text() == full.read_text()


# --- review --------------------------------------------------------------------------------------

DRAFT_OK = "# Draft\n\nThe Farc demobilized in 2016. Some readers may wonder why.\n"
DRAFT_BAD = "The Farc demobilized in 2016.\n\nUS aid to Colombia was about $300 million in 2024.\n"


def test_review_passes_a_consistent_draft(home, tmp_path):
    d = _write(tmp_path / "ok.md", DRAFT_OK)
    r = run("review", str(d))
    assert r.exit_code == 0, r.output
    assert "1 check-worthy sentences" in r.stdout and "SUPPORTED" in r.stdout


def test_review_fails_on_contradiction_and_reports_every_sentence(home, tmp_path):
    d = _write(tmp_path / "bad.md", DRAFT_BAD)
    r = run("review", str(d), "-f", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [i["result"]["verdict"] for i in data["items"]] == ["SUPPORTED", "CONTRADICTED"]
    item = data["items"][1]
    assert DRAFT_BAD[item["start_char"] : item["end_char"]] == item["sentence"]
    md = run("review", str(d), "-f", "md")
    assert md.exit_code == 1 and "**CONTRADICTED**" in md.stdout


def test_review_fail_on_unsupported(home, tmp_path):
    d = _write(tmp_path / "d.txt", "The Farc demobilized in 2016. Brazil won the World Cup in 2002.\n")
    assert run("review", str(d)).exit_code == 0
    assert run("review", str(d), "--fail-on", "unsupported").exit_code == 1


def test_review_stdin_and_usage_errors(home, tmp_path):
    assert run("review", "-", input="The Farc demobilized in 2016.\n").exit_code == 0
    r = run("review", str(tmp_path / "missing.md"))
    assert r.exit_code == 2 and error_code(r) == InputError.code
    assert run("review", "x.md", "--fail-on", "whatever").exit_code == 2


# --- ingest / index / corpus ---------------------------------------------------------------------

def test_ingest_own_article_then_check_list_and_show(home, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write(src / "report.html", "<html><body><h1>Report</h1><p>The city council approved a budget of "
                                "&pound;12 million in March 2023.</p><p>The mayor opposed the plan.</p></body></html>")
    _write(src / "notes.md", "## Notes\n\nThe budget includes **new bus lanes** for the city centre.\n")
    r = run("ingest", str(src), "--corpus", "council")
    assert r.exit_code == 0, r.output
    assert (home / "corpus" / "council" / "CURRENT").exists()
    r = run("check", "The council approved a budget of £12 million in March 2023.", "-c", "council", "-f", "json")
    data = json.loads(r.stdout)
    assert data["verdict"] == "SUPPORTED"
    ev = data["evidence"][0]
    raw = (home / ev["source"]).read_text(encoding="utf-8")
    assert "approved a budget" in raw[ev["start_char"] : ev["end_char"]]
    listing = run("corpus", "list")
    assert "council" in listing.stdout and "seed" in listing.stdout
    show = json.loads(run("corpus", "show", "council", "-f", "json").stdout)
    assert {d["doc_id"] for d in show["documents"]} == {"report", "notes"}
    assert show["indexed"] and show["embedding_model"] == "fake-bow"
    assert run("index", "--corpus", "council").exit_code == 0


def test_ingest_errors(home, tmp_path):
    r = run("ingest", str(tmp_path / "missing.txt"), "--corpus", "x")
    assert r.exit_code == 2 and error_code(r) == InputError.code
    empty = _write(tmp_path / "e.txt", "\n\n")
    r = run("ingest", str(empty), "--corpus", "x")
    assert r.exit_code == 2 and error_code(r) == InputError.code
    r = run("ingest", str(empty), "--corpus", "../x")
    assert r.exit_code == 2


def test_a_silent_verdict_shows_the_sentence_its_explanation_names():
    """NOT_ENOUGH_INFO names the closest sentence by similarity; text and CSV show that one, not the first item."""
    from factcheck.judge.fusion import nei_explanation
    from factcheck.render.formats import csv_columns, to_text
    from factcheck.results import CheckResult, Evidence, Verdict

    far = Evidence(claim="Jobs were lost.", sentence="Jobs were lost.", source="a.txt", start_char=0, end_char=15,
                   similarity=0.41, relation="neutral")
    near = Evidence(claim="Aid was cut.", sentence="Aid was cut.", source="a.txt", start_char=16, end_char=28,
                    similarity=0.62, relation="neutral")
    result = CheckResult(statement="Aid rose.", verdict=Verdict.NOT_ENOUGH_INFO, confidence=0.6, evidence=[far, near],
                         explanation=nei_explanation([far, near]))
    assert "“Aid was cut.”" in result.explanation
    text = to_text(result)
    assert "a.txt:16-28" in text and "a.txt:0-15" not in text
    assert csv_columns(result)["source"] == "a.txt:16-28"

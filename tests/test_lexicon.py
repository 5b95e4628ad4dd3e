"""The domain tables: one lexicon of opposites read by both rules and the generator, extensible from a folder."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import lexicon, run_rules
from factcheck.judge.rules.quantities import extract


@pytest.fixture
def own_tables(tmp_path, monkeypatch):
    """A newsroom's FACTCHECK_LEXICON_DIR with one line added to each table."""
    (tmp_path / "opposites.txt").write_text("[words]\nhawkish | dovish\n[forms]\nhawkish | dovish\n", encoding="utf-8")
    (tmp_path / "aliases.txt").write_text("japan: japanese, nippon\n", encoding="utf-8")
    (tmp_path / "currencies.txt").write_text("JPY: ¥, yen\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_LEXICON_DIR", str(tmp_path))
    lexicon.reload()
    yield tmp_path
    monkeypatch.delenv("FACTCHECK_LEXICON_DIR")
    lexicon.reload()


def test_shipped_tables_are_read_by_section():
    words, predicates = lexicon.opposites("words"), lexicon.opposites("predicates")
    assert "conservative" in words["left-wing"] and "left-wing" in words["conservative"]  # symmetric
    assert "strengthen" in predicates["weaken"] and "suspend" in predicates["increase"]
    assert "suspend" not in words  # sections stay apart
    assert lexicon.opposite_forms()["rose"] == "fell" and lexicon.opposite_forms()["increase"] == "decrease"
    assert lexicon.aliases()["american"] == "united states" and lexicon.currencies()["pesos"] == "COP"


def test_a_lexicon_folder_adds_to_every_table(own_tables, nlp):
    assert "dovish" in lexicon.opposites("words")["hawkish"] and "conservative" in lexicon.opposites("words")["liberal"]
    assert lexicon.opposite_forms()["dovish"] == "hawkish"
    assert lexicon.aliases()["nippon"] == "japan" and lexicon.aliases()["american"] == "united states"
    (q,) = extract(nlp("Japan spent 400 million yen on the bridge."))
    assert q.kind == "money:JPY"
    found = run_rules("The hawkish central bank governor spoke in Tokyo.",
                      "The dovish central bank governor spoke in Tokyo.", nlp=nlp)
    assert any(f.rule == "antonyms" and f.relation == "contradicts" for f in found)


def test_without_the_folder_the_added_words_are_unknown(nlp):
    assert "hawkish" not in lexicon.opposites("words")
    (q,) = extract(nlp("Japan spent 400 million yen on the bridge."))
    assert q.kind != "money:JPY"



@pytest.mark.parametrize("form, canonical", [
    ("colombian", "colombia"), ("republic of colombia", "colombia"), ("russian federation", "russia"),
    ("ukrainian", "ukraine"), ("britain", "united kingdom"),
    ("bogotá", None), ("the", None),  # capitals are a table of their own
])
def test_country_aliases_from_countryinfo(form, canonical):
    assert lexicon.aliases().get(form) == canonical


@pytest.mark.parametrize("form, country", [
    ("bogotá", "colombia"), ("bogota", "colombia"), ("washington", "united states"), ("moscow", "russia"),
    ("kyiv", "ukraine"), ("london", "united kingdom"),
    # words that are also capitals elsewhere are not read as a country
    ("male", None), ("malé", None), ("victoria", None), ("kingston", None), ("hamilton", None), ("colombia", None),
])
def test_capitals_from_countryinfo(form, country):
    assert lexicon.capitals().get(form) == country


def test_own_alias_lines_win_over_countryinfo(tmp_path, monkeypatch):
    (tmp_path / "aliases.txt").write_text("gran colombia: bogotá\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_LEXICON_DIR", str(tmp_path))
    lexicon.reload()
    try:
        assert lexicon.aliases()["bogotá"] == "gran colombia" and lexicon.aliases()["colombian"] == "colombia"
        assert lexicon.capitals()["bogotá"] == "colombia"
    finally:
        monkeypatch.delenv("FACTCHECK_LEXICON_DIR")
        lexicon.reload()

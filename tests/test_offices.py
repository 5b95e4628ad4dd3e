"""Offices read as the people who hold them (factcheck.judge.offices), and claims read after the sentence they refer
back to (Evidence.read_after). Invented sentences; at least as many must-not-read rows as must-read rows."""

from __future__ import annotations

import pytest

from factcheck.judge.offices import holders, read_offices

DIAZ = "Mayor Carla Diaz of Springfield opened the new bridge on Monday."
SOURCE = [DIAZ, "Diaz thanked the council.", "The bridge cost $4 million."]

# (statement, how it is read; None = left as it is)
READINGS = [
    # must read: the office by its owner, before or after it, possessive kept
    ("Springfield's mayor opened the new bridge.", "Carla Diaz opened the new bridge."),
    ("The mayor of Springfield opened the new bridge.", "Carla Diaz opened the new bridge."),
    ("Springfield's mayor's speech was short.", "Carla Diaz's speech was short."),
    # must not read: another time, a holder named by the statement, another owner, a person already named, an
    # office the source gives nobody
    ("Springfield's former mayor opened the new bridge.", None),
    ("Springfield's mayor is Tom Hall.", None),
    ("Shelbyville's mayor opened the new bridge.", None),
    ("Mayor Diaz opened the new bridge.", None),
    ("Springfield's governor opened the new bridge.", None),
    ("Springfield's mayor-elect opened the new bridge.", None),
    ("Springfield's mayors have opened many bridges.", None),
    ("Every mayor of Springfield opened a bridge.", None),
    ("A mayor of Springfield opened the new bridge.", None),
]


def test_holders_name_each_office_once():
    assert holders(SOURCE) == {("mayor", "springfield"): frozenset({"Carla Diaz"})}


@pytest.mark.parametrize(("statement", "expected"), READINGS)
def test_offices_read_as_their_holder(statement, expected):
    reading = read_offices(statement, holders(SOURCE))
    assert (reading.text if reading else None) == expected
    if reading:
        assert reading.note.startswith("Reading “") and "Carla Diaz" in reading.note


def test_an_office_with_two_holders_is_not_read():
    two = holders([DIAZ, "Mayor Tom Hall of Springfield closed it a year later."])
    assert two[("mayor", "springfield")] == {"Carla Diaz", "Tom Hall"}
    assert read_offices("Springfield's mayor opened the new bridge.", two) is None


@pytest.fixture(scope="module")
def checker():
    from factcheck.checker import Checker

    return Checker.from_texts({"springfield.txt": " ".join([
        DIAZ, "The city built the Riverside Library in 2019.", "This council-funded project cost $4 million."])})


def test_checker_reads_the_office_and_reports_the_statement_as_written(checker):
    result = checker.check("Springfield's mayor opened the new bridge.")
    assert result.statement == "Springfield's mayor opened the new bridge."
    assert result.explanation.startswith("Reading “Springfield's mayor” as Carla Diaz")
    assert result.evidence[0].sentence == DIAZ


def test_evidence_read_after_the_sentence_it_refers_back_to(checker):
    result = checker.check("The Riverside Library cost $4 million.")
    project = next(e for e in result.evidence if e.sentence.startswith("This council-funded project"))
    assert project.read_after == "The city built the Riverside Library in 2019."
    plain = next(e for e in result.evidence if e.sentence == DIAZ)
    assert plain.read_after is None

"""Table-driven tests of what a figure counts, as news copy writes it (the quantities rule): "two and a half million"
is 2.5 million (not "a half"), "2.5 million Apple Watch units" counts watches, as "2.5 million Apple Watches" does
(a plural name the lemmatiser leaves as written), and a plural name is the one a document gives in the singular (the
coverage check); the "2" of "SARS‐CoV‐2" is no count, and a share "of them" is of something not named. Sentences
written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

from factcheck.ingest.nlp import parse
from factcheck.judge.rules.coverage import source_names, unmentioned_entities
from factcheck.judge.rules.quantities import extract

SHIP = "Analysts expect that Acme will ship 2.5 million Acme Phone units in the first quarter."

# (source sentence, statement, the quantities rule's relation: "supports", "contradicts" or None for neither)
CASES = [
    # must: the same count however written, or another count of the same things
    (SHIP, "Analysts expect Acme to ship two and a half million Acme Phones in the first quarter.", "supports"),
    (SHIP, "Analysts expect Acme to ship four million Acme Phones in the first quarter.", "contradicts"),
    ("The talks lasted 2.5 years.", "The talks lasted two and a half years.", "supports"),
    # must not: another kind of thing, or a count of units of another thing
    (SHIP, "Analysts expect Acme to ship 2.5 million tablets in the first quarter.", None),
    ("The firm sold 3 million phone units.", "The firm sold 3 million tablets.", None),
    ("The firm sold 3 million phone units.", "The firm sold 5 million tablets.", None),
    ("Half of the staff left.", "Two and a half thousand staff left.", None),
]


@pytest.mark.parametrize(("source", "statement", "relation"), CASES)
def test_what_a_figure_counts(source, statement, relation):
    found = {f.relation for f in rule_findings("quantities", source, statement)} - {"neutral"}
    assert found == ({relation} if relation else set()), found


def test_table_is_balanced():
    assert sum(c[2] is None for c in CASES) >= sum(c[2] is not None for c in CASES)


@pytest.mark.parametrize(("sentence", "read"), [
    ("Acme shipped two and a half million phones.", ("count:phone", 2.5e6)),
    ("Acme shipped 2.5 million Acme Phone units.", ("count:phone", 2.5e6)),
    ("Acme shipped 2.5 million Acme Phones.", ("count:phone", 2.5e6)),
    ("Acme shipped 2.5 million units.", ("count:unit", 2.5e6)),
])
def test_the_count_read(sentence, read):
    (q,) = extract(parse(sentence))
    assert (q.kind, (q.lo + q.hi) / 2) == (read[0], pytest.approx(read[1]))


def test_a_plural_name_is_the_documents_singular_one():
    names = source_names([SHIP])
    assert [e.text for e in unmentioned_entities(parse("Acme will ship millions of Acme Phones."), names)] == []
    assert [e.text for e in unmentioned_entities(parse("Zenco will ship millions of Zenco Phones."), names)] == [
        "Zenco"]


@pytest.mark.parametrize(("sentence", "read"), [
    ("SARS\u2010CoV\u20102 infections rose.", set()),  # the "2" of a name, with a Unicode hyphen
    ("SARS-CoV-2 infections rose.", set()),
    ("More than 80% of them were never diagnosed.", {("percent", "")}),  # "them": the thing is in another clause
    ("More than 80% of the patients were never diagnosed.", {("percent", "patient")}),
])
def test_names_with_digits_and_shares_of_a_pronoun(sentence, read):
    assert {(q.kind, q.of) for q in extract(parse(sentence))} == read

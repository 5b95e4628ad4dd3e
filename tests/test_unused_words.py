"""The statement's nouns and names a document never uses (coverage.unused_words) and the verdict model's
`unused_words` feature: a detail the source is silent on. Real spaCy parses; invented sentences."""

from __future__ import annotations

import pytest

from factcheck.ingest.nlp import parse
from factcheck.judge.rules.coverage import source_names, unused_words
from factcheck.judge.verdict_model import statement_features
from factcheck.results import Evidence

SOURCE = [
    "The harbour authority said the ferry service between the two islands was suspended on Monday.",
    "Storms damaged the northern pier, and repairs are expected to cost about $2 million.",
    "Mayor Ana Ruiz urged residents to avoid the waterfront while engineers inspect the structures.",
    "Fishermen said the closure hurt their income during the busiest season of the year.",
    "The United States coast guard sent two patrol boats.",
    "Colombia's navy escorted the ferry back to port.",
]
NAMES = source_names(SOURCE)


@pytest.mark.parametrize("statement, unused", [
    # must fire: a detail no sentence of the document uses in any form
    ("The ferry service was suspended after a tanker collision.", ["tanker", "collision"]),
    ("Mayor Ruiz declared a state of emergency on the waterfront.", ["emergency"]),
    ("Repairs to the northern pier will cost about $2 million, paid by insurers.", ["insurer"]),
    ("Hotel owners said the closure hurt their income.", ["hotel", "owner"]),
    ("The coast guard sent two helicopters.", ["helicopter"]),
    ("Prime Minister Ortega praised the engineers.", ["prime", "minister", "ortega"]),
    ("Lima sent two patrol boats.", ["lima"]),  # the capital of a country the document never names
    # must not fire: the same words, other forms, aliases, stems, or words that say little by themselves
    ("The ferry services between the islands were suspended.", []),  # plural, lemma
    ("Engineers are inspecting the damaged structures near the waterfront.", []),
    ("The storm damaged a pier in the north.", []),  # "north" shares "north" with "northern"
    ("Ruiz urged residents to stay away from the waterfront.", []),
    ("The repair of the pier should cost roughly two million dollars.", []),  # "repair"/"repairs"; "dollar" stem
    ("US coast guard patrol boats were sent.", []),  # US = United States (aliases)
    ("The fishermen lost income in the busiest season.", []),
    ("The authority suspended the ferry on Monday.", []),
    ("Residents were told to avoid the harbour.", []),
    ("It was suspended on Monday.", []),  # no noun at all
    ("Inspections of the structures are under way.", []),  # "inspection" shares "inspe" with "inspect"
    ("The closures hurt incomes during the season.", []),
    ("Bogotá escorted the ferry back to port.", []),  # the capital of a country it names (capitals)
    ("Washington sent two patrol boats.", []),  # … and of the United States
])
def test_unused_words(statement, unused):
    assert unused_words(parse(statement), NAMES) == unused


def _ev(words, *, scored=True, source="doc.txt"):
    return Evidence(claim="c", sentence="c", source=source, start_char=0, end_char=1, similarity=0.7,
                    relation="neutral", unused_words=words,
                    probabilities={"entailment": 0.6, "neutral": 0.3, "contradiction": 0.1} if scored else None)


@pytest.mark.parametrize("evidence, value", [
    ([_ev(["tanker"])], 1 / 3),
    ([_ev(["tanker", "collision"]), _ev(["tanker", "collision"])], 2 / 3),
    ([_ev(["a", "b", "c", "d"])], 1.0),  # counted up to 3
    ([_ev(["a", "b"], source="one.txt"), _ev([], source="two.txt")], 0.0),  # the best-covered document counts
    ([_ev([])], 0.0),
    ([_ev(None)], 0.0),  # not looked at: nothing known
    ([_ev(["a", "b"], scored=False), _ev(["a"])], 1 / 3),  # scored or not, the best-covered document
    ([_ev(["a", "b"], scored=False)], 2 / 3),  # below the similarity floor: still its document's words
    ([], 1.0),  # nothing retrieved: nothing of the statement is in the source
])
def test_unused_words_feature(evidence, value):
    assert statement_features("The ferry was suspended.", evidence)["unused_words"] == pytest.approx(value)

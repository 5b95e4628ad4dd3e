"""Table-driven tests of the roles rule on common nouns: the same act with the doer and the one it is done to
exchanged ("the men offered to pay the female travellers" against "the women offered to pay the male
travellers"), told apart by sex where a word says so, else by head noun. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, whether the roles rule contradicts)
CASES = [
    # must fire
    ("Several men offered to pay the female travellers to move.",
     "Several women offered to pay the male travellers to move.", True),
    ("The company sued the union.", "The union sued the company.", True),
    ("The landlord evicted the tenants.", "The tenants evicted the landlord.", True),
    ("The girls teased the boys, teachers said.", "The boys teased the girls, teachers said.", True),
    ("The union was sued by the company.", "The union sued the company.", True),
    # must not fire
    ("The company sued the union.", "The company sued the union.", False),
    ("The union was sued by the company.", "The company sued the union.", False),
    ("The dog bit the man.", "The man fed the dog.", False),
    ("Officers helped other officers.", "Officers helped other officers.", False),
    ("The company may sue the union.", "The union sued the company.", False),
    ("The union did not sue the company.", "The company sued the union.", False),
    ("The men paid the female passengers.", "The women paid the passengers.", False),
    ("The nurses trained the doctors.", "The doctors trained the nurses.", True),
    ("The nurses trained the doctors.", "The doctors trained the nurses to use the new scanner.", False),
    ("The nurses trained the doctors in May.", "In June, the doctors praised the nurses.", False),
    # names: another author of the same words, told by what else the act is about
    ("Lopez has openly criticized these raids, calling them acts of cruelty.",
     "Moreno criticized the raids, calling them acts of cruelty.", True),
    ("The Baker administration's decision to close the museum angered artists.",
     "Mayor Diaz closed the museum.", True),
    ("Lopez has openly criticized these raids, calling them acts of cruelty.",
     "Moreno also criticized the raids, calling them acts of cruelty.", False),
    ("Lopez has openly criticized these raids, calling them acts of cruelty.", "Moreno criticized the budget.", False),
    ("Some Free Church elders refused to sign the letter, calling it an act of betrayal.",
     "Some Church elders refused to sign the letter, calling it an act of betrayal.", False),
    ("Lopez has openly criticized these raids, calling them acts of cruelty.",
     "Lopez criticized the raids, calling them acts of cruelty.", False),
    # names: a swap contradicts the same accusation only, not one the source never mentions
    ("Smith accused Jones of taking bribes from the contractor.", "Jones accused Smith of taking bribes.", True),
    ("Smith accused Jones of taking bribes from the contractor.", "Jones accused Smith of leaking secret files.",
     False),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_role_swaps_of_common_nouns(source, statement, fires):
    found = rule_findings("roles", source, statement, "contradicts")
    assert bool(found) is fires, found
    assert all(f.source_span and f.statement_span for f in found)


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)

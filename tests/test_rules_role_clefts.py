"""Table-driven tests of who acts when the doer is a relative pronoun: a cleft ("It was Abbas who offered …") or a
relative clause ("The company, which sued the union, …") names the doer before the verb; and when a description
has a name in apposition ("An Afghan mother, Reza Gul, killed …"), the name is the doer. Written for this project
from the error kinds seen on development statements (tests/fixtures/dev/news_fresh.csv); no development sentence
is copied."""

from __future__ import annotations

import pytest
from conftest import rule_findings

CASES = [
    # must fire: the roles swapped, the doer named by a cleft or a relative clause
    ("Minister Ruiz offered Governor Alvarez the chance to run the port.",
     "It was Alvarez who offered Ruiz the chance to run the port.", True),
    ("The union sued the company in May.", "It was the company that sued the union.", True),
    ("The union sued the company in May.", "The company, which sued the union, lost.", True),
    ("Ruiz, who criticized Alvarez, spoke first.", "Alvarez criticized Ruiz.", True),
    # must not fire: the same order, told by a cleft or a relative clause
    ("Minister Ruiz offered Governor Alvarez the chance to run the port.",
     "It was Ruiz who offered Alvarez the chance to run the port.", False),
    ("The union sued the company in May.", "It was the union that sued the company.", False),
    ("The union sued the company in May.", "The union, which sued the company, won.", False),
    # must not fire: a relative clause about someone else, and a cleft of time
    ("The union sued the company in May.", "The lawyer who represented the union sued the company.", False),
    ("It was raining when the union sued the company.", "The union sued the company.", False),
    ("The company that the union sued has appealed.", "The union sued the company.", False),
    # "which" after "X of Y" is Y; a description in apposition to a name is that name
    ("Ana Ruiz, a correspondent for Reuters, the agency which broke the story, said so.",
     "Reporter Ana Ruiz of Reuters, which broke the story, said the ministry had lied.", False),
    ("Reuters, the news agency which broke the story, said so.", "The BBC broke the story.", True),
    # … but "which" after "X of Y" is X when X is no person
    ("The Fed raised rates in May.", "The Bank of England, which raised rates in May, said so.", True),
    ("The Bank of England raised rates in May.", "The Bank of England, which raised rates in May, said so.", False),
    # a description with the name in apposition is that named doer …
    ("Maria Lopez rescued 12 miners in Oruro province.", "A local nurse, Maria Lopez, rescued 12 miners in Oruro "
     "province.", False),
    ("Lopez rescued 12 miners in Oruro province.", "A retired engineer, Lopez, rescued 12 miners.", False),
    # … and another name in apposition is another doer
    ("Maria Lopez rescued 12 miners in Oruro province.", "A local nurse, Ana Quispe, rescued 12 miners in Oruro "
     "province.", True),
]


@pytest.mark.parametrize(("source", "statement", "fires"), CASES)
def test_doers_named_before_the_verb(nlp, source, statement, fires):
    found = rule_findings("roles", source, statement, relation="contradicts", nlp=nlp)
    assert bool(found) == fires, found


def test_table_is_balanced():
    assert sum(not c[2] for c in CASES) >= sum(c[2] for c in CASES)


def test_the_explanation_names_the_source_doer(nlp):
    [finding] = rule_findings("roles", "The union sued the company in May.", "It was the company that sued the union.",
                              relation="contradicts", nlp=nlp)
    assert "The union sued the company" in finding.explanation


def test_the_explanation_leaves_out_the_clause_that_describes_the_doer(nlp):
    [finding] = rule_findings("roles", "The mayor of Lyon, who sued the company, spoke.", "The company sued the mayor.",
                              relation="contradicts", nlp=nlp)
    assert "The mayor of Lyon sued the company" in finding.explanation

"""Table-driven tests of "dates back to" (and "took shape") as the beginning of what it is said of: compared with
"began", "was founded" and the like in the source. Sentences written for this project."""

from __future__ import annotations

import pytest
from conftest import rule_findings

# (source sentence, statement, the dates rule's relation or None)
CASES = [
    # the origin of the same thing: agrees or contradicts
    ("The alliance between the two ports began in the early 2000s.",
     "The alliance between the two ports dates back to the early 1990s.", "contradicts"),
    ("The alliance between the two ports began in the early 2000s.",
     "The alliance between the two ports dates back to the early 2000s.", "supports"),
    ("The rowing club was founded in 1952.", "The rowing club dates back to 1987.", "contradicts"),
    ("The festival dates back to 1968, organisers say.", "Organisers say the festival began in 1968.", "supports"),
    ("The alliance between the two ports began in the early 2000s.",
     "The alliance between the two ports took shape in the late 1980s.", "contradicts"),
    ("The league began in 1998.", "The league took shape in 1998.", "supports"),
    # not an origin, or not the same thing
    ("The rowing club was founded in 1952.", "The rowing club's boathouse dates back to 1987.", None),
    ("She dated the singer in 2010.", "She dated the actor in 2012.", None),
    ("The rowing club was founded in 1952.", "The rowing club dates from 1987.", None),
    ("The festival began in 1968.", "The festival's logo dates back to 1971.", None),
    ("The rowing club was founded in 1952.", "The football club dates back to 1987.", None),
    ("The league began in 1998.", "The stadium took shape in 2004.", None),
    ("The league began in 1998.", "The league took the title in 2004.", None),
    # "got under way", "kicked off": a beginning too
    ("The Harbour Plan began in the early 2000s.", "The Harbour Plan got under way in the late 1980s.", "contradicts"),
    ("The festival began in 1968.", "The festival got underway in 1971.", "contradicts"),
    ("The festival began in 1968.", "The festival kicked off in 1968.", "supports"),
    ("The league started in 1998.", "The league got under way in 1998.", "supports"),
    # … but not getting under a thing, nor kicking something off another thing
    ("The festival began in 1968.", "The festival got under the radar in 1971.", None),
    ("The festival began in 1968.", "The festival's mascot got under way in 1971.", None),
    ("The league began in 1998.", "The striker kicked off the league season in 2004.", None),
    ("The festival began in 1968.", "The festival got a new sponsor in 1971.", None),
    # what the subject founded, not when it was founded
    ("The rowing club was founded in 1952.", "The rowing club founded a youth section in 1987.", None),
]


@pytest.mark.parametrize(("source", "statement", "relation"), CASES)
def test_dates_back_to_is_a_beginning(source, statement, relation):
    found = [f for f in rule_findings("dates", source, statement) if f.relation != "neutral"]
    assert [f.relation for f in found][:1] == ([relation] if relation else []), found


def test_table_is_balanced():
    assert sum(c[2] is None for c in CASES) >= sum(c[2] is not None for c in CASES)

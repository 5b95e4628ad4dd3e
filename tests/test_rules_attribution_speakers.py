"""Table-driven tests of the attribution rule's speaker comparison: one speaker written differently keeps the
attribution, another speaker contradicts it."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

# (source sentence, statement, relation of the attribution rule's decisive finding; None = no contradiction at all)
CASES = [
    # another speaker: firing
    (
        "The bridge will reopen on Monday, the police said.",
        "The hospital said the bridge will reopen on Monday.",
        "contradicts",
    ),
    (
        "Reuters said the factory had closed after the fire.",
        "The Journal said the factory had closed after the fire.",
        "contradicts",
    ),
    ("Biden said the new tariffs would hurt farmers.", "Trump said the new tariffs would hurt farmers.", "contradicts"),
    (
        "According to Reuters, the copper mine flooded overnight.",
        "According to the BBC, the copper mine flooded overnight.",
        "contradicts",
    ),
    (
        "According to Reuters, the copper mine flooded overnight.",
        "The Journal said the copper mine flooded overnight.",
        "contradicts",
    ),
    (
        "Hospital officials said the patients were discharged on Sunday.",
        "Police officials said the patients were discharged on Sunday.",
        "contradicts",
    ),
    (
        "A Pentagon spokeswoman said the naval drills would resume in March.",
        "A Kremlin spokeswoman said the naval drills would resume in March.",
        "contradicts",
    ),
    (
        "US officials said the aid convoy was attacked near the border.",
        "Russian officials said the aid convoy was attacked near the border.",
        "contradicts",
    ),
    (
        "The union said the strike would last three weeks.",
        "The company said the strike would last three weeks.",
        "contradicts",
    ),
    (
        "Officials said the new dam was safe after the floods.",
        "Engineers said the new dam was safe after the floods.",
        "contradicts",
    ),
    (
        "The BBC said the general election would be held in the autumn.",
        "Sky News said the general election would be held in the autumn.",
        "contradicts",
    ),
    # the same speaker written differently: must not contradict
    (
        "The vaccine will be free for pensioners, officials said.",
        "Officials said the vaccine will be free for pensioners.",
        "supports",
    ),
    (
        "The guards were not armed and had no key to the vault, officials said.",
        "Officials said the two guards had a key to the vault.",
        "supports",
    ),
    (
        "The trial will start in June, the spokeswoman said.",
        "A Justice Ministry spokeswoman said the trial will start in June.",
        "supports",
    ),
    (
        "A senior US official said the embassy would reopen next month.",
        "Officials said the embassy would reopen next month.",
        "supports",
    ),
    (
        "U.S. officials said the sanctions would be lifted in May.",
        "US officials said the sanctions would be lifted in May.",
        "supports",
    ),
    (
        "The BBC said the general election would be held in the autumn.",
        "BBC said the general election would be held in the autumn.",
        "supports",
    ),
    (
        "The ministry's spokesman said the grain deal had been extended.",
        "The spokesman said the grain deal had been extended.",
        "supports",
    ),
    (
        "Police said the robbery suspect fled on foot.",
        "According to police, the robbery suspect fled on foot.",
        "supports",
    ),
    (
        "The Guardian said the housing minister would resign on Friday.",
        "According to the Guardian, the housing minister will resign on Friday.",
        "supports",
    ),
    (
        "Reuters said the chief executive of the airline would step down after the merger.",
        "According to Reuters, the chairman of the airline will step down after the merger.",
        "supports",
    ),
    (
        "American diplomats said the talks had stalled over prisoner swaps.",
        "US diplomats said the talks had stalled over prisoner swaps.",
        "supports",
    ),
    (
        "Doctors said the injured climber had recovered fully.",
        "Doctors at the clinic said the injured climber had recovered fully.",
        "supports",
    ),
    (
        "White House spokesman Josh Earnest said the summit was postponed.",
        "A White House spokesman said the summit was postponed.",
        "supports",
    ),
    # asserted as fact, a document instead of a speaker, unrelated sentences: no contradiction
    ("The bridge will reopen on Monday, the police said.", "The bridge will reopen on Monday.", "neutral"),
    (
        "Reuters said the factory had closed after the fire.",
        "According to the report, the factory closed after the fire.",
        None,
    ),
    ("The police said the bridge would reopen on Monday.", "The mayor opened a new public library.", None),
    ("The factory closed after the fire.", "Reuters said the factory closed after the fire.", None),
    ("The spokeswoman said the trial will start in June.", "The judge postponed the hearing of the fraud case.", None),
]

# pairs where the attribution rule has nothing to say at all
UNRELATED = [c for c in CASES if c[2] is None and "report" not in c[1]]


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


def attribution(findings):
    return [f for f in findings if f.rule == "attribution"]


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_speaker_table(nlp, source, statement, expected):
    findings = run_rules(source, statement, nlp=nlp)
    if expected is None:
        assert not [f for f in findings if f.relation == "contradicts"], findings
    else:
        assert [f.relation for f in attribution(findings)] == [expected], findings


@pytest.mark.parametrize(("source", "statement", "expected"), UNRELATED)
def test_unrelated_sentences_give_nothing(nlp, source, statement, expected):
    assert not attribution(run_rules(source, statement, nlp=nlp))


@pytest.mark.parametrize(("source", "statement", "expected"), [c for c in CASES if c[2] in {"supports", "contradicts"}])
def test_speaker_spans_point_into_their_sentences(nlp, source, statement, expected):
    (f,) = attribution(run_rules(source, statement, nlp=nlp))
    assert f.attributed_to and f.source_span is not None and f.statement_span is not None
    for span, text in ((f.source_span, source), (f.statement_span, statement)):
        assert text[span.start : span.end] == span.text
        assert span.text[-1].isalnum() or span.text[-1] == "."


def test_table_is_balanced():
    firing = [c for c in CASES if c[2] == "contradicts"]
    quiet = [c for c in CASES if c[2] != "contradicts"]
    assert len(quiet) >= len(firing) >= 8
    assert len(UNRELATED) >= 3

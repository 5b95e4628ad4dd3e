"""Table-driven tests of the dates rule at day precision: month-days ("March 7", "7 March", "Jan. 3rd", with or
without a year) and weekdays, compared for the same event; years keep their behaviour."""

from __future__ import annotations

import pytest

from factcheck.judge.rules import run_rules

ESCALATOR = "On March 7, a shopper had his scarf pulled into an escalator at a shopping mall in Daejeon."
TANKER = "Navy officials said on Friday they could not confirm whether the tanker was damaged in the attack."
BRIDGE = "The bridge over the Han River collapsed on Jan. 3, 2015, killing two drivers."
TALKS = "The talks opened on Monday in Vienna."
CEASEFIRE = "The ceasefire agreement was signed on the 14th of March in Doha."
ELECTION = "The presidential election was held on March 4."
DAEGU_STRIKE = "On Sunday, workers at a textile factory in Daegu went on strike."
REPORTED = "Officials said on Tuesday that the bridge collapsed on Monday."

# (source sentence, statement, relation of the dates rule's decisive finding; None = no dates finding at all)
CASES = [
    # one-off events on another day: contradicts
    (ESCALATOR, "The shopping mall escalator accident in Daejeon happened on April 7.", "contradicts"),
    (BRIDGE, "The Han River bridge collapsed on January 4, 2015.", "contradicts"),
    (BRIDGE, "The Han River bridge collapsed on January 3, 2016.", "contradicts"),
    (CEASEFIRE, "The ceasefire agreement was signed on March 15.", "contradicts"),
    ("The minister resigned on 2 June 2021.", "The minister resigned on June 3, 2021.", "contradicts"),
    (TALKS, "The talks in Vienna opened on Thursday.", "contradicts"),
    (ELECTION, "The presidential election was held on March 11.", "contradicts"),
    (
        "A fire broke out at a textile factory in Daegu on Sunday.",
        "The Daegu factory fire happened on Saturday.",
        "contradicts",
    ),
    (
        "Rebels launched an attack on the army base on Monday.",
        "The attack on the army base happened on Sunday.",
        "contradicts",
    ),
    (REPORTED, "The bridge collapsed on Tuesday.", "contradicts"),
    (
        "The minister met the ambassador on Monday and resigned on Tuesday.",
        "The minister resigned on Monday.",
        "contradicts",
    ),
    ("Police arrested the mayor of Lille on Monday.", "Police arrested the mayor of Lille on Tuesday.", "contradicts"),
    # the same day, however written: supports
    (BRIDGE, "The Han River bridge collapsed on January 3, 2015.", "supports"),
    (BRIDGE, "The Han River bridge collapsed on 3 January.", "supports"),
    (CEASEFIRE, "The ceasefire agreement was signed on March 14th.", "supports"),
    (TALKS, "The talks in Vienna opened on Monday.", "supports"),
    (ELECTION, "The presidential election took place on March 4.", "supports"),
    (REPORTED, "The bridge collapsed on Monday.", "supports"),
    (
        "Officials said Tuesday they had found no survivors.",
        "On Tuesday, officials said they had found no survivors.",
        "supports",
    ),
    ("The strike began on 1 March and ended on 12 March.", "The strike ended on March 12.", "supports"),
    # years as before
    ("The company was founded in 1998.", "The company was founded in 2001.", "contradicts"),
    (BRIDGE, "The Han River bridge collapsed in 2016.", "contradicts"),
    # repeatable events, or events that happen to many, on another day: neutral (blocking support, below)
    (
        TANKER,
        "On Saturday, navy officials said they were unable to confirm whether the tanker had been damaged.",
        "neutral",
    ),
    (
        ESCALATOR,
        "On April 7, a shopper had his scarf pulled into an escalator at a shopping mall in Daejeon.",
        "neutral",
    ),
    (
        "The prime minister met the union leaders on Tuesday.",
        "The prime minister met the union leaders on Thursday.",
        "neutral",
    ),
    ("Floods killed 20 people in Assam on Monday.", "Floods killed 15 people in Assam on Tuesday.", "neutral"),
    ("A soldier was killed in Kandahar on Monday.", "A soldier was killed in Kandahar on Tuesday.", "neutral"),
    # a day the source does not give: neutral
    ("The war ended in March 2019.", "The war ended on March 3, 2019.", "neutral"),
    ("The club received city funding in 2019.", "The club received city funding in 2020.", "neutral"),
    # other events: nothing
    (TALKS, "The strike began on Friday.", None),
    (DAEGU_STRIKE, "The Daegu factory fire happened on Saturday.", None),
    (DAEGU_STRIKE, "The Daegu factory accident happened on Saturday.", None),
    ("The lorry crash happened on Monday.", "The bus crash happened on Tuesday.", None),
    ("A gunman opened fire at a school in Ohio on Monday.", "The school fire happened on Tuesday.", None),
    ("The two leaders met in Geneva on Monday.", "The summit took place on Tuesday.", None),
    ("The vaccine was approved on January 3.", "The vaccine was launched on January 9.", None),
    (
        "Police said on Monday that an escalator injured a shopper at a Daejeon mall.",
        "The shopping mall escalator accident in Daejeon happened on Sunday.",
        None,
    ),
    (
        "The minister said that on Tuesday the port had reopened.",
        "The minister said on Wednesday that the port had reopened.",
        None,
    ),
    ("The museum reopened on Sunday after a fire.", "The museum fire happened on Saturday.", None),
    ("A woman was injured on March 7.", "The shopping mall escalator accident happened on April 7.", None),
    ("The bridge collapsed on January 3.", "The tunnel opened on January 4.", None),
    ("Officials said on Tuesday that the bridge would reopen.", "The bridge will reopen, officials said.", None),
    # a weekday against a month-day: nothing
    ("The treaty was signed on Tuesday.", "The treaty was signed on March 3.", None),
    (CEASEFIRE, "The ceasefire agreement was signed on Tuesday.", None),
    ("The mayor, who took office on January 2, resigned on Friday.", "The mayor resigned on January 3.", None),
    # no day of the event: spans, deadlines, habits, other weeks, hedges, feasts
    ("Between January 3 and January 5, the army shelled the town.", "The army shelled the town on January 4.", None),
    ("The airport was closed from Monday to Wednesday.", "The airport was closed on Thursday.", None),
    ("The factory has been closed since Monday.", "The factory closed on Tuesday.", None),
    ("The market opens every Tuesday.", "The market opened on Wednesday.", None),
    ("The ferry sails on Tuesdays and Thursdays.", "The ferry sailed on Wednesday.", None),
    ("Every January 1 the bank publishes its rates.", "The bank published its rates on January 2.", None),
    ("The festival runs from 3 to 5 June.", "The festival ran on 4 June.", None),
    ("The prime minister will visit Paris next Tuesday.", "The prime minister visited Paris on Wednesday.", None),
    ("The summit could take place on Friday.", "The summit took place on Thursday.", None),
    ("Shops opened early on Black Friday.", "Shops opened early on Thursday.", None),
    ("The Good Friday Agreement was signed in 1998.", "The agreement was signed on Friday.", None),
    # numbers that are no days, and "May" that is no month
    ("The clinic saw 3 January-born infants last year.", "The clinic saw 3 February-born infants last year.", None),
    ("Under Section 3, January payments were frozen.", "Under Section 3, February payments were frozen.", None),
    ("Officials may decide on 3 points.", "Officials may decide on 4 points.", None),
    ("In May 3,000 workers went on strike.", "In May 4,000 workers went on strike.", None),
    ("In March 12 soldiers died in the attack.", "In March 14 soldiers died in the attack.", None),
    ("Nurse Ana May 12 years ago founded the clinic.", "Nurse Ana May 14 years ago founded the clinic.", None),
    # a month alone dates a rise that may recur: not confirmed, never contradicted (tests/test_rules_months.py)
    ("Sales rose 3% in May.", "Sales rose 3% in June.", "neutral"),
]

# (source, statement, `blocks` of the dates finding): a repeatable event on another day keeps the sentence from
# supporting the statement; a contradiction or a support blocks nothing.
BLOCKS = [
    (
        TANKER,
        "On Saturday, navy officials said they were unable to confirm whether the tanker had been damaged.",
        "support",
    ),
    (
        "The prime minister met the union leaders on Tuesday.",
        "The prime minister met the union leaders on Thursday.",
        "support",
    ),
    ("Floods killed 20 people in Assam on Monday.", "Floods killed 15 people in Assam on Tuesday.", "support"),
    # a repeatable event in another year: maybe both happened, but this sentence does not confirm the other year
    ("The club received city funding in 2019.", "The club received city funding in 2020.", "support"),
    ("IBM cut 60,000 jobs in 1993.", "IBM cut 60,000 jobs in 2003.", "support"),
    # … and a year the source's range holds is no gap
    ("The club received city funding in the 2010s.", "The club received city funding in 2015.", None),
    # a one-off event on another day contradicts, and so cannot support either; on its own day nothing blocks
    (TALKS, "The talks in Vienna opened on Thursday.", "support"),
    (TALKS, "The talks in Vienna opened on Monday.", None),
]

ORDER = {"contradicts": 2, "supports": 1, "neutral": 0}


def dates(findings):
    return [f for f in findings if f.rule == "dates"]


def decisive(findings):
    """The strongest relation the dates rule reported: contradicts over supports over neutral."""
    relations = [f.relation for f in dates(findings)]
    return max(relations, key=ORDER.__getitem__) if relations else None


@pytest.fixture(scope="module")
def nlp():
    from factcheck.ingest.nlp import get_nlp

    return get_nlp()


@pytest.mark.parametrize(("source", "statement", "expected"), CASES)
def test_day_table(nlp, source, statement, expected):
    findings = run_rules(source, statement, nlp=nlp)
    assert decisive(findings) == expected, dates(findings)


@pytest.mark.parametrize(("source", "statement", "blocks"), BLOCKS)
def test_blocks(nlp, source, statement, blocks):
    found = dates(run_rules(source, statement, nlp=nlp))
    assert [f.blocks for f in found] == [blocks], found


@pytest.mark.parametrize(("source", "statement", "expected"), [c for c in CASES if c[2] is not None])
def test_day_spans_point_into_their_sentences(nlp, source, statement, expected):
    for f in dates(run_rules(source, statement, nlp=nlp)):
        assert f.explanation
        for span, text in ((f.source_span, source), (f.statement_span, statement)):
            assert span is not None and span.text
            assert text[span.start : span.end] == span.text


def test_day_spans_cover_the_whole_date(nlp):
    (f,) = dates(run_rules(BRIDGE, "The Han River bridge collapsed on January 4, 2015.", nlp=nlp))
    assert (f.source_span.text, f.statement_span.text) == ("Jan. 3, 2015", "January 4, 2015")


def test_table_is_balanced():
    firing = [c for c in CASES if c[2] is not None]
    quiet = [c for c in CASES if c[2] is None]
    assert len(quiet) >= len(firing)
    assert {c[2] for c in firing} == {"contradicts", "supports", "neutral"}


@pytest.mark.parametrize(
    ("source", "statement", "quantity_relation"),
    [
        ("The talks ended on March 4.", "The talks ended on March 11.", None),  # the day is the dates rule's
        ("Officials met on Jan 3.", "Officials met on Jan 4.", None),
        ("The firm paid $4 million on March 3.", "The firm paid $5 million on March 3.", "contradicts"),
        ("The firm paid $4 million on March 3.", "The firm paid $4 million on March 9.", "supports"),
    ],
)
def test_a_day_is_no_figure(source, statement, quantity_relation):
    found = [f.relation for f in run_rules(source, statement) if f.rule == "quantities"]
    assert (found[0] if found else None) == quantity_relation

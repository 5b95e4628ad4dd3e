"""Quantities: money, percentages, proportions and counts, read as intervals and compared.

"exceeding $400 million" is (400e6, inf); "about 80%" is 80 ± 12%; "most" is (50, 100]. Two
quantities are compared only when they measure the same thing: the same kind and currency, the same
counted noun (or units of one dimension: minutes and hours), shared content words in their clauses, and no
disjoint years. A change ("down 7% from a year earlier") is read with its direction, so the same change going
the other way contradicts; an age ("in her fifties", "54-year-old") is a span of years of one person's life.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from factcheck.judge.rules._common import (
    ACTOR_LABELS,
    GENERIC,
    HEDGES,
    clause_head,
    content_lemmas,
    is_hedged,
    lemma,
    make_span,
    negation_of,
    singular,
    subject_clause,
    subject_of,
)
from factcheck.judge.rules.dates import DAY_DATE, same_act
from factcheck.judge.rules.lexicon import aliases, currencies, opposite_forms, opposites, person_nouns
from factcheck.judge.rules.patterns import MONTH, NUMBER, PERCENT, YEAR
from factcheck.results import Evidence, Finding, Relation

APPROX = 0.12  # "about 80%" covers 70.4..89.6
EXACT = 0.03  # round figures in news copy are rarely exact
SAME = 1e-6  # bounds this close are one bound written in two units ("over 20 minutes", "more than a third of an hour")


def _words_to_number(words: str) -> float | None:
    try:
        return float(text2num(words, "en"))
    except ValueError:
        return None


SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "hundred": 1e2,
}
SCALE_NAMES = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion", "tn": "trillion"}
DENOMS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "tenth": 10,
    "tenths": 10,
}
# comparator -> how it turns a value v into an interval
LOWER = (
    r"more than|greater than|over|above|exceeding|exceeded|exceeds|in excess of|upwards of|north of|"
    r"topped|tops|topping|surpassed|surpasses|surpassing"
)
AT_LEAST = r"at least|no less than|no fewer than|a minimum of"
UPPER = r"less than|fewer than|under|below|not more than|no more than"
UP_TO = r"up to|as many as|as much as|a maximum of|at most"
NEARLY = r"nearly|almost|close to|just under|not quite|barely"
# A little above a figure: an estimate of it, not an open bound ("just over $400,000" is not "more than $400 million").
JUST_OVER = (
    r"just over|just above|just more than|slightly over|slightly above|slightly more than|a little over|"
    r"a little more than|barely over|barely more than|marginally above|marginally more than"
)
ABOUT = r"about|approximately|roughly|around|some|an estimated|estimated|circa|approx\.?|about a|nearly a"
_CMP = rf"(?P<cmp>{JUST_OVER}|{LOWER}|{AT_LEAST}|{UPPER}|{UP_TO}|{NEARLY}|{ABOUT})\s+"
_W = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
_NUMWORDS = rf"{_W}(?:[\s-]+(?:and\s+)?{_W})*\b"
# Vague shares, as percentage intervals, so "a small minority" can be compared with "about 75%".
VAGUE_SHARES: dict[str, tuple[float, float]] = {
    "a small minority": (0.0, 25.0),
    "a tiny minority": (0.0, 10.0),
    "a small share": (0.0, 25.0),
    "a small fraction": (0.0, 25.0),
    "a small proportion": (0.0, 25.0),
    "a small portion": (0.0, 25.0),
    "a small part": (0.0, 25.0),
    "a tiny fraction": (0.0, 10.0),
    "a handful": (0.0, 10.0),
    "a sliver": (0.0, 10.0),
    "a tiny sliver": (0.0, 5.0),
    "a tiny share": (0.0, 10.0),
    "a tiny proportion": (0.0, 10.0),
    "a tiny portion": (0.0, 10.0),
    "a fraction": (0.0, 25.0),
    "the vast majority": (75.0, 100.0),
    "a vast majority": (75.0, 100.0),
    "a large majority": (60.0, 100.0),
    "the bulk": (60.0, 100.0),
    "nearly all": (85.0, 100.0),
    "almost all": (85.0, 100.0),
    "virtually all": (90.0, 100.0),
}
# "a thousand adults", "well over a million": "a" is the number one before a scale word.
_A_SCALE = r"a(?=\s(?:hundred|thousand|million|billion|trillion)\b)"
# One unit said with "a": "about a mile", "barely a mile", "more than an hour"; read only after a comparison word
# (`_CMP`), as "a day", "an hour" alone are more often a rate ("twice a day", "60 miles an hour") than an amount.
_A_UNIT = (r"(?P<aunit>an?)(?=\s+(?:mile|kilometre|kilometer|km|metre|meter|foot|second|hour|minute|week|month|year|"
           r"decade|century)\b)")
# An amount without a figure before a scale word: "a few million dollars" (2 to 6 million, `VAGUE_AMOUNTS`).
# "Several hundred million" is 300 to 900 million, "several hundred people" 300 to 900.
_VAGUE_SCALED = (r"(?P<vnum>(?:(?:just|only)\s+)?a\s+few|a\s+couple\s+of|several)"
                 r"(?=\s+(?:hundred|thousand|million|billion|trillion)\b)(?:\s+(?P<vhundred>hundred)\b)?")
# A multiple of something ("five times the size of Gaza", "three times as large", "three times that of 2020"): how
# many times, not a count of times ("assured him three times that he was not under investigation" is one).
MULTIPLE = re.compile(r"\s+times\s+(?:the|as|more|less|larger|bigger|smaller|higher|greater|(?:that|those)\s+of)\b",
                      re.IGNORECASE)
# A fraction that may be an ordinal ("a third victim"): read as one when it modifies the noun after it.
ORDINAL = re.compile(r"(?:a|one)[\s-](?:third|fourth|fifth|sixth|tenth)", re.IGNORECASE)
# A decimal written with a middle dot, as The Lancet prints it ("1·7 billion"): one figure, 1.7.
_DOTTED = r"\d+·\d+"
_VAGUE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE_SHARES, key=len, reverse=True))


@lru_cache(maxsize=4)
def quantity_pattern(currency_forms: tuple[str, ...]) -> re.Pattern[str]:
    """The figure pattern for a currency table's forms: signs ($, US$) before the number, words after it."""
    by_length = sorted(currency_forms, key=len, reverse=True)

    def is_word(form: str) -> bool:  # "pesos", "colombian pesos", "u.s. dollars"; not "$", "us$"
        return form[-1].isalpha() and form.replace(" ", "").replace(".", "").isalpha()

    signs = "|".join(re.escape(f) for f in by_length if not is_word(f))
    words = "".join(rf"|{re.escape(f).replace(chr(92) + ' ', chr(92) + 's+')}\b" for f in by_length if is_word(f))
    return re.compile(
        rf"(?<![\w$€£.,\-\u2010\u2011])(?:{_CMP})?"  # not the "2" of "SARS-CoV-2", with any hyphen
        r"(?:"
        r"(?P<frac>(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|halves|thirds?|quarters?|"
        r"fourths?|fifths?|sixths?|tenths?)|half|most|the majority|a majority|a minority|" + _VAGUE + r")\b"
        rf"|(?P<cur>{signs})?\s*(?P<num>{_DOTTED}|{NUMBER}|{_NUMWORDS}|{_A_SCALE}|{_VAGUE_SCALED}|{_A_UNIT})"
        r"(?!\d*(?:st|nd|rd|th)\b)"  # not the "12" of "12th": an ordinal (`_ordinals`)
        r"(?P<half>\s+and\s+a\s+half\b)?"
        r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|k|b|(?<=\ba\s)hundred)\b)?"
        rf"(?:\s?(?P<unit>{PERCENT}|percentage points?\b{words}))?"
        r")",
        re.IGNORECASE,
    )


YEAR_RE = re.compile(rf"\b{YEAR}\b")
# Words that give a change its direction: "rose 7%", "down 7%", "a 7% drop", "7% lower", "cut by 7%".
UP = {
    "rise", "increase", "grow", "growth", "up", "gain", "climb", "jump", "surge", "soar", "rally", "raise", "boost",
    "expand", "higher", "advance", "rebound", "spike", "swell", "hike", "lift", "upturn", "uptick", "more",
}
DOWN = {
    "fall", "decline", "drop", "down", "decrease", "shrink", "slump", "lose", "loss", "cut", "reduce", "reduction",
    "slash", "plunge", "tumble", "dip", "sink", "slide", "shed", "lower", "contract", "contraction", "plummet",
    "slip", "downturn", "trim", "less", "fewer",
}
# Verbs whose subject makes the change happen to their object ("the firm cut spending by 7%"): without an object
# the thing that changed is unknown ("Congress raised $5 million" is money raised, not a rise).
CAUSATIVE = {"raise", "boost", "hike", "lift", "cut", "reduce", "slash", "trim", "lower"}
# Verbs whose object is an amount moved, not a level: "cut $5 billion", "removed $300 million from projects".
HANDLED = CAUSATIVE | {"remove", "withdraw", "strip", "pull", "freeze", "divert", "redirect", "claw", "siphon"}
# A figure after these is a level, not the size of a change: "fell to 5%", "down from 7%", "stood at 12%".
LEVEL_PREPS = {"from", "to", "at"}
# The baseline of a change: "from the previous year" is another change than "from the previous quarter".
BASELINE_PREPS = {"from", "since", "than", "on", "over", "compared", "versus", "vs"}
PERIODS = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month", "monthly": "month",
           "quarter": "quarter", "quarterly": "quarter", "year": "year", "annual": "year", "annually": "year",
           "yearly": "year", "decade": "decade"}
# Units of one dimension, in a common base, so "50 minutes" and "50 hours" are values of one measure.
UNITS: dict[str, tuple[str, float]] = {
    "second": ("duration", 1.0), "minute": ("duration", 60.0), "hour": ("duration", 3600.0),
    "day": ("duration", 86400.0), "week": ("duration", 604800.0), "month": ("duration", 2629800.0),
    "year": ("duration", 31557600.0), "decade": ("duration", 315576000.0), "century": ("duration", 3155760000.0),
    "millimetre": ("length", 0.001), "millimeter": ("length", 0.001), "mm": ("length", 0.001),
    "centimetre": ("length", 0.01), "centimeter": ("length", 0.01), "cm": ("length", 0.01),
    "metre": ("length", 1.0), "meter": ("length", 1.0), "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "km": ("length", 1000.0), "inch": ("length", 0.0254),
    "foot": ("length", 0.3048), "feet": ("length", 0.3048), "yard": ("length", 0.9144), "mile": ("length", 1609.344),
    "gram": ("mass", 0.001), "kilogram": ("mass", 1.0), "kilo": ("mass", 1.0), "kg": ("mass", 1.0),
    "tonne": ("mass", 1000.0), "ton": ("mass", 907.185), "lb": ("mass", 0.4536), "ounce": ("mass", 0.02835),
    "hectare": ("area", 1e4), "acre": ("area", 4046.86),
    "litre": ("volume", 0.001), "liter": ("volume", 0.001), "gallon": ("volume", 0.003785),
}
# Abbreviated units as written after a figure ("8 to 14 min", "3 hrs"), by their unit.
UNIT_ABBREVIATIONS = {"sec": "second", "secs": "second", "min": "minute", "mins": "minute", "hr": "hour",
                      "hrs": "hour", "h": "hour", "wk": "week", "wks": "week", "mo": "month", "mos": "month",
                      "yr": "year", "yrs": "year", "ft": "foot", "mi": "mile", "lbs": "lb", "kgs": "kg",
                      "kms": "km"}
# Ages: "in her fifties" (a decade of life, or part of one), "aged 54", "54-year-old", "the age of 54".
DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
           "seventies": 70, "eighties": 80, "nineties": 90}
# Parts of a decade overlap at their edges: 53 is early or mid, 56 mid or late, as reporters use them.
DECADE_PARTS = {"": (0.0, 10.0), "early": (0.0, 4.0), "mid": (3.0, 7.0), "middle": (3.0, 7.0), "late": (6.0, 10.0)}
_DECADE_WORDS = "teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
AGE_RE = re.compile(
    r"\bin\s+(?P<poss>his|her|their)\s+(?:(?P<part>early|mid|middle|late)[\s-]*)?"
    rf"(?P<dec>{_DECADE_WORDS}|[1-9]0['’]?s)\b"
    r"|\b(?:aged|age(?:\s+of)?)\s+(?P<n1>\d{1,3})\b(?![.,]\d)"
    rf"|(?<![\w.,-])(?P<n2>\d{{1,3}}|{_NUMWORDS})[\s-]years?[\s-]old\b",
    re.IGNORECASE,
)
AGE_RANGE = re.compile(  # what follows an age that makes it one end of a range: "to 24", "and 30s", "or older"
    rf"\s*(?:(?:to|and|or|through|-|–)\s*(?:(?:their|his|her)\s+)?(?:(?:early|mid|middle|late)[\s-]*)?"
    rf"(?:\d|{_DECADE_WORDS})|(?:and|or)\s+(?:over|older|above|under|younger)\b|\+)",
    re.IGNORECASE,
)
AGE_APPOSITION = re.compile(r",\s(?P<n3>\d{1,3}),")  # "Maria Lopez, 54, was arrested"
GENDER = {"her": "f", "she": "f", "woman": "f", "girl": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
          "his": "m", "he": "m", "man": "m", "boy": "m", "father": "m", "husband": "m", "son": "m", "brother": "m"}
# Words that say who a person is by age, sex, kin or school only: "the boy" may be "his son", "the pupil" the
# "9-year-old girl", and "the 9-year-old" anyone;
# words of a role ("the victim", "the suspect") say who it is not.
KIN_AND_KIND = frozenset({"boy", "girl", "child", "kid", "son", "daughter", "teenager", "teen", "youngster", "man",
                          "woman", "baby", "infant", "toddler", "father", "mother", "husband", "wife", "brother",
                          "sister", "nephew", "niece", "grandson", "granddaughter", "person", "old", "pupil",
                          "schoolgirl", "schoolboy", "schoolchild", "student"})


@dataclass
class Quantity:
    kind: str  # "money:USD", "percent", "percent-change", "points", "count:<noun>", "duration", "length", "age", …
    lo: float
    hi: float
    point: bool  # an estimate of one value (exact or approximate) rather than a bound
    start: int
    end: int
    text: str
    context: set[str]
    years: set[str]
    hedged: bool
    figure: float | None = None  # the written number before its scale word ("400" in "$400 billion")
    scale: str = ""  # the scale word, normalised ("million", "billion", …; "" when none)
    of: str = ""  # what a share is of ("80% of US intelligence" → intelligence)
    of_names: set[str] = field(default_factory=set)  # whose it is ("80% of US intelligence" → us)
    direction: int = 0  # +1 a rise, -1 a fall, 0 a level ("7%" in "rose 7%" is +1, in "rose to 7%" 0)
    direction_word: str = ""  # the word that says so ("rose", "down")
    thing: str = ""  # what changed (a lemma; "" when unknown, as for a pronoun)
    thing_text: str = ""  # that word as written ("sales")
    modifiers: set[str] = field(default_factory=set)  # content words about that thing ("printer" in "printer sales")
    names: set[str] = field(default_factory=set)  # proper names in the clause
    periods: set[str] = field(default_factory=set)  # the baseline of a change ("year" in "from a year earlier")
    unit: str = ""  # the unit of a measure ("minute"); lo and hi are in the dimension's base unit
    factor: float = 1.0  # base units per unit ("minute" → 60 seconds)
    measure: str = ""  # the word a measure is of ("late" in "50 minutes late", "last" in "lasted five days")
    verb: tuple[str, str] = ("", "")  # the clause's verb, lemma and form ("depart", "departed")
    owners: set[str] = field(default_factory=set)  # for an age: the person ("woman", and "victim" in apposition)
    gender: str = ""  # for an age: "f" or "m" where a word says so ("her", "man")
    negated: bool = False  # its clause is negated ("most patients did not show symptoms")
    partial: bool = False  # a part added to a total, not the total ("two more students", "another 20 cases")
    modal: bool = False  # hedged only by its clause's modality ("the plan would give them 1,600 square km")
    vague: bool = False  # an amount said without a figure ("a handful of projects"): nothing to confirm
    rate: str = ""  # "day" for a figure per period ("500 cars a day"), lo and hi then per day; "" for a total
    months: set[str] = field(default_factory=set)  # the months of a year the sentence names ("2020-jun")


def _value(m: re.Match) -> tuple[float, str] | None:
    """The number a match names and its kind before context is added."""
    if m.group("frac"):
        f = m.group("frac").lower()
        if f in {"most", "the majority", "a majority"}:
            return -1.0, "percent"
        if f == "a minority":
            return -2.0, "percent"
        if " ".join(f.split()) in VAGUE_SHARES:
            return -3.0, "percent"
        if f == "half":
            return 50.0, "percent"
        parts = re.split(r"[\s-]", f)
        num = 1.0 if parts[0] in {"a", "one"} else _words_to_number(parts[0])
        return None if num is None else (100.0 * num / DENOMS[parts[1]], "percent")
    raw = m.group("num")
    value: float | None
    if m.group("aunit"):
        if not m.group("cmp"):
            return None  # "twice a week", "a year earlier": no amount
        value = 1.0
    elif m.group("vnum"):
        value = 100.0 if m.group("vhundred") else 1.0  # `extract` widens it to the vague amount's interval
    elif raw[0].isdigit():
        value = float(raw.replace(",", "").replace("·", "."))
    else:
        if raw.lower() == "one" and not m.group("scale"):
            return None  # "one of the ..." is rarely a quantity worth comparing
        value = 1.0 if raw.lower() == "a" else _words_to_number(raw.strip())
        if value is None:
            return None
    if m.group("half"):  # "two and a half million"
        value += 0.5
    scale = (m.group("scale") or "").lower()
    value *= SCALES.get(scale, 1.0)
    unit = (m.group("unit") or "").lower()
    cur = (m.group("cur") or "").lower()
    if unit in {"%", "percent", "per cent"}:
        return value, "percent"
    if unit.startswith("percentage point"):
        return value, "points"
    currency = currencies().get(cur) or currencies().get(unit)
    if currency:
        return value, f"money:{currency}"
    if YEAR_RE.fullmatch(raw) and not scale:
        return None  # a year, left to the dates rule
    return value, "count"


def _interval(value: float, cmp: str | None, frac: str | None = None) -> tuple[float, float, bool]:
    if value == -3.0:
        return VAGUE_SHARES[" ".join((frac or "").lower().split())] + (False,)
    if value == -1.0:
        return 50.0 + 1e-9, 100.0, False
    if value == -2.0:
        return 0.0, 50.0 - 1e-9, False
    c = " ".join((cmp or "").lower().split())
    if re.fullmatch(JUST_OVER, c):
        return value * (1 + 1e-9) + 1e-9, value * (1 + APPROX), True
    if re.fullmatch(LOWER, c):
        return value * (1 + 1e-9) + 1e-9, math.inf, False
    if re.fullmatch(AT_LEAST, c):
        return value, math.inf, False
    if re.fullmatch(UPPER, c):
        return 0.0, value * (1 - 1e-9), False
    if re.fullmatch(UP_TO, c):
        return 0.0, value, False
    if re.fullmatch(NEARLY, c):
        return value * (1 - APPROX), value, True
    if c:
        return value * (1 - APPROX), value * (1 + APPROX), True
    return value * (1 - EXACT), value * (1 + EXACT), True


def extract(doc: Doc) -> list[Quantity]:
    """Every comparable quantity in a parsed sentence."""
    years = {m.group(0) for m in YEAR_RE.finditer(doc.text)}
    out = _ages(doc, years)
    # the "3" of "January 3" is a day, left to the dates rule (which knows an event may recur on another day)
    days = [(d.start(g), d.end(g)) for d in DAY_DATE.finditer(doc.text) for g in ("d1", "d2") if d.group(g)]
    range_ends: set[int] = set()  # where the second figure of "three to five" starts: read with the first
    pattern = quantity_pattern(tuple(currencies()))
    for m in pattern.finditer(doc.text):
        if _spatial(doc, m):  # "a crab below two children": a place, not a bound; the figure alone is read
            m = pattern.match(doc.text, m.start("num")) or m
        if any(m.start() < a.end and a.start < m.end() for a in out if a.kind == "age"):
            continue  # the "54" of "54-year-old" is an age, not a count of years
        if any(m.start() < e and s < m.end() for s, e in days) and not m.group("unit"):
            continue
        if m.start("num") in range_ends:
            continue
        got = _value(m)
        if got is None:
            continue
        value, kind = got
        times = MULTIPLE.match(doc.text, m.end()) if kind == "count" else None
        if times is not None:
            kind = "multiple"  # "five times the size": a ratio, compared with ratios
        open_end = OPEN_END.match(doc.text, m.end())
        top = _range_end(doc.text, m, value, kind)
        if top is not None:  # "three to five cases", "10-15%", "between 10 and 15": one range, not two figures
            value, kind = top.lo, top.kind
            range_ends.add(top.start)
        start = m.start("cmp") if m.group("cmp") else m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = top.end if top is not None else m.end()
        if times is not None:
            end = times.start() + len(times.group(0).rstrip().rsplit(None, 1)[0])  # show "five times"
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if (m.group("frac") or "").lower() == "most" and (root.dep_ == "advmod" or root.head.pos_ in {"ADJ", "ADV"}):
            continue  # "the most important" is a superlative, not a share
        if ORDINAL.fullmatch(m.group("frac") or "") and any(
                t.dep_ == "amod" and t.head.pos_ in {"NOUN", "PROPN"} and t.head.i >= span.end for t in span):
            continue  # "a third victim" is an ordinal, not a third of the victims
        if kind == "count" and top is None and _is_label(m, span):
            continue  # "day 14", "Flight 567", "phase 3": a name or a position, not an amount
        unit, factor, measure = "", 1.0, ""
        if kind == "count":
            # the counted noun: "two soldiers", "400 of the troops"
            noun = root if root.pos_ in {"NOUN", "PROPN"} else root.head
            unit_word = noun.lower_ in UNIT_ABBREVIATIONS or noun.lower_ in UNITS  # "50ft": the parser's "ft" is X
            if noun.pos_ not in {"NOUN", "PROPN"} and not unit_word or noun.lemma_.lower() in SCALES:
                continue
            word = UNIT_ABBREVIATIONS.get(noun.lower_, noun.lemma_.lower())
            if noun.pos_ == "PROPN":  # the lemmatiser leaves a name as written: "Apple Watches" counts watches
                word = singular(word)
            word = COUNTED_AS.get(word, word)
            if word == "time" and noun.head.lemma_.lower() in COUNTED_ACTS:  # "shared 59,000 times": 59,000 shares
                word = COUNTED_ACTS[noun.head.lemma_.lower()]
            if word in PARTITIVE:  # "five pieces of intelligence" counts intelligence
                of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
                word = of.lemma_.lower() if of is not None else word
            elif word in ANY_THING:  # "2.5 million Apple Watch units" counts watches
                named = [c for c in noun.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}]
                word = named[-1].lemma_.lower() if named else word
            if word in person_nouns() and any(c.dep_ == "conj" and c.lemma_.lower() in person_nouns()
                                              and not any(g.dep_ == "nummod" for g in c.children)
                                              for c in noun.children):
                word = "people"  # "1,231 men and women", not "400 engineers and 300 nurses"
            kind = f"count:{word}"
            if word in UNITS:  # minutes and hours are values of one measure, not two counted things
                unit = word
                kind, factor = UNITS[unit]
                if kind == "length" and any(c.lower_ in {"square", "sq"} for c in noun.children):
                    unit, kind, factor = f"square {word}", "area", factor * factor  # "1,600 square kilometres"
                if noun.idx >= end and not doc.text[end:noun.idx].strip():
                    end = noun.idx + len(noun.text)  # show the unit: "about 50 minutes"
                measure = _measured_by(noun)
        verb = clause_head(root)
        hedged = _hedged(verb)
        direction, word = (0, None)
        if kind in {"percent", "points"} or kind.startswith("money:"):
            direction, word = _direction(root, start)
        modal = hedged
        if word is not None and _negated(word):
            hedged, modal = True, False  # "did not fall 7%" says nothing about which way it went
        if kind == "percent" and direction:
            kind = "percent-change"
        clause = subject_clause(root)
        ctx = content_lemmas(clause.subtree) - content_lemmas(span)
        lo, hi, point = _interval(value, m.group("cmp"), m.group("frac"))
        if m.group("cmp") and _threshold(root):  # "limit warming to below 2 degrees": the target is 2, not < 2
            lo, hi, point = value * (1 - EXACT), value * (1 + EXACT), True
        if top is not None:
            lo, hi, point = value, top.hi, False
            if m.group("cmp"):  # "about 10 to 20 percent"
                lo, hi = lo * (1 - APPROX), hi * (1 + APPROX)
        elif open_end is not None:  # "three or more", "50 or younger"
            lo, hi, point = (value, math.inf, False) if open_end.group(1).lower() in OR_MORE else (0.0, value, False)
        elif doc.text.startswith("+", m.end()) and not m.group("cmp"):  # "on hold for 20+ minutes": over 20
            lo, hi, point = _interval(value, "more than")
        vague = bool(m.group("vnum"))
        if vague:  # "a few million": 2 to 6 times the scale word, no figure to confirm
            low, high = VAGUE_AMOUNTS[" ".join(m.group("vnum").lower().split())]
            lo, hi, point = value * low, value * high, False
        of_tok = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
        # "more than 80% of them": what "them" stands for is in another clause, so the share's thing is not known
        of = of_tok.lemma_.lower() if of_tok is not None and of_tok.pos_ not in {"PRON", "DET"} else ""
        of = COUNTED_AS.get(of, of)  # "80% of the workers" is a share of what "four in five employees" counts
        # a range has no one written figure
        figure, scale = (None, SCALE_NAMES.get(top.scale, top.scale)) if top is not None else _figure(m)
        q = Quantity(kind, lo * factor, hi * factor, point, start, end, doc.text[start:end], ctx, years, hedged,
                     figure, scale, of, unit=unit, factor=factor, names=_names(clause.subtree),
                     measure=measure, verb=(verb.lemma_.lower(), verb.lower_),
                     negated=negation_of(verb) is not None, partial=_is_partial(doc, start, end),
                     of_names=_owner_names(of_tok) if of_tok is not None else set(), modal=modal, vague=vague)
        _per_period(doc, q)
        if word is not None:
            q.direction, q.direction_word = direction, word.text
            thing = _changed_thing(word, span)
            if thing is not None:
                q.thing, q.thing_text = thing.lemma_.lower(), thing.text
                q.modifiers = content_lemmas(thing.subtree) - {q.thing} - content_lemmas(span)
            q.periods = _periods(word)
        out.append(q)
    out += _shares_of_counts(doc, out)
    out = _ratios(doc, out)
    out += _vague_durations(doc, years, out)
    frequencies = _frequencies(doc, years, out)
    # "every two weeks" is how often, not a duration of two weeks; "three times a year" no count of times
    out = [q for q in out if not any(f.start <= q.start and q.end <= f.end for f in frequencies)] + frequencies
    fractions = _unit_fractions(doc, years)  # "half an hour" is 30 minutes, not half of anything
    out = [q for q in out if not any(f.start <= q.start < f.end for f in fractions)] + fractions
    clocks = _clock_times(doc, years)  # "9 a.m." counts no "a.m.s", and "11 p.m. PST" no "PSTs"
    out = [q for q in out if not any(c.start < q.end + 4 and q.start < c.end for c in clocks)] + clocks
    out += [o for o in _ordinals(doc, years) if not any(q.start < o.end and o.start < q.end for q in out)]
    # "a handful of projects" is a count; "a handful of the members" (a share, read above) is not
    counts = _vague_counts(doc, years, [q for q in out if "handful" not in q.text.lower()])
    found = [q for q in out if not any(c.start <= q.start < c.end for c in counts)] + counts
    months = {f"{m.group('year')}-{m.group('month')[:3].lower()}" for m in MONTH_YEAR_RE.finditer(doc.text)}
    for q in found:
        q.months = months
    return found


# "June 2020", "October of 2020", "May 3, 2021": a month of a year, which tells two figures of one year apart
MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?(?P<year>{YEAR})\b",
                           re.IGNORECASE)


def _other_times(a: Quantity, b: Quantity) -> bool:
    """Figures for another year, or another month of the year ("by June 2020" and "by October 2020")."""
    return bool(a.years and b.years and not a.years & b.years or a.months and b.months and not a.months & b.months)


# "about 30 of about 1,500 species", "two out of the five victims": a part of a counted whole is also a share of it
PART_OF = re.compile(rf"(?:(?P<cmp>about|around|roughly|some|nearly|almost)\s+)?(?P<n>\d[\d,]*|{_NUMWORDS})"
                     r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)*$", re.IGNORECASE)


def _number(raw: str) -> float | None:
    """A written number in digits ("1,500") or words ("twenty-one")."""
    return float(raw.replace(",", "")) if raw[0].isdigit() else _words_to_number(raw.replace("-", " ").strip())


def _share(base: Quantity, lo: float, hi: float, **fields) -> Quantity:
    """A percentage of what `base` counts (lo..hi %, capped at 100), in place of the count."""
    return replace(base, kind="percent", lo=lo, hi=min(100.0, hi), figure=None, scale="",
                   of=base.kind.partition(":")[2], unit="", factor=1.0, partial=False, **fields)


def _shares_of_counts(doc: Doc, found: list[Quantity]) -> list[Quantity]:
    """The shares that counts of a part and of its whole make ("only about 30 of about 1,500 species" is 2% of the
    species), so a vague share ("a small minority of species") can be compared with them."""
    out = []
    for whole in found:
        if not whole.kind.startswith("count:") or not whole.point or whole.hedged or not whole.lo > 0:
            continue
        window = max(0, whole.start - 60)
        m = PART_OF.search(doc.text[window:whole.start])
        if m is None:
            continue
        raw = m.group("n")
        part = _number(raw)
        if part is None or not 0 < part <= (whole.lo + whole.hi) / 2:
            continue
        approx = APPROX if m.group("cmp") else 0.0
        start, end = window + m.start(), window + m.end("n")
        context = {w for w in whole.context if not any(c.isdigit() for c in w)}
        # the part is a count of its own ("12 of the 40 protesters": 12 protesters) …
        out.append(replace(whole, lo=part * (1 - approx), hi=part * (1 + approx), point=not approx, start=start,
                           end=end, text=doc.text[start:end], figure=part if raw[0].isdigit() else None,
                           context=context))
        # … and a share of the whole
        out.append(_share(whole, 100 * part * (1 - approx) / whole.hi, 100 * part * (1 + approx) / whole.lo,
                          point=not approx, start=start, text=doc.text[start:whole.end], context=context))
    return out


# "three out of five workers", "one in ten adults", "four out of every five": a proportion, no count; "two out of
# the five victims" (a determiner before the whole) counts a known group, and its counts stand (`_shares_of_counts`)
RATIO = re.compile(rf"\b(?P<n>\d[\d,]*|{_NUMWORDS})\s+(?P<join>out\s+of|in|of(?=\s+every\b))\s+(?P<every>every\s+)?"
                   rf"(?P<m>\d[\d,]*|{_NUMWORDS})", re.IGNORECASE)


def _ratios(doc: Doc, found: list[Quantity]) -> list[Quantity]:
    """`found` with the counts a proportion is written with taken out ("three out of five workers" counts neither
    three workers nor five), and the share of "N in M" added ("one in ten adults": 10% of adults)."""
    out = list(found)
    for m in RATIO.finditer(doc.text):
        part, whole = _number(m.group("n")), _number(m.group("m"))
        if part is None or whole is None or not 0 < part < whole or re.fullmatch(YEAR, m.group("m")):
            continue
        lo, hi = m.start(), m.end()
        counts = [q for q in out if q.kind.startswith("count:") and q.start < hi and lo < q.end]
        if not counts:
            continue
        proportion = m.group("join").lower() == "in" or m.group("every")  # not "three out of five workers"
        if proportion and not any(q.kind == "percent" and q.start <= lo < q.end for q in out):
            base = next((q for q in counts if q.start >= m.start("m")), counts[-1])
            # as rounded as a share "out of" a counted whole (`_shares_of_counts`): "three in five" for 62% is fair
            out.append(_share(base, 100 * part / (whole * (1 + EXACT)), 100 * part / (whole * (1 - EXACT)),
                              point=True, start=lo, end=hi, text=doc.text[lo:hi]))
        out = [q for q in out if not any(q is c for c in counts)]
    return out


OR_MORE = {"more", "greater", "higher", "above", "over", "larger", "longer", "older"}
OPEN_END = re.compile(r"\s+or\s+(more|greater|higher|above|over|larger|longer|older|fewer|less|lower|below|under|"
                      r"smaller|shorter|younger)\b", re.IGNORECASE)
# What joins the two ends of a range: "three to five", "10-15%", "186–787", "between 10 and 15".
RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—)\s*", re.IGNORECASE)
BETWEEN_JOIN = re.compile(r"\s+and\s+", re.IGNORECASE)


# After a figure, words that make it a part added to a total ("two more students"); before it, "another 20".
PARTIAL_AFTER = re.compile(r"\s+(?:more|additional|extra|new|further|other)\b", re.IGNORECASE)
PARTIAL_BEFORE = re.compile(r"\b(?:another|an additional|a further|an extra)\s+$", re.IGNORECASE)


def _owner_names(noun: Token) -> set[str]:
    """The names that say whose a share's thing is: "Colombia's intelligence", "US intelligence" (not the names
    further on: "US intelligence … originating from Colombia" is the US's)."""
    return _names(t for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} for t in c.subtree)


SPATIAL = frozenset({"below", "under", "over", "above"})
# Nouns that are themselves an amount: "a population under 500 people", "a crowd of over 1,000" are bounds.
AMOUNT_NOUNS = frozenset({"population", "number", "total", "crowd", "turnout", "audience", "attendance", "count",
                          "figure", "sum", "amount", "budget", "workforce", "staff", "membership", "toll", "share"})
# Verbs that put an amount under or over a bound: "kept under 20 people", "limited to below 2 degrees".
BOUND_VERBS = frozenset({"keep", "limit", "cap", "hold", "stay", "remain", "stand", "number", "total", "count",
                         "be", "come", "reach", "sell", "cost", "employ", "attract", "draw"})


def _spatial(doc: Doc, m: re.Match) -> bool:
    """Whether the comparator of a count is a preposition of place: "a shellfish below two children" (the
    preposition hangs on a noun and the figure counts its object), not "below 2 degrees" or "under 500 people"."""
    if (m.group("cmp") or "").lower() not in SPATIAL or not m.group("num") or m.group("unit") or m.group("cur"):
        return False
    prep, num = (doc.char_span(m.start(g), m.end(g), alignment_mode="expand") for g in ("cmp", "num"))
    if prep is None or num is None:
        return False
    prep, num = prep[0], num[0]
    if prep.dep_ != "prep" or prep.head.lemma_.lower() in AMOUNT_NOUNS:
        return False
    head = prep.head
    if head.pos_ == "VERB" and (head.lemma_.lower() in UP | DOWN | BOUND_VERBS or head.dep_ == "xcomp"):
        return False  # "fell below 500 members", "kept it under 20 people": a bound
    if head.pos_ not in {"NOUN", "PROPN", "VERB"}:
        return False
    noun = num.head
    return num.dep_ == "nummod" and noun.dep_ == "pobj" and noun.head.i == prep.i and noun.pos_ == "NOUN" \
        and noun.lemma_.lower() not in UNITS and noun.lower_ not in UNIT_ABBREVIATIONS


# Words that set a figure as a threshold: a target "to below 2 degrees" names the threshold, 2; "below 3 degrees"
# names another target, not a looser bound on the same one.
THRESHOLD_WORDS = frozenset({"limit", "cap", "restrict", "goal", "target", "ceiling", "threshold"})


def _threshold(root: Token) -> bool:
    """Whether a figure with a bound word ("below 2 degrees") is the threshold a limit or a target sets."""
    cur = root
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in THRESHOLD_WORDS:
            return True
        if cur.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _is_partial(doc: Doc, start: int, end: int) -> bool:
    """Whether the figure at [start, end) counts a part added to a total: it cannot contradict the total."""
    return bool(PARTIAL_AFTER.match(doc.text, end) or PARTIAL_BEFORE.search(doc.text[:start]))


def _is_label(m: re.Match, span: Span) -> bool:
    """A bare number after the noun it belongs to ("day 14", "Flight 567", "phase 3"): a name or a position."""
    if m.group("cmp") or m.group("scale") or m.group("unit") or m.group("cur"):
        return False
    tok = span.root
    return tok.head.i == tok.i - 1 and tok.head.pos_ in {"NOUN", "PROPN"} and tok.dep_ in LABEL_DEPS


LABEL_DEPS = {"nummod", "appos", "npadvmod", "compound", "dobj", "pobj"}  # how the parser hangs "14" on "day"


class RangeEnd(NamedTuple):
    lo: float  # the lower figure, in the upper's scale when it has none of its own ("1 to 2 billion")
    hi: float
    kind: str  # the upper figure's kind: it gives the unit when the lower has none ("10-15%")
    start: int  # where the upper figure's number starts and where it ends
    end: int
    scale: str  # the upper figure's scale word


def _range_end(text: str, m: re.Match, value: float, kind: str) -> RangeEnd | None:
    """The range the figure `m` (of `value`) opens, else None; "3 to 1" (a score, a ratio) is no range: its top
    is lower."""
    if not m.group("num") or (m.group("cmp") and not re.fullmatch(ABOUT, m.group("cmp").lower())):
        return None  # "about 10 to 20%" is a range; "at least 10 to 20" is not read
    between = text[: m.start()].rstrip().lower().endswith("between")
    # "between 10 and 15", and as often written, "between 10 to 15"
    join = (between and BETWEEN_JOIN.match(text, m.end())) or RANGE_JOIN.match(text, m.end())
    if join is None:
        return None
    # matched on the rest of the text: the pattern's look-behind refuses a figure right after "-"
    m2 = quantity_pattern(tuple(currencies())).match(text[join.end():])
    if m2 is None or not m2.group("num") or m2.group("cmp"):
        return None
    got = _value(m2)
    if got is None:
        return None
    top, kind2 = got
    if kind != "count" and kind2 != kind:
        return None  # "$5 to 10%" is no range
    scale = (m2.group("scale") or "").lower()
    lo = value if m.group("scale") else value * SCALES.get(scale, 1.0)
    offset = join.end()
    return RangeEnd(lo, top, kind2, offset + m2.start("num"), offset + m2.end(), scale) if top > lo else None


def _sign(tok: Token) -> int:
    """+1 for a word of rising, -1 for one of falling, else 0 ("lower" is read by its form, not its lemma "low")."""
    for w in (tok.lemma_.lower(), tok.lower_):
        if w in UP:
            return 1
        if w in DOWN:
            return -1
    return 0


def _direction(root: Token, start: int) -> tuple[int, Token | None]:
    """Whether the figure whose root is `root` is the size of a change, and which way: (+1 or -1, the word that
    says so), or (0, None) for a level. The figure must hang from that word directly ("rose 7%", "down 7%",
    "a 7% drop", "7% lower") or through "by" ("cut by 7%") or "of" ("a drop of 7%")."""
    before = root.doc.text[:start].split()
    if before and before[-1].lower() in LEVEL_PREPS:
        return 0, None
    cur = root
    for _ in range(6):
        if cur.dep_ in {"nsubj", "nsubjpass", "conj", "appos"} or cur.head.i == cur.i:
            break  # the figure is what moves ("half of the members left"), or a clause of its own
        head = cur.head
        sign = _sign(head)
        if sign and cur.dep_ == "dobj" and head.lemma_.lower() in CAUSATIVE:
            return 0, None  # "cut $5 billion", "raised $5 million": an amount handled, not how much something moved
        if sign:
            return sign, head
        if head.pos_ == "ADP" and not (head.lower_ == "by" or (head.lower_ == "of" and _sign(head.head))):
            break  # "rose in 60% of the cities": the figure says where, not how much
        if head.pos_ in {"VERB", "AUX"}:
            break
        cur = head
    return 0, None


def _negated(word: Token) -> bool:
    verb = word if word.pos_ in {"VERB", "AUX"} else clause_head(word)
    return negation_of(verb) is not None


def _changed_thing(word: Token, span: Span) -> Token | None:
    """What a change word says changed: "a drop in sales", "cut spending by 7%", "sales rose 7%"; None when
    a pronoun or nothing names it."""
    inside = {t.i for t in span}
    found: Token | None = None
    if word.pos_ == "NOUN":
        found = next((g for c in word.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}
                      for g in c.children if g.dep_ == "pobj" and g.i not in inside and not g.like_num), None)
        found = found or next((c for c in word.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    if found is None and word.pos_ == "VERB":
        found = next((c for c in word.children if c.dep_ == "dobj" and c.i not in inside), None)
        if found is None and word.lemma_.lower() in CAUSATIVE:
            return None  # "raised $5 million": whose money rose is not said
    if found is None:
        subject = subject_of(word if word.pos_ in {"VERB", "AUX"} else clause_head(word))
        found = next((t for t in subject if t.dep_ in {"nsubj", "nsubjpass"}), subject[0] if subject else None)
    if found is None or found.pos_ not in {"NOUN", "PROPN"}:
        return None
    return found


def _periods(word: Token) -> set[str]:
    """The period a change is measured over: "from the previous year" → {"year"}."""
    verb = clause_head(word)
    out = set()
    for head in {word, verb}:
        for c in head.children:
            if c.lower_ in BASELINE_PREPS or c.lower_.replace("-", "") in {"yearonyear", "yoy"}:
                out |= {PERIODS[t.lemma_.lower()] for t in c.subtree if t.lemma_.lower() in PERIODS}
    return out


def _names(tokens: Iterable[Token]) -> set[str]:
    """Lower-case proper names among `tokens`, aliases resolved ("American" → "united states")."""
    alias = aliases()
    return {alias.get(t.text.lower(), t.text.lower()) for t in tokens
            if t.pos_ == "PROPN" or (t.ent_type_ in ACTOR_LABELS and t.pos_ != "DET")}


# Entity types whose capitalised words name no one: the "Sept." of "died on Sept. 4, at age 81" is not whose age it is.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


# Amounts given without a figure, as intervals of what they count: "after years of conflict" is two years or more,
# "only a few months" two to six months, "only a handful of projects" two to six projects, "hundreds of protesters"
# 200 to 1,999 ("dozens", "hundreds", "thousands" each take their own order of magnitude). Compared like figures,
# they contradict only where the two cannot overlap ("a few months" against "years", "hundreds" against "thousands"
# or "40"); a bare plural is open-ended, so "months of talks" never rules out "two years". "Several" and "many" (and
# a bare plural) bound too little to count things with (`COUNT_AMOUNTS`), and "some" is a share as often as a count.
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "": (2.0, math.inf), "a couple of": (2.0, 3.0), "a few": (2.0, 6.0), "only a few": (2.0, 6.0),
    "just a few": (2.0, 6.0), "a handful of": (2.0, 6.0), "only a handful of": (2.0, 6.0),
    "just a handful of": (2.0, 6.0), "several": (3.0, 9.0), "many": (5.0, math.inf), "numerous": (7.0, math.inf),
    "dozens of": (24.0, 199.0), "hundreds of": (200.0, 1999.0), "thousands of": (2000.0, 19999.0),
    "tens of thousands of": (20000.0, 199999.0), "hundreds of thousands of": (200000.0, 1999999.0),
    "millions of": (2e6, math.inf),
}
COUNT_AMOUNTS = [k for k in VAGUE_AMOUNTS if k not in {"", "several", "many"}]


def _amounts(keys) -> str:
    """A regex alternation of amount phrases, longest first, any run of spaces between their words."""
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(keys, key=len, reverse=True) if k)


_VAGUE_AMOUNT = _amounts(VAGUE_AMOUNTS)
DURATION_PLURALS = {"hours": "hour", "days": "day", "weeks": "week", "months": "month", "years": "year",
                    "decades": "decade", "centuries": "century"}
_DURATION_UNITS = "|".join(DURATION_PLURALS)
# "for years", "after a few months of fighting", "several weeks of talks", "lasted months"; not a time before or
# after another ("years ago", "months later") nor a period named ("in recent years", "the past few months").
VAGUE_DURATION = re.compile(
    rf"(?:\b(?:for|after|over|within|lasted|lasting|took|spent)\s+(?:(?P<amt1>{_VAGUE_AMOUNT})\s+)?"
    rf"(?P<unit1>{_DURATION_UNITS})\b"
    rf"|(?<![\w-])(?P<amt2>{_VAGUE_AMOUNT})\s+(?P<unit2>{_DURATION_UNITS})\s+of\b)"
    r"(?!\s+(?:ago|later|earlier|before|after|from now|to come|old)\b)",
    re.IGNORECASE,
)


# A figure per period: "500 cars a day", "40 patients per week", "$2 million annually", "10 km/hour"; up to three
# words may come between, the counted noun among them ("three or more yolks per week"). Not "a day later".
RATE = re.compile(
    r"(?:\s+(?!(?:a|an|per|each|every)\b)[A-Za-z][\w'’-]*){0,3}?\s*"
    r"(?:\b(?:a|an|per|each|every)\s+(?P<p>second|minute|hour|day|night|week|month|quarter|year)\b"
    r"|\b(?P<adv>hourly|daily|nightly|weekly|monthly|quarterly|annually|yearly)\b"
    r"|/\s*(?P<sl>second|minute|hour|day|week|month|year)\b)"
    r"(?!\s+(?:ago|later|earlier|after|before|from)\b)",
    re.IGNORECASE,
)
RATE_ADVERBS = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
                "quarterly": "quarter", "annually": "year", "yearly": "year"}
PERIOD_SECONDS = {"second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "night": 86400.0,
                  "week": 604800.0, "fortnight": 1209600.0, "month": 2629800.0, "quarter": 7889400.0,
                  "year": 31557600.0}


def _per_period(doc: Doc, q: Quantity) -> None:
    """Read a count, sum or measure given per period as per day (`RATE`): "500 cars a day" is not "500 cars a
    week", and a rate is not a total ("$2 million a year" against "$2 million")."""
    if not (q.kind.startswith(("count:", "money:")) or q.kind in DIMENSIONS) or q.kind == "duration":
        return
    m = RATE.match(doc.text, q.end)
    if m is None:
        return
    period = (m.group("p") or m.group("sl") or RATE_ADVERBS.get((m.group("adv") or "").lower(), "")).lower()
    if period not in PERIOD_SECONDS:
        return
    per_day = PERIOD_SECONDS["day"] / PERIOD_SECONDS[period]
    q.lo, q.hi, q.rate = q.lo * per_day, q.hi * per_day, "day"
    q.end = m.end()
    q.text = doc.text[q.start:q.end]


def _in_clause(kind: str, lo: float, hi: float, point: bool, start: int, end: int, text: str, word: Token,
               own: set[str], years: set[str], **fields) -> Quantity:
    """A figure said in `word`'s clause: its context (the clause's content words but the figure's own, `own`), names,
    verb, and whether the verb hedges (then the figure is modal too) or negates it."""
    verb = clause_head(word)
    clause = subject_clause(word)
    hedged = _hedged(verb)
    return Quantity(kind, lo, hi, point, start, end, text, content_lemmas(clause.subtree) - own, years, hedged,
                    names=_names(clause.subtree), verb=(verb.lemma_.lower(), verb.lower_),
                    negated=negation_of(verb) is not None, modal=hedged, **fields)


# How often a single act happens: "daily", "meets weekly", "once a month", "twice a week", "every two weeks", "three
# times a year". Read as times per day; never a figure to confirm (a source that does not say how often is silent).
_TIMES = r"once|twice|thrice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+times"
_EVERY_N = r"(?:(?P<{}>\d+|two|three|four|five|six)\s+)?"
_PERIODS = r"hour|day|night|week|fortnight|month|quarter|year"
FREQUENCY_ADVERBS = {**RATE_ADVERBS, "fortnightly": "fortnight", "annual": "year"}
FREQUENCY = re.compile(
    rf"\b(?:(?P<times>{_TIMES})\s+(?:a|an|per|each|every)\s+{_EVERY_N.format('n1')}(?P<p1>{_PERIODS})s?\b"
    rf"|(?<!\bfor\s)(?P<every>every|each)\s+{_EVERY_N.format('n2')}(?P<p2>{_PERIODS})s?\b"
    rf"|(?P<adv>{'|'.join(FREQUENCY_ADVERBS)})\b)"
    r"(?!\s+(?:ago|later|earlier|before|after|since|of)\b)",
    re.IGNORECASE,
)
TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
FREQUENCY_ROUNDING = 0.1
# What "daily" or "annual" describes without saying how often a thing happens ("daily life", "the annual budget").
NOT_EVENTS = frozenset({"life", "routine", "newspaper", "paper", "mail", "bread", "wage", "budget", "income", "salary",
                        "revenue", "sale", "rate", "average", "limit", "allowance", "dose", "intake", "basis"})


def _frequencies(doc: Doc, years: set[str], found: list[Quantity]) -> list[Quantity]:
    """How often an act happens (`FREQUENCY`), in times per day, for a clause that gives no other figure ("500 cars a
    day" and "$2 million annually" are rates of their figures, `_per_period`'s)."""
    out = []
    for m in FREQUENCY.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        # "every two weeks", "three times a year": the duration or count inside is read here, as how often
        others = [q for q in found if not (q.kind in {"duration", "count:time"} and m.start() <= q.start
                                           and q.end <= m.end())]
        if span is None or any(m.start() < q.end + 30 and q.start < m.end() + 30 for q in others):
            continue  # a figure beside it: a rate of that figure, or a date ("every year since 2010")
        word = (m.group("adv") or "").lower()
        if word:
            tok = span[0]
            if tok.pos_ == "PROPN" or tok.pos_ == "NOUN" or (tok.dep_ == "amod" and lemma(tok.head) in NOT_EVENTS):
                continue  # "the Daily Mail", "a national daily", "daily life"
            times, every, period = 1.0, 1.0, FREQUENCY_ADVERBS[word]
        else:
            raw = (m.group("times") or "once").lower().split()[0]
            times = float(TIMES_WORDS.get(raw) or _number(raw) or 0)
            every = float(_number(m.group("n1") or m.group("n2") or "1") or 0)
            period = (m.group("p1") or m.group("p2")).lower()
        if not times or not every:
            continue
        per_day = times * PERIOD_SECONDS["day"] / (every * PERIOD_SECONDS[period])
        # as rounded as a calendar: "twice a month" is every two weeks
        out.append(_in_clause("frequency", per_day * (1 - FREQUENCY_ROUNDING), per_day * (1 + FREQUENCY_ROUNDING),
                              True, m.start(), m.end(), m.group(0), span.root, content_lemmas(span), years,
                              vague=True))
    return out


# A time of day: "9 a.m.", "about 9.30pm", "by 11 p.m." (minutes after midnight; "12 p.m." is noon).
CLOCK = re.compile(
    rf"(?<![\w.:])(?:(?P<cmp>{ABOUT}|shortly\s+(?:before|after)|just\s+(?:before|after)|before|after|by|until|till"
    r"|since)\s+)?(?:at\s+)?"
    r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])(?:\.m\.|\.m\b|m\b)",
    re.IGNORECASE,
)
CLOCK_APPROX = 30.0  # "about 9 a.m." is 8.30 to 9.30
CLOCK_SHORTLY = 60.0  # "shortly after 9 p.m." is within the hour
CLOCK_BOUNDS = {"before": (-1440.0, 0.0), "by": (-1440.0, 1.0), "until": (-1440.0, 1.0), "till": (-1440.0, 1.0),
                "after": (0.0, 1440.0), "since": (0.0, 1440.0), "shortly before": (-CLOCK_SHORTLY, 0.0),
                "just before": (-CLOCK_SHORTLY, 0.0), "shortly after": (0.0, CLOCK_SHORTLY),
                "just after": (0.0, CLOCK_SHORTLY)}


def _clock_times(doc: Doc, years: set[str]) -> list[Quantity]:
    """Times of day (`CLOCK`), as intervals of minutes after midnight: "about 9 a.m." is not "about 9 p.m."."""
    out = []
    for m in CLOCK.finditer(doc.text):
        minutes = int(m.group("h")) % 12 * 60 + int(m.group("m") or 0) + (720 if m.group("ap").lower() == "p" else 0)
        cmp = " ".join((m.group("cmp") or "").lower().split())
        if cmp in CLOCK_BOUNDS:
            before, after = CLOCK_BOUNDS[cmp]
            lo, hi, point = max(0.0, minutes + before), min(1440.0, minutes + after), False
        elif cmp:
            lo, hi, point = minutes - CLOCK_APPROX, minutes + CLOCK_APPROX, True
        else:
            lo, hi, point = float(minutes), minutes + 1.0, True
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.append(_in_clause("time of day", lo, hi, point, m.start(), m.end(), m.group(0), span.root,
                                  content_lemmas(span), years))
    return out


# Ordinal words, by their number: "the seventh son" is not "the fifth son", "the 20th century" not "the 21st".
ORDINAL_WORDS = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth"), start=1)}
ORDINAL_DATES = frozenset({"century", "birthday", "anniversary"})  # dates the dates rule does not read
ORDINAL_DIGITS = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.IGNORECASE)


def _ordinals(doc: Doc, years: set[str]) -> list[Quantity]:
    """Ordinals of a common noun ("a family's seventh son", "the 20th century") as the position they give, kind
    "ordinal:<noun>": compared only with the same noun's, never a figure a source must confirm."""
    out = []
    for tok in doc:
        digits = ORDINAL_DIGITS.fullmatch(tok.text)
        n = ORDINAL_WORDS.get(tok.lower_) or (int(digits.group(1)) if digits else None)
        noun = tok.head
        dated = tok.ent_type_ in {"DATE", "TIME"} and lemma(noun) not in ORDINAL_DATES
        named = any(t.pos_ == "PROPN" for t in noun.subtree)
        if n is None or tok.dep_ != "amod" or noun.pos_ != "NOUN" or dated or named:
            continue  # "May 26th", "the first quarter" (the dates rule's), "the First Amendment"
        out.append(_in_clause(f"ordinal:{lemma(noun)}", n - 0.1, n + 0.1, True, tok.idx, tok.idx + len(tok.text),
                              tok.text, noun, {lemma(noun), tok.lower_}, years, vague=True))
    return out


def _measured_by(unit: Token) -> str:
    """The word a measure's unit is of ("lasted five days" → last; "waited for five hours" is of the wait), or ""."""
    over = unit.head
    while over.pos_ == "ADP" and over.head.i != over.i:
        over = over.head
    return over.lemma_.lower() if over.i != unit.i and over.lemma_.lower() not in GENERIC else ""


# A fraction of one unit, or one and a half: "half an hour", "a third of an hour", "a quarter of a mile", "an hour and a
# half" (not a share: "half an hour" is 30 minutes, not half of something called an hour).
_FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two third": 2 / 3,
              "a quarter": 0.25, "one quarter": 0.25, "three quarter": 0.75}  # keys in the singular
_FRACTION_UNITS = "|".join(u for u in UNITS if len(u) > 2 and u[-1] != "s")
UNIT_FRACTION = re.compile(
    rf"(?<![\w-])(?:{_CMP})?(?:(?P<frac>half|(?:a|one)\s+half|(?:a|one|two)\s+thirds?|(?:a|one|three)\s+quarters?)"
    rf"\s+(?:of\s+)?an?\s+(?P<u1>{_FRACTION_UNITS})|an?\s+(?P<u2>{_FRACTION_UNITS})\s+and\s+a\s+half)\b",
    re.IGNORECASE,
)


def _unit_fractions(doc: Doc, years: set[str]) -> list[Quantity]:
    """Fractions of one unit (`UNIT_FRACTION`) as measures in that unit: "more than a third of an hour" is over 20
    minutes."""
    out = []
    for m in UNIT_FRACTION.finditer(doc.text):
        unit = (m.group("u1") or m.group("u2")).lower()
        frac = " ".join((m.group("frac") or "").lower().split()).removesuffix("s")
        value = _FRACTIONS.get(frac, 0.0) if m.group("u1") else 1.5
        if not value:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        kind, factor = UNITS[unit]
        lo, hi, point = _interval(value, m.group("cmp"))
        noun = span[-1] if m.group("u1") else next((t for t in span if t.lower_ == unit), span[-1])
        out.append(_in_clause(kind, lo * factor, hi * factor, point, span.start_char, span.end_char, span.text, noun,
                              content_lemmas(span), years, unit=unit, factor=factor, measure=_measured_by(noun)))
    return out


def _vague_durations(doc: Doc, years: set[str], found: list[Quantity]) -> list[Quantity]:
    """Durations without a figure (`VAGUE_DURATION`), as open or bounded intervals in their word's unit."""
    out = []
    for m in VAGUE_DURATION.finditer(doc.text):
        if m.group("unit1"):  # "after a few months": from the amount, or from the unit when there is none
            start, end = (m.start("amt1") if m.group("amt1") else m.start("unit1")), m.end("unit1")
            amount, unit = m.group("amt1") or "", DURATION_PLURALS[m.group("unit1").lower()]
        else:  # "a few months of fighting"
            start, end = m.start(), m.end("unit2")
            amount, unit = m.group("amt2"), DURATION_PLURALS[m.group("unit2").lower()]
        amount = " ".join(amount.lower().split())
        if any(start < q.end and q.start < end for q in found):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        noun = span[-1]
        kind, factor = UNITS[unit]
        lo, hi = VAGUE_AMOUNTS[amount]
        out.append(_in_clause(kind, lo * factor, hi * factor, False, start, end, doc.text[start:end], noun,
                              content_lemmas(span), years, unit=unit, factor=factor, measure=_measured_by(noun)))
    return out


VAGUE_COUNT = re.compile(rf"(?<![\w-])(?P<amt>{_amounts(COUNT_AMOUNTS)})\s+(?=[A-Za-z])", re.IGNORECASE)


def _vague_counts(doc: Doc, years: set[str], found: list[Quantity]) -> list[Quantity]:
    """Counts without a figure (`COUNT_AMOUNTS`) of the plural noun after them, as intervals ("a handful of
    projects" → 2–6 projects); durations ("a few months") are `_vague_durations`'."""
    out = []
    for m in VAGUE_COUNT.finditer(doc.text):
        start = m.start()
        if any(start < q.end and q.start < m.end() for q in found):
            continue
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        noun = first[0]
        # "numerous development projects", "a handful of USAID-backed projects" (the glued name may parse as an adverb)
        while noun.dep_ in {"amod", "compound", "nmod", "advmod", "npadvmod"} and noun.head.i > noun.i:
            noun = noun.head
        word = noun.lemma_.lower()
        if noun.tag_ != "NNS" or word in UNITS or noun.lower_ in DURATION_PLURALS:
            continue
        word = COUNTED_AS.get(word, word)
        lo, hi = VAGUE_AMOUNTS[" ".join(m.group("amt").lower().split())]
        end = noun.idx + len(noun.text)
        out.append(_in_clause(f"count:{word}", lo, hi, False, start, end, doc.text[start:end], noun,
                              content_lemmas(doc[first[0].i:noun.i + 1]), years, vague=True))
    return out


def _ages(doc: Doc, years: set[str]) -> list[Quantity]:
    """Ages of people (or things): a decade of life or part of one, or an exact age, as [lo, hi) in years."""
    out = []
    for m in AGE_RE.finditer(doc.text):
        if AGE_RANGE.match(doc.text, m.end()):
            continue  # "aged 18 to 24", "in their 20s and 30s": a group's ages, not one age
        if m.group("dec"):
            dec = m.group("dec").lower()
            # the teens run from 13 to 19; their early, mid and late parts scale with them
            base, width = (13.0, 7.0) if dec == "teens" else (float(DECADES.get(dec) or int(dec[0]) * 10), 10.0)
            lo_part, hi_part = DECADE_PARTS[(m.group("part") or "").lower()]
            lo, hi = base + lo_part * width / 10, base + hi_part * width / 10
        else:
            n = _number(m.group("n1") or m.group("n2"))
            if n is None:
                continue
            lo, hi = n, n + 1
        got = _age(doc, m.start(), m.end(), lo, hi, years, m.group("poss"))
        if got is not None:
            out.append(got)
    for m in AGE_APPOSITION.finditer(doc.text):
        person = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        n = int(m.group("n3"))
        if person is None or person[0].i == 0 or not 0 < n < 120:
            continue
        name = doc[person[0].i - 1]
        number = doc.char_span(m.start("n3"), m.end("n3"), alignment_mode="expand")
        if number is None or not _ages_by_apposition(name, number[0]):
            continue  # "In Texas, 54, …" is no age; only a person's name takes one this way
        got = _age(doc, m.start("n3"), m.end("n3"), float(n), n + 1.0, years, None, owner=name)
        if got is not None:
            out.append(got)
    return out


# Words that report a figure as hearsay: the figure is still the one given ("Tridevil reportedly spent $20,000" gives
# $20,000 as a statement "is reported to have paid $20,000" does), so it is compared, not set aside as a possibility.
HEARSAY = frozenset({"reportedly", "allegedly"})


def _hedged(verb: Token) -> bool:
    """Whether a figure's clause gives it as a possibility ("may cost $5 million"), hearsay aside."""
    return is_hedged(verb, HEDGES - HEARSAY)


def _ages_by_apposition(name: Token, number: Token) -> bool:
    """Whether "`name`, N," gives a person's age: a person's name, a word for a person ("the suspect, 45,"), or a
    name the tagger takes for something else ("Sotloff, 31," tagged a place) that the number is in apposition to and
    that is no preposition's object ("In Texas, 54, …")."""
    if name.ent_type_ == "PERSON" or name.lemma_.lower() in person_nouns():
        return True
    return name.pos_ == "PROPN" and name.dep_ != "pobj" and number.dep_ == "appos" and number.head.i == name.i


def _age(doc: Doc, start: int, end: int, lo: float, hi: float, years: set[str], poss: str | None,
         owner: Token | None = None) -> Quantity | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if owner is None:
        head = root.head if root.head.i != root.i else root
        # "a woman in her fifties", "a 54-year-old woman": the noun; "she is in her fifties": the subject
        owner = head if head.pos_ in {"NOUN", "PROPN", "PRON"} else next(
            (t for t in subject_of(clause_head(head)) if t.dep_ in {"nsubj", "nsubjpass"}), None)
        # "after about age 40, plaque builds up": a point in life, not the age of the plaque; but "Rivers died at age
        # 81" is hers, though the tagger takes the name for a noun
        if owner is not None and head.pos_ == "ADP" and head.i < span.start and owner.pos_ == "NOUN" and \
                head.lower_ != "at":
            owner = None
    owners: set[str] = set()
    gender = GENDER.get((poss or "").lower(), "")
    if owner is not None:
        if owner.pos_ != "PRON":
            owners.add(owner.lemma_.lower())
            if owner.text[:1].isupper():
                owners.add(owner.lower_)  # a name taken for a noun keeps its own form: "Rivers", not "river"
        gender = gender or GENDER.get(owner.lower_, "") or GENDER.get(owner.lemma_.lower(), "")
        # "the victim, a woman in her fifties": both words name her; so do "Fredou is a 45-year-old commissioner"
        partners = [c for c in owner.children if c.dep_ == "appos"] + ([owner.head] if owner.dep_ == "appos" else [])
        if owner.dep_ == "attr" and owner.head.lemma_ == "be":
            partners += [t for t in owner.head.children if t.dep_ == "nsubj"]
        owners |= {t.lemma_.lower() for t in partners if t.pos_ in {"NOUN", "PROPN"}}
    verb = clause_head(root)
    clause = subject_clause(root)
    ctx = content_lemmas(clause.subtree) - content_lemmas(span)
    # "26-year-old Afton Burton would not be marrying him": the age describes her whatever the clause says may be
    attribute = root.dep_ in {"amod", "compound", "nummod", "npadvmod"} and root.head.pos_ in {"NOUN", "PROPN"} \
        and root.head.i > root.i or owner is not None and owner.ent_type_ == "PERSON" and owner.i < root.i \
        and doc[root.i - 1].text == ","
    hedged = False if attribute else _hedged(verb)
    return Quantity("age", lo, hi, hi - lo <= 1, start, end, doc.text[start:end], ctx, years, hedged,
                    names=_names(t for t in clause.subtree if t.ent_type_ not in NOT_NAMES), owners=owners,
                    gender=gender)


def _figure(m: re.Match) -> tuple[float | None, str]:
    """The written number and its normalised scale word ("$400 billion" → (400.0, "billion"))."""
    raw = m.group("num")
    if not raw or not raw[0].isdigit():
        return None, ""
    scale = (m.group("scale") or "").lower()
    return float(raw.replace(",", "").replace("·", ".")), SCALE_NAMES.get(scale, scale)


def _written(q: Quantity) -> float | None:
    """The value a figure is written as, scale word included ("$400 million" → 4e8); None without a figure."""
    return None if q.figure is None else q.figure * SCALES.get(q.scale, 1.0)


def scale_mismatch(a: Quantity, b: Quantity) -> bool:
    """The same digits at another power of a thousand: "$400 million" against "$400 billion" or "$400,000"; not the
    same length or weight in another unit ("2km" and "2,000 metres")."""
    va, vb = _written(a), _written(b)
    if not va or not vb or va == vb or math.isclose(va * a.factor, vb * b.factor, rel_tol=1e-9):
        return False
    thousands = math.log10(max(va, vb) / min(va, vb)) / 3
    return round(thousands) >= 1 and abs(thousands - round(thousands)) < 1e-9


def _times(source: Quantity, statement: Quantity) -> str:
    """How far a misread figure is from the source's: "a thousand times smaller"."""
    vs, vt = _written(source) or 1.0, _written(statement) or 1.0
    factor = max(vs, vt) / min(vs, vt)
    name = {1e3: "a thousand", 1e6: "a million", 1e9: "a billion"}.get(round(factor), f"{factor:g}")
    return f"{name} times {'smaller' if vt < vs else 'larger'}"


def _fmt(q: Quantity) -> str:
    return f"“{q.text}”"


DIMENSIONS = {dimension for dimension, _ in UNITS.values()}


@dataclass
class _Sentence:
    """What a whole sentence says, for telling whether a change or an age is of the same thing."""

    words: set[str]  # content lemmas, with the names of the sentence before (the Doc's `._.antecedents`)
    names: set[str]
    owner_pronoun: bool = False  # a possessive pronoun ("its printer group") stands for a name it does not give

    @classmethod
    def of(cls, doc: Doc) -> _Sentence:
        before: set[str] = set(doc._.antecedents) if Doc.has_extension("antecedents") else set()
        # words joined by a slash are each said ("printer/personal systems group")
        joined = {part.lower() for t in doc if "/" in t.text for part in t.text.split("/") if part.isalpha()}
        return cls(content_lemmas(doc) | before | joined, _names(doc) | before,
                   any(t.tag_ == "PRP$" for t in doc))


# Counted nouns that count one thing under two names: "six nations" and "nine countries" are two counts of countries,
# "500 workers" and "500 staff" one count of employees.
COUNTED_AS = {"nation": "country", "worker": "employee", "staff": "employee", "staffer": "employee",
              "troop": "soldier", "kid": "child", "automobile": "car", "inhabitant": "resident"}


# Acts counted as the things they make: "shared 59,000 times" is 59,000 shares, "viewed a million times" a million
# views.
COUNTED_ACTS = {"share": "share", "view": "view", "watch": "view", "retweet": "retweet", "download": "download",
                "like": "like", "stream": "stream", "play": "play", "click": "click"}


# Nouns a count of a mass is written with: "five pieces of intelligence" counts intelligence.
PARTITIVE = frozenset({"piece", "bit", "scrap"})
# Counted nouns that take in any people: a count of them and a count of "employees" may be one count.
ANY_PEOPLE = {"people", "person", "individual", "adult", "folk"}
# Counted nouns that name no kind of thing: a statement's "8.5 million units" counts whatever the source's "8.5 million
# watches" counts (not the other way round: "500 items" sold are not "500 books"). Not people: "units" of an army
# are not its soldiers.
ANY_THING = {"unit", "item"}


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """The same kind of figure, `a` the source's and `b` the statement's: a count of "people" (or "adults", "men and
    women") and one of "employees" are; one of "watches" and the statement's count of "units" are."""
    if a.kind == b.kind:
        return True
    words = {a.kind.removeprefix("count:"), b.kind.removeprefix("count:")}
    both = a.kind.startswith("count:") and b.kind.startswith("count:")
    if both and b.kind.removeprefix("count:") in ANY_THING:
        return not words & (person_nouns() | ANY_PEOPLE)
    return both and bool(words & ANY_PEOPLE) and words <= person_nouns() | ANY_PEOPLE


def _other_things(a: Quantity, b: Quantity) -> bool:
    """Whether something says two figures are of different things: another kind, year, period, owner or place, or
    a change against a level (what `_same_measure` and `_told_apart` both rule out on evidence)."""
    if not _same_kind(a, b):
        return True
    if a.rate != b.rate:
        return True  # a figure per day is not a total
    if _other_times(a, b):
        return True  # a figure for another year, or another month of it
    if bool(a.direction) != bool(b.direction):
        return True  # "revenue fell $5 million" is not what revenue was
    if a.periods and b.periods and not (a.periods & b.periods):
        return True  # a change over a year is not one over a quarter
    if a.kind in DIMENSIONS | {"age"} and a.names and b.names and not (a.names & b.names):
        return True  # the delay of another airline's flight
    if a.kind == "age":
        return not _same_person(a, b)
    if a.kind in SHARES and ((a.of and b.of and a.of != b.of) or (a.of_names and b.of_names and not a.of_names &
                                                                   b.of_names) or a.negated != b.negated):
        # "the majority of doses" is not "a fifth of all cases", "80% of Colombia's intelligence" is not "80% of
        # US intelligence", and "most did not show symptoms" is the other side of "19% were symptomatic"
        return True
    return a.kind in DIMENSIONS and _opposite_verbs(a.verb, b.verb)  # a departure's delay is not an arrival's


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if _other_things(a, b):
        return False
    if (a.vague or b.vague) and a.kind.startswith("count:") and not same_act(a.verb[0], b.verb[0]) \
            and not _generalises(a, b):
        # a count without a figure is of what its verb does: "covers several thousand people" is not how many the
        # firm "hired" ("45,000 people")
        return False
    if a.kind == "age":
        return True
    shared = a.context & b.context
    if a.kind in SHARES and a.of and a.of == b.of and shared - {a.of}:
        # a share of the same thing ("58% of deaths", "the majority of deaths") said of one more thing ("were
        # among men"): "12 of the 40 protesters were arrested" is not "half of the protesters were women"
        return True
    if a.kind in DIMENSIONS:
        if a.unit != b.unit:
            # in another unit the unit words are not shared: the word measured must be the same ("50 minutes
            # late" and "50 hours late"; "late" is no content word), not another ("how long the crossing lasted").
            # Like counts of one noun, two events measured by one word ("the strike lasted", "the trial lasted")
            # read as one: the subjects' nouns cannot tell a paraphrase ("plane"/"flight") from another event.
            if a.measure and b.measure:  # or two words for one act, about something both name ("demobilized",
                # "laid down arms" after years of conflict)
                return a.measure == b.measure or (same_act(a.measure, b.measure) and bool(shared - {a.unit, b.unit}))
            return len(shared - {a.unit, b.unit}) >= 1
    if a.direction and b.direction and a.thing and a.thing == b.thing:
        return True  # "sales rose 7%" and "sales fell 7%" share only "sales": the changing thing is enough
    if _generalises(a, b):
        return True  # what was canceled was affected: a count of the same things under a wider verb
    return len(shared) >= (1 if a.kind.startswith("count:") or a.kind in DIMENSIONS else 2)


# Verbs that say something happened to what they count, whatever it was: "a handful of projects were affected".
GENERAL_ACTS = frozenset({"affect", "hit", "impact", "touch"})


def _generalises(s: Quantity, t: Quantity) -> bool:
    """Whether the statement counts the source's things under a wider verb ("only a handful of projects were
    affected" against "numerous projects have been canceled"): the source's count is then the least the statement's
    can be."""
    return s.kind.startswith("count:") and t.verb[0] in GENERAL_ACTS and s.verb[0] not in GENERAL_ACTS | {"be", "have"}


SHARES = {"percent", "points"}


def _could_be(s: Quantity, t: Quantity) -> bool:
    """Whether the source figure `s` could be the one the statement's `t` reports, context aside: a sentence with
    another figure of the same kind that fits the statement's ("13 (57%) were asymptomatic" beside "30%") cannot
    rule the statement's out, as which of its figures is meant is not known."""
    if not _same_kind(s, t) or _other_times(s, t) or s.direction != t.direction:
        return False
    return _relation(s, t)[0] == "supports"


def _opposite_verbs(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Verbs the lexicon lists as opposites ("arrived"/"departed"): two events, not one."""
    return b[0] in opposites("predicates").get(a[0], ()) or opposite_forms().get(a[1]) == b[1]


def _same_person(a: Quantity, b: Quantity) -> bool:
    """Two ages of one person: no two different people named ("a woman" against "a man", "the victim" against
    "the suspect"), and no two different things said of them ("was arrested" against "won the prize")."""
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.owners and b.owners and not (a.owners & b.owners) and not (a.owners | b.owners) <= KIN_AND_KIND:
        return False  # two people, unless both are said by age, sex, kin or school only ("his son", "the boy")
    if not (a.owners or b.owners or a.gender or b.gender):
        return True  # "after about age 40" on both sides: a point in life, whoever the clauses are about
    # the rest of what is said of them, the words of their names aside ("Steven Sotloff was 31" says nothing else)
    named = a.owners | b.owners | a.names | b.names
    rest_a, rest_b = a.context - named, b.context - named
    return not (rest_a and rest_b and not (rest_a & rest_b))


def _same_thing(s: Quantity, t: Quantity, src: _Sentence, stmt: _Sentence) -> bool:
    """Whether two changes are of one thing, strictly enough to call opposite directions a contradiction: the
    same noun changes ("sales"), what each sentence says about it is in the other ("sales at the printer
    group" against a source that names the printer group), and the names in each clause are in the other
    sentence ("sales in France" against "sales in Spain" are two things)."""
    if not s.thing or s.thing != t.thing:
        return False
    # one name the source gives as a possessive pronoun ("its printer group" for "HP's printer group")
    unnamed = t.names - src.names
    named = not unnamed or (src.owner_pronoun and len(unnamed) == 1 and not s.names - stmt.names)
    return s.modifiers <= stmt.words and t.modifiers - unnamed <= src.words and s.names <= stmt.names and named


def currency_swap(a: Quantity, b: Quantity) -> bool:
    """The same written figure in another currency: "$400 million" against "400 million Colombian pesos" (figures in
    two currencies that differ are left alone: no exchange rate is known here)."""
    return (a.kind.startswith("money:") and b.kind.startswith("money:") and a.kind != b.kind
            and _written(a) is not None and _written(a) == _written(b))


def _misscaled(src_q: list[Quantity], t: Quantity) -> Quantity | None:
    """The one source figure a statement figure misreads by a power of a thousand, where the two share too few words
    to be matched as one measure ("American assistance … amounted to less than $400,000" against "US aid …
    exceeding $400 million"): of the same kind, about a name or word in common, with nothing telling them apart, and
    no source figure written as the statement's (which would be the one it reports)."""
    if any(_same_written(s, t) for s in src_q):
        return None
    found = [s for s in src_q if scale_mismatch(s, t) and not _told_apart(s, t)
             and (s.names & t.names or s.context & t.context)]
    return found[0] if len(found) == 1 else None


def unit_mismatch(a: Quantity, b: Quantity) -> bool:
    """The same written figure in another unit of one dimension: "50 minutes" against "50 hours"."""
    return bool(a.unit and b.unit) and a.unit != b.unit and a.figure is not None and a.figure == b.figure


# Figures a supporting sentence must confirm: money, shares and counts of ten or more ("the two
# countries" usually names things already in view, not a figure someone could misreport).
CONFIRM_COUNTS_FROM = 10


def _needs_confirmation(q: Quantity) -> bool:
    # a measure counts its units like a count ("two years" as little as "two countries")
    if q.vague:
        return False
    return not (q.kind.startswith("count:") or q.kind in DIMENSIONS) or q.lo / q.factor >= CONFIRM_COUNTS_FROM


def _told_apart(a: Quantity, b: Quantity) -> bool:
    """Whether something says two figures written the same are of different things (not merely for want of shared
    words): `_other_things`, or changes going opposite ways, or measures of different acts."""
    if _other_things(a, b):
        return True
    if a.direction and b.direction and a.direction != b.direction:
        return True
    return a.kind in DIMENSIONS and bool(a.measure and b.measure and a.measure != b.measure)


# What `_unconfirmed` says, which `settle_across` recognises its findings by.
NO_FIGURE = "the source sentence gives no figure for the statement's"
OTHER_THING = " measures something else "


def _unconfirmed(src: Doc, stmt: Doc, src_q: list[Quantity], t: Quantity) -> Finding | None:
    """A statement figure that no figure of the source sentence measures: that sentence cannot support it."""
    if not _needs_confirmation(t):
        return None
    if any(_same_written(s, t) and not _told_apart(s, t) and not unit_mismatch(s, t) for s in src_q):
        # the very figure, and nothing says it is of another thing: the rest of the sentence decides ("about 50
        # minutes" against "about 50 hours" is not the very figure)
        return None
    other = next((s for s in src_q if _same_written(s, t)), None) or next(
        (s for s in src_q if s.lo <= t.hi and t.lo <= s.hi), None)
    if other is not None:
        why = (f"the source's {_fmt(other)}{OTHER_THING}({_measure(other)}) than the statement's "
               f"{_fmt(t)} ({_measure(t)})")
    else:
        why = f"{NO_FIGURE} {_fmt(t)}"
    return Finding(rule="quantities", relation="neutral", explanation=why, blocks="support", confidence=0.7,
                   source_span=make_span(src, other.start, other.end) if other else None,
                   statement_span=make_span(stmt, t.start, t.end))


def _same_written(a: Quantity, b: Quantity) -> bool:
    """Whether two figures are written alike, units aside ("about 50 minutes" and "about 50 hours")."""
    return math.isclose(a.lo / a.factor, b.lo / b.factor) and math.isclose(a.hi / a.factor, b.hi / b.factor)


def _plural(word: str) -> str:
    first, _, last = word.rpartition(" ")
    if first:  # "square kilometre" → "square kilometres"
        return f"{first} {_plural(last)}"
    if word in {"foot", "km", "kg", "mm", "cm", "lb", "people", "staff", "personnel", "folk", "crew"}:
        return {"foot": "feet"}.get(word, word)
    if word.endswith(("s", "ch", "sh", "x")):
        return word if word.endswith("s") else word + "es"
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _measure(q: Quantity) -> str:
    kind, _, what = q.kind.partition(":")
    if kind == "count":
        what = _plural(what)
    text = {"count": f"a number of {what}", "money": f"an amount in {what}", "percent": "a share",
            "points": "percentage points", "percent-change": "a change in percent", "age": "an age"}.get(kind, kind)
    if kind in DIMENSIONS:
        text = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} in {_plural(q.unit)}"
    if q.direction:
        text = f"a {'rise' if q.direction > 0 else 'fall'} in {q.thing_text or 'something'}" + (
            " in percent" if kind == "percent-change" else f", {text}")
    if kind == "age" and q.owners:
        text += f" of a {sorted(q.owners)[0]}"
    if q.rate:
        text += f" per {q.rate}"
    if q.of:
        owner = f"{' and '.join(sorted(q.of_names))}'s " if q.of_names else ""
        text += f" of {owner}{q.of}"  # "a share of united states's intelligence"
    if q.months:  # "in June 2020"
        text += " in " + ", ".join(f"{m.partition('-')[2].capitalize()} {m.partition('-')[0]}" for m in sorted(q.months))
    elif q.years:
        text += f" in {', '.join(sorted(q.years))}"
    return text


def _relation(s: Quantity, t: Quantity) -> tuple[Relation, float]:
    """How the source figure `s` bears on the statement figure `t` of the same measure, with a confidence."""
    if s.kind == "age":  # ages are [lo, hi) spans of years
        if s.hi <= t.lo or t.hi <= s.lo:
            return "contradicts", 0.9
        if t.lo <= s.lo and s.hi <= t.hi:
            return "supports", 0.7
        if s.lo <= t.lo and t.hi <= s.hi:
            # "in her fifties" against "54" or "in her late fifties": the source gives the age to its decade,
            # and the statement's falls within it; consistent at the source's precision, so a weaker support
            return "supports", 0.6
        return "neutral", 0.7
    if s.hi < t.lo or t.hi < s.lo or scale_mismatch(s, t):
        return "contradicts", 0.9  # a figure with another scale word is a misreading, not a bound
    if s.hi == math.inf and not s.point and t.point and math.isclose(s.lo, t.lo):
        return "supports", 0.6  # "exceeding $400 million" against "just over $400 million": at the source's precision
    if (t.lo <= s.lo * (1 + SAME) and s.hi <= t.hi * (1 + SAME)) or (
        s.point and t.point and t.lo <= (s.lo + s.hi) / 2 <= t.hi and s.lo <= (t.lo + t.hi) / 2 <= s.hi
    ) or (s.point and (not t.point or t.hi - t.lo >= s.hi - s.lo) and t.lo <= (s.lo + s.hi) / 2 <= t.hi):
        # the source's figure within the statement's bound, or within its estimate no more precise than the
        # source's ("2,050" against "just over 2,000")
        return "supports", 0.7
    return "neutral", 0.7


def check_quantities(src: Doc, stmt: Doc) -> list[Finding]:
    """Compare amounts, percentages, counts, measures and ages of the same thing as intervals, and changes by
    their direction too."""
    findings = []
    everything = extract(src)
    asserted = [q for q in everything if not q.hedged]
    # a figure in a modal clause ("the plan would give them 1,600 square km") is compared with the source's
    # figures in modal clauses: both report the same possibility; against an asserted one it is not the same claim
    modal = [q for q in everything if q.modal]
    src_s, stmt_s = _Sentence.of(src), _Sentence.of(stmt)
    for t in extract(stmt):
        if t.hedged and not t.modal:
            continue
        src_q = modal if t.modal else asserted
        matches = [s for s in src_q if _same_measure(s, t)]
        if t.thing and any(s.thing == t.thing for s in matches):
            # "sales rose 7% while costs fell 7%" against "costs rose 7%": the costs are what to compare
            matches = [s for s in matches if s.thing == t.thing]
        if not matches and t.modal:
            continue  # a possibility the source does not state as one is left to the other rules
        if not matches:
            swap = next((s for s in src_q if currency_swap(s, t) and _same_measure(replace(s, kind=t.kind), t)), None)
            if swap is not None:
                findings.append(Finding(
                    rule="quantities", relation="contradicts", confidence=0.9,
                    explanation=(f"the source says {_fmt(swap)}; the statement says {_fmt(t)}, the same figure in "
                                 f"{t.kind.removeprefix('money:')} where the source has "
                                 f"{swap.kind.removeprefix('money:')}"),
                    source_span=make_span(src, swap.start, swap.end), statement_span=make_span(stmt, t.start, t.end)))
                continue
            scaled = _misscaled(src_q, t)
            if scaled is not None:
                findings.append(Finding(
                    rule="quantities", relation="contradicts", confidence=0.8,
                    explanation=f"the source says {_fmt(scaled)}; the statement says {_fmt(t)}, the same digits "
                                f"{_times(scaled, t)}",
                    source_span=make_span(src, scaled.start, scaled.end), statement_span=make_span(stmt, t.start, t.end)))
                continue
            unconfirmed = _unconfirmed(src, stmt, src_q, t)
            findings += [unconfirmed] if unconfirmed else []
            continue
        best: Quantity | None = None
        relation: Relation | None = None
        confidence = 0.0
        for s in matches:
            rel, conf = _relation(replace(s, hi=math.inf) if _generalises(s, t) else s, t)
            if s.direction and t.direction and s.direction != t.direction:
                # the same change going the other way; on something not surely the same, a figure unconfirmed
                rel, conf = ("contradicts", 0.9) if _same_thing(s, t, src_s, stmt_s) else ("neutral", 0.7)
            if rel == "contradicts" and (s.partial or t.partial):
                rel, conf = "neutral", 0.7  # "two more students" is not how many there were in all
            if rel == "contradicts" and s.kind.startswith("money:") and (s.verb[0] in HANDLED) != (t.verb[0] in HANDLED):
                # "the shutdown removed $300 million" is an amount taken away, not what the aid is: another figure
                # rules nothing out (nor confirms it); the same figure still agrees
                rel, conf = "neutral", 0.7
            order = {"supports": 0, "neutral": 1, "contradicts": 2}
            # one consistent source figure is enough to rule out a contradiction
            if relation is None or order[rel] < order[relation]:
                best, relation, confidence = s, rel, conf
        assert best is not None and relation is not None  # `matches` is not empty
        if relation == "contradicts" and not scale_mismatch(best, t) and any(_could_be(s, t) for s in everything):
            continue
        if relation == "contradicts" and t.kind.startswith("count:") and _unplaced(t, src, src_s):
            # a count of something the statement places where the source never does ("shared 1,800 times on
            # Twitter" against "159,000 Facebook shares"): a figure of another thing, unconfirmed
            relation, confidence = "neutral", 0.7
        words = {
            "contradicts": "which the source rules out",
            "supports": "which the source backs",
            "neutral": "which the source neither confirms nor rules out",
        }[relation]
        if best.direction and t.direction and best.direction != t.direction:
            way = {1: "up", -1: "down"}
            words = (f"going {way[t.direction]} (“{t.direction_word}”) where the source's goes "
                     f"{way[best.direction]} (“{best.direction_word}”)")
            if relation == "neutral":
                words += f", but maybe not of the same thing ({_measure(best)}, {_measure(t)})"
        elif relation == "contradicts" and scale_mismatch(best, t):
            words = f"the same digits {_times(best, t)}"
        elif relation == "contradicts" and unit_mismatch(best, t):
            words = f"the same figure in {_plural(t.unit)} where the source has {_plural(best.unit)}"
        elif relation == "supports" and confidence < 0.7:
            words = "which fits the source, though the source gives it less precisely"
        findings.append(
            Finding(
                rule="quantities",
                relation=relation,
                explanation=f"the source says {_fmt(best)}; the statement says {_fmt(t)}, {words}",
                source_span=make_span(src, best.start, best.end),
                statement_span=make_span(stmt, t.start, t.end),
                confidence=confidence,
                # a vague amount the source's figure may be ("several hundred million" against "exceeding $400
                # million") is no figure the sentence fails to confirm
                blocks="support" if relation == "neutral" and not t.vague else None,
            )
        )
    return findings


def _unplaced(t: Quantity, src: Doc, src_s: _Sentence) -> bool:
    """Whether the statement's clause names something no word of the source sentence names ("on Twitter" against a
    sentence of "Facebook shares"), in any number ("Acme Phones" and "Acme Phone units" are one name)."""
    words = {singular(tok.lower_) for tok in src}
    return any(name not in src_s.names and not all(singular(w) in words for w in name.split()) for name in t.names)


def _is_unconfirmed(f: Finding) -> bool:
    """A finding of `_unconfirmed`: the sentence gives no figure for the statement's, or one of something else."""
    return f.explanation.startswith(NO_FIGURE) or (f.explanation.startswith("the source's ") and
                                                   OTHER_THING in f.explanation)


def settle_across(evidence: Sequence[Evidence]) -> None:
    """Across one statement's evidence: a statement figure that one sentence of a document rules out and another
    sentence of the same document backs is not contradicted (the document gives several figures, for things the
    statement may not tell apart: "6%" of all hospitalised adults beside "36.3%" of the health workers among
    them). The ruling-out finding becomes neutral; it still keeps its own sentence from supporting the figure."""
    backed: dict[tuple[str, int, int], str] = {}
    for ev in evidence:
        for f in ev.findings:
            if f.rule == "quantities" and f.relation == "supports" and f.statement_span is not None:
                backed.setdefault((ev.source, f.statement_span.start, f.statement_span.end),
                                  f.source_span.text if f.source_span else "")
    if not backed:
        return
    for ev in evidence:
        # a figure this sentence does not give, which another sentence of the same document backs: the statement
        # puts together what the document says in two places ("about 6 percent … more than a third of them"), so
        # this sentence may still support the rest of it
        ev.findings = [f.model_copy(update={
            "blocks": None, "explanation": f"{f.explanation}; another sentence of the source backs it (“{other}”)"})
            if f.rule == "quantities" and f.blocks == "support" and f.statement_span is not None
            and _is_unconfirmed(f)
            and (other := backed.get((ev.source, f.statement_span.start, f.statement_span.end))) is not None
            else f for f in ev.findings]
    for ev in evidence:
        if not any(f.rule == "quantities" and f.relation == "contradicts" for f in ev.findings):
            continue
        settled = []
        for f in ev.findings:
            other = None if f.statement_span is None else backed.get((ev.source, f.statement_span.start,
                                                                     f.statement_span.end))
            if f.rule == "quantities" and f.relation == "contradicts" and other is not None:
                f = f.model_copy(update={
                    "relation": "neutral", "blocks": "support", "confidence": 0.7,
                    "explanation": f"{f.explanation}; but another sentence of the source has “{other}”, which fits "
                                   "it: which figure the statement reports is not clear"})
            settled.append(f)
        ev.findings = settled

"""Quantities: money, percentages, proportions and counts, read as intervals and compared.

"exceeding $400 million" is (400e6, inf); "about 80%" is 80 ± 12%; "most" is (50, 100]. Two
quantities are compared only when they measure the same thing: the same kind and currency, the same
counted noun, shared content words in their clauses, and no disjoint years.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc
from text_to_num import text2num

from factcheck.judge.rules._common import clause_head, content_lemmas, is_hedged, make_span, subject_clause
from factcheck.judge.rules.lexicon import currencies
from factcheck.judge.rules.patterns import NUMBER, PERCENT, YEAR
from factcheck.results import Finding, Relation

APPROX = 0.12  # "about 80%" covers 70.4..89.6
EXACT = 0.03  # round figures in news copy are rarely exact


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
LOWER = r"more than|greater than|over|above|exceeding|exceeded|exceeds|in excess of|upwards of"
AT_LEAST = r"at least|no less than|no fewer than|a minimum of"
UPPER = r"less than|fewer than|under|below|not more than|no more than"
UP_TO = r"up to|as many as|as much as|a maximum of|at most"
NEARLY = r"nearly|almost|close to|just under|not quite"
ABOUT = r"about|approximately|roughly|around|some|an estimated|estimated|circa|approx\.?|about a|nearly a"
_CMP = rf"(?P<cmp>{LOWER}|{AT_LEAST}|{UPPER}|{UP_TO}|{NEARLY}|{ABOUT})\s+"
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
    "the vast majority": (75.0, 100.0),
    "a vast majority": (75.0, 100.0),
    "a large majority": (60.0, 100.0),
    "the bulk": (60.0, 100.0),
    "nearly all": (85.0, 100.0),
    "almost all": (85.0, 100.0),
    "virtually all": (90.0, 100.0),
}
_VAGUE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE_SHARES, key=len, reverse=True))


@lru_cache(maxsize=4)
def quantity_pattern(currency_forms: tuple[str, ...]) -> re.Pattern[str]:
    """The figure pattern for a currency table's forms: signs ($, US$) before the number, words after it."""
    by_length = sorted(currency_forms, key=len, reverse=True)
    signs = "|".join(re.escape(f) for f in by_length if not f.isalpha())
    words = "".join(rf"|{re.escape(f)}\b" for f in by_length if f.isalpha())
    return re.compile(
        rf"(?<![\w$€£.,-])(?:{_CMP})?"
        r"(?:"
        r"(?P<frac>(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-](?:half|halves|thirds?|quarters?|"
        r"fourths?|fifths?|sixths?|tenths?)|half|most|the majority|a majority|a minority|" + _VAGUE + r")\b"
        rf"|(?P<cur>{signs})?\s*(?P<num>{NUMBER}|{_NUMWORDS})"
        r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?"
        rf"(?:\s?(?P<unit>{PERCENT}|percentage points?\b{words}))?"
        r")",
        re.IGNORECASE,
    )


YEAR_RE = re.compile(rf"\b{YEAR}\b")
CHANGE_VERBS = {
    "rise",
    "fall",
    "increase",
    "decrease",
    "grow",
    "drop",
    "cut",
    "jump",
    "climb",
    "decline",
    "reduce",
    "raise",
    "shrink",
    "slash",
    "boost",
    "surge",
    "plunge",
    "gain",
    "lose",
}


@dataclass
class Quantity:
    kind: str  # "money:USD", "percent", "percent-change", "count:<noun lemma>"
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
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        if raw.lower() == "one" and not m.group("scale"):
            return None  # "one of the ..." is rarely a quantity worth comparing
        value = _words_to_number(raw.strip())
        if value is None:
            return None
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
    c = (cmp or "").lower()
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
    out = []
    years = {m.group(0) for m in YEAR_RE.finditer(doc.text)}
    for m in quantity_pattern(tuple(currencies())).finditer(doc.text):
        got = _value(m)
        if got is None:
            continue
        value, kind = got
        start = m.start("cmp") if m.group("cmp") else m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = m.end()
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if (m.group("frac") or "").lower() == "most" and (root.dep_ == "advmod" or root.head.pos_ in {"ADJ", "ADV"}):
            continue  # "the most important" is a superlative, not a share
        if kind == "count":
            # the counted noun: "two soldiers", "400 of the troops"
            noun = root if root.pos_ in {"NOUN", "PROPN"} else root.head
            if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() in SCALES:
                continue
            kind = f"count:{noun.lemma_.lower()}"
        verb = clause_head(root)
        if kind == "percent" and verb.lemma_.lower() in CHANGE_VERBS:
            kind = "percent-change"
        clause = subject_clause(root)
        ctx = content_lemmas(clause.subtree) - content_lemmas(span)
        lo, hi, point = _interval(value, m.group("cmp"), m.group("frac"))
        of = next((g.lemma_.lower() for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), "")
        out.append(Quantity(kind, lo, hi, point, start, end, doc.text[start:end], ctx, years, is_hedged(verb),
                            *_figure(m), of))
    return out


def _figure(m: re.Match) -> tuple[float | None, str]:
    """The written number and its normalised scale word ("$400 billion" → (400.0, "billion"))."""
    raw = m.group("num")
    if not raw or not raw[0].isdigit():
        return None, ""
    scale = (m.group("scale") or "").lower()
    return float(raw.replace(",", "")), SCALE_NAMES.get(scale, scale)


def scale_mismatch(a: Quantity, b: Quantity) -> bool:
    """The same written figure with another scale word: "$400 million" against "$400 billion"."""
    return a.figure is not None and a.figure == b.figure and a.scale != b.scale and bool(a.scale or b.scale)


def _fmt(q: Quantity) -> str:
    return f"“{q.text}”"


def _same_measure(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind:
        return False
    if a.years and b.years and not (a.years & b.years):
        return False  # a figure for another year
    shared = a.context & b.context
    return len(shared) >= (1 if a.kind.startswith("count:") else 2)


# Figures a supporting sentence must confirm: money, shares and counts of ten or more ("the two
# countries" usually names things already in view, not a figure someone could misreport).
CONFIRM_COUNTS_FROM = 10


def _needs_confirmation(q: Quantity) -> bool:
    return not q.kind.startswith("count:") or q.lo >= CONFIRM_COUNTS_FROM


def _unconfirmed(src: Doc, stmt: Doc, src_q: list[Quantity], t: Quantity) -> Finding | None:
    """A statement figure that no figure of the source sentence measures: that sentence cannot support it."""
    if not _needs_confirmation(t):
        return None
    other = next((s for s in src_q if s.lo <= t.hi and t.lo <= s.hi), None)
    if other is not None:
        why = (f"the source's {_fmt(other)} measures something else ({_measure(other)}) than the statement's "
               f"{_fmt(t)} ({_measure(t)})")
    else:
        why = f"the source sentence gives no figure for the statement's {_fmt(t)}"
    return Finding(rule="quantities", relation="neutral", explanation=why, blocks="support", confidence=0.7,
                   source_span=make_span(src, other.start, other.end) if other else None,
                   statement_span=make_span(stmt, t.start, t.end))


def _measure(q: Quantity) -> str:
    kind, _, what = q.kind.partition(":")
    if kind == "count":
        what = what if what.endswith("s") else what[:-1] + "ies" if what.endswith("y") else what + "s"
    text = {"count": f"a number of {what}", "money": f"an amount in {what}", "percent": "a share",
            "points": "percentage points", "percent-change": "a change in percent"}.get(kind, kind)
    if q.of:
        text += f" of {q.of}"
    if q.years:
        text += f" in {', '.join(sorted(q.years))}"
    return text


def check_quantities(src: Doc, stmt: Doc) -> list[Finding]:
    """Compare amounts, percentages and counts of the same thing as intervals."""
    findings = []
    src_q = [q for q in extract(src) if not q.hedged]
    for t in extract(stmt):
        if t.hedged:
            continue
        matches = [s for s in src_q if _same_measure(s, t)]
        if not matches:
            unconfirmed = _unconfirmed(src, stmt, src_q, t)
            findings += [unconfirmed] if unconfirmed else []
            continue
        best: Quantity | None = None
        relation: Relation | None = None
        for s in matches:
            rel: Relation
            if s.hi < t.lo or t.hi < s.lo or scale_mismatch(s, t):
                rel = "contradicts"  # a figure with another scale word is a misreading, not a bound
            elif (t.lo <= s.lo and s.hi <= t.hi) or (
                s.point and t.point and t.lo <= (s.lo + s.hi) / 2 <= t.hi and s.lo <= (t.lo + t.hi) / 2 <= s.hi
            ) or (s.point and not t.point and t.lo <= (s.lo + s.hi) / 2 <= t.hi):
                rel = "supports"
            else:
                rel = "neutral"
            order = {"supports": 0, "neutral": 1, "contradicts": 2}
            # one consistent source figure is enough to rule out a contradiction
            if relation is None or order[rel] < order[relation]:
                best, relation = s, rel
        assert best is not None and relation is not None  # `matches` is not empty
        words = {
            "contradicts": "which the source rules out",
            "supports": "which the source backs",
            "neutral": "which the source neither confirms nor rules out",
        }[relation]
        if relation == "contradicts" and scale_mismatch(best, t):
            words = f"the same figure with “{t.scale or 'no scale'}” where the source has “{best.scale or 'no scale'}”"
        findings.append(
            Finding(
                rule="quantities",
                relation=relation,
                explanation=f"the source says {_fmt(best)}; the statement says {_fmt(t)}, {words}",
                source_span=make_span(src, best.start, best.end),
                statement_span=make_span(stmt, t.start, t.end),
                confidence=0.9 if relation == "contradicts" else 0.7,
                blocks="support" if relation == "neutral" else None,
            )
        )
    return findings

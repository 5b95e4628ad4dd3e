"""Dates: years, decades and month-years attached to the same event, compared as year intervals.

"demobilized in 2016" vs "demobilized in 2020" contradicts; "began in the early 2000s" vs "began in
the 1980s" contradicts. Relative dates ("last year") are left alone, and so is a date of another
event (another predicate, no shared words). Repeatable predicates ("received aid in 2024") never
contradict another year: the event may have happened in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import clause_head, content_lemmas, is_hedged, lemma, make_span, subject_of
from factcheck.judge.rules.patterns import DECADE, MONTH, YEAR
from factcheck.results import Finding, Relation

DATE = re.compile(
    r"(?P<prep>\b(?:in|since|after|before|until|by|from|during|of)\s+)?"
    rf"(?:(?P<det>the\s+)?(?P<part>early|mid|mid-|late)?[\s-]?(?P<decade>{DECADE})['’]?s\b"
    rf"|(?:(?P<month>{MONTH})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})\b(?!\s?(?:%|million|billion|people)))",
    re.IGNORECASE,
)
# Predicates that name one-off events: a different year for them is a contradiction.
ONCE = {
    "begin",
    "start",
    "launch",
    "found",
    "establish",
    "create",
    "demobilize",
    "disarm",
    "sign",
    "die",
    "bear",
    "assassinate",
    "kill",
    "murder",
    "elect",
    "inaugurate",
    "dissolve",
    "end",
    "conclude",
    "finish",
    "collapse",
    "declare",
    "invade",
    "independence",
    "resign",
    "retire",
    "abolish",
    "dismantle",
    "ratify",
    "enact",
    "approve",
    "open",
    "close",
    "introduce",
    "announce",
    "win",
    "lose",
    "join",
    "leave",
    "withdraw",
    "take",
    "break",
    "demobilise",
    "arrest",
    "sentence",
    "convict",
    "release",
    "capture",
    "extradite",
    "marry",
    "appoint",
    "inception",
    "creation",
    "foundation",
    "birth",
    "death",
    "beginning",
    "demobilization",
    "signing",
    "election",
}
SYNONYMS = [
    {
        "begin",
        "start",
        "launch",
        "commence",
        "inception",
        "beginning",
        "originate",
        "emerge",
        "create",
        "establish",
        "found",
        "foundation",
        "creation",
    },
    {"demobilize", "demobilise", "disarm", "disband", "demobilization", "lay"},
    {"end", "conclude", "finish", "terminate"},
    {"die", "death", "kill", "assassinate", "murder"},
    {"sign", "signing", "ratify"},
    {"elect", "election", "win"},
]


@dataclass
class DateRef:
    lo: int
    hi: int
    start: int
    end: int
    text: str
    predicate: Token


def _interval(m: re.Match) -> tuple[int, int] | None:
    prep = (m.group("prep") or "").strip().lower()
    if m.group("decade"):
        d = int(m.group("decade"))
        part = (m.group("part") or "").lower().rstrip("-")
        lo, hi = {"early": (d, d + 3), "mid": (d + 3, d + 6), "late": (d + 6, d + 9)}.get(part, (d, d + 9))
    else:
        lo = hi = int(m.group("year"))
    if prep in {"since", "after", "from"}:
        return lo, 9999
    if prep in {"before", "until", "by"}:
        return 0, hi
    return lo, hi


def _predicate(tok: Token) -> Token:
    """The event a date is attached to: its verb, or an event noun it modifies ("the 2016 deal")."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return cur
        if head.pos_ in {"VERB", "AUX"}:
            return head
        if head.pos_ == "NOUN" and (cur.dep_ in {"compound", "nummod", "amod"} or head.lemma_.lower() in ONCE):
            return head
        cur = head
    return clause_head(tok)


def extract(doc: Doc) -> list[DateRef]:
    out = []
    for m in DATE.finditer(doc.text):
        interval = _interval(m)
        if interval is None:
            continue
        start = (
            m.start("det")
            if m.group("det")
            else (
                m.start("part")
                if m.group("part")
                else (
                    m.start("month")
                    if m.group("month")
                    else m.start("decade")
                    if m.group("decade")
                    else m.start("year")
                )
            )
        )
        span = doc.char_span(start, m.end(), alignment_mode="expand")
        if span is None:
            continue
        if span.root.ent_type_ in {"MONEY", "CARDINAL", "QUANTITY", "PERCENT"} and not m.group("prep"):
            continue
        pred = _predicate(span.root)
        out.append(DateRef(interval[0], interval[1], start, m.end(), doc.text[start : m.end()], pred))
    return out


def _same_event(a: Token, b: Token) -> bool:
    la, lb = lemma(a), lemma(b)
    if la in {"be", "have"} or lb in {"be", "have"}:
        return False
    if la != lb and not any(la in g and lb in g for g in SYNONYMS):
        return False
    args_a = content_lemmas(subject_of(a) if a.pos_ in {"VERB", "AUX"} else a.subtree) - {la}
    args_b = content_lemmas(subject_of(b) if b.pos_ in {"VERB", "AUX"} else b.subtree) - {lb}
    for tok, args in ((a, args_a), (b, args_b)):
        args |= content_lemmas(c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "poss", "compound"})
    return bool(args_a & args_b)


def check_dates(src: Doc, stmt: Doc) -> list[Finding]:
    """Compare the years given for the same event."""
    findings = []
    src_dates = [d for d in extract(src) if not is_hedged(d.predicate)]
    for t in extract(stmt):
        if is_hedged(t.predicate):
            continue
        for s in src_dates:
            if not _same_event(s.predicate, t.predicate):
                continue
            once = lemma(s.predicate) in ONCE or lemma(t.predicate) in ONCE
            relation: Relation
            if s.hi < t.lo or t.hi < s.lo:
                relation = "contradicts" if once else "neutral"
            elif t.lo <= s.lo and s.hi <= t.hi:
                relation = "supports"
            else:
                relation = "neutral"
            event = s.predicate.text
            findings.append(
                Finding(
                    rule="dates",
                    relation=relation,
                    explanation=(
                        f"the source dates “{event}” to {s.text}; the statement says {t.text}"
                        + ("" if once or relation != "neutral" else " (the event may recur)")
                    ),
                    source_span=make_span(src, s.start, s.end),
                    statement_span=make_span(stmt, t.start, t.end),
                    confidence=0.9 if relation == "contradicts" else 0.7,
                )
            )
            break
    return findings

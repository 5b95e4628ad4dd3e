"""Dates: years, decades and month-years attached to the same event, compared as year intervals; days
("January 3", "3 January 2015", "Jan. 3rd", "on Tuesday") compared as days.

"demobilized in 2016" vs "demobilized in 2020" contradicts; "began in the early 2000s" vs "began in
the 1980s" contradicts; so does the order of two events told the other way round (`order`). Relative dates ("last year") are left alone, and so is a date of another
event (another predicate, no shared words). Repeatable predicates ("received aid in 2024") never
contradict another year: the event may have happened in both; but the sentence cannot support the other year. At day precision a one-off event (a
ONCE predicate, an event noun: "the accident", "the meeting") on another day contradicts; a repeatable
one ("officials said on Tuesday") on another day is neutral and keeps the sentence from supporting
the statement's day. A weekday is compared with a weekday only, a month-day with a month-day.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    clause_head,
    content_lemmas,
    is_hedged,
    is_passive,
    lemma,
    make_span,
    subject_head,
    subject_of,
)
from factcheck.judge.rules.order import check_order
from factcheck.judge.rules.patterns import (
    DATE_WORDS,
    DAY,
    DECADE,
    MONTH,
    MONTH_ABBR,
    MONTHS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)
from factcheck.results import Evidence, Finding, Relation

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
    "date back",
    "take shape",
    "get under way",
    "kick off",
    "set up",
    "stand down",
    "step down",
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
        "date back",
        "take shape",
        "get under way",
        "kick off",
        "set up",
        "emerge",
        "create",
        "establish",
        "found",
        "foundation",
        "creation",
    },
    {"demobilize", "demobilise", "disarm", "disband", "demobilization", "lay", "stand down"},
    {"resign", "step down", "quit"},
    {"end", "conclude", "finish", "terminate"},
    {"die", "death", "kill", "assassinate", "murder"},
    {"sign", "signing", "ratify"},
    {"elect", "election", "win"},
]


# Nouns that name one event ("the accident", "the meeting"): a different day for one is a contradiction (not
# a different year: "the 2016 attack" and "the 2017 attack" may be two), and each with the verbs that name the same
# event ("the crash" / "crashed"). Singular only: "the attacks" are several.
EVENT_NOUNS: dict[str, set[str]] = {
    "accident": set(),
    "incident": set(),
    "attack": {"attack"},
    "assault": {"assault"},
    "raid": {"raid"},
    "ambush": {"ambush"},
    "bombing": {"bomb"},
    "shooting": {"shoot"},
    "strike": {"strike"},
    "explosion": {"explode"},
    "blast": {"explode"},
    "crash": {"crash"},
    "collision": {"collide"},
    "derailment": {"derail"},
    "fire": {"burn"},
    "earthquake": set(),
    "election": {"elect"},
    "referendum": set(),
    "vote": {"vote"},
    "meeting": {"meet"},
    "summit": {"meet"},
    "ceremony": set(),
    "speech": {"speak"},
    "interview": set(),
    "visit": {"visit"},
    "rally": set(),
    "debate": {"debate"},
    "conference": set(),
    "hearing": set(),
    "funeral": set(),
    "wedding": {"marry", "wed"},
}
# Event nouns that say nothing of what happened: "the robot vacuum accident" is matched to a clause by its
# description alone, so it must share two common words with it (a place name is shared by many events).
VAGUE_EVENTS = {"accident", "incident"}
# Verbs whose own clause is the saying, not the event said: their date is never the date of "the accident".
REPORTING = {"say", "tell", "report", "state", "add", "claim", "announce", "confirm", "note", "write", "deny"}
# A day of the month: "January 3", "Jan. 3rd", "3 January", "the 3rd of January", with an optional year and an
# optional weekday before it ("Tuesday, January 3"). Case-sensitive, so "may" the modal is no month; a month
# joined by a hyphen ("January-born") or a day running on into a word or a figure ("May 3,000") is no date.
DAY_DATE = re.compile(
    rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?"
    rf"(?:\b(?P<m1>{MONTH}|{MONTH_ABBR})\s+(?P<d1>{DAY})(?![\w-]|[.,:]\d)"
    rf"|(?<![\d.,])\b(?:the\s+)?(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}|{MONTH_ABBR})(?![\w-]))"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?"
)
WEEKDAY_DATE = re.compile(rf"\b{WEEKDAY}\b(?!-)")
# A month without its day or year, after a preposition or a part ("in May", "in early June", "late March"): it
# dates an event as a day does, one month against another; "last May" and "next June" are left out (which year
# is unknown), as is a month before a day or a year (read by DAY_DATE and DATE).
MONTH_ONLY = re.compile(
    rf"\b(?:(?i:in|during)\s+(?:(?P<p1>(?i:early|late|mid))[\s-]+)?|(?P<p2>(?i:early|late|mid))[\s-]+)(?P<m>{MONTH})\b"
    rf"(?![\s-]*(?:\d|[A-Z]))"
)
# A day after one of these words is an end of a span, a deadline or a habit ("since Monday", "by Friday",
# "every January 1"), or one of two ("Monday or Tuesday"): no day of the event.
NOT_A_DAY = {
    "since",
    "after",
    "before",
    "until",
    "till",
    "by",
    "from",
    "through",
    "to",
    "between",
    "or",
    "every",
    "each",
}
# Weekdays that are not the day of the event: another week's ("next Tuesday"), any ("a Friday"), or a feast's
# name ("Black Friday", "Super Tuesday").
NOT_THIS_WEEK = {
    "next",
    "following",
    "coming",
    "previous",
    "a",
    "one",
    "that",
    "same",
    "other",
    "any",
    "some",
    "most",
    "black",
    "good",
    "super",
    "ash",
    "cyber",
    "holy",
    "maundy",
    "palm",
    "easter",
    "shrove",
    "bloody",
    "giving",
    "fat",
    "blue",
    "whit",
    "low",
}
# The first of a range or of two days ("January 3-5", "Monday to Friday", "January 3 and 4").
RANGE_AFTER = re.compile(rf"\s*(?:(?:[-–—]|to\b|through\b|until\b|till\b|or\b)\s*(?:\d|{MONTH}|{WEEKDAY})|and\s+\d)")
# A weekday inside a name ("Bloody Sunday", "Friday Night Lights") dates nothing.
NAMED = {"PERSON", "ORG", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "LAW"}

DayRelation = Literal["same", "differ", "unconfirmed", "vaguer"]


@dataclass
class DateRef:
    lo: int | None  # the year interval; None for a day given without a year ("on January 3", "on Tuesday")
    hi: int | None
    start: int
    end: int
    text: str
    predicate: Token
    month: int | None = None  # a day of the month ("January 3" -> 1, 3), with the year written beside it
    day: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    part: str = ""  # of a month given alone: "early", "mid", "late" or ""


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


def _predicate(tok: Token, day: bool = False) -> Token:
    """The event a date is attached to: its verb, or an event noun it modifies ("the 2016 deal"; for a day
    also "the vote on Tuesday", "Tuesday's attack")."""
    if day and tok.dep_ == "pobj" and tok.head.pos_ == "ADP" and tok.head.i > 0 \
            and _event_noun(before := tok.doc[tok.head.i - 1]):
        return before  # "in an energy policy speech on June 26": the parser may hang "on" on the verb
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return cur
        if head.pos_ in {"VERB", "AUX"}:
            return _event_verb(_governor(tok, head))
        if head.pos_ == "NOUN" and (
            cur.dep_ in {"compound", "nummod", "amod"} or head.lemma_.lower() in ONCE or (day and _event_noun(head))
        ):
            return head
        cur = head
    return clause_head(tok)


def _governor(tok: Token, verb: Token) -> Token:
    """The verb a date belongs to when the parser hangs it on the reported clause: in "said on Tuesday they
    could not confirm" the date sits before that clause's subject, so it dates the saying."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.pos_ not in {"VERB", "AUX"} or not head.i < tok.i < verb.i:
        return verb
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    between = tok.doc[head.i + 1 : tok.i]
    if subj and tok.i < subj[0].left_edge.i and not any(t.dep_ == "mark" or t.lower_ == "that" for t in between):
        return head
    return verb


def _event_verb(verb: Token) -> Token:
    """The event of a causative "have": "had her hair sucked up" is the sucking."""
    if lemma(verb) in {"have", "get"} and verb.pos_ == "VERB":
        for c in verb.children:
            if c.dep_ in {"ccomp", "xcomp"} and c.tag_ == "VBN":
                return c
    return verb


def _event_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and lemma(tok) in EVENT_NOUNS


def _years(doc: Doc) -> list[DateRef]:
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
        # "in May 2014" is a month of a year; "since May 2014" a span, left to the years
        plain = (m.group("prep") or "").strip().lower() in {"", "in", "during", "of"}
        month = MONTHS.index(m.group("month").capitalize()) + 1 if m.group("month") and plain else None
        out.append(DateRef(interval[0], interval[1], start, m.end(), doc.text[start : m.end()], pred, month=month,
                           year=interval[0] if month is not None else None))
    return out


def _word_before(text: str, start: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _not_a_day(text: str, start: int, end: int) -> bool:
    """Whether the date at start..end bounds a span, is a deadline or a habit, or is one of a range or a pair."""
    before = _word_before(text, start)
    if before in NOT_A_DAY or (before == "and" and "between" in text[max(0, start - 40) : start].lower()):
        return True
    return RANGE_AFTER.match(text, end) is not None


def _token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _days(doc: Doc) -> list[DateRef]:
    """Days of the month and weekdays, each with the event it dates."""
    text = doc.text
    out = []
    seen: list[tuple[int, int]] = []
    for m in DAY_DATE.finditer(text):
        seen.append((m.start(), m.end()))
        mg, dg = ("m1", "d1") if m.group("m1") else ("m2", "d2")
        month, day = _token(doc, *m.span(mg)), _token(doc, *m.span(dg))
        if month is None or day is None or _not_a_day(text, m.start(), m.end()):
            continue
        # The parse must join the two ("In March 12 soldiers died": 12 counts soldiers; "Theresa May")
        linked = month.head == day or day.head == month or (month.head.lower_ == "of" and month.head.head == day)
        if not linked or month.pos_ not in {"PROPN", "NOUN"} or month.ent_type_ == "PERSON":
            continue
        wd = _token(doc, *m.span("wd")) if m.group("wd") else None
        anchor = wd if wd is not None else _token(doc, min(m.start(mg), m.start(dg)), max(m.end(mg), m.end(dg)))
        assert anchor is not None  # the month and day tokens are there
        number = re.match(r"\d+", m.group(dg))
        assert number is not None
        out.append(
            DateRef(
                None,
                None,
                m.start(),
                m.end(),
                m.group(0),
                _predicate(anchor, day=True),
                month=next(i for i, name in enumerate(MONTHS, 1) if name[:3] == m.group(mg)[:3]),
                day=int(number.group()),
                year=int(m.group("year")) if m.group("year") else None,
                weekday=WEEKDAYS.index(m.group("wd")) if m.group("wd") else None,
            )
        )
    for m in MONTH_ONLY.finditer(text):
        if any(s <= m.start("m") < e for s, e in seen) or _not_a_day(text, m.start(), m.end()):
            continue
        tok = _token(doc, *m.span("m"))
        if tok is None or tok.ent_type_ in NAMED or tok.pos_ not in {"PROPN", "NOUN"}:
            continue  # "Theresa May"
        seen.append((m.start(), m.end()))
        start = min(m.start(g) for g in ("p1", "p2", "m") if m.group(g))  # "early May", not "in early May"
        out.append(DateRef(None, None, start, m.end(), text[start : m.end()], _predicate(tok, day=True),
                           month=MONTHS.index(m.group("m")) + 1, part=(m.group("p1") or m.group("p2") or "").lower()))
    for m in WEEKDAY_DATE.finditer(text):
        if any(s <= m.start() < e for s, e in seen) or _not_a_day(text, m.start(), m.end()):
            continue
        tok = _token(doc, *m.span())
        if tok is None or tok.ent_type_ in NAMED:
            continue
        # "a Friday" is any Friday, but in "a Saturday trip" the article is the trip's: that trip's day
        dates_a_noun = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1
        if _word_before(text, m.start()) in NOT_THIS_WEEK and not dates_a_noun:
            continue
        out.append(
            DateRef(
                None,
                None,
                m.start(),
                m.end(),
                m.group(0),
                _predicate(tok, day=True),
                weekday=WEEKDAYS.index(m.group(0)),
            )
        )
    return out


def extract(doc: Doc) -> list[DateRef]:
    out = _years(doc)
    for ref in _days(doc):
        over = next((r for r in out if r.start < ref.end and ref.start < r.end), None)
        if over is None:
            out.append(ref)
            continue
        # "January 3, 2015": one date, its year interval from the year pattern, its day from the day pattern
        over.start, over.end = min(over.start, ref.start), max(over.end, ref.end)
        over.text = doc.text[over.start : over.end]
        over.month, over.day, over.year, over.weekday = ref.month, ref.day, ref.year, ref.weekday
        over.predicate = ref.predicate
    return sorted(out, key=lambda r: r.start)


def _args(tok: Token) -> set[str]:
    """Content words of an event's participants (subject, object, possessor; a noun's modifiers), dates left out."""
    args = content_lemmas(subject_of(tok) if tok.pos_ in {"VERB", "AUX"} else tok.subtree) - {lemma(tok)}
    if tok.dep_ == "acl" and tok.pos_ == "VERB" and not args:
        # a verb the parser hangs on the noun before it ("The Farc group disarmed in 2012" read as "the group
        # [that] disarmed"): the noun is the one it is about
        args = content_lemmas(t for t in tok.head.subtree if t.i < tok.i) - {lemma(tok)}
    args |= content_lemmas(c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "poss", "compound"})
    return args - DATE_WORDS  # "the January 3 attack" and "the January 5 attack" share no participant


# Phrasal verbs that name a one-off act ("stood down its fighters", "stepped down", "was set up in 1999", "took
# shape in the 2000s").
PHRASAL = {("stand", "down"): "stand down", ("step", "down"): "step down", ("set", "up"): "set up",
           ("date", "back"): "date back", ("take", "shape"): "take shape", ("kick", "off"): "kick off",
           ("get", "underway"): "get under way"}
# Those of three words, by the two after the verb ("got under way in the late 1980s").
PHRASAL_3 = {("get", "under way"): "get under way"}


def same_act(a: str, b: str) -> bool:
    """Whether two predicate lemmas name one act: the same, or `SYNONYMS` ("demobilize", "lay" down arms)."""
    return a == b or any(a in g and b in g for g in SYNONYMS)


def _event_lemma(tok: Token) -> str:
    """The lemma an event is compared by: "dates back to" as "date back", a beginning ("dated" alone may be
    courting; "dates from 1985" is left alone, its "from" would read as "since"), and the `PHRASAL` verbs with their
    particle ("stood down" its fighters)."""
    la = lemma(tok)
    if tok.pos_ != "VERB":
        return la
    # the parser takes a particle for an adverb or a preposition as often as not ("stood down its fighters")
    # ("took shape": the noun of a verb-and-noun idiom is its object)
    particles = (c.lower_ for c in tok.children if c.dep_ in {"prt", "advmod", "prep", "dobj"} and c.i == tok.i + 1)
    after = " ".join(t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3])
    return PHRASAL_3.get((la, after)) or next((PHRASAL[la, p] for p in particles if (la, p) in PHRASAL), la)


def _same_event(a: Token, b: Token) -> bool:
    la, lb = _event_lemma(a), _event_lemma(b)
    if la in {"be", "have"} or lb in {"be", "have"} or not same_act(la, lb):
        return False
    if _part_of_other(a, b) or _part_of_other(b, a) or _other_roles(a, b) or _other_roles(b, a):
        return False
    args_a, args_b = _args(a), _args(b)
    if not args_a and not args_b and a.pos_ == b.pos_ == "NOUN":
        # "turnout in Tuesday's election" / "… Wednesday's election": no participant named on either side, so
        # what the sentences say about the event tells whether it is one
        return bool(_around(a) & _around(b))
    return bool(args_a & args_b)


def _part_of_other(a: Token, b: Token) -> bool:
    """Whether `a`'s subject is something of `b`'s subject ("the club's boathouse dates back to 1987" against "the
    club was founded in 1952"), a thing its owner is named by, or another kind of it ("the football club"): not the
    same thing."""
    sa, sb = (subject_head(v) if v.pos_ in {"VERB", "AUX"} else None for v in (a, b))
    if sa is None or sb is None:
        return False
    if lemma(sa) == lemma(sb):  # "the football club" against "the rowing club": two kinds of one thing
        kinds_a, kinds_b = ({lemma(c) for c in s.children if c.dep_ == "compound" and c.pos_ == "NOUN"} for s in (sa, sb))
        return bool(kinds_a and kinds_b and not kinds_a & kinds_b)
    return any(c.dep_ == "poss" and lemma(c) == lemma(sb) for c in sa.children)


def _other_roles(a: Token, b: Token) -> bool:
    """Whether an active act's subject is a passive one's subject in another role: "the agency set up a new office"
    is about what the agency made, not when "the agency was set up"."""
    if a.pos_ != "VERB" or b.pos_ != "VERB" or is_passive(a) or not is_passive(b):
        return False
    made = next((c for c in a.children if c.dep_ == "dobj"), None)
    if made is None:
        return False
    done_to = content_lemmas(next((c for c in b.children if c.dep_ == "nsubjpass"), b).subtree) - {lemma(b)}
    return not content_lemmas(made.subtree) & done_to


def _around(noun: Token) -> set[str]:
    """Content words of the clause an event noun is in, the noun and dates left out."""
    return content_lemmas(_clause(clause_head(noun))) - {lemma(noun)} - DATE_WORDS - {"say", "be", "have"}


def _occurrence(tok: Token) -> Token | None:
    """The event noun of a verb that only says it occurred: "the accident happened", "the meeting took place",
    "the election was held"."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    la = lemma(tok)
    light = (
        la in {"happen", "occur"}
        or (la == "take" and any(c.dep_ == "dobj" and lemma(c) == "place" for c in tok.children))
        or (la == "hold" and any(c.dep_ == "auxpass" for c in tok.children))
    )
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj if light and subj is not None and _event_noun(subj) else None


def _clause(tok: Token) -> Iterable[Token]:
    """`tok` and its dependents, without the clauses it embeds (what is said, what followed)."""
    yield tok
    for c in tok.children:
        if c.dep_ in {"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"} and c.pos_ in {"VERB", "AUX"}:
            continue
        yield from _clause(c)


def _describes(noun: Token, event: Token) -> bool:
    """Whether "the robot vacuum accident" (`noun`, subject of "happened") names the event of `event`'s clause."""
    le = lemma(event)
    if le in {"be", "have"} | REPORTING:
        return False
    words = content_lemmas(_clause(event)) - DATE_WORDS
    description = content_lemmas(noun.subtree) - {lemma(noun)} - DATE_WORDS
    # The event named by the verb ("a train crashed") or by its subject or object ("a fire broke out", "launched
    # an attack"); "opened fire at a school" is a shooting, not "the school fire".
    named = {
        lemma(c)
        for c in event.children
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and not (le == "open" and lemma(c) == "fire")
    }
    if lemma(noun) in named or le in EVENT_NOUNS[lemma(noun)]:
        return bool(description & words)  # "the Lyon crash" / "a train crashed near Lyon"
    if lemma(noun) in VAGUE_EVENTS:
        common = content_lemmas(t for t in noun.subtree if t.pos_ != "PROPN") - {lemma(noun)} - DATE_WORDS
        return len(common & words) >= 2
    return False


def _same_day_event(a: Token, b: Token) -> tuple[bool, bool]:
    """Whether two dated predicates are one event, and whether that rests on a verb of occurrence."""
    na, nb = _occurrence(a), _occurrence(b)
    if na is not None and nb is not None:
        # "the bus crash happened" / "the train crash happened": the descriptions must share a word, or both be
        # bare ("the election was held"), as two subjects "the talks" make one event of "the talks opened"
        da = content_lemmas(na.subtree) - {lemma(na)} - DATE_WORDS
        db = content_lemmas(nb.subtree) - {lemma(nb)} - DATE_WORDS
        return lemma(na) == lemma(nb) and (bool(da & db) or not da | db), True
    if na is not None:
        return _describes(na, b), True
    if nb is not None:
        return _describes(nb, a), True
    return _same_event(a, b), False


def _instance(tok: Token) -> Literal["one", "some", "many"]:
    """What the event of `tok` (an event noun, or a verb's theme) happens to: one thing ("the bridge",
    "her hair", "the talks"), some one ("a soldier"), or many ("Israeli strikes", "20 people")."""
    noun = tok if _event_noun(tok) else _occurrence(tok)
    if noun is None:
        noun = _theme(tok) if tok.pos_ in {"VERB", "AUX"} else None
    if noun is None or noun.pos_ in {"PROPN", "PRON"}:
        return "one"
    dets = [c for c in noun.children if c.dep_ in {"det", "poss"}]
    if any(c.dep_ == "poss" or c.lower_ in {"the", "this", "that", "these", "those"} for c in dets):
        return "one"
    if any(c.lower_ in {"some", "several", "many", "few"} for c in dets):
        return "many"
    if noun.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "nummod" for c in noun.children):
        return "many"
    return "some" if any(c.lower_ in {"a", "an", "another"} for c in dets) else "one"


def _theme(verb: Token) -> Token | None:
    """What an event happens to: the object, else the passive or intransitive subject (borrowed for "and resigned")."""
    for dep in ("dobj", "nsubjpass", "nsubj"):
        found = [c for c in verb.children if c.dep_ == dep]
        if found:
            return found[0]
    subj = subject_of(verb)
    return next((t for t in subj if t.head not in subj or t.head.i == t.i), None)


def _one_off_day(s: Token, t: Token) -> bool:
    """Whether two dated mentions of one event name an event that happens once, so that two days contradict.
    A ONCE verb or an event noun does, unless it happens to many ("Israeli strikes killed 20 people on Monday",
    "… 15 people on Tuesday" are two days of strikes) or to some one on each side ("a soldier was killed")."""
    if not any(lemma(p) in ONCE or _event_noun(p) or _occurrence(p) is not None for p in (s, t)):
        return False
    amounts = {_instance(s), _instance(t)}
    return "many" not in amounts and amounts != {"some"}


def _day_relation(s: DateRef, t: DateRef) -> DayRelation | None:
    """How the statement's day stands to the source's: a month-day against a month-day, a weekday against a
    weekday; None when they cannot be compared (a weekday against a month-day, a year)."""
    if s.month is not None and t.month is not None and (s.day is None or t.day is None):
        # a month given alone ("in early May") against a month or a day of one
        if s.month != t.month and (s.year is None or t.year is None or s.year == t.year):
            return "differ"
        if s.month != t.month:
            return None
        if (s.day is None and t.day is not None) or (t.part and not s.part):
            return "vaguer"  # "in May" against "on May 3" or "in early May"
        return "same" if not (s.part and t.part and s.part != t.part) else None
    if s.day is not None and t.day is not None:
        if (s.month, s.day) != (t.month, t.day):
            return "differ"
        if s.year is not None and t.year is not None and s.year != t.year:
            return "differ"
        if s.weekday is not None and t.weekday is not None and s.weekday != t.weekday:
            return "differ"
        return "unconfirmed" if t.year is not None and s.year is None else "same"
    if s.weekday is not None and t.weekday is not None:
        return "same" if s.weekday == t.weekday else "differ"
    return None


def _compare(src: Doc, stmt: Doc, s: DateRef, t: DateRef) -> Finding | None:
    """The finding on one source date and one statement date, if they date the same event."""
    event = s.predicate.text
    relation: Relation
    blocks: Literal["support"] | None = None
    confidence = 0.7
    note = ""
    day = _day_relation(s, t)
    if day is not None:
        same, occurrence = _same_day_event(s.predicate, t.predicate)
        if not same:
            return None
        once = _one_off_day(s.predicate, t.predicate)
        if day == "same":
            relation = "supports"
        elif day == "unconfirmed":
            relation, note = "neutral", " (the source gives no year)"
        elif day == "vaguer":
            relation, note = "neutral", " (the source is less precise)"
        elif once:
            relation, confidence = "contradicts", 0.8 if occurrence else 0.9
        else:
            # said on Tuesday, said again on Wednesday: not a contradiction, but no confirmation of the day either
            relation, blocks, note = "neutral", "support", " (the event may recur; the source does not confirm the day)"
    elif s.lo is not None and s.hi is not None and t.lo is not None and t.hi is not None:
        if not _same_event(s.predicate, t.predicate):
            return None
        once = _event_lemma(s.predicate) in ONCE or _event_lemma(t.predicate) in ONCE
        if s.hi < t.lo or t.hi < s.lo:
            relation = "contradicts" if once else "neutral"
        elif t.lo <= s.lo and s.hi <= t.hi:
            relation = "supports"
        else:
            relation = "neutral"
        if relation == "contradicts":
            confidence = 0.9
        elif relation == "neutral" and not once:
            note = " (the event may recur)"
            if s.hi < t.lo or t.hi < s.lo:
                # cut staff in 1993, and maybe again in 2003: but this sentence does not confirm 2003
                blocks, note = "support", " (the event may recur; the source does not confirm the date)"
        if relation == "supports" and (t.day is not None or t.weekday is not None):
            relation, note = "neutral", " (the source gives no day)"  # the year agrees; the day is the statement's
    else:
        return None
    if relation == "contradicts":
        blocks = "support"  # a one-off event dated otherwise: whatever else the sentence shares, not this fact
    return Finding(
        rule="dates",
        relation=relation,
        explanation=f"the source dates “{event}” to {s.text}; the statement says {t.text}{note}",
        source_span=make_span(src, s.start, s.end),
        statement_span=make_span(stmt, t.start, t.end),
        confidence=confidence,
        blocks=blocks,
    )


def check_dates(src: Doc, stmt: Doc) -> list[Finding]:
    """Compare the days and years given for the same event."""
    findings = []
    src_dates = [d for d in extract(src) if not is_hedged(d.predicate)]
    for t in extract(stmt):
        if is_hedged(t.predicate):
            continue
        # The first source event that matches decides; of the dates it has ("on January 3 and February 5"), one
        # that agrees with the statement wins.
        best: tuple[int, Finding] | None = None
        for s in src_dates:
            found = _compare(src, stmt, s, t)
            if found is None:
                continue
            if best is None:
                best = (s.predicate.i, found)
            elif s.predicate.i == best[0] and found.relation == "supports" and best[1].relation != "supports":
                best = (best[0], found)
        if best is not None:
            findings.append(best[1])
        elif _undated(src, t):
            findings.append(Finding(
                rule="dates", relation="neutral", confidence=0.7, blocks="support",
                explanation=f"{NO_DATE} “{t.text}”", statement_span=make_span(stmt, t.start, t.end)))
    return findings + check_order(src, stmt)


NO_DATE = "the source sentence gives no date for the statement's"


def settle_dates(evidence: Sequence[Evidence], document_words: Callable[[Evidence], frozenset[str]] | None = None,
                 ) -> None:
    """Across one statement's evidence: a statement year one sentence of a document does not give and another
    sentence of it does ("in 2024" against the sentence giving the 2024 figure) no longer keeps the first from
    supporting the rest: the statement puts together what the document says in two places. Another sentence is a
    scored one, or with `document_words` (an item → the words of its whole document, as "~word", the coverage
    check's `source_names`) any sentence of the document: the one giving the year need not be retrieved."""
    undated = {key for ev in evidence for f in ev.findings if (key := _undated_key(ev, f))}
    given = {key for key in undated for ev in evidence if ev.source == key[0] and ev.probabilities is not None
             and not any(f.rule == "dates" and f.explanation.startswith(NO_DATE) and f.statement_span is not None
                         and (f.statement_span.start, f.statement_span.end) == key[1:] for f in ev.findings)}
    if document_words is not None:
        given |= {key for ev in evidence for f in ev.findings if (key := _undated_key(ev, f)) and f.statement_span
                  and _gives_year(document_words(ev), f.statement_span.text)}
    if not given:
        return
    for ev in evidence:
        ev.findings = [f.model_copy(update={"blocks": None, "explanation": f"{f.explanation}; another sentence of "
                                            "the source gives it"})
                       if _undated_key(ev, f) in given else f for f in ev.findings]


def _undated_key(ev: Evidence, f: Finding) -> tuple[str, int, int] | None:
    """(document, statement span) of a finding that a statement year keeps `ev` from supporting (`NO_DATE`)."""
    if f.rule != "dates" or f.blocks != "support" or f.statement_span is None or not f.explanation.startswith(NO_DATE):
        return None
    return ev.source, f.statement_span.start, f.statement_span.end


def _gives_year(words: frozenset[str], date: str) -> bool:
    """Whether a document's words ("~2014", "~1990s") give a year of a statement's date ("in May 2014", "the
    1990s": any year of the decade)."""
    for year, decade in re.findall(r"\b(\d{4})(s?)\b", date):
        years = [str(int(year) + i) for i in range(10)] if decade else [year]
        if any(f"~{y}" in words for y in years) or (decade and f"~{year}s" in words):
            return True
    return False


def _undated(src: Doc, t: DateRef) -> bool:
    """Whether a statement's year (or decade) is one the source sentence gives nowhere, nor the sentence before it
    that it refers back to: that sentence cannot confirm it ("came to an end in 2015" against "the Farc …
    demobilized in 2016")."""
    if t.lo is None or t.hi is None or t.hi - t.lo > 9:  # a day without a year, or an open end ("since 2010")
        return False
    if any(s.lo is not None and s.hi is not None and s.lo <= t.hi and t.lo <= s.hi for s in extract(src)):
        return False
    before = src._.before_numbers if Doc.has_extension("before_numbers") else frozenset()
    return not any(str(year) in before or f"{year}s" in before for year in range(t.lo, t.hi + 1))

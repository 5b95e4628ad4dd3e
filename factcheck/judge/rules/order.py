"""Order of events: which of two events came first ("this move followed Petro's accusations" against "the
suspension of payments preceded Petro's accusations").

Each text gives ordered pairs (earlier, later) of event words: "A followed B" / "A preceded B" (and their passives),
"A came after / before B", an act "after" or "before" another ("halted payments before Petro accused…",
"suspended after the accusations", "before Petro made his accusations"), "A led to B" / "…, leading to B". Two pairs
are about the same two events when their heads name them (the same lemma, a verb and its noun: "accused" and
"accusations", or two words for one act of saying someone did wrong: "claimed" and "accusations"); a demonstrative
description ("this move") stands for whichever event the other head does not name. The statement contradicts
when it puts the source's later event first; a negated or hedged order ("may follow") says nothing. Read by the
dates rule (its findings are the dates rule's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    DEMONSTRATIVES,
    GENERIC,
    is_hedged,
    is_passive,
    lemma,
    names,
    negation_of,
    same_stem,
    token_span,
)
from factcheck.results import Finding

# Verbs whose subject comes after (or before) their object; "A led to B" puts A first.
AFTER_VERBS = frozenset({"follow"})
BEFORE_VERBS = frozenset({"precede"})
CAUSE_VERBS = frozenset({"lead", "result"})  # "led to", "resulted in": the cause is earlier


class Order(NamedTuple):
    earlier: Token
    later: Token
    word: Token  # the word that orders them ("followed", "before")


def _object(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    """The event a preposition introduces: its object, or the clause it opens ("before Petro accused…")."""
    return _object(prep, {"pobj", "pcomp"})


def _event(tok: Token | None) -> Token | None:
    """The head word of an event: a noun or verb that is not generic ("this move" stays: it refers back)."""
    if tok is None or tok.pos_ not in {"NOUN", "VERB", "PROPN"}:
        return None
    if lemma(tok) in GENERIC and not _refers_back(tok):
        return None
    return tok


def _refers_back(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children)


def _said_plainly(verb: Token) -> bool:
    return negation_of(verb) is None and not is_hedged(verb)


def orders(doc: Doc) -> Iterator[Order]:
    """The (earlier, later) event pairs a text states."""
    for tok in doc:
        la = lemma(tok)
        if tok.pos_ == "VERB" and la in AFTER_VERBS | BEFORE_VERBS and _said_plainly(tok):
            passive = is_passive(tok)
            subject = _event(_object(tok, {"nsubj", "nsubjpass"}))
            agent = _object(tok, {"agent"})
            other = _event(_pobj(agent) if passive and agent is not None else _object(tok, {"dobj"}))
            if subject is None or other is None:
                continue
            first_is_subject = (la in BEFORE_VERBS) != passive
            yield Order(subject, other, tok) if first_is_subject else Order(other, subject, tok)
        elif tok.dep_ == "prep" and tok.lower_ in {"after", "before"} or (
                tok.dep_ == "mark" and tok.lower_ in {"after", "before"}):
            yield from _around(tok)
        elif tok.pos_ == "VERB" and la in CAUSE_VERBS and _said_plainly(tok):
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "in"}), None)
            later = _event(_pobj(prep)) if prep is not None else None
            cause = _object(tok, {"nsubj"}) if tok.dep_ != "advcl" else tok.head
            earlier = _event(cause)
            if earlier is not None and later is not None:
                yield Order(earlier, later, tok)


def _around(word: Token) -> Iterator[Order]:
    """The pair an "after" / "before" orders: the act it hangs on, and its object or clause ("came after X"
    is the subject's)."""
    if word.dep_ == "mark":  # "before Petro accused …": the clause is the other event, its head the act
        other, act = _event(_act(word.head)), word.head.head
    else:
        other, act = _event(_pobj(word)), word.head
    if act.dep_ == "ROOT" and act.pos_ == "NOUN":  # a sentence read without a verb: "The US suspended payments …"
        # parsed as a noun phrase, its verb an adjective of the object
        act = next((c for c in act.children if c.dep_ == "amod" and c.pos_ == "VERB" and c.i < act.i), act)
    if act.pos_ not in {"VERB", "AUX"} or not _said_plainly(act):
        return
    event = _event(_act(act))
    if event is None or other is None:
        return
    yield Order(other, event, word) if word.lower_ == "after" else Order(event, other, word)


OCCUR = frozenset({"come", "happen", "occur", "be", "begin", "start", "take"})
# Verbs that lend their clause to the act their object names: "before Petro made his accusations".
LIGHT = frozenset({"make", "level", "lodge", "issue", "voice", "file", "raise"})


def _act(verb: Token) -> Token | None:
    """The event a clause tells: its verb, or the subject of a verb that only says it occurred ("the suspension came
    after …", "after the flooding began"), or the object of a light verb ("before Petro made his accusations")."""
    if verb.pos_ in {"VERB", "AUX"} and lemma(verb) in OCCUR:
        return _object(verb, {"nsubj", "nsubjpass"})
    if verb.pos_ == "VERB" and lemma(verb) in LIGHT:
        return _object(verb, {"dobj"}) or verb
    return verb


# Words for one act of saying someone did wrong: Petro "claimed" US officials were involved = his "accusations".
ACCUSING = frozenset({"accuse", "accusation", "claim", "allege", "allegation", "charge"})


def _same(a: Token, b: Token) -> bool:
    """Whether two heads name one event: the same lemma, a verb and its noun ("accused", "accusations"), or two words
    for one accusation ("claimed", "accusations")."""
    la, lb = lemma(a), lemma(b)
    return la == lb or same_stem(la, lb) or {la, lb} <= ACCUSING


def _maps(stmt: tuple[Token, Token], src: tuple[Token, Token], back: bool) -> bool:
    """Whether the statement's two events are the source's two, in that order: one head named by the other text's
    head, the other named too or (with `back`: the texts name the same actors) standing against a description that
    refers back."""
    (a, b), (x, y) = stmt, src
    named = [_same(a, x), _same(b, y)]
    if all(named):
        return True
    if not back:
        return False
    if named[0] and not _same(b, x):
        return _refers_back(y) or _refers_back(b)
    if named[1] and not _same(a, y):
        return _refers_back(x) or _refers_back(a)
    return False


def check_order(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement puts first the event the source puts later."""
    stmt_orders = [t for t in orders(stmt) if not _same(t.earlier, t.later)]
    src_orders = [s for s in orders(src) if not _same(s.earlier, s.later)] if stmt_orders else []
    if not src_orders:
        return []
    back = bool(names(src) & names(stmt)) or _shares_antecedents(src, stmt)
    for t in stmt_orders:
        pair = (t.earlier, t.later)
        for s in src_orders:
            if _maps(pair, (s.later, s.earlier), back) and not _maps(pair, (s.earlier, s.later), back):
                return [Finding(
                    rule="dates", relation="contradicts",
                    explanation=f"the source puts “{s.earlier.text}” before “{s.later.text}”; the statement puts "
                                f"“{t.earlier.text}” before “{t.later.text}”, the other way round",
                    source_span=token_span([s.word]), statement_span=token_span([t.word]), confidence=0.8)]
    return []


def _shares_antecedents(src: Doc, stmt: Doc) -> bool:
    before = set(src._.antecedents) if Doc.has_extension("antecedents") else set()
    return bool(before & names(stmt))

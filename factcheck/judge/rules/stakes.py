"""Who gains and who loses: the same party better off in one text and worse off in the other ("organized crime groups
stand to benefit" against "a weaker alliance would hurt organised crime groups"; "leaving both Colombia and the United
States vulnerable" against "would leave both countries safer").

A party is better or worse off as the subject of a verb of gaining or losing ("benefit", "profit"; "suffer", "lose
out"), the
object of a verb that helps or harms it ("help", "strengthen"; "hurt", "weaken"), the object of "leave" / "make"
with an adjective of safety or harm ("safer"; "vulnerable"), or after a noun of a setback or a gain ("deal a blow to",
"a boon for"). Two parties are one when their nouns or names overlap, or
when one is "both countries" and the other names two countries. A prediction ("could", "would") is compared only with
a prediction ("will" is one too), a fact with a fact; a negated clause says nothing. Read by the polarity rule (its findings are
polarity's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    GENERIC,
    is_hedged,
    is_passive,
    lemma,
    negation_of,
    subject_head,
    token_span,
)
from factcheck.results import Finding

GAIN = frozenset({"benefit", "profit", "gain", "thrive", "prosper"})  # the subject is better off
SUFFER = frozenset({"suffer"})  # the subject is worse off
SUFFER_OUT = frozenset({"lose", "miss"})  # with "out": "crime groups would lose out"
HELP = frozenset({"benefit", "help", "strengthen", "bolster", "boost", "favour", "favor", "protect", "enrich"})
HARM = frozenset({"hurt", "harm", "damage", "weaken", "undermine", "endanger", "cripple", "impoverish", "punish"})
LEAVE = frozenset({"leave", "make", "render", "keep"})
BETTER = frozenset({"safe", "secure", "strong", "stronger", "safer", "better", "rich", "richer", "protected"})
WORSE = frozenset({"vulnerable", "weak", "weaker", "exposed", "worse", "poor", "poorer", "insecure", "unsafe"})
# Nouns of a setback or a gain for the party after "to"/"for": "deal a blow to organised crime", "a boon for exporters".
HARM_NOUNS = frozenset({"blow", "setback"})
HELP_NOUNS = frozenset({"boost", "boon", "windfall", "lifeline"})
PAIRS = frozenset({"country", "nation", "government", "side", "state", "ally", "partner"})
HEDGES = frozenset({"potentially", "possibly", "perhaps", "maybe", "likely"})
FUTURE = frozenset({"will", "'ll", "’ll", "shall"})


class Stake(NamedTuple):
    party: Token
    better: bool
    word: Token
    predicted: bool


def _predicted(verb: Token) -> bool:
    """Whether an outcome is said as a prediction or possibility: a modal or a hedging adverb on its verb or on the
    verbs it hangs on ("could have …, potentially leaving …", "stand to benefit")."""
    cur = verb
    for _ in range(4):
        if is_hedged(cur) or any(c.dep_ == "advmod" and c.lower_ in HEDGES or c.dep_ == "aux" and c.lower_ in FUTURE
                                 for c in cur.children) \
                or lemma(cur) == "stand" and any(c.dep_ == "xcomp" for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ not in {"xcomp", "advcl", "conj", "ccomp"}:
            return False
        cur = cur.head
    return False


def _noun_stakes(doc: Doc) -> Iterator[Stake]:
    """Parties after a noun of a setback or a gain: "would deal a blow to X", "was a boon for Y"."""
    for noun in doc:
        if noun.pos_ != "NOUN" or lemma(noun) not in HARM_NOUNS | HELP_NOUNS or noun.dep_ not in {"dobj", "attr"}:
            continue
        verb = noun.head
        if negation_of(verb) is not None or negation_of(noun) is not None:
            continue
        party = next((g for holder in (noun, verb) for c in holder.children
                      if c.dep_ == "prep" and c.lower_ in {"to", "for"} for g in c.children if g.dep_ == "pobj"), None)
        if party is not None:
            yield Stake(party, lemma(noun) in HELP_NOUNS, noun, _predicted(verb))


def stakes(doc: Doc) -> Iterator[Stake]:
    """Every party a text says is better or worse off."""
    yield from _noun_stakes(doc)
    for verb in doc:
        if verb.pos_ != "VERB" or negation_of(verb) is not None:
            continue
        la = lemma(verb)
        passive = is_passive(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subj = subject_head(verb)  # "crime groups stand to benefit": the subject of "stand"
        predicted = _predicted(verb)
        out = la in SUFFER_OUT and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
        if (la in GAIN | SUFFER or out) and obj is None and subj is not None and not passive:
            yield Stake(subj, la in GAIN, verb, predicted)
        elif la in HELP | HARM:
            party = subj if passive else obj
            if party is not None:
                yield Stake(party, la in HELP, verb, predicted)
        elif la in LEAVE and obj is not None:
            how = next((c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}
                        and c.lower_ in BETTER | WORSE), None)
            if how is not None:
                yield Stake(obj, how.lower_ in BETTER, how, predicted)


def _words(party: Token) -> set[str]:
    """Content lemmas of a party: its head, the nouns and names before it, and the parties joined to it."""
    out = set()
    for tok in (party, *party.conjuncts):
        out |= {lemma(t) for t in tok.subtree if t.pos_ in {"NOUN", "PROPN"} and t.i <= tok.i} - GENERIC
    return out


def _said(party: Token) -> str:
    """A party as written: its words up to its head, and the parties joined to it ("both Colombia and the United
    States")."""
    last = max((party, *party.conjuncts), key=lambda t: t.i)
    return party.doc[party.left_edge.i : last.i + 1].text


def _names(party: Token) -> list[Token]:
    return [t for t in (party, *party.conjuncts) if t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "ORG", "NORP"}]


def _both(party: Token) -> bool:
    """"both countries", "the two sides": a pair of parties not named."""
    return lemma(party) in PAIRS and any(c.lower_ in {"both", "two"} for c in party.children)


def same_party(a: Token, b: Token) -> bool:
    if _both(a) and len(_names(b)) == 2 or _both(b) and len(_names(a)) == 2:
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa & wb) and lemma(a) == lemma(b) or bool(wa and wb and (wa <= wb or wb <= wa))


def check_stakes(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement makes worse off a party the source makes better off, or the other way round."""
    src_stakes = list(stakes(src))
    for t in stakes(stmt):
        for s in src_stakes:
            if s.better != t.better and s.predicted == t.predicted and same_party(s.party, t.party):
                how = ("better", "worse") if s.better else ("worse", "better")
                return [Finding(
                    rule="polarity", relation="contradicts",
                    explanation=f"the source says {_said(s.party)} {'would be' if s.predicted else 'is'} {how[0]} off "
                                f"(“{s.word.text}”); the statement says {how[1]} off (“{t.word.text}”)",
                    source_span=token_span([s.word]), statement_span=token_span([t.word]), confidence=0.75)]
    return []

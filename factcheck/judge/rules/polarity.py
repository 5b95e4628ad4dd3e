"""Polarity: the same predicate asserted in one text and negated in the other, or replaced by its
opposite ("suspended" vs "increased" payments, "weakened" vs "strengthened": the [predicates] of
data/opposites.txt).

Predicates are aligned by lemma (verbs, and event nouns such as "suspension") and by a shared
argument word; hedged clauses ("may not") are skipped.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    ACTOR_LABELS,
    content_lemmas,
    is_hedged,
    lemma,
    negation_of,
    subject_of,
    token_span,
)
from factcheck.judge.rules.lexicon import aliases, opposites
from factcheck.judge.rules.patterns import MONTH_WORDS, YEAR
from factcheck.results import Finding

# Event nouns read as their verbs, so "the suspension of payments" meets "suspended payments".
NOMINAL = {
    "suspension": "suspend",
    "increase": "increase",
    "reduction": "reduce",
    "cancellation": "cancel",
    "expansion": "expand",
    "approval": "approve",
    "rejection": "reject",
    "weakening": "weaken",
    "strengthening": "strengthen",
    "cut": "cut",
    "withdrawal": "withdraw",
    "ban": "ban",
    "criticism": "criticize",
    "praise": "praise",
    "rise": "rise",
    "fall": "fall",
    "decline": "decline",
    "growth": "grow",
    "drop": "drop",
    "dismantling": "dismantle",
    "support": "support",
    "opposition": "oppose",
    "victory": "win",
    "defeat": "lose",
    "denial": "deny",
    "confirmation": "confirm",
    "improvement": "improve",
    "deterioration": "deteriorate",
    "closure": "close",
    "opening": "open",
}


def _predicates(doc: Doc) -> list[tuple[str, Token, set[str], set[str]]]:
    """(verb lemma, token, subject words, object words) for every verb and event noun."""
    out: list[tuple[str, Token, set[str], set[str]]] = []
    for tok in doc:
        me = {lemma(tok)}
        if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.tag_ in {"VBN", "VBD"}:
            # "increased payments": the participle says what happened to its noun
            out.append((lemma(tok), tok, set(), content_lemmas(tok.head.subtree) - me))
        elif tok.pos_ == "VERB" and tok.dep_ != "compound":
            subj_words = content_lemmas(subject_of(tok))
            obj = [t for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr", "dative"} for t in c.subtree]
            obj += [
                t for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj" for t in g.subtree
            ]
            # "criticized these actions": what the object refers back to is in another sentence, so the
            # object cannot be compared and the subject decides
            refers_back = any(t.dep_ == "det" and t.lower_ in {"this", "these", "those"} for t in obj) or (
                bool(obj) and all(t.pos_ == "PRON" for t in obj))
            out.append((lemma(tok), tok, subj_words - me, {REFERS_BACK} if refers_back else content_lemmas(obj) - me))
        elif tok.pos_ == "NOUN" and lemma(tok) in NOMINAL:
            subj = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree]
            obj = [t for c in tok.children if c.dep_ in {"prep", "compound"} for t in c.subtree]
            out.append((NOMINAL[lemma(tok)], tok, content_lemmas(subj) - me, content_lemmas(obj) - me))
    return out


REFERS_BACK = "<refers back>"  # an object word list standing for "these actions", "them"


def _aligned(s_subj: set[str], s_obj: set[str], t_subj: set[str], t_obj: set[str], src_words: set[str]) -> set[str]:
    """Shared argument words when the two predicates are about the same thing, else empty.

    The object decides when both have one ("weaken the Farc" is not "bolster security forces");
    otherwise the subject does. A source object that refers back ("criticized these actions") is taken
    to be the statement's only when the statement's object shares a word with the source sentence.
    """
    if REFERS_BACK in s_obj:
        return s_subj & t_subj if t_obj & src_words else set()
    if s_obj and t_obj:
        return s_obj & t_obj
    if s_obj or t_obj:
        return (s_subj & t_subj) if not (s_subj and t_subj) or (s_subj & t_subj) else set()
    return s_subj & t_subj


OTHER_CLAUSES = {"conj", "advcl", "parataxis", "ccomp", "relcl"}


def _specifiers(tok: Token) -> tuple[set[str], set[str]]:
    """(names, times) in a predicate's own clause: "sales in Ohio fell in 2021" → ({ohio}, {2021}), without the
    clauses joined to it ("…, while sales in Texas rose"); names through the alias table ("US" = "United States")."""
    head = tok.head if tok.dep_ == "amod" else tok
    alias = aliases()
    found: set[str] = set()
    times: set[str] = set()
    stack = [head]
    while stack:
        cur = stack.pop()
        if cur.lower_ in MONTH_WORDS or (cur.like_num and re.fullmatch(YEAR, cur.text)):
            times.add(cur.lower_)
        elif cur.pos_ == "PROPN" or cur.ent_type_ in ACTOR_LABELS:
            ent = next((e for e in cur.doc.ents if e.start <= cur.i < e.end), None)
            text = ent.text.lower().removeprefix("the ") if ent is not None else cur.lower_
            found.add(alias.get(text, alias.get(cur.lower_, text)))
        stack.extend(c for c in cur.children if c.dep_ not in OTHER_CLAUSES or cur.i != head.i)
    return found, times


def _about_other_things(s_tok: Token, t_tok: Token) -> bool:
    """Both clauses name who/where (or when), and none of it is shared: two facts about different things
    ("sales in Ohio fell" and "sales in Texas rose"; "fell in 2021" and "rose in 2022")."""
    (s_names, s_times), (t_names, t_times) = _specifiers(s_tok), _specifiers(t_tok)
    return bool(s_names and t_names and not s_names & t_names) or bool(s_times and t_times and not s_times & t_times)


def _verb_negation(tok: Token) -> Token | None:
    return negation_of(tok) if tok.pos_ == "VERB" else None


def check_polarity(src: Doc, stmt: Doc) -> list[Finding]:
    """Find a predicate negated, or replaced by its opposite, between source and statement."""
    findings = []
    src_preds = [p for p in _predicates(src) if not is_hedged(p[1])]
    src_words = content_lemmas(src)
    opposed = opposites("predicates")
    for t_lemma, t_tok, t_subj, t_obj in _predicates(stmt):
        if is_hedged(t_tok):
            continue
        aligned = [(s_lemma, s_tok, _aligned(s_subj, s_obj, t_subj, t_obj, src_words))
                   for s_lemma, s_tok, s_subj, s_obj in src_preds]
        aligned = [a for a in aligned if a[2] and not _about_other_things(a[1], t_tok)]
        t_neg = _verb_negation(t_tok)
        # the source says it both ways ("men refusing to sit … so that the men won't have to sit"): the statement
        # agrees with one of them, and a negation found in the other is no contradiction
        agrees = any(s_lemma == t_lemma and (_verb_negation(s_tok) is None) == (t_neg is None)
                     for s_lemma, s_tok, _ in aligned)
        for s_lemma, s_tok, shared in aligned:
            s_neg = _verb_negation(s_tok)
            if s_lemma == t_lemma and (s_neg is None) != (t_neg is None) and not agrees:
                neg = s_neg if s_neg is not None else t_neg
                assert neg is not None
                side = "source" if s_neg is not None else "statement"
                findings.append(
                    Finding(
                        rule="polarity",
                        relation="contradicts",
                        explanation=f"the {side} negates “{neg.text} … {(s_tok if s_neg else t_tok).text}”; "
                        f"the other text asserts it (about {', '.join(sorted(shared))})",
                        source_span=token_span([s_tok] + ([s_neg] if s_neg is not None else [])),
                        statement_span=token_span([t_tok] + ([t_neg] if t_neg is not None else [])),
                        confidence=0.8,
                    )
                )
                break
            if t_lemma in opposed.get(s_lemma, ()) and (s_neg is None) == (t_neg is None):
                findings.append(
                    Finding(
                        rule="polarity",
                        relation="contradicts",
                        explanation=f"the source says “{s_tok.text}”; the statement says the opposite, "
                        f"“{t_tok.text}” (about {', '.join(sorted(shared))})",
                        source_span=token_span([s_tok]),
                        statement_span=token_span([t_tok]),
                        confidence=0.75,
                    )
                )
                break
    return findings

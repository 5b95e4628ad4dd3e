"""Antonyms: a word in the statement that is the opposite of a word in the source playing the same
role ("left-wing President Petro" vs "Petro is a conservative politician").

The lexicon is curated (the [words] of data/opposites.txt) plus a few phrase-level opposites. A pair
counts only when both words describe the same thing: the same head noun, the same named entity
(through a copula or a compound chain) or the same governor, and neither clause is negated.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    GENERIC,
    is_hedged,
    lemma,
    make_span,
    names,
    negation_of,
    subject_of,
    token_span,
)
from factcheck.judge.rules.lexicon import opposites
from factcheck.judge.rules.patterns import DATE_WORDS
from factcheck.results import Finding

MEASURES = {"level", "rate", "amount", "number", "price", "cost", "figure", "share", "proportion", "percentage",
            "degree", "speed", "pace", "value", "volume", "score", "temperature", "sum", "margin", "tension"}
# Phrases whose opposite is not one word: (source side, statement side), matched either way round,
# and only when the two texts are about the same named actors.
PHRASES = [
    (
        r"\b(opposing|opposite|rival|different|divergent)\s+(political\s+)?(ideolog\w*|sides?|camps?|views|parties)",
        r"\bsame\s+(side|political|ideolog\w*|camp|party|views)|\bshare\s+(a|the\s+same|similar)\s+(political\s+)?"
        r"(ideolog\w*|views|outlook)|\blike-minded|\bideological\s+allies",
    ),
    (
        r"\b(clash\w*|tensions?|friction|strain\w*|feud\w*|rift)\b",
        r"\b(harmonious|cordial|friction-free|smooth|untroubled|amicable)\s+(relations\w*|ties|partnership)",
    ),
    (
        r"\bhistorically\s+high\b|\brecord\s+(high|levels?)\b|\bhigh\s+levels?\b",
        r"\b(lowest|record\s+low|historic(ally)?\s+low)\b",
    ),
]


def _terms(doc: Doc) -> list[tuple[str, Token, list[Token]]]:
    """(lexicon term, anchor token, tokens of the term) for every lexicon word in a Doc."""
    lex = opposites("words")
    out = []
    for tok in doc:
        # "left-wing": three tokens, anchored on "wing"
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            compound = f"{tok.lower_}-{doc[tok.i + 2].lower_}"
            if compound in lex:
                out.append((compound, doc[tok.i + 2], [tok, doc[tok.i + 2]]))
                continue
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and f"{doc[tok.i - 2].lower_}-{tok.lower_}" in lex:
            continue
        if tok.pos_ in {"ADJ", "NOUN", "ADV"} or (tok.pos_ == "VERB" and tok.dep_ in {"amod", "acomp"}):
            for word in (tok.lower_, lemma(tok)):
                if word in lex:
                    out.append((word, tok, [tok]))
                    break
    return out


def _target(tok: Token) -> set[str]:
    """Lemmas of what a word describes: its head noun chain, and the subject where a copula links them."""
    out: set[str] = set()
    cur = tok
    while cur.dep_ in {"amod", "compound", "advmod", "npadvmod"} and cur.head.i != cur.i:
        cur = cur.head
        out.add(lemma(cur))
    head = cur if cur.i != tok.i else tok.head
    out |= {lemma(c) for c in head.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"}
    out.add(lemma(head))
    if head.dep_ in {"attr", "acomp", "oprd"} or tok.dep_ in {"acomp", "oprd", "attr"}:
        verb = head.head if head.dep_ in {"attr", "acomp", "oprd"} else tok.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out |= {lemma(t) for t in c.subtree if t.pos_ in {"NOUN", "PROPN"}}
    if head.dep_ == "pobj" and head.head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out |= {lemma(t) for t in c.subtree if t.pos_ in {"NOUN", "PROPN"}}
    return out - GENERIC - {lemma(tok)}


def _clause_negated(tok: Token) -> bool:
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"} and (negation_of(cur) is not None or is_hedged(cur)):
            return True
        if any(c.dep_ == "neg" for c in cur.children):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _restrictive(tok: Token) -> bool:
    """An adjective that picks out a kind of a plural or date noun rather than describing one thing: "severe
    cases", "pregnant women", "late January" name subsets and times, so "mild cases" elsewhere is no opposite."""
    head = tok.head
    if tok.dep_ != "amod" or head.i == tok.i:
        return False
    if head.ent_type_ in {"DATE", "TIME"} or head.lower_ in DATE_WORDS:
        return True
    # "at historically high levels", "low rates": a measure's adjective says how much, it picks out no subset
    return head.tag_ == "NNS" and lemma(head) not in MEASURES


def _subject_words(tok: Token) -> set[str]:
    """Content lemmas of the subject of the clause a word is in ("children … are at lower risk" → child)."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"}:
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return {lemma(t) for t in subject_of(cur) if t.pos_ in {"NOUN", "PROPN"}} - GENERIC


def _compares_other_things(s_tok: Token, t_tok: Token) -> bool:
    """Comparatives about different subjects ("children are at lower risk than adults" against "the risk is
    higher for older adults") say the same thing from two sides, not opposite things."""
    if s_tok.tag_ not in {"JJR", "RBR"} and t_tok.tag_ not in {"JJR", "RBR"}:
        return False
    a, b = _subject_words(s_tok), _subject_words(t_tok)
    return not (a and b and a & b)


def check_antonyms(src: Doc, stmt: Doc) -> list[Finding]:
    """Find a statement word that is the opposite of a source word describing the same thing."""
    lex = opposites("words")
    findings = []
    src_terms = _terms(src)
    stmt_terms = _terms(stmt)
    src_words, stmt_words = {w for w, _, _ in src_terms}, {w for w, _, _ in stmt_terms}
    for t_word, t_tok, t_toks in stmt_terms:
        for s_word, s_tok, s_toks in src_terms:
            if s_word not in lex.get(t_word, ()):
                continue
            if t_word in src_words and s_word in stmt_words:
                continue  # both texts name both sides ("pregnant and nonpregnant women")
            if _restrictive(s_tok) or _restrictive(t_tok) or _compares_other_things(s_tok, t_tok):
                continue
            shared = _target(s_tok) & _target(t_tok)
            if not shared or _clause_negated(s_tok) or _clause_negated(t_tok):
                continue
            findings.append(
                Finding(
                    rule="antonyms",
                    relation="contradicts",
                    explanation=f"the source calls {', '.join(sorted(shared))} “{token_span(s_toks).text}”; "
                    f"the statement says “{token_span(t_toks).text}”, its opposite",
                    source_span=token_span(s_toks),
                    statement_span=token_span(t_toks),
                    confidence=0.75,
                )
            )
            break
    if not findings:
        findings += _phrase_opposites(src, stmt)
    return findings


def _phrase_opposites(src: Doc, stmt: Doc) -> list[Finding]:
    shared = names(src) & names(stmt)
    if len(shared) < 2 and not (names(stmt) and names(stmt) <= names(src)):
        return []
    for a, b in PHRASES:
        for pa, pb in ((a, b), (b, a)):
            ms = re.search(pa, src.text, re.IGNORECASE)
            mt = re.search(pb, stmt.text, re.IGNORECASE)
            if ms and mt:
                return [
                    Finding(
                        rule="antonyms",
                        relation="contradicts",
                        explanation=f"the source says “{ms.group(0)}”; the statement says “{mt.group(0)}”, "
                        f"the opposite (about {', '.join(sorted(shared))})",
                        source_span=make_span(src, ms.start(), ms.end()),
                        statement_span=make_span(stmt, mt.start(), mt.end()),
                        confidence=0.7,
                    )
                ]
    return []

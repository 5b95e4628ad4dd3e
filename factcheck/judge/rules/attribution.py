"""Attribution: when the source reports what someone said, the finding names the speaker.

A statement that gives the words to someone else contradicts; one that reports them as the speaker's
supports (as the speaker's claim, not the article's); one that asserts them as fact is neutral, with
`attributed_to` set so the verdict can say whose claim it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import actor_name, content_lemmas, lemma, subject_of, token_span
from factcheck.results import Finding, Relation

SPEECH_VERBS = {
    "say",
    "warn",
    "claim",
    "accuse",
    "call",
    "argue",
    "allege",
    "insist",
    "tell",
    "state",
    "assert",
    "suggest",
    "believe",
    "deny",
    "charge",
    "describe",
    "label",
    "brand",
    "declare",
    "announce",
    "contend",
    "maintain",
    "criticize",
    "criticise",
    "urge",
    "blame",
    "dismiss",
    "predict",
    "add",
}
SPEECH_NOUNS = {
    "accusation",
    "claim",
    "allegation",
    "warning",
    "statement",
    "assertion",
    "charge",
    "remark",
    "comment",
    "denial",
}
MIN_SHARED = 2


@dataclass
class Report:
    speaker: str
    speaker_tokens: list[Token]
    content: list[Token]
    cue: Token


def _content(tok: Token) -> list[Token]:
    """What a speech verb or noun reports: its clause, its "of ..." charge or its "X acts of Y" label."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"ccomp", "oprd", "xcomp", "acl", "relcl"} or (
            c.dep_ == "prep" and c.lower_ in {"of", "as", "that"}
        ):
            out += list(c.subtree)
        elif c.dep_ == "dobj" and lemma(tok) in {"call", "label", "brand", "describe", "accuse", "blame"}:
            out += list(c.subtree)
    return out


def _speaker_name(speaker_toks: list[Token]) -> str | None:
    """Who speaks, from the head of the speaker phrase and its left modifiers only: "Experts interviewed by
    BBC Mundo" is experts (not BBC Mundo), "US President Donald Trump" is Trump."""
    heads = [t for t in speaker_toks if t.dep_ in {"nsubj", "nsubjpass", "poss"}] or speaker_toks[:1]
    head = heads[0]
    core = [t for t in head.subtree if t.i <= head.i]
    name = actor_name(core)
    if not name:
        name = head.lemma_.lower() if head.pos_ == "NOUN" else None
    return name


def reports(doc: Doc) -> list[Report]:
    """Every reported claim in a sentence with its speaker."""
    out = []
    for tok in doc:
        speaker_toks: list[Token] = []
        if tok.pos_ == "VERB" and lemma(tok) in SPEECH_VERBS:
            speaker_toks = [t for t in subject_of(tok)]
        elif tok.pos_ == "NOUN" and lemma(tok) in SPEECH_NOUNS:
            speaker_toks = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree if t.dep_ != "case"]
        elif tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
            speaker_toks = list(doc[tok.i + 2].subtree)
            content = [t for t in doc if t.i not in {s.i for s in speaker_toks} and t.i not in {tok.i, tok.i + 1}]
            name = actor_name(speaker_toks)
            if name:
                out.append(Report(name, speaker_toks, content, tok))
            continue
        content = _content(tok) if speaker_toks else []
        name = _speaker_name(speaker_toks) if speaker_toks else None
        if name and content:
            out.append(Report(name, speaker_toks, content, tok))
    return out


def check_attribution(src: Doc, stmt: Doc) -> list[Finding]:
    """Say whose claim the source reports, and whether the statement keeps the speaker."""
    findings = []
    stmt_reports = reports(stmt)
    stmt_words = content_lemmas(stmt)
    for r in reports(src):
        claim_words = content_lemmas(r.content) - {lemma(r.cue)}
        # the statement's own content, without its speech verb and speaker
        own = stmt_words
        for sr in stmt_reports:
            own = content_lemmas(sr.content) or own
        shared = claim_words & own
        if len(shared) < MIN_SHARED or len(shared) < 0.5 * len(own):
            continue
        who = token_span(r.speaker_tokens).text
        matching = [sr for sr in stmt_reports if content_lemmas(sr.content) & claim_words]
        relation: Relation
        if matching and all(sr.speaker != r.speaker for sr in matching):
            sr = matching[0]
            relation = "contradicts"
            explanation = (
                f"the source attributes this to {who}; the statement gives it to {token_span(sr.speaker_tokens).text}"
            )
            stmt_span = token_span(sr.speaker_tokens)
        elif matching:
            relation = "supports"
            explanation = (
                f"the statement reports it as {who}'s view, as the source does; it is {who}'s claim, not the article's"
            )
            stmt_span = token_span(matching[0].speaker_tokens)
        else:
            relation = "neutral"
            explanation = f"the source attributes this to {who}; the statement asserts it as fact"
            stmt_span = None
        findings.append(
            Finding(
                rule="attribution",
                relation=relation,
                explanation=explanation,
                source_span=token_span(r.speaker_tokens + [r.cue]),
                statement_span=stmt_span,
                confidence=0.7 if relation == "contradicts" else 0.6,
                attributed_to=who,
            )
        )
        break
    return findings

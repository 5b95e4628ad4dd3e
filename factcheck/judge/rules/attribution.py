"""Attribution: when the source reports what someone said, the finding names the speaker.

A statement that gives the words to someone else contradicts; one that reports them as the speaker's
supports (as the speaker's claim, not the article's); one that asserts them as fact is neutral, with
`attributed_to` set so the verdict can say whose claim it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    ACTOR_LABELS,
    actor_name,
    content_lemmas,
    lemma,
    phrase_head,
    runs,
    subject_of,
    token_span,
)
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
    "pledge",  # a promise is said: "pledged to cancel the deal" is "said he would cancel the deal"
    "promise",
    "vow",
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
    "pledge",
    "promise",
    "vow",
}
# "According to the report, ...": a document, not a speaker; only a name in it ("a statement from the Foreign
# Ministry") says who speaks
SOURCE_NOUNS = {
    "report",
    "study",
    "survey",
    "poll",
    "datum",
    "data",
    "figure",
    "statistic",
    "estimate",
    "document",
    "record",
    "analysis",
    "research",
    "statement",
    "filing",
}
MIN_SHARED = 2


@dataclass(frozen=True)
class Speaker:
    """Who speaks, for comparison: actor names (alias-normalised), the lemma of a common-noun head and the
    nouns of the description ("a Central Command spokeswoman": command, spokeswoman)."""

    names: frozenset[str]
    head: str | None
    words: frozenset[str]


@dataclass
class Report:
    speaker_tokens: list[Token]
    content: list[Token]
    cue: Token
    who: Speaker


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


def _is_name(tok: Token) -> bool:
    """A word of an actor's name: capitalised proper noun or actor entity; "Officials" opening a sentence is not."""
    if not tok.text[:1].isupper() or tok.pos_ == "DET":
        return False
    return tok.pos_ == "PROPN" or tok.ent_type_ in ACTOR_LABELS or (tok.pos_ == "NOUN" and not tok.is_sent_start)


def _speaker(speaker_toks: list[Token], according: bool = False) -> Speaker | None:
    """Who speaks, from the head of the speaker phrase and its left modifiers only: "Experts interviewed by
    BBC Mundo" is experts (not BBC Mundo), "US President Donald Trump" is Trump. "According to" a document
    names only whoever the whole phrase names."""
    ids = {t.i for t in speaker_toks}
    head = phrase_head(speaker_toks)
    assert head is not None  # a phrase of at least one token has a head
    whole = according and lemma(head) in SOURCE_NOUNS
    core = speaker_toks if whole else [t for t in head.subtree if t.i <= head.i and t.i in ids]
    names = frozenset(n for n in map(actor_name, runs(core, _is_name)) if n)
    noun = lemma(head) if not whole and head.pos_ == "NOUN" and not _is_name(head) else None
    if not names and noun is None:
        return None
    words = frozenset({lemma(t) for t in core if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha} | names)
    return Speaker(names, noun, words)


def same_speaker(a: Speaker, b: Speaker) -> bool:
    """Whether two descriptions can be one speaker: the same name ("U.S. officials", "US officials"), or one
    description the other spelled out ("the spokeswoman", "a Central Command spokeswoman"); another name
    ("Reuters", "the Journal") or another kind ("the police", "the hospital") is someone else."""
    if a.names and b.names:
        return bool(a.names & b.names)
    if a.names or b.names:
        named, bare = (a, b) if a.names else (b, a)
        return bare.head is not None and bare.head in named.words and bare.words <= named.words
    return a.head == b.head and (a.words <= b.words or b.words <= a.words)


def _named_by_copula(report: Report) -> Speaker | None:
    """The speaker a statement equates its described speaker with: "Hakem al-Zameli is the lawmaker who said …" gives
    the words to al-Zameli, not only to "the lawmaker"."""
    head = phrase_head(report.speaker_tokens)
    if head is None or head.dep_ != "attr" or lemma(head.head) != "be":
        return None
    subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    inner = {t.i for c in subj.subtree if c.dep_ == "relcl" for t in c.subtree}  # "…, who heads the committee,"
    who = _speaker([t for t in subj.subtree if t.i not in inner])
    return who if who is not None and who.names else None


# Particles that make a speech verb an act: "called off the wedding" cancels it, "called up reservists" drafts them.
NOT_SPEECH_PARTICLES = frozenset({"off", "up", "in"})


def _not_speech(verb: Token) -> bool:
    return any(c.dep_ == "prt" and c.lower_ in NOT_SPEECH_PARTICLES for c in verb.children)


def reports(doc: Doc) -> list[Report]:
    """Every reported claim in a sentence with its speaker."""
    out = []
    for tok in doc:
        speaker_toks: list[Token] = []
        if tok.pos_ == "VERB" and lemma(tok) in SPEECH_VERBS and not _not_speech(tok):
            speaker_toks = [t for t in subject_of(tok)]
        elif tok.pos_ == "NOUN" and lemma(tok) in SPEECH_NOUNS:
            speaker_toks = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree if t.dep_ != "case"]
        elif tok.lower_ == "according" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
            # "According to the Journal, X": the speaker is what "to" governs, the content is every other token
            to = doc[tok.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), doc[tok.i + 2])
            speaker_toks = list(obj.subtree)
            while len(speaker_toks) > 1 and speaker_toks[-1].is_punct:  # "According to Reuters, ..." keeps its comma
                speaker_toks.pop()
            content = [t for t in doc if t.i not in {s.i for s in speaker_toks} and t.i not in {tok.i, to.i}]
            who = _speaker(speaker_toks, according=True)
            if who is not None:
                out.append(Report(speaker_toks, content, tok, who))
            continue
        content = _content(tok) if speaker_toks else []
        who = _speaker(speaker_toks) if speaker_toks else None
        if who is not None and content:
            out.append(Report(speaker_toks, content, tok, who))
    return out


def check_attribution(src: Doc, stmt: Doc) -> list[Finding]:
    """Say whose claim the source reports, and whether the statement keeps the speaker (who said it, not what)."""
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
        same = [sr for sr in matching if same_speaker(sr.who, r.who)
                or (named := _named_by_copula(sr)) is not None and same_speaker(named, r.who)]
        relation: Relation
        if matching and not same:
            sr = matching[0]
            relation = "contradicts"
            explanation = (
                f"the source attributes this to {who}; the statement gives it to {token_span(sr.speaker_tokens).text}"
            )
            stmt_span = token_span(sr.speaker_tokens)
        elif same:
            relation = "supports"
            explanation = (
                f"the statement attributes this to {token_span(same[0].speaker_tokens).text}, the speaker the source "
                f"names ({who}); only who said it is checked here, not what; it is a claim by {who}, not the article's"
            )
            stmt_span = token_span(same[0].speaker_tokens)
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

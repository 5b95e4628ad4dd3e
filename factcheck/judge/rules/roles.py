"""Roles: who did what to whom. The same predicate with agent and target swapped ("Trump accused
Petro" vs "Petro accused Trump"), or another actor of the same kind in the same role ("funded by
the United States" vs "funded by the European Union"; "US-funded" vs "Colombian-funded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factcheck.ingest.nlp import which_antecedent
from factcheck.judge.rules._common import (
    RELATIVE_PRONOUNS,
    actor_name,
    clause_head,
    content_lemmas,
    entity_of,
    is_hedged,
    is_passive,
    lemma,
    names,
    negation_of,
    opens_cleft,
    phrase_head,
    runs,
    same_stem,
    subject_of,
    token_span,
)
from factcheck.judge.rules.lexicon import aliases, capitals, country_names, person_nouns
from factcheck.results import Finding

# Acts with one author: a source naming who funded, built or founded something rules out another author (a
# statement naming someone else contradicts it). Accusing, criticising or receiving have no such limit.
SOLE_AGENT_PREDICATES = frozenset({
    "fund", "finance", "bankroll", "sponsor", "build", "construct", "found", "establish", "create", "design",
    "invent", "write", "author", "compose", "paint", "direct", "launch", "develop", "manufacture", "discover",
    "assassinate", "kill", "murder", "win", "elect", "appoint", "sign",
    "dismantle", "abolish", "disband", "dissolve",  # an agency or a programme is ended once, by one government
})

# Verbs that name one act: who "bankrolled", "financed" or "paid for" something funded it.
SAME_ACT = {"finance": "fund", "bankroll": "fund", "underwrite": "fund", "construct": "build", "establish": "found",
            "murder": "kill", "assassinate": "kill", "abolish": "dismantle", "scrap": "dismantle"}
# Verbs that name that act with a preposition before what they act on: "paid for the plan".
PREP_ACTS = {("pay", "for"): "fund"}
# Verbs that name it with a particle: an agency "shut down" or "closed down" is dismantled.
PARTICLE_ACTS = {("shut", "down"): "dismantle", ("close", "down"): "dismantle"}
# Verbs whose subject is who does what they are followed by ("the ministry decided to close the agency"), and
# light verbs whose subject does what their object noun names ("the ministry took the decision to close it").
CONTROL_VERBS = frozenset({"decide", "agree", "vote", "choose", "opt", "move", "plan", "pledge", "promise", "vow",
                           "seek", "try", "attempt", "resolve", "refuse"})
DECISION_NOUNS = frozenset({"decision", "move", "step", "plan", "vote", "choice", "pledge", "promise", "bid",
                            "attempt", "order"})
LIGHT_VERBS = frozenset({"take", "make", "reach", "announce", "issue"})


def _act_preposition(tok: Token) -> Token | None:
    """The preposition that makes a verb an act of PREP_ACTS ("for" of "paid for"), else None."""
    return next((c for c in tok.children if c.dep_ == "prep" and (lemma(tok), c.lower_) in PREP_ACTS), None)


def _predicate(tok: Token) -> tuple[str, Token | None]:
    """The act a verb names (SAME_ACT, PREP_ACTS) and, for a prepositional act, the noun it acts on."""
    word = lemma(tok)
    if (prep := _act_preposition(tok)) is not None:
        return PREP_ACTS[word, prep.lower_], next((g for g in prep.children if g.dep_ == "pobj"), None)
    for c in tok.children:
        if c.dep_ == "prt" and (word, c.lower_) in PARTICLE_ACTS:
            return PARTICLE_ACTS[word, c.lower_], None
    return SAME_ACT.get(word, word), None


def _acronym(tok: Token) -> bool:
    """An all-capitals name of two or more letters ("USAID", "NATO")."""
    return len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper()


def _controller(tok: Token) -> Token | None:
    """Who does what a bare infinitive says when its clause names nobody: the subject of the verb that decides it
    ("Petro's government decided to dismantle USAID") or of the light verb whose decision it is ("Petro's
    government took the decision to dismantle USAID"; a cleft's "It was X that …" names X). Not an object's
    ("urged Trump to resign": Trump would)."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.pos_ == "VERB" and lemma(head) in CONTROL_VERBS \
            and not any(c.dep_ == "dobj" for c in head.children):
        verb = head
    elif tok.dep_ == "acl" and head.pos_ == "NOUN" and lemma(head) in DECISION_NOUNS and head.dep_ == "dobj" \
            and lemma(head.head) in LIGHT_VERBS:
        verb = head.head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _antecedent(subject) if subject is not None else None


def act_of(tok: Token) -> str:
    """The act a verb names: "fund" for "bankrolled" and "paid for" (SAME_ACT, PREP_ACTS), else its lemma."""
    return _predicate(tok)[0]


def _act_text(tok: Token) -> str:
    """A verb as the act's words: "paid for", "funded"."""
    prep = _act_preposition(tok)
    return f"{tok.text} {prep.text}" if prep is not None else tok.text


# A light verb whose object noun the parser may read as a bare verb with a subject: "made the Sinai offer"
CAUSATIVE_HEADS = {"make"}
GENERIC_PREDICATES = {"be", "have", "do", "make", "get", "say", "go", "come", "take", "give", "include"}
# Verbs that, with an infinitive ("X appears to be Y", "seems to have left"), say what something is like, not who acts
# ("Ortega appeared in court" is an act)
LINKING_VERBS = frozenset({"appear", "seem"})


@dataclass
class Frame:
    predicate: str
    token: Token
    agent: str | None
    agent_tokens: list[Token]
    target: str | None
    target_tokens: list[Token]
    target_words: set[str]


# People who act for an organisation: "reporters from the Herald", "a spokesman for the ministry", "officials at
# the embassy" act as it does.
ACTING_FOR = frozenset({"from", "for", "at", "of", "with"})


def _organisation(tok: Token) -> tuple[str, list[Token]] | None:
    """The organisation a person noun acts for ("reporters from the Herald" → herald), if its phrase names one."""
    if lemma(tok) not in person_nouns():
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ACTING_FOR:
            for g in prep.children:
                if g.dep_ == "pobj" and g.pos_ == "PROPN":
                    named = [t for t in g.subtree if t.dep_ not in {"prep", "pobj", "relcl", "acl"} or t.i == g.i]
                    if (name := actor_name(named)) is not None:
                        return name, [t for t in tok.subtree if t.i <= max(x.i for x in named)]
    return None


def _actor(tok: Token) -> tuple[str | None, list[Token]]:
    toks = [t for t in tok.subtree if t.dep_ not in {"prep", "pobj", "relcl", "acl"} or t.i == tok.i]
    toks = [t for t in toks if t.i <= tok.i] or [tok]
    if tok.pos_ == "NOUN" and (acting := _organisation(tok)) is not None:
        return acting
    if tok.pos_ == "NOUN":
        # "An Afghan mother, Reza Gul, killed …": the name in apposition says who the description is
        for appos in (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            named = [t for t in appos.subtree if t.dep_ not in {"prep", "pobj", "relcl", "acl"} or t.i == appos.i]
            if (name := actor_name(named)) is not None:
                return name, toks + [t for t in named if t.i > tok.i]
    return actor_name(toks), toks


def _antecedent(subject: Token) -> Token:
    """Who a relative pronoun subject stands for: the noun its clause describes ("the man who fired"), or what a
    cleft puts first ("It was Abbas who offered …"); any other subject is itself."""
    if subject.lower_ not in RELATIVE_PRONOUNS:
        return subject
    verb = subject.head
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        noun = which_antecedent(subject, verb.head)
        if noun.dep_ == "appos" and any(c.dep_ == "neg" and c.i < noun.i for c in (*noun.children, *noun.head.children)):
            noun = noun.head  # "It was Burton, not Manson, who called it off": Burton did
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "Yonhap, the news agency which broke the story": the agency is Yonhap
        return noun
    if verb.dep_ in {"ccomp", "relcl"} and opens_cleft(verb.head):
        return next((c for c in verb.head.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), subject)
    return subject


def _target(tok: Token) -> tuple[str | None, list[Token]]:
    """The actor a verb acts on: its object, or who the object is aimed at ("prosecution against Trump")."""
    name, toks = _actor(tok)
    if name is not None:
        return name, toks
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS:
            for g in prep.children:
                if g.dep_ == "pobj" and (found := _actor(g))[0] is not None:
                    return found[0], [t for t in tok.subtree if t.i <= max(x.i for x in found[1])]
    return name, toks


TARGET_PREPS = frozenset({"against", "on", "toward", "towards"})


def _denied(tok: Token) -> bool:
    """Whether the act of `tok` is negated, or is what a negated verb reaches for: "did not move to dismantle
    USAID" and "never offered to pay them" say nobody dismantled or paid, so neither names who acts on whom."""
    for _ in range(3):
        if negation_of(tok) is not None:
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _frames(doc: Doc) -> list[Frame]:
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or lemma(tok) in GENERIC_PREDICATES or is_hedged(tok) or _denied(tok):
            continue
        if lemma(tok) in LINKING_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
            continue
        agent = target = None
        a_toks: list[Token] = []
        t_toks: list[Token] = []
        if tok.dep_ == "amod" and tok.i >= 2 and doc[tok.i - 1].text == "-":
            # "US-funded initiative": the agent is glued on, the target is the noun; the name may have words before
            # the glued one ("a European Union-funded initiative")
            start = tok.i - 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1
            a_toks = list(doc[start:tok.i - 1])
            agent = actor_name(a_toks)
            t_toks = [tok.head]
        causee = tok.dep_ == "ccomp" and tok.tag_ == "VB" and lemma(tok.head) in CAUSATIVE_HEADS
        for c in tok.children:
            if c.dep_ == "nsubj" and causee:
                # "Sisi made the Sinai offer to Abbas" parses as "made [the Sinai] offer": a bare verb under
                # "make" may be the noun of a light-verb phrase, and its "subject" the noun's modifier
                continue
            if c.dep_ == "nsubj":
                agent, a_toks = _actor(_antecedent(c))
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        agent, a_toks = _actor(g)
            elif c.dep_ in {"dobj", "nsubjpass"}:
                target, t_toks = _target(c)
        if not t_toks and (acronym := next((c for c in tok.children if c.dep_ == "advmod" and _acronym(c)), None)):
            target, t_toks = _target(acronym)  # "to dismantle USAID": the small parser reads the acronym as an adverb
        predicate, prep_object = _predicate(tok)
        if prep_object is not None and not t_toks:
            target, t_toks = _target(prep_object)
        if agent is None and not a_toks and tok.dep_ == "acl" and tok.head.dep_ == "ROOT" \
                and tok.head.pos_ == "PROPN" and not any(c.dep_ == "agent" for c in tok.children):
            # a sentence with no verb but this one: the small parser's reading of "The European Union, not
            # Washington, paid for the initiative" as a name described by "paid for"; the name is who paid
            agent, a_toks = _actor(tok.head)
        elif not t_toks and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
            target, t_toks = None, [tok.head]  # "an initiative paid for by the EU": what it describes is done to
        if agent is None and not a_toks and tok.dep_ in {"acl", "xcomp"} and tok.head.pos_ == "NOUN":
            # "the Trump administration's decision to dismantle USAID": the possessor decides, so it acts
            poss = next((c for c in tok.head.children if c.dep_ == "poss"), None)
            if poss is not None:
                agent, a_toks = _actor(poss)
        if agent is None and not a_toks and (controller := _controller(tok)) is not None:
            agent, a_toks = _actor(controller)
        if agent is None and not a_toks and tok.dep_ in {"advcl", "conj", "xcomp"} and tok.tag_ == "VBG":
            # "Petro criticized …, urging prosecution against Trump": the participle's agent is the clause's
            head = next((t for t in subject_of(tok) if t.dep_ in {"nsubj", "nsubjpass"}), None)
            if head is not None:
                agent, a_toks = _actor(head)
        if agent is None and not t_toks:
            continue
        words = content_lemmas(t for t0 in t_toks for t in t0.subtree) if t_toks else set()
        out.append(Frame(predicate, tok, agent, a_toks, target, t_toks, words))
    return out


def _contradiction(explanation: str, source: list[Token], statement: list[Token], confidence: float) -> Finding:
    return Finding(rule="roles", relation="contradicts", explanation=explanation, source_span=token_span(source),
                   statement_span=token_span(statement), confidence=confidence)


def check_roles(src: Doc, stmt: Doc) -> list[Finding]:
    """Compare who acts on whom for the same predicate."""
    findings = []
    src_frames = _frames(src)
    for t in _frames(stmt):
        same = [s for s in src_frames if s.predicate == t.predicate]
        if not same:
            continue
        # the same act by the same actor on the same thing; with nothing else said, NLI's doubt about a description
        # ("this US-funded initiative") or a synonym ("bankrolled") cannot make it a contradiction
        alone = not _rest(t.token, t.agent_tokens + t.target_tokens) - content_lemmas(src)
        agreeing = [s for s in same if t.agent and s.agent == t.agent
                    and (t.target and s.target == t.target or alone and _described(s, t, src))]
        if agreeing:
            s = agreeing[0]
            named = f" (the source's “{_txt(s.agent_tokens)} … {_txt(s.target_tokens)}”)" if s.target != t.target else ""
            findings.append(
                Finding(
                    rule="roles",
                    relation="supports",
                    explanation=f"both texts say {_txt(t.agent_tokens)} {_act_text(t.token)} {_txt(t.target_tokens)}{named}",
                    source_span=token_span([s.token]),
                    statement_span=token_span([t.token]),
                    confidence=0.4,
                    blocks="contradiction" if alone else None,
                )
            )
            continue
        additive = any(x.lower_ in ADDITIVE for x in stmt)  # "X also criticized …": one more author
        for s in same:
            if t.agent and t.target and s.agent == t.target and s.target == t.agent and t.agent != t.target \
                    and _says_the_rest(t, src):
                findings.append(_contradiction(
                    f"the source says {_txt(s.agent_tokens)} {s.token.text} {_txt(s.target_tokens)}; the statement "
                    f"has it the other way round", _all(s), _all(t), 0.85))
                break
            # the same target, another actor of the same kind doing it
            same_target = (s.target and s.target == t.target) or (
                s.target is None
                and t.target is None
                and s.target_words
                and t.target_words
                and s.target_words & t.target_words
            )
            same_target = same_target or _described(s, t, src) or _same_act(s, t, src)
            if same_target and s.agent and t.agent and s.agent != t.agent and not _in_source(t, src) and not additive \
                    and not _one_party(s.agent_tokens, t.agent_tokens) \
                    and not _leader_and_country(s.agent_tokens, t.agent_tokens, src):
                findings.append(_contradiction(
                    f"the source says {_txt(s.agent_tokens)} {s.token.text} {_txt(s.target_tokens)}; the statement "
                    f"says {_txt(t.agent_tokens)} did", s.agent_tokens, t.agent_tokens, 0.7))
                break
    # the other readings of who or where, in order, until one contradicts
    for other in (_swapped, _other_holder, _other_office, _other_country, _other_place, _other_site, _other_waters,
                  _other_speaker, _other_name, _other_origin, _reversed_route, _reversed_flow):
        if any(f.relation == "contradicts" for f in findings):
            break
        findings += other(src, stmt)
    return findings


# What one party gives another: "US payments to Colombia" come from the United States.
FLOW_NOUNS = frozenset({"payment", "subsidy", "aid", "funding", "fund", "grant", "loan", "assistance", "transfer",
                        "remittance", "donation", "export", "shipment"})
SENDING_VERBS = frozenset({"send", "pay", "give", "transfer", "provide", "ship", "remit", "donate", "channel",
                           "funnel", "deliver", "export"})


def _givers(doc: Doc) -> dict[str, tuple[str, list[Token]]]:
    """Flow noun lemma → (the country it comes from, as the text names it by a word before the noun: "US
    payments", "Colombian aid", "Mexico's loans")."""
    out: dict[str, tuple[str, list[Token]]] = {}
    for tok in doc:
        if tok.pos_ != "NOUN" or lemma(tok) not in FLOW_NOUNS:
            continue
        for c in tok.children:
            if c.dep_ in {"compound", "amod", "poss", "nmod"} and c.i < tok.i and _is_country(c):
                name = actor_name([c])
                if name is not None:
                    for noun in (tok, *tok.conjuncts):
                        out.setdefault(lemma(noun), (name, [c, tok]))
    return out


def _recipients(doc: Doc) -> list[tuple[str, str, list[Token]]]:
    """(flow noun lemma, the country it is sent to, the words) for "payments to the United States", "aid it sent
    to Colombia", "sent aid to Peru"."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or lemma(tok) not in FLOW_NOUNS:
            continue
        heads = [tok] + [c for c in tok.children if c.dep_ == "relcl" and lemma(c) in SENDING_VERBS]
        if tok.dep_ == "dobj" and lemma(tok.head) in SENDING_VERBS:
            heads.append(tok.head)
        for h in heads:
            for prep in h.children:
                if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to":
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.ent_type_ == "GPE":
                        ent = entity_of(obj)
                        name = actor_name(list(ent) if ent is not None else [obj])
                        if name is not None:
                            out.append((lemma(tok), name, [tok, prep, *(ent or [obj])]))
    return out


def _reversed_flow(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement sends to a country what the source says comes from it ("US payments and subsidies to the
    South American country" against "the payments it had been sending to the United States")."""
    givers = _givers(src)
    for noun, country, words in _recipients(stmt):
        if noun in givers and givers[noun][0] == country:
            giver = givers[noun][1]
            return [_contradiction(f"the source's “{_txt(giver)}” come from {_txt(giver[:1])}; the statement has "
                                   f"them sent to it", giver, words, 0.7)]
    return []


class Route(NamedTuple):
    noun: str
    origin: str
    destination: str
    tokens: list[Token]


def _place_name(prep: Token) -> str | None:
    """The name a "from" or "to" introduces, through the alias and capital tables ("New York", "the US")."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in {"GPE", "LOC", "FAC"}:
        return None
    ent = entity_of(obj)
    text = (ent.text if ent is not None else obj.text).lower().removeprefix("the ")
    return aliases().get(text) or capitals().get(text) or text


def routes(doc: Doc) -> list[Route]:
    """The singular nouns a text gives an origin and a destination ("a flight from New York to Israel")."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in {"from", "to"}]
        ends = {p.lower_: _place_name(p) for p in preps}
        if (origin := ends.get("from")) and (destination := ends.get("to")):
            out.append(Route(lemma(tok), origin, destination, [tok, *(t for p in preps for t in p.subtree)]))
    return out


def names_a_route_end(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc hold a journey with its two ends (`routes`)."""
    return any(start <= r.tokens[0].idx and max(t.idx for t in r.tokens) < end for r in routes(doc))


def _reversed_route(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement's journey sets off from where the source's arrives, to somewhere else ("a flight from Tel Aviv
    to New York" where the source's flight went from New York to Israel)."""
    src_routes = routes(src)
    for t in routes(stmt):
        for s in src_routes:
            if s.noun == t.noun and s.origin == t.destination and s.destination != t.destination \
                    and s.origin != t.origin:
                return [_contradiction(f"the source's {s.noun} goes from {s.origin} to {s.destination}; the statement's "
                                       f"goes to {t.destination}, the other way", s.tokens, t.tokens, 0.7)]
    return []


# Acts that happen once, in one place, to one subject: "was born in", "died in", "was arrested in", "the flight
# originated in", "took place in". Another country (or a capital of another country) for the same act of the same
# singular subject contradicts ("soldiers were killed in Iraq" and "in Syria" may be two events); places the tables
# cannot place ("Manhattan" against "New York") are left alone.
ONE_PLACE_ACTS = frozenset({"bear", "die", "arrest", "detain", "crash", "land", "originate", "assassinate", "kill",
                            "murder", "bury", "marry", "capture", "take place", "found", "sign"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})


@dataclass
class Place:
    act: str
    verb: Token
    tokens: list[Token]
    city: str | None  # a city the tables or the text place in a country ("Bogotá"; "Los Cabos, Mexico")
    country: str | None  # the canonical country, when known
    subject: set[str]


def _place_act(tok: Token) -> str:
    if lemma(tok) == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
        return "take place"
    return act_of(tok)


def _where(pobj: Token) -> tuple[list[Token], str | None, str | None] | None:
    """(tokens, city, country) of a place named by a preposition's object: a country, a capital, or "City,
    Country"; None for a place the tables cannot place."""
    ent = entity_of(pobj)
    if ent is None or ent.label_ not in {"GPE", "LOC"}:
        return None
    name = ent.text.lower().removeprefix("the ")
    if name in aliases():
        return list(ent), None, aliases()[name]
    # "Los Cabos, Mexico": the country named after a comma places the city
    after = pobj.doc[ent.end + 1] if ent.end + 1 < len(pobj.doc) and pobj.doc[ent.end].text == "," else None
    country = aliases().get(after.lower_) if after is not None else None
    if country is not None:
        return [*ent, pobj.doc[ent.end], after], name, country
    if name in capitals():
        return list(ent), name, capitals()[name]
    return None


def one_off_places(doc: Doc) -> list[Place]:
    """The places a sentence gives one-off acts (`ONE_PLACE_ACTS`), asserted and not hedged."""
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or is_hedged(tok) or negation_of(tok) is not None:
            continue
        act = _place_act(tok)
        subject = subject_of(tok)
        head = phrase_head(subject)
        if act not in ONE_PLACE_ACTS or head is None or head.tag_ in PLURAL_TAGS or head.lower_ in {"they", "we"}:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPOSITIONS:
                continue
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if (found := _where(pobj)) is not None:
                    toks, city, country = found
                    out.append(Place(act, tok, toks, city, country, content_lemmas(subject)))
    return out


def _other_place(src: Doc, stmt: Doc) -> list[Finding]:
    """The same one-off act by the same subject placed in another country, or in another city of one country."""
    src_places = one_off_places(src)
    for t in one_off_places(stmt):
        for s in src_places:
            if s.act != t.act or not (s.subject and t.subject and s.subject & t.subject):
                continue
            other = (s.country and t.country and s.country != t.country) or (
                s.city and t.city and s.country == t.country and s.city != t.city)
            if other:
                return [_contradiction(
                    f"the source places it ({'took place' if s.act == 'take place' else _act_text(s.verb)}) in "
                    f"{_txt(s.tokens)}; the statement says {_txt(t.tokens)}",
                    s.tokens, t.tokens, 0.7)]
    return []


# Named places that stand in one town: "Central Clinical Hospital in Katowice" is not in Warsaw. Names of chains,
# firms and bodies ("McDonald's in Paris", "the Red Cross in Geneva") are left alone: they may be in many towns.
SITES = frozenset({"hospital", "clinic", "university", "college", "school", "academy", "airport", "prison", "jail",
                   "stadium", "arena", "museum", "gallery", "cathedral", "church", "mosque", "synagogue", "temple",
                   "base", "zoo", "palace", "castle", "embassy", "consulate", "courthouse", "infirmary"})


class Site(NamedTuple):
    name: str
    tokens: list[Token]  # the place it is said to be in
    city: str | None
    country: str | None


def sites(doc: Doc) -> list[Site]:
    """The named sites (`SITES`) a text places in a town or country: "… at Central Clinical Hospital in Katowice,
    Poland", "the Louvre Museum in Paris"; not hedged ("may be in") or denied."""
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.lower_ not in SITES:
            continue
        verb = clause_head(tok)
        if verb.pos_ in {"VERB", "AUX"} and (is_hedged(verb) or negation_of(verb) is not None):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ in {"PROPN", "ADJ"} and doc[start - 1].is_title \
                and start - 1 < doc[start - 1].head.i <= tok.i:
            start -= 1
        name = doc[start:tok.i]
        if not name:  # "the hospital in Katowice" names no site
            continue
        # the town right after the name, wherever the parser hangs it ("treated at X Hospital in Brno")
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        preps = [c for c in tok.children if c.dep_ == "prep"]
        if after is not None and after.dep_ == "prep" and after.head.i == verb.i:
            preps.append(after)
        for prep in (p for p in preps if p.lower_ in PLACE_PREPOSITIONS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                if (found := _where(pobj)) is not None:
                    out.append(Site(" ".join(t.lower_ for t in [*name, tok]), *found))
    return out


def _other_site(src: Doc, stmt: Doc) -> list[Finding]:
    """A named site placed in another country, or in another town of the same country."""
    src_sites = sites(src)
    for t in sites(stmt):
        for s in src_sites:
            if s.name != t.name:
                continue
            if (s.country and t.country and s.country != t.country) or (
                    s.city and t.city and s.country == t.country and s.city != t.city):
                return [_contradiction(f"the source places {t.name.title()} in {_txt(s.tokens)}; the statement says "
                                       f"{_txt(t.tokens)}", s.tokens, t.tokens, 0.7)]
    return []


def names_a_site_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc are the town or country a named site is placed in (`sites`)."""
    return any(start <= p.tokens[0].idx and p.tokens[-1].idx < end for p in sites(doc))


# Seas, gulfs and oceans by the ocean they belong to: two waters of different oceans are different places ("strikes
# in the Caribbean" against "strikes in the Pacific"); a sea and its ocean are not ("the Caribbean", "the Atlantic").
OCEAN_OF = {
    **dict.fromkeys(("atlantic", "atlantic ocean", "caribbean", "caribbean sea", "gulf of mexico", "mediterranean",
                     "mediterranean sea", "north sea", "baltic", "baltic sea", "black sea", "sargasso sea",
                     "gulf of guinea", "north atlantic", "south atlantic"), "atlantic"),
    **dict.fromkeys(("pacific", "pacific ocean", "eastern pacific", "south china sea", "east china sea",
                     "sea of japan", "coral sea", "bering sea", "philippine sea", "tasman sea", "gulf of california",
                     "sea of cortez", "north pacific", "south pacific"), "pacific"),
    **dict.fromkeys(("indian ocean", "arabian sea", "red sea", "persian gulf", "gulf of aden", "bay of bengal",
                     "andaman sea", "gulf of oman"), "indian"),
    **dict.fromkeys(("arctic", "arctic ocean", "barents sea"), "arctic"),
    "southern ocean": "southern",
}
HAPPEN = frozenset({"happen", "occur", "unfold"})


class Waters(NamedTuple):
    ocean: str
    tokens: list[Token]
    things: set[str]  # lemmas of what is there: the nouns and the verb the place hangs on, the subject of "took place"


# Words for one kind of thing at sea: "drug boats" and "drug vessels" are the same things.
VESSELS = {"boat": "vessel", "ship": "vessel", "speedboat": "vessel", "craft": "vessel"}


def _located(place: Token) -> set[str]:
    """Lemmas of what a place names the whereabouts of: the nouns up to the verb it hangs on and their compounds
    ("strikes against drug vessels in the Caribbean" → vessel, drug, strike, and the verb; a boat or ship is a
    vessel), and the subject of "took place" / "happened" or of a passive verb ("boats were destroyed in …")."""
    out: set[str] = set()
    cur = place.head if place.dep_ == "pobj" else place
    for _ in range(6):
        cur = cur.head
        if cur.pos_ in {"NOUN", "PROPN"}:
            out.add(lemma(cur))
            out |= {lemma(c) for c in cur.children if c.dep_ == "compound" and c.pos_ == "NOUN"}  # "drug vessels"
        elif cur.pos_ == "VERB":
            out.add(_place_act(cur))
            # and what it acts on there ("targeted suspected drug boats in the Pacific")
            out |= {lemma(t) for c in cur.children if c.dep_ == "dobj" for t in c.subtree if t.pos_ == "NOUN"}
            if _place_act(cur) == "take place" or lemma(cur) in HAPPEN or is_passive(cur):
                # what took place there, or what was acted on there ("drug boats were destroyed in the Pacific")
                subject = phrase_head(subject_of(cur))
                if subject is not None:  # its head whatever its tag ("The US military strikes … took place":
                    # the parser reads "strikes" as a verb with "military" its subject)
                    out |= {lemma(t) for t in subject.subtree if t.pos_ == "NOUN"} | {lemma(subject)}
            break
        if cur.head.i == cur.i:
            break
    return {VESSELS.get(w, w) for w in out} - {"place"}


def waters(doc: Doc) -> list[Waters]:
    """The seas and oceans a sentence places things in, asserted and not hedged."""
    out = []
    for ent in doc.ents:
        ocean = OCEAN_OF.get(ent.text.lower().removeprefix("the "))
        if ocean is None or ent.label_ not in {"LOC", "GPE"}:
            continue
        verb = next((t for t in ent.root.ancestors if t.pos_ == "VERB"), None)
        if verb is not None and (is_hedged(verb) or negation_of(verb) is not None):
            continue
        out.append(Waters(ocean, list(ent), _located(ent.root)))
    return out


def _other_waters(src: Doc, stmt: Doc) -> list[Finding]:
    """The same things placed in a sea or ocean of another ocean, where the source names no water of that one."""
    src_waters = waters(src)
    for t in waters(stmt):
        there = [s for s in src_waters if s.things & t.things - GENERIC_PREDICATES]
        if there and all(s.ocean != t.ocean for s in there):
            s = there[0]
            return [_contradiction(f"the source has this in {_txt(s.tokens)}; the statement in {_txt(t.tokens)}, "
                                   f"a water of another ocean", s.tokens, t.tokens, 0.7)]
    return []


QUOTED = re.compile(r"[“\"]([^”\"]{3,80})[”\"]")


def _is_actor_token(t: Token) -> bool:
    """A word of a name: a proper noun or a word of a person, organisation or place entity."""
    return t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} and t.pos_ != "DET"


def _words_at(doc: Doc, words: list[str]) -> Token | None:
    """The first token of `words` said in a row in a Doc, quotation marks skipped, or None."""
    toks = [t for t in doc if not t.is_quote]
    for i in range(len(toks) - len(words) + 1):
        if [t.lower_ for t in toks[i : i + len(words)]] == words:
            return toks[i]
    return None


def _owned(run: list[Token]) -> bool:
    """A name as a possessor ("Petro's actions") or inside a prepositional phrase: not who speaks."""
    last = run[-1]  # a name's "'s", not the parser's "poss" ("Trump called Petro's actions" parses Trump as one)
    return last.dep_ == "pobj" or last.i + 1 < len(last.doc) and last.doc[last.i + 1].lower_ in {"'s", "’s"}


def _other_speaker(src: Doc, stmt: Doc) -> list[Finding]:
    """Words the source quotes from one named speaker given to another named one ("Petro has openly criticized these
    actions, calling them “acts of tyranny”" against "Trump branded Petro's actions acts of tyranny"). The statement's
    speaker is the first name before the quoted words that is not a possessor, read without the parse of the verb
    (the parser often hangs "branded" or "called" on the name); the source's speaker must appear in the statement
    only as a possessor or object ("Trump said Petro called them acts of tyranny" gives the words to Petro)."""
    from factcheck.judge.rules.attribution import reports

    quotes = list(QUOTED.finditer(src.text))
    if not quotes:
        return []
    src_reports = reports(src)
    for m in quotes:
        span = src.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or len(span) < 2 or not any(t.is_alpha and t.is_lower and not t.is_stop for t in span):
            continue  # a quoted name ("Jihadi John", "Plan Colombia") is what someone is called, not what was said
        first = _words_at(stmt, [t.lower_ for t in span if not t.is_quote])
        if first is None:
            continue
        said = {t.i for t in span}
        report = next((r for r in src_reports if said <= {t.i for t in r.content}), None)
        if report is None or not report.who.names:
            continue
        speakers = [r for r in runs(stmt[: first.i], _is_actor_token) if not _owned(r)]
        name = actor_name(speakers[0]) if speakers else None
        if name is None or name in report.who.names:
            continue
        if any(actor_name(r) in report.who.names and not _owned(r) for r in runs(stmt, _is_actor_token)):
            continue  # the source's speaker speaks in the statement too
        return [_contradiction(f"the source has {token_span(report.speaker_tokens).text} say “{m.group(1)}”; the "
                               f"statement gives the words to {_txt(speakers[0])}", report.speaker_tokens, speakers[0], 0.8)]
    return []


# Nouns too general to be a description the source names ("the winner was Bechtel").
GENERIC_NOUNS = frozenset({"one", "thing", "person", "people", "man", "woman", "winner", "reason", "cause", "problem"})


def _named_description(stmt: Doc) -> tuple[Token, Token] | None:
    """(name, description head) of "the guerrilla group that … was the ELN" or "the ELN was the guerrilla group …";
    None when the statement says no such identity."""
    for verb in stmt:
        if lemma(verb) != "be" or negation_of(verb) is not None:
            continue
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if subj is None or attr is None:
            continue
        for name, noun in ((attr, subj), (subj, attr)):
            if name.pos_ == "PROPN" and noun.pos_ == "NOUN" and lemma(noun) not in GENERIC_NOUNS:
                return name, noun
    return None


def _other_name(src: Doc, stmt: Doc) -> list[Finding]:
    """A description the source gives a name, said in the statement to be another name: "the guerrilla group that
    Plan Colombia helped weaken … was the ELN" against "weakening the Farc guerrilla group, which demobilized in
    2016". The description must be the source's: at least two of its words, and half of them, in the sentence; a
    person noun is left alone (the name before it is an affiliation: "a Florida State University student")."""
    found = _named_description(stmt)
    if found is None:
        return []
    name, noun = found
    said = content_lemmas(noun.subtree) - {lemma(noun)}
    shared = said & content_lemmas(src)
    if len(shared) < 2 or len(shared) < 0.5 * len(said):
        return []
    theirs = actor_name([t for t in name.subtree if t.i <= name.i])
    if lemma(noun) in person_nouns():
        return []  # "a Florida State University student": the name before a person noun is where they belong
    for s in src:
        if lemma(s) != lemma(noun):
            continue
        own = [c for c in s.children if c.dep_ in {"compound", "appos"} and c.pos_ == "PROPN"]
        ours = actor_name(own) if own else None
        if ours is not None and theirs is not None and ours != theirs and theirs not in names(src):
            described = [t for t in s.subtree if t.i <= s.i and t.dep_ != "det" and t not in own]
            return [_contradiction(f"the source names the {_txt(described)} {_txt(own)}; the statement says "
                                   f"{_txt([name])}", own, [name], 0.75)]
    return []


def names_a_described_one(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc are the name a statement gives a description (`_named_description`)."""
    found = _named_description(doc)
    return found is not None and start <= found[0].idx < end


def places_at_sea(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc are a sea or ocean something is placed in (`waters`)."""
    return any(start <= w.tokens[0].idx and w.tokens[-1].idx < end for w in waters(doc))


def places_a_one_off_act(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc are the place of a one-off act (`one_off_places`)."""
    return any(start <= p.tokens[0].idx and p.tokens[-1].idx < end for p in one_off_places(doc))


COUNTRY_LABELS = frozenset({"NORP", "GPE"})


def _countries_of(doc: Doc) -> dict[str, tuple[set[str], list[Token]]]:
    """Common noun lemma → (the countries its modifiers name, those modifiers): "US officials" → united states."""
    out: dict[str, tuple[set[str], list[Token]]] = {}
    for tok in doc:
        if tok.pos_ != "NOUN":
            continue
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.ent_type_ in
                COUNTRY_LABELS]
        mods += _doers_country(tok) + _own_country(tok)
        mods += [g for c in mods for g in c.conjuncts if g.ent_type_ in COUNTRY_LABELS]  # "US and Colombian officials"
        names = {n for n in (_country_name(c) for c in mods) if n}
        if names:
            seen = out.setdefault(lemma(tok), (set(), []))
            seen[0].update(names)
            seen[1].extend([*mods[:1], tok] if not seen[1] else [])
    return out


# Verbs whose object is the act itself, so their doer is the act's: "Colombian forces carried out the strikes".
DOING = frozenset({"carry", "conduct", "launch", "stage", "mount", "perform", "execute"})


def _doers_country(act: Token) -> list[Token]:
    """The country words of who does an act named by a noun ("Colombian forces carried out the strikes", "the
    strikes were conducted by US forces" → Colombian, US); none for other verbs ("Colombians condemned the
    strikes")."""
    verb = act.head
    if act.dep_ not in {"dobj", "nsubjpass"} or lemma(verb) not in DOING:
        return []
    if act.dep_ == "dobj":
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return [m for d in doers for m in (d, *d.children) if m.ent_type_ in COUNTRY_LABELS
            and (m is d or m.dep_ in {"amod", "compound", "nmod", "poss"})]


# Verbs whose subject has what it gets, not what it gives: "Colombia lost its payments" may be another's payments.
GETTING = frozenset({"receive", "get", "lose", "collect", "obtain", "accept", "welcome", "see", "miss", "await"})


def _owner(pronoun: Token) -> Token | None:
    """The country a possessive pronoun stands for when its clause's subject is one: "Colombia suspended its
    payments" → Colombia (not after a verb of getting: "Colombia lost its payments")."""
    thing = pronoun.head
    verb = thing.head
    if pronoun.dep_ != "poss" or pronoun.lower_ not in {"its", "their"} or thing.dep_ != "dobj" \
            or verb.pos_ != "VERB" or lemma(verb) in GETTING:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.ent_type_ in COUNTRY_LABELS), None)


def _own_country(thing: Token) -> list[Token]:
    """The possessive pronoun of a thing when it stands for a country (`_owner`)."""
    return [c for c in thing.children if c.dep_ == "poss" and _owner(c) is not None]


def _country_name(tok: Token) -> str | None:
    """The canonical country a country word (or a possessive pronoun standing for one) names."""
    owner = _owner(tok) if tok.dep_ == "poss" and tok.pos_ == "PRON" else None
    return (_country(owner) or actor_name([owner])) if owner is not None else actor_name([tok])


def _other_country(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement gives a noun the source qualifies by one country another country ("Colombian officials" where
    the source says "US officials" and never "Colombian officials"): who did it, or to whom, is swapped."""
    src_countries = _countries_of(src)
    for noun, (countries, mods) in _countries_of(stmt).items():
        if noun not in src_countries:
            continue
        s_names, s_mods = src_countries[noun]
        if countries & s_names:
            continue
        direct = all(m[0].head.i == m[-1].i for m in (s_mods, mods))  # "Colombia's forces"; not "US forces
        if direct and not _same_business(s_mods[-1], mods[-1]):       # launched the raids": the raids are the affair
            continue
        return [_contradiction(f"the source says “{s_mods[0].text} {s_mods[1].text}”; the statement says "
                               f"“{mods[0].text} {mods[1].text}”, another country's", s_mods[:1], mods[:1], 0.6)]
    return []


def _same_business(a: Token, b: Token) -> bool:
    """Whether two nouns take part in one affair: their clauses share a content word besides the noun and the country
    words ("US officials had been involved in the death" and "accused Colombian officials of involvement in a
    Colombian citizen's death" share the death; "bolster Colombia's security forces" and "American forces are
    conducting an offensive" share nothing: two forces in two affairs)."""
    def words(noun: Token) -> set[str]:
        return content_lemmas(t for t in clause_head(noun).subtree if t.i != noun.i and t.ent_type_ not in
                              COUNTRY_LABELS)

    wa, wb = words(a), words(b)
    return bool(wa & wb) or any(same_stem(x, y) for x in wa for y in wb)


# Verbs that say where a thing comes from ("the intelligence comes from Colombia", "intelligence originating from
# Colombia"), and verbs whose subject is where their object comes from ("Colombia supplies 80% of the intelligence").
FROM_VERBS = frozenset({"come", "originate", "stem", "derive", "flow"})
SUPPLY_VERBS = frozenset({"supply", "provide", "produce", "generate", "contribute", "export"})
# Words for a part of what their "of" names: "80% of the intelligence", "most of the cocaine".
PART_WORDS = frozenset({"%", "percent", "per", "most", "majority", "half", "share", "bulk", "part", "portion",
                        "proportion", "fraction", "third", "quarter", "all", "much", "minority", "some"})


def _whole(tok: Token) -> Token:
    """What a part is of: "80% of the intelligence" → intelligence (else the word itself)."""
    if lemma(tok) in PART_WORDS or tok.like_num or tok.pos_ == "NUM":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return _whole(obj)
    return tok


def _from_verb(tok: Token) -> bool:
    """A verb of `FROM_VERBS`, also where the parser takes its "-ing" form for a noun ("the Caribbean originating")."""
    word = tok.lower_
    stem = word.removesuffix("ing")
    return lemma(tok) in FROM_VERBS or (stem != word and (stem in FROM_VERBS or stem + "e" in FROM_VERBS))


def _nominal_top(tok: Token) -> Token | None:
    """The noun phrase a participle (or a word the parser took for a noun) describes: up through the nouns and
    prepositions it hangs on ("80% of US intelligence for drug interdictions in the Caribbean originating from …" →
    80%), the topmost noun."""
    top, cur = None, tok
    while cur.head.i != cur.i and cur.dep_ in {"acl", "pobj", "prep", "relcl"} and cur.head.pos_ in {
            "NOUN", "PROPN", "NUM", "ADP", "ADJ"}:
        cur = cur.head
        if cur.pos_ in {"NOUN", "NUM"} or lemma(cur) in PART_WORDS:
            top = cur
    return top


def _country(tok: Token) -> str | None:
    if tok.ent_type_ != "GPE":
        return None
    ent = entity_of(tok)
    return actor_name(list(ent) if ent is not None else [tok])


def origins(doc: Doc) -> dict[str, tuple[set[str], list[Token]]]:
    """Common noun lemma → (the countries the text says it comes from, the first such name): "intelligence
    originating from Colombia", "the cocaine comes from Peru", "Colombia supplies most of the intelligence"; a part
    only when it is most of the thing ("80% of", "most of"), which no other country can also give."""
    out: dict[str, tuple[set[str], list[Token]]] = {}
    for tok in doc:
        country = _country(tok)
        if country is None or tok.dep_ not in {"pobj", "nsubj", "conj"}:
            continue
        first = tok
        while first.dep_ == "conj":  # "from Colombia and Peru": each comes from the first's preposition
            first = first.head
        verb, thing = first.head, None
        if first.dep_ == "pobj" and verb.lower_ == "from" and _from_verb(verb.head):
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            thing = subject if verb.pos_ == "VERB" and verb.dep_ != "acl" else _nominal_top(verb)
        elif first.dep_ == "nsubj" and verb.pos_ == "VERB" and lemma(verb) in SUPPLY_VERBS:
            thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if thing is None or is_hedged(verb) or negation_of(verb) is not None:
            continue
        whole = _whole(thing)
        if whole.pos_ != "NOUN" or (whole.i != thing.i and not _most_of(thing)):
            continue  # "15% of the intelligence comes from Peru" leaves the rest to others
        seen = out.setdefault(lemma(whole), (set(), [tok]))
        seen[0].add(country)
    return out


MOST = frozenset({"most", "majority", "bulk", "all", "much"})


def _most_of(part: Token) -> bool:
    """Whether a part is more than half of its whole ("most of", "80% of"), so no other place can give as much."""
    if lemma(part) in MOST:
        return True
    figure = next((c for c in part.children if c.dep_ == "nummod" and c.like_num), None)
    try:
        return part.lower_ in {"%", "percent"} and figure is not None and float(figure.text.replace(",", "")) > 50
    except ValueError:
        return False


def names_an_origin(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc hold the country a thing comes from (`origins`)."""
    return any(start <= t.idx < end for _, said in origins(doc).values() for t in said)


def _other_origin(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement has a thing come from another country than the one the source names ("Venezuela supplies
    roughly 80% of the intelligence" where it originates from Colombia)."""
    src_origins = origins(src)
    for noun, (countries, said) in origins(stmt).items():
        if noun in src_origins and not countries & src_origins[noun][0]:
            where = src_origins[noun][1]
            return [_contradiction(f"the source says the {noun} comes from {_txt(where)}; the statement says "
                                   f"{_txt(said)}", where, said, 0.7)]
    return []


# Words that put an office in another time: "former US President Donald Trump" is not the president now.
OTHER_TIME = frozenset({"former", "ex", "late", "then", "previous", "past", "future", "outgoing", "incoming", "new",
                        "acting", "interim", "next", "first", "last", "deputy", "vice", "assistant", "co"})


OWNER_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Offices one person holds at a time: a country has many ministers and senators, one president.
SOLE_TITLES = frozenset({"president", "chancellor", "king", "queen", "pope", "mayor", "governor", "premier",
                         "emperor", "monarch", "chairman", "chairwoman", "chairperson", "ceo", "coach", "manager",
                         "captain", "speaker"})
# Offices named with a word before them: "prime minister", "chief executive".
SOLE_PHRASES = {("prime", "minister"), ("chief", "executive"), ("chief", "justice")}
# Two names of one office: "Beats Music CEO Ian Rogers" is its chief executive.
SAME_OFFICE = {"chief executive": "ceo", "chairwoman": "chairman", "chairperson": "chairman"}


def sole_title(title: Token) -> str | None:
    """The office a title word names, if one person holds it at a time ("president", "prime minister"), else None."""
    word = title.lower_ if title.pos_ == "PROPN" else lemma(title)
    before = next((c.lower_ for c in title.children if c.dep_ in {"amod", "compound"} and c.i < title.i), "")
    if (before, word) in SOLE_PHRASES:
        return SAME_OFFICE.get(f"{before} {word}", f"{before} {word}")
    return SAME_OFFICE.get(word, word) if word in SOLE_TITLES and title.ent_type_ != "PERSON" else None


@dataclass
class Holder:
    """A person named as the holder of an office of something: ("president", "colombia", {"gustavo", "petro"})."""

    title: str
    of: str
    names: set[str]
    tokens: list[Token]


def office_of(title: Token, person: Token) -> str | None:
    """Whose office a title is: "President … of Colombia", "Colombia's president", "US President", "the coach of the
    Lakers"; None when not said."""
    for head in (title, person):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in OWNER_LABELS):
                    return actor_name(t for t in pobj.subtree if t.pos_ == "PROPN" or t.ent_type_ in OWNER_LABELS)
    owner = [c for c in title.children if c.dep_ in {"poss", "compound", "nmod"} and c.ent_type_ != "PERSON"
             and (c.pos_ == "PROPN" or c.ent_type_ in OWNER_LABELS)
             or c.dep_ == "amod" and c.ent_type_ == "NORP"]  # "the Colombian president"
    return actor_name(owner) if owner else None


def office_holders(doc: Doc) -> list[Holder]:
    """Who holds which office of what, as the text puts it: a title before a name ("President Gustavo Petro of
    Colombia"), a name in apposition ("the coach of the Lakers, Darvin Ham") or a copula ("Colombia's president is
    Iván Duque"). An office in another time ("former", "deputy") is left out."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        person = ent.root
        titles = [c for c in person.children if c.dep_ == "compound" and c.i < ent.start]
        if person.dep_ == "appos":
            titles.append(person.head)
        if person.dep_ in {"nsubj", "attr"} and lemma(person.head) == "be":
            titles += [c for c in person.head.children if c.dep_ in {"nsubj", "attr"} and c.i != person.i]
        for title in titles:
            word = sole_title(title)
            if word is None:
                continue
            if any(c.lower_ in OTHER_TIME for c in (*title.children, *person.children)) or any(
                    doc[i].lower_ in OTHER_TIME for i in range(max(0, title.i - 2), title.i)):
                continue
            of = office_of(title, person)
            if of:
                out.append(Holder(word, of, {t.lower_ for t in ent}, [title, *ent]))
    return out


def names_a_sole_office(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a Doc are a holder of an office one person holds, with the title
    ("Colombia's president is Iván Duque": "president … Iván Duque")."""
    return any(start <= h.tokens[0].idx and h.tokens[-1].idx < end for h in office_holders(doc))


def _other_holder(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement names someone else as holder of an office the source says a person holds."""
    src_holders = office_holders(src)
    for t in office_holders(stmt):
        for s in src_holders:
            if s.title == t.title and s.of == t.of and not s.names & t.names:
                return [_contradiction(f"the source names {_txt(s.tokens[1:])} as the {s.title} of {s.of.title()}; "
                                       f"the statement names {_txt(t.tokens[1:])}", s.tokens, t.tokens, 0.8)]
    return []


# Words that make a title another office than the one it names: "vice-president", "deputy prime minister", "former
# president". ("first", "new" do not: "Colombia's first left-wing president" is the president.)
OTHER_OFFICE = frozenset({"vice", "deputy", "former", "ex", "assistant", "co"})
# "holds the office of president", "the post of prime minister"
OFFICE_NOUNS = frozenset({"office", "post", "position", "role", "job"})


def _said_offices(doc: Doc) -> list[tuple[Token, str, Token | None, list[Token]]]:
    """(title, office, the word making it another office or None, the person's name tokens) for each office a text
    gives a named person now:
    "Petro is the vice-president of Colombia", "Petro serves as prime minister", "Petro holds the office of
    president", "Vice-President Gustavo Petro said". A past verb ("was", "served") may be an earlier office: left out."""
    out = []
    for title in doc:
        office = sole_title(title)
        if office is None:
            continue
        person, verb = None, None
        if title.dep_ == "attr" and lemma(title.head) == "be":
            verb = title.head
        elif title.dep_ == "pobj" and title.head.lower_ == "as" and lemma(title.head.head) == "serve":
            verb = title.head.head
        elif title.dep_ == "pobj" and title.head.lower_ == "of" and lemma(title.head.head) in OFFICE_NOUNS \
                and lemma(title.head.head.head) == "hold":
            verb = title.head.head.head
        elif title.dep_ == "compound" and title.head.pos_ == "PROPN":
            person = title.head
        if verb is not None:
            if verb.tag_ not in {"VBZ", "VBP"}:
                continue
            # a name opening the sentence may be tagged a common noun ("Ruiz is …"); the holders' names decide
            person = next((c for c in verb.children if c.dep_ == "nsubj" and c.text[:1].isupper()
                           and c.pos_ in {"PROPN", "NOUN"}), None)
        if person is None:
            continue
        name = [c for c in person.children
                if c.dep_ == "compound" and c.text[:1].isupper() and c.i > title.i] + [person]
        other = next((t for t in doc[max(0, title.i - 3):title.i] if t.lower_ in OTHER_OFFICE), None)
        out.append((title, office, other, name))
    return out


def _other_office(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement gives a person another office than the one the source names them in now ("Petro is the
    vice-president of Colombia" against "President Gustavo Petro of Colombia")."""
    holders = office_holders(src)
    for title, office, other, name in _said_offices(stmt):
        names = {t.lower_ for t in name}
        of = office_of(title, name[-1])
        for h in holders:
            if not names & h.names or of is not None and of != h.of or office == h.title and other is None:
                continue
            said = stmt[other.i:title.i + 1].text.lower() if other is not None else office
            return [_contradiction(f"the source names {_txt(h.tokens[1:])} as the {h.title} of {h.of.title()}; "
                                   f"the statement calls them {said}", h.tokens, [title, *name], 0.8)]
    return []


# Who a common noun names, by sex, so that "the women" and "the female passengers" are one party.
GENDERED = {"woman": "f", "girl": "f", "female": "f", "mother": "f", "wife": "f", "daughter": "f", "sister": "f",
            "man": "m", "boy": "m", "male": "m", "father": "m", "husband": "m", "son": "m", "brother": "m"}


def _party(tok: Token) -> str:
    """Who a common-noun actor is: its sex where a word says so ("the female passengers" → f, "the men" → m),
    else its head noun ("the union")."""
    for w in [tok, *(c for c in tok.children if c.dep_ in {"amod", "compound"})]:
        if lemma(w) in GENDERED:
            return GENDERED[lemma(w)]
    return lemma(tok)


@dataclass
class Act:
    """A predicate with the heads of its doer and of what it is done to (common nouns too)."""

    predicate: str
    token: Token
    doer: Token
    done_to: Token
    hedged: bool  # "reportedly offered": compared only with an act hedged alike


def _acts(doc: Doc) -> list[Act]:
    out = []
    for tok in doc:
        if tok.pos_ != "VERB" or lemma(tok) in GENERIC_PREDICATES or _denied(tok):
            continue
        doer = next((_antecedent(c) for c in tok.children if c.dep_ == "nsubj"), None)
        if doer is None and tok.dep_ == "xcomp":  # "the men offered to pay the women": the men pay
            doer = next((t for t in subject_of(tok) if t.dep_ == "nsubj"), None)
        if doer is None:
            doer = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        done_to = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if doer is not None and done_to is not None and {doer.pos_, done_to.pos_} <= {"NOUN", "PROPN"}:
            out.append(Act(lemma(tok), tok, doer, done_to, is_hedged(tok)))
    return out


def _phrase(tok: Token) -> list[Token]:
    """A noun's phrase without the clauses that describe it ("the mayor of Lyon", not "…, who sued the firm")."""
    def inside(t: Token) -> bool:
        while t.i != tok.i:
            if t.dep_ in {"relcl", "acl", "appos"} or t.is_punct:
                return False
            t = t.head
        return True
    return [t for t in tok.subtree if inside(t)]


def _swapped(src: Doc, stmt: Doc) -> list[Finding]:
    """The same act with doer and the one it is done to exchanged, among common nouns too ("the men offered to
    pay the female passengers" against "the women offered to pay the male passengers")."""
    findings = []
    src_acts = _acts(src)
    for t in _acts(stmt):
        a, b = _party(t.doer), _party(t.done_to)
        if a == b:
            continue  # "officers helped other officers": no telling the two apart
        for s in src_acts:
            if s.predicate != t.predicate or s.hedged != t.hedged:
                continue
            parties = [t.doer, t.done_to, *(c for x in (t.doer, t.done_to) for c in x.children
                                             if c.dep_ in {"amod", "compound", "det"})]
            if (a, b) == (_party(s.done_to), _party(s.doer)) and _mostly_in(_rest(t.token, parties), src):
                findings.append(_contradiction(
                    f"the source says {_txt(_phrase(s.doer))} {s.token.text} {_txt(_phrase(s.done_to))}; the "
                    f"statement has it the other way round", [s.token, s.doer, s.done_to],
                    [t.token, t.doer, t.done_to], 0.8))
                break
    return findings


DESCRIBING = frozenset({"this", "these", "that", "those", "the", "such"})


def _described(s: Frame, t: Frame, src: Doc) -> bool:
    """Whether the source's target is a description ("this US-funded initiative", "the plan") of what the
    statement names, the name being in the sentence before (the source Doc's `._.antecedents`)."""
    if not s.target_tokens or s.target is not None or not t.target_tokens:
        return False
    head = s.target_tokens[-1]
    described = head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DESCRIBING for c in head.children)
    named = {lemma(x) for x in t.target_tokens for x in x.subtree if x.pos_ == "PROPN"}
    return described and bool(named) and named <= src._.antecedents


ADDITIVE = frozenset({"also", "too", "likewise", "similarly"})
MIN_REST = 2  # content words besides the parties that make an act specific enough to have one author


def _same_act(s: Frame, t: Frame, src: Doc) -> bool:
    """Whether the statement's act is the source's own, told by what else it says rather than by its target:
    "Trump criticized Petro's military operations, calling them acts of tyranny" against "Petro has openly
    criticized these actions, calling them acts of tyranny" (the same words, another author). Not when the
    statement adds its author to others ("X also criticized …": see check_roles), and not when both name
    different targets."""
    if s.target and t.target and s.target != t.target:
        return False
    rest = _rest(t.token, _named(t))
    return len(rest) >= MIN_REST and _mostly_in(rest, src)


def _one_party(a: list[Token], b: list[Token]) -> bool:
    """Two descriptions of one actor, one a shorter form of the other ("some ultra-Orthodox men", "some
    ultra-Orthodox Jewish men")."""
    wa, wb = content_lemmas(a), content_lemmas(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa) or _seat_of(a, b) or _seat_of(b, a)


def _seat_of(place: list[Token], organisation: list[Token]) -> bool:
    """A town that may stand for an organisation based there ("Cupertino" for Apple, "Langley" for the CIA): a place
    name that is no country nor capital (those stand for governments: the alias and capital tables), against an
    organisation's name."""
    names = [t for t in place if t.pos_ == "PROPN"]
    if not names or any(t.ent_type_ != "GPE" for t in names) or any(t.pos_ == "NOUN" for t in place):
        return False  # "the Bloomberg agency" is an agency, whatever the tagger takes "Bloomberg" for
    text = " ".join(t.lower_ for t in names)
    if text in aliases() or text in capitals() or _is_country(names[-1]):
        return False
    return any(t.ent_type_ == "ORG" for t in organisation)


GOVERNMENT_NOUNS = frozenset({"administration", "government", "regime", "cabinet"})


def _leaders_government(run: list[Token]) -> bool:
    """A government named by its leader: "the Trump administration", "Petro's government"."""
    head = next((t for t in reversed(run) if t.pos_ == "NOUN"), None)
    return head is not None and lemma(head) in GOVERNMENT_NOUNS and any(
        t.pos_ == "PROPN" and t.i < head.i and not _is_country(t) for t in run)


def _is_country(tok: Token) -> bool:
    return actor_name([tok]) in country_names()


def _leader_and_country(a: list[Token], b: list[Token], src: Doc) -> bool:
    """A leader's government and a country ("the Trump administration", "the United States"): the same party when
    the leader leads that country, which the words alone do not tell — unless the source sentence names that
    country in another part (the administration's decision "has also impacted Colombia": Colombia is not the
    administration)."""
    named_here = names(src)

    def country(run: list[Token]) -> bool:
        named = actor_name(run)
        if named in named_here or any(actor_name([t]) in named_here for t in run if _is_country(t)):
            return False
        return (named in country_names() or any(_is_country(t) for t in run)) and not _leaders_government(run)

    return _leaders_government(a) and country(b) or _leaders_government(b) and country(a)


def _says_the_rest(t: Frame, src: Doc) -> bool:
    """Whether the source says what else the statement's act is about ("accused Petro *of encouraging drug
    production*"): a swap of roles contradicts only the same accusation, not another one the source never
    mentions ("Petro accused Trump of funding paramilitaries" is not in a source where Trump accused Petro of
    encouraging drug production)."""
    return _mostly_in(_rest(t.token, _named(t)), src)


def _named(t: Frame) -> list[Token]:
    """The words that name the parties of a frame (what is said of them is not among them)."""
    return [x for x in t.agent_tokens + t.target_tokens if x.pos_ == "PROPN" or x.text[:1].isupper()]


def _rest(pred: Token, parties: list[Token]) -> set[str]:
    """Content words of an act besides its predicate and the words that name its parties."""
    skip = {x.i for x in parties} | {pred.i}
    return content_lemmas(x for x in pred.subtree if x.i not in skip)


def _mostly_in(rest: set[str], src: Doc) -> bool:
    return not rest or 2 * len(rest & content_lemmas(src)) >= len(rest)


def _txt(tokens: list[Token]) -> str:
    return token_span(tokens).text if tokens else "it"


def _in_source(t: Frame, src: Doc) -> bool:
    """Whether the statement's agent is among the source's agents ("funded by the US and the EU")."""
    for frame in _frames(src):
        if frame.predicate != t.predicate:
            continue
        for tok in frame.agent_tokens:
            if any(actor_name(list(c.subtree)) == t.agent for c in tok.conjuncts):
                return True
    return False


def _all(frame: Frame) -> list[Token]:
    return [frame.token] + frame.agent_tokens + frame.target_tokens


def names_another_than_the_source(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters start..end of a statement fill a slot the source fills with another name: the holder
    of an office one person holds, the place of a one-off act, where most of a thing comes from, an end of a
    journey, a sea, the town of a named site, or the name of a described thing (the coverage rule's exceptions to a name the document never
    mentions)."""
    return any(check(doc, start, end) for check in (names_a_sole_office, places_a_one_off_act, names_an_origin,
                                                      names_a_route_end, places_at_sea, names_a_described_one,
                                                      names_a_site_place))

"""Polarity: the same predicate asserted in one text and negated in the other, or replaced by its
opposite ("suspended" vs "increased" payments, "weakened" vs "strengthened": the [predicates] of
data/opposites.txt).

Predicates are aligned by lemma (verbs, and event nouns such as "suspension") and by a shared
argument word; hedged clauses ("may not") are skipped, and so are complements a negation leaves open ("was not
asked to resign").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    ACTOR_LABELS,
    RELATIVE_PRONOUNS,
    content_lemmas,
    entity_of,
    is_hedged,
    lemma,
    negation_of,
    opens_cleft,
    subject_of,
    token_span,
    unevidenced,
)
from factcheck.judge.rules.lexicon import aliases, opposites, person_nouns
from factcheck.judge.rules.patterns import MONTH_WORDS, YEAR
from factcheck.judge.rules.quantities import CAUSATIVE, DOWN, UP
from factcheck.judge.rules.stakes import check_stakes
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


# "grew stronger", "became weaker": a verb of becoming with a comparative says the change the comparative names
# ("grew weaker" is no growth); another comparative ("grew tired") is no change of amount.
BECOMING = frozenset({"grow", "become", "get", "turn"})
COMPARATIVE_CHANGES = {
    "stronger": "strengthen", "weaker": "weaken", "bigger": "grow", "larger": "grow", "smaller": "shrink",
    "higher": "rise", "lower": "fall", "better": "improve", "worse": "worsen",
}
# "left the agency intact", "kept it untouched": a verb of keeping with such an adjective says the thing was preserved.
KEEPING = frozenset({"leave", "keep"})
KEPT = {"intact": "preserve", "untouched": "preserve", "unchanged": "preserve"}


def _verb_lemma(tok: Token) -> str:
    """A verb's lemma, a phrasal verb of the [predicates] table with its particle ("give up"), or for a verb of
    becoming with a comparative the change it names ("grew weaker" → weaken), for one of keeping what it says was
    done ("left intact" → preserve)."""
    own = lemma(tok)
    particle = _particle(tok)
    if particle is not None:
        return f"{own} {particle.lower_}"  # a phrasal verb the table names: "gave up" the goal against "strives" for it
    comp = _become_what(tok)
    if comp is None:
        return own
    return COMPARATIVE_CHANGES.get(comp.lower_) or KEPT.get(comp.lower_) or f"{own} {comp.lower_}"


def _particle(tok: Token) -> Token | None:
    """The particle of a phrasal verb the [predicates] table names ("gave up", "scale back"), if any."""
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    return particle if particle is not None and f"{lemma(tok)} {particle.lower_}" in opposites("predicates") else None


def _become_what(tok: Token) -> Token | None:
    """The adjective of a verb of becoming ("grew weaker", "became tired"), or of keeping that says the thing was
    kept as it was ("left intact"), if any."""
    own = lemma(tok)
    if own not in BECOMING | KEEPING:
        return None
    comp = next((c for c in tok.children if c.dep_ in {"acomp", "oprd"} and c.pos_ in {"ADJ", "ADV"}), None)
    return comp if own in BECOMING or (comp is not None and comp.lower_ in KEPT) else None


def _said(tok: Token) -> str:
    """The words a finding quotes for a verb: with its particle when the table names the phrasal verb ("scale
    back"), the adjective of a verb of becoming ("grew weaker") or its stance noun ("voiced support")."""
    particle = _particle(tok)
    if particle is not None:
        return f"{tok.text} {particle.text}"
    comp = _become_what(tok)
    if comp is None:
        comp = _stance_noun(tok)
    return f"{tok.text} {comp.text}" if comp is not None else tok.text


# A verb that lends its clause to the stance its object noun names: "voiced support for the strikes" supports them,
# "expressed opposition to the plan" opposes it, and "made an attempt to intervene" tried to.
LIGHT_VERBS = frozenset({"voice", "express", "give", "offer", "lend", "pledge", "declare", "signal", "show", "make"})
STANCE_NOUNS = {"support": "support", "backing": "back", "opposition": "oppose", "criticism": "criticize",
                "praise": "praise", "condemnation": "condemn", "approval": "approve", "endorsement": "endorse",
                "rejection": "reject", "attempt": "try", "effort": "try"}


def _stance_noun(tok: Token) -> Token | None:
    """The stance noun a light verb takes as its object ("voiced support"), if any."""
    if lemma(tok) not in LIGHT_VERBS:
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and lemma(c) in STANCE_NOUNS), None)


def _lends_stance(noun: Token) -> bool:
    """Whether a noun is the stance of a light verb ("support" in "voiced support"): read with the verb, not alone."""
    light = _stance_noun(noun.head) if noun.dep_ == "dobj" else None
    return light is not None and light.i == noun.i


def _predicates(doc: Doc) -> list[tuple[str, Token, set[str], set[str]]]:
    """(verb lemma, token, subject words, object words) for every verb and event noun."""
    out: list[tuple[str, Token, set[str], set[str]]] = []
    for tok in doc:
        me = {lemma(tok)}
        if tok.pos_ == "VERB" and tok.dep_ == "amod" and tok.tag_ in {"VBN", "VBD"}:
            # "increased payments": the participle says what happened to its noun
            out.append((lemma(tok), tok, set(), content_lemmas(tok.head.subtree) - me))
        elif tok.pos_ == "VERB" and tok.dep_ != "compound" or _copular(tok):
            subj_words = content_lemmas(subject_of(tok.head if _copular(tok) else tok))
            doers = [t for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                     for t in g.subtree]
            if doers:  # "Petro's call was backed by several governments": the governments backed it, not Petro
                subj_words = content_lemmas(doers)
            obj = [t for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "attr", "dative"} for t in c.subtree]
            obj += [
                t for c in tok.children if c.dep_ == "prep" and not _concessive(c)
                for g in c.children if g.dep_ == "pobj" for t in g.subtree
            ]
            if not obj and lemma(tok) in GOAL_VERBS:  # "striving to achieve total peace": the goal is what it seeks
                obj = _complement(tok)  # (and what one wants: "does not want the crisis to come to an end")
            # "criticized these actions": what the object refers back to is in another sentence, so the
            # object cannot be compared and the subject decides
            noun = _stance_noun(tok)
            if noun is not None:  # "voiced support for the strikes": supported the strikes
                me = {lemma(tok), lemma(noun)}
                obj = [t for c in noun.children if c.dep_ in {"prep", "acl"} for t in c.subtree] + [
                    t for c in tok.children if c.dep_ in {"prep", "dative"} for t in c.subtree]
            refers_back = _refers_back(obj) or (noun is None and bool(obj) and all(t.pos_ == "PRON" for t in obj))
            out.append((STANCE_NOUNS[lemma(noun)] if noun is not None else _verb_lemma(tok), tok, subj_words - me,
                        {REFERS_BACK} if refers_back else content_lemmas(obj) - me))
        elif tok.pos_ == "NOUN" and lemma(tok) in NOMINAL and not _lends_stance(tok):
            subj = [t for c in tok.children if c.dep_ == "poss" for t in c.subtree]
            obj = [t for c in tok.children if c.dep_ in {"prep", "compound"} for t in c.subtree]
            out.append((NOMINAL[lemma(tok)], tok, content_lemmas(subj) - me, content_lemmas(obj) - me))
    return out


def _complement(tok: Token) -> list[Token]:
    """What a verb of wishing or trying reaches for: its clause ("tried to intervene"), or its stance noun's ("made no
    attempt to intervene")."""
    noun = _stance_noun(tok)
    if noun is not None:
        return [t for c in noun.children if c.dep_ == "acl" for t in c.subtree]
    return [t for c in tok.children if c.dep_ in {"xcomp", "ccomp"} for t in c.subtree]


# Verbs that carry no content of their own in a wish's complement: "wants the crisis brought to an end" is "does not
# want the crisis to come to an end" denied
EMPTY_VERBS = frozenset({"come", "bring", "get", "go", "be", "have", "make", "put", "see", "let", "keep"})


def _same_wish(s: _Stance, t: _Stance) -> bool:
    """A wish is denied only for what is wished: "does not want the talks to fail" is not denied by "wants the talks
    to succeed". The source's wished content (its `EMPTY_VERBS` aside) is in the statement's, and the statement's
    verbs in the source's."""
    s_comp, t_comp = _complement(s.tok), _complement(t.tok)
    if s.lemma not in GOAL_VERBS or not (s_comp or t_comp):
        return True
    s_words, t_words = content_lemmas(s_comp) - EMPTY_VERBS, content_lemmas(t_comp) - EMPTY_VERBS
    t_verbs = {lemma(w) for w in t_comp if w.pos_ == "VERB"} - EMPTY_VERBS
    return bool(s_words) and s_words <= t_words and t_verbs <= s_words


GOAL_VERBS = frozenset({"strive", "seek", "pursue", "try", "aim", "attempt", "work", "want", "wish", "intend",
                        "prefer"})


def _concessive(prep: Token) -> bool:
    """A preposition that concedes something besides the predicate ("despite their forceful styles", "in spite of
    the cuts", "regardless of the cost"): what it names is no argument to align the predicate on."""
    if prep.lower_ in {"despite", "notwithstanding"}:
        return True
    return any(g.dep_ == "pobj" and g.lower_ == "spite" for g in prep.children) or (
        prep.lower_ == "of" and prep.i > 0 and prep.nbor(-1).lower_ in {"regardless", "irrespective"})


REFERS_BACK = "<refers back>"  # an object word list standing for "these actions", "them"


def _refers_back(obj: list[Token]) -> bool:
    """An object with a demonstrative ("these actions"): what it names is in another sentence."""
    return any(t.dep_ == "det" and t.lower_ in {"this", "these", "those"} for t in obj)


def _copular(tok: Token) -> bool:
    """An adjective or participle a form of "be" says of its subject ("the men were not armed", "she was aware"):
    a predicate whose negation, and subject, are the copula's."""
    return tok.dep_ == "acomp" and tok.pos_ in {"ADJ", "VERB"} and lemma(tok.head) == "be"


# Words of change by their direction, beyond the [predicates] pairs ("funding has grown" against "reduced
# funding"): the quantities rule's, without comparatives and adverbs ("more", "up") and "gain"/"lose" (a team, a seat),
# which are not changes of an amount, and with the multiplying verbs.
NOT_CHANGES = frozenset({"up", "down", "more", "less", "fewer", "higher", "gain", "lose", "loss"})
GO_UP = (UP - NOT_CHANGES) | {"double", "triple"}
GO_DOWN = (DOWN - NOT_CHANGES) | {"halve"}
# Changes of another dimension than amount: an economy may grow and weaken in one year, so only "strengthen" and
# "weaken" (or "improve" and "worsen") are opposed to each other.
OTHER_CHANGES = {"strengthen": ("strength", 1), "weaken": ("strength", -1), "improve": ("quality", 1),
                 "worsen": ("quality", -1), "deteriorate": ("quality", -1)}


def _direction(word: str) -> tuple[str, int]:
    """(dimension, +1 up / -1 down / 0 no change) of a word of change."""
    if word in OTHER_CHANGES:
        return OTHER_CHANGES[word]
    return "amount", 1 if word in GO_UP else -1 if word in GO_DOWN else 0


def _way(word: str) -> str:
    return "up" if _direction(word)[1] > 0 else "down"


def _opposed(a: str, b: str) -> bool:
    (dim_a, dir_a), (dim_b, dir_b) = _direction(a), _direction(b)
    return dim_a == dim_b and dir_a * dir_b == -1


def _changed(tok: Token) -> Token | None:
    """What a verb of change says went up or down: the noun of "reduced funding", the object of "cut funding",
    the subject of "funding fell" or "funding was cut"; None when it is not said."""
    if tok.dep_ == "amod":
        return tok.head
    if tok.pos_ != "VERB":
        return None
    for dep in ("dobj", "nsubjpass"):
        found = next((c for c in tok.children if c.dep_ == dep), None)
        if found is not None:
            return found
    if lemma(tok) in CAUSATIVE:
        return None  # "the firm cut by 7%": its subject made the change, to something not said
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


# Children of a verb that are clauses of their own: a figure there is not the change's ("grew, reaching $400 million").
CLAUSES = frozenset({"nsubj", "advcl", "conj", "ccomp", "xcomp", "relcl", "parataxis", "cc", "punct"})


def _figured(tok: Token) -> bool:
    """A change given with a figure ("rose 7%", "fell by a third", "rose to $5m"): the quantities rule compares
    those. A figure in a clause of its own ("has grown, reaching more than $400 million") is not the change's."""
    return any(t.like_num and not re.fullmatch(YEAR, t.text) for c in tok.children if c.dep_ not in CLAUSES
               for t in c.subtree)


# Nouns that name one thing when it goes up or down: "reduced funding" and "aid has risen" are the same money.
ONE_THING = {"aid": "funding", "assistance": "funding", "financing": "funding"}


def _opposite_changes(s: _Stance, t: _Stance, src_words: set[str], stmt_words: set[str]) -> Token | None:
    """The thing one text says went up and the other says went down, without figures: the same noun, or the same
    name ("weakening the Farc guerrilla group" and "the Farc grew stronger"), with what each text says of it in the
    other ("funding for schools" is not "funding for hospitals"); else None."""
    if not _opposed(s.lemma, t.lemma) or _figured(s.tok) or _figured(t.tok):
        return None
    a, b = _changed(s.tok), _changed(t.tok)
    if a is None or b is None:
        return None
    own = {s.lemma, t.lemma, lemma(s.tok), lemma(t.tok), lemma(a), lemma(b)}
    if a.pos_ == b.pos_ == "NOUN" and ONE_THING.get(lemma(a), lemma(a)) == ONE_THING.get(lemma(b), lemma(b)):
        said_a, said_b = content_lemmas(a.subtree), content_lemmas(b.subtree)
    elif _names(a) & _names(b):  # a name with or without its description: what follows it must agree
        said_a, said_b = _specified(a), _specified(b)
    else:
        return None
    if not (said_a - own <= stmt_words and said_b - own <= src_words):
        return None
    return b


def _thing(src_verb: Token, stmt_thing: Token) -> str:
    """What the source says changed, in its own word ("funding", where the statement says "aid")."""
    own = _changed(src_verb)
    return (own if own is not None and own.pos_ == "NOUN" else stmt_thing).lower_


def _it(src_verb: Token, stmt_thing: Token) -> str:
    return "it" if _thing(src_verb, stmt_thing) == stmt_thing.lower_ else stmt_thing.lower_


def _names(tok: Token) -> set[str]:
    """The proper-noun lemmas of a noun and its compounds ("the Farc guerrilla group" → {farc})."""
    return {lemma(t) for t in (tok, *(c for c in tok.children if c.dep_ == "compound")) if t.pos_ == "PROPN"}


def _specified(tok: Token) -> set[str]:
    """Content lemmas of what a noun's prepositions say of it ("funding for schools" → {school})."""
    return content_lemmas([t for c in tok.children if c.dep_ == "prep" for t in c.subtree])


def _changes(src_preds: list[_Stance], stmt_preds: list[_Stance], src: Doc, stmt: Doc) -> list[Finding]:
    """Findings on things the two texts say changed in opposite directions (`_opposite_changes`)."""
    src_words, stmt_words = content_lemmas(src), content_lemmas(stmt)
    findings = []
    for t in stmt_preds:
        for s in src_preds:
            if (s.neg is None) != (t.neg is None) or _about_other_things(s.tok, t.tok):
                continue
            thing = _opposite_changes(s, t, src_words, stmt_words)
            if thing is None:
                continue
            # the same thing over the same stretch of time ("in recent years" both): as sure as two figures going
            # opposite ways (the quantities rule's 0.9)
            period = _period(src) & _period(stmt) or _specifiers(s.tok)[1] & _specifiers(t.tok)[1]
            findings.append(
                Finding(
                    rule="polarity",
                    relation="contradicts",
                    explanation=f"the source says {_thing(s.tok, thing)} went {_way(s.lemma)} (“{_said(s.tok)}”); "
                    f"the statement says {_it(s.tok, thing)} went {_way(t.lemma)} (“{_said(t.tok)}”)",
                    source_span=token_span([s.tok]),
                    statement_span=token_span([t.tok]),
                    confidence=0.9 if period else 0.75,
                )
            )
            break
    return findings


PERIOD = re.compile(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last)\s+(?:(?:few|several|two|three|five|ten)\s+)?"
                    r"(year|month|decade|week)s?\b", re.IGNORECASE)


def _period(doc: Doc) -> set[str]:
    """The recent stretches of time a sentence speaks of ("in recent years", "over the past decade" → {year},
    {decade})."""
    return {m.group(1).lower() for m in PERIOD.finditer(doc.text)}


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
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth"})


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
        elif (cur.ent_type_ == "ORDINAL" or cur.lower_ in ORDINALS) and cur.ent_type_ not in {"DATE", "TIME"}:
            # "the first bridge" is not "the second"
            found.add(cur.lower_)
        elif cur.pos_ == "PROPN" or cur.ent_type_ in ACTOR_LABELS:
            ent = entity_of(cur)
            text = ent.text.lower().removeprefix("the ") if ent is not None else cur.lower_
            found.add(alias.get(text, alias.get(cur.lower_, text)))
        stack.extend(c for c in cur.children if c.dep_ not in OTHER_CLAUSES or cur.i != head.i)
    return found, times


def _about_other_things(s_tok: Token, t_tok: Token) -> bool:
    """Both clauses name who/where (or when), and none of it is shared: two facts about different things
    ("sales in Ohio fell" and "sales in Texas rose"; "fell in 2021" and "rose in 2022"); or the two predicates are said
    of two differently named people, since what one person praises another may criticise ("Ruiz praised the tax"
    against "Soto criticized the tax"; another doer of the same act is the roles rule's to judge)."""
    (s_names, s_times), (t_names, t_times) = _specifiers(s_tok), _specifiers(t_tok)
    if s_names and t_names and not s_names & t_names or s_times and t_times and not s_times & t_times:
        return True
    s_figures, t_figures = _subject_figures(s_tok), _subject_figures(t_tok)
    if s_figures and t_figures and not s_figures & t_figures:
        return True  # "10 (43%) had symptoms" and "56% of them had no symptoms": two parts of a group
    people = [_person(tok) for tok in (s_tok, t_tok)]
    return None not in people and people[0] != people[1]


def _subject_figures(tok: Token) -> set[str]:
    """The numbers a predicate's own subject is counted with ("13 (57%) were asymptomatic" → {13, 57}), years aside;
    of every subject the parser gives it ("the nursing home …, 56% of those who tested positive had no symptoms")."""
    head = tok.head if _copular(tok) else tok
    return {t.lower_.replace(",", "") for subj in head.children if subj.dep_ in {"nsubj", "nsubjpass"}
            for t in subj.subtree if t.like_num and not re.fullmatch(YEAR, t.text)
            and not (t.i > 0 and t.nbor(-1).lower_ in {"no", "any", "every", "each", "some"})}  # "no one" is none


def _person(tok: Token) -> str | None:
    """The name word of the person a predicate's own subject is ("Senator Ana Ruiz" → ruiz), or None when its
    subject is no person's name (a common noun, a country, an organisation, a pronoun)."""
    subj = _own_subject(tok)
    return subj.lower_ if subj is not None and subj.ent_type_ == "PERSON" else None


# Heads whose negation denies their complement ("was not able to stop", "did not manage to cut", "was not effective
# in preventing"); a negated head of another kind leaves it open ("was not asked to resign", "did not want to raise")
IMPLICATIVE = {"able", "manage", "succeed", "effective", "successful"}
# … and heads that deny it themselves ("fail to" is negation_of's)
DENYING = {"unable", "ineffective", "unsuccessful"}
IMPLIED_BY = IMPLICATIVE | DENYING


def _complemented(tok: Token) -> list[Token]:
    """The heads `tok` completes, nearest first: "did not manage to persuade them to stop" → persuade, manage;
    "not effective in preventing" → effective (through a preposition only for the heads above)."""
    heads: list[Token] = []
    cur = tok
    while len(heads) < 3:
        if cur.dep_ == "xcomp":
            cur = cur.head
        elif cur.dep_ in {"pcomp", "pobj"} and cur.head.dep_ == "prep" and lemma(cur.head.head) in IMPLIED_BY:
            cur = cur.head.head
        else:
            break
        heads.append(cur)
    return heads


def _noun_phrase_negation(tok: Token) -> Token | None:
    """The negation of a copula that denies its noun's participles: "there is no approved treatment", "it is not a
    confirmed case"."""
    noun = tok.head
    if tok.dep_ not in {"amod", "acl"} or noun.dep_ != "attr" or lemma(noun.head) != "be":
        return None
    no = next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)
    return no if no is not None else negation_of(noun.head)


NOTHING = frozenset({"nothing", "none", "nobody"})


def _object_negation(tok: Token) -> Token | None:
    """The "no" of a verb's object, which denies the verb as "not" would: "has had no team" is "has not had a
    team", "found no evidence" is "did not find evidence", "said nothing"."""
    for obj in tok.children:
        if obj.dep_ != "dobj":
            continue
        if obj.lower_ in NOTHING:
            return obj
        no = next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "no"), None)
        if no is not None:
            return no
    return None


NOBODY = frozenset({"nobody", "no-one"})


def _own_subject(tok: Token) -> Token | None:
    """A predicate's own subject word (a copular one's is the copula's): no subject borrowed from another clause."""
    head = tok.head if _copular(tok) else tok
    return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _subject_negation(tok: Token) -> Token | None:
    """The "no" of a predicate's own subject, which denies it for that subject: "no passengers were hurt"."""
    subj = _own_subject(tok)
    if subj is None or any(c.lower_ in {"other", "else"} for c in subj.children):
        return None  # "no other country": others than one
    if subj.lower_ in NOBODY:
        return subj
    return next((c for c in subj.children if c.dep_ == "det" and c.lower_ == "no"), None)


def _subject_denied(neg: Token) -> bool:
    """A negation that is its subject's "no" ("no passengers were hurt") or the subject itself ("nobody")."""
    return (neg.dep_ == "det" and neg.head.dep_ in {"nsubj", "nsubjpass"}) or neg.dep_ in {"nsubj", "nsubjpass"}


def _nobody(neg: Token) -> bool:
    """"No one", "nobody": no person at all."""
    return neg.lower_ in NOBODY or (neg.dep_ == "det" and neg.head.lower_ == "one")


def _denied_for(neg: Token, other_subject: Token | None, s_subj: set[str], t_subj: set[str]) -> bool:
    """Whether a subject's negation takes in the other text's subject: the same words ("no passengers" and
    "several passengers"), or for "no one" and "nobody" any people ("three soldiers")."""
    if s_subj & t_subj:
        return True
    return _nobody(neg) and other_subject is not None and (
        lemma(other_subject) in person_nouns() | {"people", "person"})


def _negation(tok: Token) -> tuple[Token | None, bool]:
    """The word negating a predicate (None: asserted), and False where a negated head leaves it open."""
    if tok.pos_ != "VERB" and not _copular(tok):
        return None, True
    if unevidenced(tok):
        return None, False
    neg = negation_of(tok)
    if neg is None and _copular(tok):
        neg = negation_of(tok.head)
    if neg is None:
        neg = _noun_phrase_negation(tok)
    if neg is None:
        neg = _object_negation(tok)
    if neg is None:
        neg = _subject_negation(tok)
    if neg is not None:
        return neg, True
    implied = True
    for head in _complemented(tok):
        implied = implied and lemma(head) in IMPLIED_BY
        neg = head if lemma(head) in DENYING else negation_of(head)
        if neg is None and head.dep_ == "acomp":  # "was not able": the copula holds the adjective's negation
            neg = negation_of(head.head)
        if neg is not None:
            return (neg, True) if implied else (None, False)
    return None, True


class _Stance(NamedTuple):
    """A predicate a text takes a side on: asserted (`neg` None) or negated by `neg`."""

    lemma: str
    tok: Token
    subj: set[str]
    obj: set[str]
    neg: Token | None


def _stances(doc: Doc) -> list[_Stance]:
    """The predicates of `doc` that are neither hedged nor left open by a negated head."""
    out = []
    for lem, tok, subj, obj in _predicates(doc):
        neg, decided = _negation(tok)
        if decided and not is_hedged(tok):
            out.append(_Stance(lem, tok, subj, obj, neg))
    return out


def _same_lemma(a: str, b: str) -> bool:
    """One predicate, also as a verb in one text and its participle as an adjective in the other ("were not armed"
    read as the adjective "armed" against "were armed", the passive of "arm")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long in {short + "ed", short + "d", short + short[-1:] + "ed"} or (
        short.endswith("y") and long == short[:-1] + "ied")


# Adverbs of degree or manner a negation can deny on their own: "was not seriously injured" says the boy was hurt,
# only not badly, and "did not fully repay the loan" that some was repaid; neither denies "was injured", "repaid".
DEGREE = frozenset({"seriously", "badly", "severely", "critically", "gravely", "fully", "completely", "entirely",
                    "totally", "wholly", "quite", "very", "too", "much", "necessarily", "exactly", "always",
                    "significantly", "substantially", "greatly", "directly", "officially", "formally", "publicly",
                    "immediately", "solely", "only", "merely", "just", "really", "particularly", "especially"})


def _degrees(tok: Token) -> set[str]:
    """The degree adverbs of a predicate ("not seriously hurt" → {seriously}), also on its copula."""
    heads = (tok, tok.head) if _copular(tok) else (tok,)
    return {c.lower_ for h in heads for c in h.children if c.dep_ == "advmod" and c.lower_ in DEGREE}


def _degree_denied(denied: _Stance, asserted: _Stance) -> bool:
    """The negation takes a degree the other text does not give ("was not seriously hurt" against "was hurt")."""
    return bool(_degrees(denied.tok) - _degrees(asserted.tok))


def _denies(s: _Stance, t: _Stance) -> bool:
    """Whether one of two aligned stances on one predicate denies what the other asserts, and the denial takes it in:
    not one specific thing of it only (`_denial_covers`), not a degree only (`_degree_denied`), and a subject's "no"
    only for that subject (`_denied_for`)."""
    if not _same_lemma(s.lemma, t.lemma) or (s.neg is None) == (t.neg is None):
        return False
    denied, asserted = (s, t) if s.neg is not None else (t, s)
    if denied.neg is None or not _denial_covers(denied, asserted) or _degree_denied(denied, asserted):
        return False
    return not _subject_denied(denied.neg) or _denied_for(denied.neg, _own_subject(asserted.tok), s.subj, t.subj)


def _says_it(stance: _Stance, others: Iterable[_Stance]) -> bool:
    """Whether one of `others` says the predicate of `stance` the same way (both negated, or both asserted)."""
    return any(_same_lemma(o.lemma, stance.lemma) and (o.neg is None) == (stance.neg is None) for o in others)


def _object(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in {"dobj", "attr"}), None)


def _object_of(tok: Token) -> tuple[str, set[str]] | None:
    """(head lemma, lemmas of the nouns that specify it) of a predicate's object: "found evidence of fraud" →
    (evidence, {fraud})."""
    obj = _object(tok)
    if obj is None:
        return None
    specifiers = {lemma(g) for c in obj.children if c.dep_ == "prep" for g in c.children
                  if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}}
    specifiers |= {lemma(c) for c in obj.children if c.dep_ == "compound"}
    return lemma(obj), specifiers


EVERY = frozenset({"any", "every", "each", "all"})


def _of_every(tok: Token) -> bool:
    """Whether a predicate's object is every one of its kind: "accommodate any customer request", "all requests"."""
    obj = _object(tok)
    return obj is not None and any(c.dep_ in {"det", "predet", "amod"} and c.lower_ in EVERY for c in obj.children)


def _denial_covers(denied: _Stance, asserted: _Stance) -> bool:
    """Whether what one side denies takes in what the other asserts: "found no evidence" denies "found evidence of
    fraud", but "found no evidence of bribery" leaves "found evidence of fraud" standing (one object, specified
    as two different things); what is asserted of every one of a kind ("accommodate any customer request") is
    denied by its denial for any narrower kind ("refuses to accommodate seating requests")."""
    a, b = _object_of(denied.tok), _object_of(asserted.tok)
    if a is None or b is None or a[0] != b[0] or _of_every(asserted.tok):
        return True
    return not (a[1] and b[1] and not a[1] & b[1])


# "by doctors rather than by the participants", "hired engineers instead of salespeople", "doctors, not patients":
# what follows is denied in the role of what comes before it.
ALTERNATIVE = re.compile(r"(?:\b(?:rather than|instead of|and not|but not)|,\s*not)\s+(?:by\s+)?"
                         r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?P<x>[\w-]+(?:\s+[\w-]+)?)", re.IGNORECASE)
DOER, DONE_TO = "doer", "done to"


def _role(tok: Token) -> tuple[Token, str] | None:
    """(verb, role) of a noun: the doer of an active verb's subject or a passive's "by" phrase; what is done to
    for an object or a passive subject."""
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        return tok.head, DOER
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return tok.head.head, DOER
    if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB":
        return tok.head, DONE_TO
    if tok.dep_ == "attr" and opens_cleft(tok.head):
        # a cleft, "it was Burton, not Manson, who called off the wedding": the role is in the relative clause,
        # hung on the noun or on its denied alternative
        for verb in (t for t in tok.subtree if t.dep_ == "relcl" and t.pos_ == "VERB"):
            rel = next((c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS), None)
            if rel is not None and rel.dep_ in {"nsubj", "nsubjpass"}:
                return verb, DOER if rel.dep_ == "nsubj" else DONE_TO
    return None


def _same_word(a: Token, b: Token) -> bool:
    """One word, however each parse lemmatised it ("salespeople" is "salesperson" in one sentence, not another)."""
    return bool({lemma(a), a.lower_} & {lemma(b), b.lower_})


def _denied_alternative(src: Doc, stmt: Doc) -> list[Finding]:
    """The statement denies someone in a role ("filled out by doctors rather than by the participants") that the
    source gives them for the same act ("Participants filled out questionnaires")."""
    for m in ALTERNATIVE.finditer(stmt.text):
        span = stmt.char_span(m.start("x"), m.end("x"), alignment_mode="expand")
        before = stmt.char_span(0, m.start(), alignment_mode="contract")
        if span is None or before is None or not len(before):
            continue
        denied = next((t for t in reversed(span) if t.pos_ in {"NOUN", "PROPN"}), None)
        # what the denied one stands against: the last noun before the marker, in its role
        other = next((t for t in reversed(before) if t.pos_ in {"NOUN", "PROPN"}), None)
        if denied is None or other is None or _same_word(denied, other):
            continue
        span = stmt[span.start : denied.i + 1]  # "salespeople", not "salespeople last"
        role = _role(other)
        if role is None:
            continue
        verb, kind = role
        for tok in src:
            if tok.pos_ != "VERB" or lemma(tok) != lemma(verb) or negation_of(tok) is not None or is_hedged(tok):
                continue
            # a doer may be borrowed from the clause the verb is joined to ("Manson was displeased and called off
            # the wedding")
            borrowed = [t for t in subject_of(tok) if t.dep_ == "nsubj"] if kind == DOER else []
            filled = [t for t in [*tok.subtree, *borrowed] if t.pos_ in {"NOUN", "PROPN"} and _same_word(t, denied)
                      and (t in borrowed or (r := _role(t)) is not None and r[0].i == tok.i and r[1] == kind)]
            if filled:
                said = f"“{filled[0].text}” {tok.text}" if kind == DOER else f"{tok.text} “{filled[0].text}”"
                return [Finding(
                    rule="polarity",
                    relation="contradicts",
                    explanation=f"the statement says not “{span.text}” ({kind} “{verb.text}”); the source says {said}",
                    source_span=token_span([filled[0]]),
                    statement_span=token_span(list(span)),
                    confidence=0.75,
                )]
    return []


def check_polarity(src: Doc, stmt: Doc) -> list[Finding]:
    """Find a predicate negated, or replaced by its opposite, between source and statement."""
    findings = []
    src_preds, stmt_preds = _stances(src), _stances(stmt)
    # with the words of the sentence before, which an object referring back ("criticized these actions") may name
    src_words = content_lemmas(src) | set(src._.before_words if Doc.has_extension("before_words") else ())
    opposed = opposites("predicates")
    src_lemmas, stmt_lemmas = {p.lemma for p in src_preds}, {p.lemma for p in stmt_preds}
    # the predicates about the same thing: for each statement predicate the source's (with the shared words),
    # for each source predicate the statement's
    aligned: dict[int, list[tuple[_Stance, set[str]]]] = {}
    stmt_aligned: dict[int, list[_Stance]] = {s.tok.i: [] for s in src_preds}
    for t in stmt_preds:
        aligned[t.tok.i] = []
        for s in src_preds:
            shared = _aligned(s.subj, s.obj, t.subj, t.obj, src_words)
            if shared and not _about_other_things(s.tok, t.tok):
                aligned[t.tok.i].append((s, shared))
                stmt_aligned[s.tok.i].append(t)
    for t in stmt_preds:
        for s, shared in aligned[t.tok.i]:
            # a text that says it both ways ("men refusing to sit … so that the men won't have to sit"; "either
            # not working or working fewer hours") agrees with the other text, and its other way is no contradiction
            both_ways = _says_it(t, (a for a, _ in aligned[t.tok.i])) or _says_it(s, stmt_aligned[s.tok.i])
            if not both_ways and _denies(s, t) and _same_wish(s, t):
                neg = s.neg if s.neg is not None else t.neg
                assert neg is not None
                side = "source" if s.neg is not None else "statement"
                findings.append(
                    Finding(
                        rule="polarity",
                        relation="contradicts",
                        explanation=f"the {side} negates “{neg.text} … {(s.tok if s.neg else t.tok).text}”; "
                        f"the other text asserts it (about {', '.join(sorted(shared))})",
                        source_span=token_span([s.tok] + ([s.neg] if s.neg is not None else [])),
                        statement_span=token_span([t.tok] + ([t.neg] if t.neg is not None else [])),
                        confidence=0.8,
                    )
                )
                break
            # where both texts name both sides ("neither confirmed nor denied", "neither denied nor confirmed"), or
            # the source says the thing goes the statement's way too, of a subject at least as close to the
            # statement's ("lockdown increases the risk, whereas isolation reduces it" against "lockdown raised
            # the risk", not against "isolation raised it"), neither says one against the other
            same_side = any(x is not s and (_same_lemma(x.lemma, t.lemma) or x.lemma in opposed.get(s.lemma, ()))
                            and (x.neg is None) == (t.neg is None) and len(x.subj & t.subj) >= len(s.subj & t.subj)
                            for x, _ in aligned[t.tok.i])
            if t.lemma in opposed.get(s.lemma, ()) and (s.neg is None) == (t.neg is None) and not same_side \
                    and not (t.lemma in src_lemmas and s.lemma in stmt_lemmas):
                findings.append(
                    Finding(
                        rule="polarity",
                        relation="contradicts",
                        explanation=f"the source says “{_said(s.tok)}”; the statement says the opposite, "
                        f"“{_said(t.tok)}” (about {', '.join(sorted(shared))})",
                        source_span=token_span([s.tok]),
                        statement_span=token_span([t.tok]),
                        confidence=0.75,
                    )
                )
                break
    return findings or _changes(src_preds, stmt_preds, src, stmt) or _denied_alternative(src, stmt) \
        or check_stakes(src, stmt)

"""Antonyms: a word in the statement that is the opposite of a word in the source playing the same
role ("left-wing President Petro" vs "Petro is a conservative politician").

The lexicon is curated (the [words] of data/opposites.txt) plus a few phrase-level opposites. A pair
counts only when both words describe the same thing: the same head noun, the same named entity
(through a copula or a compound chain) or the same governor, and neither clause is negated.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

from factcheck.judge.rules._common import (
    DEMONSTRATIVES,
    GENERIC,
    denied_by_phrase,
    is_hedged,
    lemma,
    make_span,
    names,
    negation_of,
    same_stem,
    subject_of,
    token_span,
    unevidenced,
)
from factcheck.judge.rules.lexicon import opposites
from factcheck.judge.rules.patterns import DATE_WORDS
from factcheck.results import Finding, Relation

MEASURES = {"level", "rate", "amount", "number", "price", "cost", "figure", "share", "proportion", "percentage",
            "degree", "speed", "pace", "value", "volume", "score", "temperature", "sum", "margin", "tension"}
# Nouns that count or measure what their "of" names: "a couple of projects", "token amounts of aid".
COUNTED = frozenset({"couple", "handful", "few", "number", "amount", "sum", "lot", "dozen", "score", "quantity"})
HOW_MANY = frozenset({"numerous", "many", "few", "countless", "myriad"})
# Words that say how many or how much: opposite only about the same act ("numerous projects were canceled" against
# "a couple of projects were canceled"; not "few were approved" against "many were submitted").
AMOUNT_WORDS = HOW_MANY | {"couple", "handful", "token", "meagre", "meager", "paltry", "scant", "measly"}
LIGHT_PREDICATES = frozenset({"be", "have", "do", "get", "end", "come", "go", "seem", "remain"})


def _counts(tok: Token) -> bool:
    """Whether a how-many word counts: not "quite a few" or "not a few" (many), not "the couple" (two people)."""
    if lemma(tok) in {"couple", "handful"}:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if lemma(tok) == "few":
        return tok.i < 2 or tok.doc[tok.i - 2].lower_ not in {"quite", "not"}
    return True


def _acts_on(tok: Token) -> set[str]:
    """Lemmas of the predicate a how-many word's noun takes part in: its verb, and the verb or adjective that verb
    completes ("ended up being canceled" → end, cancel; "were unhurt" → unhurt)."""
    noun = tok.head if tok.dep_ in {"amod", "nummod"} else tok
    verb = noun.head
    if noun.dep_ == "pobj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return set()
    out = {lemma(verb)} | {lemma(c) for c in verb.children if c.dep_ in {"xcomp", "acomp", "attr", "oprd"}}
    return out - LIGHT_PREDICATES


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
        r"\b(harmonious|cordial|friction-free|smooth|untroubled|amicable)\s+(relations\w*|ties|partnership)"
        r"|\b(relations\w*|ties|partnership)\b[^.;]{0,60}?\b(?:been|are|were|is|was|remain\w*|stay\w*)\s+"
        r"(?:very\s+|largely\s+|mostly\s+)?(harmonious|cordial|friction-free|smooth|untroubled|amicable)\b"
        r"|\b(?:get|gets|got|gotten|getting)\s+along\b(?!\s+without)|\bon\s+(?:good|friendly|cordial)\s+terms\b"
        r"|\bsee\s+eye\s+to\s+eye\b",
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
        if (side := _political_side(tok)) is not None:  # "governs from the political right"
            out.append((side, tok, [t for t in tok.subtree if t.i <= tok.i]))
            continue
        if (trend := _transitive_trend(tok)) is not None and trend in lex:
            # "armed groups scaled back their attacks": the attacks go down
            out.append((trend, tok, [tok, *(c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1)]))
            continue
        if tok.pos_ in {"ADJ", "NOUN", "ADV"} or (tok.pos_ == "VERB" and tok.dep_ in {"amod", "acomp"}) or \
                _subject_changes(tok):
            for word in (tok.lower_, lemma(tok), *_adjective_of(tok)):
                if word in lex:
                    out.append((word, tok, [tok]))
                    break
    return out


SIDES = {"left": "left-wing", "right": "right-wing"}
GOVERNING = frozenset({"govern", "lead", "rule", "run", "come", "hail", "campaign", "speak"})


def _political_side(tok: Token) -> str | None:
    """"The political right" (or "left"), or "leads from the right": the side a subject's politics are on, read as the
    adjective ("right-wing")."""
    if tok.lower_ not in SIDES or tok.pos_ not in {"NOUN", "PROPN", "ADJ"} or tok.dep_ != "pobj":
        return None
    political = any(c.dep_ == "amod" and c.lower_ == "political" for c in tok.children)
    governing = tok.head.lower_ in {"from", "on"} and lemma(tok.head.head) in GOVERNING
    return SIDES[tok.lower_] if political or governing else None


# Verbs by which someone makes a thing go up or down: their object is what changes ("scaled back their attacks").
TRANSITIVE_TRENDS = frozenset({"reduce", "scale back", "cut back", "wind down", "rein in", "curb", "step up",
                               "ramp up", "intensify", "escalate", "boost"})


def _transitive_trend(tok: Token) -> str | None:
    """The trend verb (a phrasal one as "scale back") of a verb with an object, if it is one of TRANSITIVE_TRENDS."""
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "acomp"} or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    word = f"{lemma(tok)} {prt}" if prt else lemma(tok)
    return word if word in TRANSITIVE_TRENDS else None


def _goes(tok: Token) -> bool:
    """A verb that says which way a thing goes: on its own ("attacks subsided") or made to ("scaled back attacks")."""
    return _subject_changes(tok) or _transitive_trend(tok) is not None


def _opposed(s_word: str, s_tok: Token, t_word: str, t_tok: Token, lex: dict[str, frozenset[str]]) -> bool:
    """Whether two terms are opposites as written or as lemmas ("rising" is listed against "falling", its lemma
    "rise" against "reduce")."""
    return any(a in lex.get(b, ()) for a in {s_word, lemma(s_tok)} for b in {t_word, lemma(t_tok)})


def _subject_changes(tok: Token) -> bool:
    """A verb that says how its noun subject goes, with no object ("attacks … subside", "exports declined"): it
    describes that subject as an adjective would ("resurgent attacks")."""
    return tok.pos_ == "VERB" and tok.dep_ not in {"amod", "acomp"} and not any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd"} for c in tok.children) and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in tok.children)


def _adjective_of(tok: Token) -> tuple[str, ...]:
    """The adjective an adverb is made from ("legally" → legal, "seriously" → serious, "happily" → happy)."""
    w = tok.lower_
    if tok.pos_ != "ADV" or not w.endswith("ly") or len(w) < 6:
        return ()
    return (w[:-3] + "y",) if w.endswith("ily") else (w[:-2],)


def _same_thing(a: set[str], b: set[str]) -> set[str]:
    """What two words' targets share: the same lemmas, or a verb and its noun ("was seriously injured" against
    "minor injuries"), told by a common stem (`same_stem`)."""
    shared = a & b
    for x in a - shared:
        for y in b - shared:
            if same_stem(x, y):
                shared.add(x if len(x) <= len(y) else y)
    return shared


def _target(tok: Token) -> set[str]:
    """Lemmas of what a word describes: its head noun chain, and the subject where a copula links them (a verb of
    `_subject_changes`: its subject; for a trend verb with an object, the object)."""
    if _transitive_trend(tok) is not None:
        obj = next(c for c in tok.children if c.dep_ == "dobj")
        return {lemma(obj)} | {lemma(c) for c in obj.children if c.dep_ == "compound"} - GENERIC
    if _subject_changes(tok):
        return {lemma(t) for c in tok.children if c.dep_ == "nsubj" for t in c.subtree
                if t.pos_ in {"NOUN", "PROPN"}} - GENERIC
    out: set[str] = set()
    cur = tok
    while cur.dep_ in {"amod", "compound", "advmod", "npadvmod"} and cur.head.i != cur.i:
        cur = cur.head
        out.add(lemma(cur))
    head = cur if cur.i != tok.i else tok.head
    out |= {lemma(c) for c in head.children if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"}
    out.add(lemma(head))
    if head.dep_ == "appos" and head.head.pos_ in {"PROPN", "NOUN"}:
        # what an apposition describes, as a copula's subject: "Colombia, a major recipient of its programs"
        out |= {lemma(t) for t in head.head.subtree if t.pos_ == "PROPN" and t.i < head.i} | {lemma(head.head)}
    for noun in (tok, head):
        if lemma(noun) in COUNTED:  # "a handful of projects", "token amounts of aid": what is counted
            out |= {lemma(g) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"}
    if head.dep_ in {"attr", "acomp", "oprd"} or tok.dep_ in {"acomp", "oprd", "attr"}:
        verb = head.head if head.dep_ in {"attr", "acomp", "oprd"} else tok.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out |= _phrase_nouns(c)
    if _adjective_of(tok) and head.pos_ in {"VERB", "AUX"}:
        # an adverb of manner describes the act of its clause's subject: "the men were in the country illegally"
        # (not one of time: "delayed earlier" and "apologised later" are two acts)
        out |= {lemma(t) for t in subject_of(head) if t.pos_ in {"NOUN", "PROPN"}}
    out |= _own_subject(tok)
    if tok.pos_ == "NOUN" and (tok.dep_ == "pobj" and tok.head.lower_ in LEVEL_PREPOSITIONS
                               or tok.dep_ == "dobj" and lemma(tok.head) in LEVEL_VERBS):
        # a level the clause's subject is at or reaches: "production has fallen to historic lows", "hit a record high"
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb.pos_ in {"VERB", "AUX"}:  # the subject's head only: "cocaine seizures" are not "cocaine production"
            out |= {lemma(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    if _political_side(tok) is not None and tok.head.head.pos_ in {"VERB", "AUX"}:
        out |= {lemma(t) for t in subject_of(tok.head.head) if t.pos_ in {"NOUN", "PROPN"}}  # who governs from it
    if head.dep_ == "pobj" and head.head.head.pos_ in {"VERB", "AUX"}:
        verb = head.head.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out |= _phrase_nouns(c)
    return out - GENERIC - {lemma(tok)}


def _phrase_nouns(noun: Token) -> set[str]:
    """Lemmas of the nouns and names of a noun phrase, not of a clause inside it: "the candidate who criticized
    Petro" is about a candidate, not about Petro."""
    inside = {t.i for c in noun.subtree if c.dep_ in {"relcl", "acl"} and c.i != noun.i for t in c.subtree}
    return {lemma(t) for t in noun.subtree if t.pos_ in {"NOUN", "PROPN"} and t.i not in inside}


LEVEL_PREPOSITIONS = frozenset({"to", "at", "near"})
LEVEL_VERBS = frozenset({"hit", "reach", "touch"})
LINKING = frozenset({"be", "become", "get", "grow", "turn", "seem", "remain", "stay", "appear", "look"})


def _complements(noun: Token) -> set[str]:
    """Lemmas of what a noun's prepositions name ("a recipient of its programs" → program)."""
    return {lemma(g) for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}


def _other_kinds(s_tok: Token, t_tok: Token) -> bool:
    """Whether two adjectives describe two roles of one subject: two nouns, unless both say of what and it is the
    same thing ("a major recipient of its programs", "a minor beneficiary of the programmes" are one role in two
    words; "Colombia, a major producer of coffee" and "a minor exporter of oil" or "a minor partner" are two)."""
    if s_tok.dep_ != "amod" or t_tok.dep_ != "amod" or s_tok.head.pos_ != "NOUN" or t_tok.head.pos_ != "NOUN":
        return False
    a, b = lemma(s_tok.head), lemma(t_tok.head)
    if a == b or same_stem(a, b) or COUNTED & {a, b}:  # "token amounts of grants": what is counted, as `_target`
        return False
    of_s, of_t = _complements(s_tok.head), _complements(t_tok.head)
    return not (of_s and of_t and _same_thing(of_s, of_t))


def _own_subject(tok: Token) -> set[str]:
    """Noun lemmas of the subject of an adjective that heads its own clause: "made artery walls thinner" (walls),
    and "the more they ate, the thicker their walls became" (the subject of the clause it opens)."""
    if tok.pos_ != "ADJ" or tok.dep_ not in {"ccomp", "conj", "xcomp", "ROOT"}:
        return set()
    clauses = [tok, *(c for c in tok.children if c.dep_ in {"ccomp", "relcl", "advcl"} and c.lemma_ in LINKING)]
    return {lemma(t) for cl in clauses for c in cl.children if c.dep_ in {"nsubj", "nsubjpass"}
            for t in c.subtree if t.pos_ in {"NOUN", "PROPN"}} - GENERIC


def _described(tok: Token) -> Token | None:
    """The noun an adjective describes: its head ("a fragile truce") or its clause's subject ("the truce looks
    fragile")."""
    if tok.dep_ == "amod":
        return tok.head
    if tok.dep_ in {"acomp", "oprd", "attr"}:
        return next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return None


def _referred_back(s_tok: Token, t_tok: Token, src: Doc) -> set[str]:
    """The names of what the statement's word describes, when the source's word describes a description that
    refers back ("this crucial partnership now appears more fragile") and the sentence before the source named
    all of them ("the United States and Colombia …"): the two words are about one thing. Else empty."""
    described = _described(s_tok)
    if described is None or not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in described.children):
        return set()
    before = set(src._.antecedents) if Doc.has_extension("antecedents") else set()
    other = _described(t_tok)
    names = {lemma(t) for t in other.subtree if t.pos_ == "PROPN"} if other is not None else set()
    return names if names and names <= before else set()


def _negation(tok: Token) -> str | None:
    """How a word's clause leaves it: "hedged" ("may", "if"), "denied" ("not", "never", "anything but"), or None."""
    if denied_by_phrase(tok):
        return "denied"
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"} and is_hedged(cur):
            return "hedged"
        if any(c.dep_ == "neg" for c in cur.children) or (cur.pos_ in {"VERB", "AUX"} and negation_of(cur)):
            return "denied"
        if cur.head.i == cur.i or _own_conjunct(cur):
            break
        cur = cur.head
    return None


CONTRASTING = frozenset({"but", "yet", "whereas", "while"})


def _own_conjunct(verb: Token) -> bool:
    """Whether a coordinated clause stands on its own, out of the reach of the first one's "not" or "may": it has
    its own subject ("that ringtone isn't to everyone's taste but my granddaughter loaded it") or is set against
    it ("did not resign but was dismissed"); "did not eat or drink" shares one subject and one negation."""
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return True
    return any(c.dep_ == "cc" and c.lower_ in CONTRASTING and c.i < verb.i for c in verb.head.children)


def _clause_negated(tok: Token) -> bool:
    """Whether the word is denied, or is said in what a text finds no evidence of ("no evidence that the drug
    reduced the risk": the source takes no side on the risk)."""
    if _negation(tok) is not None:
        return True
    for _ in range(3):
        if unevidenced(tok):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _restrictive(tok: Token) -> bool:
    """An adjective that picks out a kind of a plural or date noun rather than describing one thing: "severe
    cases", "pregnant women", "late January" name subsets and times, so "mild cases" elsewhere is no opposite."""
    head = tok.head
    if tok.dep_ != "amod" or head.i == tok.i or lemma(tok) in HOW_MANY:  # "numerous projects" is all of them
        return False
    if head.ent_type_ in {"DATE", "TIME"} or head.lower_ in DATE_WORDS:
        return True
    # "at historically high levels", "low rates": a measure's adjective says how much, it picks out no subset
    if head.tag_ != "NNS" or lemma(head) in MEASURES:
        return False
    # "she suffered minor injuries": the object of one subject's act is all of it, not a kind among others
    return not (head.dep_ == "dobj" and any(_one_actor(s) for s in subject_of(head.head)))


def _one_actor(tok: Token) -> bool:
    """A subject that is one person or thing ("she", "the driver"), not a share of many ("a minority of species")."""
    if tok.lower_ in SINGULAR_PRONOUNS:
        return True
    return tok.tag_ in {"NN", "NNP"} and tok.dep_ in {"nsubj", "nsubjpass"} and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


SINGULAR_PRONOUNS = frozenset({"he", "she", "it", "i"})


def _subject_words(tok: Token, pronouns: bool = False) -> set[str]:
    """Content lemmas of the subject of the clause a word is in ("children … are at lower risk" → child); with
    `pronouns`, a pronoun subject too ("he", "she")."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in {"VERB", "AUX"}:
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    kinds = {"NOUN", "PROPN", "PRON"} if pronouns else {"NOUN", "PROPN"}
    return {lemma(t) if t.pos_ != "PRON" else t.lower_ for t in subject_of(cur) if t.pos_ in kinds} - GENERIC


def _other_actors(s_tok: Token, t_tok: Token) -> bool:
    """Whether the clauses of two words have subjects (pronouns included) with no word in common."""
    a, b = _subject_words(s_tok, pronouns=True), _subject_words(t_tok, pronouns=True)
    return bool(a and b and not a & b)


def _compares_other_things(s_tok: Token, t_tok: Token) -> bool:
    """Comparatives about different subjects ("children are at lower risk than adults" against "the risk is
    higher for older adults") say the same thing from two sides, not opposite things."""
    if s_tok.tag_ not in {"JJR", "RBR"} and t_tok.tag_ not in {"JJR", "RBR"}:
        return False
    a, b = _own_subject(s_tok) or _subject_words(s_tok), _own_subject(t_tok) or _subject_words(t_tok)
    return not (a and b and a & b)


def check_antonyms(src: Doc, stmt: Doc) -> list[Finding]:
    """Find a statement word that is the opposite of a source word describing the same thing."""
    lex = opposites("words")
    findings = []
    opposed: list[tuple[Token, Token, Finding]] = []  # (source word, statement word, contradiction)
    src_terms = _terms(src)
    stmt_terms = _terms(stmt)
    src_words, stmt_words = {w for w, _, _ in src_terms}, {w for w, _, _ in stmt_terms}
    for t_word, t_tok, t_toks in stmt_terms:
        for s_word, s_tok, s_toks in src_terms:
            if not _opposed(s_word, s_tok, t_word, t_tok, lex):
                continue
            if _subject_changes(s_tok) and _subject_changes(t_tok):
                continue  # two verbs of one subject ("prices rose", "prices fell") are the polarity rule's
            if t_word in src_words and s_word in stmt_words:
                continue  # both texts name both sides ("pregnant and nonpregnant women")
            if s_word in DEGREES and t_word in DEGREES and not _same_degree_of(s_tok, t_tok, lex):
                continue  # "more fragile" against "less formal": two comparisons, not one
            back = _referred_back(s_tok, t_tok, src)
            # a kind picked out ("severe cases") is no opposite of another kind, but the way the whole goes is
            # ("resurgent attacks" against "attacks … subside")
            restrictive = (_restrictive(s_tok) and not _goes(t_tok)) or (_restrictive(t_tok) and not _goes(s_tok))
            if restrictive or (not back and _compares_other_things(s_tok, t_tok)):
                continue
            if "ADV" in {s_tok.pos_, t_tok.pos_} and _other_actors(s_tok, t_tok):
                continue  # "he acted legally" and "she acted illegally" are two people's acts
            shared = _same_thing(_target(s_tok), _target(t_tok)) or back
            if not shared or _clause_negated(s_tok) or _other_kinds(s_tok, t_tok):
                continue
            if any(w == t_word and _same_thing(_target(tok), _target(t_tok)) for w, tok, _ in src_terms):
                continue  # the source says it both ways of the thing ("B more likely …, O less likely"): which way
                # holds for the statement's is not the word's to say
            if {s_word, t_word} & AMOUNT_WORDS and not (_counts(s_tok) and _counts(t_tok)
                                                        and _acts_on(s_tok) & _acts_on(t_tok)):
                continue  # how many of them, said of two different acts ("few were approved", "many submitted")
            negation = _negation(t_tok)
            if negation is not None:
                # "anything but negligible" against "significant": a property the source gives, its opposite denied
                # ("far from minor" is tagged a noun after "from")
                adjective = t_tok.pos_ == "ADJ" or (t_tok.pos_ == "NOUN" and denied_by_phrase(t_tok))
                if negation == "denied" and s_tok.pos_ == "ADJ" and adjective and t_word not in src_words:
                    findings.append(_opposite(shared, s_toks, t_toks, "denies", "supports", 0.6, "contradiction"))
                    break
                continue
            opposed.append((s_tok, t_tok, _opposite(shared, s_toks, t_toks, "says", "contradicts", 0.75)))
            break
    findings += _cancel_degrees(opposed)
    if not findings:
        findings += _phrase_opposites(src, stmt) or _steep_fall(src, stmt) or _alive_or_dead(src, stmt)
    return findings


# Who dies in a sentence: the object of "kill", the subject of "die" or of a passive "killed", "shot dead".
DEATH_VERBS = frozenset({"kill", "die", "murder", "slay", "execute"})


def _fates(doc: Doc) -> dict[str, tuple[str, list[Token]]]:
    """Person noun or name lemma → ("dead" or "alive", the words that say so), for what the sentence asserts:
    "the gunman was shot and killed" (dead), "took the gunman into custody alive", "the gunman survived" (alive)."""
    out: dict[str, tuple[str, list[Token]]] = {}
    for tok in doc:
        if tok.pos_ not in {"VERB", "ADJ"} or is_hedged(tok) or negation_of(tok) is not None:
            continue
        word = lemma(tok)
        if word in DEATH_VERBS or (word == "shoot" and any(c.lower_ == "dead" for c in tok.children)):
            fate, verb = "dead", tok
        elif word in {"survive", "alive"}:
            fate, verb = "alive", tok.head if word == "alive" else tok
            if word == "alive" and (verb.pos_ not in {"VERB", "AUX"} or negation_of(verb) is not None):
                continue
        else:
            continue
        verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "was shot and killed": shot's subject
        # one person: of a group ("two students") some may die and some live
        children = [c for v in verbs for c in v.children if c.pos_ in {"NOUN", "PROPN"} and c.tag_ in {"NN", "NNP"}]
        undergoer = [c for c in children if c.dep_ in {"dobj", "nsubjpass"}]
        # who dies or lives: what is done to ("killed the gunman", "took the gunman … alive"), else the subject of
        # an intransitive ("the gunman died", "survived")
        for c in undergoer or ([c for c in children if c.dep_ == "nsubj"] if word in {"die", "survive", "alive"}
                               else []):
            out.setdefault(lemma(c), (fate, [tok]))
    return out


def _alive_or_dead(src: Doc, stmt: Doc) -> list[Finding]:
    """One person said to be killed by the source and taken alive by the statement, or the other way round."""
    said = _fates(src)
    for who, (fate, words) in _fates(stmt).items():
        if who in said and said[who][0] != fate:
            source_words = said[who][1]
            return [Finding(rule="antonyms", relation="contradicts", confidence=0.75,
                            explanation=f"the source says the {who} is {said[who][0]} (“{source_words[0].text}”); "
                                        f"the statement says {fate} (“{words[0].text}”)",
                            source_span=token_span(source_words), statement_span=token_span(words))]
    return []


def _opposite(shared: set[str], s_toks: list[Token], t_toks: list[Token], says: str, relation: Relation,
              confidence: float, blocks: Literal["contradiction"] | None = None) -> Finding:
    """The finding on a statement word that says (or denies) the opposite of a source word about `shared`."""
    return Finding(rule="antonyms", relation=relation, confidence=confidence, blocks=blocks,
                   explanation=f"the source calls {', '.join(sorted(shared))} “{token_span(s_toks).text}”; the "
                               f"statement {says} “{token_span(t_toks).text}”, its opposite",
                   source_span=token_span(s_toks), statement_span=token_span(t_toks))


DEGREES = frozenset({"more", "less", "most", "least"})


def _same_degree_of(s_deg: Token, t_deg: Token, lex: dict[str, frozenset[str]]) -> bool:
    """Whether two degree words grade one word or two opposites ("more fragile" against "less fragile" or "less
    robust"), not two different ones."""
    a, b = lemma(s_deg.head), lemma(t_deg.head)
    return a == b or a in lex.get(b, ())


def _cancel_degrees(opposed: list[tuple[Token, Token, Finding]]) -> list[Finding]:
    """The contradictions of opposed words, less those that cancel: an opposite degree on an opposite word says the
    same thing ("less robust than ever" against "more fragile than ever"), which agrees instead."""
    findings, cancelled = [], set()
    for i, (s_deg, t_deg, _) in enumerate(opposed):
        if s_deg.lower_ not in DEGREES or t_deg.lower_ not in DEGREES:
            continue
        for j, (s_tok, t_tok, _) in enumerate(opposed):
            if j != i and s_deg.head.i == s_tok.i != s_deg.i and t_deg.head.i == t_tok.i != t_deg.i:
                cancelled |= {i, j}
                source, statement = token_span([s_deg, s_tok]), token_span([t_deg, t_tok])
                findings.append(Finding(
                    rule="antonyms", relation="supports",
                    explanation=f"the source's “{source.text}” and the statement's “{statement.text}” say the same "
                                "thing: two opposites cancel",
                    source_span=source, statement_span=statement, confidence=0.6, blocks="contradiction"))
    return findings + [f for k, (_, _, f) in enumerate(opposed) if k not in cancelled]


def _phrase_negated(doc: Doc, match: re.Match[str]) -> bool:
    """Whether a matched phrase is denied ("never got along", "did not get along")."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    return span is not None and any(
        _clause_negated(t) or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) for t in span)


# A level the source calls high against a steep fall in the statement ("cocaine production remains at historically
# high levels" against "has fallen sharply"): opposite only about the same thing, the subject of the fall being
# among the source's words, and only when no text says both (a source "down sharply from its record high").
HIGH_LEVEL = r"\bhistorically\s+high\b|\brecord\s+(?:high|levels?)\b|\bhigh\s+levels?\b|\bremains?\s+(?:at\s+)?high\b"
STEEP_FALL = (r"\b(?:fallen|fell|falls|dropped|drops|declined|declines|decreased|shrunk|shrank)\s+(?:sharply|"
              r"dramatically|steeply|significantly|substantially)\b|\b(?:plunged|plummeted|collapsed)\b")


def _search(pattern: str, doc: Doc) -> re.Match[str] | None:
    return re.search(pattern, doc.text, re.IGNORECASE)


def _steep_fall(src: Doc, stmt: Doc) -> list[Finding]:
    ms, mt = _search(HIGH_LEVEL, src), _search(STEEP_FALL, stmt)
    if not (ms and mt) or _search(STEEP_FALL, src) or _search(HIGH_LEVEL, stmt):  # no match, or a text says both
        return []
    if _phrase_negated(src, ms) or _phrase_negated(stmt, mt):
        return []
    fell = stmt.char_span(mt.start(), mt.end(), alignment_mode="expand")
    verb = next((t for t in fell or () if t.pos_ == "VERB"), None)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
    if subject is None:
        return []
    said = {lemma(t) for t in subject.subtree if t.pos_ in {"NOUN", "PROPN"}}
    if not said or not said <= {lemma(t) for t in src}:
        return []
    return [Finding(rule="antonyms", relation="contradicts",
                    explanation=f"the source says “{ms.group(0)}”; the statement says {subject.text} “{mt.group(0)}”, "
                                "the opposite", source_span=make_span(src, ms.start(), ms.end()),
                    statement_span=make_span(stmt, mt.start(), mt.end()), confidence=0.7)]


def _phrase_opposites(src: Doc, stmt: Doc) -> list[Finding]:
    # "Their relationship has been marked by clashes": a possessive or personal pronoun stands for the names of the
    # sentence before (the Doc's antecedents)
    src_names = names(src)
    if any(t.lower_ in {"their", "they", "them", "both"} for t in src):
        src_names |= set(src._.antecedents) if Doc.has_extension("antecedents") else set()
    shared = src_names & names(stmt)
    if len(shared) < 2 and not (names(stmt) and names(stmt) <= src_names):
        return []
    for a, b in PHRASES:
        for pa, pb in ((a, b), (b, a)):
            ms = re.search(pa, src.text, re.IGNORECASE)
            mt = re.search(pb, stmt.text, re.IGNORECASE)
            if ms and mt and not (_phrase_negated(src, ms) or _phrase_negated(stmt, mt)):
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

"""Helpers shared by the rule checks: spans, content words, clause context, entity names, hedges."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Entity

from factcheck.judge.rules.lexicon import aliases, capitals
from factcheck.results import Span

CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "NUM"}
# Words too common to show that two clauses are about the same thing.
GENERIC = {
    "be",
    "have",
    "do",
    "make",
    "say",
    "get",
    "go",
    "take",
    "see",  # a light verb in the news: "would have seen 1,600 km² given", "sales saw a 7% drop"
    "year",
    "time",
    "way",
    "part",
    "level",
    "number",
    "point",
    "side",
    "thing",
    "people",
    "also",
    "more",
    "other",
    "many",
    "new",
    "such",
    "remain",
    "continue",
    "become",
    "lead",
    "seem",
    "appear",
    "well",
    "country",
    "nation",
    "state",
}
HEDGES = {
    "may",
    "might",
    "could",
    "would",
    "should",
    "reportedly",
    "allegedly",
    "possibly",
    "perhaps",
    "likely",
    "probably",
    "if",
    "whether",
    "unless",
    "potentially",
}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}


def make_span(doc: Doc, start: int, end: int) -> Span:
    """A Span of the sentence `doc` covering characters start..end."""
    return Span(text=doc.text[start:end], start=start, end=end)


def token_span(tokens: Iterable[Token]) -> Span:
    """The Span from the first to the last of `tokens` (which must share one Doc)."""
    toks = sorted(tokens, key=lambda t: t.i)
    doc = toks[0].doc
    return make_span(doc, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def content_lemmas(tokens: Iterable[Token]) -> set[str]:
    """Lower-cased lemmas of content words, without stop words and generic words; an acronym counts whatever the
    small tagger calls it ("dismantled USAID": USAID/ADV)."""
    return {
        lemma(t) for t in tokens
        if (t.pos_ in CONTENT_POS or (t.is_upper and len(t) > 1)) and not t.is_stop and lemma(t) not in GENERIC
        and t.is_alpha
    }


def clause_head(tok: Token) -> Token:
    """The nearest verb (or the root) that governs `tok`, itself included."""
    cur = tok
    while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i:
        cur = cur.head
    return cur


def subject_clause(tok: Token) -> Token:
    """The nearest governing verb that has its own subject (participles borrow their governor's)."""
    cur = clause_head(tok)
    while cur.head.i != cur.i and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cur.children):
        if cur.dep_ in {"relcl", "ccomp"}:
            break
        cur = clause_head(cur.head)
    return cur


def phrase_head(tokens: list[Token]) -> Token | None:
    """The head of a phrase given as its tokens: the one whose own head lies outside it (or is itself)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)


RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def opens_cleft(copula: Token) -> bool:
    """Whether a "be" opens a cleft, "it was Abbas who offered …": its subject is "it"."""
    return copula.lemma_ == "be" and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in copula.children)


def subject_of(verb: Token) -> list[Token]:
    """Subject tokens of `verb`, borrowing the governor's subject for participles, conj and xcomp."""
    cur = verb
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subj:
            s = subj[0]
            # "the group, which demobilized" -> the group
            if s.tag_ in {"WDT", "WP"} and cur.dep_ == "relcl":
                return list(cur.head.subtree)[: cur.head.i - cur.head.left_edge.i + 1]
            return list(s.subtree)
        if cur.dep_ in {"advcl", "conj", "xcomp", "acl", "pcomp"} and cur.head.i != cur.i:
            cur = cur.head if cur.head.pos_ in {"VERB", "AUX"} else clause_head(cur.head)
            continue
        break
    return []


def subject_head(verb: Token) -> Token | None:
    """The head word of `verb`'s subject (`subject_of`: borrowed from the governor where the verb has none)."""
    return next((t for t in subject_of(verb) if t.dep_ in {"nsubj", "nsubjpass"}), None)


STEM = 5  # letters two lemmas must share to name one thing as verb and noun ("injured" and "injuries")


def same_stem(a: str, b: str) -> bool:
    """Whether two lemmas longer than `STEM` letters begin alike: a verb and its noun ("accused" and "accusations")."""
    return len(a) > STEM and len(b) > STEM and a[:STEM] == b[:STEM]


DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def entity_of(tok: Token) -> Entity | None:
    """The named entity a token is part of, if any."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)


def is_hedged(verb: Token, hedges: frozenset[str] | set[str] = HEDGES) -> bool:
    """Whether the clause of `verb` is modal, conditional or reported as uncertain (by one of `hedges`)."""
    cur = verb
    for _ in range(3):
        for c in cur.children:
            if c.lower_ in hedges and c.dep_ in {"aux", "advmod", "mark"}:
                return True
        if cur.head.i == cur.i or cur.dep_ not in {"xcomp", "conj", "advcl"}:
            break
        cur = cur.head
    return False


# Words before a word that deny it without "not" ("anything but negligible", "far from clear", "hardly minor").
DENYING_PHRASES = (
    ("anything", "but"), ("far", "from"), ("hardly",), ("scarcely",), ("by", "no", "means"), ("in", "no", "way"),
    ("nowhere", "near"), ("not", "at", "all"),
)


def denied_by_phrase(tok: Token) -> bool:
    """Whether the words just before `tok` deny it ("anything but negligible"): an opposite so denied agrees."""
    doc = tok.doc
    for phrase in DENYING_PHRASES:
        start = tok.i - len(phrase)
        if start >= 0 and tuple(t.lower_ for t in doc[start:tok.i]) == phrase:
            return True
    return False


EVIDENCE_NOUNS = frozenset({"evidence", "proof", "sign", "indication", "suggestion", "data", "report", "finding"})


def unevidenced(tok: Token) -> bool:
    """Whether `tok` heads what a text finds no evidence of: "we found no evidence that the drug reduced the risk",
    "there is no proof that it works", "did not find evidence that …" say neither that it did nor that it did not.
    Where the parser loses the clause (a long subject set off by commas: "no evidence that use of the drug, with
    or without X, reduced …"), a verb after "no evidence that" in the same sentence, with no "but" or semicolon
    between, is read as inside it."""
    if tok.dep_ in {"acl", "ccomp"} and lemma(tok.head) in EVIDENCE_NOUNS \
            and any(c.dep_ == "mark" and c.lower_ in {"that", "whether"} for c in tok.children):
        noun = tok.head
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or (
                noun.dep_ in {"dobj", "attr", "nsubj"} and negation_of(noun.head) is not None):
            return True
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    sent = tok.sent
    for t in reversed(sent[: tok.i - sent.start]):
        if t.lower_ in {"but", "however", "although", "though", ";"}:
            return False
        if t.lower_ == "that" and t.i >= sent.start + 2 and lemma(t.nbor(-1)) in EVIDENCE_NOUNS \
                and t.nbor(-2).lower_ == "no":
            return True
    return False


def negation_of(verb: Token) -> Token | None:
    """The negating word of `verb`'s clause ("not", "never", "failed to", "denied"), if any."""
    for c in verb.children:
        nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
        if nxt is not None and nxt.lower_ == "only":
            continue  # "not only"
        if c.dep_ == "neg" or (c.lower_ in {"never", "no"} and c.dep_ in {"advmod", "det", "neg"}):
            return c
    head = verb.head.lemma_.lower()
    if verb.dep_ in {"xcomp", "pcomp"} and head in {"fail", "refuse", "decline"}:
        return verb.head
    # "denied accusing": the subject denies its own act; "denied that X ..." is reported speech
    if verb.dep_ in {"xcomp", "pcomp"} and head == "deny" and verb.tag_ == "VBG":
        return verb.head
    return _not_done_instead(verb)


def _not_done_instead(verb: Token) -> Token | None:
    """The marker of an act left undone in favour of another: "instead of giving him the phone", "rather than
    giving", "without giving", "would rather leave than give"."""
    if verb.dep_ == "pcomp":
        prep = verb.head
        if prep.lower_ == "without":
            return prep
        if prep.lower_ in {"of", "than"}:  # the marker is "instead" or "rather", the preposition's adverb
            return next((c for c in prep.children if c.dep_ == "advmod" and c.lower_ in {"instead", "rather"}), None)
    if verb.dep_ == "conj":  # "fetched a knife rather than give him the phone": "than" is the verbs' conjunction
        than = next((c for c in verb.head.children if c.dep_ == "cc" and c.lower_ == "than" and 0 < c.i < verb.i), None)
        if than is not None and than.nbor(-1).lower_ == "rather":
            return than.nbor(-1)
    return None


def singular(word: str) -> str:
    """An English plural's singular by its ending ("watches" → watch, "phones" → phone), for the words the
    lemmatiser leaves alone (plural names: "Apple Watches")."""
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def runs(tokens: Iterable[Token], keep: Callable[[Token], bool]) -> list[list[Token]]:
    """Runs of consecutive tokens that `keep` accepts ("US President Donald Trump" → [US], [President Donald Trump]
    when titles are not kept)."""
    out: list[list[Token]] = []
    for t in tokens:
        if not keep(t):
            continue
        if out and out[-1][-1].i == t.i - 1:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def actor_name(tokens: Iterable[Token]) -> str | None:
    """A normalised actor name (country, organisation, person surname; aliases from data/aliases.txt), or None."""
    toks = [
        t
        for t in tokens
        if t.pos_ in {"PROPN", "NOUN"} and t.text[:1].isupper()
        or (t.ent_type_ in ACTOR_LABELS and t.pos_ not in {"DET", "PART", "PUNCT"})  # not the "'s" of "Manson's"
    ]
    if not toks:
        return None
    text = " ".join(t.text for t in toks).lower().strip()
    alias = aliases()
    if text in alias:
        return alias[text]
    if text in capitals():  # "Washington accused Bogotá": the capitals stand for their governments
        return capitals()[text]
    last = toks[-1].text.lower()
    bare = last.rstrip(".")  # "Corp." at the end of a sentence keeps the full stop
    return alias.get(last) or alias.get(bare, bare)


def names(doc: Doc) -> set[str]:
    """Lower-cased proper-noun words of a Doc (for cheap 'about the same actors' checks)."""
    out = set()
    alias = aliases()
    for t in doc:
        if t.pos_ == "PROPN" or t.ent_type_ in ACTOR_LABELS:
            out.add(alias.get(t.text.lower(), capitals().get(t.text.lower(), t.text.lower())))
    return out

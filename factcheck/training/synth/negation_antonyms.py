"""Contradiction transforms on polarity: insert or remove a negation, substitute an antonym."""

from __future__ import annotations

import random

from factcheck.training.synth.base import ENTITY_TYPES, SynthContext, _case_like

_AUX = {"is", "was", "are", "were", "has", "have", "had", "will", "can", "could", "would",
        "should", "did", "does", "do", "must", "may", "might"}
_NT_FIX = {"ca": "can", "wo": "will", "sha": "shall"}


def negation(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Insert "not" after the main clause's auxiliary / copula (or "did not" + lemma), or remove a negation."""
    sent = next(iter(doc.sents))
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj or subj[0].i > root.i:
        return None
    text = doc.text
    neg = [c for c in root.children if c.dep_ == "neg" and c.lower_ in ("not", "n't")]
    if neg:
        n = neg[0]
        prev = doc[n.i - 1] if n.i > 0 else None
        if n.lower_ == "n't" and prev is not None:
            fixed = _NT_FIX.get(prev.lower_, prev.text)
            return text[: prev.idx] + _case_like(fixed, prev.text) + " " + text[n.idx + len(n.text):].lstrip()
        return text[: n.idx] + text[n.idx + len(n.text):].lstrip()
    if any(c.dep_ == "neg" for c in root.children) or any(t.lower_ == "never" for t in sent):
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.lower_ in _AUX and c.i < root.i]
    if auxes:
        a = auxes[0]
        return text[: a.idx + len(a.text)] + " not" + text[a.idx + len(a.text):]
    if root.lower_ in _AUX and root.pos_ == "AUX":  # copula / main "has"
        if root.lower_ in ("has", "have", "had"):
            do = {"has": "does", "have": "do", "had": "did"}[root.lower_]
            return text[: root.idx] + _case_like(do, root.text) + " not have" + text[root.idx + len(root.text):]
        return text[: root.idx + len(root.text)] + " not" + text[root.idx + len(root.text):]
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if do is None or root.lemma_.lower() == "be":
        return None
    return text[: root.idx] + _case_like(do, root.text) + " not " + root.lemma_.lower() + text[root.idx + len(root.text):]


# --------------------------------------------------------------------------- antonyms

_ANTONYM_PAIRS = [
    ("left", "right"), ("rise", "fall"), ("rises", "falls"), ("rose", "fell"), ("risen", "fallen"),
    ("rising", "falling"), ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("expanded", "dismantled"), ("high", "low"), ("higher", "lower"),
    ("highest", "lowest"), ("strengthened", "weakened"), ("strengthen", "weaken"), ("praised", "criticised"),
    ("ally", "enemy"), ("allies", "enemies"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
    ("winning", "losing"), ("more", "less"), ("before", "after"), ("import", "export"), ("imports", "exports"),
    ("imported", "exported"), ("largest", "smallest"), ("larger", "smaller"), ("large", "small"),
    ("first", "last"), ("allowed", "banned"), ("allow", "ban"), ("accepted", "rejected"), ("accept", "reject"),
    ("opened", "closed"), ("support", "oppose"), ("supported", "opposed"), ("supports", "opposes"),
    ("guilty", "innocent"), ("legal", "illegal"), ("true", "false"), ("success", "failure"),
    ("successful", "unsuccessful"), ("maximum", "minimum"), ("majority", "minority"), ("north", "south"),
    ("northern", "southern"), ("east", "west"), ("eastern", "western"), ("earlier", "later"),
    ("cheap", "expensive"), ("rich", "poor"), ("richest", "poorest"), ("strong", "weak"),
    ("stronger", "weaker"), ("positive", "negative"), ("above", "below"), ("public", "private"),
    ("domestic", "foreign"), ("younger", "older"), ("most", "least"), ("hired", "fired"),
    ("arrived", "departed"), ("confirmed", "denied"), ("confirm", "deny"), ("victory", "defeat"),
    ("started", "stopped"), ("appointed", "dismissed"), ("included", "excluded"),
    ("dead", "alive"), ("agreed", "refused"), ("gained", "lost"), ("approved", "rejected"),
    ("legalised", "outlawed"), ("criticized", "praised"), ("biggest", "smallest"), ("best", "worst"),
    ("better", "worse"), ("increase", "reduction"),
]
ANTONYMS: dict[str, str] = {}
for _a, _b in _ANTONYM_PAIRS:
    ANTONYMS.setdefault(_a, _b)
    ANTONYMS.setdefault(_b, _a)
# words that are only antonym-safe in some parts of speech
_POS_ONLY = {"left": {"ADJ", "NOUN", "ADV"}, "right": {"ADJ", "NOUN", "ADV"}, "lost": {"VERB"},
             "fell": {"VERB"}, "import": {"NOUN"}, "export": {"NOUN"}, "last": {"ADJ"},
             "first": {"ADJ", "ADV"}, "more": {"ADJ", "ADV"}, "less": {"ADJ", "ADV"},
             "most": {"ADJ", "ADV"}, "least": {"ADJ", "ADV"}, "fall": {"VERB", "NOUN"},
             "support": {"VERB"}, "open": {"VERB"}, "win": {"VERB"}, "false": {"ADJ"}, "true": {"ADJ"},
             "public": {"ADJ"}, "north": {"ADJ", "ADV", "NOUN"}, "south": {"ADJ", "ADV", "NOUN"},
             "east": {"ADJ", "ADV", "NOUN"}, "west": {"ADJ", "ADV", "NOUN"}}


def antonym(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Replace one word by its antonym from ``ANTONYMS``, preserving capitalisation."""
    cands = []
    for tok in doc:
        low = tok.lower_
        if low not in ANTONYMS or tok.ent_type_ in ENTITY_TYPES:
            continue
        allowed = _POS_ONLY.get(low)
        nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
        if allowed and tok.pos_ not in allowed and not (low in ("left", "right") and nxt == "-"):
            continue
        if low in ("more", "less", "most", "least") and nxt.lower() == "than" and low in ("most", "least"):
            continue
        cands.append(tok)
    if not cands:
        return None
    tok = rng.choice(cands)
    text = doc.text
    return text[: tok.idx] + _case_like(ANTONYMS[tok.lower_], tok.text) + text[tok.idx + len(tok.text):]

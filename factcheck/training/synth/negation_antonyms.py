"""Contradiction transforms on polarity: insert or remove a negation, substitute an antonym."""

from __future__ import annotations

import random

from factcheck.judge.rules.lexicon import opposite_forms
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
            does = {"has": "does", "have": "do", "had": "did"}[root.lower_]
            return text[: root.idx] + _case_like(does, root.text) + " not have" + text[root.idx + len(root.text):]
        return text[: root.idx + len(root.text)] + " not" + text[root.idx + len(root.text):]
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if do is None or root.lemma_.lower() == "be":
        return None
    return text[: root.idx] + _case_like(do, root.text) + " not " + root.lemma_.lower() + text[root.idx + len(root.text):]


# --------------------------------------------------------------------------- antonyms
# The swaps are the [forms] of the one lexicon of opposites (factcheck/judge/rules/data/opposites.txt);
# here, the words that are only safe to swap in some parts of speech.
_POS_ONLY = {"left": {"ADJ", "NOUN", "ADV"}, "right": {"ADJ", "NOUN", "ADV"}, "lost": {"VERB"},
             "fell": {"VERB"}, "import": {"NOUN"}, "export": {"NOUN"}, "last": {"ADJ"},
             "first": {"ADJ", "ADV"}, "more": {"ADJ", "ADV"}, "less": {"ADJ", "ADV"},
             "most": {"ADJ", "ADV"}, "least": {"ADJ", "ADV"}, "fall": {"VERB", "NOUN"},
             "support": {"VERB"}, "open": {"VERB"}, "win": {"VERB"}, "false": {"ADJ"}, "true": {"ADJ"},
             "public": {"ADJ"}, "north": {"ADJ", "ADV", "NOUN"}, "south": {"ADJ", "ADV", "NOUN"},
             "east": {"ADJ", "ADV", "NOUN"}, "west": {"ADJ", "ADV", "NOUN"}}


def antonym(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Replace one word by its opposite form (opposites.txt [forms]), preserving capitalisation."""
    swaps = opposite_forms()
    cands = []
    for tok in doc:
        low = tok.lower_
        if low not in swaps or tok.ent_type_ in ENTITY_TYPES:
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
    return text[: tok.idx] + _case_like(swaps[tok.lower_], tok.text) + text[tok.idx + len(tok.text):]

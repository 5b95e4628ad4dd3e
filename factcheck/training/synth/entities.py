"""Contradiction transforms on named entities: swap an entity for another of its type, or swap subject and object."""

from __future__ import annotations

import random
import re

from factcheck.training.synth.base import ENTITY_TYPES, SynthContext


def _clean_entity(ent) -> str | None:
    text = ent.text.strip()
    if ent.label_ not in ENTITY_TYPES or not (1 <= len(ent) <= 5):
        return None
    if not text[:1].isupper() or not re.fullmatch(r"[A-Z][\w.&' -]*[\w.]", text):
        return None
    if "\n" in text or text.lower().startswith("the ") or re.search(r"['’]s?$", text):
        return None
    if ent.label_ == "PERSON" and len(ent) > 3:
        return None
    return text


def entity_pool(docs) -> dict[str, list[str]]:
    pool: dict[str, set[str]] = {k: set() for k in ENTITY_TYPES}
    for doc in docs:
        for ent in doc.ents:
            t = _clean_entity(ent)
            if t:
                pool[ent.label_].add(t)
    return {k: sorted(v) for k, v in pool.items()}


def entity_swap(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Replace one PERSON/ORG/GPE/NORP entity with a different one of the same type from the corpus."""
    ents = [e for e in doc.ents if _clean_entity(e)]
    rng.shuffle(ents)
    text = doc.text
    low = text.lower()
    for ent in ents:
        if ent.start_char > 0 and text[ent.start_char - 1] in "-/" or text[ent.end_char: ent.end_char + 1] in ("-", "/"):
            continue
        pool = ctx.entities.get(ent.label_) or []
        if len(pool) < 2:
            continue
        n_tok = len(ent)
        for _ in range(12):
            cand = rng.choice(pool)
            cl = cand.lower()
            if cl in low or ent.text.lower() in cl:
                continue
            if ent.label_ == "PERSON" and (n_tok >= 2) != (len(cand.split()) >= 2):
                continue  # keep "Obama" ~ single names, "Barack Obama" ~ full names
            if ent.label_ == "NORP" and ent.text.endswith("s") != cand.endswith("s"):
                continue  # "Americans" ~ "Germans", "American" ~ "German"
            return text[: ent.start_char] + cand + text[ent.end_char:]
    return None


def _proper_span(tok):
    """The entity or compound proper-noun span headed by tok, or None."""
    if tok.ent_type_ in ENTITY_TYPES:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent
    if tok.pos_ == "PROPN":
        left = tok.i
        for c in tok.lefts:
            if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i == left - 1:
                left = c.i
        return tok.doc[left: tok.i + 1]
    return None


_SYMMETRIC = {"meet", "marry", "face", "play", "join", "fight", "battle", "date", "resemble", "divorce",
              "contact", "match", "tie", "draw", "partner", "accompany", "equal", "border", "hug", "kiss",
              "call", "phone", "debate", "merge", "befriend", "neighbour", "neighbor"}


def role_swap(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Swap proper-noun nsubj and dobj of a verb: "X accused Y of fraud" -> "Y accused X of fraud"."""
    options = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        if len(subj) != 1 or len(obj) != 1:
            continue
        a, b = _proper_span(subj[0]), _proper_span(obj[0])
        if a is None or b is None or a.end > tok.i or b.start <= tok.i:
            continue
        if tok.lemma_.lower() in _SYMMETRIC:
            continue
        # the phrases must be exactly the entities (no determiners, relative clauses, ...)
        if (subj[0].left_edge.i, subj[0].right_edge.i) != (a.start, a.end - 1):
            continue
        if (obj[0].left_edge.i, obj[0].right_edge.i) != (b.start, b.end - 1):
            continue
        if a.text.lower() == b.text.lower():
            continue
        options.append((a, b))
    if not options:
        return None
    a, b = rng.choice(options)
    text = doc.text
    return text[: a.start_char] + b.text + text[a.end_char: b.start_char] + a.text + text[b.end_char:]

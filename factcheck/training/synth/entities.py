"""Contradiction transforms on named entities: swap an entity for another of its type, or swap subject and object."""

from __future__ import annotations

import random
import re
from collections import Counter

from factcheck.judge.rules.lexicon import aliases
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


# Words that put a "name" in another type than the tagger said ("Southampton University" as PERSON,
# "Israeli Army Radio" as PERSON, "Chairperson" as ORG): a small model's commonest mistypes.
_INSTITUTION_WORDS = frozenset({
    "university", "college", "school", "institute", "party", "council", "ministry", "department", "army", "navy",
    "radio", "news", "times", "post", "inc", "corp", "company", "bank", "agency", "association", "committee",
    "court", "police", "league", "club", "union", "foundation", "group", "airlines", "airways", "international",
    "museum", "hospital", "church", "office", "service", "fund", "board", "commission", "assembly", "parliament",
    "congress", "senate", "force", "forces", "guard", "magazine", "journal", "tv", "network", "studios",
    "records", "team", "fc", "city", "county", "province", "state", "street", "river", "island", "mountain",
})
_TITLE_WORDS = frozenset({"chairperson", "chairman", "president", "minister", "secretary", "director", "ceo",
                          "senator", "governor", "mayor", "judge", "king", "queen", "prince", "general", "pope"})
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.")


def _fits_type(text: str, label: str) -> bool:
    """Whether the name's shape fits its label: people's names are name-shaped words, not institutions,
    titles, countries or demonyms; places are not institutions."""
    words = text.split()
    low = {w.lower().strip(".") for w in words}
    if label == "PERSON":
        return (all(_NAME_WORD.fullmatch(w) for w in words) and not low & (_INSTITUTION_WORDS | _TITLE_WORDS)
                and text.lower() not in aliases())
    if label == "GPE":
        return not low & (_INSTITUTION_WORDS - {"city", "county", "province", "state", "island"}) and \
            not any(c.isdigit() for c in text)
    if label == "ORG":
        return not low & _TITLE_WORDS
    return True


def entity_pool(docs) -> dict[str, list[str]]:
    """label -> sorted replacement names: each name under the label the tagger gives it most often (names
    with no majority are dropped), where its shape fits that label."""
    labels: dict[str, Counter] = {}
    for doc in docs:
        for ent in doc.ents:
            t = _clean_entity(ent)
            if t and _fits_type(t, ent.label_):
                labels.setdefault(t, Counter())[ent.label_] += 1
    pool: dict[str, list[str]] = {k: [] for k in ENTITY_TYPES}
    for text, counts in labels.items():
        ranked = counts.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue
        pool[ranked[0][0]].append(text)
    return {k: sorted(v) for k, v in pool.items()}


def _partial_or_modifier(ent) -> bool:
    """"Tim" of "Tim Cook" (a neighbouring capitalised name word left outside the entity), "Portland" of
    "Portland cement" (a modifier of a common noun) or a name in brackets: no clean slot to swap."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > ent.sent.start else None
    after = doc[ent.end] if ent.end < len(doc) else None
    for t in (before, after):
        if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper():
            return True
    if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
        return True
    return (before is not None and before.text == "(") or (after is not None and after.text == ")")


def entity_swap(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Replace one PERSON/ORG/GPE/NORP entity with a different one of the same type from the corpus."""
    ents = [e for e in doc.ents if _clean_entity(e)]
    rng.shuffle(ents)
    text = doc.text
    low = text.lower()
    for ent in ents:
        if ent.start_char > 0 and text[ent.start_char - 1] in "-/" or text[ent.end_char: ent.end_char + 1] in ("-", "/"):
            continue
        if _partial_or_modifier(ent) or not _fits_type(ent.text, ent.label_):
            continue
        if any(ent.text in (ctx.entities.get(other) or ()) for other in ENTITY_TYPES if other != ent.label_):
            continue  # the corpus mostly types this name otherwise: the tag here is likely wrong
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


def _name_phrase(tok, trailing_prep: bool = False):
    """The phrase headed by tok when it is a proper name with at most "the" and name-like modifiers before it
    ("the United States", "Russian President Vladimir Putin"); no clause, comma or other determiner (but, with
    `trailing_prep`, a prepositional phrase after it, which stays in place: "accused by Obama [of meddling]")."""
    span = _proper_span(tok)
    if span is None:
        return None
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if trailing_prep:
        after = [c for c in tok.children if c.i >= span.end]
        if all(c.dep_ == "prep" for c in after) and after:
            hi = after[0].i - 1
    if hi != span.end - 1 or span.end - lo > 6:
        return None
    for t in doc[lo: span.start]:
        if not (t.dep_ in ("compound", "amod", "flat") and t.text[:1].isupper() or t.i == lo and t.lower_ == "the"):
            return None
    if lo > 1 and doc[lo - 1].text == "," and doc[lo - 2].pos_ == "PROPN":
        return None  # "Tarpon Springs, Florida honored ...": part of a longer name
    return doc[lo: span.end]


def _moved(span, to_start: bool) -> str:
    """A name phrase's text where it lands: "The United States" mid-sentence reads "the United States"."""
    text = span.text
    if span[0].lower_ == "the":
        return ("The" if to_start else "the") + text[3:]
    return text


def role_swap(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Swap two proper-name arguments of a verb: subject and object ("X accused Y of fraud" -> "Y accused X of
    fraud") or, in the passive, subject and agent ("Y was accused by X" -> "X was accused by Y")."""
    options = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in _SYMMETRIC:
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if len(subj) == 1 and len(obj) == 1 and not passive:
            pair = (subj[0], obj[0])
        elif len(passive) == 1 and len(agent) == 1 and not subj and "NNPS" not in (passive[0].tag_, agent[0].tag_):
            pair = (passive[0], agent[0])  # (a plural name would break "was": "the Clintons was murdered")
        else:
            continue
        a, b = _name_phrase(pair[0]), _name_phrase(pair[1], trailing_prep=True)
        if a is None or b is None or a.end > tok.i or b.start <= tok.i:
            continue
        if a.text.lower().removeprefix("the ") == b.text.lower().removeprefix("the "):
            continue
        options.append((a, b))
    if not options:
        return None
    a, b = rng.choice(options)
    text = doc.text
    at_start = a.start == a.sent.start
    return (text[: a.start_char] + _moved(b, at_start) + text[a.end_char: b.start_char] + _moved(a, False)
            + text[b.end_char:])

"""Seeded synthetic NLI pairs, FactCC / VitaminC style, from plain source sentences.

Each *transform* is a small named function ``fn(doc, rng, ctx) -> str | None`` that
rewrites one spaCy-parsed premise into a hypothesis with a known label, or returns
``None`` when it does not apply. ``TRANSFORMS`` maps name -> function and
``TRANSFORM_LABEL`` maps name -> label.

Contradiction transforms
    ``number_change``   change a number / its scale ("$400 million" -> "$4 billion", "80%" -> "40%")
    ``date_change``     change a year, month or weekday ("2016" -> "2010")
    ``entity_swap``     replace a PERSON/ORG/GPE/NORP entity with another of the same type seen in the corpus
    ``role_swap``       swap proper-noun subject and direct object of a verb ("X accused Y" -> "Y accused X")
    ``negation``        insert "not" after an auxiliary (or "did not" + lemma) or remove an existing negation
    ``antonym``         substitute one word from a curated antonym list (both directions, case kept)
Entailment transforms
    ``drop_clause``     remove an adverbial clause, non-restrictive relative clause, appositive or a
                        prepositional phrase attached to the main verb (only in sentences without negation)
    ``conj_split``      keep one of two main clauses joined by "and"/"but"
    ``number_paraphrase`` "exceeding $400 million" -> "more than 400 million dollars", "about 80%" -> "roughly 80 percent"
Neutral transform
    ``neighbour``       another corpus sentence whose embedding cosine with the premise lies in
                        ``NEUTRAL_BAND`` (topical, not a paraphrase) and that does not contain the premise

Default mix (``DEFAULT_MIX``): contradiction 45%, entailment 30%, neutral 25%; a label's share is spread
evenly across its transforms. ``mix`` may name labels and/or transform names; shares are normalised.
If a transform runs out of applicable premises its remaining quota goes to the other transforms of
the same label, then to any transform. Output is deterministic for a given seed.

Output records (the documented JSONL format)::

    {"premise": ..., "hypothesis": ..., "label": "entailment"|"neutral"|"contradiction",
     "source": "synth:<transform name>"}

CLI::

    python -m factcheck.nli.synth --train-dir ../shared/data/train --sentences 6000 --n 12000 \
        --out /work/nlirun/synth.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

LABELS3 = ("entailment", "neutral", "contradiction")
DEFAULT_MIX: dict[str, float] = {"contradiction": 0.45, "entailment": 0.30, "neutral": 0.25}
NEUTRAL_BAND = (0.45, 0.85)
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


@dataclass
class SynthContext:
    """Corpus-level information shared by the transforms."""

    entities: dict[str, list[str]] = field(default_factory=dict)  # label -> sorted entity texts
    neighbours: dict[str, list[str]] = field(default_factory=dict)  # premise -> neutral candidates


# --------------------------------------------------------------------------- helpers


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",\s*([.;:!?])", r"\1", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;:-— ")
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text


def _without(doc, drop: set[int]) -> str:
    """Text of doc without the tokens in drop; the gap takes the whitespace of the last dropped token."""
    kept = [t for t in doc if t.i not in drop]
    parts = []
    for a, b in zip(kept, kept[1:] + [None]):
        parts.append(a.text)
        if b is not None:
            parts.append(doc[b.i - 1].whitespace_ if b.i - 1 != a.i else a.whitespace_)
    return "".join(parts)


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _valid(premise: str, hyp: str | None) -> str | None:
    if not hyp:
        return None
    hyp = hyp.strip()
    if len(hyp) < 8:
        return None
    norm = lambda s: re.sub(r"\W+", " ", s.lower()).strip()  # noqa: E731
    if norm(hyp) == norm(premise):
        return None
    return hyp


def _has_neg(doc) -> bool:
    return any(t.dep_ == "neg" or t.lower_ in {"not", "n't", "never", "no"} for t in doc)


# --------------------------------------------------------------------------- numbers

_NUM_RE = re.compile(
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<sp>\s?)(?P<unit>%|percent\b|per cent\b|million\b|billion\b|trillion\b|thousand\b|bn\b|m\b)?"
)
_YEAR_LIKE = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_SCALE_SWAP = {
    "thousand": ["million"],
    "million": ["billion", "thousand"],
    "billion": ["million", "trillion"],
    "trillion": ["billion"],
    "m": ["bn"],
    "bn": ["m"],
}
_WORD_NUMS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_WORD_NUM_RE = re.compile(r"\b(" + "|".join(_WORD_NUMS) + r")\b", re.IGNORECASE)


def _fmt_like(value: float, original: str) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        s = f"{int(round(value)):,}" if "," in original else str(int(round(value)))
    else:
        s = f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"
    return s


def _number_matches(text: str) -> list[re.Match]:
    out = []
    for m in _NUM_RE.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in ".:/-" or after.isalnum() or after in ":/":
            continue
        if after == "." and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        if not m.group("cur") and not m.group("unit") and _YEAR_LIKE.match(m.group("num")):
            continue  # years belong to date_change
        out.append(m)
    return out


def number_change(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Change one number (and possibly its scale word); percentages stay in 1..99."""
    text = doc.text
    matches = _number_matches(text)
    if not matches:
        wm = list(_WORD_NUM_RE.finditer(text))
        if not wm:
            return None
        m = rng.choice(wm)
        choices = [w for w in _WORD_NUMS if w != m.group(1).lower()]
        return text[: m.start()] + _case_like(rng.choice(choices), m.group(1)) + text[m.end():]
    m = rng.choice(matches)
    num_s, unit = m.group("num"), (m.group("unit") or "")
    value = float(num_s.replace(",", ""))
    unit_l = unit.lower()
    new_num, new_unit = num_s, unit
    if unit_l in _SCALE_SWAP and rng.random() < 0.4:
        new_unit = _case_like(rng.choice(_SCALE_SWAP[unit_l]), unit)
    elif unit_l in ("%", "percent", "per cent"):
        for _ in range(20):
            cand = round(value * rng.choice([0.25, 0.5, 0.6, 1.5, 2.0, 3.0])) if value >= 2 else rng.randint(5, 95)
            if 1 <= cand <= 99 and abs(cand - value) >= 3:
                break
        else:
            cand = rng.choice([v for v in (10, 25, 40, 60, 75, 90) if abs(v - value) >= 3])
        new_num = str(int(cand))
    else:
        if value == 0:
            return None
        if value <= 12 and value == int(value):
            new_val = rng.choice([v for v in range(1, 25) if v != int(value)])
        else:
            for _ in range(20):
                new_val = value * rng.choice([0.1, 0.2, 0.25, 0.5, 2.0, 3.0, 4.0, 10.0])
                if _fmt_like(new_val, num_s) != num_s and new_val > 0:
                    break
        new_num = _fmt_like(new_val, num_s)
        if float(new_num.replace(",", "")) == 0:
            return None
    if new_num == num_s and new_unit == unit:
        return None
    rep = (m.group("cur") or "") + new_num + m.group("sp") + new_unit
    return text[: m.start()] + rep + text[m.end():]


# --------------------------------------------------------------------------- dates

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_YEAR_RE = re.compile(r"(?<![\d$£€.,/:-])(1[6-9]\d\d|20\d\d)(?!\d|,\d|%|/|:)(?!\s*(?:million|billion|percent|%|people))")


def date_change(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Shift a year by 1..12 years, or swap a month/weekday name inside a DATE entity."""
    text = doc.text
    targets: list[tuple[int, int, str]] = []
    for m in _YEAR_RE.finditer(text):
        year = int(m.group(1))
        deltas = [d for d in range(-12, 13) if d and 1600 <= year + d <= 2026]
        if deltas:
            targets.append((m.start(), m.end(), str(year + rng.choice(deltas))))
    for tok in doc:
        if tok.ent_type_ in ("DATE", "TIME") or tok.ent_type_ == "" and tok.text in _DAYS:
            if tok.text in _MONTHS:
                targets.append((tok.idx, tok.idx + len(tok.text), rng.choice([x for x in _MONTHS if x != tok.text])))
            elif tok.text in _DAYS:
                targets.append((tok.idx, tok.idx + len(tok.text), rng.choice([x for x in _DAYS if x != tok.text])))
    if not targets:
        return None
    s, e, rep = rng.choice(targets)
    return text[:s] + rep + text[e:]


# --------------------------------------------------------------------------- entities


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


# --------------------------------------------------------------------------- negation

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


# --------------------------------------------------------------------------- entailments

_COND_MARKS = {"if", "unless", "whether", "until", "provided", "lest", "although", "though", "while"}
_KEEP_PREPS = {"as", "of", "than", "without", "except", "like", "unlike", "against", "instead", "to",
               "into", "onto", "between", "among", "with", "about", "upon", "per"}


def drop_clause(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Remove one adverbial clause, non-restrictive relative clause, appositive or verb-attached PP."""
    if _has_neg(doc):
        return None
    sents = list(doc.sents)
    if len(sents) != 1:
        return None
    root = sents[0].root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return None
    if any(t.lower_ in ("if", "unless", "would", "could", "might", "may") for t in doc):
        return None
    keep = {root.i, subj[0].i}
    options: list[tuple[int, int]] = []
    for tok in doc:
        lo, hi = tok.left_edge.i, tok.right_edge.i
        span_ids = set(range(lo, hi + 1))
        if span_ids & keep:
            continue
        ok = False
        if tok.dep_ == "advcl" and tok.head == root:
            marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod")}
            ok = not (marks & _COND_MARKS) and (lo > 0 and doc[lo - 1].text == "," or hi + 1 < len(doc) and doc[hi + 1].text == ",")
        elif tok.dep_ == "relcl":
            ok = lo > 0 and doc[lo - 1].text == ","
        elif tok.dep_ == "appos":
            ok = lo > 0 and doc[lo - 1].text == ","
        elif tok.dep_ == "prep" and tok.head == root and tok.lower_ not in _KEEP_PREPS:
            ok = any(c.dep_ == "pobj" for c in tok.children) and hi - lo < 12
        elif tok.dep_ == "npadvmod" and tok.head == root and tok.ent_type_ in ("DATE", "TIME"):
            ok = True
        if ok:
            options.append((lo, hi))
    if not options:
        return None
    rng.shuffle(options)
    chosen = [options[0]]
    if len(options) > 1 and rng.random() < 0.3:
        lo2, hi2 = options[1]
        if hi2 < options[0][0] or lo2 > options[0][1]:
            chosen.append(options[1])
    drop: set[int] = set()
    for lo, hi in chosen:
        drop |= _drop_span(doc, lo, hi)
    hyp = _tidy(_without(doc, drop))
    if len(hyp.split()) < 4 or root.text not in hyp:
        return None
    return hyp


def _drop_span(doc, lo: int, hi: int) -> set[int]:
    """Token ids for span lo..hi plus the punctuation that frames it."""
    drop = set(range(lo, hi + 1))
    before = doc[lo - 1] if lo > 0 else None
    after = doc[hi + 1] if hi + 1 < len(doc) else None
    if before is not None and before.text == "," and after is not None and after.text == ",":
        nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
        drop.add(before.i)
        if nxt is None or nxt.dep_ != "cc":
            drop.add(after.i)
    elif before is not None and before.text == "," and after is not None and after.text in (".", ";", "!", "?"):
        drop.add(before.i)
    elif before is None and after is not None and after.text == ",":
        drop.add(after.i)
    elif before is not None and before.text in ("-", "—", "(") and after is not None and after.text in ("-", "—", ")"):
        drop.update({before.i, after.i})
    return drop


def conj_split(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Keep one of two main clauses joined by "and"/"but" (each with its own subject)."""
    if any(t.lower_ in ("if", "unless", "or", "either") for t in doc):
        return None
    sents = list(doc.sents)
    if len(sents) != 1:
        return None
    root = sents[0].root
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return None
    ccs = [c for c in root.children if c.dep_ == "cc" and c.lower_ in ("and", "but")]
    conjs = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
             and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]
    if not ccs or not conjs:
        return None
    cc, conj = ccs[0], conjs[0]
    if not (root.i < cc.i < conj.left_edge.i):
        return None
    first = _tidy(doc[: cc.i].text)
    second = _tidy(doc[conj.left_edge.i: conj.right_edge.i + 1].text)
    opts = [h for h in (first, second) if len(h.split()) >= 4]
    if not opts:
        return None
    return rng.choice(opts)


_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
_MORE = ["more than", "over", "in excess of"]
_ABOUT = ["about", "around", "approximately", "roughly"]
_NEARLY = ["nearly", "almost"]
_LESS = ["less than", "under", "below"]
_NUMLOOK = r"(?=[$£€]?\d)"


def _swap_quant(words: list[str], match_words: list[str]):
    pat = re.compile(r"\b(" + "|".join(map(re.escape, match_words)) + r")\s+" + _NUMLOOK, re.IGNORECASE)

    def rule(text: str, rng: random.Random) -> str | None:
        m = pat.search(text)
        if not m:
            return None
        orig = m.group(1)
        choices = [w for w in words if w != orig.lower()]
        return text[: m.start(1)] + _case_like(rng.choice(choices), orig) + text[m.end(1):]

    return rule


def _currency_words(text: str, rng: random.Random) -> str | None:
    m = re.search(r"([$£€])(\d[\d,]*(?:\.\d+)?)(\s?(?:million|billion|trillion|thousand)\b)?(?![\d,.]\d)", text)
    if not m:
        return None
    scale = (m.group(3) or "").strip()
    rep = m.group(2) + (" " + scale if scale else "") + " " + _CURRENCY[m.group(1)]
    return text[: m.start()] + rep + text[m.end():]


def _percent_words(text: str, rng: random.Random) -> str | None:
    m = re.search(r"(\d+(?:\.\d+)?)\s?%", text)
    if m:
        return text[: m.start()] + m.group(1) + " percent" + text[m.end():]
    m = re.search(r"(\d+(?:\.\d+)?) (?:percent|per cent)\b", text)
    if m:
        return text[: m.start()] + m.group(1) + "%" + text[m.end():]
    return None


_NUM_RULES = [
    _swap_quant(_MORE, ["more than", "over", "in excess of", "exceeding", "upwards of"]),
    _swap_quant(_ABOUT, _ABOUT + ["some", "approx."]),
    _swap_quant(_NEARLY, _NEARLY),
    _swap_quant(_LESS, ["less than", "under", "below", "fewer than"]),
    _currency_words,
    _percent_words,
]


def number_paraphrase(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Meaning-preserving rewrites of quantities; applies every applicable rule (at least one)."""
    text = doc.text
    applicable = [r for r in _NUM_RULES if r(text, random.Random(0)) is not None]
    if not applicable:
        return None
    chosen = [r for r in applicable if rng.random() < 0.7] or [rng.choice(applicable)]
    for rule in chosen:
        new = rule(text, rng)
        if new is not None:
            text = new
    return text if text != doc.text else None


# --------------------------------------------------------------------------- neutral


def neighbour(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """A topical-but-different corpus sentence (precomputed in ``ctx.neighbours``)."""
    cands = ctx.neighbours.get(doc.text)
    if not cands:
        return None
    return rng.choice(cands)


def compute_neighbours(texts: list[str], embed: Callable[[list[str]], np.ndarray],
                       band: tuple[float, float] = NEUTRAL_BAND, k: int = 8) -> dict[str, list[str]]:
    emb = np.asarray(embed(texts), dtype=np.float32)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    emb = emb / np.maximum(norms, 1e-9)
    lows = [t.lower() for t in texts]
    out: dict[str, list[str]] = {}
    lo, hi = band
    for start in range(0, len(texts), 512):
        sims = emb[start: start + 512] @ emb.T
        for r, row in enumerate(sims):
            i = start + r
            idx = np.where((row >= lo) & (row <= hi))[0]
            idx = idx[np.argsort(-row[idx], kind="stable")]
            picks = []
            for j in idx:
                if j == i or lows[i] in lows[j] or lows[j] in lows[i]:
                    continue
                picks.append(texts[j])
                if len(picks) >= k:
                    break
            if picks:
                out[texts[i]] = picks
    return out


def default_embedder() -> Callable[[list[str]], np.ndarray]:
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    from factcheck.embed import bundled_model_dir

    model = SentenceTransformer(str(bundled_model_dir()), device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        return model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)

    return embed


# --------------------------------------------------------------------------- registry / driver

TRANSFORMS: dict[str, Callable] = {
    "number_change": number_change,
    "date_change": date_change,
    "entity_swap": entity_swap,
    "role_swap": role_swap,
    "negation": negation,
    "antonym": antonym,
    "drop_clause": drop_clause,
    "conj_split": conj_split,
    "number_paraphrase": number_paraphrase,
    "neighbour": neighbour,
}
TRANSFORM_LABEL: dict[str, str] = {
    "number_change": "contradiction", "date_change": "contradiction", "entity_swap": "contradiction",
    "role_swap": "contradiction", "negation": "contradiction", "antonym": "contradiction",
    "drop_clause": "entailment", "conj_split": "entailment", "number_paraphrase": "entailment",
    "neighbour": "neutral",
}


def _shares(mix: dict[str, float] | None) -> dict[str, float]:
    mix = dict(DEFAULT_MIX if mix is None else mix)
    shares: dict[str, float] = {}
    for key, w in mix.items():
        if key in TRANSFORMS:
            shares[key] = shares.get(key, 0.0) + w
        elif key in LABELS3:
            names = [n for n, lab in TRANSFORM_LABEL.items() if lab == key]
            for n in names:
                shares[n] = shares.get(n, 0.0) + w / len(names)
        else:
            raise ValueError(f"unknown mix key {key!r}; use a label {LABELS3} or a transform {sorted(TRANSFORMS)}")
    total = sum(v for v in shares.values() if v > 0)
    if total <= 0:
        raise ValueError("mix has no positive share")
    return {k: v / total for k, v in shares.items() if v > 0}


def _quotas(shares: dict[str, float], n: int) -> dict[str, int]:
    raw = {k: v * n for k, v in shares.items()}
    q = {k: int(v) for k, v in raw.items()}
    rest = n - sum(q.values())
    for k in sorted(raw, key=lambda k: (-(raw[k] - q[k]), k))[:rest]:
        q[k] += 1
    return q


PASSES = 3  # a transform may revisit premises (new random choices) to fill its quota


def _stream(name: str, docs, seed: int, ctx: SynthContext, seen: set) -> Iterator[dict]:
    rng = random.Random(seed * 1_000_003 + zlib.crc32(name.encode()))
    order = list(range(len(docs)))
    rng.shuffle(order)
    fn, label = TRANSFORMS[name], TRANSFORM_LABEL[name]
    for i in order * PASSES:
        doc = docs[i]
        try:
            hyp = _valid(doc.text, fn(doc, rng, ctx))
        except Exception:  # a rough parse must not kill the run
            hyp = None
        if hyp is None or (doc.text, hyp) in seen:
            continue
        seen.add((doc.text, hyp))
        yield {"premise": doc.text, "hypothesis": hyp, "label": label, "source": f"synth:{name}"}


def generate_pairs(sentences: list[str], n: int, seed: int = 13, mix: dict[str, float] | None = None,
                   embed=None, nlp=None) -> list[dict]:
    """Generate ``n`` synthetic NLI pairs (fewer only if the sentences cannot support them)."""
    shares = _shares(mix)
    quotas = _quotas(shares, n)
    texts = list(dict.fromkeys(s.strip() for s in sentences if s and s.strip()))
    if nlp is None:
        from factcheck.nlp import get_nlp

        nlp = get_nlp()
    docs = list(nlp.pipe(texts, batch_size=64))
    ctx = SynthContext(entities=entity_pool(docs))
    if quotas.get("neighbour", 0) > 0 and len(texts) > 1:
        ctx.neighbours = compute_neighbours(texts, embed or default_embedder())
    seen: set = set()
    streams = {name: _stream(name, docs, seed, ctx, seen) for name in TRANSFORMS if name in quotas}
    out: dict[str, list[dict]] = {name: [] for name in streams}
    exhausted: set[str] = set()

    def pull(name: str) -> bool:
        try:
            out[name].append(next(streams[name]))
            return True
        except StopIteration:
            exhausted.add(name)
            return False

    deficit = 0
    for name in streams:
        while len(out[name]) < quotas[name] and pull(name):
            pass
        deficit += quotas[name] - len(out[name])
    # redistribute: same label first, then any transform, round-robin
    for scope in ("label", "any"):
        if deficit <= 0:
            break
        short_labels = {TRANSFORM_LABEL[k] for k in streams if len(out[k]) < quotas[k]}
        pool = [k for k in streams if k not in exhausted and (scope == "any" or TRANSFORM_LABEL[k] in short_labels)]
        while deficit > 0 and pool:
            for k in list(pool):
                if deficit <= 0:
                    break
                if pull(k):
                    deficit -= 1
                else:
                    pool.remove(k)
    pairs = [p for name in streams for p in out[name]]
    random.Random(seed).shuffle(pairs)
    return pairs[:n]


# --------------------------------------------------------------------------- source sentences

NEWS_SOURCES = ("fnc1_capped", "semi_auto_nli", "fool_me_twice", "nli_new_protocols", "mnli_dev_matched")
_SOURCE_WEIGHT = {"fnc1_capped": 0.45, "semi_auto_nli": 0.2, "fool_me_twice": 0.1,
                  "nli_new_protocols": 0.15, "mnli_dev_matched": 0.1}
_SPLIT_RE = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def _split_body(body: str) -> list[str]:
    out = []
    for para in re.split(r"\n+", body):
        out.extend(s.strip() for s in _SPLIT_RE.split(para.strip()) if s.strip())
    return out


def _clean_candidate(s: str) -> bool:
    if not (20 <= len(s) <= 250) or "\n" in s or "http" in s or "@" in s:
        return False
    if not s[0].isupper() and not s[0].isdigit():
        return False
    if s[-1] not in ".!?" or s.count('"') % 2 or s.count("“") != s.count("”"):
        return False
    if len(s.split()) < 5 or sum(c.isupper() for c in s) > 0.3 * len(s):
        return False
    return True


def _informative(s: str) -> bool:
    return bool(re.search(r"\d", s)) or bool(re.search(r"\s[A-Z][a-z]+", s))


def news_sentences(train_dir: str, limit: int, seed: int = 13) -> list[str]:
    """Clean candidate source sentences from the premises of news-like training sets."""
    rng = random.Random(seed)
    per_source: dict[str, list[str]] = {}
    for name in NEWS_SOURCES:
        path = os.path.join(train_dir, f"{name}.jsonl.gz")
        if not os.path.exists(path):
            continue
        seen: set[str] = set()
        found: list[str] = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("license_class") == "non-commercial":
                    continue
                prem = rec.get("premise") or ""
                if prem in seen:
                    continue
                seen.add(prem)
                parts = _split_body(prem)
                found.extend(p for p in parts if _clean_candidate(p))
        found = sorted(set(found))
        rng.shuffle(found)
        found.sort(key=lambda s: not _informative(s))  # stable: informative first, shuffled within
        per_source[name] = found
    if not per_source:
        raise FileNotFoundError(f"no news training sets found in {train_dir}")
    want = int(limit * 1.25) + 10
    cands: list[str] = []
    for name, found in per_source.items():
        cands.extend(found[: int(want * _SOURCE_WEIGHT[name]) + 1])
    if len(cands) < want:  # top up from whatever is left
        extra = [s for name in per_source for s in per_source[name][int(want * _SOURCE_WEIGHT[name]) + 1:]]
        rng.shuffle(extra)
        cands.extend(extra[: want - len(cands)])
    cands = list(dict.fromkeys(cands))
    from factcheck.nlp import get_nlp

    nlp = get_nlp()
    keep = []
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler"]):
        for doc in nlp.pipe(cands, batch_size=64):
            if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in doc):
                keep.append(doc.text)
    rng.shuffle(keep)
    return keep[:limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train-dir", required=True)
    ap.add_argument("--sentences", type=int, default=6000)
    ap.add_argument("--n", type=int, default=12000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    t0 = time.time()
    sents = news_sentences(args.train_dir, args.sentences, seed=args.seed)
    print(f"{len(sents)} source sentences ({time.time() - t0:.0f}s)", file=sys.stderr)
    pairs = generate_pairs(sents, args.n, seed=args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    by_src = Counter(p["source"] for p in pairs)
    by_lab = Counter(p["label"] for p in pairs)
    print(f"wrote {len(pairs)} pairs to {args.out} in {time.time() - t0:.0f}s")
    for k, v in sorted(by_src.items()):
        print(f"  {k:28s} {v}")
    for k, v in sorted(by_lab.items()):
        print(f"  label {k:22s} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Entailment transforms: drop a clause, keep one conjunct, paraphrase a number."""

from __future__ import annotations

import random
import re

from factcheck.ingest.claims import text_without, tidy_clause
from factcheck.training.synth.base import SynthContext, _case_like, _has_neg

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
    hyp = tidy_clause(text_without(doc, drop))
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
    first = tidy_clause(doc[: cc.i].text)
    second = tidy_clause(doc[conj.left_edge.i: conj.right_edge.i + 1].text)
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

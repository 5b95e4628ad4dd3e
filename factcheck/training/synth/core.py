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

    factcheck nli synth --train-dir ../shared/data/train --sentences 6000 --n 12000 \
        --out /work/nlirun/synth.jsonl
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import zlib
from collections.abc import Callable, Iterator

from factcheck.judge.nli import LABELS
from factcheck.training.synth.base import SynthContext, _valid
from factcheck.training.synth.entail import conj_split, drop_clause, number_paraphrase
from factcheck.training.synth.entities import entity_pool, entity_swap, role_swap
from factcheck.training.synth.negation_antonyms import antonym, negation
from factcheck.training.synth.neutral import compute_neighbours, default_embedder, neighbour
from factcheck.training.synth.numbers_dates import date_change, number_change

DEFAULT_MIX: dict[str, float] = {"contradiction": 0.45, "entailment": 0.30, "neutral": 0.25}


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
        elif key in LABELS:
            names = [n for n, lab in TRANSFORM_LABEL.items() if lab == key]
            for n in names:
                shares[n] = shares.get(n, 0.0) + w / len(names)
        else:
            raise ValueError(f"unknown mix key {key!r}; use a label {LABELS} or a transform {sorted(TRANSFORMS)}")
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
        from factcheck.ingest.nlp import get_nlp

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
    out: list[str] = []
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
    from factcheck.ingest.nlp import get_nlp

    nlp = get_nlp()
    keep = []
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler"]):
        for doc in nlp.pipe(cands, batch_size=64):
            if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in doc):
                keep.append(doc.text)
    rng.shuffle(keep)
    return keep[:limit]

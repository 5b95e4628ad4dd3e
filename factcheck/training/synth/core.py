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

Hard cases (``HARD_CASES``, hard_cases.py), from the pipeline's own error kinds
    ``unseen_entity``       neutral: add a PERSON/ORG/GPE the premise never mentions (nor an alias of it) as an
                            extra participant of an additive slot ("X accused Y" -> "X accused Y and Z"); unlike
                            ``entity_swap`` it takes no entity away, so the premise says nothing about Z
    ``unit_change``         neutral: same number, another kind of thing ("12,000 soldiers" -> "$12,000",
                            "$400 million" -> "400 million shares", "rose 5%" -> "rose 5 points"): the premise
                            gives no figure for the new thing (same-kind changes, "miles" -> "km", are not made)
    ``nominalise``          entailment: "the ministry suspended the programme" -> "There was a suspension of the
                            programme by the ministry."; "after the suspension of payments" -> "Payments were
                            suspended." (event nouns only in factive places)
    ``contrary_predicate``  contradiction: verbs of change / attitude and adjectives of relations that the
                            antonym forms miss ("declined" -> "rose", "welcomed" -> "condemned", "cordial" ->
                            "strained"), inflection kept
    ``vague_quantifier``    contradiction: "about 75% of voters" -> "few voters" (>= 65%), "20% of the staff" ->
                            "most of the staff" (<= 35%); nothing made between 35% and 65%
    ``vague_quantifier_entail`` entailment: "about 75% of voters" -> "most voters", "20%" -> "a minority of"
    ``with_context``        entailment: on two consecutive sentences of one source ("passages") whose second
                            refers back ("He", "It said", "They said", "The company"), that sentence with its
                            referent named ("Angela Merkel said ...")

Default mix (``DEFAULT_MIX``): contradiction 45%, entailment 30%, neutral 25%; a label's share is spread
evenly across its transforms (the ten above the hard cases, ``BASE_TRANSFORMS``). ``mix`` may name labels,
transform names and ``hard_cases`` (its share spread evenly over ``HARD_CASES``); shares are normalised
(``parse_mix`` reads "name=weight,name" as the CLI's ``--mix``). If a transform runs out of applicable
premises its remaining quota goes to the other transforms of the same label, then to any transform.
Output is deterministic for a given seed.

Their constructions are rare in running text, so ``build_synth`` (the CLI) draws the hard cases' share of
the source sentences from those that cheap cues find (``hard_cases.CUES``: a percentage of a group, a verb of
change, an event noun, ...) and, for ``with_context``, mines two-sentence passages (``news_passages``).

Held-out split per family: ``generate_with_heldout`` sets a fifth of the source sentences and passages
aside (by a hash of the text and the seed) and makes up to N pairs per transform of the mix from them,
without redistribution, so a model card can report accuracy per family on premises training never saw.

Output records (the documented JSONL format)::

    {"premise": ..., "hypothesis": ..., "label": "entailment"|"neutral"|"contradiction",
     "source": "synth:<transform name>"}

CLI::

    factcheck nli synth --train-dir ../shared/data/train --sentences 6000 --n 12000 \
        --out /work/nlirun/synth.jsonl
    factcheck nli synth --train-dir ../shared/data/train --sentences 6000 --n 12000 \
        --mix contradiction=0.45,entailment=0.3,neutral=0.25,hard_cases=0.3 --heldout-per-family 200 \
        --out /work/nlirun/synth.jsonl       # also writes /work/nlirun/synth.heldout.jsonl
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
from factcheck.training.synth.hard_cases import (
    CUES,
    contrary_predicate,
    nominalise,
    unit_change,
    unseen_entity,
    vague_quantifier,
    vague_quantifier_entail,
    with_context,
)
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
    "unseen_entity": unseen_entity,
    "unit_change": unit_change,
    "nominalise": nominalise,
    "contrary_predicate": contrary_predicate,
    "vague_quantifier": vague_quantifier,
    "vague_quantifier_entail": vague_quantifier_entail,
    "with_context": with_context,
}
TRANSFORM_LABEL: dict[str, str] = {
    "number_change": "contradiction", "date_change": "contradiction", "entity_swap": "contradiction",
    "role_swap": "contradiction", "negation": "contradiction", "antonym": "contradiction",
    "drop_clause": "entailment", "conj_split": "entailment", "number_paraphrase": "entailment",
    "neighbour": "neutral",
    "unseen_entity": "neutral", "unit_change": "neutral", "nominalise": "entailment",
    "contrary_predicate": "contradiction", "vague_quantifier": "contradiction",
    "vague_quantifier_entail": "entailment", "with_context": "entailment",
}
HARD_CASES = ("unseen_entity", "unit_change", "nominalise", "contrary_predicate", "vague_quantifier",
              "vague_quantifier_entail", "with_context")
BASE_TRANSFORMS = tuple(name for name in TRANSFORMS if name not in HARD_CASES)
PASSAGE_TRANSFORMS = frozenset({"with_context"})  # they read two consecutive sentences, not one


def _shares(mix: dict[str, float] | None) -> dict[str, float]:
    mix = dict(DEFAULT_MIX if mix is None else mix)
    shares: dict[str, float] = {}
    for key, w in mix.items():
        if key in TRANSFORMS:
            shares[key] = shares.get(key, 0.0) + w
        elif key in LABELS or key == "hard_cases":
            names = list(HARD_CASES) if key == "hard_cases" else [n for n in BASE_TRANSFORMS if TRANSFORM_LABEL[n] == key]
            for n in names:
                shares[n] = shares.get(n, 0.0) + w / len(names)
        else:
            raise ValueError(f"unknown mix key {key!r}; use a label {LABELS}, 'hard_cases' or a transform "
                             f"{sorted(TRANSFORMS)}")
    total = sum(v for v in shares.values() if v > 0)
    if total <= 0:
        raise ValueError("mix has no positive share")
    return {k: v / total for k, v in shares.items() if v > 0}


def parse_mix(spec: str) -> dict[str, float]:
    """"unseen_entity,unit_change=2,contradiction=0.5" -> {name: weight} (weight 1 where none is given)."""
    mix: dict[str, float] = {}
    for item in spec.split(","):
        key, sep, weight = item.strip().partition("=")
        if not key:
            continue
        try:
            w = float(weight) if sep else 1.0
        except ValueError:
            raise ValueError(f"mix weight {weight!r} of {key!r} is not a number") from None
        mix[key.strip()] = mix.get(key.strip(), 0.0) + w
    if not mix:
        raise ValueError("empty mix")
    _shares(mix)  # unknown names fail here, before any work
    return mix


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
                   embed=None, nlp=None, passages: list[str] | None = None, fill: bool = True) -> list[dict]:
    """Generate ``n`` synthetic NLI pairs (fewer only if the sentences cannot support them).

    passages: two-sentence texts (consecutive sentences of one source) for the transforms in
    ``PASSAGE_TRANSFORMS``; fill: give a transform's unmet quota to the others (off for held-out splits).
    """
    shares = _shares(mix)
    quotas = _quotas(shares, n)
    texts = _unique(sentences)
    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    docs = list(nlp.pipe(texts, batch_size=64))
    wants_passages = any(quotas.get(name, 0) > 0 for name in PASSAGE_TRANSFORMS)
    passage_docs = list(nlp.pipe(_unique(passages or []), batch_size=64)) if wants_passages else []
    ctx = SynthContext(entities=entity_pool(docs))
    if quotas.get("neighbour", 0) > 0 and len(texts) > 1:
        ctx.neighbours = compute_neighbours(texts, embed or default_embedder())
    seen: set = set()
    streams = {name: _stream(name, passage_docs if name in PASSAGE_TRANSFORMS else docs, seed, ctx, seen)
               for name in TRANSFORMS if name in quotas}
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
    if not fill:
        deficit = 0
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


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(s.strip() for s in texts if s and s.strip()))


HELDOUT_SHARE = 5  # one source text in this many goes to the held-out split


def _held_out(text: str, seed: int) -> bool:
    return zlib.crc32(f"{seed}:{text}".encode()) % HELDOUT_SHARE == 0


def generate_with_heldout(sentences: list[str], n: int, per_family: int, seed: int = 13,
                          mix: dict[str, float] | None = None, embed=None, nlp=None,
                          passages: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """``n`` training pairs and a held-out split of up to ``per_family`` pairs per transform of the mix, made
    from a fifth of the source sentences and passages that the training pairs never use as premises."""
    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    names = list(_shares(mix))
    texts = _unique(sentences)
    held = [t for t in texts if _held_out(t, seed)]
    held_set = set(held)
    train = [t for t in texts if t not in held_set]
    train_set = set(train)
    held_p: list[str] = []
    train_p: list[str] = []
    for p in _unique(passages or []):
        parts = set(_split_body(p)) | {p}
        if _held_out(p, seed):
            if not parts & train_set:
                held_p.append(p)
        elif not parts & held_set:
            train_p.append(p)
    train_pairs = generate_pairs(train, n, seed=seed, mix=mix, embed=embed, nlp=nlp, passages=train_p)
    used = {p["premise"] for p in train_pairs}
    heldout = generate_pairs(held, per_family * len(names), seed=seed, mix=dict.fromkeys(names, 1.0),
                             embed=embed, nlp=nlp, passages=held_p, fill=False) if per_family > 0 else []
    return train_pairs, [p for p in heldout if p["premise"] not in used]


def heldout_path(out: str) -> str:
    """Where the held-out split of ``out`` goes: "synth.jsonl" -> "synth.heldout.jsonl" (".gz"/".xz" kept)."""
    for ext in (".jsonl.gz", ".jsonl.xz", ".jsonl"):
        if out.endswith(ext):
            return out[: -len(ext)] + ".heldout" + ext
    return out + ".heldout.jsonl"


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


def _premises(train_dir: str, name: str) -> Iterator[str]:
    """Each distinct premise of one news-like training set (non-commercial rows left out)."""
    path = os.path.join(train_dir, f"{name}.jsonl.gz")
    if not os.path.exists(path):
        return
    seen: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("license_class") == "non-commercial":
                continue
            prem = rec.get("premise") or ""
            if prem and prem not in seen:
                seen.add(prem)
                yield prem


def news_sentences(train_dir: str, limit: int, seed: int = 13, cue: re.Pattern | None = None,
                   cue_share: float = 0.0) -> list[str]:
    """Clean candidate source sentences from the premises of news-like training sets; with `cue`, about
    `cue_share` of them are sentences the pattern finds (the rare constructions the hard cases need)."""
    rng = random.Random(seed)
    per_source: dict[str, list[str]] = {}
    for name in NEWS_SOURCES:
        path = os.path.join(train_dir, f"{name}.jsonl.gz")
        if not os.path.exists(path):
            continue
        found: list[str] = []
        for prem in _premises(train_dir, name):
            found.extend(p for p in _split_body(prem) if _clean_candidate(p))
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
    n_cue = int(limit * cue_share) if cue is not None else 0
    cued: list[str] = []
    if cue is not None and n_cue > 0:
        cued = sorted({s for found in per_source.values() for s in found if cue.search(s)})
        rng.shuffle(cued)
        cued = cued[: int(n_cue * 1.25) + 10]
    cands = list(dict.fromkeys(cued + cands))
    from factcheck.ingest.nlp import get_nlp

    nlp = get_nlp()
    keep = []
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler"]):
        for doc in nlp.pipe(cands, batch_size=64):
            if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in doc):
                keep.append(doc.text)
    if n_cue <= 0:
        rng.shuffle(keep)
        return keep[:limit]
    cued_set = set(cued)
    first = [s for s in keep if s in cued_set][:n_cue]
    taken = set(first)
    rest = [s for s in keep if s not in taken]
    rng.shuffle(rest)
    out = first + rest[: limit - len(first)]
    rng.shuffle(out)
    return out


_REFERS_BACK = re.compile(r"^(?:He|She|It|They|The (?:company|firm|group|bank|carrier|country|nation)) ")


def news_passages(train_dir: str, limit: int, seed: int = 13) -> list[str]:
    """Two consecutive clean sentences of one paragraph of a news-like premise whose second sentence starts
    by referring back ("He said ...", "The company ..."): the premises of ``with_context``."""
    found: set[str] = set()
    for name in NEWS_SOURCES:
        for prem in _premises(train_dir, name):
            for para in re.split(r"\n+", prem):
                parts = [s.strip() for s in _SPLIT_RE.split(para.strip()) if s.strip()]
                for a, b in zip(parts, parts[1:]):
                    if _REFERS_BACK.match(b) and _clean_candidate(a) and _clean_candidate(b):
                        found.add(a + " " + b)
    out = sorted(found)
    random.Random(seed).shuffle(out)
    return out[:limit]


def build_synth(train_dir: str, sentences: int, n: int, seed: int = 13, mix: dict[str, float] | None = None,
                heldout_per_family: int = 0, log: Callable[[str], None] = lambda m: None
                ) -> tuple[list[dict], list[dict]]:
    """Mine source sentences (and passages when the mix needs them) from ``train_dir`` and make ``n`` pairs,
    plus up to ``heldout_per_family`` held-out pairs per transform on premises the training pairs never use."""
    shares = _shares(mix)
    hard = sum(w for name, w in shares.items() if name in HARD_CASES and name not in PASSAGE_TRANSFORMS)
    sents = news_sentences(train_dir, sentences, seed=seed, cue=CUES if hard > 0 else None, cue_share=hard)
    log(f"{len(sents)} source sentences")
    passages = None
    if any(name in PASSAGE_TRANSFORMS for name in shares):
        passages = news_passages(train_dir, sentences, seed=seed)
        log(f"{len(passages)} two-sentence passages")
    if heldout_per_family > 0:
        return generate_with_heldout(sents, n, heldout_per_family, seed=seed, mix=mix, passages=passages)
    return generate_pairs(sents, n, seed=seed, mix=mix, passages=passages), []

"""Contrastive pairs from natural paraphrases: one fact of an *entailed* hypothesis changed.

The other transforms edit the premise itself, so a changed fact is the one difference between two
otherwise identical sentences, and a model can learn to look for the one differing word. A statement a
journalist writes is a paraphrase with, sometimes, one fact changed: the model must tell a changed fact from
a changed wording. This family starts from natural pairs whose hypothesis the premise entails (MRPC
paraphrases, entailment pairs of the three-way sets) and applies a transform of the premise-editing families
to the *hypothesis*:

- contradiction (``number_change``, ``date_change``, ``entity_swap``, ``role_swap``, ``negation``, ``antonym``,
  ``contrary_predicate``): the premise entails the hypothesis, so it contradicts the hypothesis with one of its
  facts reversed. A replaced value must be one the premise itself gives (every removed word occurs in the
  premise) and the new value one it does not (no added word occurs in it), so the premise commits to the old
  value; a word turned into its opposite must be the premise's own as well (a loosely entailed hypothesis may
  add a detail the premise never gives, and its opposite says nothing against the premise); a role swap needs
  both names in the premise.
- neutral (``unseen_entity``): the hypothesis gains a participant the premise never mentions (checked against the
  premise, not only the hypothesis).

Each edited pair comes with its unedited original (``keep``, entailment), so the two differ only in the fact:
the contrast VitaminC builds from revisions. Records carry ``source`` = "synth:para_<transform>" (and
"synth:para_keep").

Measured once (stop 41, 2026-12-03; not in the shipped model): one epoch from the phase-9 weights over 7,868 such
pairs (`build(train_dir, 6000, seed=53, heldout_per_family=60)`) with 10,000 natural replay pairs and 2,500 natural
neutrals, lr 2e-5, raised the family's held-out accuracy 0.791 -> 0.857 and left untrained BEGIN level (0.741), but
the pipeline called more true statements CONTRADICTED (development sets 6 -> 29 of 974 with the shipped verdict
model, 19 refitted) and got 1,731 -> 1,708 of 2,453 development statements right: the contrast taught "a
paraphrase that differs is a contradiction" more than "this fact differs". Kept as a family to try with more
entailed and neutral pairs beside it.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from collections import Counter
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from factcheck.training.synth.base import SynthContext, _valid
from factcheck.training.synth.core import _held_out
from factcheck.training.synth.entities import entity_pool, entity_swap, role_swap
from factcheck.training.synth.hard_cases import contrary_predicate, mentions, unseen_entity
from factcheck.training.synth.negation_antonyms import antonym, negation
from factcheck.training.synth.numbers_dates import date_change, number_change

EDITS: dict[str, tuple[Callable, str]] = {
    "number_change": (number_change, "contradiction"),
    "date_change": (date_change, "contradiction"),
    "entity_swap": (entity_swap, "contradiction"),
    "role_swap": (role_swap, "contradiction"),
    "negation": (negation, "contradiction"),
    "antonym": (antonym, "contradiction"),
    "contrary_predicate": (contrary_predicate, "contradiction"),
    "unseen_entity": (unseen_entity, "neutral"),
}
REPLACING = frozenset({"number_change", "date_change", "entity_swap"})
OPPOSING = frozenset({"antonym", "contrary_predicate"})
# Where the entailed pairs come from: sets whose hypotheses restate a premise in other words. MRPC (news
# paraphrases) is in no training mix of the shipped model; the others' entailment pairs are.
# fool_me_twice is left out: its "entailed" claims often need evidence beyond the one premise.
SOURCES: dict[str, int] = {"mrpc": 4000, "semi_auto_nli": 6000, "nli_new_protocols": 4000, "lingnli": 4000,
                           "mnli_dev_matched": 3000}
_WORD = re.compile(r"[a-z0-9]+(?:[.,'’][a-z0-9]+)*")
_MRPC_SPACING = re.compile(r" (?=[,.;:!?%)'](?:\s|$))| (?='s\b|n't\b)|(?<=[($]) ")


def _words(text: str) -> Counter:
    return Counter(_WORD.findall(text.lower()))


def _detok(text: str) -> str:
    """MRPC's tokenised text ("Amrozi 's brother , whom") as running text ("Amrozi's brother, whom")."""
    text = _MRPC_SPACING.sub("", text)
    return re.sub(r'" ([^"]*?) "', r'"\1"', text)


def grounded(premise_doc, hypothesis: str, edited: str, name: str) -> bool:
    """Whether `edited` (the hypothesis after transform `name`) has the label of its family against the premise:
    a replaced value is the premise's own and its replacement is not; a swapped pair of names is the premise's;
    an added entity or counted thing is one the premise never mentions."""
    prem = _words(premise_doc.text)
    removed = _words(hypothesis) - _words(edited)
    added = _words(edited) - _words(hypothesis)
    if name in REPLACING:
        return bool(removed) and bool(added) and all(w in prem for w in removed) and not any(w in prem for w in added)
    if name in OPPOSING:  # the word turned into its opposite is the premise's own, its opposite is not
        return bool(removed) and all(w in prem for w in removed) and not any(w in prem for w in added)
    if name == "role_swap":
        caps = re.findall(r"\b[A-Z][a-z]+\b", hypothesis)
        return not removed and not added and all(c.lower() in prem for c in caps)
    if name == "unseen_entity":
        for piece in re.findall(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*", edited):
            if piece not in hypothesis and mentions(premise_doc, piece):
                return False
        return bool(added)
    return True  # negation: the denial of what the premise entails


def faithful(premise: str, hypothesis: str, coverage: float = 0.5) -> bool:
    """Whether the hypothesis adds nothing the premise lacks as far as words can tell: each of its figures and
    capitalised words (after the first) occurs in the premise, and at least `coverage` of its other content
    words do. A paraphrase set's "entailed" hypothesis often carries a detail of its own ("..., EMC's president
    and chief executive"); kept as an entailment it would teach the very error the family is meant to fix."""
    prem = _words(premise)
    toks = hypothesis.split()
    for i, tok in enumerate(toks):
        core = tok.strip("\"'“”‘’()[],.;:!?")
        if not core:
            continue
        if any(c.isdigit() for c in core) or (i > 0 and core[:1].isupper()):
            if not all(w in prem for w in _WORD.findall(core.lower())):
                return False
    content = [w for w in _WORD.findall(hypothesis.lower()) if w not in STOP_WORDS and not w.isdigit()]
    if not content:
        return False
    return sum(w in prem for w in content) >= coverage * len(content)


def _looks_usable(premise: str, hypothesis: str) -> bool:
    n = len(hypothesis.split())
    return (6 <= n <= 40 and len(premise) <= 600 and hypothesis[:1].isupper() and "http" not in premise + hypothesis
            and faithful(premise, hypothesis))


def entailed_pairs(train_dir: str, seed: int = 53, sources: dict[str, int] | None = None) -> list[dict]:
    """Up to sources[name] (premise, hypothesis) pairs labelled entailment from each training set (non-commercial
    records left out), shuffled with `seed`."""
    rng = random.Random(seed)
    out: list[dict] = []
    for name, cap in (sources or SOURCES).items():
        path = os.path.join(train_dir, f"{name}.jsonl.gz")
        if not os.path.exists(path):
            continue
        found: dict[tuple[str, str], dict] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("license_class") == "non-commercial" or rec.get("label") != "entailment":
                    continue
                prem, hyp = rec.get("premise") or "", rec.get("hypothesis") or ""
                if name == "mrpc":
                    prem, hyp = _detok(prem), _detok(hyp)
                if _looks_usable(prem, hyp):
                    found.setdefault((prem, hyp), {"premise": prem, "hypothesis": hyp, "set": name})
        recs = sorted(found.values(), key=lambda r: (r["premise"], r["hypothesis"]))
        rng.shuffle(recs)
        out.extend(recs[:cap])
    rng.shuffle(out)
    return out


def edit_pairs(pairs: list[dict], n: int, seed: int = 53, nlp=None, keep: bool = True,
               edits: tuple[str, ...] | None = None) -> list[dict]:
    """Up to `n` edited pairs (and, with `keep`, each one's unedited original), quotas spread evenly over
    `edits`; each source pair gives at most one edited pair."""
    names = list(edits or EDITS)
    if nlp is None:
        from factcheck.ingest.nlp import get_nlp

        nlp = get_nlp()
    hyp_docs = list(nlp.pipe([p["hypothesis"] for p in pairs], batch_size=64))
    ctx = SynthContext(entities=entity_pool(hyp_docs))
    rng = random.Random(seed)
    quota = {k: n // len(names) + (1 if i < n % len(names) else 0) for i, k in enumerate(names)}
    made: Counter = Counter()
    out: list[dict] = []
    prem_cache: dict[str, object] = {}
    for pair, hdoc in zip(pairs, hyp_docs):
        if sum(made.values()) >= n:
            break
        order = [k for k in names if made[k] < quota[k]]
        rng.shuffle(order)
        for name in order:
            fn, label = EDITS[name]
            try:
                edited = _valid(hdoc.text, fn(hdoc, rng, ctx))
            except Exception:  # a rough parse must not stop the run
                edited = None
            if edited is None:
                continue
            pdoc = prem_cache.get(pair["premise"])
            if pdoc is None:
                pdoc = prem_cache[pair["premise"]] = nlp(pair["premise"])
            if not grounded(pdoc, hdoc.text, edited, name):
                continue
            made[name] += 1
            out.append({"premise": pair["premise"], "hypothesis": edited, "label": label,
                        "source": f"synth:para_{name}", "from": pair["set"]})
            if keep:
                out.append({"premise": pair["premise"], "hypothesis": pair["hypothesis"], "label": "entailment",
                            "source": "synth:para_keep", "from": pair["set"]})
            break
    rng.shuffle(out)
    return out


def build(train_dir: str, n: int, seed: int = 53, heldout_per_family: int = 0,
          log: Callable[[str], None] = lambda m: None) -> tuple[list[dict], list[dict]]:
    """Training pairs (about `n` edits, each with its original) and a held-out split of up to
    `heldout_per_family` edits per transform (no originals) on premises the training pairs never use."""
    pairs = entailed_pairs(train_dir, seed=seed)
    log(f"{len(pairs)} entailed pairs")
    train = [p for p in pairs if not _held_out(p["premise"], seed)]
    held = [p for p in pairs if _held_out(p["premise"], seed)]
    out = edit_pairs(train, n, seed=seed)
    log(f"{len(out)} training pairs")
    heldout = edit_pairs(held, heldout_per_family * len(EDITS), seed=seed + 1, keep=True) if heldout_per_family else []
    return out, heldout


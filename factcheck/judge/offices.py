"""Offices read as the people who hold them: a statement about "Colombia's president" is about the person the source
names as Colombia's president ("left-wing President Gustavo Petro of Colombia").

Statements name people by their office all the time, and a source sentence that names the person looks unlike the
statement to retrieval, to NLI and to the rules ("Colombia's president called for Trump's prosecution" against
"Petro … urging international prosecution against Trump"). Where the documents a statement retrieves name exactly one
holder of that office — an office one person holds at a time (`roles.SOLE_TITLES`), now (not "former", "deputy":
`roles.OTHER_TIME`) — the statement is checked as if it named that person, and its explanation says so. A statement
that names a holder itself ("Colombia's president is Iván Duque") is left as it is: the roles rule compares holders.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.judge.rules.roles import OTHER_TIME, SOLE_PHRASES, SOLE_TITLES, office_holders, office_of, sole_title

_TITLE = re.compile(r"\b(?:" + "|".join(sorted(SOLE_TITLES | {" ".join(p) for p in SOLE_PHRASES})) + r")s?\b",
                    re.IGNORECASE)
Holders = dict[tuple[str, str], frozenset[str]]  # (office, of what) → the names of who holds it


def mentions_office(text: str) -> bool:
    """A cheap test before any parse: whether a text has a title word of a sole office."""
    return _TITLE.search(text) is not None


def holders(sentences: Iterable[str]) -> Holders:
    """Who the sentences name as holder of which office ("president", "colombia") → {"Gustavo Petro"}; one person
    named twice ("Gustavo Petro", "Petro") is kept once, under the longer name."""
    from factcheck.ingest.nlp import parse, parse_many

    found = [s for s in sentences if mentions_office(s)]
    parse_many(found)
    by_surname: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for sentence in found:
        for h in office_holders(parse(sentence)):
            name = " ".join(t.text for t in h.tokens[1:])
            kept = by_surname[h.title, h.of].get(surname := name.split()[-1].lower(), "")
            by_surname[h.title, h.of][surname] = max(kept, name, key=len)
    return {key: frozenset(names.values()) for key, names in by_surname.items()}


def merge(many: Iterable[Holders]) -> Holders:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for one in many:
        for key, names in one.items():
            out[key] |= names
    return {key: frozenset(names) for key, names in out.items()}


@dataclass(frozen=True)
class Reading:
    """A statement with each office it names read as its holder, and what was read how."""

    text: str
    note: str


def read_offices(statement: str, known: Holders) -> Reading | None:
    """The statement with "Colombia's president", "the president of Colombia", "the Colombian president" replaced
    by the one person `known` names for that office; None when there is nothing to replace, when the office has
    no holder or several in `known`, and when the statement names a holder itself."""
    from factcheck.ingest.nlp import parse

    if not known or not mentions_office(statement):
        return None
    doc = parse(statement)
    if office_holders(doc):
        return None
    replaced: list[tuple[int, int, str, str, str, str]] = []
    for tok in doc:
        office = sole_title(tok) if tok.pos_ in {"NOUN", "PROPN"} and tok.tag_ not in {"NNS", "NNPS"} else None
        if office is None or _names_a_person(tok) or _other_time(tok) or not _the_one(tok):
            continue
        owner = office_of(tok, tok)
        names = known.get((office, owner or ""), frozenset())
        if len(names) != 1:
            continue
        start, end = _description(tok)
        replaced.append((start, end, next(iter(names)), doc.text[start:end], office, owner or ""))
    if not replaced:
        return None
    text, notes = statement, []
    for start, end, name, said, office, owner in sorted(replaced, reverse=True):
        text = text[:start] + name + text[end:]
        notes.append(f"“{said}” as {name}, whom the source names as the {office} of {owner.title()}")
    return Reading(text, "Reading " + "; ".join(reversed(notes)) + ".")


def _names_a_person(title) -> bool:
    """"President Petro", "the president, Gustavo Petro": the statement says who it is."""
    return title.head.ent_type_ == "PERSON" or any(
        c.ent_type_ == "PERSON" for c in title.children if c.dep_ in {"compound", "appos", "flat"})


def _other_time(title) -> bool:
    """"Colombia's former president", "the next president", "the president-elect": not the holder now."""
    doc = title.doc
    after = doc[title.i + 1: title.i + 3].text.lower().replace(" ", "")
    return any(c.lower_ in OTHER_TIME for c in title.children) or any(
        doc[i].lower_ in OTHER_TIME for i in range(max(0, title.i - 2), title.i)) or after.startswith(("-elect", "elect"))


def _the_one(title) -> bool:
    """"the president", "Colombia's president": one holder; not "a president", "every president", "no president"."""
    return all(c.lower_ == "the" for c in title.children if c.dep_ == "det")


def _description(title) -> tuple[int, int]:
    """Characters of the words that name an office: "Colombia's left-wing president", "the president of Colombia"
    (a possessive ending stays: "Colombia's president's plan" → "Gustavo Petro's plan")."""
    left = [t.i for c in title.children if c.i < title.i and c.dep_ in {"det", "poss", "amod", "compound", "nmod"}
            for t in c.subtree]
    right = [t.i for c in title.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    doc = title.doc
    first, last = doc[min([title.i, *left])], doc[max([title.i, *right])]
    return first.idx, last.idx + len(last.text)

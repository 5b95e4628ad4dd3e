"""Coverage: a source cannot support a statement about a name it never mentions.

Entity-level precision against the source (as in Nan et al., 2021, "Entity-level factual consistency of
abstractive summarization"): each named entity of the statement — people, organisations, places,
nationalities, events, laws, works — must be mentioned somewhere in the *document* the evidence comes
from, not only in the evidence sentence (which may say "he" or "the country"). A name counts as mentioned
when its last capitalised word appears capitalised in the document (case-insensitively: Farc = FARC) —
or in any case if it is a common noun or opens the sentence ("Cocaine production…"), or if its last two words
are written together in any case ("the National Guard" where the source writes "the Massachusetts national guard") —
through the alias table, data/aliases.txt (US = U.S. = United States = American), or by a shared six-letter stem for
demonyms (Colombian ~ Colombia), or as an acronym: a name of several capitalised words is the acronym of their
initials ("the US Agency for International Development" = USAID, "the World Health Organization" = WHO), either way
round, from three letters up (shorter ones, like UN, are the alias table's). Small NLI models readily "entail" a
statement that adds a name ("Brazil offered to mediate…" from a sentence about mediation); this check makes such an
item unable to support.
It never contradicts, and it keeps NLI from contradicting too (`blocks="verdict"`): a name the source does
not mention is something it is silent about ("Venezuela accused Petro…" against an article where Trump
accused him is not contradicted by it).

Holidays ("Easter", "Hanukkah"; data/holidays.txt) are dates, not names of what a statement is about: one the
document never mentions is a day it cannot confirm, and blocks support only, so "she missed Easter" may be
contradicted by "I missed Christmas".

Descriptions of people get the same test at the level of words: "the man who died was a fisherman", "Petro, a former
guerrilla fighter", "a member of the opposition" (what a word that says little by itself is a member of), "the
candidate belonged to an opposition party" (the group a person belongs to) cannot be
supported by a document that never uses the word (nor one with its first seven letters: "graduate", "graduated"); it
may still contradict them ("a conservative politician" where it says left-wing), so only support is blocked. Offices
are left to the roles rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.tokens import Doc

from factcheck.judge.rules._common import GENERIC, lemma, make_span, negation_of, singular
from factcheck.judge.rules.lexicon import aliases, capitals, currencies, holidays, person_nouns
from factcheck.results import Finding

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"})
_CAPITALISED = re.compile(r"\b[A-Z][\w.’'-]*")
_WORD = re.compile(r"\w+")
STEM = 6
# Words an organisation's name has between its capitalised words, left out of its acronym (or not: DoD, DoJ).
_NAME_LINKS = frozenset({"for", "of", "and", "the", "on", "in", "de", "del", "&"})
_LINK = "(?:" + "|".join(sorted(_NAME_LINKS - {"&"})) + "|&)"
_RUN = re.compile(rf"[A-Z][\w.’'-]*(?:\s+(?:{_LINK}\s+)*[A-Z][\w.’'-]*)+")
MIN_ACRONYM = 3
# A capital after one of these is the city itself ("killed in Bogotá"), not its government ("Bogotá protested").
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "around", "into", "across", "throughout", "inside",
                                "within", "from"})


def _forms(word: str) -> set[str]:
    w = word.lower().rstrip(".").removesuffix("’s").removesuffix("'s")
    alias = aliases()
    forms = {w, alias.get(w, w), alias.get(w + ".", w), singular(w)}  # "Apple Watches" where it says "Apple Watch"
    if len(w) >= STEM:
        forms.add(w[:STEM] + "*")
    return forms


def acronyms(text: str) -> list[tuple[int, int, set[str]]]:
    """(start, end, acronyms) of each run of capitalised words in `text` ("US Agency for International Development"
    → {"usaid", "usafid"}): a word in capitals gives all its letters (US, U.S.), another its first; the linking
    words are left out or given their first letter. Runs whose acronym would be shorter than `MIN_ACRONYM` give none."""
    out = []
    for m in _RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower() in _NAME_LINKS:  # "The World Bank": the article opens the run
            words = words[1:]
        bare, linked = "", ""
        for w in words:
            if w.lower() in _NAME_LINKS:
                linked += w[0].lower()
                continue
            letters = re.sub(r"[^A-Za-z]", "", w)
            initials = letters.lower() if letters.isupper() else letters[:1].lower()
            bare, linked = bare + initials, linked + initials
        forms = {a for a in (bare, linked) if len(a) >= MIN_ACRONYM}
        if forms and sum(w.lower() not in _NAME_LINKS for w in words) >= 2:
            out.append((m.start(), m.end(), forms))
    return out


def source_names(sentences: Iterable[str]) -> frozenset[str]:
    """Every form under which the capitalised words of a document can be matched."""
    names: set[str] = set()
    for text in sentences:
        for word in _CAPITALISED.findall(text):
            names |= _forms(word)
            for part in re.split(r"[-’']", word):  # "US-Colombia" → US, Colombia
                if part[:1].isupper():
                    names |= _forms(part)
        lowered = text.lower()
        words = _WORD.findall(lowered)
        names |= {"~" + w for w in words}  # any word, for capitalised common nouns
        names |= {f"~{a} {b}" for a, b in zip(words, words[1:])}  # any two words, for names written in lower case
        # names of several words, or of a number and a word ("2019-ncov"), found as written in any case
        names |= {canon for phrase, canon in aliases().items() if (" " in phrase or phrase[:1].isdigit())
                  and phrase in lowered}
        names |= {"@" + a for _, _, forms in acronyms(text) for a in forms}  # what a name's initials spell
    return frozenset(names)


def _head_word(ent):
    """The entity's last capitalised, non-determiner word before any "of" ("the Trump administration" → Trump,
    "the Heart and Stroke Foundation of Canada" → Foundation: not Canada, which the source may well mention)."""
    head = next((i for i, t in enumerate(ent) if t.lower_ == "of" and i > 0), len(ent))
    words = [t for t in list(ent)[:head] if t.text[:1].isupper() and t.pos_ != "DET"]
    return words[-1] if words else None


def _a_place(ent) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS


def _written_in_lower_case(whole: str, head, names: frozenset[str]) -> bool:
    """Whether the document writes the name in lower case: "national guard" for "National Guard" (its last two
    words, the last its head word, so "Swiss Guard" is not that name), "covid-19" for "COVID-19" (every word of it
    in order: a hyphen splits a name into words), "h5n1" for "H5N1". A name of one word must have a digit in it: a
    plain word in lower case ("turkey", "bush") is a common noun, not the name."""
    words = _WORD.findall(whole)
    if len(words) >= 2:
        return (words[-1] == head.lower_ and f"~{words[-2]} {words[-1]}" in names) or all(
            f"~{a} {b}" in names for a, b in zip(words, words[1:]))
    return len(words) == 1 and any(c.isdigit() for c in words[0]) and "~" + words[0] in names


def _holiday(ent) -> str | None:
    """The entity's name when it is a holiday (`lexicon.holidays`), lower case without "the"; else None."""
    name = ent.text.lower().removeprefix("the ").replace("’", "'")
    return name if name in holidays() else None


def unmentioned_holidays(stmt: Doc, names: frozenset[str]) -> list:
    """The holidays the statement names (whatever spaCy labels them: "Easter" may be a PERSON, "Thanksgiving" a
    DATE) that the document with `names` never mentions, every word of them ("New Year's Day" is not "Independence
    Day")."""
    return [ent for ent in stmt.ents if (name := _holiday(ent)) is not None
            and not all("~" + w in names for w in _WORD.findall(name))]


def unmentioned_entities(stmt: Doc, names: frozenset[str]) -> list:
    """The statement's named entities that the document with `names` never mentions (not holidays: dates,
    `unmentioned_holidays`)."""
    missing = []
    # Runs of capitalised words whose acronym the source writes (spaCy may cut such a name in two entities).
    spelled = [(a, b) for a, b, forms in acronyms(stmt.text) if forms & names]
    for ent in stmt.ents:
        if ent.label_ not in ENTITY_LABELS or _holiday(ent) is not None:
            continue
        start = next((t.idx for t in ent if t.pos_ != "DET"), ent.start_char)
        if any(a <= start and ent.end_char <= b + 1 for a, b in spelled):
            continue
        if ent.text.isupper() and "@" + re.sub(r"[^a-z]", "", ent.text.lower()) in names:
            continue  # "USAID" where the source spells it out
        whole = ent.text.lower().removeprefix("the ")
        if aliases().get(whole) in names or whole in names:
            continue
        if capitals().get(whole) in names and not _a_place(ent):
            continue
        head = _head_word(ent)
        if head is None or _forms(head.text) & names:
            continue
        if (head.is_sent_start or head.pos_ != "PROPN") and "~" + head.lower_ in names:
            continue  # "Cocaine production…": a common noun capitalised by position, not a name
        if _written_in_lower_case(whole, head, names):
            continue  # "National Guard", "COVID-19" where the source writes "national guard", "covid-19"
        missing.append(ent)
    return missing


# People nouns that say little by themselves: "a member of the opposition" is described by what it is a member of.
GENERAL_PEOPLE = frozenset({"member", "leader", "head", "supporter", "ally", "one", "figure", "part", "person",
                            "man", "woman", "people", "individual", "representative", "official"})
COPULAS = frozenset({"be", "become", "remain"})


def undescribed(stmt: Doc, names: frozenset[str]) -> list:
    """The descriptions of people the statement gives ("X was a fisherman", "Petro, a former guerrilla fighter",
    "a member of the opposition") whose word the document with `names` never uses (nor a word of the same first
    `WORD_STEM` letters): it cannot say who they are. Offices are left to the roles rule."""
    from factcheck.judge.rules.roles import sole_title

    missing = []
    for tok in stmt:
        missing += _belongs_to(tok, names) + _unknown_doers(tok, names)
        if tok.pos_ != "NOUN" or lemma(tok) not in person_nouns() or negation_of(tok.head) is not None:
            continue
        if not (tok.dep_ == "appos" or (tok.dep_ == "attr" and lemma(tok.head) in COPULAS)):
            continue
        if sole_title(tok) is not None or any(c.dep_ in {"compound", "amod"} and c.lower_ in OFFICE_WORDS
                                              for c in tok.children):
            continue  # an office: the roles rule compares who holds it
        key = tok
        if lemma(tok) in GENERAL_PEOPLE:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            key = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if of else None
        if key is not None and not _uses_word(key, names):
            missing.append(key)
    return missing


OFFICE_WORDS = frozenset({"chief", "vice", "deputy", "executive", "managing", "general"})


def _unknown_doers(tok, names: frozenset[str]) -> list:
    """The word that says which people (a plural: a group, not someone referred to) a statement makes the subject of
    an act ("Colombian business leaders opposed …" → business; "coffee farmers protested …" → coffee) where the
    document never uses it: it cannot say what those people did. The people's own word is not read ("rebels" may be
    the document's "guerrillas"); offices are left to the roles rule."""
    if tok.tag_ != "NNS" or tok.dep_ not in {"nsubj", "nsubjpass"} or lemma(tok) not in person_nouns():
        return []
    if tok.head.pos_ != "VERB" or negation_of(tok.head) is not None:
        return []
    from factcheck.judge.rules.roles import sole_title

    if sole_title(tok) is not None or any(c.dep_ in {"compound", "amod"} and c.lower_ in OFFICE_WORDS
                                          for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and not _uses_word(c, names)]


# Groups whose name says who someone is (a party, a faction): belonging to one is a description of them.
AFFILIATIONS = frozenset({"party", "opposition", "movement", "faction", "coalition", "union", "church", "sect", "gang",
                          "cartel", "militia", "tribe", "clan", "dynasty", "caucus", "wing", "bloc", "order",
                          "guerrilla", "organisation", "organization", "network"})


def _belongs_to(verb, names: frozenset[str]) -> list:
    """The words of a group someone is said to belong to, of a kind that says who they are (`AFFILIATIONS`: "the
    candidate belonged to an opposition party" → party, opposition), that the document never uses: like "a member of
    the opposition", it says who they are. The subject is not read: spaCy's small model often gives the verb another
    one after a relative clause."""
    if verb.pos_ != "VERB" or lemma(verb) != "belong" or negation_of(verb) is not None:
        return []
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    group = next((g for g in to.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None) if to else None
    if group is None or lemma(group) not in AFFILIATIONS:
        return []  # "the men belonged to a 200-strong contingent" may be the source's "group of 200 soldiers"
    words = [group, *(c for c in group.children if c.dep_ == "compound" and c.pos_ == "NOUN")]
    return [w for w in words if not _uses_word(w, names)]


WORD_STEM = 7  # letters a document word shares with a longer description word to be the same word ("graduate",
# "graduated"; "communicators", "communication"), not merely a related one ("opposition", "opposing")


def _uses_word(tok, names: frozenset[str]) -> bool:
    # a hyphenated word is in the document's words as its parts ("covid-19" as "covid 19"), a name's alias as its
    # canonical form ("SARS-CoV-2" for "COVID-19")
    if {"~" + tok.lower_, "~" + lemma(tok), "~" + " ".join(_WORD.findall(tok.lower_))} & names:
        return True
    if (canon := aliases().get(tok.lower_)) is not None and canon in names:
        return True
    own = lemma(tok)
    if own.endswith("er") and len(own) >= 5 and "~" + own[:-1] in names:
        # one who does what the document names: "a fourth grader" where it says "fourth-grade student"; not the
        # "fight" of "a former fighter" (the document's "fight against the drug trade" is another word's use)
        return True
    stem = "~" + lemma(tok)[:WORD_STEM]
    return len(tok.lemma_) >= WORD_STEM and any(n.startswith(stem) and " " not in n for n in names)


def check_coverage(stmt: Doc, names: frozenset[str], source: str) -> list[Finding]:
    """A neutral finding naming the entities `source` never mentions (blocking any verdict), one naming the holidays
    it never mentions and one naming the descriptions of people whose words it never uses (both blocking support);
    none if all are mentioned."""
    findings = []
    missing = unmentioned_entities(stmt, names)
    if missing:
        listed = ", ".join(f"“{e.text}”" for e in missing)
        findings.append(Finding(
            rule="coverage", relation="neutral", confidence=1.0, blocks="verdict",
            explanation=f"the statement names {listed}, which {source} never mentions",
            statement_span=make_span(stmt, missing[0].start_char, missing[0].end_char)))
    days = unmentioned_holidays(stmt, names)
    if days:
        listed = ", ".join(f"“{e.text}”" for e in days)
        findings.append(Finding(
            rule="coverage", relation="neutral", confidence=1.0, blocks="support",
            explanation=f"the statement dates it to {listed}, which {source} never mentions",
            statement_span=make_span(stmt, days[0].start_char, days[0].end_char)))
    words = undescribed(stmt, names)
    if words:  # it cannot say so, but it may say otherwise ("a conservative politician" where it says left-wing)
        listed = ", ".join(f"“{w.text}”" for w in words)
        findings.append(Finding(
            rule="coverage", relation="neutral", confidence=1.0, blocks="support",
            explanation=f"the statement describes someone as {listed}, a word {source} never uses",
            statement_span=make_span(stmt, words[0].idx, words[0].idx + len(words[0].text))))
    return findings


UNUSED_POS = frozenset({"NOUN", "PROPN"})
UNUSED_STEM = 5  # letters a document word shares with a statement word to count as it ("recruits", "recruitment")


@lru_cache(maxsize=64)
def _vocabulary(names: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(every lower-case word of a document, their first `UNUSED_STEM` letters) from `source_names`' words."""
    words = frozenset(n[1:] for n in names if n.startswith("~") and " " not in n)
    return words, frozenset(w[:UNUSED_STEM] for w in words if len(w) >= UNUSED_STEM)


def unused_words(stmt: Doc, names: frozenset[str]) -> list[str]:
    """The statement's nouns and names (lemmas; no stop or generic words) that the document with `names` never
    uses, in any form: not as written, not as its lemma, not through the alias table, and no document word begins
    with the same `UNUSED_STEM` letters (currency words are the quantities rule's: "dollars" against "$").

    A detail the source never mentions ("recalled its ambassador", "thousands of jobs") leaves it silent on the
    statement however an NLI model reads the rest: on the development statements (tests/fixtures/dev) two such words
    or more are in 41–49% of the statements the source is silent on and 10–12% of those it supports. Never a block (a
    paraphrase may use words the source does not: "narcotics" for its "drugs"); the NOT_ENOUGH_INFO explanation
    quotes them, and the verdict model may read them (`unused_words` feature; the shipped fit does not, it added
    nothing to it)."""
    words, stems = _vocabulary(names)
    out: list[str] = []
    for tok in stmt:
        if tok.pos_ not in UNUSED_POS or tok.is_stop or not tok.is_alpha or lemma(tok) in GENERIC:
            continue
        if tok.lower_ in currencies():  # "two million dollars" against "$2 million": the quantities rule's
            continue
        forms = {tok.lower_, lemma(tok)}
        if forms & words or (tok.pos_ == "PROPN" and _forms(tok.text) & names):
            continue
        if tok.pos_ == "PROPN" and capitals().get(tok.lower_) in words | names:
            continue  # "Bogotá suspended …": the capital stands for the country the document names
        if any(len(f) >= UNUSED_STEM and f[:UNUSED_STEM] in stems for f in forms):
            continue
        if lemma(tok) not in out:
            out.append(lemma(tok))
    return out


def named_by_a_role(findings, stmt: Doc, names: frozenset[str]) -> bool:
    """Whether every name the document never mentions is the author a roles finding says the statement swapped
    in, for an act with one author ("funded by the European Union" where the source says the US funded it), or the
    holder of an office one person holds ("Colombia's president is Iván Duque" where the source names Petro), or
    the place of a one-off act ("originated in Puerto Vallarta, Mexico" where the source says Los Cabos, Mexico), or
    where most of a thing comes from ("Venezuela supplies 80% of the intelligence" where the source says Colombia),
    or an end of a journey told the other way round ("a flight from Tel Aviv to New York" where it left New York),
    or a sea of another ocean ("strikes in the Pacific" where the source has them in the Caribbean), or the name
    given to a description the source names otherwise ("the guerrilla group … was the ELN" where it says the Farc):
    the source is not silent about who did it — it names someone else — so the gap does not block the
    contradiction. Acts many can do ("Venezuela accused Petro") stay blocked: the source is silent on them."""
    from factcheck.judge.rules.roles import SOLE_AGENT_PREDICATES, names_another_than_the_source

    spans = [f.statement_span for f in findings if f.rule == "roles" and f.relation == "contradicts" and f.statement_span]
    spans = [sp for sp in spans if _predicate_of(stmt, sp.end - 1) in SOLE_AGENT_PREDICATES
             or names_another_than_the_source(stmt, sp.start, sp.end)]
    if not spans:
        return False
    missing = unmentioned_entities(stmt, names)
    return bool(missing) and all(
        any(sp.start < e.end_char and e.start_char < sp.end for sp in spans) for e in missing)


def _predicate_of(stmt: Doc, char: int) -> str | None:
    """The act of the verb governing the token at character `char` (the last of a name: "the European Union" →
    "fund", for "paid for by the European Union" and "a European Union-funded plan" too)."""
    from factcheck.judge.rules.roles import act_of

    tok = next((t for t in stmt if t.idx <= char < t.idx + len(t.text) + 1), None)
    for _ in range(4):
        if tok is None:
            return None
        if tok.pos_ == "VERB":
            return act_of(tok)
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None

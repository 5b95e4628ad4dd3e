"""Hard cases from the pipeline's own error kinds: an unseen entity, a changed unit, a nominalised event, a
contrary predicate, a vague quantifier against a percentage, and a fact that needs the previous sentence.

Each transform is ``fn(doc, rng, ctx) -> str | None`` like the other families; each returns ``None`` rather
than a pair whose label is in doubt (fewer, clean pairs).

Why ``unseen_entity`` (neutral) and ``entity_swap`` (contradiction) can both be right: ``entity_swap``
*replaces* an entity, so the premise fills the same slot with someone else ("X was elected president" ->
"Z was elected president": contradiction under the same-event reading NLI data uses). ``unseen_entity``
never takes an entity away; it *adds* a participant the premise never mentions to an additive slot ("X
accused Y" -> "X accused Y and Z", "X, along with Z, accused Y"), about which the premise says nothing.
"""

from __future__ import annotations

import random
import re

from factcheck.judge.rules.lexicon import aliases, capitals, currencies, opposite_forms
from factcheck.judge.rules.patterns import ANY_YEAR, CURRENCY_SIGNS, NUMBER, PERCENT
from factcheck.training.synth.base import SynthContext, _case_like, _has_neg

_PRONOUNS = {"i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "that",
             "these", "those", "who", "which", "what", "one", "someone", "everyone", "anyone"}
_MODALS = {"may", "might", "could", "would", "should", "can"}
_CONDITIONAL = {"if", "unless", "whether"}


def _clause_is_plain(tok) -> bool:
    """No modal of possibility on tok and no conditional in its sentence: "X may rise" is not "X rose"."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
        return False
    return not any(t.lower_ in _CONDITIONAL for t in tok.sent)


def _phrase(tok, max_len: int = 8):
    """The subtree of tok as a span, or None when it is long or carries a clause, a comma or a pronoun."""
    span = tok.doc[tok.left_edge.i: tok.right_edge.i + 1]
    if len(span) > max_len or any(t.text in ",;:()\"“”" or t.pos_ in ("VERB", "AUX") for t in span):
        return None
    if any(t.lower_ in _PRONOUNS and t.tag_ in ("PRP", "PRP$", "DT", "WP", "WDT") for t in span):
        return None
    return span


def _lower_det(text: str) -> str:
    """"The ministry" -> "the ministry" (a phrase moved away from the start of the sentence); names keep case."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "Its", "Their", "His", "Her", "Our", "This", "These", "Those") and rest:
        return first.lower() + " " + rest
    return text


def _inner(span) -> str:
    """A phrase as it reads inside a sentence: "Prices" -> "prices", "The ministry" -> "the ministry"."""
    first = span[0]
    if first.i == first.sent.start and first.pos_ not in ("PROPN",) and not first.ent_type_ and \
            first.text[:1].isupper() and not first.text.isupper():
        return first.text[:1].lower() + span.text[1:]
    return _lower_det(span.text)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- unseen_entity (neutral)

# Verbs whose subject and object are additive slots: the premise naming one participant says nothing
# about another ("X accused Y" leaves open whether X also accused Z). Exclusive slots (win, elect, marry,
# succeed, beat, name, found as sole founder, ...) are left out on purpose.
_ADDITIVE = frozenset({
    "accuse", "criticise", "criticize", "praise", "thank", "meet", "visit", "attack", "invite", "sue", "warn",
    "urge", "contact", "blame", "condemn", "fund", "sanction", "target", "host", "welcome", "congratulate",
    "interview", "arrest", "charge", "investigate", "question", "support", "back", "endorse", "oppose",
    "threaten", "pressure", "lobby", "help", "assist", "advise", "brief", "consult", "phone", "receive",
    "honour", "honor", "cite", "quote", "expel", "rebuke", "denounce", "defend", "protect", "recognise",
    "recognize", "mention", "ban", "raid", "bomb", "court", "join", "call", "email", "applaud", "slam",
})
_SAY = frozenset({"say", "tell", "announce", "state", "claim", "argue", "report", "add", "insist", "note",
                  "confirm", "deny", "warn", "urge", "call"})
_EXCLUSIVE_MARKS = {"only", "alone", "sole", "solely", "exclusively", "just", "both", "either", "neither",
                    "together", "each", "other", "first", "last"}
_UNSEEN_TYPES = ("PERSON", "ORG", "GPE")
_BACK_REFERENCES = {"its", "their", "his", "her", "him", "it", "he", "she", "they", "them", "itself", "himself",
                    "herself", "themselves", "each", "respectively"}


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’.-]*", text)
                   if w[0].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _canonical(phrase: str) -> str | None:
    low = phrase.lower().strip()
    low = low.removeprefix("the ")
    return aliases().get(low) or capitals().get(low) or aliases().get("the " + low)


def mentions(doc, name: str) -> bool:
    """Whether the premise names `name` or an alias of it: the name itself, a shared name part ("Obama" in
    "Barack Obama"), the same actor in aliases.txt / countryinfo ("America" ~ "U.S.", "Bogotá" ~ Colombia)
    or an acronym ("UN" ~ "United Nations")."""
    text = doc.text
    low = text.lower()
    if name.lower() in low:
        return True
    words = set(re.findall(r"[a-z0-9][a-z0-9'’.-]*", low))
    words |= {w.rstrip(".") for w in words}
    parts = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", name) if len(w) > 2 and w[0].isupper()]
    if any(p.lower() in words or p.lower().rstrip(".") in words for p in parts):
        return True
    toks = [t.text for t in doc]
    canon = _canonical(name)
    if canon is not None:
        if canon in low:
            return True
        for n in range(1, 5):
            for i in range(len(toks) - n + 1):
                if _canonical(" ".join(toks[i: i + n])) == canon:
                    return True
    initials = _initials(name)
    if len(initials) >= 2 and initials in {t.replace(".", "") for t in toks}:
        return True
    flat = name.replace(".", "")
    if flat.isupper() and len(flat) >= 2:
        return any(_initials(e.text) == flat for e in doc.ents) or _initials(text) == flat
    return False


def _entity_at(tok):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _np_ending_in_entity(tok):
    """(phrase, entity) when tok's noun phrase ends with a PERSON/ORG/GPE entity and carries nothing after
    it ("Russian President Vladimir Putin"), without a conjunction of its own."""
    ent = _entity_at(tok)
    if ent is None or ent.label_ not in _UNSEEN_TYPES or tok.i != ent.end - 1:
        return None
    if any(c.dep_ in ("cc", "conj", "appos", "relcl", "acl", "prep", "case") for c in tok.children):
        return None
    phrase = _phrase(tok, max_len=7)
    if phrase is None or phrase.end != ent.end:
        return None
    if any(t.dep_ not in ("det", "compound", "amod", "flat") for t in phrase if t.i < ent.start):
        return None
    return phrase, ent


def _pick_unseen(doc, anchor, rng: random.Random, ctx: SynthContext) -> str | None:
    pool = ctx.entities.get(anchor.label_) or []
    if anchor.label_ == "PERSON":  # full names: a bare surname is more often a mislabelled token
        pool = [p for p in pool if len(p.split()) >= 2] or pool
    elif anchor.label_ == "GPE":  # a country beside a country, a city beside a city
        country = anchor.text.lower().removeprefix("the ") in aliases()
        pool = [p for p in pool if (p.lower().removeprefix("the ") in aliases()) == country]
    for _ in range(20):
        if not pool:
            return None
        cand = rng.choice(pool)
        if not mentions(doc, cand):
            return cand
    return None


def unseen_entity(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Add an entity of the same type that the premise never mentions (nor an alias of it) as an extra
    participant of an additive slot: "X accused Y of fraud" -> "X accused Y and Z of fraud"."""
    if _has_neg(doc) or len(list(doc.sents)) != 1:
        return None  # under negation "not ... Y and Z" would be entailed
    if any(t.lower_ in _EXCLUSIVE_MARKS for t in doc):
        return None  # "only X accused Y" contradicts "X and Z accused Y"
    root = next(iter(doc.sents)).root
    if root.pos_ != "VERB" or not _clause_is_plain(root):
        return None
    options: list[tuple] = []  # (char offset to insert at, the entity there, template)
    lemma = root.lemma_.lower()
    for c in root.children:
        if c.dep_ == "nsubj" and lemma in _ADDITIVE | _SAY:
            found = _np_ending_in_entity(c)
            if found:
                phrase, ent = found
                at = phrase.end_char
                if root.tag_ == "VBD" and not any(a.dep_ in ("aux", "auxpass") for a in root.children):
                    options.append((at, ent, " and {}"))  # no agreement to mend in a plain past
                options.append((at, ent, ", along with {},"))
        elif c.dep_ == "dobj" and lemma in _ADDITIVE:
            found = _np_ending_in_entity(c)
            if found:
                options.append((found[0].end_char, found[1], " and {}"))
        elif c.dep_ == "prep" and c.lower_ == "with" and lemma in _ADDITIVE | {"talk", "speak", "negotiate"}:
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            found = _np_ending_in_entity(pobj[0]) if len(pobj) == 1 else None
            if found:
                options.append((found[0].end_char, found[1], " and {}"))
    rng.shuffle(options)
    text = doc.text
    for at, anchor, template in options:
        if any(t.lower_ in _BACK_REFERENCES and t.idx >= at for t in doc):
            continue  # "criticised Google and Z for its tax practices": whose practices?
        cand = _pick_unseen(doc, anchor, rng, ctx)
        if cand is None:
            continue
        if template.endswith(",") and text[at: at + 1] in (".", ",", ";", ":", "!", "?"):
            template = template[:-1]  # "..., reports the Independent, along with Z."
        return text[:at] + template.format(cand) + text[at:]
    return None


# --------------------------------------------------------------------------- unit_change (neutral)

_SCALES = ("thousand", "million", "billion", "trillion")
_SHORT_SCALE = {"m": "million", "bn": "billion", "k": "thousand"}
_THINGS = ("people", "shares", "tonnes", "barrels", "votes", "vehicles")
_NOT_COUNTED = {  # nouns after a number that are not a counted thing (time) or are money already
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries", "times",
    "percent", "cents", "pence", "dollars", "euros", "pounds", "pesos", "yen", "yuan", "rupees", "francs",
    "rubles", "roubles", "points", "others", "ones", "thousands", "millions", "billions", "hundreds", "dozens",
    # measures: "$500 high" would not say anything
    "feet", "metres", "meters", "miles", "kilometres", "kilometers", "km", "inches", "yards", "tonnes", "tons",
    "kilograms", "kg", "grams", "ounces", "litres", "liters", "gallons", "acres", "hectares", "degrees",
    "pages", "words",
}
_CHANGE_VERBS = {"rise", "fall", "increase", "decrease", "drop", "climb", "jump", "gain", "grow", "decline",
                 "slip", "surge", "plunge", "slide", "sink", "soar", "tumble", "rebound", "lose", "shed", "add"}
_SCALE_RE = r"(?:\s(?P<scale>" + "|".join(_SCALES) + r")\b|(?P<short>m|bn|k)\b)?"
_MONEY_RE = re.compile(rf"(?<![\w.])(?P<cur>[{re.escape(CURRENCY_SIGNS)}])(?P<num>{NUMBER})" + _SCALE_RE)
_COUNT_RE = re.compile(rf"(?<![\w.,{re.escape(CURRENCY_SIGNS)}])(?P<num>{NUMBER})"
                       rf"(?:\s(?P<scale>{'|'.join(_SCALES)}))?\s(?P<noun>[a-z]+)\b")
_PERCENT_RE = re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})\s?(?P<unit>{PERCENT}|percentage points?\b)")


def _money_word_re() -> re.Pattern:
    words = sorted((w for w in currencies() if w.isalpha()), key=len, reverse=True)
    return re.compile(rf"(?<![\w.,])(?P<num>{NUMBER})(?:\s(?P<scale>{'|'.join(_SCALES)}))?\s"
                      rf"(?P<word>{'|'.join(words)})\b", re.IGNORECASE)


def _token_starting(doc, char: int):
    for t in doc:
        if t.idx == char:
            return t
    return None


def unit_change(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Keep a number, change what it counts to something of another kind: "12,000 soldiers" -> "$12,000",
    "$400 million" -> "400 million shares", "rose 5%" -> "rose 5 points". Labelled neutral: the premise gives
    no figure for the new thing. Changes within one kind ("10 miles" -> "10 km", "$5" -> "€5") would be
    contradictions and are not made."""
    text = doc.text
    low = text.lower()
    things = [t for t in _THINGS if t not in low]
    options: list[tuple[int, int, str]] = []
    for m in _MONEY_RE.finditer(text):  # money -> a counted thing
        scale = m.group("scale") or _SHORT_SCALE.get(m.group("short") or "", "")
        before = text[: m.start()].rstrip()
        if before.endswith("(") or re.search(r"\b(?:a|an)$", before, re.IGNORECASE):
            continue  # "(£230)", "at a $350"
        if "." in m.group("num") and not scale:
            continue  # "$83.43 a barrel": cents are not counted things
        num = _token_starting(doc, m.start("num"))
        if text[m.end(): m.end() + 1] == "-" or num is None or num.head.idx >= m.end():
            continue  # "the $20,000 implant": the sum modifies a noun
        if things and not (m.group("num") == "1" and not scale):
            options.append((m.start(), m.end(), m.group("num") + (" " + scale if scale else "") + " " + rng.choice(things)))
    for m in _money_word_re().finditer(text):  # "400 million dollars" -> "400 million people"
        if things and m.group("num") != "1":
            scale = m.group("scale")
            options.append((m.start(), m.end(), m.group("num") + (" " + scale if scale else "") + " " + rng.choice(things)))
    for m in _COUNT_RE.finditer(text):  # a counted thing -> money
        noun = m.group("noun")
        tok = _token_starting(doc, m.start("noun"))
        num = _token_starting(doc, m.start("num"))
        if tok is None or tok.tag_ != "NNS" or noun in _NOT_COUNTED or noun in currencies():
            continue
        if num is None or num.head.i not in (tok.i, tok.i - 1) or num.dep_ not in ("nummod", "compound", "quantmod"):
            continue  # "iPhone 6 sales": the number does not count the noun
        if "." in m.group("num") and not m.group("scale"):
            continue  # "USB 2.0 ports": a count is a whole number
        if tok.dep_ not in ("dobj", "pobj") or any(c.dep_ in ("relcl", "acl") for c in tok.children):
            continue  # "$300 were evacuated", "1,114 dollars who had been living ...": nonsense, not neutral
        if not m.group("scale") and "," not in m.group("num") and re.fullmatch(ANY_YEAR, m.group("num")):
            continue
        if m.group("num") == "1":
            continue
        amount = m.group("num") + (" " + m.group("scale") if m.group("scale") else "")
        options.append((m.start(), m.end(), rng.choice(["$" + amount, amount + " dollars"])))
    for m in _PERCENT_RE.finditer(text):  # a percentage <-> percentage points
        after = text[m.end(): m.end() + 4]
        if after.startswith(" of"):
            continue
        if m.group("unit").startswith("percentage"):
            options.append((m.start(), m.end(), m.group("num") + "%"))
            continue
        tok = _token_starting(doc, m.start())
        prev = doc[tok.i - 1] if tok is not None and tok.i > 0 else None
        if prev is not None and (prev.lower_ == "by" or prev.lemma_.lower() in _CHANGE_VERBS) and "points" not in low:
            options.append((m.start(), m.end(), m.group("num") + " points"))
    if not options:
        return None
    s, e, rep = rng.choice(options)
    return text[:s] + rep + text[e:]


# --------------------------------------------------------------------------- nominalise (entailment)

# verb lemma -> (noun, preposition before the affected thing, takes an article)
_NOMINAL: dict[str, tuple[str, str, bool]] = {
    "suspend": ("suspension", "of", True), "approve": ("approval", "of", True), "reduce": ("reduction", "in", True),
    "cut": ("cut", "in", True), "announce": ("announcement", "of", True), "increase": ("increase", "in", True),
    "withdraw": ("withdrawal", "of", True), "expand": ("expansion", "of", True),
    "criticise": ("criticism", "of", False), "criticize": ("criticism", "of", False),
    "deploy": ("deployment", "of", True), "cancel": ("cancellation", "of", True), "close": ("closure", "of", True),
    "arrest": ("arrest", "of", True), "appoint": ("appointment", "of", True), "acquire": ("acquisition", "of", True),
    "destroy": ("destruction", "of", False), "adopt": ("adoption", "of", True), "reject": ("rejection", "of", True),
    "invade": ("invasion", "of", True), "introduce": ("introduction", "of", True), "remove": ("removal", "of", True),
    "dismiss": ("dismissal", "of", True), "publish": ("publication", "of", True), "extend": ("extension", "of", True),
    "postpone": ("postponement", "of", True), "evacuate": ("evacuation", "of", True), "launch": ("launch", "of", True),
    "assassinate": ("assassination", "of", True), "execute": ("execution", "of", True), "ban": ("ban", "on", True),
    "attack": ("attack", "on", True), "raid": ("raid", "on", True), "impose": ("imposition", "of", True),
    "release": ("release", "of", True), "investigate": ("investigation", "into", True),
    "capture": ("capture", "of", True), "condemn": ("condemnation", "of", False), "kill": ("killing", "of", True),
}
# intransitive change verbs: "prices rose" -> "there was a rise in prices"
_NOMINAL_INTRANS: dict[str, tuple[str, bool]] = {
    "rise": ("rise", True), "fall": ("fall", True), "increase": ("increase", True), "decline": ("decline", True),
    "drop": ("drop", True), "grow": ("growth", False), "decrease": ("decrease", True),
}
# noun -> past participle, for the reverse direction ("the suspension of payments" -> "payments were suspended")
_VERBAL: dict[str, str] = {
    "suspension": "suspended", "approval": "approved", "withdrawal": "withdrawn", "expansion": "expanded",
    "deployment": "deployed", "cancellation": "cancelled", "closure": "closed", "arrest": "arrested",
    "appointment": "appointed", "acquisition": "acquired", "destruction": "destroyed", "adoption": "adopted",
    "rejection": "rejected", "invasion": "invaded", "introduction": "introduced", "removal": "removed",
    "dismissal": "dismissed", "publication": "published", "extension": "extended", "postponement": "postponed",
    "evacuation": "evacuated", "assassination": "assassinated", "execution": "executed", "imposition": "imposed",
    "capture": "captured", "killing": "killed", "murder": "murdered", "reduction": "reduced", "release": "released",
}
# where the event noun sits in a factive context (its event took place)
_FACTIVE_GOVERNORS = frozenset({"confirm", "welcome", "criticise", "criticize", "condemn", "praise", "denounce",
                                "applaud", "protest", "defend", "justify", "celebrate", "mourn", "complete",
                                "follow", "trigger", "prompt", "spark", "cause", "force", "provoke"})
_FACTIVE_SUBJ_VERBS = frozenset({"lead", "cause", "spark", "trigger", "prompt", "follow", "hit", "affect",
                                 "anger", "force", "draw", "leave", "cost", "shock", "outrage", "provoke"})
_FACTIVE_PREPS = frozenset({"after", "following", "since", "despite"})
_KEEP_ADJUNCT_ENTS = ("DATE", "TIME", "GPE", "LOC")


def _article(noun: str) -> str:
    return "an " + noun if noun[0] in "aeiou" else "a " + noun


def _adjuncts(root, skip: set[int]) -> str:
    """Time and place phrases attached to the verb ("on Monday", "in Paris", "last week"), in order."""
    out = []
    for c in root.children:
        if c.i in skip or c.i < root.i:  # "Only last year, X did Y": a fronted phrase would dangle at the end
            continue
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "at", "during"):
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if len(pobj) == 1 and pobj[0].ent_type_ in _KEEP_ADJUNCT_ENTS:
                span = c.doc[c.left_edge.i: c.right_edge.i + 1]
                if all(t.ent_type_ in _KEEP_ADJUNCT_ENTS or t.i == c.i or t.dep_ == "det" for t in span):
                    out.append((c.i, span.text))
        elif c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
            span = c.doc[c.left_edge.i: c.right_edge.i + 1]
            if len(span) <= 4:
                out.append((c.i, span.text))
    return "".join(" " + s for _, s in sorted(out))


def _there_was(root) -> str | None:
    """"There was" for a plain past verb, "There has been" for "has/have" + participle; else None."""
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass", "neg")]
    if root.tag_ == "VBD" and not auxes:
        return "There was"
    if root.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ in ("has", "have") and auxes[0].dep_ == "aux":
        return "There has been"
    return None


def _verb_to_noun(doc) -> list[str]:
    sent = next(iter(doc.sents))
    root = sent.root
    if root.pos_ != "VERB" or any(c.dep_ in ("prt", "ccomp", "xcomp", "dative", "acomp", "oprd", "attr")
                                  for c in root.children):
        return []  # an adverbial or coordinated clause is dropped below (still entailed); these change the event
    lead = _there_was(root)
    if lead is None:
        return []
    lemma = root.lemma_.lower()
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    obj = [c for c in root.children if c.dep_ == "dobj"]
    if len(subj) != 1 or subj[0].i > root.i:
        return []
    s_phrase = _phrase(subj[0])
    if s_phrase is None:
        return []
    out = []
    if obj and lemma in _NOMINAL:
        o_phrase = _phrase(obj[0])
        if o_phrase is None or len(obj) != 1 or any(t.lower_ == "by" for t in o_phrase):
            return []  # "... of X by Y by Z" would not say who did what
        if lemma == "introduce" and any(c.dep_ == "prep" and c.lower_ == "to" for c in root.children):
            return []  # "introduced Puyi to the telephone" is not an introduction of Puyi
        noun, prep, art = _NOMINAL[lemma]
        head = _article(noun) if art else noun
        rest = _adjuncts(root, {subj[0].i, obj[0].i})
        out.append(f"{lead} {head} {prep} {_inner(o_phrase)} by {_inner(s_phrase)}{rest}.")
    elif not obj and lemma in _NOMINAL_INTRANS:
        noun, art = _NOMINAL_INTRANS[lemma]
        amount = ""
        skip = {subj[0].i}
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if len(pobj) != 1 or not any(t.like_num for t in pobj[0].subtree):
                    return []
                amount = " of " + c.doc[pobj[0].left_edge.i: pobj[0].right_edge.i + 1].text
                skip.add(c.i)
            elif c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL"):
                amount = " of " + c.doc[c.left_edge.i: c.right_edge.i + 1].text
                skip.add(c.i)
            elif c.dep_ == "prep" and c.lower_ not in ("in", "on", "at", "during"):
                return []  # "rose to $5", "fell from ..." carry figures this form would lose or garble
        if not amount or subj[0].ent_type_ in ("PERSON", "ORG", "NORP"):
            return []  # "the Croat fell flat": only a figure makes "fell" a change of quantity
        head = _article(noun) if art else noun
        rest = _adjuncts(root, skip)
        out.append(f"{lead} {head}{amount} in {_inner(s_phrase)}{rest}.")
    return out


def _noun_to_verb(doc) -> list[str]:
    out = []
    for tok in doc:
        vbn = _VERBAL.get(tok.lower_)
        if vbn is None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        head = tok.head
        factive = (
            (tok.dep_ == "dobj" and head.lemma_.lower() in _FACTIVE_GOVERNORS and head.tag_ in ("VBD", "VBZ", "VBN"))
            or (tok.dep_ == "pobj" and head.lower_ in _FACTIVE_PREPS)
            or (tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "lead"
                and head.head.tag_ == "VBD")
            or (tok.dep_ == "nsubj" and head.lemma_.lower() in _FACTIVE_SUBJ_VERBS and head.tag_ == "VBD")
        )
        if not factive or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        if len(of) != 1 or any(c.dep_ in ("poss", "amod", "compound") for c in tok.children):
            continue
        pobj = [g for g in of[0].children if g.dep_ == "pobj"]
        if len(pobj) != 1 or pobj[0].tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        thing = _phrase(pobj[0])
        if thing is None or any(t.lower_ == "by" for t in thing):
            continue  # "the arrest of three journalists by the police": the agent, parsed into the thing
        be = "were" if pobj[0].tag_ in ("NNS", "NNPS") else "was"
        agent = ""
        by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
        if by:
            bobj = [g for g in by[0].children if g.dep_ == "pobj"]
            agent_span = _phrase(bobj[0]) if len(bobj) == 1 else None
            if agent_span is None:
                continue
            agent = " by " + agent_span.text
        out.append(f"{_upper_first(thing.text)} {be} {vbn}{agent}.")
    return out


def nominalise(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Restate an event with its noun or its verb: "The ministry suspended the programme on Monday." ->
    "There was a suspension of the programme by the ministry on Monday."; "Protests followed the suspension
    of payments to Greece." -> "Payments to Greece were suspended." (only where the noun's event took place)."""
    if _has_neg(doc) or len(list(doc.sents)) != 1 or any(t.lower_ in _CONDITIONAL | _MODALS for t in doc):
        return None
    opts = _verb_to_noun(doc) + _noun_to_verb(doc)
    return rng.choice(opts) if opts else None


# --------------------------------------------------------------------------- contrary_predicate (contradiction)

# lemma -> (base, past, past participle, 3rd person, gerund)
_INFLECT: dict[str, tuple[str, str, str, str, str]] = {
    "rise": ("rise", "rose", "risen", "rises", "rising"),
    "decline": ("decline", "declined", "declined", "declines", "declining"),
    "grow": ("grow", "grew", "grown", "grows", "growing"),
    "shrink": ("shrink", "shrank", "shrunk", "shrinks", "shrinking"),
    "expand": ("expand", "expanded", "expanded", "expands", "expanding"),
    "welcome": ("welcome", "welcomed", "welcomed", "welcomes", "welcoming"),
    "condemn": ("condemn", "condemned", "condemned", "condemns", "condemning"),
    "praise": ("praise", "praised", "praised", "praises", "praising"),
    "applaud": ("applaud", "applauded", "applauded", "applauds", "applauding"),
    "criticise": ("criticise", "criticised", "criticised", "criticises", "criticising"),
    "criticize": ("criticize", "criticized", "criticized", "criticizes", "criticizing"),
    "strengthen": ("strengthen", "strengthened", "strengthened", "strengthens", "strengthening"),
    "weaken": ("weaken", "weakened", "weakened", "weakens", "weakening"),
    "improve": ("improve", "improved", "improved", "improves", "improving"),
    "worsen": ("worsen", "worsened", "worsened", "worsens", "worsening"),
    "approve": ("approve", "approved", "approved", "approves", "approving"),
    "reject": ("reject", "rejected", "rejected", "rejects", "rejecting"),
}
_TAG_SLOT = {"VB": 0, "VBP": 0, "VBD": 1, "VBN": 2, "VBZ": 3, "VBG": 4}
# Verbs of change and attitude; the first group only where intransitive ("prices rose", not "rose to power").
_CONTRARY_VERBS: dict[str, tuple[str, ...]] = {
    "rise": ("decline",), "decline": ("rise",), "grow": ("shrink",), "shrink": ("grow", "expand"),
    "expand": ("shrink",), "welcome": ("condemn", "criticise"), "condemn": ("welcome", "praise"),
    "criticise": ("praise", "applaud"), "criticize": ("praise", "applaud"), "praise": ("condemn", "criticise"),
    "strengthen": ("weaken",), "weaken": ("strengthen",), "improve": ("worsen",), "worsen": ("improve",),
    "approve": ("reject",), "reject": ("approve",),
}
_INTRANSITIVE_ONLY = {"rise", "decline", "grow", "shrink"}
# what "rose" / "grew" can say of without a figure ("prices rose", not "the palm grew")
_QUANTITY_NOUNS = frozenset({
    "price", "sale", "export", "import", "population", "economy", "rate", "number", "share", "revenue", "profit",
    "cost", "inflation", "unemployment", "output", "demand", "supply", "popularity", "membership", "index", "market",
    "stock", "value", "income", "debt", "deficit", "spending", "investment", "trade", "production", "wage", "salary",
    "fee", "tax", "turnout", "support", "enrollment", "enrolment", "attendance", "audience", "traffic", "usage",
    "base", "gdp", "earnings", "yield", "volume", "level", "temperature", "tension", "crime", "poverty", "interest",
    "figure", "total", "count", "circulation", "viewership", "readership", "ridership", "budget", "capacity",
    "industry", "sector", "business", "company", "firm", "city", "town", "movement",
})
_QUANTITY_ASPECTS = frozenset({"popularity", "value", "size", "importance", "number", "price", "influence", "power"})
_CONTRARY_ADJ: dict[str, tuple[str, ...]] = {
    "cordial": ("strained", "tense"), "amicable": ("strained", "hostile"), "friendly": ("strained", "hostile"),
    "warm": ("frosty", "strained"), "strained": ("cordial", "friendly"), "tense": ("cordial", "friendly"),
    "frosty": ("cordial", "warm"), "hostile": ("friendly", "cordial"),
}
_RELATION_NOUNS = {"relation", "relations", "relationship", "tie", "ties", "talk", "talks", "meeting",
                   "atmosphere", "exchange", "discussion", "conversation", "reception", "mood", "tone"}


def _contrary_verb_ok(tok) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or tok.tag_ not in _TAG_SLOT or tok.dep_ in ("amod", "xcomp", "acl"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False  # an imperative or headline ("Welcome to ..."), a participle clause
    if not _clause_is_plain(tok) or any(c.dep_ == "prt" for c in tok.children):
        return False
    if lemma in ("expand", "shrink") and any(c.dep_ == "prep" and c.lower_ in ("to", "into", "across", "beyond", "on")
                                             for c in tok.children):
        return False  # "expanded into Asia" has no contrary "shrank into Asia"
    if lemma in _INTRANSITIVE_ONLY:
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "oprd") for c in tok.children):
            return False  # "declined to comment", "declined the offer", "grew tired"
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subj or subj[0].ent_type_ == "PERSON" or subj[0].lower_ in _PRONOUNS:
            return False  # "he rose through the ranks"
        figure = any(t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for t in tok.subtree if t.i > tok.i)
        aspect = any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_.lower() in _QUANTITY_ASPECTS
                                                                    for g in c.children) for c in tok.children)
        if not (figure or aspect or subj[0].lemma_.lower() in _QUANTITY_NOUNS):
            return False  # "the palm also grew here"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "from", "through", "into", "above", "up"):
                if not any(t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for t in c.subtree):
                    return False  # "rose to power", not "rose to $5"
    return True


def contrary_predicate(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Swap a verb of change or attitude, or an adjective of relations, for a contrary one, inflection kept
    ("prices declined" -> "prices rose", "welcomed the deal" -> "condemned the deal", "ties were cordial" ->
    "ties were strained"). Swaps the antonym transform already makes (opposites.txt [forms]) are left to it."""
    if _has_neg(doc):
        return None  # "did not welcome" and "did not condemn" are compatible
    forms = opposite_forms()
    ize = bool(re.search(r"\w(?:ize|izes|ized|izing)\b", doc.text))
    cands: list[tuple] = []  # (token, replacement)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma in _CONTRARY_VERBS and _contrary_verb_ok(tok):
            slot = _TAG_SLOT[tok.tag_]
            for other in _CONTRARY_VERBS[lemma]:
                if other == "criticise" and ize:
                    other = "criticize"
                word = _INFLECT[other][slot]
                if forms.get(tok.lower_) != word:
                    cands.append((tok, word))
        elif tok.lower_ in _CONTRARY_ADJ and tok.tag_ == "JJ":
            target = tok.head if tok.dep_ == "amod" else None
            if tok.dep_ == "acomp":
                target = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if target is None or target.lower_ not in _RELATION_NOUNS or not _clause_is_plain(tok.head):
                continue
            for word in _CONTRARY_ADJ[tok.lower_]:
                if forms.get(tok.lower_) != word:
                    cands.append((tok, word))
    if not cands:
        return None
    tok, word = rng.choice(cands)
    text = doc.text
    return text[: tok.idx] + _case_like(word, tok.text) + text[tok.idx + len(tok.text):]


# --------------------------------------------------------------------------- vague quantifiers

_POINT_MODS = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "only", "just",
               "just over", "just under", "close to")
_LOWER_MODS = ("more than", "over", "at least", "upwards of")
_UPPER_MODS = ("less than", "under", "fewer than", "up to", "at most")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
              "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0,
              "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0, "a fifth": 20.0,
              "one fifth": 20.0, "one-fifth": 20.0, "four fifths": 80.0, "four-fifths": 80.0, "a tenth": 10.0}
_RATIO = r"(?P<a>one|two|three|four|five|six|seven|eight|nine|\d)\s(?:in|out of)\s(?P<b>three|four|five|ten|10)"
_MOD = "|".join(sorted(map(re.escape, _POINT_MODS + _LOWER_MODS + _UPPER_MODS), key=len, reverse=True))
_PROPORTION_RE = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<mod>{_MOD})\s)?(?:"
    rf"(?P<num>{NUMBER})\s?(?:{PERCENT})\sof\s"
    rf"|(?P<frac>{'|'.join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))})\sof\s"
    rf"|{_RATIO}\s)",
    re.IGNORECASE,
)
_NO_PRECEDE = {"by", "to", "from", "another", "further", "additional", "extra", "the", "a", "an", "other",
               "remaining", "than", "of", "and", "or", "between", "with"}
_DETS = {"the", "its", "their", "his", "her", "our", "these", "those", "this", "that", "my", "your"}
HIGH, LOW = 65.0, 35.0  # nothing is said about proportions between these


def _proportion(doc):
    """(start, end, value %, bound, group head, has determiner) for each "N% of X" / "three quarters of X" /
    "one in five X" whose X is a plain noun phrase; bound is "point", "lower" or "upper"."""
    text = doc.text
    out = []
    for m in _PROPORTION_RE.finditer(text):
        mod = (m.group("mod") or "").lower()
        if m.group("num"):
            value = float(m.group("num").replace(",", ""))
        elif m.group("frac"):
            value = _FRACTIONS[m.group("frac").lower()]
        else:
            a, b = m.group("a").lower(), m.group("b").lower()
            na, nb = _SMALL.get(a) or int(a), _SMALL.get(b) or 10
            value = 100.0 * na / nb
        if value > 100:
            continue
        bound = "lower" if mod in _LOWER_MODS else "upper" if mod in _UPPER_MODS else "point"
        start = m.start()
        before = text[:start].rstrip().rsplit(" ", 1)[-1].lower() if start else ""
        if before in _NO_PRECEDE:
            continue
        first = _token_starting(doc, start)
        prev = doc[first.i - 1] if first is not None and first.i > 0 else None
        if prev is not None and prev.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM"):
            continue  # "the majority 90% of", "a further 10% of"
        if first is not None and any(t.lower_ in ("a", "an", "the") for t in doc[max(0, first.i - 2): first.i]):
            continue  # "an estimated four out of five": the quantifier would follow an article
        group = _token_starting(doc, m.end())
        if group is None or group.like_num or group.tag_ in ("PRP", "CD") or group.is_punct or \
                group.lower_ in ("all", "both", "each", "every", "some", "any", "many", "most", "few", "a", "an"):
            continue  # "of all species", "a quarter of a century"
        quantity = doc[group.i - 1].head if group.i > 0 else None
        if quantity is not None and (quantity.dep_ in ("attr", "acomp") or quantity.head.lemma_ == "be"
                                     and quantity.dep_ not in ("nsubj", "nsubjpass")):
            continue  # "GDP is 84 percent of the EU's average": a ratio of values, not a share of a group
        det = group.lower_ in _DETS
        head = group
        while head.dep_ in ("det", "amod", "compound", "nummod", "poss") and head.head.i > head.i:
            head = head.head
        if head.tag_ not in ("NN", "NNS", "NNP", "NNPS"):
            continue
        agree = _plural_agreement(doc, start) if m.group("a") and head.tag_ in ("NNS", "NNPS") else None
        out.append((start, m.end(), value, bound, head, det, agree))
    return out


_PLURAL_OF = {"is": "are", "was": "were", "has": "have", "does": "do"}


def _plural_agreement(doc, start: int):
    """"One in five children lives" -> the (char, old, new) verb edit that "most children live" needs."""
    tok = _token_starting(doc, start)
    if tok is None or tok.dep_ != "nsubj":
        return None
    verb = tok.head
    finite = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for v in finite:
        if v.tag_ == "VBZ" or v.lower_ == "was":
            new = _PLURAL_OF.get(v.lower_, v.lemma_.lower())
            return v.idx, v.text, new
    return None


def _quantifier(kind: str, det: bool, plural: bool) -> str | None:
    """The words for `kind` before a group with/without a determiner, plural or mass; None if they don't fit."""
    if kind == "most":
        return "most of" if det or not plural else "most"
    if kind == "few":
        return None if not plural else ("few of" if det else "few")
    if kind == "none":
        return None if not plural else ("almost none of" if det else "almost no")
    if kind == "nearly all":
        return None if not plural else ("nearly all of" if det else "nearly all")
    if kind in ("a minority of", "a small minority of") and not plural and not det:
        return None
    return kind


def _vague(doc, rng: random.Random, compatible: bool) -> str | None:
    text = doc.text
    options = []
    for start, end, value, bound, head, det, agree in _proportion(doc):
        plural = head.tag_ in ("NNS", "NNPS")
        if compatible:
            if value >= HIGH and bound in ("point", "lower"):
                kinds = ["most", "more than half of"] + (["the vast majority of"] if value >= 85 else []) \
                    + (["nearly all"] if value >= 95 else [])
            elif value <= LOW and bound in ("point", "upper"):
                kinds = ["less than half of", "a minority of"] + (["a small minority of"] if value <= 15 else [])
            else:
                continue
        else:
            if value >= HIGH and bound in ("point", "lower"):
                kinds = ["few", "none", "a small minority of", "less than half of"]
            elif value <= LOW and bound in ("point", "upper"):
                kinds = ["most", "the vast majority of", "more than half of"] + (["nearly all"] if value <= 20 else [])
            else:
                continue
        words = [w for w in (_quantifier(k, det, plural) for k in kinds) if w]
        if not plural and not compatible and value >= HIGH:
            words.append("a small fraction of")
        for w in words:
            options.append((start, end, w, agree))
    if not options:
        return None
    start, end, quant, agree = rng.choice(options)
    if start == 0 or text[:start].rstrip().endswith((".", '"', "“")):
        quant = _upper_first(quant)
    if agree is not None:
        at, old, new = agree
        text = text[:at] + new + text[at + len(old):]
    return text[:start] + quant + " " + text[end:]


def vague_quantifier(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """A percentage or fraction of a group against a clearly incompatible vague quantifier: "about 75% of
    voters" -> "few voters" / "a small minority of voters"; "20% of the staff" -> "most of the staff".
    Only at or above 65% and at or below 35% ("more than 70%" counts as high only, "under 30%" as low only)."""
    return _vague(doc, rng, compatible=False)


def vague_quantifier_entail(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """A percentage or fraction against a vague quantifier it implies: "about 75% of voters" -> "most voters",
    "20% of the staff" -> "a minority of the staff" (same 65% / 35% margins)."""
    return _vague(doc, rng, compatible=True)


# --------------------------------------------------------------------------- with_context (entailment)

_DESCRIPTIONS = {"company": "ORG", "firm": "ORG", "group": "ORG", "bank": "ORG", "carrier": "ORG",
                 "country": "GPE", "nation": "GPE"}
_PERSONAL = {"he", "him", "his", "she", "her", "hers", "they", "them", "their"}
_REPORT_VERBS = {"say", "add", "announce", "report", "state", "tell", "expect", "plan", "confirm", "deny",
                 "claim", "warn", "argue", "note", "insist", "explain", "want", "hope"}


def _referent(s1, kind: str, label: str | None = None):
    """The phrase of sentence one that `kind` (he/she, it, they, or a description of `label`) must name."""
    root = s1.root
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1:
        return None
    s = subj[0]
    if kind == "person":
        ent = _entity_at(s)
        persons = [e for e in s1.ents if e.label_ == "PERSON"]
        if ent is None or ent.label_ != "PERSON" or len(persons) != 1 or s.i != ent.end - 1:
            return None
        return ent.text
    if kind == "desc":
        ent = _entity_at(s)
        same = [e for e in s1.ents if e.label_ == label]
        if ent is None or ent.label_ != label or len(same) != 1 or s.i != ent.end - 1:
            return None
        phrase = _phrase(s, max_len=6)
        return phrase.text if phrase is not None and phrase.end == ent.end else None
    phrase = _phrase(s, max_len=6)
    if phrase is None:
        return None
    if kind == "it":
        ent = _entity_at(s)
        if ent is None or ent.label_ != "ORG" or len([e for e in s1.ents if e.label_ == "ORG"]) != 1:
            return None
        return phrase.text
    if kind == "they":
        plural = [t for t in s1 if t.tag_ in ("NNS", "NNPS") and t.dep_ not in ("compound", "amod")]
        if s.tag_ not in ("NNS", "NNPS") or len(plural) != 1 or s.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY"):
            return None
        return phrase.text
    return None


def with_context(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """For a two-sentence premise whose second sentence's subject refers back ("He", "It", "They", "The
    company"), the second sentence with that subject named from the first: "Angela Merkel met Putin. She said
    the talks were useful." -> "Angela Merkel said the talks were useful." ``generate_pairs`` feeds this
    transform consecutive sentences of one source (``passages``), not the single sentences."""
    sents = list(doc.sents)
    if len(sents) != 2:
        return None
    s1, s2 = sents
    root = s2.root
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subj) != 1 or root.pos_ not in ("VERB", "AUX"):
        return None
    s = subj[0]
    low = s.lower_
    if low in ("he", "she"):
        span, ref = (s.i, s.i + 1), _referent(s1, "person")
    elif low in ("it", "they") and root.lemma_.lower() in _REPORT_VERBS:
        span, ref = (s.i, s.i + 1), _referent(s1, low)
    elif s.lower_ in _DESCRIPTIONS and s.i > s2.start and doc[s.i - 1].lower_ == "the" and \
            s.left_edge.i == s.i - 1 and s.right_edge.i == s.i and s.lower_ not in s1.text.lower():
        span, ref = (s.i - 1, s.i + 1), _referent(s1, "desc", _DESCRIPTIONS[s.lower_])
    else:
        return None
    if ref is None or _named_before(s2, span[0]):
        return None
    if low in ("he", "she", "they") and any(t.lower_ in _PERSONAL for t in s1):
        return None  # "Pope Victor refused him the pallium. He ...": "him" is another candidate
    start_char, end_char = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
    ref = _upper_first(ref) if span[0] == s2.start else _lower_det(ref)
    hyp = doc.text[s2.start_char: start_char] + ref + doc.text[end_char: s2.end_char]
    return hyp.strip()


def _named_before(s2, end: int) -> bool:
    """Another name before the pronoun in sentence two could be its antecedent instead."""
    return any(e.label_ in ("PERSON", "ORG") and e.end <= end for e in s2.ents)


# Cheap cues of premises the families above can use; `news_sentences(cue=...)` mines such sentences.
_PAST = {"cut": "cut", "withdraw": "withdrew", "sell": "sold", "ban": "banned", "cancel": "cancell?ed"}
CUES = re.compile(
    r"\d\s?(?:%|percent|per cent)\s+of\s|\b(?:half|thirds?|quarters?|fifths?)\s+of\s"
    r"|\b(?:one|two|three|four|seven|eight|nine)\s+(?:in|out of)\s+(?:three|four|five|ten|10)\s"
    r"|\b(?:rose|risen|declined|declining|grew|growing|shrank|shrinking|expanded|expanding|welcomed|condemned"
    r"|criticised|criticized|praised|strengthened|weakened|improved|worsened|approved|rejected|cordial|amicable"
    r"|strained|frosty)\b"
    r"|\bthe (?:" + "|".join(_VERBAL) + r") of\b"
    r"|\b(?:" + "|".join(_PAST.get(v) or (v + "d" if v.endswith("e") else v + "ed") for v in _NOMINAL) + r")\b",
)

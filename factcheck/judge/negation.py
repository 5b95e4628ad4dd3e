"""Two denials read as the contrapositive: where the statement and a source sentence each deny something, NLI also
reads the two without their denials, the other way round.

"Raven-Symone did not file charges against Cosby" entails "Raven-Symone never brought charges against Cosby"
exactly when "Raven-Symone brought charges against Cosby" entails "Raven-Symone filed charges against Cosby" (¬A ⊨ ¬B
iff B ⊨ A). The shipped NLI model reads a denial as a sign of contradiction — trained, among others, on pairs made
contradictory by inserting one — and gives even a denial against itself 0.43 contradiction; read without the two
denials, the pair is one it reads well. So, for a pair whose statement and sentence each hold exactly one denial
(`denial`: "not", "n't", "never", or "no" before a noun), the contrapositive pair (the statement without its denial
as premise, the sentence without its denial as hypothesis) is scored too, and folded into the pair's probabilities
(`fold`): its entailment, where the two read plainly without their denials also entail (a check on a loose
reading), is the pair's entailment when higher, and it takes that share from the pair's contradiction. Its contradiction says nothing ("did not rise" and "did not fall" are no contradiction although "rose"
and "fell" are). Two denials contradict only where what they deny covers every case ("did not pass" against "did not
fail"), so the pair read plainly without its denials, in its own order ("passed" against "failed"), bounds the
pair's contradiction: "did not sign the bill on Friday" does not contradict "never signed the bill", although the
contrapositive is neutral (the sentence says more than the statement).

Not denials here: "not only/just/merely" (no denial), "not all/every" (a denied quantifier, which a plain removal
would turn into its opposite's claim), "no longer/more/less" (a change, not a denial).
"""

from __future__ import annotations

import numpy as np

NOT_DENIALS = frozenset({"only", "just", "merely", "all", "every", "always", "longer", "more", "less", "fewer",
                         "one", "matter", "doubt", "sooner"})
CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}  # "can't" is "ca" + "n't"


def _cues(sent) -> list:
    """The tokens of a parsed sentence that deny: a negation ("not", "n't", "never", "no" read as one) or "no"
    before a noun; none at all where one opens a phrase of `NOT_DENIALS` (a sentence this module does not read)."""
    cues = [t for t in sent if t.dep_ == "neg" or (t.lower_ == "no" and t.dep_ == "det")]
    if any(t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in NOT_DENIALS for t in cues):
        return []
    return cues


def _denies_the_sentence(cue, root) -> bool:
    """Whether `cue` denies what the sentence says — the root's predicate ("did not file") or a noun it governs ("no
    effect", "No cases were found") — in a sentence of one clause: a denial inside a clause of its own ("those not
    treated", "if his phone hadn't gone off"), of a noun ("never smokers"), or beside a clause it does not deny
    ("have not been revealed but the teacher gave an interview") is not."""
    if any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for c in root.children):
        return False
    if cue.lower_ == "no" and cue.dep_ == "det":
        return cue.head.head.i == root.i and cue.head.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "expl"}
    return cue.head.i == root.i


def denial(text: str) -> str | None:
    """`text` without its one denial ("did not file" → "did file", "never brought" → "brought", "no effect" → "some
    effect", "can't" → "can"); None when it holds no denial or more than one."""
    from factcheck.ingest.claims import tidy_clause
    from factcheck.ingest.nlp import parse

    doc = parse(text)
    sentences = list(doc.sents)
    cues = _cues(doc)
    if len(sentences) != 1 or len(cues) != 1 or not _denies_the_sentence(cues[0], sentences[0].root):
        return None
    cue = cues[0]
    words = []
    for t in doc:
        if t.i == cue.i:  # its space stays: "didn't file" → "did file"
            words.append(("Some" if t.i == 0 else "some") * (t.lower_ == "no") + t.whitespace_)
            continue
        if t.i + 1 == cue.i and t.lower_ in CONTRACTED and cue.lower_ == "n't":
            words.append(CONTRACTED[t.lower_] + " ")
            continue
        words.append(t.text_with_ws)
    out = tidy_clause("".join(words))
    return out if out.strip(". ") else None


def contrapositive_pairs(pairs: list[tuple[str, str]]) -> list[tuple[int, tuple[str, str], tuple[str, str]]]:
    """For each (sentence, statement) pair where both hold exactly one denial, its index, the contrapositive pair
    (the statement without its denial, the sentence without its denial) and the two without their denials in the
    pair's own order."""
    out: list[tuple[int, tuple[str, str], tuple[str, str]]] = []
    plain: dict[str, str | None] = {}

    def without_denial(text: str) -> str | None:
        if text not in plain:
            plain[text] = denial(text)
        return plain[text]

    for i, (sentence, statement) in enumerate(pairs):
        # the statement first: most deny nothing, and then no sentence of theirs needs parsing
        if (b := without_denial(statement)) is not None and (a := without_denial(sentence)) is not None:
            out.append((i, (b, a), (a, b)))
    return out


def fold(probs: np.ndarray, contra: np.ndarray, plain: np.ndarray, labels: list[str]) -> np.ndarray:
    """A pair's (entailment, neutral, contradiction) probabilities with its two readings without denials folded in:
    entailment the higher of the pair's and the lower of the contrapositive's and the plain reading's (the two
    without their denials must entail each other: the contrapositive alone is read loosely, "showed some immune
    response" entailing "some serious adverse event was noted"); contradiction at most the plain reading's — two
    denials contradict only where the things denied cover every case between them ("did not pass" against "did not
    fail": "passed" against "failed"), not where one says more ("did not sign on Friday" against "never signed") —,
    and scaled by what is left unentailed; neutral the rest."""
    e, n, c = (labels.index(k) for k in ("entailment", "neutral", "contradiction"))
    out = np.array(probs, dtype=np.float64, copy=True)
    out[e] = max(float(probs[e]), min(float(contra[e]), float(plain[e])))
    out[c] = min(float(probs[c]), float(plain[c])) * (1.0 - out[e])
    out[n] = max(0.0, 1.0 - out[e] - out[c])
    return out / out.sum()

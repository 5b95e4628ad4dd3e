"""Two denials read as the contrapositive (factcheck/judge/negation.py): the denial each side holds, the pairs read
without them, and how their probabilities fold into the pair's."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.judge.negation import contrapositive_pairs, denial, fold

LABELS = ["entailment", "neutral", "contradiction"]

# (text, the text without its one denial; None where it holds none, more than one, or a phrase not read as one)
DENIALS = [
    ("Raven-Symone did not file charges against Cosby.", "Raven-Symone did file charges against Cosby."),
    ("Raven-Symone did NOT file charges against Cosby.", "Raven-Symone did file charges against Cosby."),
    ("She didn't go to the hearing.", "She did go to the hearing."),
    ("He never brought charges.", "He brought charges."),
    ("He can't swim.", "He can swim."),
    ("It won't rain in Bogota tomorrow.", "It will rain in Bogota tomorrow."),
    ("Blood pressure drugs have no effect on severity.", "Blood pressure drugs have some effect on severity."),
    ("No cases of transmission were found.", "Some cases of transmission were found."),
    ("The ministry has not published the report.", "The ministry has published the report."),
    ("Aid was not cut in 2024.", "Aid was cut in 2024."),
    # not read as one denial
    ("US aid exceeded $400 million in 2024.", None),
    ("Petro called the strikes acts of tyranny.", None),
    ("He did not say he would not go.", None),
    ("Nobody was hurt in the blast.", None),
    ("Not all patients recovered.", None),
    ("Not every clinic reopened.", None),
    ("He not only sang but danced.", None),
    ("The mask was no longer effective.", None),
    ("No more than ten people came.", None),
    ("There is no doubt the aid was cut.", None),
    ("She never once missed a hearing and never complained.", None),
    # a denial of a noun, inside a clause of its own, or beside a clause it does not deny
    ("Smokers had higher odds of progression than never smokers.", None),
    ("Patients who were not treated with the drug died sooner.", None),
    ("He believes the bear would have killed him if his phone hadn't rung.", None),
    ("The teacher has not been named but he gave an interview to a newspaper.", None),
    ("The school was closed. It did not reopen.", None),  # two sentences
]


@pytest.mark.parametrize(("text", "plain"), DENIALS)
def test_denial(text, plain):
    assert denial(text) == plain


# (sentence, statement) → read as a contrapositive or not
PAIRS = [
    (("The mayor did not sign the bill.", "The mayor never signed the bill."), True),
    (("No cases were found.", "The study found no cases."), True),
    (("The mayor did not sign the bill.", "The mayor signed the bill."), False),  # one denial: NLI reads it well
    (("The mayor signed the bill.", "The mayor never signed the bill."), False),
    (("The mayor signed the bill.", "The mayor signed the bill."), False),
    (("Not all patients recovered.", "Not every patient recovered."), False),
]


@pytest.mark.parametrize(("pair", "read"), PAIRS)
def test_contrapositive_pairs(pair, read):
    got = contrapositive_pairs([pair])
    assert bool(got) is read
    if read:
        (i, back, plain), = got
        sentence, statement = pair
        assert i == 0
        assert back == (denial(statement), denial(sentence))  # the statement premise: B ⊨ A for ¬A ⊨ ¬B
        assert plain == (denial(sentence), denial(statement))


def test_pairs_keep_their_index():
    pairs = [("Aid rose.", "Aid fell."), ("Aid did not rise.", "Aid never rose."), ("A", "B")]
    assert [i for i, _, _ in contrapositive_pairs(pairs)] == [1]


FOLDS = [
    # (pair, contrapositive, plain), what the folded pair must be
    # a denial read against itself as a contradiction: the contrapositive entails, contradiction gone
    (((0.54, 0.03, 0.43), (0.72, 0.11, 0.17), (0.7, 0.1, 0.2)), lambda f: f[0] >= 0.7 and f[2] < 0.15),
    # NLI reads "never" as contradiction: entailment restored
    (((0.05, 0.06, 0.89), (0.71, 0.13, 0.16), (0.6, 0.2, 0.2)), lambda f: f[0] >= 0.6 and f[2] < 0.1),
    # the contrapositive read loosely ("showed some immune response" ⊨ "some adverse event was noted"), the plain
    # reading neutral: no entailment gained
    (((0.05, 0.25, 0.7), (0.73, 0.2, 0.07), (0.1, 0.85, 0.05)), lambda f: f[0] <= 0.1 and f[1] > 0.8),
    # the sentence says more ("did not sign on Friday"): no entailment either way, no contradiction read plainly
    (((0.05, 0.3, 0.65), (0.1, 0.85, 0.05), (0.8, 0.15, 0.05)), lambda f: f[2] <= 0.05 and f[1] > 0.8),
    # "did not pass" against "did not fail": the plain reading contradicts, so the contradiction stands
    (((0.05, 0.1, 0.85), (0.05, 0.1, 0.85), (0.02, 0.03, 0.95)), lambda f: f[2] >= 0.8),
    # a neutral pair stays neutral
    (((0.1, 0.8, 0.1), (0.1, 0.8, 0.1), (0.1, 0.8, 0.1)), lambda f: f[1] >= 0.8),
]


@pytest.mark.parametrize(("probs", "check"), FOLDS)
def test_fold(probs, check):
    pair, contra, plain = (np.array(p) for p in probs)
    folded = fold(pair, contra, plain, LABELS)
    assert folded.sum() == pytest.approx(1.0)
    assert (folded >= 0).all()
    assert folded[0] >= pair[0] and folded[2] <= pair[2]  # never less entailed, never more contradicted
    assert check(folded), folded


def test_fold_follows_the_label_order():
    labels = ["contradiction", "entailment", "neutral"]
    folded = fold(np.array([0.89, 0.05, 0.06]), np.array([0.16, 0.71, 0.13]), np.array([0.2, 0.6, 0.2]), labels)
    assert folded[1] == pytest.approx(max(folded)) and folded[0] < 0.1


class DenialBlindNLI:
    """Reads any denial in the hypothesis as a contradiction (as the shipped model leans to), entailment when the
    hypothesis's words are the premise's, neutral otherwise."""

    labels = ("entailment", "neutral", "contradiction")
    name = "denial-blind"

    def __init__(self):
        self.pairs: list[tuple[str, str]] = []

    @property
    def fusion_params(self):
        from factcheck.judge.nli import SHIPPED_MODEL_DIR, read_fusion_params

        return read_fusion_params(SHIPPED_MODEL_DIR)

    def predict(self, pairs, batch_size=32):
        from tests.conftest import words

        self.pairs += pairs
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        for i, (p, h) in enumerate(pairs):
            hw, pw = words(h), words(p)
            if {"not", "never", "no"} & hw:
                out[i] = (0.05, 0.06, 0.89)
            elif hw and len(hw & pw) / len(hw) >= 0.75:
                out[i] = (0.9, 0.08, 0.02)
            else:
                out[i] = (0.1, 0.8, 0.1)
        return out


def test_checker_reads_two_denials_as_the_contrapositive(fake_embedder):
    from factcheck.checker import Checker

    nli = DenialBlindNLI()
    checker = Checker.from_texts({"a.txt": "The mayor has never signed the budget bill. The council met on Friday."},
                                 embedder=fake_embedder, nli=nli)
    result = checker.check("The mayor has not signed the budget bill.")
    assert ("The mayor has signed the budget bill.", "The mayor has signed the budget bill.") in nli.pairs
    ev = next(e for e in result.evidence if e.sentence.startswith("The mayor"))
    assert ev.contrapositive is not None and ev.contrapositive["entailment"] == pytest.approx(0.9)
    assert ev.probabilities["entailment"] == pytest.approx(0.9, abs=1e-3)
    assert ev.probabilities["contradiction"] < 0.01
    assert result.verdict.value != "CONTRADICTED"
    # one denial: read as NLI reads it, no contrapositive
    plain = checker.check("The mayor has signed the budget bill.")
    assert all(e.contrapositive is None for e in plain.evidence)

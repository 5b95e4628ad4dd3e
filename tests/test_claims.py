from __future__ import annotations

from conftest import SEED

from factcheck.ingest.claims import extract_claims
from factcheck.ingest.read import read_document


def test_every_claim_points_at_its_sentence_in_the_original(nlp):
    doc = read_document(SEED)
    claims = list(extract_claims([doc], nlp=nlp))
    assert len({c.start_char for c in claims}) >= 20
    for c in claims:
        assert doc.original[c.start_char : c.end_char] == c.sentence
        assert c.doc_id == doc.doc_id


def test_markdown_offsets_point_into_the_raw_file(tmp_path, nlp):
    f = tmp_path / "d.md"
    f.write_text("## Aid\n\nThe US sent **$400 million** to Colombia in 2024.\n", encoding="utf-8")
    doc = read_document(f)
    (claim,) = list(extract_claims([doc], nlp=nlp))
    assert claim.text == "The US sent $400 million to Colombia in 2024."
    assert doc.original[claim.start_char : claim.end_char] == "The US sent **$400 million** to Colombia in 2024."


def test_compound_sentences_are_split_into_atomic_claims(nlp):
    from factcheck.ingest.read import document_from_text

    doc = document_from_text(
        "Petro criticized the strikes, and Trump suspended the payments. "
        "Plan Colombia, which the US funded, weakened the Farc. "
        "Gustavo Petro, the president of Colombia, spoke on Monday.",
        "d",
    )
    texts = [c.text for c in extract_claims([doc], nlp=nlp)]
    assert "Petro criticized the strikes." in texts
    assert "Trump suspended the payments." in texts
    assert "Plan Colombia weakened the Farc." in texts
    assert "Gustavo Petro is the president of Colombia." in texts
    # the whole sentence stays a claim too, and all parts share its offsets
    assert "Petro criticized the strikes, and Trump suspended the payments." in texts


def _parts(text: str, nlp) -> list[str]:
    from factcheck.ingest.read import document_from_text

    return [c.text for c in extract_claims([document_from_text(text, "d")], nlp=nlp)][1:]


def test_a_closing_description_of_the_object_is_a_claim_of_its_own(nlp):
    # the phrase after the comma describes what the clause's verb is after, whatever noun the parser hangs it on
    assert _parts("The mayor is striving to achieve “zero waste” in the city, a goal threatened by budget cuts from "
                  "the state and the closure of a recycling plant.", nlp) == [
        "Zero waste is a goal threatened by budget cuts from the state and the closure of a recycling plant."]


def test_a_closing_phrase_about_the_act_or_without_a_clause_stays_in_the_sentence(nlp):
    # "a move …" describes the act, not its object; "a first" says nothing more with a clause of its own
    assert _parts("The government cut fuel subsidies last week, a move that angered truckers across the country.",
                  nlp) == []
    assert _parts("The team won the national cup on Sunday, a first for the club.", nlp) == []
    assert _parts("Gustavo Petro, the president of Colombia, spoke on Monday.", nlp) == [
        "Gustavo Petro is the president of Colombia.", "Gustavo Petro spoke on Monday."]

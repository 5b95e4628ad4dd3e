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

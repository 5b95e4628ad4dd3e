"""Large sources: over-long paragraphs are cut at sentence ends with exact offsets; a progress bar on request."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.ingest import claims as claims_mod
from factcheck.ingest.claims import extract_claims, split_long
from factcheck.ingest.read import document_from_text

SENTENCE = "The council approved a budget of {n} million pounds for the bridges in March. "


def paragraph(chars: int) -> str:
    out, n = [], 0
    while sum(map(len, out)) < chars:
        out.append(SENTENCE.format(n=n))
        n += 1
    return "".join(out).strip()


def test_split_long_cuts_at_sentence_ends_and_keeps_offsets():
    text = paragraph(5000)
    pieces = list(split_long(100, text, 1000))
    assert len(pieces) > 4 and all(len(p) <= 1000 for _, p in pieces)
    assert "".join(p for _, p in pieces) == text
    for start, piece in pieces:
        assert text[start - 100 : start - 100 + len(piece)] == piece
    assert all(p.rstrip().endswith(".") for _, p in pieces[:-1])  # never inside a sentence
    assert list(split_long(7, "short", 1000)) == [(7, "short")]


def test_split_long_falls_back_to_spaces_then_to_a_hard_cut():
    words = "word " * 500
    assert all(p.endswith(" ") for _, p in list(split_long(0, words, 300))[:-1])
    blob = "x" * 2500
    assert [len(p) for _, p in split_long(0, blob, 1000)] == [1000, 1000, 500]


def test_parse_batches_are_bounded_by_characters_and_keep_order():
    batches = []

    class RecordingNLP:
        def pipe(self, batch, as_tuples, batch_size, disable):
            batches.append(batch)
            return iter(batch)

    items = [("x" * 3000, i) for i in range(30)] + [("y" * 10, 30 + i) for i in range(200)]
    out = list(claims_mod._parse(RecordingNLP(), iter(items), []))
    assert out == items
    assert max(sum(len(t) for t, _ in b) for b in batches) <= claims_mod.PIPE_BATCH_CHARS
    assert max(len(b) for b in batches) == claims_mod.PIPE_BATCH_ITEMS


def test_a_paragraph_longer_than_spacy_accepts_is_parsed_in_pieces(nlp, monkeypatch):
    # spaCy refuses a text over nlp.max_length (E088); a 1.2 MB one-paragraph file hit it at the default 1,000,000.
    monkeypatch.setattr(nlp, "max_length", 20_000)
    text = "Title\n\n" + paragraph(30_000) + "\n"
    doc = document_from_text(text, "big")
    done = []
    claims = list(extract_claims([doc], nlp=nlp, progress=done.append))
    sentences = {c.sentence for c in claims}
    assert len(sentences) >= 370  # every sentence, none lost at a cut
    for c in claims:
        assert text[c.start_char : c.end_char] == c.sentence
    assert sum(done) <= len(text) and sum(done) > 0.99 * len(text) - 10


def test_pieces_match_unsplit_parsing_for_normal_paragraphs(nlp, monkeypatch):
    text = "\n\n".join(paragraph(600) for _ in range(3))
    doc = document_from_text(text, "d")
    whole = [c.model_dump() for c in extract_claims([doc], nlp=nlp)]
    monkeypatch.setattr(claims_mod, "MAX_BLOCK_CHARS", 400)
    cut = [c.model_dump() for c in extract_claims([doc], nlp=nlp)]
    assert [c["sentence"] for c in cut] == [c["sentence"] for c in whole]  # cuts fall between sentences


@pytest.mark.parametrize("flag", ["--progress", None])
def test_ingest_progress_bar_only_when_asked(home, tmp_path, flag):
    src = tmp_path / "big.txt"
    src.write_text(paragraph(3000) + "\n", encoding="utf-8")
    args = ["ingest", str(src), "--corpus", "big"] + ([flag] if flag else [])
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert ("ingest big" in r.stderr) == (flag is not None)


@pytest.mark.slow
def test_a_one_megabyte_single_paragraph_source_is_ingested(home, tmp_path):
    src = tmp_path / "one-paragraph.txt"
    src.write_text(paragraph(1_200_000), encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(src), "--corpus", "big"])
    assert r.exit_code == 0, r.output
    from factcheck.retrieval.corpus import load_claims
    from factcheck.settings import get_settings

    text = src.read_text(encoding="utf-8")
    claims = load_claims("big", get_settings())
    assert len({c.start_char for c in claims}) > 14_000
    assert all(text[c.start_char : c.end_char] == c.sentence for c in claims)

"""parse() caches Docs; parse_many() fills that cache in one nlp.pipe pass, so rule checks then parse nothing."""

from __future__ import annotations

import pytest

from factcheck.ingest import nlp as nlp_mod


def test_parse_many_fills_the_cache_in_one_pass(nlp, monkeypatch):
    texts = ["Petro met Biden in Bogota in 2023.", "The aid did not exceed $400 million.", "Petro met Biden in Bogota in 2023."]
    calls = []
    real_pipe = nlp.pipe
    monkeypatch.setattr(nlp, "pipe", lambda docs, **kw: calls.append(list(docs)) or real_pipe(calls[-1], **kw))
    nlp_mod.parse_many(texts)
    assert calls == [texts[:2]]  # distinct texts, once
    nlp_mod.parse_many(texts)
    assert len(calls) == 1  # all cached now

    def no_model():
        raise AssertionError("parsed again")

    monkeypatch.setattr(nlp_mod, "get_nlp", no_model)
    doc = nlp_mod.parse(texts[1])
    assert doc.text == texts[1] and any(t.dep_ == "neg" for t in doc)
    with pytest.raises(AssertionError, match="parsed again"):
        nlp_mod.parse("A sentence nobody parsed.")

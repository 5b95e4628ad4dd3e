from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.ingest.read import html_to_plain, iter_source_files, markdown_to_plain, read_document


def test_txt_is_read_verbatim(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Plain text. Second sentence.", encoding="utf-8")
    doc = read_document(f)
    assert doc.text == doc.original == "Plain text. Second sentence."
    assert doc.doc_id == "a"


def test_markdown_markup_is_blanked_keeping_offsets():
    src = "# Title\n\nThe **US** sent [aid](http://x.org/a) in 2024.\n"
    plain = markdown_to_plain(src)
    assert len(plain) == len(src)
    i = plain.index("aid")
    assert src[i : i + 3] == "aid"
    assert "**" not in plain and "http" not in plain and "#" not in plain


def test_html_tags_and_entities_are_blanked_keeping_offsets():
    src = "<html><head><title>x</title><script>var a=1;</script></head><body><p>Aid &amp; trade rose.</p></body></html>"
    plain = html_to_plain(src)
    assert len(plain) == len(src)
    assert "Aid &" in plain and "var a" not in plain and "<p>" not in plain
    i = plain.index("trade")
    assert src[i : i + 5] == "trade"


def test_non_utf8_source_names_the_file(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Bogotá".encode("latin-1"))
    with pytest.raises(InputError, match="latin.txt: not UTF-8"):
        read_document(f)


def test_empty_source_is_an_error(tmp_path):
    f = tmp_path / "empty.md"
    f.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_document(f)


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported source type"):
        read_document(tmp_path / "a.pdf")


def test_directories_expand_to_supported_files(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.html").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_text("x", encoding="utf-8")
    assert [p.name for p in iter_source_files([tmp_path])] == ["a.txt", "b.html"]
    with pytest.raises(InputError):
        iter_source_files([tmp_path / "missing"])

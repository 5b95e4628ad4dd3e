from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.ingest.read import html_to_plain, markdown_to_plain, read_document
from factcheck.io import read_text


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


def test_html_tags_and_entities_are_removed_and_offsets_map_back():
    src = "<html><head><title>x</title><script>var a=1;</script></head><body><p>Aid &amp; trade rose.</p></body></html>"
    plain, offsets = html_to_plain(src)
    assert plain.strip() == "Aid & trade rose." and "var a" not in plain and "<p>" not in plain
    i = plain.index("trade")
    assert src[slice(*offsets.span(i, i + 5))] == "trade"
    a, b = offsets.span(plain.index("Aid"), plain.index(".") + 1)
    assert src[a:b] == "Aid &amp; trade rose."


# --- HTML with a real tokenizer (issue 15, case 3) -----------------------------------------------------

def _html_doc(tmp_path, html: str):
    f = tmp_path / "page.html"
    f.write_bytes(html.encode("utf-8"))
    return read_document(f)


def test_unclosed_script_drops_everything_after_it(tmp_path, nlp):
    from factcheck.ingest.claims import extract_claims

    doc = _html_doc(tmp_path, "<p>US aid to Colombia was cut in 2025.</p>\n<script>var t = '<p>The council "
                              "approved £500 million.</p>';\n<p>The council approved £500 million for roads.</p>\n")
    assert "500" not in doc.text and "council" not in doc.text
    assert [c.sentence for c in extract_claims([doc], nlp=nlp)] == ["US aid to Colombia was cut in 2025."]


@pytest.mark.parametrize("tag", ["style", "noscript", "template", "title", "textarea"])
def test_non_prose_elements_are_dropped_even_unclosed(tmp_path, tag):
    doc = _html_doc(tmp_path, f"<p>Kept sentence here.</p><{tag}>hidden <b>text</b> &amp; more")
    assert "hidden" not in doc.text and "Kept sentence here." in doc.text
    closed = _html_doc(tmp_path, f"<{tag}>hidden</{tag}><p>After it.</p>")
    assert "hidden" not in closed.text and "After it." in closed.text


def test_entities_decode_inside_words_and_offsets_slice_the_original(tmp_path, nlp):
    from factcheck.ingest.claims import extract_claims

    html = ("<p>The mayor, Jos&eacute; Mar&iacute;a P&eacute;rez, approved &pound;12&nbsp;million in 2024.</p>"
            "<p>Caf&#233; owners &amp; residents objected.</p>")
    doc = _html_doc(tmp_path, html)
    assert "José María Pérez" in doc.text and "£12\xa0million" in doc.text
    claims = list(extract_claims([doc], nlp=nlp, split=False))
    assert [c.sentence for c in claims] == [
        "The mayor, José María Pérez, approved £12\xa0million in 2024.", "Café owners & residents objected."]
    stored = read_text(doc.path)
    assert stored[claims[0].start_char : claims[0].end_char] == (
        "The mayor, Jos&eacute; Mar&iacute;a P&eacute;rez, approved &pound;12&nbsp;million in 2024.")
    assert stored[claims[1].start_char : claims[1].end_char] == "Caf&#233; owners &amp; residents objected."


def test_a_bare_less_than_sign_keeps_its_text(tmp_path):
    doc = _html_doc(tmp_path, "<p>Inflation stayed < 3% in 2024 while 2<5 and growth was 1.5%.</p>")
    assert "Inflation stayed < 3% in 2024 while 2<5 and growth was 1.5%." in doc.text


def test_html_comments_tags_attributes_and_crlf(tmp_path):
    doc = _html_doc(tmp_path, "<!-- a comment with Colombia --><p title='Colombia &gt; Peru'>Aid <b>rose</b>\r\n"
                              "sharply.</p><!-- unclosed comment: Petro won")
    assert "Colombia" not in doc.text and "Petro" not in doc.text
    i = doc.text.index("Aid")
    a, b = doc.to_original(i, doc.text.index("sharply.") + len("sharply."))
    assert doc.original[a:b] == "Aid <b>rose</b>\r\nsharply."


def test_aligned_text_lays_prose_at_original_offsets(tmp_path):
    doc = _html_doc(tmp_path, "<p>Jos&eacute; P&eacute;rez won.</p>")
    shown = doc.aligned_text()
    assert len(shown) == len(doc.original)
    assert shown.replace("\u2060", "").strip() == "José Pérez won."
    assert shown[doc.original.index("won")] == "w"


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


def test_directories_expand_to_their_files_hidden_ones_excepted(tmp_path):
    from factcheck.retrieval.corpus import expand_sources

    for name in ("a.txt", "b.html", ".hidden/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in expand_sources([tmp_path])] == ["a.txt", "b.html"]
    with pytest.raises(InputError):
        expand_sources([tmp_path / "missing"])

"""Fuzzing check, batch, review and ingest with Hypothesis (fake models from conftest): whatever the input —
text, CSV bytes, HTML, file names — a command exits 0, 1 (a row failed / a problem found), 2 (bad input) or 4
(ingest skipped files), prints an error as one line, and never raises a traceback; HTML offsets always map back.

The default run is a small fixed budget (derandomized, so CI is repeatable). The long run:

    FACTCHECK_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest tests/test_fuzz.py -p no:cacheprovider

sets every test's example count (and draws fresh random examples each run).
"""

from __future__ import annotations

import csv
import html
import io
import os

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.ingest.read import html_to_plain

LONG_RUN = "FACTCHECK_FUZZ_EXAMPLES" in os.environ


def budget(default: int):
    """Hypothesis settings: `default` examples (repeatable) unless FACTCHECK_FUZZ_EXAMPLES asks for a long run."""
    n = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", default))
    return settings(max_examples=n, deadline=None, derandomize=not LONG_RUN, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.filter_too_much])


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def assert_no_traceback(r, allowed=(0, 1, 2)):
    """The contract every command keeps: a known exit status, and an error is one line, not a traceback."""
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code in allowed, (r.exit_code, r.output)
    if r.exit_code == 2:  # ours: one line; Click's own usage errors ("-x" read as an option) add the usage above
        lines = r.stderr.strip().splitlines()
        assert lines[-1].startswith("Error") and (len(lines) == 1 or lines[0].startswith("Usage:")), r.stderr
    assert "Traceback" not in r.output


def to_bytes(text: str, encoding: str = "utf-8") -> bytes:
    """`text` as a file's bytes; a lone surrogate becomes bytes that are not UTF-8 (as on a real disk)."""
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")


# --- strategies ---------------------------------------------------------------------------------------

REAL = ["US aid to Colombia exceeded $400 million in 2024.", "The Farc demobilized in 2016.", "Petro won.",
        "80% of aid went to the military.", "Colombia decertified the US.", "José María Pérez approved £12 million."]
NASTY = ["\x00", "\udcff", "\ufffd", "\x93", "\u202e", "\u200b", "\r", "\n", "\t", '"', "'", ",", ";", "$", "00",
         "million", "<", "&", "&amp;", "&eacute;", "<script>", "</p>", "🇨🇴", "مليون", "aid aid aid", "\ufeff", "-"]


@st.composite
def statements(draw):
    """Real statements with damage spliced in, random unicode (surrogates included) and pure noise."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        s = draw(st.sampled_from(REAL))
        for _ in range(draw(st.integers(0, 3))):
            i = draw(st.integers(0, len(s)))
            s = s[:i] + draw(st.sampled_from(NASTY)) + s[i:]
        return s
    if kind == 1:
        return draw(st.text(st.characters(exclude_categories=()), max_size=80))
    return "".join(draw(st.lists(st.sampled_from(NASTY + REAL), max_size=6)))


@st.composite
def csv_bytes(draw):
    """A statement CSV, well formed or damaged: stray quotes, NULs, other encodings, BOMs, missing fields."""
    header = draw(st.sampled_from(["statement", "id,statement", "statement,desk", "statement,statement", "claim",
                                   "text", ""]))
    lines = [header]
    for _ in range(draw(st.integers(0, 5))):
        cells = [draw(statements()) for _ in range(draw(st.integers(1, 3)))]
        if draw(st.booleans()):
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]
        lines.append(",".join(cells))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
    data = to_bytes(text, encoding)
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=200))
    return data


TAGS = ["<p>", "</p>", "<b>", "</b>", "<br>", "<script>", "</script>", "<style>", "</style>", "<template>",
        "</template>", "<noscript>", "</noscript>", "<title>", "</title>", "<!--", "-->", "<div class='a>b'>",
        "</div>", "<", ">", "</", "<!DOCTYPE html>", "<plaintext>", "<textarea>", "</textarea>", "<![CDATA[x]]>"]
ENTITIES = ["&amp;", "&eacute;", "&pound;", "&#233;", "&#xe9;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;",
            "&amp", "&eacute", "&", "&#", "&#x;", "&lt;"]
WORDS = ["US aid", " rose ", "in 2024.", " Jos", "Mar", "a ", "\r\n", "\n\n", " ", "Bogot", "£500 million", "x"]


@st.composite
def html_docs(draw, tags=TAGS):
    return "".join(draw(st.lists(st.one_of(st.sampled_from(tags), st.sampled_from(ENTITIES), st.sampled_from(WORDS),
                                           st.text(max_size=5)), max_size=40)))


# --- properties ---------------------------------------------------------------------------------------

@budget(300)
@given(html_docs())
def test_html_text_always_maps_back_to_the_original(src):
    plain, offsets = html_to_plain(src)
    last = 0
    for i, ch in enumerate(plain):
        a, b = offsets.span(i, i + 1)
        assert 0 <= a <= b <= len(src) and a >= last, (i, ch, a, b)
        raw = src[a:b]
        if b == a:
            assert ch == "\n"  # a block tag's line break
        elif len(raw) == 1:
            assert raw == ch or (raw, ch) in (("\r", " "), ("\r", "\n"), ("\x00", "\ufffd"))  # CR LF, CR, NUL
        else:
            assert raw.startswith("&"), (raw, ch)
            # a numeric reference may name any code point (&#1 is U+0001 in HTML; html.unescape drops it)
            assert raw.startswith("&#") or ch in html.unescape(raw), (raw, ch)
        last = a
    a, b = offsets.span(0, len(plain))
    assert a <= b


def browser_text(src: str) -> str:
    """The text a browser shows, from html5lib's full parser (tree construction, scripting on): the oracle."""
    import html5lib

    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    root = parser.parse(src, scripting=True)
    hidden = {"script", "style", "noscript", "template", "title", "textarea", "xmp", "iframe", "noembed", "noframes"}
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else None  # comments and the doctype are not text
        if tag is not None and tag not in hidden:
            out.append(el.text or "")
            for child in el:
                walk(child)
        out.append(el.tail or "")

    walk(root)
    return "".join(out)


def _visible(text: str) -> str:
    # Whitespace differs by design (block tags become line breaks); a browser drops NULs in text.
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\x00\ufffd")


@budget(300)
@given(html_docs(tags=[t for t in TAGS if "template" not in t]))  # html5lib 1.1's tree builder predates <template>
def test_html_text_is_what_a_browser_shows(src):
    plain, _ = html_to_plain(src)
    assert _visible(plain) == _visible(browser_text(src))


def test_script_content_never_becomes_text():
    plain, _ = html_to_plain("<p>Aid rose.</p><script>SECRET</script><style>SECRET</style><p>after<script>SECRET")
    assert "SECRET" not in plain and "Aid rose." in plain and "after" in plain


@budget(40)
@given(statement=statements())
def test_check_never_tracebacks(home, statement):
    r = run("check", "-f", "json", "--", statement)
    assert_no_traceback(r, allowed=(0, 2))
    if r.exit_code == 0:
        assert '"verdict"' in r.stdout
    if statement in REAL:  # the harness itself works: a real statement is checked
        assert r.exit_code == 0, r.output


@budget(40)
@given(data=csv_bytes())
def test_batch_never_tracebacks_and_never_merges_rows(home, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("batch")
    src, out = folder / "in.csv", folder / "out.csv"
    src.write_bytes(data)
    r = run("batch", str(src), "-o", str(out))
    assert_no_traceback(r)
    if r.exit_code in (0, 1):
        with open(src, encoding="utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig",
                  errors="surrogateescape", newline="") as fh:
            expected = sum(1 for row in csv.reader(fh, strict=True) if row) - 1
        written = out.read_text(encoding="utf-8")
        assert "\x00" not in written
        assert len(list(csv.DictReader(io.StringIO(written)))) == expected


@budget(20)
@given(body=st.one_of(html_docs(), statements()), suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_review_never_tracebacks(home, tmp_path_factory, body, suffix):
    draft = tmp_path_factory.mktemp("review") / f"draft{suffix}"
    draft.write_bytes(to_bytes(body))
    r = run("review", str(draft), "-f", "json", "--no-cache")
    assert_no_traceback(r)


NAME_CHARS = st.characters(exclude_characters="/\x00", exclude_categories=("Cs",))


@budget(15)
@given(name=st.text(NAME_CHARS, min_size=1, max_size=30).filter(lambda n: n not in (".", "..")),
       body=st.one_of(html_docs(), statements()), suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf", ""]))
def test_ingest_and_file_names_never_traceback(home, tmp_path_factory, name, body, suffix):
    folder = tmp_path_factory.mktemp("ingest")
    try:
        source = folder / (name + suffix)
        source.write_bytes(to_bytes(body))
    except OSError:  # a name this file system refuses (too long in bytes)
        return
    assert_no_traceback(run("ingest", str(source), "--corpus", "fuzz", "--replace"), allowed=(0, 2, 4))
    out = folder / ("out " + name + ".json")
    assert_no_traceback(run("check", "The Farc demobilized in 2016.", "-f", "json", "-o", str(out)), allowed=(0, 2))
    assert_no_traceback(run("review", str(source), "-o", str(out)))


def test_the_harness_checks_good_inputs(home, tmp_path):
    """Guards the properties above against passing vacuously (every run refused for one shared reason)."""
    src = tmp_path / "in.csv"
    src.write_text("statement\nThe Farc demobilized in 2016.\n")
    assert run("batch", str(src), "-o", str(tmp_path / "out.csv")).exit_code == 0
    draft = tmp_path / "draft.html"
    draft.write_text("<p>The Farc demobilized in 2016.</p>")
    r = run("review", str(draft), "-f", "json", "--no-cache")
    assert r.exit_code == 0 and '"SUPPORTED"' in r.stdout
    assert run("ingest", str(draft), "--corpus", "fuzz").exit_code == 0

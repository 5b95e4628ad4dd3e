"""Stage 1, read: .txt / .md / .html sources → plain text whose every character maps back to the original.

Markdown syntax is blanked out (replaced by spaces) so `text[i]` and `original[i]` are the same position.
HTML is tokenized with html5lib's WHATWG tokenizer: script, style, noscript, template, title and textarea
content is dropped (an unclosed <script> swallows the rest of the file, as in a browser), character
references are decoded (`Jos&eacute;` → `José`, one word), a bare `<` in prose stays text, block tags become
line breaks. The plain text is then shorter than the original, and an `OffsetMap` takes every span of it back
to the original, so claim offsets always slice the stored original file.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.io import read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# Elements whose text is not prose: dropped with everything up to their end tag (or the end of the file).
_RAWTEXT_DROP = frozenset({"style", "xmp", "iframe", "noembed", "noframes", "noscript"})
_RCDATA_DROP = frozenset({"title", "textarea"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                         "table", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
                         "main", "aside", "nav", "figure", "figcaption", "dl", "dt", "dd", "caption", "address",
                         "details", "summary", "body", "html", "head", "form", "fieldset", "option", "select"})

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_MD_HEADING = re.compile(r"^(#{1,6}\s+)", re.M)
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)", re.M)
_MD_QUOTE = re.compile(r"^(\s*>+\s?)", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`+|~~)")
_MD_RULE = re.compile(r"^(\s*(?:[-*_]\s*){3,})$", re.M)
_MD_FENCE = re.compile(r"^```.*?^```\s*$", re.S | re.M)


class OffsetMap:
    """Where each character of a plain text came from in the original: copied runs, decoded references
    (several original characters → one), inserted line breaks (no original characters)."""

    def __init__(self) -> None:
        self._plain: list[int] = []  # plain offset where each segment starts
        self._orig: list[int] = []  # its original start
        self._orig_end: list[int] = []  # its original end
        self._copy: list[bool] = []  # True: plain[i] = original[orig + i - plain]; False: all map to the span
        self.length = 0  # plain characters so far

    def add(self, orig_start: int, orig_end: int, n: int) -> None:
        """Record the next `n` plain characters: a copy when the span is as long, else a replacement."""
        if n <= 0:
            return
        copy = orig_end - orig_start == n
        if (copy and self._copy and self._copy[-1] and self._orig_end[-1] == orig_start):
            self._orig_end[-1] = orig_end  # extends the previous copied run
        else:
            self._plain.append(self.length)
            self._orig.append(orig_start)
            self._orig_end.append(orig_end)
            self._copy.append(copy)
        self.length += n

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of plain[start:end]."""
        if not self._plain:
            return 0, 0
        lo = self._start_of(start)
        if end <= start:
            return lo, lo
        i = bisect.bisect_right(self._plain, end - 1) - 1
        hi = self._orig[i] + (end - self._plain[i]) if self._copy[i] else self._orig_end[i]
        return lo, max(lo, hi)

    def _start_of(self, pos: int) -> int:
        i = max(0, bisect.bisect_right(self._plain, pos) - 1)
        return self._orig[i] + (pos - self._plain[i]) if self._copy[i] else self._orig[i]


@dataclass(frozen=True)
class Document:
    """A source document: `original` as read from disk, `text` its prose with markup removed.

    With `offsets` None, `text` has `original`'s length and `text[i]` is at `original[i]`; otherwise
    `offsets` maps spans of `text` back to `original` (HTML).
    """

    doc_id: str
    path: str
    original: str
    text: str
    sha256: str
    offsets: OffsetMap | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that text[start:end] was read from."""
        return (start, end) if self.offsets is None else self.offsets.span(start, end)

    def aligned_text(self) -> str:
        """The text laid out at the original's offsets, for display: markup blanked, each decoded reference at
        its first original character and padded with invisible word joiners (U+2060), so no word splits."""
        if self.offsets is None:
            return self.text
        out = [" " if ch not in "\r\n" else ch for ch in self.original]
        for i, ch in enumerate(self.text):
            a, b = self.offsets.span(i, i + 1)
            if b > a:
                out[a] = ch
                for k in range(a + 1, b):
                    if out[k] == " ":
                        out[k] = "\u2060"
            elif ch == "\n" and 0 < a <= len(out) and out[a - 1] == " ":
                out[a - 1] = "\n"  # a block tag's line break, on the tag's last character
        return "".join(out)


def html_to_plain(src: str) -> tuple[str, OffsetMap]:
    """The prose of an HTML text and the map of its characters back to `src` (see the module docstring)."""
    from collections import deque

    from html5lib._tokenizer import HTMLTokenizer
    from html5lib.constants import tokenTypes

    # The tokenizer turns CR LF into LF; the same-length " \n" keeps every position as it is in `src`.
    fed = src.replace("\r\n", " \n").replace("\r", "\n")
    tokenizer = HTMLTokenizer(fed)
    stream = _CountingStream(tokenizer.stream)
    tokenizer.stream = stream
    tokenizer.tokenQueue = deque()
    chars, start_tag, end_tag = (tokenTypes["Characters"], tokenTypes["SpaceCharacters"]), tokenTypes["StartTag"], \
        tokenTypes["EndTag"]
    pieces: list[str] = []
    offsets = OffsetMap()
    dropping: str | None = None  # the element whose content is being dropped (script, style, title, …)
    templates = 0  # template elements open: their content is inert

    def emit(text: str, orig_start: int, orig_end: int) -> None:
        pieces.append(text)
        offsets.add(orig_start, orig_end, len(text))

    more = True
    while more:
        state = tokenizer.state
        before = stream.pos
        more = state()
        after = stream.pos
        stream.errors.clear()
        while tokenizer.tokenQueue:
            token = tokenizer.tokenQueue.popleft()
            kind = token["type"]
            if kind in chars:
                if dropping or templates:
                    continue
                data = token["data"]
                if state.__name__ in ("entityDataState", "characterReferenceInRcdata"):
                    amp = fed.rfind("&", 0, after)
                    emit(data, amp if amp >= 0 else before, after)
                elif fed[after - len(data):after] == data or len(data) == after - before:
                    emit(data, after - len(data), after)
                else:  # not seen with html5lib 1.1; kept so a surprise maps to the call's span, not nowhere
                    emit(data, before, after)
            elif kind == start_tag:
                name = token["name"].lower()
                if name in _BLOCK_TAGS and not (dropping or templates):
                    emit("\n", after, after)
                if name == "script":
                    tokenizer.state, dropping = tokenizer.scriptDataState, name
                elif name in _RAWTEXT_DROP:
                    tokenizer.state, dropping = tokenizer.rawtextState, name
                elif name in _RCDATA_DROP:
                    tokenizer.state, dropping = tokenizer.rcdataState, name
                elif name == "plaintext":
                    tokenizer.state = tokenizer.plaintextState
                elif name == "template":
                    templates += 1
            elif kind == end_tag:
                name = token["name"].lower()
                if dropping == name:
                    dropping = None
                elif name == "template" and templates:
                    templates -= 1
                elif name in _BLOCK_TAGS and not (dropping or templates):
                    emit("\n", after, after)
    return "".join(pieces), offsets


class _CountingStream:
    """html5lib's input stream, counting the characters consumed: the tokenizer's position in the source."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.errors = stream.errors
        self.pos = 0

    def char(self):
        ch = self._stream.char()
        if isinstance(ch, str):
            self.pos += 1
        return ch

    def charsUntil(self, characters, opposite=False):  # noqa: N802 (html5lib's name)
        data = self._stream.charsUntil(characters, opposite)
        self.pos += len(data)
        return data

    def unget(self, ch) -> None:
        if isinstance(ch, str):
            self.pos -= 1
        self._stream.unget(ch)


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def markdown_to_plain(src: str) -> str:
    """Blank out Markdown syntax (headings, emphasis, link targets, code fences, list markers)."""
    out = _MD_FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), src)

    def link(m: re.Match) -> str:
        return " " * (m.start(1) - m.start(0)) + m.group(1) + " " * (m.end(0) - m.end(1))

    out = _MD_LINK.sub(link, out)
    for pattern in (_MD_HEADING, _MD_LIST, _MD_QUOTE, _MD_RULE, _MD_EMPH):
        out = pattern.sub(_blank, out)
    return out


def to_plain(original: str, suffix: str) -> str:
    """Markup-free text of a Markdown or plain text, the same length as `original` (HTML: see html_to_plain)."""
    suffix = suffix.lower()
    if suffix in (".md", ".markdown"):
        return markdown_to_plain(original)
    if suffix in HTML_SUFFIXES:
        raise ValueError("HTML is read with html_to_plain (its plain text is shorter than the original)")
    return original


def document_from_source(original: str, suffix: str, doc_id: str, path: str) -> Document:
    """A Document for a source text whose markup `suffix` names (.html/.htm, .md/.markdown, else plain)."""
    sha = hashlib.sha256(original.encode("utf-8")).hexdigest()
    if suffix.lower() in HTML_SUFFIXES:
        text, offsets = html_to_plain(original)
        return Document(doc_id, path, original, text, sha, offsets)
    return Document(doc_id, path, original, to_plain(original, suffix), sha)


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one source file into a Document; empty or whitespace-only sources are an error."""
    p = Path(path)
    if str(path) != "-" and p.suffix.lower() not in SUFFIXES:
        raise InputError(f"{p}: unsupported source type {p.suffix!r}; use one of {', '.join(SUFFIXES)}")
    doc = document_from_source(read_text(path), p.suffix, doc_id or p.stem, str(path))
    if not doc.text.strip():
        raise InputError(f"{p}: the source is empty; nothing to extract claims from")
    return doc


def document_from_text(text: str, doc_id: str, path: str | None = None) -> Document:
    """Wrap in-memory plain text as a Document (no markup)."""
    return Document(doc_id=doc_id, path=path or doc_id, original=text, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

"""Stage 1, read: .txt / .md / .html sources → plain text that keeps every character offset.

Markup is blanked out (replaced by spaces, block tags by a newline) instead of removed, so
`plain[i]` and `original[i]` always describe the same position and claim offsets point into
the original file.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import InputError
from factcheck.io import read_text

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_BLOCK_TAGS = r"(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote|pre|hr|title)"
_HTML_DROP = re.compile(r"<(script|style|noscript|head)\b.*?</\1\s*>", re.S | re.I)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_BLOCK = re.compile(rf"</?{_BLOCK_TAGS}\b[^>]*>", re.I)
_HTML_TAG = re.compile(r"<[^>]+>")
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_MD_HEADING = re.compile(r"^(#{1,6}\s+)", re.M)
_MD_LIST = re.compile(r"^(\s*(?:[-*+]|\d+[.)])\s+)", re.M)
_MD_QUOTE = re.compile(r"^(\s*>+\s?)", re.M)
_MD_EMPH = re.compile(r"(\*\*|__|\*|`+|~~)")
_MD_RULE = re.compile(r"^(\s*(?:[-*_]\s*){3,})$", re.M)
_MD_FENCE = re.compile(r"^```.*?^```\s*$", re.S | re.M)


@dataclass(frozen=True)
class Document:
    """A source document: `original` as read from disk, `text` the same length with markup blanked."""

    doc_id: str
    path: str
    original: str
    text: str
    sha256: str


def _blank(match: re.Match, newline: bool = False) -> str:
    s = match.group(0)
    if newline and s:
        return "\n" + " " * (len(s) - 1)
    return " " * len(s)


def html_to_plain(src: str) -> str:
    """Blank out tags, comments, scripts; decode entities in place (padding to keep length)."""
    out = _HTML_DROP.sub(_blank, src)
    out = _HTML_COMMENT.sub(_blank, out)
    out = _HTML_BLOCK.sub(lambda m: _blank(m, newline=True), out)
    out = _HTML_TAG.sub(_blank, out)

    def entity(m: re.Match) -> str:
        ch = html.unescape(m.group(0))
        return ch + " " * (len(m.group(0)) - len(ch)) if len(ch) <= len(m.group(0)) else m.group(0)

    return _HTML_ENTITY.sub(entity, out)


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
    """Markup-free text of the same length as `original`."""
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        return html_to_plain(original)
    if suffix in (".md", ".markdown"):
        return markdown_to_plain(original)
    return original


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one source file into a Document; empty or whitespace-only sources are an error."""
    p = Path(path)
    if str(path) != "-" and p.suffix.lower() not in SUFFIXES:
        raise InputError(f"{p}: unsupported source type {p.suffix!r}; use one of {', '.join(SUFFIXES)}")
    original = read_text(path)
    text = to_plain(original, p.suffix)
    if not text.strip():
        raise InputError(f"{p}: the source is empty; nothing to extract claims from")
    assert len(text) == len(original)
    return Document(
        doc_id=doc_id or p.stem,
        path=str(path),
        original=original,
        text=text,
        sha256=hashlib.sha256(original.encode("utf-8")).hexdigest(),
    )


def document_from_text(text: str, doc_id: str, path: str | None = None) -> Document:
    """Wrap in-memory plain text as a Document (no markup)."""
    return Document(doc_id=doc_id, path=path or doc_id, original=text, text=text,
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def iter_source_files(paths: list[str | Path]) -> list[Path]:
    """Expand files and directories into the supported source files they hold, sorted."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    if not files:
        raise InputError(f"no .txt/.md/.html sources found in {', '.join(map(str, paths))}")
    return files

"""The domain tables the rules (and the synthetic-pair generator) read: opposites, actor aliases, currencies.

Each is a text file in `data/` beside this module. A newsroom extends them without forking: a file of the same
name in the folder named by FACTCHECK_LEXICON_DIR adds its lines to the shipped ones (same format). Tables are
read once per process; `reload()` forgets them (tests, or after changing that folder).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _user_dir() -> Path | None:
    from factcheck.settings import get_settings

    return get_settings().lexicon_dir


@cache
def _sections(name: str) -> dict[str, list[str]]:
    """Content lines of a table by `[section]` ("" before the first), shipped file first, comments dropped."""
    user = _user_dir()
    paths = [DATA_DIR / name] + ([user / name] if user is not None and (user / name).is_file() else [])
    out: dict[str, list[str]] = {}
    for path in paths:
        section = ""
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.startswith("[") and line.endswith("]"):
                section = line[1:-1].strip()
            elif line:
                out.setdefault(section, []).append(line)
    return out


def _items(side: str) -> list[str]:
    return [w.strip().lower() for w in side.split(",") if w.strip()]


@cache
def opposites(section: str) -> dict[str, frozenset[str]]:
    """word -> its opposites, from the `[section]` ("words" or "predicates") of opposites.txt; symmetric."""
    out: dict[str, set[str]] = {}
    for line in _sections("opposites.txt").get(section, []):
        if "|" not in line:
            continue
        left, right = line.split("|", 1)
        for a in _items(left):
            for b in _items(right):
                out.setdefault(a, set()).add(b)
                out.setdefault(b, set()).add(a)
    return {word: frozenset(opp) for word, opp in out.items()}


@cache
def opposite_forms() -> dict[str, str]:
    """word form -> the one form that replaces it, from `[forms]` of opposites.txt (the first pair wins)."""
    out: dict[str, str] = {}
    for line in _sections("opposites.txt").get("forms", []):
        a, _, b = (w.strip().lower() for w in line.partition("|"))
        if a and b:
            out.setdefault(a, b)
            out.setdefault(b, a)
    return out


def _mapping(name: str, lower_key: bool) -> dict[str, str]:
    """form -> canonical name, from "canonical: form, form" lines."""
    out: dict[str, str] = {}
    for line in _sections(name).get("", []):
        canonical, _, forms = line.partition(":")
        canonical = canonical.strip().lower() if lower_key else canonical.strip()
        out.update(dict.fromkeys(_items(forms), canonical))
    return out


@cache
def aliases() -> dict[str, str]:
    """Lower-case name, short form or demonym -> the actor's canonical name ("american" -> "united states")."""
    return _mapping("aliases.txt", lower_key=True)


@cache
def currencies() -> dict[str, str]:
    """Lower-case currency symbol or word -> its code ("$" -> "USD", "pesos" -> "COP")."""
    return _mapping("currencies.txt", lower_key=False)


def reload() -> None:
    """Forget the tables read so far; the next use reads them again (with FACTCHECK_LEXICON_DIR as it is now)."""
    for cached in (_sections, opposites, opposite_forms, aliases, currencies):
        cached.cache_clear()

"""The domain tables the rules (and the synthetic-pair generator) read: opposites, actor aliases, currencies,
people nouns, holidays.

Actor aliases also cover every country from the `countryinfo` package (MIT): its name, longer official
names and demonym ("Colombian", "Republic of Colombia"), below the shipped and the newsroom's own lines,
which win where they disagree; `capitals()` maps capitals to their country ("Bogotá" -> Colombia), for the
rules to use where a capital stands for its government.

Each is a text file in `data/` beside this module. A newsroom extends them without forking: a file of the same
name in the folder named by FACTCHECK_LEXICON_DIR adds its lines to the shipped ones (same format). Tables are
read once per process; `reload()` forgets them (tests, or after changing that folder).
"""

from __future__ import annotations

import unicodedata
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
    """word -> its opposites, from the `[section]` ("words" or "predicates") of opposites.txt; symmetric.
    "words" also has the opposites derived from WordNet (wordnet_opposites.txt, scripts/build_wordnet_opposites.py)."""
    out: dict[str, set[str]] = {}
    lines = _sections("opposites.txt").get(section, [])
    if section == "words":  # plus the adjectives, nouns and adverbs derived from WordNet
        lines = lines + _sections("wordnet_opposites.txt").get("words", [])
    for line in lines:
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


# Capitals that are also common words or other places' names in English news, not read as their country.
_AMBIGUOUS_CAPITALS = frozenset({
    "malé", "victoria", "city of victoria", "hamilton", "douglas", "stanley", "plymouth", "kingston", "kingstown",
    "georgetown", "george town", "jamestown", "the valley", "jerusalem", "saint-denis", "west island",
    "flying fish cove", "king edward point", "diego garcia", "road town", "santiago", "san juan", "sucre",
    "edinburgh", "saint-pierre", "gustavia", "marigot",
})


def _plain(text: str) -> str:
    """`text` without accents ("bogotá" -> "bogota"), the spelling English copy often uses."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _country_forms() -> list[tuple[list[str], list[str]]]:
    """Per country, (its lower-case names: name first, official names, demonyms; its capitals)."""
    from countryinfo import all_countries

    out = []
    for country in all_countries():
        name = (country.name() or "").strip().lower()
        if not name:
            continue
        forms = [name]
        forms += [a.lower() for a in country.alt_spellings() or [] if " " in a and "," not in a]
        forms += [d.strip().lower() for d in str(country.demonym() or "").split(",") if d.strip() not in {"", "None"}]
        capitals = []
        listed: str | list[str] = country.capital() or []
        for cap in [listed] if isinstance(listed, str) else listed:
            cap = cap.strip().lower().removesuffix(" d.c.")
            if cap and "/" not in cap and cap not in _AMBIGUOUS_CAPITALS:
                capitals.append(cap)
        spelled = [list(dict.fromkeys(f for form in group for f in (form, _plain(form)))) for group in (forms, capitals)]
        out.append((spelled[0], spelled[1]))
    return out


@cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    own = _mapping("aliases.txt", lower_key=True)
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for forms, caps in _country_forms():
        canonical = next((own[f] for f in forms if f in own), forms[0])
        for form in forms:
            names.setdefault(form, canonical)
        for cap in caps:
            capitals.setdefault(cap, canonical)
    names.update(own)
    return names, capitals


def aliases() -> dict[str, str]:
    """Lower-case name, short form or demonym -> the actor's canonical name ("american" -> "united states")."""
    return _countries()[0]


def capitals() -> dict[str, str]:
    """Lower-case capital -> its country's canonical name ("bogotá" -> "colombia"): the capital names the
    country when it acts ("Washington and Bogotá clashed"), not when it is a place ("killed in Bogotá")."""
    return _countries()[1]


@cache
def country_names() -> frozenset[str]:
    """The canonical names the alias and capital tables map to ("united states", "colombia")."""
    return frozenset(aliases().values()) | frozenset(capitals().values())


@cache
def currencies() -> dict[str, str]:
    """Lower-case currency symbol or word -> its code ("$" -> "USD", "pesos" -> "COP")."""
    return _mapping("currencies.txt", lower_key=False)


@cache
def person_nouns() -> frozenset[str]:
    """Lower-case singular nouns that name people ("employee", "adult", "staff"), from person_nouns.txt (WordNet
    3.0, built by scripts/build_person_nouns.py)."""
    return frozenset(_sections("person_nouns.txt").get("", []))


@cache
def holidays() -> frozenset[str]:
    """Lower-case holiday names ("easter", "new year's day"), from holidays.txt: dates to the coverage rule."""
    return frozenset(line.lower() for line in _sections("holidays.txt").get("", []))


def reload() -> None:
    """Forget the tables read so far; the next use reads them again (with FACTCHECK_LEXICON_DIR as it is now)."""
    for cached in (_sections, opposites, opposite_forms, _countries, currencies, person_nouns, holidays):
        cached.cache_clear()

"""Statements that are not statements: recognised before any verdict, answered as such, never SUPPORTED.

Two kinds of problem:

- **Broken input** (`input_problem`): empty, bytes that are not text, no letters at all, a number a shell
  garbled ("exceeded 00 million" after `$4` was read as a variable). Nothing can be checked and the user
  should fix the input: `check` exits 2, `batch` writes an ERROR row, `review` skips the sentence and says
  why. These tests are cheap and run before any model loads.
- **Text that cannot be judged** (`unjudgeable`): one word, no verb (a fragment such as "US aid Colombia"),
  the same word over and over, not English (another script, or detected as another language). The answer is
  NOT_ENOUGH_INFO with the reason; no evidence is looked up, so no similar-looking sentence can support it.

The language check uses py3langid (its model ships in the wheel) only when the cheap script and stop-word
tests leave it open; measured in docs/STATEMENTS.md.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# An amount that starts with 0 and another digit right before a scale word or percent: "00 million",
# "05%", "00,000" — what is left of "$400 million" once a shell has replaced `$4` by nothing.
_GARBLED_AMOUNT = re.compile(
    r"(?<![\w.,])0\d+(?:[.,]\d+)*\s*(?:%|percent\b|per cent\b|million\b|billion\b|trillion\b|thousand\b|bn\b|m\b)",
    re.I)
# A currency sign with a scale word but no number: "$ million".
_BARE_CURRENCY = re.compile(r"[$£€¥]\s*(?:million|billion|trillion|thousand|bn)\b", re.I)
# Characters that never occur in typed text: C0/C1 controls (tab and newlines aside), the replacement
# character left by a failed decode, lone surrogates (undecodable bytes passed through argv).
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")

MIN_WORDS = 2
# Detected language: flag only at least this many words, with fewer than this share of English stop words,
# and py3langid's normalised probability for a language other than English at least LANG_PROBABILITY.
# Measured (docs/STATEMENTS.md): 0 of 462 English statements flagged, 275 of 324 Latin-script others.
LANG_MIN_WORDS = 3
LANG_MAX_STOP_SHARE = 1 / 3
LANG_PROBABILITY = 0.5

LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
             "ca": "Catalan", "ro": "Romanian", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "sv": "Swedish",
             "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish", "hu": "Hungarian",
             "tr": "Turkish", "id": "Indonesian", "ms": "Malay", "tl": "Tagalog", "vi": "Vietnamese",
             "hr": "Croatian", "sl": "Slovenian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
             "eu": "Basque", "gl": "Galician", "la": "Latin", "af": "Afrikaans", "sw": "Swahili", "sq": "Albanian"}


def words(text: str) -> list[str]:
    """The words of `text` (letters, inner apostrophes), lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


def input_problem(text: str) -> str | None:
    """Why `text` (stripped, non-empty) is not usable input at all, or None. Needs no model."""
    bad = _NOT_TEXT.search(text)
    if bad:
        return (f"the statement contains a character that is not text ({_describe(bad.group())} at position "
                f"{bad.start() + 1}): it was probably not UTF-8; re-type it or convert the file to UTF-8")
    if not any(ch.isalpha() for ch in text):
        return "the statement has no words, only digits, symbols or punctuation"
    garbled = _GARBLED_AMOUNT.search(text) or _BARE_CURRENCY.search(text)
    if garbled:
        return (f"the amount “{garbled.group().strip()}” looks garbled (no amount starts with 0, and a currency "
                "sign needs a number); if you typed it in a shell, `$4` in \"$400\" was read as a variable: "
                "put the statement in single quotes")
    return None


def unjudgeable(text: str) -> str | None:
    """Why `text` cannot be judged against an English source (NOT_ENOUGH_INFO), or None when it can."""
    ws = words(text)
    if len(ws) < MIN_WORDS:
        return "it is a single word, not a statement"
    script = _other_script(text)
    if script:
        return f"it is not written in English ({script} script); the sources are checked in English"
    if _repeats(ws):
        return "it repeats the same words instead of making a statement"
    language = _other_language(text, ws)
    if language:
        return f"it does not look like English (detected: {language}); the sources are checked in English"
    from factcheck.ingest.nlp import parse

    cased = text[0] + text[1:].lower() if text.isupper() else text  # SHOUTED text is tagged all proper nouns
    if not any(_may_be_verb(t) for t in parse(cased)):
        return "it has no verb: it names things but does not say anything about them that could be checked"
    return None


def _may_be_verb(token) -> bool:
    """A verb, or a word the small tagger may have taken for a noun although it can be one ("Alderbrook
    floods every spring": floods/NOUN): a fragment must be verbless beyond doubt."""
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return True
    if token.dep_ == "ROOT" and {"nsubj", "dobj"} <= {c.dep_ for c in token.children}:
        return True  # "Petro and Trump share the same ideology": share/NOUN with a subject and an object
    word = token.lower_
    return (token.pos_ in ("NOUN", "ADJ", "PROPN") and token.is_alpha and len(word) >= 4
            and (word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))))


def _describe(ch: str) -> str:
    if "\ud800" <= ch <= "\udfff":
        return f"undecodable byte 0x{ord(ch) & 0xFF:02X}" if "\udc80" <= ch <= "\udcff" else "a lone surrogate"
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character').lower()}"


def _other_script(text: str) -> str | None:
    """The main script of `text` when fewer than half its letters are Latin."""
    scripts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ")[0] if name else "unknown"
            scripts[script] = scripts.get(script, 0) + 1
    total = sum(scripts.values())
    if not total or scripts.get("LATIN", 0) * 2 >= total:
        return None
    main = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
    return {"CJK": "Chinese/Japanese (CJK)"}.get(main, main.title())


def _repeats(ws: list[str]) -> bool:
    """The same word three times running, or (four words or more) under half the words distinct."""
    if any(ws[i] == ws[i + 1] == ws[i + 2] for i in range(len(ws) - 2)):
        return True
    return len(ws) >= 4 and len(set(ws)) * 2 < len(ws)


def _other_language(text: str, ws: list[str]) -> str | None:
    from spacy.lang.en.stop_words import STOP_WORDS  # importing spaCy takes seconds: not before it is needed

    if len(ws) < LANG_MIN_WORDS or sum(w in STOP_WORDS for w in ws) >= LANG_MAX_STOP_SHARE * len(ws):
        return None
    lang, probability = _identifier().classify(text)
    if lang == "en" or probability < LANG_PROBABILITY:
        return None
    return LANGUAGES.get(lang, lang)


@lru_cache(maxsize=1)
def _identifier():
    """py3langid's identifier with normalised probabilities (its model ships in the wheel; ~1–3 s to load)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

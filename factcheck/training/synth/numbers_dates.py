"""Contradiction transforms on numbers and dates: change a quantity, its scale, a year, a month or a weekday."""

from __future__ import annotations

import random
import re

from factcheck.judge.rules.patterns import ANY_YEAR, CURRENCY_SIGNS, MONTHS, NUMBER, PERCENT, WEEKDAYS
from factcheck.training.synth.base import SynthContext, _case_like

_SCALE_SWAP = {
    "thousand": ["million"],
    "million": ["billion", "thousand"],
    "billion": ["million", "trillion"],
    "trillion": ["billion"],
    "m": ["bn"],
    "bn": ["m"],
}
_NUM_RE = re.compile(
    rf"(?P<cur>[{re.escape(CURRENCY_SIGNS)}])?(?P<num>{NUMBER})"
    rf"(?P<sp>\s?)(?P<unit>{PERCENT}|" + "|".join(rf"{w}\b" for w in _SCALE_SWAP) + ")?"
)
_YEAR_LIKE = re.compile(rf"^{ANY_YEAR}$")
_WORD_NUMS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_WORD_NUM_RE = re.compile(r"\b(" + "|".join(_WORD_NUMS) + r")\b", re.IGNORECASE)


def _fmt_like(value: float, original: str) -> str:
    decimals = len(original.split(".")[1]) if "." in original else 0
    if decimals == 0:
        s = f"{int(round(value)):,}" if "," in original else str(int(round(value)))
    else:
        s = f"{value:,.{decimals}f}" if "," in original else f"{value:.{decimals}f}"
    return s


def _tidy_decimals(num: str, scaled: bool) -> str:
    """"83.0" -> "83"; before a scale word also "4.50 billion" -> "4.5 billion" (cents stay: "£31.90")."""
    if "." not in num:
        return num
    whole, frac = num.split(".")
    frac = frac.rstrip("0") if scaled or not frac.strip("0") else frac
    return whole + "." + frac if frac else whole


def _number_matches(text: str) -> list[re.Match]:
    out = []
    for m in _NUM_RE.finditer(text):
        start, end = m.start(), m.end()
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in ".:/-" or after.isalnum() or after in ":/":
            continue
        if after == "." and end + 1 < len(text) and text[end + 1].isdigit():
            continue
        if not m.group("cur") and not m.group("unit") and _YEAR_LIKE.match(m.group("num")):
            continue  # years belong to date_change
        out.append(m)
    return out


def number_change(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Change one number (and possibly its scale word); percentages stay in 1..99."""
    text = doc.text
    matches = _number_matches(text)
    if not matches:
        wm = list(_WORD_NUM_RE.finditer(text))
        if not wm:
            return None
        m = rng.choice(wm)
        choices = [w for w in _WORD_NUMS if w != m.group(1).lower()]
        return text[: m.start()] + _case_like(rng.choice(choices), m.group(1)) + text[m.end():]
    m = rng.choice(matches)
    num_s, unit = m.group("num"), (m.group("unit") or "")
    value = float(num_s.replace(",", ""))
    unit_l = unit.lower()
    new_num, new_unit = num_s, unit
    if unit_l in _SCALE_SWAP and rng.random() < 0.4:
        new_unit = _case_like(rng.choice(_SCALE_SWAP[unit_l]), unit)
    elif unit_l in ("%", "percent", "per cent"):
        for _ in range(20):
            cand = round(value * rng.choice([0.25, 0.5, 0.6, 1.5, 2.0, 3.0])) if value >= 2 else rng.randint(5, 95)
            if 1 <= cand <= 99 and abs(cand - value) >= 3:
                break
        else:
            cand = rng.choice([v for v in (10, 25, 40, 60, 75, 90) if abs(v - value) >= 3])
        new_num = str(int(cand))
    else:
        if value == 0:
            return None
        if value <= 12 and value == int(value):
            new_val: float = rng.choice([v for v in range(1, 25) if v != int(value)])
        else:
            for _ in range(20):
                new_val = value * rng.choice([0.1, 0.2, 0.25, 0.5, 2.0, 3.0, 4.0, 10.0])
                if _fmt_like(new_val, num_s) != num_s and new_val > 0:
                    break
        new_num = _tidy_decimals(_fmt_like(new_val, num_s), scaled=unit_l in _SCALE_SWAP)
        if float(new_num.replace(",", "")) == 0:
            return None
    if new_num == num_s and new_unit == unit:
        return None
    rep = (m.group("cur") or "") + new_num + m.group("sp") + new_unit
    return text[: m.start()] + rep + text[m.end():]


# --------------------------------------------------------------------------- dates

_MONTHS = list(MONTHS)
_DAYS = list(WEEKDAYS)
_YEAR_RE = re.compile(rf"(?<![\d{re.escape(CURRENCY_SIGNS)}.,/:-])({ANY_YEAR})(?!\d|,\d|%|/|:)"
                      r"(?!\s*(?:million|billion|percent|%|people))")


def date_change(doc, rng: random.Random, ctx: SynthContext) -> str | None:
    """Shift a year by 1..12 years, or swap a month/weekday name inside a DATE entity."""
    text = doc.text
    targets: list[tuple[int, int, str]] = []
    for m in _YEAR_RE.finditer(text):
        year = int(m.group(1))
        deltas = [d for d in range(-12, 13) if d and 1600 <= year + d <= 2026]
        if deltas:
            targets.append((m.start(), m.end(), str(year + rng.choice(deltas))))
    for tok in doc:
        if tok.ent_type_ in ("DATE", "TIME") or tok.ent_type_ == "" and tok.text in _DAYS:
            if tok.text in _MONTHS:
                targets.append((tok.idx, tok.idx + len(tok.text), rng.choice([x for x in _MONTHS if x != tok.text])))
            elif tok.text in _DAYS:
                targets.append((tok.idx, tok.idx + len(tok.text), rng.choice([x for x in _DAYS if x != tok.text])))
    if not targets:
        return None
    s, e, rep = rng.choice(targets)
    return text[:s] + rep + text[e:]

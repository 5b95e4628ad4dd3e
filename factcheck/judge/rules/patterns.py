"""Regular-expression pieces for figures and dates: one definition, used by the quantities and dates rules and
by the synthetic-pair generator (factcheck.training.synth)."""

from __future__ import annotations

# A written number: 1,234,567.89 or 1234.5 (no sign; the thousands commas must be well placed).
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PERCENT = r"%|percent\b|per cent\b"
# The years the rules compare: 1900-2099 ("1850 soldiers" is more likely a count than a date in the news).
YEAR = r"(?:19|20)\d\d"
DECADE = r"(?:19|20)\d0"
# The years the synthetic-pair generator shifts (historical text included): 1500-2099.
ANY_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH = "(?:" + "|".join(MONTHS) + ")"
# Abbreviated months, only read before a day number ("Jan. 3", "Sept 12"); "May" needs no abbreviation.
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
# Lower-case month and weekday names: words of a date, not of what it dates ("the January 3 attack").
MONTH_WORDS = frozenset(m.lower() for m in MONTHS)
DATE_WORDS = MONTH_WORDS | {w.lower() for w in WEEKDAYS}
# A day of the month, with an optional ordinal suffix ("3", "03", "3rd", "31st").
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# Signs written before a figure that the generator keeps as they are ("$400" -> "$40").
CURRENCY_SIGNS = "$£€"

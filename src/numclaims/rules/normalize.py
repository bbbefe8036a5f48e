"""Normalized forms of dates, clock times, durations, ages and phone numbers (pure: no spaCy).

The forms follow ISO 8601, with ``X`` for what the text leaves out (as TIMEX3 does):

- a date: ``"7 de febrero"`` -> ``"XXXX-02-07"``, ``"octubre de 2019"`` -> ``"2019-10"``,
  ``"15/06/2024"`` -> ``"2024-06-15"`` (day first, as Spanish writes it), ``"15/06/24"``
  -> ``"XX24-06-15"`` (the century is not written);
- a clock time: ``"14:30"`` -> ``"T14:30"``, ``"a las 9"`` (the hour 9) -> ``"T09:00"``;
- a duration or an age: ``"48 horas"`` -> ``"PT48H"``, ``"65 años"`` -> ``"P65Y"``,
  ``"dos décadas"`` -> ``"P20Y"``;
- a year: ``"2019"``; a phone number: its digits, with the ``+`` of an international one.

The month numbers and the time nouns are in ``lang/es/normalize.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..claim import plain_decimal
from ..lang import table
from .text import fold

__all__ = [
    "DurationUnit",
    "duration_unit",
    "iso_date",
    "iso_duration",
    "iso_time",
    "iso_year",
    "phone_digits",
]


@dataclass(frozen=True)
class DurationUnit:
    """A time noun: its ISO 8601 designator, how many of it one noun is, and its name."""

    designator: str  # "Y", "M", "W", "D", "H", "M" (minutes), "S"
    count: int  # "década": 10 (years)
    clock: bool  # hours, minutes and seconds go after the "T"
    name: str  # "año", "hora"


_ISO_UNIT = regex.compile(r"P(T?)(\d+)([YMWDHS])")


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, int], dict[str, DurationUnit]]:
    raw = table("normalize")
    months = {fold(k): int(v) for k, v in raw["month_numbers"].items()}
    units: dict[str, DurationUnit] = {}
    for noun, spec in raw["duration_units"].items():
        m = _ISO_UNIT.fullmatch(spec["iso"])
        if m is None:
            raise ValueError(f"normalize.json: {spec['iso']!r} is not a one-unit ISO duration")
        clock = m.group(1) == "T"
        units[fold(noun)] = DurationUnit(m.group(3), int(m.group(2)), clock, spec["name"])
    return months, units


def duration_unit(word: str) -> DurationUnit | None:
    """The time noun ``word`` (any case, accents, singular or plural), or ``None``.

    Example:
        >>> duration_unit("Décadas")
        DurationUnit(designator='Y', count=10, clock=False, name='década')
    """
    _, units = _data()
    w = fold(word)
    for candidate in (w, w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else ""):
        if candidate and candidate in units:
            return units[candidate]
    return None


def iso_duration(value: Decimal, unit: DurationUnit) -> str | None:
    """``value`` of ``unit`` as an ISO 8601 duration; ``None`` for a negative value.

    Example:
        >>> hours, years = duration_unit("horas"), duration_unit("años")
        >>> iso_duration(Decimal(48), hours), iso_duration(Decimal("1.5"), years)
        ('PT48H', 'P1.5Y')
    """
    if value < 0:
        return None
    amount = plain_decimal(value * unit.count)
    return f"P{'T' if unit.clock else ''}{amount}{unit.designator}"


_YEAR = regex.compile(r"(?<!\d)\d{4}(?!\d)")
_DAY = regex.compile(r"(?<!\d)\d{1,2}(?!\d)")
_NUMERIC_DATE = regex.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_LETTERS = regex.compile(r"\p{L}+")


def _date(year: str, month: int, day: int | None) -> str | None:
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    out = f"{year}-{month:02d}"
    return f"{out}-{day:02d}" if day is not None else out


def iso_date(text: str) -> str | None:
    """The date written ``text`` as a partial ISO 8601 date, or ``None`` if it is no date.

    Example:
        >>> iso_date("7 de febrero"), iso_date("octubre de 2019"), iso_date("15/06/2024")
        ('XXXX-02-07', '2019-10', '2024-06-15')
    """
    months, _ = _data()
    month = next((months[w] for w in map(fold, _LETTERS.findall(text)) if w in months), None)
    if month is not None:
        year_m = _YEAR.search(text)
        year = year_m.group() if year_m is not None else "XXXX"
        rest = text[: year_m.start()] + " " + text[year_m.end() :] if year_m else text
        day_m = _DAY.search(rest)
        return _date(year, month, int(day_m.group()) if day_m is not None else None)
    m = _NUMERIC_DATE.search(text)
    if m is None:
        return None
    a, b, c = m.groups()
    if len(a) == 4:  # 2024-06-15
        return _date(a, int(b), int(c)) if len(c) <= 2 else None
    if len(c) not in (2, 4) or len(a) > 2:
        return None
    return _date(c if len(c) == 4 else f"XX{c}", int(b), int(a))


_CLOCK = regex.compile(r"(\d{1,2})[:h](\d{2})")


def iso_time(text: str, value: Decimal | None) -> str | None:
    """The clock time ``text`` ("14:30", "9h30"; an hour alone has ``value``) as ISO 8601.

    Example:
        >>> iso_time("14:30", None), iso_time("9", Decimal(9))
        ('T14:30', 'T09:00')
    """
    m = _CLOCK.search(text)
    if m is not None:
        hour, minute = int(m.group(1)), int(m.group(2))
    elif value is not None and value == value.to_integral_value():
        hour, minute = int(value), 0
    else:
        return None
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"T{hour:02d}:{minute:02d}"


def iso_year(value: Decimal | None) -> str | None:
    """A year as its four (or more) digits; ``None`` if it is not a whole number."""
    if value is None or value != value.to_integral_value() or value < 0:
        return None
    return f"{int(value):04d}"


def phone_digits(text: str) -> str | None:
    """A phone number's digits, with the ``+`` of an international prefix ("+34912345678")."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return None
    return ("+" if text.lstrip()[:1] == "+" else "") + digits


def normalized_of(kind: str, text: str, value: Decimal | None) -> Any:
    """The normalized form of a mention of a kind with no unit (year, date, time, phone),
    or ``None``."""
    if kind == "year":
        return iso_year(value)
    if kind == "date":
        return iso_date(text)
    if kind == "time":
        return iso_time(text, value)
    if kind == "phone":
        return phone_digits(text)
    return None

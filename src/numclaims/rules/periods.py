"""The time a figure refers to: dates, periods and relative time, as partial ISO (pure).

"en 2015" → ``2015``; "en marzo de 2019" → ``2019-03``; "el 7 de febrero" → ``XXXX-02-07``;
"entre 2010 y 2018" → ``2010/2018``; "a partir de septiembre" → ``XXXX-09/..``. Relative
expressions ("el mes pasado", "hace 15 años", "este martes", "el último año") are resolved
against a reference date when one is given, and left relative (``normalized`` is ``None``,
``offset`` says what they mean) otherwise: never guessed.

Example:
    >>> from datetime import date
    >>> [t.normalized for t in find_times("Subió en marzo de 2019 y bajó entre 2010 y 2018.")]
    ['2019-03', '2010/2018']
    >>> find_times("hace 15 años")[0].normalized is None
    True
    >>> find_times("hace 15 años", reference_date=date(2026, 12, 1))[0].normalized
    '2011'
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import regex

from ..lang import table
from .numerals import parse_number
from .patterns import any_of_folded as _alt
from .text import fold, fold_keep_length

__all__ = ["TimeExpr", "find_times", "nearest_time"]

#: Between a month and its year: "marzo de 2019", "noviembre del año 2000", "1 marzo, 2021".
_YEAR_LINK = r"(?:\s+(?:de|del)\s+(?:ano\s+)?|,\s*)"

#: The years in each unit counted in years.
_YEARS_PER = {"year": 1, "decade": 10, "lustrum": 5}

#: Years read as years: four digits from 1500 to 2099.
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d.,]\d)"


@dataclass(frozen=True)
class TimeExpr:
    """A date or period in a text.

    Attributes:
        start: Offset of its first character.
        end: Offset after its last character.
        text: The words.
        normalized: Partial ISO 8601 (``2019-03``, ``XXXX-02-07``, ``2010/2018``,
            ``2000/..``), or ``None`` for a relative expression with no reference date.
        relative: Whether it is relative to the time of writing ("el mes pasado").
        offset: For a relative expression, what it means: ``{"unit": "month",
            "amount": -1}``, ``{"weekday": 1, "week": 0}`` ("este martes").
    """

    start: int
    end: int
    text: str
    normalized: str | None
    relative: bool = False
    offset: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-safe form: ``text``, ``start_char``, ``end_char``, ``normalized``,
        ``relative`` and, for relative ones, ``offset``."""
        out: dict[str, Any] = {
            "text": self.text,
            "start_char": self.start,
            "end_char": self.end,
            "normalized": self.normalized,
            "relative": self.relative,
        }
        if self.relative:
            out["offset"] = dict(self.offset)
        return out


@dataclass(frozen=True)
class _Data:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    units: Mapping[str, str]
    days: Mapping[str, int]
    between: Mapping[str, frozenset[str]]
    since: frozenset[str]
    until: frozenset[str]
    past: frozenset[str]
    nxt: frozenset[str]
    this: frozenset[str]
    last: frozenset[str]
    pattern: regex.Pattern[str]


@lru_cache(maxsize=1)
def _data() -> _Data:
    t = table("relations")["time"]
    months = {fold(k): int(v) for k, v in t["months"].items()}
    weekdays = {fold(w): i for i, w in enumerate(t["weekdays"])}
    units = {fold(k): str(v) for k, v in t["units"].items()}
    month, wday, unit = _alt(months), _alt(weekdays), _alt(units)
    between = {fold(k): frozenset(fold(j) for j in v) for k, v in t["between_cues"].items()}
    joins = _alt({j for v in between.values() for j in v})
    cues = _alt(between)
    day = r"(?:[12]\d|3[01]|0?[1-9]|1\.?o|primero)"
    # a date: "7 de febrero (de 2021)", "marzo de 2019", "2015", an optional weekday before
    point = (
        rf"(?:(?:{wday})\s+)?{day}\s+(?:de\s+)?(?:{month})\b(?:{_YEAR_LINK}{_YEAR})?"
        rf"|(?:{month})(?:{_YEAR_LINK}){_YEAR}"
        rf"|(?:(?:el\s+)?(?:ano\s+)?){_YEAR}"
    )
    at = _alt(t["at_cues"])
    lead = rf"(?:(?P<since>{_alt(t['since_cues'])})|(?P<until>{_alt(t['until_cues'])})|{at})"
    rel_word = _alt([*t["past_words"], *t["next_words"], *t["this_words"], *t["last_words"]])
    number = r"(?:\d{1,4}|[a-zñ]{2,12}(?:\s+y\s+[a-zñ]{2,8})?)"
    pattern = (
        # "entre 2010 y 2018", "del 10 de marzo al 12 de abril"
        rf"(?P<between>\b(?P<bcue>{cues})\s+(?:el\s+|los\s+anos\s+)?(?P<a>{point})\s+"
        rf"(?P<bj>{joins})\s+(?:el\s+)?(?P<b>{point}))"
        rf"|(?P<days>\b(?P<dcue>{cues})\s+(?:el\s+)?(?P<d1>{day})\s+(?P<dj>{joins})\s+"
        rf"(?:el\s+)?(?P<d2>{day}\s+(?:de\s+)?(?:{month})\b(?:{_YEAR_LINK}{_YEAR})?))"
        rf"|(?P<dash>\b(?P<da>{_YEAR})\s?[-–]\s?(?P<db>{_YEAR})\b)"
        # "hace 15 años", "los últimos diez años"
        rf"|(?P<ago>\b{_alt(t['ago_words'])}\s+(?P<an>{number})\s+(?P<au>{unit})\b)"
        rf"|(?P<lastn>\b(?:los|las)\s+(?:{_alt(t['last_words'])})\s+(?P<ln>{number})\s+"
        rf"(?P<lu>{unit})\b)"
        # "el mes pasado", "este año", "el último año", "el próximo martes", "este martes"
        rf"|(?P<rel>\b(?:(?:el|la|los|las)\s+)?(?:(?P<rw1>{rel_word})\s+)?"
        rf"(?P<ru>{unit}|{wday})(?:\s+(?P<rw2>{rel_word}))?\b)"
        rf"|(?P<day>\b(?:{_alt(t['days'])})\b)"
        # "en marzo de 2019", "a partir de septiembre", "el 7 de febrero", "en 2015"
        rf"|(?P<point>\b(?:{lead})\s+(?:el\s+|los\s+)?(?P<p>{point}|(?P<mo>{month})\b))"
        rf"|(?P<bare>\b(?P<bp>{day}\s+(?:de\s+)?(?:{month})\b(?:{_YEAR_LINK}{_YEAR})?"
        rf"|(?:{month})(?:{_YEAR_LINK}){_YEAR}))"
    )
    return _Data(
        months=months,
        weekdays=weekdays,
        units=units,
        days={fold(k): int(v) for k, v in t["days"].items()},
        between=between,
        since=frozenset(fold(w) for w in t["since_cues"]),
        until=frozenset(fold(w) for w in t["until_cues"]),
        past=frozenset(fold(w) for w in t["past_words"]),
        nxt=frozenset(fold(w) for w in t["next_words"]),
        this=frozenset(fold(w) for w in t["this_words"]),
        last=frozenset(fold(w) for w in t["last_words"]),
        pattern=regex.compile(pattern),  # matched on folded (lower-case) text
    )


@lru_cache(maxsize=1)
def _point_re() -> regex.Pattern[str]:
    d = _data()
    month = _alt(d.months)
    return regex.compile(
        rf"(?:(?P<d>[12]\d|3[01]|0?[1-9]|1\.?o|primero)\s+(?:de\s+)?)?(?P<m>{month})\b"
        rf"(?:{_YEAR_LINK}(?P<y>{_YEAR}))?|(?P<yo>{_YEAR})",
        regex.IGNORECASE,
    )


def _iso_point(folded: str) -> str | None:
    """ "7 de febrero de 2021" → ``2021-02-07``; "marzo" → ``XXXX-03``; "2015" → ``2015``."""
    m = _point_re().search(folded)
    if m is None:
        return None
    if m.group("yo"):
        return m.group("yo")
    month = _data().months.get(m.group("m").lower())
    if month is None:
        return None
    year = m.group("y") or "XXXX"
    if m.group("d") is None:
        return f"{year}-{month:02d}"
    d = m.group("d").lower().replace(".", "")
    day = 1 if d in ("1o", "primero") else int(d)
    if year != "XXXX" and day > calendar.monthrange(int(year), month)[1]:
        return None
    if day > 31:
        return None
    return f"{year}-{month:02d}-{day:02d}"


def _shift(ref: date, unit: str, amount: int) -> str:
    """The calendar unit of ``ref`` moved by ``amount`` units, as partial ISO.

    Raises:
        ValueError: If that falls outside years 1 to 9999.
    """
    if unit in _YEARS_PER:
        year = ref.year + amount * _YEARS_PER[unit]
        if not 1 <= year <= 9999:
            raise ValueError(year)
        return f"{year:04d}"
    if unit == "month":
        k = ref.year * 12 + ref.month - 1 + amount
        if not 1 <= k // 12 <= 9999:
            raise ValueError(k)
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    if unit == "week":
        y, w, _ = (ref + timedelta(weeks=amount)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    return (ref + timedelta(days=amount)).isoformat()


def _back(ref: date, unit: str, amount: int) -> date:
    """``ref`` minus ``amount`` units (a month end clamps: 31 March minus a month is 28/29
    February)."""
    if unit in ("day", "week"):
        return ref - timedelta(days=amount * (7 if unit == "week" else 1))
    months = amount * {"month": 1, "year": 12, "decade": 120, "lustrum": 60}.get(unit, 12)
    k = ref.year * 12 + ref.month - 1 - months
    y, mo = k // 12, k % 12 + 1
    return date(y, mo, min(ref.day, calendar.monthrange(y, mo)[1]))


def _count(words: str) -> int | None:
    n = parse_number(words)
    if n is None or n != n.to_integral_value() or not 0 < n <= 1000:
        return None
    return int(n)


def _relative(m: regex.Match[str], ref: date | None) -> tuple[str | None, dict[str, Any]] | None:
    d = _data()
    if m.group("ago") is not None:
        n, unit = _count(m.group("an")), d.units[m.group("au").lower()]
        if n is None:
            return None
        offset: dict[str, Any] = {"unit": unit, "amount": -n}
        return (_shift(ref, unit, -n) if ref else None), offset
    if m.group("lastn") is not None:
        n, unit = _count(m.group("ln")), d.units[m.group("lu").lower()]
        if n is None:
            return None
        offset = {"unit": unit, "amount": -n, "period": True}
        return (f"{_back(ref, unit, n).isoformat()}/{ref.isoformat()}" if ref else None), offset
    if m.group("day") is not None:
        k = d.days[m.group("day").lower()]
        return (ref + timedelta(days=k)).isoformat() if ref else None, {"unit": "day", "amount": k}
    words = {(m.group("rw1") or "").lower(), (m.group("rw2") or "").lower()} - {""}
    if len(words) != 1:
        return None  # "el año", "el martes": no relative word, nothing to resolve
    word = words.pop()
    ru = m.group("ru").lower()
    if ru in d.weekdays:
        wd = d.weekdays[ru]
        week = -1 if word in d.past else 1 if word in d.nxt else 0 if word in d.this else None
        if week is None:
            return None
        offset = {"weekday": wd, "week": week}
        if ref is None:
            return None, offset
        day = ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
        if week == -1:
            day = day if day < ref else day - timedelta(weeks=1)
        elif week == 1:
            day = day if day > ref else day + timedelta(weeks=1)
        return day.isoformat(), offset
    unit = d.units[ru]
    if word in d.last:
        # "el último año": the twelve months before the reference date
        offset = {"unit": unit, "amount": -1, "period": True}
        return (f"{_back(ref, unit, 1).isoformat()}/{ref.isoformat()}" if ref else None), offset
    amount = -1 if word in d.past else 1 if word in d.nxt else 0 if word in d.this else None
    if amount is None:
        return None
    offset = {"unit": unit, "amount": amount}
    return (_shift(ref, unit, amount) if ref else None), offset


def _one(m: regex.Match[str], text: str, ref: date | None) -> TimeExpr | None:
    d = _data()
    start, end = m.span()
    words = text[start:end]
    if m.group("between") is not None:
        cue, join = m.group("bcue").lower(), m.group("bj").lower()
        if join not in d.between.get(cue, frozenset()):
            return None
        a, b = _iso_point(m.group("a")), _iso_point(m.group("b"))
        if a is None or b is None:
            return None
        return TimeExpr(start, end, words, f"{a}/{b}")
    if m.group("days") is not None:
        cue, join = m.group("dcue").lower(), m.group("dj").lower()
        b = _iso_point(m.group("d2"))
        if join not in d.between.get(cue, frozenset()) or b is None or b.count("-") != 2:
            return None
        first = m.group("d1").lower().replace(".", "")
        day = 1 if first in ("1o", "primero") else int(first)
        if day >= int(b[-2:]):
            return None
        return TimeExpr(start, end, words, f"{b[:-2]}{day:02d}/{b}")
    if m.group("dash") is not None:
        a, b = m.group("da"), m.group("db")
        return TimeExpr(start, end, words, f"{a}/{b}") if a < b else None
    if m.group("point") is not None or m.group("bare") is not None:
        iso = _iso_point(m.group("p") or m.group("bp"))
        if iso is None:
            return None
        if m.group("point") is not None and m.group("mo") is None and _bare_year(m, text):
            return None
        if m.group("since"):
            iso = f"{iso}/.."
        elif m.group("until"):
            iso = f"../{iso}"
        return TimeExpr(start, end, words, iso)
    try:
        rel = _relative(m, ref)
    except (ValueError, OverflowError):  # a reference date at the edge of the calendar
        rel = _relative(m, None)
    if rel is None:
        return None
    return TimeExpr(start, end, words, rel[0], relative=True, offset=rel[1])


def _bare_year(m: regex.Match[str], text: str) -> bool:
    """Whether "de 2015" is a count, not a year: after "de", "a" or "el" alone a year
    must end the phrase ("la crisis de 2008.", not "un aumento de 2015 casos")."""
    p = m.group("p")
    lead = m.group("point")[: len(m.group("point")) - len(p)].strip()
    if not (p.isdigit() and fold(lead) in _bare_year_leads()):
        return False
    return _year_end_re().match(text, m.end(), min(len(text), m.end() + 8)) is None


@lru_cache(maxsize=1)
def _bare_year_leads() -> frozenset[str]:
    return frozenset(fold(w) for w in table("relations")["time"]["bare_year_leads"])


@lru_cache(maxsize=1)
def _year_end_re() -> regex.Pattern[str]:
    return regex.compile(r"\s*(?:[,.;:)\]]|$)|\s+y\s+\d")


def find_times(
    text: str, start: int = 0, end: int | None = None, *, reference_date: date | None = None
) -> list[TimeExpr]:
    """The dates and periods of ``text[start:end]``, in order, not overlapping.

    Args:
        text: The text.
        start: Where to start looking.
        end: Where to stop (the end of the text when ``None``).
        reference_date: The date of writing, to resolve relative expressions; they stay
            relative (``normalized`` ``None``) without one.
    """
    end = len(text) if end is None else end
    folded = fold_keep_length(text[start:end])
    out: list[TimeExpr] = []
    for m in _data().pattern.finditer(folded):
        t = _one(m, folded, reference_date)
        if t is not None:
            s, e = start + t.start, start + t.end
            out.append(
                TimeExpr(s, e, text[s:e], t.normalized, relative=t.relative, offset=t.offset)
            )
    return out


def nearest_time(
    times: Sequence[TimeExpr], start: int, end: int, ends: Sequence[int] | None = None
) -> TimeExpr | None:
    """The expression of ``times`` (in text order, not overlapping) closest to the span
    ``[start, end)``, not inside it (``ends``: the times' end offsets, if known)."""
    ends = [t.end for t in times] if ends is None else ends
    k = bisect_left(ends, start + 1)  # the first that ends after start
    best: tuple[int, TimeExpr] | None = None
    if k > 0:
        best = (start - times[k - 1].end, times[k - 1])
    while k < len(times) and times[k].start < end:
        k += 1  # overlapping the span
    if k < len(times) and (best is None or times[k].start - end < best[0]):
        best = (times[k].start - end, times[k])
    return best[1] if best else None

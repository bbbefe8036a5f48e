"""Signs, exponents and fraction marks around a numeral (pure: no spaCy).

The scanner (:mod:`numclaims.rules.scanner`) finds a numeral first; these helpers read
the few characters around it that change its value:

- a sign in words before it ("menos cuarenta y dos", "menos 3.400.000"), but not the
  "menos" of "al menos", "por lo menos" or "más o menos";
- "bajo cero" after it ("7 bajo cero", "5 grados bajo cero");
- a decimal mark with no digits before it (",45", "-,0031");
- an exponent after digits ("1e10", "12,32e+14", "1,1^23", "2,5^-1", "1,5 × 10^9");
- the word between the two terms of a fraction ("1 sobre 21") and the Unicode fraction
  characters ("½", "⅙").

Every function looks at a bounded window of the text, so a scan stays linear. The words
live in ``lang/es/numbers.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import regex

from ..lang import table
from .patterns import any_of
from .text import fold

__all__ = [
    "Exponent",
    "below_zero_after",
    "exponent_after",
    "leading_mark_before",
    "minus_word_before",
    "ratio_joined",
    "vulgar_fraction",
]

_MINUS_SIGNS = "-\u2212\u2013"
#: The largest power read after "^": "1,1^23"; a larger one is not a number in news.
MAX_POWER = 64
#: The largest exponent read in scientific notation: "1e308".
MAX_EXPONENT = 400
#: Characters examined before a numeral for a sign word ("por lo menos ").
_BEFORE = 24
#: Characters examined after a numeral for "bajo cero" ("grados Fahrenheit bajo cero").
_AFTER = 40


@dataclass(frozen=True)
class _Words:
    minus: str  # alternation of the sign words
    blockers: frozenset[str]
    below_zero: str
    below_zero_units: str
    ratio_joiners: str
    vulgar: dict[str, Fraction]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = table("numbers")
    return _Words(
        minus=any_of(raw["minus_words"], space=r"\s++"),
        blockers=frozenset(fold(w) for w in raw["minus_blockers"]),
        below_zero=any_of(raw["below_zero"], space=r"\s++"),
        below_zero_units=any_of(raw["below_zero_units"], space=r"\s++"),
        ratio_joiners=any_of(raw["ratio_joiners"], space=r"\s++"),
        vulgar={k: Fraction(v) for k, v in raw["vulgar_fractions"].items()},
    )


@lru_cache(maxsize=1)
def _minus_re() -> regex.Pattern[str]:
    """A sign word at the end of the window before a numeral, and the word before it."""
    return regex.compile(
        rf"(?:(?P<prev>\p{{L}}++)\s++)?(?<![\p{{L}}\p{{N}}])(?P<w>{_words().minus})\s{{1,3}}$",
        regex.IGNORECASE,
    )


def minus_word_before(text: str, start: int) -> int | None:
    """The offset of a sign word ("menos") right before the numeral at ``start``, or ``None``.

    >>> minus_word_before("bajó a menos 3", 13), minus_word_before("al menos 3", 9)
    (7, None)
    """
    if start < 2 or not text[start - 1].isspace() or not text[start - 2].isalpha():
        return None  # the sign word ends with a letter, then a space
    lo = max(0, start - _BEFORE)
    m = _minus_re().search(text, lo, start)
    if m is None:
        return None
    prev = m.group("prev")
    if prev is not None and fold(prev) in _words().blockers:
        return None  # "al menos 10", "por lo menos 30", "más o menos 5"
    before = text[max(0, m.start("w") - 3) : m.start("w")].rstrip()
    if before[-1:].isdigit():
        return None  # "diez menos 3": a subtraction
    return m.start("w")


@lru_cache(maxsize=1)
def _below_zero_re() -> regex.Pattern[str]:
    w = _words()
    return regex.compile(
        rf"(?:\s*+(?:{w.below_zero_units})(?![\p{{L}}]))?(?:\s++(?:{w.below_zero_units})"
        rf"(?![\p{{L}}]))?\s++(?P<b>{w.below_zero})(?![\p{{L}}\p{{N}}])",
        regex.IGNORECASE,
    )


def below_zero_after(text: str, end: int) -> tuple[int, int] | None:
    """``(start, end)`` of "bajo cero" after the numeral ending at ``end`` (after its degree
    unit, if any), or ``None``.

    >>> below_zero_after("a 7 bajo cero", 3), below_zero_after("5 grados bajo cero", 1)
    ((4, 13), (9, 18))
    """
    nxt = text[end : end + 2].lstrip()[:1]
    if not nxt or nxt.isdigit() or not (nxt.isalpha() or nxt in "º°"):
        return None  # "bajo" or a degree sign must follow
    m = _below_zero_re().match(text, end, min(len(text), end + _AFTER))
    return (m.start("b"), m.end("b")) if m is not None else None


_LEADING_MARK_RE = regex.compile(r"(?:^|(?<=[\s(\[{:=«“\"']))(?P<sign>[-\u2212\u2013]?)[.,]$")


def leading_mark_before(text: str, start: int) -> tuple[int, bool] | None:
    """A decimal mark with no digits before it (",45", "-,0031"): the offset where the
    number starts and whether it is negative, or ``None``.

    >>> leading_mark_before("es ,45", 4), leading_mark_before("-,0031", 2)
    ((3, False), (0, True))
    """
    if start < 1 or text[start - 1] not in ".,":
        return None
    m = _LEADING_MARK_RE.search(text, max(0, start - 2), start)
    if m is None:
        return None
    return m.start(), bool(m.group("sign"))


@dataclass(frozen=True)
class Exponent:
    """An exponent after a mantissa: ``end`` of the notation, ``power`` (after "^") or not
    (a power of ten: "1e10", "× 10^9"), and the exponent."""

    end: int
    power: bool
    exponent: int

    def apply(self, mantissa: Fraction) -> Fraction | None:
        """The value, or ``None`` for ``0^-n``."""
        if self.power:
            if mantissa == 0 and self.exponent < 0:
                return None
            return mantissa**self.exponent
        return mantissa * Fraction(10) ** self.exponent


_EXPONENT_RE = regex.compile(
    r"""
    (?: [eE](?P<es>[+\-]?+)(?P<ev>\d{1,3}+)
      | \^(?P<ps>[+\-]{0,2}+)(?P<pv>\d{1,2}+)
      | \x20?+[×x·*]\x20?+10\^(?P<ts>[+\-]?+)(?P<tv>\d{1,3}+)
    )(?![\p{L}\p{N}])
    """,
    regex.VERBOSE,
)


def exponent_after(text: str, end: int) -> Exponent | None:
    """The exponent right after digits ending at ``end``: "e10", "e-1", "^23", "^-1",
    " × 10^9"; ``None`` if there is none.

    >>> exponent_after("1e10", 1), exponent_after("1,5 × 10^9", 3)
    (Exponent(end=4, power=False, exponent=10), Exponent(end=10, power=False, exponent=9))
    """
    head = text[end : end + 2]
    if not head or (head[0] not in "eE^" and head.lstrip()[:1] not in ("×", "x", "·", "*")):
        return None
    m = _EXPONENT_RE.match(text, end, min(len(text), end + 16))
    if m is None:
        return None
    if m.group("pv") is not None:
        negative = m.group("ps").count("-") % 2 == 1  # "^--23" is "^23"
        exp = int(m.group("pv"))
        if exp > MAX_POWER:
            return None
        return Exponent(m.end(), True, -exp if negative else exp)
    sign, digits = (
        (m.group("es"), m.group("ev")) if m.group("ev") else (m.group("ts"), m.group("tv"))
    )
    exp = int(digits)
    if exp > MAX_EXPONENT:
        return None
    return Exponent(m.end(), False, -exp if sign == "-" else exp)


@lru_cache(maxsize=1)
def _ratio_gap_re() -> regex.Pattern[str]:
    return regex.compile(rf"\s++(?:{_words().ratio_joiners})\s++", regex.IGNORECASE)


def ratio_joined(text: str, a_end: int, b_start: int) -> bool:
    """Whether the gap between two numerals is a fraction word: "1 sobre 21".

    >>> ratio_joined("1 sobre 21", 1, 8)
    True
    """
    if b_start - a_end > 16:
        return False
    return _ratio_gap_re().fullmatch(text, a_end, b_start) is not None


def vulgar_fraction(char: str) -> Fraction | None:
    """The value of a Unicode fraction character ("½", "⅙"), or ``None``.

    >>> vulgar_fraction("⅙")
    Fraction(1, 6)
    """
    return _words().vulgar.get(char)

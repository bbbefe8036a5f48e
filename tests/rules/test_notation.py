"""Signs, exponents and fraction marks around a numeral."""

from __future__ import annotations

import time
from fractions import Fraction

import pytest

from numclaims.rules.notation import (
    Exponent,
    below_zero_after,
    exponent_after,
    leading_mark_before,
    minus_word_before,
    ratio_joined,
    vulgar_fraction,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bajó a menos 3", 7),
        ("menos 42", 0),
        ("(menos 5", 1),
        ("al menos 3", None),
        ("por lo menos 3", None),
        ("más o menos 3", None),
        ("ni más ni menos 3", None),
        ("diez menos 3", 5),  # a word number before: the scanner decides (a subtraction)
        ("1 menos 3", None),  # digits before: a subtraction
        ("demenos 3", None),
    ],
)
def test_a_sign_word_before_a_numeral(text: str, expected: int | None) -> None:
    assert minus_word_before(text, text.rindex(" ") + 1) == expected


def test_bajo_cero_after_a_number_or_its_degrees() -> None:
    assert below_zero_after("a 7 bajo cero", 3) == (4, 13)
    assert below_zero_after("5 grados bajo cero", 1) == (9, 18)
    assert below_zero_after("5 grados Fahrenheit bajo cero", 1) == (20, 29)
    assert below_zero_after("5 grados bajo cerocientos", 1) is None
    assert below_zero_after("5 metros bajo cero", 1) is None


def test_a_leading_decimal_mark() -> None:
    assert leading_mark_before("es ,45", 4) == (3, False)
    assert leading_mark_before("-,0031", 2) == (0, True)
    assert leading_mark_before("1,45", 2) is None  # digits before: a decimal number
    assert leading_mark_before("hola,45", 5) is None


@pytest.mark.parametrize(
    ("text", "end", "expected", "value"),
    [
        ("1e10", 1, Exponent(4, False, 10), Fraction(10**10)),
        ("12,32e+14", 5, Exponent(9, False, 14), Fraction(1232, 100) * 10**14),
        ("12e-1", 2, Exponent(5, False, -1), Fraction(12, 10)),
        ("1,1^23", 3, Exponent(6, True, 23), Fraction(11, 10) ** 23),
        ("1,1^--23", 3, Exponent(8, True, 23), Fraction(11, 10) ** 23),
        ("2,5^-1", 3, Exponent(6, True, -1), Fraction(2, 5)),
        ("1,5 × 10^9", 3, Exponent(10, False, 9), Fraction(15, 10) * 10**9),
    ],
)
def test_exponents(text: str, end: int, expected: Exponent, value: Fraction) -> None:
    exp = exponent_after(text, end)
    assert exp == expected
    mantissa = Fraction(text[:end].replace(",", "."))
    assert exp.apply(mantissa) == value


def test_no_exponent() -> None:
    assert exponent_after("1e10x", 1) is None  # a code, not a number
    assert exponent_after("2^99", 1) is None  # beyond MAX_POWER
    assert exponent_after("1 e10", 1) is None
    assert Exponent(3, True, -1).apply(Fraction(0)) is None


def test_ratio_joiner_and_vulgar_fractions() -> None:
    assert ratio_joined("1 sobre 21", 1, 8)
    assert not ratio_joined("1 bajo 21", 1, 7)
    assert vulgar_fraction("½") == Fraction(1, 2)
    assert vulgar_fraction("⅙") == Fraction(1, 6)
    assert vulgar_fraction("x") is None


@pytest.mark.parametrize("chunk", ["menos ", "bajo cero ", "1e", ",", "^-", "× 10^"])
def test_windows_are_bounded(chunk: str) -> None:
    text = chunk * 50_000
    start = time.perf_counter()
    for pos in range(0, len(text), len(text) // 50):
        minus_word_before(text, pos)
        below_zero_after(text, pos)
        leading_mark_before(text, pos)
        exponent_after(text, pos)
    assert time.perf_counter() - start < 5

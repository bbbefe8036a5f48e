"""Normalized forms: partial ISO dates, clock times, ISO 8601 durations, phone digits."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.normalize import (
    duration_unit,
    iso_date,
    iso_duration,
    iso_time,
    iso_year,
    phone_digits,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("7 de febrero", "XXXX-02-07"),
        ("7 de Febrero de 2021", "2021-02-07"),
        ("1 de setiembre del 2020", "2020-09-01"),
        ("octubre de 2019", "2019-10"),
        ("15/06/2024", "2024-06-15"),
        ("15.06.2024", "2024-06-15"),
        ("5-3-24", "XX24-03-05"),
        ("2024-06-15", "2024-06-15"),
        ("junio 15, 2024", "2024-06-15"),
        ("31/13/2024", None),  # no month 13
        ("45/06/2024", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1000, 2999))
def test_every_numeric_date_reads_day_first(day: int, month: int, year: int) -> None:
    assert iso_date(f"{day}/{month}/{year}") == f"{year}-{month:02d}-{day:02d}"


@pytest.mark.parametrize(
    ("text", "value", "iso"),
    [
        ("14:30", None, "T14:30"),
        ("9h30", None, "T09:30"),
        ("9", Decimal(9), "T09:00"),
        ("24:00", None, "T24:00"),
        ("25:10", None, None),
        ("10:75", None, None),
    ],
)
def test_clock_times(text: str, value: Decimal | None, iso: str | None) -> None:
    assert iso_time(text, value) == iso


@pytest.mark.parametrize(
    ("value", "noun", "iso"),
    [
        ("48", "horas", "PT48H"),
        ("30", "minutos", "PT30M"),
        ("7", "meses", "P7M"),
        ("65", "años", "P65Y"),
        ("2", "décadas", "P20Y"),
        ("3", "Días", "P3D"),
        ("2", "semanas", "P2W"),
        ("1.5", "horas", "PT1.5H"),
        ("2", "trimestres", "P6M"),
        ("-3", "días", None),
    ],
)
def test_durations(value: str, noun: str, iso: str | None) -> None:
    unit = duration_unit(noun)
    assert unit is not None
    assert iso_duration(Decimal(value), unit) == iso


def test_a_word_that_is_no_time_noun() -> None:
    assert duration_unit("personas") is None
    assert duration_unit("s") is None


def test_years_and_phones() -> None:
    assert iso_year(Decimal(2019)) == "2019"
    assert iso_year(Decimal("2019.5")) is None
    assert phone_digits("+34 912 345 678") == "+34912345678"
    assert phone_digits("(55) 5555-1234") == "5555551234"

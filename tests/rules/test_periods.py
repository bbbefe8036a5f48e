"""The time a figure refers to: dates, periods and relative time as partial ISO."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.periods import find_times, nearest_time

REF = date(2026, 12, 1)  # a Tuesday


def norms(text: str, ref: date | None = None) -> list[tuple[str, str | None]]:
    return [(t.text, t.normalized) for t in find_times(text, reference_date=ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La deuda se disparó en 2015.", [("en 2015", "2015")]),
        ("El paro subió en marzo de 2019.", [("en marzo de 2019", "2019-03")]),
        ("El pago llegó el 7 de febrero.", [("el 7 de febrero", "XXXX-02-07")]),
        ("Se firmó el 3 de mayo de 2021 en Cali.", [("el 3 de mayo de 2021", "2021-05-03")]),
        ("El gasto creció entre 2010 y 2018.", [("entre 2010 y 2018", "2010/2018")]),
        ("Durante el periodo 2010-2018 bajó.", [("2010-2018", "2010/2018")]),
        ("Rige a partir de septiembre.", [("a partir de septiembre", "XXXX-09/..")]),
        ("Vigente desde 2000.", [("desde 2000", "2000/..")]),
        ("Hasta el 7 de enero de 2022.", [("Hasta el 7 de enero de 2022", "../2022-01-07")]),
        (
            "Del 10 de marzo al 12 de abril.",
            [("Del 10 de marzo al 12 de abril", "XXXX-03-10/XXXX-04-12")],
        ),
        ("En el 2015 hubo elecciones.", [("En el 2015", "2015")]),
        ("La crisis de 2008.", [("de 2008", "2008")]),
        ("Se publicó el 14 marzo de 2022.", [("el 14 marzo de 2022", "2022-03-14")]),
        ("Fechado el 01 marzo, 2021.", [("el 01 marzo, 2021", "2021-03-01")]),
        ("Nació en noviembre del año 2000.", [("en noviembre del año 2000", "2000-11")]),
        (
            "Los exámenes serán entre el 10 y el 12 de agosto.",
            [("entre el 10 y el 12 de agosto", "XXXX-08-10/XXXX-08-12")],
        ),
        (
            "Abre del 9 al 22 de abril de 2021.",
            [("del 9 al 22 de abril de 2021", "2021-04-09/2021-04-22")],
        ),
    ],
)
def test_absolute_dates_and_periods(text: str, expected: list[tuple[str, str]]) -> None:
    assert norms(text) == expected
    assert norms(text, REF) == expected  # a reference date changes nothing here


def test_a_count_after_de_is_not_a_year() -> None:
    assert norms("Hubo un aumento de 2015 casos.") == []


def test_an_impossible_day_is_no_date() -> None:
    assert norms("Fue el 30 de febrero de 2021.") == []


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("el mes pasado", "2026-11"),
        ("el año pasado", "2025"),
        ("hace 3 años", "2023"),
        ("hace quince años", "2011"),
        ("hace tres meses", "2026-09"),
        ("este martes", "2026-12-01"),
        ("este jueves", "2026-12-03"),
        ("el próximo martes", "2026-12-08"),
        ("el martes pasado", "2026-11-24"),
        ("este año", "2026"),
        ("la semana pasada", "2026-W48"),
        ("ayer", "2026-11-30"),
        ("el último año", "2025-12-01/2026-12-01"),
        ("los últimos diez años", "2016-12-01/2026-12-01"),
    ],
)
def test_relative_times_resolve_against_the_reference_date(text: str, resolved: str) -> None:
    (without,) = find_times(f"Ocurrió {text}.")
    assert without.relative and without.normalized is None  # never guessed
    assert without.to_dict()["offset"]
    (with_ref,) = find_times(f"Ocurrió {text}.", reference_date=REF)
    assert with_ref.normalized == resolved
    assert with_ref.text == text


def test_a_bare_weekday_is_not_resolved_even_with_a_reference_date() -> None:
    assert norms("Lo dijo el martes.", REF) == []


def test_a_month_end_clamps_when_going_back() -> None:
    (t,) = find_times("en el último mes", reference_date=date(2024, 3, 31))
    assert t.normalized == "2024-02-29/2024-03-31"


def test_nearest_time_skips_expressions_inside_the_span() -> None:
    times = find_times("En 2015 eran 30 y en 2019 eran 40.")
    t = nearest_time(times, 29, 31)  # "40"
    assert t is not None and t.normalized == "2019"


@given(st.text(max_size=200), st.dates())
def test_never_raises_on_odd_input(text: str, ref: date) -> None:
    for t in find_times(text, reference_date=ref):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize("text", ["el último año", "ayer", "hace 3 años", "el próximo lunes"])
def test_a_reference_date_at_the_calendar_edge_leaves_it_relative(text: str) -> None:
    for ref in (date.min, date.max):
        (t,) = find_times(text, reference_date=ref)
        assert t.relative
        assert t.normalized is None or t.normalized[:1].isdigit()

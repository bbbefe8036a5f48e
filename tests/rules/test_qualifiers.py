"""Qualifier cues next to a numeral, on realistic news sentences (pure layer, no spaCy)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.qualifiers import LABELS, bounds, match_qualifier

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60


def qualify(text: str, number: str) -> tuple[str, str] | None:
    start = text.index(number)
    m = match_qualifier(text, start, start + len(number))
    return None if m is None else (m.label, m.text)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Seúl identificó al menos 10,000 contenedores.", "10,000", ("at_least", "al menos")),
        ("Por lo menos 12 personas resultaron heridas.", "12", ("at_least", "Por lo menos")),
        ("Se necesitarán como mínimo 300 millones.", "300", ("at_least", "como mínimo")),
        ("Podrían contener hasta 4.8 millones de proyectiles.", "4.8", ("at_most", "hasta")),
        ("El déficit será a lo sumo del 3 %.", "3", ("at_most", "a lo sumo")),
        ("La lluvia no superó los 15 litros.", "15", ("at_most", "no superó")),
        ("Llegaron unos 800 tractores a la plaza.", "800", ("approx", "unos")),
        ("Asistieron alrededor de 2.000 personas.", "2.000", ("approx", "alrededor de")),
        ("La cifra rondó los 40.000 visitantes.", "40.000", ("approx", "rondó")),
        ("El paro se sitúa cerca del 12 %.", "12", ("approx", "cerca del")),
        ("Costó aproximadamente 5 millones de euros.", "5", ("approx", "aproximadamente")),
        ("Hay en torno a 300 afectados.", "300", ("approx", "en torno a")),
        ("Más de 300 personas se concentraron.", "300", ("more_than", "Más de")),
        ("Una inversión superior a 20 millones.", "20", ("more_than", "superior a")),
        ("Fueron poco más de 50 votos.", "50", ("more_than", "poco más de")),
        ("Perdieron casi el 40 % de la cosecha.", "40", ("less_than", "casi")),
        ("Votaron menos de 1.000 vecinos.", "1.000", ("less_than", "menos de")),
        ("Eran 300 personas o más.", "300", ("at_least", "o más")),
        ("Cuesta 10 euros, más o menos.", "10", ("approx", "más o menos")),
        ("Cobran 1.000 euros como máximo, según el convenio.", "1.000", ("at_most", "como máximo")),
    ],
)
def test_cues(text: str, number: str, expected: tuple[str, str]) -> None:
    assert qualify(text, number) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("El Gobierno aprobó 3.500 millones de euros.", "3.500"),
        ("Cobran 1.000 euros de salario mínimo.", "1.000"),  # "mínimo" is the wage, no cue
        ("Solo 20 diputados votaron en contra.", "20"),  # "solo" = only: the number is exact
        ("El hasta ahora ministro anunció 30 despidos.", "30"),
        ("La empresa ganó 7 millones.", "7"),
    ],
)
def test_no_cue(text: str, number: str) -> None:
    assert qualify(text, number) is None


def test_a_cue_before_wins_over_one_after() -> None:
    assert qualify("Hubo al menos 30 heridos o más.", "30") == ("at_least", "al menos")


@pytest.mark.parametrize("label", LABELS)
@given(st.decimals(min_value=0, max_value=10**12, allow_nan=False, places=2))
def test_bounds_are_the_value_itself(label: str, value: Decimal) -> None:
    lo, hi = bounds(label, value)
    assert lo in (None, value) and hi in (None, value)
    assert (lo is not None) == (label in ("at_least", "more_than"))
    assert (hi is not None) == (label in ("at_most", "less_than"))


def test_long_adversarial_context_is_fast() -> None:
    text = "hasta " * 200_000 + "30"
    start = time.perf_counter()
    assert qualify(text, "30") == ("at_most", "hasta")
    assert time.perf_counter() - start < HANG  # a guard against a hang, not a speed test

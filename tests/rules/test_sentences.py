"""The rule-based sentence splitter used without a parser (pure layer)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.sentences import split_sentences

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El paro bajó al 12,5 %. La inflación subió.",
            ["El paro bajó al 12,5 %.", "La inflación subió."],
        ),
        (
            "El Sr. Pérez viajó a EE. UU. el lunes. Volvió el martes.",
            ["El Sr. Pérez viajó a EE. UU. el lunes.", "Volvió el martes."],
        ),
        ("Lo firmó J. Pérez ayer.", ["Lo firmó J. Pérez ayer."]),
        ("Eran 1.000 personas. 300 se fueron.", ["Eran 1.000 personas.", "300 se fueron."]),
        (
            '"Hemos perdido el 40 %." Lo dijo Márquez.',
            ['"Hemos perdido el 40 %."', "Lo dijo Márquez."],
        ),
        ("¿Cuántos eran? ¡Más de 300!", ["¿Cuántos eran?", "¡Más de 300!"]),
        ("Titular sin punto\n\nMADRID. El texto.", ["Titular sin punto", "MADRID.", "El texto."]),
        ("una línea partida\npor el PDF sigue.", ["una línea partida\npor el PDF sigue."]),
        ("Véase el art. 5 de la ley.", ["Véase el art. 5 de la ley."]),
        ("   ", []),
        ("", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


@given(st.text(alphabet=st.sampled_from('ab .!?\n¿«»"AB1,'), max_size=200))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


def test_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        split_sentences(b"Hola.")  # type: ignore[arg-type]


@pytest.mark.parametrize("unit", [". ", "A. ", "\n\n", "EE. UU. ", "..."])
def test_linear_time(unit: str) -> None:
    start = time.perf_counter()
    split_sentences(unit * 200_000)
    assert time.perf_counter() - start < HANG  # a guard against a hang, not a speed test

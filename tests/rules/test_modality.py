"""Modality (asserted, hedged, negated) on realistic news sentences (pure layer)."""

from __future__ import annotations

import pytest

from numclaims.rules.modality import detect_modality, is_conditional
from numclaims.rules.sentences import split_sentences


def modality(text: str, number: str) -> tuple[str, str | None]:
    start = text.index(number)
    m = detect_modality(text, start, start + len(number))
    return m.label, m.cue


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Esos contenedores podrían contener hasta 4.8 millones de proyectiles.",
            "4.8",
            ("hedged", "podrían"),
        ),
        ("Se cree que unos 500 soldados cruzaron la frontera.", "500", ("hedged", "Se cree")),
        ("Se esperan entre 10 y 20 millones de turistas.", "10", ("hedged", "Se esperan")),
        (
            "Según estimaciones del sector, 2.000 empleos están en riesgo.",
            "2.000",
            ("hedged", "Según estimaciones"),
        ),
        ("Unos 300 civiles habrían muerto en el ataque.", "300", ("hedged", "habrían")),
        ("La producción caería a 12 millones de toneladas.", "12", ("hedged", "caería")),
        ("Previsiblemente llegarán 40 aviones.", "40", ("hedged", "Previsiblemente")),
        ("La lluvia no superó los 15 litros por metro cuadrado.", "15", ("negated", "no")),
        ("Nunca hubo más de 200 plazas.", "200", ("negated", "Nunca")),
        ("El Gobierno aprobó 3.500 millones de euros.", "3.500", ("asserted", None)),
        ("No obstante, llegaron 300 personas.", "300", ("asserted", None)),
        ("El alcalde no acudió, y el pleno aprobó 40 millones.", "40", ("asserted", None)),
        ("La secretaría de la artillería compró 300 cañones.", "300", ("asserted", None)),
        ("Quería 300 euros por el coche.", "300", ("asserted", None)),
    ],
)
def test_modality(text: str, number: str, expected: tuple[str, str | None]) -> None:
    assert modality(text, number) == expected


def test_the_sentence_bounds_the_cues() -> None:
    text = "Se cree que hubo un error. El Gobierno aprobó 3.500 millones de euros."
    _first, (s2, e2) = split_sentences(text)
    start = text.index("3.500")
    label = detect_modality(text, start, start + 5, sent_start=s2, sent_end=e2).label
    assert label == "asserted"
    assert detect_modality(text, start, start + 5).label == "hedged"  # one sentence: hedged


@pytest.mark.parametrize(
    ("word", "previous", "expected"),
    [
        ("podrían", None, True),
        ("habría", None, True),
        ("caería", None, True),
        ("superarían", None, True),
        ("tendríamos", None, True),
        ("quería", None, False),  # imperfect of querer
        ("prefería", None, False),
        ("artillería", "la", False),
        ("secretaría", None, False),
        ("María", None, False),
        ("había", None, False),  # imperfect of haber
        ("comía", None, False),
        ("economía", None, False),
        ("minería", None, False),
    ],
)
def test_is_conditional(word: str, previous: str | None, expected: bool) -> None:
    assert is_conditional(word, previous) is expected


def test_a_conditional_opening_the_sentence() -> None:
    assert modality("Podrían contener hasta 4.8 millones de proyectiles.", "4.8") == (
        "hedged",
        "Podrían",
    )

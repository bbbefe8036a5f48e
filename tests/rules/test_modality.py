"""Modality (asserted, hedged, negated) on realistic news sentences (pure layer)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.claims import find_claims
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


# -- a negation and the bound it governs (issue 12) --------------------------------------


def claim_of(text: str) -> tuple[str | None, Decimal | None, Decimal | None, str | None]:
    [d] = find_claims(text)
    return d.qualifier, d.value_min, d.value_max, d.modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the negation makes the bound: at most 10, and the figure is asserted
        ("No se registraron más de 10 casos.", ("at_most", None, Decimal(10), "asserted")),
        # the cue holds its negation: not counted twice
        (
            "La lluvia no superó los 15 litros por metro cuadrado.",
            ("at_most", None, Decimal(15), "asserted"),
        ),
        (
            "El termómetro no se situó por debajo de los 40 grados.",
            ("at_least", Decimal(40), None, "asserted"),
        ),
        ("No menos de 300 personas asistieron.", ("at_least", Decimal(300), None, "asserted")),
        ("Nunca hubo menos de 20 agentes.", ("at_least", Decimal(20), None, "asserted")),
        # a negation with no bound is the sentence's
        ("No hubo 300 muertos en la región.", (None, None, None, "negated")),
        # a negation in another clause does not make the bound
        (
            "No es cierto que más de 500 personas murieran.",
            ("more_than", Decimal(500), None, "negated"),
        ),
    ],
)
def test_negation_combines_with_its_bound(
    text: str, expected: tuple[str | None, Decimal | None, Decimal | None, str]
) -> None:
    assert claim_of(text) == expected


def test_no_se_is_not_the_exclusion_no_se_with_an_accent() -> None:
    text = "No se vendieron 300 entradas."
    assert detect_modality(text, text.index("300"), text.index("300") + 3).label == "negated"
    text = "No sé si fueron 300 personas."
    assert detect_modality(text, text.index("300"), text.index("300") + 3).label == "asserted"


@given(n=st.integers(min_value=1, max_value=10**9))
def test_no_mas_de_is_at_most_for_any_number(n: int) -> None:
    text = f"No se registraron más de {n} contagios."
    assert claim_of(text) == ("at_most", None, Decimal(n), "asserted")

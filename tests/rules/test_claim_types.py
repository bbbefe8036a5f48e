"""The QuanTemp type of a whole claim text."""

from __future__ import annotations

import pytest

import numclaims
from numclaims.claim_types import claim_type_evidence
from numclaims.rules.claim_types import CLAIM_TYPES, classify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El paro juvenil pasó del 40 % al 28 % en cuatro años.", "comparison"),
        ("Madrid gasta el doble que Barcelona en limpieza.", "comparison"),
        ("Las exportaciones se triplicaron desde la reforma.", "comparison"),
        ("Es la región con la tasa de paro más baja de Europa.", "comparison"),
        ("La vacuna se pone a personas de entre 50 y 59 años.", "interval"),
        ("Ofrecen cheques de 200 o 400 euros a los jubilados.", "interval"),
        ("El apagón durará tres días.", "interval"),
        ("Foto del incendio del 12 de agosto de 2023 en Tenerife.", "temporal"),
        ("Este vídeo muestra la inundación de Valencia.", "temporal"),
        ("El registro de votantes queda abierto hasta el 15 de marzo de 2024.", "temporal"),
        ("Las matrículas se aceptan a partir del 2 de septiembre.", "temporal"),
        ("Los hospitales atendieron a 45.000 pacientes.", "statistical"),
        ("El 30 % de los hogares no llega a fin de mes.", "statistical"),
        ("Dos o tres vecinos vieron el accidente.", "statistical"),
    ],
)
def test_whole_claim_types(text: str, expected: str) -> None:
    assert numclaims.claim_type(text) == expected
    assert classify(text).claim_type in CLAIM_TYPES


def test_the_evidence_is_available() -> None:
    out = claim_type_evidence("La tasa subió del 10 % al 12 %.")
    assert out["claim_type"] == "comparison"
    assert out["evidence"][0]["change"]["delta"] == "2"


@pytest.mark.parametrize("text", ["", "   ", "¿?", "1", "de a y", "—" * 50, "el 31 de febrero"])
def test_odd_texts_get_a_type(text: str) -> None:
    assert numclaims.claim_type(text) in CLAIM_TYPES

"""The numbers layer: every mention that is no claim, with its kind and normalized form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from numclaims.rules.claims import build_claims
from numclaims.rules.numbers import NUMBER_KINDS, number_drafts
from numclaims.rules.scanner import NON_CLAIM_KINDS, scan


def _layer(text: str) -> list[tuple[str, str, Decimal | None, str | None]]:
    mentions = scan(text)
    drafts = number_drafts(text, mentions, build_claims(text, mentions))
    return [(d.text, d.kind, d.value, d.normalized) for d in drafts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El hospital fue construido en 48 horas.",
            [("48 horas", "duration", Decimal(48), "PT48H")],
        ),
        (
            "La mujer, de 65 años, declaró ante el juez.",
            [("65 años", "age", Decimal(65), "P65Y")],
        ),
        ("El acusado tiene 19 años.", [("19 años", "age", Decimal(19), "P19Y")]),
        ("Murió a los 89 años en Madrid.", [("89 años", "age", Decimal(89), "P89Y")]),
        ("Un bebé de 8 meses fue rescatado.", [("8 meses", "age", Decimal(8), "P8M")]),
        (
            "Cumplirá una condena de 12 años de prisión.",
            [("12 años", "duration", Decimal(12), "P12Y")],
        ),
        (
            "La sequía duró dos décadas.",
            [("dos décadas", "duration", Decimal(2), "P20Y")],
        ),
        (
            "El equipo terminó en trigésimo segundo lugar.",
            [("trigésimo segundo", "ordinal", Decimal(32), None)],
        ),
        ("Es la 3ª edición del festival.", [("3ª", "ordinal", Decimal(3), None)]),
        (
            "Se celebró la vigésima primera cumbre.",
            [("vigésima primera", "ordinal", Decimal(21), None)],
        ),
        (
            "Fue la centésimo vigésimo tercera sesión.",
            [("centésimo vigésimo tercera", "ordinal", Decimal(123), None)],
        ),
        (
            "La ley entró en vigor el 7 de febrero.",
            [("7 de febrero", "date", None, "XXXX-02-07")],
        ),
        (
            "Las obras empezaron en octubre de 2019.",
            [("octubre de 2019", "date", None, "2019-10")],
        ),
        ("La reunión empezó a las 14:30.", [("14:30", "time", None, "T14:30")]),
        ("En 2019 cerró la fábrica.", [("2019", "year", Decimal(2019), "2019")]),
        (
            "Llame al teléfono +34 912 345 678.",
            [("+34 912 345 678", "phone", None, "+34912345678")],
        ),
        ("Los casos de COVID-19 bajaron.", [("COVID-19", "identifier", None, None)]),
    ],
)
def test_each_kind(text: str, expected: list[tuple[str, str, Decimal | None, str | None]]) -> None:
    assert _layer(text) == expected


def test_a_claim_is_not_in_the_layer_again() -> None:
    assert _layer("Llegaron 300 personas y costó 5 millones de euros.") == []


def test_a_range_of_durations_has_normalized_bounds() -> None:
    text = "Se enfrenta a entre 5 y 10 años de cárcel."
    mentions = scan(text)
    [draft] = number_drafts(text, mentions, build_claims(text, mentions))
    assert (draft.kind, draft.value_min, draft.value_max) == ("duration", 5, 10)
    assert draft.extra["normalized"] is None
    assert (draft.extra["normalized_min"], draft.extra["normalized_max"]) == ("P5Y", "P10Y")
    assert draft.qualifier == "range"


def test_a_qualified_duration_keeps_its_bounds() -> None:
    text = "Esperaron al menos 48 horas."
    mentions = scan(text)
    [draft] = number_drafts(text, mentions, build_claims(text, mentions))
    assert (draft.qualifier, draft.value_min, draft.value_max) == ("at_least", 48, None)
    assert draft.extra["normalized"] == "PT48H"


def test_ordinal_words_that_do_not_add_up_stay_apart() -> None:
    # "primero" then "segundo": the second is not below the place of the first
    kinds = _layer("Llegó primero, segundo fue su hermano.")
    assert [k[2] for k in kinds] == [Decimal(1), Decimal(2)]


def test_every_non_claim_kind_of_the_scanner_is_a_layer_kind() -> None:
    assert NON_CLAIM_KINDS - {"article"} <= NUMBER_KINDS
    assert "article" not in NUMBER_KINDS

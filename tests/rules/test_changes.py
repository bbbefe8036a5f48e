"""Changes: "de X a Y" after a verb of change is two linked claims, with delta and direction."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from numclaims.rules.changes import verbs_of_change
from numclaims.rules.claims import Draft, find_claims


def change_of(drafts: list[Draft], role: str) -> dict[str, Any]:
    for d in drafts:
        if d.change is not None and d.change["role"] == role:
            return d.change
    raise AssertionError(f"no claim with role {role}")


def test_verbs_of_change_and_their_direction() -> None:
    found = verbs_of_change("Los precios subieron, el paro bajó y las ventas se triplicaron.")
    assert [(v.text, v.direction, v.factor) for v in found] == [
        ("subieron", "up", None),
        ("bajó", "down", None),
        ("triplicaron", "up", Decimal(3)),
    ]


def test_a_change_from_to_is_two_claims_not_a_range() -> None:
    drafts = find_claims("La deuda pública pasó del 70 al 102 % del PIB.")
    assert [(d.text, d.value, d.qualifier) for d in drafts] == [
        ("70", Decimal(70), None),
        ("102 %", Decimal(102), None),
    ]
    assert drafts[0].unit is not None and drafts[0].unit["kind"] == "percent"
    assert drafts[0].implicit_unit
    ch = change_of(drafts, "to")
    assert ch["from_value"] == "70" and ch["to_value"] == "102"
    assert ch["delta"] == "32" and ch["delta_unit"] == "pp"
    assert ch["direction"] == "up"
    assert ch["relative_change_fraction"] == "16/35"
    assert ch["from_start_char"] == drafts[0].start and ch["to_end_char"] == drafts[1].end
    assert drafts[0].change is not None and drafts[0].change["role"] == "from"
    assert all(d.claim_type == "comparison" for d in drafts)


def test_a_scale_after_the_end_applies_to_the_start() -> None:
    drafts = find_claims("Los usuarios aumentaron de 2,5 a 6,1 millones en cinco años.")
    ch = change_of(drafts, "to")
    assert (ch["from_value"], ch["to_value"], ch["delta"]) == ("2500000", "6100000", "3600000")
    assert ch["relative_change"] == "1.44"


def test_a_fall_has_a_negative_delta() -> None:
    drafts = find_claims("La pobreza bajó de 48 a 41 % en la región.")
    ch = change_of(drafts, "from")
    assert (ch["delta"], ch["delta_unit"], ch["direction"]) == ("-7", "pp", "down")


def test_a_range_without_a_verb_of_change_stays_a_range() -> None:
    (d,) = find_claims("Los salarios van de 1.000 a 1.500 euros.")
    assert d.qualifier == "range" and d.change is None


@pytest.mark.parametrize(
    ("text", "role", "key", "value"),
    [
        ("El IPC subió un 18 % en un año.", "relative", "relative_change", "0.18"),
        ("El paro cayó un 5 % el año pasado.", "relative", "relative_change", "-0.05"),
        ("La participación creció 32 puntos.", "delta", "delta", "32"),
        ("La tasa disminuyó 3 puntos porcentuales.", "delta", "delta", "-3"),
        ("La producción se redujo a la mitad.", "factor", "factor", "0.5"),
    ],
)
def test_the_size_of_a_change(text: str, role: str, key: str, value: str) -> None:
    ch = change_of(find_claims(text), role)
    assert ch[key] == value


def test_points_are_percentage_points() -> None:
    ch = change_of(find_claims("La participación creció 32 puntos."), "delta")
    assert ch["delta_unit"] == "pp" and ch["direction"] == "up"


def test_a_change_to_a_value() -> None:
    ch = change_of(find_claims("El salario mínimo subió a 1.134 euros."), "to")
    assert ch["to_value"] == "1134" and ch["from_value"] is None and ch["direction"] == "up"


def test_a_stated_size_and_its_ends_are_one_change() -> None:
    drafts = find_claims("El Gobierno la incrementó en 32 puntos, pasó del 70 al 102 %.")
    ch = change_of(drafts, "delta")
    assert ch["stated"] == ["delta", "from", "to"]
    (check,) = [c for c in drafts[0].checks if c["kind"] == "change_delta"]
    assert check["ok"] is True and check["computed"] == "32"

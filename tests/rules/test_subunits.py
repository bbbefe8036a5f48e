"""One amount from a unit and what follows it: subunits, a scale word, "y medio"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from numclaims.rules.claims import find_claims
from numclaims.rules.subunits import merge_subunits


def merged(text: str) -> list[tuple[str, Decimal | None]]:
    return [(d.text, d.value) for d in merge_subunits(text, find_claims(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El menú cuesta 15 dólares con 50.", ("15 dólares con 50", Decimal("15.50"))),
        ("El menú cuesta 15 dólares y 15.", ("15 dólares y 15", Decimal("15.15"))),
        ("Pagó nueve dólares y treinta centavos.", ("nueve dólares y treinta centavos", "9.30")),
        ("Vale 3 euros con 99 céntimos.", ("3 euros con 99 céntimos", Decimal("3.99"))),
        ("Costaba 25 euros con 50.", ("25 euros con 50", Decimal("25.50"))),
        ("Eran 4 libras y 2 peniques.", ("4 libras y 2 peniques", Decimal("4.02"))),
        ("Por 15 USD 50 se come bien.", ("15 USD 50", Decimal("15.50"))),
        ("ocho dólares y veinte centavos", ("ocho dólares y veinte centavos", Decimal("8.20"))),
        ("Perdió 80 USD millones en dos años.", ("80 USD millones", Decimal(80_000_000))),
        ("Corrió cuatro metros y medio.", ("cuatro metros y medio", Decimal("4.5"))),
        ("Le costó dos euros y medio.", ("dos euros y medio", Decimal("2.5"))),
    ],
)
def test_one_amount(text: str, expected: tuple[str, Decimal | str]) -> None:
    span, value = expected
    assert (span, Decimal(value)) in merged(text)


def test_a_code_glued_to_its_amount_is_money() -> None:
    [d] = merge_subunits("Cerró en EUR19,99.", find_claims("Cerró en EUR19,99."))
    assert (d.text, d.value, d.unit["code"] if d.unit else None) == (
        "EUR19,99",
        Decimal("19.99"),
        "EUR",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pagó 15 dólares y 20 euros.",
        "Pagó 15 dólares y 20 personas más.",
        "Cuesta 15 dólares 5 veces al año.",
        "Pagó 15 dólares y 150 centavos.",
    ],
)
def test_two_amounts_stay_two(text: str) -> None:
    assert len(merged(text)) == len(find_claims(text))

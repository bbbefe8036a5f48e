"""From mentions to claims: which mentions are claims, and their units and bounds."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from numclaims.rules.claims import find_claims


@pytest.mark.parametrize(
    "text",
    [
        "Pagó 30 € 20 personas.",
        "Cobraron 15 $ 40 vecinos de la zona.",
        "Cuesta 12 € 3 veces al mes.",
    ],
)
def test_a_symbol_between_two_numbers_belongs_to_one_claim_only(text: str) -> None:
    drafts = find_claims(text)
    assert len(drafts) == 2
    first, second = drafts
    assert first.end <= second.start  # no overlap
    assert first.kind == "money" and first.text.endswith(("€", "$"))
    assert second.text[:1].isdigit()


def test_a_prefix_symbol_still_reads_when_no_claim_holds_it() -> None:
    [claim] = find_claims("La entrada cuesta $ 20 en Buenos Aires.", locale="es-AR")
    assert claim.kind == "money" and claim.text == "$ 20"


def test_a_unit_scale_multiplies_exactly() -> None:
    digits = "9" * 30
    [claim] = find_claims(f"El fondo suma {digits} k€.")
    assert claim.value == Decimal(int(digits) * 1000)


@pytest.mark.parametrize(
    ("text", "fraction"),
    [
        ("Un tercio de los votos fue nulo.", "1/3"),
        ("Dos tercios de los encuestados dijeron que sí.", "2/3"),
        ("La inflación subió 1/3 % en marzo.", "1/3"),
    ],
)
def test_a_value_no_decimal_holds_keeps_its_exact_fraction(text: str, fraction: str) -> None:
    [claim] = find_claims(text)
    assert claim.value_fraction == Fraction(fraction)
    assert claim.extra["value_fraction"] == fraction
    exact = Fraction(fraction)
    assert claim.value is not None
    assert abs(Fraction(claim.value) - exact) < Fraction(1, 10**27)  # rounded, 28 digits


def test_a_terminating_value_has_no_fraction() -> None:
    [claim] = find_claims("La mitad de los votos fue nula.")
    assert claim.value == Decimal("0.5") and claim.value_fraction is None
    assert "value_fraction" not in claim.extra


def test_a_third_of_an_earlier_figure_is_exact() -> None:
    drafts = find_claims("Se gastaron 3.000 euros y un tercio de esa cantidad fue a Madrid.")
    ratio = drafts[-1]
    assert ratio.ratio_of is not None
    assert ratio.ratio_of.implied_value == Decimal(1000)  # not 999.9999…

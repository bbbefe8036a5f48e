"""From mentions to claims: which mentions are claims, and their units and bounds."""

from __future__ import annotations

from decimal import Decimal

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

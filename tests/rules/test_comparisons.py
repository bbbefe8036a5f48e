"""Comparisons: ratio, difference, superlative and rank, and the claims they link."""

from __future__ import annotations

import pytest

from numclaims.rules.claims import find_claims
from numclaims.rules.comparisons import find_comparisons


@pytest.mark.parametrize(
    ("text", "kind", "direction", "factor", "other"),
    [
        ("Gana el doble que su jefe.", "ratio", "more", "2", "su jefe"),
        ("Cobra la mitad que un diputado.", "ratio", "less", "0.5", "un diputado"),
        ("Gasta tres veces más que Sanidad.", "ratio", "more", "3", "Sanidad"),
        ("Es dos veces inferior al de Madrid.", "ratio", "less", "2", "Madrid"),
        ("El gasto fue superior al de 2019.", "difference", "more", None, "2019"),
        (
            "Aquí se vota más que en el resto del país.",
            "difference",
            "more",
            None,
            "el resto del país",
        ),
        ("Es la tasa más baja de la UE.", "superlative", "less", None, "la UE"),
        ("Tiene la menor inflación de la región.", "superlative", "less", None, "la región"),
        ("Crece por encima de la media nacional.", "difference", "more", None, "la media nacional"),
    ],
)
def test_comparison_kinds(
    text: str, kind: str, direction: str, factor: str | None, other: str
) -> None:
    (c,) = find_comparisons(text)
    assert (c.kind, c.direction, c.other_text) == (kind, direction, other)
    assert (str(c.factor) if c.factor is not None else None) == factor


def test_a_rank() -> None:
    (c,) = find_comparisons("Es el segundo país con más contagios.")
    assert (c.kind, c.rank, c.direction) == ("rank", 2, "more")


@pytest.mark.parametrize(
    "text",
    [
        "Cobran más de 1.000 euros.",  # a bound, not a comparison
        "Hay menos de 20 casos.",
        "Las personas mayores de 65 años.",
        "El Ingreso Mínimo Vital llega a 700.000 hogares.",
        "El 10 % más rico concentra la renta.",
        "Está por encima del 90 %.",
    ],
)
def test_not_comparisons(text: str) -> None:
    assert find_comparisons(text) == []


def test_x_frente_a_y_links_both_claims_and_carries_the_unit() -> None:
    a, b = find_claims("El sí obtuvo 54 frente a 37 por ciento del no.")
    assert a.comparison is not None and b.comparison is not None
    assert (a.comparison["role"], b.comparison["role"]) == ("subject", "other")
    assert a.comparison["other_value"] == "37"
    assert a.unit is not None and a.unit["kind"] == "percent" and a.implicit_unit
    assert a.claim_type == b.claim_type == "comparison"


def test_a_ratio_between_two_stated_figures_is_checked() -> None:
    text = "Este año se gastaron 30 millones de euros, el triple que los 10 millones de 2019."
    drafts = find_claims(text)
    (check,) = drafts[0].checks
    assert check["kind"] == "comparison_ratio" and check["ok"] is True
    assert check["implied"] == "30000000"


def test_a_wrong_ratio_is_inconsistent() -> None:
    text = "Este año se gastaron 25 millones de euros, el triple que los 10 millones de 2019."
    (check,) = find_claims(text)[0].checks
    assert check["ok"] is False and check["computed_factor"] == "2.5"


def test_a_difference_with_the_wrong_direction() -> None:
    drafts = find_claims("Perú registró 12 casos, más que los 20 de Chile.")
    checks = [c for c in drafts[0].checks if c["kind"] == "comparison_direction"]
    assert checks and checks[0]["ok"] is False and checks[0]["difference"] == "-8"

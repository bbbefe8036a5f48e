"""Whole claims on real and realistic news: unit, kind, qualifier, bounds, modality, speaker."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from spacy.language import Language

import numclaims
from numclaims import Claim


def by_value(claims: list[Claim]) -> dict[str | None, dict[str, Any]]:
    return {c.value_exact: c.to_dict() for c in claims}


class TestSampleArticle:
    """The reference article of ../shared/samples (a Bloomberg story in Spanish)."""

    def test_the_reference_claims(self, sample_article: str, any_nlp: Language) -> None:
        claims = numclaims.extract(sample_article, nlp=any_nlp)
        got = by_value(claims)
        containers = got["10000"]
        assert containers["text"] == "10,000"
        assert containers["unit"]["name"] == "contenedor"
        assert containers["qualifier"] == "at_least"
        assert containers["value_min"] == 10000
        assert containers["speaker"]["name"] == "Shin Wonsik"
        shells = got["4800000"]
        assert shells["unit"]["name"] == "proyectil"
        assert (shells["qualifier"], shells["value_max"]) == ("at_most", 4800000)
        assert shells["modality"] == "hedged"
        assert shells["speaker"]["name"] == "Shin Wonsik"
        target = got["1000000"]
        assert target["unit"]["name"] == "proyectil"
        half = got["0.5"]
        assert (half["text"], half["kind"]) == ("la mitad", "ratio")
        assert half["ratio_of"]["value_exact"] == "1000000"
        assert half["implied_value_exact"] == "500000"
        [vague] = [c.to_dict() for c in claims if c.kind == "vague"]
        assert (vague["text"], vague["unit"]["name"], vague["value"]) == ("millones", "ronda", None)
        assert vague["value_min"] == 1_000_000

    def test_what_is_not_a_claim(self, sample_article: str, blank_nlp: Language) -> None:
        claims = numclaims.extract(sample_article, nlp=blank_nlp)
        values = {c.value_exact for c in claims}
        assert "2000" not in values  # "desde el año 2000"
        texts = " | ".join(c.text for c in claims)
        for not_a_claim in ("primera", "uno", "una", "un "):
            assert not_a_claim not in texts.split(" | ")


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit_key", "unit"),
    [
        (
            "El Gobierno giró 5 billones de pesos a las empresas.",
            "5 billones de pesos",
            "money",
            5 * 10**12,
            "kind",
            "currency",
        ),
        (
            "Se destinaron 8 mil millones de euros a la sanidad.",
            "8 mil millones de euros",
            "money",
            8 * 10**9,
            "code",
            "EUR",
        ),
        (
            "El paquete asciende a 13,380 millones de dólares.",
            "13,380 millones de dólares",
            "money",
            13_380_000_000,
            "code",
            "USD",
        ),
        (
            "Recibió US$ 40 millones del fondo.",
            "US$ 40 millones",
            "money",
            40_000_000,
            "code",
            "USD",
        ),
        (
            "La empresa invirtió 2.500 mdd en la planta.",
            "2.500 mdd",
            "money",
            2_500_000_000,
            "code",
            "USD",
        ),
        ("El 31% de las mujeres ocupadas.", "31%", "percent", 31, "symbol", "%"),
        (
            "una eficacia de 79,9 por ciento en mayores",
            "79,9 por ciento",
            "percent",
            Decimal("79.9"),
            "symbol",
            "%",
        ),
        (
            "un aumento de 5 puntos porcentuales respecto",
            "5 puntos porcentuales",
            "percent",
            5,
            "symbol",
            "pp",
        ),
        (
            "El hospital de 366.000 pies cuadrados abrió.",
            "366.000 pies cuadrados",
            "quantity",
            366_000,
            "kind",
            "physical",
        ),
        (
            "La autopista tendrá 120 kilómetros de longitud.",
            "120 kilómetros",
            "quantity",
            120,
            "kind",
            "physical",
        ),
        (
            "Seúl identificó al menos 10,000 contenedores sospechosos.",
            "10,000",
            "quantity",
            10_000,
            "name",
            "contenedor",
        ),
    ],
)
def test_unit_families(
    blank_nlp: Language, text: str, span: str, kind: str, value: Any, unit_key: str, unit: str
) -> None:
    [claim] = numclaims.extract(text, nlp=blank_nlp)
    d = claim.to_dict()
    assert (d["text"], d["kind"], claim.value) == (span, kind, Decimal(value))
    assert d["unit"][unit_key] == unit


def test_elliptic_numbers_share_the_unit_of_the_claim_before(blank_nlp: Language) -> None:
    text = (
        "Se habían aceptado 18,008 votos militares y 8.410 aún estaban por verificar, "
        "según funcionarios de Georgia."
    )
    votes, pending = numclaims.extract(text, nlp=blank_nlp)
    assert votes.unit is not None and pending.unit is not None
    assert pending.unit["name"] == votes.unit["name"] == "voto"
    assert pending.extra["implicit_unit"] is True


def test_conversions_in_parentheses_do_not_steal_the_currency(blank_nlp: Language) -> None:
    text = (
        "los fondos fueron 8 mil millones de euros (más de 191 mil millones de pesos) y "
        "ahora hablamos de 140 mil millones."
    )
    claims = numclaims.extract(text, nlp=blank_nlp, locale="es-MX")
    codes = [(c.text, (c.unit or {}).get("code")) for c in claims]
    assert codes == [
        ("8 mil millones de euros", "EUR"),
        ("191 mil millones de pesos", "MXN"),
        ("140 mil millones", "EUR"),
    ]
    assert claims[1].qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "qualifier", "lo", "hi"),
    [
        ("Seúl identificó al menos 10,000 contenedores.", "at_least", 10_000, None),
        ("Podrían contener hasta 4.8 millones de proyectiles.", "at_most", None, 4_800_000),
        ("Llegaron unos 800 tractores a la plaza.", "approx", None, None),
        ("Más de 300 personas se concentraron.", "more_than", 300, None),
        ("Perdieron casi el 40 % de la cosecha.", "approx", None, None),
        ("Se esperan entre 10 y 20 millones de turistas.", "range", 10**7, 2 * 10**7),
        ("Costará de 3 a 5 millones de euros.", "range", 3 * 10**6, 5 * 10**6),
        ("La inflación subirá un 10-15 % este año.", "range", 10, 15),
    ],
)
def test_qualifiers_and_bounds(
    blank_nlp: Language, text: str, qualifier: str, lo: int | None, hi: int | None
) -> None:
    [claim] = numclaims.extract(text, nlp=blank_nlp)
    d = claim.to_dict()
    assert (d["qualifier"], d["value_min"], d["value_max"]) == (qualifier, lo, hi)


def test_ranges_have_no_single_value(blank_nlp: Language) -> None:
    [claim] = numclaims.extract("Se esperan entre 10 y 20 millones de turistas.", nlp=blank_nlp)
    assert claim.value is None
    assert claim.to_dict()["value_min_exact"] == "10000000"
    assert claim.unit is not None and claim.unit["name"] == "turista"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Esos contenedores podrían contener hasta 4.8 millones de proyectiles.", "hedged"),
        ("Se cree que unos 500 soldados cruzaron la frontera.", "hedged"),
        ("Nunca hubo 300 plazas libres en el albergue.", "negated"),
        # the negation is the bound's ("at most 15"), not the sentence's
        ("La lluvia no superó los 15 litros por metro cuadrado.", "asserted"),
        ("El Gobierno aprobó 3.500 millones de euros.", "asserted"),
    ],
)
def test_modality(any_nlp: Language, text: str, modality: str) -> None:
    [claim] = numclaims.extract(text, nlp=any_nlp)
    assert claim.modality == modality


def test_the_article_counts_only_with_a_qualifier(blank_nlp: Language) -> None:
    text = (
        "El 31% de las mujeres perciben como máximo un salario mínimo, alrededor de "
        "3,700 pesos cada mes."
    )
    claims = numclaims.extract(text, nlp=blank_nlp, locale="es-MX")
    assert [(c.text, c.qualifier) for c in claims] == [
        ("31%", None),
        ("un", "at_most"),
        ("3,700 pesos", "approx"),
    ]
    assert claims[1].unit is not None and claims[1].unit["name"] == "salario"


def test_durations_and_ages_are_not_claims(any_nlp: Language) -> None:
    text = (
        "En esos siete meses el Gobierno giró 5 billones de pesos; los participantes "
        "tenían 65 años de edad o más."
    )
    assert [c.text for c in numclaims.extract(text, nlp=any_nlp)] == ["5 billones de pesos"]


def test_bundled_sample(blank_nlp: Language) -> None:
    from numclaims.cli import sample_text

    got = by_value(numclaims.extract(sample_text(), nlp=blank_nlp))
    assert got["3500000000"]["unit"]["code"] == "EUR"
    assert got["120000"]["qualifier"] == "at_least"
    assert got["40"]["kind"] == "percent"
    assert got["2000000000"]["modality"] == "hedged"
    assert got["27.5"]["text"] == "27,5 %"
    assert got["15"]["modality"] == "asserted"  # "no superó los 15": at most 15
    assert got["15"]["qualifier"] == "at_most"
    assert got["800"]["qualifier"] == "approx"
    assert got["0.5"]["implied_value_exact"] == "1750000000"
    assert "2005" not in got

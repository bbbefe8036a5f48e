"""Rates: the denominator of a claim ("al mes", "por cada 100.000 habitantes", per USD)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.rules.claims import Draft, find_claims
from numclaims.rules.rates import match_exchange_rate, match_rate

D = Decimal


def claim(text: str, written: str, locale: str = "es") -> Draft:
    """The claim whose text is ``written``."""
    found = [d for d in find_claims(text, locale) if d.text == written]
    assert found, [d.text for d in find_claims(text, locale)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "per", "per_value", "per_text"),
    [
        ("La ayuda es de 600 euros al mes por persona.", "600 euros", "mes", None, "al mes"),
        ("Un albañil cobra 20 euros por hora.", "20 euros", "hora", None, "por hora"),
        (
            "Se registraron 234 casos por cada 100.000 habitantes.",
            "234",
            "100000 habitantes",
            "100000",
            "por cada 100.000 habitantes",
        ),
        (
            "La lluvia no superó los 15 litros por metro cuadrado.",
            "15 litros",
            "m²",
            None,
            "por metro cuadrado",
        ),
        ("El alquiler ronda los 14 euros/m² en el centro.", "14 euros", "m²", None, "/m²"),
        (
            "La renta es de 30.000 dólares per cápita.",
            "30.000 dólares",
            "persona",
            None,
            "per cápita",
        ),
        ("Ofrecen un interés del 3 % anual.", "3 %", "año", None, "anual"),
        ("Cobran 1.200 euros anuales de cuota.", "1.200 euros", "año", None, "anuales"),
        ("Se detectan 2.000 contagios diarios.", "2.000", "día", None, "diarios"),
        ("La empresa pagó 16 centavos por acción.", "16 centavos", "acción", None, "por acción"),
        ("Gana 4.000 euros brutos al mes.", "4.000 euros", "mes", None, "al mes"),
        ("El impuesto sube 3,8 céntimos por litro.", "3,8 céntimos", "L", None, "por litro"),
        (
            "El tipo queda en 345 euros por cada 1.000 litros.",
            "345 euros",
            "1000 L",
            "1000",
            "por cada 1.000 litros",
        ),
        (
            "Hay 1 cama hospitalaria pública por cada 504 habitantes.",
            "1",
            "504 habitantes",
            "504",
            "por cada 504 habitantes",
        ),
        (
            "La subvención es de 250 euros por cada hijo.",
            "250 euros",
            "hijo",
            None,
            "por cada hijo",
        ),
    ],
)
def test_rates_after_a_claim(
    text: str, written: str, per: str, per_value: str | None, per_text: str
) -> None:
    extra = claim(text, written).extra
    assert extra["per"] == per
    assert extra.get("per_value") == per_value
    assert extra["per_text"] == per_text


def test_a_part_of_a_whole_counts_the_whole_noun() -> None:
    four = claim("Casi cuatro de cada diez chicos están malnutridos.", "cuatro")
    assert four.unit is not None and four.unit["name"] == "chico"
    assert four.extra["per"] == "10 chicos"
    assert four.extra["per_value"] == "10"


def test_an_exchange_rate_is_local_money_per_dollar() -> None:
    rate = claim("En Buenos Aires el dólar subió a $950.", "$950")
    assert rate.unit is not None and rate.unit["code"] == "ARS"
    assert rate.extra["per"] == "USD"
    blue = claim("El dólar blue cerró en $1.000 en la city porteña.", "$1.000")
    assert blue.extra["per"] == "USD"
    euro = claim("Ayer el euro se vendía a 1.100 pesos argentinos.", "1.100 pesos argentinos")
    assert euro.extra["per"] == "EUR"
    soles = claim("El cambio llegó a 3,70 soles por cada dólar.", "3,70 soles")
    assert soles.extra["per"] == "USD"


def test_a_currency_is_never_quoted_in_itself() -> None:
    assert match_exchange_rate("El dólar cerró en 5 dólares.", 18, "USD") is None


@pytest.mark.parametrize(
    ("text", "written", "symbol"),
    [
        ("Cayeron 120 l/m² en Valencia.", "120 l/m²", "l/m²"),
        ("El radar lo cazó a 190 km/h en la autovía.", "190 km/h", "km/h"),
        ("La densidad es de 25 hab./km² en la provincia.", "25 hab./km²", "hab/km²"),
    ],
)
def test_ratio_units_are_units_of_their_own(text: str, written: str, symbol: str) -> None:
    found = claim(text, written)
    assert found.unit is not None and found.unit["symbol"] == symbol
    assert "per" not in found.extra


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("La bolsa cayó un 5 % por la crisis.", "5 %"),
        ("Recibe 600 euros por estar casada.", "600 euros"),
        ("Hubo 30 muertos por covid en la región.", "30"),
        ("Destinó 50 euros al gobierno local.", "50 euros"),
        ("Ganó 20 euros cada uno de ellos.", "20 euros"),
    ],
)
def test_not_a_rate(text: str, written: str) -> None:
    assert "per" not in claim(text, written).extra


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=2, max_value=10**6),
    st.sampled_from(
        [("al mes", "mes"), ("al año", "año"), ("por semana", "semana"), ("a la hora", "hora")]
    ),
)
def test_every_amount_per_time_has_its_period(n: int, period: tuple[str, str]) -> None:
    connector, noun = period
    rate = match_rate(f"Cobra {n} euros {connector}.", len(f"Cobra {n} euros"))
    assert rate is not None and rate.per == noun and rate.unit == noun


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["habitantes", "hogares"]))
def test_every_denominator_keeps_its_number(thousands: int, noun: str) -> None:
    text = f"Hubo 40 casos por cada {thousands}.000 {noun}."
    rate = match_rate(text, len("Hubo 40 casos"))
    assert rate is not None
    assert rate.value == thousands * 1000
    assert rate.per == f"{thousands * 1000} {noun}"


def test_offsets_outside_the_text_are_errors() -> None:
    with pytest.raises(ValueError, match="offset"):
        match_rate("hola", 10)
    with pytest.raises(ValueError, match="offset"):
        match_exchange_rate("hola", -1)


@pytest.mark.parametrize("chunk", ["por cada ", "al ", "/", "dólar a ", "a" * 40 + " "])
def test_adversarial_input_is_bounded(chunk: str) -> None:
    text = "5 " + chunk * (200_000 // len(chunk))
    started = time.perf_counter()
    for pos in range(0, len(text), max(1, len(text) // 2000)):
        match_rate(text, pos)
        match_exchange_rate(text, pos)
    assert time.perf_counter() - started < 60

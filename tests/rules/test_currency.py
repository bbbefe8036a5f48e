"""Currency resolution per document: text, document, region, cues, default; with a basis."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.lang import table
from numclaims.rules.claims import Draft, find_claims
from numclaims.rules.currency import DocumentCurrencies, Resolved, resolver

D = Decimal


def money(text: str, locale: str = "es") -> list[tuple[str, str, str]]:
    """(claim text, code, basis) of every money claim of ``text``."""
    out = []
    for d in find_claims(text, locale):
        if d.kind == "money":
            assert d.unit is not None
            out.append((d.text, str(d.unit["code"]), str(d.unit["basis"])))
    return out


def only(text: str, locale: str = "es") -> Draft:
    [claim] = [d for d in find_claims(text, locale) if d.kind == "money"]
    return claim


# ------------------------------------------------------------------ the examples


def test_a_dollar_sign_in_an_argentine_text_is_the_peso() -> None:
    text = "La jubilación mínima pasó a ser de $2.300, informó la ANSES."
    assert money(text) == [("$2.300", "ARS", "cue:ANSES")]
    assert money("La jubilación mínima pasó a ser de $2.300.", "es-AR") == [
        ("$2.300", "ARS", "region")
    ]


def test_pesos_in_a_story_about_argentina() -> None:
    text = "En la Argentina, un jubilado cobra 85.000 pesos por mes."
    assert money(text) == [("85.000 pesos", "ARS", "cue:Argentina")]


def test_pesos_in_a_chilean_daily() -> None:
    text = "El municipio pagó 2 millones de pesos por el estudio."
    assert money(text, "es-CL") == [("2 millones de pesos", "CLP", "region")]
    cued = "El municipio de Valparaíso pagó 2 millones de pesos por el estudio."
    assert money(cued) == [("2 millones de pesos", "CLP", "cue:Valparaíso")]


# ------------------------------------------------------------------- order of evidence


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("La deuda era de US$ 449 millones.", "USD"),
        ("Pagaron 300.000 pesos argentinos por la obra.", "ARS"),
        ("El pasaje cuesta S/ 3,50 en Lima.", "PEN"),
        ("El producto vale R$ 25 en São Paulo.", "BRL"),
        ("El bono es de 1.000 soles peruanos.", "PEN"),
        ("Cobró 40 euros por la entrada.", "EUR"),
    ],
)
def test_a_currency_written_in_the_mention_is_text(text: str, code: str) -> None:
    [(_, found, basis)] = money(text, "es-AR")  # the region does not override the text
    assert (found, basis) == (code, "text")


def test_a_peso_named_once_settles_every_dollar_sign_after_it() -> None:
    text = (
        "El Fondart entregó 59 millones de pesos chilenos al proyecto. "
        "La segunda etapa costó $22 millones y la tercera, $5 millones."
    )
    found = money(text, "es-AR")  # the document comes before the region
    assert found[0] == ("59 millones de pesos chilenos", "CLP", "text")
    assert found[1:] == [("$22 millones", "CLP", "document"), ("$5 millones", "CLP", "document")]


def test_the_nearest_named_peso_before_wins() -> None:
    text = (
        "En Bogotá se pagan 8.000 pesos colombianos por un almuerzo, "
        "y en Montevideo 400 pesos uruguayos; allí la cena cuesta $600."
    )
    assert money(text)[-1] == ("$600", "UYU", "document")


def test_a_document_that_counts_in_pesos_writes_dollar_signs_for_them() -> None:
    assert money("La canasta cuesta 3,700 pesos: $3,700 al mes.") == [
        ("3,700 pesos", "MXN", "default"),
        ("$3,700", "MXN", "document"),
    ]


def test_a_us_dollar_written_elsewhere_does_not_settle_the_sign() -> None:
    text = "El INDEC informó que la deuda es de US$ 35 mil millones y el salario, $ 90.340."
    assert money(text) == [
        ("US$ 35 mil millones", "USD", "text"),
        ("$ 90.340", "ARS", "cue:INDEC"),
    ]


def test_region_comes_before_cues() -> None:
    text = "En México la gasolina cuesta $24 el litro."
    assert money(text, "es-US") == [("$24", "USD", "region")]
    assert money(text) == [("$24", "MXN", "cue:México")]


@pytest.mark.parametrize(
    ("text", "code", "cue"),
    [
        ("Según el INDEC, la canasta básica cuesta $ 90.340.", "ARS", "INDEC"),
        ("Según el DANE, el salario medio es de $ 1.500.000.", "COP", "DANE"),
        ("El Banco de la República subastó $ 23 billones.", "COP", "Banco de la República"),
        ("Banxico estima que las remesas suman $ 500 millones.", "MXN", "Banxico"),
        ("El BCRA vendió reservas por $ 2.000 millones.", "ARS", "BCRA"),
        ("Un kilo de pan cuesta $ 2.500 en Santiago de Chile, dice el INE.", "CLP", "Chile"),
        ("La Sunat recaudó 3.000 millones; un menú limeño cuesta 15 soles.", "PEN", ""),
        ("En Montevideo el boleto cuesta $ 50.", "UYU", "Montevideo"),
    ],
)
def test_document_cues_decide_without_a_locale(text: str, code: str, cue: str) -> None:
    claims = money(text)
    assert claims, text
    _, found, basis = claims[-1]
    assert found == code
    if cue:
        assert basis == f"cue:{cue}"


def test_ambiguous_cues_are_not_cues() -> None:
    # INE is the statistics office of Spain, Chile, Bolivia … and Mexico's electoral body
    assert money("El INE informó que el kilo de pan cuesta $ 2.500.") == [
        ("$ 2.500", "USD", "default")
    ]
    data = table("currencies")
    cues = {
        c for country in data["countries"].values() for g in country["cues"].values() for c in g
    }
    assert not cues & set(data["ambiguous_cues"])


def test_a_tie_between_countries_falls_back_to_the_default() -> None:
    assert money("México y Colombia firmaron un acuerdo de $5 millones.") == [
        ("$5 millones", "USD", "default")
    ]


def test_defaults() -> None:
    assert money("El producto cuesta $5.") == [("$5", "USD", "default")]
    assert money("Le pagaron 500 pesos.") == [("500 pesos", "MXN", "default")]


# ----------------------------------------------------------------------- coverage


@pytest.mark.parametrize(
    ("text", "locale", "code"),
    [
        ("El kilo de tortilla cuesta $22 en la capital.", "es-MX", "MXN"),
        ("El boleto de colectivo cuesta $ 700.", "es-AR", "ARS"),
        ("El pasaje del metro cuesta $ 800.", "es-CL", "CLP"),
        ("Un almuerzo cuesta $ 15.000.", "es-CO", "COP"),
        ("El menú cuesta S/. 12.", "es-PE", "PEN"),
        ("El boleto cuesta $ 50.", "es-UY", "UYU"),
        ("La garrafa cuesta Bs 22,50.", "es-BO", "BOB"),
        ("El sueldo mínimo es de 2.500 bolivianos.", "es-BO", "BOB"),
        ("El pasaje cuesta ₲ 3.400.", "es", "PYG"),
        ("El pasaje cuesta Gs. 3.400.", "es", "PYG"),
        ("El pasaje cuesta 35 pesos.", "es-DO", "DOP"),
        ("El pan cuesta RD$ 10.", "es", "DOP"),
        ("La libra de arroz cuesta $ 250.", "es-CU", "CUP"),
        ("El salario es de Q 3.200.", "es-GT", "GTQ"),
        ("Le pagan 3.000 quetzales.", "es", "GTQ"),
        ("La canasta cuesta L 9.000.", "es-HN", "HNL"),
        ("Le pagan 9.000 lempiras.", "es", "HNL"),
        ("El pasaje cuesta C$ 2,50.", "es-NI", "NIO"),
        ("Le pagan 8.000 córdobas.", "es", "NIO"),
        ("El kilo de café cuesta ₡ 4.500.", "es", "CRC"),
        ("Le pagan 300.000 colones.", "es", "CRC"),
        ("El tránsito cuesta B/. 500.", "es", "PAB"),
        ("Le pagan 600 balboas.", "es", "PAB"),
        ("El kilo de harina cuesta Bs. 35.", "es-VE", "VES"),
        ("El salario es de 130 bolívares.", "es", "VES"),
        ("El café cuesta R$ 5.", "es", "BRL"),
        ("Le pagan 1.500 reais.", "es", "BRL"),
        ("El café cuesta US$ 3.", "es-AR", "USD"),
        ("El café cuesta $ 3.", "es-EC", "USD"),
        ("El café cuesta $ 3.", "es-SV", "USD"),
        ("El café cuesta 3 €.", "es", "EUR"),
        ("El piso costó 12 millones de pesetas en 1990.", "es-ES", "ESP"),
    ],
)
def test_currencies_of_the_spanish_speaking_world(text: str, locale: str, code: str) -> None:
    assert only(text, locale).unit is not None
    assert only(text, locale).unit["code"] == code  # type: ignore[index]


def test_letters_before_digits_are_no_currency_outside_their_country() -> None:
    assert money("Las ventas del Q3 crecieron.") == []
    assert money("Se vendieron L 5 de aceite.") == []
    # and "bolivianos" are people unless the document is about Bolivia's money
    [claim] = find_claims("Llegaron 5.000 bolivianos a la frontera.")
    assert claim.kind == "quantity"


# ----------------------------------------------------------------------- hundredths


def test_hundredths_take_the_currency_of_the_amount_before() -> None:
    text = "El tipo de cambio pasó de 3,55 a 3,70 soles por cada dólar, un alza de 15 céntimos."
    claim = find_claims(text)[-1]
    assert claim.text == "15 céntimos"
    assert claim.value == D("0.15")
    assert claim.unit is not None
    assert (claim.unit["code"], claim.unit["basis"]) == ("PEN", "document")


def test_hundredths_by_default() -> None:
    claim = only("La acción pagó 16 centavos.")
    assert (claim.value, claim.unit and claim.unit["code"]) == (D("0.16"), "USD")
    claim = only("El impuesto sube 3,8 céntimos.")
    assert (claim.value, claim.unit and claim.unit["code"]) == (D("0.038"), "EUR")
    claim = only("El pan sube 50 centavos.", "es-AR")
    assert (claim.value, claim.unit and claim.unit["basis"]) == (D("0.5"), "region")


# ---------------------------------------------------------------------- bare amounts


def test_a_large_amount_spent_is_money_in_the_local_currency() -> None:
    text = "El presidente colombiano afirma que gastó 117 billones en la pandemia."
    claim = only(text)
    assert claim.value == D("117000000000000")
    assert claim.unit is not None and claim.unit["code"] == "COP"
    assert claim.implicit_unit


def test_a_large_amount_after_an_amount_continues_its_currency() -> None:
    text = "El mayor equivale a 60,2 billones de pesos. Le siguen 24,8 billones, 2,33 % del PIB."
    claims = money(text, "es-CO")
    assert [c[:2] for c in claims] == [
        ("60,2 billones de pesos", "COP"),
        ("24,8 billones", "COP"),
    ]


def test_a_large_count_is_not_money() -> None:
    claims = find_claims("Hay 8 mil millones de personas y 3 mil millones viven en Asia.")
    assert [c.kind for c in claims] == ["quantity", "quantity"]


# ------------------------------------------------------------------------ the resolver


def test_resolver_is_one_scan_per_document() -> None:
    text = "El INDEC informó que la canasta cuesta $ 90.340."
    assert resolver(text) is resolver(text)
    assert resolver(text).resolve("$DOLLAR", 40) == Resolved("ARS", "cue:INDEC")
    with pytest.raises(KeyError):
        resolver(text).resolve("$NOPE", 0)
    with pytest.raises(ValueError, match="locale"):
        DocumentCurrencies(text, "pt-BR")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["es-AR", "es-CL", "es-CO", "es-UY", "es-MX"]),
    st.integers(min_value=1, max_value=10**9),
)
def test_a_peso_region_reads_every_bare_sign_as_its_peso(locale: str, n: int) -> None:
    code = {"es-AR": "ARS", "es-CL": "CLP", "es-CO": "COP", "es-UY": "UYU", "es-MX": "MXN"}
    claim = only(f"El gasto fue de ${n} este año.", locale)
    assert claim.unit is not None
    assert (claim.unit["code"], claim.unit["basis"]) == (code[locale], "region")
    assert claim.value == n


def test_adversarial_cues_are_linear() -> None:
    import time

    text = "Argentina Chile " * 50_000 + "$5"
    started = time.perf_counter()
    DocumentCurrencies(text).resolve("$DOLLAR", len(text) - 2)
    assert time.perf_counter() - started < 60

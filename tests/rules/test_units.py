"""Tests for numclaims.units: units after and before numerals, singulars, "$"."""

from __future__ import annotations

import json
import time
import warnings
from decimal import Decimal
from importlib.resources import files
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.rules.units import (
    UnitMatch,
    dollar_code,
    match_unit_after,
    match_unit_before,
    peso_code,
    singularize,
)

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60


def after(text: str, numeral: str, **kwargs: Any) -> UnitMatch | None:
    """Unit after the first occurrence of ``numeral`` in ``text``."""
    end = text.index(numeral) + len(numeral)
    return match_unit_after(text, end, **kwargs)


def before(text: str, numeral: str, **kwargs: Any) -> UnitMatch | None:
    """Unit before the first occurrence of ``numeral`` in ``text``."""
    return match_unit_before(text, text.index(numeral), **kwargs)


def surface(text: str, m: UnitMatch | None) -> str:
    assert m is not None
    assert m.unit["text"] == text[m.start : m.end]
    return text[m.start : m.end]


# ------------------------------------------------------------------ counted nouns


def test_counted_noun_after_plain_number() -> None:
    text = "Seúl identificó al menos 10,000 contenedores sospechosos enviados a Rusia"
    m = after(text, "10,000")
    assert m is not None
    assert m.kind == "counted"
    assert surface(text, m) == "contenedores"
    assert m.unit == {"text": "contenedores", "name": "contenedor"}
    assert m.scale is None


@pytest.mark.parametrize(
    ("text", "numeral", "noun", "lemma"),
    [
        (
            "Corea del Norte pudo enviar hasta 4.8 millones de proyectiles",
            "4.8 millones",
            "proyectiles",
            "proyectil",
        ),
        ("la UE prometió 1 millón de proyectiles a Kiev", "1 millón", "proyectiles", "proyectil"),
        (
            "viven en el país 10.5 millones de indocumentados, según un estudio",
            "10.5 millones",
            "indocumentados",
            "indocumentado",
        ),
        ("se enviaron millones de rondas de municiones", "millones", "rondas", "ronda"),
        (
            "unos 2 mil millones de personas carecen de agua",
            "2 mil millones",
            "personas",
            "persona",
        ),
    ],
)
def test_counted_noun_after_scale_word(text: str, numeral: str, noun: str, lemma: str) -> None:
    m = after(text, numeral, after_scale=True)
    assert m is not None
    assert m.kind == "counted"
    assert surface(text, m) == noun
    assert m.unit["name"] == lemma
    assert text[: m.start].endswith("de ")


@pytest.mark.parametrize(
    ("text", "numeral", "lemma"),
    [
        (
            "Las autoridades contabilizaron 485 mil 656 muertes, de las cuales",
            "485 mil 656",
            "muerte",
        ),
        ("con 18,008 votos militares y 8.410 aún por verificar", "18,008", "voto"),
        ("obtuvo 3.033.753 votos (32,72%) en la primera ronda", "3.033.753", "voto"),
        ("El edificio de dos pisos comenzó a aceptar pacientes", "dos", "piso"),
        ("Al menos 12 jóvenes resultaron heridos", "12", "joven"),
        ("Se incautaron 40 camiones con mercancía", "40", "camión"),
        ("El conflicto ha dejado 300 mil desplazados", "300 mil", "desplazado"),
        ("Sólo 1 persona sobrevivió al accidente", "1", "persona"),
        ("El juicio duró una semana después del arresto", "una", "semana"),
        ("El brote afectó a 14 países de la región", "14", "país"),
        ("Tiene 65 años de edad o más", "65", "año"),
    ],
)
def test_counted_noun_realistic(text: str, numeral: str, lemma: str) -> None:
    m = after(text, numeral)
    assert m is not None
    assert m.kind == "counted"
    assert m.unit["name"] == lemma


@pytest.mark.parametrize(
    ("text", "numeral"),
    [
        ("La votación se celebró el 10 de junio en todo el país", "10"),
        ("Sólo 5 de los 20 detenidos fueron liberados", "5"),
        ("Son 3 que se suman a los anteriores", "3"),
        ("Llegaron 2 y luego se fueron", "2"),
        ("De los 7 dijo que ninguno estaba armado", "7"),
        ("En 2020 murieron más personas que nunca", "2020"),
        ("En 1492 Colón llegó a América", "1492"),
        ("Los 10 primeros clasificados", "10"),
        ("Fueron 25 en total", "25"),
        ("Ganó 2 a 1 en el último minuto", "2"),
        ("Quedaron 3 más por revisar", "3"),
        ("la variante 1 causó más contagios", "1"),
        ("hubo 2 que se salvaron", "2"),
        ("los 3 mejores del torneo", "3"),
        ("Las víctimas, 2 de ellas menores", "2"),
        ("El 7 de febrero se repitió la votación", "7"),
        ("Las cifras de 2016 y 2017, informó este lunes", "2016"),
    ],
)
def test_not_a_unit(text: str, numeral: str) -> None:
    assert after(text, numeral) is None


def test_singular_noun_needs_the_number_one() -> None:
    assert after("Se registraron 2 persona en la lista", "2") is None
    m = after("Se registró 1 persona en la lista", "1")
    assert m is not None
    assert m.unit["name"] == "persona"
    assert after("Se registró 21 persona", "21") is None


def test_scale_word_followed_by_a_closed_class_word() -> None:
    assert after("unos 5 millones de ellos votaron", "5 millones", after_scale=True) is None
    assert after("los 2 millones que faltan", "2 millones", after_scale=True) is None


def test_line_breaks_and_no_break_spaces_inside_the_gap() -> None:
    text = "al menos 10,000\ncontenedores"
    m = after(text, "10,000")
    assert m is not None
    assert m.unit["name"] == "contenedor"
    m = after("subió un 7\u00a0% anual", "7")
    assert m is not None
    assert m.kind == "percent"


def test_de_after_plain_number_is_not_a_unit_but_after_scale_is() -> None:
    text = "el 10 de los 20 millones de habitantes"
    assert after(text, "10") is None
    m = after(text, "20 millones", after_scale=True)
    assert m is not None
    assert m.unit["name"] == "habitante"


# ----------------------------------------------------------------------- currency


@pytest.mark.parametrize(
    ("text", "numeral", "code", "unit_text", "scale"),
    [
        ("la UE aportará 8 mil millones de euros al fondo", "8 mil millones", "EUR", "euros", None),
        (
            "una ayuda de 13,380 millones de dólares para las empresas",
            "13,380 millones",
            "USD",
            "dólares",
            None,
        ),
        (
            "más de 191 mil millones de pesos mexicanos",
            "191 mil millones",
            "MXN",
            "pesos mexicanos",
            None,
        ),
        (
            "5 billones de pesos colombianos en subsidios",
            "5 billones",
            "COP",
            "pesos colombianos",
            None,
        ),
        ("una inversión de 500 mdd en la planta", "500", "USD", "mdd", Decimal(10) ** 6),
        ("El presupuesto asciende a 8 mil mdd", "8 mil", "USD", "mdd", Decimal(10) ** 6),
        ("Pemex pagará 120 mdp de multa en México", "120", "MXN", "mdp", Decimal(10) ** 6),
        ("el contrato de 5 M€ con la Generalitat", "5", "EUR", "M€", Decimal(10) ** 6),
        ("una beca de 20 k€ al año", "20", "EUR", "k€", Decimal(10) ** 3),
        ("cuesta 25€ la entrada", "25", "EUR", "€", None),
        ("un préstamo de 300 millones USD", "300 millones", "USD", "USD", None),
        (
            "una multa de 2 millones de libras esterlinas",
            "2 millones",
            "GBP",
            "libras esterlinas",
            None,
        ),
        ("Tokio invertirá 3 billones de yenes", "3 billones", "JPY", "yenes", None),
        ("un crédito de 10.000 millones de yuanes", "10.000 millones", "CNY", "yuanes", None),
        ("Moscú gastó 40 millones de rublos", "40 millones", "RUB", "rublos", None),
        ("el salario mínimo subió a 130 bolívares", "130", "VES", "bolívares", None),
        ("el pasaje cuesta 4 soles en Lima", "4", "PEN", "soles", None),
        ("Brasil recaudó 7 mil millones de reales", "7 mil millones", "BRL", "reales", None),
        (
            "una cuenta con 3 millones de francos suizos",
            "3 millones",
            "CHF",
            "francos suizos",
            None,
        ),
        ("compró 2 bitcoins en 2017", "2", "BTC", "bitcoins", None),
        ("alrededor de 3,700 pesos cada mes", "3,700", "MXN", "pesos", None),
    ],
)
def test_currency_after(
    text: str, numeral: str, code: str, unit_text: str, scale: Decimal | None
) -> None:
    m = after(text, numeral, after_scale=numeral.endswith(("mil", "millones", "billones")))
    assert m is not None
    assert m.kind == "currency"
    assert surface(text, m) == unit_text
    assert m.unit["code"] == code
    assert m.unit["symbol"]
    assert m.unit["name"]
    assert m.scale == scale


def test_scale_letter_already_in_the_numeral() -> None:
    text = "un contrato de 5 M€ con la Generalitat"
    m = after(text, "5 M", after_scale=True)  # the scanner took "M" as the scale
    assert m is not None
    assert (surface(text, m), m.unit["code"], m.scale) == ("€", "EUR", None)
    m = after(text, "5")  # the scanner did not: the unit carries the scale
    assert m is not None
    assert (surface(text, m), m.scale) == ("M€", Decimal(1000000))


def test_currency_after_connector_is_outside_the_unit_span() -> None:
    text = "8 mil millones de euros"
    m = after(text, "8 mil millones", after_scale=True)
    assert m is not None
    assert (m.start, m.end) == (18, 23)


@pytest.mark.parametrize(
    ("text", "numeral", "code", "sign"),
    [
        ("El fondo dispone de US$ 5 millones", "5 millones", "USD", "US$"),
        ("la deuda llega a USD 250 millones", "250 millones", "USD", "USD"),
        ("una entrada de €15 en taquilla", "15", "EUR", "€"),
        ("vendido por £3 millones", "3 millones", "GBP", "£"),
        ("una ganancia de ¥500 millones", "500 millones", "JPY", "¥"),
        ("el real cerró a R$ 5,20 por dólar", "5,20", "BRL", "R$"),
        ("el pasaje cuesta S/ 3,50 en Lima", "3,50", "PEN", "S/"),
        ("el pasaje cuesta S/. 3,50 en Lima", "3,50", "PEN", "S/."),
        ("el litro cuesta MX$ 24", "24", "MXN", "MX$"),
        ("un bono de COP$ 500.000 por hogar", "500.000", "COP", "COP$"),
        ("En Argentina el pan cuesta U$S 2", "2", "USD", "U$S"),
    ],
)
def test_currency_before(text: str, numeral: str, code: str, sign: str) -> None:
    m = before(text, numeral)
    assert m is not None
    assert m.kind == "currency"
    assert surface(text, m) == sign
    assert m.unit["code"] == code


def test_dollar_sign_in_colombian_news_is_cop() -> None:
    text = (
        "El Gobierno de Colombia giró en esos siete meses 5 billones de pesos: "
        "$2.3 billones para el 80% de las empresas grandes"
    )
    m = before(text, "2.3 billones")
    assert m is not None
    assert m.unit["code"] == "COP"
    assert (m.start, m.end) == (text.index("$"), text.index("$") + 1)
    pesos = after(text, "5 billones", after_scale=True)
    assert pesos is not None
    assert pesos.unit["code"] == "COP"


def test_dollar_sign_hint_and_locale() -> None:
    text = "El ingreso medio es de $450 al mes"
    m = before(text, "450")
    assert m is not None
    assert m.unit["code"] == "USD"
    m = before(text, "450", locale="es-MX")
    assert m is not None
    assert m.unit["code"] == "MXN"
    m = before(text, "450", locale="es-MX", currency_hint="CLP")
    assert m is not None
    assert m.unit["code"] == "CLP"


def test_no_currency_before() -> None:
    assert before("Hubo 40 heridos", "40") is None
    assert before("el modelo ABC$ 5 no existe", "5") is None  # sign glued to letters
    assert before("en 2020 hubo", "2020") is None


@pytest.mark.parametrize(
    ("locale", "code"),
    [
        ("es-MX", "MXN"),
        ("es_MX", "MXN"),
        ("es-CO", "COP"),
        ("es-AR", "ARS"),
        ("es-CL", "CLP"),
        ("es-US", "USD"),
        ("es-PR", "USD"),
        ("es-EC", "USD"),
        ("es-SV", "USD"),
        ("es-PA", "USD"),
        ("es-ES", "USD"),
        ("es", "USD"),
    ],
)
def test_dollar_code_by_locale(locale: str, code: str) -> None:
    assert dollar_code(locale) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("El peso mexicano se depreció; en México la gasolina cuesta $24.", "MXN"),
        ("En Colombia, el Gobierno colombiano entregó $500.000 por hogar.", "COP"),
        ("La inflación en Argentina obligó al Gobierno argentino a emitir billetes.", "ARS"),
        ("El cobre chileno subió; Chile exportó por $3 billones.", "CLP"),
        ("En Estados Unidos el salario mínimo es de $7.25 la hora.", "USD"),
        ("México y Estados Unidos firmaron; EE.UU. aportará $5 millones en dólares.", "USD"),
        ("La canasta básica cuesta 3,700 pesos: $3,700 al mes.", "MXN"),
        ("El producto cuesta $5.", "USD"),
        ("México y Colombia firmaron un acuerdo de $5 millones.", "USD"),
    ],
)
def test_dollar_code_from_document(text: str, code: str) -> None:
    assert dollar_code("es", text) == code


def test_dollar_code_regional_locale_ignores_text() -> None:
    assert dollar_code("es-US", "En México la gasolina cuesta $24.") == "USD"
    with pytest.raises(ValueError, match="locale"):
        dollar_code("pt-BR")


def test_peso_code() -> None:
    assert peso_code("es") == "MXN"
    assert peso_code("es-AR") == "ARS"
    assert peso_code("es", "El Banco de la República de Colombia") == "COP"
    assert peso_code("es-ES", "Los jubilados argentinos cobran 90.000 pesos") == "ARS"
    text = "En Chile se pagan 5.000 pesos por el pasaje"
    m = after(text, "5.000")
    assert m is not None
    assert m.unit["code"] == "CLP"
    m = after(text, "5.000", locale="es-MX")
    assert m is not None
    assert m.unit["code"] == "MXN"
    m = after(text, "5.000", currency_hint="COP")
    assert m is not None
    assert m.unit["code"] == "COP"
    m = after(text, "5.000", currency_hint="USD")  # not a peso: ignored for "pesos"
    assert m is not None
    assert m.unit["code"] == "CLP"


# ------------------------------------------------------------------------ percent


@pytest.mark.parametrize(
    ("text", "numeral", "unit_text"),
    [
        ("El paro bajó al 12,5 % en marzo", "12,5", "%"),
        ("para el 80% de las empresas grandes", "80", "%"),
        ("la pobreza alcanzó el 23.1 por ciento.", "23.1", "por ciento"),
        ("una eficacia del 79,9 por ciento, en los participantes", "79,9", "por ciento"),
        ("sólo el 50 por cien de los votos", "50", "por cien"),
        ("el 15 ％ de los inversores", "15", "％"),
    ],
)
def test_percent(text: str, numeral: str, unit_text: str) -> None:
    m = after(text, numeral)
    assert m is not None
    assert m.kind == "percent"
    assert surface(text, m) == unit_text
    assert m.unit["name"] == "percent"
    assert m.unit["symbol"] == "%"


def test_percentage_and_basis_points() -> None:
    text = "la brecha se redujo 5 puntos porcentuales respecto al año pasado"
    m = after(text, "5")
    assert m is not None
    assert m.kind == "percentage_point"
    assert surface(text, m) == "puntos porcentuales"
    assert m.unit["name"] == "percentage point"
    assert m.unit["symbol"] == "pp"
    text = "El Banxico subió la tasa 50 puntos básicos, hasta 11,25%"
    m = after(text, "50")
    assert m is not None
    assert m.kind == "percentage_point"
    assert m.unit["name"] == "basis point"
    m = after("la inflación bajó 1,2 pp en un año", "1,2")
    assert m is not None
    assert m.kind == "percentage_point"


def test_percent_is_not_taken_after_de() -> None:
    assert after("hasta 3 millones de % anual", "3 millones", after_scale=True) is None


# ----------------------------------------------------------------------- physical


QUANTULUM_EXPECTED = [
    ("El radar alcanza 300 km de distancia", "300", "km", "kilometre", "length", "Kilometre"),
    ("a 40 kilómetros de la frontera", "40", "kilómetros", "kilometre", "length", "Kilometre"),
    ("a 40 kilometros de la frontera", "40", "kilometros", "kilometre", "length", "Kilometre"),
    ("el incendio arrasó 12 Km de costa", "12", "Km", "kilometre", "length", "Kilometre"),
    (
        "Una superficie de 2.500 kilómetros cuadrados",
        "2.500",
        "kilómetros cuadrados",
        "square kilometre",
        "area",
        "Square_kilometre",
    ),
    (
        "un territorio de 4.000 km² en el este",
        "4.000",
        "km²",
        "square kilometre",
        "area",
        "Square_kilometre",
    ),
    (
        "una nave de 34.000 metros cuadrados de dos pisos",
        "34.000",
        "metros cuadrados",
        "square metre",
        "area",
        "Square_metre",
    ),
    ("un piso de 90 m2 en Madrid", "90", "m2", "square metre", "area", "Square_metre"),
    (
        "Un hospital de 366.000 pies cuadrados",
        "366.000",
        "pies cuadrados",
        "square foot",
        "area",
        "Square_foot",
    ),
    ("El fuego quemó 1.200 hectáreas de monte", "1.200", "hectáreas", "hectare", "area", "Hectare"),
    ("se arrasaron 300 ha de cultivo", "300", "ha", "hectare", "area", "Hectare"),
    ("El muro mide 3 metros de alto", "3", "metros", "metre", "length", "Metre"),
    ("una tormenta dejó 15 cm de nieve", "15", "cm", "centimetre", "length", "Centimetre"),
    ("cayeron 80 milímetros de lluvia", "80", "milímetros", "millimetre", "length", "Millimetre"),
    ("se incautaron 2 toneladas de cocaína", "2", "toneladas", "tonne", "mass", "Tonne"),
    ("un paquete de 5 kg de explosivos", "5", "kg", "kilogram", "mass", "Kilogram"),
    ("un paquete de 20 kilogramos", "20", "kilogramos", "kilogram", "mass", "Kilogram"),
    ("contenía 500 gramos de oro", "500", "gramos", "gram", "mass", "Gram"),
    ("el consumo de 150 litros por persona", "150", "litros", "litre", "volume", "Litre"),
    ("produce 2 l de leche", "2", "l", "litre", "volume", "Litre"),
    (
        "la OPEP recortará 2 millones de barriles diarios",
        "2 millones",
        "barriles",
        "barrel",
        "volume",
        "Barrel_(unit)",
    ),
    (
        "temperaturas de hasta 45 grados en Sevilla",
        "45",
        "grados",
        "degree Celsius",
        "temperature",
        "Celsius",
    ),
    ("se alcanzaron 35 °C a la sombra", "35", "°C", "degree Celsius", "temperature", "Celsius"),
    (
        "hizo 40 grados centígrados",
        "40",
        "grados centígrados",
        "degree Celsius",
        "temperature",
        "Celsius",
    ),
    ("hizo 40 grados Celsius", "40", "grados Celsius", "degree Celsius", "temperature", "Celsius"),
    (
        "en Texas se registraron 110 °F",
        "110",
        "°F",
        "degree fahrenheit",
        "temperature",
        "Fahrenheit",
    ),
    ("la central de 600 MW cerró", "600", "MW", "megawatt", "power", "Megawatt"),
    ("un parque eólico de 50 megavatios", "50", "megavatios", "megawatt", "power", "Megawatt"),
    ("una capacidad de 3 GW en 2030", "3", "GW", "gigawatt", "power", "Gigawatt"),
    ("paneles de 5 kW en el tejado", "5", "kW", "kilowatt", "power", "Kilowatt"),
    ("el precio del kWh: 300 kWh al mes", "300", "kWh", "kilowatt hour", "energy", "Kilowatt_hour"),
    (
        "circulaba a 180 km/h por la autopista",
        "180",
        "km/h",
        "kilometre per hour",
        "speed",
        "Kilometres_per_hour",
    ),
    (
        "a 120 kilómetros por hora",
        "120",
        "kilómetros por hora",
        "kilometre per hour",
        "speed",
        "Kilometres_per_hour",
    ),
    ("a 200 millas de la costa", "200", "millas", "mile", "length", "Mile"),
    (
        "una fiebre de 101 fahrenheit",
        "101",
        "fahrenheit",
        "degree fahrenheit",
        "temperature",
        "Fahrenheit",
    ),
    ("el helio se licúa a 4 kelvin", "4", "kelvin", "kelvin", "temperature", "Kelvin"),
    ("una pantalla de 55 pulgadas", "55", "pulgadas", "inch", "length", "Inch"),
]


@pytest.mark.parametrize(
    ("text", "numeral", "unit_text", "name", "entity", "uri"), QUANTULUM_EXPECTED
)
def test_physical_units(
    text: str, numeral: str, unit_text: str, name: str, entity: str, uri: str
) -> None:
    m = after(text, numeral, after_scale="millones" in numeral)
    assert m is not None
    assert m.kind == "physical"
    assert surface(text, m) == unit_text
    assert (m.unit["name"], m.unit["entity"], m.unit["uri"]) == (name, entity, uri)
    assert m.unit["symbol"]
    assert m.scale is None


def test_composite_units_quantulum_lacks() -> None:
    text = "una densidad de 120 habitantes por km² en la provincia"
    m = after(text, "120")
    assert m is not None
    assert m.kind == "physical"
    assert surface(text, m) == "habitantes por km²"
    assert m.unit["name"] == "inhabitant per square kilometre"
    text = "generó 1.500 GWh el año pasado"
    m = after(text, "1.500")
    assert m is not None
    assert (m.unit["name"], m.unit["entity"]) == ("gigawatt hour", "energy")


def test_longest_match_and_case() -> None:
    m = after("2.500 kilómetros cuadrados", "2.500")
    assert m is not None
    assert m.unit["name"] == "square kilometre"
    m = after("2.500 kilómetros de frontera", "2.500")
    assert m is not None
    assert m.unit["name"] == "kilometre"
    assert after("un láser de 5 mW", "5") is None  # milliwatt is not megawatt
    m = after("una red 5G", "5")
    assert m is None


def test_hectare_symbol_is_not_the_verb_haber() -> None:
    assert after("El 2020 ha sido un año difícil", "2020") is None
    assert after("el número 7 ha cambiado", "7") is None


def test_capitalized_currency_words_are_names() -> None:
    assert after("En 1492 Colón llegó a América", "1492") is None
    assert after("ganó con 2 Real Madrid de ventaja", "2") is None
    m = after("TEMPERATURA: 20 Grados Celsius", "20")
    assert m is not None
    assert m.unit["name"] == "degree Celsius"
    m = after("PAGÓ 5 EUROS", "5")
    assert m is not None
    assert m.unit["code"] == "EUR"


def test_unit_dict_is_json_safe() -> None:
    text = "hasta 4.8 millones de proyectiles, 500 mdd y 34.000 metros cuadrados"
    for numeral, scale in (("4.8 millones", True), ("500", False), ("34.000", False)):
        m = after(text, numeral, after_scale=scale)
        assert m is not None
        assert json.loads(json.dumps(m.unit)) == m.unit


def test_offsets_are_validated() -> None:
    with pytest.raises(ValueError, match="offset"):
        match_unit_after("5 km", 9)
    with pytest.raises(ValueError, match="offset"):
        match_unit_before("5 km", -1)


def test_putin_article_sample(sample_article: str) -> None:
    text = sample_article
    m = after(text, "10,000")
    assert m is not None
    assert m.unit["name"] == "contenedor"
    # the PDF extraction left a double space inside "4.8  millones"
    numeral = regex.search(r"4\.8\s+millones", text)
    assert numeral is not None
    m = match_unit_after(text, numeral.end(), after_scale=True)
    assert m is not None
    assert m.unit["name"] == "proyectil"


# -------------------------------------------------------------------- singularize

SINGULARS = [
    ("contenedores", "contenedor"),
    ("proyectiles", "proyectil"),
    ("rondas", "ronda"),
    ("votos", "voto"),
    ("muertes", "muerte"),
    ("países", "país"),
    ("indocumentados", "indocumentado"),
    ("millones", "millón"),
    ("lápices", "lápiz"),
    ("meses", "mes"),
    ("crisis", "crisis"),
    ("análisis", "análisis"),
    ("personas", "persona"),
    ("jóvenes", "joven"),
    ("exámenes", "examen"),
    ("camiones", "camión"),
    ("municiones", "munición"),
    ("ciudades", "ciudad"),
    ("mujeres", "mujer"),
    ("hombres", "hombre"),
    ("padres", "padre"),
    ("calles", "calle"),
    ("hospitales", "hospital"),
    ("leyes", "ley"),
    ("reyes", "rey"),
    ("veces", "vez"),
    ("luces", "luz"),
    ("imágenes", "imagen"),
    ("órdenes", "orden"),
    ("crímenes", "crimen"),
    ("regímenes", "régimen"),
    ("iraníes", "iraní"),
    ("héroes", "héroe"),
    ("tanques", "tanque"),
    ("buques", "buque"),
    ("ataques", "ataque"),
    ("misiles", "misil"),
    ("aviones", "avión"),
    ("rehenes", "rehén"),
    ("leones", "león"),
    ("autobuses", "autobús"),
    ("intereses", "interés"),
    ("obuses", "obús"),
    ("dólares", "dólar"),
    ("virus", "virus"),
    ("lunes", "lunes"),
    ("portaaviones", "portaaviones"),
    ("viajes", "viaje"),
    ("redes", "red"),
    ("virtudes", "virtud"),
    ("árboles", "árbol"),
    ("cárceles", "cárcel"),
    ("especies", "especie"),
    ("series", "serie"),
    ("sofás", "sofá"),
    ("comités", "comité"),
    ("razones", "razón"),
    ("trenes", "tren"),
    ("empresas", "empresa"),
    ("habitantes", "habitante"),
    ("mipymes", "mipyme"),
    ("pisos", "piso"),
    ("dosis", "dosis"),
    ("relojes", "reloj"),
    ("torres", "torre"),
    ("guiones", "guion"),
]


@pytest.mark.parametrize(("plural", "singular"), SINGULARS)
def test_singularize(plural: str, singular: str) -> None:
    assert singularize(plural) == singular


def test_singularize_leaves_singulars_alone() -> None:
    for word in ("contenedor", "persona", "país", "mes", "crisis", "camión", "autobús"):
        assert singularize(word) == word


@given(st.sampled_from([s for _, s in SINGULARS if not s.endswith("s")]))
def test_singularize_is_idempotent_on_singulars(word: str) -> None:
    assert singularize(word) == word


@given(st.sampled_from(SINGULARS))
def test_singularize_keeps_case_of_first_letter(pair: tuple[str, str]) -> None:
    plural, singular = pair
    assert singularize(plural.capitalize()) == singular[0].upper() + singular[1:]


# ------------------------------------------------------------ hypothesis properties

_UNIT_TEXTS = st.sampled_from(
    [
        " km",
        " euros",
        "%",
        " por ciento",
        " contenedores",
        " de junio",
        " metros cuadrados",
        " que",
        " MW",
        " mdd",
        " y",
        "",
        " grados",
        " dólares",
        " habitantes por km²",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(alphabet="abc $€%de ", max_size=20),
    number=st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    tail=_UNIT_TEXTS,
    suffix=st.text(alphabet="abc de,.", max_size=20),
)
def test_match_stays_next_to_the_numeral(prefix: str, number: str, tail: str, suffix: str) -> None:
    text = prefix + number + tail + suffix
    end = len(prefix) + len(number)
    m = match_unit_after(text, end)
    if m is not None:
        assert end <= m.start < m.end <= len(text)
        assert text[end : m.start].strip() == ""
        assert m.unit["text"] == text[m.start : m.end]
    b = match_unit_before(text, len(prefix))
    if b is not None:
        assert b.end <= len(prefix)
        assert text[b.end : len(prefix)].strip() == ""


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=0, max_value=60))
def test_never_crashes_on_arbitrary_text(text: str, offset: int) -> None:
    offset = min(offset, len(text))
    match_unit_after(text, offset, after_scale=True)
    match_unit_before(text, offset)


# ------------------------------------------------------------------- adversarial


@pytest.mark.parametrize("chunk", ["de ", "% ", "$", "5 ", "km ", "a" * 50 + " ", " "])
def test_adversarial_megabyte_is_fast(chunk: str) -> None:
    text = "1 " + chunk * (1_000_000 // len(chunk))
    started = time.perf_counter()
    match_unit_after(text, 1, after_scale=True)
    match_unit_before(text, len(text) - 1)
    dollar_code("es", text)
    # many calls, as a scanner would make: each is bounded by a small window.
    step = max(1, len(text) // 20_000)
    for pos in range(0, len(text), step):
        match_unit_after(text, pos, after_scale=True)
        match_unit_before(text, pos)
    assert time.perf_counter() - started < HANG  # a guard against a hang, not a speed test


# ----------------------------------------------------------- quantulum3 catalog


@pytest.fixture(scope="session")
def quantulum_catalog() -> Any:
    """quantulum3's unit catalog, loaded once per session (it takes seconds)."""
    load = pytest.importorskip("quantulum3.load")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Classifier dependencies", category=UserWarning)
        return load.units("en_US").names


#: Entities of our composite units that quantulum3's catalog does not have.
ENTITIES_NOT_IN_QUANTULUM3 = {"population density"}


def _data(name: str) -> Any:
    """A data file as written (the rules read it through numclaims.lang, frozen)."""
    return json.loads((files("numclaims") / "lang" / name).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_quantulum_table_matches_catalog(quantulum_catalog: Any) -> None:
    table = _data("quantulum_units.json")["units"]
    assert table, "quantulum_units.json is empty"
    for name, record in table.items():
        unit = quantulum_catalog[name]
        assert record == {
            "name": unit.name,
            "symbols": list(unit.symbols),
            "entity": unit.entity.name,
            "entity_dimensions": [
                {"base": d["base"], "power": d["power"]} for d in unit.entity.dimensions
            ],
            "dimensions": [{"base": d["base"], "power": d["power"]} for d in unit.dimensions],
            "uri": unit.uri,
        }, name


@pytest.mark.slow
def test_units_es_references_only_derived_or_composite_units(quantulum_catalog: Any) -> None:
    spec = _data("es/units.json")
    table = _data("quantulum_units.json")["units"]
    referenced = {e["quantulum"] for e in spec["physical_after"] if "quantulum" in e}
    assert referenced <= set(table), referenced - set(table)
    composites = spec["composite_units"]
    entities = {u.entity.name for u in quantulum_catalog.values()}
    for entry in spec["physical_after"]:
        assert ("quantulum" in entry) != ("composite" in entry), entry
        if "composite" in entry:
            assert entry["composite"] in composites
    for name, composite in composites.items():
        assert name not in quantulum_catalog, f"{name} is now in quantulum3: use it"
        assert composite["entity"] in entities or composite["entity"] in ENTITIES_NOT_IN_QUANTULUM3
        for dim in composite["dimensions"]:
            assert dim["base"] in quantulum_catalog, dim


def test_unit_forms_are_unique_in_the_data_file() -> None:
    spec = _data("es/units.json")
    seen: dict[str, str] = {}
    fold = str.maketrans("áéíóúü", "aeiouu")
    for group in ("currency_after", "percent_after", "physical_after"):
        for entry in spec[group]:
            owner = str(
                entry.get("code")
                or entry.get("name")
                or entry.get("quantulum")
                or entry.get("composite")
            )
            forms = [("w", w.lower().translate(fold)) for w in entry.get("words", ())]
            forms += [("s", s) for s in entry.get("symbols", ())]
            for form in forms:
                key = f"{form[0]}:{form[1]}"
                assert key not in seen, f"{form[1]!r} in both {seen.get(key)} and {owner}"
                seen[key] = owner
    for code in {e["code"] for e in spec["currency_after"] + spec["currency_before"]}:
        assert code.startswith("$") or code in spec["currencies"], code


# ------------------------------------------------- claims: units carried and shared


def _units_of(text: str, locale: str = "es") -> list[tuple[str, str | None, Decimal | None]]:
    from numclaims.rules.claims import find_claims

    out = []
    for d in find_claims(text, locale):
        u = d.unit
        name = None if u is None else str(u.get("code") or u.get("symbol") or u.get("name"))
        out.append((d.text, name, d.value))
    return out


def test_a_counted_noun_carries_to_an_elliptic_number_past_amounts() -> None:
    text = "De los 150 socios, 90 pagan 30 euros al mes, pero hay otros 60 que no pagan."
    assert _units_of(text) == [
        ("150", "socio", Decimal(150)),
        ("90", "socio", Decimal(90)),
        ("30 euros", "EUR", Decimal(30)),
        ("60", "socio", Decimal(60)),
    ]


def test_a_counted_noun_carries_past_a_percentage() -> None:
    text = (
        "Las ventas nacionales subieron hasta 700 coches, las importadas crecieron 12 %, hasta 250."
    )
    assert _units_of(text)[-1] == ("250", "coche", Decimal(250))


def test_a_short_sentence_takes_the_unit_of_the_sentence_before() -> None:
    text = "Con el plan anterior se dieron 90 mil créditos. Con este, solamente 12 mil."
    assert _units_of(text)[-1] == ("12 mil", "crédito", Decimal(12000))


def test_an_amount_with_a_rate_continues_the_currency() -> None:
    text = "Cobra 600 euros al mes y 250 por cada hijo."
    assert _units_of(text)[-1] == ("250", "EUR", Decimal(250))


def test_a_unit_written_once_is_shared_by_coordinated_numbers() -> None:
    assert _units_of("Educación y Sanidad recibirán 3.120 y 5.410 millones de euros.") == [
        ("3.120", "EUR", Decimal(3120000000)),
        ("5.410 millones de euros", "EUR", Decimal(5410000000)),
    ]
    assert _units_of("El paro fue del 14 y 11,5 %, respectivamente.") == [
        ("14", "%", Decimal(14)),
        ("11,5 %", "%", Decimal("11.5")),
    ]
    assert _units_of("Quiere bajar el consejo de 40 a 15 miembros.") == [
        ("40", "miembro", Decimal(40)),
        ("15", "miembro", Decimal(15)),
    ]


def test_points_of_a_percentage_are_percentage_points() -> None:
    assert _units_of("En el sondeo el partido subió tres puntos.") == [
        ("tres puntos", "pp", Decimal(3))
    ]
    assert _units_of("El gasto creció 4 puntos, del 40 % al 44 %.")[0] == (
        "4 puntos",
        "pp",
        Decimal(4),
    )
    # a level and a stock index are plain points
    assert _units_of("El Ibex subió un 1,2 % hasta los 11.500 puntos.")[-1] == (
        "11.500",
        "punto",
        Decimal(11500),
    )
    assert _units_of("El Merval ganó 300 puntos.") == [("300", "punto", Decimal(300))]


def test_veces_is_a_multiplier_or_a_count_of_occurrences() -> None:
    assert _units_of("La brecha entre ricos y pobres era de nueve veces.") == [
        ("nueve veces", "x", Decimal(9))
    ]
    assert _units_of("El vídeo fue compartido 12.000 veces.") == [("12.000", "vez", Decimal(12000))]


def test_prenominal_adjectives_and_quoted_nouns_are_counted() -> None:
    assert _units_of("Cerraron 120 pequeñas empresas.") == [("120", "empresa", Decimal(120))]
    assert _units_of("La foto tiene 230 «me gusta» y 40 «compartir».") == [
        ("230", "me gusta", Decimal(230)),
        ("40", "compartir", Decimal(40)),
    ]


def test_every_currency_says_how_it_was_decided() -> None:
    from numclaims.rules.claims import find_claims

    text = "El INDEC informó que un jubilado cobra $ 90.340, unos US$ 90, y 20 centavos más."
    bases = [d.unit["basis"] for d in find_claims(text) if d.unit and d.kind == "money"]
    assert bases == ["cue:INDEC", "text", "document"]

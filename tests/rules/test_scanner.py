"""The scanner: where the numbers of a text are, and which of them are not quantities."""

from __future__ import annotations

import time
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.lang import table
from numclaims.rules.claims import find_claims
from numclaims.rules.scanner import Mention, scan
from numclaims.rules.text import fold as fold_text


def kinds(text: str, locale: str = "es") -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in scan(text, locale)]


def numbers(text: str, locale: str = "es") -> list[tuple[str, Decimal | None]]:
    return [(m.text, m.value) for m in scan(text, locale) if m.kind == "number"]


def test_sample_sentence_numbers_and_values() -> None:
    text = (
        "Seúl había identificado al menos 10,000 contenedores sospechosos. Esos contenedores "
        "podrían contener hasta 4.8  millones de proyectiles, dijo Shin."
    )
    assert numbers(text) == [("10,000", Decimal(10000)), ("4.8  millones", Decimal(4_800_000))]


def test_mexican_style_and_long_scale_in_context() -> None:
    text = (
        "Ese año hubo un total de 485 mil 656 muertes, de las cuales 112 mil 222 tuvieron "
        "que ver con alguna enfermedad infecciosa; el plan suma 13 mil 200 millones de euros."
    )
    assert numbers(text) == [
        ("485 mil 656", Decimal(485656)),
        ("112 mil 222", Decimal(112222)),
        ("13 mil 200 millones", Decimal(13_200_000_000)),
    ]


def test_words_in_context() -> None:
    text = (
        "Veinticinco municipios y doscientas treinta y dos familias recibieron un millón y medio."
    )
    assert numbers(text) == [
        ("Veinticinco", Decimal(25)),
        ("doscientas treinta y dos", Decimal(232)),
        ("un millón y medio", Decimal(1_500_000)),
    ]


def test_number_at_line_break_of_a_pdf() -> None:
    text = "podrían contener hasta 4.8\nmillones de proyectiles"
    assert numbers(text) == [("4.8\nmillones", Decimal(4_800_000))]


def test_blank_line_separates_numbers() -> None:
    assert numbers("Eran 3\n\nmillones de personas") == [("3", Decimal(3))]


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("En su primera visita a Corea del Norte desde el año 2000, Putin", "year", "2000"),
        ("Las elecciones del 2016 fueron reñidas.", "year", "2016"),
        ("La reunión será el 15 de junio de 2024 en Madrid.", "date", "15 de junio de 2024"),
        ("celebrada el 7 de febrero.", "date", "7 de febrero"),
        ("El vuelo sale el 15/06/2024 a primera hora.", "date", "15/06/2024"),
        ("El documento está fechado el 2024-06-15.", "date", "2024-06-15"),
        ("La rueda de prensa empieza a las 10:30.", "time", "10:30"),
        ("El mercado abre a las 9 y cierra a las 14.", "time", "9"),
        ("Llame al teléfono 91 234 56 78 para más información.", "phone", "91 234 56 78"),
        ("Su número es +34 612 345 678.", "phone", "+34 612 345 678"),
        ("En su primera visita a Corea", "ordinal", "primera"),
        ("Quedó en 3er lugar.", "ordinal", "3er"),
        ("El 1.º de mayo se celebra.", "ordinal", "1.º"),
        ("la 2ª edición", "ordinal", "2ª"),
        ("El cuarto trimestre fue malo.", "ordinal", "cuarto"),
        ("la pandemia de COVID-19 llegó", "identifier", "COVID-19"),
        ("la pandemia del covid-19 llegó", "identifier", "covid-19"),
        ("La cumbre del G7 terminó.", "identifier", "G7"),
        ("compró cazas F-16 nuevos", "identifier", "F-16"),
        ("la versión 1.2.3 del programa", "identifier", "1.2.3"),
        ("de uno de los países más aislados del mundo", "article", "uno"),
        ("con una amplia comitiva de ministros", "article", "una"),
        ("Se trata de un viaje raro", "article", "un"),
    ],
)
def test_non_quantity_mentions(text: str, kind: str, span: str) -> None:
    assert (kind, span) in kinds(text)
    assert all(m.kind != "number" or m.text != span for m in scan(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("solo la mitad de esa cantidad", "la mitad", Decimal("0.5")),
        ("dos tercios de los votos", "dos tercios", None),
        ("tres cuartos de la población", "tres cuartos", Decimal("0.75")),
        ("un quinto del presupuesto", "un quinto", Decimal("0.2")),
    ],
)
def test_ratios(text: str, span: str, value: Decimal | None) -> None:
    [m] = [m for m in scan(text) if m.kind == "ratio"]
    assert m.text == span
    if value is not None:
        assert m.value == value


@pytest.mark.parametrize(
    ("text", "span", "magnitude"),
    [
        ("ha suministrado a Rusia millones de rondas de municiones", "millones", 10**6),
        ("Miles de personas salieron a la calle", "Miles", 1000),
        ("dejó decenas de muertos", "decenas", 10),
        ("cientos de heridos", "cientos", 100),
        ("miles de millones de euros", "miles de millones", 10**9),
    ],
)
def test_vague_magnitudes(text: str, span: str, magnitude: int) -> None:
    [m] = [m for m in scan(text) if m.kind == "vague"]
    assert (m.text, m.value, m.value_min) == (span, None, magnitude)


def test_scale_word_after_a_number_is_not_vague() -> None:
    assert kinds("3 millones de personas") == [("number", "3 millones")]


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("entre 10 y 20 millones de personas", "10 y 20 millones", 10**7, 2 * 10**7),
        ("de 3 a 5 millones de euros", "3 a 5 millones", 3 * 10**6, 5 * 10**6),
        ("subió un 10-15 % este año", "10-15", 10, 15),
        ("entre el 10 y el 15 % de los votos", "10 y el 15", 10, 15),
        ("entre 500.000 y 2 millones de barriles", "500.000 y 2 millones", 500_000, 2 * 10**6),
        ("del 5 al 8 % del PIB", "5 al 8", 5, 8),
    ],
)
def test_ranges_distribute_the_scale(text: str, span: str, lo: int, hi: int) -> None:
    [m] = [m for m in scan(text) if m.kind == "range"]
    assert (m.text, m.value_min, m.value_max) == (span, lo, hi)


def test_year_ranges_are_not_quantity_ranges() -> None:
    assert all(m.kind != "range" for m in scan("el periodo 2016-2017 fue duro"))


def test_four_digit_numbers_are_only_maybe_years() -> None:
    [m] = scan("más de 2000 soldados")
    assert m.kind == "number" and m.maybe_year
    [m] = scan("unos 2500 soldados")
    assert m.kind == "number" and not m.maybe_year


def test_por_ciento_is_not_the_number_cien() -> None:
    assert numbers("el 23.1 por ciento de las muertes") == [("23.1", Decimal("23.1"))]


def test_a_region_does_not_decide_a_doubtful_separator() -> None:
    # the document's evidence does: here its euros (comma-decimal in Spanish prose)
    assert numbers("pagó 1,500 euros", "es-MX") == [("1,500", Decimal("1.5"))]
    assert numbers("pagó 1,500 pesos", "es-ES") == [("1,500", Decimal(1500))]


def test_document_convention() -> None:
    # a text that writes "2,5 %" reads its "1,250" as a decimal number
    text = "La inflación fue del 2,5 % y el índice cerró en 1,250 puntos."
    assert ("1,250", Decimal("1.25")) in numbers(text)


def test_offsets_point_into_the_text() -> None:
    text = "Unos 800 tractores y 1.200 hectáreas, según la Delegación."
    for m in scan(text):
        assert text[m.start : m.end] == m.text
        assert isinstance(m, Mention)


@pytest.mark.parametrize("text", ["", "Sin cifras aquí.", "¿?¡!…", "\x00\x01\ufeff", "🙂" * 100])
def test_texts_without_numbers(text: str) -> None:
    assert [m for m in scan(text) if m.kind == "number"] == []


def test_wrong_type() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        scan(b"10 euros")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "1." * 100_000,
        "1," * 100_000,
        "mil " * 50_000,
        "1 " * 100_000,
        "de " * 66_000,
        "entre 1 y " * 20_000,
        "12 34 56 " * 22_000,
        "COVID-19 " * 22_000,
        "-" * 200_000,
        "millones de " * 18_000,
    ],
)
def test_adversarial_input_does_not_hang(text: str) -> None:
    # a guard against a hang only: linearity is measured by the benchmarks
    start = time.perf_counter()
    for m in scan(text):
        assert text[m.start : m.end] == m.text
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("La temperatura bajó a -5 grados en Soria.", "-5", "-5"),
        ("El saldo comercial fue de −3,2 millones de euros.", "−3,2 millones", "-3200000"),
        ("El PIB cayó un -2,5 % en el trimestre.", "-2,5", "-2.5"),
        ("La variación anual (-0,4 %) sorprendió.", "-0,4", "-0.4"),
    ],
)
def test_a_glued_minus_sign_is_taken(text: str, mention: str, value: str) -> None:
    [m] = [m for m in scan(text) if m.kind == "number"]
    assert (m.text, m.value) == (mention, Decimal(value))


@pytest.mark.parametrize(
    "text", ["El Madrid ganó 3-1 al Betis.", "Se esperan 10-15 litros.", "Es el COVID-19."]
)
def test_a_hyphen_between_numbers_is_no_sign(text: str) -> None:
    assert all(m.value is None or m.value >= 0 for m in scan(text))


@pytest.mark.parametrize("text", ["Calentar la cuajada hasta 37ºC.", "Llegó a 36,6 ºC."])
def test_masculine_ordinal_sign_before_c_is_a_degree(text: str) -> None:
    assert [m.kind for m in scan(text)] == ["number"]


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("La inflación fue del siete con cincuenta por ciento.", "siete con cincuenta", "7.5"),
        ("Subió un 3 con 25 % en un año.", "3 con 25", "3.25"),
        ("La deuda es de uno con cinco millones de pesos.", "uno con cinco millones", "1500000"),
        ("Recibió dos con tres millones de votos.", "dos con tres millones", "2300000"),
    ],
)
def test_con_as_a_decimal_mark(text: str, mention: str, value: str) -> None:
    [m] = [m for m in scan(text) if m.kind == "number"]
    assert (m.text, m.value) == (mention, Decimal(value))


def test_con_between_counts_is_no_decimal_mark() -> None:
    text = "Ganaron siete con cuatro goles de diferencia."
    assert [m.value for m in scan(text)] == [Decimal(7), Decimal(4)]


@pytest.mark.parametrize(
    ("text", "mention", "kind", "value"),
    [
        ("Llegaron 200 personas, 3/4 de ellas mujeres.", "3/4", "ratio", "0.75"),
        ("El 1/2 de los votos fue nulo.", "1/2", "ratio", "0.5"),
        ("Afecta al 3/4 % de la población.", "3/4", "number", "0.75"),
    ],
)
def test_slash_fractions(text: str, mention: str, kind: str, value: str) -> None:
    [m] = [m for m in scan(text) if m.text == mention]
    assert (m.kind, m.value) == (kind, Decimal(value))


@pytest.mark.parametrize("text", ["Abierto 24/7 todo el año.", "Nació el 1/2/2024."])
def test_slashes_that_are_no_fractions(text: str) -> None:
    assert all(m.kind != "ratio" for m in scan(text))


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("Murieron una docena de personas en el incendio.", "una docena", 12),
        ("Hubo media docena de heridos leves.", "media docena", 6),
        ("Se vendieron 3 docenas de huevos.", "3 docenas", 36),
        ("Compró quince docenas de rosas.", "quince docenas", 180),
    ],
)
def test_dozens(text: str, mention: str, value: int) -> None:
    [m] = scan(text)
    assert (m.text, m.kind, m.value) == (mention, "number", Decimal(value))


def test_dozens_take_their_counted_noun() -> None:
    import numclaims

    [claim] = numclaims.extract("Murieron una docena de personas.", nlp=numclaims.load("blank"))
    assert claim.unit is not None and claim.unit["name"] == "persona"


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("Acudieron entre 10 y 12 mil personas.", 10_000, 12_000),
        ("Costará entre 5 y 7 mil millones de dólares.", 5 * 10**9, 7 * 10**9),
        ("Cobran de 10 a 12 mil euros al año.", 10_000, 12_000),
        ("Asistieron entre diez y doce mil personas.", 10_000, 12_000),
        ("Entre 1 y 20 millones de euros se perdieron.", 10**6, 20 * 10**6),
        ("Hubo entre 500 y 2 mil heridos.", 500, 2000),  # 500 is a whole figure already
        ("Pagaron entre 900 mil y 1,2 millones.", 900_000, 1_200_000),
    ],
)
def test_the_scale_of_a_range_applies_to_its_bare_lower_bound(text: str, lo: int, hi: int) -> None:
    [rng] = [m for m in scan(text) if m.kind == "range"]
    assert (rng.value_min, rng.value_max) == (Decimal(lo), Decimal(hi))


def test_a_fall_from_a_to_b_is_two_figures_not_a_range() -> None:
    text = "La población pasó de 12 a 9 millones de habitantes."
    mentions = [m for m in scan(text) if m.kind != "article"]
    assert [(m.kind, m.text, m.value) for m in mentions] == [
        ("number", "12", Decimal(12_000_000)),
        ("number", "9 millones", Decimal(9_000_000)),
    ]


def test_a_version_before_a_count_does_not_swallow_it() -> None:
    text = "Versión 2.0.1 500 descargas."
    assert [(m.kind, m.text) for m in scan(text)] == [
        ("identifier", "2.0.1"),
        ("number", "500"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("La inflación fue de siete con 05 por ciento.", "7.05"),
        ("La inflación fue de siete con 50 por ciento.", "7.50"),
        ("Subió un tres con cinco por ciento.", "3.5"),
    ],
)
def test_con_decimals_keep_the_digits_as_written(text: str, value: str) -> None:
    [m] = [m for m in scan(text) if m.kind == "number"]
    assert m.value == Decimal(value)


def test_an_en_dash_before_digits_is_a_minus_as_in_parse_number() -> None:
    [m] = scan("La mínima fue de –5 grados en Burgos.")
    assert (m.text, m.value) == ("–5", Decimal(-5))
    [rng] = scan("Se esperan 10–15 grados.")
    assert rng.kind == "range"


def test_decimals_in_words_above_a_thousand_are_one_number() -> None:
    text = "La ciudad tiene setenta y nueve mil novecientos sesenta y cinco punto siete hectáreas."
    [m] = [m for m in scan(text) if m.kind == "number"]
    assert m.value == Decimal("79965.7")


@pytest.mark.parametrize(
    "digits", ["9" * 30, "-" + "9" * 35, "1" + "0" * 38, "123456789012345678901234567891"]
)
def test_long_values_are_never_rounded(digits: str) -> None:
    text = f"El saldo fue de {digits} unidades y {digits.lstrip('-')} docenas."
    values = [m.value for m in scan(text) if m.kind == "number"]
    assert values == [Decimal(digits), Decimal(int(digits.lstrip("-")) * 12)]
    assert all(v is not None and len(v.as_tuple().digits) >= 30 for v in values)


# --- the word lists of numbers.json, each in its general form ---------------------------------

NUMBERS = table("numbers")
SMALL = st.integers(min_value=25, max_value=999)  # no clock hour, no year


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted((c, j) for c, js in NUMBERS["range_cues"].items() for j in js)),
    SMALL,
    SMALL,
    st.sampled_from(["", "el ", "los "]),
)
def test_every_range_cue_and_join(pair: tuple[str, str], a: int, b: int, article: str) -> None:
    cue, join = pair
    lo, hi = min(a, b), max(a, b) + 1
    text = f"Serán {cue} {article}{lo} {join} {article}{hi} personas."
    [m] = [m for m in scan(text) if m.kind == "range"]
    assert (m.value_min, m.value_max) == (lo, hi)
    assert m.cue is not None and m.cue[2] == cue
    other = [
        j
        for js in NUMBERS["range_cues"].values()
        for j in js
        if j not in NUMBERS["range_cues"][cue]
    ]
    for wrong in other:  # "entre 10 a 20" is no range
        assert all(m.kind != "range" for m in scan(f"Serán {cue} {lo} {wrong} {hi} personas."))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(NUMBERS["range_dashes"]), SMALL, SMALL)
def test_every_range_dash(dash: str, a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b) + 1
    [m] = scan(f"Se esperan {lo}{dash}{hi} litros.")
    assert (m.kind, m.value_min, m.value_max, m.cue) == ("range", lo, hi, None)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(NUMBERS["ordinal_suffixes"]))
def test_every_ordinal_suffix(n: int, suffix: str) -> None:
    [m] = scan(f"Quedó en el {n}{suffix} lugar.")
    assert (m.kind, m.text, m.value) == ("ordinal", f"{n}{suffix}", n)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(NUMBERS["ordinal_marks"]),
    st.sampled_from(["", "."]),
)
def test_every_ordinal_mark(n: int, mark: str, point: str) -> None:
    [m] = scan(f"Es la {n}{point}{mark} edición.")
    assert (m.kind, m.text, m.value) == ("ordinal", f"{n}{point}{mark}", n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(NUMBERS["degree_signs"]))
def test_every_degree_sign_is_no_ordinal(n: int, sign: str) -> None:
    for spelled in (sign, sign.upper()):
        assert [m.kind for m in scan(f"Llegó a {n}{spelled} ayer.")] == ["number"]


@pytest.mark.parametrize("head", NUMBERS["vague_multiplied"])
@pytest.mark.parametrize("tail", NUMBERS["vague_multipliers"])
def test_every_vague_compound(head: str, tail: str) -> None:
    vague = NUMBERS["vague"]
    [link] = NUMBERS["vague_links"]
    [m] = scan(f"Perdieron {head} {link} {tail} {link} euros.")
    assert (m.kind, m.text) == ("vague", f"{head} {link} {tail}")
    assert m.value_min == int(vague[head]) * int(vague[tail])


@pytest.mark.parametrize("word", sorted(NUMBERS["vague"]))
def test_every_vague_word_needs_its_link(word: str) -> None:
    [link] = NUMBERS["vague_links"]
    [m] = scan(f"Vinieron {word} {link} personas.")
    assert (m.kind, m.value_min) == ("vague", int(NUMBERS["vague"][word]))
    assert all(m.kind != "vague" for m in scan(f"Vinieron {word} personas."))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(sorted(NUMBERS["collective_numbers"].items())),
)
def test_every_collective_number(n: int, noun: tuple[str, int]) -> None:
    word, size = noun
    [m] = scan(f"Se vendieron {n} {word} de huevos.")
    assert (m.kind, m.text, m.value) == ("number", f"{n} {word}", n * size)


@pytest.mark.parametrize(("form", "role"), sorted(NUMBERS["article_forms"].items()))
def test_every_article_form(form: str, role: str) -> None:
    [m] = scan(f"Vio {form} caso.")
    assert (m.kind, m.value) == ("article", 1)
    word = min(NUMBERS["collective_numbers"], key=len)  # the singular, "docena"
    dozen = [m.kind for m in scan(f"Vio {form} {word} de casos.")]
    assert dozen == (["number"] if role == "before_noun" else ["article"])


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=99),
    st.sampled_from(NUMBERS["decimal_joiners"]),
    st.sampled_from(NUMBERS["percent_signs"]),
)
def test_decimal_joiner_before_a_percent_sign(a: int, b: int, joiner: str, sign: str) -> None:
    space = "" if sign == "%" else " "
    [m] = [
        m for m in scan(f"Subió un {a} {joiner} {b}{space}{sign} este año.") if m.kind == "number"
    ]
    assert m.value == Decimal(f"{a}.{b}")
    assert [m.kind for m in scan(f"Ganaron {a} {joiner} {b} goles.")].count("number") == 2


@pytest.mark.parametrize("sign", [s for s in NUMBERS["percent_signs"] if " " in s])
def test_a_percent_phrase_is_no_number(sign: str) -> None:
    assert [(m.kind, m.text) for m in scan(f"El 23 {sign} de las muertes.")] == [("number", "23")]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(NUMBERS["time_prepositions"]),
    st.sampled_from(NUMBERS["time_articles"]),
    st.integers(min_value=0, max_value=24),
)
def test_every_clock_cue(preposition: str, article: str, hour: int) -> None:
    [m] = scan(f"Abre {preposition} {article} {hour} en punto.")
    assert (m.kind, m.value) == ("time", hour)
    assert scan(f"Abre {preposition} {article} {hour + 25} en punto.")[0].kind == "number"


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=28),
    st.sampled_from(NUMBERS["months"][:12]),
    st.integers(min_value=1900, max_value=2099),
    st.sampled_from(NUMBERS["date_day_links"]),
    st.sampled_from(NUMBERS["date_year_links"]),
)
def test_every_date_link(day: int, month: str, year: int, link: str, year_link: str) -> None:
    text = f"Llegó el {day} {link} {month} {year_link} {year} a Madrid."
    assert [(m.kind, m.text) for m in scan(text)] == [
        ("date", f"{day} {link} {month} {year_link} {year}")
    ]
    assert [(m.kind, m.text) for m in scan(f"Fue en {month} {year_link} {year}.")] == [
        ("date", f"{month} {year_link} {year}")
    ]


# --- the long tail of numerals (issue 11) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("La temperatura cayó a menos cuarenta y dos grados.", "menos cuarenta y dos", -42),
        ("El saldo quedó en menos 3.400.000 pesos.", "menos 3.400.000", -3_400_000),
        ("De madrugada marcó 7 bajo cero en Soria.", "7 bajo cero", -7),
        ("- 1 4/5 es el resultado", "- 1 4/5", Decimal("-1.8")),
        ("La variación fue de -4/5 en el trimestre.", "-4/5", Decimal("-0.8")),
    ],
)
def test_signs_in_words_and_marks(text: str, span: str, expected: Decimal | int) -> None:
    found = [(m.text, m.value) for m in scan(text) if m.value is not None]
    assert (span, Decimal(expected)) in found


def test_bajo_cero_after_the_degree_unit_negates_the_number() -> None:
    mentions = scan("El termómetro marcó 5 grados bajo cero al amanecer.")
    assert [(m.text, m.value) for m in mentions] == [("5", Decimal(-5))]


@pytest.mark.parametrize(
    "text",
    [
        "Murieron al menos 10 personas.",
        "Hubo por lo menos 30 heridos.",
        "No saldrá a menos que 5 ministros lo pidan.",
        "Ganó menos de 5 votos.",
        "Costó más o menos 20 euros.",
        "Son las diez menos 5 minutos.",
    ],
)
def test_menos_that_is_no_sign(text: str) -> None:
    assert all(m.value is None or m.value >= 0 for m in scan(text))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Se necesitan 2 1/4 tazas de harina.", "2 1/4", Decimal("2.25")),
        ("El recorrido mide 10 1/2 millas.", "10 1/2", Decimal("10.5")),
        ("Compró 2½ kilos de pan.", "2½", Decimal("2.5")),
        ("El resultado es ⅙ del total.", "⅙", None),
        ("Uno de cada ½ litro.", "½", Decimal("0.5")),
        ("La probabilidad es de 1 sobre 21.", "1 sobre 21", None),
        ("La nota media es siete sobre diez.", "siete sobre diez", Decimal("0.7")),
    ],
)
def test_fractions_in_digits(text: str, span: str, expected: Decimal | None) -> None:
    found = {m.text: m for m in scan(text)}
    assert span in found
    m = found[span]
    if expected is not None:
        assert m.value == expected
    else:
        assert m.exact is not None  # 1/6, 1/21: no decimal holds them


def test_a_fraction_that_no_decimal_holds_keeps_its_exact_value() -> None:
    [m] = scan("La probabilidad es de 1 sobre 21.")
    assert m.exact == Fraction(1, 21)
    [m] = scan("ciento tres con dos tercios")
    assert m.exact == Fraction(311, 3)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("El margen bajó a ,45 puntos.", ",45", Decimal("0.45")),
        ("La variación fue -,0031 en la sesión.", "-,0031", Decimal("-0.0031")),
        ("La inflación fue de tres con dos.", "tres con dos", Decimal("3.2")),
        ("Cerró en siete con cincuenta.", "siete con cincuenta", Decimal("7.50")),
        ("El índice marcó 2 con siete.", "2 con siete", Decimal("2.7")),
        ("La cifra es 2 punto siete.", "2 punto siete", Decimal("2.7")),
    ],
)
def test_decimals_with_a_leading_mark_or_a_joining_word(
    text: str, span: str, expected: Decimal
) -> None:
    assert (span, expected) in numbers(text)


def test_con_between_counts_stays_two_numbers() -> None:
    assert numbers("Ganaron siete con cuatro goles de ventaja.") == [
        ("siete", Decimal(7)),
        ("cuatro", Decimal(4)),
    ]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("La distancia es de 1e10 metros.", "1e10", Decimal(10**10)),
        ("El factor vale 1,1^23 en el modelo.", "1,1^23", Decimal(11**23) / Decimal(10**23)),
        ("Se cuentan 10^6 células.", "10^6", Decimal(10**6)),
        ("Hay 1,5 × 10^9 usuarios.", "1,5 × 10^9", Decimal(1_500_000_000)),
        ("El inverso es 2,5^-1 exactamente.", "2,5^-1", Decimal("0.4")),
        ("La carga es de 12,32e+14 electrones.", "12,32e+14", Decimal(1_232_000_000_000_000)),
        ("El error es -12e-1 unidades.", "-12e-1", Decimal("-1.2")),
    ],
)
def test_exponents_and_scientific_notation(text: str, span: str, expected: Decimal) -> None:
    assert (span, expected) in numbers(text, "es-ES")


def test_a_glued_letter_before_digits_stays_an_identifier() -> None:
    assert kinds("El COVID-19 y el G7 se reunieron.") == [
        ("identifier", "COVID-19"),
        ("identifier", "G7"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("El precio en Londres es GBP7,45 la unidad.", "7,45", Decimal("7.45")),
        ("Pagó USD2,80 por acción.", "2,80", Decimal("2.80")),
    ],
)
def test_a_currency_code_glued_to_its_amount(text: str, span: str, expected: Decimal) -> None:
    # a number, not an identifier like "G7": the claims read the code as its currency
    assert (span, expected) in numbers(text)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Compró un kilogramo de arroz.", "un", Decimal(1)),
        ("El pasaje cuesta un dólar.", "un", Decimal(1)),
        ("Llevó media docena de huevos.", "media docena", Decimal(6)),
        ("Pidió una docena y media de rosas.", "una docena y media", Decimal(18)),
        ("Encargó dos mil y cuatro docenas de tornillos.", "dos mil y cuatro docenas", 2048),
        ("Vendió cinco dozs de huevos.", "cinco dozs", Decimal(60)),
        ("Faltan dos mil y un votos.", "dos mil y un", Decimal(2001)),
    ],
)
def test_counted_one_and_dozens(text: str, span: str, expected: Decimal | int) -> None:
    assert (span, Decimal(expected)) in numbers(text)


def test_un_before_a_counted_noun_stays_an_article() -> None:
    assert kinds("Dio un paso al frente.") == [("article", "un")]


def test_media_is_a_number_only_when_it_quantifies() -> None:
    assert numbers("Esperó media hora en la fila.") == [("media", Decimal("0.5"))]
    assert numbers("Bebió medio litro de agua.") == [("medio", Decimal("0.5"))]
    assert scan("La media de edad es alta.") == []
    assert numbers("Por medio de un decreto.") == []


def test_a_range_of_thousands_in_words_keeps_its_bounds() -> None:
    [m] = scan("Acudieron entre dos mil y tres mil personas.")
    assert (m.kind, m.value_min, m.value_max) == ("range", Decimal(2000), Decimal(3000))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ocho dólares y veinte centavos", [("ocho", Decimal(8)), ("veinte", Decimal(20))]),
        ("menos dos y medio kilómetros por hora", [("menos dos y medio", Decimal("-2.5"))]),
        ("dos porciento de los votos", [("dos", Decimal(2))]),
        ("Ocho Dólares Y Veinte Centavos", [("Ocho", Decimal(8)), ("Veinte", Decimal(20))]),
    ],
)
def test_lower_case_unpunctuated_speech(text: str, expected: list[tuple[str, Decimal]]) -> None:
    assert numbers(text) == expected


def test_bare_hundreds_after_millions_in_speech() -> None:
    assert numbers("Le pagaron $5 millones cuatrocientos") == [
        ("5 millones cuatrocientos", Decimal(5_400_000))
    ]
    assert numbers("Vinieron un millón doscientas personas.") == [
        ("un millón doscientas", Decimal(1_000_200))
    ]


def test_apostrophe_groups_millions_in_the_scanner() -> None:
    assert numbers("El auto vale $2’450.000 en Bogotá.") == [("2’450.000", Decimal(2_450_000))]


def test_a_spaced_degree_sign_is_no_ordinal_mark() -> None:
    assert kinds("La fiebre llegó a 37º C por la tarde.") == [("number", "37")]
    assert kinds("Se celebró el 2º Congreso.") == [("ordinal", "2º")]


def test_a_range_takes_the_signs_of_its_bounds() -> None:
    [m] = scan("La nota quedó entre menos diez y quince.")
    assert (m.kind, m.value_min, m.value_max) == ("range", Decimal(-10), Decimal(15))
    [m] = scan("Las mínimas irán de menos 3 a menos 1.")
    assert (m.value_min, m.value_max) == (Decimal(-3), Decimal(-1))


# -- issue 12: ranges written with units, articles and currency signs ---------------------


def the_range(text: str) -> tuple[str, Decimal | None, Decimal | None]:
    [m] = [m for m in scan(text) if m.kind == "range"]
    return m.text, m.value_min, m.value_max


@pytest.mark.parametrize(
    ("text", "span", "lo", "hi"),
    [
        ("La subida será de entre un 25 % y un 40 %.", "25 % y un 40", 25, 40),
        ("El paro quedará entre el 12 % y el 15 %.", "12 % y el 15", 12, 15),
        ("El pasaje cuesta entre $0,20 y $0,50.", "0,20 y $0,50", Decimal("0.2"), Decimal("0.5")),
        ("Habrá de 2,5 a 6,1 millones de afectados.", "2,5 a 6,1 millones", 2_500_000, 6_100_000),
        ("Un ingreso de $15 a $20 mil al mes.", "15 a $20 mil", 15_000, 20_000),
        ("Caminó unas 20 o 30 cuadras.", "20 o 30", 20, 30),
        ("Una fiebre de 38 °C a 39 °C es habitual.", "38 °C a 39", 38, 39),
    ],
)
def test_ranges_with_units_articles_and_signs(
    text: str, span: str, lo: Decimal | int, hi: Decimal | int
) -> None:
    assert the_range(text) == (span, lo, hi)


def test_entre_ranges_give_one_claim_with_the_unit() -> None:
    [d] = find_claims("Costará entre $0,20 y $0,50 por litro.")
    assert (d.text, d.qualifier, d.value_min, d.value_max) == (
        "$0,20 y $0,50",
        "range",
        Decimal("0.2"),
        Decimal("0.5"),
    )
    assert d.unit is not None and d.unit["kind"] == "currency"


@pytest.mark.parametrize(
    "text",
    [
        "El dólar pasó de 950 a 1.020 pesos.",
        "La tarifa subió del 31 % al 35 %.",
        "El tipo de cambio varió de 3,55 a 3,70 soles.",
    ],
)
def test_de_x_a_y_after_a_verb_of_change_is_two_figures(text: str) -> None:
    assert [m.kind for m in scan(text)] == ["number", "number"]


def test_a_qualified_amount_after_a_verb_of_change_is_a_range() -> None:
    assert the_range("El valor cae alrededor del 10 al 15 por ciento.")[1:] == (10, 15)


@given(
    lo=st.integers(min_value=1, max_value=98),
    gap=st.integers(min_value=1, max_value=50),
    article=st.sampled_from(["", "el ", "un "]),
)
@settings(max_examples=60)
def test_any_entre_x_percent_y_y_percent_is_one_range(lo: int, gap: int, article: str) -> None:
    hi = lo + gap
    text = f"La inflación estará entre {article}{lo} % y {article}{hi} % este año."
    [m] = [m for m in scan(text) if m.kind not in ("article",)]
    assert (m.kind, m.value_min, m.value_max) == ("range", lo, hi)


@given(
    lo=st.integers(min_value=1, max_value=899),
    step=st.integers(min_value=1, max_value=99),
    scale=st.sampled_from([("mil", 3), ("millones", 6), ("mil millones", 9)]),
)
@settings(max_examples=60)
def test_a_scale_written_once_distributes_over_both_ends(
    lo: int, step: int, scale: tuple[str, int]
) -> None:
    hi = lo + step
    text = f"Se esperan de {lo} a {hi} {scale[0]} de visitantes."
    [m] = scan(text)
    assert (m.kind, m.value_min, m.value_max) == (
        "range",
        Decimal(lo).scaleb(scale[1]),
        Decimal(hi).scaleb(scale[1]),
    )


# -- issue 12: no claim where there is none -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "span"),
    [
        ("El 5G llegará al 90 % de la población.", "identifier", "5G"),
        ("La cumbre del G20 terminó ayer.", "identifier", "G20"),
        ("Circula la gripe H3N2 este invierno.", "identifier", "H3N2"),
        ("El lote B4X7 fue retirado.", "identifier", "B4X7"),
        ("El Ibex 35 cerró en rojo.", "identifier", "35"),
        ("Lo emitió el Canal 13 anoche.", "identifier", "13"),
        ("Según el artículo 27 de la Constitución.", "identifier", "27"),
        ("El Real Decreto 463/2020 declaró la alarma.", "identifier", "463/2020"),
        ("La Ley 1437 regula el procedimiento.", "identifier", "1437"),
        ("Consta en la página 88 del informe.", "identifier", "88"),
        ("Los presos del módulo 3 protestaron.", "identifier", "3"),
        ("El Madrid ganó (2-1) al Sevilla.", "score", "2-1"),
        ("El equipo venció 3-0 al líder.", "score", "3-0"),
        ("Quedó en el 29° lugar de la tabla.", "ordinal", "29°"),
        ("La demanda llegó al 12° Juzgado Civil.", "ordinal", "12°"),
        ("Ganó en la 2ª vuelta.", "ordinal", "2ª"),
        ("Busca un quinto mandato consecutivo.", "ordinal", "quinto"),
        ("Es su cuarto intento.", "ordinal", "cuarto"),
        ("La temperatura subirá entre 2025 y 2050.", "year", "2025 y 2050"),
        ("Entre 2016 y 2019, la deuda creció.", "year", "2016 y 2019"),
        ("El curso 2019-20 se alargó.", "year", "2019-20"),
        ("Nació el 15-marzo-2021 en Lima.", "date", "15-marzo-2021"),
        ("Llame gratis al 01 800 123 4567.", "phone", "01 800 123 4567"),
        ("Publicó el mensaje a las 7.59 de la mañana.", "time", "7.59"),
        ("El incendio empezó el domingo 4 por la tarde.", "date", "domingo 4"),
        ("Lo difundió en Twitter (1, 2) y en Facebook.", "reference", "1, 2"),
        ("El país figura en la posición 24 de la lista.", "identifier", "24"),
    ],
)
def test_issue_12_non_claims(text: str, kind: str, span: str) -> None:
    assert (kind, span) in kinds(text)
    assert all(span not in d.text for d in find_claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Las pruebas serán entre el 10 y el 12 de agosto.",
        "Abrirá del 3 al 5 de mayo.",
        "Los días 4, 5 y 6 de junio habrá paro.",
    ],
)
def test_days_listed_before_a_date_are_dates(text: str) -> None:
    assert find_claims(text) == []
    assert all(m.kind == "date" for m in scan(text))


def test_numbers_listed_after_a_name_number_are_names() -> None:
    assert [m.kind for m in scan("Según los artículos 27 y 28 de la ley.")] == [
        "identifier",
        "identifier",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Viajan en vuelos de media y larga distancia.",
        "Lo pagó por medio del programa oficial.",
        "Quedaron atrapados en medio de la nieve.",
        "El salario medio es de 1.200 euros.",
        "La clase media.",
    ],
)
def test_medio_as_an_adjective_or_an_idiom_is_no_number(text: str) -> None:
    assert all(fold_text(m.text) not in ("medio", "media") for m in scan(text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Duró casi dos meses y medio.", "dos", Decimal("2.5")),
        ("Pesa tres kilos y medio.", "tres", Decimal("3.5")),
        ("Compró medio kilo de pan.", "medio", Decimal("0.5")),
    ],
)
def test_y_medio_adds_a_half_to_the_number_before_the_noun(
    text: str, span: str, value: Decimal
) -> None:
    assert numbers(text) == [(span, value)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("En Madrid 300 personas marcharon.", "300"),  # a count after a place, not a name
        ("Tuvo 39° de fiebre.", "39"),  # degrees, not an ordinal
        ("Hubo entre 1500 y 2000 personas.", "1500 y 2000"),  # a range of counts
        ("Cuesta un cuarto de hora llegar.", "un cuarto"),  # a fraction
        ("Se vendieron 5 kg de harina.", "5"),  # a unit, not a code
    ],
)
def test_numbers_that_look_like_names_but_are_not(text: str, number: str) -> None:
    assert any(m.text == number and m.kind in ("number", "range", "ratio") for m in scan(text))


def test_a_range_does_not_join_a_percent_and_an_amount() -> None:
    text = "Las ventas crecieron cerca de 18 % a $ 1,17 mil millones."
    assert [m.kind for m in scan(text)] == ["number", "number"]


def test_un_medio_alone_is_a_half() -> None:
    assert numbers("La nota quedó por debajo de un medio.") == [("medio", Decimal("0.5"))]


def test_un_cuarto_before_a_verb_is_a_fraction() -> None:
    assert kinds("Un cuarto es poco.") == [("ratio", "Un cuarto")]

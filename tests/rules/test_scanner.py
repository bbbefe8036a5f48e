"""The scanner: where the numbers of a text are, and which of them are not quantities."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.lang import table
from numclaims.rules.scanner import Mention, scan


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
    assert numbers("Capítulo 3\n\nmillones de personas") == [("3", Decimal(3))]


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

"""Qualifier cues next to a numeral, on realistic news sentences (pure layer, no spaCy)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.lang import table
from numclaims.rules.claims import Draft, find_claims
from numclaims.rules.qualifiers import LABELS, bounds, change_verb_before, match_qualifier

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60


def qualify(text: str, number: str) -> tuple[str, str] | None:
    start = text.index(number)
    m = match_qualifier(text, start, start + len(number))
    return None if m is None else (m.label, m.text)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Seúl identificó al menos 10,000 contenedores.", "10,000", ("at_least", "al menos")),
        ("Por lo menos 12 personas resultaron heridas.", "12", ("at_least", "Por lo menos")),
        ("Se necesitarán como mínimo 300 millones.", "300", ("at_least", "como mínimo")),
        ("Podrían contener hasta 4.8 millones de proyectiles.", "4.8", ("at_most", "hasta")),
        ("El déficit será a lo sumo del 3 %.", "3", ("at_most", "a lo sumo")),
        ("La lluvia no superó los 15 litros.", "15", ("at_most", "no superó")),
        ("Llegaron unos 800 tractores a la plaza.", "800", ("approx", "unos")),
        ("Asistieron alrededor de 2.000 personas.", "2.000", ("approx", "alrededor de")),
        ("La cifra rondó los 40.000 visitantes.", "40.000", ("approx", "rondó")),
        ("El paro se sitúa cerca del 12 %.", "12", ("approx", "cerca del")),
        ("Costó aproximadamente 5 millones de euros.", "5", ("approx", "aproximadamente")),
        ("Hay en torno a 300 afectados.", "300", ("approx", "en torno a")),
        ("Más de 300 personas se concentraron.", "300", ("more_than", "Más de")),
        ("Una inversión superior a 20 millones.", "20", ("more_than", "superior a")),
        ("Fueron poco más de 50 votos.", "50", ("more_than", "poco más de")),
        ("Perdieron casi el 40 % de la cosecha.", "40", ("approx", "casi")),
        ("Votaron menos de 1.000 vecinos.", "1.000", ("less_than", "menos de")),
        ("Eran 300 personas o más.", "300", ("at_least", "o más")),
        ("Cuesta 10 euros, más o menos.", "10", ("approx", "más o menos")),
        ("Cobran 1.000 euros como máximo, según el convenio.", "1.000", ("at_most", "como máximo")),
    ],
)
def test_cues(text: str, number: str, expected: tuple[str, str]) -> None:
    assert qualify(text, number) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("El Gobierno aprobó 3.500 millones de euros.", "3.500"),
        ("Cobran 1.000 euros de salario mínimo.", "1.000"),  # "mínimo" is the wage, no cue
        ("Solo 20 diputados votaron en contra.", "20"),  # "solo" = only: the number is exact
        ("El hasta ahora ministro anunció 30 despidos.", "30"),
        ("La empresa ganó 7 millones.", "7"),
    ],
)
def test_no_cue(text: str, number: str) -> None:
    assert qualify(text, number) is None


def test_a_cue_before_wins_over_one_after() -> None:
    assert qualify("Hubo al menos 30 heridos o más.", "30") == ("at_least", "al menos")


@pytest.mark.parametrize("label", LABELS)
@given(st.decimals(min_value=0, max_value=10**12, allow_nan=False, places=2))
def test_bounds_are_the_value_itself(label: str, value: Decimal) -> None:
    lo, hi = bounds(label, value)
    assert lo in (None, value) and hi in (None, value)
    assert (lo is not None) == (label in ("at_least", "more_than"))
    assert (hi is not None) == (label in ("at_most", "less_than"))


def test_long_adversarial_context_is_fast() -> None:
    text = "hasta " * 200_000 + "30"
    start = time.perf_counter()
    assert qualify(text, "30") == ("at_most", "hasta")
    assert time.perf_counter() - start < HANG  # a guard against a hang, not a speed test


# -- issue 12: end points, leaks, cues after the number, negated bounds ------------------


def claim_of(text: str, number: str) -> Draft:
    """The claim whose text contains ``number`` (the pure claim builder, no spaCy)."""
    [draft] = [d for d in find_claims(text) if number in d.text]
    return draft


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Los casos se triplicaron hasta 3.000.", "3.000"),
        ("El Ibex subió un 1,2 % hasta los 11.500 puntos.", "11.500"),
        ("Las ventas crecieron un 29,5 %, hasta 764 unidades.", "764"),
        ("El desempleo bajó hasta el 8 % en marzo.", "8"),
        ("El tipo de cambio llegó hasta los 3,52 soles por dólar.", "3,52"),
    ],
)
def test_hasta_after_a_verb_of_change_is_an_end_point(text: str, number: str) -> None:
    assert qualify(text, number) is None
    assert claim_of(text, number).qualifier is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Los contenedores podrían contener hasta 4,8 millones de proyectiles.", "4,8"),
        ("La multa podría subir hasta 6.000 euros.", "6.000"),  # an infinitive: a bound
        ("Cada hogar recibirá hasta 500 euros.", "500"),
    ],
)
def test_hasta_elsewhere_is_a_bound(text: str, number: str) -> None:
    assert qualify(text, number) == ("at_most", "hasta")


def test_change_verb_before_reads_only_its_clause() -> None:
    text = "Los precios subieron. Hasta 300 familias lo notaron."
    assert not change_verb_before(text, text.index("Hasta"))
    assert qualify(text, "300") == ("at_most", "Hasta")


def test_a_qualifier_does_not_leak_onto_the_number_before() -> None:
    text = "El terremoto de magnitud 7,1 dejó al menos 34 muertos."
    assert qualify(text, "7,1") is None
    assert qualify(text, "34") == ("at_least", "al menos")
    assert [(d.text, d.qualifier) for d in find_claims(text)] == [
        ("7,1", None),
        ("34", "at_least"),
    ]


def test_a_post_cue_before_un_belongs_to_the_un() -> None:
    text = "El 31% de las mujeres perciben como máximo un salario mínimo."
    assert qualify(text, "31") is None


def test_a_post_cue_does_not_reach_across_another_number() -> None:
    text = "Recibió un fondo de $22 millones aproximadamente."
    start = text.index("un")
    assert match_qualifier(text, start, start + 2) is None
    assert claim_of(text, "22").qualifier == "approx"


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        ("Se gastaron 8 mil millones de pesos aproximadamente.", "8 mil millones", "approx"),
        ("Cobran 4.437,44 euros brutos al mes o más.", "4.437,44", "at_least"),
        ("Hacen falta 200 voluntarios como mínimo.", "200", "at_least"),
        ("Pagarán 90 euros al mes como máximo.", "90", "at_most"),
    ],
)
def test_cues_after_the_number(text: str, number: str, label: str) -> None:
    assert claim_of(text, number).qualifier == label


@pytest.mark.parametrize(
    ("text", "number", "label", "lo", "hi"),
    [
        ("Se construyeron casi 12 mil viviendas.", "12 mil", "approx", None, None),
        ("La ley exige un mínimo de 350 firmas.", "350", "at_least", 350, None),
        ("Las exportaciones superaron los US$ 40 mil millones.", "40", "more_than", 4e10, None),
        ("La obra costó algo más de 2.100 millones.", "2.100", "more_than", 2.1e9, None),
        ("Reciben más de $6 mil adicionales.", "6 mil", "more_than", 6000, None),
        ("Se irrigaron más de COP 40 mil millones.", "40", "more_than", 4e10, None),
        ("La cifra es cercana a 900 casos.", "900", "approx", None, None),
        ("Las pérdidas podrían llegar a 3 millones.", "3 millones", "at_most", None, 3e6),
    ],
)
def test_claim_qualifiers_and_bounds(
    text: str, number: str, label: str, lo: float | None, hi: float | None
) -> None:
    d = claim_of(text, number)
    assert d.qualifier == label
    assert (d.value_min, d.value_max) == (
        None if lo is None else Decimal(str(int(lo))),
        None if hi is None else Decimal(str(int(hi))),
    )


def test_every_label_of_the_annotation_table_is_in_the_data() -> None:
    pre = table("qualifiers")["qualifiers"]["pre"]
    post = table("qualifiers")["qualifiers"]["post"]
    assert {"al menos", "como mínimo", "un mínimo de"} <= set(pre["at_least"])
    assert "o más" in post["at_least"]
    assert {"más de", "superior a", "supera", "sobrepasa", "algo más de", "poco más de"} <= set(
        pre["more_than"]
    )
    assert {"hasta", "como máximo", "podrían llegar a"} <= set(pre["at_most"])
    assert {"menos de", "poco menos de", "por debajo de"} <= set(pre["less_than"])
    assert {
        "unos",
        "alrededor de",
        "cerca de",
        "cercano a",
        "aproximadamente",
        "en torno a",
    } <= set(pre["approx"])
    assert {"casi", "próximas a", "rondaba"} <= set(pre["approx"])
    assert "aproximadamente" in post["approx"]


@given(
    verb=st.sampled_from(["subió", "aumentaron", "cayó", "se redujo", "creció", "bajaron"]),
    change=st.integers(min_value=1, max_value=99),
    end=st.integers(min_value=100, max_value=99_999),
)
def test_any_change_then_hasta_is_an_end_point(verb: str, change: int, end: int) -> None:
    text = f"El índice {verb} un {change} % hasta los {end} puntos."
    start = text.index(f" {end} ") + 1
    assert match_qualifier(text, start, start + len(str(end))) is None


@given(
    noun=st.sampled_from(["personas", "viviendas", "empresas", "votos"]),
    n=st.integers(min_value=1, max_value=999_999),
)
def test_casi_is_always_approx(noun: str, n: int) -> None:
    text = f"Se contaron casi {n} {noun}."
    start = text.index(str(n))
    m = match_qualifier(text, start, start + len(str(n)))
    assert m is not None and m.label == "approx"

"""Subject finding (numclaims.subjects) on blank and trained Spanish pipelines."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from numclaims.pipeline.tokens import doc_table
from numclaims.rules.subjects import Subjects, find_subject

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60


def subject(nlp: Language, text: str, number: str, unit: str | None = None) -> str | None:
    start = text.index(number)
    end = start + len(number)
    unit_end = text.index(unit, end) + len(unit) if unit else None
    r = find_subject(
        doc_table(nlp(text)), start, end, unit_end=unit_end, sentences=[(0, len(text))]
    )
    if r is None:
        return None
    assert text[r["start_char"] : r["end_char"]].split() == r["text"].split()
    return str(r["text"])


@pytest.mark.parametrize(
    ("text", "number", "unit", "expected"),
    [
        (
            "Seúl había identificado al menos 10,000 contenedores sospechosos de estar "
            "conteniendo municiones de artillería y otras armas enviadas a Rusia.",
            "10,000",
            "contenedores",
            "contenedores sospechosos de estar conteniendo municiones de artillería",
        ),
        (
            "Esos contenedores podrían contener hasta 4.8 millones de proyectiles, dijo Shin.",
            "4.8 millones",
            None,
            "proyectiles",
        ),
        ("El paro bajó al 12,5 % en el último trimestre.", "12,5 %", None, "El paro"),
        ("Solo el 15% de los inversores en bitcoin son mujeres.", "15%", None, "los inversores"),
        (
            "Recordó que en aquella época los fondos estructurales fueron 8 mil millones de euros.",
            "8 mil millones",
            "euros",
            "los fondos estructurales",
        ),
        (
            "Sánchez anunció un paquete de 11,000 millones de euros para ayudar a las empresas.",
            "11,000 millones",
            "euros",
            "un paquete",
        ),
        (
            "La inversión para la realización del Censo es de 350.000 millones de pesos, "
            "informó Caracol Radio.",
            "350.000 millones",
            "pesos",
            "La inversión para la realización del Censo",
        ),
        ("Arauz obtuvo 3.033.753 votos en la primera ronda.", "3.033.753", None, "votos"),
    ],
)
def test_subjects(nlp: Language, text: str, number: str, unit: str | None, expected: str) -> None:
    assert subject(nlp, text, number, unit) == expected


def test_no_subject_for_bare_number(blank: Language) -> None:
    assert subject(blank, "Son 42.", "42") is None


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["viviendas", "empleos", "vacunas", "camiones", "árboles"]),
    st.integers(min_value=2, max_value=10**6),
)
def test_counted_noun_property(noun: str, n: int) -> None:
    text = f"El Gobierno entregó {n} {noun} nuevos en la región."
    doc = spacy.blank("es")(text)
    start = text.index(str(n))
    r = find_subject(doc_table(doc), start, start + len(str(n)), sentences=[(0, len(text))])
    assert r is not None
    assert r["text"] == f"{noun} nuevos"


def test_linear_time(blank: Language) -> None:
    text = ("de de la 5 % de " * 70000)[:1_000_000]
    doc = blank(text)
    subjects = Subjects(doc_table(doc))
    t0 = time.perf_counter()
    for pos in range(0, len(text) - 10, 50_000):
        subjects.find(pos, pos + 1, sentences=[(0, len(text))])
    assert time.perf_counter() - t0 < HANG  # a guard against a hang; the benchmarks measure speed


def subjects_in_order(
    nlp: Language, text: str, numbers: list[tuple[str, str | None, str | None]]
) -> list[str | None]:
    """Subjects of several numbers of one sentence, found in text order (number, unit,
    unit kind); a number written twice is looked up after the previous one."""
    finder = Subjects(doc_table(nlp(text)))
    out: list[str | None] = []
    pos = 0
    for number, unit, kind in numbers:
        start = text.index(number, pos)
        end = start + len(number)
        unit_end = text.index(unit, end) + len(unit) if unit else None
        pos = unit_end or end
        r = finder.find(start, end, unit_end=unit_end, sentences=[(0, len(text))], unit_kind=kind)
        out.append(None if r is None else str(r["text"]))
    return out


@pytest.mark.parametrize(
    ("text", "number", "unit", "kind", "expected"),
    [
        # a measure verb's subject (the verb and its particles never inside)
        ("La inflación se situó en el 3,2 % en marzo.", "3,2 %", None, "percent", "La inflación"),
        (
            "La deuda pública alcanzó los 1,6 billones de euros.",
            "1,6 billones",
            "euros",
            "currency",
            "La deuda pública",
        ),
        # a time phrase between the subject and its verb is stepped over
        (
            "El salario medio en enero de 2020 era de 1.500 euros.",
            "1.500",
            "euros",
            "currency",
            "El salario medio",
        ),
        # not a measure verb: what the amount is for comes first
        (
            "El Gobierno destinará al menos 3.000 millones de euros a la reconstrucción.",
            "3.000 millones",
            "euros",
            "currency",
            "la reconstrucción",
        ),
        # a counted noun stops before the verb, even without tags ("personas viven")
        (
            "En la capital, 1.200 personas viven en la calle.",
            "1.200",
            "personas",
            "counted",
            "personas",
        ),
        # a percent's base keeps out the base's own number
        ("El 40 % de los 2.000 vecinos votó en contra.", "40 %", None, "percent", "vecinos"),
        # "N de cada M X": what is counted after the distributive
        ("Tres de cada diez jóvenes no encuentran empleo.", "Tres", None, None, "jóvenes"),
        # the noun an amount belongs to, through "por"
        (
            "El club firmó contratos por más de 20 millones de euros.",
            "20 millones",
            "euros",
            "currency",
            "contratos",
        ),
        # a bare number in parentheses after a noun is its value
        (
            "El censo electoral de la región (1,2 millones) creció este año.",
            "1,2 millones",
            None,
            None,
            "El censo electoral de la región",
        ),
        # a value between commas after a noun phrase, degree adverbs kept
        (
            "Hubo una participación muy alta, 78 por ciento, en la segunda vuelta.",
            "78 por ciento",
            None,
            "percent",
            "una participación muy alta",
        ),
        # the object of a relative clause is not the subject of the main verb
        (
            "El fondo que financió el proyecto es de 22 millones de pesos.",
            "22 millones",
            "pesos",
            "currency",
            "El fondo",
        ),
        # a noun after an article is no verb, whatever its ending ("la energía")
        (
            "La energía de la región llegó a 300 megavatios.",
            "300",
            "megavatios",
            "physical",
            "La energía de la región",
        ),
        # an amount "for" a share: the share's base
        (
            "Se giraron 2 billones de pesos para el 80 % de las empresas.",
            "2 billones",
            "pesos",
            "currency",
            "las empresas",
        ),
        # an amount meant for something, after a participle
        (
            "De los 40.000 millones de euros destinados a los préstamos, se dio la mitad.",
            "40.000 millones",
            "euros",
            "currency",
            "los préstamos",
        ),
    ],
)
def test_amount_subjects(
    nlp: Language, text: str, number: str, unit: str | None, kind: str | None, expected: str
) -> None:
    start = text.index(number)
    end = start + len(number)
    unit_end = text.index(unit, end) + len(unit) if unit else None
    r = Subjects(doc_table(nlp(text))).find(
        start, end, unit_end=unit_end, sentences=[(0, len(text))], unit_kind=kind
    )
    assert r is not None
    assert text[r["start_char"] : r["end_char"]] == r["text"] == expected


@pytest.mark.parametrize(
    ("text", "numbers", "expected"),
    [
        # a conversion in parentheses repeats the subject of the amount it converts
        (
            "El plan de 500 millones de euros (540 millones de dólares) se aprobó ayer.",
            [("500 millones", "euros", "currency"), ("540 millones", "dólares", "currency")],
            ["El plan", "El plan"],
        ),
        # the second value of a pair
        (
            "La tasa de paro pasó del 14 % al 11 % en dos años.",
            [("14 %", None, "percent"), ("11 %", None, "percent")],
            ["La tasa de paro", "La tasa de paro"],
        ),
        # a clause whose verb is left out has its own subject
        (
            "Los robos bajaron un 10 % y los homicidios un 5 %.",
            [("10 %", None, "percent"), ("5 %", None, "percent")],
            ["Los robos", "los homicidios"],
        ),
        # a generic counter ("unidades") gives way to the sentence's earlier subject
        (
            "Las ventas de tractores subieron un 20 %, hasta 764 unidades.",
            [("20 %", None, "percent"), ("764", "unidades", "counted")],
            ["Las ventas de tractores", "Las ventas de tractores"],
        ),
        # an amount standing for an amount ("que equivalen a") takes its subject
        (
            "Los socios pagarán una cuota de 100 euros, que equivalen a 110 dólares.",
            [("100", "euros", "currency"), ("110", "dólares", "currency")],
            ["una cuota", "una cuota"],
        ),
        # a bare scale has no counted noun: the earlier count's noun
        (
            "De los 6 millones de habitantes, 1,4 millones sale cada día a trabajar.",
            [("6 millones", None, None), ("1,4 millones", None, None)],
            ["habitantes", "habitantes"],
        ),
        # each counted noun is its own
        (
            "La votación tuvo 141 votos a favor y 35 abstenciones.",
            [("141", "votos", "counted"), ("35", "abstenciones", "counted")],
            ["votos", "abstenciones"],
        ),
    ],
)
def test_subjects_across_the_numbers_of_a_sentence(
    nlp: Language,
    text: str,
    numbers: list[tuple[str, str | None, str | None]],
    expected: list[str],
) -> None:
    assert subjects_in_order(nlp, text, numbers) == expected


def test_carried_unit_takes_the_earlier_subject(nlp: Language) -> None:
    text = "Se contaron 5.000 votos válidos y 300 aún estaban por revisar."
    finder = Subjects(doc_table(nlp(text)))
    sents = [(0, len(text))]
    a = text.index("5.000")
    first = finder.find(
        a, a + 5, unit_end=text.index("válidos") + 7, sentences=sents, unit_kind="counted"
    )
    b = text.index("300")
    second = finder.find(b, b + 3, sentences=sents, unit_kind="counted", implicit_unit=True)
    assert first is not None and second is not None
    assert first["text"] == second["text"] == "votos válidos"
    assert second["rule"] == "repeat"


def test_a_place_after_a_preposition_is_not_a_subject(nlp: Language) -> None:
    text = "En los vuelos cortos se situó en 110 gramos."
    start = text.index("110")
    r = Subjects(doc_table(nlp(text))).find(
        start, start + 3, unit_end=start + 10, sentences=[(0, len(text))], unit_kind="physical"
    )
    assert r is None


def test_a_name_and_a_verb_stay_out_without_tags(blank: Language) -> None:
    text = "El Gobierno aprueba ayudas de 3.500 millones de euros."
    start = text.index("3.500")
    r = Subjects(doc_table(blank(text))).find(
        start, start + 14, unit_end=start + 23, sentences=[(0, len(text))], unit_kind="currency"
    )
    assert r is not None and r["text"] == "ayudas"


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("La inflación se situó en el 3,2 % en marzo.", "3,2 %", "La inflación"),
        ("La deuda pública alcanzó los 1,6 billones de euros.", "1,6", "La deuda pública"),
        (
            "El Gobierno destinará al menos 3.000 millones de euros a la reconstrucción.",
            "3.000",
            "la reconstrucción",
        ),
        ("Este año, unas 1.500 personas esperan el dinero prometido.", "1.500", "personas"),
    ],
)
def test_component_subjects(any_nlp: Language, text: str, number: str, expected: str) -> None:
    claim = next(c.to_dict() for c in any_nlp(text)._.claims if c.text.startswith(number))
    assert claim["subject"]["text"] == expected
    assert text[claim["subject"]["start_char"] : claim["subject"]["end_char"]] == expected


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["La inflación", "El paro juvenil", "La tasa de natalidad", "El déficit"]),
    st.sampled_from(["subió al", "bajó al", "se situó en el", "alcanzó el", "llegó al"]),
    st.sampled_from(["", " en marzo de 2021", " ese año"]),
    st.integers(min_value=1, max_value=99),
)
def test_measure_verb_subject_property(subject_np: str, verb: str, when: str, n: int) -> None:
    """Whatever the measure verb and a time phrase after the subject, the subject is the
    noun phrase before them, never the verb or the time phrase."""
    text = f"{subject_np}{when} {verb} {n} % según la encuesta."
    doc = spacy.blank("es")(text)
    start = text.index(f" {n} %") + 1
    r = Subjects(doc_table(doc)).find(
        start, start + len(str(n)) + 2, sentences=[(0, len(text))], unit_kind="percent"
    )
    assert r is not None
    assert r["text"] == subject_np


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["tres", "cuatro", "Siete", "8"]),
    st.sampled_from(["diez", "10", "cinco"]),
    st.sampled_from(["hogares", "chicos", "empleos", "votantes"]),
)
def test_a_part_of_each_counts_the_noun_after_the_distributive(
    part: str, whole: str, noun: str
) -> None:
    """ "cuatro de cada diez chicos": the part counts the noun after "de cada N"."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    text = f"Según el informe, {part} de cada {whole} {noun} no llegan a fin de mes."
    claim = next(c.to_dict() for c in nlp(text)._.claims if c.text == part)
    assert claim["subject"] is not None
    assert claim["subject"]["text"] == noun


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "De los 40.000 millones previstos para los préstamos ICO solo se concedieron 8.000.",
            "40.000",
            "los préstamos ICO",
        ),
        (
            "El plan reserva 300 millones destinados a la reconstrucción.",
            "300",
            "la reconstrucción",
        ),
    ],
)
def test_a_participle_after_the_amount_leads_to_its_purpose(
    trained_nlp: Language, text: str, number: str, expected: str
) -> None:
    """With tags, a participle after an amount is no counted noun: the amount is for what
    follows it ("previstos para …")."""
    claim = next(c.to_dict() for c in trained_nlp(text)._.claims if c.text.startswith(number))
    assert claim["subject"] is not None
    assert claim["subject"]["text"] == expected


@pytest.mark.parametrize("noun", ["veces", "usuarios", "vistas"])
def test_an_amount_of_the_local_currency_does_not_repeat_a_count(nlp: Language, noun: str) -> None:
    """A bare amount read in the local currency ("gastó 117 billones", its unit implicit)
    carries no unit from the count before it, so it does not take that count's noun."""
    text = f"Un mensaje compartido 29.000 {noun} dice que gastó 117 billones."
    subjects = Subjects(doc_table(nlp(text)))
    sents = [(0, len(text))]
    a = text.index("29.000")
    end = a + 7 + len(noun)
    assert subjects.find(a, a + 6, unit_end=end, sentences=sents, unit_kind="counted")
    b = text.index("117 billones")
    money = subjects.find(b, b + 12, sentences=sents, unit_kind="currency", implicit_unit=True)
    assert money is None or noun not in money["text"]

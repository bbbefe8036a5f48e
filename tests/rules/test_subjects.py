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

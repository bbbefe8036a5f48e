"""Speaker attribution (numclaims.speakers) on blank and trained Spanish pipelines."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
import regex
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from numclaims.pipeline.tokens import doc_table
from numclaims.rules.speakers import Speakers, find_speaker, reporting_forms

#: Seconds after which a bounded call counts as hung (quadratic cost would take minutes;
#: speed itself is measured by the benchmarks, not here).
HANG = 60

_SENT_END = regex.compile(r"[.!?][\"”»]?+\s++(?=[«“\"\p{Lu}¿¡])")


def sentences(text: str) -> list[tuple[int, int]]:
    """A plain sentence splitter for the tests (the same spans for every pipeline)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    return out


def speaker(nlp: Language, text: str, number: str, nth: int = 0) -> dict[str, Any] | None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(number, start + 1)
    doc = nlp(text)
    return find_speaker(doc_table(doc), start, start + len(number), sentences=sentences(text))


def test_table_is_large_and_inflected() -> None:
    forms = reporting_forms()
    assert len(forms) >= 60
    assert "afirmó" in forms["afirmar"]
    assert "aseguraron" in forms["asegurar"]
    assert {"dijo", "dijeron", "dice", "decía", "dicho"} <= set(forms["decir"])
    assert "añadió" in forms["añadir"]
    assert forms["advertir"][0] == "advirtió"


def test_postposed_name(nlp: Language) -> None:
    text = (
        "Shin Wonsik habló con la prensa. Esos contenedores podrían contener hasta "
        "4.8 millones de proyectiles, dijo Shin."
    )
    r = speaker(nlp, text, "4.8")
    assert r is not None
    assert (r["text"], r["name"], r["cue"], r["shape"]) == (
        "Shin",
        "Shin Wonsik",
        "dijo",
        "postposed",
    )
    assert text[r["start_char"] : r["end_char"]] == "Shin"
    assert text[r["cue_start"] : r["cue_end"]] == "dijo"
    assert text[r["name_start_char"] : r["name_end_char"]] == "Shin Wonsik"
    json.dumps(r)


def test_postposed_role(nlp: Language) -> None:
    r = speaker(nlp, "Hay 5 casos confirmados en la región, dijo el ministro de Sanidad.", "5")
    assert r is not None
    assert r["text"] == "el ministro de Sanidad"
    assert r["role"] == "el ministro de Sanidad"


def test_postposed_after_time_words(nlp: Language) -> None:
    text = (
        "La inversión para la realización del Censo es de 350.000 millones de pesos, "
        "informó este lunes festivo Caracol Radio."
    )
    r = speaker(nlp, text, "350.000")
    assert r is not None
    assert r["name"] == "Caracol Radio"


def test_preposed_with_role_and_que_clause(nlp: Language) -> None:
    text = (
        "El ministro de defensa surcoreano, Shin Wonsik, dijo en una entrevista que Seúl "
        "había identificado al menos 10,000 contenedores."
    )
    r = speaker(nlp, text, "10,000")
    assert r is not None
    assert r["name"] == "Shin Wonsik"
    assert r["role"] == "El ministro de defensa surcoreano"
    assert r["shape"] == "preposed"


@pytest.mark.parametrize("verb", ["aseguró", "ha dicho", "estimó", "había señalado", "calculan"])
def test_preposed_verbs(nlp: Language, verb: str) -> None:
    r = speaker(nlp, f"La portavoz Ana López {verb} que hubo 30 heridos.", "30")
    assert r is not None
    assert r["text"] == "Ana López"
    assert r["cue"] == verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "El paro bajó al 12,5 %, según el Instituto Nacional de Estadística.",
            "Instituto Nacional de Estadística",
        ),
        (
            "De acuerdo con la Organización Mundial de la Salud, hubo 300 muertos.",
            "Organización Mundial de la Salud",
        ),
        (
            "En Estados Unidos hay al menos 10.5 millones de indocumentados, según un estudio "
            "del Centro Pew de Investigaciones.",
            "Centro Pew de Investigaciones",
        ),
    ],
)
def test_segun(nlp: Language, text: str, expected: str) -> None:
    number = regex.search(r"\d[\d.,]*+", text)
    assert number is not None
    r = speaker(nlp, text, number.group())
    assert r is not None
    assert r["name"] == expected
    assert r["shape"] == "segun"


def test_cited_keeps_via(nlp: Language) -> None:
    r = speaker(nlp, "El ministro, citado por la agencia Reuters, dijo que hay 40 heridos.", "40")
    assert r is not None
    assert r["text"] == "El ministro"
    assert r["via"] == "la agencia Reuters"
    assert r["shape"] == "cited"


def test_quote_after_and_before(nlp: Language) -> None:
    text = (
        "Anthony Fauci habló en la Casa Blanca. “La eficacia fue muy buena, 79,9 por "
        "ciento”, dijo Fauci."
    )
    r = speaker(nlp, text, "79,9")
    assert r is not None
    assert (r["name"], r["shape"]) == ("Anthony Fauci", "quote")
    r = speaker(nlp, "El director dijo: «Tenemos 200 camas libres».", "200")
    assert r is not None
    assert (r["text"], r["shape"]) == ("El director", "quote")


def test_quote_continues_in_next_sentence(nlp: Language) -> None:
    text = (
        '"El programa está muy lleno", dijo el asesor del Kremlin, Yuri Ushakov. '
        '"Se dedicarán 30 horas a los contactos informales."'
    )
    r = speaker(nlp, text, "30")
    assert r is not None
    assert r["name"] == "Yuri Ushakov"
    assert r["role"] == "el asesor del Kremlin"


def test_pro_drop_cue_uses_previous_subject(nlp: Language) -> None:
    text = (
        "El presidente de España, Pedro Sánchez, compareció hoy en la Moncloa. Recordó "
        "que los fondos estructurales fueron 8 mil millones de euros."
    )
    r = speaker(nlp, text, "8 mil")
    assert r is not None
    assert r["name"] == "Pedro Sánchez"
    assert r["cue"] == "Recordó"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("La empresa vendió 400 coches en marzo.", "400"),
        ("La cifra de muertos asciende a 300 en todo el país.", "300"),
        # no leak into the next sentence without a new cue
        ("Ana López dijo que hubo 30 heridos. Además, el hospital atendió a 12 personas.", "12"),
        # a conversion added by the newspaper inside parentheses
        (
            "Sánchez anunció un paquete de 11,000 millones de euros (13,380 millones de "
            "dólares) para las empresas.",
            "13,380",
        ),
    ],
)
def test_writer_statements(nlp: Language, text: str, number: str) -> None:
    assert speaker(nlp, text, number) is None


def test_sample_article(nlp: Language, sample_article: str) -> None:
    text = sample_article
    r = speaker(nlp, text, "10,000")
    assert r is not None
    assert r["name"] == "Shin Wonsik"
    assert r["role"] is not None
    assert "ministro de defensa surcoreano" in r["role"]
    r = speaker(nlp, text, "4.8")
    assert r is not None
    assert (r["text"], r["name"], r["cue"]) == ("Shin", "Shin Wonsik", "dijo")
    assert speaker(nlp, text, "1 millón") is None


def test_dev_set_accuracy(nlp: Language, dev_set: list[dict[str, Any]]) -> None:
    good = total = 0
    for rec in dev_set:
        ctx = rec["context"]
        off = len(ctx) + 1 if ctx else 0
        text = f"{ctx} {rec['text']}" if ctx else rec["text"]
        doc = nlp(text)
        spans = sentences(text)
        for claim in rec["claims"]:
            r = find_speaker(
                doc_table(doc), claim["start"] + off, claim["end"] + off, sentences=spans
            )
            exp = claim["speaker"]
            got = (
                set()
                if r is None
                else {r["text"].lower(), r["name"].lower(), (r["role"] or "").lower()}
            )
            good += (exp is None and r is None) or (exp is not None and exp.lower() in got)
            total += 1
    assert total == 41
    assert good / total >= 0.9


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(reporting_forms())), st.sampled_from(["Ana López", "Iberdrola"]))
def test_any_preterite_postposed(lemma: str, name: str) -> None:
    verb = reporting_forms()[lemma][0]
    text = f"Las ventas crecieron un 7 % en 2023, {verb} {name}."
    doc = spacy.blank("es")(text)
    r = find_speaker(
        doc_table(doc), text.index("7"), text.index("7") + 1, sentences=[(0, len(text))]
    )
    assert r is not None
    assert r["name"] == name


def test_linear_time_on_adversarial_input(blank: Language) -> None:
    text = ("dijo Según , citado por « El De La " * 30000)[:1_000_000]
    doc = blank(text)
    spans = sentences(text)
    speakers = Speakers(doc_table(doc))
    t0 = time.perf_counter()
    for pos in range(0, len(text), 50_000):
        speakers.find(pos, pos + 1, sentences=spans)
    assert time.perf_counter() - t0 < HANG  # a guard against a hang; the benchmarks measure speed


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Quedan 300 camas libres, dijo el consejero Pedro Ruiz.", "Pedro Ruiz", "el consejero"),
        ("Hay 12 heridos, según la alcaldesa Ana Gómez.", "Ana Gómez", "la alcaldesa"),
        (
            "Se perdieron 40 empleos, dijo el ministro de Trabajo.",
            "el ministro de Trabajo",
            "el ministro de Trabajo",
        ),
    ],
)
def test_a_role_before_the_name(nlp: Language, text: str, name: str, role: str) -> None:
    number = next(w for w in text.split() if w.isdigit())
    r = speaker(nlp, text, number)
    assert r is not None
    assert (r["name"], r["role"]) == (name, role)


def test_an_institution_is_no_role_and_name(nlp: Language) -> None:
    r = speaker(nlp, "Hay 300 camas, dijo el Banco de España.", "300")
    assert r is not None
    assert r["name"] == "Banco de España"


def test_a_pro_drop_cue_takes_the_subject_of_the_sentence_before(nlp: Language) -> None:
    text = "La ministra habló ayer en el Senado. Dijo que quedan 300 camas libres."
    r = speaker(nlp, text, "300")
    assert r is not None
    assert r["text"] == "La ministra"


def test_a_name_that_completes_a_role_phrase(nlp: Language) -> None:
    r = speaker(nlp, "El portavoz del Gobierno anunció ayer que hay 300 camas.", "300")
    assert r is not None
    assert r["text"] == "El portavoz del Gobierno"

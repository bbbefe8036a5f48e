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

from numclaims.lang import table
from numclaims.pipeline.tokens import doc_table
from numclaims.rules.speakers import Speakers, find_speaker, reporting_forms
from numclaims.rules.tokens import TokenTable

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


# --- attribution scope, shapes and document-level resolution (issue 10) ---------------


def test_a_whole_article_resolves_a_role_and_an_elided_cue(nlp: Language) -> None:
    text = (
        "La presidenta de Chile, Michelle Bachelet, visitó este martes la región de "
        "Valparaíso tras los incendios.\n\n"
        "Los bomberos trabajaron durante toda la noche en los cerros de la ciudad. El "
        "viento complicó las labores en varios sectores.\n\n"
        "La mandataria aseguró que el Estado destinará 200 millones de pesos a la "
        "reconstrucción. “Ya hay 1.500 viviendas dañadas”, indicó."
    )
    r = speaker(nlp, text, "200")
    assert r is not None
    assert (r["text"], r["name"], r["role"]) == (
        "La mandataria",
        "Michelle Bachelet",
        "La mandataria",
    )
    assert text[r["name_start_char"] : r["name_end_char"]] == "Michelle Bachelet"
    r = speaker(nlp, text, "1.500")
    assert r is not None
    assert (r["name"], r["cue"], r["shape"]) == ("Michelle Bachelet", "indicó", "quote")
    assert text[r["cue_start"] : r["cue_end"]] == "indicó"


def test_two_attributions_in_one_sentence_cover_their_own_figures(nlp: Language) -> None:
    text = "Hubo 12.000 casos, según el ministerio, y otros 3.000, de acuerdo con la OMS."
    first, second = speaker(nlp, text, "12.000"), speaker(nlp, text, "3.000")
    assert first is not None and second is not None
    assert (first["text"], second["name"]) == ("el ministerio", "OMS")


def test_a_comparative_cue_covers_only_the_phrase_before_it(nlp: Language) -> None:
    text = "De acuerdo con el INE, la tasa fue del 15 %, y no del 25 %, como afirmó la ministra."
    r = speaker(nlp, text, "25")
    assert r is not None
    assert r["text"] == "la ministra"
    r = speaker(nlp, text, "15")
    assert r is not None
    assert r["name"] == "INE"


def test_a_cue_does_not_reach_back_across_its_clause(nlp: Language) -> None:
    text = "La empresa vendió 400 coches y, según la patronal, el sector creció un 8 %."
    assert speaker(nlp, text, "400") is None
    r = speaker(nlp, text, "8")
    assert r is not None
    assert r["text"] == "la patronal"


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        (
            "La inflación llegó al 4,1 %, de acuerdo con datos preliminares del Banco Central.",
            "4,1",
            "Banco Central",
        ),
        (
            "Según un estudio de 2019 de la Universidad de Chile, el 30 % de los hogares ahorra.",
            "30",
            "Universidad de Chile",
        ),
        ("La cosecha caerá un 20 %, según datos oficiales.", "20", "datos oficiales"),
        (
            "Según las proyecciones del Ministerio de Hacienda, el déficit llegará al 3 %.",
            "3",
            "Ministerio de Hacienda",
        ),
        ("Según los últimos sondeos de Cadem, el 41 % aprueba la gestión.", "41", "Cadem"),
    ],
)
def test_the_source_inside_a_longer_phrase(
    nlp: Language, text: str, number: str, name: str
) -> None:
    r = speaker(nlp, text, number)
    assert r is not None
    assert r["name"] == name


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Tras el anuncio del ministro, este lunes se confirmó un alza del 30 %.", "30"),
        ("El coste se estima en torno a 50.000 dólares.", "50.000"),
        ("Según sus cálculos, la obra costará 90 millones de euros.", "90"),
        ("La patronal no dijo nada. Se perdieron 40 empleos, pese a lo que dijo Ruiz.", "40"),
        ("El portal cuenta con 175 seguidores.", "175"),
        (
            "«El ministerio destinó 20.000 millones [unos 21.000 millones de dólares] a la "
            "sanidad», dijo Ana Ruiz.",
            "21.000",
        ),
    ],
)
def test_no_time_phrase_subject_possessive_or_reference_as_speaker(
    nlp: Language, text: str, number: str
) -> None:
    assert speaker(nlp, text, number) is None


def test_a_pronoun_and_a_possessive_take_the_speaker_before(nlp: Language) -> None:
    text = (
        "La ministra de Economía, Ana Ruiz, compareció ayer en el Congreso. Ella dijo que el "
        "paro bajará al 9 %. Según sus cálculos, se crearán 50.000 empleos."
    )
    for number in ("9", "50.000"):
        r = speaker(nlp, text, number)
        assert r is not None
        assert r["name"] == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        # inverted
        ("Recordó el diputado Luis Gómez que el fondo tiene 300 millones.", "300", "Luis Gómez"),
        # parenthetical
        ("El país, dijo el ministro Pablo Soto, debe 900 millones.", "900", "Pablo Soto"),
        # "por su parte" between the subject and the verb
        ("Gómez, por su parte, afirmó que hay 70 heridos.", "70", "Gómez"),
        # a closing quote with the cue after a short tail
        (
            "Pablo Soto habló en la radio. “Hay 45 detenidos” en la provincia, remarcó.",
            "45",
            "Pablo Soto",
        ),
        # a bare plural subject
        ("Los expertos creen que la cifra llegará a 2.000 muertos.", "2.000", "Los expertos"),
        ("Fuentes de la policía aseguran que hubo 14 detenidos.", "14", "Fuentes de la policía"),
        # a subject with an acronym in parentheses
        (
            "El Sindicato de Enfermería (SATSE) ha denunciado el cierre de 1.800 camas.",
            "1.800",
            "Sindicato de Enfermería",
        ),
        # a post-posed cue with a medium between it and the name
        ("Hay 300 camas libres, dijo a la radio Ana Ruiz.", "300", "Ana Ruiz"),
    ],
)
def test_shapes(nlp: Language, text: str, number: str, name: str) -> None:
    r = speaker(nlp, text, number)
    assert r is not None
    assert name in (r["name"], r["text"])


def test_a_coordinated_cue_keeps_the_subject_of_the_first(nlp: Language) -> None:
    text = (
        "Durante el debate, el candidato por el PRO, Mauricio Macri, criticó la gestión y "
        "señaló: “Tenemos 9 millones de consultas”."
    )
    r = speaker(nlp, text, "9 millones")
    assert r is not None
    assert r["name"] == "Mauricio Macri"


def test_a_quote_opened_in_one_sentence_keeps_its_attribution(nlp: Language) -> None:
    text = (
        "La ministra de Vivienda, Rosa Díaz, señaló en una entrevista: “Se dieron 110 mil "
        "créditos. Entre 2016 y 2019, solamente 11 mil."
    )
    r = speaker(nlp, text, "11 mil")
    assert r is not None
    assert r["name"] == "Rosa Díaz"


def test_nested_reports_give_the_outermost_source_and_the_chain(nlp: Language) -> None:
    text = (
        "Como informó el diario El Tiempo, la obra costó 500 millones, según funcionarios "
        "del ministerio."
    )
    r = speaker(nlp, text, "500")
    assert r is not None
    assert r["name"] == "El Tiempo"
    assert r["speaker_chain"][0] == "El Tiempo"
    assert len(r["speaker_chain"]) == 2


def test_an_anaphoric_source_takes_the_source_named_before(nlp: Language) -> None:
    text = (
        "Según el Instituto Nacional de Estadística, el paro bajó al 12 %. De acuerdo con "
        "la misma fuente, hay 3 millones de parados."
    )
    r = speaker(nlp, text, "3 millones")
    assert r is not None
    assert r["name"] == "Instituto Nacional de Estadística"


def test_an_embedded_post_is_its_signer_s(nlp: Language) -> None:
    text = (
        "El gobierno regional lo desmintió en redes. Las 5 personas fueron halladas con "
        "vida. pic.twitter.com/abc123 — Gobierno de Jalisco (@jalisco) May 2, 2023"
    )
    r = speaker(nlp, text, "5")
    assert r is not None
    assert (r["name"], r["shape"]) == ("Gobierno de Jalisco", "signature")


def test_a_lowercase_piece_continues_its_sentence() -> None:
    text = "Ana Ruiz dijo que el mínimo fue de 51 grados (hasta enero) las lluvias sumaron 40 mm."
    table = TokenTable.from_text(text)
    cut = text.index("las lluvias")
    spans = [(0, cut), (cut, len(text))]
    r = find_speaker(table, text.index("40"), text.index("40") + 2, sentences=spans)
    assert r is not None
    assert r["name"] == "Ana Ruiz"


def test_the_attribution_table_is_read() -> None:
    att = table("attribution")
    assert "cuenta con" in att["not_cue_phrases"]
    assert "lo que" in att["reference_before_cue"]
    assert any("mandatario" in group for group in att["role_synonyms"])


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        (
            "Según la Policía Local, unas 4.000 personas se manifestaron frente al ayuntamiento.",
            "4.000",
            "Policía Local",
        ),
        (
            "De acuerdo con el sindicato, 1.200 trabajadores se manifestaron ayer en Bilbao.",
            "1.200",
            "el sindicato",
        ),
    ],
)
def test_a_reflexive_reporting_verb_leaves_the_enclosing_source(
    nlp: Language, text: str, figure: str, source: str
) -> None:
    # "manifestarse" (to demonstrate) is no report: the "según" source covers the figure
    r = speaker(nlp, text, figure)
    assert r is not None and (r["name"], r["shape"]) == (source, "segun")


@pytest.mark.parametrize(
    ("text", "number", "name"),
    [
        ("La previsión del Gobierno era que el paro bajaría al 12 %.", "12", "Gobierno"),
        ("La estimación de la CEPAL es que la pobreza llegará al 29 %.", "29", "CEPAL"),
    ],
)
def test_what_a_document_says_after_a_copula(
    nlp: Language, text: str, number: str, name: str
) -> None:
    """ "La previsión de X era que …": the figures of the clause are X's."""
    r = speaker(nlp, text, number)
    assert r is not None
    assert r["name"] == name


def test_a_copula_after_a_plain_noun_is_no_cue(nlp: Language) -> None:
    assert speaker(nlp, "El problema es que 300 familias siguen sin agua.", "300") is None


@pytest.mark.parametrize("verb", ["habló", "hablaron", "ha hablado"])
def test_speaking_of_a_figure_reports_it(nlp: Language, verb: str) -> None:
    """ "X habló de más de diez mil …": the figure X spoke of is X's."""
    text = f"El secretario Ruiz {verb} de más de 3.000 despidos en el sector."
    r = speaker(nlp, text, "3.000")
    assert r is not None
    assert "Ruiz" in r["name"]


def test_hablar_without_de_is_no_cue(nlp: Language) -> None:
    assert speaker(nlp, "Ruiz habló con 30 vecinos del barrio.", "30") is None

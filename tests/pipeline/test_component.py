"""The spaCy component: attributes, non-claims, and claims that survive every round trip."""

from __future__ import annotations

import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import numclaims
from numclaims import CLAIM_KEYS, Claim

NEWS = (
    "El Gobierno aprobó un paquete de 3.500 millones de euros para 120.000 explotaciones. "
    "La inflación bajó al 2,5 % en marzo, y en 2000 Putin visitó Pyongyang por primera vez."
)


def claim_texts(doc: Doc) -> list[str]:
    return [c.text for c in doc._.claims]


def test_factory_and_config(blank_nlp: Language) -> None:
    assert "numclaims" in blank_nlp.pipe_names
    assert blank_nlp.get_pipe_config("numclaims")["locale"] == "es"
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-MX"})
    assert nlp.get_pipe("numclaims").locale == "es-MX"  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="locale"):
        spacy.blank("es").add_pipe("numclaims", config={"locale": "fr-FR"})


def test_claims_on_the_doc(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    claims = doc._.claims
    # measure units belong to the span, counted nouns do not
    assert [c.text for c in claims] == ["3.500 millones de euros", "120.000", "2,5 %"]
    money, farms, rate = claims
    assert (money.kind, money.value, money.unit["code"]) == ("money", Decimal(3_500_000_000), "EUR")
    assert (farms.kind, farms.value, farms.unit["name"]) == (
        "quantity",
        Decimal(120_000),
        "explotación",
    )
    assert (rate.kind, rate.value) == ("percent", Decimal("2.5"))
    for claim in claims:
        assert isinstance(claim, Claim)
        assert NEWS[claim.start_char : claim.end_char] == claim.text


def test_span_attributes_and_span_group(blank_nlp: Language) -> None:
    doc = blank_nlp(NEWS)
    group = doc.spans["numclaims"]
    assert [s.text for s in group] == claim_texts(doc)
    assert [s.label_ for s in group] == [c.kind for c in doc._.claims]
    for span in group:
        assert span._.claim is not None and span._.claim.text == span.text
    first_sentence = doc.char_span(0, NEWS.index(". ") + 1)
    assert first_sentence is not None
    assert [c.text for c in first_sentence._.claims] == ["3.500 millones de euros", "120.000"]
    assert doc[0:2]._.claim is None


@pytest.mark.parametrize(
    "text",
    [
        "En su primera visita a Corea del Norte desde el año 2000, Putin mantendrá conversaciones.",
        "La cumbre será el 15 de junio de 2024 a las 10:30 en Bruselas.",
        "Viajará en busca de apoyo de uno de los países más aislados del mundo.",
        "Llegará con una amplia comitiva de ministros el mes pasado.",
        "Para más información llame al 91 234 56 78.",
        "La pandemia de COVID-19 cambió el G7.",
        "En 2000 Putin visitó Corea del Norte.",
        "Las elecciones de 2016 y 2017 fueron reñidas.",
        "Quedó en 3er lugar en la 2ª edición.",
        "La guerra dura ya siete meses y el general tiene 65 años de edad.",
    ],
)
def test_non_claims(any_nlp: Language, text: str) -> None:
    assert any_nlp(text)._.claims == []


def test_claim_dicts_are_plain_json(blank_nlp: Language) -> None:
    import json

    doc = blank_nlp(NEWS)
    for data in doc._.numclaims_data:
        assert list(data)[: len(CLAIM_KEYS)] == list(CLAIM_KEYS)
        assert json.loads(json.dumps(data)) == data


def _same_claims(a: Doc, b: Doc) -> None:
    assert [c.to_dict() for c in b._.claims] == [c.to_dict() for c in a._.claims]
    assert b._.claims  # something was compared


def test_docbin_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(any_nlp.vocab)
    _same_claims(doc, restored)
    assert [s.text for s in restored.spans["numclaims"]] == claim_texts(doc)


def test_pickle_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(NEWS)
    _same_claims(doc, pickle.loads(pickle.dumps(doc)))


def test_claims_survive_multiprocessing(blank_nlp: Language) -> None:
    texts = [NEWS, "Al menos 10,000 contenedores llegaron.", "Sin cifras.", NEWS]
    single = [blank_nlp(t) for t in texts]
    multi = list(blank_nlp.pipe(texts, n_process=2, batch_size=1))
    for a, b in zip(single, multi, strict=True):
        assert [c.to_dict() for c in b._.claims] == [c.to_dict() for c in a._.claims]
    assert sum(len(d._.claims) for d in multi) >= 7


def test_to_disk_and_spacy_load(tmp_path: Path, any_nlp: Language) -> None:
    any_nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == any_nlp.pipe_names
    _same_claims(any_nlp(NEWS), reloaded(NEWS))


def test_saved_pipeline_loads_without_importing_numclaims(tmp_path: Path) -> None:
    """The spacy_factories entry point finds the component in a fresh interpreter."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es-ES"})
    nlp.to_disk(tmp_path / "p")
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({str(tmp_path / 'p')!r})\n"
        "assert 'numclaims' not in sys.modules or True\n"
        "doc = nlp('Pagó 1,500 euros.')\n"
        "print(doc._.numclaims_data[0]['value_exact'], nlp.get_pipe('numclaims').locale)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1.5", "es-ES"]


def test_annotate_a_doc_from_a_pipeline_without_the_component() -> None:
    nlp = spacy.blank("es")
    doc = numclaims.annotate(nlp("Cuesta 10.000 euros."), "es")
    assert [(c.text, c.value) for c in doc._.claims] == [("10.000 euros", Decimal(10000))]


def test_extension_names_taken_by_another_library_warn() -> None:
    from numclaims.pipeline.extensions import register_extensions

    Doc.set_extension("claims", default="theirs", force=True)
    try:
        with pytest.warns(UserWarning, match="already registered"):
            register_extensions()
    finally:
        register_extensions(force=True)
    assert spacy.blank("es")("x")._.claims == []

"""The numbers layer on the doc (``doc._.numbers``), ``claim_kinds``, the prefilter and the
per-doc cache of the claims; each survives DocBin, pickle, n_process=2 and to_disk."""

from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import numclaims
from numclaims.pipeline.extensions import NUMBERS_ATTR, STORE_ATTR, numbers_of

TEXT = (
    "El 7 de febrero, la ministra anunció que el hospital, construido en 48 horas, "
    "atenderá a 300 pacientes. Un hombre, de 65 años, fue el primero; ella quedó en "
    "trigésimo segundo lugar en 2019."
)
DURATIONS = ["quantity", "money", "percent", "ratio", "vague", "duration", "age"]


def _records(doc: Doc) -> list[tuple[str, str, object]]:
    return [(n.kind, n.text, n.extra.get("normalized", n.value)) for n in doc._.numbers]


def test_every_numeric_mention_is_in_the_layer(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    assert _records(doc) == [
        ("date", "7 de febrero", "XXXX-02-07"),
        ("duration", "48 horas", "PT48H"),
        ("quantity", "300", Decimal(300)),
        ("age", "65 años", "P65Y"),
        ("ordinal", "primero", Decimal(1)),
        ("ordinal", "trigésimo segundo", Decimal(32)),
        ("year", "2019", "2019"),
    ]
    # the claims are the claim kinds of the layer, the same records
    assert doc._.claims == [n for n in doc._.numbers if n.kind == "quantity"]
    assert [c.text for c in doc._.claims] == ["300"]


def test_the_layer_keeps_every_claim_key_and_adds_normalized(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    duration = next(n for n in doc._.numbers if n.kind == "duration").to_dict()
    assert set(numclaims.CLAIM_KEYS) <= set(duration)
    assert duration["normalized"] == "PT48H"
    assert duration["unit"] == {"text": "horas", "name": "hora", "kind": "counted"}
    quantity = next(n for n in doc._.numbers if n.kind == "quantity").to_dict()
    assert "normalized" not in quantity


def test_span_numbers_are_those_inside_the_span(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    first_sentence = doc[0 : next(t.i for t in doc if t.text == ".")]
    assert [n.kind for n in first_sentence._.numbers] == ["date", "duration", "quantity"]


def _same_layer(a: Doc, b: Doc) -> None:
    assert [n.to_dict() for n in b._.numbers] == [n.to_dict() for n in a._.numbers]
    assert b._.claims == a._.claims


def test_docbin_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = DocBin().from_bytes(data).get_docs(any_nlp.vocab)
    _same_layer(doc, restored)


def test_pickle_round_trip(any_nlp: Language) -> None:
    doc = any_nlp(TEXT)
    _same_layer(doc, pickle.loads(pickle.dumps(doc)))


def test_the_layer_survives_multiprocessing(blank_nlp: Language) -> None:
    texts = [TEXT, "Sin cifras.", "Esperaron al menos 48 horas.", TEXT]
    single = [blank_nlp(t) for t in texts]
    multi = list(blank_nlp.pipe(texts, n_process=2, batch_size=1))
    for a, b in zip(single, multi, strict=True):
        _same_layer(a, b)
    assert [n.kind for n in multi[2]._.numbers] == ["duration"]


def test_to_disk_and_spacy_load_keep_claim_kinds(tmp_path: Path) -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"claim_kinds": DURATIONS})
    nlp.to_disk(tmp_path / "p")
    reloaded = spacy.load(tmp_path / "p")
    doc = reloaded(TEXT)
    assert [c.kind for c in doc._.claims] == ["duration", "quantity", "age"]
    _same_layer(nlp(TEXT), doc)


def test_claim_kinds_count_durations_and_ages_as_claims() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"claim_kinds": DURATIONS})
    doc = nlp(TEXT)
    assert [(c.kind, c.text) for c in doc._.claims] == [
        ("duration", "48 horas"),
        ("quantity", "300"),
        ("age", "65 años"),
    ]
    assert [s.text for s in doc.spans["numclaims"]] == ["48 horas", "300", "65 años"]
    assert doc._.claims[0].extra["normalized"] == "PT48H"
    # the layer is the same whatever counts as a claim
    assert [n.to_dict()["text"] for n in doc._.numbers] == [
        n.text for n in numclaims.load("blank")(TEXT)._.numbers
    ]


def test_claim_kinds_may_leave_a_default_kind_out() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"claim_kinds": ["money"]})
    doc = nlp("Llegaron miles de personas y pagaron 300 euros.")
    assert [c.kind for c in doc._.claims] == ["money"]
    assert [n.kind for n in doc._.numbers] == ["vague", "money"]


@pytest.mark.parametrize("kinds", [["quantity", "dates"], "duration"])
def test_unknown_claim_kinds_are_refused(kinds: object) -> None:
    nlp = spacy.blank("es")
    with pytest.raises(ValueError, match=r"claim_kinds|claim kinds"):
        nlp.add_pipe("numclaims", config={"claim_kinds": kinds})


def test_a_doc_without_numbers_has_empty_claims_and_layer(blank_nlp: Language) -> None:
    doc = blank_nlp("El Gobierno aprobó la reforma tras un largo debate.")
    assert doc._.claims == [] and doc._.numbers == []
    assert list(doc.spans["numclaims"]) == []
    assert numclaims.pipeline.extensions.annotated_by(doc) == ["numclaims"]


def test_the_claims_are_rebuilt_once_per_doc(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    first, second = doc._.claims, doc._.claims
    assert first == second and first is not second  # a new list of the same records
    assert all(a is b for a, b in zip(first, second, strict=True))
    restored = pickle.loads(pickle.dumps(doc))
    assert restored._.claims == first
    assert restored._.claims[0] is restored._.claims[0]


def test_the_cache_follows_a_new_annotation(blank_nlp: Language) -> None:
    doc = blank_nlp("El kilo cuesta 1.500 pesos.")
    assert [c.unit["code"] for c in doc._.claims if c.unit] == ["MXN"]
    numclaims.annotate(doc, "es-AR")  # the region decides which peso
    assert [c.unit["code"] for c in doc._.claims if c.unit] == ["ARS"]
    doc._.numclaims_data = []
    assert doc._.claims == []


def test_a_doc_stored_without_the_layer_gives_its_claims(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    old = blank_nlp.make_doc(TEXT)
    old._.set(STORE_ATTR, {"numclaims": [c.to_dict() for c in doc._.claims]})
    assert old._.get(NUMBERS_ATTR) is None
    assert numbers_of(old) == doc._.claims

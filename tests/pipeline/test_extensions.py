"""The attributes: which component's claims they give, and claims_of by name."""

from __future__ import annotations

import pickle
import warnings
from decimal import Decimal

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import numclaims
from numclaims.pipeline.extensions import (
    DATA_ATTR,
    DEFAULT_NAME,
    STORE_ATTR,
    annotated_by,
    claims_of,
    data_of,
    register_extensions,
)

PESOS = "El kilo cuesta 1,500 pesos. La caja, 2,5 pesos."


def _values(claims: list[numclaims.Claim]) -> list[Decimal | None]:
    return [c.value for c in claims]


@pytest.fixture(scope="module")
def three() -> Language:
    """The default-named component (neutral locale) and two regional ones."""
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    nlp.add_pipe("numclaims", name="nc_es", config={"locale": "es-ES", "spans_key": "nc_es"})
    nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX", "spans_key": "nc_mx"})
    return nlp


def test_each_component_stores_under_its_own_name(three: Language) -> None:
    doc = three(PESOS)
    assert annotated_by(doc) == [DEFAULT_NAME, "nc_es", "nc_mx"]
    assert set(doc._.get(STORE_ATTR)) == {DEFAULT_NAME, "nc_es", "nc_mx"}
    assert _values(claims_of(doc, "nc_es")) == [Decimal("1.5"), Decimal("2.5")]
    assert _values(claims_of(doc, "nc_mx")) == [Decimal("1.5"), Decimal("2.5")]
    # the neutral locale reads the text's "2,5": a comma decimal, so "1,500" is 1.5 too
    default = _values(claims_of(doc, DEFAULT_NAME))
    assert _values(doc._.claims) == default == [Decimal("1.5"), Decimal("2.5")]
    assert doc._.get(DATA_ATTR) == data_of(doc) == data_of(doc, DEFAULT_NAME)


def test_a_disabled_component_leaves_no_claims(three: Language) -> None:
    with three.select_pipes(disable=["nc_mx"]):
        doc = three(PESOS)
    assert annotated_by(doc) == [DEFAULT_NAME, "nc_es"]
    with pytest.raises(
        KeyError, match=r"no numclaims component named 'nc_mx'.*'numclaims', 'nc_es'"
    ):
        claims_of(doc, "nc_mx")


def test_an_unknown_name_is_a_key_error_naming_those_that_ran(three: Language) -> None:
    doc = three(PESOS)
    with pytest.raises(KeyError, match=r"'nc_mz'.*'numclaims', 'nc_es', 'nc_mx'"):
        claims_of(doc, "nc_mz")


def test_a_doc_no_component_annotated() -> None:
    doc = spacy.blank("es")("Cuesta 10 euros.")
    assert annotated_by(doc) == []
    assert doc._.claims == [] and doc._.numclaims_data == []
    assert doc[0:3]._.claims == [] and doc[2:4]._.claim is None
    assert claims_of(doc) == []
    with pytest.raises(KeyError, match="components that did: none"):
        claims_of(doc, DEFAULT_NAME)


def test_claims_of_a_span_are_those_inside_it(three: Language) -> None:
    doc = three(PESOS)
    cut = PESOS.index(". ") + 1
    first, second = doc.char_span(0, cut), doc.char_span(cut + 1, len(PESOS))
    assert first is not None and second is not None
    assert first.text == "El kilo cuesta 1,500 pesos."
    assert _values(claims_of(first, "nc_es")) == [Decimal("1.5")]
    assert _values(claims_of(second, "nc_mx")) == [Decimal("2.5")]
    assert first._.claims == claims_of(first, DEFAULT_NAME)  # as doc._.claims
    assert [c.text for c in claims_of(first)] == [c.text for c in first._.claims]


def test_span_claim_of_each_span_group(three: Language) -> None:
    doc = three(PESOS)
    for key in ("numclaims", "nc_es", "nc_mx"):
        assert [s.text for s in doc.spans[key]] == ["1,500 pesos", "2,5 pesos"]
        # span._.claim answers for the component doc._.claims answers for
        claims = [s._.claim for s in doc.spans[key]]
        assert claims == claims_of(doc, DEFAULT_NAME)


def test_annotating_again_replaces_only_that_components_claims(three: Language) -> None:
    doc = three(PESOS)
    before = data_of(doc, "nc_es")
    numclaims.annotate(doc, "es-MX", name="nc_es", spans_key="nc_es")
    assert _values(claims_of(doc, "nc_es")) == [Decimal("1.5"), Decimal("2.5")]
    assert _values(claims_of(doc, "nc_mx")) == [Decimal("1.5"), Decimal("2.5")]
    assert annotated_by(doc) == [DEFAULT_NAME, "nc_es", "nc_mx"]  # the order they first ran
    assert _values([numclaims.Claim.from_dict(d) for d in before]) == [
        Decimal("1.5"),
        Decimal("2.5"),
    ]


def test_the_data_given_out_is_a_new_list(three: Language) -> None:
    doc = three(PESOS)
    data = doc._.numclaims_data
    data.clear()
    assert len(doc._.numclaims_data) == 2
    store = doc._.get(STORE_ATTR)
    numclaims.annotate(doc, "es", name="later")
    assert "later" not in store  # what a caller got earlier stays as it was
    assert annotated_by(doc)[-1] == "later"


def test_setting_numclaims_data_replaces_the_claims_doc_claims_gives(three: Language) -> None:
    doc = three(PESOS)
    mx = data_of(doc, "nc_mx")
    doc._.numclaims_data = mx[:1]
    assert _values(doc._.claims) == [Decimal("1.5")]
    assert _values(claims_of(doc, "nc_mx")) == [Decimal("1.5"), Decimal("2.5")]  # untouched
    fresh = spacy.blank("es")(PESOS)
    fresh._.numclaims_data = mx
    assert annotated_by(fresh) == [DEFAULT_NAME] and fresh._.claims == claims_of(doc, "nc_mx")
    two = spacy.blank("es")(PESOS)
    numclaims.annotate(two, "es-ES", name="a")
    numclaims.annotate(two, "es-MX", name="b")
    with pytest.raises(ValueError, match="none is named 'numclaims'"):
        two._.numclaims_data = mx


def test_data_is_a_list_after_a_docbin_round_trip(three: Language) -> None:
    doc = three(PESOS)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(three.vocab)
    assert isinstance(back._.numclaims_data, list)
    assert back._.numclaims_data == [dict(d) for d in doc._.numclaims_data]
    assert annotated_by(back) == annotated_by(doc)
    assert claims_of(back, "nc_mx") == claims_of(doc, "nc_mx")


def test_a_doc_copy_and_a_pickle_keep_every_component(three: Language) -> None:
    doc = three(PESOS)
    for other in (doc.copy(), pickle.loads(pickle.dumps(doc))):
        assert annotated_by(other) == annotated_by(doc)
        for name in annotated_by(doc):
            assert claims_of(other, name) == claims_of(doc, name)


def test_the_store_attribute_taken_by_another_library_warns() -> None:
    Doc.set_extension(STORE_ATTR, getter=lambda doc: "theirs", force=True)
    try:
        with pytest.warns(UserWarning, match=rf"Doc\._\.{STORE_ATTR} is already registered"):
            register_extensions()
    finally:
        register_extensions(force=True)
    assert spacy.blank("es")("x")._.get(STORE_ATTR) is None


def test_registering_twice_is_quiet() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        register_extensions()
        register_extensions()

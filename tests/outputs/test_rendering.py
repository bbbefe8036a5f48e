"""displaCy pictures of claims: labels with value, unit, qualifier, modality and speaker."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc

import numclaims
from numclaims.outputs.rendering import KIND_COLORS, claim_label, render_page

TEXT = (
    "El ministro de Defensa, Shin Wonsik, dijo que Seúl identificó al menos 10,000 "
    "contenedores. Podrían contener hasta 4.8 millones de proyectiles, dijo Shin."
)


def test_labels_carry_value_unit_qualifier_modality_and_speaker(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    labels = [claim_label(c) for c in doc._.claims]
    assert labels == [
        "≥ 10.000 contenedor · Shin Wonsik",
        "≤ 4.800.000 proyectil (hedged) · Shin Wonsik",
    ]
    # values grouped as the locale writes them
    assert claim_label(doc._.claims[0], "es-MX") == "≥ 10,000 contenedor · Shin Wonsik"


def test_a_ratio_shows_what_it_implies(blank_nlp: Language) -> None:
    doc = blank_nlp(
        "El Gobierno aprobó 3.500 millones de euros. El plan anterior repartió la mitad de "
        "esa cantidad."
    )
    labels = [claim_label(c) for c in doc._.claims]
    assert labels == ["3.500.000.000 €", "× 0,5 → 1.750.000.000 €"]


def test_the_page_has_a_title_a_legend_and_spanish_text(blank_nlp: Language) -> None:
    html = "".join(render_page([blank_nlp(TEXT)], title="noticia.txt"))
    assert '<html lang="es">' in html
    assert "<title>noticia.txt</title>" in html
    legend = re.search(r'<p class="numclaims-legend".*?</p>', html, flags=re.S)
    assert legend is not None
    for kind in ("quantity", "money", "percent", "ratio"):
        assert f"background: {KIND_COLORS[kind]}" in legend.group() and kind in legend.group()
    assert "no claims found" not in html


def test_render_highlights_each_claim(blank_nlp: Language) -> None:
    html = numclaims.render(blank_nlp(TEXT))
    marks = re.findall(r"<mark.*?</mark>", html, flags=re.S)
    assert len(marks) == 2
    assert "10,000" in marks[0] and "≥ 10.000 contenedor" in marks[0]
    assert "4.8 millones" in marks[1]
    assert "<html" not in html


def test_render_several_docs_as_a_page(blank_nlp: Language) -> None:
    docs = list(blank_nlp.pipe([TEXT, "El paro bajó al 12,5 % en marzo."]))
    html = numclaims.render(docs, page=True)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert len(re.findall(r"<mark", html)) == 3
    assert "12,5 %" in html


def test_render_escapes_the_text(blank_nlp: Language) -> None:
    html = numclaims.render(blank_nlp("<script>alert(1)</script> Hubo 300 heridos."))
    assert "<script>" not in html


def test_render_stays_the_function_after_the_module_is_imported() -> None:
    importlib.import_module("numclaims.outputs.rendering")
    assert callable(numclaims.render)


NEWS = [
    TEXT,
    "El paro bajó al 12,5 % en marzo, según el INE.\n\nHubo  más   de 300      heridos.",
    "Nada que contar <b>aquí</b>.",
]


def displacy_page(docs: list[Doc], *, minify: bool) -> str:
    """The page displaCy makes of ``docs`` in one go (what ``render`` did before streaming)."""
    data: list[dict[str, Any]] = []
    colors: dict[str, str] = {}
    for doc in docs:
        ents = []
        for claim in doc._.claims:
            colors[claim_label(claim)] = KIND_COLORS[claim.kind]
            ents.append(
                {"start": claim.start_char, "end": claim.end_char, "label": claim_label(claim)}
            )
        data.append({"text": doc.text, "ents": ents, "title": None})
    html: str = displacy.render(
        data, style="ent", manual=True, page=True, minify=minify, options={"colors": colors}
    )
    return html


@pytest.mark.parametrize("minify", [False, True])
def test_the_streamed_page_is_the_rendered_page(blank_nlp: Language, minify: bool) -> None:
    docs = list(blank_nlp.pipe(NEWS))
    pieces = list(render_page(docs, minify=minify))
    assert len(pieces) == 2 + len(docs)  # head, one piece per doc, tail
    assert "".join(pieces) == numclaims.render(docs, page=True, minify=minify)
    # the figures are displaCy's own (the head adds a title, a heading and a legend)
    ours = re.findall(r"<figure.*?</figure>", "".join(pieces), flags=re.S)
    theirs = re.findall(r"<figure.*?</figure>", displacy_page(docs, minify=minify), flags=re.S)
    assert ours == theirs and len(ours) == len(docs)


def test_the_page_renders_each_doc_when_it_is_reached(blank_nlp: Language) -> None:
    pulled: list[str] = []

    def docs() -> Iterator[Doc]:
        for text in NEWS[:2]:
            pulled.append(text)
            yield blank_nlp(text)

    pieces = render_page(docs())
    assert "<!DOCTYPE html>" in next(pieces) and pulled == []
    assert "10,000" in next(pieces) and pulled == NEWS[:1]
    assert "12,5 %" in next(pieces) and pulled == NEWS[:2]
    assert next(pieces).endswith("</html>")
    assert next(pieces, None) is None


def test_a_page_of_no_docs_is_a_whole_page() -> None:
    html = "".join(render_page([]))
    assert html == numclaims.render([], page=True)
    assert html.startswith("<!DOCTYPE html>") and "<body" in html and html.endswith("</html>")
    assert "no claims found" in html


def test_each_claim_is_coloured_by_its_own_kind(blank_nlp: Language) -> None:
    doc = blank_nlp("La mitad de los vecinos votó. El coeficiente de Gini quedó en 0,5.")
    assert [(c.kind, claim_label(c)) for c in doc._.claims] == [
        ("ratio", "× 0,5"),
        ("quantity", "0,5"),
    ]
    backgrounds = re.findall(r"<mark[^>]*background: (#[0-9a-f]+)", numclaims.render(doc))
    assert backgrounds == [KIND_COLORS["ratio"], KIND_COLORS["quantity"]]


def test_a_change_is_rendered_from_to_with_its_delta(blank_nlp: Language) -> None:
    doc = blank_nlp("La deuda pública pasó del 70 al 102 % del PIB.")
    labels = [claim_label(c) for c in doc._.claims]
    assert labels == ["70 %", "102 % · 70 % → 102 % (+32 pp)"]
    assert "70 % → 102 % (+32 pp)" in numclaims.render(doc)


def test_change_labels_of_sizes_and_factors() -> None:
    from numclaims.outputs.rendering import change_label

    assert change_label({"delta": "-3", "delta_unit": "pp", "role": "delta"}) == "-3 pp"
    assert change_label({"relative_change": "0.18", "role": "relative"}) == "+18 %"
    assert change_label({"factor": "3", "relative_change": "2", "role": "factor"}) == "×3"
    assert (
        change_label({"from_value": "100", "to_value": "150", "delta": "50", "delta_unit": None})
        == "100 → 150 (+50)"
    )


def test_a_change_without_its_start_shows_its_direction_and_locale_values() -> None:
    from numclaims.outputs.rendering import change_label

    down = {"to_value": "12.5", "delta_unit": "pp", "direction": "down", "role": "to"}
    assert change_label(down) == "↓ 12,5 %"
    assert change_label(down, "es-MX") == "↓ 12.5 %"
    up = {"to_value": "3000000000", "factor": "3", "direction": "up", "delta_unit": "EUR"}
    assert change_label(up) == "↑ 3.000.000.000 (×3)"

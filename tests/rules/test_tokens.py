"""The token table: plain columns of a text's tokens, built without spaCy."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.tokens import TokenTable


def test_from_text_splits_words_digits_and_signs() -> None:
    text = "El paro bajó al 12,5 %, según el INE."
    table = TokenTable.from_text(text)
    assert " ".join(table.words) == "El paro bajó al 12 , 5 % , según el INE ."
    assert table.lower[0] == "el" and table.lower[-2] == "ine"
    assert len(table) == len(table.words)
    assert not (table.has_pos or table.has_lemma or table.has_dep)
    assert set(table.pos) == {""} and set(table.heads) == {-1}


def test_hyphenated_and_apostrophe_words_stay_one_token() -> None:
    table = TokenTable.from_text("El franco-alemán O'Donnell habló.")
    assert table.words == ["El", "franco-alemán", "O'Donnell", "habló", "."]


@given(st.text(max_size=200))
def test_offsets_cover_each_token_exactly(text: str) -> None:
    table = TokenTable.from_text(text)
    previous_end = 0
    for start, end, word in zip(table.starts, table.ends, table.words, strict=True):
        assert text[start:end] == word
        assert start >= previous_end and end > start  # in order, not overlapping
        assert not any(ch.isspace() for ch in word)
        previous_end = end

"""Text folding: one fold for lookups, one that keeps every offset."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from numclaims.rules.text import fold, fold_keep_length


def test_fold_drops_case_and_accents() -> None:
    assert fold("Millón") == "millon"
    assert fold("DIECISÉIS") == "dieciseis"
    assert fold("pingüino") == "pinguino"


def test_keep_length_keeps_what_it_is_asked_to() -> None:
    assert fold_keep_length("Más de 30 AÑOS") == "mas de 30 anos"
    assert fold_keep_length("Más de 30 AÑOS", keep="ñÑ") == "mas de 30 años"


@given(st.text(max_size=200), st.sampled_from(["", "ñÑ"]))
def test_folded_text_has_the_offsets_of_the_text(text: str, keep: str) -> None:
    folded = fold_keep_length(text, keep=keep)
    assert len(folded) == len(text)
    for original, ch in zip(text, folded, strict=True):
        assert ch == original or ch == fold(original) or ch == original.lower()

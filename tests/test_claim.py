"""The Claim record: exact values, the dict contract and shifting offsets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from spacy.language import Language

import numclaims
from numclaims.claim import NESTED_OFFSETS, Claim

TEXT = (
    "El ministro de Economía, Juan Pérez, dijo que el Gobierno gastó 3.500 millones de "
    "euros en ayudas, y que la mitad de esa cantidad fue a los agricultores."
)


def _offset_fields(data: object, path: str = "") -> list[str]:
    """Every key of ``data`` (nested) whose name says it is a character offset."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, val in data.items():
            here = f"{path}.{key}" if path else key
            if key.endswith(("_start", "_end", "start_char", "end_char")) and isinstance(val, int):
                found.append(here)
            found.extend(_offset_fields(val, here))
    return found


@pytest.mark.parametrize("offset", [0, 1, 7, 123_456])
def test_shifted_moves_every_offset(blank_nlp: Language, offset: int) -> None:
    claims = numclaims.extract(TEXT, nlp=blank_nlp)
    assert {c.kind for c in claims} >= {"money", "ratio"}
    padded = "x" * offset + TEXT
    for claim in claims:
        moved = claim.shifted(offset)
        before, after = claim.to_dict(), moved.to_dict()
        fields = _offset_fields(before)
        assert "start_char" in fields
        for name in fields:
            obj_b, obj_a = before, after
            *parents, leaf = name.split(".")
            for p in parents:
                obj_b, obj_a = obj_b[p], obj_a[p]
            assert obj_a[leaf] == obj_b[leaf] + offset, name
        assert padded[moved.start_char : moved.end_char] == moved.text
        assert moved.value == claim.value
        assert (moved.unit is None) == (claim.unit is None)


def test_ratio_of_offsets_are_shifted(blank_nlp: Language) -> None:
    [ratio] = [c for c in numclaims.extract(TEXT, nlp=blank_nlp) if c.kind == "ratio"]
    moved = ratio.shifted(1000)
    assert moved.extra["ratio_of"]["start_char"] == ratio.extra["ratio_of"]["start_char"] + 1000
    assert moved.extra["ratio_of"]["end_char"] == ratio.extra["ratio_of"]["end_char"] + 1000


def test_every_offset_field_found_is_declared(blank_nlp: Language) -> None:
    for claim in numclaims.extract(TEXT, nlp=blank_nlp):
        for name in _offset_fields(claim.to_dict()):
            if "." in name:
                parent, leaf = name.split(".", 1)
                assert leaf in NESTED_OFFSETS[parent], name


def test_shifted_by_zero_is_the_same_claim() -> None:
    claim = Claim(text="10", start_char=3, end_char=5, kind="quantity", value=Decimal(10))
    assert claim.shifted(0) is claim
    assert claim.shifted(2) == Claim(
        text="10", start_char=5, end_char=7, kind="quantity", value=Decimal(10)
    )


def test_nested_lists_survive_a_docbin_round_trip_equal(blank_nlp: Language) -> None:
    from spacy.tokens import DocBin

    doc = blank_nlp("La nueva autovía mide 35 km y costó 120 millones de euros.")
    [km] = [c for c in doc._.claims if c.unit is not None and c.unit.get("dimensions")]
    store = DocBin(store_user_data=True)
    store.add(doc)
    [back] = list(DocBin().from_bytes(store.to_bytes()).get_docs(blank_nlp.vocab))
    assert back._.claims == doc._.claims
    assert isinstance(km.to_dict()["unit"]["dimensions"], list)


def test_a_claim_is_read_only_all_the_way_down(blank_nlp: Language) -> None:
    [km] = numclaims.extract("La autovía mide 35 km.", nlp=blank_nlp)
    assert km.unit is not None
    with pytest.raises(TypeError):
        km.unit["dimensions"][0]["power"] = 2  # type: ignore[index]

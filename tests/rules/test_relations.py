"""Linking the claims of a text: the time of each claim, JSON safety, offsets, odd input."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.rules.claims import find_claims
from numclaims.rules.relations import claim_type_of


def test_each_claim_gets_the_time_it_is_about() -> None:
    text = "En 2015 el paro era del 22 %. En marzo de 2019 había bajado al 14 %."
    a, b = find_claims(text)
    assert a.time is not None and a.time["normalized"] == "2015"
    assert b.time is not None and b.time["normalized"] == "2019-03"
    assert b.time["text"] == "En marzo de 2019"


def test_a_relative_time_is_resolved_only_with_a_reference_date() -> None:
    text = "El mes pasado se vendieron 3.000 coches."
    (d,) = find_claims(text)
    assert d.time is not None and d.time["normalized"] is None and d.time["relative"]
    (d,) = find_claims(text, reference_date=date(2026, 12, 1))
    assert d.time is not None and d.time["normalized"] == "2026-11"


def test_a_range_of_years_is_a_period_not_a_claim() -> None:
    drafts = find_claims("Entre 2010 y 2018 la deuda creció un 40 %.")
    assert [d.text for d in drafts] == ["40 %"]
    assert drafts[0].time is not None and drafts[0].time["normalized"] == "2010/2018"


def test_claim_types_of_claims() -> None:
    drafts = find_claims(
        "Al menos 300 personas cobran entre 1.000 y 2.000 euros; 40 % son mujeres."
    )
    assert [claim_type_of(d) for d in drafts] == ["interval", "interval", "statistical"]


def test_the_extra_fields_are_json_and_shift_with_the_claim() -> None:
    drafts = find_claims("En 2019 la deuda pasó del 70 al 102 % del PIB.")
    claim = drafts[1].to_claim()
    data = json.loads(json.dumps(claim.to_dict()))
    assert data["change"]["from_value"] == "70" and data["claim_type"] == "comparison"
    assert data["time"]["normalized"] == "2019"
    moved = claim.shifted(10).to_dict()
    assert moved["change"]["from_start_char"] == data["change"]["from_start_char"] + 10
    assert moved["change"]["verb_start_char"] == data["change"]["verb_start_char"] + 10
    assert moved["time"]["start_char"] == data["time"]["start_char"] + 10


def test_a_ratio_against_its_restated_base() -> None:
    text = "La UE prometió 1 millón de proyectiles, pero entregó la mitad de esa cantidad, 500.000."
    drafts = find_claims(text)
    ratio = next(d for d in drafts if d.kind == "ratio")
    (check,) = ratio.checks
    assert check["kind"] == "ratio_base" and check["ok"] is True and check["implied"] == "500000"


_words = st.sampled_from(
    [
        "subió",
        "bajó",
        "de",
        "del",
        "a",
        "al",
        "un",
        "%",
        "puntos",
        "frente",
        "entre",
        "y",
        "el doble que",
        "hace",
        "años",
        "de ellos",
        "2019",
        "70",
        "102",
        "1.200",
        "millones",
        ",",
        "la mitad",
        "veces",
        "más",
        "que",
        "mes",
        "pasado",
        "este",
        "martes",
        "0",
        "-5",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_words, max_size=25), st.one_of(st.none(), st.dates()))
def test_never_raises_on_odd_sentences(words: list[str], ref: date | None) -> None:
    text = " ".join(words)
    for d in find_claims(text, reference_date=ref):
        json.dumps(d.extra)
        assert 0 <= d.start < d.end <= len(text)

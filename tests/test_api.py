"""The one-call API: extract() and load(), and what they do with bad input."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from spacy.language import Language

import numclaims
from numclaims import Claim


def test_extract_returns_claims_in_order(blank_nlp: Language) -> None:
    text = (
        "Más de 300 personas y unos 800 tractores se concentraron; el plan cuesta 2 mil millones."
    )
    claims = numclaims.extract(text, nlp=blank_nlp)
    assert [(c.text, c.value, c.qualifier) for c in claims] == [
        ("300", Decimal(300), "more_than"),
        ("800", Decimal(800), "approx"),
        ("2 mil millones", Decimal(2_000_000_000), None),
    ]
    assert all(isinstance(c, Claim) for c in claims)


def test_extract_without_a_pipeline_uses_the_default() -> None:
    claims = numclaims.extract("Se vendieron 1.200 viviendas.")
    assert [(c.text, c.value) for c in claims] == [("1.200", Decimal(1200))]


def test_to_dict_contract(blank_nlp: Language) -> None:
    [claim] = numclaims.extract("La deuda llegó a 1,5 billones de euros.", nlp=blank_nlp)
    d = claim.to_dict()
    assert list(d)[:13] == [
        "text",
        "start_char",
        "end_char",
        "kind",
        "value",
        "value_exact",
        "value_min",
        "value_max",
        "qualifier",
        "unit",
        "subject",
        "speaker",
        "modality",
    ]
    assert d["value"] == 1_500_000_000_000 and isinstance(d["value"], int)
    assert d["value_exact"] == "1500000000000"
    assert d["unit"]["code"] == "EUR" and d["unit"]["text"]
    assert Claim.from_dict(d) == claim


def test_non_integral_values_are_floats_with_an_exact_string(blank_nlp: Language) -> None:
    [claim] = numclaims.extract("La inflación fue del 2,35 %.", nlp=blank_nlp)
    d = claim.to_dict()
    assert d["value"] == 2.35 and isinstance(d["value"], float)
    assert d["value_exact"] == "2.35"


def test_locale_argument(blank_nlp: Language) -> None:
    text = "El kilo cuesta 1,500 pesos."
    assert numclaims.extract(text, nlp=blank_nlp, locale="es-ES")[0].value == Decimal("1.5")
    assert numclaims.extract(text, nlp=blank_nlp, locale="es-MX")[0].value == Decimal(1500)
    assert numclaims.extract(text, nlp=blank_nlp)[0].value == Decimal(1500)


@pytest.mark.parametrize("bad", [None, b"10 euros", 10, ["10 euros"]])
def test_wrong_types(bad: object, blank_nlp: Language) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        numclaims.extract(bad, nlp=blank_nlp)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_fix_it(blank_nlp: Language) -> None:
    with pytest.raises(TypeError, match="decode"):
        numclaims.extract(b"10 euros", nlp=blank_nlp)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t", "\ufeff", "Sin cifras en esta frase."])
def test_empty_results(text: str, blank_nlp: Language) -> None:
    assert numclaims.extract(text, nlp=blank_nlp) == []


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 10 euros \x7f",
        "Z\u0351\u0352\u0353algo 10 euros",
        "\ud800 10 euros".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "１０ euros y ١٢ dólares",  # fullwidth and Arabic-Indic digits
        "10\u200b000 euros",
        "🙂" * 1000 + " 10 euros",
    ],
)
def test_odd_unicode_does_not_crash(text: str, blank_nlp: Language) -> None:
    claims = numclaims.extract(text, nlp=blank_nlp)
    for c in claims:
        assert text[c.start_char : c.end_char] == c.text


def test_long_text_is_cut_in_pieces_with_true_offsets(blank_nlp: Language) -> None:
    paragraph = "El Gobierno repartió 3.500 millones de euros entre 120.000 explotaciones.\n"
    text = paragraph * 3000  # ~ 220 000 characters: several pieces
    claims = numclaims.extract(text, nlp=blank_nlp)
    assert len(claims) == 6000
    for c in claims:
        assert text[c.start_char : c.end_char] == c.text


def _time_extract(text: str, nlp: Language) -> float:
    start = time.perf_counter()
    numclaims.extract(text, nlp=nlp)
    return time.perf_counter() - start


@pytest.mark.slow
def test_ten_megabytes_in_linear_time(blank_nlp: Language) -> None:
    paragraph = (
        "Seúl identificó al menos 10,000 contenedores que podrían contener hasta 4.8 "
        "millones de proyectiles, dijo Shin. "
    )
    one = paragraph * (1_000_000 // len(paragraph))
    t1 = _time_extract(one, blank_nlp)
    t10 = _time_extract(one * 10, blank_nlp)
    assert t10 < 10 * t1 * 2.5 + 5  # linear, with room for noise


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["1.1.", "1,1,", "mil ", "!!!!"])
def test_adversarial_megabyte_in_linear_time(unit: str, blank_nlp: Language) -> None:
    megabyte = unit * 250_000
    quarter = _time_extract(megabyte[: len(megabyte) // 4], blank_nlp)
    whole = _time_extract(megabyte, blank_nlp)
    assert whole < 4 * quarter * 2.5 + 5  # linear, with room for noise


def test_load_blank_and_missing_pipelines() -> None:
    nlp = numclaims.load("blank", locale="es-AR")
    assert nlp.pipe_names == ["numclaims"]
    assert nlp.get_pipe("numclaims").locale == "es-AR"  # type: ignore[attr-defined]
    with pytest.raises(OSError, match="es_core_news_xl_missing"):
        numclaims.load("es_core_news_xl_missing")
    with pytest.raises(ValueError, match="locale"):
        numclaims.load("blank", locale="en-US")


def test_load_prefers_a_trained_pipeline(trained_nlp: Language) -> None:
    nlp = numclaims.load()
    assert "parser" in nlp.pipe_names and nlp.pipe_names[-1] == "numclaims"

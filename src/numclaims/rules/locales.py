"""Which decimal mark a Spanish locale uses.

Spanish writes decimals with a comma in Spain and most of South America and
with a point in Mexico, Central America, the Caribbean and the United States
(RAE and ASALE, *Ortografía de la lengua española*, 2010, on the writing of
numbers; the country split follows the Unicode CLDR locale data). The default
locale ``"es"`` commits to neither and decides each lone separator from the
text itself (see :func:`numclaims.rules.numerals.parse_number`).

In a document, the region does not decide: real pages mix conventions (a
Mexican daily quoting "1.600 pesos", a Colombian one "18,008 votos"), so
:func:`document_decimal_mark` lets the document's own evidence ("1.234,56",
"2,5 %", "10,000") settle its doubtful separators, and reads a euro amount in
Spanish prose as comma-decimal when nothing else decides.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex

from ..lang import table
from .patterns import any_of

__all__ = [
    "COMMA_DECIMAL_REGIONS",
    "POINT_DECIMAL_REGIONS",
    "DecimalMark",
    "decimal_mark_for",
    "document_decimal_mark",
    "normalize_locale",
]

DecimalMark = Literal[",", "."]

#: Regions whose Spanish writes "1.234,5" (comma decimal), from ``lang/es/locales.json``.
COMMA_DECIMAL_REGIONS: frozenset[str] = frozenset(table("locales")["comma_decimal_regions"])
#: Regions whose Spanish writes "1,234.5" (point decimal), from ``lang/es/locales.json``.
POINT_DECIMAL_REGIONS: frozenset[str] = frozenset(table("locales")["point_decimal_regions"])


def normalize_locale(locale: str) -> str:
    """Return ``locale`` as ``"es"`` or ``"es-XX"``; raise ``ValueError`` otherwise.

    Accepts ``"es_MX"``, ``"ES-mx"`` and the like.
    """
    if not isinstance(locale, str):
        raise TypeError(f"locale must be a str, not {type(locale).__name__}")
    parts = locale.replace("_", "-").split("-")
    if parts[0].lower() != "es" or len(parts) > 2 or not all(parts):
        raise ValueError(f"unsupported locale {locale!r}: use 'es' or 'es-XX' (e.g. 'es-MX')")
    if len(parts) == 1:
        return "es"
    region = parts[1].upper()
    if region not in COMMA_DECIMAL_REGIONS | POINT_DECIMAL_REGIONS:
        raise ValueError(f"unknown Spanish-speaking region in locale {locale!r}")
    return f"es-{region}"


def decimal_mark_for(locale: str) -> DecimalMark | None:
    """Return the decimal mark of a strict locale, or ``None`` for ``"es"`` (decide from text)."""
    norm = normalize_locale(locale)
    if norm == "es":
        return None
    region = norm[3:]
    return "," if region in COMMA_DECIMAL_REGIONS else "."


@lru_cache(maxsize=1)
def _comma_currency_re() -> regex.Pattern[str]:
    """An amount in a comma-decimal currency: "1,659 euros", "3 millones de €", "€ 5"."""
    forms = any_of(table("locales")["comma_decimal_currency_forms"])
    return regex.compile(
        rf"\p{{N}}(?:\s{{1,3}}+\p{{L}}{{1,9}}+){{0,3}}?\s{{0,3}}+(?:{forms})(?![\p{{L}}\p{{N}}])"
        rf"|(?<![\p{{L}}\p{{N}}])(?:{forms})\s{{0,2}}+\p{{N}}",
        regex.IGNORECASE,
    )


# "10,000", "2.000.000": a group of three zeros can only be thousands, so it shows the
# document's grouping mark. Bounded: at most 8 groups from the start of a digit run.
_ZERO_GROUP_RE = regex.compile(r"(?<![\p{N}.,])\p{N}{1,3}+(?:([.,])000){1,8}+(?![\p{N}]|[.,]\p{N})")


def _zero_group_mark(text: str) -> DecimalMark | None:
    """The decimal mark that the zero groups of ``text`` imply, if they all agree."""
    seps = {m.group(1) for m in _ZERO_GROUP_RE.finditer(text)}
    if len(seps) != 1:
        return None
    return "." if seps == {","} else ","


def document_decimal_mark(text: str, locale: str = "es") -> DecimalMark | None:
    """Return the decimal mark that settles the doubtful separators of ``text``.

    A doubtful separator is a lone "," or "." followed by three digits ("1,250"):
    thousands or decimals. In order of evidence:

    1. the document itself: a number that can only be read one way ("1.234,56",
       "2,5 %", "1.234.567"), when all such numbers agree
       (:func:`numclaims.rules.numerals.detect_decimal_mark`); else its groups of
       three zeros, which can only be thousands ("11,000 millones": the comma
       groups, so the point is the decimal mark), when they all agree;
    2. the currency: an amount in euros in Spanish prose ("1,659 euros") is
       comma-decimal;
    3. ``None``: each number decides from itself (a lone separator followed by
       three digits groups thousands).

    The region of ``locale`` is not evidence here: measured on Latin-American
    fact-checks, a doubtful "1.600" or "18,008" meant thousands whatever the
    outlet's country. It still decides currencies, and the reading of a number
    parsed on its own (:func:`numclaims.rules.numerals.parse_number`).

    A group of three zeros ("10,000") stays thousands whatever the mark (see
    :func:`numclaims.rules.numerals.parse_digits`).

    Args:
        text: The whole document.
        locale: ``"es"`` or ``"es-XX"``.

    Returns:
        ``","``, ``"."`` or ``None``.

    Raises:
        ValueError: If ``locale`` is not Spanish.

    Example:
        >>> document_decimal_mark("El litro cuesta 1,659 euros.")
        ','
        >>> document_decimal_mark("Pagó 3.254,03 pesos y 1,160 más.", "es-MX")
        ','
        >>> document_decimal_mark("Un apoyo de 1.600 pesos.", "es-MX") is None
        True
    """
    from .numerals import detect_decimal_mark  # numerals imports this module

    normalize_locale(locale)
    evidence = detect_decimal_mark(text)
    if evidence is not None:
        return evidence
    zeros = _zero_group_mark(text)
    if zeros is not None:
        return zeros
    if _comma_currency_re().search(text) is not None:
        return ","
    return None

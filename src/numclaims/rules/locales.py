"""Which decimal mark a Spanish locale uses.

Spanish writes decimals with a comma in Spain and most of South America and
with a point in Mexico, Central America, the Caribbean and the United States
(RAE and ASALE, *Ortografía de la lengua española*, 2010, on the writing of
numbers; the country split follows the Unicode CLDR locale data). The default
locale ``"es"`` commits to neither and decides each lone separator from the
text itself (see :func:`numclaims.rules.numerals.parse_number`).
"""

from __future__ import annotations

from typing import Literal

from ..lang import table

__all__ = [
    "COMMA_DECIMAL_REGIONS",
    "POINT_DECIMAL_REGIONS",
    "DecimalMark",
    "decimal_mark_for",
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

"""Find the denominator of a rate written after a claim (pure: no spaCy).

"600 euros *al mes*", "234 casos *por cada 100.000 habitantes*", "15 litros *por metro
cuadrado*", "16 centavos *por acción*", "30 km *por hora*", "120 euros */m²*", "un 3 %
*anual*", "2.000 casos *diarios*", "el PIB *per cápita*": :func:`match_rate` reads the
denominator right after the claim (its numeral and unit), and :func:`match_exchange_rate`
reads an exchange rate before an amount ("el dólar subió a *$950*": pesos per USD).

A rate is a :class:`Rate`: ``per`` is the denominator as the annotation writes it (the
singular noun, the unit symbol or the currency code: ``"mes"``, ``"acción"``, ``"m²"``,
``"USD"``; with its number when it has one: ``"100000 habitantes"``, ``"1000 L"``),
``value`` the denominator's number and ``unit`` its canonical unit. Units that are
ratios by themselves ("km/h", "l/m²", "hab./km²") are units, found by
:mod:`numclaims.rules.units`, not rates.

The word lists live in ``lang/es/rates.json``; each lookup reads a bounded window.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..claim import plain_decimal
from ..lang import table
from . import units
from .numerals import parse_number
from .patterns import any_of
from .text import fold_keep_length

__all__ = ["Rate", "match_exchange_rate", "match_rate"]

_SPACE = r"\s{1,3}+"
_END = r"(?![\p{L}\p{N}])"
_REACH = 96  # characters read after a claim (the longest denominator is ~50)
_BACK = 64  # characters read before an amount for an exchange rate


@dataclass(frozen=True)
class Rate:
    """The denominator of a rate.

    Attributes:
        start: Offset of the rate's first character (its connector: "por", "al", "/").
        end: Offset one past its last character.
        text: The rate as written ("por cada 100.000 habitantes").
        per: The denominator ("100000 habitantes", "mes", "USD").
        value: Its number ("100000"), or ``None`` ("por hora").
        unit: Its canonical unit: the singular noun, the unit symbol or the ISO code.
        unit_start: Offset of the denominator's unit word (-1 for an adjective rate).
        counted: The denominator is a counted noun ("habitantes"), not a unit or time.
        part: The claim is a part of the denominator ("cuatro *de cada diez chicos*"):
            what it counts is the denominator's noun.
    """

    start: int
    end: int
    text: str
    per: str
    value: Decimal | None
    unit: str
    unit_start: int = -1
    counted: bool = False
    part: bool = False


def _fold(text: str) -> str:
    return fold_keep_length(text, keep="ñÑ")


@dataclass(frozen=True)
class _Tables:
    time_nouns: dict[str, str]
    adjectives: dict[str, str]
    nouns: frozenset[str]
    closed: frozenset[str]
    connector_re: regex.Pattern[str]
    any_noun: frozenset[str]
    part: frozenset[str]
    time_only: frozenset[str]
    noun_ok: frozenset[str]
    adjective_re: regex.Pattern[str]
    capita_re: regex.Pattern[str]
    capita_unit: str
    slash_re: regex.Pattern[str]
    exchange_re: regex.Pattern[str]
    exchange_codes: dict[str, str]
    skip_re: regex.Pattern[str]  # the noun's own modifiers before "por cada"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = table("rates")
    any_noun = [_fold(c) for c in raw["any_noun_connectors"]]
    time_only = [_fold(c) for c in raw["time_connectors"]]
    noun_ok = [_fold(c) for c in raw["noun_connectors"]]
    connectors = any_of(set(any_noun) | set(time_only) | set(noun_ok), _SPACE)
    exchange = {_fold(k): v for k, v in raw["exchange_subjects"].items()}
    links = any_of([_fold(w) for w in raw["exchange_links"]], _SPACE)
    return _Tables(
        time_nouns={_fold(k): v for k, v in raw["time_nouns"].items()},
        adjectives={_fold(k): v for k, v in raw["adjectives"].items()},
        nouns=frozenset(_fold(w) for w in raw["denominator_nouns"]),
        closed=frozenset(_fold(w) for w in table("units")["counted_closed_class"]),
        connector_re=regex.compile(rf"[ \t\u00a0]{{1,3}}+({connectors})\s{{1,3}}+"),
        any_noun=frozenset(any_noun),
        part=frozenset(_fold(c) for c in raw["part_connectors"]),
        time_only=frozenset(time_only),
        noun_ok=frozenset(noun_ok),
        adjective_re=regex.compile(
            rf"[ \t\u00a0]{{1,3}}+({any_of(_fold(a) for a in raw['adjectives'])}){_END}"
        ),
        capita_re=regex.compile(
            rf"[ \t\u00a0]{{1,3}}+(?:{any_of(_fold(a) for a in raw['per_capita'])}){_END}"
        ),
        capita_unit=raw["per_capita_unit"],
        slash_re=regex.compile(rf"\s{{0,1}}+(?:{any_of(raw['slash'])})\s{{0,1}}+"),
        exchange_re=regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{any_of(raw['exchange_articles'])})\s{{1,3}}+"
            rf"({any_of(exchange, _SPACE)})"
            rf"(?:\s{{1,3}}+[\p{{L}}]{{1,15}}+){{0,4}}?\s{{1,3}}+(?:{links})\s{{0,3}}+$"
        ),
        exchange_codes=exchange,
        skip_re=regex.compile(
            rf"(?:[ \t\u00a0]{{1,3}}+\p{{Ll}}{{2,30}}+){{1,3}}?"
            rf"(?=[ \t\u00a0]{{1,3}}+(?:{connectors})\s)"
        ),
    )


_NUMBER_RE = regex.compile(r"\p{N}[\p{N}.,]{0,20}+(?![\p{L}\p{N}])|\p{L}{2,20}+(?!\p{L})")
_WORD_RE = regex.compile(r"\p{L}[\p{L}²³]{0,39}+\.?")


def _denominator(
    text: str, pos: int, *, allow_any: bool, allow_nouns: bool
) -> tuple[int, str, bool] | None:
    """The unit at ``pos``: (end, canonical unit, whether it is a symbol or code rather
    than a word as written); ``None`` if there is none."""
    t = _tables()
    word = _WORD_RE.match(text, pos, pos + 48)
    if word is None:
        return None
    folded = _fold(word.group().rstrip("."))
    if folded in t.time_nouns:
        end = pos + len(word.group().rstrip("."))
        return end, t.time_nouns[folded], False
    unit = units.match_unit_after(text, pos - 1) if pos > 0 and text[pos - 1].isspace() else None
    if unit is None:
        unit = units.match_unit_after(text, pos)
    if unit is not None and unit.start == pos and unit.kind in ("physical", "currency"):
        if unit.kind == "currency":
            return unit.end, str(unit.unit.get("code", "")), True
        return unit.end, str(unit.unit.get("symbol", unit.unit.get("name", ""))), True
    if not (allow_any or allow_nouns):
        return None
    if folded in t.closed or not word.group()[:1].islower():
        return None
    if not allow_any and folded not in t.nouns:
        return None
    end = pos + len(word.group().rstrip("."))
    return end, units.singularize(text[pos:end]), False


def match_rate(text: str, end: int) -> Rate | None:
    """Find the denominator of a rate right after a claim ending at ``end``.

    Tried in order: a slash and a unit or time abbreviation ("/m²", "/mes"); a rate
    adjective ("anuales", "diarios", "mensual"); "per cápita"; a connector and its
    denominator: "por cada" / "cada" / "de cada" with any noun and an optional number
    ("por cada 100.000 habitantes", "de cada diez chicos"), "al" / "a la" with a time
    noun ("al mes"), "por" with a time noun, a unit or a usual denominator noun ("por
    hora", "por litro", "por acción"; not "por la crisis"). A connector may follow up
    to three lower-case words, the unit's own modifiers ("1 cama hospitalaria pública
    por cada 504 habitantes", "4.000 euros brutos al mes"); then "al" and "por" take
    only a time noun.

    Args:
        text: The full text.
        end: Offset one past the claim's numeral and unit.

    Returns:
        The rate, or ``None``.

    Example:
        >>> match_rate("Cobra 600 euros al mes.", 15).per
        'mes'
    """
    if not 0 <= end <= len(text):
        raise ValueError(f"offset {end} outside text of length {len(text)}")
    t = _tables()
    limit = min(len(text), end + _REACH)
    folded = _fold(text[end:limit])
    slash = t.slash_re.match(folded)
    if slash is not None and slash.end() > 0 and "/" in slash.group():
        found = _denominator(text, end + slash.end(), allow_any=False, allow_nouns=False)
        if found is not None:
            stop, unit, _ = found
            pos = end + slash.end()
            return Rate(end, stop, text[end:stop], unit, None, unit, unit_start=pos)
    adj = t.adjective_re.match(folded)
    if adj is not None:
        unit = t.adjectives[adj.group(1)]
        start = end + adj.start(1)
        return Rate(start, end + adj.end(), text[start : end + adj.end()], unit, None, unit)
    capita = t.capita_re.match(folded)
    if capita is not None:
        start = end + len(capita.group()) - len(capita.group().lstrip())
        stop = end + capita.end()
        return Rate(start, stop, text[start:stop], t.capita_unit, None, t.capita_unit)
    offset = 0
    conn = t.connector_re.match(folded)
    if conn is None:
        skip = t.skip_re.match(folded)
        if skip is None:
            return None
        offset = skip.end()
        conn = t.connector_re.match(folded, offset)
        if conn is None:
            return None
    return _after_connector(text, end, conn, skipped=offset > 0)


def _after_connector(
    text: str, end: int, conn: regex.Match[str], *, skipped: bool = False
) -> Rate | None:
    t = _tables()
    kind = " ".join(conn.group(1).split())
    start = end + conn.start(1)
    pos = end + conn.end()
    value: Decimal | None = None
    allow_any = kind in t.any_noun
    if allow_any:
        num = _NUMBER_RE.match(text, pos, pos + 24)
        if num is not None:
            parsed = parse_number(num.group())
            after = regex.match(r"\s{1,3}+", text[num.end() : num.end() + 4])
            if parsed is not None and after is not None:
                value = parsed
                pos = num.end() + after.end()
    found = _denominator(text, pos, allow_any=allow_any, allow_nouns=kind in t.noun_ok)
    if found is None:
        return None
    stop, unit, symbolic = found
    only_time = kind in t.time_only and kind not in t.any_noun and kind not in t.noun_ok
    if (only_time or (skipped and kind not in t.any_noun)) and _fold(
        text[pos:stop]
    ) not in t.time_nouns:
        return None  # "al gobierno": "al" takes only a time noun
    per = unit
    if value is not None:
        per = f"{plain_decimal(value)} {unit if symbolic else text[pos:stop]}"
    counted = not symbolic and _fold(text[pos:stop]) not in t.time_nouns
    return Rate(
        start,
        stop,
        text[start:stop],
        per,
        value,
        unit,
        unit_start=pos,
        counted=counted,
        part=kind in t.part,
    )


def match_exchange_rate(text: str, start: int, code: str | None = None) -> Rate | None:
    """Find an exchange rate before an amount starting at ``start``: "el dólar subió a
    *$950*", "el euro cotiza en *1,08 dólares*" (the price of one unit of a currency).

    Args:
        text: The full text.
        start: Offset of the amount (its currency sign or numeral).
        code: The amount's own currency; a rate is never quoted in the same one.

    Returns:
        The rate (``per`` is the quoted currency's code), or ``None``.

    Example:
        >>> match_exchange_rate("Ayer el dólar subió a $950.", 22).per
        'USD'
    """
    if not 0 <= start <= len(text):
        raise ValueError(f"offset {start} outside text of length {len(text)}")
    t = _tables()
    begin = max(0, start - _BACK)
    window = _fold(text[begin:start])
    m = t.exchange_re.search(window)
    if m is None:
        return None
    per = t.exchange_codes[" ".join(m.group(1).split())]
    if per == code:
        return None
    s, e = begin + m.start(1), begin + m.end(1)
    return Rate(s, e, text[s:e], per, Decimal(1), per)

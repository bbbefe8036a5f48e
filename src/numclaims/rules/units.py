"""Find the unit of a numeral: currency, percent, physical unit or counted noun.

Pure language rules (text in, value out; no spaCy). Given a text and the
character offsets of a numeral found by the scanner, :func:`match_unit_after`
finds what follows it ("10,000 *contenedores*", "4.8 millones de
*proyectiles*", "12,5 *%*", "3 *km²*", "8 mil millones de *euros*") and
:func:`match_unit_before` finds a currency sign or code before it ("*US$* 5",
"*$*\\ 2.3 billones").

All surface forms live in ``lang/es/units.json``. Physical units carry
quantulum3's unit name, entity and URI, copied from quantulum3's catalog into
``lang/quantulum_units.json`` by ``tools/derive_quantulum_units.py`` so that
quantulum3 itself is never loaded at run time.

Every lookup inspects a bounded window of text next to the numeral, so the
cost of a call does not grow with the length of the document (the document
is scanned once, and cached, only to decide what a bare "$", "pesos" or
"céntimos" means; see :mod:`numclaims.rules.currency`). Every currency says how
it was decided in ``"basis"``: ``"text"`` when the mention itself names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..lang import table, unit_catalog
from .currency import Resolved, is_placeholder, resolver
from .locales import normalize_locale
from .patterns import any_of
from .text import fold_keep_length

__all__ = [
    "UnitMatch",
    "dollar_code",
    "match_unit_after",
    "match_unit_before",
    "percentage_points",
    "peso_code",
    "singularize",
]

_WINDOW = 72  # characters of text examined after the gap (longest form is ~45)
_DOLLAR = "$DOLLAR"
_PESO = "$PESO"
_CURRENCY_PAIRS = frozenset(("JPY", "CNY"))  # "¥" is either


@dataclass(frozen=True)
class UnitMatch:
    """A unit found next to a numeral.

    Attributes:
        start: Offset of the unit's first character in the full text.
        end: Offset one past its last character. A connector "de" between a
            scale word and the unit ("millones *de* euros") lies before ``start``.
        kind: ``"currency"``, ``"percent"``, ``"percentage_point"``,
            ``"physical"``, ``"multiplier"`` ("siete veces": symbol ``"x"``) or
            ``"counted"``.
        unit: A JSON-safe description. Always ``"text"`` (the surface) and
            ``"name"``. Currencies add ``"code"`` (ISO 4217; ``"BTC"`` for
            bitcoin), ``"symbol"`` and ``"basis"`` (how the code was decided:
            ``"text"``, ``"document"``, ``"region"``, ``"cue:<cue>"``,
            ``"default"``, ``"hint"``); percent and percentage points add
            ``"symbol"`` (``"%"``, ``"pp"``, or ``"bp"`` for basis points);
            physical units add an SI-style ``"symbol"`` ("km²") and
            quantulum3's ``"entity"``, ``"uri"`` and ``"dimensions"`` (for the
            few composites quantulum3 lacks, such as "gigawatt hour" or
            "inhabitant per square kilometre", the same fields built from
            quantulum3's base units); counted nouns have ``"name"`` = the
            singular lemma ("contenedores" -> "contenedor").
        scale: A multiplier the unit itself carries ("mdd" and "M€" 10**6,
            "k€" 10**3, "mmdd" 10**9), else ``None``.
    """

    start: int
    end: int
    kind: str
    unit: dict[str, Any] = field(hash=False)
    scale: Decimal | None = None


# --------------------------------------------------------------------------- data


def _fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, keeping its length; ñ is kept ("año" is not
    "ano")."""
    return fold_keep_length(text, keep="ñÑ")


@dataclass(frozen=True)
class _Entry:
    kind: str
    base: Mapping[str, Any]  # unit fields except "text"
    code: str | None = None  # currency code or an ambiguous form ("$DOLLAR", "$PESO", …)
    scale_exp: int | None = None
    veto_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Tables:
    words: dict[str, _Entry]  # folded, single-spaced form -> entry
    symbols: dict[str, _Entry]  # exact (single-spaced) form -> entry
    word_re: regex.Pattern[str]
    symbol_re: regex.Pattern[str]
    before: tuple[tuple[str, str], ...]  # (symbol, code), longest first
    currencies: Mapping[str, Mapping[str, str]]
    closed: frozenset[str]
    verb_suffixes: tuple[str, ...]
    singular_exceptions: dict[str, str]
    invariant: frozenset[str]
    invariant_endings: tuple[str, ...]


def _alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal ``forms``, longest first, whitespace-tolerant.

    A form ending in a letter or digit must not be followed by one.
    """
    parts = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        body = r"\s{1,3}+".join(regex.escape(tok) for tok in form.split())
        if form[-1].isalnum():
            body += r"(?![\p{L}\p{N}])"
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _physical_base(
    entry: Mapping[str, Any], catalog: Mapping[str, Any], composites: Mapping[str, Any]
) -> dict[str, Any]:
    if "quantulum" in entry:
        record = catalog[entry["quantulum"]]
        name = record["name"]
    else:
        name = entry["composite"]
        record = composites[name]
    return {
        "name": name,
        "symbol": entry["symbol"],
        "entity": record["entity"],
        "uri": record["uri"],
        "dimensions": [dict(d) for d in record["dimensions"]],
    }


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = table("units")
    catalog = unit_catalog()
    currencies: Mapping[str, Mapping[str, str]] = raw["currencies"]
    words: dict[str, _Entry] = {}
    symbols: dict[str, _Entry] = {}

    def add(spec: Mapping[str, Any], entry: _Entry) -> None:
        for form in spec.get("words", ()):
            words[" ".join(_fold(form).split())] = entry
        for form in spec.get("symbols", ()):
            symbols[" ".join(form.split())] = entry

    for spec in raw["currency_after"]:
        code = spec["code"]
        base = {} if is_placeholder(code) else _currency_fields(code, currencies)
        add(spec, _Entry("currency", base, code, spec.get("scale_exp")))
    for spec in raw["percent_after"]:
        add(spec, _Entry(spec["kind"], {"name": spec["name"], "symbol": spec["symbol"]}))
    for spec in raw["physical_after"]:
        base = _physical_base(spec, catalog, raw["composite_units"])
        add(
            spec,
            _Entry("physical", base, veto_suffixes=tuple(spec.get("veto_next_word_suffixes", ()))),
        )

    before = [(sym, spec["code"]) for spec in raw["currency_before"] for sym in spec["symbols"]]
    before.sort(key=lambda item: -len(item[0]))
    return _Tables(
        words=words,
        symbols=symbols,
        word_re=regex.compile(_alternation(words), regex.IGNORECASE),
        symbol_re=regex.compile(_alternation(symbols)),
        before=tuple(before),
        currencies=currencies,
        closed=frozenset(_fold(w) for w in raw["counted_closed_class"]),
        verb_suffixes=tuple(raw["verb_suffixes"]),
        singular_exceptions=dict(raw["singular_exceptions"]),
        invariant=frozenset(raw["singular_unchanged"]),
        invariant_endings=tuple(raw["singular_invariant_endings"]),
    )


def _currency_fields(
    code: str, currencies: Mapping[str, Mapping[str, str]], basis: str = "text"
) -> dict[str, Any]:
    info = currencies[code]
    return {"name": info["name"], "code": code, "symbol": info["symbol"], "basis": basis}


# ----------------------------------------------------------------------- currency


def dollar_code(locale: str, text: str | None = None) -> str:
    """Return the ISO 4217 code that a bare "$" means in ``text`` (see
    :mod:`numclaims.rules.currency` for the order of evidence).

    Rules, in order: a peso named explicitly in the document ("pesos chilenos",
    "AR$"); a document that counts in "pesos" (and names no dollar country) writes
    "$" for them; the region (``es-MX`` MXN, ``es-CO`` COP, ``es-AR`` ARS, ``es-CL``
    CLP, ``es-UY`` UYU, ``es-DO`` DOP, ``es-CU`` CUP; ``es-US``, ``es-ES`` and the
    other regions USD); the country the document is about (institutions, places,
    demonyms: strictly the most weight); else USD. The word "dólares" always means
    USD; only the sign is ambiguous.

    Args:
        locale: ``"es"`` or ``"es-XX"`` (``"es_MX"`` is accepted).
        text: The whole document.

    Returns:
        An ISO 4217 code such as ``"USD"`` or ``"MXN"``.

    Raises:
        ValueError: If ``locale`` is not Spanish.
    """
    doc = text or ""
    found = resolver(doc, locale).resolve(_DOLLAR, len(doc))
    assert found is not None  # "$" has a default
    return found.code


def peso_code(locale: str, text: str | None = None) -> str:
    """Return the ISO 4217 code that the bare word "pesos" means in ``text``.

    The same order as :func:`dollar_code`: a peso named in the document, the
    region of a peso country, the peso country the document is about, else MXN
    (the peso most often in Spanish-language news).

    Args:
        locale: ``"es"`` or ``"es-XX"``.
        text: The whole document.

    Returns:
        An ISO 4217 code.

    Raises:
        ValueError: If ``locale`` is not Spanish.
    """
    doc = text or ""
    found = resolver(doc, locale).resolve(_PESO, len(doc))
    assert found is not None  # "pesos" has a default
    return found.code


def _resolve_currency(
    code: str,
    locale: str,
    text: str,
    hint: str | None,
    pos: int,
    previous: str | None = None,
) -> dict[str, Any] | None:
    """Currency fields for ``code`` written at ``pos``, resolving an ambiguous form;
    ``None`` if the form is no currency in this document ("Q1", "L 5" outside
    Guatemala and Honduras)."""
    tables = _tables()
    known_hint = hint if hint is not None and hint in tables.currencies else None
    if known_hint is not None:
        if code == _DOLLAR or (code == _PESO and "peso" in tables.currencies[known_hint]["name"]):
            return _currency_fields(known_hint, tables.currencies, "hint")
        if code in _CURRENCY_PAIRS and known_hint in _CURRENCY_PAIRS:
            return _currency_fields(known_hint, tables.currencies, "hint")
    if not is_placeholder(code):
        return _currency_fields(code, tables.currencies)
    found: Resolved | None = resolver(text, locale).resolve(code, pos, previous=previous)
    if found is None:
        return None
    return _currency_fields(found.code, tables.currencies, found.basis)


_LOCAL = "$LOCAL"


def local_currency(
    text: str, pos: int, *, locale: str = "es", previous: str | None = None
) -> dict[str, Any] | None:
    """The currency of an amount written without one ("gastó 117 billones"): the one of
    the amount before it (``previous``), else the local money of the region or of the
    country the document is about; ``None`` when nothing says.

    Example:
        >>> local_currency("En Colombia el Gobierno gastó 117 billones.", 30)["code"]
        'COP'
    """
    return _resolve_currency(_LOCAL, locale, text, None, pos, previous)


# --------------------------------------------------------------------- matching

# The patterns below match at most ~45 characters. Every call passes an ``endpos``: the
# regex module's ``match(text, pos)`` without one costs time in proportion to the
# length of ``text``, which made one call per number quadratic on long documents.
_REACH = 64
_GAP_RE = regex.compile(r"\s{0,4}+")
_DE_RE = regex.compile(r"(?i:de)\s{1,4}+")
_NEXT_WORD_RE = regex.compile(r"\s{1,4}+(\p{L}{1,40}+)")
_COUNTED_RE = regex.compile(r"\p{Ll}\p{L}{0,39}+(?![\p{L}\p{N}])")
_ONE_RE = regex.compile(r"(?i)(?:(?<![\p{N}.,])1|(?<!\p{L})un[oa]?)$")


def _table_match(
    text: str, pos: int, *, gap: bool, allow_percent: bool
) -> tuple[_Entry, int, int] | None:
    """Longest unit form starting at ``pos``: (entry, start, end)."""
    tables = _tables()
    window = text[pos : pos + _WINDOW]
    best: tuple[_Entry, int] | None = None
    m = tables.symbol_re.match(window)
    if m:
        best = (tables.symbols[" ".join(m.group().split())], m.end())
    if gap:
        w = tables.word_re.match(_fold(window))
        if w is not None and (best is None or w.end() >= best[1]):
            entry = tables.words[" ".join(w.group().lower().split())]
            # "en 1492 Colón", "5 Real Madrid": a capitalized currency word is a name.
            name_like = window[0].isupper() and not window[: w.end()].isupper()
            if not (name_like and entry.kind == "currency"):
                best = (entry, w.end())
    if best is None:
        return None
    entry, length = best
    if not allow_percent and entry.kind != "currency" and entry.kind != "physical":
        return None
    if entry.veto_suffixes:
        nxt = _NEXT_WORD_RE.match(text, pos + length, pos + length + _REACH)
        if nxt and _fold(nxt.group(1)).endswith(entry.veto_suffixes):
            return None
    return entry, pos, pos + length


def _build(
    entry: _Entry,
    text: str,
    start: int,
    end: int,
    locale: str,
    hint: str | None,
    previous: str | None = None,
) -> UnitMatch | None:
    surface = text[start:end]
    fields: dict[str, Any] | None
    if entry.kind == "currency":
        assert entry.code is not None
        fields = (
            _resolve_currency(entry.code, locale, text, hint, start, previous)
            if is_placeholder(entry.code)
            else dict(entry.base)
        )
        if fields is None:
            return None
    else:
        fields = {k: (list(v) if isinstance(v, list) else v) for k, v in entry.base.items()}
        if "dimensions" in fields:
            fields["dimensions"] = [dict(d) for d in fields["dimensions"]]
    scale = Decimal(10) ** entry.scale_exp if entry.scale_exp is not None else None
    return UnitMatch(start, end, entry.kind, {"text": surface, **fields}, scale)


@lru_cache(maxsize=1)
def _counted_extras() -> tuple[frozenset[str], regex.Pattern[str]]:
    data = table("units")["counted_extras"]
    quotes = "".join(regex.escape(q) for q in data["open_quotes"] + data["close_quotes"])
    quoted = regex.compile(
        rf"[{''.join(regex.escape(q) for q in data['open_quotes'])}]"
        rf"(\p{{Ll}}[\p{{Ll}} ]{{0,28}}+)[{quotes}]"
    )
    return frozenset(_fold(w) for w in data["prenominal_adjectives"]), quoted


_ADJ_GAP_RE = regex.compile(r"\s{1,3}+")


def _counted(text: str, pos: int, end: int) -> UnitMatch | None:
    """The counted noun at ``pos``: a plural noun ("contenedores"), after a prenominal
    adjective ("3.851 grandes compañías"), or a short quoted phrase ("175 «me gusta»")."""
    adjectives, quoted = _counted_extras()
    q = quoted.match(text, pos, pos + 32)
    if q is not None and len(q.group(1).split()) <= 3:
        inner = q.group(1).strip()
        return UnitMatch(
            q.start(1), q.start(1) + len(inner), "counted", {"text": inner, "name": inner}
        )
    m = _COUNTED_RE.match(text, pos, pos + _REACH)
    if m is None:
        return None
    if _fold(m.group()) in adjectives:
        gap = _ADJ_GAP_RE.match(text, m.end(), m.end() + 3)
        nxt = _COUNTED_RE.match(text, gap.end(), gap.end() + _REACH) if gap else None
        if nxt is not None and _fold(nxt.group()) not in adjectives:
            m = nxt
    word = m.group()
    tables = _tables()
    folded = _fold(word)
    if len(word) < 2 or folded in tables.closed or word.lower().endswith(tables.verb_suffixes):
        return None
    plural = word.endswith("s") or word in tables.invariant
    if not plural and not _ONE_RE.search(text[max(0, end - 6) : end]):
        return None
    return UnitMatch(m.start(), m.end(), "counted", {"text": word, "name": singularize(word)})


@lru_cache(maxsize=1)
def _multipliers() -> tuple[regex.Pattern[str], Mapping[str, Any], regex.Pattern[str]]:
    data = table("units")["multipliers"]
    word = regex.compile(rf"(?i:{any_of(data['words'])})(?![\p{{L}}\p{{N}}])")
    participle = regex.compile(
        rf"(?i:\p{{L}}+(?:{any_of(data['occurrence_suffixes'])}))\s{{1,3}}+\S{{1,24}}+$"
    )
    return word, data, participle


def _multiplier(text: str, pos: int, end: int) -> UnitMatch | None:
    """ "siete veces" (a multiplier, symbol x), or "compartida 29.000 veces" (after a
    participle: a count of occurrences, the noun "vez")."""
    word, data, participle = _multipliers()
    m = word.match(text, pos, pos + 12)
    if m is None:
        return None
    if participle.search(text[max(0, end - 60) : end]) is not None:
        return UnitMatch(
            pos, m.end(), "counted", {"text": m.group(), "name": data["occurrence_name"]}
        )
    return UnitMatch(
        pos,
        m.end(),
        "multiplier",
        {"text": m.group(), "name": data["name"], "symbol": data["symbol"]},
    )


@lru_cache(maxsize=1)
def _points() -> tuple[
    frozenset[str], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], int
]:
    data = table("units")["points"]
    nouns = frozenset(_fold(w) for w in data["nouns"])
    change = regex.compile(
        rf"(?i:(?<!\p{{L}})(?:{any_of(data['change_stems'])})\p{{L}}{{0,8}}+)"
        rf"(?:\s{{1,3}}+\p{{L}}{{1,8}}+){{0,2}}?\s{{1,3}}+$"
    )
    level = regex.compile(rf"(?i:(?<!\p{{L}})(?:{any_of(data['level_words'])}))\s{{1,3}}+$")
    index = regex.compile(rf"(?<!\p{{L}})(?:{any_of(data['index_cues'])})(?!\p{{L}})")
    return nouns, change, level, index, int(data["percent_reach"])


def percentage_points(text: str, unit: UnitMatch, start: int) -> UnitMatch:
    """``unit`` as percentage points when "puntos" after the numeral at ``start`` are
    the difference of two percentages ("el partido subió tres puntos", "la deuda
    creció 32 puntos, del 70 % al 102 %"); ``unit`` unchanged otherwise: a level ("hasta
    los 11.500 puntos"), a stock index ("el Ibex ganó 120 puntos"), a score."""
    nouns, change, level, index, reach = _points()
    if unit.kind != "counted" or _fold(str(unit.unit.get("text", ""))) not in nouns:
        return unit
    before = text[max(0, start - 60) : start]
    if level.search(before) is not None:
        return unit
    around = text[max(0, start - reach) : min(len(text), unit.end + reach)]
    if index.search(around) is not None:
        return unit
    if change.search(before) is None and "%" not in around:
        return unit
    entry = _tables().words["punto porcentual"]
    return UnitMatch(unit.start, unit.end, entry.kind, {"text": unit.unit["text"], **entry.base})


def _check_offset(text: str, offset: int) -> None:
    if not 0 <= offset <= len(text):
        raise ValueError(f"offset {offset} outside text of length {len(text)}")


def match_unit_after(
    text: str,
    end: int,
    *,
    locale: str = "es",
    after_scale: bool = False,
    currency_hint: str | None = None,
    previous_currency: str | None = None,
) -> UnitMatch | None:
    """Find the unit that follows the numeral ending at ``end``.

    Tried in order: a unit form (percent, currency, physical unit; the
    longest form wins, so "kilómetros cuadrados" beats "kilómetros"), then a
    counted noun ("10,000 contenedores" -> "contenedor"). Word forms match
    case- and accent-insensitively after whitespace ("kilometros"); symbols
    match case-sensitively with or without a space ("5%", "5 MW", "3 km²").

    A counted noun must be a lower-case word that is not a closed-class word
    (article, preposition, pronoun, month, number word, common verb or
    quantity adjective, "veces") and has no verb ending; it must look plural
    unless the numeral is "1"/"un"/"una". "3 veces" is left to the ratio
    rules: it is not a unit.

    Args:
        text: The full text.
        end: Offset one past the numeral's last character.
        locale: ``"es"`` or ``"es-XX"``; decides what "$" and "pesos" mean.
        after_scale: The numeral ended in a scale word ("millones", "mil"),
            so a connector "de" may precede the unit ("4.8 millones de
            proyectiles"). Without it, "de" ends the search ("10 de junio").
        currency_hint: An ISO 4217 code to use for an ambiguous "$" (any
            code) or "pesos" (a peso code).
        previous_currency: The currency of the amount before this one in the
            text: hundredths ("15 céntimos") are of the same money.

    Returns:
        The unit, or ``None``.

    Raises:
        ValueError: If ``end`` is outside ``text`` or ``locale`` is not Spanish.
    """
    _check_offset(text, end)
    normalize_locale(locale)
    gap_match = _GAP_RE.match(text, end, end + _REACH)
    pos = gap_match.end() if gap_match is not None else end
    gap = pos > end
    found = _table_match(text, pos, gap=gap, allow_percent=True)
    noun_pos = pos if gap else -1
    if found is None and after_scale and gap:
        de = _DE_RE.match(text, pos, pos + _REACH)
        if de is not None:
            found = _table_match(text, de.end(), gap=True, allow_percent=False)
            noun_pos = de.end()
    if found is not None:
        entry, start, stop = found
        built = _build(entry, text, start, stop, locale, currency_hint, previous_currency)
        if built is not None:
            return built
    if noun_pos < 0:
        return None
    return _multiplier(text, noun_pos, end) or _counted(text, noun_pos, end)


def match_unit_before(
    text: str, start: int, *, locale: str = "es", currency_hint: str | None = None
) -> UnitMatch | None:
    """Find a currency sign or code right before the numeral starting at ``start``.

    Handles "$", "US$", "U$S", "USD ", "€", "£", "¥", "R$", "S/", "S/.",
    "MX$", "COP$", "Bs." and the like, with at most two spaces before the
    numeral. The sign must not be glued to a preceding letter or digit.

    Args:
        text: The full text.
        start: Offset of the numeral's first character.
        locale: ``"es"`` or ``"es-XX"``; decides what "$" means (see
            :func:`dollar_code`).
        currency_hint: An ISO 4217 code that overrides the meaning of "$".

    Returns:
        The currency unit, or ``None``.

    Raises:
        ValueError: If ``start`` is outside ``text`` or ``locale`` is not Spanish.
    """
    _check_offset(text, start)
    normalize_locale(locale)
    tables = _tables()
    j = start
    while j > 0 and start - j < 2 and text[j - 1] in " \u00a0\u202f":
        j -= 1
    for symbol, code in tables.before:
        s = j - len(symbol)
        if s < 0 or not text.startswith(symbol, s):
            continue
        if s > 0 and (text[s - 1].isalnum() or text[s - 1] == "$"):
            continue
        if symbol[-1].isalpha() and j == start and start < len(text) and text[start].isalpha():
            continue
        fields = _resolve_currency(code, locale, text, currency_hint, s)
        if fields is None:
            return None
        return UnitMatch(s, j, "currency", {"text": symbol, **fields})
    return None


# ------------------------------------------------------------------ singularize

_ACCENT = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")
_ADD_ACCENT = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_VOWELS = "aeiouáéíóúü"
_STRONG = "aeoáéó"


def _nuclei(stem: str) -> list[tuple[int, int]]:
    """Spans of the syllable nuclei of ``stem`` (diphthongs joined, hiatus split)."""
    spans: list[tuple[int, int]] = []
    prev = ""
    for i, ch in enumerate(stem):
        if ch not in _VOWELS:
            prev = ""
            continue
        hiatus = prev and ((prev in _STRONG and ch in _STRONG) or ch in "íú" or prev in "íú")
        if prev and not hiatus:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
        prev = ch
    return spans


def _restore_accent(stem: str) -> str:
    """Fix the written accent of a singular ending in -n or -s taken from an -es plural."""
    low = stem.lower()
    nuclei = _nuclei(low)
    accented = [k for k, (a, b) in enumerate(nuclei) if any(c in "áéíóú" for c in low[a:b])]
    if accented:
        # jóvenes -> joven: the plural's accent sits before the last nucleus.
        if accented[-1] < len(nuclei) - 1:
            return stem.translate(_ACCENT)
        return stem  # países -> país
    if len(nuclei) < 2:
        return stem  # meses -> mes, trenes -> tren
    # camiones -> camión, leones -> león: an oxytone ending in -n/-s writes the accent.
    a, b = nuclei[-1]
    strong = [i for i in range(a, b) if low[i] in _STRONG]
    at = strong[-1] if strong else b - 1
    accent = _ADD_ACCENT.get(low[at], low[at])
    if stem[at].isupper():
        accent = accent.upper()
    return stem[:at] + accent + stem[at + 1 :]


def singularize(word: str) -> str:
    """Return the singular of a Spanish plural noun (other words unchanged).

    Rules: an exception table and invariant plurals (crisis, virus, lunes,
    portaaviones) from the data file; "-ces" -> "-z" (lápices -> lápiz);
    "-es" after -n/-s drops "es" and fixes the accent (camiones -> camión,
    jóvenes -> joven, países -> país); "-es" after a vowel + l/r/y, after
    -d in "-dades"/"-tudes", after -x or a stressed vowel drops "es"
    (contenedores -> contenedor, ciudades -> ciudad, iraníes -> iraní);
    any other final "-s" is dropped (muertes -> muerte, votos -> voto).

    Args:
        word: A word, usually lower-case.

    Returns:
        Its singular.
    """
    tables = _tables()
    low = word.lower()
    if low in tables.singular_exceptions:
        return _match_case(word, tables.singular_exceptions[low])
    if low in tables.invariant or len(low) < 3 or not low.endswith("s"):
        return word
    if low.endswith(tables.invariant_endings):
        return word
    if low[-2] in "íú" and low[-3] in _VOWELS:
        return word  # país, baúl-like hiatus: already singular
    if low.endswith("ces"):
        return word[:-3] + ("Z" if word[-3].isupper() else "z")
    if low.endswith("es") and len(low) >= 4:
        prev, prev2 = low[-3], low[-4]
        if prev in "áéíóú" or prev == "x":
            return word[:-2]
        if prev in "ns":
            return _restore_accent(word[:-2])
        if prev in "lry" and prev2 in "aeiouáéíóú":
            return word[:-2]
        if prev == "d" and low.endswith(("dades", "tudes")):
            return word[:-2]
    return word[:-1]


def _match_case(original: str, replacement: str) -> str:
    if original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement

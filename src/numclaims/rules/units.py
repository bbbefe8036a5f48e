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
is scanned once, and cached, only to decide what a bare "$" or "pesos"
means; see :func:`dollar_code`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..lang import table, unit_catalog
from .locales import normalize_locale
from .text import fold_keep_length

__all__ = [
    "UnitMatch",
    "dollar_code",
    "match_unit_after",
    "match_unit_before",
    "peso_code",
    "singularize",
]

_WINDOW = 72  # characters of text examined after the gap (longest form is ~45)
_DOLLAR = "$DOLLAR"
_PESO = "$PESO"


@dataclass(frozen=True)
class UnitMatch:
    """A unit found next to a numeral.

    Attributes:
        start: Offset of the unit's first character in the full text.
        end: Offset one past its last character. A connector "de" between a
            scale word and the unit ("millones *de* euros") lies before ``start``.
        kind: ``"currency"``, ``"percent"``, ``"percentage_point"``,
            ``"physical"`` or ``"counted"``.
        unit: A JSON-safe description. Always ``"text"`` (the surface) and
            ``"name"``. Currencies add ``"code"`` (ISO 4217; ``"BTC"`` for
            bitcoin) and ``"symbol"``; percent and percentage points add
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
    code: str | None = None  # currency code or a $DOLLAR / $PESO placeholder
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
    dollar_locales: dict[str, str]
    peso_locales: dict[str, str]
    default_dollar: str
    default_peso: str
    cue_re: regex.Pattern[str]
    cue_codes: dict[str, str]  # cue text -> code
    peso_word_re: regex.Pattern[str]


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
        base = {} if code.startswith("$") else _currency_fields(code, currencies)
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

    cue_codes = {cue: code for code, cues in raw["currency_cues"].items() for cue in cues}
    cue_re = regex.compile(r"(?<![\p{L}\p{N}])" + _alternation(cue_codes))
    peso_word_re = regex.compile(
        r"(?<![\p{L}\p{N}])" + _alternation(raw["peso_word_cues"]), regex.IGNORECASE
    )
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
        dollar_locales=dict(raw["dollar_locales"]),
        peso_locales=dict(raw["peso_locales"]),
        default_dollar=raw["default_dollar"],
        default_peso=raw["default_peso"],
        cue_re=cue_re,
        cue_codes=cue_codes,
        peso_word_re=peso_word_re,
    )


def _currency_fields(code: str, currencies: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    info = currencies[code]
    return {"name": info["name"], "code": code, "symbol": info["symbol"]}


# ----------------------------------------------------------------------- currency


@lru_cache(maxsize=16)
def _cue_counts(text: str) -> tuple[Mapping[str, int], bool]:
    tables = _tables()
    counts: dict[str, int] = {}
    for m in tables.cue_re.finditer(text):
        code = tables.cue_codes[m.group()]
        counts[code] = counts.get(code, 0) + 1
    return counts, tables.peso_word_re.search(text) is not None


def _peso_country(counts: Mapping[str, int]) -> str | None:
    """The peso country named strictly more often than any other peso country."""
    ranked = sorted(((n, code) for code, n in counts.items() if code != "USD"), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def dollar_code(locale: str, text: str | None = None) -> str:
    """Return the ISO 4217 code that a bare "$" means.

    Rules, in order:

    1. A regional locale decides: ``es-MX`` MXN, ``es-CO`` COP, ``es-AR`` ARS,
       ``es-CL`` CLP, ``es-UY`` UYU, ``es-DO`` DOP, ``es-CU`` CUP; ``es-US``,
       ``es-PR``, ``es-EC``, ``es-SV``, ``es-PA`` and every other region USD.
    2. With the neutral locale ``"es"`` the document ``text`` decides. Cues are
       counted: country names, demonyms and codes of Mexico, Colombia,
       Argentina and Chile, and of the United States (which includes the word
       "dólar(es)"). If one peso country is named strictly more often than
       any other peso country *and* than the United States, "$" is its peso.
    3. Otherwise, if the text speaks of "pesos" (or "mdp") and has no
       United States cue at all, "$" is the same peso as :func:`peso_code`.
    4. Otherwise USD.

    The word "dólares" itself always means USD (peso countries say "pesos"
    for their own money); only the sign is ambiguous.

    Args:
        locale: ``"es"`` or ``"es-XX"`` (``"es_MX"`` is accepted).
        text: The whole document, used only with the neutral locale.

    Returns:
        An ISO 4217 code such as ``"USD"`` or ``"MXN"``.

    Raises:
        ValueError: If ``locale`` is not Spanish.
    """
    tables = _tables()
    norm = normalize_locale(locale)
    if norm != "es":
        return tables.dollar_locales.get(norm, tables.default_dollar)
    if not text:
        return tables.default_dollar
    counts, has_pesos = _cue_counts(text)
    country = _peso_country(counts)
    if country is not None and counts[country] > counts.get("USD", 0):
        return country
    if has_pesos and not counts.get("USD"):
        return peso_code(locale, text)
    return tables.default_dollar


def peso_code(locale: str, text: str | None = None) -> str:
    """Return the ISO 4217 code that the bare word "pesos" means.

    A peso-country locale decides (``es-MX`` MXN, ``es-CO`` COP, ``es-AR``
    ARS, ``es-CL`` CLP, ``es-UY`` UYU, ``es-DO`` DOP, ``es-CU`` CUP). Under
    any other locale the document ``text`` decides: the peso country (Mexico,
    Colombia, Argentina, Chile) named strictly more often than the others.
    The default is MXN, the peso most often in Spanish-language news.

    Args:
        locale: ``"es"`` or ``"es-XX"``.
        text: The whole document.

    Returns:
        An ISO 4217 code.

    Raises:
        ValueError: If ``locale`` is not Spanish.
    """
    tables = _tables()
    norm = normalize_locale(locale)
    if norm in tables.peso_locales:
        return tables.peso_locales[norm]
    if text:
        country = _peso_country(_cue_counts(text)[0])
        if country is not None:
            return country
    return tables.default_peso


def _resolve_currency(code: str, locale: str, text: str, hint: str | None) -> dict[str, Any]:
    """Currency fields for ``code``, resolving the "$" and "pesos" placeholders."""
    tables = _tables()
    known_hint = hint if hint is not None and hint in tables.currencies else None
    if code == _DOLLAR:
        code = known_hint or dollar_code(locale, text)
    elif code == _PESO:
        is_peso = known_hint is not None and "peso" in tables.currencies[known_hint]["name"]
        code = known_hint if known_hint is not None and is_peso else peso_code(locale, text)
    elif code in ("JPY", "CNY") and known_hint in ("JPY", "CNY"):
        code = str(known_hint)
    return _currency_fields(code, tables.currencies)


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
    entry: _Entry, text: str, start: int, end: int, locale: str, hint: str | None
) -> UnitMatch:
    surface = text[start:end]
    if entry.kind == "currency":
        assert entry.code is not None
        fields = (
            _resolve_currency(entry.code, locale, text, hint)
            if entry.code.startswith("$")
            else dict(entry.base)
        )
    else:
        fields = {k: (list(v) if isinstance(v, list) else v) for k, v in entry.base.items()}
        if "dimensions" in fields:
            fields["dimensions"] = [dict(d) for d in fields["dimensions"]]
    scale = Decimal(10) ** entry.scale_exp if entry.scale_exp is not None else None
    return UnitMatch(start, end, entry.kind, {"text": surface, **fields}, scale)


def _counted(text: str, pos: int, end: int) -> UnitMatch | None:
    m = _COUNTED_RE.match(text, pos, pos + _REACH)
    if m is None:
        return None
    word = m.group()
    tables = _tables()
    folded = _fold(word)
    if len(word) < 2 or folded in tables.closed or word.lower().endswith(tables.verb_suffixes):
        return None
    plural = word.endswith("s") or word in tables.invariant
    if not plural and not _ONE_RE.search(text[max(0, end - 6) : end]):
        return None
    return UnitMatch(m.start(), m.end(), "counted", {"text": word, "name": singularize(word)})


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
        return _build(entry, text, start, stop, locale, currency_hint)
    if noun_pos < 0:
        return None
    return _counted(text, noun_pos, end)


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
        fields = _resolve_currency(code, locale, text, currency_hint)
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

"""Find every numeric mention in a plain text and say what kind it is (pure: no spaCy).

:func:`scan` returns :class:`Mention` objects in text order: numbers
("10,000", "4.8 millones", "veintitrés"), ratios ("la mitad", "dos
tercios"), vague magnitudes ("millones de", "miles de"), ranges ("entre 10
y 20 millones", "10-15"), and the mentions that are *not* quantities: years,
dates, times, ordinals, phone numbers, identifiers ("COVID-19", "G7") and the
article "un/una/uno". Deciding which mentions are claims is the job of
:mod:`numclaims.rules.claims`, which also looks at units and qualifiers.

Every step is linear in the length of the text: one tokenizer pass, bounded
look-behind and look-ahead, and regexes without nested unbounded quantifiers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from ..lang import table
from .locales import DecimalMark, document_decimal_mark
from .notation import (
    below_zero_after,
    exponent_after,
    leading_mark_before,
    minus_word_before,
    ratio_joined,
    vulgar_fraction,
)
from .numerals import (
    EXACT,
    INVISIBLE_GROUP_MARKS,
    MINUS_SIGNS,
    NumeralParser,
    Token,
    WordClass,
    fold,
    fraction_to_decimal,
    lexicon,
    parse_digits,
    parse_number,
    tokenize,
)
from .patterns import any_of
from .qualifiers import change_verb_before, match_qualifier
from .text import fold_keep_length
from .units import match_unit_after, match_unit_before

__all__ = ["NON_CLAIM_KINDS", "Mention", "scan"]

#: Mention kinds that are never quantity claims.
NON_CLAIM_KINDS = frozenset(
    {"year", "date", "time", "ordinal", "phone", "identifier", "score", "reference", "article"}
)

#: The longest numeral, in tokens ("novecientos noventa y nueve mil … y nueve").
MAX_NUMERAL_TOKENS = 40


@dataclass(frozen=True)
class Mention:
    """A numeric expression found in a text.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        text: The expression as written.
        kind: ``number``, ``ratio``, ``vague``, ``range`` or one of
            :data:`NON_CLAIM_KINDS`.
        value: Its exact value (``None`` for vague and range mentions and dates).
        value_min: Lower bound (ranges; the magnitude of a vague mention).
        value_max: Upper bound (ranges).
        scale: Power of ten of the scale word it ends with ("millones": 6), if any.
        in_words: Whether it is written (at least partly) in words.
        cue: ``(start, end, text)`` of the word that introduced a range
            ("entre", "de"), if any.
        maybe_year: A plain four-digit integer between 1000 and 2100 that only
            its context can tell from a count.
        exact: The value as a fraction when no decimal holds it exactly ("un tercio",
            "2/3"): ``value`` is then rounded to 28 significant digits.
    """

    start: int
    end: int
    text: str
    kind: str
    value: Decimal | None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    scale: int | None = None
    in_words: bool = False
    cue: tuple[int, int, str] | None = None
    maybe_year: bool = False
    exact: Fraction | None = None


def _inexact(value: Fraction) -> Fraction | None:
    """``value`` when no decimal holds it exactly (a third), else ``None``."""
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return value if den != 1 else None


@dataclass(frozen=True)
class _Context:
    """The words of ``lang/es/numbers.json`` that the scanner reads around numerals."""

    months: frozenset[str]
    year_cues: frozenset[str]
    phone_cues: frozenset[str]
    ordinal_suffixes: frozenset[str]  # glued to digits: "3er", "2do"
    ordinal_marks: frozenset[str]  # one character each, after digits or a point: "1.º", "2ª"
    degree_signs: frozenset[str]  # a mark and a letter that are no ordinal: "37ºC"
    ordinal_words: dict[str, int]
    vague: dict[str, int]
    vague_multiplied: frozenset[str]  # "miles" in "miles de millones"
    vague_links: frozenset[str]  # "de"
    vague_multipliers: frozenset[str]  # "millones" in "miles de millones"
    article_forms: dict[str, str]  # "un", "una": "before_noun"; "uno": "alone"
    range_cues: dict[str, frozenset[str]]  # cue -> the joins it takes: "entre" -> {"y"}
    range_joins: frozenset[str]  # every join of range_cues: "y", "a", "al", "hasta"
    range_dashes: tuple[str, ...]  # "-", "–"
    range_articles: tuple[str, ...]  # "el", "la", "los", "las"
    collective: dict[str, int]  # casefolded: "docena" -> 12
    decimal_joiners: tuple[str, ...]  # "con"
    percent_signs: tuple[str, ...]  # "%", "por ciento", "por cien"
    percent_pairs: frozenset[tuple[str, str]]  # the last two words of a sign: ("por", "ciento")
    time_prepositions: frozenset[str]  # "a" in "a las 9"
    time_articles: frozenset[str]  # "las" in "a las 9"
    date_day_links: tuple[str, ...]  # "de" in "7 de febrero"
    date_year_links: tuple[str, ...]  # "de", "del" in "junio de 2024"
    # lang/es/non_claims.json and the range words of lang/es/qualifiers.json
    name_nouns: frozenset[str]  # folded: "articulo" in "artículo 27"
    name_preceders: frozenset[str]  # "el" in "el Ibex 35"
    name_list_joins: tuple[str, ...]  # "y" in "artículos 27 y 28"
    unit_symbols: frozenset[str]  # "km", "GB": glued letters that are a unit, not a name
    degree_marks: frozenset[str]  # "°"
    degree_followers: frozenset[str]  # "C", "de": "37° de fiebre" is degrees
    fraction_followers: frozenset[str]  # "de" in "un cuarto de hora"
    half_idiom_followers: frozenset[str]  # "de" in "en medio de"
    half_and: frozenset[str]  # "y" in "dos meses y medio"
    year_range_followers: frozenset[str]  # "la" after "entre 2025 y 2050"
    date_list_joins: tuple[str, ...]  # "y" in "entre el 10 y el 12 de agosto"
    time_marks: frozenset[str]  # "." in "a las 7.59"
    score_cues: tuple[str, ...]  # "ganó" in "ganó 2-1"
    score_max: int
    extra_range_articles: tuple[str, ...]  # "un" in "entre un 25 % y un 40 %"
    alternatives: frozenset[str]  # "o" in "20 o 30 cuadras"
    money_before: tuple[str, ...]  # "US$", "$": may open the upper bound ("$15 a $20 mil")


@lru_cache(maxsize=1)
def _context() -> _Context:
    raw = table("numbers")
    nc = table("non_claims")
    units = table("units")
    ranges = table("qualifiers")["ranges"]
    range_cues = {cue: frozenset(joins) for cue, joins in raw["range_cues"].items()}
    percent_pairs = set()
    for sign in raw["percent_signs"]:
        words = [fold(w) for w in sign.split()]
        if len(words) > 1:
            percent_pairs.add((words[-2], words[-1]))
    return _Context(
        months=frozenset(raw["months"]),
        year_cues=frozenset(raw["year_cues"]),
        phone_cues=frozenset(raw["phone_cues"]),
        ordinal_suffixes=frozenset(raw["ordinal_suffixes"]),
        ordinal_marks=frozenset(raw["ordinal_marks"]),
        degree_signs=frozenset(raw["degree_signs"]),
        ordinal_words=dict(raw["ordinals"]),
        vague={k: int(v) for k, v in raw["vague"].items()},
        vague_multiplied=frozenset(raw["vague_multiplied"]),
        vague_links=frozenset(raw["vague_links"]),
        vague_multipliers=frozenset(raw["vague_multipliers"]),
        article_forms=dict(raw["article_forms"]),
        range_cues=range_cues,
        range_joins=frozenset().union(*range_cues.values()),
        range_dashes=tuple(raw["range_dashes"]),
        range_articles=tuple(raw["range_articles"]),
        collective={k.casefold(): int(v) for k, v in raw["collective_numbers"].items()},
        decimal_joiners=tuple(raw["decimal_joiners"]),
        percent_signs=tuple(raw["percent_signs"]),
        percent_pairs=frozenset(percent_pairs),
        time_prepositions=frozenset(raw["time_prepositions"]),
        time_articles=frozenset(raw["time_articles"]),
        date_day_links=tuple(raw["date_day_links"]),
        date_year_links=tuple(raw["date_year_links"]),
        name_nouns=frozenset(fold(w) for w in nc["name_nouns"]),
        name_preceders=frozenset(fold(w) for w in nc["name_preceders"]),
        name_list_joins=tuple(nc["name_list_joins"]),
        unit_symbols=frozenset(_unit_symbols(units)),
        degree_marks=frozenset(nc["degree_marks"]),
        degree_followers=frozenset(fold(w) for w in nc["degree_followers"]),
        fraction_followers=frozenset(fold(w) for w in nc["fraction_followers"]),
        half_idiom_followers=frozenset(fold(w) for w in nc["half_idiom_followers"]),
        half_and=frozenset(fold(w) for w in nc["half_and"]),
        year_range_followers=frozenset(fold(w) for w in nc["year_range_followers"]),
        date_list_joins=tuple(nc["date_list_joins"]),
        time_marks=frozenset(nc["time_marks"]),
        score_cues=tuple(nc["score_cues"]),
        score_max=int(nc["score_max"]),
        extra_range_articles=tuple(ranges["articles"]),
        alternatives=frozenset(ranges["alternatives"]),
        money_before=tuple(
            sym for cur in units["currency_before"] for sym in cur["symbols"] if not sym.isalpha()
        ),
    )


def _unit_symbols(units: Mapping[str, Any]) -> Iterator[str]:
    """Every unit symbol of ``lang/es/units.json`` ("km", "GB", "kWh"), as written."""
    for group in ("physical_after", "currency_after", "currency_before"):
        for spec in units[group]:
            if isinstance(spec, Mapping):
                if isinstance(spec.get("symbol"), str):
                    yield spec["symbol"]
                yield from (x for x in spec.get("symbols", ()) if isinstance(x, str))


@lru_cache(maxsize=1)
def _date_re() -> regex.Pattern[str]:
    ctx = _context()
    months = "|".join(sorted(ctx.months, key=len, reverse=True))
    day = any_of(ctx.date_day_links)
    year = any_of(ctx.date_year_links)
    return regex.compile(
        rf"""
        (?<![\d.,])\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:\d{{4}}|\d{{2}})(?![\d])       # 15/06/2024
        | (?<![\d.,])\d{{4}}-\d{{2}}-\d{{2}}(?!\d)                                   # 2024-06-15
        | (?<![\d.,])\d{{1,2}}[/.\-](?:{months})\.?[/.\-](?:\d{{4}}|\d{{2}})(?!\d)  # 15-mar-2021
        | (?<![\d.,])\d{{1,2}}(?:\s+(?:{day}))?\s+(?:{months})\b
          (?:\s+(?:{year})\s+\d{{4}}(?!\d))?                         # 7 de febrero de 2021
        | \b(?:{months})\s+(?:{year})\s+\d{{4}}(?!\d)                               # junio de 2024
        | \b(?:{months})\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?(?![\d.,]\d)                 # junio 15, 2024
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    )


_TIME_RE = regex.compile(r"(?<![\d.,:])(?:[01]?\d|2[0-4])[:h]\d{2}(?![\d:])")
_PHONE_RE = regex.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\x20.\-]?)?\(?\d{2,4}\)?(?:[\x20.\-]\d{2,4}){2,5}(?![\d])"
)
_PLAIN_THOUSANDS_RE = regex.compile(r"\d{1,3}(?:([\x20.,])\d{3})(?:\1\d{3})*")


def _blocked_spans(text: str) -> list[tuple[int, int, str]]:
    """Dates, clock times and phone numbers, found on the raw text."""
    spans: list[tuple[int, int, str]] = []
    for m in _date_re().finditer(text):
        spans.append((m.start(), m.end(), "date"))
    for m in _TIME_RE.finditer(text):
        spans.append((m.start(), m.end(), "time"))
    ctx = _context()
    for m in _PHONE_RE.finditer(text):
        s = m.group()
        digits = sum(ch.isdigit() for ch in s)
        before = fold(text[max(0, m.start() - 30) : m.start()])
        cue = any(c in before for c in ctx.phone_cues)
        grouped = _PLAIN_THOUSANDS_RE.fullmatch(s) is not None
        if s.startswith("+") or cue or (not grouped and 8 <= digits <= 13 and "," not in s):
            spans.append((m.start(), m.end(), "phone"))
    for m in _score_re().finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if max(a, b) <= ctx.score_max:
            spans.append((m.start("a"), m.end("b"), "score"))
    for m in _weekday_re().finditer(text):
        if 1 <= int(m.group("d")) <= 31:
            spans.append((m.start(), m.end(), "date"))  # "el domingo 4"
    for m in _REFERENCES_RE.finditer(text):
        refs = [int(x) for x in regex.findall(r"\d+", m.group("refs"))]
        if refs == sorted(set(refs)) and refs[-1] <= int(table("non_claims")["reference_max"]):
            spans.append((m.start("refs"), m.end("refs"), "reference"))  # "Twitter (1, 2)"
    for m in _SEASON_RE.finditer(text):
        year, tail = int(m.group("y")), int(m.group("t"))
        if 1000 <= year <= 2100 and (year + 1) % 100 == tail:
            spans.append((m.start(), m.end(), "year"))  # "el curso 2019-20"
    spans.sort()
    return spans


_REFERENCES_RE = regex.compile(
    r"(?<=[\p{L}\p{M}][ \t]?)\((?P<refs>\d{1,2}(?:,[ \t]?\d{1,2}){1,9})\)(?![\d])"
)


@lru_cache(maxsize=1)
def _weekday_re() -> regex.Pattern[str]:
    """A weekday and the day of the month: "el domingo 4", "el martes 12"."""
    days = any_of(fold_keep_length(d) for d in table("non_claims")["weekdays"])
    return regex.compile(
        rf"(?<!\w)(?:{days})\s(?P<d>\d{{1,2}})(?![\d]|[.,]\d|\s?%|\s?(?:º|°|ª))",
        regex.IGNORECASE,
    )


_SEASON_RE = regex.compile(r"(?<![\d.,/\-])(?P<y>\d{4})[\-/–](?P<t>\d{2})(?![\d.,/\-]\d|\d)")


@lru_cache(maxsize=1)
def _score_re() -> regex.Pattern[str]:
    """A sports score: "(2-1)", or "ganó 3-0", "el marcador 1 a 1" after a score word."""
    cues = any_of(_context().score_cues)
    links = any_of(table("non_claims")["score_links"])
    return regex.compile(
        r"(?<![\w.,])\(\s?(?P<a>\d{1,2})\s?[\-–]\s?(?P<b>\d{1,2})\s?\)"
        rf"|(?<!\w)(?:{cues})(?:\s+(?:{links}))?\s+(?P<a>\d{{1,2}})\s?(?:[\-–]|\s+a\s+)\s?"
        r"(?P<b>\d{1,2})(?![\d.,]\d|\d|\s?%)",
        regex.IGNORECASE,
    )


def _is_numeral_start(tok: Token) -> bool:
    if tok.kind == "num":
        return True
    if tok.kind != "word":
        return False
    w = fold(tok.text.rstrip("."))
    lex = lexicon()
    return lex.is_number_word(w) and w not in lex.and_words and w not in lex.half_nouns


_SPLIT_MARKS = regex.compile("[ " + INVISIBLE_GROUP_MARKS + "]")
_SPLIT_PARTS = regex.compile("[^ " + INVISIBLE_GROUP_MARKS + "]++")


def _split_bad_groups(
    tokens: Iterable[Token], strict: DecimalMark | None, doc_mark: DecimalMark | None
) -> Iterator[Token]:
    """Drop space tokens; split a digit token at its spaces (or invisible marks) when they do
    not group thousands of one number ("2.0.1 500 descargas": a version, then a count)."""
    for tok in tokens:
        if tok.kind == "space":
            continue
        if tok.kind != "num" or _SPLIT_MARKS.search(tok.text) is None:
            yield tok
            continue
        if parse_digits(tok.text, strict, doc_mark=doc_mark) is not None:
            yield tok
            continue
        for part in _SPLIT_PARTS.finditer(tok.text):
            yield Token("num", part.group(), tok.start + part.start(), tok.start + part.end())


#: The unit kinds a number word quantifies directly: "un dólar", "medio litro".
_MEASURE_KINDS = frozenset({"currency", "physical"})


@lru_cache(maxsize=1)
def _time_nouns() -> frozenset[str]:
    """ "hora", "día": a half word before them quantifies ("media hora")."""
    return frozenset(table("numbers")["time_nouns"])


#: The word classes that close a block: "mil", "millones".
_SCALE_CLASSES = frozenset({WordClass.THOUSAND, WordClass.SCALE})


class _Run(NamedTuple):
    """The longest complete numeral from a token: its last token, value, scale, ratio."""

    last: int
    value: Fraction
    scale: int | None
    ratio: bool


class _Scanner:
    def __init__(self, text: str, locale: str) -> None:
        self.text = text
        # a region is a default, not a rule: the document's own evidence comes first
        self.strict: DecimalMark | None = None
        self.doc_mark: DecimalMark | None = document_decimal_mark(text, locale)
        self.tokens = list(
            _split_bad_groups(tokenize(text, spaces=False), self.strict, self.doc_mark)
        )
        self.ctx = _context()
        self.lex = lexicon()
        self.blocked = _blocked_spans(text)

    # -- small helpers -----------------------------------------------------
    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end : b.start]

    def _joined(self, a: Token, b: Token) -> bool:
        """Whether ``b`` follows ``a`` with only spaces between (no blank line)."""
        gap = self._gap(a, b)
        return gap.strip() == "" and gap.count("\n") < 2

    def _word(self, i: int) -> str:
        if 0 <= i < len(self.tokens) and self.tokens[i].kind == "word":
            return fold(self.tokens[i].text.rstrip("."))
        return ""

    # -- the main loop -----------------------------------------------------
    def run(self) -> list[Mention]:
        out: list[Mention] = []
        for start, end, kind in self._merge_blocked():
            out.append(Mention(start, end, self.text[start:end], kind, None))
        blocked_iter = iter(self._merge_blocked())
        nxt = next(blocked_iter, None)
        toks = self.tokens
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            while nxt is not None and nxt[1] <= tok.start:
                nxt = next(blocked_iter, None)
            if nxt is not None and nxt[0] <= tok.start < nxt[1]:
                i += 1
                continue
            limit = nxt[0] if nxt is not None else len(self.text)
            mention, consumed = self._at(i, limit)
            if mention is not None:
                out.append(mention)
                i += max(consumed, 1)
            else:
                i += 1
        out.sort(key=lambda m: (m.start, -m.end))
        out = _dozens(self.text, _mixed_fractions(self.text, _slash(self.text, out)))
        # signs before ranges: "entre menos diez y quince" (-10 to 15)
        out = _ranges(self.text, _signed(self.text, _con_decimals(self.text, out)))
        return _halves(self.text, _lists(self.text, out))

    def _merge_blocked(self) -> list[tuple[int, int, str]]:
        merged: list[tuple[int, int, str]] = []
        for s, e, k in self.blocked:
            if merged and s < merged[-1][1]:
                ps, pe, pk = merged[-1]
                merged[-1] = (ps, max(pe, e), pk)
            else:
                merged.append((s, e, k))
        return merged

    def _at(self, i: int, limit: int) -> tuple[Mention | None, int]:
        """The mention that starts at token ``i`` and ends before ``limit``, and the number
        of tokens it takes; ``(None, 1)`` when none starts there.

        The steps: the mentions a word makes by itself (:meth:`_word_led`), the digits
        that their context makes no number (:meth:`_digit_context`), the longest numeral
        from ``i`` (:meth:`_numeral_run`) and what kind of mention it is (:meth:`_classify`).
        """
        tok = self.tokens[i]
        if tok.kind == "word":
            led = self._word_led(i)
            if led is not None:
                return led
        elif tok.kind == "num":
            special = self._exponent(i, limit) or self._digit_context(i)
            if special is not None:
                return special
        else:
            return self._vulgar(i)
        run = self._numeral_run(i, limit)
        if run is None:
            return None, 1
        return self._classify(i, run), run.last - i + 1

    def _word_led(self, i: int) -> tuple[Mention | None, int] | None:
        """The mention word ``i`` makes by itself: "la mitad", a vague magnitude ("miles
        de"), an ordinal ("primera"); ``(None, 1)`` if no numeral starts at the word;
        ``None`` if one may."""
        tok = self.tokens[i]
        w = self._word(i)
        ctx, lex = self.ctx, self.lex
        if w in lex.half_noun_articles and self._word(i + 1) in lex.half_nouns:
            nt = self.tokens[i + 1]
            if self._joined(tok, nt):
                return self._mention(tok.start, nt.end, "ratio", Decimal("0.5"), in_words=True), 2
        if w in ctx.vague and not _is_numeral_prefix(self, i):
            return self._vague(i)
        if w in ctx.ordinal_words and not self._fraction_after_number(i, w):
            value = Decimal(ctx.ordinal_words[w])
            return self._mention(tok.start, tok.end, "ordinal", value, in_words=True), 1
        if not _is_numeral_start(tok):
            return None, 1
        if w in lex.half_words and self._half_is_no_number(i):
            return None, 1
        if (self._word(i - 1), w) in ctx.percent_pairs:
            return None, 1  # "por ciento" is the percent unit
        if w in lex.half_words and self._half_quantifies(i):
            run = self._numeral_run(i, len(self.text))
            if run is None:  # "media hora", "media docena", "medio litro": one half
                return self._mention(tok.start, tok.end, "number", Decimal("0.5"), in_words=True), 1
        if w in lex.half_words and (
            self._word(i - 1) in ctx.half_and or self._word(i - 1) in ctx.article_forms
        ):
            # "dos meses y medio" (:func:`_halves` adds it to the two), "un medio"
            return self._mention(tok.start, tok.end, "number", Decimal("0.5"), in_words=True), 1
        return None

    def _half_quantifies(self, i: int) -> bool:
        """Whether "media"/"medio" at ``i`` quantifies the noun after it ("media hora",
        "media docena", "medio litro"), unlike "la media de" (the average)."""
        nxt = self._word(i + 1)
        if not nxt or not self._joined(self.tokens[i], self.tokens[i + 1]):
            return False
        if nxt in self.ctx.collective or nxt in _time_nouns():
            return True
        unit = match_unit_after(self.text, self.tokens[i].end)
        return unit is not None and unit.kind in _MEASURE_KINDS

    def _half_is_no_number(self, i: int) -> bool:
        """ "en medio de", "por medio del", "de media y larga distancia", "el salario medio es":
        a lone "medio"/"media" before a preposition, a conjunction, a verb or a punctuation
        mark is no half. After "y" it is a half of the number before
        the noun ("dos meses y medio") and :func:`_halves` adds it there."""
        ctx = self.ctx
        prev = self._word(i - 1)
        if prev in ctx.half_and:
            return False
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is None or nxt.kind != "word" or not self._joined(self.tokens[i], nxt):
            # "clase media.", "Oriente Medio,"; but "un medio." is a half
            return ctx.article_forms.get(prev) != "before_noun"
        return fold(nxt.text) in ctx.half_idiom_followers

    def _numeral_run(self, i: int, limit: int) -> _Run | None:
        """The longest complete numeral from token ``i``, fed token by token to a
        :class:`~numclaims.rules.numerals.NumeralParser`, or ``None``."""
        parser = NumeralParser(self.strict, self.doc_mark)
        best: _Run | None = None
        before_tail: _Run | None = None  # the numeral before "y" of "dos mil y uno"
        j = i
        prev: Token | None = None
        while j < len(self.tokens) and j - i < MAX_NUMERAL_TOKENS:
            t = self.tokens[j]
            if t.end > limit:
                break
            if prev is not None and not self._joined(prev, t):
                break
            tail = parser.and_tail
            if not parser.feed(t.text, t.kind):
                if parser.and_tail and self.lex.classes.get(self._word(j)) in _SCALE_CLASSES:
                    best = before_tail  # "entre dos mil y tres mil": two numbers
                break
            if parser.and_tail and not tail:
                before_tail = best
            if parser.complete():
                value = parser.value()
                colloquial = parser.hundreds_after_scale()
                if colloquial is not None and not self._noun_after(j):
                    value = colloquial  # "$5 millones cuatrocientos": 5 400 000
                best = _Run(j, value, parser.last_scale, parser.ratio)
            prev = t
            j += 1
        return best

    def _noun_after(self, j: int) -> bool:
        """Whether a word that is no number word follows token ``j`` in the same phrase
        ("un millón doscientas personas": 1 000 200 people)."""
        if j + 1 >= len(self.tokens) or not self._joined(self.tokens[j], self.tokens[j + 1]):
            return False
        w = self._word(j + 1)
        return bool(w) and not self.lex.is_number_word(w)

    def _classify(self, i: int, run: _Run) -> Mention:
        """The mention of the numeral ``run`` from token ``i``: a ratio, the article
        "un/una/uno", a year, a clock hour ("a las 9") or a number."""
        ctx = self.ctx
        first, last = self.tokens[i], self.tokens[run.last]
        value = fraction_to_decimal(run.value)
        if run.ratio and self._ordinal_before_noun(run.last):
            word = self.tokens[run.last]
            value = Decimal(ctx.ordinal_words[fold(word.text)])
            return self._mention(word.start, word.end, "ordinal", value, in_words=True)
        if run.ratio:
            return replace(
                self._mention(first.start, last.end, "ratio", value, in_words=True),
                exact=_inexact(run.value),
            )
        alone = run.last == i
        if alone and first.kind == "word" and fold(first.text) in ctx.article_forms:
            unit = match_unit_after(self.text, last.end)
            if unit is None or unit.kind not in _MEASURE_KINDS:
                return self._mention(first.start, last.end, "article", value, in_words=True)
            # "un dólar", "una libra", "un kilogramo": the value one
        span_text = self.text[first.start : last.end]
        maybe_year = (
            alone
            and first.kind == "num"
            and len(span_text) == 4
            and span_text.isdigit()
            and 1000 <= value <= 2100
        )
        if maybe_year and self._word(i - 1) in ctx.year_cues:
            return self._mention(first.start, last.end, "year", value)
        if (
            alone
            and value == value.to_integral_value()
            and 0 <= value <= 24
            and self._word(i - 1) in ctx.time_articles
            and self._word(i - 2) in ctx.time_prepositions
        ):
            return self._mention(first.start, last.end, "time", value)
        if (
            alone
            and first.kind == "num"
            and self._word(i - 1) in ctx.time_articles
            and self._word(i - 2) in ctx.time_prepositions
            and _is_clock(span_text, ctx.time_marks)
        ):
            return self._mention(first.start, last.end, "time", None)  # "a las 7.59"
        in_words = any(t.kind == "word" for t in self.tokens[i : run.last + 1])
        return Mention(
            first.start,
            last.end,
            span_text,
            "number",
            value,
            scale=run.scale,
            in_words=in_words,
            maybe_year=maybe_year,
            exact=_inexact(run.value),
        )

    def _ordinal_before_noun(self, last: int) -> bool:
        """ "un quinto mandato", "un cuarto intento": an ordinal before a noun, not a
        fraction ("un cuarto de hora", "dos quintos")."""
        word = self.tokens[last]
        w = fold(word.text)
        if w not in self.ctx.ordinal_words or last + 1 >= len(self.tokens):
            return False
        if last > 0 and self.tokens[last - 1].kind == "num":
            return False  # "2 quintos"
        if self._word(last - 1) not in self.ctx.article_forms:
            return False  # "dos quintos mandatos" is no Spanish; "un quinto" is
        nxt = self.tokens[last + 1]
        return (
            nxt.kind == "word"
            and nxt.text.islower()
            and self._joined(word, nxt)
            and fold(nxt.text) not in self.ctx.fraction_followers
            and not self.lex.is_number_word(fold(nxt.text))
        )

    def _mention(
        self, start: int, end: int, kind: str, value: Decimal | None, *, in_words: bool = False
    ) -> Mention:
        return Mention(start, end, self.text[start:end], kind, value, in_words=in_words)

    def _fraction_after_number(self, i: int, w: str) -> bool:
        """ "dos cuartos", "un quinto": a fraction, not an ordinal."""
        if w not in self.lex.fractions:
            return False
        prev = self._word(i - 1)
        return (
            prev in self.lex.small
            and prev not in self.lex.zero_words
            and i > 0
            and self._joined(self.tokens[i - 1], self.tokens[i])
        )

    def _vague(self, i: int) -> tuple[Mention | None, int]:
        tok = self.tokens[i]
        w = self._word(i)
        ctx = self.ctx
        magnitude = ctx.vague[w]
        end_tok = i
        # "miles de millones de": the magnitudes multiply
        if (
            w in ctx.vague_multiplied
            and self._word(i + 1) in ctx.vague_links
            and self._word(i + 2) in ctx.vague_multipliers
        ):
            magnitude *= ctx.vague[self._word(i + 2)]
            end_tok = i + 2
        if self._word(end_tok + 1) not in ctx.vague_links:
            return None, 1  # a vague magnitude needs its "de" ("miles de personas")
        value_min = Decimal(magnitude)
        end = self.tokens[end_tok].end
        return Mention(
            tok.start,
            end,
            self.text[tok.start : end],
            "vague",
            None,
            value_min=value_min,
            in_words=True,
        ), end_tok - i + 1

    def _vulgar(self, i: int) -> tuple[Mention | None, int]:
        """A Unicode fraction character ("½", "⅙"), or after an integer ("2½")."""
        tok = self.tokens[i]
        fraction = vulgar_fraction(tok.text)
        if fraction is None:
            return None, 1
        return Mention(
            tok.start,
            tok.end,
            tok.text,
            "number",
            fraction_to_decimal(fraction),
            exact=_inexact(fraction),
        ), 1

    def _exponent(self, i: int, limit: int) -> tuple[Mention | None, int] | None:
        """Digits with an exponent: "1e10", "12,32e+14", "1,1^23", "2,5^-1", "1,5 × 10^9"."""
        toks = self.tokens
        tok = toks[i]
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.end == tok.start and prev.kind == "word":
            return None  # "COVID-19e", an identifier
        exp = exponent_after(self.text, tok.end)
        if exp is None or exp.end > limit:
            return None
        mantissa = parse_digits(tok.text, self.strict, doc_mark=self.doc_mark)
        if mantissa is None:
            return None
        value = exp.apply(Fraction(mantissa))
        if value is None:
            return None
        j = i
        while j + 1 < len(toks) and toks[j + 1].start < exp.end:
            j += 1
        mention = Mention(
            tok.start,
            exp.end,
            self.text[tok.start : exp.end],
            "number",
            fraction_to_decimal(value),
            exact=_inexact(value),
        )
        return mention, j - i + 1

    def _degree_sign(self, pos: int) -> bool:
        """Whether a degree sign, not an ordinal mark, follows at ``pos``: "37ºC", "37º C"."""
        text, signs = self.text, self.ctx.degree_signs
        if fold(text[pos : pos + 2]) in signs:
            return True
        spaced = text[pos : pos + 3]
        return (
            spaced[1:2] == " "
            and fold(spaced.replace(" ", "")) in signs
            and not text[pos + 3 : pos + 4].isalpha()
        )

    def _digit_context(self, i: int) -> tuple[Mention | None, int] | None:
        """Ordinals ("1.º", "3er"), identifiers ("COVID-19", "G7") and glued digits."""
        toks = self.tokens
        tok = toks[i]
        text = self.text
        ctx = self.ctx
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after = text[tok.end : tok.end + 2]
        mark = after[1:] if after[:1] == "." else after[:1]  # "1.º", "2ª"
        if mark in ctx.ordinal_marks and not self._degree_sign(tok.end):
            end = tok.end + (2 if after[:1] == "." else 1)
            value = parse_digits(tok.text)
            return self._mention(tok.start, end, "ordinal", value), 1
        if after[:1] in ctx.degree_marks and tok.text.isdigit() and self._degree_is_ordinal(i):
            return self._mention(tok.start, tok.end + 1, "ordinal", Decimal(tok.text)), 1
        named = self._named(i)
        if named is not None:
            return named
        if (
            nxt is not None
            and nxt.start == tok.end
            and nxt.kind == "word"
            and fold(nxt.text) in ctx.ordinal_suffixes  # "3er", "2do"
            and tok.text.isdigit()
        ):
            return self._mention(tok.start, nxt.end, "ordinal", Decimal(tok.text)), 2
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and prev.end == tok.start and prev.kind == "word":
            code = match_unit_before(text, tok.start)
            if code is None or code.kind != "currency" or code.start != prev.start:
                # "H3N2", "B4X7": the code goes on while letters and digits are glued
                last = i
                while (
                    last + 1 < len(toks)
                    and last - i < 8
                    and toks[last + 1].start == toks[last].end
                    and toks[last + 1].kind in ("word", "num")
                    and toks[last + 1].text.isalnum()
                ):
                    last += 1
                return self._mention(prev.start, toks[last].end, "identifier", None), last - i + 1
            # "GBP7,45", "USD2,80": a currency code glued to its amount
        elif (
            nxt is not None
            and nxt.start == tok.end
            and nxt.kind == "word"
            and not nxt.text.islower()
            and nxt.text not in ctx.unit_symbols
            and fold(nxt.text) not in self.lex.abbreviations
            and tok.text.isdigit()
        ):
            return self._mention(tok.start, nxt.end, "identifier", None), 2  # "5G", "4K"
        if (
            prev is not None
            and prev.end == tok.start
            and prev.text in "-‐"
            and i > 1
            and toks[i - 2].end == prev.start
            and toks[i - 2].kind == "word"
        ):
            return self._mention(toks[i - 2].start, tok.end, "identifier", None), 1
        if (
            nxt is not None
            and nxt.start == tok.end
            and nxt.text in "-‐"
            and i + 2 < len(toks)
            and toks[i + 2].start == nxt.end
            and toks[i + 2].kind == "word"
            and toks[i + 2].text[:1].isupper()
        ):
            return self._mention(tok.start, toks[i + 2].end, "identifier", None), 3
        if parse_digits(tok.text, self.strict, doc_mark=self.doc_mark) is None:
            # "1.1.1.1", "12,34,567": versions, IP addresses, lists; not a number
            return self._mention(tok.start, tok.end, "identifier", None), 1
        return None

    def _degree_is_ordinal(self, i: int) -> bool:
        """ "el 29° lugar", "12° Juzgado": a degree sign before a noun marks an ordinal; before
        "C", "de", a punctuation mark or nothing ("37° de fiebre", "40°C") it is degrees."""
        toks, ctx = self.tokens, self.ctx
        mark_end = toks[i].end + 1
        nxt = next((t for t in toks[i + 1 : i + 3] if t.start >= mark_end), None)
        if nxt is None or nxt.kind != "word" or nxt.start == mark_end:
            return False  # "40°C", "40°." or nothing after the sign
        gap = self.text[mark_end : nxt.start]
        if fold(nxt.text) in ctx.degree_followers or gap.strip() or gap.count("\n"):
            return False
        return nxt.text[:1].isupper() or self._word(i - 1) in ctx.name_preceders

    def _named(self, i: int) -> tuple[Mention | None, int] | None:
        """A number that is part of a name: "artículo 27", "Canal 13", "el Ibex 35", "Real
        Decreto 463/2020". The number follows a name noun, or a capitalized word after an
        article or a preposition, and is an integer with no percent sign or scale after it."""
        toks, ctx, text = self.tokens, self.ctx, self.text
        tok = toks[i]
        if i == 0 or not tok.text.isdigit():
            return None
        prev = toks[i - 1]
        if prev.kind != "word" or not self._joined(prev, tok) or prev.end == tok.start:
            return None
        w = fold(prev.text.rstrip("."))
        if w not in ctx.name_nouns:
            if not (
                prev.text[:1].isupper()
                and not prev.text.isupper()  # "COP 40", "el PSOE 120": a code, an acronym
                and self._word(i - 2) in ctx.name_preceders
                and prev.text not in ctx.unit_symbols
                and fold(prev.text) not in ctx.months
                and not self.lex.is_number_word(w)
            ):
                return None
            if self._word(i + 1).endswith("s") and toks[i + 1].text.islower():
                return None  # "en Madrid 300 personas": a count of the place
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and self._joined(tok, nxt):
            nw = self._word(i + 1)
            if nw in self.lex.scales or nw in self.lex.thousands or nxt.text in ctx.percent_signs:
                return None
            if _percent_after_re().match(text, tok.end, tok.end + 16):
                return None
        end, last = tok.end, i
        # "463/2020", "27-A": the rest of the name's number
        if (
            i + 2 < len(toks)
            and toks[i + 1].text in "/-"
            and toks[i + 1].start == tok.end
            and toks[i + 2].start == toks[i + 1].end
            and toks[i + 2].kind in ("num", "word")
        ):
            end, last = toks[i + 2].end, i + 2
        return self._mention(tok.start, end, "identifier", None), last - i + 1


def _is_clock(digits: str, marks: Iterable[str]) -> bool:
    """ "7.59", "12,30": an hour and its minutes."""
    for mark in marks:
        hour, sep, minutes = digits.partition(mark)
        if sep and hour.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hour) <= 2:
            return int(hour) <= 24 and int(minutes) < 60
    return False


def _is_numeral_prefix(scanner: _Scanner, i: int) -> bool:
    """Whether the token before ``i`` is a number that a scale word ``i`` multiplies."""
    if i == 0:
        return False
    prev = scanner.tokens[i - 1]
    if not scanner._joined(prev, scanner.tokens[i]):
        return False
    if prev.kind == "num":
        return True
    return scanner.lex.is_number_word(fold(prev.text.rstrip(".")))


def _join_pairs(
    mentions: Sequence[Mention],
    join: Callable[[Mention, Mention], Mention | tuple[Mention, Mention] | None],
) -> list[Mention]:
    """Replace each pair of neighbouring mentions that ``join`` merges by the merged one
    (or by the pair it returns, each mention read anew)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        merged = join(a, mentions[i + 1]) if i + 1 < len(mentions) else None
        if isinstance(merged, Mention):
            out.append(merged)
            i += 2
        elif merged is not None:
            out.extend(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _ranges(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Merge "entre A y B", "de A a B", "del A al B", "A-B" into range mentions."""

    def join(a: Mention, b: Mention) -> Mention | tuple[Mention, Mention] | None:
        if a.kind == b.kind == "number" and a.value is not None and b.value is not None:
            return _range_of(text, a, b)
        return None

    # "entre un 25 % y un 40 %": the article before the upper bound is no mention of its own
    articles = {fold(w) for w in _context().extra_range_articles}
    kept: list[Mention] = []
    for k, m in enumerate(mentions):
        if (
            m.kind == "article"
            and fold(m.text) in articles
            and 0 < k < len(mentions) - 1
            and mentions[k - 1].kind == mentions[k + 1].kind == "number"
            and isinstance(join(mentions[k - 1], mentions[k + 1]), Mention)
        ):
            continue
        kept.append(m)
    return _join_pairs(kept, join)


@lru_cache(maxsize=1)
def _join_re() -> regex.Pattern[str]:
    """The gap between the bounds of a range: " y ", " a la ", "-", " % y un ", " a $" (a
    unit after the lower bound, an article after the join, a currency sign before the
    upper bound may stand in it)."""
    ctx = _context()
    article = rf"(?:(?:{any_of((*ctx.range_articles, *ctx.extra_range_articles))})\s+)?"
    joins = any_of((*ctx.range_joins, *ctx.alternatives))
    dashes = any_of(ctx.range_dashes)
    unit = rf"(?:\s*+(?:{any_of(ctx.percent_signs)}|°\s?C|ºC|°|€))?"
    money = rf"(?:(?:{any_of(ctx.money_before)})\s*)?"
    return regex.compile(
        rf"{unit}\s*(?:(?P<j>{joins})\s+{article}|(?P<j2>{dashes})\s*){money}$", regex.IGNORECASE
    )


@lru_cache(maxsize=1)
def _cue_re() -> regex.Pattern[str]:
    """The word that opens a range, at the end of the 16 characters before it: "entre ",
    "del ", "entre un ", "entre $"."""
    ctx = _context()
    article = rf"(?:(?:{any_of((*ctx.range_articles, *ctx.extra_range_articles))})\s+)?"
    money = rf"(?:(?:{any_of(ctx.money_before)})\s*)?"
    return regex.compile(
        rf"\b(?P<c>{any_of(ctx.range_cues)})\s+{article}{money}$", regex.IGNORECASE
    )


_CHANGE_REACH = 7  # words between a verb of change and "de X a Y" ("subía la tarifa … del")


@lru_cache(maxsize=1)
def _change_cues() -> frozenset[str]:
    """ "de", "del", "desde": after a verb of change, "de X a Y" is two figures."""
    return frozenset(table("qualifiers")["change_verbs"]["range_cues"])


def _trailing_exponent(m: Mention) -> int:
    """The power of ten of the scale words ``m`` ends with: "12 mil" 3, "7 mil millones" 9,
    "20 millones" 6, "15" 0. Scale words alone ("mil") count as a number, not a scale."""
    lex = lexicon()
    words = list(tokenize(m.text, spaces=False))
    exp = 0
    k = len(words)
    while k > 1 and words[k - 1].kind == "word":
        w = fold(words[k - 1].text.rstrip("."))
        if w in lex.thousands:
            exp += 3
        elif w in lex.scales:
            exp += lex.scales[w]
        else:
            break
        k -= 1
    return exp


def _range_of(text: str, a: Mention, b: Mention) -> Mention | tuple[Mention, Mention] | None:
    """The range "entre A y B" (or "de A a B", "A-B"), or ``None`` if A and B are not one.

    A scale word after B applies to a bare A ("entre 10 y 12 mil": 10 000 to 12 000). "de
    12 a 9 millones" goes down: not a range but two figures, and the scale applies to both
    (a change from 12 to 9 million), which this returns as the pair."""
    gap = text[a.end : b.start]
    if len(gap) > 24:
        return None
    m = _join_re().fullmatch(gap) if gap else None
    if m is None:
        return None
    join = (m.group("j") or m.group("j2") or "").lower()
    cue = None
    ctx = _context()
    change = False
    if join in ctx.alternatives:
        if a.scale is not None and b.scale is None:
            return None  # "20 millones o 30": not one range
    elif join in ctx.range_joins:
        before = text[max(0, a.start - 20) : a.start]
        c = _cue_re().search(before)
        if c is None:
            return None
        word = c.group("c").lower()
        if join not in ctx.range_cues.get(word, ()):
            return None  # "entre 10 a 20"
        cue_start = max(0, a.start - 20) + c.start()
        cue = (cue_start, cue_start + len(word), text[cue_start : cue_start + len(word)])
        # "pasó de 10 a 20", "varió de 3,55 a 3,70": a change, two figures
        # ("cae alrededor del 10 al 15 %" is a range: the qualifier says it is an amount)
        change = (
            word in _change_cues()
            and change_verb_before(text, cue_start, _CHANGE_REACH)
            and match_qualifier(text, a.start, a.end) is None
        )
    if not _same_unit_both_ends(text, a, b, gap):
        return None  # "creció cerca de 18 % a $ 1,17 mil millones": a rate, then an amount
    assert a.value is not None and b.value is not None
    lo, hi = a.value, b.value
    exp = _trailing_exponent(b)
    if exp and a.scale is None and not _trailing_exponent(a):
        # "entre 10 y 20 millones", "de 10 a 12 mil": the scale of the upper bound applies
        # to both, unless the lower bound is a whole figure already ("entre 500 y 2 mil")
        scaled = lo.scaleb(exp, EXACT)
        if scaled <= hi:
            lo = scaled
        elif join in ("a", "al") and scaled <= hi * 10:
            # "pasó de 12 a 9 millones": a fall from 12 million, not a range
            return replace(a, value=scaled, scale=exp, in_words=a.in_words or b.in_words), b
    if change:
        if lo != a.value:
            return replace(a, value=lo, scale=exp, in_words=a.in_words or b.in_words), b
        return None
    if lo > hi or (join in ctx.alternatives and lo == hi):
        return None
    years = a.maybe_year and b.maybe_year
    if years and not _counted_after(text, b.end):
        kind = "year"  # "entre 2025 y 2050", "2011-2020"
    elif years and cue is None:
        return None  # "2016-2017 personas"? too doubtful to join
    else:
        kind = "range"
    return replace(
        b,
        start=a.start,
        text=text[a.start : b.end],
        kind=kind,
        value=None,
        value_min=lo,
        value_max=hi,
        cue=cue,
        maybe_year=years,
        in_words=a.in_words or b.in_words,
    )


def _same_unit_both_ends(text: str, a: Mention, b: Mention, gap: str) -> bool:
    """A unit written inside a range's gap must be written at the other end too: a percent
    sign after the lower bound after the upper one ("25 % y un 40 %"), a currency sign
    before the upper bound before the lower one ("$15 a $20 mil")."""
    ctx = _context()
    if _percent_after_re().match(gap) and not _percent_after_re().match(text, b.end, b.end + 32):
        return False
    head = text[max(0, a.start - 8) : a.start].rstrip()
    return not (gap.rstrip().endswith(ctx.money_before) and not head.endswith(ctx.money_before))


_NEXT_WORD = regex.compile(r"[ \t\u00a0]*+(?P<w>[\p{L}\p{M}]++)")


def _counted_after(text: str, pos: int) -> bool:
    """Whether a lowercase word that may be a counted noun follows ``pos`` ("entre 1500 y
    2000 personas"), not a function word ("entre 2025 y 2050 la temperatura")."""
    m = _NEXT_WORD.match(text, pos, min(len(text), pos + 40))
    if m is None:
        return False
    w = m.group("w")
    return w.islower() and fold(w) not in _context().year_range_followers


def _slash(text: str, mentions: list[Mention]) -> list[Mention]:
    """Read "3/4" and "1/3" as fractions: a proper fraction of small integers, written
    without spaces and not part of a longer "a/b/c" (dates are found before this).

    "3/4 de ellas" is a ratio; "3/4 %" a number (0,75 %). "24/7" stays two numbers.
    """

    def join(a: Mention, b: Mention) -> Mention | None:
        if not (
            a.kind == b.kind == "number"
            and b.start == a.end + 1
            and text[a.end] == "/"
            and a.text.isdigit()
            and b.text.isdigit()
            and 0 < int(a.text) < int(b.text) <= 10
            and text[a.start - 1 : a.start] != "/"
            and text[b.end : b.end + 1] != "/"
        ):
            return None
        fraction = Fraction(int(a.text), int(b.text))
        kind = "number" if _percent_after_re().match(text, b.end, b.end + 32) else "ratio"
        return Mention(
            a.start,
            b.end,
            text[a.start : b.end],
            kind,
            fraction_to_decimal(fraction),
            exact=_inexact(fraction),
        )

    return _join_pairs(mentions, join)


_DIGIT_FRACTION_RE = regex.compile(r"\d{1,3}/\d{1,3}")
_MIXED_GAP_RE = regex.compile(r"\x20{0,2}")


def _is_fraction_part(text: str, m: Mention) -> bool:
    """A proper fraction in digits or a Unicode fraction: "1/2", "4/5", "½"."""
    if m.value is None or not 0 < m.value < 1:
        return False
    return _DIGIT_FRACTION_RE.fullmatch(m.text) is not None or vulgar_fraction(m.text) is not None


def _whole(m: Mention, forms: dict[str, str]) -> bool:
    """An integer mention without a scale word: "2", "uno"."""
    if m.value is None or m.scale is not None or m.maybe_year:
        return False
    if m.kind != "number" and not (m.kind == "article" and forms.get(fold(m.text)) == "alone"):
        return False
    return m.value == m.value.to_integral_value() and m.value >= 0


def _mixed_fractions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mixed numbers and fractions joined by a word: "2 1/4", "10 1/2 millas", "2½" (an
    integer and a proper fraction), "1 sobre 21", "uno sobre tres" (a fraction)."""
    forms = _context().article_forms

    def join(a: Mention, b: Mention) -> Mention | None:
        if not _whole(a, forms) or b.value is None:
            return None
        assert a.value is not None
        if _is_fraction_part(text, b) and _MIXED_GAP_RE.fullmatch(text, a.end, b.start):
            if not a.text.isdigit():
                return None
            value = Fraction(a.value) + (b.exact if b.exact is not None else Fraction(b.value))
        elif _whole(b, forms) and b.value > 0 and ratio_joined(text, a.end, b.start):
            value = Fraction(a.value) / Fraction(b.value)  # "1 sobre 21"
        else:
            return None
        return Mention(
            a.start,
            b.end,
            text[a.start : b.end],
            "number",
            fraction_to_decimal(value),
            in_words=a.in_words or b.in_words,
            exact=_inexact(value),
        )

    return _join_pairs(mentions, join)


# Calls below pass an ``endpos``: without one, the regex module's ``match(text, pos)``
# costs time in proportion to ``len(text)``.
_BLANKS = r"[ \t\u00a0]"


@lru_cache(maxsize=1)
def _collective_re() -> regex.Pattern[str]:
    """A counting noun right after a number: " docena", " docenas"."""
    nouns = any_of(_context().collective, space=f"{_BLANKS}++")
    return regex.compile(rf"{_BLANKS}++(?P<w>{nouns})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _and_half_re() -> regex.Pattern[str]:
    """ " y media" after a counting noun: "una docena y media" (18)."""
    lex = lexicon()
    return regex.compile(
        rf"{_BLANKS}++(?:{any_of(lex.and_words)}){_BLANKS}++(?:{any_of(lex.half_words)})"
        r"(?![\p{L}\p{N}])",
        regex.IGNORECASE,
    )


def _counted_value(m: Mention, size: int) -> Fraction:
    """``m`` times ``size``; in "dos mil y cuatro docenas" only the block after "y"
    counts dozens (2048)."""
    assert m.value is not None
    whole = m.exact if m.exact is not None else Fraction(m.value)
    words = list(tokenize(m.text, spaces=False))
    lex = lexicon()
    for k in range(len(words) - 2, 0, -1):
        if fold(words[k].text) in lex.and_words and fold(words[k - 1].text) in lex.thousands:
            head = parse_number(m.text[: words[k].start])
            tail = parse_number(m.text[words[k].end :])
            if head is not None and tail is not None:
                return Fraction(head) + Fraction(tail) * size
    return whole * size


def _dozens(text: str, mentions: list[Mention]) -> list[Mention]:
    """Count dozens: "una docena" (12), "media docena" (6), "3 docenas" (36), "una docena
    y media" (18)."""
    ctx = _context()
    out = []
    for m in mentions:
        dozen = _collective_re().match(text, m.end, m.end + 32)
        size = ctx.collective.get(dozen.group("w").casefold()) if dozen is not None else None
        if (
            dozen is not None
            and size is not None
            and m.value is not None
            and (m.kind == "number" or ctx.article_forms.get(fold(m.text)) == "before_noun")
        ):
            value = _counted_value(m, size)
            end = dozen.end()
            half = _and_half_re().match(text, end, end + 16)
            if half is not None:
                value += Fraction(size, 2)
                end = half.end()
            m = replace(
                m,
                end=end,
                text=text[m.start : end],
                kind="number",
                value=fraction_to_decimal(value),
                exact=_inexact(value),
                scale=0,  # ends with a counting word, so "de" + noun may follow, as after "mil"
                maybe_year=False,
                in_words=True,
            )
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _con_gap_re() -> regex.Pattern[str]:
    """The gap " con " of "siete con cincuenta"."""
    joiners = any_of(_context().decimal_joiners, space=f"{_BLANKS}++")
    return regex.compile(rf"{_BLANKS}++(?:{joiners}){_BLANKS}++", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _percent_after_re() -> regex.Pattern[str]:
    """A percent sign right after a number: " %", " por ciento"."""
    signs = "|".join(
        any_of([sign], space=f"{_BLANKS}++") + (r"\b" if sign[-1:].isalnum() else "")
        for sign in sorted(set(_context().percent_signs), key=lambda p: (-len(p), p))
    )
    return regex.compile(rf"{_BLANKS}*+(?:{signs})", regex.IGNORECASE)


#: Nothing more in the clause after a number: "la inflación fue de tres con dos."
_CLAUSE_END_RE = regex.compile(r"[\x20\t]*+(?:[.;:!?)\]»”\"]|,(?!\d)|\n|$)")


def _con_decimals(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "siete con cincuenta por ciento" (7,50 %), "uno con cinco millones" (1,5
    millones) and "la tasa quedó en siete con cincuenta." (7,50): "con" reads as a decimal
    mark between two integers when a percent sign or a scale word follows, or nothing more
    in the clause, so "ganaron siete con cuatro goles" stays two numbers.
    """
    forms = _context().article_forms

    def join(a: Mention, b: Mention) -> Mention | None:
        if not (
            (a.kind == "number" or (a.kind == "article" and forms.get(fold(a.text)) == "alone"))
            and b.kind == "number"
            and a.scale is None
            and a.value is not None
            and b.value is not None
            and a.value == a.value.to_integral_value()
            and a.value >= 0
            and _con_gap_re().fullmatch(text, a.end, b.start)
            and (
                b.scale is not None
                or _percent_after_re().match(text, b.end, b.end + 32)
                or _CLAUSE_END_RE.match(text, b.end, b.end + 4)
            )
        ):
            return None
        exp = b.scale or 0
        fraction = b.value.scaleb(-exp, EXACT)
        if fraction != fraction.to_integral_value() or fraction <= 0:
            return None
        # "siete con 05": the digits as written (a leading zero counts); in words, the value's
        digits = b.text.split()[0] if b.text[:1].isdigit() else ""
        places = len(digits) if digits.isdigit() else len(str(int(fraction)))
        value = EXACT.add(a.value, fraction.scaleb(-places, EXACT)).scaleb(exp, EXACT)
        return Mention(
            a.start,
            b.end,
            text[a.start : b.end],
            "number",
            value.normalize(),
            scale=b.scale,
            in_words=a.in_words or b.in_words,
        )

    return _join_pairs(mentions, join)


def _negated(m: Mention, start: int, end: int, text: str) -> Mention:
    assert m.value is not None
    return replace(
        m,
        start=start,
        end=end,
        text=text[start:end],
        value=m.value.copy_negate(),
        exact=-m.exact if m.exact is not None else None,
    )


_SIGN_OPENERS = "([{:=«“\"'"


def _spaced_sign_opens(text: str, sign: int) -> bool:
    """Whether a sign followed by a space at ``sign`` opens the text, a line or a bracket
    ("- 1 4/5"), unlike a dash between two phrases ("Madrid - 20 heridos")."""
    j = sign - 1
    while j >= 0 and text[j] in " \t" and sign - j < 4:
        j -= 1
    return j < 0 or text[j] == "\n" or text[j] in _SIGN_OPENERS


def _signed(text: str, mentions: list[Mention]) -> list[Mention]:
    """Take the sign of a number: a minus sign glued to digits ("-5 grados", "−3,2 %", "-4/5"),
    or spaced at the start of a line ("- 1 4/5"); a sign in words ("menos cuarenta y dos",
    "menos 3.400.000"); "bajo cero" after it ("7 bajo cero"); a decimal mark with no digits
    before it (",45", "-,0031").

    A glued sign must open the word: "1-0" and "10-15" keep their hyphen.
    """
    out: list[Mention] = []
    swallowed = -1  # the end of the last "bajo cero": its "cero" is no number
    for m in mentions:
        s = m.start
        if s < swallowed:
            continue
        if m.kind not in ("number", "ratio") or m.value is None:
            out.append(m)
            continue
        lead = leading_mark_before(text, s) if m.kind == "number" and m.text.isdigit() else None
        if lead is not None:
            value = Decimal("0." + m.text)
            m = replace(m, start=lead[0], text=text[lead[0] : m.end], value=value)
            if lead[1]:
                m = _negated(m, m.start, m.end, text)
            out.append(m)
            continue
        if (
            s >= 1
            and text[s - 1] in MINUS_SIGNS
            and m.text[:1].isdigit()
            and (s == 1 or text[s - 2].isspace() or text[s - 2] in _SIGN_OPENERS)
        ):
            m = _negated(m, s - 1, m.end, text)
        elif (
            m.kind == "number"
            and s >= 2
            and text[s - 1] == " "
            and text[s - 2] in MINUS_SIGNS
            and m.text[:1].isdigit()
            and _spaced_sign_opens(text, s - 2)
        ):
            m = _negated(m, s - 2, m.end, text)
        elif m.kind == "number" and m.value is not None and m.value > 0:
            word = minus_word_before(text, s)
            after_number = bool(out) and not text[out[-1].end : word or 0].strip()
            if word is not None and not after_number:
                m = _negated(m, word, m.end, text)  # "menos cuarenta y dos"
        if m.kind == "number" and m.value is not None and m.value > 0:
            below = below_zero_after(text, m.end)
            if below is not None:
                glued = not text[m.end : below[0]].strip()
                swallowed = below[1]
                m = _negated(m, m.start, below[1] if glued else m.end, text)  # "7 bajo cero"
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _list_gap_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The gap between the members of a list of days ("10, 11 y el 12 de agosto") and of
    name numbers ("los artículos 27 y 28")."""
    ctx = _context()
    article = rf"(?:(?:{any_of(ctx.range_articles)})\s+)?"

    def gap(joins: Iterable[str]) -> regex.Pattern[str]:
        words = [j for j in joins if j.isalpha()]
        marks = "".join(regex.escape(j) for j in joins if not j.isalpha())
        return regex.compile(
            rf"\s*(?:[{marks}]\s*)?(?:(?:{any_of(words)})\s+)?{article}", regex.IGNORECASE
        )

    return gap(ctx.date_list_joins), gap(ctx.name_list_joins)


def _lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """The days listed before a date ("entre el 10 y el 12 de agosto": the 10 is a date) and
    the numbers listed after a name number ("los artículos 27 y 28"): no quantities."""
    date_gap, name_gap = _list_gap_res()
    out = list(mentions)
    # days: from the date back to the start of the list
    for k in range(len(out) - 1, 0, -1):
        a, b = out[k - 1], out[k]
        if (
            b.kind == "date"
            and b.text[:1].isdigit()
            and a.kind == "number"
            and a.text.isdigit()
            and 1 <= int(a.text) <= 31
            and b.start - a.end <= 12
            and date_gap.fullmatch(text, a.end, b.start)
        ):
            out[k - 1] = replace(a, kind="date", value=None, maybe_year=False)
    # name numbers: from the name forward
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if (
            a.kind == "identifier"
            and a.text[-1:].isdigit()
            and b.kind == "number"
            and b.text.isdigit()
            and b.start - a.end <= 8
            and text[a.end : b.start].strip()  # "Versión 2.0.1 500 descargas": no list
            and name_gap.fullmatch(text, a.end, b.start)
        ):
            out[k] = replace(b, kind="identifier", value=None, maybe_year=False)
    return out


@lru_cache(maxsize=1)
def _half_gap_re() -> regex.Pattern[str]:
    """ " meses y ": one word and "y" between a number and its half ("dos meses y medio")."""
    ands = any_of(_context().half_and)
    return regex.compile(rf"[ \t\u00a0]++[\p{{L}}\p{{M}}.]++[ \t\u00a0]++(?:{ands})[ \t\u00a0]++")


def _halves(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add "y medio" to the number before its noun: "dos meses y medio" is 2,5 months, "una
    hora y media" 1,5 hours; the half is no mention of its own."""
    half_words = lexicon().half_words
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.kind == "number"
            and fold(m.text) in half_words
            and prev.kind in ("number", "article")
            and prev.value is not None
            and prev.value == prev.value.to_integral_value()
            and prev.scale is None
            and m.start - prev.end <= 40
            and _half_gap_re().fullmatch(text, prev.end, m.start)
        ):
            out[-1] = replace(
                prev, kind="number", value=EXACT.add(prev.value, Decimal("0.5")), maybe_year=False
            )
            continue
        out.append(m)
    return out


def scan(text: str, locale: str = "es") -> list[Mention]:
    """Return every numeric mention of ``text`` in order.

    Args:
        text: Any text.
        locale: ``"es"`` (decide separators from the text) or a strict locale
            such as ``"es-ES"`` or ``"es-MX"``.

    Raises:
        TypeError: If ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text:
        return []
    return _Scanner(text, locale).run()

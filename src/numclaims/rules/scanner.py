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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

import regex

from ..lang import table
from .locales import DecimalMark, document_decimal_mark
from .numerals import (
    EXACT,
    INVISIBLE_GROUP_MARKS,
    MINUS_SIGNS,
    NumeralParser,
    Token,
    fold,
    fraction_to_decimal,
    lexicon,
    parse_digits,
    tokenize,
)
from .patterns import any_of

__all__ = ["NON_CLAIM_KINDS", "Mention", "scan"]

#: Mention kinds that are never quantity claims.
NON_CLAIM_KINDS = frozenset({"year", "date", "time", "ordinal", "phone", "identifier", "article"})

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


@lru_cache(maxsize=1)
def _context() -> _Context:
    raw = table("numbers")
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
    )


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
    spans.sort()
    return spans


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
        self.tokens = list(_split_bad_groups(tokenize(text), self.strict, self.doc_mark))
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
        out = _dozens(self.text, _slash(self.text, out))
        return _signed(self.text, _ranges(self.text, _con_decimals(self.text, out)))

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
            special = self._digit_context(i)
            if special is not None:
                return special
        else:
            return None, 1
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
        if (self._word(i - 1), w) in ctx.percent_pairs:
            return None, 1  # "por ciento" is the percent unit
        return None

    def _numeral_run(self, i: int, limit: int) -> _Run | None:
        """The longest complete numeral from token ``i``, fed token by token to a
        :class:`~numclaims.rules.numerals.NumeralParser`, or ``None``."""
        parser = NumeralParser(self.strict, self.doc_mark)
        best: _Run | None = None
        j = i
        prev: Token | None = None
        while j < len(self.tokens) and j - i < MAX_NUMERAL_TOKENS:
            t = self.tokens[j]
            if t.end > limit:
                break
            if prev is not None and not self._joined(prev, t):
                break
            if not parser.feed(t.text, t.kind):
                break
            if parser.complete():
                best = _Run(j, parser.value(), parser.last_scale, parser.ratio)
            prev = t
            j += 1
        return best

    def _classify(self, i: int, run: _Run) -> Mention:
        """The mention of the numeral ``run`` from token ``i``: a ratio, the article
        "un/una/uno", a year, a clock hour ("a las 9") or a number."""
        ctx = self.ctx
        first, last = self.tokens[i], self.tokens[run.last]
        value = fraction_to_decimal(run.value)
        if run.ratio:
            return replace(
                self._mention(first.start, last.end, "ratio", value, in_words=True),
                exact=_inexact(run.value),
            )
        alone = run.last == i
        if alone and first.kind == "word" and fold(first.text) in ctx.article_forms:
            return self._mention(first.start, last.end, "article", value, in_words=True)
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

    def _digit_context(self, i: int) -> tuple[Mention | None, int] | None:
        """Ordinals ("1.º", "3er"), identifiers ("COVID-19", "G7") and glued digits."""
        toks = self.tokens
        tok = toks[i]
        text = self.text
        ctx = self.ctx
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        after = text[tok.end : tok.end + 2]
        mark = after[1:] if after[:1] == "." else after[:1]  # "1.º", "2ª"
        if mark in ctx.ordinal_marks and fold(after) not in ctx.degree_signs:
            end = tok.end + (2 if after[:1] == "." else 1)
            value = parse_digits(tok.text)
            return self._mention(tok.start, end, "ordinal", value), 1
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
            return self._mention(prev.start, tok.end, "identifier", None), 1
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

    return _join_pairs(mentions, join)


@lru_cache(maxsize=1)
def _join_re() -> regex.Pattern[str]:
    """The gap between the bounds of a range: " y ", " a la ", "-" (a gap of 12
    characters at most)."""
    ctx = _context()
    article = rf"(?:(?:{any_of(ctx.range_articles)})\s+)?"
    joins, dashes = any_of(ctx.range_joins), any_of(ctx.range_dashes)
    return regex.compile(
        rf"\s*(?:(?P<j>{joins})\s+{article}|(?P<j2>{dashes})\s*)$", regex.IGNORECASE
    )


@lru_cache(maxsize=1)
def _cue_re() -> regex.Pattern[str]:
    """The word that opens a range, at the end of the 16 characters before it: "entre ",
    "del "."""
    ctx = _context()
    article = rf"(?:(?:{any_of(ctx.range_articles)})\s+)?"
    return regex.compile(rf"\b(?P<c>{any_of(ctx.range_cues)})\s+{article}$", regex.IGNORECASE)


def _trailing_exponent(m: Mention) -> int:
    """The power of ten of the scale words ``m`` ends with: "12 mil" 3, "7 mil millones" 9,
    "20 millones" 6, "15" 0. Scale words alone ("mil") count as a number, not a scale."""
    lex = lexicon()
    words = [t for t in tokenize(m.text) if t.kind != "space"]
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
    if len(gap) > 12:
        return None
    m = _join_re().fullmatch(gap) if gap else None
    if m is None:
        return None
    join = (m.group("j") or m.group("j2") or "").lower()
    cue = None
    ctx = _context()
    if join in ctx.range_joins:
        before = text[max(0, a.start - 16) : a.start]
        c = _cue_re().search(before)
        if c is None:
            return None
        word = c.group("c").lower()
        if join not in ctx.range_cues.get(word, ()):
            return None  # "entre 10 a 20"
        cue_start = max(0, a.start - 16) + c.start()
        cue = (cue_start, cue_start + len(word), text[cue_start : cue_start + len(word)])
    elif a.maybe_year and b.maybe_year:
        return None
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
    if lo > hi:
        return None
    return replace(
        b,
        start=a.start,
        text=text[a.start : b.end],
        kind="range",
        value=None,
        value_min=lo,
        value_max=hi,
        cue=cue,
        maybe_year=False,
        in_words=a.in_words or b.in_words,
    )


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


# Calls below pass an ``endpos``: without one, the regex module's ``match(text, pos)``
# costs time in proportion to ``len(text)``.
_BLANKS = r"[ \t\u00a0]"


@lru_cache(maxsize=1)
def _collective_re() -> regex.Pattern[str]:
    """A counting noun right after a number: " docena", " docenas"."""
    nouns = any_of(_context().collective, space=f"{_BLANKS}++")
    return regex.compile(rf"{_BLANKS}++(?P<w>{nouns})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)


def _dozens(text: str, mentions: list[Mention]) -> list[Mention]:
    """Count dozens: "una docena" (12), "media docena" (6), "3 docenas" (36)."""
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
            m = replace(
                m,
                end=dozen.end(),
                text=text[m.start : dozen.end()],
                kind="number",
                value=EXACT.multiply(m.value, Decimal(size)),
                exact=_inexact(m.exact * size) if m.exact is not None else None,
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


def _con_decimals(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "siete con cincuenta por ciento" (7,50 %) and "uno con cinco millones" (1,5
    millones): "con" reads as a decimal mark between two integers when a percent sign
    or a scale word follows, so "ganaron siete con cuatro goles" stays two numbers.
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
            and (b.scale is not None or _percent_after_re().match(text, b.end, b.end + 32))
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


def _signed(text: str, mentions: list[Mention]) -> list[Mention]:
    """Take a minus sign glued to a number written in digits ("-5 grados", "−3,2 %").

    The sign must open the word: "1-0" and "10-15" keep their hyphen.
    """
    out = []
    for m in mentions:
        s = m.start
        if (
            m.kind == "number"
            and m.value is not None
            and s >= 1
            and text[s - 1] in MINUS_SIGNS
            and m.text[:1].isdigit()
            and (s == 1 or text[s - 2].isspace() or text[s - 2] in "([{:=«“\"'")
        ):
            m = replace(
                m,
                start=s - 1,
                text=text[s - 1 : m.end],
                value=m.value.copy_negate(),
                exact=-m.exact if m.exact is not None else None,
            )
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

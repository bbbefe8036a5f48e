"""Exact normalization of Spanish numerals (pure: no spaCy).

:func:`parse_number` turns a whole numeral expression into a
:class:`~decimal.Decimal`: digits with either separator convention
("10.000", "10,000", "1.234,56", "4.8"), digits with scale words
("4.8 millones", "2 mil 300 millones", "5 M€"), number words with gender,
accents and common misspellings ("veintitrés mil cuatrocientos cincuenta y
seis", "diez y seis"), the long scale (billón = 10**12) and fractions
("un millón y medio", "dos tercios").

All arithmetic is exact: :class:`fractions.Fraction` inside, a
:class:`~decimal.Decimal` out. A value that no decimal can hold exactly
("un tercio") is rounded to the 28 significant digits of the default decimal
context.

The word lists live in ``lang/es/numbers.json``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

import regex

from ..lang import table
from .locales import DecimalMark, decimal_mark_for

__all__ = [
    "EXACT",
    "Lexicon",
    "NumeralParser",
    "Token",
    "detect_decimal_mark",
    "exact_mul",
    "fold",
    "fraction_to_decimal",
    "lexicon",
    "parse_digits",
    "parse_number",
    "tokenize",
]

#: Spaces that may group digits: space, no-break space, thin space, narrow no-break space.
GROUP_SPACES = " \u00a0\u2009\u202f"
MINUS_SIGNS = "-\u2212\u2013"
_SIGNS = MINUS_SIGNS + "+"
#: Longer digit runs are identifiers (or garbage), not numbers.
MAX_DIGITS = 40

# One token: a run of digits with inner separators, a word, or one other character.
# Every branch consumes at least one character and none can backtrack into a
# previous one (possessive quantifiers), so tokenizing is linear in the input.
_TOKEN_RE = regex.compile(
    r"""
    (?P<num>\d++(?:(?:[.,\u00a0\u2009\u202f]|\x20(?=\d{3}(?!\d)))\d++)*+)
    | (?P<word>\p{L}++)
    | (?P<space>\s++)
    | (?P<other>.)
    """,
    regex.VERBOSE | regex.DOTALL,
)

#: The decimal context of every computation on a value, wide enough that no numeral the
#: scanner accepts (at most ``MAX_DIGITS`` digits, scale words, dozens) is ever rounded;
#: the default context keeps 28 significant digits only.
EXACT = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow])

_PREFIX_SYMBOLS = ("US$", "MX$", "COP$", "R$", "$", "€", "£", "¥")
_SUFFIX_SYMBOLS = ("€", "$", "£", "¥", "%")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase ``word`` and strip its accents ("Millón" -> "millon")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Lexicon:
    """The number words of ``lang/es/numbers.json``, folded, with exact values."""

    small: dict[str, int]  # 0..999 words: units, teens, twenties, tens, hundreds
    units: frozenset[str]
    tens: frozenset[str]  # words that may be followed by "y" + unit
    hundreds: frozenset[str]
    scales: dict[str, int]  # word -> power of ten (long scale)
    fractions: dict[str, Fraction]
    vague: dict[str, int]
    abbreviations: dict[str, int]
    ordinals: dict[str, int]

    def is_number_word(self, folded: str) -> bool:
        """Whether ``folded`` can be part of a numeral expression."""
        return (
            folded in self.small
            or folded == "mil"
            or folded in self.scales
            or folded in self.fractions
        )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the Spanish number words once."""
    raw = table("numbers")
    small: dict[str, int] = {}
    for key in ("units", "teens", "twenties", "tens", "hundreds"):
        small.update(raw[key])
    return Lexicon(
        small=small,
        units=frozenset(raw["units"]),
        tens=frozenset([*raw["tens"], "diez", "veinte"]),
        hundreds=frozenset(raw["hundreds"]),
        scales=dict(raw["scales"]),
        fractions={k: Fraction(v) for k, v in raw["fractions"].items()},
        vague={k: int(v) for k, v in raw["vague"].items()},
        abbreviations=dict(raw["abbreviations"]),
        ordinals=dict(raw["ordinals"]),
    )


def exact_mul(a: Decimal, b: Decimal | int) -> Decimal:
    """Multiply exactly, whatever the size (decimal arithmetic would round at 28 digits)."""
    return EXACT.multiply(a, Decimal(b))


def fraction_to_decimal(value: Fraction) -> Decimal:
    """Convert exactly when the denominator allows it, else to 28 significant digits."""
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den == 1:
        # exact: scale the numerator by a power of ten, build the decimal from its digits
        digits = 0
        scaled = value
        while scaled.denominator != 1:
            scaled *= 10
            digits += 1
        parts = Decimal(scaled.numerator).as_tuple()
        return Decimal((parts.sign, parts.digits, -digits))
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


# ---------------------------------------------------------------------------
# Digits
# ---------------------------------------------------------------------------


_SPACES_RE = regex.compile(r"[\x20\u00a0\u2009\u202f]")


def _valid_groups(groups: Sequence[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def parse_digits(
    text: str, decimal_mark: DecimalMark | None = None, *, doc_mark: DecimalMark | None = None
) -> Decimal | None:
    """Parse a run of digits with separators, e.g. "10.000", "1,234.56", "10 000".

    Args:
        text: Digits with optional "." / "," / space grouping and an optional sign.
        decimal_mark: The strict decimal mark of the locale, or ``None`` to decide
            from the number itself: a lone separator followed by exactly three
            digits groups thousands, any other lone separator marks decimals.
        doc_mark: The decimal mark the document as a whole uses (see
            :func:`detect_decimal_mark`); it settles a lone separator followed by
            three digits, except a zero group ("10,000" stays ten thousand).

    Returns:
        The exact value, or ``None`` if the separators are not a valid number
        ("1.1.1", "12,34,567").
    """
    s = text.strip()
    negative = False
    if s and s[0] in MINUS_SIGNS + "+":
        negative = s[0] != "+"
        s = s[1:]
    if not s or not s[0].isdigit() or not s[-1].isdigit() or len(s) > MAX_DIGITS:
        return None
    value = _unsigned_digits(s, decimal_mark, doc_mark)
    if value is None or not negative:
        return value
    return value.copy_negate()


def _unsigned_digits(
    s: str, decimal_mark: DecimalMark | None, doc_mark: DecimalMark | None
) -> Decimal | None:
    if any(sp in s for sp in GROUP_SPACES):
        # "10 000", "1 234,56": spaces group thousands, so a separator can only mark decimals
        head, sep, tail = s.partition(",") if "," in s else s.partition(".")
        if sep and ("." in head or "," in head or not tail.isdigit()):
            return None  # "1 234,5.6", "0.0.0 0": a group space leaves one mark at most
        if not _valid_groups(_SPACES_RE.split(head)):
            return None
        s = _SPACES_RE.sub("", s)
        if sep:
            return Decimal(s.replace(",", "."))
    if not s.replace(".", "").replace(",", "").isdigit():
        return None
    n_dot, n_comma = s.count("."), s.count(",")
    if n_dot and n_comma:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        int_part, _, frac = s.rpartition(dec)
        if thou in frac or dec in int_part:
            return None
        if not _valid_groups(int_part.split(thou)):
            return None
        return Decimal(int_part.replace(thou, "") + "." + frac)
    if n_dot + n_comma == 0:
        return Decimal(s)
    sep = "." if n_dot else ","
    if n_dot + n_comma > 1:
        groups = s.split(sep)
        if not _valid_groups(groups):
            return None
        return Decimal("".join(groups))
    int_part, _, frac = s.partition(sep)
    could_group = len(frac) == 3 and not int_part.startswith("0") and len(int_part) <= 3
    if decimal_mark is not None:
        is_decimal = sep == decimal_mark or not could_group
    elif doc_mark is not None and could_group and frac != "000":
        is_decimal = sep == doc_mark
    else:
        is_decimal = not could_group
    if is_decimal:
        return Decimal(int_part + "." + frac)
    return Decimal(int_part + frac)


# Only at the start of a digit run: a search from every digit of a long run would be
# quadratic ("1" * 100_000).
_MARK_EVIDENCE_RE = regex.compile(r"(?<!\d)\d++(?:[.,]\d++)++")


def detect_decimal_mark(text: str) -> DecimalMark | None:
    """Return the decimal mark that ``text`` clearly uses, or ``None`` if unclear.

    Evidence for a decimal comma: "1.234,56", "1.234.567" (points group),
    "2,5" (a comma not followed by exactly three digits); symmetrically for the
    point. Conflicting or no evidence gives ``None``.
    """
    votes = {",": 0, ".": 0}
    for m in _MARK_EVIDENCE_RE.finditer(text):
        run = m.group()
        dots, commas = run.count("."), run.count(",")
        if dots and commas:
            votes["." if run.rfind(".") > run.rfind(",") else ","] += 1
        elif dots + commas > 1:
            sep = "." if dots else ","
            if _valid_groups(run.split(sep)):
                votes["," if sep == "." else "."] += 1
        else:
            sep = "." if dots else ","
            int_part, _, frac = run.partition(sep)
            if len(frac) != 3 or int_part.startswith("0"):
                votes[sep] += 1
    if votes[","] and not votes["."]:
        return ","
    if votes["."] and not votes[","]:
        return "."
    return None


# ---------------------------------------------------------------------------
# Tokens and the incremental numeral parser
# ---------------------------------------------------------------------------


class Token(NamedTuple):
    """A token of the numeral tokenizer: ``kind`` is num, word, space or other.

    A named tuple, not a dataclass: the scanner makes one per word of the text.
    """

    kind: str
    text: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield the tokens of ``text[start:end]`` with absolute offsets (linear time)."""
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "other"
        yield Token(kind, m.group(), m.start(), m.end())


class NumeralParser:
    """Feed tokens one at a time; tracks the value of the longest complete numeral.

    The grammar is the one of written Spanish cardinals: a block below a
    thousand ("ciento veintitrés"), optionally times "mil", optionally times a
    long-scale word ("millones", "billones"), repeated with decreasing scales;
    digits may stand for a block ("2 mil 300 millones"); "y medio" adds half of
    the last scale; a fraction word after a block makes a ratio ("dos tercios").
    """

    def __init__(
        self, decimal_mark: DecimalMark | None = None, doc_mark: DecimalMark | None = None
    ) -> None:
        self.lex = lexicon()
        self.decimal_mark = decimal_mark
        self.doc_mark = doc_mark
        self.total = Fraction(0)  # completed scale groups
        self.group = Fraction(0)  # thousands part of the current scale group
        self.small = Fraction(0)  # the current block (< 1000, or a digit value)
        self.has_small = False
        self.mil_seen = False  # "mil" used in the current scale group
        self.last_scale: int | None = None  # exponent of the last scale word
        self.slots: set[str] = set()  # filled parts of the word block
        self.pending_y = False
        self.last_kind = ""  # kind of the previous accepted item
        self.closed = False  # nothing may follow (fraction, abbreviation)
        self.digits_only = True
        self.words = 0
        self.ratio = False
        self.decimals: str | None = None  # digits after "coma"/"punto", read in words
        self.decimal_block: NumeralParser | None = None
        self._int_small = Fraction(0)

    # -- helpers ---------------------------------------------------------
    def value(self) -> Fraction:
        """The value of what has been accepted so far."""
        return self.total + self.group + self.small

    def complete(self) -> bool:
        """Whether what has been accepted so far is a whole numeral."""
        if self.decimals is not None:
            return bool(self.decimals) or (
                self.decimal_block is not None and self.decimal_block.complete()
            )
        return self.last_kind != "" and not self.pending_y

    def _feed_decimal(self, w: str, text: str, kind: str) -> bool:
        """After "coma"/"punto": digit words one by one, or one block ("setenta y cinco")."""
        assert self.decimals is not None
        if self.decimal_block is None and kind == "word" and w in self.lex.units:
            self.decimals += str(self.lex.small[w])
            self.small = self._int_small + Fraction(int(self.decimals), 10 ** len(self.decimals))
            return True
        if self.decimals or kind != "word" or w == "mil" or w in self.lex.scales:
            return False
        block = self.decimal_block or NumeralParser()
        if not block.feed(text, kind):
            return False
        self.decimal_block = block
        if block.complete():
            digits = str(int(block.value()))
            self.small = self._int_small + Fraction(int(digits), 10 ** len(digits))
        return True

    def _block_empty(self) -> bool:
        return not self.has_small

    # -- the transition function ----------------------------------------
    def feed(self, text: str, kind: str) -> bool:
        """Try to accept one token; return ``False`` (state unchanged) if it cannot follow."""
        if self.closed:
            return False
        if kind == "num":
            return self._feed_digits(text)
        if kind != "word":
            return False
        w = fold(text.rstrip("."))
        lex = self.lex
        if self.decimals is not None:
            if w in lex.scales and self.complete():
                self.decimals = None  # "cuatro coma ocho millones": the scale applies
                self.decimal_block = None
            else:
                return self._feed_decimal(w, text, kind)
        if (
            w in ("coma", "punto")
            and self.last_kind in ("units", "teens", "tens", "hundreds", "mil", "scale")
            and not self.pending_y
        ):
            # "cuatro coma ocho", "cuatro punto ocho" (num2words' reading)
            self.decimals = ""
            self._int_small = self.small
            self.words += 1
            return True
        if self.pending_y:
            if w in lex.units and self.last_kind == "tens":
                self.small += lex.small[w]
                self.slots.add("units")
                self.pending_y = False
                self.last_kind = "units"
                self.words += 1
                return True
            if w in ("medio", "media") and self.last_kind in (
                "scale",
                "mil",
                "units",
                "tens",
                "teens",
                "hundreds",
                "num",
            ):
                unit = Fraction(1)
                if self.last_kind == "scale" and self.last_scale is not None:
                    unit = Fraction(10) ** self.last_scale
                elif self.last_kind == "mil":
                    unit = Fraction(1000)
                self.total += unit / 2
                self.pending_y = False
                self.last_kind = "half"
                self.closed = True
                self.words += 1
                return True
            return False
        if w == "y":
            if self.last_kind == "tens" and "units" not in self.slots:
                self.pending_y = True
                return True
            if self.last_kind in ("scale", "mil") or (
                self.last_kind in ("units", "teens", "tens", "hundreds") and self.words
            ):
                self.pending_y = True  # only "y medio" may follow
                return True
            return False
        self.digits_only = False
        if w in lex.hundreds:
            if not self._block_empty():
                return False
            self.small = Fraction(lex.small[w])
            self.has_small = True
            self.slots = {"hundreds"} if w != "cien" else {"hundreds", "cien"}
            self.last_kind = "hundreds"
            self.words += 1
            return True
        if w in lex.small:
            val = lex.small[w]
            if "cien" in self.slots or (self.has_small and "hundreds" not in self.slots):
                return False
            if self.slots & {"tens", "units", "teens"}:
                return False
            if w == "cero" and self.words:
                return False
            self.small += val
            self.has_small = True
            if w in lex.tens:
                self.slots.add("tens")
                self.last_kind = "tens"
            elif val < 10:
                self.slots.add("units")
                self.last_kind = "units"
            else:
                self.slots.add("teens")
                self.last_kind = "teens"
            self.words += 1
            return True
        if w == "mil":
            if self.mil_seen:
                return False
            block = self.small if self.has_small else Fraction(1)
            self.group += block * 1000
            self._reset_block()
            self.mil_seen = True
            self.last_kind = "mil"
            self.words += 1
            return True
        if w in lex.scales:
            exp = lex.scales[w]
            if self.last_scale is not None and exp >= self.last_scale:
                return False
            chunk = self.group + self.small
            if chunk == 0:
                if self.last_kind != "fraction_pre":
                    return False
                chunk = self.small
            self.total += chunk * Fraction(10) ** exp
            self.group = Fraction(0)
            self._reset_block()
            self.mil_seen = False
            self.last_scale = exp
            self.last_kind = "scale"
            self.words += 1
            return True
        if w == "mitad" and self.last_kind == "":
            self.small = Fraction(1, 2)
            self.has_small = True
            self.last_kind = "fraction"
            self.ratio = True
            self.closed = True
            self.words += 1
            return True
        if w in ("medio", "media") and self.last_kind == "":
            # "medio millón": a half that a scale word must follow
            self.small = Fraction(1, 2)
            self.has_small = True
            self.slots = {"units"}
            self.last_kind = "fraction_pre"
            self.words += 1
            return True
        if w in lex.fractions and w not in ("medio", "media", "mitad"):
            if not self.has_small or self.last_kind not in ("units", "teens", "tens", "hundreds"):
                return False
            if self.total or self.group:
                return False
            self.small = self.small * lex.fractions[w]
            self.last_kind = "fraction"
            self.ratio = True
            self.closed = True
            self.words += 1
            return True
        if w in lex.abbreviations and self.last_kind == "num" and w not in ("mil",):
            exp = lex.abbreviations[w]
            if self.last_scale is not None and exp >= self.last_scale:
                return False
            self.total += (self.group + self.small) * Fraction(10) ** exp
            self.group = Fraction(0)
            self._reset_block()
            self.last_scale = exp
            self.last_kind = "abbr"
            self.closed = True
            self.words += 1
            return True
        return False

    def _reset_block(self) -> None:
        self.small = Fraction(0)
        self.has_small = False
        self.slots = set()

    def _feed_digits(self, text: str) -> bool:
        if self.has_small or self.pending_y:
            return False
        if self.last_kind not in ("", "mil", "scale"):
            return False
        value = parse_digits(text, self.decimal_mark, doc_mark=self.doc_mark)
        if value is None:
            return False
        if self.last_kind in ("mil", "scale"):
            # "2 mil 300 millones", "485 mil 656": digits after a scale fill a lower block
            limit = 1000 if self.last_kind == "mil" else Fraction(10) ** (self.last_scale or 0)
            if value != value.to_integral_value() or value >= limit or value < 0:
                return False
        self.small = Fraction(value)
        self.has_small = True
        self.slots = {"digits"}
        self.last_kind = "num"
        return True


def _strip_symbols(text: str) -> str:
    """Remove one currency or percent symbol at either end of ``text``."""
    s = text.strip()
    for sym in _PREFIX_SYMBOLS:
        if s.startswith(sym):
            s = s[len(sym) :].lstrip()
            break
    for sym in _SUFFIX_SYMBOLS:
        if s.endswith(sym):
            s = s[: -len(sym)].rstrip()
            break
    return s


def parse_number(
    text: str, locale: str = "es", *, decimal_mark: DecimalMark | None = None
) -> Decimal | None:
    """Return the exact value of a whole Spanish numeral expression, or ``None``.

    Args:
        text: One numeral expression: "10.000", "4,8 millones", "2 mil 300 millones",
            "veintitrés mil cuatrocientos cincuenta y seis", "un millón y medio",
            "dos tercios", "5 M€", "2.500 mdd". A leading or trailing currency or
            percent sign is allowed and ignored (the unit is not part of the value).
        locale: ``"es"`` (default) decides a lone separator from the number itself
            (followed by exactly three digits: thousands; otherwise decimals);
            a strict locale such as ``"es-ES"`` or ``"es-MX"`` follows its country.
        decimal_mark: Overrides the locale's decimal mark as a document-level
            convention (what :func:`detect_decimal_mark` found in the rest of a text).

    Returns:
        The value as an exact :class:`~decimal.Decimal`, or ``None`` if ``text``
        is not a numeral expression.

    Raises:
        TypeError: If ``text`` is not a ``str``.
        ValueError: If ``locale`` is not a Spanish locale.

    >>> parse_number("4.8 millones")
    Decimal('4800000')
    >>> parse_number("10,000"), parse_number("1,000", locale="es-ES")
    (Decimal('10000'), Decimal('1'))
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if decimal_mark not in (None, ".", ","):
        raise ValueError(f"decimal_mark must be '.', ',' or None, not {decimal_mark!r}")
    strict = decimal_mark_for(locale)
    if not text.strip():
        return None
    body = _strip_symbols(text)
    article, _, rest = body.partition(" ")
    if fold(article) in ("la", "una") and fold(rest.strip()) == "mitad":
        body = rest  # "la mitad", "una mitad"
    if not body:
        return None
    sign: str | None = None  # a leading "+" or minus sign, once
    parser = NumeralParser(strict, None if strict else decimal_mark)
    if strict is None and decimal_mark is not None:
        parser.doc_mark = decimal_mark
    for tok in tokenize(body):
        if tok.kind == "space":
            continue
        if tok.kind == "other" and tok.text in _SIGNS and not parser.last_kind and sign is None:
            sign = tok.text
            continue
        if not parser.feed(tok.text, tok.kind):
            return None
    if not parser.complete():
        return None
    value = fraction_to_decimal(parser.value())
    return value.copy_negate() if sign is not None and sign in MINUS_SIGNS else value

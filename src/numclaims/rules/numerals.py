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
("un tercio") is rounded to 28 significant digits; the scanner keeps its exact
fraction beside it (:attr:`numclaims.rules.scanner.Mention.exact`, the claims'
``value_fraction``).

The word lists live in ``lang/es/numbers.json``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

import regex

from ..lang import LanguageDataError, table
from .locales import DecimalMark, decimal_mark_for
from .text import fold

__all__ = [
    "EXACT",
    "INVISIBLE_GROUP_MARKS",
    "Lexicon",
    "NumeralParser",
    "State",
    "Token",
    "WordClass",
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
#: Invisible characters that text copied from web pages leaves inside a digit group
#: ("10\u200b000"): zero-width space, word joiner, zero-width no-break space, soft hyphen.
INVISIBLE_GROUP_MARKS = "\u200b\u2060\ufeff\u00ad"
MINUS_SIGNS = "-\u2212\u2013"
_SIGNS = MINUS_SIGNS + "+"
#: Longer digit runs are identifiers (or garbage), not numbers.
MAX_DIGITS = 40

# One token: a run of digits with inner separators, a word, or one other character.
# Every branch consumes at least one character and none can backtrack into a
# previous one (possessive quantifiers), so tokenizing is linear in the input.
_TOKEN_RE = regex.compile(
    r"""
    (?P<num>\d++(?:(?:[.,\u00a0\u2009\u202f\u200b\u2060\ufeff\u00ad]|[’'](?=\d{3}(?!\d))|\x20(?=\d{3}(?!\d)))\d++)*+)
    | (?P<word>\p{L}++)
    | (?P<space>\s++)
    | (?P<other>.)
    """,
    regex.VERBOSE | regex.DOTALL,
)
# The same tokens without the spaces between them (a match never starts at a space).
_SOLID_TOKEN_RE = regex.compile(
    _TOKEN_RE.pattern.replace(r"| (?P<space>\s++)", "").replace("(?P<other>.)", r"(?P<other>\S)"),
    regex.VERBOSE | regex.DOTALL,
)

#: The decimal context of every computation on a value, wide enough that no numeral the
#: scanner accepts (at most ``MAX_DIGITS`` digits, scale words, dozens) is ever rounded;
#: the default context keeps 28 significant digits only.
EXACT = Context(prec=1000, traps=[InvalidOperation, DivisionByZero, Overflow])


class WordClass(enum.Enum):
    """The class of a token in the numeral grammar; :class:`NumeralParser` has one handler
    per class. The words of each class come from ``lang/es/numbers.json``."""

    DIGITS = "digits"  # "10.000", "4,8" (a token of digits, not a word)
    HUNDRED = "hundred"  # "ciento", "doscientas" (key "hundreds")
    SMALL = "small"  # "cero" to "noventa" (keys "units", "teens", "twenties", "tens")
    THOUSAND = "thousand"  # "mil" ("thousand_words")
    SCALE = "scale"  # "millón", "billones" ("scales")
    AND = "and"  # "y" ("and_words")
    HALF = "half"  # "medio", "media" ("half_words")
    HALF_NOUN = "half_noun"  # "mitad" ("half_nouns")
    FRACTION = "fraction"  # "tercios", "cuarto" ("fractions", less the halves)
    ABBREVIATION = "abbreviation"  # "M", "mdd" after digits ("abbreviations")
    DECIMAL = "decimal"  # "coma", "punto" ("decimal_words")
    SPLIT_HUNDRED = "split_hundred"  # "cientos" in "tres cientos" ("split_hundreds")
    WITH = "with"  # "con" before a fraction: "tres con un quinto" ("decimal_joiners")


#: The word classes that can be part of a numeral expression written in words.
_NUMBER_WORD_CLASSES = frozenset(
    {
        WordClass.HUNDRED,
        WordClass.SMALL,
        WordClass.THOUSAND,
        WordClass.SCALE,
        WordClass.HALF,
        WordClass.HALF_NOUN,
        WordClass.FRACTION,
    }
)


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
    thousands: frozenset[str]  # "mil"
    bare_hundreds: frozenset[str]  # "cien": no tens or units after it
    zero_words: frozenset[str]  # "cero": only opens a numeral
    and_words: frozenset[str]  # "y"
    decimal_words: frozenset[str]  # "coma", "punto"
    half_words: frozenset[str]  # "medio", "media"
    half_nouns: frozenset[str]  # "mitad"
    half_noun_articles: frozenset[str]  # "la", "una" before "mitad"
    prefix_symbols: tuple[str, ...]  # currency signs before a numeral, longest match first
    suffix_symbols: tuple[str, ...]  # currency and percent signs after a numeral
    classes: dict[str, WordClass]  # each word of the numeral grammar -> its class
    split_hundreds: dict[str, int]  # "cientos": 100 ("tres cientos")
    fraction_suffixes: tuple[str, ...]  # "avo", "esimo": "treintavos", "milesimos"
    fraction_stem_endings: tuple[str, ...]  # "a": "treint-avos" is "treinta"
    compound_and: frozenset[str]  # "i" in "treintaicinco"
    upper_case_abbreviations: frozenset[str]  # "m", "mm": scales only as "M", "MM"

    def is_number_word(self, folded: str) -> bool:
        """Whether ``folded`` can be part of a numeral expression."""
        return self.classes.get(folded) in _NUMBER_WORD_CLASSES


def _word_classes(raw: Mapping[str, Any]) -> dict[str, WordClass]:
    """Each word of the numeral grammar and its class; a word may have one class only."""
    halves = {*raw["half_words"], *raw["half_nouns"]}
    groups: list[tuple[WordClass, Iterable[str]]] = [
        (WordClass.DECIMAL, raw["decimal_words"]),
        (WordClass.AND, raw["and_words"]),
        (WordClass.HUNDRED, raw["hundreds"]),
        (
            WordClass.SMALL,
            (w for key in ("units", "teens", "twenties", "tens") for w in raw[key]),
        ),
        (WordClass.THOUSAND, raw["thousand_words"]),
        (WordClass.SCALE, raw["scales"]),
        (WordClass.HALF_NOUN, raw["half_nouns"]),
        (WordClass.HALF, raw["half_words"]),
        (WordClass.FRACTION, (w for w in raw["fractions"] if w not in halves)),
        (WordClass.ABBREVIATION, raw["abbreviations"]),
        (WordClass.SPLIT_HUNDRED, raw["split_hundreds"]),
        (WordClass.WITH, raw["decimal_joiners"]),
    ]
    classes: dict[str, WordClass] = {}
    for word_class, words in groups:
        for w in words:
            if classes.get(w, word_class) is not word_class:
                raise LanguageDataError(
                    f"numbers.json: {w!r} is both a {classes[w].value} and a "
                    f"{word_class.value} word"
                )
            classes[w] = word_class
    return classes


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
        tens=frozenset([*raw["tens"], *raw["tens_taking_and"]]),
        hundreds=frozenset(raw["hundreds"]),
        scales=dict(raw["scales"]),
        fractions={k: Fraction(v) for k, v in raw["fractions"].items()},
        vague={k: int(v) for k, v in raw["vague"].items()},
        abbreviations=dict(raw["abbreviations"]),
        ordinals=dict(raw["ordinals"]),
        thousands=frozenset(raw["thousand_words"]),
        bare_hundreds=frozenset(raw["bare_hundreds"]),
        zero_words=frozenset(raw["zero_words"]),
        and_words=frozenset(raw["and_words"]),
        decimal_words=frozenset(raw["decimal_words"]),
        half_words=frozenset(raw["half_words"]),
        half_nouns=frozenset(raw["half_nouns"]),
        half_noun_articles=frozenset(raw["half_noun_articles"]),
        prefix_symbols=tuple(raw["prefix_symbols"]),
        suffix_symbols=tuple(raw["suffix_symbols"]),
        classes=_word_classes(raw),
        split_hundreds=dict(raw["split_hundreds"]),
        fraction_suffixes=tuple(sorted(raw["fraction_suffixes"], key=len, reverse=True)),
        fraction_stem_endings=tuple(raw["fraction_stem_endings"]),
        compound_and=frozenset(raw["compound_and"]),
        upper_case_abbreviations=frozenset(raw["upper_case_abbreviations"]),
    )


#: The exponent of "millones": only "5 millones cuatrocientos" reads as 5 400 000.
_MILLION = 6

#: The longest word read as a fraction of any denominator ("doscientosmilesimos": 19).
_MAX_FRACTION_WORD = 40


@lru_cache(maxsize=4096)
def fraction_word(word: str) -> Fraction | None:
    """The value of a fraction word of any denominator, or ``None``.

    The word is a cardinal and a suffix ("treintavos" 1/30, "veintiunavo" 1/21,
    "doscientosavos" 1/200, "dosmilésimos" 1/2000, "billonésima" 1/10**12); the
    fraction words of the table ("tercio", "quinto") come first.

    >>> fraction_word("treintavos"), fraction_word("dosmilésimas")
    (Fraction(1, 30), Fraction(1, 2000))
    >>> fraction_word("centavos") is None
    True
    """
    lex = lexicon()
    w = fold(word)
    if w in lex.fractions:
        return lex.fractions[w]
    if len(w) > _MAX_FRACTION_WORD:
        return None
    if w.endswith("s"):
        w = w[:-1]
    for suffix in lex.fraction_suffixes:
        if not w.endswith(suffix) or len(w) == len(suffix):
            continue
        stem = w[: -len(suffix)]
        for ending in ("", *lex.fraction_stem_endings):
            den = _compound_cardinal(stem + ending)
            if den is not None and den > 1:
                return Fraction(1, den)
    return None


def _compound_cardinal(word: str) -> int | None:
    """A cardinal written as one word ("cientocinco", "dosmil", "treintaicinco"), or ``None``."""
    lex = lexicon()
    known = {*lex.small, *lex.thousands, *lex.scales}
    longest = max(len(k) for k in known)
    # the segmentations of every prefix: at most one per prefix (longest word first)
    parts: list[list[str] | None] = [None] * (len(word) + 1)
    parts[0] = []
    for i in range(len(word)):
        prefix = parts[i]
        if prefix is None:
            continue
        for j in range(min(len(word), i + longest), i, -1):
            piece = word[i:j]
            if parts[j] is None and (piece in known or (piece in lex.compound_and and prefix)):
                parts[j] = [*prefix, piece]
    words = parts[len(word)]
    if not words:
        return None
    if words[0] in lex.scales:
        one = next(w for w, v in lex.small.items() if v == 1)
        words = [one, *words]  # "millonésimo": one million
    parser = NumeralParser()
    for piece in words:
        if not parser.feed(
            next(iter(lex.and_words)) if piece in lex.compound_and else piece, "word"
        ):
            return None
    if not parser.complete() or parser.ratio or parser.decimals is not None:
        return None
    value = parser.value()
    return int(value) if value.denominator == 1 else None


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


_SPACES_RE = regex.compile(r"[\x20\u00a0\u2009\u202f\u200b\u2060\ufeff\u00ad]")


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


#: Apostrophes that group millions or thousands in Latin-American text ("2’450.000").
APOSTROPHES = "’'"
_APOSTROPHE_GROUP_RE = regex.compile(r"[’'](?!\d{3}(?![0-9]))")


def _without_apostrophes(s: str) -> str | None:
    """ "2’450.000" -> "2.450.000": each apostrophe becomes the thousands mark of the rest
    of the number (or nothing); ``None`` if one does not group three digits."""
    if _APOSTROPHE_GROUP_RE.search(s) is not None:
        return None
    tail = s[max(s.rfind(a) for a in APOSTROPHES) + 1 :]
    marks = [c for c in tail if c in ".,"]
    if not marks:
        mark = ""
    elif len(set(marks)) == 2 or len(marks) > 1:
        mark = marks[0]  # "2’450.000,50", "1’234.567.890": the first mark groups
    else:
        frac = tail.rpartition(marks[0])[2]
        mark = marks[0] if len(frac) == 3 else ("," if marks[0] == "." else ".")
    for a in APOSTROPHES:
        s = s.replace(a, mark)
    return s


def _unsigned_digits(
    s: str, decimal_mark: DecimalMark | None, doc_mark: DecimalMark | None
) -> Decimal | None:
    if "’" in s or "'" in s:  # APOSTROPHES
        grouped = _without_apostrophes(s)
        if grouped is None:
            return None
        s = grouped
    if any(sp in s for sp in GROUP_SPACES + INVISIBLE_GROUP_MARKS):
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


def tokenize(
    text: str, start: int = 0, end: int | None = None, *, spaces: bool = True
) -> Iterator[Token]:
    """Yield the tokens of ``text[start:end]`` with absolute offsets (linear time); with
    ``spaces=False``, not the space tokens between the others."""
    pattern = _TOKEN_RE if spaces else _SOLID_TOKEN_RE
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "other"
        yield Token(kind, m.group(), m.start(), m.end())


class State(enum.Enum):
    """The state of a :class:`NumeralParser`: what the last accepted item was."""

    START = "start"  # nothing yet
    DIGITS = "digits"  # "10.000"
    UNITS = "units"  # "tres", "ciento tres", "treinta y tres"
    TEENS = "teens"  # "quince", "veintidós"
    TENS = "tens"  # "treinta", "diez", "veinte" (a unit may follow after "y")
    HUNDREDS = "hundreds"  # "doscientos", "cien"
    THOUSAND = "thousand"  # "mil"
    SCALE = "scale"  # "millones"
    AND = "and"  # "y": a unit (after the tens) or "medio" must follow
    HALF_PREFIX = "half_prefix"  # "medio": a scale word must follow ("medio millón")
    HALF = "half"  # "y medio" (closes the numeral)
    FRACTION = "fraction"  # "dos tercios", "mitad" (closes the numeral)
    ABBREVIATION = "abbreviation"  # "5 M" (closes the numeral)
    WITH = "with"  # "con" or "y" before a fraction: "tres con un quinto", "cuatro y tres quintos"


#: The states of a block below a thousand written in words ("ciento veintitrés").
_WORD_BLOCK = frozenset({State.UNITS, State.TEENS, State.TENS, State.HUNDREDS})
#: After these, digits may follow: a new numeral, or the block below "mil" / a scale word.
_DIGITS_AFTER = frozenset({State.START, State.THOUSAND, State.SCALE})
#: After these, "y" may follow ("treinta y", "un millón y medio", "mil y medio").
_AND_AFTER = _WORD_BLOCK | {State.THOUSAND, State.SCALE}
#: After these, a decimal word may follow ("cuatro coma ocho", "mil punto cinco").
_DECIMAL_AFTER = _AND_AFTER
#: After these, a fraction may be added: "ciento tres con dos tercios", "cinco billones con
#: tres cuartos".
_WITH_AFTER = _AND_AFTER | {State.DIGITS}
#: After these, a fraction word may follow: "dos tercios", "cien milésimos".
_FRACTION_AFTER = _WORD_BLOCK | {State.THOUSAND, State.SCALE}


class _Slot(enum.Flag):
    """The filled parts of the current block below a thousand."""

    NONE = 0
    HUNDREDS = enum.auto()
    BARE_HUNDRED = enum.auto()  # "cien": no tens or units may follow
    TENS = enum.auto()
    TEENS = enum.auto()
    UNITS = enum.auto()
    DIGITS = enum.auto()


_BELOW_HUNDRED = _Slot.TENS | _Slot.TEENS | _Slot.UNITS


class NumeralParser:
    """Feed tokens one at a time; tracks the value of the longest complete numeral.

    The grammar is the one of written Spanish cardinals: a block below a
    thousand ("ciento veintitrés"), optionally times "mil", optionally times a
    long-scale word ("millones", "billones"), repeated with decreasing scales;
    digits may stand for a block ("2 mil 300 millones"); "y medio" adds half of
    the last scale; a fraction word after a block makes a ratio ("dos tercios").

    It is a state machine: ``state`` (a :class:`State`) is what the last accepted item
    was, and :meth:`feed` hands each token to the handler of its :class:`WordClass`,
    which accepts the token (and moves to a new state) or refuses it from that state.
    After a decimal word ("coma", "punto") the decimal part is read in words, digit by
    digit or as one block, until a scale word: ``decimals`` is then not ``None``, and
    ``state`` stays that of the integer part.
    """

    def __init__(
        self, decimal_mark: DecimalMark | None = None, doc_mark: DecimalMark | None = None
    ) -> None:
        self.lex = lexicon()
        self.decimal_mark = decimal_mark
        self.doc_mark = doc_mark
        self.state = State.START
        self.before_and = State.START  # the state "y" followed
        self.total = Fraction(0)  # completed scale groups
        self.group = Fraction(0)  # thousands part of the current scale group
        self.small = Fraction(0)  # the current block (< 1000, or a digit value)
        self.has_small = False
        self.slots = _Slot.NONE  # filled parts of the word block
        self.mil_seen = False  # "mil" used in the current scale group
        self.last_scale: int | None = None  # exponent of the last scale word
        self.closed = False  # nothing may follow (fraction, abbreviation, "y medio")
        self.words = 0
        self.ratio = False
        self.decimals: str | None = None  # digits after "coma"/"punto", read in words
        self.decimal_block: NumeralParser | None = None
        self._int_small = Fraction(0)
        #: The fraction being read after "con" (or "y" before a fraction), and its unit
        self.addend: NumeralParser | None = None
        self.addend_unit = Fraction(1)
        #: Whether inside the fraction after "con" ("un medio" is one half there)
        self.fraction_only = False
        #: Whether in the block after "mil y" / "millones y" ("dos mil y uno"), where no
        #: "mil" or scale may follow
        self.and_tail = False

    # -- results -----------------------------------------------------------
    def value(self) -> Fraction:
        """The value of what has been accepted so far."""
        if self.addend is not None:
            return self.total + self.group + self.small + self.addend.value() * self.addend_unit
        return self.total + self.group + self.small

    def hundreds_after_scale(self) -> Fraction | None:
        """The colloquial value when a bare hundreds word ends the numeral right after
        "millones" ("5 millones cuatrocientos": 5 400 000, the hundreds of thousands),
        else ``None``; whether the colloquial reading applies is the caller's choice."""
        if (
            self.state is not State.HUNDREDS
            or self.slots & ~_Slot.BARE_HUNDRED != _Slot.HUNDREDS
            or self.group
            or self.mil_seen
            or self.last_scale != _MILLION
            or self.addend is not None
            or self.decimals is not None
        ):
            return None
        return self.total + self.small * Fraction(10) ** (self.last_scale - 3)

    def complete(self) -> bool:
        """Whether what has been accepted so far is a whole numeral."""
        if self.addend is not None:
            return self.addend.ratio and self.addend.complete()
        if self.decimals is not None:
            return bool(self.decimals) or (
                self.decimal_block is not None and self.decimal_block.complete()
            )
        return self.state not in (State.START, State.AND, State.HALF_PREFIX)

    # -- the transition function ---------------------------------------------
    def feed(self, text: str, kind: str) -> bool:
        """Try to accept one token; return ``False`` (state unchanged) if it cannot follow."""
        if self.addend is not None:
            return self.addend.feed(text, kind)
        if self.closed:
            return False
        word_class: WordClass | None
        if kind == "num":
            w, word_class = text, WordClass.DIGITS
        elif kind == "word":
            w = fold(text.rstrip("."))
            word_class = self.lex.classes.get(w)
            if (
                word_class is WordClass.ABBREVIATION
                and w in self.lex.upper_case_abbreviations
                and not text.rstrip(".").isupper()
            ):
                return False  # "5 m" is five metres, "5 M" five million
            if word_class is None and fraction_word(w) is not None:
                word_class = WordClass.FRACTION  # "treintavos", "dosmilésimas"
        else:
            return False
        if self.decimals is not None and word_class is not WordClass.DIGITS:
            scale = word_class is WordClass.SCALE or (
                word_class is WordClass.THOUSAND and (self.decimals or self.decimal_block)
            )
            if not scale or not self.complete():
                return self._feed_decimal(w, text)
            # "cuatro coma ocho millones": the scale applies to the decimal number
            self._close_decimal_block()
            self.decimals = None
            self.decimal_block = None
        if word_class is None:
            return False
        return self._HANDLERS[word_class](self, w)

    def _feed_decimal(self, w: str, text: str) -> bool:
        """After "coma"/"punto": digit words one by one, or blocks read one after the other
        ("dos coma setecientos dieciocho veintiocho": 2,71828; "coma mil quinientos")."""
        assert self.decimals is not None
        if self.decimal_block is None and w in self.lex.units:
            self.decimals += str(self.lex.small[w])
            self._set_decimals(self.decimals)
            return True
        if w in self.lex.scales or (
            w in self.lex.thousands and (self.decimals or self.decimal_block)
        ):
            return False
        block = self.decimal_block or NumeralParser()
        if not block.feed(text, "word"):
            if self.decimal_block is None or not self.decimal_block.complete():
                return False
            # the block is over: the next one starts with this word
            self._close_decimal_block()
            block = NumeralParser()
            if not block.feed(text, "word"):
                return False
        if block.ratio or block.decimals is not None:
            return False
        self.decimal_block = block
        if block.complete():
            self._set_decimals(self.decimals + str(int(block.value())))
        return True

    def _set_decimals(self, digits: str) -> None:
        self.small = self._int_small + Fraction(int(digits), 10 ** len(digits))

    def _close_decimal_block(self) -> None:
        """Append the digits of a finished block of decimals to the digits read so far."""
        block = self.decimal_block
        if self.decimals is not None and block is not None and block.complete():
            self.decimals += str(int(block.value()))
        self.decimal_block = None

    def _reset_block(self) -> None:
        self.small = Fraction(0)
        self.has_small = False
        self.slots = _Slot.NONE

    def _accept(self, state: State) -> bool:
        """Move to ``state`` after a word."""
        self.state = state
        self.words += 1
        return True

    # -- one handler per word class ------------------------------------------
    def _digits(self, text: str) -> bool:
        """Digits open a numeral, or fill the block below "mil" or a scale word
        ("2 mil 300 millones", "485 mil 656")."""
        if self.state is State.AND and self.before_and is State.TENS and self._unit_digit(text):
            self.small += int(text)  # "cuarenta y 5"
            self.slots |= _Slot.UNITS
            self.state = State.UNITS
            return True
        if self.has_small or self.state not in _DIGITS_AFTER:
            return False
        value = parse_digits(text, self.decimal_mark, doc_mark=self.doc_mark)
        if value is None:
            return False
        if self.state is not State.START:
            if self.state is State.THOUSAND:
                limit = Fraction(1000)
            else:
                limit = Fraction(10) ** (self.last_scale or 0)
            if value != value.to_integral_value() or value >= limit or value < 0:
                return False
        self.small = Fraction(value)
        self.has_small = True
        self.slots = _Slot.DIGITS
        self.state = State.DIGITS
        return True

    @staticmethod
    def _unit_digit(text: str) -> bool:
        return len(text) == 1 and text.isdigit() and text != "0"

    def _hundred(self, w: str) -> bool:
        """ "ciento", "doscientas": opens a block."""
        if self.state is State.AND or self.has_small:
            return False
        self.small = Fraction(self.lex.small[w])
        self.has_small = True
        self.slots = _Slot.HUNDREDS
        if w in self.lex.bare_hundreds:
            self.slots |= _Slot.BARE_HUNDRED
        return self._accept(State.HUNDREDS)

    def _small(self, w: str) -> bool:
        """ "tres", "quince", "treinta": a block, or its tens or units after the hundreds;
        a unit after "treinta y"."""
        if self.state is State.AND:
            if self.before_and is State.TENS and w in self.lex.units:
                self.small += self.lex.small[w]
                self.slots |= _Slot.UNITS
                return self._accept(State.UNITS)
            if self.before_and in (State.THOUSAND, State.SCALE):
                if w in self.lex.zero_words:
                    return False
                self.and_tail = True  # "dos mil y uno", "un millón y veinte"
                self.state = self.before_and
            elif self.before_and in _WORD_BLOCK:
                return self._open_addend(w)  # "cuatro y tres quintos"
            else:
                return False
        if _Slot.BARE_HUNDRED in self.slots or (
            self.has_small and _Slot.HUNDREDS not in self.slots
        ):
            return False
        if self.slots & _BELOW_HUNDRED:
            return False
        if w in self.lex.zero_words and self.words:
            return False  # "cero" only opens a numeral
        val = self.lex.small[w]
        self.small += val
        self.has_small = True
        if w in self.lex.tens:
            self.slots |= _Slot.TENS
            return self._accept(State.TENS)
        if val < 10:
            self.slots |= _Slot.UNITS
            return self._accept(State.UNITS)
        self.slots |= _Slot.TEENS
        return self._accept(State.TEENS)

    def _thousand(self, w: str) -> bool:
        """ "mil": the block before it (or one) times a thousand, once per scale group."""
        if self.state is State.AND or self.mil_seen or self.and_tail:
            return False
        block = self.small if self.has_small else Fraction(1)
        self.group += block * 1000
        self._reset_block()
        self.mil_seen = True
        return self._accept(State.THOUSAND)

    def _scale(self, w: str) -> bool:
        """ "millones", "billones": closes a scale group; scales must decrease."""
        if self.state is State.AND or self.and_tail:
            return False
        exp = self.lex.scales[w]
        if self.last_scale is not None and exp >= self.last_scale:
            return False
        chunk = self.group + self.small
        if chunk == 0:
            if self.state is not State.HALF_PREFIX:
                return False
            chunk = self.small
        self.total += chunk * Fraction(10) ** exp
        self.group = Fraction(0)
        self._reset_block()
        self.mil_seen = False
        self.last_scale = exp
        return self._accept(State.SCALE)

    def _and(self, w: str) -> bool:
        """ "y": after the tens a unit may follow; after any other block or scale word,
        only "medio" ("un millón y medio")."""
        if self.state not in _AND_AFTER:
            return False
        self.before_and = self.state
        self.state = State.AND
        return True

    def _half(self, w: str) -> bool:
        """ "y medio" adds half of the last unit; "medio" first needs a scale word after it
        ("medio millón")."""
        if self.state is State.START:
            self.small = Fraction(1, 2)
            self.has_small = True
            self.slots = _Slot.UNITS
            return self._accept(State.HALF_PREFIX)
        if self.fraction_only and self.state is State.UNITS and self.words == 1 and self.small == 1:
            self.small = Fraction(1, 2)  # "uno con un medio"
            self.ratio = True
            self.closed = True
            return self._accept(State.FRACTION)
        if self.state is not State.AND:
            return False
        unit = Fraction(1)  # "tres y medio"
        if self.before_and is State.SCALE and self.last_scale is not None:
            unit = Fraction(10) ** self.last_scale
        elif self.before_and is State.THOUSAND:
            unit = Fraction(1000)
        self.total += unit / 2
        self.closed = True
        return self._accept(State.HALF)

    def _half_noun(self, w: str) -> bool:
        """ "mitad" alone: the ratio one half."""
        if self.state is not State.START:
            return False
        self.small = Fraction(1, 2)
        self.has_small = True
        self.ratio = True
        self.closed = True
        return self._accept(State.FRACTION)

    def _fraction(self, w: str) -> bool:
        """ "tercios", "treintavos" after a numeral in words: a ratio of the whole numeral
        ("dos tercios", "cien milésimos", "cien mil billonésimas")."""
        if self.state not in _FRACTION_AFTER or self.and_tail:
            return False
        fraction = fraction_word(w)
        whole = self.total + self.group + self.small
        if fraction is None or (whole > 1 and not w.endswith("s")):
            return False  # "dos millonésimo" is no fraction: two takes "millonésimos"
        self.small = whole * fraction
        self.total = self.group = Fraction(0)
        self.has_small = True
        self.ratio = True
        self.closed = True
        return self._accept(State.FRACTION)

    def _split_hundred(self, w: str) -> bool:
        """ "cientos" after a unit above one, written apart: "tres cientos dos" (302)."""
        if self.state is not State.UNITS or self.slots != _Slot.UNITS or self.small < 2:
            return False
        self.small *= self.lex.split_hundreds[w]
        self.slots = _Slot.HUNDREDS
        return self._accept(State.HUNDREDS)

    def _with(self, w: str) -> bool:
        """ "con" before a fraction: "ciento tres con dos tercios", "tres con un quinto"."""
        if self.state not in _WITH_AFTER or self.and_tail or self.fraction_only:
            return False  # a fraction takes no second one: "uno con uno con …" stays flat
        self.state = State.WITH
        self.words += 1
        self.addend = self._new_addend()
        return True

    def _new_addend(self) -> NumeralParser:
        self.addend_unit = Fraction(1)
        if self.state is State.WITH and self.last_scale is not None and not self.has_small:
            self.addend_unit = Fraction(10) ** self.last_scale  # "cinco billones con tres cuartos"
        addend = NumeralParser(self.decimal_mark, self.doc_mark)
        addend.fraction_only = True
        return addend

    def _open_addend(self, w: str) -> bool:
        """The first word of a fraction after "y": "cuatro y tres quintos"."""
        if self.fraction_only:
            return False
        self.state = State.WITH
        addend = self._new_addend()
        if not addend.feed(w, "word"):
            self.state = State.AND
            return False
        self.addend = addend
        return True

    def _abbreviation(self, w: str) -> bool:
        """ "M", "mdd", "k" after digits: a scale ("5 M€", "2.500 mdd")."""
        if self.state is not State.DIGITS:
            return False
        exp = self.lex.abbreviations[w]
        if self.last_scale is not None and exp >= self.last_scale:
            return False
        self.total += (self.group + self.small) * Fraction(10) ** exp
        self.group = Fraction(0)
        self._reset_block()
        self.last_scale = exp
        self.closed = True
        return self._accept(State.ABBREVIATION)

    def _decimal(self, w: str) -> bool:
        """ "coma", "punto" after a number in words: the decimal part follows in words
        ("cuatro coma ocho", "cuatro punto ocho": num2words' reading)."""
        digits_before = self.state is State.DIGITS and not self.total and not self.group
        if self.state not in _DECIMAL_AFTER and not (
            digits_before and self.small.denominator == 1  # "2 punto siete"
        ):
            return False
        self.decimals = ""
        self._int_small = self.small
        self.words += 1
        return True

    _HANDLERS: ClassVar[Mapping[WordClass, Callable[[NumeralParser, str], bool]]] = {
        WordClass.DIGITS: _digits,
        WordClass.HUNDRED: _hundred,
        WordClass.SMALL: _small,
        WordClass.THOUSAND: _thousand,
        WordClass.SCALE: _scale,
        WordClass.AND: _and,
        WordClass.HALF: _half,
        WordClass.HALF_NOUN: _half_noun,
        WordClass.FRACTION: _fraction,
        WordClass.ABBREVIATION: _abbreviation,
        WordClass.DECIMAL: _decimal,
        WordClass.SPLIT_HUNDRED: _split_hundred,
        WordClass.WITH: _with,
    }


def _strip_symbols(text: str) -> str:
    """Remove one currency or percent symbol at either end of ``text``."""
    s = text.strip()
    lex = lexicon()
    for sym in lex.prefix_symbols:
        if s.startswith(sym):
            s = s[len(sym) :].lstrip()
            break
    for sym in lex.suffix_symbols:
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
    lex = lexicon()
    if fold(article) in lex.half_noun_articles and fold(rest.strip()) in lex.half_nouns:
        body = rest  # "la mitad", "una mitad"
    if not body:
        return None
    sign: str | None = None  # a leading "+" or minus sign, once
    parser = NumeralParser(strict, None if strict else decimal_mark)
    if strict is None and decimal_mark is not None:
        parser.doc_mark = decimal_mark
    for tok in tokenize(body, spaces=False):
        if (
            tok.kind == "other"
            and tok.text in _SIGNS
            and parser.state is State.START
            and sign is None
        ):
            sign = tok.text
            continue
        if not parser.feed(tok.text, tok.kind):
            return None
    if not parser.complete():
        return None
    value = fraction_to_decimal(parser.value())
    return value.copy_negate() if sign is not None and sign in MINUS_SIGNS else value

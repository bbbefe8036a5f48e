"""One amount from a unit and what follows it (pure: no spaCy).

:func:`merge_subunits` runs on the claims :func:`numclaims.rules.claims.build_claims`
made, and joins a claim with a currency or measure unit to the figure after it:

- currency subunits: "15 dólares con 50" (15.50), "nueve dólares y treinta centavos"
  (9.30), "3 euros con 99 céntimos", "4 libras y 2 peniques", "15 USD 50";
- a scale word after a currency code: "75 USD millones" (75 000 000);
- "y medio" after a unit: "cuatro metros y medio" (4.5), "dos euros y medio".

The words live in ``lang/es/numbers.json`` (``currency_subunits``); the scale words are
those of the numeral grammar. Every match looks at a bounded window after the claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..lang import table
from .numerals import exact_mul, fraction_to_decimal, lexicon
from .patterns import any_of
from .text import fold

if TYPE_CHECKING:
    from .claims import Draft

__all__ = ["merge_subunits"]

_BLANKS = r"[ \t\u00a0]"
#: The gap between an amount and its subunits: " ", " y ", " con " (12 characters at most).
_MAX_GAP = 12


@lru_cache(maxsize=1)
def _subunits() -> dict[str, int]:
    """Subunit word (folded) -> how many make one unit: "centavos" 100."""
    return {fold(k): int(v) for k, v in table("numbers")["currency_subunits"].items()}


@lru_cache(maxsize=1)
def _gap_re() -> regex.Pattern[str]:
    lex = lexicon()
    joiners = any_of([*lex.and_words, *table("numbers")["decimal_joiners"]])
    return regex.compile(rf"{_BLANKS}++(?:(?P<j>{joiners}){_BLANKS}++)?", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _scale_re() -> regex.Pattern[str]:
    """A scale word right after an amount: " millones", " mil millones"."""
    lex = lexicon()
    scales = any_of(lex.scales)
    thousands = any_of(lex.thousands)
    return regex.compile(
        rf"{_BLANKS}++(?P<t>(?:{thousands}){_BLANKS}++)?(?P<s>{scales})(?![\p{{L}}\p{{N}}])",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _half_re() -> regex.Pattern[str]:
    """ " y medio", " y media" after a unit."""
    lex = lexicon()
    return regex.compile(
        rf"{_BLANKS}++(?:{any_of(lex.and_words)}){_BLANKS}++(?:{any_of(lex.half_words)})"
        r"(?![\p{L}\p{N}])",
        regex.IGNORECASE,
    )


def _integral(value: Decimal | None) -> bool:
    return value is not None and value == value.to_integral_value() and value >= 0


def _unit_after(d: Draft) -> bool:
    """Whether the claim ends with its unit written after the number ("15 dólares")."""
    return d.unit_span is not None and d.unit_span[1] == d.end and not d.implicit_unit


def _subunit_of(d: Draft) -> int | None:
    """How many of the claim's unit make one whole, when its unit is a subunit word."""
    if d.unit is None or d.implicit_unit:
        return None
    return _subunits().get(fold(str(d.unit.get("text", ""))))


def _with_subunits(text: str, a: Draft, b: Draft) -> Draft | None:
    """ "15 dólares con 50", "nueve dólares y treinta centavos": one amount, or ``None``."""
    if a.kind != "money" or a.unit is None or a.unit.get("kind") != "currency":
        return None
    if a.qualifier == "range":
        return None
    per = _subunit_of(b)
    cents = b.value
    if per is not None and b.unit is not None and b.unit.get("code") == a.unit.get("code"):
        # the units read "treinta centavos" as 0.30 of the amount's currency already
        cents = exact_mul(b.value, Decimal(per)) if b.value is not None else None
    if not _integral(a.value) or not _integral(cents) or b.value_min is not None:
        return None
    if b.start - a.end > _MAX_GAP:
        return None
    gap = _gap_re().fullmatch(text, a.end, b.start)
    if gap is None:
        return None
    if per is None:
        if b.unit is not None and not b.implicit_unit:
            return None  # "15 dólares y 20 euros", "15 dólares y 20 personas", "30 € 20 personas"
        digits = b.text.strip()
        if gap.group("j") is None and not (digits.isdigit() and len(digits) == 2):
            return None  # "15 USD 50": two digits of cents, written bare
        per = 100
        end = b.end
    else:
        end = b.end if b.unit_span is None else max(b.end, b.unit_span[1])
    assert a.value is not None and cents is not None
    if cents >= per:
        return None
    value = Fraction(a.value) + Fraction(cents) / per
    return replace(
        a,
        end=end,
        text=text[a.start : end],
        value=fraction_to_decimal(value),
        in_words=a.in_words or b.in_words,
    )


def _scaled(text: str, a: Draft) -> Draft | None:
    """ "75 USD millones": the scale word after a currency code applies to the amount."""
    if a.kind != "money" or not _unit_after(a) or a.value is None:
        return None
    if a.qualifier == "range":
        return None
    lex = lexicon()
    if any(fold(w) in lex.scales or fold(w) in lex.thousands for w in a.text.split()):
        return None
    m = _scale_re().match(text, a.end, a.end + 24)
    if m is None:
        return None
    exp = lex.scales[fold(m.group("s"))] + (3 if m.group("t") else 0)
    value = exact_mul(a.value, 10**exp)
    return replace(a, end=m.end(), text=text[a.start : m.end()], value=value)


def _and_half(text: str, a: Draft) -> Draft | None:
    """ "cuatro metros y medio" (4.5), "dos euros y medio": half a unit more."""
    if a.unit is None or a.unit.get("kind") not in ("currency", "physical"):
        return None
    if not _unit_after(a) or a.value is None or a.value < 0:
        return None
    m = _half_re().match(text, a.end, a.end + 16)
    if m is None:
        return None
    # the scanner already added the half of "y medio" to a number read in words
    # ("dos euros y medio" is 2.5 there): the claim only takes in its words
    value = a.value + Decimal("0.5") if _integral(a.value) else a.value
    if value != value.to_integral_value() + Decimal("0.5"):
        return None
    return replace(a, end=m.end(), text=text[a.start : m.end()], value=value, in_words=True)


def merge_subunits(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """Join each claim with a unit to the subunits, scale word or half after it.

    Args:
        text: The text the claims were found in.
        drafts: The claims of :func:`~numclaims.rules.claims.build_claims`, in text order.

    Returns:
        The claims, each merged claim in place of the two it joins.
    """
    out: list[Draft] = []
    i = 0
    while i < len(drafts):
        a = drafts[i]
        if out and a.start < out[-1].end:
            i += 1  # the "millones" of "75 USD millones", merged already
            continue
        b = drafts[i + 1] if i + 1 < len(drafts) else None
        merged = _with_subunits(text, a, b) if b is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
            continue
        out.append(_scaled(text, a) or _and_half(text, a) or a)
        i += 1
    return out

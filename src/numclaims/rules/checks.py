"""Figures that do not add up: arithmetic checks of what a text states (pure: no spaCy).

Each check is a plain dict with ``kind``, ``ok`` and what was computed, as exact
Decimal strings. A stated figure is taken as rounded to its last written digit: "46 %"
for 45,71 % is consistent (``tolerance`` ``0.5``), "20 %" for 50 % is not.

Example:
    >>> from decimal import Decimal as D
    >>> check_delta(D(70), D(102), D(32), points=True)["ok"]
    True
    >>> c = check_relative(D(100), D(150), D(20))
    >>> c["ok"], c["computed"]
    (False, '50')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from ..claim import plain_decimal

__all__ = [
    "check_delta",
    "check_factor",
    "check_parts",
    "check_relative",
    "check_shares",
    "tolerance",
]


def tolerance(stated: Decimal) -> Decimal:
    """Half a unit of the last digit ``stated`` was written with (0.5 for "32", 0.05 for
    "45,7"); 0 for a value that is not finite."""
    if not stated.is_finite():
        return Decimal(0)
    exp = stated.as_tuple().exponent
    if not isinstance(exp, int):
        return Decimal(0)
    return Decimal(5).scaleb(exp - 1)


def _s(x: Decimal) -> str:
    return plain_decimal(x)


def _close(computed: Decimal, stated: Decimal) -> bool:
    try:
        return abs(computed - stated) <= tolerance(stated)
    except InvalidOperation:
        return False


def _finite(*xs: Decimal) -> bool:
    return all(x.is_finite() for x in xs)


def check_delta(
    from_value: Decimal, to_value: Decimal, stated: Decimal, *, points: bool = False
) -> dict[str, Any]:
    """A stated absolute change ("en 32 puntos") against its ends ("del 70 al 102 %").

    The sign of ``stated`` is its direction (a fall is negative); a stated size without
    a sign is compared by its size.
    """
    if not _finite(from_value, to_value, stated):
        return {"kind": "change_delta", "ok": False, "reason": "not a finite number"}
    computed = to_value - from_value
    ok = _close(computed, stated) or (stated >= 0 and _close(abs(computed), stated))
    return {
        "kind": "change_delta",
        "ok": ok,
        "from_value": _s(from_value),
        "to_value": _s(to_value),
        "computed": _s(computed),
        "stated": _s(stated),
        "unit": "pp" if points else None,
        "tolerance": _s(tolerance(stated)),
    }


def check_relative(
    from_value: Decimal, to_value: Decimal, stated_percent: Decimal
) -> dict[str, Any]:
    """A stated relative change ("un 20 %") against its ends ("de 100 a 150": 50 %)."""
    if not _finite(from_value, to_value, stated_percent):
        return {"kind": "change_relative", "ok": False, "reason": "not a finite number"}
    if from_value == 0:
        return {"kind": "change_relative", "ok": False, "reason": "the start is zero"}
    f = (Fraction(to_value) - Fraction(from_value)) / Fraction(from_value) * 100
    computed = Decimal(f.numerator) / Decimal(f.denominator)
    ok = _close(computed, stated_percent) or (
        stated_percent >= 0 and _close(abs(computed), stated_percent)
    )
    return {
        "kind": "change_relative",
        "ok": ok,
        "from_value": _s(from_value),
        "to_value": _s(to_value),
        "computed": _s(computed),
        "computed_fraction": str(f),
        "stated": _s(stated_percent),
        "unit": "%",
        "tolerance": _s(tolerance(stated_percent)),
    }


def check_factor(base: Decimal, value: Decimal, factor: Decimal, *, kind: str) -> dict[str, Any]:
    """A stated factor ("se triplicó", "el doble que", "la mitad de esa cantidad") against
    the two figures it relates: ``value`` should be ``factor`` times ``base``."""
    if not _finite(base, value, factor):
        return {"kind": kind, "ok": False, "reason": "not a finite number"}
    implied = base * factor
    ok = _close(implied, value) or _close(value, implied)
    out: dict[str, Any] = {
        "kind": kind,
        "ok": ok,
        "base": _s(base),
        "factor": _s(factor),
        "implied": _s(implied),
        "stated": _s(value),
    }
    if base != 0:
        f = Fraction(value) / Fraction(base)
        out["computed_factor"] = _s(Decimal(f.numerator) / Decimal(f.denominator))
    return out


def check_parts(total: Decimal, parts: Sequence[Decimal]) -> dict[str, Any]:
    """Parts against their stated total ("1.200 millones …, de ellos 800, 300 y 100"):
    consistent when they add up to the total at most (``complete`` when exactly)."""
    if not _finite(total, *parts):
        return {"kind": "parts_total", "ok": False, "reason": "not a finite number"}
    total_parts = sum(parts, Decimal(0))
    return {
        "kind": "parts_total",
        "ok": total_parts <= total + tolerance(total),
        "total": _s(total),
        "parts": [_s(p) for p in parts],
        "parts_sum": _s(total_parts),
        "remainder": _s(total - total_parts),
        "complete": total_parts == total,
    }


def check_shares(shares: Sequence[Decimal], whole: Decimal = Decimal(100)) -> dict[str, Any]:
    """Percentages of one whole: they cannot add up to more than 100 %."""
    if not _finite(*shares):
        return {"kind": "shares_of_whole", "ok": False, "reason": "not a finite number"}
    total = sum(shares, Decimal(0))
    return {
        "kind": "shares_of_whole",
        "ok": total <= whole,
        "shares": [_s(p) for p in shares],
        "sum": _s(total),
        "excess": _s(max(total - whole, Decimal(0))),
    }

"""The type of a whole claim text: ``numclaims.claim_type(text)`` (QuanTemp taxonomy).

Example:
    >>> import numclaims
    >>> numclaims.claim_type("El paro bajó del 14 % al 11 % en dos años.")
    'comparison'
    >>> numclaims.claim_type("La foto es del 3 de mayo de 2021.")
    'temporal'
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .rules.claim_types import CLAIM_TYPES, classify

__all__ = ["CLAIM_TYPES", "claim_type", "claim_type_evidence"]


def claim_type(text: str, *, reference_date: date | None = None) -> str:
    """The QuanTemp type of a whole claim text: ``statistical``, ``temporal``,
    ``interval`` or ``comparison`` (no spaCy needed)."""
    return classify(text, reference_date=reference_date).claim_type


def claim_type_evidence(text: str, *, reference_date: date | None = None) -> dict[str, Any]:
    """The type and the evidence for it: ``{"claim_type": …, "evidence": [...]}`` (the
    changes, comparisons, ranges, periods, dates or figures it was derived from)."""
    return classify(text, reference_date=reference_date).to_dict()

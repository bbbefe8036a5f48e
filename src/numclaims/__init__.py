"""numclaims: numeric claims in Spanish news text.

>>> import numclaims
>>> numclaims.parse_number("un millón y medio")
Decimal('1500000')

:func:`extract`, :func:`load`, :func:`render` and the spaCy component need
spaCy and are imported on first use, so that the numeral layer stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .claim import CLAIM_KEYS, Claim
from .rules.numerals import detect_decimal_mark, parse_number

if TYPE_CHECKING:
    from .api import extract, extract_numbers, load
    from .claim_types import claim_type
    from .outputs.rendering import render
    from .pipeline.component import NumClaims, annotate
    from .pipeline.guard import guard_tokenizer

__version__ = "0.1.0"

__all__ = [
    "CLAIM_KEYS",
    "Claim",
    "NumClaims",
    "__version__",
    "annotate",
    "claim_type",
    "detect_decimal_mark",
    "extract",
    "extract_numbers",
    "guard_tokenizer",
    "load",
    "parse_number",
    "render",
]

_LAZY = {
    "claim_type": "claim_types",
    "extract": "api",
    "extract_numbers": "api",
    "load": "api",
    "NumClaims": "pipeline.component",
    "annotate": "pipeline.component",
    "guard_tokenizer": "pipeline.guard",
    "render": "outputs.rendering",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'numclaims' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value

"""atheris target: ``numclaims.parse_number`` never raises on a str.

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_parse_number.py fuzz/corpus -max_total_time=300 -max_len=256

For every locale, and with each document-level decimal mark, the result is a
finite :class:`~decimal.Decimal` or ``None``; anything else, or any exception,
is a crash. ``detect_decimal_mark`` gives ``"."``, ``","`` or ``None``. Inputs
map to text as in ``fuzz_extract.py``.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Literal

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

from instrument import import_numclaims

numclaims = import_numclaims()

import invariants  # noqa: E402

MARKS: tuple[Literal[".", ","], ...] = (".", ",")


def test_one_input(data: bytes) -> None:
    """The libFuzzer entry point: check one input."""
    text = invariants.text_of(data)
    invariants.check_parse_number(text)
    for mark in MARKS:
        value = numclaims.parse_number(text, decimal_mark=mark)
        assert value is None or (isinstance(value, Decimal) and value.is_finite()), (
            f"parse_number({text!r}, decimal_mark={mark!r}) returned {value!r}"
        )
    found = numclaims.detect_decimal_mark(text)
    assert found in (None, ".", ","), f"detect_decimal_mark({text!r}) = {found!r}"


def main() -> None:
    """Run libFuzzer with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

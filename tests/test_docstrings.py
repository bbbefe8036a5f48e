"""The examples in the docstrings of the installed package run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import numclaims

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(numclaims.__path__, "numclaims.")
    if m.name != "numclaims.__main__"  # runs the CLI when imported
)


def test_every_module_of_every_subpackage_is_there() -> None:
    assert {"numclaims.rules.numerals", "numclaims.pipeline.component", "numclaims.lang"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"

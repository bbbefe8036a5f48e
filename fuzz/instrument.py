"""Import numclaims, every module of it, under atheris' coverage instrumentation."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import atheris


def import_numclaims() -> ModuleType:
    """Import ``numclaims`` and all its submodules instrumented; return the package.

    numclaims imports its spaCy layer lazily: importing every module here, inside the
    instrumentation, lets coverage guide the fuzzer through all of them.
    """
    with atheris.instrument_imports(include=["numclaims"]):
        import numclaims

        for info in pkgutil.walk_packages(numclaims.__path__, "numclaims."):
            if info.name != "numclaims.__main__":  # that one runs the command line
                importlib.import_module(info.name)
    return numclaims

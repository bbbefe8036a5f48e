"""Replay every input of ``fuzz/crashers/`` through the fuzzers' invariant check.

A crasher is the text of an input that once broke an invariant (found by
``fuzz/fuzz_extract.py``, the property tests or by hand), saved with
``python fuzz/replay.py --save NAME crash-…`` (see ``fuzz/README.md``). A crasher
whose bug is still open is listed in :data:`OPEN_BUGS` and expected to fail
(``xfail(strict=True)``): when the bug is fixed the test passes unexpectedly,
which fails the run until its entry is removed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from spacy.language import Language

import numclaims

ROOT = Path(__file__).resolve().parents[1]
CRASHERS = ROOT / "fuzz" / "crashers"

#: Crashers of bugs not fixed yet: file name -> what goes wrong.
OPEN_BUGS: dict[str, str] = {}


def _load_invariants() -> ModuleType:
    name = "numclaims_fuzz_invariants"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "fuzz" / "invariants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


inv = _load_invariants()


def _cases() -> list[Any]:
    files = sorted(CRASHERS.glob("*.txt")) if CRASHERS.is_dir() else []
    return [
        pytest.param(
            path,
            id=path.stem,
            marks=[pytest.mark.xfail(strict=True, reason=OPEN_BUGS[path.name])]
            if path.name in OPEN_BUGS
            else [],
        )
        for path in files
    ]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return numclaims.load("blank")


def test_open_bugs_name_existing_crashers() -> None:
    missing = [name for name in OPEN_BUGS if not (CRASHERS / name).exists()]
    assert not missing, f"OPEN_BUGS lists crashers that are not in fuzz/crashers/: {missing}"


@pytest.mark.parametrize("path", _cases())
def test_crasher_keeps_the_invariants(nlp: Language, path: Path) -> None:
    text = inv.read_crasher(path)
    inv.check_extract(text, nlp)
    inv.check_parse_number(text)

"""The language data: one loader, a declared schema, read-only tables, no dead keys."""

from __future__ import annotations

import ast
import json
from importlib import resources
from pathlib import Path

import pytest

from numclaims import lang
from numclaims.lang import SCHEMA, LanguageDataError, table


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_each_file_matches_its_schema_and_is_read_only(name: str) -> None:
    data = table(name)
    assert set(data) == set(SCHEMA[name])
    key = next(iter(data))
    with pytest.raises(TypeError):
        data[key] = None  # type: ignore[index]
    for value in data.values():
        assert not isinstance(value, (list, dict))  # frozen all the way down


def _raw(name: str) -> dict[str, object]:
    text = resources.files("numclaims.lang").joinpath("es").joinpath(f"{name}.json").read_text()
    data: dict[str, object] = json.loads(text)
    return data


@pytest.mark.parametrize("name", sorted(SCHEMA))
def test_a_missing_unknown_or_mistyped_key_is_refused(name: str) -> None:
    raw = _raw(name)
    lang._check(name, raw)  # the real file passes
    first = next(k for k in raw if not k.startswith("_"))
    with pytest.raises(LanguageDataError, match="missing"):
        lang._check(name, {k: v for k, v in raw.items() if k != first})
    with pytest.raises(LanguageDataError, match="unknown"):
        lang._check(name, {**raw, "no_such_key": []})
    with pytest.raises(LanguageDataError, match="must be a JSON"):
        lang._check(name, {**raw, first: 42})


def test_an_unknown_file_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no language data file"):
        table("colours")


RULES = Path(lang.__file__).resolve().parents[1] / "rules"


def _keys_read(path: Path) -> set[tuple[str, str]]:
    """``(file, key)`` of every ``table("file")[...]["key"]`` read in a rules module: the
    string constants of the module that are keys of the files it loads."""
    tree = ast.parse(path.read_text("utf-8"))
    files = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "table"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    consts = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return {(f, k) for f in files for k in SCHEMA.get(f, ()) if k in consts}


def test_every_key_is_read_by_some_rule() -> None:
    read: set[tuple[str, str]] = set()
    for path in RULES.glob("*.py"):
        read |= _keys_read(path)
    declared = {(name, key) for name, keys in SCHEMA.items() for key in keys}
    assert declared - read == set()

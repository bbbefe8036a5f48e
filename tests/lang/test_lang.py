"""The language data: one loader, a declared schema, read-only tables, no dead keys."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

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


_RUN = """
import json, numclaims
from numclaims.lang import unread_keys
from numclaims.cli import sample_text
nlp = numclaims.load("blank")
texts = [sample_text(), "El 40 % de los hogares, según el INE, dijo Ana Ruiz, ganó 2 M€."]
for text in texts:
    numclaims.extract(text, nlp=nlp)
print(json.dumps(sorted(unread_keys())))
"""


def test_every_key_is_read_by_some_rule() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _RUN], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout) == []

"""The layout is the architecture: the rules import no spaCy, and only the spaCy layer does."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "numclaims"

_BLOCKED = """
import importlib, json, pkgutil, sys

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "spacy" or name.startswith(("spacy.", "thinc")):
            raise ImportError(f"spaCy is blocked: {name}")
        return None

sys.meta_path.insert(0, Blocker())
import numclaims.rules
names = sorted(m.name for m in pkgutil.iter_modules(numclaims.rules.__path__))
for name in names:
    importlib.import_module(f"numclaims.rules.{name}")
import numclaims.lang
from numclaims.rules.claims import find_claims
from numclaims.rules.speakers import Speakers
from numclaims.rules.subjects import Subjects
from numclaims.rules.tokens import TokenTable
text = "La ministra Ana Ruiz dijo que al menos 10.000 hogares recibirán 300 euros."
drafts = find_claims(text)
table = TokenTable.from_text(text)
spans = [(0, len(text))]
out = [
    (d.text, Subjects(table).find(d.start, d.end, sentences=spans),
     Speakers(table).find(d.start, d.end, sentences=spans))
    for d in drafts
]
print(json.dumps({"modules": names, "claims": out, "spacy": "spacy" in sys.modules}))
"""


def test_the_rules_import_and_run_with_spacy_blocked() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _BLOCKED], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert result["spacy"] is False
    assert {"numerals", "scanner", "units", "subjects", "speakers", "claims", "tokens"} <= set(
        result["modules"]
    )
    claims = {text: (subject, speaker) for text, subject, speaker in result["claims"]}
    assert set(claims) == {"10.000", "300 euros"}
    subject, speaker = claims["10.000"]
    assert subject is not None and subject["text"] == "hogares"
    assert speaker is not None and speaker["name"] == "Ana Ruiz"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("folder", ["rules", "lang"])
def test_no_rules_module_names_spacy(folder: str) -> None:
    for path in (PACKAGE / folder).rglob("*.py"):
        assert not {m for m in _imports(path) if m.split(".")[0] in ("spacy", "thinc")}, path


_WORD = re.compile(r"[a-záéíóúüñ]+(?: [a-záéíóúüñ]+)*")
#: Literal tuples of lowercase names that are not Spanish words: export lists, labels.
_NOT_WORDS = {"__all__"}


def _word_lists(path: Path) -> list[str]:
    """Literal lists, tuples and sets of three or more lowercase words in ``path``."""
    tree = ast.parse(path.read_text("utf-8"))
    skip = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(getattr(t, "id", None) in _NOT_WORDS for t in getattr(node, "targets", []))
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and id(node) not in skip:
            words = [
                e.value
                for e in node.elts
                if isinstance(e, ast.Constant)
                and isinstance(e.value, str)
                and _WORD.fullmatch(e.value)
            ]
            if len(words) >= 3:
                found.append(f"{path.name}:{node.lineno}: {words[:5]}")
    return found


def test_no_word_list_lives_in_the_rules_code() -> None:
    """Spanish words live in numclaims/lang; the rules hold none (labels aside)."""
    labels = {
        *("approx", "at_least", "at_most", "more_than", "less_than", "range"),
        *("asserted", "hedged", "negated"),
        *("year", "date", "time", "ordinal", "phone", "identifier", "article", "number"),
        *("quantity", "money", "percent", "ratio", "vague", "duration", "age"),  # claim kinds
        *("units", "teens", "twenties", "tens", "hundreds"),  # keys of lang/es/numbers.json
        *("comparison", "interval", "temporal", "statistical"),  # claim types
    }
    found = [
        entry
        for path in sorted((PACKAGE / "rules").glob("*.py"))
        for entry in _word_lists(path)
        if not set(ast.literal_eval(entry.split(": ", 1)[1])) <= labels
    ]
    assert found == []

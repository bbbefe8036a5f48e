"""The bundled sample's claims are the frozen ones of ``tests/golden/`` (see tools/golden.py).

A change that means to alter them regenerates the files with
``python tools/golden.py write tests/golden --sample-only`` and says why in the CHANGELOG.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

import numclaims
from numclaims.cli import sample_text

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("pipeline", "fixture"), [("blank", "blank_nlp"), ("es_core_news_sm", "trained_nlp")]
)
def test_sample_claims_are_the_frozen_ones(
    pipeline: str, fixture: str, request: pytest.FixtureRequest
) -> None:
    nlp: Language = request.getfixturevalue(fixture)
    frozen = json.loads((GOLDEN / f"sample_es.{pipeline}.jsonl").read_text("utf-8"))
    claims = [c.to_dict() for c in numclaims.extract(sample_text(), nlp=nlp)]
    assert len(frozen) > 10
    assert claims == frozen

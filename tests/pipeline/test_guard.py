"""The tokenizer guard: the same tokens on ordinary text, bounded pieces on long runs."""

from __future__ import annotations

from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import numclaims
from numclaims.pipeline.guard import MAX_RUN, GuardedTokenizer, guard_tokenizer, long_runs

NEWS = (
    "El paro bajó al 12,5 % en marzo (según el INE), y «al menos 300.000 personas» "
    'buscaron empleo; ¡un récord! El ministro dijo: "Hay 2,8 millones de parados".'
)


def _guarded() -> Language:
    nlp = spacy.blank("es")
    guard_tokenizer(nlp)
    nlp.add_pipe("numclaims")
    return nlp


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from([NEWS, " ", "\n", "«", '"', "(", "¡", "10 €", "🙂", "-", "1.234,5"]),
        max_size=40,
    )
)
def test_same_tokens_as_the_wrapped_tokenizer_without_long_runs(parts: list[str]) -> None:
    text = "".join(parts)
    raw = spacy.blank("es").tokenizer
    guarded = GuardedTokenizer(spacy.blank("es").tokenizer)
    assert not list(long_runs(text))  # the parts are short: no run reaches MAX_RUN
    assert [(t.text, t.whitespace_) for t in guarded(text)] == [
        (t.text, t.whitespace_) for t in raw(text)
    ]


def test_a_long_run_is_tokenized_in_pieces_and_keeps_the_text() -> None:
    nlp = _guarded()
    for char in ['"', "¡", "(", "🙂", "!"]:
        text = f"Según el INE, {char * (5 * MAX_RUN + 17)} el paro afecta a 2,8 millones."
        doc = nlp(text)
        assert doc.text == text
        assert max(len(t.text) for t in doc) <= MAX_RUN
        assert [c.text for c in doc._.claims] == ["2,8 millones"]


def test_guarding_twice_wraps_once() -> None:
    nlp = spacy.blank("es")
    guard_tokenizer(nlp)
    inner = nlp.tokenizer
    assert guard_tokenizer(nlp) is nlp and nlp.tokenizer is inner


def test_a_saved_guarded_pipeline_loads_guarded(tmp_path: Path) -> None:
    nlp = _guarded()
    nlp.to_disk(tmp_path / "guarded")
    back = spacy.load(tmp_path / "guarded")
    assert isinstance(back.tokenizer, GuardedTokenizer)
    text = '"' * 3000 + " y 10 euros"
    assert [c.text for c in back(text)._.claims] == ["10 euros"]


def test_the_config_form() -> None:
    config = spacy.blank("es").config
    config["nlp"]["tokenizer"] = {"@tokenizers": "numclaims.GuardedTokenizer.v1"}
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert isinstance(nlp.tokenizer, GuardedTokenizer)
    assert [t.text for t in nlp("Cuesta 10 €.")] == ["Cuesta", "10", "€", "."]


def test_the_package_exports_it() -> None:
    assert numclaims.guard_tokenizer is guard_tokenizer

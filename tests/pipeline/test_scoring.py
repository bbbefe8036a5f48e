"""``nlp.evaluate`` on converted annotated sentences, against the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.training import Example

from numclaims.evaluation import read_annotations, to_docbin, to_example, to_examples
from numclaims.pipeline.scoring import GOLD_ATTR

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCORER = SHARED / "eval" / "scoring" / "score_claims.py"
DEV2 = SHARED / "eval" / "dev2_claims_es.jsonl"


def _shared_scorer() -> ModuleType:
    if not SCORER.exists() or not DEV2.exists():
        pytest.skip(f"shared scorer not available ({SCORER}); it lives beside the repository")
    sys.path.insert(0, str(SCORER.parent))
    spec = importlib.util.spec_from_file_location("numclaims_shared_score_claims", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("with_context", [False, True])
def test_evaluate_agrees_with_the_shared_scorer(
    blank_nlp: Language, tmp_path: Path, with_context: bool
) -> None:
    scorer = _shared_scorer()
    records = read_annotations(DEV2)[:40]
    sample = tmp_path / "dev.jsonl"
    sample.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    adapter = scorer.NumclaimsAdapter(model="blank", with_context=with_context)
    result = scorer.run_file(str(sample), adapter, "optional", 0)
    expected = scorer.metrics(scorer.total_counts(result["counts"]), adapter.fields)

    scores = blank_nlp.evaluate(to_examples(blank_nlp, sample, with_context=with_context))

    assert expected["tp"] > 30
    assert scores["claims_p"] == pytest.approx(expected["precision"])
    assert scores["claims_r"] == pytest.approx(expected["recall"])
    assert scores["claims_f"] == pytest.approx(expected["f1"])
    for field in ("value", "unit", "qualifier", "speaker"):
        assert scores[f"claims_{field}_acc"] == pytest.approx(expected[field]), field


def test_scores_count_misses_and_false_positives(blank_nlp: Language) -> None:
    text = "Llegaron 300 personas y el 5 % se fue el 12 de mayo."
    record: dict[str, Any] = {
        "text": text,
        "claims": [
            # found, with the wrong qualifier
            {"start": 9, "end": 12, "kind": "quantity", "value": 300, "qualifier": "approx",
             "unit": "persona", "speaker": None},
            # missed: not in the text as a claim numclaims makes (an invented target)
            {"start": 0, "end": 8, "kind": "quantity", "value": 1, "unit": "x"},
            # a date: a claim predicted on it would be a false positive
            {"start": 41, "end": 51, "kind": "date", "value": None},
        ],
    }  # fmt: skip
    scores = blank_nlp.evaluate([to_example(blank_nlp, record)])
    # predicted: 300 personas (tp), 5 % (fp: not annotated)
    assert scores["claims_p"] == pytest.approx(1 / 2)
    assert scores["claims_r"] == pytest.approx(1 / 2)
    assert scores["claims_f"] == pytest.approx(1 / 2)
    assert scores["claims_per_type"]["percent"] == {"p": 0.0, "r": None, "f": None}
    assert scores["claims_value_acc"] == 1.0
    assert scores["claims_unit_acc"] == 1.0
    assert scores["claims_qualifier_acc"] == 0.0
    assert scores["claims_speaker_acc"] == 1.0


def test_span_group_only_references_score_detection(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Costó 20 euros y pesaba 3 kg.")
    reference = blank_nlp.make_doc(doc.text)
    span = reference.char_span(6, 14, label="money")
    assert span is not None
    reference.spans["numclaims"] = [span]
    scores = blank_nlp.evaluate([Example(doc, reference)])
    assert (scores["claims_p"], scores["claims_r"]) == (0.5, 1.0)
    assert scores["claims_value_acc"] is None


def test_docbin_round_trip_keeps_the_gold(blank_nlp: Language, tmp_path: Path) -> None:
    record = {
        "text": "Al menos 2.500 personas marcharon.",
        "claims": [{"start": 9, "end": 14, "kind": "quantity", "value": 2500,
                    "qualifier": "at_least", "unit": "persona", "speaker": None}],
    }  # fmt: skip
    path = tmp_path / "dev.spacy"
    to_docbin(blank_nlp, [record]).to_disk(path)
    docs = list(DocBin().from_disk(path).get_docs(blank_nlp.vocab))
    assert [s.text for s in docs[0].spans["numclaims"]] == ["2.500"]
    assert docs[0]._.get(GOLD_ATTR)["claims"][0]["qualifier"] == "at_least"
    examples = [Example(blank_nlp.make_doc(d.text), d) for d in docs]
    scores = blank_nlp.evaluate(examples)
    assert scores["claims_f"] == 1.0
    assert scores["claims_qualifier_acc"] == 1.0


def test_score_weights_reach_the_pipeline() -> None:
    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims")
    weights = nlp.config["training"]["score_weights"]
    assert weights["claims_f"] == 1.0
    assert weights["claims_p"] == 0.0


def test_read_annotations_refuses_other_json(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "sin claims"}\n', "utf-8")
    with pytest.raises(ValueError, match=r"x\.jsonl:1"):
        read_annotations(path)

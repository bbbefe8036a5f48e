"""The benchmark's smoke mode runs and writes real figures (``python -m benchmarks --smoke``)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not (ROOT / "benchmarks" / "__main__.py").exists():
        pytest.skip("benchmarks/ is not in this checkout")
    out = tmp_path_factory.mktemp("bench")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (out / "smoke.md").read_text("utf-8").startswith("## Results")
    svg = (out / "benchmarks_throughput.svg").read_text("utf-8")
    assert svg.startswith("<svg") and "numclaims (blank)" in svg and "tokenizer" in svg
    return json.loads((out / "smoke.json").read_text("utf-8"))


def test_structure(smoke: dict[str, Any]) -> None:
    assert set(smoke) >= {"meta", "systems", "accuracy", "speed", "targets"}
    assert smoke["meta"]["smoke"] is True
    assert smoke["meta"]["machine"]["cpu_count"] >= 1
    names = [s["name"] for s in smoke["systems"]]
    assert "numclaims (blank)" in names
    # every peer is listed, installed or not
    assert {"Recognizers-Text", "Duckling", "text2num", "quantulum3 (en)"} <= set(names)
    for system in smoke["systems"]:
        assert system["available"] or system["error"]


def test_numclaims_accuracy_is_real(smoke: dict[str, Any]) -> None:
    gen = smoke["accuracy"]["num2words_es"]
    scores = gen["systems"]["numclaims (blank)"]["scores"]["all scored"]
    assert scores["gold"] > 0
    for key in ("precision", "recall", "f1", "value_acc"):
        assert _number(scores[key]) and 0 <= scores[key] <= 1
    for name in ("recognizers_es", "dev_claims_es"):
        block = smoke["accuracy"][name]
        if "skipped" in block:
            assert smoke["meta"]["shared_present"] is False
            continue
        scores = block["systems"]["numclaims (blank)"]["scores"]
        total = scores["all scored" if name == "recognizers_es" else "all claims"]
        assert total["tp"] + total["fn"] > 0
        assert _number(total["f1"])
        assert _number(total["value_acc"])
    if "skipped" not in smoke["accuracy"]["dev_claims_es"]:
        dev = smoke["accuracy"]["dev_claims_es"]["systems"]["numclaims (blank)"]["scores"]
        assert _number(dev["non-claim kinds"]["not_reported_acc"])


def test_numclaims_speed_is_real(smoke: dict[str, Any]) -> None:
    speed = smoke["speed"]
    row = speed["throughput"]["systems"]["numclaims (blank)"]
    for key in ("chars_per_s", "claims_per_s", "overhead", "seconds"):
        assert _number(row[key])
    assert row["chars_per_s"] > 0 and row["claims"] > 0
    cold = speed["cold_start"]
    assert _number(cold["import_spacy_s"]) and _number(cold["blank"]["beyond_import_spacy_s"])
    mem = speed["memory"]["blank"]
    assert _number(mem["added_tracemalloc_peak_kb"])
    assert [r["factor"] for r in speed["scaling"]["rows"]] == [1, 4, 16]
    assert all(_number(r["time_ratio"]) for r in speed["scaling"]["rows"])
    assert set(speed["adversarial"]) == {"1.1.1.1…", "1,1,1,…", "mil mil mil …"}
    for target in smoke["targets"].values():
        assert _number(target["value"]) and isinstance(target["met"], bool)


def test_ceiling_share_profile_and_cold_steps_are_real(smoke: dict[str, Any]) -> None:
    speed = smoke["speed"]
    assert _number(speed["tokenizer"]["chars_per_s"])
    share = speed["component_share"]["blank"]
    for key in ("share", "per_doc_ms", "per_claim_ms", "per_no_number_doc_us"):
        assert _number(share[key]) and share[key] > 0
    assert share["claims"] > 0 and share["no_number_docs"] > 0
    assert _number(speed["multiprocess"]["speedup"])
    prof = speed["profile"]
    assert prof["by_cumulative"] and prof["by_own_time"]
    assert all(r["function"].startswith("numclaims/") for r in prof["by_cumulative"])
    assert all(0 < r["cumulative_share"] <= 1 for r in prof["by_cumulative"])
    cold = speed["cold_parts"]
    assert _number(cold["ours_s"])
    assert cold["ours_s"] == pytest.approx(
        cold["import_numclaims_s"] + cold["add_pipe_s"] + cold["first_doc_s"]
    )

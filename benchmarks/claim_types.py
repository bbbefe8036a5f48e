"""Claim types (QuanTemp) of whole claim texts against fact-checkers' labels.

Run: ``python -m benchmarks.claim_types [PATH]`` (default ``../shared/eval/claim_types_dev.jsonl``,
one ``{"text", "claim_type"}`` object a line). Prints accuracy, macro-F1 and the confusion
matrix (rows: gold, columns: predicted).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from numclaims.rules.claim_types import CLAIM_TYPES, classify

from . import SHARED

DEFAULT = SHARED / "eval" / "claim_types_dev.jsonl"


def evaluate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, per-type precision/recall/F1, macro-F1 and the confusion matrix."""
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        confusion[(row["claim_type"], classify(row["text"]).claim_type)] += 1
    n = sum(confusion.values())
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    per: dict[str, dict[str, float]] = {}
    for t in CLAIM_TYPES:
        tp = confusion[(t, t)]
        fp = sum(v for (g, p), v in confusion.items() if p == t and g != t)
        fn = sum(v for (g, p), v in confusion.items() if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[t] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    return {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(p["f1"] for p in per.values()) / len(per),
        "per_type": per,
        "confusion": {g: {p: confusion[(g, p)] for p in CLAIM_TYPES} for g in CLAIM_TYPES},
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"skipped: {path} is absent")
        return 0
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    res = evaluate(rows)
    print(f"claims: {res['n']}  accuracy: {res['accuracy']:.3f}  macro-F1: {res['macro_f1']:.3f}")
    print(f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
    for t, p in res["per_type"].items():
        print(f"{t:<12} {p['precision']:6.3f} {p['recall']:6.3f} {p['f1']:6.3f} {p['support']:4d}")
    print("confusion (rows gold, columns predicted):")
    print(" " * 12 + "".join(f"{t[:11]:>12}" for t in CLAIM_TYPES))
    for g in CLAIM_TYPES:
        print(f"{g:<12}" + "".join(f"{res['confusion'][g][p]:>12}" for p in CLAIM_TYPES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

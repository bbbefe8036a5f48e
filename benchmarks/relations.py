"""Changes and periods: how many of the annotated ones numclaims reports.

``python -m benchmarks.relations`` prints two tables:

1. On ``benchmarks/relations_es.jsonl`` (sentences written for the project, each with its
   gold changes and periods): changes found with every gold field right, and periods
   found with the right partial-ISO value (``null`` gold: a relative expression, right
   when it is found and left relative).
2. On the dev sets in ``../shared/eval/`` (skipped when absent): every "de X a Y" after a
   verb of change (two consecutive gold mentions) must be two claims linked as one change;
   and the gold dates' ``normalized`` values found by the time expressions.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

from numclaims.rules.changes import verbs_of_change
from numclaims.rules.claims import find_claims
from numclaims.rules.periods import find_times
from numclaims.rules.relations import relations_of
from numclaims.rules.sentences import split_sentences

from . import SHARED

HERE = Path(__file__).resolve().parent
FIELDS = {
    "from": "from_value",
    "to": "to_value",
    "delta": "delta",
    "delta_unit": "delta_unit",
    "direction": "direction",
    "relative_change": "relative_change",
    "factor": "factor",
}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def own_set(path: Path = HERE / "relations_es.jsonl") -> dict[str, int]:
    """Gold changes and periods of the project's own sentences, and how many are found."""
    out = {"changes": 0, "changes_found": 0, "periods": 0, "periods_found": 0}
    for row in _rows(path):
        # the changes of the text, also those with no claim ("se triplicaron")
        text = row["text"]
        sentences = split_sentences(text)
        _, rel = relations_of(text, find_claims(text, sentences=sentences), sentences)
        predicted = rel.changes
        for gold in row["changes"]:
            out["changes"] += 1
            if any(all(p.get(FIELDS[k]) == v for k, v in gold.items()) for p in predicted):
                out["changes_found"] += 1
        times = find_times(row["text"])
        for gold in row["periods"]:
            out["periods"] += 1
            if any(t.normalized == gold and (gold is not None or t.relative) for t in times):
                out["periods_found"] += 1
    return out


def dev_sets(shared: Path = SHARED / "eval") -> dict[str, dict[str, int]]:
    """Per dev set: gold "de X a Y" changes linked, and gold dates normalized."""
    res: dict[str, dict[str, int]] = {}
    for name in ("dev_claims_es.jsonl", "dev2_claims_es.jsonl", "dev_articles_es.jsonl"):
        path = shared / name
        if not path.exists():
            continue
        out = {"from_to": 0, "from_to_linked": 0, "dates": 0, "dates_found": 0}
        for row in _rows(path):
            text = row["text"]
            gold = sorted(row["claims"], key=lambda c: c["start"])
            drafts = find_claims(text)
            verbs = verbs_of_change(text)
            for a, b in pairwise(gold):
                gap = text[a["end"] : b["start"]].strip().lower()
                before = text[max(0, a["start"] - 8) : a["start"]].lower().split()
                near_verb = any(0 <= a["start"] - v.end <= 60 for v in verbs)
                if gap in ("a", "al", "hasta") and before[-1:] in (["de"], ["del"]) and near_verb:
                    out["from_to"] += 1
                    linked = [
                        d
                        for d in drafts
                        if d.change is not None
                        and d.change.get("from_start_char") is not None
                        and abs(d.change["from_start_char"] - a["start"]) <= 4
                        and abs(d.change.get("to_end_char", -99) - b["end"]) <= 4
                    ]
                    out["from_to_linked"] += bool(linked)
            times = find_times(text)
            for c in gold:
                if c["kind"] == "date" and c.get("normalized"):
                    out["dates"] += 1
                    out["dates_found"] += any(
                        t.start <= c["end"]
                        and c["start"] <= t.end
                        and c["normalized"] in (t.normalized or "")
                        for t in times
                    )
        res[name] = out
    return res


def main() -> int:
    own = own_set()
    print("own sentences (benchmarks/relations_es.jsonl):")
    print("| | gold | found |\n|---|---|---|")
    print(f"| changes | {own['changes']} | {own['changes_found']} |")
    print(f"| periods | {own['periods']} | {own['periods_found']} |")
    dev = dev_sets()
    if not dev:
        print("dev sets: skipped (../shared/eval is absent)")
        return 0
    print("\ndev sets:")
    print("| set | 'de X a Y' changes | linked | gold dates | normalized |\n|---|---|---|---|---|")
    for name, r in dev.items():
        cells = (name, r["from_to"], r["from_to_linked"], r["dates"], r["dates_found"])
        print("| " + " | ".join(str(c) for c in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

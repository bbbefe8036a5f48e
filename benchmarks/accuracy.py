"""Scoring: detection by span overlap, then value, unit, qualifier, subject and speaker.

Predictions and expected mentions are paired one to one, largest overlap first.
Values are compared as :class:`~decimal.Decimal`, exactly.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .data import NON_CLAIM_KINDS, Case, Gold
from .peers import PeerStatus, Prediction

#: Suites of the unit models, where only the target entity is annotated.
UNIT_MODEL_SUITES = frozenset({"currency", "dimension", "temperature", "age", "percent"})
#: Recognizers suites whose targets numclaims must not report (not numeric claims).
NOT_CLAIM_SUITES = frozenset({"ordinal", "age"})


@dataclass
class Counts:
    """Tallies for one suite or kind."""

    cases: int = 0
    gold: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    #: False where false positives cannot be told apart by kind (recall only).
    has_precision: bool = True
    checks: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def check(self, name: str, ok: bool) -> None:
        """Count one comparison of attribute ``name``."""
        self.checks[name][0] += int(ok)
        self.checks[name][1] += 1

    def summary(self) -> dict[str, Any]:
        """Precision, recall, F1 and attribute accuracies (``None`` when undefined)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp and self.has_precision else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f1 = None
        if p is not None and r is not None:
            f1 = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {
            "cases": self.cases,
            "gold": self.gold,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": p,
            "recall": r,
            "f1": f1,
        }
        for name, (ok, n) in sorted(self.checks.items()):
            out[f"{name}_acc"] = ok / n if n else None
            out[f"{name}_n"] = n
        return out


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(golds: list[Gold], preds: list[Prediction]) -> list[tuple[int, int]]:
    """Pair golds and predictions one to one by span overlap, largest first."""
    pairs = [
        (overlap(g.start, g.end, p.start, p.end), gi, pi)
        for gi, g in enumerate(golds)
        for pi, p in enumerate(preds)
    ]
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ov, gi, pi in sorted(pairs, key=lambda x: -x[0]):
        if ov > 0 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def fold(text: str) -> str:
    """Lower-case, accent-free text."""
    nfd = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in nfd if not unicodedata.combining(c))


def same(gold: Decimal, pred: Decimal | None) -> bool:
    """Exact equality; a repeating fraction matches at the precision the gold was rounded to."""
    if pred is None:
        return False
    if pred == gold:
        return True
    exp = gold.as_tuple().exponent
    if isinstance(exp, int) and exp <= -12:  # e.g. 0.666666666666667 for 2/3
        try:
            return pred.quantize(Decimal(1).scaleb(exp)) == gold
        except InvalidOperation:  # far too large to round at that precision
            return False
    return False


def value_ok(g: Gold, p: Prediction) -> bool:
    """Exact value match; ranges compare their bounds."""
    if g.value is not None:
        if p.value is not None:
            return same(g.value, p.value)
        return same(g.value, p.value_min) or same(g.value, p.value_max)
    bounds = [(g.value_min, p.value_min), (g.value_max, p.value_max)]
    if all(gb is None for gb, _ in bounds):
        return p.value is None  # a vague mention
    pred_bounds = [b for b in (p.value, p.value_min, p.value_max) if b is not None]
    return all(gb is None or any(same(gb, b) for b in pred_bounds) for gb, _ in bounds)


def unit_ok(g: Gold, p: Prediction) -> bool:
    """Whether one of the prediction's unit names equals (or starts) an expected one."""
    gold = {fold(u) for u in g.units}
    pred = {fold(u) for u in p.units}
    if gold & pred:
        return True
    return any(len(x) >= 4 and (x.startswith(y) or y.startswith(x)) for x in gold for y in pred)


_STOP = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "en",
        "por",
        "para",
        "con",
        "que",
        "una",
        "uno",
        "unos",
        "unas",
        "sus",
        "esa",
        "ese",
        "esos",
        "esas",
    ]
)


def stems(text: str) -> set[str]:
    """Crude stems (first five letters) of the content words of ``text``."""
    words = "".join(c if c.isalnum() else " " for c in fold(text)).split()
    return {w[:5] for w in words if len(w) >= 4 and w not in _STOP}


def subject_ok(g: Gold, p: Prediction) -> bool:
    """Lenient: the predicted subject shares a content word with the description."""
    return bool(p.subject) and bool(stems(p.subject or "") & stems(g.subject or ""))


def speaker_ok(g: Gold, p: Prediction) -> bool:
    """Both unset, or the predicted speaker shares a name word with the annotated one."""
    if g.speaker is None or p.speaker is None:
        return g.speaker is None and p.speaker is None
    return bool(stems(g.speaker) & stems(p.speaker)) or fold(p.speaker) in fold(g.speaker)


def _attrs(counts: Counts, g: Gold, p: Prediction, provides: Iterable[str], dev: bool) -> None:
    counts.check("value", value_ok(g, p))
    if g.units and "unit" in provides:
        counts.check("unit", unit_ok(g, p))
    if not dev:
        return
    if "qualifier" in provides:
        counts.check("qualifier", g.qualifier == p.qualifier)
    if g.subject and "subject" in provides:
        counts.check("subject", subject_ok(g, p))
    if g.has_speaker and "speaker" in provides:
        counts.check("speaker", speaker_ok(g, p))


def _run(system: PeerStatus, case: Case) -> list[Prediction]:
    assert system.extract is not None
    return system.extract(case.text, case.locale)


def score_recognizers(system: PeerStatus, cases: list[Case]) -> dict[str, Any]:
    """Per-suite scores on the Recognizers-Text cases (and ordinal/age left unreported)."""
    counts: dict[str, Counts] = defaultdict(Counts)
    for case in cases:
        suite = f"{case.suite} ({case.locale})"
        c = counts[suite]
        c.cases += 1
        preds = _run(system, case)
        if case.suite in NOT_CLAIM_SUITES:
            for g in case.golds:
                c.gold += 1
                hit = any(overlap(g.start, g.end, p.start, p.end) for p in preds)
                c.check("not_reported", not hit)
            continue
        if case.suite in UNIT_MODEL_SUITES:
            preds = [p for p in preds if p.measure_unit]
        _score_matches(c, case.golds, preds, system.provides)
    return _with_total(counts)


def _score_matches(
    c: Counts, golds: list[Gold], preds: list[Prediction], provides: Iterable[str]
) -> None:
    """Count matches, misses and false alarms of one case, and score matched attributes."""
    pairs = match(golds, preds)
    c.gold += len(golds)
    c.tp += len(pairs)
    c.fp += len(preds) - len(pairs)
    c.fn += len(golds) - len(pairs)
    for gi, pi in pairs:
        _attrs(c, golds[gi], preds[pi], provides, dev=False)


def score_generated(system: PeerStatus, cases: list[Case]) -> dict[str, Any]:
    """Per-kind scores on the num2words cases (every number in them is annotated)."""
    counts: dict[str, Counts] = defaultdict(Counts)
    for case in cases:
        c = counts[case.suite.split(":", 1)[1]]
        c.cases += 1
        preds = _run(system, case)
        _score_matches(c, case.golds, preds, system.provides)
    return _with_total(counts)


def score_dev(system: PeerStatus, cases: list[Case]) -> dict[str, Any]:
    """Dev-set scores: claims per kind, and how many non-claim mentions were reported."""
    counts: dict[str, Counts] = defaultdict(Counts)
    total = Counts()
    non_claim = Counts()
    for case in cases:
        preds = _run(system, case)
        claims = [g for g in case.golds if g.kind not in NON_CLAIM_KINDS]
        others = [g for g in case.golds if g.kind in NON_CLAIM_KINDS]
        pairs = match(claims, preds)
        matched = {pi for _, pi in pairs}
        total.cases += 1
        total.gold += len(claims)
        total.tp += len(pairs)
        total.fn += len(claims) - len(pairs)
        total.fp += len(preds) - len(pairs)
        for g in claims:
            counts[g.kind].gold += 1
            counts[g.kind].has_precision = False
        for gi, pi in pairs:
            g = claims[gi]
            counts[g.kind].tp += 1
            _attrs(counts[g.kind], g, preds[pi], system.provides, dev=True)
            _attrs(total, g, preds[pi], system.provides, dev=True)
        found = {gi for gi, _ in pairs}
        for gi, g in enumerate(claims):
            if gi not in found:
                counts[g.kind].fn += 1
        rest = [p for pi, p in enumerate(preds) if pi not in matched]
        for g in others:
            non_claim.gold += 1
            hit = any(overlap(g.start, g.end, p.start, p.end) for p in rest)
            non_claim.check("not_reported", not hit)
            counts[f"{g.kind} (non-claim)"].gold += 1
            counts[f"{g.kind} (non-claim)"].check("not_reported", not hit)
    out = {kind: c.summary() for kind, c in sorted(counts.items())}
    out["non-claim kinds"] = non_claim.summary()
    out["all claims"] = total.summary()
    return out


def _with_total(counts: dict[str, Counts]) -> dict[str, Any]:
    out = {k: c.summary() for k, c in sorted(counts.items())}
    scored = [c for k, c in counts.items() if c.tp + c.fp + c.fn]
    if scored:
        total = Counts()
        for c in scored:
            total.cases += c.cases
            total.gold += c.gold
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
            for name, (ok, n) in c.checks.items():
                total.checks[name][0] += ok
                total.checks[name][1] += n
        out["all scored"] = total.summary()
    return out
